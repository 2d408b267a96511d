"""
goudenoor sample plan|draw|verify|evaluate, and evaluate --into.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLE_AUDIT
from goudenoor.files import journal_path, load_audit, load_journal, rate_file
from helpers import run


SAMPLE = DATA / "sample" / "sample.yaml"
REGISTER = DATA / "sample" / "register.csv"


def test_plan_dutch_by_default() -> None:
    code, out = run("sample", "plan", "--confidence", "0.95", "--tolerable", "0.05")

    assert 0 == code
    assert out.startswith("Steekproefomvang: 59 dossiers\nAannames:\n")
    assert "- binomiaal: " in out


def test_verify_exit_1_on_another_register(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = tmp_path / "register.csv"
    changed.write_bytes(REGISTER.read_bytes().replace(b"K-1;", b"K-1x;", 1))

    code, _ = run("sample", "verify", str(SAMPLE), str(changed))

    assert 1 == code
    assert "the register changed since the draw" in capsys.readouterr().err


def test_results_refused_naming_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results.csv"
    lines = (DATA / "sample" / "results.csv").read_text(encoding="utf-8").splitlines()
    # Row 2 again (row 3), an id not drawn, and the last drawn id missing.
    results.write_text(
        "\n".join([lines[0], lines[1], lines[1], "K-999,ok", *lines[2:-1]]) + "\n",
        encoding="utf-8",
    )
    first, last = lines[1].split(",")[0], lines[-1].split(",")[0]

    code, _ = run("sample", "evaluate", str(SAMPLE), "--results", str(results))

    assert 2 == code
    assert (
        f"goudenoor: error: {results}: the results do not give one outcome per "
        f"drawn id: row 3: '{first}' is listed again (first in row 2); row 4: "
        f"'K-999' was not drawn; no row for the drawn ids '{last}'\n"
    ) == capsys.readouterr().err


def _into(folder: Path, *, journal: bool) -> Path:
    assessment = folder / "audit.yaml"
    shutil.copy(EXAMPLE_AUDIT, assessment)
    shutil.copy(SAMPLE, folder / "sample.yaml")
    if journal:
        rate_file(assessment, {"1.3": 3}, by="A. Jansen", reason="herzien")
    return assessment


@pytest.mark.parametrize("journal", [False, True])
def test_evaluate_into(journal: bool, tmp_path: Path) -> None:
    """
    The evaluation becomes evidence of kind sample; through the journal
    when there is one (which stays whole), without starting one otherwise;
    evidence verify finds the sample file unchanged.
    """
    assessment = _into(tmp_path, journal=journal)
    code, out = run(
        "sample", "evaluate", str(tmp_path / "sample.yaml"), "--results",
        str(DATA / "sample" / "results.csv"), "--requirement", "5.3",
        "--checkpoint", "5.3.a", "--into", str(assessment), "--by", "A. Jansen",
        "--reason", "steekproef klachtdossiers", "--date", "2026-09-30",
    )  # fmt: skip

    assert 0 == code, out
    evidence = load_audit(assessment).assessment.ratings["5.3"].evidence[-1]
    assert ("sample", "sample.yaml", "A. Jansen") == (
        evidence.kind,
        evidence.path,
        evidence.collected_by,
    )
    assert evidence.reference.startswith(
        "Controlepunt 5.3.a: In een steekproef van 20 dossiers is 1 afwijking"
    )
    assert journal == journal_path(assessment).exists()
    if journal:
        entries = load_journal(assessment)
        assert () == entries.verify()
        assert "evidence" == entries.entries[-1].field
    code, out = run("evidence", "verify", str(assessment), "--as-of", "2026-10-01")
    assert 'OK 5.3 ratings."5.3".evidence[' in out


def test_into_outside_the_folder_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    assessment = _into(tmp_path / "a", journal=False)

    code, _ = run(
        "sample", "evaluate", str(SAMPLE), "--deviations", "0", "--requirement",
        "5.3", "--into", str(assessment), "--by", "A", "--reason", "r",
    )  # fmt: skip

    assert 2 == code
    assert (
        f"goudenoor: error: {SAMPLE}: the sample file is not in the folder of "
        f"{assessment} or below it, and an evidence path stays inside the "
        "assessment's folder: move the sample file there\n"
    ) == capsys.readouterr().err


def _drawn_by_size(tmp_path: Path) -> Path:
    sample = tmp_path / "sample.yaml"
    code, _ = run(
        "sample",
        "draw",
        str(REGISTER),
        "--id-column",
        "nummer",
        "--seed",
        "x",
        "--size",
        "10",
        "-o",
        str(sample),
    )
    assert 0 == code
    return sample


def test_evaluate_a_sample_without_a_plan_asks_for_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = _drawn_by_size(tmp_path)

    code, _ = run("sample", "evaluate", str(sample), "--deviations", "0")

    assert 2 == code
    assert (
        "goudenoor: error: the sample has no plan (it was drawn with --size "
        "alone): give --confidence C --tolerable T to evaluate it\n"
    ) == capsys.readouterr().err


def test_evaluate_with_a_plan_given_on_the_command_line(tmp_path: Path) -> None:
    """
    The plan's population is the register's 120 records: the exact
    hypergeometric bound, 23 of 120 deviating records at 90 %.
    """
    sample = _drawn_by_size(tmp_path)

    code, out = run(
        "sample",
        "evaluate",
        str(sample),
        "--deviations",
        "0",
        "--confidence",
        "0.9",
        "--tolerable",
        "10%",
        "--language",
        "en",
    )

    assert 0 == code
    assert (
        "In a sample of 10 records, 0 deviations were found; with 90% confidence "
        "the deviation rate of the population of 120 records is at most 19.17%. "
        "This is not within the tolerable rate of 10%: the sample does not show "
        "the norm is met.\n"
    ) == out


def test_evaluate_refuses_half_a_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(
        "sample", "evaluate", str(SAMPLE), "--deviations", "0", "--confidence", "0.9"
    )

    assert 2 == code
    assert (
        "goudenoor: error: a plan needs both --confidence and --tolerable\n"
    ) == capsys.readouterr().err


def test_into_an_evidence_date_after_the_assessment_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    The evidence may not be dated after the assessment: refused before
    anything is written, naming the option that fixes it.
    """
    assessment = _into(tmp_path, journal=False)
    before = assessment.read_bytes()

    code, _ = run(
        "sample", "evaluate", str(tmp_path / "sample.yaml"), "--deviations", "0",
        "--requirement", "5.3", "--into", str(assessment), "--by", "A. Jansen",
        "--reason", "steekproef", "--date", "2026-10-02",
    )  # fmt: skip

    assert 2 == code
    assert (
        "goudenoor: error: the evidence date 2026-10-02 (given) is after the date "
        f"of the assessment {assessment} (2026-10-01): give --date DATE on or "
        "before it\n"
    ) == capsys.readouterr().err
    assert before == assessment.read_bytes()
