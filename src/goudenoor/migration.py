"""
Carry an assessment from one edition of the standard to another through a
:class:`~goudenoor.crosswalk.Crosswalk`.

The rules (binding; :func:`migrate_assessment` applies them):

- A target requirement with exactly ONE source row whose relationship is
  ``equal`` or ``superset`` (the source asks the same or more) takes the
  source rating over: the value, or not-applicable with its
  justification, the evidence, the note, and the met checkpoints that
  *correspond* (below). Status ``carried``.
- A target requirement with one ``subset`` or ``intersect`` row, or with
  several rows, gets the LOWEST value of its sources and status
  ``review``: an auditor has to look again. Not-applicable sources are
  left out of the lowest, as scoring leaves them out; if every source is
  not applicable, so is the target (the justifications joined). If any
  source is unrated, the lowest is unknown and the target stays unrated.
  The sources' evidence is carried, met checkpoints are not (the target
  asks something else).
- A target requirement that no row maps to stays unrated: status ``new``.
  ``not_related`` rows never carry anything.
- Ratings of a sector extension's requirements (``zorg:5.8``) carry over
  under the same id when the extension also targets the new edition (the
  caller says which do); otherwise they are dropped.
- Every source rating that is carried to no target requirement is listed
  in :attr:`Migration.dropped`, with why: nothing is lost silently.

A met checkpoint of the source *corresponds* to the target checkpoint
with the same letter (``5.2.a`` and ``1.7.a``) when both have the same
text (whitespace aside); and, where the target requirement is the same
item as the source one (an ``equal`` row between equal ids of a
requirement the target edition records as inherited from the source
edition, or an extension's requirement carried under its own id), to the
target checkpoint with the same id.

The audit date, organisation, auditors and scale stay the source's; the
migrated assessment records its origin in
:attr:`~goudenoor.assessment.Assessment.migrated_from`.
This module never reads a file.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any, Literal

import attrs

from ._checks import typed_fields
from .assessment import (
    Assessment,
    Evidence,
    MigrationOrigin,
    Rating,
    Ratings,
    assessment_problems,
)
from .crosswalk import Crosswalk, CrosswalkMapping, Relationship, check_crosswalk
from .exceptions import ValidationError
from .model import Requirement, Standard
from .problems import Problem


__all__ = [
    "MIGRATION_FORMAT",
    "DroppedRating",
    "Migration",
    "Outcome",
    "OutcomeStatus",
    "corresponding_checkpoints",
    "migrate_assessment",
]


def __dir__() -> list[str]:
    return __all__


MIGRATION_FORMAT = "migration/1"
"""The format marker of :meth:`Migration.as_dict`."""

OutcomeStatus = Literal["carried", "review", "new"]
"""What happened to a target requirement's rating."""

_CARRYING: frozenset[Relationship] = frozenset({"equal", "superset"})


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Outcome:
    """
    What the migration did for one requirement of the target edition.

    Attributes:
        target_id: The requirement id in the target edition.
        status: ``carried`` (the source rating was taken over), ``review``
            (the lowest of the sources was taken; look again) or ``new``
            (no source; unrated).
        sources: The source requirement ids it was mapped from, in
            crosswalk order (empty for ``new``).
        relationships: The relationship of each source, in the same order.
        rating: The rating the migrated assessment holds, or ``None``
            (unrated).
        reason: Why, in words.
        checkpoints_not_carried: Met checkpoints of the source that have
            no corresponding checkpoint in the target requirement.
    """

    target_id: str
    status: OutcomeStatus
    sources: tuple[str, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    rating: Rating | None = None
    reason: str = ""
    checkpoints_not_carried: tuple[str, ...] = ()

    @property
    def relationship(self) -> Relationship | None:
        """
        The relationship shared by every source row, or ``None`` (no
        source, or sources related in different ways).
        """
        found = set(self.relationships)
        return self.relationships[0] if len(found) == 1 else None

    def as_dict(self) -> dict[str, Any]:
        """
        The outcome as JSON-ready data.
        """
        return {
            "target_id": self.target_id,
            "status": self.status,
            "sources": list(self.sources),
            "relationships": list(self.relationships),
            "relationship": self.relationship,
            **_rating_dict(self.rating),
            "reason": self.reason,
            "checkpoints_not_carried": list(self.checkpoints_not_carried),
        }


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DroppedRating:
    """
    A source rating that was carried to no requirement of the target
    edition.

    Attributes:
        requirement_id: Its requirement id in the source edition.
        rating: The rating, as the source assessment holds it.
        reason: Why it was not carried.
    """

    requirement_id: str
    rating: Rating
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """
        The dropped rating as JSON-ready data.
        """
        return {
            "requirement_id": self.requirement_id,
            **_rating_dict(self.rating),
            "reason": self.reason,
        }


def _rating_dict(rating: Rating | None) -> dict[str, Any]:
    if rating is None:
        return {"value": None, "not_applicable": False}
    return {"value": rating.value, "not_applicable": rating.not_applicable}


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Migration:
    """
    An assessment carried from one edition to another.

    Attributes:
        source: The edition id migrated from.
        target: The edition id migrated to.
        assessment: The new assessment, for the target edition.
        outcomes: One per requirement of the target edition, in its
            order, then one per extension rating carried under an id the
            target standard does not have (its extension not applied).
        dropped: Source ratings carried nowhere, in the source's order.
    """

    source: str
    target: str
    assessment: Assessment
    outcomes: tuple[Outcome, ...]
    dropped: tuple[DroppedRating, ...] = ()

    def outcome(self, target_id: str) -> Outcome:
        """
        The outcome for *target_id*.

        Raises:
            KeyError: The target edition has no such requirement.
        """
        for outcome in self.outcomes:
            if outcome.target_id == target_id:
                return outcome
        raise KeyError(target_id)

    def with_status(self, status: OutcomeStatus) -> tuple[Outcome, ...]:
        """
        The outcomes with *status*, in order.
        """
        return tuple(o for o in self.outcomes if o.status == status)

    def as_dict(self) -> dict[str, Any]:
        """
        The migration as JSON-ready data, marked ``migration/1``.
        """
        return {
            "goudenoor": MIGRATION_FORMAT,
            "source": self.source,
            "target": self.target,
            "organisation": self.assessment.organisation,
            "date": self.assessment.date.isoformat(),
            "counts": {
                "carried": len(self.with_status("carried")),
                "review": len(self.with_status("review")),
                "new": len(self.with_status("new")),
                "dropped": len(self.dropped),
            },
            "outcomes": [outcome.as_dict() for outcome in self.outcomes],
            "dropped": [item.as_dict() for item in self.dropped],
        }

    def text(self) -> str:
        """
        A summary for the terminal: carried, review, new and dropped.
        """
        lines = [
            f"{self.assessment.organisation}: {self.source} -> {self.target}",
        ]
        titles: tuple[tuple[OutcomeStatus, str], ...] = (
            ("carried", "carried"),
            ("review", "to review"),
            ("new", "new (unrated)"),
        )
        for status, title in titles:
            outcomes = self.with_status(status)
            lines.append(f"{title} ({len(outcomes)}):")
            lines.extend(f"  {_outcome_line(o)}" for o in outcomes)
        lines.append(f"dropped ({len(self.dropped)}):")
        lines.extend(
            f"  {d.requirement_id} {_shown(d.rating)}: {d.reason}" for d in self.dropped
        )
        return "\n".join(lines) + "\n"


def _shown(rating: Rating | None) -> str:
    if rating is None or (not rating.rated and not rating.not_applicable):
        return "unrated"
    if rating.not_applicable:
        return "n/a"
    assert rating.value is not None  # noqa: S101 - for the type checker
    return f"{rating.value:g}"


def _outcome_line(outcome: Outcome) -> str:
    if outcome.status == "new":
        return f"{outcome.target_id}: {outcome.reason}"
    sources = ", ".join(
        f"{s} ({r})"
        for s, r in zip(outcome.sources, outcome.relationships, strict=True)
    )
    return f"{outcome.target_id} <- {sources}: {_shown(outcome.rating)}"


def migrate_assessment(
    assessment: Assessment,
    *,
    source: Standard,
    target: Standard,
    crosswalk: Crosswalk | None,
    extensions_for_target: Collection[str] | None = None,
) -> Migration:
    """
    Carry *assessment* from *source* to *target* through *crosswalk*,
    following the rules of this module.

    Pure: nothing is read or written, the inputs are not changed.

    Args:
        assessment: An assessment made against *source*.
        source: The edition the assessment was made against (with the
            extensions it was made with applied).
        target: The edition to migrate to.
        crosswalk: Maps *source* to *target*; ``None`` only when
            *target* has the id of *source*, which is the identity (the
            same assessment back, everything carried, nothing dropped).
        extensions_for_target: The ids of the assessment's extensions
            that also target the new edition: their ratings carry over.
            Default: the extensions applied to *target*.

    Returns:
        The migrated assessment with one outcome per target requirement
        and the ratings that were dropped.

    Raises:
        ValidationError: The assessment does not fit *source*, or the
            crosswalk does not map *source* to *target*, or there is no
            crosswalk for two different editions.
    """
    problems = assessment_problems(assessment, source)
    if problems:
        raise ValidationError(problems, assessment.source)
    if crosswalk is None:
        if target.id != source.id:
            raise ValidationError(
                [
                    Problem(
                        message=f"migrating from {source.id} to {target.id} "
                        "needs a crosswalk"
                    )
                ]
            )
        return _identity(assessment, source)
    check_crosswalk(crosswalk, source, target)
    keep = set(
        target.extensions if extensions_for_target is None else extensions_for_target
    )
    return _Migrator(assessment, source, target, crosswalk, keep).run()


def _identity(assessment: Assessment, standard: Standard) -> Migration:
    ids = [r.id for r in standard.requirements]
    return Migration(
        source=standard.id,
        target=standard.id,
        assessment=assessment,
        outcomes=tuple(
            Outcome(
                target_id=requirement_id,
                status="carried",
                sources=(requirement_id,),
                relationships=("equal",),
                rating=assessment.ratings.get(requirement_id),
                reason="same edition",
            )
            for requirement_id in ids
        ),
    )


def _normalised(text: str) -> str:
    return " ".join(text.split())


def corresponding_checkpoints(
    source_requirement: Requirement,
    target_requirement: Requirement,
    *,
    same_item: bool,
) -> dict[str, str]:
    """
    Map the checkpoint ids of *source_requirement* to the corresponding
    checkpoint ids of *target_requirement* (see the module documentation).

    Args:
        source_requirement: The requirement in the source edition.
        target_requirement: The requirement in the target edition.
        same_item: The two are the same item (inherited unchanged under an
            ``equal`` row, or an extension's requirement under its own
            id): checkpoints with equal ids correspond too.

    Returns:
        Source checkpoint id to target checkpoint id, for those that
        correspond.
    """
    by_letter = {c.id.rpartition(".")[2]: c for c in target_requirement.checkpoints}
    found: dict[str, str] = {}
    for checkpoint in source_requirement.checkpoints:
        match = by_letter.get(checkpoint.id.rpartition(".")[2])
        if match is None:
            continue
        if _normalised(match.text) == _normalised(checkpoint.text) or (
            same_item and match.id == checkpoint.id
        ):
            found[checkpoint.id] = match.id
    return found


def _namespace(requirement_id: str) -> str | None:
    namespace, sep, _ = requirement_id.rpartition(":")
    return namespace if sep else None


class _Migrator:
    """
    One migration's state: the ratings built and the sources used.
    """

    def __init__(
        self,
        assessment: Assessment,
        source: Standard,
        target: Standard,
        crosswalk: Crosswalk,
        keep: set[str],
    ) -> None:
        self.assessment = assessment
        self.source = source
        self.target = target
        self.crosswalk = crosswalk
        self.keep = keep
        self.ratings = assessment.ratings
        self.used: set[str] = set()
        self._source_ids = {r.id for r in source.requirements}

    def run(self) -> Migration:
        outcomes = [self._outcome(r) for r in self.target.requirements]
        known = {r.id for r in self.target.requirements}
        outcomes.extend(
            self._extension_outcome(requirement_id)
            for requirement_id in self.ratings
            if requirement_id not in known
            and self._carries_extension(requirement_id)
            and not self.crosswalk.targets_of(requirement_id)
        )
        for outcome in outcomes:
            self.used.update(outcome.sources)
        ratings = {o.target_id: o.rating for o in outcomes if o.rating is not None}
        assessment = attrs.evolve(
            self.assessment,
            edition=self.target.id,
            scale=self._scale(),
            extensions=tuple(e for e in self.assessment.extensions if e in self.keep),
            ratings=Ratings(ratings),
            migrated_from=MigrationOrigin(
                edition=self.source.id, crosswalk=self.crosswalk.origin
            ),
            source=None,
        )
        return Migration(
            source=self.source.id,
            target=self.target.id,
            assessment=assessment,
            outcomes=tuple(outcomes),
            dropped=tuple(self._dropped()),
        )

    def _scale(self) -> str | None:
        scale = self.assessment.scale
        if scale is None and self.source.default_scale != self.target.default_scale:
            # The values are on the source's default scale: say so.
            return self.source.default_scale
        return scale

    def _carries_extension(self, requirement_id: str) -> bool:
        namespace = _namespace(requirement_id)
        if namespace is None or namespace not in self.keep:
            return False
        # Where the target has the extension applied, it must still have
        # the requirement; otherwise the id is carried as it is.
        return namespace not in self.target.extensions or any(
            r.id == requirement_id for r in self.target.requirements
        )

    def _outcome(self, requirement: Requirement) -> Outcome:
        rows = self.crosswalk.sources_of(requirement.id)
        if rows:
            return self._mapped(requirement, rows)
        if (
            self._carries_extension(requirement.id)
            and requirement.id in self._source_ids
            and not self.crosswalk.targets_of(requirement.id)
        ):
            return self._extension_outcome(requirement.id)
        entry = next(
            (n for n in self.crosswalk.new if n.target == requirement.id), None
        )
        return Outcome(
            target_id=requirement.id,
            status="new",
            reason=(
                f"new in {self.target.id}: {entry.rationale}"
                if entry is not None
                else f"no requirement of {self.source.id} maps to it"
            ),
        )

    def _extension_outcome(self, requirement_id: str) -> Outcome:
        rating = self.ratings.get(requirement_id)
        not_carried: tuple[str, ...] = ()
        target = next(
            (r for r in self.target.requirements if r.id == requirement_id), None
        )
        if rating is not None and rating.checkpoints_met and target is not None:
            mapping = corresponding_checkpoints(
                self.source.requirement(requirement_id), target, same_item=True
            )
            not_carried = tuple(c for c in rating.checkpoints_met if c not in mapping)
            rating = attrs.evolve(
                rating,
                checkpoints_met=tuple(
                    mapping[c] for c in rating.checkpoints_met if c in mapping
                ),
            )
        return Outcome(
            target_id=requirement_id,
            status="carried",
            sources=(requirement_id,),
            relationships=("equal",),
            rating=rating,
            reason=f"extension {_namespace(requirement_id)!r} also targets "
            f"{self.target.id}",
            checkpoints_not_carried=not_carried,
        )

    def _mapped(
        self, requirement: Requirement, rows: tuple[CrosswalkMapping, ...]
    ) -> Outcome:
        sources = tuple(row.source for row in rows)
        relationships = tuple(row.relationship for row in rows)
        if len(rows) == 1 and rows[0].relationship in _CARRYING:
            rating, not_carried = self._carried(requirement, rows[0])
            return Outcome(
                target_id=requirement.id,
                status="carried",
                sources=sources,
                relationships=relationships,
                rating=rating,
                reason=f"{rows[0].relationship} to {rows[0].source}",
                checkpoints_not_carried=not_carried,
            )
        rating, reason = _lowest([(s, self.ratings.get(s)) for s in sources])
        related = ", ".join(f"{row.relationship} to {row.source}" for row in rows)
        return Outcome(
            target_id=requirement.id,
            status="review",
            sources=sources,
            relationships=relationships,
            rating=rating,
            reason=f"{related}; {reason}",
            checkpoints_not_carried=tuple(c for s in sources for c in self._met(s)),
        )

    def _met(self, requirement_id: str) -> tuple[str, ...]:
        rating = self.ratings.get(requirement_id)
        return rating.checkpoints_met if rating is not None else ()

    def _carried(
        self, requirement: Requirement, row: CrosswalkMapping
    ) -> tuple[Rating | None, tuple[str, ...]]:
        rating = self.ratings.get(row.source)
        if rating is None or not rating.checkpoints_met:
            return rating, ()
        same_item = (
            row.relationship == "equal"
            and row.source == requirement.id
            and (
                requirement.inherited_from == self.source.id
                or _namespace(requirement.id) is not None
            )
        )
        mapping = corresponding_checkpoints(
            self.source.requirement(row.source), requirement, same_item=same_item
        )
        met = tuple(mapping[c] for c in rating.checkpoints_met if c in mapping)
        not_carried = tuple(c for c in rating.checkpoints_met if c not in mapping)
        return attrs.evolve(rating, checkpoints_met=met), not_carried

    def _dropped(self) -> Iterator[DroppedRating]:
        for requirement_id, rating in self.ratings.items():
            if requirement_id in self.used:
                continue
            yield DroppedRating(
                requirement_id=requirement_id,
                rating=rating,
                reason=self._why_dropped(requirement_id),
            )

    def _why_dropped(self, requirement_id: str) -> str:
        removal = self.crosswalk.removal(requirement_id)
        if removal is not None:
            return f"removed in {self.target.id}: {removal.rationale}"
        namespace = _namespace(requirement_id)
        if namespace is not None and not self.crosswalk.targets_of(requirement_id):
            if namespace not in self.keep:
                return f"extension {namespace!r} is not carried to {self.target.id}"
            return (
                f"{self.target.id} with extension {namespace!r} has no "
                f"requirement {requirement_id}"
            )
        return f"the crosswalk maps it to no requirement of {self.target.id}"


def _joined(texts: Iterable[tuple[str, str | None]]) -> str | None:
    found = [(rid, text) for rid, text in texts if text is not None]
    if not found:
        return None
    if len({text for _, text in found}) == 1:
        return found[0][1]
    return "; ".join(f"{rid}: {text}" for rid, text in found)


def _lowest(sources: list[tuple[str, Rating | None]]) -> tuple[Rating | None, str]:
    """
    The rating of a target requirement under review: the lowest value of
    its sources (see the module documentation), and why.
    """
    ids = ", ".join(rid for rid, _ in sources)
    unrated = [
        rid
        for rid, rating in sources
        if rating is None or not (rating.rated or rating.not_applicable)
    ]
    if unrated:
        return None, f"unrated, as {', '.join(unrated)} is unrated"
    rated = [(rid, r) for rid, r in sources if r is not None]
    evidence: list[Evidence] = []
    for _, rating in rated:
        evidence.extend(e for e in rating.evidence if e not in evidence)
    note = _joined((rid, r.note) for rid, r in rated)
    values = [r.value for _, r in rated if r.value is not None]
    if not values:
        justification = _joined((rid, r.justification) for rid, r in rated)
        return (
            Rating(
                not_applicable=True,
                justification=justification,
                evidence=tuple(evidence),
                note=note,
            ),
            f"not applicable, as {ids} is",
        )
    lowest = min(values)
    return (
        Rating(value=lowest, evidence=tuple(evidence), note=note),
        f"the lowest of {ids}",
    )
