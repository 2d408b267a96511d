"""
The ``export`` and ``import`` commands: the standard and its audits in
other tools' own formats (CISO Assistant: a library, an audit's rows and
its audit export read back, with the parity report). One module for both
directions: they share the parity report and the tool.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from goudenoor._text import text_lines
from goudenoor.cli._common import (
    EXIT_OK,
    Commands,
    Parser,
    add_extension_option,
    add_language_option,
    add_output_options,
    date_argument,
    load_edition,
    read_audit,
    read_extensions,
    write_output,
)
from goudenoor.exceptions import GoudenoorError
from goudenoor.files import editions


__all__ = [
    "add_export_command",
    "add_import_command",
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
    audit = kinds.add_parser(
        "ciso-assistant-audit",
        help="an audit as the rows CISO Assistant's data import reads",
        description="Write an assessment as the rows of a CISO Assistant audit "
        "of the library 'export ciso-assistant' writes (ref_id, assessable, "
        "compliance_result, score, observations; one row per node), as CSV "
        "(';' and a byte order mark, like CISO Assistant's own) or XLSX, and "
        "print the parity report: the total CISO Assistant computes with its "
        "rules beside goudenoor's, and the requirements that make them "
        "differ (on stderr when the rows go to stdout).",
    )
    audit.add_argument("file", metavar="FILE", help="the assessment ('-': stdin)")
    audit.add_argument(
        "--format",
        choices=["csv", "xlsx"],
        default="csv",
        help="CSV (default) or an XLSX workbook (needs the 'xlsx' extra and -o)",
    )
    add_extension_option(audit)
    add_language_option(audit, "parity report")
    add_output_options(audit)
    audit.set_defaults(handler=_ciso_assistant_audit)


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


def _ciso_assistant_audit(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import (
        ciso_assistant_audit_csv,
        ciso_assistant_audit_xlsx,
        write_bytes_atomic,
    )
    from goudenoor.interchange import (
        AUDIT_COLUMNS,
        ciso_assistant_parity,
        to_ciso_assistant_audit,
    )

    audit = read_audit(args.file, extensions=read_extensions(args.extension))
    rows = to_ciso_assistant_audit(audit)
    report = ciso_assistant_parity(audit).text(args.language)
    if args.format == "xlsx":
        if args.output is None:
            raise GoudenoorError("an XLSX audit needs an output file: -o OUT.xlsx")
        data = ciso_assistant_audit_xlsx(rows, AUDIT_COLUMNS)
        write_bytes_atomic(args.output, data, overwrite=args.force)
    else:
        write_output(args, out, ciso_assistant_audit_csv(rows, AUDIT_COLUMNS))
    # The report beside the rows: on stderr when they are on stdout.
    (sys.stderr if args.output is None else out).write(report)
    return EXIT_OK


def add_import_command(commands: Commands) -> None:
    importing = commands.add_parser(
        "import",
        help="read another tool's audit back (CISO Assistant)",
        description="Read an audit from another tool's own format into an "
        "assessment file.",
    )
    kinds = importing.add_subparsers(
        title="formats", dest="format", metavar="FORMAT", parser_class=Parser
    )
    kinds.required = True
    ciso = kinds.add_parser(
        "ciso-assistant-audit",
        help="CISO Assistant's audit export (CSV or XLSX) as an assessment",
        description="Read CISO Assistant's export of an audit of the library "
        "'export ciso-assistant' wrote (CSV, also with ';' and a byte order "
        "mark, or XLSX) into an assessment file (assessment/1), and print the "
        "parity report and what was read in a way worth knowing (on stderr "
        "when the assessment goes to stdout). A score that is not the score "
        "of a level of the scale, an unknown ref_id or a node of another "
        "library is refused, naming its row.",
    )
    ciso.add_argument(
        "file", metavar="EXPORT", help="the audit export, .csv or .xlsx ('-': stdin)"
    )
    ciso.add_argument(
        "--edition",
        required=True,
        help=f"the edition of the library audited: {' or '.join(editions())}",
    )
    add_extension_option(ciso)
    ciso.add_argument(
        "--organisation",
        default=None,
        help="the organisation audited (default: the export's file name)",
    )
    ciso.add_argument(
        "--date",
        type=date_argument,
        default=None,
        help="the audit's date, YYYY-MM-DD (default: today)",
    )
    add_language_option(ciso, "parity report")
    add_output_options(ciso)
    ciso.set_defaults(handler=_import_ciso_assistant_audit)


def _import_ciso_assistant_audit(args: argparse.Namespace, out: TextIO) -> int:
    import datetime

    from goudenoor.audit import Audit
    from goudenoor.files import (
        dump_assessment,
        read_ciso_assistant_audit,
        save_assessment,
    )
    from goudenoor.interchange import ciso_assistant_parity, from_ciso_assistant_audit

    standard = load_edition(args.edition, args.extension)
    rows = read_ciso_assistant_audit(args.file)
    organisation = args.organisation or (
        "CISO Assistant" if args.file == "-" else Path(args.file).stem
    )
    date = args.date or datetime.date.today()  # noqa: DTZ011 - the user's local day
    assessment, problems = from_ciso_assistant_audit(
        rows, standard, organisation=organisation, date=date
    )
    report = ciso_assistant_parity(Audit(assessment=assessment, standard=standard))
    if args.output is None:
        out.write(dump_assessment(assessment))
    else:
        save_assessment(assessment, args.output, overwrite=args.force)
    told = sys.stderr if args.output is None else out
    # Through text_lines: a message quotes cells of the file.
    told.write(text_lines(problem.message for problem in problems))
    told.write(report.text(args.language))
    return EXIT_OK
