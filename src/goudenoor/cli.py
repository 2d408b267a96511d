"""
The ``goudenoor`` command.

Every error the user causes is printed as one line,
``goudenoor: error: <message>``, on standard error, with exit code 2.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from .exceptions import GoudenoorError
from .io import editions, load_standard
from .model import Area, Requirement, Standard


__all__ = ["build_parser", "main"]


def __dir__() -> list[str]:
    return __all__


EXIT_OK = 0
EXIT_USAGE = 2

_Handler = Callable[[argparse.Namespace, TextIO], int]


class _Parser(argparse.ArgumentParser):
    """
    An argument parser that reports usage errors in one line.
    """

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
        "editions, areas and requirements.",
    )
    commands = parser.add_subparsers(
        title="commands",
        dest="command",
        metavar="COMMAND",
        parser_class=_Parser,
    )
    commands.required = True

    listing = commands.add_parser(
        "editions",
        help="list the editions of the standard",
        description="List the editions shipped with the library.",
    )
    listing.set_defaults(handler=_editions)

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
    show.set_defaults(handler=_show)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """
    Run the command with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit code: 0 on success, 2 on bad input or usage.
    """
    stream = out if out is not None else sys.stdout
    args = build_parser().parse_args(argv)
    handler: _Handler = args.handler
    try:
        return handler(args, stream)
    except GoudenoorError as exc:
        sys.stderr.write(f"goudenoor: error: {_one_line(str(exc))}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `goudenoor show | head`
        sys.stderr.close()
        return EXIT_OK


def _one_line(message: str) -> str:
    lines = message.splitlines()
    if len(lines) <= 1:
        return message
    return lines[0] + "".join(f"\n  {line.strip()}" for line in lines[1:])


def _editions(_: argparse.Namespace, out: TextIO) -> int:
    for edition in editions():
        standard = load_standard(edition)
        out.write(
            f"{standard.id}  {standard.title} ({standard.year}): "
            f"{len(standard.areas)} areas, "
            f"{len(standard.requirements)} requirements\n"
        )
    return EXIT_OK


def _show(args: argparse.Namespace, out: TextIO) -> int:
    edition: str | None = args.edition
    area_key: str | None = args.area
    if edition is not None and area_key is None and edition not in editions():
        edition, area_key = None, edition
    standard = load_standard(edition)
    width = min(shutil.get_terminal_size((88, 24)).columns, 100)
    writer = _Writer(out, width)
    if area_key is None:
        _show_standard(standard, writer)
    else:
        _show_area(standard, standard.area(area_key), writer)
    return EXIT_OK


class _Writer:
    """
    Writes wrapped, indented text.
    """

    def __init__(self, out: TextIO, width: int) -> None:
        self.out = out
        self.width = width

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def wrapped(self, text: str, indent: str, first: str | None = None) -> None:
        self.out.write(
            textwrap.fill(
                " ".join(text.split()),
                width=self.width,
                initial_indent=indent if first is None else first,
                subsequent_indent=indent,
                break_on_hyphens=False,
            )
            + "\n"
        )


def _points(area: Area) -> str:
    assumed = " (assumed)" if area.points_assumed else ""
    return f"{area.points:g} points{assumed}"


def _show_standard(standard: Standard, w: _Writer) -> None:
    w.line(f"{standard.id}: {standard.title} ({standard.year})")
    w.line()
    for area in standard.areas:
        w.line(
            f"{area.id:>2}  {area.name:<30} {area.kind:<12} "
            f"{_points(area):<20} {len(area.requirements)} requirements"
        )
    organisation = sum(a.points for a in standard.organisation_areas)
    result = sum(a.points for a in standard.result_areas)
    w.line()
    w.line(
        f"organisation {organisation:g} + result {result:g} = "
        f"{standard.max_points:g} points"
    )
    for note in standard.notes:
        w.wrapped(note, "    ", "  * ")


def _show_area(standard: Standard, area: Area, w: _Writer) -> None:
    w.line(f"{standard.id}: {standard.title}")
    w.line(f"{area.id} {area.name} ({area.kind} area, {_points(area)})")
    if area.aliases:
        w.line(f"   also known as: {', '.join(area.aliases)}")
    if area.summary:
        w.line()
        w.wrapped(area.summary, "   ")
    for note in area.notes:
        w.wrapped(note, "     ", "   * ")
    theme: str | None = None
    for index, requirement in enumerate(area.requirements):
        w.line()
        if index == 0 or requirement.theme != theme:
            theme = requirement.theme
            if theme is not None:
                w.line(theme)
        _show_requirement(requirement, w)


def _show_requirement(requirement: Requirement, w: _Writer) -> None:
    indent = " " * 9
    w.wrapped(requirement.full_text, indent, f"  {requirement.id:<6} ")
    if requirement.evidence is not None:
        w.wrapped(requirement.evidence, indent + "  ", indent + "> ")
    for checkpoint in requirement.checkpoints:
        w.wrapped(
            checkpoint.text,
            indent + "         ",
            f"{indent}[ ] {checkpoint.id:<6}",
        )
    if requirement.inherited_from:
        w.line(f"{indent}(inherited from {requirement.inherited_from})")
