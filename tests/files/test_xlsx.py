"""
Audit workbooks (XLSX): the template, the round trip YAML -> XLSX -> YAML
and the errors for badly filled-in workbooks.
"""

from __future__ import annotations

import datetime
import sys
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

import goudenoor as go
from conftest import EXAMPLE_AUDIT, ROOT
from goudenoor.files import xlsx
from helpers import run_python, write
from strategies import assessments


ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"
DATE = datetime.date(2026, 10, 1)

# Cells of the workbook layout.
ORGANISATION = "B5"
AUDIT_DATE = "B6"
SCALE = "B7"
VALUE, NOT_APPLICABLE, JUSTIFICATION, CHECKPOINTS_MET, NOTE = "GHIJK"
ROW_1_1 = 3  # requirement 1.1 of gos-2012
ROW_5_1 = 17  # requirement 5.1 of gos-2012


def edit(path: Path, sheet: str, cells: dict[str, Any]) -> None:
    """
    Set *cells* of *sheet* as an auditor would, and save the workbook.
    """
    book = openpyxl.load_workbook(path)
    for coordinate, value in cells.items():
        book[sheet][coordinate] = value
    book.save(path)


def validation(
    book: openpyxl.Workbook, sheet: str, cell: str
) -> tuple[str | None, str | None]:
    """
    The type and formula of the one data validation of *cell*.
    """
    found = [
        (v.type, v.formula1)
        for v in book[sheet].data_validations.dataValidation
        if cell in v
    ]
    assert 1 == len(found)
    return found[0]


def error(tmp_path: Path, path: Path) -> str:
    """
    Read *path* and return the one error message, without *tmp_path*.
    """
    with pytest.raises(go.GoudenoorError) as info:
        xlsx.load_workbook(path)
    return str(info.value).replace(str(tmp_path) + "/", "")


def blank(tmp_path: Path, standard: go.Standard, scale: str | None = None) -> Path:
    """
    Write the blank template of *standard* as audit.xlsx.
    """
    path = tmp_path / "audit.xlsx"
    xlsx.save_workbook(standard, path, date=DATE, scale=scale)
    return path


class TestRoundTrip:
    def test_example(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        Every rating, N/A, justification and evidence item of the example
        audit survives YAML -> XLSX -> YAML.
        """
        audit = go.load_assessment(EXAMPLE_AUDIT)
        path = tmp_path / "audit.xlsx"

        xlsx.save_workbook(std2012, path, assessment=audit)
        back = xlsx.load_workbook(path).assessment

        assert audit == back
        assert go.dump_assessment(audit) == go.dump_assessment(back)
        assert str(path) == back.source
        assert ("M. Bakker", "R. El Amrani") == back.auditors
        assert "gos-0-4" == back.scale
        assert audit.ratings["7.2"] == back.ratings["7.2"]
        assert back.ratings["7.2"].not_applicable
        assert [e.kind for e in audit.ratings["1.3"].evidence] == [
            e.kind for e in back.ratings["1.3"].evidence
        ]
        assert "2.2" not in back.ratings
        assert go.score(std2012, audit) == go.score(std2012, back)

    def test_awkward_content(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        Empty ratings, notes with line breaks and spaces, texts that look
        like formulas, error codes or numbers, evidence order, checkpoint
        order and ``scale: None`` all come back unchanged.
        """
        evidence = (
            go.Evidence(
                kind="document",
                reference="=SOM(A1) is geen formule",
                date=datetime.date(2026, 2, 12),
                valid_until=datetime.date(2027, 12, 31),
            ),
            go.Evidence(kind="other", reference="#N/A"),
            go.Evidence(kind="measurement", reference="  ingesprongen  "),
        )
        audit = go.Assessment(
            edition="gos-2012",
            organisation="  Gemeente 't Voorbeeld  ",
            date=DATE,
            scale=None,
            auditors=("B. de Vries", "A. Jansen"),
            ratings={
                "1.1": go.Rating(value=3.0, evidence=evidence),
                "1.2": go.Rating(),
                "2.1": go.Rating(value=1, note="42"),
                "3.1": go.Rating(note="regel 1\nregel 2\n\n  regel 4 "),
                "4.1": go.Rating(evidence=evidence[1:2]),
                "5.1": go.Rating(value=4, checkpoints_met=("5.1.b", "5.1.a")),
                "7.2": go.Rating(
                    not_applicable=True,
                    justification="Geen fysieke klantcontacten;\nalleen online.",
                    evidence=evidence[:1],
                    note="Zie beleid.",
                ),
            },
        )
        path = tmp_path / "audit.xlsx"

        xlsx.save_workbook(std2012, path, assessment=audit)
        back = xlsx.load_workbook(path).assessment

        assert audit == back
        assert back.scale is None
        assert go.Rating() == back.ratings["1.2"]
        assert "42" == back.ratings["2.1"].note
        assert ("5.1.b", "5.1.a") == back.ratings["5.1"].checkpoints_met

    def test_conformity_scale(self, tmp_path: Path, std2016: go.Standard) -> None:
        """
        Fractional values of the conformity scale survive.
        """
        audit = go.Assessment(
            edition="gos-2016",
            organisation="Voorbeeld",
            date=DATE,
            scale="conformiteit",
            ratings={"1.1": go.Rating(value=0.5), "1.2": go.Rating(value=1)},
        )
        path = tmp_path / "audit.xlsx"

        xlsx.save_workbook(std2016, path, assessment=audit)

        assert audit == xlsx.load_workbook(path).assessment

    def test_extension(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        A standard with a sector extension gets rows for the extension's
        requirements, and reads back with the extension given.
        """
        extension = go.load_extension_file(ZORG)
        standard = go.apply_extension(std2012, extension)
        audit = go.Assessment(
            edition="gos-2012",
            organisation="Zorginstelling",
            date=DATE,
            extensions=("zorg",),
            ratings={
                "zorg:5.8": go.Rating(value=2, checkpoints_met=("zorg:5.8.c",)),
                "5.1": go.Rating(value=3),
            },
        )
        path = tmp_path / "audit.xlsx"

        xlsx.save_workbook(standard, path, assessment=audit)
        back = xlsx.load_workbook(path, extensions=[extension]).assessment
        ids = [
            row[0]
            for row in openpyxl.load_workbook(path)[xlsx.RATINGS_SHEET].iter_rows(
                min_row=3, values_only=True
            )
        ]

        assert audit == back
        assert [r.id for r in standard.requirements] == ids
        assert audit == xlsx.load_workbook(path, standard).assessment

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    @settings(max_examples=25, deadline=None)
    @given(data=st.data())
    def test_property(self, edition: str, data: st.DataObject) -> None:
        """
        Any valid assessment of either edition, on any of its scales or
        the default, comes back equal.
        """
        standard = go.load_standard(edition)
        scale_id = data.draw(st.sampled_from([None, *(s.id for s in standard.scales)]))
        audit = data.draw(assessments(standard, scale_id))

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "audit.xlsx"
            xlsx.save_workbook(standard, path, assessment=audit)
            back = xlsx.load_workbook(path).assessment

        assert audit == back


class TestTemplate:
    def test_blank_reads_back_unrated(
        self, tmp_path: Path, std2012: go.Standard
    ) -> None:
        """
        The blank template reads back to an assessment without ratings,
        which scores 0 with one unrated warning per requirement.
        """
        path = blank(tmp_path, std2012)

        audit = xlsx.load_workbook(path).assessment
        card = go.score(std2012, audit)

        assert (
            go.Assessment(
                edition="gos-2012",
                organisation="Naam van de organisatie",
                date=DATE,
                scale="gos-0-4",
            )
            == audit
        )
        assert 0 == card.total
        assert [("unrated", r.id) for r in std2012.requirements] == [
            (w.code, w.requirement_id) for w in card.warnings
        ]

    def test_options(self, tmp_path: Path, std2016: go.Standard) -> None:
        """
        Organisation, date and scale of a blank template are written.
        """
        path = tmp_path / "audit.xlsx"

        xlsx.save_workbook(
            std2016, path, organisation="Gemeente", date=DATE, scale="conformiteit"
        )

        assert (
            go.Assessment(
                edition="gos-2016",
                organisation="Gemeente",
                date=DATE,
                scale="conformiteit",
            )
            == xlsx.load_workbook(path).assessment
        )

    def test_layout(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        One row per requirement with its text and checkpoints under two
        header rows, frozen below the headers; real date cells.
        """
        book = openpyxl.load_workbook(blank(tmp_path, std2012))
        audit, ratings = book[xlsx.AUDIT_SHEET], book[xlsx.RATINGS_SHEET]
        row = [cell.value for cell in ratings[ROW_5_1]]

        assert [
            xlsx.AUDIT_SHEET,
            xlsx.RATINGS_SHEET,
            xlsx.EVIDENCE_SHEET,
            xlsx.FINDINGS_SHEET,
            xlsx.HISTORY_SHEET,
        ] == book.sheetnames
        assert ("Formaat", "assessment/1") == (audit["A3"].value, audit["B3"].value)
        assert isinstance(audit[AUDIT_DATE].value, datetime.datetime)
        assert DATE == audit[AUDIT_DATE].value.date()
        assert "Waarde" == ratings[f"{VALUE}1"].value
        assert "value" == ratings[f"{VALUE}2"].value
        assert "B3" == ratings.freeze_panes
        assert 2 + len(std2012.requirements) == ratings.max_row
        assert [
            "5.1",
            "5 Leren & ontwikkelen",
            "Escaleren",
            std2012.requirement("5.1").full_text,
            std2012.requirement("5.1").evidence,
            (
                "5.1.a uniformiteit in geboden oplossingen bij klachten\n"
                "5.1.b de beschikbaarheid van overzichten met dergelijke informatie "
                "(coulance/ compensatie)"
            ),
            None,
            None,
            None,
            None,
            None,
        ] == row
        assert ratings[f"D{ROW_5_1}"].alignment.wrap_text
        assert ratings["A1"].font.b

    def test_drop_downs(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        The value column is a drop-down of the scale's values, N/A one of
        ja/nee, the evidence kind one of the five kinds and its dates
        must be dates.
        """
        book = openpyxl.load_workbook(blank(tmp_path, std2012))
        last = 2 + len(std2012.requirements)

        assert ("list", '"0,1,2,3,4"') == validation(
            book, xlsx.RATINGS_SHEET, f"{VALUE}3"
        )
        assert ("list", '"0,1,2,3,4"') == validation(
            book, xlsx.RATINGS_SHEET, f"{VALUE}{last}"
        )
        assert ("list", '"ja,nee"') == validation(
            book, xlsx.RATINGS_SHEET, f"{NOT_APPLICABLE}3"
        )
        assert (
            "list",
            '"document,interview,observation,measurement,sample,other"',
        ) == validation(book, xlsx.EVIDENCE_SHEET, "B3")
        assert ("list", f"'Beoordeling'!$A$3:$A${last}") == validation(
            book, xlsx.EVIDENCE_SHEET, "A500"
        )
        assert ("date", "1") == validation(book, xlsx.EVIDENCE_SHEET, "E10")

    def test_drop_down_of_fractions(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        A scale with fractions lists the legend's number cells, since a
        literal 0.5 would be text to a spreadsheet with a decimal comma.
        """
        book = openpyxl.load_workbook(blank(tmp_path, std2012, "conformiteit"))
        audit = book[xlsx.AUDIT_SHEET]

        kind, formula = validation(book, xlsx.RATINGS_SHEET, f"{VALUE}3")
        assert formula is not None
        cells = audit[formula.removeprefix("'Audit'!").replace("$", "")]

        assert "list" == kind
        legend = [
            (cell.value, audit.cell(row=cell.row, column=2).value) for (cell,) in cells
        ]

        assert "list" == kind
        assert [(0, "grote afwijking"), (0.5, "kleine afwijking"), (1, "conform")] == (
            legend
        )

    def test_refuses_to_overwrite(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        An existing file is kept unless overwrite=True; no temporary file
        is left behind.
        """
        path = write(tmp_path, "audit.xlsx", b"old")

        with pytest.raises(go.GoudenoorError) as info:
            xlsx.save_workbook(std2012, path)
        xlsx.save_workbook(std2012, path, date=DATE, overwrite=True)

        assert (
            f"{path}: file exists; not overwritten (pass overwrite=True to replace it)"
        ) == str(info.value)
        assert ["audit.xlsx"] == [p.name for p in tmp_path.iterdir()]
        assert (
            "Naam van de organisatie"
            == xlsx.load_workbook(path).assessment.organisation
        )

    def test_missing_folder(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        A folder that does not exist is an error, not a traceback.
        """
        path = tmp_path / "missing" / "audit.xlsx"

        with pytest.raises(go.GoudenoorError) as info:
            xlsx.save_workbook(std2012, path)

        assert f"{path}: cannot write: its folder does not exist" == str(info.value)

    def test_metadata_with_assessment(
        self, tmp_path: Path, std2012: go.Standard
    ) -> None:
        """
        Organisation, date and scale come from the assessment when one is
        given.
        """
        audit = go.load_assessment(EXAMPLE_AUDIT)

        with pytest.raises(go.GoudenoorError) as info:
            xlsx.save_workbook(
                std2012, tmp_path / "a.xlsx", assessment=audit, organisation="X"
            )

        assert (
            "organisation, date and scale are taken from the assessment; give them "
            "only for a blank workbook"
        ) == str(info.value)

    def test_unknown_scale(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        A blank template on a scale the edition lacks is refused.
        """
        with pytest.raises(go.UnknownItemError) as info:
            xlsx.save_workbook(std2012, tmp_path / "a.xlsx", scale="1-10")

        assert (
            "unknown scale '1-10' in gos-2012 (expected one of ['gos-0-4', "
            "'conformiteit'])"
        ) == str(info.value)
        assert [] == list(tmp_path.iterdir())


class TestUnwritable:
    def test_not_of_the_standard(self, tmp_path: Path, std2016: go.Standard) -> None:
        """
        An assessment of another edition is refused, not half written.
        """
        audit = go.load_assessment(EXAMPLE_AUDIT)

        with pytest.raises(go.ValidationError) as info:
            xlsx.save_workbook(std2016, tmp_path / "a.xlsx", assessment=audit)

        assert (
            f"{EXAMPLE_AUDIT} edition: assessment is for edition 'gos-2012', the "
            "standard is 'gos-2016'"
        ) == str(info.value)
        assert [] == list(tmp_path.iterdir())

    def test_what_a_cell_cannot_keep(
        self, tmp_path: Path, std2012: go.Standard
    ) -> None:
        """
        Texts a cell would change are refused with their key paths.
        """
        audit = go.Assessment(
            edition="gos-2012",
            organisation="Voorbeeld",
            date=DATE,
            auditors=("A; B", " C"),
            ratings={
                "1.1": go.Rating(value=1, note="a\r\nb"),
                "1.2": go.Rating(note=""),
                "1.3": go.Rating(
                    evidence=(go.Evidence(kind="document", reference="bel\x07"),)
                ),
            },
        )

        with pytest.raises(go.ValidationError) as info:
            xlsx.save_workbook(std2012, tmp_path / "a.xlsx", assessment=audit)

        assert (
            "5 problems:\n"
            "  auditors[0]: 'A; B' cannot be kept in a cell of entries separated "
            "by '; ' (it is empty, has spaces at either end or contains ';')\n"
            "  auditors[1]: ' C' cannot be kept in a cell of entries separated "
            "by '; ' (it is empty, has spaces at either end or contains ';')\n"
            '  ratings."1.1".note: a carriage return cannot be kept in a workbook '
            "cell\n"
            '  ratings."1.2".note: an empty text cannot be kept in a workbook (an '
            "empty cell is no value)\n"
            '  ratings."1.3".evidence[0].reference: the control character '
            "'\\x07' cannot be kept in a workbook"
        ) == str(info.value)


class TestBadWorkbooks:
    @pytest.mark.parametrize(
        ("sheet", "cells", "expected"),
        [
            (
                xlsx.RATINGS_SHEET,
                {f"{VALUE}{ROW_1_1}": 7},
                (
                    'audit.xlsx[Beoordeling]:3:7 ratings."1.1".value: 7 is not on '
                    "scale gos-0-4 (0, 1, 2, 3, 4)"
                ),
            ),
            (
                xlsx.RATINGS_SHEET,
                {f"{VALUE}{ROW_1_1}": "drie"},
                (
                    'audit.xlsx[Beoordeling]:3:7 ratings."1.1".value: expected a '
                    "number, got text 'drie'"
                ),
            ),
            (
                xlsx.RATINGS_SHEET,
                {f"{NOT_APPLICABLE}{ROW_1_1}": "ja"},
                (
                    'audit.xlsx[Beoordeling]:3:9 ratings."1.1".justification: a '
                    "not-applicable rating needs a justification"
                ),
            ),
            (
                xlsx.RATINGS_SHEET,
                {f"{NOT_APPLICABLE}{ROW_1_1}": "misschien"},
                (
                    'audit.xlsx[Beoordeling]:3:8 ratings."1.1".not_applicable: '
                    "expected 'ja', 'nee' or nothing, got text 'misschien'"
                ),
            ),
            (
                xlsx.RATINGS_SHEET,
                {f"{JUSTIFICATION}{ROW_1_1}": "Geen klanten."},
                (
                    'audit.xlsx[Beoordeling]:3:9 ratings."1.1".justification: a '
                    "justification is only given with not_applicable: true"
                ),
            ),
            (
                xlsx.RATINGS_SHEET,
                {f"{CHECKPOINTS_MET}{ROW_5_1}": "5.1.a, 5.1.x"},
                (
                    'audit.xlsx[Beoordeling]:17:10 ratings."5.1".checkpoints_met[1]: '
                    "'5.1.x' is not a checkpoint of requirement 5.1 (expected one of "
                    "['5.1.a', '5.1.b'])"
                ),
            ),
            (
                xlsx.RATINGS_SHEET,
                {f"A{ROW_1_1}": "1.9"},
                (
                    'audit.xlsx[Beoordeling]:3:1 ratings."1.9": unknown requirement '
                    "'1.9' in gos-2012; did you mean '1.5', '1.4', '1.3'?"
                ),
            ),
            (
                xlsx.RATINGS_SHEET,
                {f"A{ROW_1_1 + 1}": "1.1"},
                (
                    'audit.xlsx[Beoordeling]:4:1 ratings."1.1": a second row for '
                    "requirement '1.1' (the first is row 3)"
                ),
            ),
            (
                xlsx.RATINGS_SHEET,
                {f"A{ROW_5_1}": 5.1},
                (
                    "audit.xlsx[Beoordeling]:17:1: expected a requirement id as "
                    "text, got the number 5.1"
                ),
            ),
            (
                xlsx.RATINGS_SHEET,
                {f"A{ROW_1_1}": None, f"{VALUE}{ROW_1_1}": 2},
                (
                    "audit.xlsx[Beoordeling]:3:1: a row with entries needs a "
                    "requirement id"
                ),
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"A3": "1.1", "B3": "brief", "C3": "Brief aan klant"},
                (
                    'audit.xlsx[Bewijs]:3:2 ratings."1.1".evidence[0].kind: expected '
                    "one of 'document', 'interview', 'observation', 'measurement', "
                    "'sample', 'other', got text 'brief'"
                ),
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"A3": "1.1", "B3": "document", "C3": "Beleid", "D3": "vorige week"},
                (
                    'audit.xlsx[Bewijs]:3:4 ratings."1.1".evidence[0].date: expected '
                    "a date (a date cell or YYYY-MM-DD), got text 'vorige week'"
                ),
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"A3": "1.1", "B3": "document"},
                (
                    'audit.xlsx[Bewijs]:3:3 ratings."1.1".evidence[0].reference: must '
                    "not be empty"
                ),
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {
                    "A3": "1.1",
                    "B3": "document",
                    "C3": "Certificaat",
                    "D3": datetime.date(2026, 1, 1),
                    "E3": datetime.date(2025, 1, 1),
                },
                (
                    'audit.xlsx[Bewijs]:3:5 ratings."1.1".evidence[0].valid_until: '
                    "2025-01-01 is before the evidence date 2026-01-01"
                ),
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"A3": "1.9", "B3": "document", "C3": "Beleid"},
                (
                    'audit.xlsx[Bewijs]:3:1 ratings."1.9": unknown requirement '
                    "'1.9' in gos-2012; did you mean '1.5', '1.4', '1.3'?"
                ),
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"B3": "document", "C3": "Beleid"},
                "audit.xlsx[Bewijs]:3:1: expected a requirement id, got nothing",
            ),
            (
                xlsx.AUDIT_SHEET,
                {AUDIT_DATE: "morgen"},
                (
                    "audit.xlsx[Audit]:6:2 date: expected a date (a date cell or "
                    "YYYY-MM-DD), got text 'morgen'"
                ),
            ),
            (
                xlsx.AUDIT_SHEET,
                {ORGANISATION: None},
                "audit.xlsx[Audit]:5:2 organisation: must not be empty",
            ),
            (
                xlsx.AUDIT_SHEET,
                {ORGANISATION: "   "},
                "audit.xlsx[Audit]:5:2 organisation: must not be empty",
            ),
            (
                xlsx.AUDIT_SHEET,
                {ORGANISATION: "\ufeff\u200b"},
                "audit.xlsx[Audit]:5:2 organisation: must not be empty",
            ),
            (
                xlsx.AUDIT_SHEET,
                {AUDIT_DATE: datetime.date(1850, 10, 1)},
                (
                    "audit.xlsx[Audit]:6:2 date: 1850-10-01 is not a plausible date: "
                    "expected one from 1900-01-01 to 2999-12-31"
                ),
            ),
            (
                xlsx.AUDIT_SHEET,
                {"B3": "assessment/2"},
                (
                    "audit.xlsx[Audit]:3:2 goudenoor: expected the format marker "
                    "'assessment/1' (got 'assessment/2')"
                ),
            ),
            (
                xlsx.AUDIT_SHEET,
                {"B4": "gos-2099"},
                (
                    "audit.xlsx[Audit]:4:2 edition: unknown edition 'gos-2099'; did "
                    "you mean 'gos-2012', 'gos-2016'?"
                ),
            ),
            (
                xlsx.AUDIT_SHEET,
                {SCALE: "1-10"},
                (
                    "audit.xlsx[Audit]:7:2 scale: unknown scale '1-10' (expected one "
                    "of ['gos-0-4', 'conformiteit'])"
                ),
            ),
            (
                xlsx.AUDIT_SHEET,
                {"B9": "zorg"},
                (
                    "audit.xlsx[Audit]:9:2 extensions: unknown extension 'zorg' in the "
                    "installed extensions"
                ),
            ),
            (
                xlsx.AUDIT_SHEET,
                {"A5": "Naam"},
                ("audit.xlsx[Audit] organisation: no row 'Organisatie' in column A"),
            ),
        ],
    )
    def test_one_problem(
        self,
        tmp_path: Path,
        std2012: go.Standard,
        sheet: str,
        cells: dict[str, object],
        expected: str,
    ) -> None:
        """
        Each bad cell is reported with its sheet, row, column and key path.
        """
        path = blank(tmp_path, std2012)
        edit(path, sheet, cells)

        assert expected == error(tmp_path, path)

    def test_several_problems(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        All problems are listed together, in sheet, row and column order.
        """
        path = blank(tmp_path, std2012)
        edit(path, xlsx.AUDIT_SHEET, {AUDIT_DATE: "morgen"})
        edit(
            path,
            xlsx.RATINGS_SHEET,
            {
                f"{VALUE}{ROW_1_1}": 7,
                f"{VALUE}{ROW_1_1 + 1}": "drie",
                f"{NOT_APPLICABLE}{ROW_5_1}": "ja",
            },
        )
        edit(path, xlsx.EVIDENCE_SHEET, {"A3": "1.1", "B3": "brief", "C3": "x"})

        assert (
            "4 problems in audit.xlsx:\n"
            "  audit.xlsx[Audit]:6:2 date: expected a date (a date cell or "
            "YYYY-MM-DD), got text 'morgen'\n"
            '  audit.xlsx[Beoordeling]:4:7 ratings."1.2".value: expected a number, '
            "got text 'drie'\n"
            '  audit.xlsx[Beoordeling]:17:9 ratings."5.1".justification: a '
            "not-applicable rating needs a justification\n"
            '  audit.xlsx[Bewijs]:3:2 ratings."1.1".evidence[0].kind: expected one '
            "of 'document', 'interview', 'observation', 'measurement', 'sample', "
            "'other', "
            "got text 'brief'"
        ) == error(tmp_path, path)

    def test_evidence_row(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        Every bad cell of an evidence row is reported.
        """
        path = blank(tmp_path, std2012)
        edit(path, xlsx.EVIDENCE_SHEET, {"A3": "1.1", "B3": 3, "E3": "gisteren"})

        assert (
            "3 problems in audit.xlsx:\n"
            '  audit.xlsx[Bewijs]:3:2 ratings."1.1".evidence[0].kind: expected one '
            "of 'document', 'interview', 'observation', 'measurement', 'sample', "
            "'other', "
            "got the number 3\n"
            '  audit.xlsx[Bewijs]:3:3 ratings."1.1".evidence[0].reference: must '
            "not be empty\n"
            '  audit.xlsx[Bewijs]:3:5 ratings."1.1".evidence[0].valid_until: '
            "expected a date (a date cell or YYYY-MM-DD), got text 'gisteren'"
        ) == error(tmp_path, path)

    def test_ratings_checked_with_valid_metadata(
        self, tmp_path: Path, std2012: go.Standard
    ) -> None:
        """
        With the metadata in order, problems of the standard (values off
        the scale) come together with the cells' own.
        """
        path = blank(tmp_path, std2012)
        edit(
            path,
            xlsx.RATINGS_SHEET,
            {f"{VALUE}{ROW_1_1}": 7, f"{VALUE}{ROW_1_1 + 1}": "drie"},
        )

        assert (
            "2 problems in audit.xlsx:\n"
            '  audit.xlsx[Beoordeling]:3:7 ratings."1.1".value: 7 is not on scale '
            "gos-0-4 (0, 1, 2, 3, 4)\n"
            '  audit.xlsx[Beoordeling]:4:7 ratings."1.2".value: expected a number, '
            "got text 'drie'"
        ) == error(tmp_path, path)

    def test_area_not_applicable(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        A whole area not applicable points at the last requirement's row.
        """
        path = blank(tmp_path, std2012)
        cells: dict[str, object] = {}
        for row in (30, 31):  # 9.1 and 9.2
            cells[f"{NOT_APPLICABLE}{row}"] = "ja"
            cells[f"{JUSTIFICATION}{row}"] = "Geen."
        edit(path, xlsx.RATINGS_SHEET, cells)

        assert (
            'audit.xlsx[Beoordeling]:31:8 ratings."9.2".not_applicable: every '
            "requirement of area 9 (Beter producten & processen) is not "
            "applicable; an area of the standard cannot be not applicable as a "
            "whole"
        ) == error(tmp_path, path)

    def test_lenient_cells(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        Numbers typed as text (with a decimal comma), ISO dates as text,
        "Ja" in capitals and checkpoints on separate lines are read.
        """
        path = blank(tmp_path, std2012, "conformiteit")
        edit(path, xlsx.AUDIT_SHEET, {AUDIT_DATE: "2026-11-02"})
        edit(
            path,
            xlsx.RATINGS_SHEET,
            {
                f"{VALUE}{ROW_1_1}": "0,5",
                f"{NOT_APPLICABLE}{ROW_1_1 + 1}": "Ja",
                f"{JUSTIFICATION}{ROW_1_1 + 1}": "Geen.",
                f"{VALUE}{ROW_5_1}": 1,
                f"{CHECKPOINTS_MET}{ROW_5_1}": "5.1.a\n5.1.b",
            },
        )
        edit(
            path,
            xlsx.EVIDENCE_SHEET,
            {"A3": " 5.1 ", "B3": "Interview ", "C3": "Gesprek", "D3": "2026-10-01"},
        )

        audit = xlsx.load_workbook(path).assessment

        assert datetime.date(2026, 11, 2) == audit.date
        assert {
            "1.1": go.Rating(value=0.5),
            "1.2": go.Rating(not_applicable=True, justification="Geen."),
            "5.1": go.Rating(
                value=1,
                checkpoints_met=("5.1.a", "5.1.b"),
                evidence=(
                    go.Evidence(kind="interview", reference="Gesprek", date=DATE),
                ),
            ),
        } == audit.ratings

    def test_explicit_standard(self, tmp_path: Path, std2016: go.Standard) -> None:
        """
        A workbook checked against another edition says so at the edition
        cell.
        """
        path = tmp_path / "audit.xlsx"
        xlsx.save_workbook(go.load_standard("gos-2012"), path, date=DATE)

        with pytest.raises(go.ValidationError) as info:
            xlsx.load_workbook(path, std2016)

        assert (
            f"{path}[Audit]:4:2 edition: assessment is for edition 'gos-2012', the "
            "standard is 'gos-2016'"
        ) == str(info.value)

    def test_not_a_workbook(self, tmp_path: Path) -> None:
        """
        A file that is not an XLSX workbook is a FileFormatError naming it.
        """
        path = write(tmp_path, "audit.xlsx", "goudenoor: assessment/1\n")

        with pytest.raises(go.FileFormatError) as info:
            xlsx.load_workbook(path)

        assert f"{path}: not an XLSX workbook (File is not a zip file)" == str(
            info.value
        )

    def test_missing_file(self, tmp_path: Path) -> None:
        """
        A missing file is a FileFormatError naming it.
        """
        path = tmp_path / "audit.xlsx"

        with pytest.raises(go.FileFormatError) as info:
            xlsx.load_workbook(path)

        assert f"{path}: cannot read file: No such file or directory" == str(info.value)

    def test_other_workbook(self, tmp_path: Path) -> None:
        """
        A workbook without the audit sheets is a FileFormatError.
        """
        path = tmp_path / "other.xlsx"
        openpyxl.Workbook().save(path)

        with pytest.raises(go.FileFormatError) as info:
            xlsx.load_workbook(path)

        assert (
            f"{path}: not a goudenoor audit workbook: no sheet 'Audit', "
            "'Beoordeling', 'Bewijs' (it has 'Sheet')"
        ) == str(info.value)

    def test_missing_column(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        A renamed header is reported with the header row.
        """
        path = blank(tmp_path, std2012)
        edit(path, xlsx.RATINGS_SHEET, {f"{VALUE}1": "Score"})

        assert (
            "audit.xlsx[Beoordeling]:1: no column 'Waarde' (value) in the header row"
        ) == error(tmp_path, path)


class TestExtra:
    def test_missing_openpyxl(
        self, tmp_path: Path, std2012: go.Standard, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Without openpyxl both directions say which extra to install.
        """
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        expected = (
            "the XLSX workbook needs the 'xlsx' extra: pip install "
            "'goudenoor[xlsx]' (openpyxl is not installed)"
        )

        with pytest.raises(go.MissingExtraError) as written:
            xlsx.save_workbook(std2012, tmp_path / "a.xlsx")
        with pytest.raises(go.MissingExtraError) as read:
            xlsx.load_workbook(tmp_path / "a.xlsx")

        assert (expected, expected) == (str(written.value), str(read.value))
        assert isinstance(read.value, ImportError)

    def test_import_is_light(self) -> None:
        """
        Importing goudenoor, or the workbook module, does not import
        openpyxl.
        """
        code = (
            "import sys, goudenoor, goudenoor.files.xlsx; "
            "print('openpyxl' in sys.modules)"
        )
        done = run_python("-c", code, check=True)

        assert "False\n" == done.stdout
