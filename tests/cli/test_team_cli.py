"""
The commands of issues 17 and 19: `goudenoor consensus` and `goudenoor
oscal catalog|results`.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import attrs
import pytest
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog

import goudenoor as go
from conftest import EXAMPLE_AUDIT, ROOT
from goudenoor.files._yaml import load as load_yaml
from helpers import run


TEAM = ROOT / "examples" / "team"
A, B, C = (str(TEAM / f"auditor-{name}.yaml") for name in "abc")


def _variant(tmp_path: Path, old: str, new: str) -> str:
    text = Path(B).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "b.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return str(path)


class TestConsensus:
    def test_writes_the_agreed_assessment_and_prints_the_agenda(
        self, tmp_path: Path
    ) -> None:
        agreed = tmp_path / "agreed.yaml"

        code, out = run("consensus", A, B, C, "-o", str(agreed))

        assert 0 == code
        expected = go.consensus([go.load_assessment(f) for f in (A, B, C)])
        assert expected.text() == out
        assert out.index("1.4 ") < out.index("1.5 ") < out.index("7.2 ")
        assert "alpha (ordinal): 0.355" in out
        loaded = go.load_assessment(agreed)
        assert expected.assessment == attrs.evolve(loaded, source=None)
        assert loaded.ratings["7.2"].value is None
        assert not loaded.ratings["7.2"].not_applicable

    def test_rule_and_spread(self, tmp_path: Path) -> None:
        agreed = tmp_path / "agreed.yaml"

        code, out = run(
            "consensus", A, B, C, "--rule", "min", "--spread", "1", "-o", str(agreed)
        )

        assert 0 == code
        assert "rule min, spread 1" in out
        assert 1.0 == go.load_assessment(agreed).ratings["1.4"].value

    def test_json(self, tmp_path: Path) -> None:
        code, out = run(
            "consensus", A, B, C, "--format", "json", "-o", str(tmp_path / "x.yaml")
        )

        assert 0 == code
        data = json.loads(out)
        assert "consensus/1" == data["goudenoor"]
        assert ["1.4", "1.5", "7.2"] == [
            d["requirement_id"] for d in data["disagreements"]
        ]

    def test_markdown_shows_the_disagreement_table(self, tmp_path: Path) -> None:
        code, out = run(
            "consensus", A, B, C, "--format", "md", "-o", str(tmp_path / "x.yaml")
        )

        assert 0 == code
        assert "## Overeenstemming tussen auditoren" in out
        assert (
            "| `1.4` | 1 Stem van de klant | spreiding | 3 "
            "| A. de Wit: 2; B. Yilmaz: 4; C. Peeters: 1 | afgesproken: 2 |"
        ) in out

    def test_never_over_an_existing_file_without_force(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        agreed = tmp_path / "agreed.yaml"
        agreed.write_text("old\n", encoding="utf-8")

        code, out = run("consensus", A, B, "-o", str(agreed))

        assert (2, "") == (code, out)
        assert (
            f"goudenoor: error: {agreed}: file exists; not overwritten (add "
            "--force to replace it)\n"
        ) == capsys.readouterr().err
        assert "old\n" == agreed.read_text(encoding="utf-8")
        assert 0 == run("consensus", A, B, "-o", str(agreed), "--force")[0]
        assert "B. Yilmaz" in go.load_assessment(agreed).auditors

    def test_a_single_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out = run("consensus", A, "-o", str(tmp_path / "x.yaml"))

        assert (2, "") == (code, out)
        assert (
            "goudenoor: error: a consensus needs at least 2 assessments (got 1)\n"
            == capsys.readouterr().err
        )
        assert not (tmp_path / "x.yaml").exists()

    def test_an_unknown_rule(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out = run(
            "consensus", A, B, "--rule", "mean", "-o", str(tmp_path / "x.yaml")
        )

        assert (2, "") == (code, out)
        assert (
            "goudenoor: error: unknown consensus rule 'mean'; did you mean "
            "'median', 'min'?\n"
        ) == capsys.readouterr().err

    @pytest.mark.parametrize(
        "case",
        [
            (
                "organisation",
                "organisation: Woonstichting Lindewaard",
                "organisation: Woonstichting Elders",
                ("'Woonstichting Lindewaard'", "'Woonstichting Elders'"),
            ),
            (
                "edition",
                "edition: gos-2012",
                "edition: gos-2016",
                ("'gos-2012'", "'gos-2016'"),
            ),
        ],
    )
    def test_a_mismatch_names_the_field_and_the_files(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        case: tuple[str, str, str, tuple[str, str]],
    ) -> None:
        field, old, new, shown = case
        other = _variant(tmp_path, old, new)

        code, out = run("consensus", A, other, "-o", str(tmp_path / "x.yaml"))

        assert (2, "") == (code, out)
        assert (
            f"goudenoor: error: the assessments differ in {field}: {shown[0]} in {A}; "
            f"{shown[1]} in {other}; a consensus needs one {field} for all\n"
        ) == capsys.readouterr().err

    @pytest.mark.parametrize("link", ["same path", "symbolic link", "hard link"])
    def test_one_file_twice_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str
    ) -> None:
        # Before: accepted, with an alpha of 1.000 (the file agreed with itself).
        first = tmp_path / "a.yaml"
        shutil.copy(A, first)
        second = tmp_path / "again.yaml"
        if link == "same path":
            second = first
        elif link == "symbolic link":
            second.symlink_to(first)
        else:
            os.link(first, second)

        code, out = run(
            "consensus", str(first), B, str(second), "-o", str(tmp_path / "x.yaml")
        )

        assert (2, "") == (code, out)
        assert (
            f"goudenoor: error: {first} and {second} are the same file; a consensus "
            "needs each auditor's assessment once\n"
        ) == capsys.readouterr().err
        assert not (tmp_path / "x.yaml").exists()

    def test_an_equal_copy_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        copy = tmp_path / "copy.yaml"
        shutil.copy(A, copy)

        code, _ = run("consensus", A, str(copy), "-o", str(tmp_path / "x.yaml"))

        assert 2 == code
        assert (
            f"goudenoor: error: the same assessment is given twice: {A} and {copy} "
            "are equal (the same auditors, date and ratings); a consensus needs "
            "each auditor's assessment once\n"
        ) == capsys.readouterr().err

    @pytest.mark.parametrize(
        ("options", "words"),
        [([], "niet van toepassing"), (["--language", "en"], "not applicable")],
    )
    def test_notes_in_the_language_of_the_run(
        self, tmp_path: Path, options: list[str], words: str
    ) -> None:
        # A. de Wit and B. Yilmaz hold 7.2 not applicable, C. Visser rates it.
        agreed = tmp_path / "agreed.yaml"

        assert 0 == run("consensus", A, B, C, "-o", str(agreed), *options)[0]

        reason = (
            "Corporatie zonder winstoogmerk; de huuromzet hangt niet af van "
            "klachtafhandeling."
        )
        assert (
            f"A. de Wit ({words}): {reason}\nB. Yilmaz ({words}): {reason}"
            == go.load_assessment(agreed).ratings["7.2"].note
        )


class TestOscal:
    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_catalog_json_and_yaml_are_the_library_s(self, edition: str) -> None:
        expected = go.to_oscal_catalog(go.load_standard(edition))

        code, out = run("oscal", "catalog", edition)
        yaml_code, yaml_out = run("oscal", "catalog", edition, "--format", "yaml")

        assert (0, 0) == (code, yaml_code)
        assert expected == json.loads(out)
        assert expected == load_yaml(yaml_out, "catalog.yaml")
        Catalog.parse_obj(json.loads(out)["catalog"])
        assert (code, out) == run("oscal", "catalog", edition)
        assert yaml_out == run("oscal", "catalog", edition, "--format", "yaml")[1]

    def test_results(self, tmp_path: Path) -> None:
        target = tmp_path / "results.json"

        code, out = run("oscal", "results", str(EXAMPLE_AUDIT), "-o", str(target))

        assert (0, "") == (code, out)
        assessment = go.load_assessment(EXAMPLE_AUDIT)
        standard = go.standard_for(assessment)
        written = json.loads(target.read_text(encoding="utf-8"))
        assert go.to_oscal_results(standard, assessment) == written
        AssessmentResults.parse_obj(written["assessment-results"])
        assert 2 == run("oscal", "results", str(EXAMPLE_AUDIT), "-o", str(target))[0]
        assert (
            0
            == run(
                "oscal", "results", str(EXAMPLE_AUDIT), "-o", str(target), "--force"
            )[0]
        )

    def test_results_of_a_bad_assessment(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "a.yaml"
        path.write_text(
            "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
            'date: 2026-01-01\nratings:\n  "5.3": 7\n',
            encoding="utf-8",
        )

        code, out = run("oscal", "results", str(path))

        assert (2, "") == (code, out)
        assert (
            f'goudenoor: error: {path}:6:3 ratings."5.3".value: 7 is not on scale '
            "gos-0-4 (0, 1, 2, 3, 4)\n"
        ) == capsys.readouterr().err
