"""
The goudenoor command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLE_AUDIT
from goudenoor.cli import build_parser
from helpers import commands_of, run, run_cli, run_python


class TestEditions:
    def test_lists_both(self) -> None:
        """
        Each edition is listed with its counts.
        """
        code, out = run("editions")

        assert 0 == code
        assert (
            "gos-2012  Gouden Oor Standaard 2012 (2012): 9 areas, 29 requirements"
            in out
        )
        assert 2 == out.count("\n")


class TestShow:
    def test_area_with_requirements(self) -> None:
        """
        An area is shown with ids, evidence and checkpoints.
        """
        code, out = run("show", "gos-2016", "5")

        assert 0 == code
        assert "5 Leren & innoveren (organisation area, 10 points (assumed))" in out
        for expected in ("Evalueren", "Leren", "Innoveren", "5.1", "5.6"):
            assert expected in out
        assert "> Dit blijkt uit het feit dat de effecten" in out
        assert "[ ] 5.1.a" in out

    def test_overview(self) -> None:
        """
        Without an area, every area is listed with its points.
        """
        code, out = run("show", "gos-2012")

        assert 0 == code
        assert "organisation 70 + result 30 = 100 points" in out
        assert 9 == out.count("requirements\n")

    def test_area_of_newest(self) -> None:
        """
        One argument that is not an edition is an area of the newest one.
        """
        code, out = run("show", "Leiderschap")

        assert 0 == code
        assert out.startswith("gos-2016: ")

    def test_unknown_area(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        An unknown area is one error line and exit code 2.
        """
        code, out = run("show", "gos-2012", "10")

        assert (2, "") == (code, out)
        assert (
            "goudenoor: error: unknown area '10' in gos-2012; did you mean '1'?\n"
            == capsys.readouterr().err
        )

    def test_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A usage error is one line too.
        """
        with pytest.raises(SystemExit) as info:
            run("sh0w")

        assert 2 == info.value.code
        assert 1 == capsys.readouterr().err.count("\n")


def test_python_m() -> None:
    """
    python -m goudenoor runs the same command.
    """
    done = run_cli("show", "gos-2012", "5")

    assert (0, "") == (done.returncode, done.stderr)
    assert "5.7" in done.stdout


def test_help_lists_the_commands_in_the_order_of_an_audit() -> None:
    """
    goudenoor --help lists the commands in the order of an audit's year
    (look up, fill in, score, report, ...), not grouped by the modules
    that define them.
    """
    expected = [
        "editions",
        "show",
        "questionnaire",
        "template",
        "score",
        "report",
        "compare",
        "import-xlsx",
        "graph",
        "extensions",
        "schema",
        "validate",
        "diff",
        "migrate",
        "consensus",
        "calibrate",
        "oscal catalog",
        "oscal results",
        "oscal poam",
        "oscal mapping",
        "oscal import-results",
        "export ciso-assistant",
        "export ciso-assistant-audit",
        "import ciso-assistant-audit",
        "rate",
        "journal verify",
        "journal show",
        "findings",
        "evidence hash",
        "evidence verify",
        "sample plan",
        "sample draw",
        "sample verify",
        "sample evaluate",
        "portfolio",
        "status",
        "rollup",
        "benchmark",
        "trend",
    ]

    assert expected == list(commands_of(build_parser()))


def test_import_is_light() -> None:
    """
    import goudenoor imports neither networkx nor cattrs' YAML preconf.
    """
    code = "import sys, goudenoor; print('networkx' in sys.modules)"
    done = run_python("-c", code, check=True)

    assert "False\n" == done.stdout


EXAMPLE = str(EXAMPLE_AUDIT)


class TestScore:
    def test_text(self) -> None:
        """
        The table of areas, the totals, the level and the gap.
        """
        code, out = run("score", EXAMPLE)

        assert 0 == code
        assert " 4 Middelen                             2.50   10.00    25%\n" in out
        assert "total                                  50.00  100.00\n" in out
        assert "level: Gecommitteerd\nnext level: Niveau 1\n" in out
        assert "  - organisation: 37.50 points, needs 50 (12.50 short)\n" in out
        assert "warnings (5):" in out

    def test_json(self) -> None:
        """
        --format json gives the whole score card.
        """
        code, out = run("score", EXAMPLE, "--format", "json", "--scheme", "sterren")

        data = json.loads(out)
        assert (0, 50.0, "2 sterren") == (code, data["points"]["total"], data["level"])

    def test_scheme_parameter(self) -> None:
        """
        --param sets a scheme parameter.
        """
        code, out = run(
            "score", EXAMPLE, "--scheme", "conformiteit", "--param", "threshold=0.25"
        )

        assert 0 == code
        assert "level: LNK-niveau\n" in out

    def test_bad_parameter(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A malformed --param is a one-line usage error.
        """
        with pytest.raises(SystemExit):
            run("score", EXAMPLE, "--param", "threshold")

        assert "expected NAME=NUMBER, got 'threshold'" in capsys.readouterr().err

    def test_bad_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A bad assessment is one error line with its place, exit code 2.
        """
        path = tmp_path / "a.yaml"
        path.write_text(
            "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
            'date: 2026-01-01\nratings:\n  "5.3": 7\n',
            encoding="utf-8",
        )

        code, out = run("score", str(path))

        assert (2, "") == (code, out)
        assert (
            f'goudenoor: error: {path}:6:3 ratings."5.3".value: 7 is not on scale '
            "gos-0-4 (0, 1, 2, 3, 4)\n"
        ) == capsys.readouterr().err


class TestTemplate:
    def test_template_then_score(self, tmp_path: Path) -> None:
        """
        template > a.yaml, fill in, score: the issue's workflow.
        """
        path = tmp_path / "a.yaml"
        assert (0, "") == run("template", "gos-2012", "-o", str(path))
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("    value:\n", "    value: 2\n", 10), encoding="utf-8"
        )

        code, out = run("score", str(path))

        assert 0 == code
        assert "warnings (29):" in out
        assert "missing-evidence" in out

    def test_refuses_overwrite(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        An existing output file is not replaced without --force.
        """
        path = tmp_path / "a.yaml"
        path.write_text("keep me\n", encoding="utf-8")

        code, _ = run("template", "gos-2012", "-o", str(path))

        assert 2 == code
        assert "keep me\n" == path.read_text(encoding="utf-8")
        assert "file exists; not overwritten" in capsys.readouterr().err
        assert 0 == run("template", "gos-2012", "-o", str(path), "--force")[0]

    def test_schema(self) -> None:
        """
        goudenoor schema assessment prints the JSON Schema.
        """
        code, out = run("schema", "assessment")

        assert (0, "goudenoor assessment (format assessment/1)") == (
            code,
            json.loads(out)["title"],
        )
