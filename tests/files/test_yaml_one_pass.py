"""
The YAML layer's one pass: a short text without tags, anchors, aliases
or backslashes is read in one pass over the parser's events, without the
limits walk. Whatever the text, the outcome is the same as the full path's
(the same data, or the same error at the same place), and a text short
enough for the one pass cannot pass the limits the full path walks.
"""

from __future__ import annotations

import math
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from goudenoor.exceptions import FileFormatError
from goudenoor.files import _yaml


def outcome(text: str) -> tuple[Any, ...]:
    """
    What :func:`_yaml.load` makes of *text*: its data (NaN made
    comparable), or its error's reason and place.
    """
    try:
        data = _yaml.load(text, "x.yaml")
    except FileFormatError as exc:
        return ("error", exc.reason, exc.line, exc.column)
    return ("data", comparable(data))


def comparable(data: Any) -> Any:
    if isinstance(data, float) and math.isnan(data):
        return "NaN"
    if isinstance(data, dict):
        return {key: comparable(value) for key, value in data.items()}
    if isinstance(data, list):
        return [comparable(value) for value in data]
    return (type(data).__name__, data)


def full_path(text: str) -> tuple[Any, ...]:
    with mock.patch.object(_yaml, "FAST_CHARACTERS", 0):
        return outcome(text)


class _WalkedError(Exception):
    pass


def one_pass(text: str) -> tuple[Any, ...]:
    """
    The outcome of *text*, which must be read in one pass: the limits walk
    is never reached.
    """

    def walk(_: object) -> None:
        raise _WalkedError

    with mock.patch.object(_yaml, "_check_limits", walk):
        return outcome(text)


# Plain values that read as something other than text in YAML 1.1, and
# values the full path refuses or treats apart.
TRICKY = (
    "yes",
    "No",
    "on",
    "OFF",
    "~",
    "null",
    "",
    "0x1F",
    "0o17",
    "017",
    "0b101",
    "1_000",
    "+12",
    "-0",
    "1:20",
    "190:20:30.15",
    "1.",
    ".5",
    "-.inf",
    ".NaN",
    "1.e+308",
    "2026-10-01",
    "2026-13-01",
    "2026-02-30",
    "2026-10-01T10:00:00Z",
    "2026-1-1",
    "<<",
    "=",
    "1.10",
    "3.0",
    "drie",
    "a: b",
    "- x",
    "'q'",
    "#c",
    "%",
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
    "&a ",
    "*a",
    "!!int ",
    "!x ",
    "<<: ",
    "? ",
    "|\n",
    ">\n",
    "\\",
    "\\e",
    '"',
    "'",
    "---\n",
    "...\n",
    "\r",
    "\x85",
    "\x07",
    "#",
)


@st.composite
def texts(draw: st.DrawFn) -> str:
    data = draw(documents)
    text = yaml.safe_dump(
        data,
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
def test_same_outcome_as_the_full_path(text: str) -> None:
    """
    Dumped documents of tricky values, and the same with a few characters
    inserted or deleted (tags, anchors, escapes, flow and block syntax,
    control characters): the one pass gives the full path's data, or the
    text goes to the full path and its error.
    """
    assert full_path(text) == outcome(text)


@pytest.mark.parametrize(
    "text",
    [
        "goudenoor: assessment/1\nratings:\n  '1.1':\n    value: 3\n  '1.2': 0\n",
        "a: [1, 2.5, yes, ~, 2026-10-01, '1.10', 0x1F]\n",
        "- {a: b}\n- - c\n  - |\n    lang\n    verhaal\n",
        "tekst: \u00e9\u00e9n\r\ntweede: |\r\n  regel\r\n",
    ],
    ids=["assessment", "values", "nested", "crlf"],
)
def test_read_in_one_pass(text: str) -> None:
    assert full_path(text) == one_pass(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!int 3\n",
        "a: !x b\n",
        'a: "\\t"\n',
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "? [a]\n: b\n",
        "a: 2026-13-01\n",
        "--- 1\n--- 2\n",
        "",
        "a: [" + ",".join(["b"] * 10_000) + "]\n",
    ],
    ids=[
        "alias",
        "tag",
        "local tag",
        "backslash",
        "duplicate",
        "merge",
        "complex key",
        "bad date",
        "two documents",
        "empty",
        "longer than the one pass",
    ],
)
def test_left_to_the_full_path(text: str) -> None:
    with pytest.raises(_WalkedError):
        one_pass(text)


def nested(inner: str, depth: int) -> str:
    return "[" * depth + inner + "]" * depth


@pytest.mark.parametrize(
    "unit",
    [
        "{a},",  # the most values per character
        "1.e+308,",  # the most bytes written per character
        "[],",  # empty lists
    ],
    ids=["values", "written", "lists"],
)
def test_the_worst_short_texts_pass_no_limit(unit: str) -> None:
    """
    A text as long as the one pass reads, at the deepest nesting allowed,
    filled with what costs the limits most per character: the full path's
    limits walk does not refuse it (so skipping the walk loses nothing).
    """
    room = _yaml._one_pass_characters() - 2 * _yaml.MAX_DEPTH
    text = nested(unit * (room // len(unit)), _yaml.MAX_DEPTH)
    assert len(text) <= _yaml._one_pass_characters()

    walker = _yaml._Loader(text)
    limits = None
    try:
        original = _yaml._Limits

        def keep(loader: yaml.SafeLoader) -> _yaml._Limits:
            nonlocal limits
            limits = original(loader)
            return limits

        with mock.patch.object(_yaml, "_Limits", keep):
            _yaml._check_limits(walker)
    finally:
        walker.dispose()
    assert limits is not None
    assert limits.count <= _yaml.MAX_NODES
    assert limits.size <= _yaml.MAX_BYTES
