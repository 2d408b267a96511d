"""
`goudenoor trend FILE...`: one organisation over the years.

The files (gos-2012, every requirement rated; an area's points are its
maximum times the mean value / 4):

- 2024: every value 1: total 25, area 1 2.5 of 10, area 2 5 of 20;
- 2025: every value 2: total 50;
- 2026: every value 3, area 1 all 4: area 1 10, area 2 15; total
  75 + 2.5 = 77.5.

First to last: total +52.5, area 1 +7.5, area 2 +10.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

import goudenoor as go
from helpers import run
from portfolio_files import audit_text


STD2012 = go.load_standard("gos-2012")
AREA_1 = {r.id: 4 for r in STD2012.requirements if r.area_id == "1"}


def audit(folder: Path, year: int, default: int, **options: str) -> str:
    values = AREA_1 if year == 2026 else {}
    text = audit_text(options.get("organisation", "Zorggroep Oost"), values, default)
    text = text.replace("date: 2026-03-01", f"date: {year}-03-01")
    if "unit" in options:
        text = text.replace(
            "scale: gos-0-4", f"scale: gos-0-4\nunit: {options['unit']}"
        )
    path = folder / f"audit-{year}-{len(list(folder.iterdir()))}.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture(name="files")
def _files(tmp_path: Path) -> list[str]:
    # Given out of date order: the trend sorts them.
    return [
        audit(tmp_path, year, value)
        for year, value in ((2026, 3), (2024, 1), (2025, 2))
    ]


def test_text_hand_computed(
    files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run("trend", *files)

    assert (0, "") == (code, capsys.readouterr().err)
    assert (
        [
            "Zorggroep Oost: 2024-03-01 to 2026-03-01",
            "2024-03-01  gos-2012  25.00  no level",
            "2025-03-01  gos-2012  50.00  Gecommitteerd",
            "2026-03-01  gos-2012  77.50  Niveau 2",
            "area     first    last  change",
            " 1        2.50   10.00   +7.50",
            " 2        5.00   15.00  +10.00",
            " 3        5.00   15.00  +10.00",
            " 4        2.50    7.50   +5.00",
            " 5        2.50    7.50   +5.00",
            " 6        2.50    7.50   +5.00",
            " 7        1.25    3.75   +2.50",
            " 8        1.25    3.75   +2.50",
            " 9        2.50    7.50   +5.00",
            "total    25.00   77.50  +52.50",
        ]
    ) == out.splitlines()


def test_json(files: list[str]) -> None:
    code, out = run("trend", *files, "--format", "json")

    assert 0 == code
    data = json.loads(out)
    assert "trend/1" == data["goudenoor"]
    assert ("2024-03-01", "2026-03-01") == (data["first_date"], data["last_date"])
    assert {"first": 25.0, "last": 77.5, "change": 52.5} == data["total"]
    assert (
        [
            {"area_id": "1", "first": 2.5, "last": 10.0, "change": 7.5},
            {"area_id": "2", "first": 5.0, "last": 15.0, "change": 10.0},
        ]
    ) == data["areas"][:2]
    assert [25.0, 50.0, 77.5] == [row["total"] for row in data["history"]]
    assert [] == data["warnings"]


def test_markdown_dutch_and_english(files: list[str], tmp_path: Path) -> None:
    target = tmp_path / "trend.md"
    code, out = run("trend", *files, "--format", "md", "-o", str(target))

    assert (0, "") == (code, out)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert (
        [
            "# Ontwikkeling: Zorggroep Oost",
            "",
            "- **Periode:** 2024-03-01 - 2026-03-01",
        ]
    ) == lines[:3]
    assert "| 2024-03-01 | gos-2012 | 25.00 | geen |" in lines
    assert "| 1 Stem van de klant | 2.50 | 10.00 | +7.50 |" in lines
    assert "| **Totaal** | **25.00** | **77.50** | **+52.50** |" == lines[-1]
    code, english = run("trend", *files, "--format", "md", "--language", "en")
    assert "# Trend: Zorggroep Oost" == english.splitlines()[0]
    assert "| 2024-03-01 | gos-2012 | 25.00 | none |" in english.splitlines()


def test_editions_that_differ_are_compared_with_a_warning(
    files: list[str], tmp_path: Path
) -> None:
    std = go.load_standard("gos-2016")
    later = tmp_path / "later-2016.yaml"
    go.save_assessment(
        go.Assessment(
            edition="gos-2016",
            organisation="Zorggroep Oost",
            date=datetime.date(2027, 3, 1),
            ratings={r.id: go.Rating(value=2) for r in std.requirements},
        ),
        later,
    )
    code, out = run("trend", files[1], str(later))
    assert 0 == code
    assert (
        "warning: the audits are of different editions (gos-2012, gos-2016): areas "
        "are compared by id, and an area's points and maximum may differ between "
        "editions"
    ) == (out.splitlines()[-1])
    code, md = run("trend", files[1], str(later), "--format", "md")
    assert (
        "> De audits zijn van verschillende edities (gos-2012, gos-2016): de "
        "gebieden zijn op nummer vergeleken, en de punten en het maximum van een "
        "gebied kunnen per editie verschillen."
    ) == (md.splitlines()[-1])


def test_mixed_organisations_are_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = audit(tmp_path, 2024, 1)
    other = audit(tmp_path, 2025, 2, organisation="Woonstichting Noord")
    code, out = run("trend", other, first)

    assert (2, "") == (code, out)
    assert (
        "goudenoor: error: a trend is of one organisation; the cards differ in "
        "organisation: 'Zorggroep Oost', 'Woonstichting Noord' (unless different "
        "organisations are allowed)\n"
    ) == (capsys.readouterr().err)
    code, out = run("trend", other, first, "--allow-different-organisations")
    assert 0 == code
    assert (
        "warning: the audits differ in organisation: 'Zorggroep Oost', "
        "'Woonstichting Noord'; they are taken as one history"
    ) == out.splitlines()[-1]


def test_mixed_units_are_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    north = audit(tmp_path, 2024, 1, unit="Noord")
    south = audit(tmp_path, 2025, 2, unit="Zuid")
    code, _ = run("trend", north, south)

    assert 2 == code
    assert (
        "goudenoor: error: a trend is of one unit; the cards differ in unit: "
        "'Noord', 'Zuid' (unless different organisations are allowed)\n"
    ) == (capsys.readouterr().err)


def test_two_audits_on_one_date_are_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Either order would give another change: refused, naming both files."""
    first = audit(tmp_path, 2024, 1)
    again = audit(tmp_path, 2024, 3)
    later = audit(tmp_path, 2025, 2)
    code, out = run("trend", later, again, first)

    assert (2, "") == (code, out)
    assert (
        f"goudenoor: error: two audits on the same date, 2024-03-01: {again} and "
        f"{first}; a trend needs one audit per date\n"
    ) == (capsys.readouterr().err)


def test_audits_of_other_extensions_are_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    Two extension files with the same id and other content, next to the
    audits that name them: their points are not comparable.
    """
    for name, removed in (("a", "9.1"), ("b", "9.2")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "demo.yaml").write_text(
            "goudenoor: extension/1\nid: demo\ntitle: Demo\nversion: '1'\n"
            f"targets: [gos-2012]\nremove:\n  requirements:\n    - id: '{removed}'\n"
            "      reason: Niet van toepassing.\n",
            encoding="utf-8",
        )
    older = audit(tmp_path / "a", 2024, 1)
    newer = audit(tmp_path / "b", 2025, 2)
    for path in (older, newer):
        text = Path(path).read_text(encoding="utf-8")
        text = re.sub(r'  "9\.[12]":\n    value: \d\n', "", text)
        Path(path).write_text(
            text.replace("scale: gos-0-4", "scale: gos-0-4\nextensions: [demo.yaml]"),
            encoding="utf-8",
        )
    code, out = run("trend", newer, older)

    assert (2, "") == (code, out)
    assert (
        "goudenoor: error: the audits were scored against standards whose points "
        f"are not comparable: {older} against gos-2012 + demo and {newer} against "
        "gos-2012 + demo (the same names with other content: another extension "
        "file with the same id); a trend needs the same extensions, with the same "
        "content, in every audit\n"
    ) == (capsys.readouterr().err)


def test_one_unit_is_shown_in_markdown(tmp_path: Path) -> None:
    files = [audit(tmp_path, year, 2, unit="Noord & <Zuid>") for year in (2024, 2025)]
    code, md = run("trend", *files, "--format", "md")

    assert 0 == code
    assert "- **Eenheid:** Noord & &lt;Zuid&gt;" == md.splitlines()[2]


def test_one_file_is_no_trend(
    files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run("trend", files[0])

    assert 2 == code
    assert "goudenoor: error: a trend needs at least 2 score cards (got 1)\n" == (
        capsys.readouterr().err
    )


def test_a_bad_file_is_an_error(
    files: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.yaml")
    code, _ = run("trend", files[0], missing)

    assert 2 == code
    assert capsys.readouterr().err.startswith(
        f"goudenoor: error: {missing}: cannot read file"
    )
