"""
The commands about goudenoor's file formats: ``schema`` prints their
JSON Schemas, ``validate`` checks files against them.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from goudenoor._data import object_data
from goudenoor._text import json_text, one_line
from goudenoor.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    add_output_options,
    folder_of,
    one_line_message,
    write_output,
)
from goudenoor.exceptions import GoudenoorError
from goudenoor.files import SCHEMA_KINDS


__all__ = [
    "add_schema_command",
    "add_validate_command",
]


def __dir__() -> list[str]:
    return __all__


def add_schema_command(commands: Commands) -> None:
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
    add_output_options(schema)
    schema.set_defaults(handler=_schema)


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import json_schema

    schema = json_schema(args.format)
    write_output(args, out, json_text(schema))
    return EXIT_OK


def add_validate_command(commands: Commands) -> None:
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


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import STDIN, VALIDATION_SHAPE, loads_document, read_input

    results: list[tuple[str, str | None]] = []
    code = EXIT_OK
    for name in args.files:
        shown = STDIN if name == "-" else name
        try:
            source, text = read_input(name)
        except GoudenoorError as exc:
            # Not even read: unreadable input, not a finding about a file.
            code = EXIT_USAGE
            sys.stderr.write(f"goudenoor: error: {one_line_message(str(exc))}\n")
            results.append((shown, str(exc)))
            continue
        try:
            loads_document(text, source=source, folder=folder_of(name))
        except GoudenoorError as exc:
            code = max(code, EXIT_FINDINGS)
            sys.stderr.write(f"goudenoor: error: {one_line_message(str(exc))}\n")
            results.append((shown, str(exc)))
            continue
        results.append((shown, None))
        if args.format == "text":
            out.write(f"{one_line(shown)}: ok\n")
    if args.format == "json":
        out.write(json_text(object_data(VALIDATION_SHAPE, results)))
    return code
