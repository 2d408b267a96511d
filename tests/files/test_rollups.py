"""
``go.rollup``: assessments (from files) loaded, scored and rolled up.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import goudenoor as go


def site(name: str | None, value: int, *, edition: str = "gos-2012") -> go.Assessment:
    std = go.load_standard(edition)
    return go.Assessment(
        edition=edition,
        organisation="Woonstichting",
        date=datetime.date(2026, 5, 1),
        unit=name,
        ratings={r.id: go.Rating(value=value) for r in std.requirements},
    )


def test_rollup_of_saved_units(tmp_path: Path) -> None:
    paths = []
    for name, value in (("Noord", 4), ("Zuid", 2)):
        path = tmp_path / f"{name}.yaml"
        go.save_assessment(site(name, value), path)
        paths.append(path)

    result = go.rollup(
        [go.load_assessment(p) for p in paths], weights={"Noord": 3, "Zuid": 1}
    )

    # by hand: three times 100 points and once 50, over 4
    assert result.total == pytest.approx(87.5)
    assert ("Noord", "Zuid") == result.units
    assert isinstance(result, go.Rollup)
    assert 50 == go.rollup([go.load_assessment(p) for p in paths], rule="min").total


def test_scoring_options_pass_through() -> None:
    strict = go.rollup([site("Noord", 4), site("Zuid", 2)], evidence_policy="strict")
    assert {"strict"} == {c.evidence_policy for c in strict.cards}
    assert strict.total < go.rollup([site("Noord", 4), site("Zuid", 2)]).total


def test_mixed_editions_name_the_field() -> None:
    with pytest.raises(go.RollupError) as info:
        go.rollup([site("Noord", 4), site("Zuid", 2, edition="gos-2016")])
    assert (
        "the units differ in edition: 'gos-2012' in 'Noord'; 'gos-2016' in "
        "'Zuid'; a roll-up needs one edition for all"
    ) == (str(info.value))


def test_an_assessment_without_unit_names_its_file(tmp_path: Path) -> None:
    path = tmp_path / "zonder.yaml"
    go.save_assessment(site(None, 2), path)

    with pytest.raises(go.RollupError) as info:
        go.rollup([site("Noord", 4), go.load_assessment(path)])

    assert f"each assessment needs a unit: {path} has none" == str(info.value)
