"""
Reading audit workbooks safely: the limits of a workbook (far cells, cell
counts, numbers), merged cells, formulas without a calculated value and
ids that do not match their row (issue 13).

The workbooks are made with openpyxl and, where openpyxl cannot write
what a file may hold (a number of 310 digits), by editing a sheet's XML.
The messages asserted are goudenoor's own.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.files import xlsx


SHEET_PARTS = {
    xlsx.AUDIT_SHEET: "xl/worksheets/sheet1.xml",
    xlsx.RATINGS_SHEET: "xl/worksheets/sheet2.xml",
    xlsx.EVIDENCE_SHEET: "xl/worksheets/sheet3.xml",
}
PLACEHOLDER = 987_654_321  # a number put in a cell, then replaced in the XML
BIG = "1" + "0" * 309  # 310 digits: too large for a float


@pytest.fixture(name="example")
def _example() -> go.Assessment:
    return go.load_assessment(EXAMPLE_AUDIT)


@pytest.fixture(name="path")
def _path(tmp_path: Path, example: go.Assessment) -> Path:
    """
    The example audit as a workbook.
    """
    path = tmp_path / "audit.xlsx"
    xlsx.save_workbook(go.standard_for(example), path, assessment=example)
    return path


def edit(
    path: Path,
    sheet: str,
    cells: dict[str, Any] | None = None,
    merge: str | None = None,
    row_height: int | None = None,
) -> None:
    """
    Change *path* with openpyxl: set *cells*, merge a range, give a row a
    height.
    """
    book = openpyxl.load_workbook(path)
    for coordinate, value in (cells or {}).items():
        book[sheet][coordinate] = value
    if merge is not None:
        book[sheet].merge_cells(merge)
    if row_height is not None:
        book[sheet].row_dimensions[row_height].height = 30
    book.save(path)


def patch(path: Path, sheet: str, pattern: str, replacement: str) -> None:
    """
    Replace the one match of *pattern* in the XML of *sheet*.
    """
    part = SHEET_PARTS[sheet]
    out = BytesIO()
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                text, count = re.subn(pattern, replacement, content.decode())
                assert 1 == count, pattern
                content = text.encode()
            target.writestr(info, content)
    path.write_bytes(out.getvalue())


def put_number(path: Path, sheet: str, cell: str, text: str) -> None:
    """
    Put a number in *cell* as its XML text *text*, which openpyxl could
    not write.
    """
    edit(path, sheet, {cell: PLACEHOLDER})
    patch(path, sheet, f"<v>{PLACEHOLDER}</v>", f"<v>{text}</v>")


def error(path: Path) -> str:
    """
    The message of reading *path*, without its folder.
    """
    with pytest.raises(go.GoudenoorError) as info:
        xlsx.load_workbook(path)
    return str(info.value).replace(str(path.parent) + "/", "")


class TestLimits:
    @pytest.mark.parametrize(
        ("sheet", "cell", "limit"),
        [
            (xlsx.RATINGS_SHEET, "A1048576", "10,000 rows"),
            (xlsx.RATINGS_SHEET, "G10001", "10,000 rows"),
            (xlsx.EVIDENCE_SHEET, "XFD3", "100 columns (up to CV)"),
            (xlsx.AUDIT_SHEET, "CW1", "100 columns (up to CV)"),
        ],
    )
    def test_far_cell(self, path: Path, sheet: str, cell: str, limit: str) -> None:
        """
        A cell beyond the limits is refused as soon as it is seen, named.
        (A workbook with one cell at row 1,048,576 took 55 s and 1.5 GB.)
        """
        edit(path, sheet, {cell: "x"})

        assert (
            f"audit.xlsx: the cell {sheet}!{cell} is beyond the limit of {limit}"
        ) == error(path)

    def test_last_cell_within_the_limits(
        self, path: Path, example: go.Assessment
    ) -> None:
        """
        A cell in the last row and column is read (and ignored).
        """
        edit(path, xlsx.RATINGS_SHEET, {"CV10000": "x"})

        assert example == xlsx.load_workbook(path).assessment

    def test_far_row_without_cells(self, path: Path) -> None:
        """
        An empty row beyond the limit (a row given a height) is refused.
        """
        edit(path, xlsx.RATINGS_SHEET, row_height=20_000)

        assert (
            "audit.xlsx: the row Beoordeling!20000:20000 is beyond the limit of "
            "10,000 rows"
        ) == error(path)

    def test_far_merged_cells(self, path: Path) -> None:
        patch(
            path,
            xlsx.EVIDENCE_SHEET,
            "</sheetData>",
            '</sheetData><mergeCells count="1"><mergeCell ref="A9999:B10001"/>'
            "</mergeCells>",
        )

        assert (
            "audit.xlsx: the cell Bewijs!B10001 is beyond the limit of 10,000 rows"
        ) == error(path)

    def test_declared_dimension_not_trusted(
        self, path: Path, example: go.Assessment
    ) -> None:
        """
        A sheet that claims to span every row and column reads as it is.
        """
        patch(
            path,
            xlsx.RATINGS_SHEET,
            r'<dimension ref="[A-Z0-9:]+" ?/>',
            '<dimension ref="A1:XFD1048576"/>',
        )

        assert example == xlsx.load_workbook(path).assessment

    def test_too_many_cells(self, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(xlsx._reader, "MAX_CELLS", 10)

        assert (
            "audit.xlsx: the sheet 'Audit' has more than the limit of 10 cells"
        ) == error(path)

    def test_too_many_rows(self, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """
        Rows are counted too (a file may repeat a row number).
        """
        patch(
            path,
            xlsx.EVIDENCE_SHEET,
            "<sheetData>",
            "<sheetData>" + '<row r="1"/>' * 10_001,
        )

        assert (
            "audit.xlsx: the sheet 'Bewijs' has more than the limit of 10,000 rows"
        ) == error(path)

    @pytest.mark.parametrize(
        ("reference", "reason"),
        [
            ('r="A0"', "Beoordeling: 'A0' is not a cell reference"),
            ('r="AAAA3"', "Beoordeling: 'AAAA3' is not a cell reference"),
        ],
    )
    def test_bad_reference(self, path: Path, reference: str, reason: str) -> None:
        patch(path, xlsx.RATINGS_SHEET, 'r="G3"', reference)

        assert f"audit.xlsx: {reason}" == error(path)

    def test_bad_row_number(self, path: Path) -> None:
        patch(path, xlsx.RATINGS_SHEET, '<row r="3"', '<row r="-3"')

        assert "audit.xlsx: Beoordeling: '-3' is not a row number" == error(path)

    def test_cost_of_a_far_cell(self, path: Path) -> None:
        """
        Refusing a far cell reads no further: the one pass over the sheet
        stops at the cell, and the sheets after it are never read.
        """
        edit(path, xlsx.RATINGS_SHEET, {"A1048576": "x"})
        sheets: list[Any] = []
        original = xlsx._reader._Sheet

        class Counted(original):  # type: ignore[misc, valid-type]
            def __init__(self, title: str) -> None:
                super().__init__(title)
                sheets.append(self)

        with pytest.MonkeyPatch.context() as patcher:
            patcher.setattr(xlsx._reader, "_Sheet", Counted)
            error(path)

        assert [xlsx.AUDIT_SHEET, xlsx.RATINGS_SHEET] == [s.title for s in sheets]
        assert [] == [cell for cell in sheets[1].values if cell[0] == 1048576]


class TestNumbers:
    @pytest.mark.parametrize(
        ("sheet", "cell"),
        [
            (xlsx.RATINGS_SHEET, "G3"),  # a value
            (xlsx.RATINGS_SHEET, "K3"),  # a note
            (xlsx.RATINGS_SHEET, "A3"),  # an id
            (xlsx.EVIDENCE_SHEET, "D3"),  # an evidence date (a date cell)
            (xlsx.AUDIT_SHEET, "B6"),  # the audit date (a date cell)
            (xlsx.AUDIT_SHEET, "F40"),  # a cell that is not read
        ],
    )
    def test_huge_integer(self, path: Path, sheet: str, cell: str) -> None:
        """
        An integer of 310 digits raised OverflowError wherever it was.
        """
        put_number(path, sheet, cell, BIG)

        assert (
            f"audit.xlsx: the cell {sheet}!{cell} holds a number of 310 "
            "characters; a number in a workbook must be finite and from -1e+15 "
            "to 1e+15"
        ) == error(path)

    @pytest.mark.parametrize(
        "text", ["1e400", "-1E+16", "1000000000000001", "NaN", "inf", "1x"]
    )
    def test_out_of_range(self, path: Path, text: str) -> None:
        put_number(path, xlsx.RATINGS_SHEET, "G3", text)

        assert (
            f"audit.xlsx: the cell Beoordeling!G3 holds the number {text}; a "
            "number in a workbook must be finite and from -1e+15 to 1e+15"
        ) == error(path)

    @pytest.mark.parametrize("text", ["1e15", "-1000000000000000", "2.5E0"])
    def test_within_range(self, path: Path, text: str) -> None:
        """
        Numbers within the range are read (a note keeps a number as text).
        """
        put_number(path, xlsx.RATINGS_SHEET, "K3", text)

        rating = xlsx.load_workbook(path).assessment.ratings["1.1"]

        assert str(xlsx._layout.plain_number(float(text))) == rating.note

    def test_huge_number_typed_as_text(self, path: Path) -> None:
        edit(path, xlsx.RATINGS_SHEET, {"G3": "9" * 310})

        assert (
            'audit.xlsx[Beoordeling]:3:7 ratings."1.1".value: expected a number '
            "from -1e+15 to 1e+15, got text '9999999999999999999999999999999999..."
        ) == error(path)

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (10**310, "a number of more than 40 digits"),
            (10**16, "the number 10000000000000000"),
            (-1e300, "the number -1e+300"),
            (float("inf"), "the number inf"),
            (float("nan"), "the number nan"),
        ],
    )
    def test_checked_before_arithmetic(self, value: float, shown: str) -> None:
        """
        Whatever reaches the conversions is checked before float() (the
        scan keeps such numbers out of a file; this is the second line).
        """
        for convert in (xlsx._reader._to_number, xlsx._reader._to_text):
            with pytest.raises(xlsx._reader._CellError) as info:
                convert(value)
            assert f"expected a number from -1e+15 to 1e+15, got {shown}" == str(
                info.value
            )


class TestMergedCells:
    def test_merged_values(self, path: Path, example: go.Assessment) -> None:
        """
        Merging 26 value cells dropped 25 ratings (the total went from
        50.00 to 1.50) and the import succeeded.
        """
        edit(path, xlsx.RATINGS_SHEET, merge="G3:G28")

        assert (
            'audit.xlsx[Beoordeling]:3:7 ratings."1.1".value: Beoordeling!G3 is '
            "one of the merged cells Beoordeling!G3:G28, of which only the first "
            "keeps a value; unmerge them"
        ) == error(path)

    def test_merged_across_columns(self, path: Path) -> None:
        """
        The first cell read of merged cells names the range.
        """
        edit(path, xlsx.RATINGS_SHEET, merge="F5:H5")

        assert (
            'audit.xlsx[Beoordeling]:5:7 ratings."1.3".value: Beoordeling!G5 is '
            "one of the merged cells Beoordeling!F5:H5, of which only the first "
            "keeps a value; unmerge them"
        ) == error(path)

    def test_merged_metadata(self, path: Path) -> None:
        edit(path, xlsx.AUDIT_SHEET, merge="B5:C5")

        assert (
            "audit.xlsx[Audit]:5:2 organisation: Audit!B5 is one of the merged "
            "cells Audit!B5:C5, of which only the first keeps a value; unmerge "
            "them"
        ) == error(path)

    def test_merged_evidence(self, path: Path) -> None:
        edit(path, xlsx.EVIDENCE_SHEET, merge="C3:C4")

        assert (
            "2 problems in audit.xlsx:\n"
            '  audit.xlsx[Bewijs]:3:3 ratings."1.1".evidence[0].reference: '
            "Bewijs!C3 is one of the merged cells Bewijs!C3:C4, of which only the "
            "first keeps a value; unmerge them\n"
            '  audit.xlsx[Bewijs]:4:3 ratings."1.1".evidence[1].reference: must '
            "not be empty"
        ) == error(path)

    def test_merged_cells_not_read(self, path: Path, example: go.Assessment) -> None:
        """
        Merged cells the import does not read are no problem.
        """
        edit(path, xlsx.RATINGS_SHEET, merge="E3:F10")
        edit(path, xlsx.AUDIT_SHEET, merge="D3:F4")

        assert example == xlsx.load_workbook(path).assessment


class TestFormulas:
    def test_formula_without_value(self, path: Path) -> None:
        """
        A formula no program calculated imported as unrated.
        """
        edit(path, xlsx.RATINGS_SHEET, {"G3": "=1+2"})

        assert (
            'audit.xlsx[Beoordeling]:3:7 ratings."1.1".value: Beoordeling!G3 '
            "holds a formula without a calculated value; let a spreadsheet "
            "program calculate and save the workbook, or type the value"
        ) == error(path)

    def test_formula_in_an_empty_row(self, path: Path) -> None:
        edit(path, xlsx.EVIDENCE_SHEET, {"B40": "=A1"})

        assert (
            "audit.xlsx[Bewijs]:40:2: Bewijs!B40 holds a formula without a "
            "calculated value; let a spreadsheet program calculate and save the "
            "workbook, or type the value"
        ) == error(path)

    def test_formula_in_a_row_without_id(self, path: Path) -> None:
        edit(path, xlsx.RATINGS_SHEET, {"A3": None, "G3": "=1+2"})

        assert (
            "2 problems in audit.xlsx:\n"
            "  audit.xlsx[Beoordeling]:3:1: a row with entries needs a requirement "
            "id\n"
            "  audit.xlsx[Beoordeling]:3:7: Beoordeling!G3 holds a formula without "
            "a calculated value; let a spreadsheet program calculate and save "
            "the workbook, or type the value"
        ) == error(path)

    def test_formula_with_value(self, path: Path, example: go.Assessment) -> None:
        """
        A calculated formula reads as its value.
        """
        edit(path, xlsx.RATINGS_SHEET, {"G3": "=1+1"})
        patch(path, xlsx.RATINGS_SHEET, r"<f>1\+1</f><v ?/>", "<f>1+1</f><v>2</v>")

        assert 2 == xlsx.load_workbook(path).assessment.ratings["1.1"].value
        assert 2 != example.ratings["1.1"].value

    def test_formula_with_empty_text(self, path: Path) -> None:
        """
        A formula calculated to an empty text is an empty cell.
        """
        edit(path, xlsx.RATINGS_SHEET, {"K3": "=1"})
        patch(
            path,
            xlsx.RATINGS_SHEET,
            r'<c r="K3"([^>]*)><f>1</f><v ?/>',
            r'<c r="K3"\1 t="str"><f>""</f><v></v>',
        )

        assert xlsx.load_workbook(path).assessment.ratings["1.1"].note is None


class TestIds:
    def test_swapped_ids(self, path: Path) -> None:
        """
        Swapping two ids swapped values and notes, but not the evidence.
        """
        edit(path, xlsx.RATINGS_SHEET, {"A3": "1.2", "A4": "1.1"})

        assert (
            "2 problems in audit.xlsx:\n"
            "  audit.xlsx[Beoordeling]:3:1 ratings.\"1.2\": the id '1.2' in "
            "Beoordeling!A3 does not match its row: Beoordeling!D3 holds the text "
            "of requirement '1.1'; the ids and texts of the requirements must not "
            "be changed\n"
            "  audit.xlsx[Beoordeling]:4:1 ratings.\"1.1\": the id '1.1' in "
            "Beoordeling!A4 does not match its row: Beoordeling!D4 holds the text "
            "of requirement '1.2'; the ids and texts of the requirements must not "
            "be changed"
        ) == error(path)

    @pytest.mark.parametrize(
        ("text", "found"), [("Iets anders", "another text"), (None, "nothing")]
    )
    def test_changed_text(self, path: Path, text: str | None, found: str) -> None:
        edit(path, xlsx.RATINGS_SHEET, {"D4": text})

        assert (
            "audit.xlsx[Beoordeling]:4:1 ratings.\"1.2\": the id '1.2' in "
            f"Beoordeling!A4 does not match its row: Beoordeling!D4 holds {found}; "
            "the ids and texts of the requirements must not be changed"
        ) == error(path)

    def test_spacing_of_the_text(self, path: Path, example: go.Assessment) -> None:
        """
        Only the words count: a spreadsheet program may change line breaks.
        """
        book = openpyxl.load_workbook(path)
        cell = book[xlsx.RATINGS_SHEET]["D4"]
        cell.value = "  " + "\n".join(str(cell.value).split()) + " "
        book.save(path)

        assert example == xlsx.load_workbook(path).assessment

    def test_text_column_needed(self, path: Path) -> None:
        edit(path, xlsx.RATINGS_SHEET, {"D1": None})

        assert (
            "audit.xlsx[Beoordeling]:1: no column 'Tekst' (text) in the header row"
        ) == error(path)


class TestDefusedXML:
    """
    The ``xlsx`` extra installs defusedxml, and openpyxl parses the
    workbooks through it (issue 23).
    """

    def test_openpyxl_uses_defusedxml(self) -> None:
        """
        openpyxl found defusedxml and parses sheet XML with its functions,
        not the standard library's.
        """
        from openpyxl import xml as openpyxl_xml
        from openpyxl.xml import functions

        assert openpyxl_xml.DEFUSEDXML is True
        assert "defusedxml.common" == functions.fromstring.__module__
        assert "defusedxml.common" == functions.iterparse.__module__


class TestOnePass:
    def test_each_sheet_is_parsed_once(
        self, path: Path, example: go.Assessment, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Reading a workbook parses the cells of each sheet once: the limits
        are checked and the values read in the same pass. openpyxl's parser
        of whole sheets (which read the values in a second parse) never
        runs; each sheet is opened twice, once by openpyxl's load for its
        header (its dimension, before the cells) and once for the pass.
        """
        from openpyxl.worksheet._reader import WorkSheetParser

        opened: list[str] = []
        parses: list[object] = []
        original_open, original_parse = zipfile.ZipFile.open, WorkSheetParser.parse

        def counting_open(
            archive: zipfile.ZipFile, name: Any, *args: Any, **kw: Any
        ) -> Any:
            opened.append(name if isinstance(name, str) else name.filename)
            return original_open(archive, name, *args, **kw)

        def counting_parse(parser: WorkSheetParser) -> Any:
            parses.append(parser)
            return original_parse(parser)

        monkeypatch.setattr(zipfile.ZipFile, "open", counting_open)
        monkeypatch.setattr(WorkSheetParser, "parse", counting_parse)

        assessment = xlsx.load_workbook(path).assessment

        assert attrs.evolve(example, source=None) == attrs.evolve(
            assessment, source=None
        )
        assert [] == parses
        assert [2, 2, 2] == [opened.count(part) for part in SHEET_PARTS.values()]
