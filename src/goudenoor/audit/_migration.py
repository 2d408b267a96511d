"""
Carry an assessment from one edition of the standard to another through a
:class:`~goudenoor.standard.Crosswalk`.

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
  The sources' evidence is carried, and the target's note says, per
  source, which value (or not applicable, with its justification) it
  gave and its note; met checkpoints are not carried (the target asks
  something else). The rating carries a :class:`~goudenoor.audit.Review`
  mark with the relationships, the crosswalk's rationales and how the
  value was found. A target whose sources have nothing but met
  checkpoints (or nothing at all) gets no rating.
- A target requirement that no row maps to stays unrated: status ``new``.
  ``not_related`` rows never carry anything.
- Ratings of a sector extension's requirements (``zorg:5.8``) carry over
  under the same id when the extension also targets the new edition (the
  caller says which do); otherwise they are dropped.
- Every part of a source rating (value, not applicable with its
  justification, evidence, met checkpoints, note) ends up in the
  migrated assessment or in :attr:`Migration.dropped`, with why: a
  rating carried to no target requirement is listed whole; met
  checkpoints that correspond to a checkpoint of no target it was
  carried to are listed on their own. Nothing is lost silently.

Findings follow their requirement (each is listed in
:attr:`Migration.findings`, with what happened to it):

- A requirement that the crosswalk relates to ONE target requirement
  (whatever the relationship: a finding is about what was seen, not a
  value to recompute), or an extension's requirement carried under its
  own id: the finding moves to it (status ``carried``). Its checkpoint
  moves to the *corresponding* checkpoint (below); one with none is
  dropped from the finding and recorded in its outcome
  (``checkpoint_dropped``), never silently.
- A requirement related to SEVERAL target requirements: the finding goes
  to the first in the crosswalk's order and gets a review mark
  (:attr:`~goudenoor.audit.Finding.review`, written to the file) naming
  every candidate; status ``review``, its outcome lists the candidates.
- A requirement related to none (removed, unmapped, an extension not
  carried): the finding is ``dropped``, kept whole in its outcome with
  the cause, as a dropped rating is.

A finding keeps its id, kind, text, severity, evidence, owner, deadline,
the date it was raised and its history; carried into a new assessment of
the target edition with :func:`~goudenoor.audit.carry_findings`, it keeps
them there too.

A met checkpoint of the source *corresponds* to the target checkpoint
with the same letter (``5.2.a`` and ``1.7.a``) when both have the same
text (whitespace aside); and, where the target requirement is the same
item as the source one (an ``equal`` row between equal ids of a
requirement the target edition records as inherited from the source
edition, or an extension's requirement carried under its own id), to the
target checkpoint with the same id.

The audit date, organisation, auditors and scale stay the source's; the
migrated assessment records its origin in
:attr:`~goudenoor.audit.Assessment.migrated_from`.
This module never reads a file.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable, Iterator
from typing import Any, Literal

import attrs

from goudenoor._checks import typed_fields
from goudenoor._data import OMIT, Key, Object, shape, to_data
from goudenoor._text import text_lines
from goudenoor.audit._assessment import (
    Assessment,
    Evidence,
    Finding,
    MigrationOrigin,
    Rating,
    Ratings,
    Review,
    assessment_problems,
)
from goudenoor.exceptions import ValidationError
from goudenoor.problems import Problem
from goudenoor.standard import (
    Crosswalk,
    CrosswalkMapping,
    Relationship,
    Requirement,
    Standard,
    check_crosswalk,
)


__all__ = [
    "MIGRATION_FORMAT",
    "DropCause",
    "DroppedRating",
    "FindingOutcome",
    "FindingOutcomeStatus",
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

DropCause = Literal[
    "removed",
    "unmapped",
    "extension_not_carried",
    "extension_without_requirement",
    "checkpoints",
]
"""
Why a source rating, or part of it, was dropped.

Its requirement was removed, the crosswalk maps it nowhere, its extension
is not carried or lacks the requirement in the target, or
(``checkpoints``) met checkpoints are taken by none of the targets the
rest was carried to.
"""

_CARRYING: frozenset[Relationship] = frozenset({"equal", "superset"})

FindingOutcomeStatus = Literal["carried", "review", "dropped"]
"""What happened to a finding."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FindingOutcome:
    """
    What the migration did with one finding of the source assessment.

    Attributes:
        finding: The finding as the source assessment holds it.
        status: ``carried`` (moved to the one target requirement),
            ``review`` (moved to the first of several, with a review
            mark) or ``dropped`` (no target requirement; kept here).
        migrated: The finding as the migrated assessment holds it, or
            ``None`` (dropped).
        targets: The target requirements its requirement is related to,
            in the crosswalk's order (the candidates of a ``review``).
        relationships: The relationship of each, in the same order.
        checkpoint_dropped: Its checkpoint, where no checkpoint of the
            target requirement corresponds to it (the migrated finding
            has none).
        reason: Why, in words.
        cause: Why a finding was dropped, as a code (see
            :data:`DropCause`), or ``None``.
        detail: The crosswalk's rationale of a removal.
    """

    finding: Finding
    status: FindingOutcomeStatus
    migrated: Finding | None = None
    targets: tuple[str, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    checkpoint_dropped: str | None = None
    reason: str = ""
    cause: DropCause | None = None
    detail: str = ""

    @property
    def target_id(self) -> str | None:
        """
        The requirement the migrated finding is about, or ``None``.
        """
        return None if self.migrated is None else self.migrated.requirement


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
        rationales: The crosswalk's rationale of each source row, in the
            same order; for ``new``, the crosswalk's reason it is new, if
            it gives one.
        unrated: The sources that left a ``review`` target unrated.
    """

    target_id: str
    status: OutcomeStatus
    sources: tuple[str, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    rating: Rating | None = None
    reason: str = ""
    checkpoints_not_carried: tuple[str, ...] = ()
    rationales: tuple[str, ...] = ()
    unrated: tuple[str, ...] = ()

    @property
    def relationship(self) -> Relationship | None:
        """
        The relationship shared by every source row, or ``None`` (no
        source, or sources related in different ways).
        """
        found = set(self.relationships)
        return self.relationships[0] if len(found) == 1 else None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DroppedRating:
    """
    A source rating that was carried to no requirement of the target
    edition.

    Attributes:
        requirement_id: Its requirement id in the source edition.
        rating: What was dropped: the rating as the source assessment
            holds it, or (``checkpoints``) only its met checkpoints that
            were not carried.
        reason: Why it was not carried.
        cause: Why, as a code (see :data:`DropCause`).
        detail: The crosswalk's rationale of a removal.
        targets: For ``checkpoints``: the target requirements the rest of
            the rating was carried to.
    """

    requirement_id: str
    rating: Rating
    reason: str
    cause: DropCause = "unmapped"
    detail: str = ""
    targets: tuple[str, ...] = ()


# A rating's value and not_applicable, flat in the outcome or dropped
# rating that holds it.
_RATING = (
    Key(
        "value",
        float | None,
        "The rating's value; null if unrated or not applicable.",
        get=lambda holder: None if holder.rating is None else holder.rating.value,
    ),
    Key(
        "not_applicable",
        bool,
        "Whether the rating is not applicable.",
        get=lambda holder: holder.rating is not None and holder.rating.not_applicable,
    ),
)


shape(
    Outcome,
    "target_id",
    "status",
    "sources",
    "relationships",
    "relationship",
    *_RATING,
    "reason",
    "checkpoints_not_carried",
)
shape(
    DroppedRating,
    "requirement_id",
    *_RATING,
    Key(
        "checkpoints_met",
        tuple[str, ...],
        "The met checkpoints dropped.",
        get=lambda dropped: dropped.rating.checkpoints_met,
    ),
    "reason",
    "cause",
)


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
        findings: One per finding of the source assessment, in its order:
            where it went, or why it was dropped.
    """

    source: str
    target: str
    assessment: Assessment
    outcomes: tuple[Outcome, ...]
    dropped: tuple[DroppedRating, ...] = ()
    findings: tuple[FindingOutcome, ...] = ()

    def findings_with(self, status: FindingOutcomeStatus) -> tuple[FindingOutcome, ...]:
        """
        The finding outcomes with *status*, in order.
        """
        return tuple(f for f in self.findings if f.status == status)

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
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        A summary for the terminal, in English: carried, review, new and
        dropped, then (where the assessment has findings) the findings
        carried, to review and dropped (``goudenoor.report.migration_text()``
        gives it in Dutch too).
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
            f"  {d.requirement_id}: {d.reason}"
            if d.cause == "checkpoints"
            else f"  {d.requirement_id} {_shown(d.rating)}: {d.reason}"
            for d in self.dropped
        )
        if self.findings:
            finding_titles: tuple[tuple[FindingOutcomeStatus, str], ...] = (
                ("carried", "findings carried"),
                ("review", "findings to review"),
                ("dropped", "findings dropped"),
            )
            for finding_status, title in finding_titles:
                found = self.findings_with(finding_status)
                lines.append(f"{title} ({len(found)}):")
                lines.extend(f"  {_finding_line(f)}" for f in found)
        return text_lines(lines)


def _finding_line(outcome: FindingOutcome) -> str:
    finding = outcome.finding
    line = f"{finding.id} ({finding.requirement})"
    if outcome.migrated is None:
        return f"{line}: {outcome.reason}"
    line += f" -> {outcome.target_id}"
    if outcome.status == "review":
        line += f", of {', '.join(outcome.targets)}"
    if outcome.checkpoint_dropped is not None:
        line += (
            f"; checkpoint {outcome.checkpoint_dropped} dropped (no corresponding "
            f"checkpoint in {outcome.target_id})"
        )
    return line


shape(
    FindingOutcome,
    Key("id", str, "The finding's id.", get=lambda o: o.finding.id),
    Key(
        "requirement",
        str,
        "The requirement it is about in the source edition.",
        get=lambda o: o.finding.requirement,
    ),
    Key("kind", str, "The finding's kind.", get=lambda o: o.finding.kind),
    Key("text", str, "What was found.", get=lambda o: o.finding.text),
    "status",
    "target_id",
    "targets",
    "relationships",
    Key(
        "checkpoint",
        str | None,
        "The checkpoint it is about in the source edition, if one.",
        get=lambda o: o.finding.checkpoint,
    ),
    Key(
        "target_checkpoint",
        str | None,
        "The checkpoint it is about in the target edition, if one.",
        get=lambda o: None if o.migrated is None else o.migrated.checkpoint,
    ),
    "checkpoint_dropped",
    "reason",
    "cause",
)


def _count(status: OutcomeStatus) -> Key:
    return Key(
        status,
        int,
        {
            "carried": "Ratings taken over.",
            "review": "Ratings to look at again.",
            "new": "Target requirements without a source.",
        }[status],
        get=lambda migration: len(migration.with_status(status)),
    )


shape(
    Migration,
    "source",
    "target",
    Key(
        "organisation",
        str,
        "The audited organisation's name.",
        get=lambda migration: migration.assessment.organisation,
    ),
    Key(
        "date",
        datetime.date,
        "The audit's date (ISO 8601).",
        get=lambda migration: migration.assessment.date,
    ),
    Key(
        "counts",
        Object(
            "How many outcomes of each status, and how many ratings were dropped.",
            (
                _count("carried"),
                _count("review"),
                _count("new"),
                Key(
                    "dropped",
                    int,
                    "Source ratings carried nowhere.",
                    get=lambda migration: len(migration.dropped),
                ),
            ),
        ),
        get=lambda migration: migration,
    ),
    "outcomes",
    "dropped",
    Key(
        "findings",
        tuple[FindingOutcome, ...],
        "One per finding of the source assessment: where it went, or why it "
        "was dropped (only where the assessment has findings).",
        get=lambda migration: migration.findings or OMIT,
        optional=True,
    ),
    marker=MIGRATION_FORMAT,
)


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
        The migrated assessment with one outcome per target requirement,
        the ratings that were dropped, and one outcome per finding.

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
        findings=tuple(
            FindingOutcome(
                finding=finding,
                status="carried",
                migrated=finding,
                targets=(finding.requirement,),
                relationships=("equal",),
                reason="same edition",
            )
            for finding in assessment.findings
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
    One migration's state: the ratings built, and what of each source
    rating they hold.
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
        # Source id -> the target ids holding its rating, and the met
        # checkpoints of it that some target holds: what is not held is
        # dropped (conservation, see the module documentation).
        self.held_by: dict[str, list[str]] = {}
        self.checkpoints_held: dict[str, set[str]] = {}
        self._source_ids = {r.id for r in source.requirements}

    def _hold(self, source_id: str, target_id: str, checkpoints: Iterable[str]) -> None:
        self.held_by.setdefault(source_id, []).append(target_id)
        self.checkpoints_held.setdefault(source_id, set()).update(checkpoints)

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
        findings = tuple(self._finding(f) for f in self.assessment.findings)
        assessment = attrs.evolve(
            self.assessment,
            edition=self.target.id,
            scale=self._scale(),
            extensions=tuple(e for e in self.assessment.extensions if e in self.keep),
            ratings=Ratings(ratings),
            findings=tuple(f.migrated for f in findings if f.migrated is not None),
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
            findings=findings,
        )

    def _finding(self, finding: Finding) -> FindingOutcome:
        source_id = finding.requirement
        rows = tuple(r for r in self.crosswalk.targets_of(source_id) if r.related)
        if not rows and self._carries_extension(source_id):
            rows = (
                CrosswalkMapping(
                    source=source_id,
                    target=source_id,
                    relationship="equal",
                    rationale=f"extension {_namespace(source_id)!r} also targets "
                    f"{self.target.id}",
                ),
            )
        if not rows:
            reason, cause, detail = self._drop_cause(source_id)
            return FindingOutcome(
                finding=finding,
                status="dropped",
                reason=reason,
                cause=cause,
                detail=detail,
            )
        first = rows[0]
        targets = tuple(row.target for row in rows)
        checkpoint, dropped = self._finding_checkpoint(finding, first)
        moved = attrs.evolve(finding, requirement=first.target, checkpoint=checkpoint)
        related = ", ".join(f"{row.relationship} to {row.target}" for row in rows)
        if len(rows) == 1:
            return FindingOutcome(
                finding=finding,
                status="carried",
                migrated=moved,
                targets=targets,
                relationships=(first.relationship,),
                checkpoint_dropped=dropped,
                reason=related,
            )
        # Dutch, as the assessment file the mark is written to.
        candidates = ", ".join(f"{row.target} ({row.relationship})" for row in rows)
        mark = (
            f"Eis {source_id} van {self.source.id} komt terug in meerdere eisen "
            f"van {self.target.id}: {candidates}. De bevinding staat bij "
            f"{first.target}; kies de eis waar ze bij hoort en verwijder deze "
            "markering."
        )
        return FindingOutcome(
            finding=finding,
            status="review",
            migrated=attrs.evolve(moved, review=mark),
            targets=targets,
            relationships=tuple(row.relationship for row in rows),
            checkpoint_dropped=dropped,
            reason=f"{related}; placed under the first, {first.target}",
        )

    def _finding_checkpoint(
        self, finding: Finding, row: CrosswalkMapping
    ) -> tuple[str | None, str | None]:
        """
        The finding's checkpoint in the target, and the one dropped.
        """
        if finding.checkpoint is None:
            return None, None
        target = next((r for r in self.target.requirements if r.id == row.target), None)
        if target is None:
            # An extension's requirement under an id the target standard
            # does not have (its extension not applied): kept as it is.
            return finding.checkpoint, None
        same_item = (
            row.relationship == "equal"
            and row.source == target.id
            and (
                target.inherited_from == self.source.id
                or _namespace(target.id) is not None
            )
        )
        mapping = corresponding_checkpoints(
            self.source.requirement(row.source), target, same_item=same_item
        )
        found = mapping.get(finding.checkpoint)
        return found, None if found is not None else finding.checkpoint

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
            rationales=(entry.rationale,) if entry is not None else (),
        )

    def _extension_outcome(self, requirement_id: str) -> Outcome:
        rating = self.ratings.get(requirement_id)
        not_carried: tuple[str, ...] = ()
        target = next(
            (r for r in self.target.requirements if r.id == requirement_id), None
        )
        if rating is not None:
            held = rating.checkpoints_met
            if rating.checkpoints_met and target is not None:
                mapping = corresponding_checkpoints(
                    self.source.requirement(requirement_id), target, same_item=True
                )
                held = tuple(c for c in rating.checkpoints_met if c in mapping)
                not_carried = tuple(
                    c for c in rating.checkpoints_met if c not in mapping
                )
                rating = attrs.evolve(
                    rating, checkpoints_met=tuple(mapping[c] for c in held)
                )
            self._hold(requirement_id, requirement_id, held)
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
        rationales = tuple(row.rationale for row in rows)
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
                rationales=rationales,
            )
        found = _Reviewed([(s, self.ratings.get(s)) for s in sources])
        rating = found.rating(self.source.id, _review_reason(rows, found))
        # Met checkpoints of a source are not carried here; with no
        # rating, a source holds nothing but them, which are dropped.
        for source_id, _ in found.present:
            self._hold(source_id, requirement.id, ())
        related = ", ".join(f"{row.relationship} to {row.source}" for row in rows)
        return Outcome(
            target_id=requirement.id,
            status="review",
            sources=sources,
            relationships=relationships,
            rating=rating,
            reason=f"{related}; {found.how}",
            checkpoints_not_carried=tuple(c for s in sources for c in self._met(s)),
            rationales=rationales,
            unrated=found.unrated,
        )

    def _met(self, requirement_id: str) -> tuple[str, ...]:
        rating = self.ratings.get(requirement_id)
        return rating.checkpoints_met if rating is not None else ()

    def _carried(
        self, requirement: Requirement, row: CrosswalkMapping
    ) -> tuple[Rating | None, tuple[str, ...]]:
        rating = self.ratings.get(row.source)
        if rating is None:
            return None, ()
        if not rating.checkpoints_met:
            self._hold(row.source, requirement.id, ())
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
        held = tuple(c for c in rating.checkpoints_met if c in mapping)
        not_carried = tuple(c for c in rating.checkpoints_met if c not in mapping)
        self._hold(row.source, requirement.id, held)
        met = tuple(mapping[c] for c in held)
        return attrs.evolve(rating, checkpoints_met=met), not_carried

    def _dropped(self) -> Iterator[DroppedRating]:
        for requirement_id, rating in self.ratings.items():
            targets = tuple(dict.fromkeys(self.held_by.get(requirement_id, ())))
            if not targets:
                if requirement_id in self.used and not _has_parts(rating):
                    # Nothing to lose: an empty rating mapped somewhere.
                    continue
                yield self._dropped_whole(requirement_id, rating)
                continue
            held = self.checkpoints_held[requirement_id]
            lost = tuple(c for c in rating.checkpoints_met if c not in held)
            if lost:
                yield DroppedRating(
                    requirement_id=requirement_id,
                    rating=Rating(checkpoints_met=lost),
                    reason=f"met checkpoints {', '.join(lost)} are carried to "
                    f"none of {', '.join(targets)} (no corresponding checkpoint, "
                    "or under review)",
                    cause="checkpoints",
                    targets=targets,
                )

    def _dropped_whole(self, requirement_id: str, rating: Rating) -> DroppedRating:
        reason, cause, detail = self._drop_cause(requirement_id)
        return DroppedRating(
            requirement_id=requirement_id,
            rating=rating,
            reason=reason,
            cause=cause,
            detail=detail,
        )

    def _drop_cause(self, requirement_id: str) -> tuple[str, DropCause, str]:
        """
        Why what is on *requirement_id* goes to no target: the reason in
        words, the cause and the crosswalk's rationale of a removal.
        """
        removal = self.crosswalk.removal(requirement_id)
        if removal is not None:
            return (
                f"removed in {self.target.id}: {removal.rationale}",
                "removed",
                removal.rationale,
            )
        namespace = _namespace(requirement_id)
        if namespace is not None and not self.crosswalk.targets_of(requirement_id):
            if namespace not in self.keep:
                return (
                    f"extension {namespace!r} is not carried to {self.target.id}",
                    "extension_not_carried",
                    "",
                )
            return (
                (
                    f"{self.target.id} with extension {namespace!r} has no "
                    f"requirement {requirement_id}"
                ),
                "extension_without_requirement",
                "",
            )
        return (
            f"the crosswalk maps it to no requirement of {self.target.id}",
            "unmapped",
            "",
        )


def _has_parts(rating: Rating) -> bool:
    # A part the migration must carry or drop (the review mark of a
    # rating migrated before is replaced, not carried).
    return bool(
        rating.rated
        or rating.not_applicable
        or rating.evidence
        or rating.checkpoints_met
        or rating.note is not None
    )


def _has_more_than_checkpoints(rating: Rating) -> bool:
    return _has_parts(attrs.evolve(rating, checkpoints_met=()))


def _decided(rating: Rating | None) -> bool:
    return rating is not None and (rating.rated or rating.not_applicable)


def _number(value: float) -> str:
    return f"{value:g}"


class _Reviewed:
    """
    The rating of a target requirement under review, from its sources
    (see the module documentation).
    """

    def __init__(self, sources: list[tuple[str, Rating | None]]) -> None:
        self.sources = sources
        self.present = [
            (rid, rating)
            for rid, rating in sources
            if rating is not None and _has_parts(rating)
        ]
        self.unrated = tuple(rid for rid, rating in sources if not _decided(rating))
        ids = ", ".join(rid for rid, _ in sources)
        self.values = [
            r.value for _, r in sources if r is not None and r.value is not None
        ]
        # English for the outcome's reason, Dutch for the review mark in
        # the (Dutch) assessment file.
        if self.unrated:
            unrated = ", ".join(self.unrated)
            self.how = f"unrated, as {unrated} is unrated"
            verb = "is" if len(self.unrated) == 1 else "zijn"
            self.hoe = f"geen, want {unrated} {verb} niet beoordeeld"
        elif not self.values:
            self.how = f"not applicable, as {ids} is"
            verb = "is" if len(sources) == 1 else "zijn"
            self.hoe = f"niet van toepassing, want {ids} {verb} niet van toepassing"
        else:
            self.how = f"the lowest of {ids}"
            self.hoe = f"de laagste van {ids}"

    def rating(self, edition: str, reason: str) -> Rating | None:
        """
        The target's rating, marked for review with *reason*; ``None``
        when no source has anything but met checkpoints.
        """
        held = [(rid, r) for rid, r in self.present if _has_more_than_checkpoints(r)]
        if not held:
            return None
        evidence: list[Evidence] = []
        for _, rating in held:
            evidence.extend(e for e in rating.evidence if e not in evidence)
        note = f"Uit {edition}: " + "; ".join(
            _source_note(rid, rating) for rid, rating in self.sources
        )
        value = None if self.unrated or not self.values else min(self.values)
        not_applicable = not self.unrated and not self.values
        justification = (
            _joined((rid, r.justification) for rid, r in held)
            if not_applicable
            else None
        )
        return Rating(
            value=value,
            not_applicable=not_applicable,
            justification=justification,
            evidence=tuple(evidence),
            note=note,
            review=Review(reason=reason, value=value, not_applicable=not_applicable),
        )


def _source_note(requirement_id: str, rating: Rating | None) -> str:
    """
    What one source gave, for the note of a target under review: its
    value or not applicable with the justification, and its note.
    """
    if rating is not None and rating.value is not None:
        shown = f"{requirement_id}: {_number(rating.value)}"
    elif rating is not None and rating.not_applicable:
        shown = (
            f"{requirement_id}: niet van toepassing "
            f"(motivering: {rating.justification})"
        )
    else:
        shown = f"{requirement_id}: niet beoordeeld"
    if rating is not None and rating.note is not None:
        shown += f" (opmerking: {rating.note})"
    return shown


def _review_reason(rows: tuple[CrosswalkMapping, ...], found: _Reviewed) -> str:
    """
    The reason of a review mark, in Dutch as the assessment file is: each
    source's relationship and the crosswalk's rationale, then how the
    rating was found.
    """
    related = "; ".join(
        f"{row.source} ({row.relationship}): {row.rationale}" for row in rows
    )
    # Rationales are sentences that mostly end in a full stop already.
    stop = "" if related.endswith(".") else "."
    return f"{related}{stop} Waarde: {found.hoe}."


def _joined(texts: Iterable[tuple[str, str | None]]) -> str | None:
    found = [(rid, text) for rid, text in texts if text is not None]
    if not found:
        return None
    if len({text for _, text in found}) == 1:
        return found[0][1]
    return "; ".join(f"{rid}: {text}" for rid, text in found)
