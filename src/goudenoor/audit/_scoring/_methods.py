"""
Scoring methods: the registry, the built-in methods and the status and
policy types they share.
"""

from __future__ import annotations

from typing import Literal, Protocol

from goudenoor._checks import checked
from goudenoor._registry import Registry
from goudenoor.audit._assessment import Rating
from goudenoor.exceptions import ScoringError
from goudenoor.standard import (
    Requirement,
    Scale,
)


__all__ = [
    "EvidencePolicy",
    "RequirementStatus",
    "ScoringMethod",
    "register_method",
    "scoring_methods",
]


def __dir__() -> list[str]:
    return __all__


EvidencePolicy = Literal["warn", "strict"]
"""What happens to a high rating without valid evidence."""

RequirementStatus = Literal[
    "rated", "unrated", "not-applicable", "missing-evidence", "capped"
]
"""How a requirement entered the score."""

EPSILON = 1e-9
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


def weighted_mean(requirement: Requirement, rating: Rating, scale: Scale) -> float:  # noqa: ARG001 - part of the method signature
    value = rating.value
    if value is None:  # pragma: no cover - callers only pass rated ratings
        return 0.0
    return (value - scale.minimum) / (scale.maximum - scale.minimum)


def _checkpoint_coverage(
    requirement: Requirement, rating: Rating, scale: Scale
) -> float:
    if not requirement.checkpoints:
        return weighted_mean(requirement, rating, scale)
    ids = {checkpoint.id for checkpoint in requirement.checkpoints}
    return len(ids.intersection(rating.checkpoints_met)) / len(ids)


METHODS: Registry[ScoringMethod] = Registry(
    "scoring method",
    ScoringError,
    {"weighted-mean": weighted_mean, "checkpoint-coverage": _checkpoint_coverage},
)


@checked
def register_method(name: str, method: ScoringMethod, *, replace: bool = False) -> None:
    """
    Make *method* available to :func:`score` as ``method=name``.

    Raises:
        ScoringError: *name* is taken and *replace* is false.
    """
    METHODS.register(name, method, replace=replace)


def scoring_methods() -> tuple[str, ...]:
    """
    The names of the registered scoring methods.

    >>> scoring_methods()[:2]
    ('weighted-mean', 'checkpoint-coverage')
    """
    return METHODS.names()
