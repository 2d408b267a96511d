"""
Benchmarks: percentile ranks among peers (hand-computed) and the trend of
one organisation over the years.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping

import pytest

import goudenoor as go
from goudenoor.portfolio._benchmark import BenchmarkError, percentile_rank


def card(
    std: go.Standard,
    values: Mapping[str, int] | int,
    *,
    organisation: str = "Zorggroep",
    year: int = 2026,
    unit: str | None = None,
) -> go.ScoreCard:
    """Every requirement of an area rated the same value (absent areas 0)."""
    by_area = (
        values if isinstance(values, Mapping) else {a.id: values for a in std.areas}
    )
    audit = go.Assessment(
        edition=std.id,
        organisation=organisation,
        date=datetime.date(year, 5, 1),
        unit=unit,
        extensions=std.extensions,
        ratings={
            r.id: go.Rating(value=by_area.get(area.id, 0))
            for area in std.areas
            for r in area.requirements
        },
    )
    return go.score(std, audit)


@pytest.mark.parametrize(
    ("value", "values", "expected"),
    [
        (20, [10, 20, 20, 30], 50.0),  # 1 below, 2 ties: (1 + 1) / 4
        (10, [10, 20, 30, 40], 12.5),  # the lowest of four
        (40, [10, 20, 30, 40], 87.5),  # the highest of four
        (5, [5, 5, 5], 50.0),  # all tie
        (35, [10, 20, 30, 40], 75.0),  # not among them: 3 below
        (0, [10, 20], 0.0),
        (50, [10, 20], 100.0),
    ],
)
def test_percentile_rank_by_hand(
    value: float, values: list[float], expected: float
) -> None:
    assert percentile_rank(value, values) == expected


def test_percentile_rank_needs_values() -> None:
    with pytest.raises(BenchmarkError) as info:
        percentile_rank(1, [])
    assert "a percentile rank needs at least one value" == str(info.value)


def test_percentile_ranks_per_area_and_total(
    std2012: go.Standard, std2016: go.Standard
) -> None:
    # Totals 25, 50, 75 (every area a quarter, half, three quarters) and X:
    # area 1 full (10 points), the rest 0: total 10.
    x = card(std2012, {"1": 4}, organisation="X")
    peers = [card(std2012, v, organisation=f"P{v}") for v in (1, 2, 3)]
    other = card(std2016, 4, organisation="Elders")

    ranks = go.percentile_ranks(x, [x, *peers, other])

    assert 4 == ranks.peers
    assert 1 == ranks.left_out
    # total 10 among 10, 25, 50, 75: 0 below, 1 tie -> 0.5 / 4
    assert 12.5 == ranks.total
    # area 1: 10 among 10, 2.5, 5, 7.5: 3 below, 1 tie -> 3.5 / 4
    assert 87.5 == ranks.areas["1"]
    # area 2: 0 among 0, 5, 10, 15
    assert 12.5 == ranks.areas["2"]
    # the middle peer: total 50 among 10, 25, 50, 75
    assert 62.5 == go.percentile_ranks(peers[1], [x, *peers]).total
    data = json.loads(json.dumps(ranks.as_dict()))
    assert "percentile-ranks/1" == data["goudenoor"]
    assert 87.5 == data["areas"]["1"]
    assert "X" == data["organisation"]
    assert (
        "X, gos-2012, audit of 2026-05-01: percentile ranks among 4 audits of gos-2012"
        == (ranks.text().splitlines()[0])
    )
    assert (
        "1 audit of other standards (another edition, or other extensions) left out"
        == (ranks.text().splitlines()[-1])
    )


def test_percentile_ranks_need_peers(
    std2012: go.Standard, std2016: go.Standard
) -> None:
    with pytest.raises(BenchmarkError) as info:
        go.percentile_ranks(card(std2012, 2), [card(std2016, 2)])
    assert (
        "no score card of the same standard (gos-2012) to compare with; got 1 of "
        "other standards: gos-2016: 1"
    ) == (str(info.value))


def removing(requirement_id: str, extension_id: str = "demo") -> go.Extension:
    """An extension that removes one requirement of gos-2012."""
    return go.Extension(
        id=extension_id,
        title="Demo",
        version="1",
        targets=("gos-2012",),
        remove=go.Removals(
            requirements=(
                go.RequirementRemoval(id=requirement_id, reason="Niet van toepassing."),
            )
        ),
    )


def test_peers_of_other_extensions_are_left_out(std2012: go.Standard) -> None:
    """
    Peers of the same edition with other extensions, or with another
    extension file of the same id, are not peers.
    """
    demo = go.apply_extension(std2012, removing("9.2"))
    same_id = go.apply_extension(std2012, removing("9.1"))
    ours = card(demo, 2, organisation="X")
    peers = [card(demo, v, organisation=f"P{v}") for v in (1, 3)]
    others = [
        card(std2012, 4, organisation="Plain"),
        card(same_id, 4, organisation="S"),
    ]

    ranks = go.percentile_ranks(ours, [*peers, *others])

    assert (2, 2, 50.0) == (ranks.peers, ranks.left_out, ranks.total)
    assert ("demo",) == ranks.extensions
    assert (
        "X, gos-2012 + demo, audit of 2026-05-01: percentile ranks among 2 audits "
        "of gos-2012 + demo"
    ) == (ranks.text().splitlines()[0])
    with pytest.raises(BenchmarkError) as info:
        go.percentile_ranks(ours, others)
    assert (
        "no score card of the same standard (gos-2012 + demo) to compare with; got "
        "2 of other standards: gos-2012: 1; gos-2012 + demo (other content): 1"
    ) == (str(info.value))


def test_standard_fingerprint_is_by_content(std2012: go.Standard) -> None:
    """Two extension files with one id: two standards; the same file twice: one."""
    first = go.apply_extension(std2012, removing("9.2"))
    again = go.apply_extension(std2012, removing("9.2"))
    other = go.apply_extension(std2012, removing("9.1"))

    assert first.fingerprint == again.fingerprint
    assert first.fingerprint != other.fingerprint
    assert first.fingerprint != std2012.fingerprint
    assert 64 == len(first.fingerprint)


def test_points_comparable(std2012: go.Standard, std2016: go.Standard) -> None:
    """
    The one rule of comparisons and trends: the same extensions, and within
    one edition the same content; two editions are aligned by a crosswalk.
    """
    first = go.apply_extension(std2012, removing("9.2"))
    again = go.apply_extension(std2012, removing("9.2"))
    other = go.apply_extension(std2012, removing("9.1"))

    assert [True, False, False, True] == [
        first.points_comparable(again),
        first.points_comparable(other),
        std2012.points_comparable(first),
        std2012.points_comparable(std2016),
    ]


def test_trend_refuses_other_extensions(std2012: go.Standard) -> None:
    demo = go.apply_extension(std2012, removing("9.2"))
    with pytest.raises(BenchmarkError) as info:
        go.trend([card(std2012, 2, year=2024), card(demo, 4, year=2025)])
    assert (
        "the audits were scored against standards whose points are not comparable: "
        "score card 1 against gos-2012 and score card 2 against gos-2012 + demo; a "
        "trend needs the same extensions, with the same content, in every audit"
    ) == (str(info.value))


def test_trend_refuses_an_extension_of_the_same_id_with_other_content(
    std2012: go.Standard,
) -> None:
    demo = go.apply_extension(std2012, removing("9.2"))
    same_id = go.apply_extension(std2012, removing("9.1"))
    with pytest.raises(BenchmarkError) as info:
        go.trend(
            [
                card(demo, 2, year=2024),
                card(same_id, 4, year=2026),
                card(demo, 3, year=2025),
            ]
        )
    assert (
        "the audits were scored against standards whose points are not comparable: "
        "score card 1 against gos-2012 + demo and score card 2 against gos-2012 + "
        "demo (the same names with other content: another extension file with the "
        "same id); a trend needs the same extensions, with the same content, in "
        "every audit"
    ) == (str(info.value))


@pytest.mark.parametrize(
    ("old_removes", "new_removes", "labels"),
    [
        (
            "9.2",
            "9.1",
            (
                "gos-2012 + demo and gos-2012 + demo (the same names with other "
                "content: another extension file with the same id)"
            ),
        ),
        ("9.2", None, "gos-2012 + demo and gos-2012"),
    ],
)
def test_compare_refuses_other_standards(
    std2012: go.Standard, old_removes: str, new_removes: str | None, labels: str
) -> None:
    """compare agrees with trend on which points are comparable."""
    old = go.apply_extension(std2012, removing(old_removes))
    new = (
        std2012
        if new_removes is None
        else go.apply_extension(std2012, removing(new_removes))
    )

    with pytest.raises(go.GoudenoorError) as info:
        go.compare(card(old, 2, year=2024), card(new, 3, year=2025))

    assert (
        "the audits were scored against standards whose points are not comparable: "
        f"{labels}; a comparison needs the same extensions, with the same content, "
        "in both audits"
    ) == str(info.value)


def test_compare_of_one_standard_is_allowed(std2012: go.Standard) -> None:
    demo = go.apply_extension(std2012, removing("9.2"))

    old, new = card(demo, 2, year=2024), card(demo, 3, year=2025)

    comparison = go.compare(old, new)

    assert pytest.approx(new.total - old.total) == comparison.total_delta


def test_trend_refuses_two_audits_on_one_date(std2012: go.Standard) -> None:
    with pytest.raises(BenchmarkError) as info:
        go.trend(
            [card(std2012, 2, year=2025), card(std2012, 3), card(std2012, 4, year=2025)]
        )
    assert (
        "two audits on the same date, 2025-05-01: score card 1 and score card 3; a "
        "trend needs one audit per date"
    ) == (str(info.value))


def test_trend_of_different_organisations_when_allowed(std2012: go.Standard) -> None:
    """A renamed organisation: one history, named after the last audit."""
    t = go.trend(
        [card(std2012, 2, year=2024, organisation="Oud"), card(std2012, 3)],
        allow_different_organisations=True,
    )

    assert ("Zorggroep", 25.0) == (t.organisation, t.total.change)
    assert (
        (
            "the audits differ in organisation: 'Oud', 'Zorggroep'; they are taken "
            "as one history"
        ),
    ) == t.warnings


def test_trend_by_hand(std2012: go.Standard) -> None:
    cards = [
        card(std2012, 3, year=2026),
        card(std2012, 2, year=2024),
        card(std2012, {"1": 4, "2": 2}, year=2025),
    ]

    t = go.trend(cards)

    assert ("2024-05-01", "2026-05-01") == (t.first_date, t.last_date)
    assert (50.0, 75.0, 25.0) == (t.total.first, t.total.last, t.total.change)
    assert t.areas["2"] == go.AreaTrend(area_id="2", first=10.0, last=15.0, change=5.0)
    assert ["2024-05-01", "2025-05-01", "2026-05-01"] == [h[0] for h in t.history]
    assert [50.0, 20.0, 75.0] == [h[2] for h in t.history]
    assert () == t.warnings
    data = json.loads(json.dumps(t.as_dict()))
    assert "trend/1" == data["goudenoor"]
    assert {"first": 50.0, "last": 75.0, "change": 25.0} == data["total"]
    assert "total    50.00   75.00  +25.00" in t.text()


def test_trend_across_editions_warns(
    std2012: go.Standard, std2016: go.Standard
) -> None:
    t = go.trend([card(std2012, 2, year=2015), card(std2016, 4, year=2020)])

    assert 5.0 == t.areas["1"].change
    assert (
        (
            "the audits are of different editions (gos-2012, gos-2016): areas are "
            "compared by id, and an area's points and maximum may differ between "
            "editions"
        ),
    ) == t.warnings


def test_trend_of_one_organisation(std2012: go.Standard) -> None:
    with pytest.raises(BenchmarkError) as info:
        go.trend([card(std2012, 2), card(std2012, 3, organisation="Ander", year=2027)])
    assert (
        "a trend is of one organisation; the cards differ in organisation: "
        "'Zorggroep', 'Ander' (unless different organisations are allowed)"
    ) == (str(info.value))


def test_trend_of_one_unit(std2012: go.Standard) -> None:
    with pytest.raises(BenchmarkError) as info:
        go.trend([card(std2012, 2, unit="A"), card(std2012, 3, unit="B", year=2027)])
    assert (
        "a trend is of one unit; the cards differ in unit: 'A', 'B' (unless "
        "different organisations are allowed)"
    ) == (str(info.value))


def test_trend_needs_two(std2012: go.Standard) -> None:
    with pytest.raises(BenchmarkError) as info:
        go.trend([card(std2012, 2)])
    assert "a trend needs at least 2 score cards (got 1)" == str(info.value)
