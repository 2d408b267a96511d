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

from goudenoor.audit._scoring._card import (
    POINT_KEYS,
    SCORECARD_FORMAT,
    AreaResult,
    Gap,
    Improvement,
    RequirementResult,
    ScoreCard,
    ScoreWarning,
    format_points,
)
from goudenoor.audit._scoring._engine import card_of, score, what_if
from goudenoor.audit._scoring._methods import (
    EvidencePolicy,
    RequirementStatus,
    ScoringMethod,
    register_method,
    scoring_methods,
)


__all__ = [
    "POINT_KEYS",
    "card_of",
    "SCORECARD_FORMAT",
    "format_points",
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
