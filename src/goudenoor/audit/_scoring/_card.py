"""
The score card: the results per requirement and area, warnings, gaps to
the next recognition level and improvements.
"""

from __future__ import annotations

import datetime
import io
import math
import textwrap
from collections.abc import Mapping
from functools import cached_property
from operator import attrgetter
from typing import Any, Literal, TextIO

import attrs

from goudenoor._checks import typed_fields
from goudenoor._data import Key, Object, shape, to_data
from goudenoor._text import plain_line
from goudenoor.audit._assessment import Assessment, Rating
from goudenoor.audit._scoring._methods import (
    EPSILON,
    EvidencePolicy,
    RequirementStatus,
    ScoringMethod,
)
from goudenoor.audit._scoring._rating import ScoringContext, plan_for, rating_outcome
from goudenoor.problems import excerpt
from goudenoor.standard import (
    Area,
    Condition,
    RecognitionLevel,
    RecognitionScheme,
    Requirement,
    Scale,
    Standard,
)


__all__ = [
    "POINT_KEYS",
    "SCORECARD_FORMAT",
    "format_points",
    "AreaResult",
    "Gap",
    "Improvement",
    "RequirementResult",
    "ScoreCard",
    "ScoreWarning",
    "NOT_APPLICABLE",
    "format_rating",
]


def __dir__() -> list[str]:
    return __all__


SCORECARD_FORMAT = "scorecard/1"
"""The format marker of :meth:`ScoreCard.as_dict`."""

NOT_APPLICABLE = "n/a"
"""How English text shows a requirement that does not apply."""


def format_points(value: float | None) -> str:
    """
    Points in English text: two decimals, ``-`` where there are none.

    >>> format_points(12.5), format_points(None)
    ('12.50', '-')
    """
    return "-" if value is None else f"{value:.2f}"


def format_rating(value: float | None, status: str | None) -> str:
    """
    A rating in English text: its value, ``n/a``, ``unrated``, or ``-``
    for a requirement the card does not have (no status).

    >>> format_rating(3.0, "rated"), format_rating(None, "not-applicable")
    ('3', 'n/a')
    >>> format_rating(None, "unrated"), format_rating(None, None)
    ('unrated', '-')
    """
    if status is None:
        return "-"
    if status == "not-applicable":
        return NOT_APPLICABLE
    return "unrated" if value is None else f"{value:g}"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


# Not type-checked field by field as the other public classes are: score()
# and what_if() build one on every score from parts they checked, and the
# checks cost a third of a score (the scoring benchmark's 2x target).
@attrs.frozen(kw_only=True, repr=False)
class ScoreCard:
    """
    The result of :func:`score`.

    Built by :func:`score` and :func:`what_if` from arguments they
    checked; unlike the other public classes, its constructor does not
    check the type of each field again (it is built on every score).

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
        organisation_points: Points on the organisation areas (the
            organisation's name is ``assessment.organisation``).
        result_points: Points on the result areas.
        total: ``organisation_points + result_points``.
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
    organisation_points: float
    result_points: float
    total: float
    area_fractions: tuple[float, ...] = attrs.field(repr=False)
    function: ScoringMethod = attrs.field(repr=False, eq=False)

    def _outcomes(self) -> list[tuple[Requirement, float | None, RequirementStatus]]:
        # The per-requirement pass; score() computes only the totals.
        context = _context_of(self)
        ratings = self.assessment.ratings
        date = self.assessment.date
        return [
            (
                requirement,
                *rating_outcome(
                    requirement, ratings.get(requirement.id), context, date
                ),
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

    def __repr__(self) -> str:
        # Compact: the edition, organisation, date, total and level (the
        # card holds the whole standard and assessment).
        level = self.level
        reached = f"level {excerpt(level.name)}" if level else "no level"
        return (
            f"<ScoreCard {self.standard.id} {excerpt(self.assessment.organisation)} "
            f"{self.assessment.date.isoformat()}: {format_points(self.total)} of "
            f"{format_points(self.standard.max_points)} points, {reached}>"
        )

    def as_dict(self) -> dict[str, Any]:
        """
        The whole card as plain data (for JSON), marked
        ``"goudenoor": "scorecard/1"``.
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The card as English plain text, as the ``score`` command prints
        it: points per area, level, gaps, warnings, the ratings to review
        and the best improvements. Every text from a user or an extension
        is one line without control characters.
        """
        out = io.StringIO()
        _write_card(self, out)
        return out.getvalue()


def _level_name(level: RecognitionLevel | None) -> str | None:
    return level.name if level else None


POINT_KEYS: tuple[Key, ...] = (
    Key(
        "organisation",
        float,
        "Points on the organisation areas.",
        get=attrgetter("organisation_points"),
    ),
    Key(
        "result",
        float,
        "Points on the result areas.",
        get=attrgetter("result_points"),
    ),
    Key("total", float, "Organisation plus result points."),
)
"""The keys of the points an output shows: organisation, result and total."""

POINTS = Object("The points earned.", POINT_KEYS)

CARD_HEADER = (
    Key(
        "organisation",
        str,
        "The audited organisation's name.",
        get=lambda card: card.assessment.organisation,
    ),
    Key(
        "edition",
        str,
        "The edition scored against, for example gos-2012.",
        get=lambda card: card.standard.id,
    ),
    Key(
        "date",
        datetime.date,
        "The audit's date (ISO 8601).",
        get=lambda card: card.assessment.date,
    ),
    Key("method", str, "The scoring method's name."),
    Key(
        "scale",
        str,
        "The id of the scale the ratings are on.",
        get=lambda card: card.scale.id,
    ),
    Key(
        "scheme",
        str,
        "The id of the recognition scheme.",
        get=lambda card: card.scheme.id,
    ),
)
"""The keys that say which audit a card is of, in its data and in a summary."""

shape(
    AreaResult,
    *(f.name for f in attrs.fields(AreaResult) if f.name != "requirements"),
    "requirements",
)
shape(
    ScoreCard,
    CARD_HEADER[0],
    Key(
        "unit",
        str | None,
        "The unit audited (a site, team or department), or null.",
        get=lambda card: card.assessment.unit,
    ),
    *CARD_HEADER[1:],
    Key(
        "parameters",
        Mapping[str, float],
        "The recognition scheme's parameters as used (name to value).",
        get=lambda card: dict(card.parameters),
    ),
    "evidence_policy",
    Key("points", POINTS, get=lambda card: card),
    Key(
        "level",
        str | None,
        "The recognition level reached, or null.",
        get=lambda card: _level_name(card.level),
    ),
    Key(
        "next_level",
        str | None,
        "The next level up, or null at the top.",
        get=lambda card: _level_name(card.next_level),
    ),
    Key("gaps", tuple[Gap, ...], "The unmet conditions of the next level."),
    Key(
        "areas",
        tuple[AreaResult, ...],
        "Each area's score, in the standard's order.",
        get=lambda card: tuple(card.areas.values()),
    ),
    Key(
        "warnings",
        tuple[ScoreWarning, ...],
        "What the score rests on that a reader should know.",
    ),
    Key(
        "improvements",
        tuple[Improvement, ...],
        "The requirements whose full rating gains most, best first (in a "
        "report: the first --top).",
        get=lambda card: card.improvements(),
    ),
    marker=SCORECARD_FORMAT,
    doc="The score card of one audit.",
)


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
            parts.append(f"{r.requirement_id} {NOT_APPLICABLE}")
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
        points = {
            "organisation": card.organisation_points,
            "result": card.result_points,
        }.get(scope, card.total)
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
        if actual + EPSILON < required:
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


def _context_of(card: ScoreCard) -> ScoringContext:
    plan = plan_for(card.standard, card.scale)
    return ScoringContext(
        function=card.function,
        scale=card.scale,
        method=card.method,
        strict=card.evidence_policy == "strict",
        evidence_fraction=plan.evidence_fraction,
        capped_fraction=plan.capped_fraction,
    )


def _write_card(card: ScoreCard, out: TextIO) -> None:
    # Every text from a user or an extension goes through _t: one line,
    # no control characters (an ESC sequence would drive the terminal).
    _t = plain_line
    a = card.assessment
    unit = f" ({_t(a.unit)})" if a.unit is not None else ""
    out.write(
        f"{_t(a.organisation)}{unit}: {_t(card.standard.title)} "
        f"({_t(card.standard.id)}), "
        f"audit of {a.date.isoformat()}\n"
        f"scale {_t(card.scale.id)}, method {_t(card.method)}, "
        f"scheme {_t(card.scheme.id)}, evidence policy {card.evidence_policy}\n\n"
    )
    out.write(f"{'area':<36} {'points':>7} {'max':>7} {'share':>6}\n")
    for area in card.areas.values():
        label = f"{_t(area.area_id):>2} {_t(area.name)}"
        out.write(
            f"{label:<36} {area.points:7.2f} {area.max_points:7.2f} "
            f"{area.fraction:6.0%}\n"
        )
    maxima = {
        kind: sum(x.max_points for x in card.areas.values() if x.kind == kind)
        for kind in ("organisation", "result")
    }
    out.write(
        f"{'organisation':<36} {card.organisation_points:7.2f} "
        f"{maxima['organisation']:7.2f}\n"
        f"{'result':<36} {card.result_points:7.2f} {maxima['result']:7.2f}\n"
        f"{'total':<36} {card.total:7.2f} "
        f"{maxima['organisation'] + maxima['result']:7.2f}\n\n"
    )
    level = card.level
    out.write(f"level: {_t(level.name) if level else 'none'}\n")
    if card.next_level is not None:
        out.write(f"next level: {_t(card.next_level.name)}\n")
        out.writelines(f"  - {_t(str(gap))}\n" for gap in card.gaps)
    if card.warnings:
        out.write(f"\nwarnings ({len(card.warnings)}):\n")
        out.writelines(
            f"  {_t(warning.requirement_id):<6} {warning.code}: {_t(warning.message)}\n"
            for warning in card.warnings
        )
    marked = [
        (rid, rating.review.reason)
        for rid, rating in a.ratings.items()
        if rating.review is not None and rating.needs_review
    ]
    if marked:
        # Set by a migration; the file keeps the list until each is decided.
        out.write(f"\nto review ({len(marked)}):\n")
        out.writelines(f"  {_t(rid):<6} {_t(reason)}\n" for rid, reason in marked)
    improvements = card.improvements(3)
    if improvements:
        out.write("\nbest improvements:\n")
        for item in improvements:
            text = textwrap.shorten(_t(item.text), width=60, placeholder=" ...")
            out.write(
                f"  {_t(item.requirement_id):<6} +{item.points_gained:5.2f}  {text}\n"
            )
