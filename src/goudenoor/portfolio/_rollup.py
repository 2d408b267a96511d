"""
The units of one organisation as one picture: the score cards of its
sites, teams or departments (each audited on its own, with its own
``Assessment.unit``) rolled up area by area.

Two rules:

``weighted-mean`` (default)
    An area's points are the weighted mean of the units' points on it;
    the weights are per unit (a headcount, say), equal by default.
``min``
    An area's points are the lowest of the units' points on it: the
    organisation is as strong as its weakest unit, area by area. The
    rule takes no weights.

The organisation and result points are the sums of the rolled-up area
points of their kind, and the total is their sum. The recognition level
is the one a score card with the rolled-up area points reaches: the
scheme's conditions (with the units' shared scheme and parameters) are
evaluated on the rolled-up area fractions and points, exactly as
:attr:`goudenoor.audit.ScoreCard.level` evaluates them for one audit.
Under ``min`` the level can therefore be lower than every unit's own
level: each area is taken from its own weakest unit.

All cards must share the organisation, edition, extensions, scale,
scoring method, recognition scheme, its parameters and the evidence
policy; each card's assessment needs a ``unit``, and no unit may appear
twice.

:func:`goudenoor.rollup` takes assessments, loads their edition and
scores them first. (The module is not called ``rollup``: a submodule of
that name would, once imported, hide the facade's function of the same
name.)
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, get_args

import attrs

from goudenoor._checks import typed_fields
from goudenoor._data import Key, Many, Object, shape, to_data
from goudenoor._text import text_lines
from goudenoor.audit import POINT_KEYS, Gap, ScoreCard, format_points
from goudenoor.exceptions import RollupError
from goudenoor.standard import MAX_NUMBER, RecognitionLevel


__all__ = [
    "ROLLUP_FORMAT",
    "AreaRollup",
    "Rollup",
    "RollupError",
    "RollupRule",
    "rollup",
]


def __dir__() -> list[str]:
    return __all__


ROLLUP_FORMAT = "rollup/1"
"""The format marker of :meth:`Rollup.as_dict`."""

RollupRule = Literal["weighted-mean", "min"]
"""How the units' area points are combined."""

_RULES: tuple[str, ...] = get_args(RollupRule)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaRollup:
    """
    One area over the units.

    Attributes:
        area_id: The area.
        name: Its name.
        kind: organisation or result.
        points: The rolled-up points (weighted mean, or the lowest under
            the ``min`` rule).
        max_points: The area's points in the standard.
        fraction: ``points / max_points`` (the rolled-up fraction).
        min: The lowest of the units' points.
        max: The highest of the units' points.
        weakest_unit: The unit with the lowest points (the first in the
            order given on a tie).
        by_unit: Each unit's points, in the order given.
    """

    area_id: str
    name: str
    kind: str
    points: float
    max_points: float
    fraction: float
    min: float
    max: float
    weakest_unit: str
    by_unit: tuple[tuple[str, float], ...]


@attrs.frozen(kw_only=True, repr=False, field_transformer=typed_fields)
class Rollup:
    """
    The result of :func:`rollup`.

    Attributes:
        organisation: The organisation.
        edition: The edition's id.
        rule: ``weighted-mean`` or ``min``.
        units: The unit names, in the order given.
        weights: Each unit's weight, in the order given (all 1 by default;
            empty under ``min``).
        cards: The units' score cards, in the order given.
        areas: Area id to :class:`AreaRollup`, in area order.
        organisation_points: Rolled-up points on the organisation areas.
        result_points: Rolled-up points on the result areas.
        total: ``organisation_points + result_points``.
    """

    organisation: str
    edition: str
    rule: RollupRule
    units: tuple[str, ...]
    weights: tuple[tuple[str, float], ...]
    cards: tuple[ScoreCard, ...] = attrs.field(eq=False)
    areas: Mapping[str, AreaRollup] = attrs.field(eq=False)
    organisation_points: float
    result_points: float
    total: float

    @property
    def card(self) -> ScoreCard:
        """
        A score card with the rolled-up area points and totals (the first
        unit's card otherwise): what the level and the gaps are read from.
        """
        first = self.cards[0]
        return attrs.evolve(
            first,
            area_fractions=tuple(area.fraction for area in self.areas.values()),
            organisation_points=self.organisation_points,
            result_points=self.result_points,
            total=self.total,
        )

    @property
    def level(self) -> RecognitionLevel | None:
        """
        The recognition level the rolled-up points reach, or ``None``.
        """
        return self.card.level

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """
        The unmet conditions of the next level, on the rolled-up points.
        """
        return self.card.gaps

    def __repr__(self) -> str:
        level = self.level
        return (
            f"<Rollup {self.edition} {self.organisation!r}, {len(self.units)} "
            f"units ({self.rule}): {format_points(self.total)} points, "
            f"{('level ' + level.name) if level else 'no level'}>"
        )

    def as_dict(self) -> dict[str, Any]:
        """
        The roll-up as plain data (for JSON), marked
        ``"goudenoor": "rollup/1"``.
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The roll-up as plain text: one line per area, then the totals and
        the level; without control characters.
        """
        level = self.level
        lines = [
            (
                f"{self.organisation}: roll-up of {len(self.units)} units "
                f"({', '.join(self.units)}) on {self.edition}, rule {self.rule}"
            ),
        ]
        if self.weights and len({w for _, w in self.weights}) > 1:
            lines.append("weights: " + ", ".join(f"{u} {w:g}" for u, w in self.weights))
        lines.append(
            f"{'area':<30} {'points':>7} {'min':>7} {'max':>7} {'max pts':>7}  "
            "weakest unit"
        )
        for area in self.areas.values():
            label = f"{area.area_id:>2} {area.name}"
            lines.append(
                f"{label:<30} {area.points:7.2f} {area.min:7.2f} {area.max:7.2f} "
                f"{area.max_points:7.2f}  {area.weakest_unit}"
            )
        lines += [
            f"{'organisation':<30} {self.organisation_points:7.2f}",
            f"{'result':<30} {self.result_points:7.2f}",
            f"{'total':<30} {self.total:7.2f}",
            f"level: {level.name if level else 'none'}",
        ]
        return text_lines(lines)


def _level_name(level: RecognitionLevel | None) -> str | None:
    return level.name if level else None


shape(
    AreaRollup,
    *(f.name for f in attrs.fields(AreaRollup) if f.name != "by_unit"),
    Key(
        "by_unit",
        Mapping[str, float],
        "Each unit's points on the area (unit to points).",
        get=lambda area: dict(area.by_unit),
    ),
)
_UNIT = Object(
    "One unit's own audit.",
    (
        Key("unit", str, "The unit's name.", get=lambda u: u[1].assessment.unit),
        Key(
            "date",
            datetime.date,
            "Its audit's date (ISO 8601).",
            get=lambda u: u[1].assessment.date,
        ),
        Key(
            "weight",
            float | None,
            "Its weight in the weighted mean; null under the min rule.",
            get=lambda u: u[2],
        ),
        Key("total", float, "Its own total points.", get=lambda u: u[1].total),
        Key(
            "level",
            str | None,
            "Its own recognition level, or null.",
            get=lambda u: _level_name(u[1].level),
        ),
    ),
)
shape(
    Rollup,
    "organisation",
    "edition",
    "rule",
    Key(
        "units",
        Many(_UNIT),
        "Each unit, in the order given.",
        get=lambda r: [
            (unit, card, dict(r.weights).get(unit))
            for unit, card in zip(r.units, r.cards, strict=True)
        ],
    ),
    Key(
        "points",
        Object(
            "The rolled-up points.",
            POINT_KEYS,
        ),
        get=lambda r: r,
    ),
    Key(
        "level",
        str | None,
        "The recognition level of the rolled-up points, or null.",
        get=lambda r: _level_name(r.level),
    ),
    Key(
        "gaps",
        tuple[Gap, ...],
        "The unmet conditions of the next level, on the rolled-up points.",
    ),
    Key(
        "areas",
        tuple[AreaRollup, ...],
        "Each area over the units, in area order.",
        get=lambda r: tuple(r.areas.values()),
    ),
    marker=ROLLUP_FORMAT,
)


def rollup(
    cards: Iterable[ScoreCard],
    *,
    weights: Mapping[str, float] | None = None,
    rule: str = "weighted-mean",
) -> Rollup:
    """
    Roll up the score cards of the units of one organisation.

    Args:
        cards: One score card per unit, each of an assessment with a
            distinct ``unit``.
        weights: Unit name to a positive weight, for every unit (default:
            equal weights). Only with the ``weighted-mean`` rule.
        rule: ``weighted-mean`` or ``min`` (see the module's text).

    Raises:
        RollupError: No cards, an assessment without a unit, a unit given
            twice, a field that differs (naming it and the units), a
            weight missing, for an unknown unit or not positive, weights
            with the ``min`` rule, or an unknown rule.

    >>> import datetime, goudenoor as go
    >>> from goudenoor.portfolio import rollup
    >>> std = go.load_standard("gos-2012")
    >>> def unit(name, value):
    ...     return go.score(std, go.Assessment(edition="gos-2012",
    ...         organisation="Zorggroep", unit=name, date=datetime.date(2026, 5, 1),
    ...         ratings={r.id: go.Rating(value=value) for r in std.requirements}))
    >>> both = rollup([unit("Noord", 4), unit("Zuid", 2)],
    ...     weights={"Noord": 3, "Zuid": 1})
    >>> both.total, both.areas["1"].points, both.areas["1"].weakest_unit
    (87.5, 8.75, 'Zuid')
    """
    if rule not in _RULES:
        raise RollupError(
            f"unknown roll-up rule {rule!r} (expected one of: {', '.join(_RULES)})"
        )
    chosen: RollupRule = "min" if rule == "min" else "weighted-mean"
    given = tuple(cards)
    if not given:
        raise RollupError("a roll-up needs at least one score card")
    units = _units(given)
    _check_shared(given, units)
    weighted = _weights(units, weights, chosen)
    factors = _normalised([w for _, w in weighted])
    standard = given[0].standard
    areas: dict[str, AreaRollup] = {}
    for area in standard.areas:
        results = [card.areas[area.id] for card in given]
        points = [r.points for r in results]
        fractions = [r.fraction for r in results]
        weakest = min(range(len(given)), key=lambda i: (points[i], i))
        if chosen == "min":
            rolled, fraction = points[weakest], fractions[weakest]
        else:
            # Each factor is at most 1 and their sum at most the number of
            # units, so neither the products nor the sums can overflow.
            whole = math.fsum(factors)
            rolled = math.fsum(w * p for w, p in zip(factors, points, strict=True))
            fraction = math.fsum(w * f for w, f in zip(factors, fractions, strict=True))
            rolled, fraction = rolled / whole, fraction / whole
        areas[area.id] = AreaRollup(
            area_id=area.id,
            name=area.name,
            kind=area.kind,
            points=rolled,
            max_points=area.points,
            fraction=fraction,
            min=points[weakest],
            max=max(points),
            weakest_unit=units[weakest],
            by_unit=tuple(zip(units, points, strict=True)),
        )
    organisation = math.fsum(
        a.points for a in areas.values() if a.kind == "organisation"
    )
    result = math.fsum(a.points for a in areas.values() if a.kind == "result")
    return Rollup(
        organisation=given[0].assessment.organisation,
        edition=standard.id,
        rule=chosen,
        units=units,
        weights=weighted,
        cards=given,
        areas=areas,
        organisation_points=organisation,
        result_points=result,
        total=organisation + result,
    )


def _where(card: ScoreCard, number: int) -> str:
    return card.assessment.source or f"assessment {number}"


def _units(cards: tuple[ScoreCard, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for number, card in enumerate(cards, start=1):
        unit = card.assessment.unit
        where = _where(card, number)
        if unit is None:
            raise RollupError(f"each assessment needs a unit: {where} has none")
        if unit in seen:
            raise RollupError(
                f"unit {unit!r} is given twice, in {seen[unit]} and {where}; each "
                "unit appears once in a roll-up"
            )
        seen[unit] = where
    return tuple(seen)


def _check_shared(cards: tuple[ScoreCard, ...], units: tuple[str, ...]) -> None:
    fields: tuple[tuple[str, Callable[[ScoreCard], object]], ...] = (
        ("organisation", lambda c: c.assessment.organisation),
        ("edition", lambda c: c.standard.id),
        ("extensions", lambda c: list(c.standard.extensions)),
        ("scale", lambda c: c.scale.id),
        ("method", lambda c: c.method),
        ("scheme", lambda c: c.scheme.id),
        ("parameters", lambda c: dict(c.parameters)),
        ("evidence policy", lambda c: c.evidence_policy),
    )
    for field, value_of in fields:
        seen: dict[str, list[str]] = {}
        for unit, card in zip(units, cards, strict=True):
            seen.setdefault(repr(value_of(card)), []).append(repr(unit))
        if len(seen) > 1:
            found = "; ".join(
                f"{value} in {', '.join(where)}" for value, where in seen.items()
            )
            raise RollupError(
                f"the units differ in {field}: {found}; a roll-up needs one "
                f"{field} for all"
            )


def _weights(
    units: tuple[str, ...], weights: Mapping[str, float] | None, rule: RollupRule
) -> tuple[tuple[str, float], ...]:
    if weights is None:
        return () if rule == "min" else tuple((unit, 1.0) for unit in units)
    if rule == "min":
        raise RollupError("the min rule takes no weights: it uses the weakest unit")
    given: Mapping[str, object] = weights  # checked: callers pass anything
    for unit, weight in given.items():
        if unit not in units:
            raise RollupError(
                f"a weight is given for unknown unit {unit!r} (the units are: "
                f"{', '.join(map(repr, units))})"
            )
        if (
            isinstance(weight, bool)
            or not isinstance(weight, (int, float))
            or not math.isfinite(weight)
            or not 0 < weight <= MAX_NUMBER
        ):
            raise RollupError(
                f"the weight of unit {unit!r} must be a positive number of at "
                f"most {MAX_NUMBER:,} (got {weight!r})"
            )
    for unit in units:
        if unit not in weights:
            raise RollupError(
                f"no weight for unit {unit!r}: give a weight for every unit or for none"
            )
    return tuple((unit, float(weights[unit])) for unit in units)


def _normalised(weights: list[float]) -> list[float]:
    """
    *weights* divided by the largest: each in (0, 1], the largest exactly 1.

    Dividing before summing keeps every step finite (the products with
    points and their sum cannot overflow) and keeps the ratios of tiny
    weights (``5e-324`` each gives 1 each, where multiplying first would
    round every product to 0).
    """
    if not weights:
        return []
    largest = max(weights)
    return [weight / largest for weight in weights]
