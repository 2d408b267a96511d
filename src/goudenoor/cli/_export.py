"""
The ``export`` command: the standard in other tools' own formats (a CISO
Assistant library).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from goudenoor.cli._common import (
    EXIT_OK,
    Commands,
    Parser,
    add_extension_option,
    add_output_options,
    load_edition,
    write_output,
)
from goudenoor.files import editions


__all__ = [
    "add_export_command",
]


def __dir__() -> list[str]:
    return __all__


def add_export_command(commands: Commands) -> None:
    export = commands.add_parser(
        "export",
        help="export the standard in another tool's format (CISO Assistant)",
        description="Export an edition in another tool's own format.",
    )
    kinds = export.add_subparsers(
        title="formats", dest="format", metavar="FORMAT", parser_class=Parser
    )
    kinds.required = True
    ciso = kinds.add_parser(
        "ciso-assistant",
        help="the edition as a CISO Assistant library (YAML)",
        description="Write an edition (with the extensions given) as a CISO "
        "Assistant library, to upload on its Libraries page: areas and themes "
        "as nodes, requirements as assessable nodes weighted by their points, "
        "the default scale as scores from 0 to 100, the shipped English "
        "translation as the translations. The output is deterministic: the "
        "same input gives the same bytes.",
    )
    ciso.add_argument(
        "edition",
        metavar="EDITION",
        help=f"edition id: {' or '.join(editions())}",
    )
    add_extension_option(ciso)
    add_output_options(ciso)
    ciso.set_defaults(handler=_ciso_assistant)


def _ciso_assistant(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import dump_yaml, load_translation, translations
    from goudenoor.interchange import to_ciso_assistant_library

    standard = load_edition(args.edition, args.extension)
    # The shipped English translation, where the edition has one.
    english = (
        load_translation(standard.id, "en")
        if "en" in translations(standard.id)
        else None
    )
    library = to_ciso_assistant_library(standard, translation=english)
    write_output(args, out, dump_yaml(library))
    return EXIT_OK
