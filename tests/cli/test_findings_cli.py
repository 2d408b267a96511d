"""
goudenoor findings and goudenoor status (issue 25): the formats, the
exit codes of --fail-on, the JSON against the schemas of ``goudenoor
schema``, CSV cells guarded against formulas, and today by default.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

import goudenoor as go
from conftest import DATA
from helpers import run, run_captured


FINDINGS = DATA / "findings"
NOORD = str(FINDINGS / "zuiderlicht-noord-2025.yaml")
ZUID = str(FINDINGS / "zuiderlicht-zuid-2025.yaml")
HOSTILE = DATA / "findings-hostile"
AS_OF = "2025-10-01"


def _validate(kind: str, text: str) -> list[str]:
    """Every error of the JSON *text* against ``goudenoor schema KIND``."""
    code, schema_text = run("schema", kind)
    assert 0 == code
    schema = json.loads(schema_text)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [error.message for error in validator.iter_errors(json.loads(text))]


class TestFindings:
    def test_text(self) -> None:
        code, out = run("findings", NOORD, "--as-of", AS_OF)

        assert 0 == code
        assert (
            "Woonstichting Zuiderlicht (Noord): 5 findings on 2025-10-01, 2 open, "
            "1 overdue\n"
            "A-1 afwijking (major) on 2.4: verified, deadline 2025-09-01: Geen "
            "eigenaar voor de klachtafhandeling benoemd.\n"
            "A-2 afwijking (minor) on 3.3: planned, deadline 2025-06-01, OVERDUE: "
            "Nieuwe medewerkers krijgen geen training in klachtgesprekken.\n"
            "V-1 verbeterpunt on 5.1: open, deadline 2025-12-01: Leg de "
            "terugkoppeling aan de klager vast.\n"
            "O-1 observatie on 1.1: Het klantpanel komt maar twee keer per jaar "
            "bijeen.\n"
            "S-1 sterk-punt on 1.3: Klanten worden binnen een dag persoonlijk "
            "teruggebeld.\n"
        ) == out

    def test_json_validates_against_its_schema(self) -> None:
        code, out = run("findings", NOORD, "--as-of", AS_OF, "--format", "json")

        assert 0 == code
        assert [] == _validate("findings", out)
        data = json.loads(out)
        assert "findings/1" == data["goudenoor"]
        assert [("A-2", "planned", True)] == [
            (f["id"], f["status"], f["overdue"])
            for f in data["findings"]
            if f["overdue"]
        ]
        assert (
            data
            == go.findings_on(
                go.load_audit(NOORD), datetime.date(2025, 10, 1)
            ).to_data()
        )

    def test_markdown_dutch_by_default_and_english(self) -> None:
        _, dutch = run("findings", NOORD, "--as-of", AS_OF, "--format", "md")
        _, english = run(
            "findings", NOORD, "--as-of", AS_OF, "--format", "md", "--language", "en"
        )

        assert dutch.startswith("# Bevindingen: Woonstichting Zuiderlicht\n")
        assert "| gepland **te laat** |" in dutch
        assert english.startswith("# Findings: Woonstichting Zuiderlicht\n")
        assert "| planned **overdue** |" in english

    def test_today_by_default(self) -> None:
        """
        Without --as-of the statuses are on today's date.
        """
        today = datetime.date.today().isoformat()  # noqa: DTZ011 - the command's own default

        _, out = run("findings", NOORD, "--format", "json")

        assert today == json.loads(out)["as_of"]

    def test_standard_input(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setattr(
            "sys.stdin", io.TextIOWrapper(io.BytesIO(Path(NOORD).read_bytes()))
        )

        code, out, err = run_captured(
            ["findings", "-", "--as-of", AS_OF, "--format", "json"], capsys
        )

        assert (0, "") == (code, err)
        assert "<stdin>" not in out
        assert 5 == len(json.loads(out)["findings"])

    def test_a_wrong_date_is_a_usage_error(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        with pytest.raises(SystemExit) as exc:
            run("findings", NOORD, "--as-of", "1-10-2025")

        assert 2 == exc.value.code
        assert (
            "goudenoor: error: argument --as-of: expected a date YYYY-MM-DD, got "
            "'1-10-2025' (see 'goudenoor findings --help')\n"
        ) == capsys.readouterr().err

    def test_the_help_says_today(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            run("findings", "--help")

        help_text = " ".join(capsys.readouterr().out.split())
        assert "(default: today, datetime.date.today())" in help_text


class TestStatus:
    def test_text_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run_captured(
            ["status", str(FINDINGS), "--as-of", AS_OF], capsys
        )

        assert (0, "") == (code, err)
        assert [
            (
                "organisation               unit   as_of       level     state      "
                "valid_until  next_review  open_findings  overdue_findings  scheme   "
                "audit_date"
            ),
            (
                "Stichting Lindeplein              2025-10-01  Niveau 2  valid      "
                "2027-11-01   2025-11-01   0              0                 niveaus  "
                "2024-11-01"
            ),
            (
                "Woonstichting Zuiderlicht  Noord  2025-10-01  Niveau 2  valid      "
                "2028-03-03   2026-03-03   2              1                 niveaus  "
                "2025-03-03"
            ),
            (
                "Woonstichting Zuiderlicht  Zuid   2025-10-01  Niveau 2  suspended  "
                "2028-04-01   2026-04-01   1              1                 niveaus  "
                "2025-04-01"
            ),
        ] == out.splitlines()

    def test_json_validates_against_its_schema(self) -> None:
        code, out = run("status", str(FINDINGS), "--as-of", AS_OF, "--format", "json")

        assert 0 == code
        assert [] == _validate("status", out)
        data = json.loads(out)
        portfolio = go.load_portfolio(FINDINGS)
        assert {
            "goudenoor": "status/1",
            "as_of": AS_OF,
            "rows": portfolio.status(datetime.date(2025, 10, 1)),
            "refused": [],
        } == data

    def test_a_refused_file_is_named_and_exits_one(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        shutil.copy(NOORD, tmp_path)
        bad = tmp_path / "bad.yaml"
        bad.write_text("goudenoor: assessment/1\nedition: gos-2012\n", encoding="utf-8")

        code, out, err = run_captured(
            ["status", str(tmp_path), "--as-of", AS_OF, "--format", "json"], capsys
        )

        assert 1 == code
        assert [] == _validate("status", out)
        data = json.loads(out)
        assert [str(bad)] == [item["path"] for item in data["refused"]]
        assert 1 == len(data["rows"])
        assert err.startswith(f"goudenoor: error: 2 problems in {bad}:\n")

    def test_csv_guards_formulas(self) -> None:
        """
        Every text cell that a spreadsheet would run is prefixed with an
        apostrophe; the reasons are one cell, the domain's sentences.
        """
        code, out = run("status", str(HOSTILE), "--as-of", AS_OF, "--format", "csv")

        assert 0 == code
        rows = list(csv.reader(io.StringIO(out)))
        assert [
            "organisation",
            "unit",
            "as_of",
            "level",
            "state",
            "valid_until",
            "next_review",
            "open_findings",
            "overdue_findings",
            "scheme",
            "audit_date",
            "reasons",
        ] == rows[0]
        assert [
            '\'=HYPERLINK("http://evil.invalid","klik")',
            "'@SUM(A1)",
            "2025-10-01",
            "Niveau 2",
            "suspended",
            "2028-03-03",
            "2026-03-03",
            "1",
            "1",
            "niveaus",
            "2025-03-03",
            (
                "level Niveau 2 granted by the audit of 2025-03-03; afwijking A-1 was "
                "not verified by its deadline 2025-06-01"
            ),
        ] == rows[1]

    def test_markdown_status_page(self) -> None:
        code, out = run("status", str(FINDINGS), "--as-of", AS_OF, "--format", "md")

        assert 0 == code
        assert out.startswith(
            "# Stand van de erkenningen\n\n- **Peildatum:** 2025-10-01\n"
        )
        _, english = run(
            "status",
            str(FINDINGS),
            "--as-of",
            AS_OF,
            "--format",
            "md",
            "--language",
            "en",
        )
        assert english.startswith("# Recognition status\n\n- **As of:** 2025-10-01\n")

    @pytest.mark.parametrize(
        ("fail_on", "as_of", "expected", "messages"),
        [
            (
                "suspended",
                "2025-10-01",
                1,
                ["suspended: Woonstichting Zuiderlicht (Zuid) on 2025-10-01"],
            ),
            ("suspended", "2025-05-01", 0, []),
            (
                "overdue",
                "2025-10-01",
                1,
                [
                    "overdue findings: Woonstichting Zuiderlicht (Noord): A-2",
                    "overdue findings: Woonstichting Zuiderlicht (Zuid): A-1",
                ],
            ),
            ("overdue", "2025-05-01", 0, []),
        ],
    )
    def test_fail_on(
        self,
        fail_on: str,
        as_of: str,
        expected: int,
        messages: list[str],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """
        --fail-on exits 1 when its condition holds, naming each
        recognition on standard error; the table is still written.
        """
        code, out, err = run_captured(
            ["status", NOORD, ZUID, "--as-of", as_of, "--fail-on", fail_on], capsys
        )

        assert expected == code
        assert [f"goudenoor: {message}" for message in messages] == err.splitlines()
        assert 3 == len(out.splitlines())

    def test_without_fail_on_a_suspension_exits_zero(self) -> None:
        code, _ = run("status", NOORD, ZUID, "--as-of", AS_OF)

        assert 0 == code

    def test_standard_input_is_refused(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _, err = run_captured(["status", "-"], capsys)

        assert 2 == code
        assert (
            "goudenoor: error: PATH: standard input ('-') cannot be read here: give "
            "assessment files, folders or glob patterns\n"
        ) == err


def test_status_takes_the_scoring_options() -> None:
    """
    The level is the latest audit's, scored with the options given: the
    worked example reaches Gecommitteerd on the niveaus and 2 sterren on the
    sterren scheme (53.1 points).
    """
    worked = str(Path(__file__).parent.parent.parent / "examples" / "erkenning")
    levels = []
    for scheme in ("niveaus", "sterren"):
        code, out = run(
            "status",
            worked,
            "--as-of",
            "2024-12-02",
            "--scheme",
            scheme,
            "--format",
            "json",
        )
        assert 0 == code
        levels.append(json.loads(out)["rows"][0]["level"])
    assert ["Gecommitteerd", "2 sterren"] == levels
