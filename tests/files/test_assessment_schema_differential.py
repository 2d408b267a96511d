"""
The ``assessment/1`` schema is generated from the audit classes; for users
nothing changed. Every document of a corpus (each assessment file of the
examples and the test data, the templates, documents that break each rule
of the schema one at a time, and random changes to valid documents) gets
the same verdict from the generated schema as from the schema that was
written by hand before (frozen in tests/data/schemas/, with why), and every
key the hand-written schema described still has a description.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, strategies as st

import goudenoor as go
from conftest import DATA, ROOT
from goudenoor.exceptions import FileFormatError
from goudenoor.files import assessment_to_mapping
from goudenoor.files._convert import _not_in_files
from goudenoor.files._schemas import assessment_schema
from goudenoor.files._template import assessment_template
from goudenoor.files._yaml import read, read_text
from strategies import assessments


FROZEN_FILE = DATA / "schemas" / "assessment-1-handwritten.json"
STD2012 = go.load_standard("gos-2012")


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


FROZEN = _validator(json.loads(FROZEN_FILE.read_text(encoding="utf-8")))
GENERATED = _validator(assessment_schema())


def as_json(data: object) -> Any:
    """*data* as an editor sees it: JSON, with dates in ISO form."""
    return json.loads(json.dumps(data, default=lambda d: d.isoformat()))


def verdicts(document: object) -> tuple[bool, bool]:
    """Whether the hand-written and the generated schema accept *document*."""
    data = as_json(document)
    return (FROZEN.is_valid(data), GENERATED.is_valid(data))


def _files() -> Iterator[Path]:
    for path in sorted([*ROOT.glob("examples/**/*.yaml"), *DATA.glob("bad/*.yaml")]):
        if path.name.startswith("assessment-") or "assessment/1" in path.read_text(
            encoding="utf-8", errors="replace"
        ):
            yield path


def _readable(path: Path) -> object:
    """The data of *path*, or ``None`` where it is not YAML of goudenoor's
    subset (no editor's schema check reaches it)."""
    try:
        data, _ = read(read_text(path.read_bytes(), str(path)), str(path))
    except FileFormatError:
        return None
    return data


FILES = {
    path.relative_to(ROOT).as_posix(): data
    for path in _files()
    if (data := _readable(path)) is not None
}

BASE: dict[str, Any] = {
    "goudenoor": "assessment/1",
    "edition": "gos-2012",
    "organisation": "Gemeente Voorbeeld",
    "unit": "Team Noord",
    "date": "2026-10-01",
    "scale": "gos-0-4",
    "auditors": ["A. Jansen"],
    "extensions": ["zorg"],
    "migrated_from": {"edition": "gos-2012", "crosswalk": "gos-2012--gos-2016.yaml"},
    "ratings": {
        "1.1": {
            "value": 3,
            "evidence": [
                {
                    "kind": "document",
                    "reference": "Klachtenbeleid 2026",
                    "date": "2026-03-01",
                    "valid_until": "2027-03-01",
                    "path": "bewijs/klachtenbeleid-2026.pdf",
                    "uri": "https://dms.example/klachtenbeleid",
                    "sha256": "0123456789abcdef" * 4,
                    "collected_by": "A. Jansen",
                }
            ],
            "checkpoints_met": ["1.1.a"],
            "note": "Beleid staat.",
            "review": {"reason": "1.4 (subset)", "value": 3, "not_applicable": False},
        },
        "1.2": {"not_applicable": True, "justification": "Geen balie."},
        "1.3": 2,
        "1.4": None,
        "zorg:1.10": 4,
    },
}
"""A valid document that uses every key of the format."""

DELETE = object()
"""Removes the key instead of setting it."""

CHANGES: list[tuple[str, tuple[str | int, ...], object]] = [
    # The marker and the required keys.
    ("wrong marker", ("goudenoor",), "assessment/2"),
    ("another format's marker", ("goudenoor",), "extension/1"),
    ("no marker", ("goudenoor",), DELETE),
    ("no edition", ("edition",), DELETE),
    ("no organisation", ("organisation",), DELETE),
    ("no date", ("date",), DELETE),
    ("unknown top-level key", ("organization",), "x"),
    # Non-empty texts.
    ("empty organisation", ("organisation",), ""),
    ("empty edition", ("edition",), ""),
    ("empty unit", ("unit",), ""),
    ("empty reference", ("ratings", "1.1", "evidence", 0, "reference"), ""),
    ("empty review reason", ("ratings", "1.1", "review", "reason"), ""),
    ("empty migrated-from edition", ("migrated_from", "edition"), ""),
    ("empty auditor", ("auditors", 0), ""),
    ("empty note", ("ratings", "1.1", "note"), ""),
    # Nulls: where the hand-written schema allowed them, and where not.
    ("null scale", ("scale",), None),
    ("null unit", ("unit",), None),
    ("null migrated_from", ("migrated_from",), None),
    ("null crosswalk", ("migrated_from", "crosswalk"), None),
    ("null auditors", ("auditors",), None),
    ("null extensions", ("extensions",), None),
    ("null ratings", ("ratings",), None),
    ("null date", ("date",), None),
    ("null value", ("ratings", "1.1", "value"), None),
    ("null note", ("ratings", "1.1", "note"), None),
    ("null review", ("ratings", "1.1", "review"), None),
    ("null review value", ("ratings", "1.1", "review", "value"), None),
    ("null evidence", ("ratings", "1.1", "evidence"), None),
    ("null evidence date", ("ratings", "1.1", "evidence", 0, "date"), None),
    ("null valid_until", ("ratings", "1.1", "evidence", 0, "valid_until"), None),
    ("null justification", ("ratings", "1.2", "justification"), None),
    ("null not_applicable", ("ratings", "1.2", "not_applicable"), None),
    # Requirement ids.
    ("an id with a zero", ("ratings", "1.0"), 2),
    ("an id with a leading zero", ("ratings", "01.2"), 2),
    ("an id without a dot", ("ratings", "1"), 2),
    ("an id of three parts", ("ratings", "1.2.3"), 2),
    ("an id with a capital prefix", ("ratings", "Zorg:1.2"), 2),
    ("an id with an empty prefix", ("ratings", ":1.2"), 2),
    ("an id with a prefix of a dash", ("ratings", "-zorg:1.2"), 2),
    ("an extension's id", ("ratings", "zorg-plus_2:12.34"), 2),
    ("an id with spaces", ("ratings", " 1.2"), 2),
    # The three forms of a rating.
    ("a rating of text", ("ratings", "1.3"), "drie"),
    ("a rating of true", ("ratings", "1.3"), True),
    ("a rating as a list", ("ratings", "1.3"), [2]),
    ("a fractional short form", ("ratings", "1.3"), 2.5),
    ("an empty rating mapping", ("ratings", "1.3"), {}),
    ("unknown key alone in a rating", ("ratings", "1.3"), {"vaule": 3}),
    ("unknown key in a rating", ("ratings", "1.1", "noot"), "x"),
    ("a value of text", ("ratings", "1.1", "value"), "3"),
    ("a value of true", ("ratings", "1.1", "value"), True),
    ("ratings as a list", ("ratings",), [2]),
    # Not applicable.
    ("N/A without justification", ("ratings", "1.2", "justification"), DELETE),
    ("N/A with an empty justification", ("ratings", "1.2", "justification"), ""),
    ("N/A with a value", ("ratings", "1.2", "value"), 2),
    ("N/A with a null value", ("ratings", "1.2", "value"), None),
    ("N/A false with justification", ("ratings", "1.2", "not_applicable"), False),
    ("justification without N/A", ("ratings", "1.1", "justification"), "x"),
    ("N/A of text", ("ratings", "1.2", "not_applicable"), "yes"),
    ("N/A with checkpoints", ("ratings", "1.2", "checkpoints_met"), ["1.2.a"]),
    # Evidence.
    ("bad evidence kind", ("ratings", "1.1", "evidence", 0, "kind"), "photo"),
    ("no evidence kind", ("ratings", "1.1", "evidence", 0, "kind"), DELETE),
    ("no reference", ("ratings", "1.1", "evidence", 0, "reference"), DELETE),
    ("unknown key in evidence", ("ratings", "1.1", "evidence", 0, "url"), "x"),
    ("evidence as a mapping", ("ratings", "1.1", "evidence"), {"kind": "document"}),
    ("evidence item of text", ("ratings", "1.1", "evidence", 0), "x"),
    ("an evidence path up", ("ratings", "1.1", "evidence", 0, "path"), "../x.pdf"),
    ("an absolute evidence path", ("ratings", "1.1", "evidence", 0, "path"), "/x"),
    ("an evidence path of a drive", ("ratings", "1.1", "evidence", 0, "path"), "C:/x"),
    ("an evidence path with \\", ("ratings", "1.1", "evidence", 0, "path"), "a\\b"),
    ("an evidence path with .", ("ratings", "1.1", "evidence", 0, "path"), "a/./b"),
    ("an empty evidence path", ("ratings", "1.1", "evidence", 0, "path"), ""),
    ("a null evidence path", ("ratings", "1.1", "evidence", 0, "path"), None),
    ("a short sha256", ("ratings", "1.1", "evidence", 0, "sha256"), "0123abcd"),
    ("a sha256 in capitals", ("ratings", "1.1", "evidence", 0, "sha256"), "AB" * 32),
    ("an empty uri", ("ratings", "1.1", "evidence", 0, "uri"), ""),
    ("an empty collector", ("ratings", "1.1", "evidence", 0, "collected_by"), ""),
    # Dates.
    ("a date out of range", ("date",), "2026-13-01"),
    ("a date in another order", ("date",), "01-10-2026"),
    ("a date with a time", ("date",), "2026-10-01T10:00:00"),
    ("a date of a number", ("date",), 2026),
    ("a bad evidence date", ("ratings", "1.1", "evidence", 0, "date"), "2026-02-30"),
    ("a bad valid_until", ("ratings", "1.1", "evidence", 0, "valid_until"), "later"),
    # Checkpoints, review, migrated_from, lists.
    ("a checkpoint twice", ("ratings", "1.1", "checkpoints_met"), ["a", "a"]),
    ("a checkpoint of a number", ("ratings", "1.1", "checkpoints_met"), [1]),
    ("review without reason", ("ratings", "1.1", "review", "reason"), DELETE),
    ("unknown key in review", ("ratings", "1.1", "review", "by"), "x"),
    ("review of text", ("ratings", "1.1", "review"), "check"),
    ("review value of text", ("ratings", "1.1", "review", "value"), "3"),
    ("migrated_from without edition", ("migrated_from", "edition"), DELETE),
    ("unknown key in migrated_from", ("migrated_from", "via"), "x"),
    ("migrated_from of text", ("migrated_from",), "gos-2012"),
    ("auditors of text", ("auditors",), "A. Jansen"),
    ("an extension of a number", ("extensions", 0), 3),
    ("a scale of a number", ("scale",), 4),
    ("an organisation of a list", ("organisation",), ["x"]),
]
"""(what, where, the value set there or DELETE): each breaks one rule, or
keeps to it at its edge."""


def changed(document: dict[str, Any], path: tuple[Any, ...], value: object) -> Any:
    """A copy of *document* with *value* at *path* (or the key removed)."""
    result = copy.deepcopy(document)
    where: Any = result
    for key in path[:-1]:
        where = where[key]
    if value is DELETE:
        del where[path[-1]]
    else:
        where[path[-1]] = value
    return result


def test_the_corpus_has_the_files() -> None:
    # Each example and test fixture assessment that is YAML of goudenoor's
    # subset; a file of the bad inputs that is not (binary, an alias, a
    # tag) never reaches a schema.
    assert {
        "examples/audit-2012.yaml",
        "examples/history/lindewaard-2024.yaml",
        "examples/sector/beekdal.yaml",
        "examples/sites/oosterhof.yaml",
        "examples/team/auditor-c.yaml",
        "tests/data/bad/assessment-extra-key-rating.yaml",
        "tests/data/bad/assessment-wrong-marker.yaml",
    } <= set(FILES)
    assert 70 <= len(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_gets_the_same_verdict(name: str) -> None:
    frozen, generated = verdicts(FILES[name])
    assert frozen == generated


def test_the_examples_are_valid() -> None:
    examples = [name for name in FILES if name.startswith("examples/")]

    assert [(True, True)] * len(examples) == [verdicts(FILES[n]) for n in examples]


@pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
def test_a_template_gets_the_same_verdict(edition: str) -> None:
    text = assessment_template(go.load_standard(edition))
    data, _ = read(text, "template.yaml")

    assert (True, True) == verdicts(data)


def test_the_base_document_is_valid() -> None:
    assert (True, True) == verdicts(BASE)


@pytest.mark.parametrize(
    ("path", "value"), [pytest.param(p, v, id=what) for what, p, v in CHANGES]
)
def test_each_rule_gets_the_same_verdict(
    path: tuple[str | int, ...], value: object
) -> None:
    frozen, generated = verdicts(changed(BASE, path, value))
    assert frozen == generated


def test_the_changes_break_rules() -> None:
    # Most of the changes above are refused: the comparison is not one of
    # schemas that accept everything.
    refused = [
        what
        for what, path, value in CHANGES
        if not any(verdicts(changed(BASE, path, value)))
    ]
    assert 60 <= len(refused)


VALUES = st.sampled_from(
    [
        None,
        "",
        "x",
        "2026-10-01",
        "2026-13-01",
        0,
        2,
        2.5,
        -1,
        True,
        False,
        [],
        ["a"],
        {},
        {"value": 3},
        {"vaule": 3},
        {"not_applicable": True},
        {"not_applicable": True, "justification": "x"},
        {"kind": "other", "reference": "x"},
    ]
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


@given(
    audit=assessments(STD2012),
    data=st.data(),
    how=st.sampled_from(["replace", "add", "delete"]),
    key=st.sampled_from(["value", "justification", "vaule", "kind", "5.1", "zorg:1.2"]),
)
def test_random_changes_get_the_same_verdict(
    audit: go.Assessment, data: st.DataObject, how: str, key: str
) -> None:
    document = as_json(assessment_to_mapping(audit))
    path = data.draw(st.sampled_from(list(_paths(document))))
    value: object = data.draw(VALUES)
    if how == "add":
        # A key beside the one drawn, where that one is in a mapping.
        path = (*path[:-1], key) if isinstance(path[-1], str) else path
    elif how == "delete" and isinstance(path[-1], str):
        value = DELETE

    frozen, generated = verdicts(changed(document, path, value))
    assert frozen == generated


def _described(
    schema: dict[str, Any], node: dict[str, Any], path: tuple[str, ...], depth: int = 0
) -> Iterator[tuple[tuple[str, ...], str]]:
    """(key path in a document, description) of every key *node* describes,
    following ``$ref`` into ``$defs``; ``*`` stands for any item or key."""
    if depth > 12:  # deeper than any assessment: a reference loop
        return
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        yield from _described(schema, schema["$defs"][name], path, depth + 1)
    for alternative in node.get("anyOf", []):
        yield from _described(schema, alternative, path, depth + 1)
    if "$ref" in node.get("then", {}):
        yield from _described(schema, node["then"], path, depth + 1)
    for key, child in node.get("properties", {}).items():
        yield (*path, key), child.get("description", "")
        yield from _described(schema, child, (*path, key), depth + 1)
    for items in ("items", "additionalProperties"):
        if isinstance(node.get(items), dict):
            yield from _described(schema, node[items], (*path, "*"), depth + 1)


def test_every_key_keeps_a_description() -> None:
    frozen = json.loads(FROZEN_FILE.read_text(encoding="utf-8"))
    generated = assessment_schema()
    old = dict(_described(frozen, frozen, ()))
    new = dict(_described(generated, generated, ()))

    assert set(old) <= set(new)
    assert [] == [path for path, text in new.items() if not text.strip()]
    assert generated["description"].strip()


def test_the_fields_not_in_files_are_the_converters() -> None:
    # The schema leaves out what the loader does not read (the file an
    # assessment was read from): one declaration is not enough to see.
    fields = {f.name for f in attrs.fields(go.Assessment)}
    keys = set(assessment_schema()["properties"]) - {"goudenoor"}

    assert set(_not_in_files(go.Assessment)) == fields - keys
