"""
goudenoor portfolio --summary (text, json, md, html; csv refused), rollup
--format html, --language, and goudenoor schema portfolio-summary.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest

import goudenoor as go
from goudenoor.files import json_schema
from helpers import run
from portfolio_files import broken_messages, write_portfolio


def test_text_summary_of_good_and_refused_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_portfolio(tmp_path, broken=True)
    code, out = run("portfolio", str(tmp_path), "--summary")
    assert 1 == code
    lines = out.splitlines()
    assert (
        [
            "3 assessments, 3 files refused",
            "",
            "gos-2012: 3 assessments (maximum 100 points)",
        ]
    ) == lines[:3]
    assert f"{'total':<32}  12.50  31.25  50.00  75.00 100.00  54.17" in lines
    assert capsys.readouterr().err.splitlines() == [
        f"goudenoor: error: {message}" for message in broken_messages(tmp_path).values()
    ]


def test_json_summary_satisfies_its_schema(tmp_path: Path) -> None:
    write_portfolio(tmp_path, broken=True)
    code, out = run("portfolio", str(tmp_path), "--summary", "--format", "json")
    assert 1 == code
    data = json.loads(out)
    assert (
        "portfolio-summary/1",
        3,
        3,
    ) == (data["goudenoor"], data["assessments"], data["refused"])
    assert data == go.load_portfolio(tmp_path).summary().as_dict()
    code, schema = run("schema", "portfolio-summary")
    assert 0 == code
    assert json.loads(schema) == json_schema("portfolio-summary")
    validator = jsonschema.Draft202012Validator(
        json.loads(schema),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    assert [] == list(validator.iter_errors(data))


def test_scoring_options_reach_the_summary(tmp_path: Path) -> None:
    write_portfolio(tmp_path)
    code, out = run(
        "portfolio", str(tmp_path), "--summary", "--format", "json",
        "--scheme", "sterren",
    )  # fmt: skip
    assert 0 == code
    (edition,) = json.loads(out)["editions"]
    assert "sterren" == edition["scheme"]


@pytest.mark.parametrize(
    ("language", "title"),
    [("nl", "# Portefeuille in cijfers"), ("en", "# Portfolio summary")],
)
def test_markdown_summary_in_either_language(
    tmp_path: Path, language: str, title: str
) -> None:
    write_portfolio(tmp_path)
    code, out = run(
        "portfolio", str(tmp_path), "--summary", "--format", "md",
        "--language", language,
    )  # fmt: skip
    assert 0 == code
    assert out.splitlines()[0] == title


def test_html_summary_to_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    folder = tmp_path / "audits"
    write_portfolio(folder)
    target = tmp_path / "summary.html"
    code, out = run(
        "portfolio", str(folder), "--summary", "--format", "html",
        "--language", "en", "-o", str(target),
    )  # fmt: skip
    assert (0, "") == (code, out)
    html = target.read_text(encoding="utf-8")
    assert "<h1>Portfolio summary</h1>" in html
    assert " on 2026-01-01</p>" in html
    again = tmp_path / "again.html"
    run(
        "portfolio", str(folder), "--summary", "--format", "html",
        "--language", "en", "-o", str(again),
    )  # fmt: skip
    assert again.read_bytes() == target.read_bytes()


def test_csv_summary_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_portfolio(tmp_path)
    assert (2, "") == run("portfolio", str(tmp_path), "--summary", "--format", "csv")
    assert (
        "goudenoor: error: --summary writes text, json, md or html, not csv "
        "(a summary is no table)\n"
    ) == (capsys.readouterr().err)


def test_html_table_without_summary_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_portfolio(tmp_path)
    assert (2, "") == run("portfolio", str(tmp_path), "--format", "html")
    assert (
        "goudenoor: error: --format html is for the summary: add --summary (the "
        "table is text, csv, json or md)\n"
    ) == (capsys.readouterr().err)


def test_an_unknown_language_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_portfolio(tmp_path)
    with pytest.raises(SystemExit) as exited:
        run("portfolio", str(tmp_path), "--summary", "--language", "de")
    assert 2 == exited.value.code
    assert "--language: invalid choice: 'de'" in capsys.readouterr().err


def units(folder: Path) -> list[str]:
    std = go.load_standard("gos-2012")
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    for name, value in (("Noord", 4), ("<b>Zuid</b>", 2)):
        audit = go.Assessment(
            edition="gos-2012",
            organisation="Woonstichting",
            date=datetime.date(2026, 5, 1),
            unit=name,
            ratings={r.id: go.Rating(value=value) for r in std.requirements},
        )
        path = folder / f"unit-{len(paths)}.yaml"
        go.save_assessment(audit, path)
        paths.append(str(path))
    return paths


@pytest.mark.parametrize(
    ("language", "heading"),
    [("nl", "<h2>Radar per eenheid</h2>"), ("en", "<h2>A radar per unit</h2>")],
)
def test_rollup_html_to_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, heading: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    target = tmp_path / "rollup.html"
    code, out = run(
        "rollup", *units(tmp_path / "units"), "--format", "html",
        "--language", language, "-o", str(target),
    )  # fmt: skip
    assert (0, "") == (code, out)
    html = target.read_text(encoding="utf-8")
    assert heading in html
    assert 3 == html.count("<svg")
    assert "<figcaption>&lt;b&gt;Zuid&lt;/b&gt;</figcaption>" in html
    assert "<b>Zuid" not in html


def test_rollup_html_to_stdout(tmp_path: Path) -> None:
    code, out = run("rollup", *units(tmp_path), "--format", "html")
    assert 0 == code
    assert out.startswith('<!DOCTYPE html>\n<html lang="nl">')
