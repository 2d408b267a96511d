"""
Every file a command writes loads again (issue 23, item 15): extension
files named by path are named relative to the file written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import goudenoor as go
from helpers import run


EXTENSION = """\
goudenoor: extension/1
id: demo
title: Demo
version: "1.0"
targets: [gos-2012, gos-2016]
override:
  requirements:
    - id: "1.1"
      weight: 2
"""

AUDIT = """\
goudenoor: assessment/1
edition: gos-2012
organisation: Gemeente Voorbeeld
date: 2026-10-01
extensions: [demo.yaml]
ratings:
  "1.1": 3
  "1.4": 2
"""


@pytest.fixture(name="audit")
def _audit(tmp_path: Path) -> Path:
    folder = tmp_path / "audits"
    folder.mkdir()
    (folder / "demo.yaml").write_text(EXTENSION, encoding="utf-8")
    path = folder / "audit-2012.yaml"
    path.write_text(AUDIT, encoding="utf-8")
    return path


def test_migrate_into_a_subfolder_is_refused(audit: Path) -> None:
    """
    A loader refuses extension paths out of an assessment's folder
    (../demo.yaml), so a file below the extension's folder could not load:
    the command refuses (exit 2) and writes nothing.
    """
    (audit.parent / "sub").mkdir()
    target = audit.parent / "sub" / "out.yaml"

    code, _ = run("migrate", str(audit), "--to", "gos-2016", "-o", str(target))

    assert 2 == code
    assert not target.exists()


def test_migrate_into_a_parent_folder_rewrites_the_path(
    audit: Path, tmp_path: Path
) -> None:
    """
    Written to the folder above, the extension path becomes
    audits/demo.yaml and the file loads and scores.
    """
    target = tmp_path / "out.yaml"

    code, _ = run("migrate", str(audit), "--to", "gos-2016", "-o", str(target))

    assert 0 == code
    loaded = go.load_assessment(target)
    assert ("audits/demo.yaml",) == loaded.extensions
    assert "gos-2016" == go.score(go.standard_for(loaded), loaded).standard.id


def test_refusal_says_why(audit: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """
    A folder the extension file is not in (or below) is refused, naming
    the file and what to do.
    """
    (audit.parent / "sub").mkdir()
    target = audit.parent / "sub" / "out.yaml"

    run("migrate", str(audit), "--to", "gos-2016", "-o", str(target))

    real = (audit.parent / "demo.yaml").resolve()
    assert (
        f"goudenoor: error: cannot write {target}: its extension file 'demo.yaml' "
        f"({real}) is not in the folder of out.yaml or below it, and an "
        "assessment names extension files in its own folder (write it next to "
        "the extension file, copy the extension there, or install it)\n"
    ) == capsys.readouterr().err


def test_the_same_folder_keeps_the_path(audit: Path) -> None:
    """
    Next to its input, the output names the extension as the input did.
    """
    target = audit.parent / "out.yaml"

    code, _ = run("migrate", str(audit), "--to", "gos-2016", "-o", str(target))

    assert 0 == code
    assert ("demo.yaml",) == go.load_assessment(target).extensions


def test_consensus_into_a_parent_folder_rewrites_the_path(
    audit: Path, tmp_path: Path
) -> None:
    """
    consensus writes through the same place, and its output loads.
    """
    other = audit.parent / "audit-b.yaml"
    other.write_text(
        AUDIT.replace("Gemeente Voorbeeld", "Gemeente Voorbeeld").replace(
            '"1.1": 3', '"1.1": 2'
        ),
        encoding="utf-8",
    )
    target = tmp_path / "team.yaml"

    code, _ = run("consensus", str(audit), str(other), "-o", str(target))

    assert 0 == code
    assert ("audits/demo.yaml",) == go.load_assessment(target).extensions
