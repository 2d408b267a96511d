"""
The ``evidence`` commands: ``evidence hash`` records the fingerprint
(SHA-256) of each evidence file of an assessment, ``evidence verify``
checks them and each item's validity.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from goudenoor._text import json_text
from goudenoor.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Commands,
    Parser,
    add_as_of_option,
    add_extension_option,
    as_of,
    one_line_message,
    read_audit,
    read_extensions,
)
from goudenoor.exceptions import GoudenoorError


__all__ = ["add_evidence_command"]


def __dir__() -> list[str]:
    return __all__


_ROOT_HELP = (
    "the evidence folder the items' paths are relative to (default: the folder of FILE)"
)


def add_evidence_command(commands: Commands) -> None:
    evidence = commands.add_parser(
        "evidence",
        help="fingerprint an assessment's evidence files, and check them",
        description="Record the SHA-256 of each evidence file an assessment "
        "names by a path (hash), and check later that each file is still the "
        "one the auditor saw (verify).",
    )
    steps = evidence.add_subparsers(
        title="steps", dest="step", metavar="STEP", parser_class=Parser
    )
    steps.required = True
    hashing = steps.add_parser(
        "hash",
        help="record the SHA-256 of each evidence file that has none yet",
        description="Record the SHA-256 of each evidence file of FILE that "
        "has none yet, and print the assessment (or write it to OUT, or back "
        "to FILE). A fingerprint already recorded is kept: a file changed "
        "since is reported, not hidden (remove its sha256 to record the new "
        "file). The assessment is written anew, as every command writes one: "
        "the comments of FILE are not kept. Exits 1 when a file is missing "
        "or changed (the rest are still recorded).",
    )
    hashing.add_argument("file", metavar="FILE", help="the assessment (YAML)")
    hashing.add_argument("--root", default=None, metavar="DIR", help=_ROOT_HELP)
    where = hashing.add_mutually_exclusive_group()
    where.add_argument(
        "-o", "--output", default=None, metavar="OUT", help="write to OUT, not stdout"
    )
    where.add_argument(
        "--in-place", action="store_true", help="replace FILE (atomically)"
    )
    hashing.add_argument(
        "--force", action="store_true", help="replace OUT if it exists"
    )
    add_extension_option(hashing)
    hashing.set_defaults(handler=_hash)
    verifying = steps.add_parser(
        "verify",
        help="check each evidence file against its recorded SHA-256",
        description="Check, per evidence item and requirement, that its file "
        "is there and has the SHA-256 the assessment records, and that the "
        "item is not past its valid_until: ok, missing, changed, expired or "
        "unhashed. Exits 1 when a file is missing or changed.",
    )
    verifying.add_argument("file", metavar="FILE", help="the assessment (YAML)")
    verifying.add_argument("--root", default=None, metavar="DIR", help=_ROOT_HELP)
    add_as_of_option(verifying, "validity is judged")
    verifying.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (default, English) or JSON (format evidence-check/1)",
    )
    add_extension_option(verifying)
    verifying.set_defaults(handler=_verify)


def _refuse_stdin_without_root(args: argparse.Namespace, command: str) -> None:
    if args.file == "-" and args.root is None:
        raise GoudenoorError(
            f"evidence {command} reads the evidence files beside FILE: with "
            "standard input ('-'), give their folder with --root DIR"
        )


def _hash(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import dump_assessment, hash_evidence, save_assessment

    _refuse_stdin_without_root(args, "hash")
    if args.in_place and args.file == "-":
        raise GoudenoorError(
            "--in-place replaces FILE: standard input ('-') cannot be replaced; "
            "give -o OUT"
        )
    audit = read_audit(args.file, extensions=read_extensions(args.extension))
    hashed, report = hash_evidence(audit, root=args.root)
    target = args.file if args.in_place else args.output
    if target is None:
        out.write(dump_assessment(hashed.assessment))
    else:
        save_assessment(
            hashed.assessment,
            target,
            overwrite=args.in_place or args.force,
            extensions_relative_to=args.file,
        )
    for item in report.items:
        if item.failed:
            sys.stderr.write(f"goudenoor: {one_line_message(item.line())}\n")
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _verify(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import verify_evidence

    _refuse_stdin_without_root(args, "verify")
    audit = read_audit(args.file, extensions=read_extensions(args.extension))
    check = verify_evidence(audit, root=args.root, as_of=as_of(args))
    out.write(json_text(check.to_data()) if args.format == "json" else check.text())
    return EXIT_OK if check.ok else EXIT_FINDINGS
