"""
The shipped crosswalk gos-2012 -> gos-2016 (format crosswalk/1), checked as
data: PyYAML and the two loaded editions only, no crosswalk loader.
"""

from __future__ import annotations

import difflib
import re
from importlib import resources
from typing import Any

import pytest
import yaml

import goudenoor as go
from helpers import normalise


CROSSWALK = (
    resources.files("goudenoor") / "data" / "crosswalks" / "gos-2012--gos-2016.yaml"
)
RELATIONSHIPS = ("equal", "subset", "superset", "intersect", "not_related")
TOP_KEYS = {"goudenoor", "source", "target", "notes", "mappings", "new", "removed"}
MAPPING_KEYS = {"source", "target", "relationship", "rationale", "note"}

# Two requirement texts are "nearly the same words" when the difflib ratio of
# their lower-cased word sequences is at least this. In the shipped editions
# every pair of a gos-2012 and a gos-2016 requirement with different texts
# scores at most 0.72 (5.3 / 5.1, a rewritten sentence), except 5.2 / 1.7 at
# 0.93 (one word replaced by two: "procedure" -> "transparante werkwijze");
# the most alike pair the crosswalk does not relate, 7.1 / 9.1, scores 0.60.
# 0.8 admits an edit of a word or two in a sentence and refuses a rewrite;
# test_threshold_sits_above_every_unrelated_pair keeps this true of the data.
EQUAL_THRESHOLD = 0.8

_QUOTE = re.compile(r'"([^"]+)"')
_WORD = re.compile(r"\w+")


class _UniqueKeyLoader(yaml.SafeLoader):
    """
    A safe loader that refuses duplicate mapping keys (PyYAML keeps the last).
    """


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> Any:
    keys = [loader.construct_object(key) for key, _ in node.value]
    duplicates = sorted({str(key) for key in keys if keys.count(key) > 1})
    if duplicates:
        msg = f"duplicate keys {duplicates} at line {node.start_mark.line + 1}"
        raise AssertionError(msg)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def load_crosswalk_data() -> dict[str, Any]:
    """
    The crosswalk file as plain data.
    """
    data = yaml.load(CROSSWALK.read_text(encoding="utf-8"), _UniqueKeyLoader)  # noqa: S506
    assert isinstance(data, dict)
    return data


@pytest.fixture(name="crosswalk", scope="module")
def _crosswalk() -> dict[str, Any]:
    return load_crosswalk_data()


@pytest.fixture(name="old", scope="module")
def _old() -> go.Standard:
    return go.load_standard("gos-2012")


@pytest.fixture(name="new", scope="module")
def _new() -> go.Standard:
    return go.load_standard("gos-2016")


def words(text: str) -> list[str]:
    """
    The lower-cased words of *text*, punctuation dropped.
    """
    return _WORD.findall(text.lower())


def similarity(first: str, second: str) -> float:
    """
    How alike two texts are, word by word: the difflib ratio in [0, 1].
    """
    matcher = difflib.SequenceMatcher(None, words(first), words(second), autojunk=False)
    return matcher.ratio()


def equal_rows_not_alike(
    mappings: list[dict[str, Any]], old: go.Standard, new: go.Standard
) -> list[tuple[str, str, float]]:
    """
    The ``equal`` rows whose two requirement texts are not nearly the same
    words, with their similarity.
    """
    offenders = []
    for row in mappings:
        if row["relationship"] != "equal":
            continue
        source = old.requirement(row["source"]).text
        target = new.requirement(row["target"]).text
        score = similarity(source, target)
        if score < EQUAL_THRESHOLD:
            offenders.append((row["source"], row["target"], round(score, 3)))
    return offenders


def quotes(text: str) -> list[str]:
    """
    The fragments of *text* in double quotes, whitespace normalised.
    """
    return [normalise(fragment) for fragment in _QUOTE.findall(text)]


def requirement_words(requirement: go.Requirement) -> str:
    """
    All Dutch words of a requirement a rationale may quote: lead, text and
    evidence clause, whitespace normalised.
    """
    return normalise(f"{requirement.full_text} {requirement.evidence or ''}")


def edition_words(standard: go.Standard) -> str:
    """
    The quotable words of every requirement of an edition, one per line.
    """
    return "\n".join(requirement_words(r) for r in standard.requirements)


def related(crosswalk: dict[str, Any]) -> list[dict[str, Any]]:
    """
    The mapping rows that relate their pair (all but ``not_related``).
    """
    return [r for r in crosswalk["mappings"] if r["relationship"] != "not_related"]


def test_header(crosswalk: dict[str, Any]) -> None:
    """
    The format marker, the two editions, and notes that say whose reading
    this is.
    """
    assert set(crosswalk) <= TOP_KEYS
    assert {"goudenoor", "source", "target", "notes", "mappings"} <= set(crosswalk)
    assert "crosswalk/1" == crosswalk["goudenoor"]
    assert ("gos-2012", "gos-2016") == (crosswalk["source"], crosswalk["target"])
    notes = normalise(crosswalk["notes"])
    assert "the goudenoor library's reading of the two editions' texts" in notes
    assert "not the publisher's" in notes


def test_row_shapes(crosswalk: dict[str, Any]) -> None:
    """
    Every row has exactly the keys of its kind, with non-empty text values.
    """
    for row in crosswalk["mappings"]:
        assert {"source", "target", "relationship", "rationale"} <= set(row), row
        assert set(row) <= MAPPING_KEYS, row
        assert row["relationship"] in RELATIONSHIPS, row
    for key, kind in (("new", "target"), ("removed", "source")):
        for row in crosswalk.get(key, []):
            assert {kind, "rationale"} == set(row), row
    for row in [
        *crosswalk["mappings"],
        *crosswalk.get("new", []),
        *crosswalk.get("removed", []),
    ]:
        for value in row.values():
            assert isinstance(value, str), row
            assert value.strip(), row


def test_ids_exist(
    crosswalk: dict[str, Any], old: go.Standard, new: go.Standard
) -> None:
    """
    Every source id is a gos-2012 requirement, every target id a gos-2016 one.
    """
    old_ids = {r.id for r in old.requirements}
    new_ids = {r.id for r in new.requirements}
    sources = [r["source"] for r in crosswalk["mappings"] + crosswalk["removed"]]
    targets = [r["target"] for r in crosswalk["mappings"] + crosswalk["new"]]
    assert [] == [i for i in sources if i not in old_ids]
    assert [] == [i for i in targets if i not in new_ids]


def test_no_duplicate_pairs(crosswalk: dict[str, Any]) -> None:
    """
    A (source, target) pair appears at most once, and so does a new or
    removed id.
    """
    pairs = [(r["source"], r["target"]) for r in crosswalk["mappings"]]
    assert [] == sorted({p for p in pairs if pairs.count(p) > 1})
    for key, kind in (("new", "target"), ("removed", "source")):
        ids = [r[kind] for r in crosswalk[key]]
        assert len(ids) == len(set(ids)), key


def test_every_target_is_mapped_or_new(
    crosswalk: dict[str, Any], new: go.Standard
) -> None:
    """
    Every gos-2016 requirement is the target of a related row or listed as
    new, and never both.
    """
    mapped = {r["target"] for r in related(crosswalk)}
    listed = {r["target"] for r in crosswalk["new"]}
    assert set() == mapped & listed
    assert [r.id for r in new.requirements] == [
        r.id for r in new.requirements if r.id in mapped | listed
    ]


def test_every_source_is_mapped_or_removed(
    crosswalk: dict[str, Any], old: go.Standard
) -> None:
    """
    Every gos-2012 requirement is the source of a related row or listed as
    removed, and never both.
    """
    mapped = {r["source"] for r in related(crosswalk)}
    listed = {r["source"] for r in crosswalk["removed"]}
    assert set() == mapped & listed
    assert [r.id for r in old.requirements] == [
        r.id for r in old.requirements if r.id in mapped | listed
    ]


def test_inherited_requirements_map_equal(
    crosswalk: dict[str, Any], new: go.Standard
) -> None:
    """
    Every gos-2016 requirement inherited from gos-2012 maps ``equal`` from the
    requirement it inherits, and from nothing else.
    """
    inherited = [r for r in new.requirements if r.inherited_from is not None]
    assert 15 == len(inherited)
    for requirement in inherited:
        assert "gos-2012" == requirement.inherited_from
        rows = [r for r in crosswalk["mappings"] if r["target"] == requirement.id]
        assert [(requirement.id, "equal")] == [
            (r["source"], r["relationship"]) for r in rows
        ]


def test_only_inherited_requirements_are_equal(
    crosswalk: dict[str, Any], new: go.Standard
) -> None:
    """
    In the rewritten areas 1, 4 and 5 no pair says exactly the same, so every
    ``equal`` row is an inherited requirement.
    """
    equal = sorted(
        r["target"] for r in crosswalk["mappings"] if r["relationship"] == "equal"
    )
    inherited = sorted(r.id for r in new.requirements if r.inherited_from is not None)
    assert inherited == equal


def test_equal_rows_are_nearly_the_same_words(
    crosswalk: dict[str, Any], old: go.Standard, new: go.Standard
) -> None:
    """
    Both requirements of every ``equal`` row have nearly the same words.
    """
    assert [] == equal_rows_not_alike(crosswalk["mappings"], old, new)


@pytest.mark.parametrize(
    "expected",
    [
        ("7.1", "9.1", 0.596),  # the most alike pair the crosswalk leaves unrelated
        ("5.3", "5.1", 0.72),  # a rewritten sentence (the row says subset)
        ("1.1", "4.8", 0.14),  # unrelated
    ],
)
def test_an_unrelated_pair_marked_equal_is_caught(
    crosswalk: dict[str, Any],
    old: go.Standard,
    new: go.Standard,
    expected: tuple[str, str, float],
) -> None:
    """
    The check refuses a pair marked ``equal`` whose texts differ (negative
    example for the similarity measure), and reports its similarity.
    """
    source, target, _ = expected
    row = {"source": source, "target": target, "relationship": "equal"}
    mappings = [*crosswalk["mappings"], row]
    assert [expected] == equal_rows_not_alike(mappings, old, new)


def test_threshold_sits_above_every_unrelated_pair(
    crosswalk: dict[str, Any], old: go.Standard, new: go.Standard
) -> None:
    """
    Every pair of requirements with nearly the same words is related by a row
    of the crosswalk: no pair that reaches the threshold is left out, so the
    threshold separates the texts of these editions.
    """
    pairs = {(r["source"], r["target"]) for r in related(crosswalk)}
    alike = [
        (s.id, t.id)
        for s in old.requirements
        for t in new.requirements
        if similarity(s.text, t.text) >= EQUAL_THRESHOLD
    ]
    assert [] == [pair for pair in alike if pair not in pairs]
    assert 16 == len(alike)  # the 15 inherited requirements and 5.2 / 1.7


def test_mapping_rationales_quote_both_texts(
    crosswalk: dict[str, Any], old: go.Standard, new: go.Standard
) -> None:
    """
    Every mapping's rationale quotes at least one fragment of the source
    requirement and one of the target requirement (lead, text or evidence),
    and every fragment quoted in its rationale or note comes from one of the
    two.
    """
    for row in crosswalk["mappings"]:
        source = requirement_words(old.requirement(row["source"]))
        target = requirement_words(new.requirement(row["target"]))
        fragments = quotes(row["rationale"])
        where = (row["source"], row["target"])
        assert any(f in source for f in fragments), where
        assert any(f in target for f in fragments), where
        quoted = fragments + quotes(row.get("note", ""))
        assert [] == [f for f in quoted if f not in source and f not in target], where


@pytest.mark.parametrize(
    ("key", "kind", "own_edition", "other_edition"),
    [
        ("new", "target", "gos-2016", "gos-2012"),
        ("removed", "source", "gos-2012", "gos-2016"),
    ],
)
def test_new_and_removed_rationales_quote_the_texts(
    crosswalk: dict[str, Any], key: str, kind: str, own_edition: str, other_edition: str
) -> None:
    """
    A new (removed) requirement's rationale quotes the requirement itself, and
    every other fragment it quotes is from the requirement or from the other
    edition (the nearest words it was compared with).
    """
    own = go.load_standard(own_edition)
    other = edition_words(go.load_standard(other_edition))
    for row in crosswalk[key]:
        text = requirement_words(own.requirement(row[kind]))
        fragments = quotes(row["rationale"])
        assert any(f in text for f in fragments), row[kind]
        assert [] == [f for f in fragments if f not in text and f not in other], row[
            kind
        ]


def test_a_misquote_is_caught() -> None:
    """
    The quote check compares whole normalised fragments: a changed word, or an
    ellipsis joining two pieces, is not found.
    """
    requirement = go.load_standard("gos-2016").requirement("5.6")
    text = requirement_words(requirement)
    assert "De organisatie leert van de wijze" in text
    assert "De organisatie leert ook van de wijze" not in text
    assert "De organisatie leert ... innoveren" not in text
    assert ["leert ook van", "heeft in beeld"] == quotes(
        'x "leert ook\n  van" y "heeft in beeld" z'
    )


def test_duplicate_keys_are_refused() -> None:
    """
    The loader of this test refuses a duplicate key, which PyYAML alone would
    silently drop.
    """
    text = "mappings:\n  - source: '1.1'\n    source: '1.2'\n"
    with pytest.raises(AssertionError, match=r"duplicate keys \['source'\] at line 2"):
        yaml.load(text, _UniqueKeyLoader)  # noqa: S506
