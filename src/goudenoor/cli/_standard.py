"""
The commands that look up the standard: ``editions``, ``show``,
``extensions``, ``diff`` and ``graph``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TYPE_CHECKING, TextIO

from goudenoor._data import object_data
from goudenoor._text import json_text, one_line
from goudenoor.audit import score
from goudenoor.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Commands,
    add_extension_option,
    add_json_format_option,
    add_output_options,
    add_translation_options,
    chosen_translation,
    load_edition,
    one_line_message,
    read_audit,
    write_json,
    write_output,
)
from goudenoor.exceptions import GoudenoorError, UnknownAreaError
from goudenoor.files import (
    available_extensions,
    editions,
    load_extension,
    load_standard,
    standard_to_mapping,
    translations,
)
from goudenoor.problems import close_matches


if TYPE_CHECKING:
    from goudenoor.audit import ScoreCard
    from goudenoor.standard import Extension, Standard


__all__ = [
    "add_diff_command",
    "add_editions_command",
    "add_extensions_command",
    "add_graph_command",
    "add_show_command",
]


def __dir__() -> list[str]:
    return __all__


def add_editions_command(commands: Commands) -> None:
    listing = commands.add_parser(
        "editions",
        help="list the editions of the standard",
        description="List the editions shipped with the library.",
    )
    add_json_format_option(listing)
    listing.set_defaults(handler=_editions)


def _editions(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import EDITIONS_SHAPE

    listed: list[tuple[Standard, tuple[str, ...]]] = []
    for edition in editions():
        standard = load_standard(edition)
        languages = translations(edition)
        listed.append((standard, languages))
        if args.format == "json":
            continue
        out.write(
            f"{standard.id}  {standard.title} ({standard.year}): "
            f"{len(standard.areas)} areas, "
            f"{len(standard.requirements)} requirements"
            + (f"; translations: {', '.join(languages)}" if languages else "")
            + "\n"
        )
    if args.format == "json":
        out.write(json_text(object_data(EDITIONS_SHAPE, listed)))
    return EXIT_OK


def add_show_command(commands: Commands) -> None:
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
    add_translation_options(show)
    add_extension_option(show)
    add_json_format_option(show)
    show.set_defaults(handler=_show)


def _show(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import STANDARD_FORMAT
    from goudenoor.report import area_text, standard_text

    edition: str | None = args.edition
    area_key: str | None = args.area
    if edition is not None and area_key is None and edition not in editions():
        edition, area_key = None, edition
    if args.format == "json" and (args.language or args.translation):
        raise GoudenoorError("a translation is shown in the text, not in json")
    standard = load_edition(edition, args.extension)
    if area_key is not None and edition is None:
        _refuse_edition_as_area(standard, area_key)
    width = min(shutil.get_terminal_size((88, 24)).columns, 100)
    translation = chosen_translation(args, standard)
    if args.format == "json":
        data = standard_to_mapping(standard)
        data.pop("goudenoor", None)
        if area_key is not None:
            number = standard.area(area_key).number
            data["areas"] = [a for a in data["areas"] if a.get("number") == number]
        write_json(out, STANDARD_FORMAT, data)
        return EXIT_OK
    if area_key is None:
        out.write(standard_text(standard, width, translation))
    else:
        out.write(area_text(standard, standard.area(area_key), width, translation))
    return EXIT_OK


def _refuse_edition_as_area(standard: Standard, key: str) -> None:
    """
    ``show KEY``: a KEY that is no area of the newest edition but reads as
    an edition id (``gos-2013``) was meant as one: say "unknown edition".
    """
    try:
        standard.area(key)
    except UnknownAreaError:
        prefixes = {edition.rpartition("-")[0] for edition in editions()}
        if key.rpartition("-")[0] in prefixes or close_matches(key, editions()):
            load_standard(key)  # raises UnknownEditionError, with its choices
        raise


def add_graph_command(commands: Commands) -> None:
    graph = commands.add_parser(
        "graph",
        help="draw which organisation areas drive which result areas",
        description="Print the influence graph of an edition (organisation "
        "areas -> the result areas they drive; this library's model, not "
        "published by the standard) or, with --structure, the whole tree of "
        "areas, themes, requirements and checkpoints. With --assessment, "
        "areas are coloured by their score (DOT, Mermaid), carry their points, "
        "maximum and share as node attributes (GraphML, JSON), and at-risk "
        "result areas are listed on standard error.",
    )
    graph.add_argument("edition", metavar="EDITION", help="edition id")
    graph.add_argument(
        "--format",
        choices=["dot", "mermaid", "graphml", "json"],
        default="dot",
        help="output format (default: dot)",
    )
    graph.add_argument(
        "--assessment",
        metavar="FILE",
        default=None,
        help="colour areas by this audit, or add its points to the nodes ('-': stdin)",
    )
    graph.add_argument(
        "--structure",
        action="store_true",
        help="the whole structure, not the influences",
    )
    add_extension_option(graph)
    add_output_options(graph)
    graph.set_defaults(handler=_graph)


def _graph(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.audit import (
        at_risk,
        influence_graph,
        structure_graph,
        to_dot,
        to_graphml,
        to_json,
        to_mermaid,
    )

    standard = load_edition(args.edition, args.extension)
    card: ScoreCard | None = None
    graph = structure_graph(standard) if args.structure else influence_graph(standard)
    if args.assessment is not None:
        card = score(read_audit(args.assessment, standard=standard))
        if not args.structure:
            for risk in at_risk(graph, card):
                sys.stderr.write(f"at risk: {one_line(str(risk))}\n")
    if args.format == "dot":
        text = to_dot(graph, card=card)
    elif args.format == "mermaid":
        text = to_mermaid(graph, card=card)
    elif args.format == "graphml":
        text = to_graphml(graph, card=card)
    else:
        data = to_json(graph, card=card)
        text = json_text(data)
    write_output(args, out, text)
    return EXIT_OK


def add_extensions_command(commands: Commands) -> None:
    listing_extensions = commands.add_parser(
        "extensions",
        help="list the installed sector extensions",
        description="List the sector extensions installed as packages (entry "
        "point group 'goudenoor.extensions'). An installed extension that cannot "
        "be loaded is reported on standard error, one 'goudenoor: error: ...' "
        "message each, after the others are listed; the exit status is then 1.",
    )
    add_json_format_option(listing_extensions)
    listing_extensions.set_defaults(handler=_extensions)


def _extensions(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import EXTENSIONS_SHAPE

    installed = available_extensions()
    if not installed and args.format == "text":
        out.write("no sector extensions installed\n")
    broken: list[str] = []
    listed: list[tuple[str, str, str | None, Extension | GoudenoorError]] = []
    for name, found in installed.items():
        package = found.distribution or "?"
        try:
            extension = load_extension(name)
        except GoudenoorError as exc:
            broken.append(f"package {package}: {exc}")
            listed.append((name, package, found.version, exc))
            continue
        listed.append((name, package, found.version, extension))
        if args.format == "text":
            version = f" {found.version}" if found.version else ""
            out.write(
                f"{name}  {extension.title} {extension.version} "
                f"(targets {', '.join(extension.targets)}; "
                f"package {package}{version})\n"
            )
    if args.format == "json":
        out.write(json_text(object_data(EXTENSIONS_SHAPE, listed)))
    for message in broken:
        sys.stderr.write(f"goudenoor: error: {one_line_message(message)}\n")
    return EXIT_FINDINGS if broken else EXIT_OK


def add_diff_command(commands: Commands) -> None:
    diff = commands.add_parser(
        "diff",
        help="what changed from one edition to another",
        description="Show the areas, requirements and checkpoints added, removed, "
        "renamed and reworded (word by word) between two shipped editions.",
    )
    # Not "old"/"new": those name FILE arguments (_common.FILE_ARGUMENTS).
    diff.add_argument("old_edition", metavar="OLD", help="the older edition id")
    diff.add_argument("new_edition", metavar="NEW", help="the newer edition id")
    diff.add_argument(
        "--format",
        choices=["text", "md", "json"],
        default="text",
        help="text (default), Markdown or JSON (format edition-diff/1)",
    )
    add_output_options(diff)
    diff.set_defaults(handler=_diff)


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.report import edition_diff_markdown
    from goudenoor.standard import diff_editions

    diff = diff_editions(
        load_standard(args.old_edition), load_standard(args.new_edition)
    )
    if args.format == "json":
        text = json_text(diff.as_dict())
    elif args.format == "md":
        text = edition_diff_markdown(diff)
    else:
        text = diff.text()
    write_output(args, out, text)
    return EXIT_OK
