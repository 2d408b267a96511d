"""
Registers (CSV, XLSX): streamed, fingerprinted, refused with the rows named.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from goudenoor.exceptions import FileFormatError
from goudenoor.files import read_register


def _write(path: Path, text: str) -> str:
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def _read(name: str, **options: str | None) -> list[tuple[str, str | None]]:
    return list(read_register(name, id_column="id", **options))


def test_semicolons_bom_and_hash(tmp_path: Path) -> None:
    """
    Dutch Excel's ';' and BOM; only the id and the stratum leave the reader;
    the SHA-256 is over the file's bytes.
    """
    name = _write(
        tmp_path / "r.csv", "\ufeffid;team;tekst\n A1 ;Noord;x, y\n\nB2;Zuid;z\n"
    )
    records = read_register(name, id_column="id", stratify="team")

    assert [("A1", "Noord"), ("B2", "Zuid")] == list(records)
    expected = hashlib.sha256(Path(name).read_bytes()).hexdigest()
    assert (expected, 2) == (records.sha256, records.records)


def test_tab_and_comma(tmp_path: Path) -> None:
    tab = _write(tmp_path / "t.csv", "id\tx\n1\ta,b\n")
    comma = _write(tmp_path / "c.csv", 'x,id\n"a;b",2\n')

    assert ([("1", None)], [("2", None)]) == (_read(tab), _read(comma))


def test_missing_id_column(tmp_path: Path) -> None:
    name = _write(tmp_path / "r.csv", "nummer;tekst\n1;x\n")
    with pytest.raises(FileFormatError) as caught:
        list(read_register(name, id_column="numer"))

    assert (
        f"{name}: no column 'numer' (the id column) in the header row; its "
        "columns are 'nummer', 'tekst'; did you mean 'nummer'?"
    ) == str(caught.value)


def test_missing_stratify_column(tmp_path: Path) -> None:
    name = _write(tmp_path / "r.csv", "id;tekst\n1;x\n")
    with pytest.raises(FileFormatError) as caught:
        _read(name, stratify="team")

    assert (
        f"{name}: no column 'team' (the stratify column) in the header row; its "
        "columns are 'id', 'tekst'"
    ) == str(caught.value)


def test_empty_and_repeated_ids_name_the_rows(tmp_path: Path) -> None:
    name = _write(tmp_path / "r.csv", "id;x\nA;1\n;2\nB;3\nA;4\n ;5\n")
    with pytest.raises(FileFormatError) as caught:
        _read(name)

    assert (
        f"{name}: records with an empty id in rows 3, 6; a repeated id: 'A' in "
        "rows 2 and 5: each record needs its own id (and a stratum to stratify by)"
    ) == str(caught.value)


def test_blank_rows_are_no_records(tmp_path: Path) -> None:
    """
    A row whose cells are all empty or spaces (Excel writes ';;') is
    skipped wherever the id column is; a row with text but no id is not.
    """
    name = _write(
        tmp_path / "r.csv",
        "tekst;id;team\n;;\n \t; ;  \ntekst;K1;Noord\n;K2;Zuid\n",
    )
    no_id = _write(tmp_path / "n.csv", "tekst;id\n;;\nx; \n")
    records = read_register(name, id_column="id", stratify="team")
    with pytest.raises(FileFormatError) as caught:
        _read(no_id)

    assert ([("K1", "Noord"), ("K2", "Zuid")], 2) == (
        list(records),
        records.records,
    )
    assert (
        f"{no_id}: records with an empty id in row 3: each record needs its own "
        "id (and a stratum to stratify by)"
    ) == str(caught.value)


def test_empty_register(tmp_path: Path) -> None:
    empty = _write(tmp_path / "e.csv", "")
    header = _write(tmp_path / "h.csv", "id;x\n\n")
    with pytest.raises(FileFormatError) as no_header:
        _read(empty)
    with pytest.raises(FileFormatError) as no_records:
        _read(header)

    assert (
        f"{empty}: the register is empty: expected a header row naming the columns"
    ) == str(no_header.value)
    assert (
        f"{header}: the register holds no records: expected a row per record "
        "below the header row"
    ) == str(no_records.value)


def test_folder_and_pipe_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    with pytest.raises(FileFormatError) as folder:
        _read(str(tmp_path))
    with pytest.raises(FileFormatError) as fifo:
        _read(str(pipe))

    assert f"{tmp_path}: is a folder, not a file" == str(folder.value)
    assert f"{pipe}: not a regular file (a device, named pipe or socket)" == str(
        fifo.value
    )


def test_xlsx_first_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "team", "tekst"])
    sheet.append([1234.0, "Noord", "vrije tekst"])
    sheet.append(["K-2", "Zuid", None])
    path = tmp_path / "r.xlsx"
    book.save(path)
    records = read_register(path, id_column="id", stratify="team")

    assert [("1234", "Noord"), ("K-2", "Zuid")] == list(records)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == records.sha256
