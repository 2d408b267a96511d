"""
Hypothesis strategies for assessments of the shipped editions.
"""

from __future__ import annotations

import datetime

import attrs
from hypothesis import strategies as st

import goudenoor as go
from goudenoor.audit import ASSESSMENT_KINDS, FINDING_KINDS, FINDING_STATUSES


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


# Texts a workbook cell keeps as they are, formula-like ones included.
TEXTS = st.text(alphabet="abXY éö=+-@#'09\n", min_size=1, max_size=12).filter(str.strip)
FINDING_IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,5}", fullmatch=True)


def _days(draw: st.DrawFn, start: datetime.date, most: int = 400) -> datetime.date:
    return start + datetime.timedelta(days=draw(st.integers(0, most)))


@st.composite
def evidence_items(draw: st.DrawFn, *, least: int = 0) -> tuple[go.Evidence, ...]:
    """
    Up to two evidence items (at least *least*), dated or not, with or
    without a file, a link, a fingerprint and a collector.
    """
    items = draw(
        st.lists(
            st.builds(
                go.Evidence,
                kind=st.sampled_from(["document", "interview", "observation"]),
                reference=TEXTS,
                date=st.none() | st.just(datetime.date(2026, 3, 1)),
                path=st.none() | st.just("bewijs/beleid 2026.pdf"),
                uri=st.none() | st.just("https://dms.example/12"),
                sha256=st.none() | st.just("0" * 63 + "a"),
                collected_by=st.none() | TEXTS,
            ),
            min_size=least,
            max_size=2,
        )
    )
    return tuple(items)


@st.composite
def findings_for(
    draw: st.DrawFn, standard: go.Standard, finding_id: str, date: datetime.date
) -> go.Finding:
    """
    A valid finding of an assessment of *standard* dated *date*: any kind,
    on any requirement (and maybe one of its checkpoints), with a forward
    history where the kind is followed up.
    """
    requirement = draw(st.sampled_from(standard.requirements))
    checkpoints = [c.id for c in requirement.checkpoints]
    checkpoint = draw(st.none() | st.sampled_from(checkpoints)) if checkpoints else None
    kind = draw(st.sampled_from(FINDING_KINDS))
    raised = draw(st.none() | st.just(date - datetime.timedelta(days=90)))
    start = raised or date
    followed_up = kind in {"afwijking", "verbeterpunt"}
    deadline = None
    if kind == "afwijking" or (followed_up and draw(st.booleans())):
        deadline = _days(draw, start)
    history = []
    if followed_up:
        statuses = sorted(
            draw(st.sets(st.sampled_from(FINDING_STATUSES), max_size=4)),
            key=FINDING_STATUSES.index,
        )
        when = start
        for status in statuses:
            when = _days(draw, when, 60)
            history.append(
                go.FindingUpdate(
                    status=status,
                    date=when,
                    by=draw(st.none() | TEXTS),
                    note=draw(st.none() | TEXTS),
                    evidence=draw(evidence_items(least=int(status == "verified"))),
                )
            )
    return go.Finding(
        id=finding_id,
        requirement=requirement.id,
        kind=kind,
        text=draw(TEXTS),
        checkpoint=checkpoint,
        severity=draw(st.sampled_from(["major", "minor"]))
        if kind == "afwijking"
        else None,
        evidence=draw(evidence_items()),
        owner=draw(st.none() | TEXTS),
        deadline=deadline,
        raised=raised,
        history=tuple(history),
        review=draw(st.none() | TEXTS),
    )


@st.composite
def assessments_with_findings(draw: st.DrawFn, standard: go.Standard) -> go.Assessment:
    """
    A valid assessment of *standard* of any kind, with up to four findings.
    """
    assessment = draw(assessments(standard))
    ids = draw(st.lists(FINDING_IDS, unique=True, max_size=4))
    findings = tuple(draw(findings_for(standard, i, assessment.date)) for i in ids)
    kind = draw(st.sampled_from(ASSESSMENT_KINDS))
    return attrs.evolve(assessment, kind=kind, findings=findings)
