"""
Hypothesis strategies for assessments of the shipped editions.
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

import goudenoor as go


DATE = datetime.date(2026, 10, 1)
EVIDENCE = (go.Evidence(kind="interview", reference="Interview teamleider"),)
NOT_APPLICABLE = go.Rating(not_applicable=True, justification="Niet van toepassing.")


@st.composite
def ratings_for(
    draw: st.DrawFn, requirement: go.Requirement, scale: go.Scale
) -> go.Rating | None:
    """
    No rating, a value (with or without evidence and checkpoints), or N/A.
    """
    kind = draw(st.sampled_from(["absent", "value", "value", "value", "na", "empty"]))
    if kind == "absent":
        return None
    if kind == "empty":
        return go.Rating()
    if kind == "na":
        return NOT_APPLICABLE
    checkpoints = [c.id for c in requirement.checkpoints]
    met = (
        draw(st.lists(st.sampled_from(checkpoints), unique=True)) if checkpoints else []
    )
    return go.Rating(
        value=draw(st.sampled_from(scale.values)),
        evidence=EVIDENCE if draw(st.booleans()) else (),
        checkpoints_met=tuple(met),
    )


@st.composite
def assessments(
    draw: st.DrawFn, standard: go.Standard, scale_id: str | None = None
) -> go.Assessment:
    """
    A valid assessment of *standard*: every area keeps an applicable
    requirement.
    """
    scale = standard.scale(scale_id)
    ratings: dict[str, go.Rating] = {}
    for area in standard.areas:
        drawn = {r.id: draw(ratings_for(r, scale)) for r in area.requirements}
        if all(rating == NOT_APPLICABLE for rating in drawn.values()):
            drawn[area.requirements[0].id] = None
        ratings.update({rid: r for rid, r in drawn.items() if r is not None})
    return go.Assessment(
        edition=standard.id,
        organisation="Voorbeeld",
        date=DATE,
        scale=scale_id,
        ratings=ratings,
    )


def options() -> st.SearchStrategy[dict[str, str]]:
    """
    A scoring method, scheme and evidence policy.
    """
    return st.fixed_dictionaries(
        {
            "method": st.sampled_from(["weighted-mean", "checkpoint-coverage"]),
            "scheme": st.sampled_from(["niveaus", "sterren", "conformiteit"]),
            "evidence_policy": st.sampled_from(["warn", "strict"]),
        }
    )
