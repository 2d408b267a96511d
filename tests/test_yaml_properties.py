"""
Properties of the YAML layer: what is dumped loads back equal, and every
key can be located in the text.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from goudenoor import _yaml
from goudenoor.exceptions import PathElement


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
    st.text(max_size=30),
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
    Every key and item of a dumped document has a position in its text.
    """
    text = _yaml.dump(data)
    lines = text.count("\n") + 1

    for path in paths(data):
        position = _yaml.locate(text, path)

        assert position is not None
        assert 1 <= position[0] <= lines
