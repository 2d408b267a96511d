"""
Roll-up of the units of one organisation: hand-computed points by weights
and by the min rule, the level of the rolled-up points, and the errors.
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Mapping

import pytest
from hypothesis import given, strategies as st

import goudenoor as go
from goudenoor.portfolio._rollup import ROLLUP_FORMAT, RollupError, rollup


def card(
    std: go.Standard,
    unit: str | None,
    values: Mapping[str, int] | int,
    *,
    organisation: str = "Zorggroep",
    method: str = "weighted-mean",
) -> go.ScoreCard:
    """A unit whose requirements are rated per area (one value for all)."""
    by_area = (
        values if isinstance(values, Mapping) else {a.id: values for a in std.areas}
    )
    ratings = {
        r.id: go.Rating(value=by_area.get(area.id, 0))
        for area in std.areas
        for r in area.requirements
    }
    audit = go.Assessment(
        edition=std.id,
        organisation=organisation,
        date=datetime.date(2026, 5, 1),
        unit=unit,
        ratings=ratings,
    )
    return go.score(std, audit, method=method)


@pytest.fixture(name="units")
def _units(std2012: go.Standard) -> list[go.ScoreCard]:
    # Noord: every area full (100 points); Zuid: half (50); West: area 1
    # full, the rest 0 (10 points).
    return [
        card(std2012, "Noord", 4),
        card(std2012, "Zuid", 2),
        card(std2012, "West", {"1": 4}),
    ]


def test_weighted_mean_by_hand(units: list[go.ScoreCard]) -> None:
    result = rollup(units, weights={"Noord": 2, "Zuid": 1, "West": 1})

    # area 1: (2 * 10 + 5 + 10) / 4; area 2: (2 * 20 + 10 + 0) / 4
    assert result.areas["1"].points == pytest.approx(8.75)
    assert result.areas["1"].fraction == pytest.approx(0.875)
    assert (5.0, 10.0) == (result.areas["1"].min, result.areas["1"].max)
    assert "Zuid" == result.areas["1"].weakest_unit
    assert result.areas["2"].points == pytest.approx(12.5)
    assert "West" == result.areas["2"].weakest_unit
    assert result.areas["7"].points == pytest.approx(3.125)
    # organisation 8.75 + 12.5 + 12.5 + 6.25 + 6.25; result 6.25 + 3.125 * 2 + 6.25
    assert result.organisation_points == pytest.approx(46.25)
    assert result.result_points == pytest.approx(18.75)
    assert result.total == pytest.approx(65.0)
    # the weighted mean of the units' totals (200 + 50 + 10) / 4
    assert result.total == pytest.approx((2 * 100 + 50 + 10) / 4)
    assert ("Noord", "Zuid", "West") == result.units
    assert "Zorggroep" == result.organisation
    assert "gos-2012" == result.edition


def test_level_is_that_of_the_rolled_up_points(units: list[go.ScoreCard]) -> None:
    result = rollup(units, weights={"Noord": 2, "Zuid": 1, "West": 1})

    # organisation 46.25 >= 25 (Gecommitteerd), < 50 (Niveau 1)
    assert result.level is not None
    assert "Gecommitteerd" == result.level.name
    (gap,) = result.gaps
    assert ("Niveau 1", "organisation", 50) == (gap.level, gap.scope, gap.required)
    assert gap.shortfall == pytest.approx(3.75)


def test_equal_weights_by_default(units: list[go.ScoreCard]) -> None:
    result = rollup(units)

    assert result.total == pytest.approx((100 + 50 + 10) / 3)
    assert (("Noord", 1.0), ("Zuid", 1.0), ("West", 1.0)) == result.weights


def test_min_rule_by_hand(units: list[go.ScoreCard]) -> None:
    result = rollup(units, rule="min")

    # area 1 from Zuid (5), every other area from West (0)
    assert 5.0 == result.areas["1"].points
    assert "Zuid" == result.areas["1"].weakest_unit
    assert all(result.areas[a].points == 0 for a in "23456789")
    assert 5.0 == result.total
    # lower than every unit's own total: each area has its own weakest unit
    assert result.total < min(c.total for c in units)
    assert result.level is None
    assert () == result.weights


def test_min_rule_of_two_units_is_the_weaker(units: list[go.ScoreCard]) -> None:
    result = rollup(units[:2], rule="min")

    assert 50.0 == result.total
    assert 35.0 == result.organisation_points
    assert result.level is not None
    assert "Gecommitteerd" == result.level.name


def test_data_and_text(units: list[go.ScoreCard]) -> None:
    result = rollup(units, weights={"Noord": 2, "Zuid": 1, "West": 1})

    data = json.loads(json.dumps(result.as_dict()))
    assert data["goudenoor"] == ROLLUP_FORMAT == "rollup/1"
    assert data["points"]["total"] == pytest.approx(65.0)
    assert "Gecommitteerd" == data["level"]
    assert ["Noord", "Zuid", "West"] == [u["unit"] for u in data["units"]]
    assert [2.0, 1.0, 1.0] == [u["weight"] for u in data["units"]]
    area = data["areas"][0]
    assert "1" == area["area_id"]
    assert "Zuid" == area["weakest_unit"]
    assert {"Noord": 10.0, "Zuid": 5.0, "West": 10.0} == area["by_unit"]
    text = result.text()
    assert (
        "Zorggroep: roll-up of 3 units (Noord, Zuid, West) on gos-2012, rule "
        "weighted-mean"
    ) == (text.splitlines()[0])
    assert "weights: Noord 2, Zuid 1, West 1" in text
    assert "level: Gecommitteerd" in text
    assert (
        "<Rollup gos-2012 'Zorggroep', 3 units (weighted-mean): 65.00 points, "
        "level Gecommitteerd>"
    ) == (repr(result))


def test_one_unit_is_itself(units: list[go.ScoreCard]) -> None:
    result = rollup(units[1:2])

    assert result.total == units[1].total
    assert result.level == units[1].level


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (
            {"Noord": 1, "Zuid": 1},
            "no weight for unit 'West': give a weight for every unit or for none",
        ),
        (
            {"Noord": 1, "Zuid": 1, "West": 1, "Oost": 2},
            (
                "a weight is given for unknown unit 'Oost' (the units are: 'Noord', "
                "'Zuid', 'West')"
            ),
        ),
        (
            {"Noord": 1, "Zuid": 0, "West": 1},
            (
                "the weight of unit 'Zuid' must be a positive number of at most "
                "1,000,000 (got 0)"
            ),
        ),
        (
            {"Noord": -2.5, "Zuid": 1, "West": 1},
            (
                "the weight of unit 'Noord' must be a positive number of at most "
                "1,000,000 (got -2.5)"
            ),
        ),
        (
            {"Noord": math.nan, "Zuid": 1, "West": 1},
            (
                "the weight of unit 'Noord' must be a positive number of at most "
                "1,000,000 (got nan)"
            ),
        ),
        (
            {"Noord": math.inf, "Zuid": 1, "West": 1},
            (
                "the weight of unit 'Noord' must be a positive number of at most "
                "1,000,000 (got inf)"
            ),
        ),
        (
            {"Noord": 1e308, "Zuid": 1, "West": 1},
            (
                "the weight of unit 'Noord' must be a positive number of at most "
                "1,000,000 (got 1e+308)"
            ),
        ),
        (
            {"Noord": 1_000_001, "Zuid": 1, "West": 1},
            (
                "the weight of unit 'Noord' must be a positive number of at most "
                "1,000,000 (got 1000001)"
            ),
        ),
        (
            {"Noord": True, "Zuid": 1, "West": 1},
            (
                "the weight of unit 'Noord' must be a positive number of at most "
                "1,000,000 (got True)"
            ),
        ),
    ],
)
def test_bad_weights(
    units: list[go.ScoreCard], weights: Mapping[str, float], message: str
) -> None:
    with pytest.raises(RollupError) as info:
        rollup(units, weights=weights)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "weights",
    [
        {"Noord": 5e-324, "Zuid": 5e-324, "West": 5e-324},
        {"Noord": 1_000_000, "Zuid": 1_000_000, "West": 1_000_000},
        {"Noord": 1e-300, "Zuid": 1e-300, "West": 1e-300},
    ],
)
def test_extreme_equal_weights_are_equal_weights(
    units: list[go.ScoreCard], weights: Mapping[str, float]
) -> None:
    """
    Weights at the ends of the allowed range neither underflow to 0 nor
    overflow: equal weights give the plain mean, however small or large.
    """
    result = rollup(units, weights=weights)
    equal = rollup(units)

    assert equal.total == result.total
    assert [a.points for a in equal.areas.values()] == [
        a.points for a in result.areas.values()
    ]


def test_largest_weight_beside_small_ones(units: list[go.ScoreCard]) -> None:
    """
    The largest allowed weight beside weights of 1: the mean leans to its
    unit and stays finite.
    """
    result = rollup(units, weights={"Noord": 1_000_000, "Zuid": 1, "West": 1})

    expected = (1_000_000 * 100 + 50 + 10) / 1_000_002
    assert expected == pytest.approx(result.total, rel=1e-12)
    assert math.isfinite(result.organisation_points)


def test_min_takes_no_weights(units: list[go.ScoreCard]) -> None:
    with pytest.raises(RollupError) as info:
        rollup(units, rule="min", weights={"Noord": 1, "Zuid": 1, "West": 1})
    assert "the min rule takes no weights: it uses the weakest unit" == (
        str(info.value)
    )


def test_unknown_rule(units: list[go.ScoreCard]) -> None:
    with pytest.raises(RollupError) as info:
        rollup(units, rule="max")
    assert "unknown roll-up rule 'max' (expected one of: weighted-mean, min)" == (
        str(info.value)
    )


def test_no_cards() -> None:
    with pytest.raises(RollupError) as info:
        rollup([])
    assert "a roll-up needs at least one score card" == str(info.value)


def test_each_assessment_needs_a_unit(std2012: go.Standard) -> None:
    with pytest.raises(RollupError) as info:
        rollup([card(std2012, "Noord", 4), card(std2012, None, 2)])
    assert "each assessment needs a unit: assessment 2 has none" == str(info.value)


def test_a_unit_appears_once(std2012: go.Standard) -> None:
    with pytest.raises(RollupError) as info:
        rollup([card(std2012, "Noord", 4), card(std2012, "Noord", 2)])
    assert (
        "unit 'Noord' is given twice, in assessment 1 and assessment 2; each unit "
        "appears once in a roll-up"
    ) == (str(info.value))


def test_mixed_organisations(std2012: go.Standard) -> None:
    cards = [
        card(std2012, "Noord", 4),
        card(std2012, "Zuid", 2, organisation="Andere zorg"),
    ]
    with pytest.raises(RollupError) as info:
        rollup(cards)
    assert (
        "the units differ in organisation: 'Zorggroep' in 'Noord'; 'Andere zorg' "
        "in 'Zuid'; a roll-up needs one organisation for all"
    ) == (str(info.value))


def test_mixed_editions(std2012: go.Standard, std2016: go.Standard) -> None:
    with pytest.raises(RollupError) as info:
        rollup([card(std2012, "Noord", 4), card(std2016, "Zuid", 2)])
    assert (
        "the units differ in edition: 'gos-2012' in 'Noord'; 'gos-2016' in "
        "'Zuid'; a roll-up needs one edition for all"
    ) == (str(info.value))


def test_mixed_methods(std2012: go.Standard) -> None:
    cards = [
        card(std2012, "Noord", 4),
        card(std2012, "Zuid", 2, method="checkpoint-coverage"),
    ]
    with pytest.raises(RollupError) as info:
        rollup(cards)
    assert (
        "the units differ in method: 'weighted-mean' in 'Noord'; "
        "'checkpoint-coverage' in 'Zuid'; a roll-up needs one method for all"
    ) == (str(info.value))


def test_mixed_scales(std2012: go.Standard) -> None:
    noord = card(std2012, "Noord", 4)
    zuid = go.score(
        std2012,
        go.Assessment(
            edition="gos-2012",
            organisation="Zorggroep",
            date=datetime.date(2026, 5, 1),
            unit="Zuid",
            scale="conformiteit",
        ),
    )
    with pytest.raises(RollupError) as info:
        rollup([noord, zuid])
    assert (
        "the units differ in scale: 'gos-0-4' in 'Noord'; 'conformiteit' in "
        "'Zuid'; a roll-up needs one scale for all"
    ) == (str(info.value))


STD2012 = go.load_standard("gos-2012")
AREA_IDS = [area.id for area in STD2012.areas]


@given(
    st.lists(
        st.tuples(
            st.lists(st.integers(0, 4), min_size=9, max_size=9),
            st.floats(0.1, 1000),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_rolled_up_points_lie_between_the_units(
    units: list[tuple[list[int], float]],
) -> None:
    cards = [
        card(STD2012, f"unit {n}", dict(zip(AREA_IDS, values, strict=True)))
        for n, (values, _) in enumerate(units)
    ]
    weights = {f"unit {n}": weight for n, (_, weight) in enumerate(units)}
    weighted = rollup(cards, weights=weights)
    lowest = rollup(cards, rule="min")

    for area_id in AREA_IDS:
        area = weighted.areas[area_id]
        assert area.min - 1e-9 <= area.points <= area.max + 1e-9
        assert lowest.areas[area_id].points == area.min
    whole = math.fsum(weights.values())
    mean_total = (
        math.fsum(w * c.total for w, c in zip(weights.values(), cards, strict=True))
        / whole
    )
    assert weighted.total == pytest.approx(mean_total)
    assert lowest.total <= min(c.total for c in cards) + 1e-9
    # where the weakest-unit roll-up reaches a level, the weighted mean does too
    assert lowest.level is None or weighted.level is not None
