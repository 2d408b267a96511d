"""
``goudenoor oscal import-results``: OSCAL assessment results (JSON or YAML)
back into an assessment file (issue 29).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import goudenoor as go
from conftest import DATA, ROOT
from goudenoor.cli import main
from goudenoor.files import dump_assessment


FOREIGN = DATA / "oscal" / "foreign-results.json"
SECTOR = ROOT / "examples" / "sector" / "beekdal.yaml"
HISTORY = ROOT / "examples" / "history" / "lindewaard-2025.yaml"


@pytest.mark.parametrize("format_", ["json", "yaml"])
@pytest.mark.parametrize("path", [SECTOR, HISTORY], ids=lambda path: path.name)
def test_the_trip_through_the_command(
    path: Path, format_: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    oscal results, then oscal import-results: the bytes of the assessment
    as saved, exit code 0 and nothing on standard error.
    """
    results = tmp_path / f"results.{format_}"
    out = tmp_path / "back.yaml"
    assert 0 == main(
        ["oscal", "results", str(path), "--format", format_, "-o", str(results)]
    )

    code = main(["oscal", "import-results", str(results), "-o", str(out)])

    assert (0, "") == (code, capsys.readouterr().err)
    expected = dump_assessment(go.load_assessment(path))
    assert expected == out.read_text(encoding="utf-8")


def test_unmapped_parts_are_named_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    A foreign document: the assessment is written, each part that did not
    map is a line on standard error, and the exit code is 1.
    """
    out = tmp_path / "voorbeeld.yaml"

    code = main(
        [
            "oscal",
            "import-results",
            str(FOREIGN),
            "--edition",
            "gos-2012",
            "-o",
            str(out),
        ]
    )

    results = '"assessment-results".results'
    assert 1 == code
    assert (
        f"goudenoor: not read: {results}[1]: only the first result is read: an "
        "assessment is one audit\n"
        f"goudenoor: not read: {results}[0].findings[0].props[0]: property "
        "'priority' has no place\n"
        f'goudenoor: not read: {results}[0].findings[1]."related-observations"[1]: '
        "no observation 'a6c1d3f0-8e0b-4d3c-9b0e-5e2a1c4b7d99' in the result\n"
        f"goudenoor: not read: {results}[0].findings[1].target.status: a status "
        "without a value on the scale: the requirement is left unrated\n"
        f"goudenoor: not read: {results}[0].findings[3].target: target 'ac-2_smt' "
        "is not a control of gos-2012: expected a control id (req-5.3) or one of "
        "its parts (req-5.3_smt)\n"
        f"goudenoor: not read: {results}[0].observations[2]: an observation no "
        "finding links: evidence of no rating\n"
        f"goudenoor: not read: {results}[0].risks: risks are not part of an "
        "assessment\n"
    ) == capsys.readouterr().err
    assert ["1.1", "1.2", "1.5"] == list(go.load_assessment(out).ratings)


def test_without_an_edition_it_is_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """
    Results that do not name their edition need --edition: exit 2, saying so.
    """
    code = main(["oscal", "import-results", str(FOREIGN)], out=io.StringIO())

    assert 2 == code
    assert (
        'goudenoor: error: "assessment-results": the results do not say the '
        "edition (an 'edition' property): give the standard they rate "
        "(standard= in Python, --edition on the command line)\n"
    ) == capsys.readouterr().err


def test_an_existing_output_is_kept_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    -o OUT replaces an existing file only with --force.
    """
    out = tmp_path / "voorbeeld.yaml"
    out.write_text("kept", encoding="utf-8")
    argv = ["oscal", "import-results", str(FOREIGN), "--edition", "gos-2012"]

    assert 2 == main([*argv, "-o", str(out)])
    assert "kept" == out.read_text(encoding="utf-8")
    assert 1 == main([*argv, "-o", str(out), "--force"])
    assert out.read_text(encoding="utf-8").startswith("goudenoor: assessment/1\n")
    capsys.readouterr()


def test_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """
    A file that starts as JSON and is not is refused at its line and column.
    """
    broken = tmp_path / "broken.json"
    broken.write_text('{"assessment-results": }', encoding="utf-8")

    code = main(["oscal", "import-results", str(broken)], out=io.StringIO())

    assert 2 == code
    assert capsys.readouterr().err.startswith(
        f"goudenoor: error: {broken}:1:24: not JSON: "
    )


def test_not_a_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """
    A file whose data is not a mapping is no OSCAL document: exit 2, saying
    what was expected.
    """
    listed = tmp_path / "list.yaml"
    listed.write_text("- 1\n- 2\n", encoding="utf-8")

    code = main(["oscal", "import-results", str(listed)], out=io.StringIO())

    assert 2 == code
    assert (
        f"goudenoor: error: {listed}: expected OSCAL assessment results: a "
        "mapping with the key 'assessment-results' (got list)\n"
    ) == capsys.readouterr().err
