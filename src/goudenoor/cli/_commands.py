"""
What each command does: its handler reads the parsed arguments and
writes to the output.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

from goudenoor._data import object_data
from goudenoor._text import json_text, one_line
from goudenoor.audit import (
    Assessment,
    Comparison,
    ScoreCard,
    at_risk,
    compare,
    influence_graph,
    score,
    structure_graph,
    to_dot,
    to_graphml,
    to_json,
    to_mermaid,
)
from goudenoor.exceptions import GoudenoorError, UnknownAreaError
from goudenoor.files import (
    EDITIONS_SHAPE,
    EXTENSIONS_SHAPE,
    STANDARD_FORMAT,
    STDIN,
    VALIDATION_SHAPE,
    PortfolioFiles,
    available_extensions,
    dump_assessment,
    editions,
    load_extension,
    load_portfolio,
    load_standard,
    load_translation,
    loads_assessment,
    loads_document,
    loads_extension,
    loads_translation,
    portfolio_files,
    read_input,
    refuse_repeated_files,
    save_assessment,
    standard_for,
    standard_to_mapping,
    translations,
    write_text_atomic,
)
from goudenoor.files import consensus as agree
from goudenoor.files import rollup as roll_up
from goudenoor.portfolio import COLUMNS as PORTFOLIO_COLUMNS
from goudenoor.portfolio import (
    PortfolioError,
    PortfolioNote,
    PortfolioSummary,
    percentile_ranks,
    trend,
)
from goudenoor.problems import close_matches
from goudenoor.report import (
    LANGUAGES,
    area_text,
    benchmark_markdown,
    card_text,
    portfolio_summary_markdown,
    render_report,
    rollup_markdown,
    standard_text,
    table_csv,
    table_json,
    table_markdown,
    table_text,
    trend_markdown,
)
from goudenoor.standard import (
    Extension,
    Standard,
    Translation,
    apply_extension,
    is_file_reference,
)


__all__ = [
    "EXIT_CODES",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "FILE_ARGUMENTS",
    "FINDINGS",
]


def __dir__() -> list[str]:
    return __all__


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

EXIT_CODES: Final = {
    EXIT_OK: "success",
    EXIT_FINDINGS: "findings or refused files (each on standard error), only from:",
    EXIT_USAGE: "usage or unreadable input: a wrong option, an unknown choice, a "
    "file that cannot be read or used (one line 'goudenoor: error: ...' on "
    "standard error)",
}
"""The exit codes every command follows, and what each means."""

FINDINGS: Final = {
    "validate": "a file is not valid",
    "extensions": "an installed extension cannot be loaded",
    "portfolio": "a file was refused; the table of the rest is still written",
    "benchmark": "a peer file was refused; the rest are still ranked against",
}
"""The commands that exit 1, and on what: every other exits 0 or 2."""

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
    from goudenoor.files import assessment_template

    extensions = _extensions_of(args.extension)
    standard = load_standard(args.edition)
    if extensions:
        standard = apply_extension(standard, *extensions)
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
        standard,
        organisation=args.organisation,
        date=args.date,
        scale=args.scale,
        extensions=_template_extensions(args.extension, extensions, args.output),
    )
    _emit(args, out, text)
    return EXIT_OK


def _template_extensions(
    references: Sequence[str], extensions: Sequence[Extension], output: str | None
) -> list[str]:
    """
    How a template names the extensions given with ``--extension``: as the
    user gave them, so that the file scores without the option. A file
    keeps its path, written relative to the template (to standard output:
    relative to the current folder, where the template is to be saved); an
    installed extension, or one read from standard input, its id.

    Raises:
        GoudenoorError: An extension file is not in the template's folder
            or below it, where an assessment names its extension files.
    """
    # The rule relocate_extensions applies for migrate -o and consensus
    # (which move an assessment's paths): an assessment names extension
    # files in its own folder or below it, so one elsewhere is refused.
    folder = (Path.cwd() if output is None else Path(output).parent).resolve()
    named: list[str] = []
    for reference, extension in zip(references, extensions, strict=True):
        if reference == "-" or not is_file_reference(reference):
            named.append(extension.id)
            continue
        real = Path(reference).resolve()
        if real.is_relative_to(folder):
            path = real.relative_to(folder).as_posix()
            # A path without a folder or a .yaml suffix would read as the
            # name of an installed extension.
            named.append(path if is_file_reference(path) else f"./{path}")
        elif output is None:
            raise GoudenoorError(
                "cannot write the template to standard output: its extension "
                f"file {reference} ({real}) is not in the current folder or "
                "below it, and the template names it relative to the current "
                "folder, where it is to be saved (run the command from the "
                "extension's folder or above it, give -o OUT there, or install "
                "the extension)"
            )
        else:
            raise GoudenoorError(
                f"cannot write {output}: its extension file {reference} "
                f"({real}) is not in the folder of {Path(output).name} or below "
                "it, and an assessment names extension files in its own folder "
                "(write it next to the extension file, copy the extension "
                "there, or install it)"
            )
    return named


def _graph(args: argparse.Namespace, out: TextIO) -> int:
    standard = _standard(args.edition, args.extension)
    scores: dict[str, float] | None = None
    card: ScoreCard | None = None
    graph = structure_graph(standard) if args.structure else influence_graph(standard)
    if args.assessment is not None:
        assessment = _assessment(args.assessment, standard=standard)
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
    from goudenoor.files import json_schema

    schema = json_schema(args.format)
    _emit(args, out, json_text(schema))
    return EXIT_OK


def _extensions(args: argparse.Namespace, out: TextIO) -> int:
    installed = available_extensions()
    if not installed and args.format == "text":
        out.write("no sector extensions installed\n")
    broken: list[str] = []
    listed: list[tuple[str, str, str | None, Extension | GoudenoorError]] = []
    for name, found in installed.items():
        package = found.distribution or "?"
        try:
            extension = load_extension(name)
        except GoudenoorError as exc:
            broken.append(f"package {package}: {exc}")
            listed.append((name, package, found.version, exc))
            continue
        listed.append((name, package, found.version, extension))
        if args.format == "text":
            version = f" {found.version}" if found.version else ""
            out.write(
                f"{name}  {extension.title} {extension.version} "
                f"(targets {', '.join(extension.targets)}; "
                f"package {package}{version})\n"
            )
    if args.format == "json":
        out.write(json_text(object_data(EXTENSIONS_SHAPE, listed)))
    for message in broken:
        sys.stderr.write(f"goudenoor: error: {_one_line(message)}\n")
    return EXIT_FINDINGS if broken else EXIT_OK


def _write_json(out: TextIO, kind: str, data: dict[str, object]) -> None:
    marked = {"goudenoor": kind, **data}
    out.write(json_text(marked))


# Every FILE argument of every command is read through read_input ("-" is
# standard input) and loaded from its text by the library's loads_*
# functions: the helpers below, one per kind of file.


def _folder(name: str) -> Path | None:
    """
    The folder a FILE argument's own references (an assessment's extension
    files) are relative to: standard input has none.
    """
    return None if name == "-" else Path(name).parent


def _assessment(
    name: str,
    *,
    standard: Standard | None = None,
    extensions: Sequence[Extension] = (),
) -> Assessment:
    source, text = read_input(name)
    return loads_assessment(
        text,
        source=source,
        standard=standard,
        extensions=extensions,
        folder=_folder(name),
    )


def _extension(reference: str) -> Extension:
    """
    ``--extension``: a file (``-``: standard input), or an installed
    extension by name.
    """
    if reference == "-" or is_file_reference(reference):
        # Only a regular file: a named pipe would make the command wait.
        source, text = read_input(reference, regular_only=True)
        return loads_extension(text, source=source)
    return load_extension(reference)


def _extensions_of(references: list[str]) -> list[Extension]:
    return [_extension(reference) for reference in references]


FILE_ARGUMENTS = (
    "file",
    "files",
    "old",
    "new",
    "compare",
    "assessment",
    "translation",
    "crosswalk",
    "extension",
)
"""The destinations of the arguments that name a file to read (or ``-``)."""


def check_stdin(args: argparse.Namespace) -> None:
    """
    Refuse a command that names standard input (``-``) more than once: it
    can be read only once, so a second ``-`` could only be empty.
    """
    named: list[object] = []
    for name in FILE_ARGUMENTS:
        value = getattr(args, name, None)
        named += value if isinstance(value, list) else [value]
    if named.count("-") > 1:
        raise GoudenoorError(
            "standard input ('-') can be read only once: give it for one FILE "
            "argument, and files for the others"
        )


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    results: list[tuple[str, str | None]] = []
    code = EXIT_OK
    for name in args.files:
        shown = STDIN if name == "-" else name
        try:
            source, text = read_input(name)
        except GoudenoorError as exc:
            # Not even read: unreadable input, not a finding about a file.
            code = EXIT_USAGE
            sys.stderr.write(f"goudenoor: error: {_one_line(str(exc))}\n")
            results.append((shown, str(exc)))
            continue
        try:
            loads_document(text, source=source, folder=_folder(name))
        except GoudenoorError as exc:
            code = max(code, EXIT_FINDINGS)
            sys.stderr.write(f"goudenoor: error: {_one_line(str(exc))}\n")
            results.append((shown, str(exc)))
            continue
        results.append((shown, None))
        if args.format == "text":
            out.write(f"{one_line(shown)}: ok\n")
    if args.format == "json":
        out.write(json_text(object_data(VALIDATION_SHAPE, results)))
    return code


def _card(
    args: argparse.Namespace, file: str, extensions: Sequence[Extension]
) -> ScoreCard:
    assessment = _assessment(file, extensions=extensions)
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
    # Read once: '--extension -' is standard input, which is read once.
    extensions = _extensions_of(args.extension)
    card = _card(args, args.file, extensions)
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
    comparison = (
        _compared(_card(args, args.compare, extensions), card, args)
        if args.compare
        else None
    )
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
    extensions = _extensions_of(args.extension)
    comparison = _compared(
        _card(args, args.old, extensions), _card(args, args.new, extensions), args
    )
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
    if args.output is None:
        out.write(dump_assessment(assessment))
    else:
        save_assessment(assessment, args.output, overwrite=args.force)
    return EXIT_OK


def _score(args: argparse.Namespace, out: TextIO) -> int:
    card = _card(args, args.file, _extensions_of(args.extension))
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
    listed: list[tuple[Standard, tuple[str, ...]]] = []
    for edition in editions():
        standard = load_standard(edition)
        languages = translations(edition)
        listed.append((standard, languages))
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
        out.write(json_text(object_data(EDITIONS_SHAPE, listed)))
    return EXIT_OK


def _show(args: argparse.Namespace, out: TextIO) -> int:
    edition: str | None = args.edition
    area_key: str | None = args.area
    if edition is not None and area_key is None and edition not in editions():
        edition, area_key = None, edition
    if args.format == "json" and (args.language or args.translation):
        raise GoudenoorError("a translation is shown in the text, not in json")
    standard = _standard(edition, args.extension)
    if area_key is not None and edition is None:
        _refuse_edition_as_area(standard, area_key)
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


def _refuse_edition_as_area(standard: Standard, key: str) -> None:
    """
    ``show KEY``: a KEY that is no area of the newest edition but reads as
    an edition id (``gos-2013``) was meant as one: say "unknown edition".
    """
    try:
        standard.area(key)
    except UnknownAreaError:
        prefixes = {edition.rpartition("-")[0] for edition in editions()}
        if key.rpartition("-")[0] in prefixes or close_matches(key, editions()):
            load_standard(key)  # raises UnknownEditionError, with its choices
        raise


def _translation(args: argparse.Namespace, standard: Standard) -> Translation | None:
    if args.translation is not None:
        source, text = read_input(args.translation)
        return loads_translation(text, source=source, standard=standard)
    if args.language is not None:
        return load_translation(standard.id, args.language)
    return None


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.report import edition_diff_markdown
    from goudenoor.standard import diff_editions

    diff = diff_editions(
        load_standard(args.old_edition), load_standard(args.new_edition)
    )
    if args.format == "json":
        text = json_text(diff.as_dict())
    elif args.format == "md":
        text = edition_diff_markdown(diff)
    else:
        text = diff.text()
    _emit(args, out, text)
    return EXIT_OK


def _migrate(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import (
        loads_crosswalk,
        migrate,
        migration_standards,
        refuse_existing,
    )

    extensions = _extensions_of(args.extension)
    assessment = _assessment(args.file, extensions=extensions)
    crosswalk = None
    if args.crosswalk is not None:
        source, target = migration_standards(assessment, args.to, extensions=extensions)
        name, text = read_input(args.crosswalk)
        crosswalk = loads_crosswalk(text, name=name, source=source, target=target)
    writing = args.output is not None and not args.dry_run
    if writing:
        refuse_existing(Path(args.output), overwrite=args.force)
    migration = migrate(assessment, args.to, crosswalk=crosswalk, extensions=extensions)
    if args.format == "json":
        out.write(json_text(migration.as_dict()))
    else:
        from goudenoor.report import migration_text

        out.write(migration_text(migration, args.language))
    if writing:
        save_assessment(
            migration.assessment,
            args.output,
            overwrite=args.force,
            extensions_relative_to=args.file,
        )
    return EXIT_OK


def _compared(old: ScoreCard, new: ScoreCard, args: argparse.Namespace) -> Comparison:
    """
    *old* and *new* compared, through the shipped crosswalk when they are
    of two editions it maps between, with what the options allow.
    """
    from goudenoor.files import crosswalks, load_crosswalk

    pair = (old.standard.id, new.standard.id)
    crosswalk = load_crosswalk(*pair) if pair in crosswalks() else None
    return compare(
        old,
        new,
        crosswalk=crosswalk,
        allow_different_organisations=args.allow_different_organisations,
        allow_reverse_dates=args.allow_reverse_dates,
    )


def _consensus(args: argparse.Namespace, out: TextIO) -> int:
    refuse_repeated_files(args.files)
    extensions = _extensions_of(args.extension)
    result = agree(
        [_assessment(file, extensions=extensions) for file in args.files],
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
    save_assessment(
        result.assessment,
        args.output,
        overwrite=args.force,
        extensions_relative_to=args.files[0],
    )
    out.write(text)
    return EXIT_OK


def _oscal_text(data: dict[str, object], format_: str) -> str:
    if format_ == "yaml":
        from goudenoor.files import dump_yaml

        return dump_yaml(data)
    return json_text(data)


def _oscal_catalog(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.interchange import to_oscal_catalog

    standard = _standard(args.edition, args.extension)
    _emit(args, out, _oscal_text(to_oscal_catalog(standard), args.format))
    return EXIT_OK


def _oscal_results(args: argparse.Namespace, out: TextIO) -> int:
    extensions = _extensions_of(args.extension)
    assessment = _assessment(args.file, extensions=extensions)
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
    from goudenoor.interchange import to_oscal_results

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
    extensions = _extensions_of(args.extension)
    paths = _portfolio_files(args.paths, "PATH")
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


def _portfolio_files(given: list[str], argument: str) -> PortfolioFiles:
    """
    The files the PATHs give (see ``portfolio_files``), in order.

    Raises:
        GoudenoorError: A PATH is ``-`` or gives no file.
    """
    for path in given:
        if path == "-":
            # Folders and patterns are scanned and files read by name (in
            # worker processes too): standard input is none of them.
            raise GoudenoorError(
                f"{argument}: standard input ('-') cannot be read here: give "
                "assessment files, folders or glob patterns"
            )
        if path and not os.path.lexists(path) and not set("*?[").intersection(path):
            # Neither a file, a folder nor a pattern: a PATH mistyped, not
            # a file to refuse (exit 1) beside an empty table.
            raise GoudenoorError(
                f"{argument} {path!r}: no such file or folder (expected a file, a "
                "folder with *.yaml or *.yml files, or a glob pattern that "
                "matches files)"
            )
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
        from goudenoor.report import portfolio_summary_html

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
    extensions = _extensions_of(args.extension)
    result = roll_up(
        [_assessment(file, extensions=extensions) for file in args.files],
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
        from goudenoor.report import rollup_html

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
    paths = _portfolio_files(args.against, "--against")
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
    assessment = _assessment(file, extensions=extensions)
    standard = standard_for(assessment, extensions)
    return score(standard, assessment, check=False, **_scoring(args))


def _trend(args: argparse.Namespace, out: TextIO) -> int:
    extensions = _extensions_of(args.extension)
    cards = [_scored(args, file, extensions) for file in args.files]
    result = trend(
        cards, allow_different_organisations=args.allow_different_organisations
    )
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
