"""
Each command opens each input file and each extension file exactly once:
the Standard an assessment was checked against travels with it (an Audit)
and is never resolved again (issue 24, item 1).

The opens are counted by an audit hook (``sys.addaudithook``) in a process
of its own, as the command runs: a hook cannot be removed again.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import run_python


EXAMPLES = Path(__file__).parent.parent.parent / "examples"
ZORG = EXAMPLES / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"

COUNTING = """
import json, os, sys
watched = {os.path.realpath(p): 0 for p in sys.argv[1].split(os.pathsep)}
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if path in watched:
            watched[path] += 1
sys.addaudithook(hook)
from goudenoor.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(watched.values())) + "\\n")
"""


def _audit(folder: Path, name: str, **changes: str) -> Path:
    """The example audit with the zorg pack listed as a file beside it."""
    text = (EXAMPLES / "audit-2012.yaml").read_text(encoding="utf-8")
    text = text.replace("extensions: []", "extensions: [zorg.yaml]")
    for old, new in changes.items():
        text = text.replace(old.replace("_", " "), new)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copyfile(ZORG, tmp_path / "zorg.yaml")
    return tmp_path


def _opens(folder: Path, files: list[Path], *args: str) -> list[int]:
    """How often each of *files* was opened while the command ran."""
    done = run_python(
        "-c",
        COUNTING,
        ":".join(str(path) for path in files),
        *args,
        cwd=folder,
        check=False,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["report", "--format", "md"],
        ["migrate", "--to", "gos-2016", "--dry-run"],
        ["oscal", "results"],
    ],
    ids=lambda command: command[0],
)
def test_one_audit(folder: Path, command: list[str]) -> None:
    audit = _audit(folder, "audit.yaml")
    files = [audit, folder / "zorg.yaml"]

    assert [1, 1] == _opens(folder, files, *command, str(audit))


def test_consensus(folder: Path) -> None:
    a = _audit(folder, "a.yaml", **{"M._Bakker,_R._El_Amrani": "A. Jansen"})
    b = _audit(folder, "b.yaml", **{"M._Bakker,_R._El_Amrani": "B. de Vries"})
    files = [a, b, folder / "zorg.yaml"]

    args = ["consensus", str(a), str(b), "-o", str(folder / "team.yaml")]

    assert [1, 1, 1] == _opens(folder, files, *args)


def test_rollup(folder: Path) -> None:
    north = _audit(folder, "north.yaml", **{"extensions:": "unit: Noord\nextensions:"})
    south = _audit(folder, "south.yaml", **{"extensions:": "unit: Zuid\nextensions:"})
    files = [north, south, folder / "zorg.yaml"]

    assert [1, 1, 1] == _opens(folder, files, "rollup", str(north), str(south))


def test_portfolio(folder: Path) -> None:
    audits = folder / "audits"
    audits.mkdir()
    shutil.move(folder / "zorg.yaml", audits / "zorg.yaml")
    one = _audit(audits, "one.yaml")
    two = _audit(audits, "two.yaml", **{"2026-10-01": "2025-10-01"})
    files = [one, two, audits / "zorg.yaml"]

    # The folder's extension file is a document of another kind: it is
    # looked at once to be told apart, and read once as the extension.
    assert [1, 1, 2] == _opens(folder, files, "portfolio", str(audits))
