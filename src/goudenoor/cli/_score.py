"""
The commands that score one audit: ``score`` prints the score card,
``report`` writes the audit report, ``compare`` shows the change between
two audits of one organisation.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from goudenoor._text import json_text
from goudenoor.cli._common import (
    EXIT_OK,
    Commands,
    add_as_of_option,
    add_extension_option,
    add_output_options,
    add_scoring_options,
    add_translation_options,
    chosen_translation,
    read_extensions,
    scored_card,
    write_output,
)
from goudenoor.exceptions import GoudenoorError


if TYPE_CHECKING:
    from goudenoor.audit import Comparison, Journal, ScoreCard


__all__ = [
    "add_compare_command",
    "add_report_command",
    "add_score_command",
]


def __dir__() -> list[str]:
    return __all__


def add_score_command(commands: Commands) -> None:
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
    add_scoring_options(scoring)
    scoring.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format"
    )
    add_extension_option(scoring)
    scoring.set_defaults(handler=_score)


def _score(args: argparse.Namespace, out: TextIO) -> int:
    card = scored_card(args, args.file, read_extensions(args.extension))
    if args.format == "json":
        out.write(json_text(card.as_dict()))
    else:
        from goudenoor.report import card_text

        out.write(card_text(card))
    return EXIT_OK


def add_report_command(commands: Commands) -> None:
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
    _add_comparison_options(report, "OLD and FILE")
    report.add_argument(
        "--top", type=int, default=5, help="how many improvements to list (default 5)"
    )
    add_as_of_option(
        report,
        "the findings section's statuses and overdue marks are",
        "the audit's date",
    )
    add_scoring_options(report)
    add_extension_option(report)
    add_translation_options(report, report=True)
    add_output_options(report)
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.report import LANGUAGES, render_report

    # Read once: '--extension -' is standard input, which is read once.
    extensions = read_extensions(args.extension)
    card = scored_card(args, args.file, extensions)
    translation = (
        None if args.language == "nl" else chosen_translation(args, card.standard)
    )
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
        from goudenoor.files.xlsx import save_workbook

        save_workbook(
            card.standard,
            args.output,
            card=card,
            language=language,
            as_of=args.as_of,
            journal=_journal_beside(args.file),
            overwrite=args.force,
        )
        return EXIT_OK
    comparison = (
        _compared(scored_card(args, args.compare, extensions), card, args)
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
        as_of=args.as_of,
        journal=_journal_beside(args.file),
    )
    write_output(args, out, text)
    return EXIT_OK


def _journal_beside(file: str) -> Journal | None:
    """
    The journal beside the assessment *file*, or ``None`` when there is
    none (or the assessment is read from standard input).
    """
    if file == "-":
        return None
    from goudenoor.files import journal_path, load_journal

    if not journal_path(file).is_file():
        return None
    return load_journal(file)


def add_compare_command(commands: Commands) -> None:
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
    _add_comparison_options(comparing, "OLD and NEW")
    add_scoring_options(comparing)
    add_extension_option(comparing)
    add_output_options(comparing)
    comparing.set_defaults(handler=_compare)


def _add_comparison_options(parser: argparse.ArgumentParser, audits: str) -> None:
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


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    extensions = read_extensions(args.extension)
    comparison = _compared(
        scored_card(args, args.old, extensions),
        scored_card(args, args.new, extensions),
        args,
    )
    if args.format == "text":
        text = comparison.text()
    elif args.format == "json":
        text = json_text(comparison.as_dict())
    else:
        from goudenoor.report import render_report

        text = render_report(comparison.new, args.format, comparison=comparison)
    write_output(args, out, text)
    return EXIT_OK


def _compared(old: ScoreCard, new: ScoreCard, args: argparse.Namespace) -> Comparison:
    """
    *old* and *new* compared, through the shipped crosswalk when they are
    of two editions it maps between, with what the options allow.
    """
    from goudenoor.audit import compare
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
