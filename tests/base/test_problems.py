"""
The bottom layer: the problem collector, "did you mean" and paths.
"""

from __future__ import annotations

import goudenoor as go
from goudenoor.problems import (
    Problem,
    Problems,
    close_matches,
    did_you_mean,
    format_path,
)


class TestProblems:
    def test_empty(self) -> None:
        found = Problems()
        assert not found
        assert 0 == len(found)
        assert [] == found.list()

    def test_add_keeps_order_and_paths(self) -> None:
        found = Problems()
        found.add("must not be empty", "areas", 0, "name")
        found.add("duplicate id '1'", "areas", 1, "id")
        assert [
            Problem(message="must not be empty", path=("areas", 0, "name")),
            Problem(message="duplicate id '1'", path=("areas", 1, "id")),
        ] == found.list()
        assert found
        assert 2 == len(found)
        assert found.list() == list(found)

    def test_extend_and_prefixed(self) -> None:
        found = Problems([Problem(message="a", path=("x",))])
        found.extend([Problem(message="b")])
        assert [
            Problem(message="a", path=("items", 3, "x")),
            Problem(message="b", path=("items", 3)),
        ] == found.prefixed(("items", 3))

    def test_list_is_a_copy(self) -> None:
        found = Problems()
        found.list().append(Problem(message="x"))
        assert not found


class TestDidYouMean:
    def test_close_matches_best_first_at_most_three(self) -> None:
        found = close_matches("1.1", ["9", "1.3", "1.2", "1.1", "1.4"])
        assert 3 == len(found)
        assert "1.1" == found[0]
        assert "9" not in found

    def test_nothing_close(self) -> None:
        assert [] == close_matches("Klantbeleid", ["Middelen", "Resultaten"])
        assert "" == did_you_mean([])

    def test_text(self) -> None:
        assert "; did you mean 'Klantenbeleid'?" == did_you_mean(
            close_matches("Klantbeleid", ["Klantenbeleid", "Middelen"])
        )
        assert "; did you mean '1.1', '1.2'?" == did_you_mean(["1.1", "1.2"])

    def test_unknown_item_error_uses_it(self) -> None:
        assert "unknown area 'Klantbeleid' in gos-2012; did you mean 'a'?" == str(
            go.UnknownAreaError("Klantbeleid", ["a"], "gos-2012")
        )


class TestFormatPath:
    def test_keys_and_indices(self) -> None:
        assert "areas[0].requirements[2].id" == format_path(
            ("areas", 0, "requirements", 2, "id")
        )
        assert 'ratings."5.3".value' == format_path(("ratings", "5.3", "value"))


def test_problem_is_public() -> None:
    assert go.Problem is Problem
    assert "Problem" in go.__all__
