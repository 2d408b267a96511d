"""
The ``calibrate`` command: how far an organisation's self-assessment sits
from the audit that follows it.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from goudenoor._text import json_text
from goudenoor.cli._common import (
    EXIT_OK,
    Commands,
    add_extension_option,
    add_language_option,
    add_output_options,
    read_audits,
    read_extensions,
    write_output,
)


__all__ = ["add_calibrate_command"]


def __dir__() -> list[str]:
    return __all__


def add_calibrate_command(commands: Commands) -> None:
    calibrating = commands.add_parser(
        "calibrate",
        help="how far a self-assessment sits from the audit",
        description="Set an organisation's self-assessment (kind: self) beside "
        "the audit of the same edition, extensions and scale: per area the mean "
        "difference (self minus auditor) in scale steps and in points, per "
        "requirement the differences (largest first), the over-claims (at least "
        "2 steps above the auditor, or a checkpoint claimed met that the "
        "auditor did not find met), the requirements not applicable on one side "
        "only, and Krippendorff's alpha (ordinal) between the two.",
    )
    calibrating.add_argument(
        "self_assessment",
        metavar="SELF",
        help="the self-assessment, kind: self (YAML; '-': stdin)",
    )
    calibrating.add_argument(
        "audit", metavar="AUDIT", help="the audit (YAML; '-': stdin)"
    )
    calibrating.add_argument(
        "--format",
        choices=["text", "md", "html", "json"],
        default="text",
        help="text (default, English), Markdown, HTML (a self-contained page) or "
        "JSON (format calibration/1)",
    )
    add_language_option(calibrating, "Markdown and HTML reports")
    add_extension_option(calibrating)
    add_output_options(calibrating)
    calibrating.set_defaults(handler=_calibrate)


def _calibrate(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.audit import calibrate

    own, found = read_audits(
        [args.self_assessment, args.audit], read_extensions(args.extension)
    )
    calibration = calibrate(own, found)
    if args.format == "json":
        text = json_text(calibration.as_dict())
    elif args.format == "md":
        from goudenoor.report import calibration_markdown

        text = calibration_markdown(calibration, args.language)
    elif args.format == "html":
        from goudenoor.report import calibration_html

        text = calibration_html(calibration, args.language)
    else:
        text = calibration.text()
    write_output(args, out, text)
    return EXIT_OK
