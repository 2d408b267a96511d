"""
Findings in the audit workbook (issue 25): the sheets ``Bevindingen`` and
``Voortgang``, the evidence of findings and of their steps on ``Bewijs``,
the assessment's kind on ``Audit``, the round trip and the located errors
of badly filled-in findings.
"""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import assume, given, settings, strategies as st

import goudenoor as go
from goudenoor.files import xlsx
from strategies import assessments_with_findings


STD2012 = go.load_standard("gos-2012")
DATE = datetime.date(2026, 10, 1)
PROOF = go.Evidence(kind="document", reference="=SOM(A1) verslag")
MAJOR = go.Finding(
    id="A-1",
    requirement="5.2",
    checkpoint="5.2.a",
    kind="afwijking",
    severity="major",
    text="=1+1 is geen formule",
    owner="Teamleider",
    deadline=datetime.date(2027, 1, 1),
    evidence=(go.Evidence(kind="interview", reference="Gesprek"),),
    history=(
        go.FindingUpdate(status="planned", date=DATE, by="J. Jansen", note="+plan"),
        go.FindingUpdate(
            status="verified", date=datetime.date(2026, 12, 1), evidence=(PROOF,)
        ),
    ),
)
STRENGTH = go.Finding(id="7", requirement="1.1", kind="sterk-punt", text="Goed")
AUDIT = go.Assessment(
    edition="gos-2012",
    organisation="Gemeente Voorbeeld",
    date=DATE,
    ratings={"1.1": go.Rating(value=3)},
    kind="review",
    findings=(MAJOR, STRENGTH),
)


@pytest.fixture(name="path")
def _path(tmp_path: Path) -> Path:
    path = tmp_path / "audit.xlsx"
    xlsx.save_workbook(STD2012, path, assessment=AUDIT)
    return path


def edit(path: Path, sheet: str, cells: dict[str, Any]) -> None:
    book = openpyxl.load_workbook(path)
    for coordinate, value in cells.items():
        book[sheet][coordinate] = value
    book.save(path)


def error(path: Path) -> str:
    with pytest.raises(go.ValidationError) as info:
        xlsx.load_workbook(path)
    return str(info.value).replace(str(path.parent) + "/", "")


class TestRoundTrip:
    def test_findings_kind_and_evidence(self, path: Path) -> None:
        """
        The findings, their evidence, the steps with theirs and the kind
        come back equal.
        """
        back = xlsx.load_workbook(path)

        assert go.Audit(assessment=AUDIT, standard=STD2012) == back
        assert AUDIT.findings == back.assessment.findings
        assert "review" == back.assessment.kind

    @settings(max_examples=40, deadline=None)
    @given(data=st.data())
    def test_property(self, data: st.DataObject) -> None:
        """
        Any assessment with findings (of any kind, with any forward
        history, texts that look like formulas) comes back equal.
        """
        assessment = data.draw(assessments_with_findings(STD2012))
        assume(assessment.findings)

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "audit.xlsx"
            xlsx.save_workbook(STD2012, path, assessment=assessment)
            back = xlsx.load_workbook(path)

        assert go.Audit(assessment=assessment, standard=STD2012) == back


class TestLayout:
    def test_sheets_headers_and_kind(self, path: Path) -> None:
        """
        The findings and their steps are on two sheets with Dutch headers
        over the keys of the file; the kind is a row of the Audit sheet;
        evidence of a finding or a step names it on Bewijs.
        """
        book = openpyxl.load_workbook(path)
        findings, steps = book[xlsx.FINDINGS_SHEET], book[xlsx.HISTORY_SHEET]
        evidence, audit = book[xlsx.EVIDENCE_SHEET], book[xlsx.AUDIT_SHEET]

        assert [
            "Bevinding",
            "Eis",
            "Checkpunt",
            "Soort",
            "Ernst",
            "Tekst",
            "Eigenaar",
            "Uiterste datum",
            "Gevonden op",
            "Te herbeoordelen",
        ] == [cell.value for cell in findings[1]]
        assert ["Bevinding", "Status", "Datum", "Door", "Toelichting"] == [
            cell.value for cell in steps[1]
        ]
        assert ("Soort", "review", "kind") == tuple(c.value for c in audit[10][:3])
        assert [
            ("A-1", "5.2", "5.2.a", "afwijking", "major"),
            ("7", "1.1", None, "sterk-punt", None),
        ] == [tuple(c.value for c in row[:5]) for row in findings.iter_rows(3, 4)]
        assert [("A-1", "planned"), ("A-1", "verified")] == [
            tuple(c.value for c in row[:2]) for row in steps.iter_rows(3, 4)
        ]
        assert [
            (None, "interview", "Gesprek", None, None, "A-1", None),
            (None, "document", "=SOM(A1) verslag", None, None, "A-1", 2),
        ] == [tuple(c.value for c in row[:7]) for row in evidence.iter_rows(3, 4)]

    def test_texts_are_never_formulas(self, path: Path) -> None:
        """
        What a user typed that looks like a formula is written as text.
        """
        book = openpyxl.load_workbook(path)

        assert "s" == book[xlsx.FINDINGS_SHEET]["F3"].data_type
        assert "s" == book[xlsx.HISTORY_SHEET]["E3"].data_type
        assert "s" == book[xlsx.EVIDENCE_SHEET]["C4"].data_type

    def test_a_workbook_without_findings_sheets(self, path: Path) -> None:
        """
        A workbook written before findings were (no Bevindingen, Voortgang
        or kind row, no finding columns on Bewijs) reads as an audit
        without findings.
        """
        book = openpyxl.load_workbook(path)
        del book[xlsx.FINDINGS_SHEET]
        del book[xlsx.HISTORY_SHEET]
        book[xlsx.AUDIT_SHEET].delete_rows(10)
        book[xlsx.EVIDENCE_SHEET].delete_rows(3, 2)
        book[xlsx.EVIDENCE_SHEET].delete_cols(6, 2)
        book.save(path)

        back = xlsx.load_workbook(path).assessment

        assert attrs.evolve(AUDIT, kind="audit", findings=()) == back

    def test_a_cell_beyond_the_limits(self, path: Path) -> None:
        """
        The findings sheets are held to the workbook's limits.
        """
        edit(path, xlsx.HISTORY_SHEET, {"A10001": "A-1"})

        with pytest.raises(go.FileFormatError) as info:
            xlsx.load_workbook(path)

        assert (
            "audit.xlsx: the cell Voortgang!A10001 is beyond the limit of 10,000 rows"
        ) == str(info.value).replace(str(path.parent) + "/", "")

    def test_what_a_cell_cannot_keep_is_refused(self, tmp_path: Path) -> None:
        """
        A finding's text with a carriage return is refused when writing,
        at its path, rather than changed.
        """
        finding = attrs.evolve(STRENGTH, text="regel\r\nregel")

        with pytest.raises(go.ValidationError) as info:
            xlsx.save_workbook(
                STD2012,
                tmp_path / "audit.xlsx",
                assessment=attrs.evolve(AUDIT, findings=(finding,)),
            )

        assert (
            "findings[0].text: a carriage return cannot be kept in a workbook cell"
        ) == str(info.value)


class TestBadFindings:
    @pytest.mark.parametrize(
        ("sheet", "cells", "message"),
        [
            (
                xlsx.FINDINGS_SHEET,
                {"D3": "fout"},
                (
                    "[Bevindingen]:3:4 findings[0].kind: expected one of 'afwijking', "
                    "'verbeterpunt', 'observatie', 'sterk-punt', got text 'fout'"
                ),
            ),
            (
                xlsx.HISTORY_SHEET,
                {"B4": "klaar"},
                (
                    "[Voortgang]:4:2 findings[0].history[1].status: expected one of "
                    "'open', 'planned', 'implemented', 'verified', got text 'klaar'"
                ),
            ),
            (
                xlsx.AUDIT_SHEET,
                {"B10": "extern"},
                (
                    "[Audit]:10:2 kind: expected one of 'audit', 'review', 'self', got "
                    "text 'extern'"
                ),
            ),
            (
                xlsx.HISTORY_SHEET,
                {"C3": "morgen"},
                (
                    "[Voortgang]:3:3 findings[0].history[0].date: expected a date (a "
                    "date cell or YYYY-MM-DD), got text 'morgen'"
                ),
            ),
            (
                xlsx.HISTORY_SHEET,
                {"B4": "open"},
                (
                    "[Voortgang]:4:2 findings[0].history[1].status: 'open' does not "
                    "follow 'planned': a finding only moves forward (expected one of "
                    "['implemented', 'verified'])"
                ),
            ),
            (
                xlsx.HISTORY_SHEET,
                {"C3": datetime.datetime(2026, 12, 2)},  # noqa: DTZ001 - a date cell
                (
                    "[Voortgang]:4:3 findings[0].history[1].date: 2026-12-01 is before "
                    "the entry above it (2026-12-02): a history goes forward in time"
                ),
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"B4": None, "C4": None, "F4": None, "G4": None},
                (
                    "[Voortgang]:4:2 findings[0].history[1].evidence: a finding is "
                    "verified on evidence: expected at least one evidence item"
                ),
            ),
            (
                xlsx.FINDINGS_SHEET,
                {"A4": "A-1"},
                (
                    "[Bevindingen]:4:1 findings[1].id: duplicate finding id 'A-1' "
                    "(also finding 1)"
                ),
            ),
            (
                xlsx.FINDINGS_SHEET,
                {"B3": "5.9"},
                (
                    "[Bevindingen]:3:2 findings[0].requirement: unknown requirement "
                    "'5.9' in gos-2012; did you mean '5.7', '5.6', '5.5'?"
                ),
            ),
            (
                xlsx.FINDINGS_SHEET,
                {"C3": "5.2.z"},
                (
                    "[Bevindingen]:3:3 findings[0].checkpoint: '5.2.z' is not a "
                    "checkpoint of requirement 5.2 (expected one of ['5.2.a', '5.2.b'])"
                ),
            ),
            (
                xlsx.FINDINGS_SHEET,
                {"H3": datetime.datetime(2026, 9, 1)},  # noqa: DTZ001 - a date cell
                (
                    "[Bevindingen]:3:8 findings[0].deadline: the deadline 2026-09-01 "
                    "is before the finding was raised (2026-10-01)"
                ),
            ),
            (
                xlsx.FINDINGS_SHEET,
                {"F3": None},
                "[Bevindingen]:3:6 findings[0].text: must not be empty",
            ),
            (
                xlsx.FINDINGS_SHEET,
                {"A4": None},
                "[Bevindingen]:4:1: a row with entries needs a finding id",
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"G3": 3},
                (
                    "[Bewijs]:3:7 findings[0]: finding 'A-1' has 2 steps on the sheet "
                    "'Voortgang', not 3"
                ),
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"G3": "twee"},
                (
                    "[Bewijs]:3:7 findings[0]: expected the number of a step on the "
                    "sheet 'Voortgang' (1 for the finding's first row there), got text "
                    "'twee'"
                ),
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"F3": "Z"},
                "[Bewijs]:3:6: no finding 'Z' on the sheet 'Bevindingen'",
            ),
            (
                xlsx.EVIDENCE_SHEET,
                {"A3": "1.1"},
                (
                    "[Bewijs]:3:1 findings[0]: evidence of finding 'A-1' is about its "
                    "requirement '5.2': expected that or nothing, got text '1.1'"
                ),
            ),
        ],
    )
    def test_one_located_error(
        self, path: Path, sheet: str, cells: dict[str, Any], message: str
    ) -> None:
        """
        A bad cell of a finding, a step or their evidence is refused with
        its sheet, row, column and key path, and what was expected.
        """
        edit(path, sheet, cells)

        assert f"audit.xlsx{message}" == error(path)

    def test_a_step_of_an_unknown_finding(self, path: Path) -> None:
        """
        A step naming a finding that is not on Bevindingen is refused; the
        finding it was taken from lacks it (its step's evidence says so).
        """
        edit(path, xlsx.HISTORY_SHEET, {"A4": "B-9"})

        assert (
            "2 problems in audit.xlsx:\n"
            "  audit.xlsx[Bewijs]:4:7 findings[0]: finding 'A-1' has 1 step on the "
            "sheet 'Voortgang', not 2\n"
            "  audit.xlsx[Voortgang]:4:1: no finding 'B-9' on the sheet "
            "'Bevindingen'"
        ) == error(path)

    def test_a_bad_id_cell(self, path: Path) -> None:
        """
        A date in a finding's id cell is refused at that cell, and the
        steps and evidence naming the id find no finding by it.
        """
        edit(
            path,
            xlsx.FINDINGS_SHEET,
            {"A3": datetime.datetime(2026, 1, 1)},  # noqa: DTZ001 - a date cell
        )

        assert (
            "5 problems in audit.xlsx:\n"
            "  audit.xlsx[Bewijs]:3:6: no finding 'A-1' on the sheet 'Bevindingen'\n"
            "  audit.xlsx[Bewijs]:4:6: no finding 'A-1' on the sheet 'Bevindingen'\n"
            "  audit.xlsx[Bevindingen]:3:1 findings[0].id: expected text, got the "
            "date 2026-01-01\n"
            "  audit.xlsx[Voortgang]:3:1: no finding 'A-1' on the sheet "
            "'Bevindingen'\n"
            "  audit.xlsx[Voortgang]:4:1: no finding 'A-1' on the sheet "
            "'Bevindingen'"
        ) == error(path)

    def test_lenient_cells(self, path: Path) -> None:
        """
        Statuses and kinds in capitals, an id typed as a number, and the
        finding's own requirement on its evidence rows, are read as the
        auditor meant them.
        """
        edit(path, xlsx.HISTORY_SHEET, {"B3": "PLANNED"})
        edit(path, xlsx.FINDINGS_SHEET, {"D4": "Sterk-Punt", "A4": 7})
        edit(path, xlsx.EVIDENCE_SHEET, {"A3": "5.2"})

        assert AUDIT == xlsx.load_workbook(path).assessment
