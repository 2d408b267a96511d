"""
What each command does: its handler reads the parsed arguments and
writes to the output.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from goudenoor._text import json_text, one_line
from goudenoor.benchmark import percentile_ranks, trend
from goudenoor.comparison import Comparison, compare
from goudenoor.exceptions import GoudenoorError
from goudenoor.extensions import Extension, apply_extension
from goudenoor.files import (
    available_extensions,
    dump_assessment,
    editions,
    load_assessment,
    load_extension,
    load_portfolio,
    load_standard,
    load_translation,
    load_translation_file,
    loads_assessment,
    loads_extension,
    loads_translation,
    save_assessment,
    standard_for,
    standard_to_mapping,
    translations,
    write_text_atomic,
)
from goudenoor.files import consensus as agree
from goudenoor.files import rollup as roll_up
from goudenoor.files.documents import STDIN, load_document, read_stdin
from goudenoor.files.output_schemas import (
    EDITIONS_FORMAT,
    EXTENSIONS_FORMAT,
    STANDARD_FORMAT,
    VALIDATION_FORMAT,
)
from goudenoor.files.portfolio import PortfolioFiles, portfolio_files
from goudenoor.files.teams import refuse_repeated_files
from goudenoor.graph import (
    at_risk,
    influence_graph,
    structure_graph,
    to_dot,
    to_graphml,
    to_json,
    to_mermaid,
)
from goudenoor.model import Standard
from goudenoor.portfolio import COLUMNS as PORTFOLIO_COLUMNS
from goudenoor.portfolio import PortfolioError, PortfolioNote, PortfolioSummary
from goudenoor.report import LANGUAGES, render_report
from goudenoor.report.markdown import (
    benchmark_markdown,
    portfolio_summary_markdown,
    rollup_markdown,
    trend_markdown,
)
from goudenoor.report.tables import table_csv, table_json, table_markdown, table_text
from goudenoor.report.text import area_text, card_text, standard_text
from goudenoor.scoring import ScoreCard, score
from goudenoor.translation import Translation


__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
]


def __dir__() -> list[str]:
    return __all__


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

_Handler = Callable[[argparse.Namespace, TextIO], int]


def _standard(edition: str | None, references: list[str]) -> Standard:
    standard = load_standard(edition)
    if not references:
        return standard
    return apply_extension(standard, *_extensions_of(references))


def _emit(args: argparse.Namespace, out: TextIO, text: str) -> None:
    if args.output is None:
        out.write(text)
    else:
        write_text_atomic(args.output, text, overwrite=args.force)


def _template(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files.template import assessment_template

    standard = _standard(args.edition, args.extension)
    if args.format == "xlsx":
        if args.output is None:
            raise GoudenoorError("an XLSX template needs an output file: -o OUT.xlsx")
        from goudenoor.files.xlsx import write_workbook

        write_workbook(
            standard,
            args.output,
            organisation=args.organisation,
            date=args.date,
            scale=args.scale,
            overwrite=args.force,
        )
        return EXIT_OK
    text = assessment_template(
        standard, organisation=args.organisation, date=args.date, scale=args.scale
    )
    _emit(args, out, text)
    return EXIT_OK


def _graph(args: argparse.Namespace, out: TextIO) -> int:
    standard = _standard(args.edition, args.extension)
    scores: dict[str, float] | None = None
    card: ScoreCard | None = None
    graph = structure_graph(standard) if args.structure else influence_graph(standard)
    if args.assessment is not None:
        assessment = (
            loads_assessment(read_stdin(), source=STDIN, standard=standard)
            if args.assessment == "-"
            else load_assessment(args.assessment, standard)
        )
        card = score(standard, assessment, check=False)
        if args.structure:
            scores = {f"area:{a}": r.fraction for a, r in card.areas.items()}
        else:
            scores = {a: r.fraction for a, r in card.areas.items()}
            for risk in at_risk(graph, card):
                sys.stderr.write(f"at risk: {one_line(str(risk))}\n")
    if args.format == "dot":
        text = to_dot(graph, scores)
    elif args.format == "mermaid":
        text = to_mermaid(graph, scores)
    elif args.format == "graphml":
        text = to_graphml(graph, card=card)
    else:
        data = to_json(graph, card=card)
        text = json_text(data)
    _emit(args, out, text)
    return EXIT_OK


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files.output_schemas import (
        comparison_schema,
        consensus_schema,
        edition_diff_schema,
        editions_schema,
        extensions_schema,
        graph_schema,
        migration_schema,
        percentile_ranks_schema,
        portfolio_schema,
        portfolio_summary_schema,
        rollup_schema,
        scorecard_schema,
        standard_schema,
        trend_schema,
        validation_schema,
    )
    from goudenoor.files.schemas import (
        assessment_schema,
        crosswalk_schema,
        extension_schema,
        translation_schema,
    )

    schema = {
        "assessment": assessment_schema,
        "crosswalk": crosswalk_schema,
        "extension": extension_schema,
        "translation": translation_schema,
        "scorecard": scorecard_schema,
        "comparison": comparison_schema,
        "edition-diff": edition_diff_schema,
        "migration": migration_schema,
        "consensus": consensus_schema,
        "rollup": rollup_schema,
        "portfolio": portfolio_schema,
        "percentile-ranks": percentile_ranks_schema,
        "trend": trend_schema,
        "portfolio-summary": portfolio_summary_schema,
        "editions": editions_schema,
        "standard": standard_schema,
        "extensions": extensions_schema,
        "validation": validation_schema,
        "graph": graph_schema,
    }[args.format]()
    _emit(args, out, json_text(schema))
    return EXIT_OK


def _extensions(args: argparse.Namespace, out: TextIO) -> int:
    installed = available_extensions()
    if not installed and args.format == "text":
        out.write("no sector extensions installed\n")
    broken: list[str] = []
    listed: list[dict[str, object]] = []
    for name, found in installed.items():
        package = found.distribution or "?"
        try:
            extension = load_extension(name)
        except GoudenoorError as exc:
            broken.append(f"package {package}: {exc}")
            listed.append({"name": name, "package": package, "error": str(exc)})
            continue
        listed.append(
            {
                "name": name,
                "package": package,
                "package_version": found.version,
                "title": extension.title,
                "version": extension.version,
                "targets": list(extension.targets),
            }
        )
        if args.format == "text":
            version = f" {found.version}" if found.version else ""
            out.write(
                f"{name}  {extension.title} {extension.version} "
                f"(targets {', '.join(extension.targets)}; "
                f"package {package}{version})\n"
            )
    if args.format == "json":
        _write_json(out, EXTENSIONS_FORMAT, {"extensions": listed})
    for message in broken:
        sys.stderr.write(f"goudenoor: error: {_one_line(message)}\n")
    return EXIT_FINDINGS if broken else EXIT_OK


def _write_json(out: TextIO, kind: str, data: dict[str, object]) -> None:
    marked = {"goudenoor": kind, **data}
    out.write(json_text(marked))


def _extensions_of(references: list[str]) -> list[Extension]:
    return [
        loads_extension(read_stdin(), source=STDIN)
        if reference == "-"
        else load_extension(reference)
        for reference in references
    ]


_STDIN_ARGUMENTS = ("file", "old", "new", "compare", "assessment", "translation")


def check_stdin(args: argparse.Namespace) -> None:
    """
    Refuse a command that names standard input (``-``) more than once.
    """
    named = [getattr(args, name, None) for name in _STDIN_ARGUMENTS]
    named += [*getattr(args, "extension", ()), *getattr(args, "files", ())]
    if named.count("-") > 1:
        raise GoudenoorError("standard input ('-') can be read only once")


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    results: list[dict[str, object]] = []
    for name in args.files:
        shown = STDIN if name == "-" else name
        try:
            load_document(name)
        except GoudenoorError as exc:
            sys.stderr.write(f"goudenoor: error: {_one_line(str(exc))}\n")
            results.append({"file": shown, "valid": False, "error": str(exc)})
            continue
        results.append({"file": shown, "valid": True})
        if args.format == "text":
            out.write(f"{one_line(shown)}: ok\n")
    if args.format == "json":
        _write_json(out, VALIDATION_FORMAT, {"files": results})
    valid = all(result["valid"] for result in results)
    return EXIT_OK if valid else EXIT_FINDINGS


def _card(args: argparse.Namespace, file: str) -> ScoreCard:
    extensions = _extensions_of(args.extension)
    assessment = (
        loads_assessment(read_stdin(), source=STDIN, extensions=extensions)
        if file == "-"
        else load_assessment(file, extensions=extensions)
    )
    standard = standard_for(assessment, extensions)
    return score(
        standard,
        assessment,
        method=args.method,
        scheme=args.scheme,
        parameters=dict(args.param),
        evidence_policy=args.evidence_policy,
        check=False,
    )


def _report(args: argparse.Namespace, out: TextIO) -> int:
    card = _card(args, args.file)
    translation = None if args.language == "nl" else _translation(args, card.standard)
    language = next(
        (
            choice
            for choice in (args.language, translation and translation.language)
            if choice in LANGUAGES
        ),
        "nl",
    )
    if translation is not None and args.format not in {"md", "html"}:
        raise GoudenoorError(
            f"a translation is shown in the md and html reports, not in {args.format}"
        )
    if args.format == "xlsx":
        if args.output is None:
            raise GoudenoorError("an XLSX report needs an output file: -o OUT.xlsx")
        from goudenoor.files.xlsx import write_workbook

        write_workbook(
            card.standard,
            args.output,
            card=card,
            language=language,
            overwrite=args.force,
        )
        return EXIT_OK
    comparison = _compared(_card(args, args.compare), card) if args.compare else None
    text = render_report(
        card,
        args.format,
        comparison=comparison,
        top=args.top,
        translation=translation,
        language=language,
    )
    _emit(args, out, text)
    return EXIT_OK


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    comparison = _compared(_card(args, args.old), _card(args, args.new))
    if args.format == "text":
        text = comparison.text()
    elif args.format == "json":
        text = json_text(comparison.as_dict())
    else:
        text = render_report(comparison.new, args.format, comparison=comparison)
    _emit(args, out, text)
    return EXIT_OK


def _import_xlsx(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files.xlsx import read_workbook

    if args.file == "-":
        raise GoudenoorError(
            "import-xlsx reads a workbook from a file, not from standard input "
            "('-'): give the path of the .xlsx file"
        )
    extensions = _extensions_of(args.extension)
    assessment = read_workbook(args.file, extensions=extensions)
    _emit(args, out, dump_assessment(assessment))
    return EXIT_OK


def _score(args: argparse.Namespace, out: TextIO) -> int:
    card = _card(args, args.file)
    if args.format == "json":
        out.write(json_text(card.as_dict()))
    else:
        out.write(card_text(card))
    return EXIT_OK


def _one_line(message: str) -> str:
    # The message's own lines are kept (indented); control characters in
    # them (from a file name, say) are not written to the terminal.
    lines = [one_line(line) for line in message.splitlines()] or [""]
    return lines[0] + "".join(f"\n  {line.strip()}" for line in lines[1:])


def _editions(args: argparse.Namespace, out: TextIO) -> int:
    listed: list[dict[str, object]] = []
    for edition in editions():
        standard = load_standard(edition)
        languages = translations(edition)
        listed.append(
            {
                "id": standard.id,
                "title": standard.title,
                "year": standard.year,
                "areas": len(standard.areas),
                "requirements": len(standard.requirements),
                "translations": list(languages),
            }
        )
        if args.format == "json":
            continue
        out.write(
            f"{standard.id}  {standard.title} ({standard.year}): "
            f"{len(standard.areas)} areas, "
            f"{len(standard.requirements)} requirements"
            + (f"; translations: {', '.join(languages)}" if languages else "")
            + "\n"
        )
    if args.format == "json":
        _write_json(out, EDITIONS_FORMAT, {"editions": listed})
    return EXIT_OK


def _show(args: argparse.Namespace, out: TextIO) -> int:
    edition: str | None = args.edition
    area_key: str | None = args.area
    if edition is not None and area_key is None and edition not in editions():
        edition, area_key = None, edition
    if args.format == "json" and (args.language or args.translation):
        raise GoudenoorError("a translation is shown in the text, not in json")
    standard = _standard(edition, args.extension)
    width = min(shutil.get_terminal_size((88, 24)).columns, 100)
    translation = _translation(args, standard)
    if args.format == "json":
        data = standard_to_mapping(standard)
        data.pop("goudenoor", None)
        if area_key is not None:
            number = standard.area(area_key).number
            data["areas"] = [a for a in data["areas"] if a.get("number") == number]
        _write_json(out, STANDARD_FORMAT, data)
        return EXIT_OK
    if area_key is None:
        out.write(standard_text(standard, width, translation))
    else:
        out.write(area_text(standard, standard.area(area_key), width, translation))
    return EXIT_OK


def _translation(args: argparse.Namespace, standard: Standard) -> Translation | None:
    if args.translation == "-":
        return loads_translation(read_stdin(), source=STDIN, standard=standard)
    if args.translation is not None:
        return load_translation_file(args.translation, standard)
    if args.language is not None:
        return load_translation(standard.id, args.language)
    return None


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.edition_diff import diff_editions
    from goudenoor.report.markdown import edition_diff_markdown

    diff = diff_editions(load_standard(args.old), load_standard(args.new))
    if args.format == "json":
        text = json_text(diff.as_dict())
    elif args.format == "md":
        text = edition_diff_markdown(diff)
    else:
        text = diff.text()
    _emit(args, out, text)
    return EXIT_OK


def _migrate(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import load_crosswalk_file, migrate, refuse_existing
    from goudenoor.files.migrations import migration_standards

    extensions = [load_extension(reference) for reference in args.extension]
    assessment = load_assessment(args.file, extensions=extensions)
    crosswalk = None
    if args.crosswalk is not None:
        source, target = migration_standards(assessment, args.to, extensions=extensions)
        crosswalk = load_crosswalk_file(args.crosswalk, source=source, target=target)
    writing = args.output is not None and not args.dry_run
    if writing:
        refuse_existing(Path(args.output), overwrite=args.force)
    migration = migrate(assessment, args.to, crosswalk=crosswalk, extensions=extensions)
    if args.format == "json":
        out.write(json_text(migration.as_dict()))
    else:
        out.write(
            "".join(f"{one_line(line)}\n" for line in migration.text().splitlines())
        )
    if writing:
        write_text_atomic(
            args.output, dump_assessment(migration.assessment), overwrite=args.force
        )
    return EXIT_OK


def _compared(old: ScoreCard, new: ScoreCard) -> Comparison:
    """
    *old* and *new* compared, through the shipped crosswalk when they are
    of two editions it maps between.
    """
    from goudenoor.files import crosswalks, load_crosswalk

    pair = (old.standard.id, new.standard.id)
    crosswalk = load_crosswalk(*pair) if pair in crosswalks() else None
    return compare(old, new, crosswalk=crosswalk)


def _consensus(args: argparse.Namespace, out: TextIO) -> int:
    refuse_repeated_files(args.files)
    extensions = [load_extension(reference) for reference in args.extension]
    result = agree(
        [load_assessment(file, extensions=extensions) for file in args.files],
        rule=args.rule,
        spread=args.spread,
        extensions=extensions,
        language=args.language,
    )
    if args.format == "json":
        text = json_text(result.as_dict())
    elif args.format == "md":
        card = score(result.standard, result.assessment, check=False)
        text = render_report(card, "md", consensus=result, language=args.language)
    else:
        text = result.text()
    save_assessment(result.assessment, args.output, overwrite=args.force)
    out.write(text)
    return EXIT_OK


def _oscal_text(data: dict[str, object], format_: str) -> str:
    if format_ == "yaml":
        from goudenoor.files._yaml import dump as dump_yaml

        return dump_yaml(data)
    return json_text(data)


def _oscal_catalog(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.oscal import to_oscal_catalog

    standard = _standard(args.edition, args.extension)
    _emit(args, out, _oscal_text(to_oscal_catalog(standard), args.format))
    return EXIT_OK


def _oscal_results(args: argparse.Namespace, out: TextIO) -> int:
    extensions = [load_extension(reference) for reference in args.extension]
    assessment = load_assessment(args.file, extensions=extensions)
    standard = standard_for(assessment, extensions)
    card = score(
        standard,
        assessment,
        method=args.method,
        scheme=args.scheme,
        parameters=dict(args.param),
        evidence_policy=args.evidence_policy,
        check=False,
    )
    from goudenoor.oscal import to_oscal_results

    data = to_oscal_results(standard, assessment, card=card)
    _emit(args, out, _oscal_text(data, args.format))
    return EXIT_OK


def _portfolio(args: argparse.Namespace, out: TextIO) -> int:
    if args.summary and args.format == "csv":
        raise GoudenoorError(
            "--summary writes text, json, md or html, not csv (a summary is no table)"
        )
    if not args.summary and args.format == "html":
        raise GoudenoorError(
            "--format html is for the summary: add --summary (the table is text, "
            "csv, json or md)"
        )
    extensions = [load_extension(reference) for reference in args.extension]
    paths = _portfolio_files(args.paths)
    progress = _Progress(sys.stderr)
    try:
        portfolio = load_portfolio(
            paths, jobs=args.jobs, extensions=extensions, progress=progress
        )
    finally:
        progress.close()
    options = _scoring(args)
    refused = [(error.path, str(error.error)) for error in portfolio.errors]
    if args.summary:
        text = _portfolio_summary(portfolio.summary(**options), args)
        _emit(args, out, text)
        _refused(portfolio.errors, portfolio.notes)
        return EXIT_FINDINGS if refused else EXIT_OK
    rows = portfolio.table(args.level, **options)
    columns = PORTFOLIO_COLUMNS[args.level]
    if args.format == "csv":
        text = table_csv(rows, columns)
    elif args.format == "json":
        text = table_json(rows, columns, level=args.level, refused=refused)
    elif args.format == "md":
        text = table_markdown(rows, columns)
    else:
        text = table_text(rows, columns)
    _emit(args, out, text)
    _refused(portfolio.errors, portfolio.notes)
    return EXIT_FINDINGS if refused else EXIT_OK


def _portfolio_files(given: list[str]) -> PortfolioFiles:
    """
    The files the PATHs give (see ``portfolio_files``), in order.

    Raises:
        GoudenoorError: A PATH gives no file.
    """
    files = portfolio_files(given)
    for path in files.empty:
        raise GoudenoorError(
            f"no assessment files in {path!r} (expected a file, a folder with "
            "*.yaml or *.yml files, or a glob pattern that matches files)"
        )
    return files


def _portfolio_summary(summary: PortfolioSummary, args: argparse.Namespace) -> str:
    if args.format == "json":
        return json_text(summary.as_dict())
    if args.format == "md":
        return portfolio_summary_markdown(summary, args.language)
    if args.format == "html":
        from goudenoor.report.many_html import portfolio_summary_html

        return portfolio_summary_html(summary, args.language)
    return summary.text()


class _Progress:
    """
    "N/M files" on standard error, only when it is a terminal and only once
    the work has taken more than a second.
    """

    def __init__(self, stream: TextIO, delay: float = 1.0) -> None:
        self.stream = stream
        self.shown = False
        self.start = time.monotonic()
        self.delay = delay
        self.terminal = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.terminal or time.monotonic() - self.start < self.delay:
            return
        self.stream.write(f"\rgoudenoor: {done:,}/{total:,} files")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _rollup(args: argparse.Namespace, out: TextIO) -> int:
    weights: dict[str, float] = {}
    for unit, weight in args.weight:
        if unit in weights:
            raise GoudenoorError(f"--weight: unit {unit!r} is given more than once")
        weights[unit] = weight
    extensions = [load_extension(reference) for reference in args.extension]
    result = roll_up(
        [load_assessment(file, extensions=extensions) for file in args.files],
        weights=weights or None,
        rule=args.rule,
        extensions=extensions,
        method=args.method,
        scheme=args.scheme,
        parameters=dict(args.param),
        evidence_policy=args.evidence_policy,
    )
    if args.format == "json":
        text = json_text(result.as_dict())
    elif args.format == "md":
        text = rollup_markdown(result, args.language)
    elif args.format == "html":
        from goudenoor.report.many_html import rollup_html

        text = rollup_html(result, args.language)
    else:
        text = result.text()
    _emit(args, out, text)
    return EXIT_OK


def _scoring(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "method": args.method,
        "scheme": args.scheme,
        "parameters": dict(args.param),
        "evidence_policy": args.evidence_policy,
    }


def _area_names(card: ScoreCard) -> dict[str, str]:
    return {area.id: area.name for area in card.standard.areas}


def _benchmark(args: argparse.Namespace, out: TextIO) -> int:
    extensions = _extensions_of(args.extension)
    card = _scored(args, args.file, extensions)
    paths = _portfolio_files(args.against)
    if args.file != "-":
        # FILE is never its own peer (else its rank would depend on whether
        # a folder or pattern happens to include it), by whatever name.
        paths = paths.without(args.file)
        if not paths.paths:
            raise GoudenoorError(
                f"--against: no peers to compare {args.file} with: the only "
                "assessment given is the file itself"
            )
    progress = _Progress(sys.stderr)
    try:
        portfolio = load_portfolio(
            paths, jobs=args.jobs, extensions=extensions, progress=progress
        )
    finally:
        progress.close()
    _refused(portfolio.errors, portfolio.notes)
    ranks = percentile_ranks(card, portfolio.cards(**_scoring(args)))
    if args.format == "json":
        text = json_text(ranks.as_dict())
    elif args.format == "md":
        text = benchmark_markdown(ranks, args.language, names=_area_names(card))
    else:
        text = ranks.text()
    _emit(args, out, text)
    return EXIT_FINDINGS if portfolio.errors else EXIT_OK


def _refused(
    errors: Iterable[PortfolioError], notes: Iterable[PortfolioNote] = ()
) -> None:
    for error in errors:
        message = str(error.error)
        named = message if error.path in message else f"{error.path}: {message}"
        sys.stderr.write(f"goudenoor: error: {_one_line(named)}\n")
    for note in notes:
        sys.stderr.write(f"goudenoor: note: {_one_line(str(note))}\n")


def _scored(
    args: argparse.Namespace, file: str, extensions: list[Extension]
) -> ScoreCard:
    assessment = (
        loads_assessment(read_stdin(), source=STDIN, extensions=extensions)
        if file == "-"
        else load_assessment(file, extensions=extensions)
    )
    standard = standard_for(assessment, extensions)
    return score(standard, assessment, check=False, **_scoring(args))


def _trend(args: argparse.Namespace, out: TextIO) -> int:
    extensions = _extensions_of(args.extension)
    cards = [_scored(args, file, extensions) for file in args.files]
    result = trend(cards)
    if args.format == "json":
        text = json_text(result.as_dict())
    elif args.format == "md":
        names: dict[str, str] = {}
        for card in sorted(cards, key=lambda c: c.assessment.date):
            names.update(_area_names(card))  # the latest edition's names win
        text = trend_markdown(result, args.language, names=names)
    else:
        text = result.text()
    _emit(args, out, text)
    return EXIT_OK
