"""
The YAML reader: goudenoor's files are a subset of YAML without anchors,
aliases, tags or merge keys, each refused where it is written; whatever
else a text holds, the reader gives the data PyYAML's safe loader gives
(keys kept as the text written), or refuses what that loader refuses.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from goudenoor.exceptions import FileFormatError
from goudenoor.files import _yaml
from goudenoor.problems import Problem


SUBSET = "goudenoor files are YAML without anchors, aliases, tags or merge keys"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x 1\n", "x.yaml:1:4: anchors are not supported (found '&x')"),
        ("a: &x [1]\n", "x.yaml:1:4: anchors are not supported (found '&x')"),
        ("- &x {b: 1}\n", "x.yaml:1:3: anchors are not supported (found '&x')"),
        ("&top\na: 1\n", "x.yaml:1:1: anchors are not supported (found '&top')"),
        ("a: 1\nb: *a\n", "x.yaml:2:4: aliases are not supported (found '*a')"),
        ("a: [1, *b]\n", "x.yaml:1:8: aliases are not supported (found '*b')"),
        ("a: !!int 3\n", "x.yaml:1:4: tags are not supported (found '!!int')"),
        ("a: !!str 3\n", "x.yaml:1:4: tags are not supported (found '!!str')"),
        ("a: !x b\n", "x.yaml:1:4: tags are not supported (found '!x')"),
        ("a: ! b\n", "x.yaml:1:4: tags are not supported (found '!')"),
        (
            "a: !<tag:x,1:y> b\n",
            "x.yaml:1:4: tags are not supported (found '!<tag:x,1:y>')",
        ),
        ("a: !!map {}\n", "x.yaml:1:4: tags are not supported (found '!!map')"),
        ("!!int 3: a\n", "x.yaml:1:1: tags are not supported (found '!!int')"),
        ("a:\n  <<: {b: 1}\n", "x.yaml:2:3: merge keys are not supported (found '<<')"),
        ("a: 1\n<<: []\n", "x.yaml:2:1: merge keys are not supported (found '<<')"),
    ],
)
def test_outside_the_subset(text: str, expected: str) -> None:
    """
    An anchor, alias, tag or merge key is refused with one line that says
    what was found, where, and what the files are.
    """
    with pytest.raises(FileFormatError) as info:
        _yaml.load(text, "x.yaml")

    assert f"{expected}: {SUBSET}" == str(info.value)


def test_quoted_merge_key_is_text() -> None:
    """
    ``"<<"`` quoted is a key like any other; only the plain one is YAML's
    merge key.
    """
    assert {"<<": 1, "b": "<<"} == _yaml.load("'<<': 1\nb: '<<'\n", "x.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", "x.yaml:2:1: duplicate key 'a'"),
        ("'1.10': 1\n1.10: 2\n", "x.yaml:2:1: duplicate key '1.10'"),
        ("? [a]\n: b\n", "x.yaml:1:3: a mapping key must be a plain value, not a list"),
        (
            "? {a: 1}\n: b\n",
            "x.yaml:1:3: a mapping key must be a plain value, not a mapping",
        ),
        (
            "a: 2026-13-01\n",
            "x.yaml:1:4: invalid date '2026-13-01': month must be in 1..12",
        ),
        ("a: 0x_\n", "x.yaml:1:4: '0x_' is not a valid integer"),
        (
            "a: =\n",
            (
                "x.yaml:1:4: invalid YAML: could not determine a constructor for the "
                "tag 'tag:yaml.org,2002:value'"
            ),
        ),
        (
            "a: 1\n---\nb: 2\n",
            (
                "x.yaml:2:1: invalid YAML: expected a single document in the stream, "
                "but found another document"
            ),
        ),
        (
            'a: "x\\ey"\n',
            (
                "x.yaml:1:1: control character U+001B is not allowed in text (only "
                "tab and line feed are)"
            ),
        ),
        (
            '- "\\x9b"\n',
            (
                "x.yaml:1:3: control character U+009B is not allowed in text (only "
                "tab and line feed are)"
            ),
        ),
    ],
)
def test_refused_where_written(text: str, expected: str) -> None:
    """
    Duplicate and complex keys, values that cannot be built, a second
    document and control characters are refused at the entry that holds
    them (a mapping's value at its key).
    """
    with pytest.raises(FileFormatError) as info:
        _yaml.load(text, "x.yaml")

    assert expected == str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("# only a comment\n", None),
        ("---\n...\n", None),
        ("3\n", 3),
        ("1.10: yes\n2: ~\n", {"1.10": True, "2": None}),
        ("--- [a, 'b']\n...\n", ["a", "b"]),
    ],
)
def test_documents(text: str, expected: object) -> None:
    """
    No document is None; keys stay the text written; values are built as
    PyYAML's safe loader builds them.
    """
    assert expected == _yaml.load(text, "x.yaml")


def test_positions_noted_while_reading() -> None:
    """
    Problems in the data are located from positions noted in the one
    pass: a mapping entry at its key, a list item at itself, a path that
    goes further than the document at the deepest entry that exists.
    """
    text = "a:\n  b: [1, {c: 2}]\n  'd': x\n"
    _, where = _yaml.read(text, "x.yaml")
    problems = [
        Problem(message="m", path=path)
        for path in [
            (),
            ("a",),
            ("a", "b"),
            ("a", "b", 1),
            ("a", "b", 1, "c"),
            ("a", "d"),
            ("a", "missing", "deeper"),
            ("a", "b", 7),
            ("a", 0),
        ]
    ]

    located = where(problems)

    assert [
        (1, 1),
        (1, 1),
        (2, 3),
        (2, 10),
        (2, 11),
        (3, 3),
        (1, 1),
        (2, 3),
        (1, 1),
    ] == [(problem.line, problem.column) for problem in located]


def test_no_document_has_no_positions() -> None:
    """
    An empty text has nothing to locate problems at: they stay unlocated.
    """
    _, where = _yaml.read("", "x.yaml")
    problem = Problem(message="m", path=("a",))

    assert [problem] == where([problem])


class _TextKeysLoader(_yaml._Loader):  # type: ignore[misc,valid-type]
    """
    PyYAML's safe loader (on the same parser as the reader: the C one where
    PyYAML has it), with mapping keys kept as the text written (as
    goudenoor's reader keeps them): the reference.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        if not all(isinstance(key, yaml.ScalarNode) for key, _ in node.value):
            raise _ComplexKeyError
        return {
            key.value: self.construct_object(value, deep=True)
            for key, value in node.value
        }


class _ComplexKeyError(Exception):
    """A mapping or list as a key, which no dict of the reference can hold."""


def comparable(data: Any) -> Any:
    if isinstance(data, float) and math.isnan(data):
        return "NaN"
    if isinstance(data, dict):
        return {key: comparable(value) for key, value in data.items()}
    if isinstance(data, list):
        return [comparable(value) for value in data]
    return (type(data).__name__, data)


TRICKY = (
    "yes",
    "No",
    "~",
    "",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    "+12",
    "1:20",
    "1.",
    ".5",
    "-.inf",
    ".NaN",
    "2026-10-01",
    "2026-10-01T10:00:00Z",
    "<<",
    "1.10",
    "a: b",
    "- x",
    "#c",
)
scalars = st.one_of(
    st.sampled_from(TRICKY),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.dates(),
    st.text(max_size=12),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(TRICKY) | st.text(max_size=6), children, max_size=4
        ),
    ),
    max_leaves=20,
)
EDITS = (
    ":",
    "-",
    " ",
    "\n",
    "\t",
    "{",
    "}",
    "[",
    "]",
    ",",
    "? ",
    "|\n",
    ">\n",
    '"',
    "'",
    "---\n",
    "...\n",
    "\r",
    "#",
    "\\t",
)


@st.composite
def texts(draw: st.DrawFn) -> str:
    """
    Dumped documents of tricky values, some with a few characters inserted
    or deleted (flow and block syntax, quotes, document markers).
    """
    text = yaml.safe_dump(
        draw(documents),
        default_flow_style=draw(st.sampled_from([False, True, None])),
        default_style=draw(st.sampled_from([None, '"', "'"])),
        allow_unicode=draw(st.booleans()),
    )
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(EDITS)) + text[at:]
        else:
            text = text[:at] + text[at + 1 :]
    return text


@settings(max_examples=400, deadline=None)
@given(texts())
def test_same_data_as_pyyaml(text: str) -> None:
    """
    Whatever the reader accepts, PyYAML's safe loader reads as the same
    data; whatever that loader refuses as YAML, the reader refuses, with
    its place in the text. (The reader refuses more: duplicate and complex
    keys, merge keys, control characters.)
    """
    reference: tuple[str, ...] | tuple[str, Any]
    outcome: tuple[str, Any]
    try:
        reference = ("data", comparable(yaml.load(text, Loader=_TextKeysLoader)))  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        reference = ("refused",)
    except _ComplexKeyError:
        reference = ("complex key",)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        reference = ("not built",)  # a tag on a value it does not fit
    try:
        outcome = ("data", comparable(_yaml.load(text, "x.yaml")))
    except FileFormatError as exc:
        outcome = ("refused", exc.line is not None)

    if reference == ("refused",):
        assert ("refused", True) == outcome
    elif outcome[0] == "data":
        assert reference == outcome
