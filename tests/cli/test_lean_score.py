"""
``goudenoor score`` on an assessment that names no extension imports
only what scoring it needs (issue 24, item 5): not the other commands'
modules, the extension machinery or the translation classes. Each of
them costs a whole process milliseconds (attrs compiles the methods of
every class it defines), so a stray import is a regression of the
command's time that no other test would see.

The modules are listed in a fresh interpreter after the command ran.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE_AUDIT
from helpers import run_python


LISTING = """
import json, sys
from goudenoor.cli import main
code = main(sys.argv[1:])
sys.stderr.write(json.dumps([code, sorted(sys.modules)]) + "\\n")
"""

NOT_FOR_SCORE = (
    "goudenoor.cli._formats",
    "goudenoor.cli._interchange",
    "goudenoor.cli._migrate",
    "goudenoor.cli._portfolio",
    "goudenoor.cli._standard",
    "goudenoor.cli._team",
    "goudenoor.cli._template",
    "goudenoor.files._extension",
    "goudenoor.files._translation",
    "goudenoor.report._words",
    "goudenoor.standard._extensions",
    "goudenoor.standard._translation",
)
"""The modules (and packages) a score of a bare edition never imports."""

ZORG = EXAMPLE_AUDIT.parent / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"


def _loaded(*args: str | Path, cwd: Path | None = None) -> list[str]:
    """The modules loaded once ``goudenoor *args`` ran (and exited 0)."""
    done = run_python("-c", LISTING, *args, cwd=cwd)
    code, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert 0 == code, done.stderr
    return loaded  # type: ignore[no-any-return]


def _matching(loaded: list[str]) -> list[str]:
    return [
        module
        for module in loaded
        if any(
            module == name or module.startswith(f"{name}.") for name in NOT_FOR_SCORE
        )
    ]


@pytest.mark.parametrize("output", ["text", "json"])
def test_score_imports_no_extension_translation_or_other_command(output: str) -> None:
    loaded = _loaded("score", EXAMPLE_AUDIT, "--format", output)

    assert [] == _matching(loaded)


def test_score_of_an_extended_audit_imports_the_extension_machinery(
    tmp_path: Path,
) -> None:
    """
    The same check sees the modules where they are needed: an assessment
    that names an extension file loads them, so the list above names
    modules that exist and are imported by the same process when used.
    """
    shutil.copyfile(ZORG, tmp_path / "zorg.yaml")
    text = EXAMPLE_AUDIT.read_text(encoding="utf-8")
    (tmp_path / "audit.yaml").write_text(
        text.replace("extensions: []", "extensions: [zorg.yaml]"), encoding="utf-8"
    )

    loaded = _loaded("score", "audit.yaml", cwd=tmp_path)

    expected = [
        "goudenoor.files._extension",
        "goudenoor.standard._extensions",
        "goudenoor.standard._extensions._apply",
        "goudenoor.standard._extensions._check",
        "goudenoor.standard._extensions._edits",
        "goudenoor.standard._extensions._types",
    ]
    assert expected == _matching(loaded)


CHECKING = """
import sys
import goudenoor as go
audit = go.load_audit(sys.argv[1])
print("goudenoor.standard._extensions._types" in sys.modules)
try:
    go.Audit(assessment=audit.assessment, standard=audit.standard, extensions=("zorg",))
except TypeError as exc:
    print(exc)
print("goudenoor.standard._extensions._types" in sys.modules)
"""


def test_an_audit_checks_its_extensions_before_their_classes_are_defined() -> None:
    """
    ``Audit.extensions`` names ``Extension``, which is imported for type
    checking only: before any extension is loaded, a value that is not
    one is still refused (no instance can exist yet), and the check does
    not define the classes to find that out.
    """
    done = run_python("-c", CHECKING, EXAMPLE_AUDIT, check=True)

    expected = [
        "False",
        "Audit: 'extensions[0]' must be Extension, got str 'zorg'",
        "False",
    ]
    assert expected == done.stdout.splitlines()


GENERATED = """
import json, linecache, sys
from goudenoor.cli import main
code = main(sys.argv[1:])
made = sorted(
    name.removeprefix("<cattrs generated structure ").removesuffix(">")
    for name in linecache.cache
    if name.startswith("<cattrs generated structure ")
)
sys.stderr.write(json.dumps([code, made]) + "\\n")
"""


def _generated(path: Path) -> list[str]:
    """
    The classes whose structure functions ``goudenoor score PATH`` generated
    (cattrs names each generated function's source in ``linecache``, for
    tracebacks).
    """
    done = run_python("-c", GENERATED, "score", path)
    code, made = json.loads(done.stderr.strip().splitlines()[-1])
    assert 0 == code, done.stderr
    return made  # type: ignore[no-any-return]


def test_score_generates_the_structure_functions_of_the_classes_in_the_file() -> None:
    """
    A class's structure function is generated when its first mapping is
    read: the example has ratings with evidence but no findings, reviews
    or migration origin, so theirs are not generated (each costs a
    compile of generated code).
    """
    expected = [
        "goudenoor.audit._assessment.Assessment",
        "goudenoor.audit._assessment.Evidence",
        "goudenoor.audit._assessment.Rating",
    ]
    assert expected == _generated(EXAMPLE_AUDIT)


def test_score_of_an_audit_with_findings_generates_theirs() -> None:
    """
    The same check sees a nested class's function where the file has
    one: findings (with their history) and no rating written as a
    mapping.
    """
    path = EXAMPLE_AUDIT.parent / "erkenning" / "audit-2024.yaml"

    expected = [
        "goudenoor.audit._assessment.Assessment",
        "goudenoor.audit._assessment.Evidence",
        "goudenoor.audit._assessment.Finding",
        "goudenoor.audit._assessment.FindingUpdate",
    ]
    assert expected == _generated(path)
