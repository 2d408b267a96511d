"""
The XLSX report with a journal: a sheet lists every change in order, in
Dutch or English, with user text as values (never a formula) and control
characters shown; the reader ignores the sheet; without a card no journal.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import attrs
import openpyxl
import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.audit import Journal
from goudenoor.cli import main
from goudenoor.files import rate_file, xlsx


NOW = datetime.datetime(2026, 12, 7, 9, 30, tzinfo=datetime.UTC)
LATER = datetime.datetime(2026, 12, 8, 14, 5, 6, tzinfo=datetime.UTC)
FORMULA = '=HYPERLINK("http://evil","klik")'


@pytest.fixture(name="rated")
def _rated() -> tuple[go.Audit, Journal]:
    audit = go.load_audit(EXAMPLE_AUDIT)
    journal = Journal.start(audit.assessment, now=NOW)
    audit, first = go.rate(
        audit,
        {"1.3": 3},
        by="A. Jansen",
        reason="herbeoordeeld",
        now=NOW,
        journal=journal,
    )
    journal = attrs.evolve(journal, entries=first)
    audit, second = go.rate(
        audit,
        {"2.1": "na:geen balie"},
        by="B.\x1b[2J",
        reason=FORMULA,
        now=LATER,
        journal=journal,
    )
    return audit, attrs.evolve(journal, entries=(*first, *second))


def written(
    tmp_path: Path, audit: go.Audit, journal: Journal, language: str = "nl"
) -> Path:
    path = tmp_path / "report.xlsx"
    xlsx.save_workbook(
        audit.standard, path, card=go.score(audit), journal=journal, language=language
    )
    return path


def test_the_dutch_sheet_lists_every_change(
    tmp_path: Path, rated: tuple[go.Audit, Journal]
) -> None:
    audit, journal = rated

    book = openpyxl.load_workbook(written(tmp_path, audit, journal))

    assert "Wijzigingen" == book.sheetnames[-1]
    assert [
        ("Wijzigingen", None, None, None, None, None),
        ("Elke wijziging van het journaal, in volgorde (tijden in UTC).",)
        + (None,) * 5,
        (None,) * 6,
        ("Nr.", "Tijd", "Door", "Wat", "Oud → nieuw", "Reden"),
        (
            1,
            "2026-12-07 09:30:00",
            "A. Jansen",
            "eis 1.3 waarde",
            "4 → 3",
            "herbeoordeeld",
        ),
        (
            2,
            "2026-12-08 14:05:06",
            "B.\\u001b[2J",
            "eis 2.1 n.v.t.",
            "- → geen balie",
            FORMULA,
        ),
        (3, "2026-12-08 14:05:06", "B.\\u001b[2J", "eis 2.1 waarde", "3 → -", FORMULA),
    ] == list(book["Wijzigingen"].iter_rows(values_only=True))


def test_user_text_is_a_value_never_a_formula(
    tmp_path: Path, rated: tuple[go.Audit, Journal]
) -> None:
    audit, journal = rated

    sheet = openpyxl.load_workbook(written(tmp_path, audit, journal))["Wijzigingen"]

    assert ("s", FORMULA) == (sheet["F6"].data_type, sheet["F6"].value)


def test_the_english_sheet(tmp_path: Path, rated: tuple[go.Audit, Journal]) -> None:
    audit, journal = rated

    book = openpyxl.load_workbook(written(tmp_path, audit, journal, "en"))

    assert ["Points", "Changes"] == book.sheetnames[-2:]
    assert ("No.", "Time", "By", "What", "Old → new", "Reason") == next(
        book["Changes"].iter_rows(min_row=4, max_row=4, values_only=True)
    )
    assert "requirement 2.1 n/a" == book["Changes"]["D6"].value


def test_a_journal_without_changes_says_so(tmp_path: Path) -> None:
    audit = go.load_audit(EXAMPLE_AUDIT)

    book = openpyxl.load_workbook(
        written(tmp_path, audit, Journal.start(audit.assessment, now=NOW))
    )

    assert "Het journaal heeft nog geen wijzigingen." == book["Wijzigingen"]["A2"].value
    assert 4 == book["Wijzigingen"].max_row


def test_a_text_longer_than_a_cell_is_cut_and_marked(
    tmp_path: Path, rated: tuple[go.Audit, Journal]
) -> None:
    audit, journal = rated
    audit, more = go.rate(
        audit, {"1.1": 1}, by="C", reason="x" * 40_000, now=LATER, journal=journal
    )
    journal = attrs.evolve(journal, entries=(*journal.entries, *more))

    sheet = openpyxl.load_workbook(written(tmp_path, audit, journal))["Wijzigingen"]

    assert "x" * (32_767 - 2) + " …" == sheet["F8"].value


def test_the_reader_ignores_the_sheet(
    tmp_path: Path, rated: tuple[go.Audit, Journal]
) -> None:
    audit, journal = rated

    read = xlsx.load_workbook(written(tmp_path, audit, journal))

    assert audit.assessment == read.assessment


def test_a_journal_only_with_a_card(
    tmp_path: Path, rated: tuple[go.Audit, Journal]
) -> None:
    audit, journal = rated

    with pytest.raises(go.GoudenoorError) as info:
        xlsx.save_workbook(audit, tmp_path / "a.xlsx", journal=journal)

    assert (
        "the journal's changes are a sheet of a report: give a journal only with a card"
    ) == str(info.value)
    assert not (tmp_path / "a.xlsx").exists()


def test_the_cli_report_reads_the_journal_beside_the_file(tmp_path: Path) -> None:
    path = tmp_path / "audit.yaml"
    shutil.copy(EXAMPLE_AUDIT, path)
    rate_file(path, {"1.3": 3}, by="A. Jansen", reason="herbeoordeeld", now=NOW)
    out = tmp_path / "report.xlsx"

    code = main(["report", str(path), "--format", "xlsx", "-o", str(out)])

    assert 0 == code
    assert (
        1,
        "2026-12-07 09:30:00",
        "A. Jansen",
        "eis 1.3 waarde",
        "4 → 3",
        "herbeoordeeld",
    ) == next(
        openpyxl.load_workbook(out)["Wijzigingen"].iter_rows(
            min_row=5, max_row=5, values_only=True
        )
    )


def test_the_cli_report_without_a_journal_has_no_sheet(tmp_path: Path) -> None:
    path = tmp_path / "audit.yaml"
    shutil.copy(EXAMPLE_AUDIT, path)
    out = tmp_path / "report.xlsx"

    code = main(["report", str(path), "--format", "xlsx", "-o", str(out)])

    assert 0 == code
    assert "Wijzigingen" not in openpyxl.load_workbook(out).sheetnames
