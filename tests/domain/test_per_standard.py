"""
PerStandard: data derived from a Standard, computed once per object and key.
"""

from __future__ import annotations

import pickle

import goudenoor as go
from goudenoor.standard._model import PerStandard, Standard


class _Counter:
    def __init__(self) -> None:
        self.calls: list[object] = []

    def __call__(self, standard: Standard, key: object) -> str:
        self.calls.append(key)
        return f"{standard.id}:{key!r}"


class TestPerStandard:
    def test_computed_once_per_object_and_key(self) -> None:
        std = go.load_standard("gos-2012")
        counter = _Counter()
        cache: PerStandard[object, str] = PerStandard("test", counter)
        assert "gos-2012:'a'" == cache.get(std, "a")
        assert "gos-2012:'a'" == cache.get(std, "a")
        assert "gos-2012:'b'" == cache.get(std, "b")
        assert ["a", "b"] == counter.calls

    def test_two_instances_do_not_share(self) -> None:
        std = go.load_standard("gos-2012")
        first, second = _Counter(), _Counter()
        one: PerStandard[object, str] = PerStandard("one", first)
        two: PerStandard[object, str] = PerStandard("two", second)
        one.get(std, "a")
        two.get(std, "a")
        assert ["a"] == first.calls
        assert ["a"] == second.calls

    def test_an_equal_but_distinct_standard_computes_again(self) -> None:
        std = go.load_standard("gos-2012")
        copy = pickle.loads(pickle.dumps(std))  # noqa: S301 - our own bytes
        assert std == copy
        assert std is not copy
        counter = _Counter()
        cache: PerStandard[object, str] = PerStandard("test", counter)
        cache.get(std, "a")
        cache.get(copy, "a")
        assert ["a", "a"] == counter.calls

    def test_pickle_carries_no_memo(self) -> None:
        std = go.load_standard("gos-2012")
        counter = _Counter()
        cache: PerStandard[object, str] = PerStandard("test", counter)
        cache.get(std, "a")
        copy = pickle.loads(pickle.dumps(std))  # noqa: S301 - our own bytes
        cache.get(copy, "a")
        assert 2 == len(counter.calls)

    def test_an_unhashable_key_is_computed_each_time_and_not_stored(self) -> None:
        std = go.load_standard("gos-2012")
        counter = _Counter()
        cache: PerStandard[object, str] = PerStandard("test", counter)
        key = ("x", ["unhashable"])
        assert "gos-2012:('x', ['unhashable'])" == cache.get(std, key)
        cache.get(std, key)
        assert [key, key] == counter.calls
