"""
The ``goudenoor`` command.

Every error the user causes is printed as one line,
``goudenoor: error: <message>``, on standard error, with exit code 2.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO, TypeAlias

from ._text import one_line, plain_line
from .comparison import compare
from .exceptions import GoudenoorError
from .extensions import apply_extension
from .files import (
    available_extensions,
    dump_assessment,
    editions,
    load_assessment,
    load_extension,
    load_standard,
    load_translation,
    load_translation_file,
    standard_for,
    translations,
    write_text_atomic,
)
from .files.schemas import assessment_schema, extension_schema, translation_schema
from .files.template import assessment_template
from .graph import (
    at_risk,
    influence_graph,
    structure_graph,
    to_dot,
    to_graphml,
    to_json,
    to_mermaid,
)
from .model import Area, Requirement, Standard
from .report import LANGUAGES, render_report
from .scoring import ScoreCard, score, scoring_methods
from .translation import Translation


__all__ = ["build_parser", "main"]


def __dir__() -> list[str]:
    return __all__


EXIT_OK = 0
EXIT_USAGE = 2

_Handler = Callable[[argparse.Namespace, TextIO], int]
_Commands: TypeAlias = "argparse._SubParsersAction[_Parser]"  # noqa: SLF001


class _Parser(argparse.ArgumentParser):
    """
    An argument parser that reports usage errors in one line.
    """

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE,
            f"goudenoor: error: {message} (see '{self.prog} --help')\n",
        )


def build_parser() -> argparse.ArgumentParser:
    """
    The command's argument parser (also used to document the command).
    """
    parser = _Parser(
        prog="goudenoor",
        description="Work with the Gouden Oor Standaard: look up its "
        "editions, areas and requirements, write audit templates and score "
        "assessments.",
    )
    commands = parser.add_subparsers(
        title="commands",
        dest="command",
        metavar="COMMAND",
        parser_class=_Parser,
    )
    commands.required = True
    _add_editions_command(commands)
    _add_show_command(commands)
    _add_template_command(commands)
    _add_score_command(commands)
    _add_report_command(commands)
    _add_compare_command(commands)
    _add_import_xlsx_command(commands)
    _add_graph_command(commands)
    _add_extensions_command(commands)
    _add_schema_command(commands)
    return parser


def _add_editions_command(commands: _Commands) -> None:
    listing = commands.add_parser(
        "editions",
        help="list the editions of the standard",
        description="List the editions shipped with the library.",
    )
    listing.set_defaults(handler=_editions)


def _add_show_command(commands: _Commands) -> None:
    show = commands.add_parser(
        "show",
        help="show an edition, or one area with its requirements",
        description="Show the areas of an edition, or one area with its "
        "requirements, evidence clauses and checkpoints. With one "
        "argument that is not an edition id, it is taken as an area of "
        "the newest edition.",
    )
    show.add_argument(
        "edition",
        nargs="?",
        metavar="EDITION",
        help="edition id (default: the newest edition)",
    )
    show.add_argument(
        "area",
        nargs="?",
        metavar="AREA",
        help="area number, name or alias (default: all areas in brief)",
    )
    _translation_options(show)
    _extension_option(show)
    show.set_defaults(handler=_show)


def _add_template_command(commands: _Commands) -> None:
    template = commands.add_parser(
        "template",
        help="write a ready-to-fill assessment file for an edition",
        description="Write an assessment file listing every requirement of "
        "the edition, unrated, with its text, evidence clause and checkpoints "
        "as comments. Fill in the values and score it with 'goudenoor score'.",
    )
    template.add_argument("edition", metavar="EDITION", help="edition id")
    template.add_argument(
        "--organisation", default="Naam van de organisatie", help="organisation name"
    )
    template.add_argument(
        "--date",
        type=_date,
        default=None,
        help="audit date, YYYY-MM-DD (default: today)",
    )
    template.add_argument(
        "--scale", default=None, help="scale id (default: the edition's)"
    )
    template.add_argument(
        "--format",
        choices=["yaml", "xlsx"],
        default="yaml",
        help="a YAML file (default) or an audit workbook (needs the 'xlsx' extra)",
    )
    _extension_option(template)
    _output_options(template)
    template.set_defaults(handler=_template)


def _add_score_command(commands: _Commands) -> None:
    scoring = commands.add_parser(
        "score",
        help="score an assessment file",
        description="Score an assessment: points per area, organisation, "
        "result and total points, the recognition level, what is missing for "
        "the next level, warnings and the best improvements.",
    )
    scoring.add_argument("file", metavar="FILE", help="assessment file (YAML)")
    _scoring_options(scoring)
    scoring.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format"
    )
    _extension_option(scoring)
    scoring.set_defaults(handler=_score)


def _add_report_command(commands: _Commands) -> None:
    report = commands.add_parser(
        "report",
        help="write the audit report (Markdown, HTML, XLSX or JSON)",
        description="Write the report of an assessment: points per area and "
        "maximum, organisation / result / total, the level and the gap to the "
        "next, ratings with evidence, warnings, the best improvements and the "
        "result areas at risk. HTML needs the 'report' extra, XLSX (the filled "
        "audit workbook) the 'xlsx' extra.",
    )
    report.add_argument("file", metavar="FILE", help="assessment file (YAML)")
    report.add_argument(
        "--format",
        choices=["md", "html", "xlsx", "json"],
        default="md",
        help="report format (default: md)",
    )
    report.add_argument(
        "--compare",
        metavar="OLD",
        default=None,
        help="an earlier assessment of the same organisation: show the change",
    )
    report.add_argument(
        "--top", type=int, default=5, help="how many improvements to list (default 5)"
    )
    _scoring_options(report)
    _extension_option(report)
    _translation_options(report, report=True)
    _output_options(report)
    report.set_defaults(handler=_report)


def _add_compare_command(commands: _Commands) -> None:
    comparing = commands.add_parser(
        "compare",
        help="compare two assessments of one organisation (the yearly review)",
        description="Show the change per area and per requirement between an "
        "older and a newer assessment of the same organisation.",
    )
    comparing.add_argument("old", metavar="OLD", help="the earlier assessment")
    comparing.add_argument("new", metavar="NEW", help="the later assessment")
    comparing.add_argument(
        "--format",
        choices=["text", "md", "html", "json"],
        default="text",
        help="text (default), or the full report of NEW with the change in it",
    )
    _scoring_options(comparing)
    _extension_option(comparing)
    _output_options(comparing)
    comparing.set_defaults(handler=_compare)


def _add_import_xlsx_command(commands: _Commands) -> None:
    importing = commands.add_parser(
        "import-xlsx",
        help="read a filled-in audit workbook back into an assessment file",
        description="Read an audit workbook (made by 'goudenoor template "
        "EDITION --format xlsx') and write it as an assessment YAML file. "
        "Needs the 'xlsx' extra.",
    )
    importing.add_argument("file", metavar="FILE", help="the workbook (.xlsx)")
    _extension_option(importing)
    _output_options(importing)
    importing.set_defaults(handler=_import_xlsx)


def _add_graph_command(commands: _Commands) -> None:
    graph = commands.add_parser(
        "graph",
        help="draw which organisation areas drive which result areas",
        description="Print the influence graph of an edition (organisation "
        "areas -> the result areas they drive; this library's model, not "
        "published by the standard) or, with --structure, the whole tree of "
        "areas, themes, requirements and checkpoints. With --assessment, "
        "areas are coloured by their score and at-risk result areas are "
        "listed on standard error.",
    )
    graph.add_argument("edition", metavar="EDITION", help="edition id")
    graph.add_argument(
        "--format",
        choices=["dot", "mermaid", "graphml", "json"],
        default="dot",
        help="output format (default: dot)",
    )
    graph.add_argument(
        "--assessment", metavar="FILE", default=None, help="colour areas by this audit"
    )
    graph.add_argument(
        "--structure",
        action="store_true",
        help="the whole structure, not the influences",
    )
    _extension_option(graph)
    _output_options(graph)
    graph.set_defaults(handler=_graph)


def _add_extensions_command(commands: _Commands) -> None:
    listing_extensions = commands.add_parser(
        "extensions",
        help="list the installed sector extensions",
        description="List the sector extensions installed as packages (entry "
        "point group 'goudenoor.extensions'). An installed extension that cannot "
        "be loaded is reported on standard error, one 'goudenoor: error: ...' "
        "message each, after the others are listed; the exit status is then 2.",
    )
    listing_extensions.set_defaults(handler=_extensions)


def _add_schema_command(commands: _Commands) -> None:
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a file format",
        description="Print the JSON Schema of a goudenoor file format.",
    )
    schema.add_argument(
        "format",
        choices=["assessment", "extension", "translation"],
        help="the file format",
    )
    schema.set_defaults(handler=_schema)


def _scoring_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--method",
        default="weighted-mean",
        help=f"scoring method: {', '.join(scoring_methods())} (default: weighted-mean)",
    )
    parser.add_argument(
        "--scheme", default=None, help="recognition scheme id (default: the edition's)"
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        type=_parameter,
        help="a recognition scheme parameter, e.g. threshold=0.75 (repeatable)",
    )
    parser.add_argument(
        "--evidence-policy",
        choices=["warn", "strict"],
        default="warn",
        help="a high rating without evidence: warn (default) or cap it (strict)",
    )


def _translation_options(
    parser: argparse.ArgumentParser, *, report: bool = False
) -> None:
    language = parser.add_mutually_exclusive_group()
    help_text = (
        "also show each text in this language, from a shipped translation "
        "(see 'goudenoor editions'); the Dutch text stays the standard"
    )
    if report:
        help_text += (
            "; the report's own headings and labels are Dutch by default and in "
            "this language where the report speaks it (en); 'nl' shows no "
            "translation"
        )
    language.add_argument("--language", default=None, metavar="LANG", help=help_text)
    language.add_argument(
        "--translation",
        default=None,
        metavar="PATH",
        help="also show each text from this translation file (format "
        "translation/1), e.g. one that covers an extension",
    )


def _extension_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--extension",
        action="append",
        default=[],
        metavar="NAME|PATH",
        help="apply a sector extension: an installed one by name, or a YAML "
        "file (repeatable, applied in order)",
    )


def _standard(edition: str | None, references: list[str]) -> Standard:
    standard = load_standard(edition)
    if not references:
        return standard
    return apply_extension(standard, *(load_extension(r) for r in references))


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", default=None, metavar="OUT", help="write to OUT, not stdout"
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date YYYY-MM-DD, got {text!r}"
        ) from None


def _parameter(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not sep or not name or not math.isfinite(number):
        raise argparse.ArgumentTypeError(f"expected NAME=NUMBER, got {text!r}")
    return name, number


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """
    Run the command with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit code: 0 on success, 2 on bad input or usage.
    """
    stream = out if out is not None else sys.stdout
    args = build_parser().parse_args(argv)
    handler: _Handler = args.handler
    try:
        return handler(args, stream)
    except GoudenoorError as exc:
        sys.stderr.write(f"goudenoor: error: {_one_line(str(exc))}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `goudenoor show | head`
        sys.stderr.close()
        return EXIT_OK


def _emit(args: argparse.Namespace, out: TextIO, text: str) -> None:
    if args.output is None:
        out.write(text)
    else:
        write_text_atomic(args.output, text, overwrite=args.force)


def _template(args: argparse.Namespace, out: TextIO) -> int:
    standard = _standard(args.edition, args.extension)
    if args.format == "xlsx":
        if args.output is None:
            raise GoudenoorError("an XLSX template needs an output file: -o OUT.xlsx")
        from .files.xlsx import write_workbook

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
    graph = structure_graph(standard) if args.structure else influence_graph(standard)
    if args.assessment is not None:
        card = score(standard, load_assessment(args.assessment, standard), check=False)
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
        text = to_graphml(graph)
    else:
        text = json.dumps(to_json(graph), indent=2, ensure_ascii=False) + "\n"
    _emit(args, out, text)
    return EXIT_OK


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    schema = {
        "assessment": assessment_schema,
        "extension": extension_schema,
        "translation": translation_schema,
    }[args.format]()
    out.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _extensions(_: argparse.Namespace, out: TextIO) -> int:
    installed = available_extensions()
    if not installed:
        out.write("no sector extensions installed\n")
    broken: list[str] = []
    for name, entry_point in installed.items():
        package = entry_point.dist.name if entry_point.dist else "?"
        try:
            extension = load_extension(name)
        except GoudenoorError as exc:
            broken.append(f"package {package}: {exc}")
            continue
        out.write(
            f"{name}  {extension.title} {extension.version} "
            f"(targets {', '.join(extension.targets)}; package {package})\n"
        )
    for message in broken:
        sys.stderr.write(f"goudenoor: error: {_one_line(message)}\n")
    return EXIT_USAGE if broken else EXIT_OK


def _card(args: argparse.Namespace, file: str) -> ScoreCard:
    extensions = [load_extension(reference) for reference in args.extension]
    assessment = load_assessment(file, extensions=extensions)
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
        from .files.xlsx import write_workbook

        write_workbook(
            card.standard, args.output, assessment=card.assessment, overwrite=args.force
        )
        return EXIT_OK
    comparison = compare(_card(args, args.compare), card) if args.compare else None
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
    comparison = compare(_card(args, args.old), _card(args, args.new))
    if args.format == "text":
        text = comparison.text()
    else:
        text = render_report(comparison.new, args.format, comparison=comparison)
    _emit(args, out, text)
    return EXIT_OK


def _import_xlsx(args: argparse.Namespace, out: TextIO) -> int:
    from .files.xlsx import read_workbook

    extensions = [load_extension(reference) for reference in args.extension]
    assessment = read_workbook(args.file, extensions=extensions)
    _emit(args, out, dump_assessment(assessment))
    return EXIT_OK


def _score(args: argparse.Namespace, out: TextIO) -> int:
    card = _card(args, args.file)
    if args.format == "json":
        out.write(json.dumps(card.as_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        _write_card(card, out)
    return EXIT_OK


def _write_card(card: ScoreCard, out: TextIO) -> None:
    # Every text from a user or an extension goes through _t: one line,
    # no control characters (an ESC sequence would drive the terminal).
    _t = plain_line
    a = card.assessment
    out.write(
        f"{_t(a.organisation)}: {_t(card.standard.title)} ({_t(card.standard.id)}), "
        f"audit of {a.date.isoformat()}\n"
        f"scale {_t(card.scale.id)}, method {_t(card.method)}, "
        f"scheme {_t(card.scheme.id)}, evidence policy {card.evidence_policy}\n\n"
    )
    out.write(f"{'area':<36} {'points':>7} {'max':>7} {'share':>6}\n")
    for area in card.areas.values():
        label = f"{_t(area.area_id):>2} {_t(area.name)}"
        out.write(
            f"{label:<36} {area.points:7.2f} {area.max_points:7.2f} "
            f"{area.fraction:6.0%}\n"
        )
    maxima = {
        kind: sum(x.max_points for x in card.areas.values() if x.kind == kind)
        for kind in ("organisation", "result")
    }
    out.write(
        f"{'organisation':<36} {card.organisation:7.2f} {maxima['organisation']:7.2f}\n"
        f"{'result':<36} {card.result:7.2f} {maxima['result']:7.2f}\n"
        f"{'total':<36} {card.total:7.2f} "
        f"{maxima['organisation'] + maxima['result']:7.2f}\n\n"
    )
    level = card.level
    out.write(f"level: {_t(level.name) if level else 'none'}\n")
    if card.next_level is not None:
        out.write(f"next level: {_t(card.next_level.name)}\n")
        out.writelines(f"  - {_t(str(gap))}\n" for gap in card.gaps)
    if card.warnings:
        out.write(f"\nwarnings ({len(card.warnings)}):\n")
        out.writelines(
            f"  {_t(warning.requirement_id):<6} {warning.code}: {_t(warning.message)}\n"
            for warning in card.warnings
        )
    improvements = card.improvements(3)
    if improvements:
        out.write("\nbest improvements:\n")
        for item in improvements:
            text = textwrap.shorten(_t(item.text), width=60, placeholder=" ...")
            out.write(
                f"  {_t(item.requirement_id):<6} +{item.points_gained:5.2f}  {text}\n"
            )


def _one_line(message: str) -> str:
    # The message's own lines are kept (indented); control characters in
    # them (from a file name, say) are not written to the terminal.
    lines = [one_line(line) for line in message.splitlines()] or [""]
    return lines[0] + "".join(f"\n  {line.strip()}" for line in lines[1:])


def _editions(_: argparse.Namespace, out: TextIO) -> int:
    for edition in editions():
        standard = load_standard(edition)
        languages = translations(edition)
        out.write(
            f"{standard.id}  {standard.title} ({standard.year}): "
            f"{len(standard.areas)} areas, "
            f"{len(standard.requirements)} requirements"
            + (f"; translations: {', '.join(languages)}" if languages else "")
            + "\n"
        )
    return EXIT_OK


def _show(args: argparse.Namespace, out: TextIO) -> int:
    edition: str | None = args.edition
    area_key: str | None = args.area
    if edition is not None and area_key is None and edition not in editions():
        edition, area_key = None, edition
    standard = _standard(edition, args.extension)
    width = min(shutil.get_terminal_size((88, 24)).columns, 100)
    writer = _Writer(out, width, _translation(args, standard))
    if area_key is None:
        _show_standard(standard, writer)
    else:
        _show_area(standard, standard.area(area_key), writer)
    return EXIT_OK


def _translation(args: argparse.Namespace, standard: Standard) -> Translation | None:
    if args.translation is not None:
        return load_translation_file(args.translation, standard)
    if args.language is not None:
        return load_translation(standard.id, args.language)
    return None


class _Writer:
    """
    Writes wrapped, indented text.
    """

    def __init__(
        self, out: TextIO, width: int, translation: Translation | None = None
    ) -> None:
        self.out = out
        self.width = width
        self.translation = translation

    def line(self, text: str = "") -> None:
        self.out.write(one_line(text) + "\n")

    def wrapped(self, text: str, indent: str, first: str | None = None) -> None:
        self.out.write(
            textwrap.fill(
                plain_line(text),
                width=self.width,
                initial_indent=one_line(indent if first is None else first),
                subsequent_indent=indent,
                break_on_hyphens=False,
            )
            + "\n"
        )

    def translated(self, text: str | None, indent: str) -> None:
        """
        Write *text*, a translation, under the original it translates.
        """
        if text is not None and self.translation is not None:
            tag = f"({self.translation.language}) "
            self.wrapped(text, indent + " " * len(tag), indent + tag)


def _points(area: Area) -> str:
    assumed = " (assumed)" if area.points_assumed else ""
    return f"{area.points:g} points{assumed}"


def _show_standard(standard: Standard, w: _Writer) -> None:
    w.line(f"{standard.id}: {standard.title} ({standard.year})")
    w.translated(w.translation.title if w.translation else None, "")
    w.line()
    for area in standard.areas:
        w.line(
            f"{area.id:>2}  {area.name:<30} {area.kind:<12} "
            f"{_points(area):<20} {len(area.requirements)} requirements"
        )
        translated = w.translation.area(area.id) if w.translation else None
        w.translated(translated.name if translated else None, "    ")
    organisation = sum(a.points for a in standard.organisation_areas)
    result = sum(a.points for a in standard.result_areas)
    w.line()
    w.line(
        f"organisation {organisation:g} + result {result:g} = "
        f"{standard.max_points:g} points"
    )
    for note in standard.notes:
        w.wrapped(note, "    ", "  * ")


def _show_area(standard: Standard, area: Area, w: _Writer) -> None:
    w.line(f"{standard.id}: {standard.title}")
    w.line(f"{area.id} {area.name} ({area.kind} area, {_points(area)})")
    translated = w.translation.area(area.id) if w.translation else None
    w.translated(translated.name if translated else None, "   ")
    if area.aliases:
        w.line(f"   also known as: {', '.join(area.aliases)}")
    if area.summary:
        w.line()
        w.wrapped(area.summary, "   ")
        w.translated(translated.summary if translated else None, "   ")
    for note in area.notes:
        w.wrapped(note, "     ", "   * ")
    theme: str | None = None
    for index, requirement in enumerate(area.requirements):
        w.line()
        if index == 0 or requirement.theme != theme:
            theme = requirement.theme
            if theme is not None:
                w.line(theme)
                w.translated(translated.theme(theme) if translated else None, "")
        _show_requirement(requirement, standard, w)


def _show_requirement(requirement: Requirement, standard: Standard, w: _Writer) -> None:
    indent = " " * 9
    translated = w.translation.requirement(requirement.id) if w.translation else None
    w.wrapped(requirement.full_text, indent, f"  {requirement.id:<6} ")
    w.translated(translated.full_text if translated else None, indent)
    if requirement.evidence is not None:
        w.wrapped(requirement.evidence, indent + "  ", indent + "> ")
        w.translated(translated.evidence if translated else None, indent + "  ")
    for checkpoint in requirement.checkpoints:
        w.wrapped(
            checkpoint.text,
            indent + "         ",
            f"{indent}[ ] {checkpoint.id:<6} ",
        )
        if w.translation is not None:
            found = w.translation.checkpoint(checkpoint.id)
            w.translated(found.text if found else None, indent + " " * 13)
    if requirement.inherited_from:
        w.line(f"{indent}(inherited from {requirement.inherited_from})")
    for change in standard.changes_to(f"requirement {requirement.id}"):
        what = change.field or "requirement"
        verb = {"add": "added", "override": "changed", "remove": "removed"}[
            change.action
        ]
        w.line(f"{indent}({what} {verb} by extension {change.extension})")
