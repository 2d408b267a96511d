"""
The XLSX report: the points sheet of a score card, the protection of the
read-only cells and the page setup for printing on A4.
"""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st
from openpyxl.worksheet.worksheet import Worksheet

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.files import xlsx
from helpers import run
from strategies import assessments


POINTS = xlsx.POINTS_SHEET
HEADER_ROW = 4  # of the points sheet
FIRST_AREA_ROW = 5
AUDIT_INPUTS = ("B5", "B6", "B7", "B8")  # organisation, date, scale, auditors
AUDIT_FIXED = ("B3", "B4", "B9")  # format, edition, extensions
RATING_INPUTS = "GHIJK"
RATING_FIXED = "ABCDEF"


def report(tmp_path: Path, card: go.ScoreCard, language: str = "nl") -> Path:
    """
    Write the XLSX report of *card* and return its path.
    """
    path = tmp_path / "report.xlsx"
    xlsx.save_workbook(card.standard, path, card=card, language=language)
    return path


def rows(sheet: Worksheet) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(values_only=True))


class TestPointsSheet:
    def test_values(self, tmp_path: Path, example_card: go.ScoreCard) -> None:
        """
        The points per area with maximum and share, the organisation,
        result and total points and the levels, as the card has them.
        """
        book = openpyxl.load_workbook(report(tmp_path, example_card))
        sheet = book[POINTS]
        areas = list(example_card.areas.values())
        after = FIRST_AREA_ROW + len(areas)  # the empty row after the areas

        assert [
            xlsx.AUDIT_SHEET,
            xlsx.RATINGS_SHEET,
            xlsx.EVIDENCE_SHEET,
            xlsx.FINDINGS_SHEET,
            xlsx.HISTORY_SHEET,
            POINTS,
        ] == book.sheetnames
        assert "Punten: Woonstichting Lindewaard" == sheet["A1"].value
        assert (
            "Editie: Gouden Oor Standaard 2012 (gos-2012); Datum: 2026-10-01; "
            "Methode / schema: weighted-mean / niveaus"
        ) == sheet["A2"].value
        assert [
            ("Gebied", "Naam", "Soort", "Punten", "Maximum", "Aandeel"),
            *(
                (
                    a.area_id,
                    a.name,
                    "organisatie" if a.kind == "organisation" else "resultaat",
                    a.points,
                    a.max_points,
                    a.fraction,
                )
                for a in areas
            ),
            (None,) * 6,
            ("Organisatie", None, None, 37.5, 70, 37.5 / 70),
            ("Resultaat", None, None, 12.5, 30, 12.5 / 30),
            ("Totaal", None, None, 50, 100, 0.5),
            (None,) * 6,
            ("Niveau", "Gecommitteerd", None, None, None, None),
            ("Volgend niveau", "Niveau 1", None, None, None, None),
        ] == rows(sheet)[HEADER_ROW - 1 :]
        assert (37.5, 12.5, 50) == (
            example_card.organisation_points,
            example_card.result_points,
            example_card.total,
        )
        assert ("Stem van de klant", 7.5, 10, 0.75) == (
            sheet[f"B{FIRST_AREA_ROW}"].value,
            sheet[f"D{FIRST_AREA_ROW}"].value,
            sheet[f"E{FIRST_AREA_ROW}"].value,
            sheet[f"F{FIRST_AREA_ROW}"].value,
        )
        assert "Totaal" == sheet[f"A{after + 3}"].value

    def test_values_not_formulas(
        self, tmp_path: Path, example_card: go.ScoreCard
    ) -> None:
        """
        Every cell holds a value (numbers as numbers), none a formula, with
        number formats for the points and the shares.
        """
        sheet = openpyxl.load_workbook(report(tmp_path, example_card))[POINTS]
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value]
        last = FIRST_AREA_ROW + len(example_card.areas) + 3

        assert all(cell.data_type in {"s", "n"} for cell in cells)
        for row in [*range(FIRST_AREA_ROW, last - 3), *range(last - 2, last + 1)]:
            assert "0.00" == sheet[f"D{row}"].number_format
            assert "0.00" == sheet[f"E{row}"].number_format
            assert "0.0%" == sheet[f"F{row}"].number_format
            assert isinstance(sheet[f"D{row}"].value, (int, float))

    def test_no_level(self, tmp_path: Path, std2016: go.Standard) -> None:
        """
        An unrated assessment reaches no level; its next level is the first.
        """
        audit = go.Assessment(
            edition="gos-2016", organisation="Gemeente", date=datetime.date(2026, 1, 5)
        )
        card = go.score(std2016, audit)
        sheet = openpyxl.load_workbook(report(tmp_path, card))[POINTS]
        last = rows(sheet)[-2:]

        assert card.level is None
        assert card.next_level is not None
        assert [
            ("Niveau", "geen", None, None, None, None),
            ("Volgend niveau", card.next_level.name, None, None, None, None),
        ] == last

    def test_english(self, tmp_path: Path, example_card: go.ScoreCard) -> None:
        """
        language="en": the sheet's own words in English, the standard's
        texts (area and level names) in Dutch.
        """
        book = openpyxl.load_workbook(report(tmp_path, example_card, "en"))
        sheet = book["Points"]
        found = rows(sheet)

        assert "Points" == book.sheetnames[-1]
        assert "Points: Woonstichting Lindewaard" == sheet["A1"].value
        assert ("Area", "Name", "Kind", "Points", "Maximum", "Share") == found[3]
        assert ("1", "Stem van de klant", "organisation") == found[4][:3]
        assert ("Total", None, None, 50, 100, 0.5) == found[-4]
        assert ("Level", "Gecommitteerd") == found[-2][:2]
        assert ("Next level", "Niveau 1") == found[-1][:2]

    def test_round_trip(self, tmp_path: Path, example_card: go.ScoreCard) -> None:
        """
        The reader ignores the points sheet: the report reads back as the
        card's assessment.
        """
        path = report(tmp_path, example_card)

        assert example_card.assessment == xlsx.load_workbook(path).assessment
        assert go.load_assessment(EXAMPLE_AUDIT) == xlsx.load_workbook(path).assessment

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    @settings(max_examples=10, deadline=None)
    @given(data=st.data())
    def test_round_trip_property(self, edition: str, data: st.DataObject) -> None:
        """
        Any valid assessment's report reads back as that assessment.
        """
        standard = go.load_standard(edition)
        audit = data.draw(assessments(standard))
        card = go.score(standard, audit)

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "report.xlsx"
            xlsx.save_workbook(standard, path, card=card)
            back = xlsx.load_workbook(path).assessment

        assert audit == back

    def test_cli(self, tmp_path: Path) -> None:
        """
        goudenoor report --format xlsx writes the points sheet, and
        import-xlsx gives the assessment back.
        """
        workbook = tmp_path / "report.xlsx"
        audit = tmp_path / "back.yaml"

        assert (0, "") == run(
            "report", str(EXAMPLE_AUDIT), "--format", "xlsx", "-o", str(workbook)
        )
        assert (0, "") == run("import-xlsx", str(workbook), "-o", str(audit))
        sheet = openpyxl.load_workbook(workbook)[POINTS]

        assert ("Totaal", None, None, 50, 100, 0.5) == rows(sheet)[-4]
        assert go.load_assessment(EXAMPLE_AUDIT) == go.load_assessment(audit)


class TestPointsErrors:
    def test_card_and_assessment(
        self, tmp_path: Path, example_card: go.ScoreCard
    ) -> None:
        with pytest.raises(go.GoudenoorError) as caught:
            xlsx.save_workbook(
                example_card.standard,
                tmp_path / "r.xlsx",
                card=example_card,
                assessment=example_card.assessment,
            )

        assert "the assessment is taken from the score card; give one of them" == str(
            caught.value
        )

    def test_card_of_another_standard(
        self, tmp_path: Path, example_card: go.ScoreCard, std2016: go.Standard
    ) -> None:
        with pytest.raises(go.GoudenoorError) as caught:
            xlsx.save_workbook(std2016, tmp_path / "r.xlsx", card=example_card)

        assert (
            "the score card is of 'gos-2012' with other extensions or contents "
            "than the standard given ('gos-2016')"
        ) == str(caught.value)
        assert not (tmp_path / "r.xlsx").exists()

    def test_language_without_card(self, tmp_path: Path, std2012: go.Standard) -> None:
        with pytest.raises(go.GoudenoorError) as caught:
            xlsx.save_workbook(std2012, tmp_path / "r.xlsx", language="en")

        assert (
            "language is the language of the points sheet; give it only with a "
            "score card"
        ) == str(caught.value)

    def test_unknown_language(self, tmp_path: Path, example_card: go.ScoreCard) -> None:
        with pytest.raises(go.UnknownItemError) as caught:
            xlsx.save_workbook(
                example_card.standard,
                tmp_path / "r.xlsx",
                card=example_card,
                language="fr",
            )

        assert "unknown workbook language 'fr'; did you mean 'nl', 'en'?" == str(
            caught.value
        )


class TestProtection:
    def test_every_sheet_without_password(
        self, tmp_path: Path, example_card: go.ScoreCard, std2012: go.Standard
    ) -> None:
        """
        Every sheet of a report and of a blank template is protected, with
        no password (nor its hash), and columns and rows can be resized.
        """
        blank = tmp_path / "blank.xlsx"
        xlsx.save_workbook(std2012, blank, date=datetime.date(2026, 1, 5))

        for path, count in ((report(tmp_path, example_card), 6), (blank, 5)):
            book = openpyxl.load_workbook(path)
            assert count == len(book.worksheets)
            for sheet in book.worksheets:
                protection = sheet.protection
                assert protection.sheet, sheet.title
                assert protection.password is None
                assert protection.hashValue is None
                assert protection.saltValue is None
                assert protection.algorithmName is None
                assert not protection.formatColumns
                assert not protection.formatRows

    def test_input_cells_unlocked(
        self, tmp_path: Path, example_card: go.ScoreCard
    ) -> None:
        """
        What the auditor fills in is unlocked, the rest locked: the Audit
        sheet's organisation, date, scale and auditors; the ratings'
        value, n.v.t., justification, checkpoints met and note; all of the
        evidence below its headers; nothing of the points sheet.
        """
        book = openpyxl.load_workbook(report(tmp_path, example_card))
        audit, ratings = book[xlsx.AUDIT_SHEET], book[xlsx.RATINGS_SHEET]
        evidence, points = book[xlsx.EVIDENCE_SHEET], book[POINTS]
        last = 2 + len(example_card.standard.requirements)

        assert all(not audit[c].protection.locked for c in AUDIT_INPUTS)
        assert all(audit[c].protection.locked for c in (*AUDIT_FIXED, "A5", "C5"))
        for row in (1, 2):
            assert all(ratings[f"{c}{row}"].protection.locked for c in "ABCDEFGHIJK")
            assert all(evidence[f"{c}{row}"].protection.locked for c in "ABCDE")
        for row in (3, 17, last):
            assert all(
                not ratings[f"{c}{row}"].protection.locked for c in RATING_INPUTS
            )
            assert all(ratings[f"{c}{row}"].protection.locked for c in RATING_FIXED)
        assert evidence.max_row > 2
        for row in range(3, evidence.max_row + 1):
            assert all(not evidence[f"{c}{row}"].protection.locked for c in "ABCDE")
        # Rows below the evidence: the columns' own style.
        for letter in "ABCDE":
            assert not evidence.column_dimensions[letter].protection.locked
        assert "yyyy-mm-dd" == evidence.column_dimensions["D"].number_format
        assert all(cell.protection.locked for row in points.iter_rows() for cell in row)

    def test_inputs_still_read(
        self, tmp_path: Path, example_card: go.ScoreCard
    ) -> None:
        """
        Unlocking did not change what the cells hold or how they look: the
        round trip is unchanged and the date cells keep their format.
        """
        path = report(tmp_path, example_card)
        book = openpyxl.load_workbook(path)

        assert "yyyy-mm-dd" == book[xlsx.AUDIT_SHEET]["B6"].number_format
        assert book[xlsx.RATINGS_SHEET]["K3"].alignment.wrap_text
        assert example_card.assessment == xlsx.load_workbook(path).assessment


class TestPrinting:
    @pytest.mark.parametrize(
        ("sheet_name", "orientation", "titles"),
        [
            (xlsx.AUDIT_SHEET, "portrait", None),
            (xlsx.RATINGS_SHEET, "landscape", "$1:$2"),
            (xlsx.EVIDENCE_SHEET, "landscape", "$1:$2"),
            (POINTS, "portrait", "$4:$4"),
        ],
    )
    def test_a4(
        self,
        tmp_path: Path,
        example_card: go.ScoreCard,
        sheet_name: str,
        orientation: str,
        titles: str | None,
    ) -> None:
        """
        A4, as wide as the page and as long as it takes, the header rows
        on every page, margins and a footer with the sheet and page.
        """
        sheet = openpyxl.load_workbook(report(tmp_path, example_card))[sheet_name]
        setup, margins = sheet.page_setup, sheet.page_margins

        fit = sheet.sheet_properties.pageSetUpPr
        footer = sheet.oddFooter

        assert 9 == setup.paperSize  # A4 in the Office Open XML numbering
        assert orientation == setup.orientation
        assert (1, 0) == (setup.fitToWidth, setup.fitToHeight)
        assert fit is not None
        assert fit.fitToPage
        assert titles == sheet.print_title_rows
        assert (0.7, 0.7, 0.8, 0.8, 0.3, 0.3) == (
            margins.left,
            margins.right,
            margins.top,
            margins.bottom,
            margins.header,
            margins.footer,
        )
        assert footer is not None
        assert "&A - &P / &N" == footer.center.text


class TestFormulaInjection:
    def test_user_text_stays_text(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        Texts from the auditor that look like formulas are text cells on
        every sheet, the points sheet's title included.
        """
        audit = go.Assessment(
            edition="gos-2012",
            organisation='=HYPERLINK("http://x","klik")',
            date=datetime.date(2026, 1, 5),
            ratings={"1.1": go.Rating(value=2, note="=1+1")},
        )
        path = report(tmp_path, go.score(std2012, audit))
        book = openpyxl.load_workbook(path)

        formulas = [
            f"{sheet.title}!{cell.coordinate}"
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.data_type == "f"
        ]

        assert [] == formulas
        assert audit.organisation == book[xlsx.AUDIT_SHEET]["B5"].value
        assert f"Punten: {audit.organisation}" == book[POINTS]["A1"].value
        assert audit == xlsx.load_workbook(path).assessment


class TestFindingsSection:
    """
    A report's points sheet lists the findings as they stand on the
    report's date: the audit's, or the one given.
    """

    WORKED = Path(__file__).parent.parent.parent / "examples" / "erkenning"

    def _rows(self, path: Path, sheet: str = POINTS) -> list[tuple[Any, ...]]:
        cells = openpyxl.load_workbook(path)[sheet]
        rows = [tuple(row) for row in cells.iter_rows(values_only=True)]
        start = next(
            i
            for i, row in enumerate(rows)
            if str(row[0]).startswith(("Bevindingen op", "Findings on"))
        )
        return rows[start:]

    def test_dutch_on_a_date(self, tmp_path: Path) -> None:
        card = go.score(go.load_audit(self.WORKED / "audit-2024.yaml"))
        path = tmp_path / "report.xlsx"
        xlsx.save_workbook(
            card.standard, path, card=card, as_of=datetime.date(2024, 9, 2)
        )
        day = datetime.datetime  # openpyxl reads dates as naive datetimes
        assert [
            ("Bevindingen op 2024-09-02", None, None, None, None, None),
            ("Bevinding", "Soort", "Eis", "Uiterste datum", "Status", "Te laat"),
            ("A-1", "afwijking (groot)", "4.1", day(2024, 9, 1), "uitgevoerd", "ja"),
            (
                "A-2",
                "afwijking (klein)",
                "5.1 (5.1.a)",
                day(2024, 12, 1),
                "gepland",
                None,
            ),
            ("V-1", "verbeterpunt", "1.4", day(2025, 3, 1), "open", None),
        ] == self._rows(path)

    def test_english_on_the_audit_date(self, tmp_path: Path) -> None:
        card = go.score(go.load_audit(self.WORKED / "audit-2024.yaml"))
        path = tmp_path / "report.xlsx"
        xlsx.save_workbook(card.standard, path, card=card, language="en")
        assert (
            "A-1",
            "afwijking (major)",
            "4.1",
            datetime.datetime(2024, 9, 1),  # noqa: DTZ001 - openpyxl's naive dates
            "open",
            None,
        ) == self._rows(path, "Points")[2]
        assert "Findings on 2024-03-01" == self._rows(path, "Points")[0][0]

    def test_none_without_findings(
        self, tmp_path: Path, example_card: go.ScoreCard
    ) -> None:
        path = report(tmp_path, example_card)
        cells = openpyxl.load_workbook(path)[POINTS]
        assert not any(
            str(row[0]).startswith("Bevindingen op")
            for row in cells.iter_rows(values_only=True)
        )

    def test_as_of_only_for_a_report(self, tmp_path: Path) -> None:
        audit = go.load_audit(self.WORKED / "audit-2024.yaml")
        with pytest.raises(go.GoudenoorError) as info:
            xlsx.save_workbook(
                audit, tmp_path / "a.xlsx", as_of=datetime.date(2024, 9, 2)
            )
        assert (
            "as_of is the date of a report's findings: give it only with a card"
        ) == str(info.value)

    def test_the_report_reads_back(self, tmp_path: Path) -> None:
        audit = go.load_audit(self.WORKED / "audit-2024.yaml")
        path = tmp_path / "report.xlsx"
        xlsx.save_workbook(audit.standard, path, card=go.score(audit))
        assert audit.assessment == xlsx.load_workbook(path).assessment
