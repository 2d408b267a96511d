"""
The guarantees of design §4 as properties: bounds, monotonicity,
not-applicable isolation and determinism.
"""

from __future__ import annotations

import math
from typing import Any

import attrs
from hypothesis import assume, given, strategies as st

import goudenoor as go
from strategies import EVIDENCE, NOT_APPLICABLE, assessments, options


EPS = 1e-9
EDITIONS = st.sampled_from(["gos-2012", "gos-2016"]).map(go.load_standard)
SCALES = st.sampled_from(["gos-0-4", "conformiteit"])


@st.composite
def cases(draw: st.DrawFn) -> tuple[go.Standard, go.Assessment, dict[str, Any]]:
    """
    A standard, an assessment of it on one of its scales, and options.
    """
    standard = draw(EDITIONS)
    assessment = draw(assessments(standard, draw(SCALES)))
    return standard, assessment, draw(options())


def level_rank(card: go.ScoreCard) -> int:
    """
    How many levels of the scheme were reached.
    """
    return 0 if card.level is None else card.scheme.levels.index(card.level) + 1


def figures(card: go.ScoreCard) -> list[float]:
    """
    Every figure the card reports, for comparisons.
    """
    return [
        *(a.points for a in card.areas.values()),
        card.organisation_points,
        card.result_points,
        card.total,
        float(level_rank(card)),
    ]


@given(cases())
def test_bounds(case: tuple[go.Standard, go.Assessment, dict[str, Any]]) -> None:
    """
    Area points lie in [0, area.points]; the total in [0, 100].
    """
    standard, assessment, opts = case

    card = go.score(standard, assessment, **opts)

    for area in standard.areas:
        assert -EPS <= card.areas[area.id].points <= area.points + EPS
    assert -EPS <= card.total <= 100 + EPS
    assert math.isclose(card.total, card.organisation_points + card.result_points)


@given(cases(), st.data())
def test_raising_never_lowers(
    case: tuple[go.Standard, go.Assessment, dict[str, Any]], data: st.DataObject
) -> None:
    """
    Raising one rating (or rating an unrated requirement) lowers nothing.
    """
    standard, assessment, opts = case
    scale = standard.scale(assessment.scale)
    requirement = data.draw(st.sampled_from(standard.requirements))
    current = assessment.ratings.get(requirement.id)
    assume(current is None or not current.not_applicable)
    old = current.value if current is not None else None
    higher = [v for v in scale.values if old is None or v > old]
    assume(higher)
    new_value = data.draw(st.sampled_from(higher))
    raised = (
        go.Rating(value=new_value)
        if current is None
        else attrs.evolve(current, value=new_value)
    )

    before = go.score(standard, assessment, **opts)
    after = go.score(
        standard, assessment.with_ratings({requirement.id: raised}), **opts
    )

    for old_figure, new_figure in zip(figures(before), figures(after), strict=True):
        assert new_figure >= old_figure - EPS


@given(cases(), st.data())
def test_evidence_and_checkpoints_never_lower(
    case: tuple[go.Standard, go.Assessment, dict[str, Any]], data: st.DataObject
) -> None:
    """
    Adding evidence or a met checkpoint to a rating lowers nothing.
    """
    standard, assessment, opts = case
    rated = [rid for rid, r in assessment.ratings.items() if r.value is not None]
    assume(rated)
    rid = data.draw(st.sampled_from(rated))
    current = assessment.ratings[rid]
    missing = [
        c.id
        for c in standard.requirement(rid).checkpoints
        if c.id not in current.checkpoints_met
    ]
    better = attrs.evolve(
        current,
        evidence=current.evidence or EVIDENCE,
        checkpoints_met=(*current.checkpoints_met, *missing[:1]),
    )

    before = go.score(standard, assessment, **opts)
    after = go.score(standard, assessment.with_ratings({rid: better}), **opts)

    for old_figure, new_figure in zip(figures(before), figures(after), strict=True):
        assert new_figure >= old_figure - EPS


@given(cases(), st.data())
def test_not_applicable_is_local(
    case: tuple[go.Standard, go.Assessment, dict[str, Any]], data: st.DataObject
) -> None:
    """
    Marking a requirement not applicable changes no other area.
    """
    standard, assessment, opts = case
    requirement = data.draw(st.sampled_from(standard.requirements))
    area = standard.area(requirement.area_id)
    others = [r.id for r in area.requirements if r.id != requirement.id]
    assume(
        not all(
            (rating := assessment.ratings.get(i)) is not None and rating.not_applicable
            for i in others
        )
    )

    before = go.score(standard, assessment, **opts)
    after = go.score(
        standard, assessment.with_ratings({requirement.id: NOT_APPLICABLE}), **opts
    )

    for area_id, result in before.areas.items():
        if area_id != area.id:
            assert result.points == after.areas[area_id].points


@given(cases(), st.randoms())
def test_deterministic(
    case: tuple[go.Standard, go.Assessment, dict[str, Any]], rng: Any
) -> None:
    """
    Scoring is pure: the same content in any order gives the same card.
    """
    standard, assessment, opts = case
    items = list(assessment.ratings.items())
    rng.shuffle(items)
    shuffled = attrs.evolve(assessment, ratings=dict(items))

    first = go.score(standard, assessment, **opts)

    assert first.as_dict() == go.score(standard, shuffled, **opts).as_dict()
    assert first.as_dict() == go.score(standard, assessment, **opts).as_dict()


@given(cases())
def test_detail_agrees_with_totals(
    case: tuple[go.Standard, go.Assessment, dict[str, Any]],
) -> None:
    """
    The per-requirement pass (built lazily) gives the same points as the
    fast totals pass, requirement by requirement.
    """
    standard, assessment, opts = case

    card = go.score(standard, assessment, **opts)

    for area_id, area in card.areas.items():
        assert math.isclose(
            area.points, math.fsum(r.points for r in area.requirements), abs_tol=EPS
        ), area_id
    assert math.isclose(
        card.total, math.fsum(a.points for a in card.areas.values()), abs_tol=EPS
    )
