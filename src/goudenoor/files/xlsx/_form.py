"""
The self-assessment form as a workbook (:func:`save_questionnaire_workbook`):
the questions of a :class:`~goudenoor.standard.Questionnaire`, the same as
the HTML form's, to fill in with a spreadsheet program.

Two sheets. ``Zelfevaluatie`` (``Self-assessment``): the organisation,
unit, date and respondent to fill in, the edition, extensions, scale and
form id, and the scale's legend. ``Vragen`` (``Questions``): per
requirement one row with its text and evidence clause whose answer is the
rating (a drop-down of the scale's values and ``n.v.t.``, with the
justification in the remark cell), then one row per checkpoint, "Dat
blijkt uit: ...", whose answer is ``ja``, ``deels`` or ``nee`` (a
drop-down), with an optional remark. Every text is a value, never a
formula; the sheets are protected without a password, the answer cells
unlocked. The workbook is not read back: the HTML form writes the
assessment file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from goudenoor._checks import checked
from goudenoor.exceptions import UnknownItemError, ValidationError
from goudenoor.files._atomic import refuse_existing, write_bytes_atomic
from goudenoor.files._parse import refuse_empty_path
from goudenoor.files.xlsx._layout import ILLEGAL, MAX_CELL_TEXT, require_openpyxl
from goudenoor.files.xlsx._writer import (
    _list_validation,
    _page_setup,
    _protect,
    _put,
    _save,
    _Style,
    _styles,
)
from goudenoor.problems import Problem
from goudenoor.standard import Questionnaire


if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


__all__ = ["save_questionnaire_workbook"]


def __dir__() -> list[str]:
    return __all__


_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "about_sheet": "Zelfevaluatie",
        "questions_sheet": "Vragen",
        "title": "Zelfevaluatie",
        "organisation": "Organisatie",
        "unit": "Onderdeel (optioneel)",
        "date": "Datum (JJJJ-MM-DD)",
        "respondent": "Ingevuld door (optioneel)",
        "edition": "Editie",
        "extensions": "Sectoruitbreidingen",
        "scale": "Schaal",
        "form": "Formulier",
        "legend": "De waarden van de schaal",
        "how": "Vul op het blad Vragen de gele cellen in: per eis een "
        "beoordeling op de schaal (of n.v.t., met in de kolom Opmerking "
        "waarom), per controlepunt ja, deels of nee.",
        "id": "Eis of controlepunt",
        "area": "Gebied",
        "theme": "Thema",
        "question": "Vraag",
        "evidence": "Bewijs volgens de standaard",
        "answer": "Antwoord",
        "remark": "Opmerking (bij n.v.t.: waarom)",
        "checkpoint": "Dat blijkt uit:",
        "na": "n.v.t.",
        "yes": "ja",
        "partly": "deels",
        "no": "nee",
    },
    "en": {
        "about_sheet": "Self-assessment",
        "questions_sheet": "Questions",
        "title": "Self-assessment",
        "organisation": "Organisation",
        "unit": "Unit (optional)",
        "date": "Date (YYYY-MM-DD)",
        "respondent": "Filled in by (optional)",
        "edition": "Edition",
        "extensions": "Sector extensions",
        "scale": "Scale",
        "form": "Form",
        "legend": "The values of the scale",
        "how": "On the Questions sheet, fill in the yellow cells: per "
        "requirement a rating on the scale (or n/a, with the reason in the "
        "Remark column), per checkpoint yes, partly or no.",
        "id": "Requirement or checkpoint",
        "area": "Area",
        "theme": "Theme",
        "question": "Question",
        "evidence": "Evidence according to the standard",
        "answer": "Answer",
        "remark": "Remark (with n/a: why)",
        "checkpoint": "This is shown by:",
        "na": "n/a",
        "yes": "yes",
        "partly": "partly",
        "no": "no",
    },
}
"""The workbook's own words; the standard's texts are never among them."""

_WIDTHS = (14.0, 22.0, 22.0, 70.0, 50.0, 14.0, 40.0)
"""The widths of the columns of the questions sheet."""


def _number(value: float) -> str:
    return f"{value:g}"


def _with_translation(text: str, translated: str | None) -> str:
    return text if translated is None else f"{text}\n({translated})"


def _cell_problems(questions: Questionnaire) -> list[Problem]:
    # A text a cell cannot hold is refused rather than cut or changed.
    found = []
    for requirement in questions.requirements:
        texts = [requirement.text, requirement.evidence or ""]
        texts += [checkpoint.text for checkpoint in requirement.checkpoints]
        for text in texts:
            if ILLEGAL.search(text) or len(text) > MAX_CELL_TEXT:
                found.append(
                    Problem(
                        message="a text a workbook cell cannot hold (a control "
                        f"character, or over {MAX_CELL_TEXT:,} characters)",
                        path=("requirements", requirement.id),
                    )
                )
                break
    return found


@checked
def save_questionnaire_workbook(
    questions: Questionnaire,
    path: str | os.PathLike[str],
    *,
    language: str = "nl",
    overwrite: bool = False,
) -> None:
    """
    Write the self-assessment form *questions* as a workbook to *path*,
    atomically (see the module documentation for its sheets).

    Args:
        questions: The questions, from :func:`goudenoor.questionnaire`.
        path: The ``.xlsx`` file to write.
        language: The language of the workbook's own words (``nl`` or
            ``en``); the standard's texts stay Dutch, with the
            questionnaire's translation beside them.
        overwrite: Replace *path* if it exists.

    Raises:
        UnknownItemError: A language the workbook does not speak.
        OutputExistsError: *path* exists and *overwrite* is false.
        ValidationError: A text no cell can hold.
        MissingExtraError: openpyxl (the ``xlsx`` extra) is not installed.
    """
    if language not in _WORDS:
        raise UnknownItemError(language, tuple(_WORDS), kind="workbook language")
    words = _WORDS[language]
    target = Path(refuse_empty_path(path))
    refuse_existing(target, overwrite=overwrite)
    require_openpyxl()
    problems = _cell_problems(questions)
    if problems:
        raise ValidationError(problems)
    write_bytes_atomic(target, _build(questions, words), overwrite=overwrite)


def _build(questions: Questionnaire, words: dict[str, str]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    _styles(book)
    about = book.active
    if about is None:  # pragma: no cover - a new workbook has a sheet
        about = book.create_sheet()
    about.title = words["about_sheet"]
    _write_about(about, questions, words)
    _write_questions(book.create_sheet(words["questions_sheet"]), questions, words)
    for sheet in book.worksheets:
        _protect(sheet)
    book.properties.creator = "goudenoor"
    book.properties.title = f"{questions.title} ({questions.edition}): {words['title']}"
    return _save(book)


def _write_about(
    sheet: Worksheet, questions: Questionnaire, words: dict[str, str]
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    _put(sheet, 1, 1, f"{words['title']}: {questions.title}", _Style.TITLE)
    rows: Sequence[tuple[str, str | None]] = (
        (words["organisation"], None),
        (words["unit"], None),
        (words["date"], None),
        (words["respondent"], None),
        (words["edition"], questions.edition),
        (words["extensions"], ", ".join(questions.extensions) or "-"),
        (words["scale"], f"{questions.scale_name} ({questions.scale})"),
        (words["form"], questions.form_id),
    )
    dates = DataValidation(type="date", operator="greaterThan", formula1="1")
    dates.errorTitle = words["date"]
    dates.error = words["date"]
    dates.showErrorMessage = True
    sheet.add_data_validation(dates)
    for row, (label, value) in enumerate(rows, start=3):
        _put(sheet, row, 1, label, _Style.LABEL)
        if value is None:
            dated = label == words["date"]
            _put(sheet, row, 2, None, _Style.INPUT_DATE if dated else _Style.INPUT)
            if dated:
                dates.add(sheet.cell(row=row, column=2))
        else:
            _put(sheet, row, 2, value, _Style.TEXT)
    row = 3 + len(rows) + 1
    _put(sheet, row, 1, words["how"], _Style.WRAPPED)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    sheet.row_dimensions[row].height = 48
    row += 2
    _put(sheet, row, 1, words["legend"], _Style.LABEL)
    for level in questions.levels:
        row += 1
        _put(sheet, row, 1, _number(level.value), _Style.TEXT)
        _put(sheet, row, 2, _with_translation(level.label, level.translated))
    row += 1
    _put(sheet, row, 1, words["na"], _Style.TEXT)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 60
    _page_setup(sheet, landscape=False, title_rows=None)


def _write_questions(
    sheet: Worksheet, questions: Questionnaire, words: dict[str, str]
) -> None:
    from openpyxl.utils import get_column_letter

    headers = (
        words["id"],
        words["area"],
        words["theme"],
        words["question"],
        words["evidence"],
        words["answer"],
        words["remark"],
    )
    for column, (header, width) in enumerate(zip(headers, _WIDTHS, strict=True), 1):
        _put(sheet, 1, column, header, _Style.HEADER)
        sheet.column_dimensions[get_column_letter(column)].width = width
    ratings = _list_validation(
        words["answer"],
        [_number(level.value) for level in questions.levels] + [words["na"]],
    )
    answers = _list_validation(
        words["answer"], [words["yes"], words["partly"], words["no"]]
    )
    sheet.add_data_validation(ratings)
    sheet.add_data_validation(answers)
    row = 1
    for area in questions.areas:
        area_name = _with_translation(f"{area.id} {area.name}", area.translated)
        for requirement in area.requirements:
            row += 1
            theme = (
                ""
                if requirement.theme is None
                else _with_translation(requirement.theme, requirement.theme_translated)
            )
            evidence = (
                ""
                if requirement.evidence is None
                else _with_translation(
                    requirement.evidence, requirement.evidence_translated
                )
            )
            cells = (
                requirement.id,
                area_name,
                theme,
                _with_translation(requirement.text, requirement.translated),
                evidence,
            )
            for column, value in enumerate(cells, start=1):
                _put(sheet, row, column, value, _Style.FIXED)
            _put(sheet, row, 6, None, _Style.INPUT)
            _put(sheet, row, 7, None, _Style.INPUT)
            ratings.add(sheet.cell(row=row, column=6))
            # Excel does not grow rows to fit wrapped text on opening a file.
            lines = 2 + max(len(evidence), len(cells[3])) // 45
            sheet.row_dimensions[row].height = min(409.0, 15.0 * lines)
            for checkpoint in requirement.checkpoints:
                row += 1
                question = f"{words['checkpoint']} " + _with_translation(
                    checkpoint.text, checkpoint.translated
                )
                for column, value in enumerate(
                    (checkpoint.id, area_name, theme, question, ""), start=1
                ):
                    _put(sheet, row, column, value, _Style.WRAPPED)
                _put(sheet, row, 6, None, _Style.INPUT)
                _put(sheet, row, 7, None, _Style.INPUT)
                answers.add(sheet.cell(row=row, column=6))
    sheet.freeze_panes = "B2"
    _page_setup(sheet, landscape=True, title_rows="1:1")
