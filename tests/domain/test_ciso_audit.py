"""
Audits both ways with CISO Assistant, and the parity of its total with
goudenoor's (issue 29).

CISO Assistant's formats were read from its source at commit f990d7b1b of
intuitem/ciso-assistant-community: its data import reads rows of
``ref_id`` (or ``urn``), ``assessable``, ``compliance_result``, ``score``
and ``observations`` (backend/data_wizard/views.py,
``_reconcile_compliance_requirements``); its audit export writes CSV with
a byte order mark and ``;`` (backend/core/views.py,
``compliance_assessment_csv``), with the columns of ``CISO_EXPORT_COLUMNS``
below and a leading apostrophe before a text a spreadsheet would run
(``escape_excel_formula``).
"""

from __future__ import annotations

import csv
import datetime
import doctest
import io
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import assume, given, settings, strategies as st

import goudenoor as go
from conftest import EXAMPLE_AUDIT, ROOT
from goudenoor.exceptions import OutputError, ValidationError
from goudenoor.files import (
    ciso_assistant_audit_csv,
    ciso_assistant_audit_xlsx,
    read_ciso_assistant_audit,
)
from goudenoor.interchange import (
    AUDIT_COLUMNS,
    _ciso_audit as ciso_audit,
    ciso_assistant_average,
    ciso_assistant_parity,
    ciso_assistant_score,
    from_ciso_assistant_audit,
    to_ciso_assistant_audit,
    to_ciso_assistant_library,
)
from helpers import run, run_captured


EXAMPLES: Final = sorted(
    path
    for path in (ROOT / "examples").rglob("*.yaml")
    if "goudenoor-zorg" not in path.parts
)
CISO_EXPORT_COLUMNS: Final = (
    "urn",
    "ref_id",
    "name",
    "description",
    "typical_evidence",
    "annotation",
    "compliance_result",
    "extended_result",
    "requirement_progress",
    "score",
    "observations",
)
DATE: Final = datetime.date(2026, 10, 1)


def _facts(rating: go.Rating | None) -> object:
    """What of a rating crosses to CISO Assistant and back."""
    if rating is None:
        return None
    return (
        rating.value,
        rating.not_applicable,
        rating.justification,
        rating.note,
        rating.checkpoints_met,
        [(item.kind, item.reference) for item in rating.evidence],
    )


def _same_ratings(audit: go.Audit, assessment: go.Assessment) -> None:
    ids = {*audit.assessment.ratings, *assessment.ratings}
    expected = {rid: _facts(audit.assessment.ratings.get(rid)) for rid in ids}
    actual = {rid: _facts(assessment.ratings.get(rid)) for rid in ids}
    assert expected == actual


def _read_back(
    rows: list[dict[str, Any]], standard: go.Standard
) -> tuple[go.Assessment, tuple[go.Problem, ...]]:
    return from_ciso_assistant_audit(
        rows, standard, organisation="Woonstichting Lindewaard", date=DATE
    )


@pytest.fixture(scope="module")
def audit() -> go.Audit:
    return go.load_audit(EXAMPLE_AUDIT)


class TestRows:
    def test_the_rows_of_the_example_audit(self, audit: go.Audit) -> None:
        """
        One row per node of the library, in order; areas and themes not
        assessable with empty results; the rated, unrated and N/A
        requirements as CISO Assistant's results.
        """
        rows = to_ciso_assistant_audit(audit)
        library = to_ciso_assistant_library(audit.standard)
        nodes = library["objects"]["framework"]["requirement_nodes"]
        by_ref = {row["ref_id"]: row for row in rows}
        prefix = "urn:goudenoor:risk:req_node:gos-2012"

        assert [node["urn"] for node in nodes] == [row["urn"] for row in rows]
        assert {
            "urn": f"{prefix}:1",
            "ref_id": "1",
            "assessable": False,
            "compliance_result": "",
            "score": None,
            "observations": "",
        } == rows[0]
        assert {
            "urn": f"{prefix}:2.2",
            "ref_id": "2.2",
            "assessable": True,
            "compliance_result": "not_assessed",
            "score": None,
            "observations": "",
        } == by_ref["2.2"]
        assert ("not_applicable", None) == (
            by_ref["7.2"]["compliance_result"],
            by_ref["7.2"]["score"],
        )
        assert by_ref["7.2"]["observations"].startswith("Niet van toepassing: ")
        assert (
            "Feedback wordt actief gevraagd na reparaties en verhuizing. Digitaal "
            "klantpanel loopt nog op gang.\n\nBewijs:\n- document: Klachten- en "
            "feedbackbeleid Woonstichting Lindewaard 2026 (versie 2.1)\n- "
            "observation: Meeluisteren klantcontactcentrum, 6 gesprekken over "
            "reparatieverzoeken"
        ) == by_ref["1.1"]["observations"]

    def test_results_by_value(self) -> None:
        """
        The maximum is compliant, the minimum non_compliant, between them
        partially_compliant, each with its share of the scale.
        """
        standard = go.load_standard("gos-2012")
        ratings = {"1.1": 4, "1.2": 0, "1.3": 2}
        assessment = go.Assessment(
            edition="gos-2012", organisation="X", date=DATE, ratings=ratings
        )
        rows = to_ciso_assistant_audit(
            go.Audit(assessment=assessment, standard=standard)
        )
        by_ref = {row["ref_id"]: row for row in rows}

        assert [
            ("compliant", 100),
            ("non_compliant", 0),
            ("partially_compliant", 50),
        ] == [
            (by_ref[rid]["compliance_result"], by_ref[rid]["score"]) for rid in ratings
        ]

    def test_another_scale_is_refused(self) -> None:
        standard = go.load_standard("gos-2012")
        assessment = go.Assessment(
            edition="gos-2012", organisation="X", date=DATE, scale="conformiteit"
        )
        audit = go.Audit(assessment=assessment, standard=standard)

        with pytest.raises(OutputError) as raised:
            to_ciso_assistant_audit(audit)

        assert (
            "the assessment is rated on the scale conformiteit, the CISO "
            "Assistant library scores the scale gos-0-4 (expected an assessment "
            "on the edition's default scale)"
        ) == str(raised.value)

    def test_doctests(self) -> None:
        failures, tried = doctest.testmod(ciso_audit, raise_on_error=False)

        assert (0, True) == (failures, tried > 0)


class TestRoundTrip:
    @pytest.mark.parametrize(
        "path", EXAMPLES, ids=[str(p.relative_to(ROOT)) for p in EXAMPLES]
    )
    def test_every_example_audit(self, path: Path) -> None:
        """
        audit -> rows -> audit: the same ratings, N/A with justification,
        notes, checkpoints met and evidence (kind and reference), and
        nothing worth reporting.
        """
        audit = go.load_audit(path)
        assessment, problems = _read_back(
            to_ciso_assistant_audit(audit), audit.standard
        )

        _same_ratings(audit, assessment)
        assert () == problems

    @pytest.mark.parametrize("kind", ["csv", "xlsx"])
    def test_through_the_files(
        self, audit: go.Audit, kind: str, tmp_path: Path
    ) -> None:
        rows = to_ciso_assistant_audit(audit)
        path = tmp_path / f"audit.{kind}"
        if kind == "csv":
            path.write_text(ciso_assistant_audit_csv(rows, AUDIT_COLUMNS), "utf-8")
        else:
            path.write_bytes(ciso_assistant_audit_xlsx(rows, AUDIT_COLUMNS))
        assessment, problems = _read_back(
            read_ciso_assistant_audit(str(path)), audit.standard
        )

        _same_ratings(audit, assessment)
        assert () == problems

    def test_the_csv_is_ciso_assistants_form(self, audit: go.Audit) -> None:
        text = ciso_assistant_audit_csv(to_ciso_assistant_audit(audit), AUDIT_COLUMNS)

        assert (
            "\ufeffurn,ref_id,assessable,compliance_result,score,observations\r\n"
            "urn:goudenoor:risk:req_node:gos-2012:1,1,False,,,\r\n"
        ) == "".join(text.splitlines(keepends=True)[:2])

    def test_ciso_assistants_own_export(self, audit: go.Audit, tmp_path: Path) -> None:
        """
        CISO Assistant's export, in its columns and with its escapes, reads
        back as the audit.
        """
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(CISO_EXPORT_COLUMNS)
        for row in to_ciso_assistant_audit(audit):
            observations = row["observations"]
            writer.writerow(
                [
                    row["urn"],
                    row["ref_id"],
                    "naam",
                    "omschrijving",
                    "",
                    "",
                    row["compliance_result"],
                    "",
                    "in_progress" if row["assessable"] else "",
                    "" if row["score"] is None else row["score"],
                    f"'{observations}"
                    if observations.startswith("=")
                    else observations,
                ]
            )
        path = tmp_path / "audit_export.csv"
        path.write_text(buffer.getvalue(), "utf-8")
        assessment, problems = _read_back(
            read_ciso_assistant_audit(str(path)), audit.standard
        )

        _same_ratings(audit, assessment)
        assert () == problems


def _rows(*changes: dict[str, Any]) -> list[dict[str, Any]]:
    """
    The rows of an empty gos-2012 audit with *changes* (by ref_id, or
    appended when the ref_id is not a row's).
    """
    standard = go.load_standard("gos-2012")
    assessment = go.Assessment(edition="gos-2012", organisation="X", date=DATE)
    rows = to_ciso_assistant_audit(go.Audit(assessment=assessment, standard=standard))
    by_ref = {row["ref_id"]: row for row in rows if row["ref_id"]}
    for change in changes:
        if change["ref_id"] in by_ref:
            by_ref[change["ref_id"]].update(change)
        else:
            rows.append({"urn": "", **change})
    return rows


class TestReading:
    def test_refusals_name_their_rows(self) -> None:
        """
        Every refused row at once, each named as a spreadsheet numbers it
        (the header is row 1).
        """
        rows = _rows(
            {"ref_id": "1.1", "compliance_result": "partially_compliant", "score": 80},
            {"ref_id": "1.2", "score": "veel"},
            {"ref_id": "1.3", "compliance_result": "half"},
            {"ref_id": "5.1", "compliance_result": "not_applicable"},
            {"ref_id": "9.9", "compliance_result": "compliant", "score": 100},
            {
                "ref_id": "5.2",
                "urn": "urn:goudenoor:risk:req_node:gos-2016:5.2",
                "score": 100,
            },
        )
        rows.append(dict(rows[2]))

        with pytest.raises(ValidationError) as raised:
            _read_back(rows, go.load_standard("gos-2012"))

        assert 43 == len(rows)  # 41 nodes, 9.9 and the repeated 1.1
        assert [
            (
                "row 3 (1.1): score 80 is not the score of a level of the scale "
                "gos-0-4 (expected 0, 25, 50, 75, 100)"
            ),
            (
                "row 4 (1.2): score veel is not the score of a level of the scale "
                "gos-0-4 (expected 0, 25, 50, 75, 100)"
            ),
            (
                "row 5 (1.3): compliance_result 'half' is not one of CISO "
                "Assistant's (expected compliant, non_compliant, "
                "partially_compliant, not_applicable, not_assessed)"
            ),
            (
                "row 22 (5.1): not_applicable without observations (expected the "
                "justification in observations)"
            ),
            (
                "row 23: urn 'urn:goudenoor:risk:req_node:gos-2016:5.2' is not of "
                "the library gos-2012 (expected URNs starting "
                "urn:goudenoor:risk:req_node:gos-2012:)"
            ),
            (
                "row 43: ref_id '9.9' is not a node of the library gos-2012 "
                "(expected a requirement id such as 1.1)"
            ),
            "row 44: requirement 1.2 has a row already (row 4)",
        ] == [problem.message for problem in raised.value.problems]

    def test_what_is_worth_knowing(self) -> None:
        """
        A result without a score, a result that disagrees with its score,
        a score beside N/A, a result on an area: read, and said.
        """
        rows = _rows(
            {"ref_id": "1.1", "compliance_result": "compliant", "score": ""},
            {"ref_id": "1.2", "compliance_result": "non_compliant"},
            {"ref_id": "1.3", "compliance_result": "partially_compliant"},
            {"ref_id": "1.4", "compliance_result": "compliant", "score": 50},
            {
                "ref_id": "5.1",
                "compliance_result": "not_applicable",
                "score": 25,
                "observations": "geen klanten",
            },
            {"ref_id": "2", "compliance_result": "compliant"},
        )
        assessment, problems = _read_back(rows, go.load_standard("gos-2012"))

        assert [
            "row 3 (1.1): compliant without a score: read as 4, the scale's maximum",
            (
                "row 4 (1.2): non_compliant without a score: read as 0, the "
                "scale's minimum"
            ),
            (
                "row 5 (1.3): partially_compliant without a score: read as "
                "unrated (expected the score of a level)"
            ),
            (
                "row 6 (1.4): compliant with score 50: the score is read (2, "
                "partially_compliant)"
            ),
            "row 8: node 2 is not assessable: its result and score are not read",
            (
                "row 22 (5.1): not_applicable with score 25: the score is not read "
                "(CISO Assistant skips it too)"
            ),
        ] == [problem.message for problem in problems]
        assert {
            "1.1": (4.0, False, None),
            "1.2": (0.0, False, None),
            "1.4": (2.0, False, None),
            "5.1": (None, True, "geen klanten"),
        } == {
            rid: (rating.value, rating.not_applicable, rating.justification)
            for rid, rating in assessment.ratings.items()
        }

    def test_a_requirement_without_a_row(self) -> None:
        rows = [row for row in _rows() if row["ref_id"] not in ("1.1", "1.2")]
        assessment, problems = _read_back(rows, go.load_standard("gos-2012"))

        assert ["no row for 1.1, 1.2: read as unrated"] == [
            problem.message for problem in problems
        ]
        assert {} == dict(assessment.ratings)


HOSTILE: Final = "=1+1 @SUM(A1) \x1b[31m rood \u202egpj.exe"


class TestHostileText:
    @pytest.fixture
    def rows(self) -> list[dict[str, Any]]:
        return _rows(
            {"ref_id": "1.1", "observations": HOSTILE},
            {"ref_id": "1.2", "observations": "@SUM(A1:A9)"},
            {"ref_id": "1.3", "observations": "-2+3"},
        )

    def test_never_a_formula_in_the_csv(self, rows: list[dict[str, Any]]) -> None:
        text = ciso_assistant_audit_csv(rows, AUDIT_COLUMNS).removeprefix("\ufeff")
        cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]

        assert [] == [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
        assert [] == [cell for cell in cells if "\x1b" in cell or "\u202e" in cell]
        assert (
            "'=1+1 @SUM(A1) \\u001b[31m rood \\u202egpj.exe",
            "'@SUM(A1:A9)",
            "'-2+3",
        ) == tuple(cells[len(AUDIT_COLUMNS) * 2 + 5 :: len(AUDIT_COLUMNS)][:3])

    def test_never_a_formula_in_the_workbook(
        self, rows: list[dict[str, Any]], tmp_path: Path
    ) -> None:
        from openpyxl import load_workbook

        path = tmp_path / "audit.xlsx"
        path.write_bytes(ciso_assistant_audit_xlsx(rows, AUDIT_COLUMNS))
        sheet = load_workbook(path).worksheets[0]
        cells = [cell for row in sheet.iter_rows() for cell in row]

        assert [] == [cell.coordinate for cell in cells if cell.data_type == "f"]
        assert (
            "'=1+1 @SUM(A1) \\u001b[31m rood \\u202egpj.exe",
            "'@SUM(A1:A9)",
            "'-2+3",
        ) == (sheet["F3"].value, sheet["F4"].value, sheet["F5"].value)

    def test_read_back_as_written(
        self, rows: list[dict[str, Any]], tmp_path: Path
    ) -> None:
        """
        The apostrophe comes off again; the control characters stay in
        their visible form.
        """
        path = tmp_path / "audit.csv"
        path.write_text(ciso_assistant_audit_csv(rows, AUDIT_COLUMNS), "utf-8")
        assessment, _ = _read_back(
            read_ciso_assistant_audit(str(path)), go.load_standard("gos-2012")
        )

        assert (
            "=1+1 @SUM(A1) \\u001b[31m rood \\u202egpj.exe",
            "@SUM(A1:A9)",
            "-2+3",
        ) == tuple(assessment.ratings[rid].note for rid in ("1.1", "1.2", "1.3"))


class TestParity:
    def test_the_example_audit(self, audit: go.Audit) -> None:
        """
        The example audit leaves 2.2 and 8.2 unrated and has 7.2 N/A:
        exactly those are named, and with the truncation they make the
        whole difference.
        """
        parity = ciso_assistant_parity(audit)

        assert [
            ("2.2", "unrated"),
            ("7.2", "not-applicable"),
            ("8.2", "unrated"),
        ] == [(item.requirement_id, item.reason) for item in parity.differences]
        assert (50.0, 54.8, False) == (
            parity.goudenoor_total,
            parity.ciso_assistant_score,
            parity.agree,
        )
        assert pytest.approx(parity.difference) == (
            sum(item.points for item in parity.differences) + parity.truncation
        )
        assert (
            "totaal goudenoor: 50.00 / 100.00\n"
            "CISO Assistant: 54.8 -> 54.80 punten\n"
            "verschil: -4.80\n"
            "  2.2: -2.74 (niet beoordeeld: goudenoor telt 0, CISO Assistant "
            "slaat haar over)\n"
            "  7.2: -0.75 (n.v.t.: goudenoor verdeelt haar punten binnen het "
            "gebied, CISO Assistant laat haar uit het hele gemiddelde)\n"
            "  8.2: -1.37 (niet beoordeeld: goudenoor telt 0, CISO Assistant "
            "slaat haar over)\n"
            "  afkappen op één decimaal: +0.06\n"
        ) == parity.text()

    def test_a_complete_audit_agrees(self) -> None:
        audit = go.load_audit(ROOT / "examples" / "sector" / "beekdal.yaml")
        parity = ciso_assistant_parity(audit)

        assert ((), True) == (parity.differences, parity.agree)
        assert "de totalen komen overeen" in parity.text()

    def test_nothing_scored(self) -> None:
        """
        CISO Assistant shows -1 for an audit without a score: never
        agreement.
        """
        standard = go.load_standard("gos-2012")
        assessment = go.Assessment(edition="gos-2012", organisation="X", date=DATE)
        parity = ciso_assistant_parity(
            go.Audit(assessment=assessment, standard=standard)
        )

        assert (None, False) == (parity.ciso_assistant_score, parity.agree)
        assert (
            "goudenoor total: 0.00 / 100.00\n"
            "CISO Assistant: no requirement scored (it shows -1)\n"
        ) == parity.text("en")


def _assessment(standard: go.Standard, choices: list[object]) -> go.Assessment:
    ratings: dict[str, go.Rating] = {}
    for requirement, choice in zip(standard.requirements, choices, strict=True):
        if choice == "n/a":
            ratings[requirement.id] = go.Rating(
                not_applicable=True, justification="past niet"
            )
        elif choice is not None:
            ratings[requirement.id] = go.Rating(value=choice)  # type: ignore[arg-type]
    return go.Assessment(
        edition=standard.id,
        organisation="X",
        date=DATE,
        extensions=standard.extensions,
        ratings=ratings,
    )


def _audit(standard: go.Standard, choices: list[object]) -> go.Audit:
    return go.Audit(assessment=_assessment(standard, choices), standard=standard)


STANDARDS: Final = [go.load_standard(edition) for edition in go.editions()]


@st.composite
def _audits(draw: st.DrawFn) -> go.Audit:
    standard = draw(st.sampled_from(STANDARDS))
    levels: list[object] = [*standard.scale().values, None, "n/a"]
    choices = draw(
        st.lists(
            st.sampled_from(levels),
            min_size=len(standard.requirements),
            max_size=len(standard.requirements),
        )
    )
    assessment = _assessment(standard, choices)
    # An area cannot be N/A as a whole (the audit would be refused).
    assume(not go.assessment_problems(assessment, standard))
    return go.Audit(assessment=assessment, standard=standard)


class TestParityProperty:
    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(audit=_audits())
    def test_the_named_requirements_make_the_difference(self, audit: go.Audit) -> None:
        """
        goudenoor's total minus CISO Assistant's untruncated one is the sum
        of the named requirements' points: take their effect away and the
        two agree (within the truncation, less than 0.1).
        """
        parity = ciso_assistant_parity(audit)
        assume(parity.ciso_assistant_total is not None)
        assert parity.ciso_assistant_total is not None  # for mypy
        rest = parity.goudenoor_total - sum(item.points for item in parity.differences)

        assert abs(rest - parity.ciso_assistant_total) < 0.1
        assert pytest.approx(rest, abs=1e-9) == (
            parity.ciso_assistant_total + parity.truncation
        )

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(audit=_audits())
    def test_counted_as_goudenoor_counts_them_they_agree(self, audit: go.Audit) -> None:
        """
        Give every requirement CISO Assistant leaves out the share goudenoor
        counts for it (0 unrated, its area's share N/A) and CISO
        Assistant's average is goudenoor's total within 0.1.
        """
        standard = audit.standard
        card = go.score(audit)
        scores: dict[str, float | None] = {}
        for requirement in standard.requirements:
            rating = audit.assessment.ratings.get(requirement.id)
            result = card.requirements[requirement.id]
            if rating is not None and rating.value is not None:
                scores[requirement.id] = ciso_assistant_score(standard, rating.value)
            elif result.fraction is None:
                scores[requirement.id] = 100 * card.areas[result.area_id].fraction
            else:
                scores[requirement.id] = 100 * result.fraction
        average = ciso_assistant_average(to_ciso_assistant_library(standard), scores)
        assert average is not None

        assert abs(card.total - average * standard.max_points / 100) < 0.1

    def test_an_area_with_one_requirement_applicable(self) -> None:
        """
        7.2 N/A in an area whose other requirement is rated like every
        other: its area's share is CISO Assistant's mean, so it makes no
        difference and is not named; 8.2 unrated is.
        """
        standard = go.load_standard("gos-2012")
        choices: list[object] = [
            {"7.2": "n/a", "8.2": None}.get(requirement.id, 3.0)
            for requirement in standard.requirements
        ]
        parity = ciso_assistant_parity(_audit(standard, choices))

        assert [("8.2", "unrated")] == [
            (item.requirement_id, item.reason) for item in parity.differences
        ]


class TestCommands:
    def test_export_to_stdout(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The rows on stdout, the parity report on stderr.
        """
        code, out, err = run_captured(
            ["export", "ciso-assistant-audit", str(EXAMPLE_AUDIT)], capsys
        )

        assert 0 == code
        assert out.startswith("\ufeffurn,ref_id,assessable,")
        assert err.startswith("totaal goudenoor: 50.00 / 100.00\n")

    def test_export_and_import(self, tmp_path: Path) -> None:
        rows = tmp_path / "audit.xlsx"
        back = tmp_path / "back.yaml"
        code, printed = run(
            "export",
            "ciso-assistant-audit",
            str(EXAMPLE_AUDIT),
            "--format",
            "xlsx",
            "-o",
            str(rows),
            "--language",
            "en",
        )
        assert (0, "goudenoor total: 50.00 / 100.00\n") == (
            code,
            printed.splitlines(keepends=True)[0],
        )
        code, printed = run(
            "import",
            "ciso-assistant-audit",
            str(rows),
            "--edition",
            "gos-2012",
            "--organisation",
            "Woonstichting Lindewaard",
            "--date",
            "2026-10-01",
            "-o",
            str(back),
        )

        assert (0, ciso_assistant_parity(go.load_audit(EXAMPLE_AUDIT)).text()) == (
            code,
            printed,
        )
        loaded = go.load_assessment(back)
        assert ("Woonstichting Lindewaard", DATE) == (loaded.organisation, loaded.date)
        _same_ratings(go.load_audit(EXAMPLE_AUDIT), loaded)

    def test_an_xlsx_needs_an_output_file(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _, err = run_captured(
            ["export", "ciso-assistant-audit", str(EXAMPLE_AUDIT), "--format", "xlsx"],
            capsys,
        )

        assert (
            2,
            "goudenoor: error: an XLSX audit needs an output file: -o OUT.xlsx\n",
        ) == (
            code,
            err,
        )

    def test_a_refused_import(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "audit.csv"
        rows = _rows({"ref_id": "1.1", "score": 80})
        path.write_text(ciso_assistant_audit_csv(rows, AUDIT_COLUMNS), "utf-8")
        code, out, err = run_captured(
            ["import", "ciso-assistant-audit", str(path), "--edition", "gos-2012"],
            capsys,
        )

        assert (2, "") == (code, out)
        assert "row 3 (1.1): score 80 is not the score of a level" in err
