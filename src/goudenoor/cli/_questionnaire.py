"""
The ``questionnaire`` command: the self-assessment form of an edition, as
one HTML page, a workbook or JSON (``questionnaire/1``).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from goudenoor._text import json_text
from goudenoor.cli._common import (
    EXIT_OK,
    Commands,
    add_extension_option,
    add_output_options,
    load_edition,
    write_output,
)
from goudenoor.exceptions import GoudenoorError
from goudenoor.standard import questionnaire


__all__ = ["add_questionnaire_command"]


def __dir__() -> list[str]:
    return __all__


def add_questionnaire_command(commands: Commands) -> None:
    parser = commands.add_parser(
        "questionnaire",
        help="write a self-assessment form for an edition (HTML, XLSX or JSON)",
        description="Write the self-assessment questions of an edition, built "
        "from its own data: every requirement as a rating on the scale (or not "
        "applicable, with a justification) and every checkpoint as a "
        "yes/partly/no question. The HTML form is one self-contained page that "
        "works from a file without a network; it keeps the answers in the "
        "browser and saves them as an assessment file with kind: self ('Bewaar "
        "als bestand'). The workbook (needs the 'xlsx' extra) asks the same "
        "questions, and JSON (format questionnaire/1) gives them to a tool that "
        "builds its own form.",
    )
    parser.add_argument("edition", metavar="EDITION", help="edition id")
    parser.add_argument(
        "--language",
        choices=["nl", "en"],
        default="nl",
        help="the language of the form's own words (default: nl); with en, the "
        "shipped English translation is shown beside the standard's Dutch texts",
    )
    parser.add_argument(
        "--areas",
        nargs="+",
        action="extend",
        default=None,
        metavar="AREA",
        help="ask only about these areas (ids, numbers or names; default: all)",
    )
    parser.add_argument(
        "--scale", default=None, help="scale id (default: the edition's)"
    )
    parser.add_argument(
        "--format",
        choices=["html", "json", "xlsx"],
        default="html",
        help="one HTML page (default; needs the 'report' extra), a workbook "
        "(needs the 'xlsx' extra) or JSON (format questionnaire/1)",
    )
    add_extension_option(parser)
    add_output_options(parser)
    parser.set_defaults(handler=_questionnaire)


def _questionnaire(args: argparse.Namespace, out: TextIO) -> int:
    standard = load_edition(args.edition, args.extension)
    translation = None
    if args.language != "nl":
        from goudenoor.files import load_translation

        translation = load_translation(standard.id, args.language)
    questions = questionnaire(
        standard, translation=translation, areas=args.areas, scale=args.scale
    )
    if args.format == "xlsx":
        if args.output is None:
            raise GoudenoorError(
                "an XLSX questionnaire needs an output file: -o FORM.xlsx"
            )
        from goudenoor.files.xlsx import save_questionnaire_workbook

        save_questionnaire_workbook(
            questions, args.output, language=args.language, overwrite=args.force
        )
        return EXIT_OK
    if args.format == "json":
        text = json_text(questions.as_dict())
    else:
        from goudenoor.report import questionnaire_html

        text = questionnaire_html(questions, language=args.language)
    write_output(args, out, text)
    return EXIT_OK
