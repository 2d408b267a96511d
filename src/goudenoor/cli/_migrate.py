"""
The ``migrate`` command: an assessment carried to another edition
through a crosswalk.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from goudenoor._text import json_text
from goudenoor.cli._common import (
    EXIT_OK,
    Commands,
    add_extension_option,
    add_language_option,
    read_audit,
    read_extensions,
)
from goudenoor.files import read_input, save_assessment


__all__ = [
    "add_migrate_command",
]


def __dir__() -> list[str]:
    return __all__


def add_migrate_command(commands: Commands) -> None:
    migrating = commands.add_parser(
        "migrate",
        help="move an assessment to another edition through a crosswalk",
        description="Carry an assessment's ratings and findings to another edition "
        "through the shipped crosswalk (or your own) and print what was carried, "
        "what needs review, what is new and what was dropped.",
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
    add_extension_option(migrating)
    add_language_option(migrating, "text report")
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


def _migrate(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import (
        loads_crosswalk,
        migrate,
        migration_standards,
        refuse_existing,
    )

    extensions = read_extensions(args.extension)
    audit = read_audit(args.file, extensions=extensions)
    crosswalk = None
    if args.crosswalk is not None:
        source, target = migration_standards(audit, args.to, extensions=extensions)
        name, text = read_input(args.crosswalk)
        crosswalk = loads_crosswalk(text, name=name, source=source, target=target)
    writing = args.output is not None and not args.dry_run
    if writing:
        refuse_existing(Path(args.output), overwrite=args.force)
    migration = migrate(audit, args.to, crosswalk=crosswalk, extensions=extensions)
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
