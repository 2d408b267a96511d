"""
``goudenoor template --extension FILE`` names the extension file as the
user gave it (issue 23, item 26): its path, relative to the written
template (to standard output: relative to the current folder), so that
the filled-in template scores without repeating ``--extension``.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

import goudenoor as go
from conftest import ROOT
from goudenoor.files._template import assessment_template
from helpers import run


ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"


@pytest.fixture(name="here")
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """
    A working folder with the example pack saved as ``out/sub/energie.yaml``
    and ``sub/energie.yaml`` (a file name that is not the pack's id).
    """
    for folder in (tmp_path / "out" / "sub", tmp_path / "sub"):
        folder.mkdir(parents=True)
        shutil.copyfile(ZORG, folder / "energie.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def filled(path: Path) -> None:
    """
    Rate the pack's own requirement zorg:4.9 in the template at *path*.
    """
    text = path.read_text(encoding="utf-8")
    empty = '  "zorg:4.9":\n    value:\n'
    assert 1 == text.count(empty)
    path.write_text(text.replace(empty, '  "zorg:4.9":\n    value: 1\n'))


def area_4(path: Path) -> str:
    """
    Area 4's trace line when *path* is scored with no --extension.
    """
    code, out = run("score", str(path), "--format", "json")
    assert 0 == code
    areas = {area["area_id"]: area for area in json.loads(out)["areas"]}
    return str(areas["4"]["rule"])


SCORED = (
    "area 4 Middelen: weighted-mean of [4.1 0.00 (unrated), 4.2 0.00 (unrated), "
    "zorg:4.9 0.25 (rated)] = 0.0833 * 10 = 0.83 points"
)


@pytest.mark.usefixtures("here")
def test_path_relative_to_the_output() -> None:
    path = Path("out/audit.yaml")

    code, _ = run(
        "template", "gos-2012", "--extension", "out/sub/energie.yaml", "-o", str(path)
    )
    filled(path)

    assert 0 == code
    assert 'extensions: ["sub/energie.yaml"]\n' in path.read_text(encoding="utf-8")
    assert SCORED == area_4(path)


@pytest.mark.usefixtures("here")
def test_path_relative_to_the_current_folder_on_standard_output() -> None:
    """
    A template printed is to be saved in the current folder.
    """
    code, out = run("template", "gos-2012", "--extension", "./sub/energie.yaml")
    path = Path("audit.yaml")
    path.write_text(out, encoding="utf-8")
    filled(path)

    assert 0 == code
    assert 'extensions: ["sub/energie.yaml"]\n' in out
    assert SCORED == area_4(path)


def test_extension_outside_the_output_folder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    The brief's case: sub/ is not below out/, so out/audit.yaml could not
    name sub/energie.yaml (a loader refuses a path out of its folder).
    """
    code, _ = run(
        "template", "gos-2012", "--extension", "sub/energie.yaml", "-o", "out/a.yaml"
    )

    assert 2 == code
    assert not Path("out/a.yaml").exists()
    assert (
        "goudenoor: error: cannot write out/a.yaml: its extension file "
        f"sub/energie.yaml ({here}/sub/energie.yaml) is not in the folder of "
        "a.yaml or below it, and an assessment names extension files in its "
        "own folder (write it next to the extension file, copy the extension "
        "there, or install it)\n"
    ) == capsys.readouterr().err


def test_extension_outside_the_current_folder_on_standard_output(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(here / "out")

    code, out = run("template", "gos-2012", "--extension", "../sub/energie.yaml")

    assert (2, "") == (code, out)
    assert (
        "goudenoor: error: cannot write the template to standard output: its "
        f"extension file ../sub/energie.yaml ({here}/sub/energie.yaml) is not in "
        "the current folder or below it, and the template names it relative to "
        "the current folder, where it is to be saved (run the command from the "
        "extension's folder or above it, give -o OUT there, or install the "
        "extension)\n"
    ) == capsys.readouterr().err


@pytest.mark.usefixtures("here")
def test_file_name_without_suffix_stays_a_path() -> None:
    """
    ``energie`` alone would read as an installed extension's name.
    """
    Path("sub/energie").write_bytes(ZORG.read_bytes())

    code, out = run(
        "template", "gos-2012", "--extension", "sub/energie", "-o", "sub/a.yaml"
    )

    assert (0, "") == (code, out)
    assert 'extensions: ["./energie"]\n' in Path("sub/a.yaml").read_text(
        encoding="utf-8"
    )


@pytest.mark.usefixtures("here")
def test_extension_from_standard_input_by_its_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """
    Standard input has no path to record: the pack is named by its id.
    """
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ZORG.read_bytes())))

    code, out = run("template", "gos-2012", "--extension", "-")

    assert 0 == code
    assert 'extensions: ["zorg"]\n' in out


def test_names_counted_against_the_standard() -> None:
    """
    The library function names each extension of the standard once.
    """
    standard = go.apply_extension(
        go.load_standard("gos-2012"), go.load_extension_file(ZORG)
    )

    with pytest.raises(go.GoudenoorError) as info:
        assessment_template(standard, extensions=[])

    assert (
        'extensions: 0 names given for the 1 extensions of the standard (["zorg"]); '
        "expected one name each"
    ) == str(info.value)
