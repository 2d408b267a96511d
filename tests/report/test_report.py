"""
The Markdown and JSON reports and the comparison of two audits.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.audit._comparison import ComparisonNote
from goudenoor.report import render_report
from helpers import run, run_cli


@pytest.fixture(name="card")
def _card(std2012: go.Standard) -> go.ScoreCard:
    return go.score(std2012, go.load_assessment(EXAMPLE_AUDIT))


class TestMarkdown:
    def test_content(self, card: go.ScoreCard) -> None:
        """
        Areas with points and maximum, totals, level and gap, ratings with
        evidence, warnings, improvements and results at risk (in English
        here; tests/report/test_report_language.py has the Dutch default).
        """
        md = render_report(card, "md", language="en")

        for expected in (
            "# Gouden Oor audit: Woonstichting Lindewaard\n",
            "| 4 Middelen | organisation | 2.50 | 10 | 25% |\n",
            "| **Organisation** | | **37.50** | 70 | |\n",
            "| **Total** | | **50.00** | 100 | |\n",
            "- **Level:** Gecommitteerd\n",
            (
                "- **Next level:** Niveau 1, which needs:\n"
                "  - organisation: 37.50 points, needs 50 (12.50 short)\n"
            ),
            "| 2.2 | +5.00 | Topmanagement is zich ten volle bewust",
            "- 8 Verbonden medewerkers (25%): weak drivers 4 (25%)\n",
            "- `7.2` not-applicable: not applicable, left out of its area:",
            "document: Onderzoeksopzet KTO klachtafhandeling, Bureau Meetpunt (2025)",
            "| 7.2 | Daardoor zorgen zowel bestaande als nieuwe klanten",
        ):
            assert expected in md

    def test_every_requirement_listed(self, card: go.ScoreCard) -> None:
        """
        Every requirement has a row in the ratings section.
        """
        md = render_report(card, "md", language="en")
        ratings = md.split("## Ratings and evidence", 1)[1]

        for requirement in card.standard.requirements:
            assert f"\n| {requirement.id} | " in ratings

    def test_pipes_escaped(self, std2012: go.Standard, card: go.ScoreCard) -> None:
        """
        A | in a note does not break the table.
        """
        a = card.assessment.with_ratings(
            {"1.1": go.Rating(value=1, note="links | rechts")}
        )

        md = render_report(go.score(std2012, a), "md")

        assert "links \\| rechts" in md

    def test_json(self, card: go.ScoreCard) -> None:
        """
        The JSON report is the score card plus the results at risk.
        """
        data = json.loads(render_report(card, "json", top=3))

        assert (50.0, "Gecommitteerd", 3, ["8", "9"]) == (
            data["points"]["total"],
            data["level"],
            len(data["improvements"]),
            [r["area_id"] for r in data["risks"]],
        )


class TestCompare:
    def test_changes(self, std2012: go.Standard, card: go.ScoreCard) -> None:
        """
        Area and requirement changes between two audits.
        """
        later = go.what_if(std2012, card.assessment, {"4.1": 3, "2.2": 2, "7.2": 1})

        c = go.compare(card, later)

        assert (round(later.total - card.total, 9), False) == (
            round(c.total_delta, 9),
            c.level_changed,
        )
        assert [
            ("2.2", None, 2.0),
            ("4.1", 1.0, 3.0),
            ("7.1", 1.0, 1.0),
            ("7.2", None, 1.0),
        ] == [(r.requirement_id, r.old_value, r.new_value) for r in c.requirements]
        assert ("not-applicable", "rated", -0.625) == (
            c.requirements[3].old_status,
            c.requirements[3].new_status,
            c.requirements[2].delta,
        )
        area4 = next(a for a in c.areas if a.area_id == "4")
        assert (2.5, 5.0, 2.5) == (area4.old_points, area4.new_points, area4.delta)

    def test_text(self, std2012: go.Standard, card: go.ScoreCard) -> None:
        """
        The text form shows each area's old, new and change.
        """
        later = go.what_if(std2012, card.assessment, {"4.1": 3})

        text = go.compare(card, later).text()

        assert " 4 Middelen                             2.50    5.00   +2.50\n" in text
        assert "  4.1               1 -> 3         +2.50 points\n" in text
        assert "level: Gecommitteerd -> Gecommitteerd\n" in text

    def test_across_editions(self, card: go.ScoreCard) -> None:
        """
        A 2012 audit against a 2016 one without a crosswalk: shared ids
        compared, others added or dropped, and notes that the editions
        differ and that requirements were matched by id.
        """
        std2016 = go.load_standard("gos-2016")
        later = go.score(
            std2016,
            go.Assessment(
                edition="gos-2016",
                organisation="Woonstichting Lindewaard",
                date=card.assessment.date.replace(year=2027),
                ratings={r.id: go.Rating(value=2) for r in std2016.requirements},
            ),
            evidence_policy="warn",
        )

        c = go.compare(card, later)

        kinds = {r.kind for r in c.requirements}
        assert {"changed", "added"} <= kinds
        assert (
            "the edition differs: gos-2012 then gos-2016",
            "the recognition scheme differs: niveaus then sterren",
            "requirements matched by id across editions",
        ) == c.warnings

    def test_cli_compare(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        goudenoor compare OLD NEW prints the change; --format md the report.
        """
        a = go.load_assessment(EXAMPLE_AUDIT)
        newer = go.what_if(std2012, a, {"4.1": 3}).assessment
        path = tmp_path / "new.yaml"
        go.save_assessment(newer, path)

        code, out = run("compare", str(EXAMPLE_AUDIT), str(path))
        md_code, md = run("compare", str(EXAMPLE_AUDIT), str(path), "--format", "md")

        assert (0, 0) == (code, md_code)
        assert "total                                  50.00   52.50   +2.50\n" in out
        assert "## Verandering sinds de vorige audit" in md


class TestCompareRefuses:
    """
    compare agrees with trend: one organisation and unit over time, the old
    audit first, unless an option says the user means it.
    """

    @pytest.mark.parametrize(
        ("changes", "allow", "message", "note"),
        [
            (
                {"organisation": "Woonstichting Elders"},
                "allow_different_organisations",
                (
                    "the audits are of different organisations: 'Woonstichting "
                    "Elders' and 'Woonstichting Lindewaard'; a comparison is of one "
                    "organisation and unit over time, unless different organisations "
                    "are allowed"
                ),
                ComparisonNote(
                    code="organisation",
                    old="Woonstichting Elders",
                    new="Woonstichting Lindewaard",
                ),
            ),
            (
                {"unit": "Locatie Zuid"},
                "allow_different_organisations",
                (
                    "the audits are of different units: 'Locatie Zuid' and no unit; a "
                    "comparison is of one organisation and unit over time, unless "
                    "different organisations are allowed"
                ),
                ComparisonNote(code="unit", old="Locatie Zuid", new=None),
            ),
            (
                {"date": datetime.date(2027, 1, 1)},
                "allow_reverse_dates",
                (
                    "the new audit (2026-10-01) is dated before the old one "
                    "(2027-01-01): give the older audit first, or allow reverse dates"
                ),
                ComparisonNote(code="date", old="2027-01-01", new="2026-10-01"),
            ),
        ],
    )
    def test_refused_unless_allowed(  # noqa: PLR0917 - parametrized
        self,
        std2012: go.Standard,
        card: go.ScoreCard,
        changes: dict[str, Any],
        allow: str,
        message: str,
        note: ComparisonNote,
    ) -> None:
        # The other audit is the old one: the example is dated 2026-10-01.
        other = go.score(std2012, attrs.evolve(card.assessment, **changes))

        with pytest.raises(go.GoudenoorError) as info:
            go.compare(other, card)
        allowed = go.compare(
            other,
            card,
            allow_different_organisations=allow == "allow_different_organisations",
            allow_reverse_dates=allow == "allow_reverse_dates",
        )

        assert message == str(info.value)
        assert (note,) == allowed.notes

    @pytest.mark.parametrize(
        ("changes", "option", "message"),
        [
            (
                {"organisation": "Woonstichting Elders"},
                "--allow-different-organisations",
                (
                    "the audits are of different organisations: 'Woonstichting "
                    "Elders' and 'Woonstichting Lindewaard'; a comparison is of one "
                    "organisation and unit over time, unless different organisations "
                    "are allowed"
                ),
            ),
            (
                {"date": datetime.date(2027, 1, 1)},
                "--allow-reverse-dates",
                (
                    "the new audit (2026-10-01) is dated before the old one "
                    "(2027-01-01): give the older audit first, or allow reverse dates"
                ),
            ),
        ],
    )
    @pytest.mark.parametrize("command", ["compare", "report"])
    def test_cli(  # noqa: PLR0917 - parametrized
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        changes: dict[str, Any],
        option: str,
        message: str,
        command: str,
    ) -> None:
        path = tmp_path / "other.yaml"
        go.save_assessment(
            attrs.evolve(go.load_assessment(EXAMPLE_AUDIT), **changes), path
        )
        argv = (
            ["compare", str(path), str(EXAMPLE_AUDIT)]
            if command == "compare"
            else ["report", str(EXAMPLE_AUDIT), "--compare", str(path)]
        )

        refused = run(*argv)
        error = capsys.readouterr().err
        allowed, _ = run(*argv, option)

        assert (2, "") == refused
        assert f"goudenoor: error: {message}\n" == error
        assert 0 == allowed


class TestCliReport:
    def test_markdown_to_file(self, tmp_path: Path) -> None:
        """
        goudenoor report FILE -o OUT writes the Markdown report.
        """
        out = tmp_path / "report.md"

        assert (0, "") == run("report", str(EXAMPLE_AUDIT), "-o", str(out))
        assert "## Punten per gebied" in out.read_text(encoding="utf-8")

    def test_with_compare(self) -> None:
        """
        --compare OLD adds the change section.
        """
        code, out = run("report", str(EXAMPLE_AUDIT), "--compare", str(EXAMPLE_AUDIT))

        assert 0 == code
        assert "niveau: Gecommitteerd -> Gecommitteerd" in out

    def test_xlsx_needs_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        An XLSX report without -o is refused in one line.
        """
        code, _ = run("report", str(EXAMPLE_AUDIT), "--format", "xlsx")

        assert 2 == code
        assert (
            "goudenoor: error: an XLSX report needs an output file: -o OUT.xlsx\n"
            == capsys.readouterr().err
        )


class TestCliWorkbook:
    def test_template_import_score(self, tmp_path: Path) -> None:
        """
        template --format xlsx, import-xlsx, score: the workbook workflow.
        """
        workbook = tmp_path / "audit.xlsx"
        audit = tmp_path / "audit.yaml"

        assert (0, "") == run(
            "template", "gos-2016", "--format", "xlsx", "-o", str(workbook)
        )
        assert (0, "") == run("import-xlsx", str(workbook), "-o", str(audit))
        code, out = run("score", str(audit))

        assert 0 == code
        assert "total                                   0.00  100.00\n" in out
        assert "warnings (39):" in out

    def test_report_xlsx_round_trip(self, tmp_path: Path) -> None:
        """
        report --format xlsx writes the filled workbook; importing it gives
        the same assessment back.
        """
        workbook = tmp_path / "report.xlsx"
        audit = tmp_path / "back.yaml"

        assert (0, "") == run(
            "report", str(EXAMPLE_AUDIT), "--format", "xlsx", "-o", str(workbook)
        )
        assert (0, "") == run("import-xlsx", str(workbook), "-o", str(audit))

        assert go.load_assessment(EXAMPLE_AUDIT) == go.load_assessment(audit)

    def test_import_to_standard_output_is_only_yaml(self, tmp_path: Path) -> None:
        """
        ``goudenoor import-xlsx BOOK`` without ``-o`` writes the assessment
        to standard output and nothing else, in a real process (openpyxl
        3.1.0 and 3.1.1 printed sheet names there; the floor is 3.1.2).
        """
        workbook = tmp_path / "report.xlsx"
        assert (0, "") == run(
            "report", str(EXAMPLE_AUDIT), "--format", "xlsx", "-o", str(workbook)
        )

        done = run_cli("import-xlsx", workbook)

        back = tmp_path / "back.yaml"
        back.write_text(done.stdout, encoding="utf-8")

        assert (0, "") == (done.returncode, done.stderr)
        assert go.load_assessment(EXAMPLE_AUDIT) == go.load_assessment(back)
