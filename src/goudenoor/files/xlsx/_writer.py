"""
Writing an audit workbook (:func:`save_workbook`).
"""

from __future__ import annotations

import datetime
import math
import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from goudenoor._checks import checked
from goudenoor._moved import warn
from goudenoor._terms import CHANGE_TERMS, change_rows
from goudenoor._text import visible_controls
from goudenoor.audit import (
    ASSESSMENT_KINDS,
    Assessment,
    Audit,
    Evidence,
    Finding,
    Journal,  # at run time: the checks read it
    ScoreCard,  # at run time: the checks read it
    assessment_problems,
)
from goudenoor.exceptions import (
    GoudenoorError,
    UnknownItemError,
    ValidationError,
)
from goudenoor.files._assessment import ASSESSMENT_FORMAT
from goudenoor.files._atomic import refuse_existing, write_bytes_atomic
from goudenoor.files._parse import refuse_empty_path
from goudenoor.problems import PathElement, Problem
from goudenoor.standard import Requirement, Scale, Standard


if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

from goudenoor.files.xlsx._layout import (
    AUDIT_SHEET,
    DATA_ROW,
    DATE_FORMAT,
    DEFAULT_ORGANISATION,
    EVIDENCE_COLUMNS,
    EVIDENCE_FILE_KEYS,
    EVIDENCE_ROWS,
    EVIDENCE_SHEET,
    FINDING_CHOICES,
    FINDING_COLUMNS,
    FINDING_DATES,
    FINDING_ROWS,
    FINDINGS_SHEET,
    FIRST_DATE,
    FOOTER,
    HEADER_FILL,
    HINT_COLOUR,
    HISTORY_COLUMNS,
    HISTORY_SHEET,
    ILLEGAL,
    INPUT_FILL,
    KINDS,
    MARGINS,
    MAX_CELL_TEXT,
    MAX_LIST,
    META,
    META_ROW,
    NO,
    PAPER_A4,
    POINTS_FORMAT,
    POINTS_WORDS,
    RATING_COLUMNS,
    RATINGS_SHEET,
    READ_ONLY_FILL,
    SHARE_FORMAT,
    YES,
    Column,
    PointsWords,
    plain_number,
    quoted_list,
    require_openpyxl,
)


__all__ = [
    "save_workbook",
    "write_workbook",
]


def __dir__() -> list[str]:
    return __all__


# ---------------------------------------------------------------- writing


@checked
def save_workbook(
    standard: Standard | Audit,
    path: str | os.PathLike[str],
    *,
    assessment: Assessment | None = None,
    organisation: str | None = None,
    date: datetime.date | None = None,
    scale: str | None = None,
    card: ScoreCard | None = None,
    language: str = "nl",
    as_of: datetime.date | None = None,
    journal: Journal | None = None,
    overwrite: bool = False,
) -> None:
    """
    Write an audit workbook for *standard* to *path*, atomically; given an
    :class:`~goudenoor.audit.Audit`, for its standard, filled in with its
    assessment.

    Without *assessment* the workbook is a blank template: every
    requirement unrated, the metadata filled in from *organisation*,
    *date* and *scale*. With *assessment* its metadata, ratings and
    evidence are filled in, and :func:`load_workbook` gives an equal
    assessment back. With *card* (a report) its assessment is filled in
    and a fourth sheet, ``Punten``, holds the points per area with their
    maximum and share, the organisation, result and total points and the
    level reached, as values; the reader does not read it. With a
    *journal* too, a fifth sheet, ``Wijzigingen`` (``Changes``), lists
    every change of the journal in order: number, time (UTC), by whom,
    what, the old and new value and the reason; the reader does not read
    it either.

    Every sheet is protected without a password: only the cells to fill
    in can be changed (a spreadsheet program lifts the protection without
    asking for anything). Every sheet prints on A4, as wide as the page,
    with its header rows on every page.

    Args:
        standard: The edition, possibly with extensions applied; every
            requirement gets a row.
        path: The ``.xlsx`` file to write.
        assessment: An assessment of *standard* to fill in.
        organisation: The organisation of a blank template (default
            ``Naam van de organisatie``).
        date: The audit date of a blank template (default today).
        scale: The scale id of a blank template (default the edition's).
        card: A score card of an assessment of *standard*: the workbook
            is its report (give no *assessment* with it).
        language: The language of the points sheet's own words: ``nl``
            (the default; the sheet is ``Punten``) or ``en`` (``Points``);
            the standard's texts stay Dutch. Only with *card*.
        as_of: The date the points sheet's findings section gives each
            finding's status and overdue mark on (default: the audit's
            date). Only with *card*.
        journal: The journal of the card's assessment (see
            :func:`~goudenoor.files.load_journal`), for the sheet of its
            changes. Only with *card*.
        overwrite: Replace *path* if it exists.

    Raises:
        MissingExtraError: openpyxl is not installed.
        GoudenoorError: *path* exists and *overwrite* is false, it cannot
            be written, *scale* is not a scale of *standard*, or
            *organisation*, *date* or *scale* are given together with an
            *assessment* or *card* (which has its own), *card* is given
            with an *assessment* or is of another standard, or *language*
            *as_of* or *journal* is given without a *card*.
        UnknownItemError: *language* is neither ``nl`` nor ``en``.
        ValidationError: *assessment* does not fit *standard*, or holds
            something a workbook cell cannot keep.
    """
    standard, assessment = _unpacked(standard, assessment)
    require_openpyxl()
    if language not in POINTS_WORDS:
        raise UnknownItemError(language, tuple(POINTS_WORDS), kind="workbook language")
    if card is None and language != "nl":
        raise GoudenoorError(
            "language is the language of the points sheet; give it only with "
            "a score card"
        )
    target = Path(refuse_empty_path(path))
    refuse_existing(target, overwrite=overwrite)
    if card is not None:
        if assessment is not None:
            raise GoudenoorError(
                "the assessment is taken from the score card; give one of them"
            )
        if card.standard is not standard and card.standard != standard:
            raise GoudenoorError(
                f"the score card is of {card.standard.id!r} with other "
                f"extensions or contents than the standard given ({standard.id!r})"
            )
        assessment = card.assessment
    if assessment is None:
        chosen = standard.scale(scale)
        assessment = Assessment(
            edition=standard.id,
            organisation=DEFAULT_ORGANISATION if organisation is None else organisation,
            date=date or datetime.date.today(),  # noqa: DTZ011 - a calendar date
            scale=chosen.id,
            extensions=standard.extensions,
        )
    elif organisation is not None or date is not None or scale is not None:
        raise GoudenoorError(
            "organisation, date and scale are taken from the assessment; give "
            "them only for a blank workbook"
        )
    problems = [*assessment_problems(assessment, standard), *_unwritable(assessment)]
    if problems:
        raise ValidationError(problems, assessment.source)
    points = _report(card, language, as_of, journal)
    write_bytes_atomic(
        target, _build(standard, assessment, points), overwrite=overwrite
    )


@attrs.frozen
class _Report:
    # What the report sheets of a workbook show.
    card: ScoreCard
    words: PointsWords
    as_of: datetime.date
    journal: Journal | None
    language: str


def _report(
    card: ScoreCard | None,
    language: str,
    as_of: datetime.date | None,
    journal: Journal | None,
) -> _Report | None:
    if card is not None:
        words = POINTS_WORDS[language]
        return _Report(card, words, as_of or card.assessment.date, journal, language)
    if as_of is not None:
        raise GoudenoorError(
            "as_of is the date of a report's findings: give it only with a card"
        )
    if journal is not None:
        raise GoudenoorError(
            "the journal's changes are a sheet of a report: give a journal "
            "only with a card"
        )
    return None


def _text_problem(text: str) -> str | None:
    # Why a workbook cell cannot keep *text* as it is, if it cannot.
    if not text:
        return "an empty text cannot be kept in a workbook (an empty cell is no value)"
    if "\r" in text:
        return "a carriage return cannot be kept in a workbook cell"
    found = ILLEGAL.search(text)
    if found:
        return f"the control character {found.group()!r} cannot be kept in a workbook"
    if len(text) > MAX_CELL_TEXT:
        return (
            f"a text of {len(text):,} characters is longer than a workbook cell "
            f"holds ({MAX_CELL_TEXT:,})"
        )
    return None


def _entry_problem(entry: str) -> str | None:
    # Entries of a "; "-separated cell (auditors, extensions).
    if not entry or entry != entry.strip() or ";" in entry:
        return (
            f"{entry!r} cannot be kept in a cell of entries separated by '; ' "
            "(it is empty, has spaces at either end or contains ';')"
        )
    return _text_problem(entry)


def _unwritable(assessment: Assessment) -> Iterator[Problem]:
    """
    What in *assessment* a workbook would not give back unchanged.
    """
    yield from _text_problems(("organisation",), assessment.organisation)
    yield from _date_problems(("date",), assessment.date)
    yield from _text_problems(("scale",), assessment.scale)
    for name, entries in (
        ("auditors", assessment.auditors),
        ("extensions", assessment.extensions),
    ):
        for index, entry in enumerate(entries):
            message = _entry_problem(entry)
            if message:
                yield Problem(message=message, path=(name, index))
    for rid, rating in assessment.ratings.items():
        where: tuple[PathElement, ...] = ("ratings", rid)
        yield from _text_problems((*where, "justification"), rating.justification)
        for index, item in enumerate(rating.evidence):
            yield from _evidence_problems((*where, "evidence", index), item)
        yield from _text_problems((*where, "note"), rating.note)
        if rating.needs_review:
            # The workbook has no column for it; dropping it would lose
            # the list of ratings to review (issue 23, item 2).
            yield Problem(
                message="a review mark cannot be kept in a workbook: review "
                "the rating first (set its value, or remove the mark)",
                path=(*where, "review"),
            )
    for index, finding in enumerate(assessment.findings):
        yield from _finding_problems(("findings", index), finding)


def _finding_problems(
    where: tuple[PathElement, ...], finding: Finding
) -> Iterator[Problem]:
    # Ids and requirements are checked by the model and the standard.
    for key in ("text", "owner", "review"):
        yield from _text_problems((*where, key), getattr(finding, key))
    for key in FINDING_DATES:
        yield from _date_problems((*where, key), getattr(finding, key))
    for number, item in enumerate(finding.evidence):
        yield from _evidence_problems((*where, "evidence", number), item)
    for step, entry in enumerate(finding.history):
        at = (*where, "history", step)
        yield from _date_problems((*at, "date"), entry.date)
        yield from _text_problems((*at, "by"), entry.by)
        yield from _text_problems((*at, "note"), entry.note)
        for number, item in enumerate(entry.evidence):
            yield from _evidence_problems((*at, "evidence", number), item)


def _text_problems(
    path: tuple[PathElement, ...], text: str | None
) -> Iterator[Problem]:
    message = None if text is None else _text_problem(text)
    if message:
        yield Problem(message=message, path=path)


def _date_problems(
    path: tuple[PathElement, ...], when: datetime.date | None
) -> Iterator[Problem]:
    if when is not None and when < FIRST_DATE:
        yield Problem(
            message=f"{when.isoformat()}: dates before {FIRST_DATE.isoformat()} "
            "cannot be kept in a workbook",
            path=path,
        )


def _evidence_problems(
    where: tuple[PathElement, ...], item: Evidence
) -> Iterator[Problem]:
    if item.kind not in KINDS:
        yield Problem(
            message=f"expected one of {quoted_list(KINDS)}, got {item.kind!r}",
            path=(*where, "kind"),
        )
    yield from _text_problems((*where, "reference"), item.reference)
    yield from _date_problems((*where, "date"), item.date)
    yield from _date_problems((*where, "valid_until"), item.valid_until)
    for key in EVIDENCE_FILE_KEYS:
        yield from _text_problems((*where, key), getattr(item, key))


class _Style:
    """
    The names of the cell styles the workbook defines (see :func:`_styles`).
    """

    TITLE = "goudenoor titel"
    LABEL = "goudenoor label"
    HEADER = "goudenoor kop"
    KEY = "goudenoor veldnaam"
    HINT = "goudenoor toelichting"
    TEXT = "goudenoor tekst"
    WRAPPED = "goudenoor tekst omloop"
    FIXED = "goudenoor vast"
    INPUT = "goudenoor invoer"
    DATE = "goudenoor datum"
    INPUT_DATE = "goudenoor invoer datum"
    # Cells to fill in that look like TEXT, WRAPPED and DATE.
    EDIT = "goudenoor bewerkbaar"
    EDIT_WRAPPED = "goudenoor bewerkbaar omloop"
    EDIT_DATE = "goudenoor bewerkbaar datum"
    POINTS = "goudenoor punten"
    SHARE = "goudenoor aandeel"


def _styles(book: Workbook) -> None:
    # Named styles: setting one on a cell is much faster in openpyxl than
    # setting fonts, fills and alignments one by one.
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection

    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    header = PatternFill("solid", fgColor=HEADER_FILL)
    grey = PatternFill("solid", fgColor=READ_ONLY_FILL)
    yellow = PatternFill("solid", fgColor=INPUT_FILL)
    hint = Font(italic=True, size=9, color=HINT_COLOUR)
    # Cells are locked by default; locking counts once a sheet is protected.
    unlocked = Protection(locked=False)
    for style in (
        NamedStyle(_Style.TITLE, font=Font(bold=True, size=14)),
        NamedStyle(_Style.LABEL, font=Font(bold=True), alignment=top),
        NamedStyle(_Style.HEADER, font=Font(bold=True), fill=header, alignment=wrapped),
        NamedStyle(_Style.KEY, font=hint, fill=header, alignment=top),
        NamedStyle(_Style.HINT, font=hint, alignment=top),
        NamedStyle(_Style.TEXT, alignment=top),
        NamedStyle(_Style.WRAPPED, alignment=wrapped),
        NamedStyle(_Style.FIXED, fill=grey, alignment=wrapped),
        NamedStyle(_Style.INPUT, fill=yellow, alignment=top, protection=unlocked),
        NamedStyle(_Style.DATE, alignment=top, number_format=DATE_FORMAT),
        NamedStyle(
            _Style.INPUT_DATE,
            fill=yellow,
            alignment=top,
            number_format=DATE_FORMAT,
            protection=unlocked,
        ),
        NamedStyle(_Style.EDIT, alignment=top, protection=unlocked),
        NamedStyle(_Style.EDIT_WRAPPED, alignment=wrapped, protection=unlocked),
        NamedStyle(
            _Style.EDIT_DATE,
            alignment=top,
            number_format=DATE_FORMAT,
            protection=unlocked,
        ),
        NamedStyle(_Style.POINTS, alignment=top, number_format=POINTS_FORMAT),
        NamedStyle(_Style.SHARE, alignment=top, number_format=SHARE_FORMAT),
    ):
        book.add_named_style(style)


def _put(
    sheet: Worksheet, row: int, column: int, value: object, style: str = _Style.TEXT
) -> None:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # never a formula or an error code
    elif isinstance(value, (int, float, datetime.date)):
        cell.value = value
    cell.style = style


def _build(
    standard: Standard,
    assessment: Assessment,
    points: _Report | None = None,
) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    _styles(book)
    scale = standard.scale(assessment.scale)
    audit = book.active
    if audit is None:  # pragma: no cover - a new workbook has a sheet
        audit = book.create_sheet()
    audit.title = AUDIT_SHEET
    legend = _write_audit(audit, standard, assessment, scale)
    _write_ratings(book.create_sheet(RATINGS_SHEET), standard, assessment, legend)
    _write_evidence(book.create_sheet(EVIDENCE_SHEET), standard, assessment)
    _write_findings(book.create_sheet(FINDINGS_SHEET), standard, assessment)
    _write_history(book.create_sheet(HISTORY_SHEET), assessment)
    if points is not None:
        _write_points(
            book.create_sheet(points.words.sheet),
            points.card,
            points.words,
            points.as_of,
        )
        if points.journal is not None:
            _write_changes(book, points.journal, points.language)
    for sheet in book.worksheets:
        _protect(sheet)
    book.properties.creator = "goudenoor"
    book.properties.title = f"{standard.title} ({standard.id}): audit"
    return _save(book)


def _save(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@attrs.frozen
class _Legend:
    scale: Scale
    first_row: int  # the rows of the scale's values on the Audit sheet
    last_row: int


def _write_audit(
    sheet: Worksheet, standard: Standard, assessment: Assessment, scale: Scale
) -> _Legend:
    from openpyxl.worksheet.datavalidation import DataValidation

    _put(sheet, 1, 1, f"{standard.title} ({standard.id}): audit", _Style.TITLE)
    values: dict[str, object] = {
        "goudenoor": ASSESSMENT_FORMAT,
        "edition": assessment.edition,
        "organisation": assessment.organisation,
        "date": assessment.date,
        "scale": assessment.scale,
        "auditors": "; ".join(assessment.auditors) or None,
        "extensions": "; ".join(assessment.extensions) or None,
        "kind": assessment.kind,
        "journal_head": assessment.journal_head,
    }
    row = META_ROW
    for key, label, hint in META:
        _put(sheet, row, 1, label, _Style.LABEL)
        style = (
            _Style.INPUT_DATE
            if key == "date"
            else _Style.INPUT
            if key in {"organisation", "scale", "auditors", "kind"}
            else _Style.TEXT
        )
        _put(sheet, row, 2, values[key], style)
        _put(sheet, row, 3, key, _Style.HINT)
        _put(sheet, row, 4, hint, _Style.HINT)
        if key == "date":
            dates = _date_validation()
            sheet.add_data_validation(dates)
            dates.add(f"B{row}")
        if key == "scale":
            scales = DataValidation(
                type="list",
                formula1='"' + ",".join(s.id for s in standard.scales) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Schaal",
                error="Kies een schaal van de editie, of laat leeg.",
            )
            sheet.add_data_validation(scales)
            scales.add(f"B{row}")
        if key == "kind":
            kinds = _list_validation("Soort", ASSESSMENT_KINDS)
            sheet.add_data_validation(kinds)
            kinds.add(f"B{row}")
        row += 1

    row += 1
    _put(sheet, row, 1, "Invullen", _Style.LABEL)
    for line in _instructions(scale):
        row += 1
        _put(sheet, row, 1, line)

    row += 2
    _put(sheet, row, 1, f"Schaal {scale.id}: {scale.name}", _Style.LABEL)
    first = row + 1
    for level in scale.levels:
        row += 1
        _put(sheet, row, 1, plain_number(level.value), _Style.LABEL)
        _put(sheet, row, 2, level.label)
    for column, width in (("A", 16), ("B", 40), ("C", 14), ("D", 40)):
        sheet.column_dimensions[column].width = width
    _page_setup(sheet, landscape=False, title_rows=None)
    return _Legend(scale=scale, first_row=first, last_row=row)


def _date_validation() -> DataValidation:
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type="date",
        operator="greaterThanOrEqual",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Datum",
        error="Vul een datum in.",
    )


def _instructions(scale: Scale) -> list[str]:
    lines = [
        (
            f"Blad {RATINGS_SHEET}: geef elke eis een waarde (kolom Waarde, een "
            f"keuzelijst met de waarden van schaal {scale.id}), of zet N.v.t. op "
            "'ja' en schrijf een motivering."
        ),
        (
            "Checkpunten voldaan: de ids van de checkpunten die zijn aangetoond, "
            "gescheiden door komma's (bijvoorbeeld 5.1.a, 5.1.b)."
        ),
        (
            f"Blad {EVIDENCE_SHEET}: één regel per bewijsstuk, met de eis, de "
            f"soort ({', '.join(KINDS)}), een referentie en de datums; "
            "eventueel het bestand (pad vanaf de map van de audit), een link, "
            "de SHA-256 van het bestand en wie het verzamelde."
        ),
        (
            "Een eis zonder waarde is niet beoordeeld: die telt als 0, met een "
            "waarschuwing. N.v.t. 'nee': de eis geldt."
        ),
        (
            "Verander de kopregels niet; de grijze tweede kopregel noemt het "
            "veld in het YAML-bestand (format assessment/1)."
        ),
        (
            f"Blad {FINDINGS_SHEET}: één regel per bevinding (afwijking met ernst "
            "en uiterste datum, verbeterpunt, observatie of sterk punt), met een "
            "eigen id en de eis waar ze over gaat."
        ),
        (
            f"Blad {HISTORY_SHEET}: de voortgang van een bevinding, één regel per "
            "stap (open, planned, implemented, verified), oudste eerst; verified "
            f"vraagt om bewijs: een regel op blad {EVIDENCE_SHEET} met de "
            "bevinding en het nummer van de stap."
        ),
        "Inlezen: goudenoor import-xlsx BESTAND -o audit.yaml",
    ]
    if scale.evidence_from is not None:
        lines.insert(
            1,
            f"Een waarde van {scale.evidence_from:g} of hoger vraagt om bewijs.",
        )
    return lines


def _write_headers(sheet: Worksheet, columns: Sequence[Column]) -> None:
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(columns, start=1):
        _put(sheet, 1, index, column.header, _Style.HEADER)
        _put(sheet, 2, index, column.key, _Style.KEY)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    _page_setup(sheet, landscape=True, title_rows="1:2")


def _page_setup(sheet: Worksheet, *, landscape: bool, title_rows: str | None) -> None:
    # A4, as wide as the page and as many pages long as it takes.
    from openpyxl.worksheet.page import PageMargins

    setup = sheet.page_setup
    setup.paperSize = PAPER_A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    sheet.page_margins = PageMargins(**MARGINS)
    if title_rows is not None:
        sheet.print_title_rows = title_rows
    sheet.oddFooter.center.text = FOOTER  # type: ignore[union-attr]


def _protect(sheet: Worksheet) -> None:
    # Protection without a password: it keeps the read-only cells from
    # being changed by accident, not by intent. Columns and rows may still
    # be resized.
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False


def _row_height(texts: Mapping[int, str], columns: Sequence[Column]) -> float:
    # Excel does not grow rows to fit wrapped text on opening a file.
    lines = 1
    for index, text in texts.items():
        width = max(columns[index - 1].width - 1, 1)
        count = sum(max(1, math.ceil(len(part) / width)) for part in text.split("\n"))
        lines = max(lines, count)
    return min(409.0, 15.0 * lines)


def _write_ratings(
    sheet: Worksheet, standard: Standard, assessment: Assessment, legend: _Legend
) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    _write_headers(sheet, RATING_COLUMNS)
    column = {c.key: index for index, c in enumerate(RATING_COLUMNS, start=1)}
    areas = {area.id: area for area in standard.areas}
    row = DATA_ROW - 1
    for requirement in standard.requirements:
        row += 1
        area = areas[requirement.area_id]
        rating = assessment.ratings.get(requirement.id)
        values: dict[str, object] = {
            "id": requirement.id,
            "area": f"{area.id} {area.name}",
            "theme": requirement.theme,
            "text": requirement.full_text,
            "evidence": requirement.evidence,
            "checkpoints": _checkpoint_lines(requirement),
        }
        if rating is not None:
            values |= {
                "value": None if rating.value is None else plain_number(rating.value),
                "not_applicable": YES if rating.not_applicable else NO,
                "justification": rating.justification,
                "checkpoints_met": ", ".join(rating.checkpoints_met) or None,
                "note": rating.note,
            }
        wrapped: dict[int, str] = {}
        for spec in RATING_COLUMNS:
            index = column[spec.key]
            value = values.get(spec.key)
            style = (
                _Style.FIXED
                if not spec.editable
                else _Style.EDIT_WRAPPED
                if spec.wrap
                else _Style.EDIT
            )
            _put(sheet, row, index, value, style)
            if spec.wrap and isinstance(value, str):
                wrapped[index] = value
        sheet.row_dimensions[row].height = _row_height(wrapped, RATING_COLUMNS)

    last = max(row, DATA_ROW)
    scale = legend.scale
    shown = ", ".join(f"{level.value:g} {level.label}" for level in scale.levels)
    listed = ",".join(f"{value:g}" for value in scale.values)
    formula = f'"{listed}"'
    if len(formula) > MAX_LIST or not all(v.is_integer() for v in scale.values):
        # A literal 0.5 is text to a spreadsheet with a decimal comma; the
        # legend's cells are numbers in every locale.
        formula = f"'{AUDIT_SHEET}'!$A${legend.first_row}:$A${legend.last_row}"
    values_list = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Waarde",
        error=f"Kies een waarde van schaal {scale.id}: {listed}."[:225],
        showInputMessage=True,
        promptTitle=f"Schaal {scale.id}"[:32],
        prompt=shown[:255],
    )
    yes_no = DataValidation(
        type="list",
        formula1=f'"{YES},{NO}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="N.v.t.",
        error="Kies ja of nee, of laat leeg.",
    )
    for validation, key in ((values_list, "value"), (yes_no, "not_applicable")):
        sheet.add_data_validation(validation)
        letter = get_column_letter(column[key])
        validation.add(f"{letter}{DATA_ROW}:{letter}{last}")
    sheet.freeze_panes = f"B{DATA_ROW}"


def _checkpoint_lines(requirement: Requirement) -> str | None:
    lines = [f"{c.id} {c.text}" for c in requirement.checkpoints]
    return "\n".join(lines) or None


def _write_evidence(
    sheet: Worksheet, standard: Standard, assessment: Assessment
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    _write_headers(sheet, EVIDENCE_COLUMNS)
    row = DATA_ROW - 1
    for requirement in standard.requirements:
        rating = assessment.ratings.get(requirement.id)
        for item in () if rating is None else rating.evidence:
            row += 1
            _put(sheet, row, 1, requirement.id, _Style.EDIT)
            _put(sheet, row, 2, item.kind, _Style.EDIT)
            _put(sheet, row, 3, item.reference, _Style.EDIT_WRAPPED)
            _put(sheet, row, 4, item.date, _Style.EDIT_DATE)
            _put(sheet, row, 5, item.valid_until, _Style.EDIT_DATE)
            _put_file(sheet, row, item)
            sheet.row_dimensions[row].height = _row_height(
                {3: item.reference}, EVIDENCE_COLUMNS
            )
    for finding, step, item in _finding_evidence(assessment):
        row += 1
        _put(sheet, row, 1, None, _Style.EDIT)
        _put(sheet, row, 2, item.kind, _Style.EDIT)
        _put(sheet, row, 3, item.reference, _Style.EDIT_WRAPPED)
        _put(sheet, row, 4, item.date, _Style.EDIT_DATE)
        _put(sheet, row, 5, item.valid_until, _Style.EDIT_DATE)
        _put(sheet, row, 6, finding.id, _Style.EDIT)
        _put(sheet, row, 7, step, _Style.EDIT)
        _put_file(sheet, row, item)
        sheet.row_dimensions[row].height = _row_height(
            {3: item.reference}, EVIDENCE_COLUMNS
        )
    last = max(row, DATA_ROW + EVIDENCE_ROWS)
    requirements = DataValidation(
        type="list",
        formula1=f"'{RATINGS_SHEET}'!$A${DATA_ROW}:"
        f"$A${max(DATA_ROW, DATA_ROW + len(standard.requirements) - 1)}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Eis",
        error=f"Kies een eis van het blad {RATINGS_SHEET}.",
    )
    kinds = DataValidation(
        type="list",
        formula1='"' + ",".join(KINDS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Soort",
        error=f"Kies een soort: {', '.join(KINDS)}.",
    )
    dates = _date_validation()
    for validation, ranges in (
        (requirements, (f"A{DATA_ROW}:A{last}",)),
        (kinds, (f"B{DATA_ROW}:B{last}",)),
        (dates, (f"D{DATA_ROW}:D{last}", f"E{DATA_ROW}:E{last}")),
    ):
        sheet.add_data_validation(validation)
        for cells in ranges:
            validation.add(cells)
    sheet.freeze_panes = f"A{DATA_ROW}"
    _unlock_columns(sheet, EVIDENCE_COLUMNS, {"date", "valid_until"})


def _put_file(sheet: Worksheet, row: int, item: Evidence) -> None:
    # The file, link, fingerprint and collector, in the last columns.
    first = len(EVIDENCE_COLUMNS) - len(EVIDENCE_FILE_KEYS) + 1
    for column, key in enumerate(EVIDENCE_FILE_KEYS, start=first):
        wrapped = key in ("path", "uri", "collected_by")
        _put(
            sheet,
            row,
            column,
            getattr(item, key),
            _Style.EDIT_WRAPPED if wrapped else _Style.EDIT,
        )


def _unlock_columns(
    sheet: Worksheet, columns: Sequence[Column], dates: Collection[str]
) -> None:
    # The rows below the last are to be filled in too, as many as the
    # auditor needs: the columns' own style unlocks every cell that has
    # none (the header cells have theirs).
    from openpyxl.styles import Alignment, Protection
    from openpyxl.utils import get_column_letter

    for index, spec in enumerate(columns, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.protection = Protection(locked=False)
        dimension.alignment = Alignment(vertical="top", wrap_text=spec.wrap)
        if spec.key in dates:
            dimension.number_format = DATE_FORMAT


def _finding_evidence(
    assessment: Assessment,
) -> Iterator[tuple[Finding, int | None, Evidence]]:
    # Each finding's evidence, then that of each step of its follow-up
    # (numbered from 1, as the rows of the Voortgang sheet).
    for finding in assessment.findings:
        for item in finding.evidence:
            yield finding, None, item
        for step, entry in enumerate(finding.history, start=1):
            for item in entry.evidence:
                yield finding, step, item


def _list_validation(title: str, choices: Sequence[str]) -> DataValidation:
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=title,
        error=f"Kies een van: {', '.join(choices)}.",
    )


def _write_findings(
    sheet: Worksheet, standard: Standard, assessment: Assessment
) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    _write_headers(sheet, FINDING_COLUMNS)
    row = DATA_ROW - 1
    for finding in assessment.findings:
        row += 1
        wrapped: dict[int, str] = {}
        for index, spec in enumerate(FINDING_COLUMNS, start=1):
            value = getattr(finding, spec.key)
            style = (
                _Style.EDIT_DATE
                if spec.key in FINDING_DATES
                else _Style.EDIT_WRAPPED
                if spec.wrap
                else _Style.EDIT
            )
            _put(sheet, row, index, value, style)
            if spec.wrap and isinstance(value, str):
                wrapped[index] = value
        sheet.row_dimensions[row].height = _row_height(wrapped, FINDING_COLUMNS)
    last = max(row, DATA_ROW + FINDING_ROWS)
    column = {c.key: get_column_letter(i) for i, c in enumerate(FINDING_COLUMNS, 1)}
    requirements = DataValidation(
        type="list",
        formula1=f"'{RATINGS_SHEET}'!$A${DATA_ROW}:"
        f"$A${max(DATA_ROW, DATA_ROW + len(standard.requirements) - 1)}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Eis",
        error=f"Kies een eis van het blad {RATINGS_SHEET}.",
    )
    validations = [
        (requirements, ("requirement",)),
        (_list_validation("Soort", FINDING_CHOICES["kind"]), ("kind",)),
        (_list_validation("Ernst", FINDING_CHOICES["severity"]), ("severity",)),
        (_date_validation(), FINDING_DATES),
    ]
    for validation, keys in validations:
        sheet.add_data_validation(validation)
        for key in keys:
            validation.add(f"{column[key]}{DATA_ROW}:{column[key]}{last}")
    sheet.freeze_panes = f"B{DATA_ROW}"
    _unlock_columns(sheet, FINDING_COLUMNS, FINDING_DATES)


def _write_history(sheet: Worksheet, assessment: Assessment) -> None:
    _write_headers(sheet, HISTORY_COLUMNS)
    row = DATA_ROW - 1
    for finding in assessment.findings:
        for entry in finding.history:
            row += 1
            _put(sheet, row, 1, finding.id, _Style.EDIT)
            _put(sheet, row, 2, entry.status, _Style.EDIT)
            _put(sheet, row, 3, entry.date, _Style.EDIT_DATE)
            _put(sheet, row, 4, entry.by, _Style.EDIT_WRAPPED)
            _put(sheet, row, 5, entry.note, _Style.EDIT_WRAPPED)
            texts = {i: t for i, t in ((4, entry.by), (5, entry.note)) if t}
            sheet.row_dimensions[row].height = _row_height(texts, HISTORY_COLUMNS)
    last = max(row, DATA_ROW + FINDING_ROWS)
    for validation, letter in (
        (_list_validation("Status", FINDING_CHOICES["status"]), "B"),
        (_date_validation(), "C"),
    ):
        sheet.add_data_validation(validation)
        validation.add(f"{letter}{DATA_ROW}:{letter}{last}")
    sheet.freeze_panes = f"A{DATA_ROW}"
    _unlock_columns(sheet, HISTORY_COLUMNS, {"date"})


def _write_points(
    sheet: Worksheet, card: ScoreCard, words: PointsWords, as_of: datetime.date
) -> None:
    """
    The points sheet of a report: values, not formulas, so that it shows
    the card's own figures in every program.
    """
    standard = card.standard
    _put(sheet, 1, 1, f"{words.title}: {card.assessment.organisation}", _Style.TITLE)
    _put(
        sheet,
        2,
        1,
        f"{words.edition}: {standard.title} ({standard.id}); {words.date}: "
        f"{card.assessment.date.isoformat()}; {words.method_scheme}: "
        f"{card.method} / {card.scheme.id}",
    )
    header = 4
    headers = (words.area, words.name, words.kind, words.points, words.maximum)
    for index, text in enumerate((*headers, words.share), start=1):
        _put(sheet, header, index, text, _Style.HEADER)
    row = header
    areas = tuple(card.areas.values())
    for area in areas:
        row += 1
        _put(sheet, row, 1, area.area_id)
        _put(sheet, row, 2, area.name, _Style.WRAPPED)
        _put(sheet, row, 3, words.kinds.get(area.kind, area.kind))
        _put(sheet, row, 4, area.points, _Style.POINTS)
        _put(sheet, row, 5, area.max_points, _Style.POINTS)
        _put(sheet, row, 6, area.fraction, _Style.SHARE)
    row += 1
    for label, kinds, points in (
        (words.organisation, {"organisation"}, card.organisation_points),
        (words.result, {"result"}, card.result_points),
        (words.total, {"organisation", "result"}, card.total),
    ):
        row += 1
        maximum = math.fsum(a.max_points for a in areas if a.kind in kinds)
        _put(sheet, row, 1, label, _Style.LABEL)
        _put(sheet, row, 4, points, _Style.POINTS)
        _put(sheet, row, 5, maximum, _Style.POINTS)
        _put(sheet, row, 6, points / maximum if maximum else None, _Style.SHARE)
    level, next_level = card.level, card.next_level
    row += 1
    for label, value in (
        (words.level, words.no_level if level is None else level.name),
        (
            words.next_level,
            words.highest_level if next_level is None else next_level.name,
        ),
    ):
        row += 1
        _put(sheet, row, 1, label, _Style.LABEL)
        _put(sheet, row, 2, value)
    _write_finding_states(sheet, row + 2, card.assessment, words, as_of)
    for letter, width in zip("ABCDEF", (16, 40, 14, 11, 11, 11), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{header + 1}"
    _page_setup(sheet, landscape=False, title_rows=f"{header}:{header}")


def _write_finding_states(
    sheet: Worksheet,
    row: int,
    assessment: Assessment,
    words: PointsWords,
    as_of: datetime.date,
) -> None:
    """
    A report's findings as they stand on *as_of*: kind, requirement,
    deadline, status and whether overdue (the sheets Bevindingen and
    Voortgang hold them in full, for import).
    """
    if not assessment.findings:
        return
    _put(sheet, row, 1, f"{words.findings} {as_of.isoformat()}", _Style.LABEL)
    row += 1
    headers = (
        words.finding,
        words.kind,
        words.requirement,
        words.deadline,
        words.status,
        words.overdue,
    )
    for column, text in enumerate(headers, start=1):
        _put(sheet, row, column, text, _Style.HEADER)
    for finding in assessment.findings:
        row += 1
        kind = words.finding_kinds[finding.kind]
        _put(sheet, row, 1, finding.id)
        if finding.severity is not None:
            kind += f" ({words.severities[finding.severity]})"
        _put(sheet, row, 2, kind)
        requirement = finding.requirement + (
            f" ({finding.checkpoint})" if finding.checkpoint else ""
        )
        _put(sheet, row, 3, requirement)
        _put(sheet, row, 4, finding.deadline, _Style.DATE)
        if finding.followed_up:
            _put(sheet, row, 5, words.statuses[finding.status_on(as_of)])
        _put(sheet, row, 6, words.yes if finding.is_overdue(as_of) else None)


_CHANGE_WIDTHS: Final = (7, 20, 20, 26, 30, 50)
_CUT = " …"


def _write_changes(book: Workbook, journal: Journal, language: str) -> None:
    """
    The sheet of a report that lists every change of *journal* in order.
    The texts are values, never formulas; a control character is written
    as its visible escape (a cell cannot hold most of them, and none may
    act on the reader), and a text longer than a cell holds is cut, with
    `` …`` at the end: the journal itself keeps it whole.
    """
    terms = CHANGE_TERMS[language]
    sheet = book.create_sheet(terms.heading)
    _put(sheet, 1, 1, terms.heading, _Style.TITLE)
    _put(sheet, 2, 1, terms.intro if journal.entries else terms.empty)
    header = 4
    for column, text in enumerate(terms.header, start=1):
        _put(sheet, header, column, text, _Style.HEADER)
    for row, change in enumerate(change_rows(journal.entries, terms), start=header + 1):
        _put(sheet, row, 1, change.seq)
        cells = (change.time, change.by, change.what)
        for column, text in enumerate(cells, start=2):
            _put(sheet, row, column, _cell_text(text), _Style.WRAPPED)
        _put(sheet, row, 5, _cell_text(f"{change.old} → {change.new}"), _Style.WRAPPED)
        _put(sheet, row, 6, _cell_text(change.reason), _Style.WRAPPED)
    for letter, width in zip("ABCDEF", _CHANGE_WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{header + 1}"
    _page_setup(sheet, landscape=True, title_rows=f"{header}:{header}")


def _cell_text(text: str) -> str:
    shown = visible_controls(text)
    if len(shown) > MAX_CELL_TEXT:
        return shown[: MAX_CELL_TEXT - len(_CUT)] + _CUT
    return shown


def _unpacked(
    standard: Standard | Audit, assessment: Assessment | None
) -> tuple[Standard, Assessment | None]:
    if not isinstance(standard, Audit):
        return standard, assessment
    if assessment is not None:
        msg = (
            "save_workbook() takes an Audit, or a Standard and an "
            "assessment=; an Audit already holds its assessment"
        )
        raise TypeError(msg)
    return standard.standard, standard.assessment


def write_workbook(
    standard: Standard,
    path: str | os.PathLike[str],
    **options: Any,
) -> None:
    """
    :func:`save_workbook`, by its old name.

    .. deprecated:: 26.1
       Use :func:`save_workbook`.
    """
    warn("write_workbook()", "save_workbook()")
    save_workbook(standard, path, **options)
