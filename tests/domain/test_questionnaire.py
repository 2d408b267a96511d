"""
The self-assessment questionnaire: every requirement once, every checkpoint
once, from the standard's own data.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import goudenoor as go
from goudenoor.exceptions import ModelError, UnknownAreaError, UnknownItemError
from goudenoor.standard import CHECKPOINT_ANSWERS, QUESTIONNAIRE_FORMAT


ZORG = (
    Path(__file__).parent.parent.parent
    / "examples"
    / "goudenoor-zorg"
    / "src"
    / "goudenoor_zorg"
    / "zorg.yaml"
)


def _with_pack(edition: str) -> go.Standard:
    return go.apply_extension(go.load_standard(edition), go.load_extension_file(ZORG))


@pytest.mark.parametrize("edition", go.editions())
@pytest.mark.parametrize("pack", [False, True])
def test_every_requirement_and_checkpoint_asked_once(edition: str, pack: bool) -> None:
    standard = _with_pack(edition) if pack else go.load_standard(edition)
    questions = go.questionnaire(standard)
    expected_checkpoints = [c.id for r in standard.requirements for c in r.checkpoints]
    assert expected_checkpoints == list(questions.checkpoint_ids)
    assert [r.id for r in standard.requirements] == [
        r.id for r in questions.requirements
    ]
    assert pack == any(":" in r.id for r in questions.requirements)
    assert standard.extensions == questions.extensions


def test_texts_are_the_standards_own(std2016: go.Standard) -> None:
    questions = go.questionnaire(std2016)
    for asked in questions.requirements:
        requirement = std2016.requirement(asked.id)
        assert requirement.full_text == asked.text
        assert requirement.evidence == asked.evidence
        assert requirement.theme == asked.theme
        assert requirement.area_id == asked.area_id
        assert [(c.id, c.text) for c in requirement.checkpoints] == [
            (c.id, c.text) for c in asked.checkpoints
        ]
        assert asked.translated is None
    scale = std2016.scale()
    assert [(level.value, level.label) for level in scale.levels] == [
        (level.value, level.label) for level in questions.levels
    ]
    assert [(a.id, a.kind, a.name) for a in std2016.areas] == [
        (a.id, a.kind, a.name) for a in questions.areas
    ]


def test_a_requirement_without_checkpoints_is_still_asked(
    std2016: go.Standard,
) -> None:
    questions = go.questionnaire(std2016)
    bare = [r.id for r in questions.requirements if not r.checkpoints]
    assert "1.1" in bare
    assert () == std2016.requirement("1.1").checkpoints


def test_translation_beside_the_dutch(std2016: go.Standard) -> None:
    translation = go.load_translation("gos-2016", "en")
    questions = go.questionnaire(std2016, translation=translation)
    asked = next(r for r in questions.requirements if r.id == "1.4")
    translated = translation.requirement("1.4")
    assert translated is not None
    assert translated.full_text == asked.translated
    assert translated.evidence == asked.evidence_translated
    assert "Customer-driven design" == asked.theme_translated
    assert "de klantbeleving (klanten weten waar ze aan toe zijn)" == (
        asked.checkpoints[0].text
    )
    assert "en" == questions.language
    assert "not present" == questions.levels[0].translated
    # Translations do not change the questions, so not the form's id.
    assert go.questionnaire(std2016).form_id == questions.form_id


def test_a_translation_of_another_edition_is_refused(std2016: go.Standard) -> None:
    with pytest.raises(ModelError) as caught:
        go.questionnaire(std2016, translation=go.load_translation("gos-2012", "en"))
    assert "translation.edition: the translation is of gos-2012, not of gos-2016" == (
        str(caught.value)
    )


def test_areas_filter_in_number_order(std2016: go.Standard) -> None:
    questions = go.questionnaire(std2016, areas=["5", "Leren & ontwikkelen", "1"])
    assert ["1", "5"] == [a.id for a in questions.areas]
    assert questions.form_id != go.questionnaire(std2016).form_id


def test_unknown_area(std2016: go.Standard) -> None:
    with pytest.raises(UnknownAreaError) as caught:
        go.questionnaire(std2016, areas=["12"])
    assert "unknown area '12' in gos-2016; did you mean '2', '1'?" == str(caught.value)


def test_scale_choice(std2016: go.Standard) -> None:
    questions = go.questionnaire(std2016, scale="conformiteit")
    assert "conformiteit" == questions.scale
    assert [level.value for level in std2016.scale("conformiteit").levels] == [
        level.value for level in questions.levels
    ]
    with pytest.raises(UnknownItemError):
        go.questionnaire(std2016, scale="nope")


def test_as_dict(std2016: go.Standard) -> None:
    questions = go.questionnaire(std2016)
    data = questions.as_dict()
    assert QUESTIONNAIRE_FORMAT == data["goudenoor"]
    assert list(CHECKPOINT_ANSWERS) == data["checkpoint_answers"]
    assert questions.form_id == data["form_id"]
    ids = Counter(
        c["id"]
        for a in data["areas"]
        for r in a["requirements"]
        for c in r["checkpoints"]
    )
    assert set(questions.checkpoint_ids) == set(ids)
    assert {1} == set(ids.values())


def test_form_id_is_stable(std2016: go.Standard) -> None:
    first = go.questionnaire(std2016).form_id
    assert first == go.questionnaire(go.load_standard("gos-2016")).form_id
    assert 16 == len(first)
    assert first != go.questionnaire(_with_pack("gos-2016")).form_id
