"""
goudenoor rate, journal verify and journal show on files: every way of
tampering with a journal or its assessment is caught and named, and rate
refuses what it cannot do without changing anything.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import attrs
import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.audit import JournalState
from goudenoor.cli import main
from goudenoor.files import load_journal, rate_file, save_assessment


NOW = datetime.datetime(2026, 12, 7, 9, 30, tzinfo=datetime.UTC)
STEPS: list[dict[str, float | str]] = [
    {"1.3": 3},
    {"1.4": 1},
    {"2.1": "na:geen balie"},
    {"1.3": 2},
    {"2.1": 4},
]


@pytest.fixture(name="audit")
def _audit(tmp_path: Path) -> Path:
    """An assessment rated five times (six entries: 2.1 takes two twice)."""
    path = tmp_path / "audit.yaml"
    shutil.copy(EXAMPLE_AUDIT, path)
    for step in STEPS:
        rate_file(path, step, by="A. Jansen", reason="herbeoordeeld", now=NOW)
    return path


def journal_of(audit: Path) -> Path:
    return audit.with_name("audit.journal.jsonl")


def verify(audit: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["journal", "verify", str(audit)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_clean_journal_verifies(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        0,
        (
            f"{journal_of(audit)}: whole: 7 entries, the head matches and the "
            "replay gives the assessment\n"
        ),
        "",
    ) == verify(audit, capsys)


def test_the_replay_reproduces_the_file(audit: Path) -> None:
    journal = load_journal(audit)

    assert JournalState.of(go.load_assessment(audit)) == journal.replay()
    assert () == journal.verify()


def _lines(audit: Path) -> list[bytes]:
    return journal_of(audit).read_bytes().splitlines(keepends=True)


def _write(audit: Path, lines: list[bytes]) -> None:
    journal_of(audit).write_bytes(b"".join(lines))


def test_editing_one_byte_of_an_entry_is_caught(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines(audit)
    lines[3] = lines[3].replace(b"herbeoordeeld", b"herbeoordeelt")
    _write(audit, lines)

    assert (
        1,
        "",
        (
            f"goudenoor: {journal_of(audit)}: line 4 (entry 3) was edited: its "
            "content does not match its hash\n"
        ),
    ) == verify(audit, capsys)


def test_deleting_an_entry_in_the_middle_is_caught(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines(audit)
    del lines[3]
    _write(audit, lines)

    assert (
        1,
        "",
        (
            f"goudenoor: {journal_of(audit)}: line 4: entry 3 is missing (entry 4 "
            "follows entry 2)\n"
        ),
    ) == verify(audit, capsys)


def test_deleting_the_last_entry_is_caught(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(audit, _lines(audit)[:-1])

    assert (
        1,
        "",
        (
            f"goudenoor: {journal_of(audit)}: the assessment's journal_head is not "
            "in the journal, which ends at entry 6: entries after entry 6 are "
            "missing (the journal was cut short), or the assessment belongs to "
            "another journal\n"
        ),
    ) == verify(audit, capsys)


def test_swapping_two_entries_is_caught(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines(audit)
    lines[2], lines[3] = lines[3], lines[2]
    _write(audit, lines)

    assert (
        1,
        "",
        (
            f"goudenoor: {journal_of(audit)}: line 3: entry 3 comes before entry "
            "2: the entries were reordered\n"
        ),
    ) == verify(audit, capsys)


def test_editing_the_assessment_without_rate_is_caught(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assessment = go.load_assessment(audit)
    edited = assessment.with_ratings(
        {"1.4": attrs.evolve(assessment.ratings["1.4"], value=3)}
    )
    save_assessment(edited, audit, overwrite=True)

    assert (
        1,
        "",
        (
            f"goudenoor: {journal_of(audit)}: the assessment was edited without "
            "goudenoor rate: requirement 1.4 value is 3 in the file, 1 in the "
            "journal\n"
        ),
    ) == verify(audit, capsys)


def test_the_next_rate_records_a_hand_edit_by_unknown(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = audit.read_text(encoding="utf-8").replace("'9.2': 0", "'9.2': 2")
    audit.write_text(text, encoding="utf-8")

    code = main(["rate", str(audit), "1.5=2", "--by", "B. de Vries", "--reason", "r"])

    assert 0 == code
    assert (
        "entry 8: requirement 9.2 value: 0 -> 2 (by unknown)\n"
        "entry 9: requirement 1.5 value: 3 -> 2 (by B. de Vries)\n"
    ) == "".join(capsys.readouterr().out.splitlines(keepends=True)[:2])
    assert (0, "") == verify(audit, capsys)[::2]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("1.99=3", "unknown requirement '1.99' in gos-2012"),
        (
            "1.3=7",
            (
                "the changes do not fit the standard, nothing is changed: 7 is not "
                "on scale gos-0-4 (0, 1, 2, 3, 4)"
            ),
        ),
    ],
)
def test_rate_refuses_and_changes_nothing(
    audit: Path, capsys: pytest.CaptureFixture[str], change: str, message: str
) -> None:
    before = (audit.read_bytes(), journal_of(audit).read_bytes())

    code = main(["rate", str(audit), "1.4=2", change, "--by", "A", "--reason", "r"])

    assert (2, f"goudenoor: error: {message}\n") == (code, capsys.readouterr().err)
    assert before == (audit.read_bytes(), journal_of(audit).read_bytes())


def test_rate_refuses_a_broken_journal(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines(audit)
    del lines[3]
    _write(audit, lines)

    code = main(["rate", str(audit), "1.4=2", "--by", "A", "--reason", "r"])

    assert (
        2,
        (
            "goudenoor: error: the journal is not whole, so nothing is added to it: "
            f"{journal_of(audit)}: line 4: entry 3 is missing (entry 4 follows "
            "entry 2)\n"
        ),
    ) == (code, capsys.readouterr().err)


def test_show_prints_the_history_of_a_requirement(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["journal", "show", str(audit), "--requirement", "2.1"])

    time = "2026-12-07T09:30:00.000000Z"
    assert (
        0,
        (
            f"3 {time} A. Jansen: requirement 2.1 not_applicable: (none) -> "
            '"geen balie"; reason: herbeoordeeld\n'
            f"4 {time} A. Jansen: requirement 2.1 value: 3 -> (none); reason: "
            "herbeoordeeld\n"
            f'6 {time} A. Jansen: requirement 2.1 not_applicable: "geen balie" -> '
            "(none); reason: herbeoordeeld\n"
            f"7 {time} A. Jansen: requirement 2.1 value: (none) -> 4; reason: "
            "herbeoordeeld\n"
        ),
    ) == (code, capsys.readouterr().out)


def test_a_journal_named_directly_loads_its_assessment(audit: Path) -> None:
    journal = load_journal(journal_of(audit))

    assert go.load_assessment(audit) == journal.assessment


def test_no_journal_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "audit.yaml"
    shutil.copy(EXAMPLE_AUDIT, path)

    assert 2 == main(["journal", "verify", str(path)])
    assert (
        f"goudenoor: error: {tmp_path / 'audit.journal.jsonl'}: no journal: no "
        "rating of the assessment was changed with goudenoor rate yet\n"
    ) == capsys.readouterr().err


def test_a_clean_journal_of_1000_random_changes_through_files(
    tmp_path: Path,
) -> None:
    import random

    chance = random.Random(1000)  # noqa: S311 - test data, not cryptography
    path = tmp_path / "audit.yaml"
    shutil.copy(EXAMPLE_AUDIT, path)
    ids = [r.id for r in go.load_standard("gos-2012").requirements]
    written = 0
    while written < 1000:
        step: dict[str, float | str] = {
            chance.choice(ids): chance.choice([0, 1, 2, 3, 4]) for _ in range(12)
        }
        _, entries = rate_file(path, step, by="B", reason="stap", now=NOW)
        written += len(entries)
    journal = load_journal(path)

    assert () == journal.verify()
    assert JournalState.of(go.load_assessment(path)) == journal.replay()
    assert written == len(journal.entries)


def test_the_workbook_keeps_the_journal_head(audit: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "audit.xlsx"
    go.save_workbook(go.load_audit(audit), workbook)

    back = go.load_workbook(workbook)

    head = back.assessment.journal_head
    assert go.load_assessment(audit).journal_head == head
    assert head is not None


def test_a_line_cut_short_is_reported_and_the_next_rate_removes_it(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = journal_of(audit).read_bytes()
    journal_of(audit).write_bytes(whole + b'{"hash":"00')

    assert (
        1,
        "",
        (
            f"goudenoor: {journal_of(audit)}: line 9 is cut short (no line end): a "
            "write that did not finish\n"
        ),
    ) == verify(audit, capsys)

    rate_file(audit, {"1.5": 2}, by="A. Jansen", reason="r", now=NOW)

    assert journal_of(audit).read_bytes().startswith(whole)
    assert () == load_journal(audit).verify()
