"""
``goudenoor evidence hash`` and ``goudenoor evidence verify`` (issue 26):
hashing then verifying is all ok; one changed byte and a removed file are
caught, named in the text and the JSON, with exit 1.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

import goudenoor as go
from conftest import DATA
from goudenoor.files import json_schema
from helpers import run_captured


SOURCE = DATA / "evidence"


@pytest.fixture(name="folder")
def _folder(tmp_path: Path) -> Path:
    shutil.copytree(SOURCE / "bewijs", tmp_path / "bewijs")
    text = (SOURCE / "audit.yaml").read_text(encoding="utf-8")
    # Unhashed: evidence hash fills the fingerprints in.
    lines = [line for line in text.splitlines() if "sha256:" not in line]
    (tmp_path / "audit.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        return run_captured(list(argv), capsys)
    except SystemExit as exc:  # a usage error found by argparse
        captured = capsys.readouterr()
        return int(exc.code or 0), captured.out, captured.err


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _hash_in_place(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(
        capsys, "evidence", "hash", str(folder / "audit.yaml"), "--in-place"
    )
    assert (0, "", "") == (code, out, err)


def test_hash_then_verify_is_all_ok(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _hash_in_place(folder, capsys)

    code, out, err = _cli(
        capsys,
        "evidence",
        "verify",
        str(folder / "audit.yaml"),
        "--as-of",
        "2026-11-01",
    )

    assert (0, "") == (code, err)
    assert (
        "Gemeente Voorbeeld: 2 evidence items checked on 2026-11-01: 2 ok, 0 missing, "
        "0 changed, 0 expired, 0 unhashed\n"
        'OK 1.1 ratings."1.1".evidence[0] bewijs/beleid.txt\n'
        'OK 1.2 ratings."1.2".evidence[0] bewijs/notulen.txt\n'
    ) == out


def test_hash_prints_the_assessment_with_the_fingerprints(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _cli(capsys, "evidence", "hash", str(folder / "audit.yaml"))

    assert (0, "") == (code, err)
    hashed = go.loads_assessment(out)
    assert [
        _sha(folder / "bewijs/beleid.txt"),
        _sha(folder / "bewijs/notulen.txt"),
    ] == [
        hashed.ratings["1.1"].evidence[0].sha256,
        hashed.ratings["1.2"].evidence[0].sha256,
    ]


def test_hash_writes_out(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = folder / "gehasht.yaml"

    code, out, err = _cli(
        capsys, "evidence", "hash", str(folder / "audit.yaml"), "-o", str(target)
    )

    assert (0, "", "") == (code, out, err)
    assert _sha(folder / "bewijs/beleid.txt") == (
        go.load_assessment(target).ratings["1.1"].evidence[0].sha256
    )


def test_hash_refuses_out_and_in_place_together(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _cli(
        capsys,
        "evidence",
        "hash",
        str(folder / "audit.yaml"),
        "-o",
        "x.yaml",
        "--in-place",
    )

    assert 2 == code
    assert (
        "goudenoor: error: argument --in-place: not allowed with argument -o/--output "
        "(see 'goudenoor evidence hash --help')\n"
    ) == err


def test_one_changed_byte_is_caught(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _hash_in_place(folder, capsys)
    old = _sha(folder / "bewijs/beleid.txt")
    data = bytearray((folder / "bewijs/beleid.txt").read_bytes())
    data[0] ^= 1
    (folder / "bewijs/beleid.txt").write_bytes(bytes(data))
    new = _sha(folder / "bewijs/beleid.txt")

    code, out, _ = _cli(
        capsys,
        "evidence",
        "verify",
        str(folder / "audit.yaml"),
        "--as-of",
        "2026-11-01",
    )

    assert 1 == code
    assert (
        "Gemeente Voorbeeld: 2 evidence items checked on 2026-11-01: 1 ok, 0 missing, "
        "1 changed, 0 expired, 0 unhashed\n"
        f'CHANGED 1.1 ratings."1.1".evidence[0] bewijs/beleid.txt: expected sha256 '
        f"{old}, found {new}\n"
        'OK 1.2 ratings."1.2".evidence[0] bewijs/notulen.txt\n'
    ) == out


def test_a_removed_file_is_caught_in_json(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _hash_in_place(folder, capsys)
    recorded = _sha(folder / "bewijs/notulen.txt")
    (folder / "bewijs/notulen.txt").unlink()

    code, out, _ = _cli(
        capsys,
        "evidence",
        "verify",
        str(folder / "audit.yaml"),
        "--as-of",
        "2027-01-01",
        "--format",
        "json",
    )

    data = json.loads(out)
    assert 1 == code
    assert {
        "goudenoor": "evidence-check/1",
        "organisation": "Gemeente Voorbeeld",
        "unit": None,
        "edition": "gos-2012",
        "date": "2026-10-01",
        "as_of": "2027-01-01",
        "ok": False,
        "counts": {"ok": 1, "missing": 1, "changed": 0, "expired": 0, "unhashed": 0},
        "items": [
            {
                "where": 'ratings."1.1".evidence[0]',
                "requirement": "1.1",
                "finding": None,
                "reference": "Klachtenbeleid 2026",
                "path": "bewijs/beleid.txt",
                "status": "ok",
                "expected": _sha(folder / "bewijs/beleid.txt"),
                "found": _sha(folder / "bewijs/beleid.txt"),
                "valid_until": None,
                "problem": None,
            },
            {
                # Missing comes before expired (valid until 2026-12-31).
                "where": 'ratings."1.2".evidence[0]',
                "requirement": "1.2",
                "finding": None,
                "reference": "Notulen MT",
                "path": "bewijs/notulen.txt",
                "status": "missing",
                "expected": recorded,
                "found": None,
                "valid_until": "2026-12-31",
                "problem": "no such file",
            },
        ],
    } == data
    jsonschema.Draft202012Validator(json_schema("evidence-check")).validate(data)


def test_hash_reports_a_removed_file_and_records_the_rest(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "bewijs/notulen.txt").unlink()

    code, out, err = _cli(capsys, "evidence", "hash", str(folder / "audit.yaml"))

    assert 1 == code
    assert (
        'goudenoor: MISSING 1.2 ratings."1.2".evidence[0] bewijs/notulen.txt: no '
        "such file\n"
    ) == err
    hashed = go.loads_assessment(out)
    assert (_sha(folder / "bewijs/beleid.txt"), None) == (
        hashed.ratings["1.1"].evidence[0].sha256,
        hashed.ratings["1.2"].evidence[0].sha256,
    )


def test_unhashed_and_expired(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(
        capsys,
        "evidence",
        "verify",
        str(folder / "audit.yaml"),
        "--as-of",
        "2027-01-01",
    )

    assert 0 == code
    assert (
        "Gemeente Voorbeeld: 2 evidence items checked on 2027-01-01: 0 ok, 0 missing, "
        "0 changed, 1 expired, 1 unhashed\n"
        'UNHASHED 1.1 ratings."1.1".evidence[0] bewijs/beleid.txt\n'
        'EXPIRED 1.2 ratings."1.2".evidence[0] bewijs/notulen.txt: valid until '
        "2026-12-31\n"
    ) == out


def test_another_root(
    folder: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    elsewhere = tmp_path_factory.mktemp("elders")
    shutil.copy(folder / "audit.yaml", elsewhere / "audit.yaml")

    code, _, err = _cli(
        capsys, "evidence", "hash", str(elsewhere / "audit.yaml"), "--root", str(folder)
    )

    assert (0, "") == (code, err)


def test_a_path_out_of_the_folder_is_refused_where_it_is(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (folder / "audit.yaml").read_text(encoding="utf-8")
    (folder / "audit.yaml").write_text(
        text.replace("path: bewijs/notulen.txt", "path: ../notulen.txt"),
        encoding="utf-8",
    )

    code, _, err = _cli(capsys, "evidence", "verify", str(folder / "audit.yaml"))

    assert 2 == code
    assert (
        f"goudenoor: error: {folder / 'audit.yaml'}:20:7 "
        "ratings.\"1.2\".evidence[0].path: '../notulen.txt' has an empty, . or .. "
        "part: expected a relative path with / between its parts, without . or .. "
        "parts, in the evidence folder\n"
    ) == err
