"""
A crosswalk as an OSCAL 1.2 mapping collection and back: the same rows.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

import goudenoor as go
from goudenoor.interchange._oscal_mapping import OSCAL_RELATIONSHIPS


EXPECTED_CONTROL = "expected a control of a goudenoor catalogue (req-...), found "
KNOWN = (
    "['equivalent-to', 'subset-of', 'superset-of', 'intersects-with', "
    "'no-relationship', 'equal-to']"
)


def _document(pair: tuple[str, str]) -> dict[str, Any]:
    return go.to_oscal_mapping(go.load_crosswalk(*pair), *map(go.load_standard, pair))


@pytest.mark.parametrize("pair", go.crosswalks(), ids="--".join)
def test_crosswalk_to_mapping_and_back_gives_the_same_rows(
    pair: tuple[str, str],
) -> None:
    """
    Every shipped crosswalk, written as a mapping collection, dumped as
    JSON and read back, is the same crosswalk: rows, new and removed
    requirements, notes.
    """
    crosswalk = go.load_crosswalk(*pair)

    back = go.from_oscal_mapping(json.loads(json.dumps(_document(pair))))

    assert crosswalk == back
    assert crosswalk.mappings == back.mappings


def test_every_relationship_and_text_comes_back() -> None:
    """
    A row of each relationship, with Markdown, HTML and entities in its
    rationale and a note, comes back the same; each relationship is
    OSCAL's word for it.
    """
    crosswalk = go.load_crosswalk("gos-2012", "gos-2016")
    texts = "# kop *nadruk* [a](javascript:x) <b> &amp; &lt; \\ https://x 1. lijst"
    rows = tuple(
        go.standard.CrosswalkMapping(
            source="5.1",
            target=f"5.{number}",
            relationship=relationship,
            rationale=f"- {texts}\n\n{relationship}: {texts}",
            note=f"{texts} {number}",
        )
        for number, relationship in enumerate(OSCAL_RELATIONSHIPS, start=1)
    )
    changed = attrs.evolve(crosswalk, mappings=rows, new=(), removed=())
    standards = go.load_standard("gos-2012"), go.load_standard("gos-2016")

    document = go.to_oscal_mapping(changed, *standards)
    [mapping] = document["mapping-collection"]["mappings"]

    assert [
        "equivalent-to",
        "subset-of",
        "superset-of",
        "intersects-with",
        "no-relationship",
    ] == [item["relationship"] for item in mapping["maps"]]
    assert changed == go.from_oscal_mapping(document)


def test_equal_to_reads_as_equal() -> None:
    """
    Another tool's ``equal-to`` (the same words) is a crosswalk's
    ``equal`` too.
    """
    document = _document(("gos-2012", "gos-2016"))
    [mapping] = document["mapping-collection"]["mappings"]
    first = mapping["maps"][0]
    first["relationship"] = "equal-to"

    back = go.from_oscal_mapping(document)

    assert "equal" == back.mappings[0].relationship


def test_what_does_not_map_is_listed() -> None:
    """
    A map of two controls to one, an unknown relationship, a control of
    another catalogue and a map that is not an object are each named with
    their path, not dropped.
    """
    document = _document(("gos-2012", "gos-2016"))
    [mapping] = document["mapping-collection"]["mappings"]
    maps = mapping["maps"]
    maps[0]["sources"].append({"type": "control", "id-ref": "req-1.2"})
    maps[1]["relationship"] = "related-to"
    maps[2]["targets"] = [{"type": "control", "id-ref": "ac-1"}]
    maps[3] = "req-1.1"

    with pytest.raises(go.ValidationError) as caught:
        go.from_oscal_mapping(document)

    assert [
        (
            "expected one control (goudenoor maps one to one)",
            ("mapping-collection", "mappings", 0, "maps", 0, "sources"),
        ),
        (
            "unknown relationship 'related-to' (expected one of " + KNOWN + ")",
            ("mapping-collection", "mappings", 0, "maps", 1, "relationship"),
        ),
        (
            EXPECTED_CONTROL + "\"{'type': 'control', 'id-ref': 'ac-1'}\"",
            ("mapping-collection", "mappings", 0, "maps", 2, "targets", 0),
        ),
        (
            "expected a map (an object), found 'req-1.1'",
            ("mapping-collection", "mappings", 0, "maps", 3),
        ),
    ] == [(p.message, p.path) for p in caught.value.problems]


def test_a_mapping_is_oscal_1_2_only() -> None:
    """
    OSCAL 1.1.3 has no mapping model: asked for it, the export refuses.
    """
    pair = ("gos-2012", "gos-2016")

    with pytest.raises(go.OutputError) as caught:
        go.to_oscal_mapping(
            go.load_crosswalk(*pair),
            *map(go.load_standard, pair),
            oscal_version="1.1.3",
        )

    assert (
        "OSCAL 1.1.3 has no mapping model: expected OSCAL version '1.2.1' "
        "for a mapping collection"
    ) == str(caught.value)


def test_the_crosswalk_is_checked_against_the_standards() -> None:
    """
    A crosswalk given the standards the other way round is refused before
    anything is written.
    """
    crosswalk = go.load_crosswalk("gos-2012", "gos-2016")

    with pytest.raises(go.ValidationError) as caught:
        go.to_oscal_mapping(
            crosswalk, go.load_standard("gos-2016"), go.load_standard("gos-2012")
        )

    assert [
        "crosswalk maps from edition 'gos-2012', the source standard is 'gos-2016'",
        "crosswalk maps to edition 'gos-2016', the target standard is 'gos-2012'",
    ] == [p.message for p in caught.value.problems]
