"""
The command line: every command, its options and the handler it runs.
"""

from __future__ import annotations

import argparse
import datetime
import math
import sys
import textwrap
from typing import NoReturn, TypeAlias

from goudenoor.audit import scoring_methods
from goudenoor.cli._commands import (
    EXIT_CODES,
    EXIT_FINDINGS,
    EXIT_USAGE,
    FINDINGS,
    _benchmark,
    _compare,
    _consensus,
    _diff,
    _editions,
    _extensions,
    _graph,
    _import_xlsx,
    _migrate,
    _oscal_catalog,
    _oscal_results,
    _portfolio,
    _report,
    _rollup,
    _schema,
    _score,
    _show,
    _template,
    _trend,
    _validate,
)
from goudenoor.files import SCHEMA_KINDS, editions
from goudenoor.problems import close_matches, did_you_mean
from goudenoor.report import LANGUAGES
from goudenoor.standard import MAX_NUMBER


__all__ = [
    "build_parser",
]


def __dir__() -> list[str]:
    return __all__


_Commands: TypeAlias = "argparse._SubParsersAction[_Parser]"  # noqa: SLF001


class _Parser(argparse.ArgumentParser):
    """
    An argument parser that reports usage errors in one line, and a
    mistyped choice (a command, a format) with the close ones.
    """

    def _check_value(self, action: argparse.Action, value: object) -> None:
        if action.choices is None or value in action.choices:
            return
        choices = [str(choice) for choice in action.choices]
        listed = ", ".join(repr(choice) for choice in choices)
        message = f"invalid choice: {value!r} (choose from {listed})"
        suggestions = close_matches(str(value), choices)
        raise argparse.ArgumentError(action, message + did_you_mean(suggestions))

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
        epilog=_exit_codes(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
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
    _add_validate_command(commands)
    _add_diff_command(commands)
    _add_migrate_command(commands)
    _add_consensus_command(commands)
    _add_oscal_command(commands)
    _add_portfolio_command(commands)
    _add_rollup_command(commands)
    _add_benchmark_command(commands)
    _add_trend_command(commands)
    return parser


def _exit_codes() -> str:
    """
    The epilog of ``goudenoor --help``: standard input and the exit codes,
    from the one table the commands follow (``commands.EXIT_CODES``).
    """
    lines = [
        "A FILE argument of '-' reads standard input (once per command); errors",
        "then name the file <stdin>. A PATH (portfolio, benchmark --against) is",
        "a file, folder or pattern, never '-'.",
        "",
        "exit codes:",
    ]
    for code, meaning in EXIT_CODES.items():
        lines += textwrap.wrap(
            meaning, 76, initial_indent=f"  {code}  ", subsequent_indent="     "
        )
        if code == EXIT_FINDINGS:
            lines += [f"     - {command}: {what}" for command, what in FINDINGS.items()]
    return "\n".join(lines) + "\n"


class _VersionAction(argparse.Action):
    """
    ``--version``: print the installed version and exit. The version is
    looked up only when asked for (importlib.metadata costs every other
    command about 10 ms).
    """

    def __init__(self, option_strings: list[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show the version and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,  # noqa: ARG002 - argparse's signature
        values: object,  # noqa: ARG002 - idem
        option_string: str | None = None,  # noqa: ARG002 - idem
    ) -> None:
        sys.stdout.write(f"{parser.prog} {_version()}\n")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("goudenoor")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"


def _add_validate_command(commands: _Commands) -> None:
    validate = commands.add_parser(
        "validate",
        help="check assessment, extension and translation files",
        description="Check each FILE as strictly as the commands that read it: "
        "its kind comes from its 'goudenoor:' marker (assessment/1, extension/1 "
        "or translation/1). Prints 'FILE: ok' on standard output for each valid "
        "file, and every problem of each invalid file, one 'goudenoor: error: "
        "...' block per file, on standard error. Exit status 0 if all are "
        "valid, 1 if any is not, 2 on a usage error.",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="a file to check ('-': stdin)"
    )
    validate.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (default) or one JSON document (validation/1) on stdout",
    )
    validate.set_defaults(handler=_validate)


def _json_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (default) or JSON with a 'goudenoor' format marker",
    )


def _add_editions_command(commands: _Commands) -> None:
    listing = commands.add_parser(
        "editions",
        help="list the editions of the standard",
        description="List the editions shipped with the library.",
    )
    _json_format_option(listing)
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
    _json_format_option(show)
    show.set_defaults(handler=_show)


def _add_template_command(commands: _Commands) -> None:
    template = commands.add_parser(
        "template",
        help="write a ready-to-fill assessment file for an edition",
        description="Write an assessment file listing every requirement of "
        "the edition, unrated, with its text, evidence clause and checkpoints "
        "as comments. Fill in the values and score it with 'goudenoor score'. "
        "It names each --extension as given: an installed one by its name, a "
        "file by its path relative to OUT (without -o: relative to the current "
        "folder), so the file scores without repeating the option; an "
        "extension file outside that folder is refused.",
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
    scoring.add_argument(
        "file", metavar="FILE", help="assessment file (YAML; '-': stdin)"
    )
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
    report.add_argument(
        "file", metavar="FILE", help="assessment file (YAML; '-': stdin)"
    )
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
    _comparison_options(report, "OLD and FILE")
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
        "older and a newer assessment of the same organisation (and unit). "
        "Assessments of different organisations or units, and a NEW dated "
        "before OLD, are refused unless an --allow option says you mean it.",
    )
    comparing.add_argument(
        "old", metavar="OLD", help="the earlier assessment ('-': stdin)"
    )
    comparing.add_argument(
        "new", metavar="NEW", help="the later assessment ('-': stdin)"
    )
    comparing.add_argument(
        "--format",
        choices=["text", "md", "html", "json"],
        default="text",
        help="text (default), or the full report of NEW with the change in it",
    )
    _comparison_options(comparing, "OLD and NEW")
    _scoring_options(comparing)
    _extension_option(comparing)
    _output_options(comparing)
    comparing.set_defaults(handler=_compare)


def _comparison_options(parser: argparse.ArgumentParser, audits: str) -> None:
    # The same rule as 'trend': one organisation over time, unless the
    # user says otherwise.
    parser.add_argument(
        "--allow-different-organisations",
        action="store_true",
        help=f"compare {audits} even if they are of different organisations or "
        "units (refused by default)",
    )
    parser.add_argument(
        "--allow-reverse-dates",
        action="store_true",
        help=f"compare {audits} even if the later one is dated before the "
        "earlier (refused by default)",
    )


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
        "areas are coloured by their score (DOT, Mermaid), carry their points, "
        "maximum and share as node attributes (GraphML, JSON), and at-risk "
        "result areas are listed on standard error.",
    )
    graph.add_argument("edition", metavar="EDITION", help="edition id")
    graph.add_argument(
        "--format",
        choices=["dot", "mermaid", "graphml", "json"],
        default="dot",
        help="output format (default: dot)",
    )
    graph.add_argument(
        "--assessment",
        metavar="FILE",
        default=None,
        help="colour areas by this audit, or add its points to the nodes ('-': stdin)",
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
        "message each, after the others are listed; the exit status is then 1.",
    )
    _json_format_option(listing_extensions)
    listing_extensions.set_defaults(handler=_extensions)


def _add_schema_command(commands: _Commands) -> None:
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a file format or JSON output",
        description="Print the JSON Schema of a goudenoor file format (assessment, "
        "extension, translation, crosswalk) or JSON output (scorecard, comparison, "
        "edition-diff, migration, consensus, rollup, portfolio, portfolio-summary, "
        "percentile-ranks, trend, editions, standard, extensions, validation, "
        "graph).",
    )
    schema.add_argument(
        "format",
        choices=SCHEMA_KINDS,
        help="the file format or JSON output",
    )
    _output_options(schema)
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
        "translation/1), e.g. one that covers an extension ('-': stdin)",
    )


def _extension_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--extension",
        action="append",
        default=[],
        metavar="NAME|PATH",
        help="apply a sector extension: an installed one by name, or a YAML "
        "file ('-': stdin) (repeatable, applied in order)",
    )


def _language_option(parser: argparse.ArgumentParser, words: str) -> None:
    """
    ``--language nl|en``: the language of *words* (what the command writes
    in its own words), Dutch by default.
    """
    parser.add_argument(
        "--language",
        choices=list(LANGUAGES),
        default="nl",
        help=f"the language of the {words} (default: nl)",
    )


def _jobs_option(parser: argparse.ArgumentParser, what: str) -> None:
    """
    ``--jobs N``: load *what* (the files, the peers) in N worker processes,
    at most one per CPU (the loader lowers a larger N).
    """
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help=f"load the {what} in N worker processes (default 1: in this one); "
        "a larger N than the number of CPUs this process may use is lowered to "
        "that number",
    )


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


def _add_diff_command(commands: _Commands) -> None:
    diff = commands.add_parser(
        "diff",
        help="what changed from one edition to another",
        description="Show the areas, requirements and checkpoints added, removed, "
        "renamed and reworded (word by word) between two shipped editions.",
    )
    # Not "old"/"new": those name FILE arguments (commands.FILE_ARGUMENTS).
    diff.add_argument("old_edition", metavar="OLD", help="the older edition id")
    diff.add_argument("new_edition", metavar="NEW", help="the newer edition id")
    diff.add_argument(
        "--format",
        choices=["text", "md", "json"],
        default="text",
        help="text (default), Markdown or JSON (format edition-diff/1)",
    )
    _output_options(diff)
    diff.set_defaults(handler=_diff)


def _add_migrate_command(commands: _Commands) -> None:
    migrating = commands.add_parser(
        "migrate",
        help="move an assessment to another edition through a crosswalk",
        description="Carry an assessment's ratings to another edition through the "
        "shipped crosswalk (or your own) and print what was carried, what needs "
        "review, what is new and what was dropped.",
    )
    migrating.add_argument("file", metavar="FILE", help="the assessment (YAML)")
    migrating.add_argument(
        "--to", required=True, metavar="EDITION", help="the edition to migrate to"
    )
    migrating.add_argument(
        "--crosswalk",
        default=None,
        metavar="PATH",
        help="a crosswalk file of your own (format crosswalk/1); default: the "
        "shipped one between the two editions",
    )
    migrating.add_argument(
        "--dry-run",
        action="store_true",
        help="print the migration report only; write nothing",
    )
    migrating.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="the report: text (default) or JSON (format migration/1)",
    )
    _extension_option(migrating)
    _language_option(migrating, "text report")
    migrating.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="OUT",
        help="write the migrated assessment to OUT (the report goes to stdout)",
    )
    migrating.add_argument(
        "--force", action="store_true", help="replace OUT if it exists"
    )
    migrating.set_defaults(handler=_migrate)


def _add_consensus_command(commands: _Commands) -> None:
    agreeing = commands.add_parser(
        "consensus",
        help="combine the assessments of an audit team into one agreed assessment",
        description="Combine the assessments of two or more auditors of one "
        "organisation (same edition, organisation, extensions and scale) into "
        "one agreed assessment, written to OUT, and print the agenda of the "
        "calibration meeting: Krippendorff's alpha and the disagreements, by "
        "spread, then area. A requirement some hold not applicable and others "
        "rate stays unrated in the agreed assessment until the team decides.",
    )
    agreeing.add_argument(
        "files", nargs="+", metavar="FILE", help="the auditors' assessment files (YAML)"
    )
    agreeing.add_argument(
        "--rule",
        default="median",
        metavar="median|min",
        help="how the values are combined: median (default; of an even number, "
        "the lower middle value) or min (the strictest)",
    )
    agreeing.add_argument(
        "--spread",
        type=int,
        default=2,
        metavar="N",
        help="scale steps between the lowest and highest value from which a "
        "requirement is on the agenda (default 2)",
    )
    agreeing.add_argument(
        "--format",
        choices=["text", "md", "json"],
        default="text",
        help="the agenda as text (default), as the Markdown report of the agreed "
        "assessment with the table of disagreements, or as JSON (consensus/1)",
    )
    _language_option(
        agreeing, "notes the agreed assessment gets and of the Markdown report"
    )
    _extension_option(agreeing)
    agreeing.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="where to write the agreed assessment (YAML)",
    )
    agreeing.add_argument(
        "--force", action="store_true", help="replace OUT if it exists"
    )
    agreeing.set_defaults(handler=_consensus)


def _add_oscal_command(commands: _Commands) -> None:
    oscal = commands.add_parser(
        "oscal",
        help="export the standard or an audit as OSCAL (JSON or YAML)",
        description="Export an edition as an OSCAL catalog, or an audit as "
        "OSCAL assessment results (OSCAL 1.1.3). The output is deterministic: "
        "the same input gives the same bytes.",
    )
    kinds = oscal.add_subparsers(
        title="exports", dest="export", metavar="EXPORT", parser_class=_Parser
    )
    kinds.required = True
    catalog = kinds.add_parser(
        "catalog",
        help="the edition as an OSCAL catalog",
        description="Write an edition (with the extensions given) as an OSCAL "
        "catalog: areas as groups, requirements as controls.",
    )
    catalog.add_argument(
        "edition",
        metavar="EDITION",
        help=f"edition id: {' or '.join(editions())}",
    )
    _extension_option(catalog)
    _oscal_format_option(catalog)
    _output_options(catalog)
    catalog.set_defaults(handler=_oscal_catalog)
    results = kinds.add_parser(
        "results",
        help="an audit as OSCAL assessment results",
        description="Write an assessment (checked against its edition first) as "
        "OSCAL assessment results: one finding per rated requirement, the "
        "evidence as observations, the score card on the result.",
    )
    results.add_argument("file", metavar="FILE", help="assessment file (YAML)")
    _scoring_options(results)
    _extension_option(results)
    _oscal_format_option(results)
    _output_options(results)
    results.set_defaults(handler=_oscal_results)


def _oscal_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["json", "yaml"],
        default="json",
        help="output format (default: json)",
    )


def _add_portfolio_command(commands: _Commands) -> None:
    portfolio = commands.add_parser(
        "portfolio",
        help="score many assessment files as one tidy table",
        description="Load and score many assessment files at once and write one "
        "tidy table: a row per assessment (total), per assessment and area, or "
        "per assessment and requirement. A PATH is a file, a folder (every "
        ".yaml and .yml file in it and below it) or a quoted glob pattern. A "
        "file that cannot be loaded is named on standard error with its error, "
        "the table of the rest is still written, and the exit code is 1. With "
        "--summary it writes the portfolio in figures instead: per edition the "
        "spread of the totals and of each area's points and the recognition "
        "levels reached.",
    )
    portfolio.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="assessment files, folders or glob patterns",
    )
    portfolio.add_argument(
        "--level",
        choices=["total", "area", "requirement"],
        default="total",
        help="one row per assessment (total, the default), per area or per requirement",
    )
    portfolio.add_argument(
        "--format",
        choices=["text", "csv", "json", "md", "html"],
        default="text",
        help="aligned text (default), CSV (text cells guarded against formulas), "
        "JSON (portfolio/1) or a Markdown table; with --summary text, JSON "
        "(portfolio-summary/1), Markdown or HTML (the report extra)",
    )
    portfolio.add_argument(
        "--summary",
        action="store_true",
        help="write the summary (spread of the totals and per area, levels "
        "reached, per edition) instead of the table",
    )
    _language_option(portfolio, "summary's Markdown and HTML words")
    _jobs_option(portfolio, "files")
    _scoring_options(portfolio)
    _extension_option(portfolio)
    _output_options(portfolio)
    portfolio.set_defaults(handler=_portfolio)


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of at least 1, got {text!r}"
        )
    return jobs


def _add_rollup_command(commands: _Commands) -> None:
    rolling = commands.add_parser(
        "rollup",
        help="the units of one organisation (sites, teams) as one picture",
        description="Score the assessments of the units of one organisation "
        "(each with its own 'unit', all of one edition) and roll them up: per "
        "area the weighted mean of the units' points (or, with --rule min, the "
        "weakest unit's), the lowest and highest unit and the weakest unit, "
        "the organisation, result and total points and the recognition level "
        "of the rolled-up points.",
    )
    rolling.add_argument(
        "files", nargs="+", metavar="FILE", help="one assessment file per unit (YAML)"
    )
    rolling.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="UNIT=W",
        type=_weight,
        help="the weight of a unit, e.g. a headcount: a positive number of at "
        f"most {MAX_NUMBER:,} (repeatable; give one for every unit or none: "
        "default equal weights)",
    )
    rolling.add_argument(
        "--rule",
        choices=["weighted-mean", "min"],
        default="weighted-mean",
        help="weighted-mean (default) or min: each area as strong as its weakest "
        "unit (takes no weights)",
    )
    rolling.add_argument(
        "--format",
        choices=["text", "json", "md", "html"],
        default="text",
        help="text (default), JSON (format rollup/1), Markdown or HTML (with a "
        "radar per unit; the report extra)",
    )
    _language_option(rolling, "Markdown and HTML report's own words")
    _scoring_options(rolling)
    _extension_option(rolling)
    _output_options(rolling)
    rolling.set_defaults(handler=_rollup)


def _weight(text: str) -> tuple[str, float]:
    # The last "=" separates: a unit name may hold one.
    name, sep, value = text.rpartition("=")
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not sep or not name or not math.isfinite(number):
        raise argparse.ArgumentTypeError(f"expected UNIT=NUMBER, got {text!r}")
    if not 0 < number <= MAX_NUMBER:
        raise argparse.ArgumentTypeError(
            f"the weight must be a positive number of at most {MAX_NUMBER:,}, "
            f"got {text!r}"
        )
    return name, number


def _add_benchmark_command(commands: _Commands) -> None:
    benchmark = commands.add_parser(
        "benchmark",
        help="where one audit stands among its peers (percentile ranks)",
        description="Score FILE and the assessments of the peer group (--against: "
        "files, folders and quoted glob patterns, as for 'goudenoor portfolio') "
        "and print FILE's percentile rank per area and of the total among the "
        "peers of its edition: the percentage of peers that score lower, plus "
        "half of those that score the same. FILE itself is never its own peer: "
        "a peer that is the same file as FILE (by device and inode, whatever "
        "its name) is left out (FILE read from standard input has no path, so "
        "it is not recognised). Peers of other editions are left out and "
        "counted. A peer file that cannot be loaded is named on standard error "
        "with its error, the others are still used, and the exit code is 1.",
    )
    benchmark.add_argument(
        "file", metavar="FILE", help="the assessment to rank (YAML; '-': stdin)"
    )
    benchmark.add_argument(
        "--against",
        nargs="+",
        required=True,
        metavar="PATH",
        help="the peers: assessment files, folders or glob patterns",
    )
    benchmark.add_argument(
        "--format",
        choices=["text", "json", "md"],
        default="text",
        help="text (default), JSON (format percentile-ranks/1) or Markdown",
    )
    _language_option(benchmark, "Markdown report's own words")
    _jobs_option(benchmark, "peers")
    _scoring_options(benchmark)
    _extension_option(benchmark)
    _output_options(benchmark)
    benchmark.set_defaults(handler=_benchmark)


def _add_trend_command(commands: _Commands) -> None:
    trending = commands.add_parser(
        "trend",
        help="one organisation over the years: first, last and the change",
        description="Score the audits of one organisation (and one unit, if "
        "they have units) and show them in date order, with the first and the "
        "last audit's points per area and in total and the change. Audits of "
        "different editions are compared area by area id, with a warning. "
        "Refused, naming the files: two audits on one date, and audits scored "
        "against other extensions (by id, or another extension file with the "
        "same id).",
    )
    trending.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="the organisation's assessment files (YAML; at least two)",
    )
    trending.add_argument(
        "--format",
        choices=["text", "json", "md"],
        default="text",
        help="text (default), JSON (format trend/1) or Markdown",
    )
    trending.add_argument(
        "--allow-different-organisations",
        action="store_true",
        help="take audits of different organisations or units as one history "
        "(a renamed organisation, say; refused by default)",
    )
    _language_option(trending, "Markdown report's own words")
    _scoring_options(trending)
    _extension_option(trending)
    _output_options(trending)
    trending.set_defaults(handler=_trend)
