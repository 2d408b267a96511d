"""
Roll-ups of units, as the facade offers them: :func:`rollup` loads the
standard each assessment was made against, scores it and rolls the cards
up with :func:`goudenoor.portfolio.rollup`, which takes score cards
(the domain does not load editions).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from goudenoor._checks import checked
from goudenoor.audit import Assessment, Audit, EvidencePolicy, score, split_audits
from goudenoor.files._assessment import standard_for
from goudenoor.portfolio import Rollup, rollup as roll_up
from goudenoor.standard import Extension, Standard


__all__ = ["rollup"]


def __dir__() -> list[str]:
    return __all__


@checked
def rollup(
    assessments: Iterable[Assessment | Audit],
    *,
    weights: Mapping[str, float] | None = None,
    rule: str = "weighted-mean",
    standard: Standard | None = None,
    extensions: Sequence[Extension] = (),
    method: str = "weighted-mean",
    scheme: str | None = None,
    parameters: Mapping[str, float] | None = None,
    evidence_policy: EvidencePolicy = "warn",
) -> Rollup:
    """
    The units of one organisation and edition as one picture.

    Each assessment is scored against the edition it names with the
    extensions it lists (as :func:`~goudenoor.standard_for` finds them),
    unless you pass *standard*, with the scoring options given; the cards
    are rolled up as :mod:`goudenoor.portfolio` describes.

    Args:
        assessments: One per unit, each with a distinct ``unit``: audits
            (scored against their own standard) or assessments.
        weights: Unit name to a positive weight (a headcount, say), for
            every unit; default equal.
        rule: ``weighted-mean`` (default) or ``min`` (each area as strong
            as its weakest unit).
        standard: The standard to use instead of the one each assessment
            names.
        extensions: Extensions the assessments list by id.
        method: The scoring method.
        scheme: The recognition scheme (default: the edition's).
        parameters: Values for the scheme's parameters.
        evidence_policy: ``warn`` or ``strict``.

    Raises:
        RollupError: No assessments, one without a unit, a unit given
            twice, mixed organisations, editions, extensions or scales
            (naming the field), or bad weights.
        UnknownEditionError: An edition does not exist.
        ValidationError: An assessment does not fit its standard.

    >>> import datetime, goudenoor as go
    >>> def site(name, value):
    ...     return go.Assessment(edition="gos-2012", organisation="Zorggroep",
    ...         unit=name, date=datetime.date(2026, 5, 1),
    ...         ratings={"5.1": go.Rating(value=value)})
    >>> both = go.rollup([site("Noord", 4), site("Zuid", 2)], rule="min")
    >>> both.areas["5"].weakest_unit
    'Zuid'
    """
    items, standards = split_audits(assessments)
    cards = [
        score(
            standard or known or standard_for(a, extensions),
            a,
            method=method,
            scheme=scheme,
            parameters=parameters,
            evidence_policy=evidence_policy,
        )
        for a, known in zip(items, standards, strict=True)
    ]
    return roll_up(cards, weights=weights, rule=rule)
