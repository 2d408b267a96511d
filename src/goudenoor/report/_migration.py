"""
The migration report for the terminal, in Dutch (default) or English:
what was carried, what needs review and why, what is new and what was
dropped. Sentences are built from the migration's structured fields; the
crosswalk's rationales are shown as they are.
"""

from __future__ import annotations

import attrs

from goudenoor._text import text_lines
from goudenoor.audit import (
    DropCause,
    DroppedRating,
    FindingOutcome,
    FindingOutcomeStatus,
    Migration,
    Outcome,
    OutcomeStatus,
    Rating,
)
from goudenoor.report._language import in_language


__all__ = ["migration_text"]


def __dir__() -> list[str]:
    return __all__


@attrs.frozen(kw_only=True)
class _Words:
    titles: tuple[tuple[OutcomeStatus, str], ...]
    dropped: str
    unrated: str
    not_applicable: str
    new_because: str
    new_unmapped: str
    review_unrated: str
    removed: str
    unmapped: str
    extension_not_carried: str
    extension_without_requirement: str
    checkpoints: str
    checkpoints_not_carried: str
    finding_titles: tuple[tuple[FindingOutcomeStatus, str], ...]
    candidates: str
    checkpoint_dropped: str


_BY_LANGUAGE = {
    "nl": _Words(
        titles=(
            ("carried", "overgenomen"),
            ("review", "te herbeoordelen"),
            ("new", "nieuw (niet beoordeeld)"),
        ),
        dropped="vervallen",
        unrated="niet beoordeeld",
        not_applicable="n.v.t.",
        new_because="nieuw in {target}: {rationale}",
        new_unmapped="geen eis van {source} verwijst ernaar",
        review_unrated="niet beoordeeld (niet beoordeeld: {ids})",
        removed="vervalt in {target}: {rationale}",
        unmapped="de crosswalk verwijst naar geen eis van {target}",
        extension_not_carried="uitbreiding {extension} gaat niet mee naar {target}",
        extension_without_requirement=(
            "{target} met uitbreiding {extension} heeft geen eis {requirement}"
        ),
        checkpoints="behaalde controlepunten {checkpoints}",
        checkpoints_not_carried=(
            "gaan naar geen van {targets} (geen overeenkomend controlepunt, of "
            "te herbeoordelen)"
        ),
        finding_titles=(
            ("carried", "bevindingen overgenomen"),
            ("review", "bevindingen te herbeoordelen"),
            ("dropped", "bevindingen vervallen"),
        ),
        candidates="een van {targets}",
        checkpoint_dropped=(
            "controlepunt {checkpoint} vervalt (geen overeenkomend controlepunt "
            "in {target})"
        ),
    ),
    "en": _Words(
        titles=(
            ("carried", "carried"),
            ("review", "to review"),
            ("new", "new (unrated)"),
        ),
        dropped="dropped",
        unrated="unrated",
        not_applicable="n/a",
        new_because="new in {target}: {rationale}",
        new_unmapped="no requirement of {source} maps to it",
        review_unrated="unrated ({ids} unrated)",
        removed="removed in {target}: {rationale}",
        unmapped="the crosswalk maps it to no requirement of {target}",
        extension_not_carried="extension {extension} is not carried to {target}",
        extension_without_requirement=(
            "{target} with extension {extension} has no requirement {requirement}"
        ),
        checkpoints="met checkpoints {checkpoints}",
        checkpoints_not_carried=(
            "are carried to none of {targets} (no corresponding checkpoint, or "
            "under review)"
        ),
        finding_titles=(
            ("carried", "findings carried"),
            ("review", "findings to review"),
            ("dropped", "findings dropped"),
        ),
        candidates="of {targets}",
        checkpoint_dropped=(
            "checkpoint {checkpoint} dropped (no corresponding checkpoint in {target})"
        ),
    ),
}


def migration_text(migration: Migration, language: str = "nl") -> str:
    """
    The migration report as ``goudenoor migrate`` prints it: one line per
    outcome, per dropped part and (where the assessment has findings) per
    finding, in *language* (``nl`` or ``en``).

    Raises:
        UnknownItemError: A language the report does not speak.
    """
    words = in_language(_BY_LANGUAGE, language)
    lines = [
        f"{migration.assessment.organisation}: {migration.source} -> {migration.target}"
    ]
    for status, title in words.titles:
        outcomes = migration.with_status(status)
        lines.append(f"{title} ({len(outcomes)}):")
        lines.extend(f"  {_outcome(o, migration, words)}" for o in outcomes)
    lines.append(f"{words.dropped} ({len(migration.dropped)}):")
    lines.extend(f"  {_dropped(d, migration, words)}" for d in migration.dropped)
    # Only an assessment with findings has their sections.
    if migration.findings:
        for finding_status, title in words.finding_titles:
            found = migration.findings_with(finding_status)
            lines.append(f"{title} ({len(found)}):")
            lines.extend(f"  {_finding(f, migration, words)}" for f in found)
    return text_lines(lines)


def _shown(rating: Rating | None, words: _Words) -> str:
    if rating is None or rating.value is None:
        return (
            words.not_applicable if rating and rating.not_applicable else words.unrated
        )
    return f"{rating.value:g}"


def _outcome(outcome: Outcome, migration: Migration, words: _Words) -> str:
    if outcome.status == "new":
        reason = (
            words.new_because.format(
                target=migration.target, rationale=outcome.rationales[0]
            )
            if outcome.rationales
            else words.new_unmapped.format(source=migration.source)
        )
        return f"{outcome.target_id}: {reason}"
    sources = ", ".join(
        f"{s} ({r})"
        for s, r in zip(outcome.sources, outcome.relationships, strict=True)
    )
    shown = _shown(outcome.rating, words)
    if outcome.unrated:
        shown = words.review_unrated.format(ids=", ".join(outcome.unrated))
    return f"{outcome.target_id} <- {sources}: {shown}"


def _finding(outcome: FindingOutcome, migration: Migration, words: _Words) -> str:
    finding = outcome.finding
    line = f"{finding.id} ({finding.requirement})"
    if outcome.migrated is None:
        assert outcome.cause is not None  # noqa: S101 - a dropped finding has one
        why = _why(outcome.cause, finding.requirement, outcome.detail, migration, words)
        return f"{line}: {why}"
    line += f" -> {outcome.target_id}"
    if outcome.status == "review":
        line += ", " + words.candidates.format(targets=", ".join(outcome.targets))
    if outcome.checkpoint_dropped is not None:
        line += "; " + words.checkpoint_dropped.format(
            checkpoint=outcome.checkpoint_dropped, target=outcome.target_id
        )
    return line


def _dropped(item: DroppedRating, migration: Migration, words: _Words) -> str:
    if item.cause == "checkpoints":
        what = words.checkpoints.format(
            checkpoints=", ".join(item.rating.checkpoints_met)
        )
        why = words.checkpoints_not_carried.format(targets=", ".join(item.targets))
        return f"{item.requirement_id} {what} {why}"
    why = _why(item.cause, item.requirement_id, item.detail, migration, words)
    return f"{item.requirement_id} {_shown(item.rating, words)}: {why}"


def _why(
    cause: DropCause,
    requirement_id: str,
    detail: str,
    migration: Migration,
    words: _Words,
) -> str:
    """
    Why what was on *requirement_id* went to no target, in words.
    """
    templates = {
        "removed": words.removed,
        "unmapped": words.unmapped,
        "extension_not_carried": words.extension_not_carried,
        "extension_without_requirement": words.extension_without_requirement,
    }
    return templates[cause].format(
        target=migration.target,
        rationale=detail,
        extension=repr(requirement_id.rpartition(":")[0]),
        requirement=requirement_id,
    )
