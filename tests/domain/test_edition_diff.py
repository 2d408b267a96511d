"""
What changed between two editions (pure domain).
"""

from __future__ import annotations

import json

from hypothesis import assume, given, strategies as st

import goudenoor as go
from goudenoor.standard._diff import (
    AreaRename,
    Inherited,
    PointsChange,
    diff_editions,
    word_diff,
)


STD2012 = go.load_standard("gos-2012")
STD2016 = go.load_standard("gos-2016")
DIFF = diff_editions(STD2012, STD2016)


def test_areas_renamed_and_points_now_assumed() -> None:
    assert DIFF.areas_added == DIFF.areas_removed == ()
    assert DIFF.areas_renamed == (
        AreaRename(area_id="2", old_name="Sturing", new_name="Leiderschap"),
        AreaRename(
            area_id="5", old_name="Leren & ontwikkelen", new_name="Leren & innoveren"
        ),
    )
    assert 9 == len(DIFF.points_changed)
    assert DIFF.points_changed[1] == PointsChange(
        area_id="2", old_points=20, new_points=20, old_assumed=False, new_assumed=True
    )


def test_requirements_added_removed_and_inherited() -> None:
    assert (
        "1.6",
        "1.7",
        "1.8",
        "1.9",
        "1.10",
        "4.3",
        "4.4",
        "4.5",
        "4.6",
        "4.7",
        "4.8",
    ) == DIFF.requirements_added
    assert ("5.7",) == DIFF.requirements_removed
    inherited = [i.requirement_id for i in DIFF.requirements_inherited]
    assert inherited == [r.id for r in STD2016.requirements if r.inherited_from]
    assert DIFF.requirements_inherited[0] == Inherited(
        requirement_id="2.1", inherited_from="gos-2012"
    )
    # Inherited requirements keep their words: none is reworded.
    assert not {r.item_id for r in DIFF.requirements_reworded} & set(inherited)


def test_reworded_requirement_has_a_word_diff() -> None:
    found = {(r.item_id, r.field): r.diff for r in DIFF.requirements_reworded}
    assert (
        "De organisatie [-betrekt-] {+geeft+} klanten [-bij het doorvoeren van "
        "verbeteringen op basis van feedback/klachten-] {+een helder beeld over "
        "wat ze kunnen verwachten als ze feedback geven.+}"
    ) == (found["1.4", "text"].rendered())
    # 2012 1.2 has no evidence clause, 2016 1.2 has one.
    assert (
        (
            "insert",
            (
                "Dat blijkt bijvoorbeeld uit de rapportages over klantfeedback en de "
                "verspreiding en de werkzaamheid ervan."
            ),
        ),
    ) == found["1.2", "evidence"].ops
    assert ("1.1", "evidence") not in found


def test_checkpoints_added_removed_and_reworded() -> None:
    assert ("5.1.b", "5.5.a", "5.6.a", "5.6.b") == DIFF.checkpoints_removed
    assert ("1.2.a", "1.2.b") == DIFF.checkpoints_added[:2]
    assert "5.2.c" in DIFF.checkpoints_added
    assert "1.7.a" not in DIFF.checkpoints_added  # comes with its requirement
    assert (
        [
            "5.1.a",
            "5.2.a",
            "5.2.b",
            "5.3.a",
            "5.3.b",
            "5.4.a",
            "5.4.b",
        ]
    ) == [r.item_id for r in DIFF.checkpoints_reworded]


def test_an_edition_against_itself_has_no_changes() -> None:
    same = diff_editions(STD2016, STD2016)
    assert 15 == len(same.requirements_inherited)
    assert () == same.areas_renamed
    assert () == same.points_changed
    assert same.requirements_added == same.requirements_removed == ()
    assert same.requirements_reworded == same.checkpoints_reworded == ()
    assert same.checkpoints_added == same.checkpoints_removed == ()
    assert (
        "gos-2012 -> gos-2012\nno changes\n" == diff_editions(STD2012, STD2012).text()
    )


def test_a_diff_run_backwards_still_names_the_inherited() -> None:
    back = diff_editions(STD2016, STD2012)
    assert back.requirements_inherited[0] == Inherited(
        requirement_id="2.1", inherited_from="gos-2012"
    )
    assert back.requirements_removed == DIFF.requirements_added
    assert back.checkpoints_added == DIFF.checkpoints_removed


def test_as_dict_is_json_ready_and_marked() -> None:
    data = DIFF.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert "edition-diff/1" == data["goudenoor"]
    assert ("gos-2012", "gos-2016") == (data["old"], data["new"])
    assert (
        {
            "area_id": "2",
            "old_name": "Sturing",
            "new_name": "Leiderschap",
        }
    ) == data["areas"]["renamed"][0]
    reworded = data["requirements"]["reworded"][0]
    assert "1.1" == reworded["id"]
    assert "text" == reworded["field"]
    assert ["equal", "De organisatie"] == reworded["ops"][0]
    assert reworded["new"] == " ".join(STD2016.requirement("1.1").full_text.split())


def test_text_lists_each_kind_of_change() -> None:
    text = DIFF.text()
    assert text.startswith(
        "gos-2012 -> gos-2016\n"
        "areas renamed (2):\n"
        "  2 Sturing -> Leiderschap\n"
        "  5 Leren & ontwikkelen -> Leren & innoveren\n"
        "points changed (9):\n"
        "  1: 10 -> 10 (assumed)\n"
    )
    assert "requirements removed (1): 5.7\n" in text
    assert "requirements inherited (15): 2.1 (from gos-2012), " in text
    assert "checkpoints removed (4): 5.1.b, 5.5.a, 5.6.a, 5.6.b\n" in text


def test_word_diff_ignores_whitespace_and_renders_both_sides() -> None:
    diff = word_diff("met  succes toepassen", "met succes\ntoepassen")
    assert (("equal", "met succes toepassen"),) == diff.ops
    assert 1.0 == diff.similarity
    diff = word_diff("een procedure", "een transparante werkwijze")
    assert "een [-procedure-] {+transparante werkwijze+}" == diff.rendered()
    assert 0.4 == diff.similarity
    assert 1.0 == word_diff("", "").similarity


WORDS = st.lists(st.sampled_from(["de", "klant", "feedback", "leert", "en"]))


@given(old=WORDS, new=WORDS)
def test_word_diff_keeps_both_texts(old: list[str], new: list[str]) -> None:
    diff = word_diff(" ".join(old), " ".join(new))
    assert diff.old == " ".join(old)
    assert diff.new == " ".join(new)
    assert 0.0 <= diff.similarity <= 1.0


@given(old=WORDS, new=WORDS)
def test_word_diff_of_different_texts_is_not_all_equal(
    old: list[str], new: list[str]
) -> None:
    assume(old != new)
    diff = word_diff(" ".join(old), " ".join(new))
    assert any(op != "equal" for op, _ in diff.ops)
    assert diff.similarity < 1.0
