"""
The commands around the form an auditor fills in: ``template`` writes it
(a YAML file or an audit workbook), ``import-xlsx`` reads a filled-in
workbook back into an assessment file.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from goudenoor.cli._common import (
    EXIT_OK,
    Commands,
    add_extension_option,
    add_output_options,
    date_argument,
    read_extensions,
    write_output,
)
from goudenoor.exceptions import GoudenoorError
from goudenoor.files import dump_assessment, load_standard, save_assessment
from goudenoor.standard import apply_extension, is_file_reference


if TYPE_CHECKING:
    from goudenoor.standard import Extension


__all__ = [
    "add_import_xlsx_command",
    "add_template_command",
]


def __dir__() -> list[str]:
    return __all__


def add_template_command(commands: Commands) -> None:
    template = commands.add_parser(
        "template",
        help="write a ready-to-fill assessment file for an edition",
        description="Write an assessment file listing every requirement of "
        "the edition, unrated, with its text, evidence clause and checkpoints "
        "as comments. Fill in the values and score it with 'goudenoor score'. "
        "It names each --extension as given: an installed one by its name, a "
        "file by its path relative to OUT (without -o: relative to the current "
        "folder), so the file scores without repeating the option; an "
        "extension file outside that folder is refused.",
    )
    template.add_argument("edition", metavar="EDITION", help="edition id")
    template.add_argument(
        "--organisation", default="Naam van de organisatie", help="organisation name"
    )
    template.add_argument(
        "--date",
        type=date_argument,
        default=None,
        help="audit date, YYYY-MM-DD (default: today)",
    )
    template.add_argument(
        "--scale", default=None, help="scale id (default: the edition's)"
    )
    template.add_argument(
        "--format",
        choices=["yaml", "xlsx"],
        default="yaml",
        help="a YAML file (default) or an audit workbook (needs the 'xlsx' extra)",
    )
    add_extension_option(template)
    add_output_options(template)
    template.set_defaults(handler=_template)


def _template(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files import assessment_template

    extensions = read_extensions(args.extension)
    standard = load_standard(args.edition)
    if extensions:
        standard = apply_extension(standard, *extensions)
    if args.format == "xlsx":
        if args.output is None:
            raise GoudenoorError("an XLSX template needs an output file: -o OUT.xlsx")
        from goudenoor.files.xlsx import save_workbook

        save_workbook(
            standard,
            args.output,
            organisation=args.organisation,
            date=args.date,
            scale=args.scale,
            overwrite=args.force,
        )
        return EXIT_OK
    text = assessment_template(
        standard,
        organisation=args.organisation,
        date=args.date,
        scale=args.scale,
        extensions=_template_extensions(args.extension, extensions, args.output),
    )
    write_output(args, out, text)
    return EXIT_OK


def _template_extensions(
    references: Sequence[str], extensions: Sequence[Extension], output: str | None
) -> list[str]:
    """
    How a template names the extensions given with ``--extension``: as the
    user gave them, so that the file scores without the option. A file
    keeps its path, written relative to the template (to standard output:
    relative to the current folder, where the template is to be saved); an
    installed extension, or one read from standard input, its id.

    Raises:
        GoudenoorError: An extension file is not in the template's folder
            or below it, where an assessment names its extension files.
    """
    # The rule relocate_extensions applies for migrate -o and consensus
    # (which move an assessment's paths): an assessment names extension
    # files in its own folder or below it, so one elsewhere is refused.
    folder = (Path.cwd() if output is None else Path(output).parent).resolve()
    named: list[str] = []
    for reference, extension in zip(references, extensions, strict=True):
        if reference == "-" or not is_file_reference(reference):
            named.append(extension.id)
            continue
        real = Path(reference).resolve()
        if real.is_relative_to(folder):
            path = real.relative_to(folder).as_posix()
            # A path without a folder or a .yaml suffix would read as the
            # name of an installed extension.
            named.append(path if is_file_reference(path) else f"./{path}")
        elif output is None:
            raise GoudenoorError(
                "cannot write the template to standard output: its extension "
                f"file {reference} ({real}) is not in the current folder or "
                "below it, and the template names it relative to the current "
                "folder, where it is to be saved (run the command from the "
                "extension's folder or above it, give -o OUT there, or install "
                "the extension)"
            )
        else:
            raise GoudenoorError(
                f"cannot write {output}: its extension file {reference} "
                f"({real}) is not in the folder of {Path(output).name} or below "
                "it, and an assessment names extension files in its own folder "
                "(write it next to the extension file, copy the extension "
                "there, or install it)"
            )
    return named


def add_import_xlsx_command(commands: Commands) -> None:
    importing = commands.add_parser(
        "import-xlsx",
        help="read a filled-in audit workbook back into an assessment file",
        description="Read an audit workbook (made by 'goudenoor template "
        "EDITION --format xlsx') and write it as an assessment YAML file. "
        "Needs the 'xlsx' extra.",
    )
    importing.add_argument("file", metavar="FILE", help="the workbook (.xlsx)")
    add_extension_option(importing)
    add_output_options(importing)
    importing.set_defaults(handler=_import_xlsx)


def _import_xlsx(args: argparse.Namespace, out: TextIO) -> int:
    from goudenoor.files.xlsx import load_workbook

    if args.file == "-":
        raise GoudenoorError(
            "import-xlsx reads a workbook from a file, not from standard input "
            "('-'): give the path of the .xlsx file"
        )
    extensions = read_extensions(args.extension)
    assessment = load_workbook(args.file, extensions=extensions).assessment
    if args.output is None:
        out.write(dump_assessment(assessment))
    else:
        save_assessment(assessment, args.output, overwrite=args.force)
    return EXIT_OK
