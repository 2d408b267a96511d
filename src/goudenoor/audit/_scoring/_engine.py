"""
Scoring an assessment (:func:`score`) and what-if changes to its ratings
(:func:`what_if`), with the per-Standard setups.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias, overload

import attrs

from goudenoor._checks import checked
from goudenoor.audit._assessment import Assessment, Rating, Ratings, check_assessment
from goudenoor.audit._audit import Audit, standard_and_assessment
from goudenoor.audit._scoring._card import ScoreCard
from goudenoor.audit._scoring._methods import (
    METHODS,
    EvidencePolicy,
    ScoringMethod,
    scoring_methods,
    weighted_mean,
)
from goudenoor.audit._scoring._rating import (
    Plan,
    ScoringContext,
    plan_for,
    rating_outcome,
)
from goudenoor.exceptions import ScoringError, UnknownItemError
from goudenoor.problems import close_matches
from goudenoor.standard import (
    PerStandard,
    RecognitionScheme,
    Standard,
)


__all__ = [
    "card_of",
    "score",
    "what_if",
]


def __dir__() -> list[str]:
    return __all__


@checked
def score(
    standard: Standard | Audit,
    assessment: Assessment | None = None,
    *,
    method: str = "weighted-mean",
    scheme: str | None = None,
    parameters: Mapping[str, float] | None = None,
    evidence_policy: EvidencePolicy = "warn",
    check: bool = True,
) -> ScoreCard:
    """
    Score an audit: ``score(audit)``, or ``score(standard, assessment)``.

    Args:
        standard: The edition (possibly extended) *assessment* is for, or
            the :class:`~goudenoor.audit.Audit` to score (which holds both).
        assessment: The ratings, when a Standard is given.
        method: A registered scoring method (see :func:`scoring_methods`).
        scheme: A recognition scheme id (default: the edition's).
        parameters: Values for the scheme's parameters (for example
            ``{"threshold": 0.75}`` for ``conformiteit``).
        evidence_policy: ``warn`` or ``strict``.
        check: Check the assessment against the standard first (turn off
            only for assessments already checked; an Audit always is).

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
    >>> go.score(go.Audit(assessment=a, standard=std)).total
    50.0
    """
    standard, assessment, fits = standard_and_assessment(standard, assessment, "score")
    if check and not fits:
        check_assessment(assessment, standard)
    function = METHODS.get(method)
    if function is None:
        methods = scoring_methods()
        raise UnknownItemError(
            method,
            close_matches(method, methods),
            kind="scoring method",
            choices=methods,
        )
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
        organisation_points=organisation,
        result_points=result,
        total=organisation + result,
        area_fractions=area_fractions,
        function=function,
    )


@attrs.frozen
class _Setup:
    """
    What scoring with one set of options needs, resolved once per Standard.
    """

    plan: Plan
    context: ScoringContext
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
    plan = plan_for(standard, scale)
    return _Setup(
        plan=plan,
        context=ScoringContext(
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


def _totals(
    plan: Plan, assessment: Assessment, context: ScoringContext
) -> tuple[float, float, tuple[float, ...]]:
    """
    Organisation and result points and the area fractions: the hot loop.

    For weighted-mean without the strict policy the fraction is computed
    inline (evidence does not change the numbers then); otherwise each
    requirement goes through :func:`rating_outcome`, the rule itself. A test
    checks that both paths agree.
    """
    ratings = assessment.ratings
    lookup = ratings.raw if isinstance(ratings, Ratings) else ratings
    inline = context.function is weighted_mean and not context.strict
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
                fraction = rating_outcome(
                    requirement, rating, context, assessment.date
                )[0]
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


@overload
def what_if(
    audit: Audit,
    changes: Mapping[str, float | Rating | None],
    /,
    **options: Any,
) -> ScoreCard: ...


@overload
def what_if(
    standard: Standard,
    assessment: Assessment,
    changes: Mapping[str, float | Rating | None],
    /,
    **options: Any,
) -> ScoreCard: ...


@checked  # the forms are told apart below; _what_if checks each argument
def what_if(*arguments: Any, **options: Any) -> ScoreCard:
    """
    Score an audit with some ratings changed: ``what_if(audit, changes)``,
    or ``what_if(standard, assessment, changes)``.

    A number changes the value and keeps the rating's evidence and note;
    a :class:`~goudenoor.audit.Rating` replaces the rating; ``None``
    removes it (unrated). *options* are passed to :func:`score`.

    >>> import datetime, goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> a = go.Assessment(edition="gos-2012", organisation="Voorbeeld",
    ...     date=datetime.date(2026, 10, 1))
    >>> round(go.what_if(std, a, {"2.1": 4}).total, 2)
    5.0
    >>> round(go.what_if(go.Audit(assessment=a, standard=std), {"2.1": 4}).total, 2)
    5.0
    """
    # The keywords of the Standard-and-Assessment form keep working.
    named = [
        options.pop(key)
        for key in ("standard", "assessment", "changes")
        if key in options
    ]
    arguments = (*arguments, *named)
    if len(arguments) == 2 and isinstance(arguments[0], Audit):  # noqa: PLR2004
        audit, changes = arguments
        return _what_if(audit.standard, audit.assessment, changes, options)
    if len(arguments) == 3:  # noqa: PLR2004
        standard, assessment, changes = arguments
        return _what_if(standard, assessment, changes, options)
    msg = (
        "what_if() takes an Audit and the changes, or a Standard, an Assessment "
        f"and the changes ({len(arguments)} positional arguments given)"
    )
    raise TypeError(msg)


@checked
def _what_if(
    standard: Standard,
    assessment: Assessment,
    changes: Mapping[str, float | Rating | None],
    options: Mapping[str, Any],
) -> ScoreCard:
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


def card_of(item: ScoreCard | Audit) -> ScoreCard:
    """
    *item* if it is a score card; the card of an Audit scored with the
    defaults otherwise (what :func:`score` gives).
    """
    return score(item) if isinstance(item, Audit) else item
