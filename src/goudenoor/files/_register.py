"""
Registers of records to draw a sample from (a complaint register): a CSV
file, or the first sheet of an XLSX workbook (the ``xlsx`` extra).

A register is read as it is drawn from, record by record, in one pass:
time grows with its size and memory with the number of its ids (each is
remembered, to find the repeated ones), never with what the records hold.
Only two cells of a record leave the reader, its id and its stratum: a
complaint register holds personal data, and free text is never copied.

**CSV**: UTF-8, a byte order mark allowed; the delimiter (``,``, ``;``
or a tab) is the one the header line holds most of (Dutch Excel writes
``;``); quotes as Excel writes them. **XLSX**: the first sheet, its first
row the header; a whole number stored as a number (``1234.0``) is the id
``1234``.

The first row names the columns (a spreadsheet's row 1); every later row
that is not blank is a record. An id is its cell's text without the
spaces around it; an empty or a repeated id is refused, naming the rows
as a spreadsheet numbers them. The register's SHA-256 is over the file's
bytes, as read: the fingerprint a sample records.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from goudenoor.exceptions import FileFormatError, MissingExtraError
from goudenoor.files._parse import open_regular, refuse_empty_path
from goudenoor.problems import close_matches, did_you_mean, excerpt


__all__ = ["RegisterRecords", "read_register"]


def __dir__() -> list[str]:
    return __all__


_DELIMITERS = (";", "\t", ",")
"""The delimiters a CSV register may use; on a tie, the first."""

_SHOWN_ROWS = 5
"""The most rows an error names of each kind (then: and N more)."""

_CHUNK = 1 << 16


class _Hashing(io.RawIOBase):
    """A raw reader of *fd* that feeds every byte it reads to a SHA-256."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._file = open(fd, "rb", buffering=0, closefd=False)  # noqa: SIM115 - closed with self
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = self._file.readinto(buffer)
        if count:
            self.digest.update(memoryview(buffer)[:count])
        return count or 0

    def close(self) -> None:
        self._file.close()
        super().close()


class RegisterRecords:
    """
    The records of a register, as ``(id, stratum)`` pairs (the stratum
    ``None`` without *stratify*), read from the file as they are iterated
    (once): what :func:`goudenoor.audit.draw` takes.

    After the iteration, :attr:`sha256` is the SHA-256 of the file and
    :attr:`records` the number of records.

    Raises:
        FileFormatError: While iterating: the file is not a regular
            file, not UTF-8, not a workbook; it has no header, no id or
            stratify column, no record, or records with an empty or a
            repeated id, or an empty stratum (the rows named).
        MissingExtraError: An XLSX register without openpyxl.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        id_column: str,
        stratify: str | None = None,
    ) -> None:
        self.path = refuse_empty_path(path)
        self.id_column = id_column
        self.stratify = stratify
        self._sha256: str | None = None
        self._records: int | None = None

    @property
    def sha256(self) -> str:
        """The SHA-256 of the file, 64 lowercase hex digits (once read)."""
        if self._sha256 is None:
            msg = "the register's SHA-256 is known once its records are read"
            raise RuntimeError(msg)
        return self._sha256

    @property
    def records(self) -> int:
        """The number of records (once read)."""
        if self._records is None:
            msg = "the register's records are counted once they are read"
            raise RuntimeError(msg)
        return self._records

    def __iter__(self) -> Iterator[tuple[str, str | None]]:
        name = self.path
        with open_regular(name) as fd:
            if Path(name).suffix.lower() == ".xlsx":
                yield from self._xlsx(fd)
            else:
                yield from self._csv(fd)

    def _csv(self, fd: int) -> Iterator[tuple[str, str | None]]:
        raw = _Hashing(fd)
        text = io.TextIOWrapper(
            io.BufferedReader(raw, _CHUNK), encoding="utf-8-sig", newline=""
        )
        try:
            header = text.readline()
            delimiter = max(_DELIMITERS, key=header.count)
            columns = next(csv.reader([header], delimiter=delimiter), [])
            rows = csv.reader(text, delimiter=delimiter)
            yield from self._records_of(columns, rows)
            # Whatever follows the last record (nothing, as a rule) is part
            # of the file's fingerprint too.
            while text.read(_CHUNK):
                pass
        except UnicodeDecodeError:
            raise FileFormatError(
                "not UTF-8 text: save the register as CSV UTF-8", self.path
            ) from None
        except csv.Error as exc:
            raise FileFormatError(f"not a CSV file: {exc}", self.path) from None
        except OSError as exc:
            raise FileFormatError(
                f"cannot read file: {exc.strerror}", self.path
            ) from None
        self._sha256 = raw.digest.hexdigest()

    def _xlsx(self, fd: int) -> Iterator[tuple[str, str | None]]:
        try:
            from openpyxl import load_workbook
        except ImportError:
            raise MissingExtraError(
                "reading an XLSX register", "xlsx", "openpyxl"
            ) from None
        with open(fd, "rb", closefd=False) as file:
            try:
                digest = hashlib.file_digest(file, "sha256").hexdigest()
                file.seek(0)
                book = load_workbook(file, read_only=True, data_only=True)
            except (zipfile.BadZipFile, KeyError, ValueError, OSError):
                raise FileFormatError(
                    "not an XLSX workbook (expected a .xlsx file, or a CSV file "
                    "with another name)",
                    self.path,
                ) from None
            try:
                sheet = book.worksheets[0]
                rows = (
                    [_cell_text(value) for value in row]
                    for row in sheet.iter_rows(values_only=True)
                )
                columns = next(rows, [])
                yield from self._records_of(columns, rows)
            finally:
                book.close()
        self._sha256 = digest

    def _records_of(
        self, columns: Sequence[str], rows: Iterable[Sequence[str]]
    ) -> Iterator[tuple[str, str | None]]:
        names = [column.strip() for column in columns]
        if not any(names):
            raise FileFormatError(
                "the register is empty: expected a header row naming the columns",
                self.path,
            )
        at = self._column(names, self.id_column, "the id column")
        group = (
            None
            if self.stratify is None
            else self._column(names, self.stratify, "the stratify column")
        )
        first: dict[str, int] = {}
        empty: list[int] = []
        unnamed: list[int] = []
        repeated: list[tuple[str, int, int]] = []
        count = 0
        for number, row in enumerate(rows, start=2):
            ident = row[at].strip() if at < len(row) else ""
            # A row with an id is no blank row: only the others are looked
            # at cell by cell (once per record, this is the hot path).
            if not ident and not any(cell.strip() for cell in row):
                continue  # a blank row is no record (Excel writes ';;;')
            stratum = None
            if group is not None:
                stratum = row[group].strip() if group < len(row) else ""
                if not stratum:
                    unnamed.append(number)
                    continue
            if not ident:
                empty.append(number)
                continue
            seen = first.setdefault(ident, number)
            if seen != number:
                repeated.append((ident, seen, number))
                continue
            count += 1
            if empty or repeated or unnamed:
                continue  # refused at the end: the draw sees no more
            yield ident, stratum
        self._refuse(empty, repeated, unnamed)
        if count == 0:
            raise FileFormatError(
                "the register holds no records: expected a row per record "
                "below the header row",
                self.path,
            )
        self._records = count

    def _column(self, names: list[str], wanted: str, option: str) -> int:
        if names.count(wanted) > 1:
            places = [str(i + 1) for i, name in enumerate(names) if name == wanted]
            raise FileFormatError(
                f"the column {excerpt(wanted)} ({option}) appears more than once "
                f"(columns {', '.join(places)}): expected one column of that name",
                self.path,
            )
        if wanted not in names:
            found = ", ".join(excerpt(name) for name in names if name)
            raise FileFormatError(
                f"no column {excerpt(wanted)} ({option}) in the header row; its "
                f"columns are {found}{did_you_mean(close_matches(wanted, names))}",
                self.path,
            )
        return names.index(wanted)

    def _refuse(
        self,
        empty: list[int],
        repeated: list[tuple[str, int, int]],
        unnamed: list[int],
    ) -> None:
        parts = []
        if empty:
            parts.append(f"an empty id in {_rows(empty)}")
        if repeated:
            shown = "; ".join(
                f"{excerpt(ident)} in rows {seen} and {row}"
                for ident, seen, row in repeated[:_SHOWN_ROWS]
            )
            more = len(repeated) - _SHOWN_ROWS
            parts.append(
                f"a repeated id: {shown}" + (f" and {more} more" if more > 0 else "")
            )
        if unnamed:
            parts.append(
                f"an empty {excerpt(str(self.stratify))} (the stratify column) in "
                f"{_rows(unnamed)}"
            )
        if parts:
            raise FileFormatError(
                "records with "
                + "; ".join(parts)
                + ": each record needs its own id (and a stratum to stratify by)",
                self.path,
            )


def _rows(numbers: list[int]) -> str:
    shown = ", ".join(str(number) for number in numbers[:_SHOWN_ROWS])
    more = len(numbers) - _SHOWN_ROWS
    word = "row" if len(numbers) == 1 else "rows"
    return f"{word} {shown}" + (f" and {more} more" if more > 0 else "")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_register(
    path: str | os.PathLike[str], *, id_column: str, stratify: str | None = None
) -> RegisterRecords:
    """
    The records of the register *path* (CSV, or an ``.xlsx`` workbook's
    first sheet), read as they are iterated: see :class:`RegisterRecords`.

    Args:
        path: The register file (not ``-``: its fingerprint is over the
            file's bytes).
        id_column: The column that holds each record's id.
        stratify: The column to stratify by, if any.
    """
    return RegisterRecords(path, id_column=id_column, stratify=stratify)
