"""
Calibration: how far an organisation's self-assessment sits from the
audit that follows it.

Differences are counted in **scale steps**: the distance between the
positions of the two values in the scale's list of values, so that on a
scale of 0, 1, 2, 4 the values 2 and 4 are one step apart, not two points.
Points come from the score cards (:func:`~goudenoor.audit.score` with its
defaults): an area's points in the self-assessment minus its points in
the audit.

A requirement is *compared* where both rated it (neither not applicable
nor unrated). Where one holds it not applicable and the other rates it,
it is listed as a not-applicable disagreement and left out of every mean.

The first assessment must be of kind ``self`` and the second must not be:
an audit given first is most likely the two files the wrong way round,
which would turn every over-claim into an under-claim without a word, and
two audits are set side by side by :func:`~goudenoor.audit.compare`. The
second may be an ``audit`` or a ``review``: both are an auditor's ratings.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._data import Key, shape, to_data
from goudenoor._text import text_lines
from goudenoor.audit._assessment import Assessment, Rating
from goudenoor.audit._audit import Audit
from goudenoor.audit._consensus import ordinal_alpha
from goudenoor.audit._scoring import ScoreCard, score
from goudenoor.exceptions import CalibrationError
from goudenoor.standard import Scale, Standard


__all__ = [
    "CALIBRATION_FORMAT",
    "OVER_CLAIM_STEPS",
    "AreaCalibration",
    "Calibration",
    "CalibrationError",
    "NotApplicableDisagreement",
    "OverClaim",
    "OverClaimRule",
    "RequirementDifference",
    "calibrate",
]


def __dir__() -> list[str]:
    return __all__


CALIBRATION_FORMAT = "calibration/1"
"""The format marker of :meth:`Calibration.as_dict`."""

OVER_CLAIM_STEPS = 2
"""From how many scale steps above the auditor a self-rating is an over-claim."""

OverClaimRule = Literal["steps", "checkpoints"]
"""Why a requirement is an over-claim: rated at least :data:`OVER_CLAIM_STEPS`
steps above the auditor (``steps``), or a checkpoint claimed met that the
auditor did not find met (``checkpoints``)."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaCalibration:
    """
    How far the self-assessment sits from the audit in one area.

    Attributes:
        area_id: The area.
        name: Its name.
        compared: The requirements both rated (neither not applicable).
        mean_steps: The mean of self minus auditor over those, in scale
            steps; ``None`` when none was compared.
        self_points: The area's points in the self-assessment.
        audit_points: The area's points in the audit.
        points: ``self_points - audit_points``.
    """

    area_id: str
    name: str
    compared: int
    mean_steps: float | None
    self_points: float
    audit_points: float
    points: float


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RequirementDifference:
    """
    One requirement both rated.

    Attributes:
        requirement_id: The requirement.
        area_id: Its area.
        self_value: The organisation's value.
        audit_value: The auditor's value.
        steps: Self minus auditor, in scale steps.
    """

    requirement_id: str
    area_id: str
    self_value: float
    audit_value: float
    steps: int


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class OverClaim:
    """
    A requirement the organisation claimed more for than the auditor found.

    Attributes:
        requirement_id: The requirement.
        area_id: Its area.
        rules: Why, in this order: ``steps`` (rated at least
            :data:`OVER_CLAIM_STEPS` steps above the auditor),
            ``checkpoints`` (checkpoints claimed met that the auditor did
            not find met).
        steps: Self minus auditor in scale steps, ``None`` where the
            requirement was not compared.
        checkpoints: The checkpoints claimed met and not found met, in the
            requirement's order.
    """

    requirement_id: str
    area_id: str
    rules: tuple[OverClaimRule, ...]
    steps: int | None
    checkpoints: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class NotApplicableDisagreement:
    """
    A requirement one side holds not applicable and the other rates.

    Attributes:
        requirement_id: The requirement.
        area_id: Its area.
        not_applicable_in: Which side holds it not applicable: ``self``
            or ``audit``.
        value: The other side's value.
    """

    requirement_id: str
    area_id: str
    not_applicable_in: Literal["self", "audit"]
    value: float


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Calibration:
    """
    The result of :func:`calibrate`.

    Attributes:
        self_card: The self-assessment's score card.
        audit_card: The audit's score card.
        scale: The scale both are on.
        areas: Every area, in the standard's order.
        requirements: Every requirement both rated, the largest absolute
            difference first (ties in the standard's order).
        over_claims: In the standard's order.
        not_applicable: The not-applicable disagreements, in the
            standard's order.
        alpha: Krippendorff's alpha (ordinal) between the two over every
            requirement, or ``None`` where it is undefined: no requirement
            rated by both, or every value of those the same (nothing to
            agree on).
    """

    self_card: ScoreCard = attrs.field(repr=False)
    audit_card: ScoreCard = attrs.field(repr=False)
    scale: Scale = attrs.field(repr=False)
    areas: tuple[AreaCalibration, ...]
    requirements: tuple[RequirementDifference, ...]
    over_claims: tuple[OverClaim, ...]
    not_applicable: tuple[NotApplicableDisagreement, ...]
    alpha: float | None

    @property
    def standard(self) -> Standard:
        """
        The standard both were checked against.
        """
        return self.audit_card.standard

    @property
    def compared(self) -> int:
        """
        The number of requirements both rated.
        """
        return len(self.requirements)

    @property
    def mean_steps(self) -> float | None:
        """
        Self minus auditor over every compared requirement, in scale steps
        (``None`` when none was compared).
        """
        return _mean([r.steps for r in self.requirements])

    @property
    def bias(self) -> Mapping[str, float | None]:
        """
        Area id to its mean difference in scale steps.
        """
        return {area.area_id: area.mean_steps for area in self.areas}

    def as_dict(self) -> dict[str, Any]:
        """
        The calibration as plain data (for JSON), marked
        ``"goudenoor": "calibration/1"``.
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The calibration as plain text (English), one line per item,
        without control characters.
        """
        return text_lines(_text_lines(self))


shape(
    Calibration,
    Key(
        "edition",
        str,
        "The edition both were made against.",
        get=lambda c: c.standard.id,
    ),
    Key(
        "extensions",
        tuple[str, ...],
        "The ids of the extensions applied, in order.",
        get=lambda c: c.standard.extensions,
    ),
    Key(
        "scale", str, "The id of the scale the values are on.", get=lambda c: c.scale.id
    ),
    Key(
        "organisation",
        str,
        "The audited organisation's name (the audit's).",
        get=lambda c: c.audit_card.assessment.organisation,
    ),
    Key(
        "unit",
        str | None,
        "The unit audited, or null.",
        get=lambda c: c.audit_card.assessment.unit,
    ),
    Key(
        "self_date",
        datetime.date,
        "The self-assessment's date (ISO 8601).",
        get=lambda c: c.self_card.assessment.date,
    ),
    Key(
        "audit_date",
        datetime.date,
        "The audit's date (ISO 8601).",
        get=lambda c: c.audit_card.assessment.date,
    ),
    "compared",
    "mean_steps",
    "alpha",
    "areas",
    "requirements",
    "over_claims",
    "not_applicable",
    marker=CALIBRATION_FORMAT,
)


@checked
def calibrate(self_audit: Audit, audit: Audit, **options: Any) -> Calibration:
    """
    How far a self-assessment sits from the audit: per area the mean
    difference (self minus auditor) in scale steps and in points, per
    requirement the difference, the over-claims, the not-applicable
    disagreements and Krippendorff's alpha (ordinal) between the two.

    Args:
        self_audit: The organisation's self-assessment: kind ``self``.
        audit: The auditor's assessment: kind ``audit`` or ``review``, of
            the same edition, extensions and scale.
        options: Scoring options for the points, as for
            :func:`~goudenoor.audit.score` (``method``, ``parameters``,
            ``evidence_policy``); the defaults otherwise.

    Raises:
        CalibrationError: *self_audit* is not of kind ``self``, *audit*
            is; they differ in edition, extensions (by id or content) or
            scale.
        ScoringError: An option is unknown or wrong.

    >>> import attrs, goudenoor as go
    >>> audit = go.load_audit("examples/audit-2012.yaml")
    >>> self_audit = go.load_audit("examples/self-2012.yaml")
    >>> c = go.calibrate(self_audit, audit)
    >>> c.bias["4"], c.bias["6"]
    (1.5, 0.0)
    >>> [(o.requirement_id, o.rules) for o in c.over_claims][:2]
    [('4.1', ('steps',)), ('5.1', ('checkpoints',))]
    """
    _refuse(self_audit, audit)
    standard = audit.standard
    mine, theirs = self_audit.assessment, audit.assessment
    scale = standard.scale(theirs.scale)
    position = {value: index for index, value in enumerate(scale.values)}
    differences: list[RequirementDifference] = []
    over_claims: list[OverClaim] = []
    not_applicable: list[NotApplicableDisagreement] = []
    rows: tuple[list[float | None], list[float | None]] = ([], [])
    for requirement in standard.requirements:
        rid, area_id = requirement.id, requirement.area_id
        own, found = _rating(mine, rid), _rating(theirs, rid)
        rows[0].append(own.value)
        rows[1].append(found.value)
        steps: int | None = None
        if own.value is not None and found.value is not None:
            steps = position[own.value] - position[found.value]
            differences.append(
                RequirementDifference(
                    requirement_id=rid,
                    area_id=area_id,
                    self_value=own.value,
                    audit_value=found.value,
                    steps=steps,
                )
            )
        elif own.not_applicable and found.value is not None:
            not_applicable.append(
                NotApplicableDisagreement(
                    requirement_id=rid,
                    area_id=area_id,
                    not_applicable_in="self",
                    value=found.value,
                )
            )
        elif found.not_applicable and own.value is not None:
            not_applicable.append(
                NotApplicableDisagreement(
                    requirement_id=rid,
                    area_id=area_id,
                    not_applicable_in="audit",
                    value=own.value,
                )
            )
        # Only an auditor who rated the requirement can have found a
        # checkpoint not met: an unrated one was not looked at.
        claimed = (
            [
                c.id
                for c in requirement.checkpoints
                if c.id in own.checkpoints_met and c.id not in found.checkpoints_met
            ]
            if found.value is not None
            else []
        )
        rules: list[OverClaimRule] = []
        if steps is not None and steps >= OVER_CLAIM_STEPS:
            rules.append("steps")
        if claimed:
            rules.append("checkpoints")
        if rules:
            over_claims.append(
                OverClaim(
                    requirement_id=rid,
                    area_id=area_id,
                    rules=tuple(rules),
                    steps=steps,
                    checkpoints=tuple(claimed),
                )
            )
    order = {r.id: index for index, r in enumerate(standard.requirements)}
    differences.sort(key=lambda d: (-abs(d.steps), order[d.requirement_id]))
    self_card = score(standard, mine, check=False, **options)
    audit_card = score(standard, theirs, check=False, **options)
    return Calibration(
        self_card=self_card,
        audit_card=audit_card,
        scale=scale,
        areas=tuple(
            _area(area.id, area.name, differences, self_card, audit_card)
            for area in standard.areas
        ),
        requirements=tuple(differences),
        over_claims=tuple(over_claims),
        not_applicable=tuple(not_applicable),
        alpha=ordinal_alpha(rows, scale.values),
    )


def _area(
    area_id: str,
    name: str,
    differences: list[RequirementDifference],
    self_card: ScoreCard,
    audit_card: ScoreCard,
) -> AreaCalibration:
    steps = [d.steps for d in differences if d.area_id == area_id]
    own, found = self_card.areas[area_id].points, audit_card.areas[area_id].points
    return AreaCalibration(
        area_id=area_id,
        name=name,
        compared=len(steps),
        mean_steps=_mean(steps),
        self_points=own,
        audit_points=found,
        points=own - found,
    )


_UNRATED = Rating()


def _rating(assessment: Assessment, requirement_id: str) -> Rating:
    return assessment.ratings.get(requirement_id, _UNRATED)


def _mean(values: list[int]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def _refuse(self_audit: Audit, audit: Audit) -> None:
    mine, theirs = self_audit.assessment, audit.assessment
    if mine.kind != "self":
        msg = (
            f"the self-assessment has kind {mine.kind!r}: expected kind 'self' "
            "(the organisation's own assessment); to set two audits side by "
            "side, compare them"
        )
        raise CalibrationError(msg)
    if theirs.kind == "self":
        msg = (
            "the audit has kind 'self': expected an auditor's assessment (kind "
            "'audit' or 'review') to calibrate the self-assessment against"
        )
        raise CalibrationError(msg)
    own, found = self_audit.standard, audit.standard
    if own.id != found.id:
        msg = (
            f"the self-assessment is of edition {own.id} and the audit of "
            f"{found.id}: a calibration needs both of one edition"
        )
        raise CalibrationError(msg)
    if not own.points_comparable(found):
        same = (
            " (the same names with other content: another extension file with "
            "the same id)"
            if own.extensions == found.extensions
            else ""
        )
        msg = (
            f"the self-assessment was made against {own.label} and the audit "
            f"against {found.label}{same}: a calibration needs the same "
            "extensions, with the same content, in both"
        )
        raise CalibrationError(msg)
    own_scale, found_scale = own.scale(mine.scale).id, found.scale(theirs.scale).id
    if own_scale != found_scale:
        msg = (
            f"the self-assessment is on scale {own_scale} and the audit on "
            f"{found_scale}: a calibration needs both on one scale"
        )
        raise CalibrationError(msg)


def _steps(value: float | None) -> str:
    return "-" if value is None else f"{value:+.2f}"


def _text_lines(calibration: Calibration) -> list[str]:
    own, found = calibration.self_card.assessment, calibration.audit_card.assessment
    lines = [
        (
            f"{found.organisation}: self-assessment {own.date.isoformat()} against "
            f"audit {found.date.isoformat()} ({calibration.standard.label})"
        ),
        "",
        f"{'area':<36} {'compared':>8} {'steps':>7} {'points':>7}",
    ]
    lines.extend(
        f"{f'{a.area_id:>2} {a.name}':<36} {a.compared:>8} "
        f"{_steps(a.mean_steps):>7} {a.points:+7.2f}"
        for a in calibration.areas
    )
    alpha = "undefined" if calibration.alpha is None else f"{calibration.alpha:.3f}"
    lines += [
        "",
        (
            f"requirements compared: {calibration.compared}; mean difference "
            f"{_steps(calibration.mean_steps)} steps; alpha (ordinal): {alpha}"
        ),
    ]
    differing = [r for r in calibration.requirements if r.steps]
    if differing:
        lines += ["", "differences (self - auditor, in scale steps):"]
        lines.extend(
            f"  {r.requirement_id:<10} {r.self_value:>5g} {r.audit_value:>5g} "
            f"{r.steps:+4d}"
            for r in differing
        )
    if calibration.over_claims:
        lines += ["", "over-claims:"]
        lines.extend(
            f"  {o.requirement_id:<10} {_claim(o)}" for o in calibration.over_claims
        )
    if calibration.not_applicable:
        lines += ["", "not applicable on one side only:"]
        lines.extend(
            f"  {d.requirement_id:<10} "
            + (
                f"not applicable in the self-assessment, rated {d.value:g} in the audit"
                if d.not_applicable_in == "self"
                else f"not applicable in the audit, rated {d.value:g} in the "
                "self-assessment"
            )
            for d in calibration.not_applicable
        )
    return lines


def _claim(claim: OverClaim) -> str:
    reasons = []
    if "steps" in claim.rules:
        reasons.append(f"{claim.steps} steps above the auditor")
    if "checkpoints" in claim.rules:
        reasons.append(
            f"checkpoints claimed met, not found met: {', '.join(claim.checkpoints)}"
        )
    return "; ".join(reasons)
