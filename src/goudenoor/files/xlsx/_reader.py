"""
Reading a filled-in audit workbook back into an assessment
(:func:`read_workbook`): the archive and its XML are checked within
limits before openpyxl opens it, and every problem is located at its cell.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime
import os
import posixpath
import re
import warnings
import zipfile
from collections.abc import Callable, Mapping, Sequence
from io import BytesIO
from typing import IO, TYPE_CHECKING, Final, TypeVar, cast
from xml.etree import ElementTree

import attrs

from goudenoor._checks import checked
from goudenoor._moved import warn
from goudenoor.audit import (
    ASSESSMENT_KINDS,
    Assessment,
    Audit,
    Evidence,
    EvidenceKind,
    Finding,
    FindingUpdate,
    Rating,
    assessment_problems,
)
from goudenoor.exceptions import (
    FileFormatError,
    GoudenoorError,
    ModelError,
    UnknownEditionError,
    ValidationError,
)
from goudenoor.files._assessment import ASSESSMENT_FORMAT, standard_for
from goudenoor.files._parse import read_regular, refuse_empty_path
from goudenoor.problems import PathElement, Problem
from goudenoor.standard import Extension, Standard


if TYPE_CHECKING:
    from openpyxl import Workbook
from goudenoor.files.xlsx._layout import (
    AUDIT_SHEET,
    DATA_ROW,
    EVIDENCE_COLUMNS,
    EVIDENCE_FILE_KEYS,
    EVIDENCE_SHEET,
    FINDING_CHOICES,
    FINDING_COLUMNS,
    FINDINGS_SHEET,
    HISTORY_COLUMNS,
    HISTORY_SHEET,
    IDS,
    ISO_DATE,
    KINDS,
    META,
    NO,
    NUMBER,
    OPTIONAL_META,
    RATING_COLUMNS,
    RATING_INPUTS,
    RATINGS_SHEET,
    YES,
    Column,
    plain_number,
    quoted_list,
    require_openpyxl,
)


__all__ = [
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_NUMBER",
    "MAX_ROWS",
    "MAX_UNPACKED",
    "read_workbook",
]


def __dir__() -> list[str]:
    return __all__


_T = TypeVar("_T")


# ---------------------------------------------------------------- reading

# The limits of a workbook that read_workbook accepts. A workbook written
# by write_workbook stays far below them; a file beyond them is refused
# before its cells are read, so reading it costs little time and memory.

MAX_BYTES: Final = 32 * 1024 * 1024
"""The largest workbook file read, in bytes."""

MAX_UNPACKED: Final = 256 * 1024 * 1024
"""The most bytes the parts of a workbook may unpack to (no zip bombs)."""

MAX_ROWS: Final = 10_000
"""The last row a cell of the sheets ``Audit``, ``Beoordeling``, ``Bewijs``,
``Bevindingen`` and ``Voortgang`` may be in."""

MAX_COLUMNS: Final = 100
"""The last column (``CV``) a cell of those sheets may be in."""

MAX_CELLS: Final = 200_000
"""The most cells (filled in or only formatted) one of those sheets holds."""

MAX_NUMBER: Final = 10**15
"""The largest size of a number in a cell of those sheets: a number must be
finite and from ``-MAX_NUMBER`` to ``MAX_NUMBER`` (Excel keeps 15 digits)."""

_SHEETS: Final = (
    AUDIT_SHEET,
    RATINGS_SHEET,
    EVIDENCE_SHEET,
    FINDINGS_SHEET,
    HISTORY_SHEET,
)
"""The sheets read, in the order their problems are listed."""

_REQUIRED_SHEETS: Final = _SHEETS[:3]
"""The sheets every audit workbook has; a workbook written before findings
were (without ``Bevindingen`` and ``Voortgang``) has no findings."""

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
    Goes once through the XML of a sheet, without keeping it: refuses what
    is beyond the limits as soon as it is seen, and keeps the value of
    each cell within them, read by *read_cell* (openpyxl's own reading of
    a cell: shared strings, dates by their number format).
    """

    def __init__(
        self,
        name: str,
        sheet: _Sheet,
        read_cell: Callable[[ElementTree.Element], Mapping[str, object]],
    ) -> None:
        self.name = name
        self.sheet = sheet
        self.read_cell = read_cell
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
        found = self.read_cell(element)["value"]
        if found is not None:
            self.sheet.values[row, column] = found

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
    return f"the number {plain_number(value)}"


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_text(value: object) -> str | None:
    # Free text, kept as it is; numbers typed in a text column are text.
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(plain_number(_checked(value)))
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
    if isinstance(value, str) and NUMBER.fullmatch(value.strip()):
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
    elif isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
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
    if isinstance(value, str) and value.strip().lower() in {YES, NO}:
        return value.strip().lower() == YES
    raise _CellError(f"expected {YES!r}, {NO!r} or nothing, got {_shown(value)}")


def _to_kind(value: object) -> EvidenceKind:
    kind = value.strip().lower() if isinstance(value, str) else value
    if isinstance(kind, str) and kind in KINDS:
        return cast("EvidenceKind", kind)
    found = "nothing" if _is_empty(value) else _shown(value)
    raise _CellError(f"expected one of {quoted_list(KINDS)}, got {found}")


def _choice(
    choices: Sequence[str], *, required: bool
) -> Callable[[object], str | None]:
    """
    A converter of a cell that holds one of *choices* (in any case).
    """

    def convert(value: object) -> str | None:
        if _is_empty(value) and not required:
            return None
        word = value.strip().lower() if isinstance(value, str) else None
        if word in choices:
            return word
        found = "nothing" if _is_empty(value) else _shown(value)
        raise _CellError(f"expected one of {quoted_list(choices)}, got {found}")

    return convert


def _to_step(value: object) -> int | None:
    # The number of a step of a finding's follow-up: its row on the
    # Voortgang sheet among the finding's rows, from 1.
    if _is_empty(value):
        return None
    try:
        number = None if isinstance(value, bool) else _to_number(value)
    except _CellError:
        number = None
    if number is not None and number.is_integer() and number >= 1:
        return int(number)
    raise _CellError(
        f"expected the number of a step on the sheet {HISTORY_SHEET!r} (1 for "
        f"the finding's first row there), got {_shown(value)}"
    )


def _to_ids(value: object) -> tuple[str, ...]:
    if _is_empty(value):
        return ()
    if not isinstance(value, str):
        raise _CellError(
            "expected checkpoint ids separated by commas, got " + _shown(value)
        )
    return tuple(part for part in IDS.split(value) if part)


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
        self, sheet: _Sheet, columns: Sequence[Column], required: Sequence[str]
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
    labels = {label.casefold(): key for key, label, _ in META}
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
        "kind": _choice(ASSESSMENT_KINDS, required=False),
        "journal_head": _to_word,
    }
    for key, label, _ in META:
        if key not in rows and key in OPTIONAL_META:
            continue
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
    required = ("id", "text", *RATING_INPUTS)
    columns = reader.columns(sheet, RATING_COLUMNS, required)
    if columns is None:
        return []
    rows: list[_RatingRow] = []
    first: dict[str, int] = {}
    inputs = [columns[key] for key in RATING_INPUTS]
    for row in range(DATA_ROW, sheet.max_row + 1):
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


def _read_evidence(
    reader: _Reader, sheet: _Sheet, findings: _Findings
) -> dict[str, list[Evidence]]:
    # The finding and step columns are optional: a workbook written before
    # findings were has none.
    optional = {"finding", "history", *EVIDENCE_FILE_KEYS}
    required = [c.key for c in EVIDENCE_COLUMNS if c.key not in optional]
    columns = reader.columns(sheet, EVIDENCE_COLUMNS, required)
    evidence: dict[str, list[Evidence]] = {}
    if columns is None:
        return evidence
    keys = [key for key in (c.key for c in EVIDENCE_COLUMNS) if key in columns]
    counts: dict[str, int] = {}
    for row in range(DATA_ROW, sheet.max_row + 1):
        raw = {key: sheet.value(row, columns[key]) for key in keys}
        if all(_is_empty(value) for value in raw.values()):
            for key in keys:  # a formula without a value is not empty
                reader.check(sheet, row, columns[key], ())
            continue
        if not _is_empty(raw.get("finding")) or not _is_empty(raw.get("history")):
            _read_finding_evidence(reader, sheet, row, columns, findings)
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


def _read_finding_evidence(
    reader: _Reader,
    sheet: _Sheet,
    row: int,
    columns: Mapping[str, int],
    findings: _Findings,
) -> None:
    """
    An evidence row of a finding, or of a step of its follow-up.
    """
    finding_place = _Place(sheet.title, row, columns["finding"])
    reader.check(sheet, row, columns["finding"], ())
    raw = sheet.value(row, columns["finding"])
    if _is_empty(raw):
        reader.add(
            "expected a finding id (a step is a step of a finding)", (), finding_place
        )
        findings.failed = True
        return
    fid = reader.convert(_to_word, raw, (), finding_place)
    if fid is None:
        findings.failed = True
        return
    found = findings.by_id.get(fid)
    if found is None:
        reader.add(
            f"no finding {fid!r} on the sheet {FINDINGS_SHEET!r}", (), finding_place
        )
        return
    where: tuple[PathElement, ...] = ("findings", found.index)
    step = None
    if "history" in columns:
        step_place = _Place(sheet.title, row, columns["history"])
        reader.check(sheet, row, columns["history"], ())
        try:
            step = _to_step(sheet.value(row, columns["history"]))
        except _CellError as exc:
            reader.add(exc.message, where, step_place)
            findings.failed = True
            return
        steps = len(findings.steps.get(found.index, ()))
        if step is not None and step > steps:
            reader.add(
                f"finding {fid!r} has {steps} step{'' if steps == 1 else 's'} on "
                f"the sheet {HISTORY_SHEET!r}, not {step}",
                where,
                step_place,
            )
            findings.failed = True
            return
    requirement_place = _Place(sheet.title, row, columns["requirement"])
    reader.check(sheet, row, columns["requirement"], ())
    given = sheet.value(row, columns["requirement"])
    requirement = (found.values or {}).get("requirement")
    if not _is_empty(given) and (
        not isinstance(given, str) or given.strip() != requirement
    ):
        reader.add(
            f"evidence of finding {fid!r} is about its requirement "
            f"{requirement!r}: expected that or nothing, got {_shown(given)}",
            where,
            requirement_place,
        )
        findings.failed = True
        return
    key = (found.index, None if step is None else step - 1)
    items = findings.evidence.setdefault(key, [])
    if step is not None:
        where = (*where, "history", step - 1)
    where = (*where, "evidence", len(items))
    reader.places[where] = finding_place
    item = _read_evidence_item(reader, sheet, row, where, columns)
    if item is None:
        findings.failed = True
    else:
        items.append(item)


@attrs.define
class _FindingRow:
    index: int  # among the findings, in the order of their rows
    row: int
    values: dict[str, object] | None  # None: a cell failed


@attrs.define
class _Step:
    row: int
    values: dict[str, object] | None


@attrs.define
class _Findings:
    """
    What the findings sheets hold, before the findings are built.
    """

    rows: list[_FindingRow] = attrs.Factory(list)
    by_id: dict[str, _FindingRow] = attrs.Factory(dict)
    # Finding index -> its steps; (finding index, step index or None) ->
    # the evidence of the finding or the step.
    steps: dict[int, list[_Step]] = attrs.Factory(dict)
    evidence: dict[tuple[int, int | None], list[Evidence]] = attrs.Factory(dict)
    failed: bool = False


_FINDING_CONVERTERS: Final[Mapping[str, Callable[[object], object]]] = {
    "id": _to_word,
    "requirement": _to_word,
    "checkpoint": _to_word,
    "kind": _choice(FINDING_CHOICES["kind"], required=True),
    "severity": _choice(FINDING_CHOICES["severity"], required=False),
    "text": _to_text,
    "owner": _to_text,
    "deadline": _to_date,
    "raised": _to_date,
    "review": _to_text,
}

_STEP_CONVERTERS: Final[Mapping[str, Callable[[object], object]]] = {
    "status": _choice(FINDING_CHOICES["status"], required=True),
    "date": _to_date,
    "by": _to_text,
    "note": _to_text,
}

_REQUIRED: Final = frozenset({"requirement", "text", "date"})
"""Cells of a finding or a step that must not be empty."""


def _row_values(
    reader: _Reader,
    at: tuple[_Sheet, int, Mapping[str, int]],
    converters: Mapping[str, Callable[[object], object]],
    where: tuple[PathElement, ...],
) -> dict[str, object] | None:
    """
    The converted cells of one row, or ``None`` with the problems recorded.
    """
    sheet, row, columns = at
    before = len(reader.problems)
    values: dict[str, object] = {}
    for key, convert in converters.items():
        path = (*where, key)
        raw, place = reader.cell(sheet, row, columns[key], path)
        value = reader.convert(convert, raw, path, place)
        if value is None and key in _REQUIRED and not isinstance(raw, str):
            reader.add("must not be empty", path, place)
        values[key] = value
    return None if len(reader.problems) > before else values


def _is_empty_row(sheet: _Sheet, row: int, columns: Mapping[str, int]) -> bool:
    return all(_is_empty(sheet.value(row, column)) for column in columns.values())


def _read_findings(reader: _Reader, sheets: Mapping[str, _Sheet]) -> _Findings:
    findings = _Findings()
    sheet = sheets.get(FINDINGS_SHEET)
    if sheet is None:
        return findings
    columns = reader.columns(sheet, FINDING_COLUMNS, [c.key for c in FINDING_COLUMNS])
    if columns is None:
        findings.failed = True
        return findings
    for row in range(DATA_ROW, sheet.max_row + 1):
        if _is_empty_row(sheet, row, columns):
            for column in columns.values():
                reader.check(sheet, row, column, ())
            continue
        id_place = _Place(sheet.title, row, columns["id"])
        where: tuple[PathElement, ...] = ("findings", len(findings.rows))
        reader.places[where] = id_place
        if _is_empty(sheet.value(row, columns["id"])):
            reader.check(sheet, row, columns["id"], ())
            reader.add("a row with entries needs a finding id", (), id_place)
            findings.failed = True
            continue
        values = _row_values(reader, (sheet, row, columns), _FINDING_CONVERTERS, where)
        found = _FindingRow(len(findings.rows), row, values)
        findings.rows.append(found)
        if values is None:
            findings.failed = True
        # Its steps and evidence find it even where another cell failed.
        try:
            fid = _to_word(sheet.value(row, columns["id"]))
        except _CellError:
            fid = None  # the id cell's problem is recorded
        if fid is not None:
            findings.by_id.setdefault(fid, found)
    _read_steps(reader, sheets, findings)
    return findings


def _read_steps(
    reader: _Reader, sheets: Mapping[str, _Sheet], findings: _Findings
) -> None:
    sheet = sheets.get(HISTORY_SHEET)
    if sheet is None:
        return
    columns = reader.columns(sheet, HISTORY_COLUMNS, [c.key for c in HISTORY_COLUMNS])
    if columns is None:
        findings.failed = True
        return
    for row in range(DATA_ROW, sheet.max_row + 1):
        if _is_empty_row(sheet, row, columns):
            for column in columns.values():
                reader.check(sheet, row, column, ())
            continue
        id_place = _Place(sheet.title, row, columns["finding"])
        reader.check(sheet, row, columns["finding"], ())
        raw = sheet.value(row, columns["finding"])
        fid = reader.convert(_to_word, raw, (), id_place)
        if fid is None:
            if not _is_empty(raw):  # the conversion's problem is recorded
                findings.failed = True
                continue
            reader.add("a row with entries needs a finding id", (), id_place)
            findings.failed = True
            continue
        found = findings.by_id.get(fid)
        if found is None:
            reader.add(
                f"no finding {fid!r} on the sheet {FINDINGS_SHEET!r}", (), id_place
            )
            findings.failed = True
            continue
        steps = findings.steps.setdefault(found.index, [])
        where: tuple[PathElement, ...] = (
            "findings",
            found.index,
            "history",
            len(steps),
        )
        reader.places[where] = id_place
        # A verified step without evidence: the status cell says verified.
        reader.places[(*where, "evidence")] = _Place(
            sheet.title, row, columns["status"]
        )
        values = _row_values(reader, (sheet, row, columns), _STEP_CONVERTERS, where)
        steps.append(_Step(row, values))
        if values is None:
            findings.failed = True


def _built_findings(reader: _Reader, findings: _Findings) -> tuple[Finding, ...]:
    """
    The findings; none where a cell or a finding failed (the positions of
    the others would no longer be those of their rows, and a problem is
    recorded already).
    """
    built: list[Finding] = []
    for found in findings.rows:
        where: tuple[PathElement, ...] = ("findings", found.index)
        history: list[FindingUpdate] = []
        for number, step in enumerate(findings.steps.get(found.index, ())):
            if step.values is None:
                continue
            try:
                history.append(
                    FindingUpdate(
                        **step.values,  # type: ignore[arg-type]
                        evidence=tuple(
                            findings.evidence.get((found.index, number), ())
                        ),
                    )
                )
            except ModelError as exc:
                for problem in exc.problems:
                    reader.add_located(problem.prefixed((*where, "history", number)))
        steps = findings.steps.get(found.index, [])
        if found.values is None or len(history) < len(steps):
            findings.failed = True
            continue
        try:
            built.append(
                Finding(
                    **found.values,  # type: ignore[arg-type]
                    evidence=tuple(findings.evidence.get((found.index, None), ())),
                    history=tuple(history),
                )
            )
        except ModelError as exc:
            for problem in exc.problems:
                reader.add_located(problem.prefixed(where))
            findings.failed = True
    return () if findings.failed else tuple(built)


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
    # A workbook written before issue 26 has no file columns.
    files = {
        key: reader.convert(_to_text, *cell(key))
        for key in EVIDENCE_FILE_KEYS
        if key in columns
    }
    raw, path, place = cell("reference")
    if _is_empty(raw) and not isinstance(raw, str):
        reader.add("must not be empty", path, place)
    if kind is None or reference is None or len(reader.problems) > before:
        return None
    try:
        return Evidence(
            kind=kind,
            reference=reference,
            date=date,
            valid_until=valid_until,
            **files,
        )
    except ModelError as exc:
        for problem in exc.problems:
            reader.add_located(problem.prefixed(where))
        return None


@checked
def read_workbook(
    path: str | os.PathLike[str],
    standard: Standard | None = None,
    *,
    extensions: Sequence[Extension] = (),
) -> Assessment:
    """
    The assessment of :func:`load_workbook`.

    .. deprecated:: 26.1
       Use ``load_workbook(path).assessment``.
    """
    warn("read_workbook()", "load_workbook(path).assessment")
    return load_workbook(path, standard, extensions=extensions).assessment


@checked
def load_workbook(
    path: str | os.PathLike[str],
    standard: Standard | None = None,
    *,
    extensions: Sequence[Extension] = (),
) -> Audit:
    """
    Read an audit workbook (as written by :func:`save_workbook` and
    filled in) and check it against its edition, as an
    :class:`~goudenoor.audit.Audit`.

    Args:
        path: The ``.xlsx`` file.
        standard: The standard to check against (default: the shipped
            edition the workbook names, with the extensions it lists
            applied, see :func:`goudenoor.standard_for`).
        extensions: Extensions to use for the ids the workbook lists,
            instead of looking them up among the installed ones.

    Returns:
        The audit: the assessment (its :attr:`~goudenoor.Assessment.source`
        set to *path*) with the standard it was checked against.

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
    require_openpyxl()
    name = refuse_empty_path(path)
    sheets = _open(name)
    reader = _Reader(name)
    meta = _read_metadata(reader, sheets[AUDIT_SHEET])
    rows = _read_rating_rows(reader, sheets[RATINGS_SHEET])
    found = _read_findings(reader, sheets)
    evidence = _read_evidence(reader, sheets[EVIDENCE_SHEET], found)
    ratings = _ratings(reader, rows, evidence)
    findings = _built_findings(reader, found)
    assessment = _assessment(reader, meta, ratings, findings)
    checked_against = None
    if assessment is not None:
        # Rows left empty are unrated, but their ids must still exist.
        listed = dict.fromkeys(reader.seen, Rating())
        checked_against = _check(
            reader,
            attrs.evolve(assessment, ratings=listed | dict(ratings)),
            standard,
            extensions,
        )
    if reader.problems or assessment is None or checked_against is None:
        order = {sheet: number for number, sheet in enumerate(_SHEETS)}
        problems = sorted(reader.problems, key=lambda p: _sort_key(p, name, order))
        raise ValidationError(problems, name)
    return Audit(assessment=assessment, standard=checked_against)


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

    # Without blocking, checked on the open descriptor: a named pipe or a
    # device is refused at once instead of waiting for a writer.
    data = read_regular(name, limit=MAX_BYTES)
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
            # Read-only: no sheet is parsed here; _scan parses each once.
            book = load_workbook(BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises anything on bad files
            raise FileFormatError(
                f"not an XLSX workbook ({_reason(exc)})", name
            ) from None
        try:
            missing = [
                sheet for sheet in _REQUIRED_SHEETS if sheet not in book.sheetnames
            ]
            if missing:
                raise FileFormatError(
                    f"not a goudenoor audit workbook: no sheet {quoted_list(missing)} "
                    f"(it has {quoted_list(book.sheetnames)})",
                    name,
                )
            sheets = _scan(name, data, book)
        finally:
            book.close()
    return sheets


def _reason(exc: Exception) -> str:
    # A KeyError names a missing part of the archive, in quotes.
    reason = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
    return str(reason) or type(exc).__name__


def _scan(name: str, data: bytes, book: Workbook) -> dict[str, _Sheet]:
    """
    The three sheets, each read in one pass over its XML: the values of
    their cells, their merged ranges and formulas without a value; refuses
    a sheet beyond the limits as soon as that is seen.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    sheets: dict[str, _Sheet] = {}
    title = ""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            parts = _sheet_parts(archive)
            for title in _SHEETS:
                if title not in parts and title not in _REQUIRED_SHEETS:
                    continue
                sheet = _Sheet(title)
                with archive.open(parts[title]) as stream:
                    # openpyxl's parser of a sheet, used one cell at a time
                    # (after the checks), set up as its read-only sheets set
                    # it up: the workbook's shared strings, date formats and
                    # epoch. (These private names are stable since 3.1.)
                    cells = WorkSheetParser(
                        stream,
                        book[title]._shared_strings,  # type: ignore[attr-defined]  # noqa: SLF001
                        data_only=True,
                        epoch=book.epoch,
                        date_formats=book._date_formats,  # type: ignore[attr-defined]  # noqa: SLF001
                        timedelta_formats=book._timedelta_formats,  # type: ignore[attr-defined]  # noqa: SLF001
                    )
                    _Scanner(name, sheet, cells.parse_cell).scan(stream)
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
    reader: _Reader,
    meta: _Meta,
    ratings: Mapping[str, Rating],
    findings: tuple[Finding, ...],
) -> Assessment | None:
    edition = meta.get("edition")
    organisation = meta.get("organisation")
    date = meta.get("date")
    scale = meta.get("scale")
    auditors = meta.get("auditors", ())
    extensions = meta.get("extensions", ())
    kind = meta.get("kind") or "audit"
    journal_head = meta.get("journal_head")
    if not (
        isinstance(edition, str)
        and isinstance(organisation, str)
        and isinstance(date, datetime.date)
        and isinstance(scale, str | None)
        and isinstance(auditors, tuple)
        and isinstance(extensions, tuple)
        and isinstance(journal_head, str | None)
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
            kind=kind,  # type: ignore[arg-type]
            findings=findings,
            journal_head=journal_head,
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
) -> Standard | None:
    if standard is None:
        try:
            standard = standard_for(assessment, extensions)
        except UnknownEditionError as exc:
            reader.add(str(exc), ("edition",), reader.place_of(("edition",)))
            return None
        except GoudenoorError as exc:
            reader.add(str(exc), ("extensions",), reader.place_of(("extensions",)))
            return None
    for problem in assessment_problems(assessment, standard):
        reader.add_located(problem)
    if assessment.edition == standard.id:  # else that is the one problem
        _check_texts(reader, standard)
    return standard


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
