"""
`goudenoor rollup FILE... [--weight UNIT=W ...] [--rule] [--format]`.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import goudenoor as go
from helpers import run


@pytest.fixture(name="units")
def _units(tmp_path: Path) -> list[str]:
    std = go.load_standard("gos-2012")
    paths: list[str] = []
    for name, value in (("Noord", 4), ("Zuid", 2), ("Oost=1", 0)):
        audit = go.Assessment(
            edition="gos-2012",
            organisation="Woonstichting",
            date=datetime.date(2026, 5, 1),
            unit=name,
            ratings={r.id: go.Rating(value=value) for r in std.requirements},
        )
        path = tmp_path / f"unit-{len(paths)}.yaml"
        go.save_assessment(audit, path)
        paths.append(str(path))
    return paths


def test_text_with_weights(units: list[str]) -> None:
    code, out = run(
        "rollup", *units, "--weight", "Noord=2", "--weight", "Zuid=1",
        "--weight", "Oost=1=1",
    )  # fmt: skip

    assert 0 == code
    lines = out.splitlines()
    assert (
        "Woonstichting: roll-up of 3 units (Noord, Zuid, Oost=1) on gos-2012, "
        "rule weighted-mean"
    ) == (lines[0])
    # (2 * 100 + 50 + 0) / 4 = 62.5; organisation (2 * 70 + 35) / 4 = 43.75
    assert "total                            62.50" in lines
    assert "level: Gecommitteerd" in lines


def test_json_min_rule(units: list[str]) -> None:
    code, out = run("rollup", *units[:2], "--rule", "min", "--format", "json")

    assert 0 == code
    data = json.loads(out)
    assert "rollup/1" == data["goudenoor"]
    assert "min" == data["rule"]
    assert 50.0 == data["points"]["total"]
    assert {"Zuid"} == {a["weakest_unit"] for a in data["areas"]}


def test_markdown_dutch_and_english(units: list[str], tmp_path: Path) -> None:
    out_file = tmp_path / "rollup.md"
    code, out = run("rollup", *units[:2], "--format", "md", "-o", str(out_file))

    assert (0, "") == (code, out)
    md = out_file.read_text(encoding="utf-8")
    assert md.startswith("# Samenvoeging van eenheden: Woonstichting\n")
    assert "| Noord | 1 | 2026-05-01 | 100.00 | Niveau 3 |" in md
    name = go.load_standard("gos-2012").areas[0].name
    assert f"| 1 {name} | 7.50 | 5.00 | 10.00 | 10.00 | Zuid |" in md
    assert "- **Erkenningsniveau:** Niveau 2" in md
    code, english = run("rollup", *units[:2], "--format", "md", "--language", "en")
    assert english.startswith("# Roll-up of units: Woonstichting\n")
    assert "- **Rule:** weighted mean of the units (`weighted-mean`)" in english


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ("--weight", "Noord=2"),
            (
                "goudenoor: error: no weight for unit 'Zuid': give a weight for every "
                "unit or for none\n"
            ),
        ),
        (
            ("--weight", "Noord=2", "--weight", "Noord=3"),
            "goudenoor: error: --weight: unit 'Noord' is given more than once\n",
        ),
        (
            ("--rule", "min", "--weight", "Noord=1", "--weight", "Zuid=1"),
            (
                "goudenoor: error: the min rule takes no weights: it uses the weakest "
                "unit\n"
            ),
        ),
    ],
)
def test_errors(
    units: list[str],
    options: tuple[str, ...],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run("rollup", *units[:2], *options)

    assert (2, "") == (code, out)
    assert capsys.readouterr().err == message


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        ("Noord", "expected UNIT=NUMBER, got 'Noord'"),
        ("Noord=inf", "expected UNIT=NUMBER, got 'Noord=inf'"),
        (
            "Noord=0",
            (
                "the weight must be a positive number of at most 1,000,000, got "
                "'Noord=0'"
            ),
        ),
        (
            "Noord=-1",
            (
                "the weight must be a positive number of at most 1,000,000, got "
                "'Noord=-1'"
            ),
        ),
        (
            "Noord=1e308",
            (
                "the weight must be a positive number of at most 1,000,000, got "
                "'Noord=1e308'"
            ),
        ),
    ],
)
def test_a_bad_weight_is_a_usage_error(
    units: list[str], weight: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        run("rollup", *units[:2], "--weight", weight, "--weight", "Zuid=1")
    assert 2 == info.value.code
    assert (
        f"goudenoor: error: argument --weight: {message} "
        "(see 'goudenoor rollup --help')\n"
    ) == (capsys.readouterr().err)


@pytest.mark.parametrize("weight", ["5e-324", "1e-300", "1000000"])
def test_extreme_equal_weights(units: list[str], weight: str) -> None:
    """
    Equal weights give the plain mean, however small or large they are.
    """
    code, out = run(
        "rollup", *units[:2], "--weight", f"Noord={weight}",
        "--weight", f"Zuid={weight}", "--format", "json",
    )  # fmt: skip
    _, plain = run("rollup", *units[:2], "--format", "json")

    assert 0 == code
    assert json.loads(plain)["points"] == json.loads(out)["points"]


def test_a_file_without_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.yaml"
    go.save_assessment(
        go.Assessment(
            edition="gos-2012", organisation="X", date=datetime.date(2026, 5, 1)
        ),
        path,
    )

    assert (2, "") == run("rollup", str(path))
    assert f"goudenoor: error: each assessment needs a unit: {path} has none\n" == (
        capsys.readouterr().err
    )


def test_json_output_fits_its_schema(units: list[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    code, schema_text = run("schema", "rollup")
    assert 0 == code
    schema = json.loads(schema_text)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for options in (("--weight", "Noord=3", "--weight", "Zuid=1"), ("--rule", "min")):
        code, out = run("rollup", *units[:2], "--format", "json", *options)
        assert 0 == code
        assert [] == [e.message for e in validator.iter_errors(json.loads(out))]
