"""
Scoring an assessment: points per area, totals, recognition level, what
is missing for the next level, and which improvements pay most.

The rules (design §4), all replaceable:

* **weighted-mean** (default): a requirement's fraction is its value's
  position on the scale, ``(value - minimum) / (maximum - minimum)``; a
  not-applicable requirement is left out; an unrated one counts 0 (with a
  warning); an area's fraction is the weighted mean of its applicable
  requirements' fractions (weights default to 1); its points are
  ``area.points * fraction``.
* **checkpoint-coverage**: like weighted-mean, but a requirement that has
  checkpoints scores the share of its checkpoints met.
* **evidence policy**: a fraction at or above the scale's ``evidence_from``
  value needs valid evidence (not expired on the audit date). Policy
  ``warn`` (default) adds a warning; ``strict`` caps the fraction at the
  highest scale value below ``evidence_from``.
* **recognition**: a level is reached when its conditions and those of
  every lower level hold; ``level`` is the highest level reached.

Other methods can be added with :func:`register_method`.
"""

from __future__ import annotations

import datetime
import math
import threading
from collections.abc import Mapping
from functools import cached_property
from typing import Any, Literal, Protocol, TypeAlias

import attrs

from .assessment import Assessment, Rating, Ratings, check_assessment
from .exceptions import ScoringError, UnknownItemError
from .model import (
    Area,
    Condition,
    PerStandard,
    RecognitionLevel,
    RecognitionScheme,
    Requirement,
    Scale,
    Standard,
)


__all__ = [
    "AreaResult",
    "EvidencePolicy",
    "Gap",
    "Improvement",
    "RequirementResult",
    "RequirementStatus",
    "ScoreCard",
    "ScoreWarning",
    "ScoringMethod",
    "register_method",
    "score",
    "scoring_methods",
    "what_if",
]


def __dir__() -> list[str]:
    return __all__


EvidencePolicy = Literal["warn", "strict"]
"""What happens to a high rating without valid evidence."""

RequirementStatus = Literal[
    "rated", "unrated", "not-applicable", "missing-evidence", "capped"
]
"""How a requirement entered the score."""

_EPSILON = 1e-9
"""Tolerance when comparing points with thresholds (sums of floats)."""


class ScoringMethod(Protocol):
    """
    A scoring method: the fraction (0 to 1) a rated, applicable
    requirement earns.
    """

    def __call__(self, requirement: Requirement, rating: Rating, scale: Scale) -> float:
        """
        The fraction earned by *rating* of *requirement* on *scale*.
        """
        ...  # pragma: no cover


def _weighted_mean(requirement: Requirement, rating: Rating, scale: Scale) -> float:  # noqa: ARG001 - part of the method signature
    value = rating.value
    if value is None:  # pragma: no cover - callers only pass rated ratings
        return 0.0
    return (value - scale.minimum) / (scale.maximum - scale.minimum)


def _checkpoint_coverage(
    requirement: Requirement, rating: Rating, scale: Scale
) -> float:
    if not requirement.checkpoints:
        return _weighted_mean(requirement, rating, scale)
    ids = {checkpoint.id for checkpoint in requirement.checkpoints}
    return len(ids.intersection(rating.checkpoints_met)) / len(ids)


_METHODS: dict[str, ScoringMethod] = {
    "weighted-mean": _weighted_mean,
    "checkpoint-coverage": _checkpoint_coverage,
}
_METHODS_LOCK = threading.Lock()


def register_method(name: str, method: ScoringMethod, *, replace: bool = False) -> None:
    """
    Make *method* available to :func:`score` as ``method=name``.

    Raises:
        ScoringError: *name* is taken and *replace* is false.
    """
    with _METHODS_LOCK:
        if name in _METHODS and not replace:
            raise ScoringError(
                f"scoring method {name!r} is already registered "
                "(pass replace=True to replace it)"
            )
        _METHODS[name] = method


def scoring_methods() -> tuple[str, ...]:
    """
    The names of the registered scoring methods.

    >>> scoring_methods()[:2]
    ('weighted-mean', 'checkpoint-coverage')
    """
    return tuple(_METHODS)


@attrs.frozen(kw_only=True)
class ScoreWarning:
    """
    Something the score rests on that a reader should know.

    Attributes:
        code: ``unrated``, ``not-applicable``, ``missing-evidence``,
            ``capped`` or ``expired-evidence``.
        requirement_id: The requirement concerned.
        message: A sentence for people.
    """

    code: str
    requirement_id: str
    message: str


@attrs.frozen(kw_only=True)
class RequirementResult:
    """
    How one requirement entered the score.

    Attributes:
        requirement_id: The requirement.
        area_id: Its area.
        status: rated, unrated, not-applicable, missing-evidence (counted,
            with a warning) or capped (strict evidence policy).
        value: The rating's value, if any.
        fraction: The fraction earned (0 to 1), ``None`` if not applicable.
        weight: The requirement's weight in its area.
        points: The points it contributes to its area.
        max_points: The points it would contribute at a full rating.
    """

    requirement_id: str
    area_id: str
    status: RequirementStatus
    value: float | None
    fraction: float | None
    weight: float
    points: float
    max_points: float


@attrs.frozen(kw_only=True)
class AreaResult:
    """
    The score of one area.

    Attributes:
        area_id: The area.
        name: Its name.
        kind: organisation or result.
        points: Points earned.
        max_points: The area's points in the standard.
        fraction: ``points / max_points`` (the weighted mean).
        requirements: Each requirement's result, in order.
        rule: How the points were computed, in words and numbers.
    """

    area_id: str
    name: str
    kind: str
    points: float
    max_points: float
    fraction: float
    requirements: tuple[RequirementResult, ...]
    rule: str


@attrs.frozen(kw_only=True)
class Gap:
    """
    One unmet condition of the next recognition level.

    Attributes:
        level: The level's name.
        scope: What the condition measures.
        area_id: The area, for per-area conditions.
        unit: ``points`` or ``fraction``.
        required: What is needed.
        actual: What was scored.
        shortfall: ``required - actual``.
    """

    level: str
    scope: str
    area_id: str | None
    unit: Literal["points", "fraction"]
    required: float
    actual: float
    shortfall: float

    def __str__(self) -> str:
        where = f"area {self.area_id}" if self.area_id else self.scope
        if self.unit == "points":
            return (
                f"{where}: {self.actual:.2f} points, needs {self.required:g} "
                f"({self.shortfall:.2f} short)"
            )
        return (
            f"{where}: {self.actual:.0%}, needs {self.required:.0%} "
            f"({self.shortfall:.0%} short)"
        )


@attrs.frozen(kw_only=True)
class Improvement:
    """
    What raising one requirement to a full rating (with evidence) gains.

    Attributes:
        requirement_id: The requirement.
        area_id: Its area.
        text: The requirement's text.
        fraction: Its current fraction (0 when unrated).
        points_gained: Total points gained.
    """

    requirement_id: str
    area_id: str
    text: str
    fraction: float
    points_gained: float


@attrs.frozen(kw_only=True)
class ScoreCard:
    """
    The result of :func:`score`.

    The totals are computed at once; per-area and per-requirement results,
    warnings, the trace, the level and the gaps are built when first used.

    Attributes:
        standard: The standard scored against.
        assessment: The assessment scored.
        method: The scoring method's name.
        scale: The scale of the values.
        scheme: The recognition scheme.
        parameters: The scheme's parameters as used (name, value).
        evidence_policy: ``warn`` or ``strict``.
        organisation: Points on the organisation areas.
        result: Points on the result areas.
        total: ``organisation + result``.
        area_fractions: Each area's fraction, in area order.
        function: The scoring method's function.
    """

    standard: Standard = attrs.field(repr=False, eq=False)
    assessment: Assessment = attrs.field(repr=False)
    method: str
    scale: Scale = attrs.field(repr=False)
    scheme: RecognitionScheme = attrs.field(repr=False)
    parameters: tuple[tuple[str, float], ...]
    evidence_policy: EvidencePolicy
    organisation: float
    result: float
    total: float
    area_fractions: tuple[float, ...] = attrs.field(repr=False)
    function: ScoringMethod = attrs.field(repr=False, eq=False)

    def _outcomes(self) -> list[tuple[Requirement, float | None, RequirementStatus]]:
        # The per-requirement pass; score() computes only the totals.
        context = _Context.of(self)
        ratings = self.assessment.ratings
        date = self.assessment.date
        return [
            (
                requirement,
                *_outcome(requirement, ratings.get(requirement.id), context, date),
            )
            for requirement in self.standard.requirements
        ]

    @cached_property
    def areas(self) -> Mapping[str, AreaResult]:
        """
        Area id to :class:`AreaResult`, in area order.
        """
        results: dict[str, AreaResult] = {}
        outcomes = iter(self._outcomes())
        for area, fraction in zip(
            self.standard.areas, self.area_fractions, strict=True
        ):
            rows = [next(outcomes) for _ in area.requirements]
            total_weight = math.fsum(r.weight for r, f, _ in rows if f is not None)
            requirements = tuple(
                _requirement_result(area, row, total_weight, self) for row in rows
            )
            results[area.id] = AreaResult(
                area_id=area.id,
                name=area.name,
                kind=area.kind,
                points=area.points * fraction,
                max_points=area.points,
                fraction=fraction,
                requirements=requirements,
                rule=_rule(area, requirements, fraction, self.method),
            )
        return results

    @cached_property
    def requirements(self) -> Mapping[str, RequirementResult]:
        """
        Requirement id to :class:`RequirementResult`, in order.
        """
        return {
            r.requirement_id: r
            for area in self.areas.values()
            for r in area.requirements
        }

    @property
    def trace(self) -> tuple[str, ...]:
        """
        For each area, which ratings and which rule gave its points.
        """
        return tuple(area.rule for area in self.areas.values())

    @cached_property
    def warnings(self) -> tuple[ScoreWarning, ...]:
        """
        Unrated and not-applicable requirements, ratings without valid
        evidence, and expired evidence, in requirement order.
        """
        found: list[ScoreWarning] = []
        ratings = self.assessment.ratings
        date = self.assessment.date
        for requirement, _, status in self._outcomes():
            rid = requirement.id
            rating = ratings.get(rid)
            if status != "rated":
                found.append(_warning(status, rid, rating, self.scale))
            if rating is not None:
                found.extend(
                    ScoreWarning(
                        code="expired-evidence",
                        requirement_id=rid,
                        message=f"evidence {e.reference!r} expired on "
                        f"{e.valid_until.isoformat()}, before the audit date "
                        f"{date.isoformat()}",
                    )
                    for e in rating.evidence
                    if e.valid_until is not None and e.valid_until < date
                )
        return tuple(found)

    @cached_property
    def _reached(self) -> int:
        reached = 0
        for level in self.scheme.levels:
            if _unmet(self, level):
                break
            reached += 1
        return reached

    @property
    def level(self) -> RecognitionLevel | None:
        """
        The highest level reached, or ``None``.
        """
        return self.scheme.levels[self._reached - 1] if self._reached else None

    @property
    def next_level(self) -> RecognitionLevel | None:
        """
        The level after :attr:`level`, or ``None`` at the top.
        """
        levels = self.scheme.levels
        return levels[self._reached] if self._reached < len(levels) else None

    @cached_property
    def gaps(self) -> tuple[Gap, ...]:
        """
        Each unmet condition of :attr:`next_level`, with its shortfall.
        """
        level = self.next_level
        return () if level is None else tuple(_unmet(self, level))

    def improvements(self, limit: int | None = None) -> tuple[Improvement, ...]:
        """
        Applicable requirements below a full rating, ranked by the points
        raising each to a full rating (with valid evidence) would gain.
        Ties keep the standard's order.
        """
        found: list[Improvement] = []
        for area in self.areas.values():
            total_weight = math.fsum(
                r.weight for r in area.requirements if r.fraction is not None
            )
            for r in area.requirements:
                if r.fraction is None or r.fraction >= 1:
                    continue
                gained = area.max_points * r.weight * (1 - r.fraction) / total_weight
                found.append(
                    Improvement(
                        requirement_id=r.requirement_id,
                        area_id=area.area_id,
                        text=self.standard.requirement(r.requirement_id).full_text,
                        fraction=r.fraction,
                        points_gained=gained,
                    )
                )
        found.sort(key=lambda i: -i.points_gained)
        return tuple(found[:limit] if limit is not None else found)

    def as_dict(self) -> dict[str, Any]:
        """
        The whole card as plain data (for JSON).
        """
        level = self.level
        next_level = self.next_level
        return {
            "organisation": self.assessment.organisation,
            "edition": self.standard.id,
            "date": self.assessment.date.isoformat(),
            "method": self.method,
            "scale": self.scale.id,
            "scheme": self.scheme.id,
            "parameters": dict(self.parameters),
            "evidence_policy": self.evidence_policy,
            "points": {
                "organisation": self.organisation,
                "result": self.result,
                "total": self.total,
            },
            "level": level.name if level else None,
            "next_level": next_level.name if next_level else None,
            "gaps": [attrs.asdict(gap) for gap in self.gaps],
            "areas": [
                {
                    **attrs.asdict(area, recurse=False, filter=_no_requirements),
                    "requirements": [attrs.asdict(r) for r in area.requirements],
                }
                for area in self.areas.values()
            ],
            "warnings": [attrs.asdict(w) for w in self.warnings],
            "improvements": [attrs.asdict(i) for i in self.improvements()],
        }


def _no_requirements(attribute: attrs.Attribute[Any], _: object) -> bool:
    return attribute.name != "requirements"


def _requirement_result(
    area: Area,
    row: tuple[Requirement, float | None, RequirementStatus],
    total_weight: float,
    card: ScoreCard,
) -> RequirementResult:
    requirement, fraction, status = row
    weight = requirement.weight
    share = area.points * weight / total_weight if fraction is not None else 0.0
    rating = card.assessment.ratings.get(requirement.id)
    return RequirementResult(
        requirement_id=requirement.id,
        area_id=area.id,
        status=status,
        value=rating.value if rating is not None else None,
        fraction=fraction,
        weight=weight,
        points=share * (fraction or 0.0),
        max_points=share,
    )


def _rule(
    area: Area,
    requirements: tuple[RequirementResult, ...],
    fraction: float,
    method: str,
) -> str:
    parts = []
    for r in requirements:
        if r.fraction is None:
            parts.append(f"{r.requirement_id} n/a")
            continue
        weight = "" if r.weight == 1 else f" weight {r.weight:g}"
        parts.append(f"{r.requirement_id} {r.fraction:.2f}{weight} ({r.status})")
    return (
        f"area {area.id} {area.name}: {method} of [{', '.join(parts)}] = "
        f"{fraction:.4f} * {area.points:g} = {area.points * fraction:.2f} points"
    )


def _warning(
    status: RequirementStatus, rid: str, rating: Rating | None, scale: Scale
) -> ScoreWarning:
    threshold = f"{scale.evidence_from:g}" if scale.evidence_from is not None else ""
    messages = {
        "unrated": "not rated; counts as 0",
        "not-applicable": "not applicable, left out of its area: "
        + ((rating.justification or "") if rating else ""),
        "missing-evidence": f"rated {threshold} or higher without valid evidence",
        "capped": f"rated {threshold} or higher without valid evidence; capped "
        "by the strict evidence policy",
    }
    return ScoreWarning(code=status, requirement_id=rid, message=messages[status])


def _unmet(card: ScoreCard, level: RecognitionLevel) -> list[Gap]:
    gaps: list[Gap] = []
    parameters = dict(card.parameters)
    for condition in level.conditions:
        gaps.extend(_condition_gaps(card, level.name, condition, parameters))
    return gaps


def _condition_gaps(
    card: ScoreCard, level: str, condition: Condition, parameters: dict[str, float]
) -> list[Gap]:
    scope = condition.scope
    fraction_needed = condition.min_fraction
    if condition.min_fraction_parameter is not None:
        fraction_needed = parameters[condition.min_fraction_parameter]
    measured: list[tuple[str | None, float, float]] = []  # (area, points, max)
    areas = card.standard.areas
    if scope.startswith("each-"):
        kinds = {"each-area": ("organisation", "result")}.get(
            scope, (scope.removeprefix("each-").removesuffix("-area"),)
        )
        measured = [
            (area.id, area.points * fraction, area.points)
            for area, fraction in zip(areas, card.area_fractions, strict=True)
            if area.kind in kinds
        ]
    else:
        points = {"organisation": card.organisation, "result": card.result}.get(
            scope, card.total
        )
        maximum = math.fsum(a.points for a in areas if scope in ("total", a.kind))
        measured = [(None, points, maximum)]
    gaps = []
    for area_id, points, maximum in measured:
        if condition.min_points is not None:
            unit: Literal["points", "fraction"] = "points"
            required, actual = condition.min_points, points
        else:
            unit = "fraction"
            required = fraction_needed or 0.0
            actual = points / maximum if maximum else 1.0
        if actual + _EPSILON < required:
            gaps.append(
                Gap(
                    level=level,
                    scope=scope,
                    area_id=area_id,
                    unit=unit,
                    required=required,
                    actual=actual,
                    shortfall=required - actual,
                )
            )
    return gaps


@attrs.frozen
class _Plan:
    """
    What scoring needs from a Standard and a scale, computed once.
    """

    areas: tuple[tuple[float, bool, tuple[tuple[str, float, Requirement], ...]], ...]
    minimum: float
    span: float
    evidence_fraction: float
    capped_fraction: float


def _plan(standard: Standard, scale: Scale) -> _Plan:
    return _PLANS.get(standard, scale.id)


def _make_plan(standard: Standard, scale_id: str) -> _Plan:
    scale = standard.scale(scale_id)
    span = scale.maximum - scale.minimum
    if scale.evidence_from is None:
        evidence_fraction = math.inf
        capped_fraction = 1.0
    else:
        evidence_fraction = (scale.evidence_from - scale.minimum) / span
        below = [v for v in scale.values if v < scale.evidence_from]
        capped_fraction = (max(below) - scale.minimum) / span if below else 0.0
    return _Plan(
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
        evidence_fraction=evidence_fraction - _EPSILON,
        capped_fraction=capped_fraction,
    )


_PLANS: PerStandard[str, _Plan] = PerStandard("scoring plan", _make_plan)


def score(
    standard: Standard,
    assessment: Assessment,
    *,
    method: str = "weighted-mean",
    scheme: str | None = None,
    parameters: Mapping[str, float] | None = None,
    evidence_policy: EvidencePolicy = "warn",
    check: bool = True,
) -> ScoreCard:
    """
    Score *assessment* against *standard*.

    Args:
        standard: The edition (possibly extended) the assessment is for.
        assessment: The ratings.
        method: A registered scoring method (see :func:`scoring_methods`).
        scheme: A recognition scheme id (default: the edition's).
        parameters: Values for the scheme's parameters (for example
            ``{"threshold": 0.75}`` for ``conformiteit``).
        evidence_policy: ``warn`` or ``strict``.
        check: Check the assessment against the standard first (turn off
            only for assessments already checked).

    Raises:
        ValidationError: The assessment does not fit the standard.
        ScoringError: Unknown method or parameter, or a method result out
            of range.
        UnknownItemError: Unknown scheme.

    >>> import datetime, goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> a = go.Assessment(edition="gos-2012", organisation="Voorbeeld",
    ...     date=datetime.date(2026, 10, 1),
    ...     ratings={r.id: go.Rating(value=2) for r in std.requirements})
    >>> card = go.score(std, a)
    >>> card.total, card.level.name
    (50.0, 'Gecommitteerd')
    """
    if check:
        check_assessment(assessment, standard)
    function = _METHODS.get(method)
    if function is None:
        raise UnknownItemError(method, scoring_methods(), kind="scoring method")
    if evidence_policy not in ("warn", "strict"):
        raise ScoringError(
            f"unknown evidence policy {evidence_policy!r} (expected 'warn' or 'strict')"
        )
    key: _SetupKey = (
        function,
        method,
        scheme,
        assessment.scale,
        evidence_policy == "strict",
        tuple(sorted(parameters.items())) if parameters else (),
    )
    # An unhashable parameter value is not stored: _setup reports it.
    setup = _SETUPS.get(standard, key)
    organisation, result, area_fractions = _totals(
        setup.plan, assessment, setup.context
    )
    return ScoreCard(
        standard=standard,
        assessment=assessment,
        method=method,
        scale=setup.context.scale,
        scheme=setup.scheme,
        parameters=setup.parameters,
        evidence_policy=evidence_policy,
        organisation=organisation,
        result=result,
        total=organisation + result,
        area_fractions=area_fractions,
        function=function,
    )


@attrs.frozen
class _Setup:
    """
    What scoring with one set of options needs, resolved once per Standard.
    """

    plan: _Plan
    context: _Context
    scheme: RecognitionScheme
    parameters: tuple[tuple[str, float], ...]


def _setup(
    standard: Standard,
    function: ScoringMethod,
    *,
    scale_id: str | None,
    method: str,
    scheme: str | None,
    parameters: Mapping[str, float] | None,
    strict: bool,
) -> _Setup:
    chosen = standard.recognition_scheme(scheme)
    scale = standard.scale(scale_id)
    plan = _plan(standard, scale)
    return _Setup(
        plan=plan,
        context=_Context(
            function=function,
            scale=scale,
            method=method,
            strict=strict,
            evidence_fraction=plan.evidence_fraction,
            capped_fraction=plan.capped_fraction,
        ),
        scheme=chosen,
        parameters=_parameters(chosen, parameters or {}),
    )


_SetupKey: TypeAlias = tuple[
    ScoringMethod, str, str | None, str | None, bool, tuple[tuple[str, float], ...]
]
"""The function, method, scheme, scale id, strictness and parameters."""


def _make_setup(standard: Standard, key: _SetupKey) -> _Setup:
    function, method, scheme, scale_id, strict, parameters = key
    return _setup(
        standard,
        function,
        scale_id=scale_id,
        method=method,
        scheme=scheme,
        parameters=dict(parameters),
        strict=strict,
    )


_SETUPS: PerStandard[_SetupKey, _Setup] = PerStandard("scoring setup", _make_setup)


@attrs.frozen
class _Context:
    """
    What rating one requirement needs besides the requirement and rating.
    """

    function: ScoringMethod
    scale: Scale
    method: str
    strict: bool
    evidence_fraction: float
    capped_fraction: float

    @classmethod
    def of(cls, card: ScoreCard) -> _Context:
        plan = _plan(card.standard, card.scale)
        return cls(
            function=card.function,
            scale=card.scale,
            method=card.method,
            strict=card.evidence_policy == "strict",
            evidence_fraction=plan.evidence_fraction,
            capped_fraction=plan.capped_fraction,
        )


def _outcome(
    requirement: Requirement,
    rating: Rating | None,
    context: _Context,
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


def _totals(
    plan: _Plan, assessment: Assessment, context: _Context
) -> tuple[float, float, tuple[float, ...]]:
    """
    Organisation and result points and the area fractions: the hot loop.

    For weighted-mean without the strict policy the fraction is computed
    inline (evidence does not change the numbers then); otherwise each
    requirement goes through :func:`_outcome`, the rule itself. A test
    checks that both paths agree.
    """
    ratings = assessment.ratings
    lookup = ratings.raw if isinstance(ratings, Ratings) else ratings
    inline = context.function is _weighted_mean and not context.strict
    minimum, span = plan.minimum, plan.span
    area_fractions: list[float] = []
    organisation = result = 0.0
    for points, is_organisation, requirements in plan.areas:
        earned = weights = 0.0
        for rid, weight, requirement in requirements:
            rating = lookup.get(rid)
            if rating is None:
                weights += weight
                continue
            value = rating.value
            if inline and value is not None:
                fraction: float | None = (value - minimum) / span
            else:
                fraction = _outcome(requirement, rating, context, assessment.date)[0]
                if fraction is None:
                    continue
            earned += weight * fraction  # type: ignore[operator]
            weights += weight
        area_fraction = earned / weights if weights else 0.0
        area_fractions.append(area_fraction)
        if is_organisation:
            organisation += points * area_fraction
        else:
            result += points * area_fraction
    return organisation, result, tuple(area_fractions)


def _checked(fraction: float, method: str, rid: str) -> float:
    if not 0 <= fraction <= 1:
        raise ScoringError(
            f"scoring method {method!r} gave {fraction!r} for requirement {rid} "
            "(expected a fraction from 0 to 1)"
        )
    return fraction


def _parameters(
    scheme: RecognitionScheme, given: Mapping[str, float]
) -> tuple[tuple[str, float], ...]:
    if not given:
        return tuple((p.name, p.default) for p in scheme.parameters)
    known = {p.name: p.default for p in scheme.parameters}
    for name, value in given.items():
        if name not in known:
            expected = sorted(known) or "none"
            raise ScoringError(
                f"unknown parameter {name!r} for scheme {scheme.id} "
                f"(expected {expected})"
            )
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ScoringError(f"parameter {name!r} must be a number (got {value!r})")
        if not 0 <= value <= 1:
            raise ScoringError(
                f"parameter {name!r} must be a fraction from 0 to 1 (got {value!r})"
            )
        known[name] = float(value)
    return tuple(known.items())


def what_if(
    standard: Standard,
    assessment: Assessment,
    changes: Mapping[str, float | Rating | None],
    **options: Any,
) -> ScoreCard:
    """
    Score *assessment* with some ratings changed.

    A number changes the value and keeps the rating's evidence and note;
    a :class:`~goudenoor.assessment.Rating` replaces the rating; ``None``
    removes it (unrated). *options* are passed to :func:`score`.

    >>> import datetime, goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> a = go.Assessment(edition="gos-2012", organisation="Voorbeeld",
    ...     date=datetime.date(2026, 10, 1))
    >>> round(go.what_if(std, a, {"2.1": 4}).total, 2)
    5.0
    """
    replaced: dict[str, Rating | None] = {}
    for requirement_id, change in changes.items():
        if change is None or isinstance(change, Rating):
            replaced[requirement_id] = change
            continue
        current = assessment.ratings.get(requirement_id)
        if current is None:
            replaced[requirement_id] = Rating(value=change)
        else:
            replaced[requirement_id] = attrs.evolve(
                current, value=change, not_applicable=False, justification=None
            )
    return score(standard, assessment.with_ratings(replaced), **options)
