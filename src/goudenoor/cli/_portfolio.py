"""
The commands over many audits: ``portfolio`` (one table, or its summary),
``status`` (the recognitions on a date), ``rollup`` (the units of one
organisation), ``benchmark`` (one audit among its peers) and ``trend``
(one organisation over the years).
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import sys
import time
import types
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from goudenoor._text import json_text
from goudenoor.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Commands,
    add_as_of_option,
    add_extension_option,
    add_language_option,
    add_output_options,
    add_scoring_options,
    as_of,
    one_line_message,
    read_audits,
    read_extensions,
    scored_card,
    scoring_arguments,
    write_output,
)
from goudenoor.exceptions import GoudenoorError
from goudenoor.standard import MAX_NUMBER


if TYPE_CHECKING:
    from goudenoor.audit import RecognitionStatus, ScoreCard
    from goudenoor.files import PortfolioFiles
    from goudenoor.portfolio import (
        Portfolio,
        PortfolioNote,
        PortfolioSummary,
        RefusedFile,
    )
    from goudenoor.standard import Extension


__all__ = [
    "Progress",
    "add_benchmark_command",
    "add_portfolio_command",
    "add_rollup_command",
    "add_status_command",
    "add_trend_command",
]


def __dir__() -> list[str]:
    return __all__


def add_portfolio_command(commands: Commands) -> None:
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
    add_language_option(portfolio, "summary's Markdown and HTML words")
    _add_jobs_option(portfolio, "files")
    add_scoring_options(portfolio)
    add_extension_option(portfolio)
    add_output_options(portfolio)
    portfolio.set_defaults(handler=_portfolio)


def _add_jobs_option(parser: argparse.ArgumentParser, what: str) -> None:
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


def _portfolio(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.portfolio import COLUMNS
    from goudenoor.report import table_csv, table_json, table_markdown, table_text

    if args.summary and args.format == "csv":
        raise GoudenoorError(
            "--summary writes text, json, md or html, not csv (a summary is no table)"
        )
    if not args.summary and args.format == "html":
        raise GoudenoorError(
            "--format html is for the summary: add --summary (the table is text, "
            "csv, json or md)"
        )
    portfolio = _loaded(args)
    options = scoring_arguments(args)
    refused = [(error.path, str(error.error)) for error in portfolio.errors]
    if args.summary:
        text = _portfolio_summary(portfolio.summary(**options), args)
        write_output(args, out, text)
        _refused(portfolio.errors, portfolio.notes)
        return EXIT_FINDINGS if refused else EXIT_OK
    rows = portfolio.table(args.level, **options)
    columns = COLUMNS[args.level]
    if args.format == "csv":
        text = table_csv(rows, columns)
    elif args.format == "json":
        text = table_json(rows, columns, level=args.level, refused=refused)
    elif args.format == "md":
        text = table_markdown(rows, columns)
    else:
        text = table_text(rows, columns)
    write_output(args, out, text)
    _refused(portfolio.errors, portfolio.notes)
    return EXIT_FINDINGS if refused else EXIT_OK


def add_status_command(commands: Commands) -> None:
    status = commands.add_parser(
        "status",
        help="the recognition of each organisation and unit on a date",
        description="Load many assessment files (as 'goudenoor portfolio' does: "
        "files, folders and quoted glob patterns) and give the recognition of "
        "each organisation and unit on a date, from its audits and reviews: the "
        "level, the state (none, valid, conditional, suspended, expired), valid "
        "until, the next review, the open and overdue findings and the reasons. "
        "One row per organisation and unit, sorted by organisation, then unit. "
        "A file that cannot be loaded is named on standard error with its error, "
        "the rest are still used, and the exit code is 1. With --fail-on the "
        "exit code is also 1 when a recognition is suspended (suspended) or has "
        "overdue findings (overdue), each named on standard error: for scripts.",
    )
    status.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="assessment files, folders or glob patterns",
    )
    add_as_of_option(status, "the recognitions are")
    status.add_argument(
        "--format",
        choices=["text", "md", "json", "csv"],
        default="text",
        help="an aligned table (default), Markdown (the status page: what needs "
        "attention first, in words), JSON (status/1) or CSV (text cells guarded "
        "against formulas)",
    )
    status.add_argument(
        "--fail-on",
        choices=["suspended", "overdue"],
        default=None,
        help="exit 1 when a recognition is suspended, or when one has overdue findings",
    )
    add_language_option(status, "Markdown status page's words")
    add_scoring_options(status)
    _add_jobs_option(status, "files")
    add_extension_option(status)
    add_output_options(status)
    status.set_defaults(handler=_status)


def _loaded(
    args: argparse.Namespace,
    paths: PortfolioFiles | None = None,
    extensions: Sequence[Extension] | None = None,
) -> Portfolio:
    """
    The portfolio of *paths* (default: the PATH arguments) with
    *extensions* (default: those given), loaded with ``--jobs`` and a
    progress line on standard error.
    """
    from goudenoor.files import load_portfolio

    if extensions is None:
        extensions = read_extensions(args.extension)
    if paths is None:
        paths = _portfolio_files(args.paths, "PATH")
    progress = Progress(sys.stderr)
    try:
        return load_portfolio(
            paths, jobs=args.jobs, extensions=extensions, progress=progress
        )
    finally:
        progress.close()


def _status(args: argparse.Namespace, out: TextIO) -> int:
    portfolio = _loaded(args)
    day = as_of(args)
    recognitions = portfolio.recognitions(day, **scoring_arguments(args))
    refused = [(error.path, str(error.error)) for error in portfolio.errors]
    write_output(args, out, _status_text(args, recognitions, day, refused))
    _refused(portfolio.errors, portfolio.notes)
    failed = _failing(recognitions, args.fail_on)
    for message in failed:
        sys.stderr.write(f"goudenoor: {one_line_message(message)}\n")
    return EXIT_FINDINGS if refused or failed else EXIT_OK


def _status_text(
    args: argparse.Namespace,
    recognitions: list[RecognitionStatus],
    day: datetime.date,
    refused: list[tuple[str, str]],
) -> str:
    from goudenoor.portfolio import STATUS_COLUMNS

    if args.format == "json":
        from goudenoor._data import object_data
        from goudenoor.portfolio import STATUS_SHAPE

        table = types.SimpleNamespace(as_of=day, rows=recognitions, refused=refused)
        return json_text(object_data(STATUS_SHAPE, table))
    if args.format == "md":
        from goudenoor.report import status_markdown

        return status_markdown(recognitions, day, args.language, refused=refused)
    rows = [found.to_data() for found in recognitions]
    if args.format == "csv":
        from goudenoor.report import table_csv

        columns = (*STATUS_COLUMNS, "reasons")
        for row in rows:
            row["reasons"] = "; ".join(reason["text"] for reason in row["reasons"])
        return table_csv(rows, columns)
    from goudenoor.report import table_text

    return table_text(rows, STATUS_COLUMNS)


def _failing(recognitions: list[RecognitionStatus], fail_on: str | None) -> list[str]:
    """
    What ``--fail-on`` fails on: one message per recognition.
    """
    found = []
    for status in recognitions:
        who = status.organisation + (f" ({status.unit})" if status.unit else "")
        if fail_on == "suspended" and status.state == "suspended":
            found.append(f"suspended: {who} on {status.as_of.isoformat()}")
        if fail_on == "overdue" and status.overdue_findings:
            ids = ", ".join(item.finding.id for item in status.overdue_findings)
            found.append(f"overdue findings: {who}: {ids}")
    return found


def _portfolio_files(given: list[str], argument: str) -> PortfolioFiles:
    """
    The files the PATHs give (see ``portfolio_files``), in order.

    Raises:
        GoudenoorError: A PATH is ``-`` or gives no file.
    """
    from goudenoor.files import is_glob_pattern, portfolio_files

    for path in given:
        if path == "-":
            # Folders and patterns are scanned and files read by name (in
            # worker processes too): standard input is none of them.
            raise GoudenoorError(
                f"{argument}: standard input ('-') cannot be read here: give "
                "assessment files, folders or glob patterns"
            )
        if path and not os.path.lexists(path) and not is_glob_pattern(path):
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
        from goudenoor.report import portfolio_summary_markdown

        return portfolio_summary_markdown(summary, args.language)
    if args.format == "html":
        from goudenoor.report import portfolio_summary_html

        return portfolio_summary_html(summary, args.language)
    return summary.text()


class Progress:
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


def _refused(
    errors: Iterable[RefusedFile], notes: Iterable[PortfolioNote] = ()
) -> None:
    for error in errors:
        message = str(error.error)
        named = message if error.path in message else f"{error.path}: {message}"
        sys.stderr.write(f"goudenoor: error: {one_line_message(named)}\n")
    for note in notes:
        sys.stderr.write(f"goudenoor: note: {one_line_message(str(note))}\n")


def add_rollup_command(commands: Commands) -> None:
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
    add_language_option(rolling, "Markdown and HTML report's own words")
    add_scoring_options(rolling)
    add_extension_option(rolling)
    add_output_options(rolling)
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


def _rollup(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import rollup

    weights: dict[str, float] = {}
    for unit, weight in args.weight:
        if unit in weights:
            raise GoudenoorError(f"--weight: unit {unit!r} is given more than once")
        weights[unit] = weight
    extensions = read_extensions(args.extension)
    result = rollup(
        read_audits(args.files, extensions),
        weights=weights or None,
        rule=args.rule,
        extensions=extensions,
        **scoring_arguments(args),
    )
    if args.format == "json":
        text = json_text(result.as_dict())
    elif args.format == "md":
        from goudenoor.report import rollup_markdown

        text = rollup_markdown(result, args.language)
    elif args.format == "html":
        from goudenoor.report import rollup_html

        text = rollup_html(result, args.language)
    else:
        text = result.text()
    write_output(args, out, text)
    return EXIT_OK


def add_benchmark_command(commands: Commands) -> None:
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
    add_language_option(benchmark, "Markdown report's own words")
    _add_jobs_option(benchmark, "peers")
    add_scoring_options(benchmark)
    add_extension_option(benchmark)
    add_output_options(benchmark)
    benchmark.set_defaults(handler=_benchmark)


def _benchmark(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.portfolio import percentile_ranks

    extensions = read_extensions(args.extension)
    card = scored_card(args, args.file, extensions)
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
    portfolio = _loaded(args, paths, extensions)
    _refused(portfolio.errors, portfolio.notes)
    ranks = percentile_ranks(card, portfolio.cards(**scoring_arguments(args)))
    if args.format == "json":
        text = json_text(ranks.as_dict())
    elif args.format == "md":
        from goudenoor.report import benchmark_markdown

        text = benchmark_markdown(ranks, args.language, names=_area_names(card))
    else:
        text = ranks.text()
    write_output(args, out, text)
    return EXIT_FINDINGS if portfolio.errors else EXIT_OK


def _area_names(card: ScoreCard) -> dict[str, str]:
    return {area.id: area.name for area in card.standard.areas}


def add_trend_command(commands: Commands) -> None:
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
    add_language_option(trending, "Markdown report's own words")
    add_scoring_options(trending)
    add_extension_option(trending)
    add_output_options(trending)
    trending.set_defaults(handler=_trend)


def _trend(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.portfolio import trend

    extensions = read_extensions(args.extension)
    cards = [scored_card(args, file, extensions) for file in args.files]
    result = trend(
        cards, allow_different_organisations=args.allow_different_organisations
    )
    if args.format == "json":
        text = json_text(result.as_dict())
    elif args.format == "md":
        from goudenoor.report import trend_markdown

        names: dict[str, str] = {}
        for card in sorted(cards, key=lambda c: c.assessment.date):
            names.update(_area_names(card))  # the latest edition's names win
        text = trend_markdown(result, args.language, names=names)
    else:
        text = result.text()
    write_output(args, out, text)
    return EXIT_OK
