"""
The one JSON writer refuses what JSON cannot hold: NaN and infinities.
"""

from __future__ import annotations

import math

import pytest

from goudenoor._text import json_text
from goudenoor.exceptions import OutputError


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"points": {"total": math.inf}},
            "cannot write JSON: $.points.total is inf (expected a finite number)",
        ),
        (
            {"units": [{"weight": 1.0}, {"weight": -math.inf}]},
            "cannot write JSON: $.units[1].weight is -inf (expected a finite number)",
        ),
        (
            [math.nan],
            "cannot write JSON: $[0] is nan (expected a finite number)",
        ),
    ],
)
def test_non_finite_numbers_are_refused(data: object, message: str) -> None:
    with pytest.raises(OutputError) as info:
        json_text(data)

    assert message == str(info.value)


def test_other_value_errors_are_not_hidden() -> None:
    """A circular structure is no NaN: its own error is kept."""
    loop: list[object] = []
    loop.append(loop)

    with pytest.raises(ValueError) as info:  # noqa: PT011 - json's own error, any wording
        json_text(loop)
    assert not isinstance(info.value, OutputError)
