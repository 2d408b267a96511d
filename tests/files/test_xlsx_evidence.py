"""
An evidence item's file, link, fingerprint and collector in the audit
workbook (issue 26): four columns at the end of the sheet ``Bewijs``,
written and read back without loss; a workbook written before has none and
reads as it did.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

import goudenoor as go
from goudenoor.files import xlsx


STD2012 = go.load_standard("gos-2012")
FILED = go.Evidence(
    kind="document",
    reference="Klachtenbeleid 2026",
    path="bewijs/klachtenbeleid 2026.pdf",
    uri="https://dms.example/12",
    sha256="0123456789abcdef" * 4,
    collected_by="A. Jansen",
)
STEP_PROOF = go.Evidence(
    kind="document",
    reference="Verslag",
    path="bewijs/verslag.txt",
    sha256="ab" * 32,
)
AUDIT = go.Assessment(
    edition="gos-2012",
    organisation="Gemeente Voorbeeld",
    date=datetime.date(2026, 10, 1),
    ratings={"1.1": go.Rating(value=3, evidence=(FILED,))},
    findings=(
        go.Finding(
            id="A-1",
            requirement="5.2",
            kind="afwijking",
            severity="minor",
            text="Geen registratie.",
            deadline=datetime.date(2027, 1, 1),
            evidence=(FILED,),
            history=(
                go.FindingUpdate(
                    status="verified",
                    date=datetime.date(2026, 12, 1),
                    evidence=(STEP_PROOF,),
                ),
            ),
        ),
    ),
)


@pytest.fixture(name="path")
def _path(tmp_path: Path) -> Path:
    path = tmp_path / "audit.xlsx"
    xlsx.save_workbook(STD2012, path, assessment=AUDIT)
    return path


def test_the_four_columns_come_back(path: Path) -> None:
    back = xlsx.load_workbook(path).assessment

    assert AUDIT.ratings == back.ratings
    assert AUDIT.findings == back.findings


def test_the_columns_are_at_the_end_of_bewijs(path: Path) -> None:
    sheet = openpyxl.load_workbook(path)[xlsx.EVIDENCE_SHEET]

    assert [
        ("Bestand", "path"),
        ("Link", "uri"),
        ("SHA-256", "sha256"),
        ("Verzameld door", "collected_by"),
    ] == [(sheet.cell(1, c).value, sheet.cell(2, c).value) for c in range(8, 12)]
    assert [
        "bewijs/klachtenbeleid 2026.pdf",
        "https://dms.example/12",
        "0123456789abcdef" * 4,
        "A. Jansen",
    ] == [sheet.cell(3, c).value for c in range(8, 12)]


def test_a_workbook_without_the_columns_reads_as_before(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    book[xlsx.EVIDENCE_SHEET].delete_cols(8, 4)
    book.save(path)

    back = xlsx.load_workbook(path).assessment

    assert (None, None, None, None) == (
        back.ratings["1.1"].evidence[0].path,
        back.ratings["1.1"].evidence[0].uri,
        back.ratings["1.1"].evidence[0].sha256,
        back.ratings["1.1"].evidence[0].collected_by,
    )


def test_a_bad_fingerprint_is_located_on_its_cell(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    book[xlsx.EVIDENCE_SHEET]["J3"] = "ABC"
    book.save(path)

    with pytest.raises(go.ValidationError) as info:
        xlsx.load_workbook(path)

    assert (
        f"{path}[Bewijs]:3:10 ratings.\"1.1\".evidence[0].sha256: 'ABC' is not a "
        "SHA-256: expected 64 lowercase hexadecimal digits"
    ) == str(info.value)
