"""
The rows of a CISO Assistant audit as a file, and back: CSV as CISO
Assistant's data wizard reads it (UTF-8 with a byte order mark, ``,``
between cells: ``pd.read_csv(record_file, encoding="utf-8-sig")`` in
``backend/data_wizard/views.py`` at f990d7b1b; lines ended by CR LF), or
an XLSX workbook of one sheet (the ``xlsx`` extra). CISO Assistant's own
audit export writes ``;`` (``compliance_assessment_csv`` in
``backend/core/views.py``), which the reader takes too.

Writing: every text cell goes through ``visible_controls`` (a control
character is written as its visible ``\\u`` escape, never raw) and
``spreadsheet_text`` (a text a spreadsheet would run as a formula gets a
leading apostrophe), in the CSV and in the workbook alike; numbers are
numbers, ``assessable`` is ``True`` or ``False`` (as pandas, which CISO
Assistant's import reads with, parses them).

Reading: the first row names the columns (their case and the spaces
around them do not matter, as in CISO Assistant's ``normalize_df_columns``),
each later row that is not blank is a mapping of column to cell; a CSV's
delimiter is the one its header line holds most of (``;``, ``,`` or a
tab). A workbook is read from its first sheet.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping, Sequence
from typing import Final

from goudenoor._text import spreadsheet_text, visible_controls
from goudenoor.exceptions import FileFormatError, MissingExtraError
from goudenoor.files._parse import STDIN, read_regular, read_stdin


__all__ = [
    "ciso_assistant_audit_csv",
    "ciso_assistant_audit_xlsx",
    "read_ciso_assistant_audit",
]


def __dir__() -> list[str]:
    return __all__


MAX_BYTES: Final = 32 * 1024 * 1024
"""The largest audit export read, in bytes."""

MAX_UNPACKED: Final = 256 * 1024 * 1024
"""The most bytes the parts of a workbook may unpack to (no zip bombs)."""

_DELIMITERS: Final = (";", ",", "\t")
_SHEET: Final = "audit"


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, str):
        return spreadsheet_text(visible_controls(value))
    return value


def ciso_assistant_audit_csv(
    rows: Sequence[Mapping[str, object]], columns: Sequence[str]
) -> str:
    """
    *rows* as the text of a CSV file that CISO Assistant's data wizard
    reads: a byte order mark, a header line of *columns*, ``,`` between
    cells, CR LF after each line.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def ciso_assistant_audit_xlsx(
    rows: Sequence[Mapping[str, object]], columns: Sequence[str]
) -> bytes:
    """
    *rows* as an XLSX workbook of one sheet, ``audit``: a header row of
    *columns*, then a row each; texts as texts (never formulas), numbers
    as numbers, ``assessable`` as the texts ``True`` and ``False``.

    Raises:
        MissingExtraError: openpyxl is not installed.
    """
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError(
            "writing an XLSX audit for CISO Assistant", "xlsx", "openpyxl"
        ) from None
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has its sheet
    sheet.title = _SHEET
    sheet.append(list(columns))
    for row in rows:
        sheet.append([_cell(row.get(column)) for column in columns])
    for line in sheet.iter_rows():
        for cell in line:
            # openpyxl takes a text starting with "=" for a formula: every
            # text is a text (spreadsheet_text quoted it already).
            if isinstance(cell.value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_ciso_assistant_audit(name: str) -> list[dict[str, object]]:
    """
    The rows of the audit export *name* (``-``: standard input): a CSV
    file or an XLSX workbook (told apart by their first bytes), each row
    a mapping of its column (lowercase) to its cell.

    Raises:
        FileFormatError: The file cannot be read, is larger than
            ``MAX_BYTES`` (32 MiB), is not UTF-8 CSV nor an XLSX workbook, has
            no header row or a column twice.
        MissingExtraError: A workbook without openpyxl.
    """
    source = STDIN if name == "-" else name
    data = read_stdin() if name == "-" else read_regular(name, limit=MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise FileFormatError(
            f"file is more than the limit of {MAX_BYTES:,} bytes", source
        )
    if data.startswith(b"PK\x03\x04"):
        table = _xlsx_rows(data, source)
    else:
        table = _csv_rows(data, source)
    header = [str(cell).strip().lower() for cell in (table[0] if table else [])]
    if not any(header):
        raise FileFormatError(
            "no header row: expected a first row naming the columns (ref_id, "
            "compliance_result, score, observations, ...)",
            source,
        )
    twice = sorted({column for column in header if column and header.count(column) > 1})
    if twice:
        raise FileFormatError(
            f"the column {', '.join(twice)} appears more than once: expected "
            "each column once",
            source,
        )
    rows = []
    for cells in table[1:]:
        if not any(str(cell).strip() for cell in cells if cell is not None):
            continue  # a blank row (Excel writes ';;;')
        rows.append(
            {
                column: cells[index] if index < len(cells) else None
                for index, column in enumerate(header)
                if column
            }
        )
    return rows


def _csv_rows(data: bytes, source: str) -> list[list[object]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileFormatError(
            "neither an XLSX workbook nor UTF-8 text: save the export as CSV "
            "UTF-8 or XLSX",
            source,
        ) from None
    header = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=header.count)
    try:
        return [
            list(row)
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise FileFormatError(f"not a CSV file: {exc}", source) from None


def _xlsx_rows(data: bytes, source: str) -> list[list[object]]:
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise MissingExtraError(
            "reading an XLSX audit of CISO Assistant", "xlsx", "openpyxl"
        ) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        unpacked = 0  # refused below, by openpyxl's reading
    if unpacked > MAX_UNPACKED:
        raise FileFormatError(
            f"unpacks to {unpacked:,} bytes, more than the limit of "
            f"{MAX_UNPACKED:,} bytes",
            source,
        )
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises anything on bad files
        raise FileFormatError(
            "not an XLSX workbook (expected a .xlsx file, or a CSV file)", source
        ) from None
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
