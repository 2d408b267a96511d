"""
One requirement's fraction and status (the scoring rule itself), and the
per-Standard plan it needs.
"""

from __future__ import annotations

import datetime
import math

import attrs

from goudenoor.audit._assessment import Rating
from goudenoor.audit._scoring._methods import EPSILON, RequirementStatus, ScoringMethod
from goudenoor.exceptions import ScoringError
from goudenoor.standard import (
    PerStandard,
    Requirement,
    Scale,
    Standard,
)


__all__ = []


def __dir__() -> list[str]:
    return __all__


@attrs.frozen
class Plan:
    """
    What scoring needs from a Standard and a scale, computed once.
    """

    areas: tuple[tuple[float, bool, tuple[tuple[str, float, Requirement], ...]], ...]
    minimum: float
    span: float
    evidence_fraction: float
    capped_fraction: float


def plan_for(standard: Standard, scale: Scale) -> Plan:
    return _PLANS.get(standard, scale.id)


def _make_plan(standard: Standard, scale_id: str) -> Plan:
    scale = standard.scale(scale_id)
    span = scale.maximum - scale.minimum
    if scale.evidence_from is None:
        evidence_fraction = math.inf
        capped_fraction = 1.0
    else:
        evidence_fraction = (scale.evidence_from - scale.minimum) / span
        below = [v for v in scale.values if v < scale.evidence_from]
        capped_fraction = (max(below) - scale.minimum) / span if below else 0.0
    return Plan(
        areas=tuple(
            (
                area.points,
                area.kind == "organisation",
                tuple((r.id, r.weight, r) for r in area.requirements),
            )
            for area in standard.areas
        ),
        minimum=scale.minimum,
        span=span,
        evidence_fraction=evidence_fraction - EPSILON,
        capped_fraction=capped_fraction,
    )


_PLANS: PerStandard[str, Plan] = PerStandard("scoring plan", _make_plan)


@attrs.frozen
class ScoringContext:
    """
    What rating one requirement needs besides the requirement and rating.
    """

    function: ScoringMethod
    scale: Scale
    method: str
    strict: bool
    evidence_fraction: float
    capped_fraction: float


def rating_outcome(
    requirement: Requirement,
    rating: Rating | None,
    context: ScoringContext,
    date: datetime.date,
) -> tuple[float | None, RequirementStatus]:
    """
    The fraction and status of one requirement: the scoring rule itself.
    """
    if rating is None or rating.value is None:
        if rating is not None and rating.not_applicable:
            return None, "not-applicable"
        return 0.0, "unrated"
    fraction = _checked(
        context.function(requirement, rating, context.scale),
        context.method,
        requirement.id,
    )
    if fraction >= context.evidence_fraction and not any(
        e.valid_until is None or e.valid_until >= date for e in rating.evidence
    ):
        if context.strict:
            return min(fraction, context.capped_fraction), "capped"
        return fraction, "missing-evidence"
    return fraction, "rated"


def _checked(fraction: float, method: str, rid: str) -> float:
    if not 0 <= fraction <= 1:
        raise ScoringError(
            f"scoring method {method!r} gave {fraction!r} for requirement {rid} "
            "(expected a fraction from 0 to 1)"
        )
    return fraction
