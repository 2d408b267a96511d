"""
Evidence with a fingerprint (issue 26): ``go.hash_evidence`` records the
SHA-256 of each evidence file, ``go.verify_evidence`` finds every file
that was changed or removed since, every item past its validity and every
file without a fingerprint, each by where it is in the assessment.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import sys
import threading
from pathlib import Path

import pytest

import goudenoor as go


ASSESSMENT = """\
goudenoor: assessment/1
edition: gos-2012
organisation: Gemeente Voorbeeld
date: 2026-10-01
ratings:
  1.1:
    value: 3
    evidence:
      - kind: document
        reference: Klachtenbeleid
        path: bewijs/beleid.pdf
        collected_by: A. Jansen
      - kind: interview
        reference: Gesprek teamleider
        valid_until: 2026-12-31
  1.2:
    value: 2
    evidence:
      - kind: document
        reference: Notulen
        path: bewijs/notulen.txt
findings:
  - id: AF-1
    requirement: "1.3"
    kind: afwijking
    severity: minor
    text: Geen klachtenregistratie.
    deadline: 2027-01-01
    evidence:
      - kind: document
        reference: Steekproef
        path: bewijs/steekproef.csv
    history:
      - status: planned
        date: 2026-11-01
        evidence:
          - kind: document
            reference: Plan van aanpak
            path: bewijs/plan.txt
"""

FILES = {
    "bewijs/beleid.pdf": b"%PDF-1.7 beleid\n" * 1000,
    "bewijs/notulen.txt": b"notulen\n",
    "bewijs/steekproef.csv": b"nr;datum\n1;2026-09-01\n",
    "bewijs/plan.txt": b"plan\n",
}

AS_OF = datetime.date(2026, 11, 1)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(name="folder")
def _folder(tmp_path: Path) -> Path:
    (tmp_path / "bewijs").mkdir()
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "audit.yaml").write_text(ASSESSMENT, encoding="utf-8")
    return tmp_path


def _hashed(folder: Path) -> go.Audit:
    audit, _ = go.hash_evidence(go.load_audit(folder / "audit.yaml"))
    go.save_assessment(audit.assessment, folder / "audit.yaml", overwrite=True)
    return go.load_audit(folder / "audit.yaml")


def _statuses(check: go.EvidenceCheck) -> list[tuple[str, str]]:
    return [(item.place.location, item.status) for item in check.items]


def test_hashing_records_every_file_and_verifying_finds_all_ok(folder: Path) -> None:
    audit = _hashed(folder)

    check = go.verify_evidence(audit, as_of=AS_OF)

    assert [
        _sha(FILES["bewijs/beleid.pdf"]),
        _sha(FILES["bewijs/notulen.txt"]),
        _sha(FILES["bewijs/steekproef.csv"]),
        _sha(FILES["bewijs/plan.txt"]),
    ] == [
        audit.assessment.ratings["1.1"].evidence[0].sha256,
        audit.assessment.ratings["1.2"].evidence[0].sha256,
        audit.assessment.findings[0].evidence[0].sha256,
        audit.assessment.findings[0].history[0].evidence[0].sha256,
    ]
    assert [
        ('ratings."1.1".evidence[0]', "ok"),
        ('ratings."1.2".evidence[0]', "ok"),
        ("findings[0].evidence[0]", "ok"),
        ("findings[0].history[0].evidence[0]", "ok"),
    ] == _statuses(check)
    assert check.ok


def test_hashing_reports_what_it_found(folder: Path) -> None:
    audit = go.load_audit(folder / "audit.yaml")

    _, report = go.hash_evidence(audit)

    assert {"ok": 4, "missing": 0, "changed": 0, "expired": 0, "unhashed": 0} == (
        report.counts
    )


def test_one_changed_byte_is_caught_and_named(folder: Path) -> None:
    audit = _hashed(folder)
    data = bytearray(FILES["bewijs/beleid.pdf"])
    data[5000] ^= 1
    (folder / "bewijs/beleid.pdf").write_bytes(bytes(data))

    check = go.verify_evidence(audit, as_of=AS_OF)

    old, new = _sha(FILES["bewijs/beleid.pdf"]), _sha(bytes(data))
    assert (
        "Gemeente Voorbeeld: 4 evidence items checked on 2026-11-01: 3 ok, "
        "0 missing, 1 changed, 0 expired, 0 unhashed\n"
        f'CHANGED 1.1 ratings."1.1".evidence[0] bewijs/beleid.pdf: expected '
        f"sha256 {old}, found {new}\n"
        'OK 1.2 ratings."1.2".evidence[0] bewijs/notulen.txt\n'
        "OK 1.3 (finding AF-1) findings[0].evidence[0] bewijs/steekproef.csv\n"
        "OK 1.3 (finding AF-1) findings[0].history[0].evidence[0] bewijs/plan.txt\n"
    ) == check.text()
    assert {
        "where": 'ratings."1.1".evidence[0]',
        "requirement": "1.1",
        "finding": None,
        "reference": "Klachtenbeleid",
        "path": "bewijs/beleid.pdf",
        "status": "changed",
        "expected": old,
        "found": new,
        "valid_until": None,
        "problem": None,
    } == check.to_data()["items"][0]
    assert not check.ok


def test_a_removed_file_is_caught_and_named(folder: Path) -> None:
    audit = _hashed(folder)
    (folder / "bewijs/plan.txt").unlink()

    check = go.verify_evidence(audit, as_of=AS_OF)

    assert (
        "MISSING 1.3 (finding AF-1) findings[0].history[0].evidence[0] "
        "bewijs/plan.txt: no such file"
    ) == check.items[3].line()
    assert ("missing", None, "no such file", False) == (
        check.to_data()["items"][3]["status"],
        check.to_data()["items"][3]["found"],
        check.to_data()["items"][3]["problem"],
        check.to_data()["ok"],
    )


def test_an_item_past_its_validity_is_expired(folder: Path) -> None:
    audit = _hashed(folder)

    check = go.verify_evidence(audit, as_of=datetime.date(2027, 1, 1))

    assert [
        ('ratings."1.1".evidence[0]', "ok"),
        ('ratings."1.1".evidence[1]', "expired"),
        ('ratings."1.2".evidence[0]', "ok"),
        ("findings[0].evidence[0]", "ok"),
        ("findings[0].history[0].evidence[0]", "ok"),
    ] == _statuses(check)
    assert (
        'EXPIRED 1.1 ratings."1.1".evidence[1] Gesprek teamleider: valid until '
        "2026-12-31"
    ) == check.items[1].line()
    # Expired is reported, but no file is missing or changed.
    assert check.ok


def test_a_file_without_a_fingerprint_is_unhashed(folder: Path) -> None:
    audit = go.load_audit(folder / "audit.yaml")

    check = go.verify_evidence(audit, as_of=AS_OF)

    assert {"ok": 0, "missing": 0, "changed": 0, "expired": 0, "unhashed": 4} == (
        check.counts
    )
    assert check.ok


def test_a_recorded_fingerprint_is_kept_when_hashing_again(folder: Path) -> None:
    # A changed file is reported, not hidden under a new fingerprint.
    audit = _hashed(folder)
    (folder / "bewijs/notulen.txt").write_bytes(b"andere notulen\n")

    again, report = go.hash_evidence(audit)

    assert audit == again
    assert [('ratings."1.2".evidence[0]', "changed")] == [
        s for s in _statuses(report) if s[1] != "ok"
    ]


def test_an_assessment_or_an_audit(folder: Path) -> None:
    assessment = go.load_assessment(folder / "audit.yaml")

    hashed, _ = go.hash_evidence(assessment)

    assert isinstance(hashed, go.Assessment)
    assert [("findings[0].evidence[0]", "ok")] == _statuses(
        go.verify_evidence(hashed, as_of=AS_OF)
    )[2:3]


def test_another_root(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elders")
    (elsewhere / "audit.yaml").write_text(ASSESSMENT, encoding="utf-8")
    audit = go.load_audit(elsewhere / "audit.yaml")

    _, report = go.hash_evidence(audit, root=folder)

    assert 4 == report.counts["ok"]


def test_an_assessment_not_from_a_file_needs_a_root() -> None:
    audit = go.loads_audit(ASSESSMENT)

    with pytest.raises(go.GoudenoorError) as info:
        go.verify_evidence(audit)

    assert (
        "the assessment was not read from a file: give the evidence folder (root)"
    ) == str(info.value)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights")
def test_a_link_out_of_the_folder_is_refused_with_its_place(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("buiten") / "geheim.txt"
    outside.write_bytes(b"geheim\n")
    (folder / "bewijs/notulen.txt").unlink()
    (folder / "bewijs/notulen.txt").symlink_to(outside)
    audit = go.load_audit(folder / "audit.yaml")

    with pytest.raises(go.ValidationError) as info:
        go.verify_evidence(audit, as_of=AS_OF)

    real = folder.resolve()
    assert (
        f'{folder / "audit.yaml"} ratings."1.2".evidence[0].path: '
        f"'bewijs/notulen.txt' is not in the evidence folder {real}: expected a "
        "file in the evidence folder or below it"
    ) == str(info.value)


def test_a_folder_is_refused_with_its_place(folder: Path) -> None:
    (folder / "bewijs/plan.txt").unlink()
    (folder / "bewijs/plan.txt").mkdir()
    audit = go.load_audit(folder / "audit.yaml")

    with pytest.raises(go.ValidationError) as info:
        go.hash_evidence(audit)

    assert (
        f"{folder / 'audit.yaml'} findings[0].history[0].evidence[0].path: "
        "'bewijs/plan.txt': is a folder, not a file"
    ) == str(info.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_refused_without_waiting(folder: Path) -> None:
    # A pipe nobody writes to: reading it would wait for ever.
    (folder / "bewijs/plan.txt").unlink()
    os.mkfifo(folder / "bewijs/plan.txt")
    audit = go.load_audit(folder / "audit.yaml")
    errors: list[BaseException] = []

    def verify() -> None:
        try:
            go.verify_evidence(audit, as_of=AS_OF)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            errors.append(exc)

    thread = threading.Thread(target=verify, daemon=True)
    thread.start()
    thread.join(timeout=20)

    assert not thread.is_alive()
    expected = (
        f"{folder / 'audit.yaml'} findings[0].history[0].evidence[0].path: "
        "'bewijs/plan.txt': not a regular file (a device, named pipe or socket)"
    )
    assert [expected] == [str(error) for error in errors]


def test_the_fields_survive_saving_and_loading(folder: Path) -> None:
    audit = _hashed(folder)
    go.save_assessment(audit.assessment, folder / "kopie.yaml")

    again = go.load_assessment(folder / "kopie.yaml")

    item = again.ratings["1.1"].evidence[0]
    assert (
        "bewijs/beleid.pdf",
        _sha(FILES["bewijs/beleid.pdf"]),
        "A. Jansen",
    ) == (item.path, item.sha256, item.collected_by)
    assert audit.assessment.ratings == again.ratings
    assert audit.assessment.findings == again.findings
