"""
The self-assessment form as a workbook: the same questions as the HTML
and JSON forms, every checkpoint once, answers with drop-downs, texts as
values (never formulas).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import attrs
import openpyxl
import pytest

import goudenoor as go
from conftest import ROOT
from goudenoor.exceptions import OutputExistsError, UnknownItemError
from goudenoor.files.xlsx import save_questionnaire_workbook


ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"


def _pack(edition: str) -> go.Standard:
    return go.apply_extension(go.load_standard(edition), go.load_extension_file(ZORG))


@pytest.mark.parametrize("edition", go.editions())
@pytest.mark.parametrize("pack", [False, True])
def test_every_question_once(tmp_path: Path, edition: str, pack: bool) -> None:
    standard = _pack(edition) if pack else go.load_standard(edition)
    questions = go.questionnaire(standard)
    path = tmp_path / "form.xlsx"
    save_questionnaire_workbook(questions, path)
    sheet = openpyxl.load_workbook(path)["Vragen"]
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    expected = []
    for requirement in questions.requirements:
        expected += [requirement.id, *(c.id for c in requirement.checkpoints)]
    assert expected == ids
    assert {1} == set(Counter(ids).values())


def test_drop_downs_on_the_answers(tmp_path: Path) -> None:
    questions = go.questionnaire(go.load_standard("gos-2016"))
    path = tmp_path / "form.xlsx"
    save_questionnaire_workbook(questions, path)
    sheet = openpyxl.load_workbook(path)["Vragen"]
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2)}
    found = {
        validation.formula1: {str(cell) for cell in validation.sqref}
        for validation in sheet.data_validations.dataValidation
    }
    ratings = {f"F{rows[r.id]}" for r in questions.requirements}
    answers = {f"F{rows[c]}" for c in questions.checkpoint_ids}
    expected_ratings = set()
    for cells in found['"0,1,2,3,4,n.v.t."']:
        expected_ratings |= _cells(cells)
    expected_answers = set()
    for cells in found['"ja,deels,nee"']:
        expected_answers |= _cells(cells)
    assert ratings == expected_ratings
    assert answers == expected_answers
    assert not sheet["F2"].protection.locked
    assert sheet["D2"].protection.locked
    assert sheet.protection.sheet


def _cells(ranges: str) -> set[str]:
    # A range of one column (F3:F5) as its cells.
    found = set()
    for part in ranges.split():
        first, _, last = part.partition(":")
        if not last:
            found.add(first)
            continue
        for row in range(int(first[1:]), int(last[1:]) + 1):
            found.add(f"F{row}")
    return found


def test_a_text_like_a_formula_stays_text(tmp_path: Path) -> None:
    standard = go.load_standard("gos-2016")
    area = standard.areas[0]
    requirement = attrs.evolve(area.requirements[0], text="=1+1")
    changed = attrs.evolve(
        standard,
        areas=(
            attrs.evolve(area, requirements=(requirement, *area.requirements[1:])),
            *standard.areas[1:],
        ),
    )
    path = tmp_path / "form.xlsx"
    save_questionnaire_workbook(go.questionnaire(changed), path)
    cell = openpyxl.load_workbook(path)["Vragen"]["D2"]
    assert ("=1+1", "s") == (cell.value, cell.data_type)


def test_english_words_beside_the_dutch_texts(tmp_path: Path) -> None:
    questions = go.questionnaire(
        go.load_standard("gos-2016"), translation=go.load_translation("gos-2016", "en")
    )
    path = tmp_path / "form.xlsx"
    save_questionnaire_workbook(questions, path, language="en")
    book = openpyxl.load_workbook(path)
    assert ["Self-assessment", "Questions"] == book.sheetnames
    sheet = book["Questions"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "1.4.a")
    assert (
        "This is shown by: de klantbeleving (klanten weten waar ze aan toe zijn)\n"
        "(the customer experience (customers know where they stand))"
    ) == row[3].value


def test_not_over_a_file_and_no_unknown_language(tmp_path: Path) -> None:
    questions = go.questionnaire(go.load_standard("gos-2012"))
    path = tmp_path / "form.xlsx"
    path.write_bytes(b"")
    with pytest.raises(OutputExistsError):
        save_questionnaire_workbook(questions, path)
    with pytest.raises(UnknownItemError) as caught:
        save_questionnaire_workbook(questions, path, language="de", overwrite=True)
    assert "unknown workbook language 'de'; did you mean 'nl', 'en'?" == str(
        caught.value
    )
