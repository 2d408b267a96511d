"""
The ``consensus`` command: the assessments of an audit team combined
into one agreed assessment, with the agenda of the calibration meeting.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from goudenoor._text import json_text
from goudenoor.audit import score
from goudenoor.cli._common import (
    EXIT_OK,
    Commands,
    add_extension_option,
    add_language_option,
    read_audits,
    read_extensions,
)
from goudenoor.files import save_assessment


__all__ = [
    "add_consensus_command",
]


def __dir__() -> list[str]:
    return __all__


def add_consensus_command(commands: Commands) -> None:
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
    add_language_option(
        agreeing, "notes the agreed assessment gets and of the Markdown report"
    )
    add_extension_option(agreeing)
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


def _consensus(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import consensus, refuse_repeated_files

    refuse_repeated_files(args.files)
    extensions = read_extensions(args.extension)
    result = consensus(
        read_audits(args.files, extensions),
        rule=args.rule,
        spread=args.spread,
        extensions=extensions,
        language=args.language,
    )
    if args.format == "json":
        text = json_text(result.as_dict())
    elif args.format == "md":
        from goudenoor.report import render_report

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
