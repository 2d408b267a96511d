"""
Audit workbooks: an assessment as an XLSX file that auditors fill in with
a spreadsheet program, and back.

Needs the ``xlsx`` extra (openpyxl); it is imported only when a workbook
is written or read, so ``import goudenoor`` stays light.

The workbook has three sheets, with Dutch headers (the auditors are
Dutch) and, on the second header row or in a grey column, the key of the
same field in the YAML file (format ``assessment/1``), so that an error
message's key path points at a column:

``Audit``
    The metadata as label/value rows (column A the label, column B the
    value, column C the YAML key): the format marker ``assessment/1``,
    the edition, the organisation, the date (a date cell), the scale (an
    empty cell is the edition's default scale, ``scale: null``), the
    auditors and the extensions (each one cell, entries separated by
    ``"; "``). Below them: how to fill it in, and the legend of the scale.
``Beoordeling``
    One row per requirement of the standard (extension requirements
    included), in the standard's order: id, area, theme, text, evidence
    clause and checkpoints (read only, grey), then what the auditor
    fills in: the value (a drop-down list of the scale's values), not
    applicable (``ja``/``nee``, a drop-down), the justification for not
    applicable, the checkpoints met (ids separated by commas, spaces or
    line breaks) and a note.
``Bewijs``
    One row per evidence item: requirement id, kind (a drop-down of
    ``document``, ``interview``, ``observation``, ``measurement``,
    ``other``), reference, date and valid until (date cells). A
    requirement may have several rows; their order is kept.

Which requirements are rated: a row whose value, not-applicable,
justification, checkpoints-met and note cells are all empty and that has
no evidence rows is *absent* from the ratings (unrated). Not applicable
``nee`` marks a rating that is present but applicable: the writer puts
``nee`` on every present, applicable rating, so an empty ``Rating()``
(present, nothing filled in) survives the round trip as a row with only
``nee``.

Reading finds the metadata rows by their label and the columns by their
header, so added rows and columns are ignored. It takes what a
spreadsheet program makes of typed input: numbers typed as text (also
with a decimal comma), ISO dates typed as text, ``Ja``/``NEE`` and
logical values, evidence kinds in capitals, numbers in text columns.
Everything else that is wrong is reported, all problems at once, each
with its sheet, row, column and key path. Refused, naming the cell in
Excel's notation (``Beoordeling!G7``): merged cells the reader reads
(all but the first lost their values), a formula without a calculated
value (saved by a program that does not calculate), and an id that does
not match the text of its row (a swapped id would move values but not
evidence).

Before any cell is read, the three sheets are scanned once and a
workbook beyond the limits (:data:`MAX_BYTES`, :data:`MAX_UNPACKED`,
:data:`MAX_ROWS`, :data:`MAX_COLUMNS`, :data:`MAX_CELLS`, numbers beyond
:data:`MAX_NUMBER`) is refused as soon as that is seen; the size a sheet
declares is not trusted.

For every assessment that fits its standard,
``read_workbook(path)`` after ``write_workbook(standard, path,
assessment=a)`` equals ``a`` (ratings come back in the standard's order;
values ``3`` and ``3.0`` are the same rating). What a cell cannot hold
is refused when writing rather than lost: empty texts (an empty cell
reads as no value), carriage returns, control characters, texts over
32,767 characters, dates before 1900, and auditor or extension entries
that are empty, have spaces at either end or contain ``;``.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime
import math
import os
import posixpath
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from io import BytesIO
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final, TypeVar, cast, get_args
from xml.etree import ElementTree

import attrs

from goudenoor.assessment import (
    Assessment,
    Evidence,
    EvidenceKind,
    Rating,
    assessment_problems,
)
from goudenoor.exceptions import (
    FileFormatError,
    GoudenoorError,
    MissingExtraError,
    ModelError,
    UnknownEditionError,
    ValidationError,
)
from goudenoor.extensions import Extension
from goudenoor.model import Requirement, Scale, Standard
from goudenoor.problems import PathElement, Problem

from .assessments import ASSESSMENT_FORMAT, standard_for
from .atomic import refuse_existing, write_bytes_atomic


if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet


__all__ = [
    "AUDIT_SHEET",
    "EVIDENCE_SHEET",
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_NUMBER",
    "MAX_ROWS",
    "MAX_UNPACKED",
    "RATINGS_SHEET",
    "read_workbook",
    "write_workbook",
]


def __dir__() -> list[str]:
    return __all__


AUDIT_SHEET: Final = "Audit"
"""The name of the sheet with the metadata, instructions and scale legend."""

RATINGS_SHEET: Final = "Beoordeling"
"""The name of the sheet with one row per requirement."""

EVIDENCE_SHEET: Final = "Bewijs"
"""The name of the sheet with one row per evidence item."""

_DEFAULT_ORGANISATION: Final = "Naam van de organisatie"

_T = TypeVar("_T")

_FEATURE = "the XLSX workbook"
_KINDS: tuple[str, ...] = get_args(EvidenceKind)
_MAX_CELL_TEXT = 32_767
_MAX_LIST = 255  # characters of a literal list of a drop-down
_FIRST_DATE = datetime.date(1900, 1, 1)
_DATE_FORMAT = "yyyy-mm-dd"
_EVIDENCE_ROWS = 1_000  # rows of the evidence sheet with drop-downs
_DATA_ROW = 3  # rows 1 and 2 are the headers
_YES = "ja"
_NO = "nee"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_IDS = re.compile(r"[\s,;]+")

# Colours: headers, read-only cells, cells to fill in, hints.
_HEADER_FILL = "D9E1F2"
_READ_ONLY_FILL = "F2F2F2"
_INPUT_FILL = "FFF2CC"
_HINT_COLOUR = "808080"


@attrs.frozen
class _Column:
    key: str  # the YAML key, on the second header row
    header: str  # the Dutch header, on the first
    width: float
    editable: bool = False
    wrap: bool = False


_RATING_COLUMNS: Final = (
    _Column("id", "Eis", 9),
    _Column("area", "Gebied", 20, wrap=True),
    _Column("theme", "Thema", 18, wrap=True),
    _Column("text", "Tekst", 55, wrap=True),
    _Column("evidence", "Bewijsvoering", 40, wrap=True),
    _Column("checkpoints", "Checkpunten", 45, wrap=True),
    _Column("value", "Waarde", 9, editable=True),
    _Column("not_applicable", "N.v.t.", 8, editable=True),
    _Column("justification", "Motivering n.v.t.", 30, editable=True, wrap=True),
    _Column("checkpoints_met", "Checkpunten voldaan", 16, editable=True, wrap=True),
    _Column("note", "Opmerking", 45, editable=True, wrap=True),
)
_RATING_INPUTS: Final = tuple(c.key for c in _RATING_COLUMNS if c.editable)

_EVIDENCE_COLUMNS: Final = (
    _Column("requirement", "Eis", 9, editable=True),
    _Column("kind", "Soort", 14, editable=True),
    _Column("reference", "Referentie", 70, editable=True, wrap=True),
    _Column("date", "Datum", 12, editable=True),
    _Column("valid_until", "Geldig tot", 12, editable=True),
)

# The metadata rows of the Audit sheet: YAML key, label, hint.
_META: Final = (
    ("goudenoor", "Formaat", "niet wijzigen"),
    ("edition", "Editie", "niet wijzigen"),
    ("organisation", "Organisatie", "de beoordeelde organisatie"),
    ("date", "Datum", "datum van de audit"),
    ("scale", "Schaal", "leeg: de standaardschaal van de editie"),
    ("auditors", "Auditoren", "namen, gescheiden door '; '"),
    ("extensions", "Uitbreidingen", "ids, gescheiden door '; '; niet wijzigen"),
)
_META_ROW = 3  # the first metadata row; row 1 is the title


def _require_openpyxl() -> None:
    try:
        import openpyxl  # noqa: F401 - only whether it is there
    except ImportError:
        raise MissingExtraError(_FEATURE, "xlsx", "openpyxl") from None


# ---------------------------------------------------------------- writing


def write_workbook(
    standard: Standard,
    path: str | os.PathLike[str],
    *,
    assessment: Assessment | None = None,
    organisation: str | None = None,
    date: datetime.date | None = None,
    scale: str | None = None,
    overwrite: bool = False,
) -> None:
    """
    Write an audit workbook for *standard* to *path*, atomically.

    Without *assessment* the workbook is a blank template: every
    requirement unrated, the metadata filled in from *organisation*,
    *date* and *scale*. With *assessment* its metadata, ratings and
    evidence are filled in, and :func:`read_workbook` gives an equal
    assessment back.

    Args:
        standard: The edition, possibly with extensions applied; every
            requirement gets a row.
        path: The ``.xlsx`` file to write.
        assessment: An assessment of *standard* to fill in.
        organisation: The organisation of a blank template (default
            ``Naam van de organisatie``).
        date: The audit date of a blank template (default today).
        scale: The scale id of a blank template (default the edition's).
        overwrite: Replace *path* if it exists.

    Raises:
        MissingExtraError: openpyxl is not installed.
        GoudenoorError: *path* exists and *overwrite* is false, it cannot
            be written, *scale* is not a scale of *standard*, or
            *organisation*, *date* or *scale* are given together with an
            *assessment* (which has its own).
        ValidationError: *assessment* does not fit *standard*, or holds
            something a workbook cell cannot keep.
    """
    _require_openpyxl()
    target = Path(path)
    refuse_existing(target, overwrite=overwrite)
    if assessment is None:
        chosen = standard.scale(scale)
        assessment = Assessment(
            edition=standard.id,
            organisation=_DEFAULT_ORGANISATION
            if organisation is None
            else organisation,
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
    write_bytes_atomic(target, _build(standard, assessment), overwrite=overwrite)


def _text_problem(text: str) -> str | None:
    # Why a workbook cell cannot keep *text* as it is, if it cannot.
    if not text:
        return "an empty text cannot be kept in a workbook (an empty cell is no value)"
    if "\r" in text:
        return "a carriage return cannot be kept in a workbook cell"
    found = _ILLEGAL.search(text)
    if found:
        return f"the control character {found.group()!r} cannot be kept in a workbook"
    if len(text) > _MAX_CELL_TEXT:
        return (
            f"a text of {len(text):,} characters is longer than a workbook cell "
            f"holds ({_MAX_CELL_TEXT:,})"
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


def _text_problems(
    path: tuple[PathElement, ...], text: str | None
) -> Iterator[Problem]:
    message = None if text is None else _text_problem(text)
    if message:
        yield Problem(message=message, path=path)


def _date_problems(
    path: tuple[PathElement, ...], when: datetime.date | None
) -> Iterator[Problem]:
    if when is not None and when < _FIRST_DATE:
        yield Problem(
            message=f"{when.isoformat()}: dates before {_FIRST_DATE.isoformat()} "
            "cannot be kept in a workbook",
            path=path,
        )


def _evidence_problems(
    where: tuple[PathElement, ...], item: Evidence
) -> Iterator[Problem]:
    if item.kind not in _KINDS:
        yield Problem(
            message=f"expected one of {_quoted(_KINDS)}, got {item.kind!r}",
            path=(*where, "kind"),
        )
    yield from _text_problems((*where, "reference"), item.reference)
    yield from _date_problems((*where, "date"), item.date)
    yield from _date_problems((*where, "valid_until"), item.valid_until)


def _quoted(items: Sequence[str]) -> str:
    return ", ".join(repr(item) for item in items)


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value


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


def _styles(book: Workbook) -> None:
    # Named styles: setting one on a cell is much faster in openpyxl than
    # setting fonts, fills and alignments one by one.
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    header = PatternFill("solid", fgColor=_HEADER_FILL)
    grey = PatternFill("solid", fgColor=_READ_ONLY_FILL)
    yellow = PatternFill("solid", fgColor=_INPUT_FILL)
    hint = Font(italic=True, size=9, color=_HINT_COLOUR)
    for style in (
        NamedStyle(_Style.TITLE, font=Font(bold=True, size=14)),
        NamedStyle(_Style.LABEL, font=Font(bold=True), alignment=top),
        NamedStyle(_Style.HEADER, font=Font(bold=True), fill=header, alignment=wrapped),
        NamedStyle(_Style.KEY, font=hint, fill=header, alignment=top),
        NamedStyle(_Style.HINT, font=hint, alignment=top),
        NamedStyle(_Style.TEXT, alignment=top),
        NamedStyle(_Style.WRAPPED, alignment=wrapped),
        NamedStyle(_Style.FIXED, fill=grey, alignment=wrapped),
        NamedStyle(_Style.INPUT, fill=yellow, alignment=top),
        NamedStyle(_Style.DATE, alignment=top, number_format=_DATE_FORMAT),
        NamedStyle(
            _Style.INPUT_DATE, fill=yellow, alignment=top, number_format=_DATE_FORMAT
        ),
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


def _build(standard: Standard, assessment: Assessment) -> bytes:
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
    }
    row = _META_ROW
    for key, label, hint in _META:
        _put(sheet, row, 1, label, _Style.LABEL)
        style = (
            _Style.INPUT_DATE
            if key == "date"
            else _Style.INPUT
            if key in {"organisation", "scale", "auditors"}
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
        _put(sheet, row, 1, _number(level.value), _Style.LABEL)
        _put(sheet, row, 2, level.label)
    for column, width in (("A", 16), ("B", 40), ("C", 14), ("D", 40)):
        sheet.column_dimensions[column].width = width
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
            f"soort ({', '.join(_KINDS)}), een referentie en de datums."
        ),
        (
            "Een eis zonder waarde is niet beoordeeld: die telt als 0, met een "
            "waarschuwing. N.v.t. 'nee': de eis geldt."
        ),
        (
            "Verander de kopregels niet; de grijze tweede kopregel noemt het "
            "veld in het YAML-bestand (format assessment/1)."
        ),
        "Inlezen: goudenoor import-xlsx BESTAND -o audit.yaml",
    ]
    if scale.evidence_from is not None:
        lines.insert(
            1,
            f"Een waarde van {scale.evidence_from:g} of hoger vraagt om bewijs.",
        )
    return lines


def _write_headers(sheet: Worksheet, columns: Sequence[_Column]) -> None:
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(columns, start=1):
        _put(sheet, 1, index, column.header, _Style.HEADER)
        _put(sheet, 2, index, column.key, _Style.KEY)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.print_title_rows = "1:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]


def _row_height(texts: Mapping[int, str], columns: Sequence[_Column]) -> float:
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

    _write_headers(sheet, _RATING_COLUMNS)
    column = {c.key: index for index, c in enumerate(_RATING_COLUMNS, start=1)}
    areas = {area.id: area for area in standard.areas}
    row = _DATA_ROW - 1
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
                "value": None if rating.value is None else _number(rating.value),
                "not_applicable": _YES if rating.not_applicable else _NO,
                "justification": rating.justification,
                "checkpoints_met": ", ".join(rating.checkpoints_met) or None,
                "note": rating.note,
            }
        wrapped: dict[int, str] = {}
        for spec in _RATING_COLUMNS:
            index = column[spec.key]
            value = values.get(spec.key)
            style = (
                _Style.FIXED
                if not spec.editable
                else _Style.WRAPPED
                if spec.wrap
                else _Style.TEXT
            )
            _put(sheet, row, index, value, style)
            if spec.wrap and isinstance(value, str):
                wrapped[index] = value
        sheet.row_dimensions[row].height = _row_height(wrapped, _RATING_COLUMNS)

    last = max(row, _DATA_ROW)
    scale = legend.scale
    shown = ", ".join(f"{level.value:g} {level.label}" for level in scale.levels)
    listed = ",".join(f"{value:g}" for value in scale.values)
    formula = f'"{listed}"'
    if len(formula) > _MAX_LIST or not all(v.is_integer() for v in scale.values):
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
        formula1=f'"{_YES},{_NO}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="N.v.t.",
        error="Kies ja of nee, of laat leeg.",
    )
    for validation, key in ((values_list, "value"), (yes_no, "not_applicable")):
        sheet.add_data_validation(validation)
        letter = get_column_letter(column[key])
        validation.add(f"{letter}{_DATA_ROW}:{letter}{last}")
    sheet.freeze_panes = f"B{_DATA_ROW}"


def _checkpoint_lines(requirement: Requirement) -> str | None:
    lines = [f"{c.id} {c.text}" for c in requirement.checkpoints]
    return "\n".join(lines) or None


def _write_evidence(
    sheet: Worksheet, standard: Standard, assessment: Assessment
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    _write_headers(sheet, _EVIDENCE_COLUMNS)
    row = _DATA_ROW - 1
    for requirement in standard.requirements:
        rating = assessment.ratings.get(requirement.id)
        for item in () if rating is None else rating.evidence:
            row += 1
            _put(sheet, row, 1, requirement.id)
            _put(sheet, row, 2, item.kind)
            _put(sheet, row, 3, item.reference, _Style.WRAPPED)
            _put(sheet, row, 4, item.date, _Style.DATE)
            _put(sheet, row, 5, item.valid_until, _Style.DATE)
            sheet.row_dimensions[row].height = _row_height(
                {3: item.reference}, _EVIDENCE_COLUMNS
            )
    last = max(row, _DATA_ROW + _EVIDENCE_ROWS)
    requirements = DataValidation(
        type="list",
        formula1=f"'{RATINGS_SHEET}'!$A${_DATA_ROW}:"
        f"$A${max(_DATA_ROW, _DATA_ROW + len(standard.requirements) - 1)}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Eis",
        error=f"Kies een eis van het blad {RATINGS_SHEET}.",
    )
    kinds = DataValidation(
        type="list",
        formula1='"' + ",".join(_KINDS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Soort",
        error=f"Kies een soort: {', '.join(_KINDS)}.",
    )
    dates = _date_validation()
    for validation, ranges in (
        (requirements, (f"A{_DATA_ROW}:A{last}",)),
        (kinds, (f"B{_DATA_ROW}:B{last}",)),
        (dates, (f"D{_DATA_ROW}:D{last}", f"E{_DATA_ROW}:E{last}")),
    ):
        sheet.add_data_validation(validation)
        for cells in ranges:
            validation.add(cells)
    sheet.freeze_panes = f"A{_DATA_ROW}"


# ---------------------------------------------------------------- reading

# The limits of a workbook that read_workbook accepts. A workbook written
# by write_workbook stays far below them; a file beyond them is refused
# before its cells are read, so reading it costs little time and memory.

MAX_BYTES: Final = 32 * 1024 * 1024
"""The largest workbook file read, in bytes."""

MAX_UNPACKED: Final = 256 * 1024 * 1024
"""The most bytes the parts of a workbook may unpack to (no zip bombs)."""

MAX_ROWS: Final = 10_000
"""The last row a cell of the sheets ``Audit``, ``Beoordeling`` and
``Bewijs`` may be in."""

MAX_COLUMNS: Final = 100
"""The last column (``CV``) a cell of those sheets may be in."""

MAX_CELLS: Final = 200_000
"""The most cells (filled in or only formatted) one of those sheets holds."""

MAX_NUMBER: Final = 10**15
"""The largest size of a number in a cell of those sheets: a number must be
finite and from ``-MAX_NUMBER`` to ``MAX_NUMBER`` (Excel keeps 15 digits)."""

_CELL_REFERENCE = re.compile(r"([A-Z]{1,3})([1-9]\d{0,6})")
_RANGE_REFERENCE = re.compile(r"([A-Z]{1,3}[1-9]\d{0,6})(?::([A-Z]{1,3}[1-9]\d{0,6}))?")
_ROW_NUMBER = re.compile(r"[1-9]\d{0,6}")
_XML_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_MAX_NUMBER_TEXT = 40  # characters of a number shown in a message


def _column_letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index


def _reference(text: str) -> tuple[int, int]:
    # Row and column of a reference that matches _CELL_REFERENCE.
    letters = text.rstrip("0123456789")
    return int(text[len(letters) :]), _column_index(letters)


def _cell_name(sheet: str, row: int, column: int) -> str:
    """
    A cell in Excel's notation, ``Beoordeling!G7``.
    """
    return f"{sheet}!{_column_letters(column)}{row}"


@attrs.frozen
class _Merged:
    """
    One range of merged cells.
    """

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @property
    def name(self) -> str:
        first = f"{_column_letters(self.first_column)}{self.first_row}"
        last = f"{_column_letters(self.last_column)}{self.last_row}"
        return first if first == last else f"{first}:{last}"


class _Sheet:
    """
    The cells of one sheet the reader reads: their values, which cells are
    merged and which hold a formula without a calculated value.
    """

    def __init__(self, title: str) -> None:
        self.title = title
        self.values: dict[tuple[int, int], object] = {}
        self.formulas: set[tuple[int, int]] = set()
        self.merged: list[_Merged] = []
        # Per column: merged ranges by first row, and the last rows so far.
        self._by_column: dict[int, tuple[list[int], list[_Merged], list[int]]] = {}

    @property
    def max_row(self) -> int:
        # A formula without a value is no value, but must be seen.
        return max((row for row, _ in (*self.values, *self.formulas)), default=0)

    def value(self, row: int, column: int) -> object:
        return self.values.get((row, column))

    def row_values(self, row: int) -> list[tuple[int, object]]:
        return sorted((c, v) for (r, c), v in self.values.items() if r == row)

    def column_values(self, column: int) -> list[tuple[int, object]]:
        return sorted((r, v) for (r, c), v in self.values.items() if c == column)

    def index_merged(self) -> None:
        by_column: dict[int, list[_Merged]] = {}
        for merged in self.merged:
            for column in range(merged.first_column, merged.last_column + 1):
                by_column.setdefault(column, []).append(merged)
        for column, ranges in by_column.items():
            ranges.sort(key=lambda m: m.first_row)
            reach: list[int] = []
            for merged in ranges:
                reach.append(max(merged.last_row, reach[-1] if reach else 0))
            self._by_column[column] = ([m.first_row for m in ranges], ranges, reach)

    def merged_at(self, row: int, column: int) -> _Merged | None:
        """
        The merged range *row*, *column* is part of, if any.
        """
        found = self._by_column.get(column)
        if found is None:
            return None
        firsts, ranges, reach = found
        index = bisect.bisect_right(firsts, row) - 1
        while index >= 0 and reach[index] >= row:
            if ranges[index].last_row >= row:
                return ranges[index]
            index -= 1
        return None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attribute(element: ElementTree.Element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _parse_part(archive: zipfile.ZipFile, member: str) -> ElementTree.Element:
    with archive.open(member) as stream:
        return ElementTree.parse(stream).getroot()  # noqa: S314 - expat refuses entity bombs


def _target(source: str, target: str) -> str:
    # A relationship's target, relative to the part that has it.
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    folder, _, name = part.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    found: dict[str, tuple[str, str]] = {}
    for element in _parse_part(archive, rels):
        if _local(element.tag) == "Relationship":
            found[element.get("Id", "")] = (
                element.get("Type", ""),
                _target(part, element.get("Target", "")),
            )
    return found


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """
    The archive member of each worksheet, by sheet name.
    """
    workbook = next(
        (
            target
            for kind, target in _relationships(archive, "").values()
            if kind.endswith("/officeDocument")
        ),
        "xl/workbook.xml",
    )
    targets = _relationships(archive, workbook)
    parts: dict[str, str] = {}
    for element in _parse_part(archive, workbook).iter():
        if _local(element.tag) == "sheet":
            found = targets.get(_attribute(element, "id") or "")
            if found is not None:
                parts.setdefault(element.get("name", ""), found[1])
    return parts


class _Scanner:
    """
    Goes once through the XML of a sheet, without keeping it, and refuses
    what is beyond the limits as soon as it is seen.
    """

    def __init__(self, name: str, sheet: _Sheet) -> None:
        self.name = name
        self.sheet = sheet
        self.row = 0
        self.column = 0
        self.rows = 0
        self.cells = 0

    def refuse(self, reason: str) -> FileFormatError:
        return FileFormatError(reason, self.name)

    def scan(self, stream: IO[bytes]) -> None:
        data: ElementTree.Element | None = None
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):  # noqa: S314
            tag = _local(element.tag)
            if event == "start":
                if tag == "sheetData":
                    data = element
                elif tag == "row":
                    self.start_row(element)
            elif tag == "c":
                self.cell(element)
            elif tag == "row":
                self.end_row()
                element.clear()
                if data is not None:
                    data.clear()  # drop the rows read: memory stays flat
            elif tag == "mergeCell":
                self.merge(element.get("ref", ""))
                element.clear()

    def start_row(self, element: ElementTree.Element) -> None:
        self.rows += 1
        given = element.get("r")
        if given is None:
            self.row += 1
        elif _ROW_NUMBER.fullmatch(given):
            self.row = int(given)
        else:
            raise self.refuse(f"{self.sheet.title}: {given!r} is not a row number")
        if self.rows > MAX_ROWS:
            raise self.refuse(
                f"the sheet {self.sheet.title!r} has more than the limit of "
                f"{MAX_ROWS:,} rows"
            )
        self.column = 0

    def end_row(self) -> None:
        # A row beyond the limit without cells (its cells name themselves).
        if self.row > MAX_ROWS:
            raise self.refuse(
                f"the row {self.sheet.title}!{self.row}:{self.row} is beyond the "
                f"limit of {MAX_ROWS:,} rows"
            )

    def position(self, given: str | None) -> tuple[int, int]:
        if given is None:
            self.column += 1
            return self.row, self.column
        if _CELL_REFERENCE.fullmatch(given) is None:
            raise self.refuse(
                f"{self.sheet.title}: {given[:_MAX_NUMBER_TEXT]!r} is not a cell "
                "reference"
            )
        row, self.column = _reference(given)
        return row, self.column

    def check_place(self, row: int, column: int) -> None:
        if row > MAX_ROWS:
            limit = f"{MAX_ROWS:,} rows"
        elif column > MAX_COLUMNS:
            limit = f"{MAX_COLUMNS} columns (up to {_column_letters(MAX_COLUMNS)})"
        else:
            return
        raise self.refuse(
            f"the cell {_cell_name(self.sheet.title, row, column)} is beyond the "
            f"limit of {limit}"
        )

    def cell(self, element: ElementTree.Element) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise self.refuse(
                f"the sheet {self.sheet.title!r} has more than the limit of "
                f"{MAX_CELLS:,} cells"
            )
        row, column = self.position(element.get("r"))
        self.check_place(row, column)
        kind = element.get("t", "n")
        value: ElementTree.Element | None = None
        formula = False
        for child in element:
            name = _local(child.tag)
            value = child if name == "v" else value
            formula = formula or name == "f"
        text = None if value is None else value.text
        if formula and (value is None or (not text and kind != "str")):
            self.sheet.formulas.add((row, column))
        if kind == "n" and text:
            self.check_number(row, column, text.strip())

    def check_number(self, row: int, column: int, text: str) -> None:
        # float() reads any length of digits; too large is infinite.
        if _XML_NUMBER.fullmatch(text) and abs(float(text)) <= MAX_NUMBER:
            return
        shown = (
            f"the number {text}"
            if len(text) <= _MAX_NUMBER_TEXT
            else f"a number of {len(text):,} characters"
        )
        raise self.refuse(
            f"the cell {_cell_name(self.sheet.title, row, column)} holds {shown}; "
            f"a number in a workbook must be finite and from -{MAX_NUMBER:.0e} to "
            f"{MAX_NUMBER:.0e}"
        )

    def merge(self, reference: str) -> None:
        found = _RANGE_REFERENCE.fullmatch(reference)
        if found is None:
            raise self.refuse(
                f"{self.sheet.title}: {reference[:_MAX_NUMBER_TEXT]!r} is not a "
                "range of merged cells"
            )
        corners = [_reference(found.group(1))]
        corners.append(_reference(found.group(2)) if found.group(2) else corners[0])
        for row, column in corners:
            self.check_place(row, column)
        if len(self.sheet.merged) >= MAX_CELLS:
            raise self.refuse(
                f"the sheet {self.sheet.title!r} has more than the limit of "
                f"{MAX_CELLS:,} ranges of merged cells"
            )
        (top, left), (bottom, right) = corners
        self.sheet.merged.append(
            _Merged(
                min(top, bottom), min(left, right), max(top, bottom), max(left, right)
            )
        )


class _CellError(Exception):
    """
    A cell holds something of the wrong kind.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, bool):
        return f"the logical value {'TRUE' if value else 'FALSE'}"
    if isinstance(value, (int, float)):
        return _shown_number(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return f"the date {value.date().isoformat()}"
        return f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, datetime.time):
        return f"the time {value.isoformat()}"
    return f"a {type(value).__name__}"


def _shown_number(value: float) -> str:
    if isinstance(value, int):
        # No float(): an integer of 310 digits does not fit one.
        if abs(value) < 10**_MAX_NUMBER_TEXT:
            return f"the number {value}"
        return f"a number of more than {_MAX_NUMBER_TEXT} digits"
    if not abs(value) <= MAX_NUMBER:  # also NaN
        return f"the number {value:g}"
    return f"the number {_number(value)}"


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_text(value: object) -> str | None:
    # Free text, kept as it is; numbers typed in a text column are text.
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(_number(_checked(value)))
    raise _CellError(f"expected text, got {_shown(value)}")


def _to_word(value: object) -> str | None:
    # An id or a keyword: text without spaces at either end.
    text = _to_text(value)
    if text is None or not text.strip():
        return None
    return text.strip()


def _checked(value: float, raw: object = None) -> float:
    """
    *value* (read from the cell value *raw*) as a float, if it is finite
    and within MAX_NUMBER.
    """
    # Compared before float(): an int of 310 digits is too large for one.
    if not abs(value) <= MAX_NUMBER:  # also NaN
        shown = _shown(value if raw is None else raw)
        raise _CellError(
            f"expected a number from -{MAX_NUMBER:.0e} to {MAX_NUMBER:.0e}, got "
            + (
                shown
                if len(shown) <= _MAX_NUMBER_TEXT
                else shown[:_MAX_NUMBER_TEXT] + "..."
            )
        )
    return float(value)


def _to_number(value: object) -> float | None:
    if _is_empty(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _checked(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        text = value.strip().replace(",", ".")
        return _checked(float(text), value)  # float() of many digits is inf
    raise _CellError(f"expected a number, got {_shown(value)}")


def _to_date(value: object) -> datetime.date | None:
    if _is_empty(value):
        return None
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date()
    elif isinstance(value, datetime.date):
        return value
    elif isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        with contextlib.suppress(ValueError):
            return datetime.date.fromisoformat(value.strip())
    raise _CellError(
        f"expected a date (a date cell or YYYY-MM-DD), got {_shown(value)}"
    )


def _to_yes_no(value: object) -> bool | None:
    if _is_empty(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {_YES, _NO}:
        return value.strip().lower() == _YES
    raise _CellError(f"expected {_YES!r}, {_NO!r} or nothing, got {_shown(value)}")


def _to_kind(value: object) -> EvidenceKind:
    kind = value.strip().lower() if isinstance(value, str) else value
    if isinstance(kind, str) and kind in _KINDS:
        return cast("EvidenceKind", kind)
    found = "nothing" if _is_empty(value) else _shown(value)
    raise _CellError(f"expected one of {_quoted(_KINDS)}, got {found}")


def _to_ids(value: object) -> tuple[str, ...]:
    if _is_empty(value):
        return ()
    if not isinstance(value, str):
        raise _CellError(
            "expected checkpoint ids separated by commas, got " + _shown(value)
        )
    return tuple(part for part in _IDS.split(value) if part)


def _to_entries(value: object) -> tuple[str, ...]:
    text = _to_text(value)
    if text is None:
        return ()
    return tuple(part.strip() for part in text.split(";") if part.strip())


@attrs.frozen
class _Place:
    sheet: str
    row: int
    column: int

    @property
    def name(self) -> str:
        return _cell_name(self.sheet, self.row, self.column)


@attrs.frozen
class _RatingRow:
    rid: str
    row: int
    value: float | None
    not_applicable: bool | None
    justification: str | None
    checkpoints_met: tuple[str, ...]
    note: str | None


class _Reader:
    """
    Reads the cells of one workbook, collecting every problem with its
    cell and remembering which cell each key path came from.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.places: dict[tuple[PathElement, ...], _Place] = {}
        self.failed: set[str] = set()  # ratings with a cell that failed
        self.seen: dict[str, None] = {}  # every requirement id, in order
        self.flaws: set[tuple[str, int, int] | tuple[str, _Merged]] = set()
        # Each rating row's text cell and its id cell, by requirement id.
        self.texts: dict[str, tuple[object, _Place, _Place]] = {}

    def source(self, sheet: str) -> str:
        return f"{self.name}[{sheet}]"

    def add(
        self, message: str, path: tuple[PathElement, ...], place: _Place | None
    ) -> None:
        if place is None:
            self.problems.append(Problem(message=message, path=path, source=self.name))
            return
        self.problems.append(
            Problem(
                message=message,
                path=path,
                line=place.row,
                column=place.column,
                source=self.source(place.sheet),
            )
        )

    def place_of(self, path: tuple[PathElement, ...]) -> _Place | None:
        for end in range(len(path), 0, -1):
            found = self.places.get(path[:end])
            if found is not None:
                return found
        return None

    def add_located(self, problem: Problem) -> None:
        self.add(problem.message, problem.path, self.place_of(problem.path))

    def columns(
        self, sheet: _Sheet, columns: Sequence[_Column], required: Sequence[str]
    ) -> dict[str, int] | None:
        """
        The column of each key, found by its header on row 1.
        """
        found: dict[str, int] = {}
        headers = {c.header.casefold(): c.key for c in columns}
        for index, value in sheet.row_values(1):
            if isinstance(value, str) and value.strip().casefold() in headers:
                found.setdefault(headers[value.strip().casefold()], index)
        missing = [c for c in columns if c.key in required and c.key not in found]
        for column in missing:
            self.problems.append(
                Problem(
                    message=f"no column {column.header!r} ({column.key}) in the "
                    "header row",
                    line=1,
                    source=self.source(sheet.title),
                )
            )
        return None if missing else found

    def cell(
        self, sheet: _Sheet, row: int, column: int, path: tuple[PathElement, ...]
    ) -> tuple[object, _Place]:
        """
        The value of a cell, remembered as the place of *path*.
        """
        place = _Place(sheet.title, row, column)
        self.places.setdefault(path, place)
        self.check(sheet, row, column, path)
        return sheet.value(row, column), place

    def check(
        self, sheet: _Sheet, row: int, column: int, path: tuple[PathElement, ...]
    ) -> None:
        """
        Report, once, that a cell cannot be read as it is: it is one of
        merged cells (all but the first lost their values), or holds a
        formula that was never calculated (its value is unknown).
        """
        place = _Place(sheet.title, row, column)
        name = place.name
        merged = sheet.merged_at(row, column)
        if merged is not None and (sheet.title, merged) not in self.flaws:
            self.flaws.add((sheet.title, merged))
            self.add(
                f"{name} is one of the merged cells {sheet.title}!{merged.name}, "
                "of which only the first keeps a value; unmerge them",
                path,
                place,
            )
        if (row, column) in sheet.formulas and (sheet.title, row, column) not in (
            self.flaws
        ):
            self.flaws.add((sheet.title, row, column))
            self.add(
                f"{name} holds a formula without a calculated value; let a "
                "spreadsheet program calculate and save the workbook, or type "
                "the value",
                path,
                place,
            )

    def convert(
        self,
        function: Callable[[object], _T],
        raw: object,
        path: tuple[PathElement, ...],
        place: _Place,
    ) -> _T | None:
        """
        *function* of *raw*, or ``None`` with a problem recorded.
        """
        try:
            return function(raw)
        except _CellError as exc:
            self.add(exc.message, path, place)
            return None


_Meta = dict[str, object]


def _read_metadata(reader: _Reader, sheet: _Sheet) -> _Meta:
    rows: dict[str, int] = {}
    labels = {label.casefold(): key for key, label, _ in _META}
    for row, label in sheet.column_values(1):
        if not isinstance(label, str) or label.strip().casefold() not in labels:
            continue
        key = labels[label.strip().casefold()]
        if key in rows:
            reader.add(
                f"a second row {label.strip()!r} (the first is row {rows[key]})",
                (key,),
                _Place(sheet.title, row, 1),
            )
            continue
        rows[key] = row
    meta: _Meta = {}
    converters = {
        "goudenoor": _to_word,
        "edition": _to_word,
        "organisation": _to_text,
        "date": _to_date,
        "scale": _to_word,
        "auditors": _to_entries,
        "extensions": _to_entries,
    }
    for key, label, _ in _META:
        if key not in rows:
            reader.problems.append(
                Problem(
                    message=f"no row {label!r} in column A",
                    path=(key,),
                    source=reader.source(sheet.title),
                )
            )
            continue
        raw, place = reader.cell(sheet, rows[key], 2, (key,))
        try:
            value: object = converters[key](raw)
        except _CellError as exc:
            reader.add(exc.message, (key,), place)
            continue
        if key == "goudenoor" and value != ASSESSMENT_FORMAT:
            found = "missing" if value is None else f"got {value!r}"
            reader.add(
                f"expected the format marker {ASSESSMENT_FORMAT!r} ({found})",
                (key,),
                place,
            )
        elif value is None and key in {"edition", "organisation", "date"}:
            reader.add("must not be empty", (key,), place)
        else:
            meta[key] = value
    return meta


def _read_rating_rows(reader: _Reader, sheet: _Sheet) -> list[_RatingRow]:
    required = ("id", "text", *_RATING_INPUTS)
    columns = reader.columns(sheet, _RATING_COLUMNS, required)
    if columns is None:
        return []
    rows: list[_RatingRow] = []
    first: dict[str, int] = {}
    inputs = [columns[key] for key in _RATING_INPUTS]
    for row in range(_DATA_ROW, sheet.max_row + 1):
        reader.check(sheet, row, columns["id"], ())
        raw_id = sheet.value(row, columns["id"])
        if _is_empty(raw_id):
            for column in inputs:
                reader.check(sheet, row, column, ())
            filled = [
                column for column in inputs if not _is_empty(sheet.value(row, column))
            ]
            if filled:
                reader.add(
                    "a row with entries needs a requirement id",
                    (),
                    _Place(sheet.title, row, columns["id"]),
                )
            continue
        id_place = _Place(sheet.title, row, columns["id"])
        rid = raw_id.strip() if isinstance(raw_id, str) else None
        if not rid:
            reader.add(
                f"expected a requirement id as text, got {_shown(raw_id)}",
                (),
                id_place,
            )
            continue
        if rid in first:
            reader.add(
                f"a second row for requirement {rid!r} (the first is row {first[rid]})",
                ("ratings", rid),
                id_place,
            )
            continue
        first[rid] = row
        reader.seen[rid] = None
        reader.places[("ratings", rid)] = id_place
        text_place = _Place(sheet.title, row, columns["text"])
        reader.check(sheet, row, columns["text"], ("ratings", rid))
        reader.texts[rid] = (sheet.value(row, columns["text"]), text_place, id_place)
        rows.append(_read_rating_row(reader, sheet, row, rid, columns))
    return rows


def _read_rating_row(
    reader: _Reader, sheet: _Sheet, row: int, rid: str, columns: Mapping[str, int]
) -> _RatingRow:
    before = len(reader.problems)

    def cell(key: str) -> tuple[object, tuple[PathElement, ...], _Place]:
        path: tuple[PathElement, ...] = ("ratings", rid, key)
        raw, place = reader.cell(sheet, row, columns[key], path)
        return raw, path, place

    value = reader.convert(_to_number, *cell("value"))
    not_applicable = reader.convert(_to_yes_no, *cell("not_applicable"))
    justification = reader.convert(_to_text, *cell("justification"))
    checkpoints = reader.convert(_to_ids, *cell("checkpoints_met"))
    note = reader.convert(_to_text, *cell("note"))
    if len(reader.problems) > before:
        reader.failed.add(rid)
    return _RatingRow(
        rid=rid,
        row=row,
        value=value,
        not_applicable=not_applicable,
        justification=justification,
        checkpoints_met=checkpoints or (),
        note=note,
    )


def _read_evidence(reader: _Reader, sheet: _Sheet) -> dict[str, list[Evidence]]:
    keys = [c.key for c in _EVIDENCE_COLUMNS]
    columns = reader.columns(sheet, _EVIDENCE_COLUMNS, keys)
    evidence: dict[str, list[Evidence]] = {}
    if columns is None:
        return evidence
    counts: dict[str, int] = {}
    for row in range(_DATA_ROW, sheet.max_row + 1):
        raw = {key: sheet.value(row, columns[key]) for key in keys}
        if all(_is_empty(value) for value in raw.values()):
            for key in keys:  # a formula without a value is not empty
                reader.check(sheet, row, columns[key], ())
            continue
        id_place = _Place(sheet.title, row, columns["requirement"])
        given = raw["requirement"]
        rid = given.strip() if isinstance(given, str) else None
        if not rid:
            for key in keys:
                reader.check(sheet, row, columns[key], ())
            found = "nothing" if _is_empty(given) else _shown(given)
            reader.add(f"expected a requirement id, got {found}", (), id_place)
            continue
        index = counts.get(rid, 0)
        counts[rid] = index + 1
        reader.seen[rid] = None
        reader.places.setdefault(("ratings", rid), id_place)
        where: tuple[PathElement, ...] = ("ratings", rid, "evidence", index)
        reader.places[where] = id_place
        item = _read_evidence_item(reader, sheet, row, where, columns)
        if item is None:
            reader.failed.add(rid)
        else:
            evidence.setdefault(rid, []).append(item)
    return evidence


def _read_evidence_item(
    reader: _Reader,
    sheet: _Sheet,
    row: int,
    where: tuple[PathElement, ...],
    columns: Mapping[str, int],
) -> Evidence | None:
    before = len(reader.problems)

    def cell(key: str) -> tuple[object, tuple[PathElement, ...], _Place]:
        path = (*where, key)
        raw, place = reader.cell(sheet, row, columns[key], path)
        return raw, path, place

    kind = reader.convert(_to_kind, *cell("kind"))
    reference = reader.convert(_to_text, *cell("reference"))
    date = reader.convert(_to_date, *cell("date"))
    valid_until = reader.convert(_to_date, *cell("valid_until"))
    raw, path, place = cell("reference")
    if _is_empty(raw) and not isinstance(raw, str):
        reader.add("must not be empty", path, place)
    if kind is None or reference is None or len(reader.problems) > before:
        return None
    try:
        return Evidence(
            kind=kind, reference=reference, date=date, valid_until=valid_until
        )
    except ModelError as exc:
        for problem in exc.problems:
            reader.add_located(problem.prefixed(where))
        return None


def read_workbook(
    path: str | os.PathLike[str],
    standard: Standard | None = None,
    *,
    extensions: Sequence[Extension] = (),
) -> Assessment:
    """
    Read an audit workbook (as written by :func:`write_workbook` and
    filled in) and check it against its edition.

    Args:
        path: The ``.xlsx`` file.
        standard: The standard to check against (default: the shipped
            edition the workbook names, with the extensions it lists
            applied, see :func:`goudenoor.standard_for`).
        extensions: Extensions to use for the ids the workbook lists,
            instead of looking them up among the installed ones.

    Returns:
        The assessment, with :attr:`~goudenoor.Assessment.source` set to
        *path*.

    Raises:
        MissingExtraError: openpyxl is not installed.
        FileFormatError: The file cannot be read, is not an XLSX workbook,
            lacks one of the sheets ``Audit``, ``Beoordeling`` and
            ``Bewijs``, or is beyond the limits (``MAX_ROWS`` and the
            others), named at the first cell beyond them.
        ValidationError: The content is not a valid assessment of the
            standard; every problem is listed with its sheet, row, column
            and key path (``audit.xlsx[Beoordeling]:12:7
            ratings."1.1".value: ...``).
    """
    _require_openpyxl()
    name = os.fspath(path)
    sheets = _open(name)
    reader = _Reader(name)
    meta = _read_metadata(reader, sheets[AUDIT_SHEET])
    rows = _read_rating_rows(reader, sheets[RATINGS_SHEET])
    evidence = _read_evidence(reader, sheets[EVIDENCE_SHEET])
    ratings = _ratings(reader, rows, evidence)
    assessment = _assessment(reader, meta, ratings)
    if assessment is not None:
        # Rows left empty are unrated, but their ids must still exist.
        listed = dict.fromkeys(reader.seen, Rating())
        _check(
            reader,
            attrs.evolve(assessment, ratings=listed | dict(ratings)),
            standard,
            extensions,
        )
    if reader.problems or assessment is None:
        order = {AUDIT_SHEET: 0, RATINGS_SHEET: 1, EVIDENCE_SHEET: 2}
        problems = sorted(reader.problems, key=lambda p: _sort_key(p, name, order))
        raise ValidationError(problems, name)
    return assessment


def _sort_key(
    problem: Problem, name: str, order: Mapping[str, int]
) -> tuple[int, int, int]:
    sheet = (problem.source or "").removeprefix(name).strip("[]")
    return (order.get(sheet, -1), problem.line or 0, problem.column or 0)


def _open(name: str) -> dict[str, _Sheet]:
    """
    The three sheets of the workbook *name*, checked against the limits.
    """
    from openpyxl import load_workbook

    try:
        with Path(name).open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
    if len(data) > MAX_BYTES:
        raise FileFormatError(
            f"file is more than the limit of {MAX_BYTES:,} bytes", name
        )
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise FileFormatError(f"not an XLSX workbook ({exc})", name) from None
    if unpacked > MAX_UNPACKED:
        raise FileFormatError(
            f"unpacks to {unpacked:,} bytes, more than the limit of "
            f"{MAX_UNPACKED:,} bytes",
            name,
        )
    with warnings.catch_warnings():
        # openpyxl warns about features it drops; reading needs none.
        warnings.simplefilter("ignore")
        try:
            # Read-only: a sheet's cells are parsed only when read, and
            # only after _scan has checked them.
            book = load_workbook(BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises anything on bad files
            raise FileFormatError(
                f"not an XLSX workbook ({_reason(exc)})", name
            ) from None
        try:
            missing = [
                sheet
                for sheet in (AUDIT_SHEET, RATINGS_SHEET, EVIDENCE_SHEET)
                if sheet not in book.sheetnames
            ]
            if missing:
                raise FileFormatError(
                    f"not a goudenoor audit workbook: no sheet {_quoted(missing)} "
                    f"(it has {_quoted(book.sheetnames)})",
                    name,
                )
            sheets = _scan(name, data)
            for title, sheet in sheets.items():
                _fill(name, book[title], sheet)
        finally:
            book.close()
    return sheets


def _reason(exc: Exception) -> str:
    # A KeyError names a missing part of the archive, in quotes.
    reason = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
    return str(reason) or type(exc).__name__


def _scan(name: str, data: bytes) -> dict[str, _Sheet]:
    """
    The three sheets, with their merged ranges and formulas without a
    value; refuses a sheet beyond the limits as soon as that is seen.
    """
    sheets: dict[str, _Sheet] = {}
    title = ""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            parts = _sheet_parts(archive)
            for title in (AUDIT_SHEET, RATINGS_SHEET, EVIDENCE_SHEET):
                sheet = _Sheet(title)
                with archive.open(parts[title]) as stream:
                    _Scanner(name, sheet).scan(stream)
                sheet.index_merged()
                sheets[title] = sheet
    except FileFormatError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged archive or XML raises anything
        where = f"sheet {title!r}: " if title else ""
        raise FileFormatError(
            f"not an XLSX workbook ({where}{_reason(exc)})", name
        ) from None
    return sheets


def _fill(name: str, source: ReadOnlyWorksheet, sheet: _Sheet) -> None:
    """
    Put the values of *source* (read only, checked by _scan) into *sheet*.
    """
    try:
        source.reset_dimensions()  # never trust the dimension a file declares
        # (The stubs type iter_rows of a read-only sheet with Worksheet.)
        rows = source.iter_rows(values_only=True)  # type: ignore[misc]
        for row, values in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                if value is not None:
                    sheet.values[row, column] = value
    except Exception as exc:  # noqa: BLE001 - openpyxl raises anything on bad files
        raise FileFormatError(
            f"not an XLSX workbook (sheet {sheet.title!r}: {_reason(exc)})", name
        ) from None


def _ratings(
    reader: _Reader, rows: Sequence[_RatingRow], evidence: Mapping[str, list[Evidence]]
) -> dict[str, Rating]:
    ratings: dict[str, Rating] = {}
    listed = {row.rid for row in rows}
    # Evidence of a requirement without a row: after the rows, in order.
    orphans = [
        _RatingRow(rid, 0, None, None, None, (), None)
        for rid in evidence
        if rid not in listed
    ]
    for row in [*rows, *orphans]:
        items = tuple(evidence.get(row.rid, ()))
        present = (
            row.value is not None
            or row.not_applicable is not None
            or row.justification is not None
            or row.checkpoints_met
            or row.note is not None
            or items
        )
        if row.rid in reader.failed or not present:
            continue
        try:
            ratings[row.rid] = Rating(
                value=row.value,
                not_applicable=bool(row.not_applicable),
                justification=row.justification,
                evidence=items,
                checkpoints_met=row.checkpoints_met,
                note=row.note,
            )
        except ModelError as exc:
            for problem in exc.problems:
                reader.add_located(problem.prefixed(("ratings", row.rid)))
    return ratings


def _assessment(
    reader: _Reader, meta: _Meta, ratings: Mapping[str, Rating]
) -> Assessment | None:
    edition = meta.get("edition")
    organisation = meta.get("organisation")
    date = meta.get("date")
    scale = meta.get("scale")
    auditors = meta.get("auditors", ())
    extensions = meta.get("extensions", ())
    if not (
        isinstance(edition, str)
        and isinstance(organisation, str)
        and isinstance(date, datetime.date)
        and isinstance(scale, str | None)
        and isinstance(auditors, tuple)
        and isinstance(extensions, tuple)
    ):
        return None  # a problem with the metadata is already recorded
    try:
        return Assessment(
            edition=edition,
            organisation=organisation,
            date=date,
            scale=scale,
            auditors=auditors,
            extensions=extensions,
            ratings=ratings,
            source=reader.name,
        )
    except ModelError as exc:
        for problem in exc.problems:
            reader.add_located(problem)
        return None


def _check(
    reader: _Reader,
    assessment: Assessment,
    standard: Standard | None,
    extensions: Sequence[Extension],
) -> None:
    if standard is None:
        try:
            standard = standard_for(assessment, extensions)
        except UnknownEditionError as exc:
            reader.add(str(exc), ("edition",), reader.place_of(("edition",)))
            return
        except GoudenoorError as exc:
            reader.add(str(exc), ("extensions",), reader.place_of(("extensions",)))
            return
    for problem in assessment_problems(assessment, standard):
        reader.add_located(problem)
    if assessment.edition == standard.id:  # else that is the one problem
        _check_texts(reader, standard)


def _check_texts(reader: _Reader, standard: Standard) -> None:
    """
    Every row's id must be that of the requirement whose text the row
    shows: an id changed or swapped would give its values, notes and
    evidence to another requirement.
    """

    def plain(text: object) -> str | None:
        return " ".join(text.split()) if isinstance(text, str) else None

    known = {r.id: plain(r.full_text) for r in standard.requirements}
    owners = {text: rid for rid, text in reversed(known.items())}
    for rid, (raw, place, id_place) in reader.texts.items():
        text = plain(raw)
        if rid not in known or text == known[rid]:
            continue  # an unknown id is reported already
        owner = owners.get(text) if text else None
        found = (
            f"the text of requirement {owner!r}"
            if owner
            else "another text"
            if text
            else "nothing"
        )
        reader.add(
            f"the id {rid!r} in {id_place.name} does not match its row: "
            f"{place.name} holds {found}; "
            "the ids and texts of the requirements must not be changed",
            ("ratings", rid),
            id_place,
        )
