"""
The ``oscal`` command: the standard as an OSCAL catalog, an audit as
OSCAL assessment results, its findings' follow-up as an OSCAL plan of
action and milestones, a crosswalk as an OSCAL mapping collection;
and assessment results read back into an assessment.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import Any, TextIO

from goudenoor._text import json_text
from goudenoor.audit import score
from goudenoor.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Commands,
    Parser,
    add_extension_option,
    add_output_options,
    add_scoring_options,
    date_argument,
    load_edition,
    one_line_message,
    read_audit,
    read_extensions,
    scoring_arguments,
    write_output,
)
from goudenoor.files import editions


__all__ = [
    "add_oscal_command",
]


def __dir__() -> list[str]:
    return __all__


def add_oscal_command(commands: Commands) -> None:
    oscal = commands.add_parser(
        "oscal",
        help="export the standard or an audit as OSCAL (JSON or YAML)",
        description="Export an edition as an OSCAL catalog, an audit as "
        "OSCAL assessment results, its findings' follow-up as an OSCAL plan "
        "of action and milestones, or a crosswalk between two editions as an "
        "OSCAL mapping collection (OSCAL 1.1.3 or 1.2.1: see --oscal-version). "
        "The output is deterministic: the same input gives the same bytes.",
    )
    kinds = oscal.add_subparsers(
        title="exports", dest="export", metavar="EXPORT", parser_class=Parser
    )
    kinds.required = True
    catalog = kinds.add_parser(
        "catalog",
        help="the edition as an OSCAL catalog",
        description="Write an edition (with the extensions given) as an OSCAL "
        "catalog: areas as groups, requirements as controls.",
    )
    catalog.add_argument(
        "edition",
        metavar="EDITION",
        help=f"edition id: {' or '.join(editions())}",
    )
    add_extension_option(catalog)
    _add_oscal_format_option(catalog)
    _add_oscal_version_option(catalog)
    add_output_options(catalog)
    catalog.set_defaults(handler=_oscal_catalog)
    results = kinds.add_parser(
        "results",
        help="an audit as OSCAL assessment results",
        description="Write an assessment (checked against its edition first) as "
        "OSCAL assessment results: one finding per rated requirement, the "
        "evidence as observations, the score card on the result.",
    )
    results.add_argument("file", metavar="FILE", help="assessment file (YAML)")
    add_scoring_options(results)
    add_extension_option(results)
    _add_oscal_format_option(results)
    _add_oscal_version_option(results)
    add_output_options(results)
    results.set_defaults(handler=_oscal_results)
    poam = kinds.add_parser(
        "poam",
        help="an audit's findings as an OSCAL plan of action and milestones",
        description="Write the afwijkingen and verbeterpunten of an assessment "
        "(checked against its edition first) as an OSCAL plan of action and "
        "milestones: each a finding, a risk with its deadline and a POA&M item, "
        "its history the risk log. An assessment without an afwijking or a "
        "verbeterpunt is refused: a POA&M has at least one item.",
    )
    poam.add_argument("file", metavar="FILE", help="assessment file (YAML)")
    poam.add_argument(
        "--as-of",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="leave out the follow-up recorded after DATE (YYYY-MM-DD) and mark "
        "what is overdue on it (default: the whole history, nothing marked)",
    )
    add_extension_option(poam)
    _add_oscal_format_option(poam)
    _add_oscal_version_option(poam)
    add_output_options(poam)
    poam.set_defaults(handler=_oscal_poam)
    mapping = kinds.add_parser(
        "mapping",
        help="the crosswalk between two editions as an OSCAL mapping collection",
        description="Write the shipped crosswalk from SOURCE to TARGET as an "
        "OSCAL 1.2 mapping collection: one map per row, from the source "
        "edition's control to the target edition's, the relationship in "
        "OSCAL's words (equal is equivalent-to, subset subset-of, superset "
        "superset-of, intersect intersects-with, not_related no-relationship) "
        "and the rationale in its remarks.",
    )
    mapping.add_argument(
        "source", metavar="SOURCE", help="edition id the crosswalk maps from"
    )
    mapping.add_argument("target", metavar="TARGET", help="edition id it maps to")
    _add_oscal_format_option(mapping)
    _add_oscal_version_option(mapping, default="1.2.1", only=("1.2.1",))
    add_output_options(mapping)
    mapping.set_defaults(handler=_oscal_mapping)
    _add_import_results(kinds)


def _add_oscal_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["json", "yaml"],
        default="json",
        help="output format (default: json)",
    )


def _add_oscal_version_option(
    parser: argparse.ArgumentParser,
    *,
    default: str = "1.1.3",
    only: tuple[str, ...] = ("1.1.3", "1.2.1"),
) -> None:
    # The versions are spelled out here, not imported: the parser is built
    # without importing goudenoor.interchange (tests/cli check the list
    # against OSCAL_VERSIONS).
    parser.add_argument(
        "--oscal-version",
        choices=list(only),
        default=default,
        help=f"the OSCAL version to write (default: {default})",
    )


def _oscal_text(data: dict[str, object], format_: str) -> str:
    if format_ == "yaml":
        from goudenoor.files import dump_yaml

        return dump_yaml(data)
    return json_text(data)


def _oscal_catalog(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.interchange import to_oscal_catalog

    standard = load_edition(args.edition, args.extension)
    data = to_oscal_catalog(standard, oscal_version=args.oscal_version)
    write_output(args, out, _oscal_text(data, args.format))
    return EXIT_OK


def _oscal_results(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.interchange import to_oscal_results

    extensions = read_extensions(args.extension)
    audit = read_audit(args.file, extensions=extensions)
    card = score(audit, **scoring_arguments(args))
    data = to_oscal_results(audit, card=card, oscal_version=args.oscal_version)
    write_output(args, out, _oscal_text(data, args.format))
    return EXIT_OK


def _oscal_poam(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.interchange import to_oscal_poam

    extensions = read_extensions(args.extension)
    audit = read_audit(args.file, extensions=extensions)
    data = to_oscal_poam(audit, as_of=args.as_of, oscal_version=args.oscal_version)
    write_output(args, out, _oscal_text(data, args.format))
    return EXIT_OK


def _oscal_mapping(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import load_crosswalk
    from goudenoor.interchange import to_oscal_mapping

    crosswalk = load_crosswalk(args.source, args.target)
    data = to_oscal_mapping(
        crosswalk,
        load_edition(args.source, []),
        load_edition(args.target, []),
        oscal_version=args.oscal_version,
    )
    write_output(args, out, _oscal_text(data, args.format))
    return EXIT_OK


def _add_import_results(kinds: Any) -> None:
    imported = kinds.add_parser(
        "import-results",
        help="OSCAL assessment results read back into an assessment",
        description="Read OSCAL assessment results (JSON or YAML) into an "
        "assessment file (assessment/1), checked against its edition. Results "
        "goudenoor wrote come back without loss; from other tools, each "
        "finding on a control of the catalogue becomes a rating, with the "
        "observations it links as evidence. Every part that does not map is "
        "named on standard error (exit code 1; the assessment is still written).",
    )
    imported.add_argument(
        "file", metavar="FILE", help="OSCAL assessment results (JSON or YAML)"
    )
    imported.add_argument(
        "--edition",
        default=None,
        metavar="EDITION",
        help="the edition the results rate, with the --extension options "
        "applied (default: the edition and extensions the results name)",
    )
    add_extension_option(imported)
    add_output_options(imported)
    imported.set_defaults(handler=_oscal_import_results)


def _read_results(name: str) -> Mapping[str, Any]:
    import json

    from goudenoor.exceptions import FileFormatError
    from goudenoor.files import load_yaml, read_input

    source, text = read_input(name)
    if text.lstrip().startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise FileFormatError(
                f"not JSON: {error.msg}", source, error.lineno, error.colno
            ) from None
    else:
        document = load_yaml(text, source)
    if not isinstance(document, Mapping):
        raise FileFormatError(
            "expected OSCAL assessment results: a mapping with the key "
            f"'assessment-results' (got {type(document).__name__})",
            source,
        )
    return document


def _oscal_import_results(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.audit import check_assessment
    from goudenoor.files import dump_assessment, save_assessment, standard_for
    from goudenoor.interchange import from_oscal_results

    document = _read_results(args.file)
    if args.edition is not None:
        standard = load_edition(args.edition, args.extension)
    else:
        # The edition and the extensions the results name.
        named = from_oscal_results(document).assessment
        standard = standard_for(named, read_extensions(args.extension))
    read = from_oscal_results(document, standard=standard)
    check_assessment(read.assessment, standard)
    if args.output is None:
        out.write(dump_assessment(read.assessment))
    else:
        save_assessment(read.assessment, args.output, overwrite=args.force)
    for part in read.unmapped:
        sys.stderr.write(f"goudenoor: not read: {one_line_message(part.render())}\n")
    return EXIT_FINDINGS if read.unmapped else EXIT_OK
