"""
Calibration over a portfolio: how far self-assessments sit from the
audits that follow them, per area, over every organisation that has both.

The pairing rule, per organisation and unit:

1. the self-assessment is the latest assessment of kind ``self`` (of two
   on one date, the one given last);
2. it is paired with the first assessment of kind ``audit`` dated on or
   after it that was made against the same standard (the same edition and
   extensions, by content): the audit the self-assessment prepared for. A
   later audit already reflects what the organisation changed after the
   first one's findings, so it says less about how well the organisation
   judged itself. Reviews (kind ``review``) are not audits and are not
   paired.

An organisation or unit without such a pair is listed in
:attr:`PortfolioCalibration.unpaired` with the reason, never dropped
silently.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import attrs

from goudenoor._checks import typed_fields
from goudenoor.audit import Assessment, Audit, Calibration, calibrate
from goudenoor.standard import Standard


__all__ = [
    "AreaBias",
    "PortfolioCalibration",
    "UnpairedReason",
    "UnpairedUnit",
    "calibrate_portfolio",
]


def __dir__() -> list[str]:
    return __all__


UnpairedReason = Literal["no-self-assessment", "no-audit"]
"""Why an organisation or unit has no pair: it has no self-assessment, or
no audit on or after its latest self-assessment against the same standard."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class UnpairedUnit:
    """
    An organisation (or one of its units) without a self-assessment and an
    audit to pair.

    Attributes:
        organisation: The organisation.
        unit: The unit, or ``None``.
        reason: Why: see :data:`UnpairedReason`.
    """

    organisation: str
    unit: str | None
    reason: UnpairedReason


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaBias:
    """
    The bias in one area over the pairs.

    Attributes:
        area_id: The area.
        pairs: The pairs that compared at least one requirement of it.
        mean_steps: The mean over those pairs of each pair's mean
            difference (self minus auditor) in scale steps, each pair
            counting once; ``None`` when no pair compared any.
        mean_points: The mean over every pair with the area of its
            difference in points (self minus audit).
    """

    area_id: str
    pairs: int
    mean_steps: float | None
    mean_points: float


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PortfolioCalibration:
    """
    The result of :meth:`Portfolio.calibration
    <goudenoor.portfolio.Portfolio.calibration>`.

    Attributes:
        pairs: One calibration per organisation and unit with a pair,
            sorted by organisation, then unit (none first).
        areas: The bias per area id over the pairs, in the order the
            areas are first met. Pairs of different editions count
            together in the areas they share by id.
        unpaired: The organisations and units without a pair, sorted
            the same way.
    """

    pairs: tuple[Calibration, ...]
    areas: Mapping[str, AreaBias] = attrs.field(hash=False)
    unpaired: tuple[UnpairedUnit, ...]

    @property
    def bias(self) -> Mapping[str, float | None]:
        """
        Area id to its mean difference in scale steps over the pairs.
        """
        return {area_id: area.mean_steps for area_id, area in self.areas.items()}


def _sort_key(key: tuple[str, str | None]) -> tuple[str, bool, str]:
    organisation, unit = key
    return organisation, unit is not None, unit or ""


def calibrate_portfolio(
    assessments: Sequence[Assessment],
    standards: Sequence[Standard],
    *,
    checked: bool,
    **options: Any,
) -> PortfolioCalibration:
    """
    Pair each organisation's (and unit's) self-assessment with its audit,
    calibrate each pair, and give the bias per area over all pairs.

    The rule: the latest self-assessment (kind ``self``; of two on one
    date, the one given last) is paired with the first audit (kind
    ``audit``) dated on or after it against the same standard (edition
    and extensions, by content). See the module's documentation for why.

    Args:
        assessments: The assessments.
        standards: The standard of each, in the same order.
        checked: Whether each assessment was checked against its
            standard already.
        options: Scoring options for the points, as for
            :func:`~goudenoor.audit.calibrate`.
    """
    groups: dict[tuple[str, str | None], list[tuple[Assessment, Standard]]] = {}
    for assessment, standard in zip(assessments, standards, strict=True):
        key = (assessment.organisation, assessment.unit)
        groups.setdefault(key, []).append((assessment, standard))
    pairs: list[Calibration] = []
    unpaired: list[UnpairedUnit] = []
    for key in sorted(groups, key=_sort_key):
        found = _pair(groups[key])
        if isinstance(found, str):
            unpaired.append(
                UnpairedUnit(organisation=key[0], unit=key[1], reason=found)
            )
            continue
        own, audit = (
            Audit.of_checked(assessment, standard)
            if checked
            else Audit(assessment=assessment, standard=standard)
            for assessment, standard in found
        )
        pairs.append(calibrate(own, audit, **options))
    return PortfolioCalibration(
        pairs=tuple(pairs), areas=_areas(pairs), unpaired=tuple(unpaired)
    )


_Item = tuple[Assessment, Standard]


def _pair(items: list[_Item]) -> tuple[_Item, _Item] | UnpairedReason:
    selves = [item for item in items if item[0].kind == "self"]
    if not selves:
        return "no-self-assessment"
    # max() keeps the first of equal keys: reversed, the one given last.
    own = max(reversed(selves), key=lambda item: item[0].date)
    audits = [
        item
        for item in items
        if item[0].kind == "audit"
        and item[0].date >= own[0].date
        and item[1].fingerprint == own[1].fingerprint
    ]
    if not audits:
        return "no-audit"
    return own, min(audits, key=lambda item: item[0].date)


def _areas(pairs: list[Calibration]) -> dict[str, AreaBias]:
    steps: dict[str, list[float]] = {}
    points: dict[str, list[float]] = {}
    for calibration in pairs:
        for area in calibration.areas:
            points.setdefault(area.area_id, []).append(area.points)
            found = steps.setdefault(area.area_id, [])
            if area.mean_steps is not None:
                found.append(area.mean_steps)
    return {
        area_id: AreaBias(
            area_id=area_id,
            pairs=len(steps[area_id]),
            mean_steps=math.fsum(steps[area_id]) / len(steps[area_id])
            if steps[area_id]
            else None,
            mean_points=math.fsum(values) / len(values),
        )
        for area_id, values in points.items()
    }
