"""
Properties of the YAML layer: what is dumped loads back equal, every key
can be located in the text, and the value and nesting limits count what
the loaded data holds.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import assume, given, strategies as st

from goudenoor.exceptions import FileFormatError
from goudenoor.files import _yaml
from goudenoor.problems import PathElement


keys = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=12,
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**9), max_value=10**9),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    # Text as a file may hold it: no control character but tab and line
    # feed, no surrogate (test_limits_and_numbers checks those are refused).
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
        | st.sampled_from("\t\n"),
        max_size=30,
    ),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=4),
    ),
    max_leaves=25,
)


def paths(
    data: Any, prefix: tuple[PathElement, ...] = ()
) -> list[tuple[PathElement, ...]]:
    """
    Every path to a mapping entry or list item in *data*.
    """
    found: list[tuple[PathElement, ...]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*prefix, key))
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.append((*prefix, index))
            found.extend(paths(value, (*prefix, index)))
    return found


@given(st.dictionaries(keys, documents, max_size=5))
def test_round_trip(data: dict[str, Any]) -> None:
    """
    load(dump(data)) == data for plain data with string keys.
    """
    assert data == _yaml.load(_yaml.dump(data), "x.yaml")


@given(st.dictionaries(keys, documents, min_size=1, max_size=5))
def test_every_path_is_located(data: dict[str, Any]) -> None:
    """
    Every key and item of a dumped document has a position in its text,
    noted while it was read.
    """
    text = _yaml.dump(data)
    lines = text.count("\n") + 1
    _, where = _yaml.read(text, "x.yaml")

    for path in paths(data):
        position = where.locate(path)

        assert position is not None
        assert 1 <= position[0] <= lines


def values(data: Any) -> int:
    """
    How many values *data* holds, counted as the limit counts them: a
    mapping, a list and a value one each, keys not at all.
    """
    if isinstance(data, dict):
        return 1 + sum(values(value) for value in data.values())
    if isinstance(data, list):
        return 1 + sum(values(item) for item in data)
    return 1


def deepest(data: Any, above: int = 0) -> int:
    """
    How many mappings and lists lie above the deepest one in *data* (-1
    when *data* holds none).
    """
    if not isinstance(data, (dict, list)):
        return -1
    children = data.values() if isinstance(data, dict) else data
    return max([above, *(deepest(child, above + 1) for child in children)])


@given(documents)
def test_value_limit(data: Any) -> None:
    """
    The value limit counts what the loaded data holds: a document of
    exactly MAX_NODES values loads, with one value less allowed it is
    refused, at a place in the text.
    """
    text = yaml.safe_dump(data)
    size = values(data)

    with mock.patch.object(_yaml, "MAX_DEPTH", 10_000):
        with mock.patch.object(_yaml, "MAX_NODES", size):
            assert data == _yaml.load(text, "x.yaml")
        with (
            mock.patch.object(_yaml, "MAX_NODES", size - 1),
            pytest.raises(FileFormatError) as info,
        ):
            _yaml.load(text, "x.yaml")

    assert info.value.reason.startswith("document holds more than the limit of")
    assert info.value.line is not None


@given(documents)
def test_depth_limit(data: Any) -> None:
    """
    A document whose deepest list or mapping has exactly MAX_DEPTH above
    it loads, one level less allowed refuses it, at a place in the text.
    """
    text = yaml.safe_dump(data)
    depth = deepest(data)
    assume(depth >= 1)

    with mock.patch.object(_yaml, "MAX_NODES", 10**9):
        with mock.patch.object(_yaml, "MAX_DEPTH", depth):
            assert data == _yaml.load(text, "x.yaml")
        with (
            mock.patch.object(_yaml, "MAX_DEPTH", depth - 1),
            pytest.raises(FileFormatError) as info,
        ):
            _yaml.load(text, "x.yaml")

    assert info.value.reason.startswith("nesting deeper than")
    assert info.value.line is not None
