"""
``goudenoor questionnaire``: the self-assessment form of an edition, as
one HTML page, JSON (``questionnaire/1``) or a workbook.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import goudenoor as go
from conftest import ROOT
from goudenoor.files import json_schema
from helpers import run, run_captured


ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"


def test_html_to_a_file_and_not_over_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = tmp_path / "form.html"
    assert (0, "") == run("questionnaire", "gos-2016", "-o", str(form))
    text = form.read_text(encoding="utf-8")
    assert text.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert "Bewaar als bestand" in text

    code, _, err = run_captured(["questionnaire", "gos-2012", "-o", str(form)], capsys)
    assert 2 == code
    expected = (
        f"goudenoor: error: {form}: file exists; not overwritten (add --force to "
        "replace it)\n"
    )
    assert expected == err
    assert 0 == run("questionnaire", "gos-2012", "-o", str(form), "--force")[0]
    assert "Gouden Oor Standaard 2012" in form.read_text(encoding="utf-8")


def test_html_to_standard_output_in_english() -> None:
    code, out = run("questionnaire", "gos-2016", "--language", "en")
    assert 0 == code
    assert '<html lang="en">' in out
    assert "This is shown by:" in out
    assert "(Customer-driven design)" in out


def test_json_with_the_pack_and_chosen_areas() -> None:
    code, out = run(
        "questionnaire",
        "gos-2016",
        "--extension",
        str(ZORG),
        "--areas",
        "1",
        "--areas",
        "Leren & ontwikkelen",
        "--format",
        "json",
    )
    data = json.loads(out)

    assert 0 == code
    assert ["zorg"] == data["extensions"]
    assert ["1", "5"] == [area["id"] for area in data["areas"]]
    jsonschema.validate(data, json_schema("questionnaire"))
    std = go.apply_extension(go.load_standard("gos-2016"), go.load_extension_file(ZORG))
    expected = go.questionnaire(std, areas=["1", "5"]).as_dict()
    assert expected == data


def test_an_unknown_area(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_captured(
        ["questionnaire", "gos-2016", "--areas", "12"], capsys
    )
    assert (2, "") == (code, out)
    assert (
        "goudenoor: error: unknown area '12' in gos-2016; did you mean '2', '1'?\n"
        == err
    )


def test_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_captured(
        ["questionnaire", "gos-2016", "--format", "xlsx"], capsys
    )
    assert 2 == code
    expected = (
        "goudenoor: error: an XLSX questionnaire needs an output file: -o FORM.xlsx\n"
    )
    assert expected == err


def test_xlsx_to_a_file(tmp_path: Path) -> None:
    import openpyxl

    book = tmp_path / "form.xlsx"
    assert (0, "") == run(
        "questionnaire", "gos-2016", "--format", "xlsx", "-o", str(book)
    )
    assert ["Zelfevaluatie", "Vragen"] == openpyxl.load_workbook(book).sheetnames
