"""
The command about one audit's findings: ``findings`` lists them with their
status on a date (``goudenoor status`` gives the recognitions of many
audits, beside ``portfolio`` in ``_portfolio``).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from goudenoor._text import json_text
from goudenoor.cli._common import (
    EXIT_OK,
    Commands,
    add_as_of_option,
    add_extension_option,
    add_language_option,
    add_output_options,
    as_of,
    read_audit,
    read_extensions,
    write_output,
)


__all__ = ["add_findings_command"]


def __dir__() -> list[str]:
    return __all__


def add_findings_command(commands: Commands) -> None:
    findings = commands.add_parser(
        "findings",
        help="the findings of an audit with their status on a date",
        description="List the findings of an assessment (afwijkingen, "
        "verbeterpunten, observaties, sterke punten) with their status on a date "
        "and whether they are overdue: past their deadline and not verified by "
        "then.",
    )
    findings.add_argument(
        "file", metavar="FILE", help="the assessment (YAML; '-': stdin)"
    )
    add_as_of_option(findings, "the statuses are")
    findings.add_argument(
        "--format",
        choices=["text", "md", "json"],
        default="text",
        help="text (default, English), Markdown or JSON (format findings/1)",
    )
    add_language_option(findings, "Markdown report's own words")
    add_extension_option(findings)
    add_output_options(findings)
    findings.set_defaults(handler=_findings)


def _findings(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.audit import findings_on

    audit = read_audit(args.file, extensions=read_extensions(args.extension))
    found = findings_on(audit, as_of(args))
    if args.format == "json":
        text = json_text(found.to_data())
    elif args.format == "md":
        from goudenoor.report import findings_markdown

        text = findings_markdown(found, args.language)
    else:
        text = found.text()
    write_output(args, out, text)
    return EXIT_OK
