"""
Comparing two score cards of the same organisation: the yearly review.

Areas are matched by id. Requirements are matched by id within one
edition. Across editions (for example gos-2012 and gos-2016) they are
matched through a :class:`~goudenoor.standard.Crosswalk` when one is
given: one change per requirement of the new edition, with the old
requirements it maps from. Without a crosswalk they are matched by id as
far as the editions share ids, with a warning.

Across editions, an area's change is split in two (see
:class:`AreaChange`): the edition's effect, what the old ratings are worth
in the new edition (carried by :func:`~goudenoor.audit.migrate_assessment`
and scored there), and the ratings' effect, the rest.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._data import Key, Object, shape, to_data
from goudenoor._text import text_lines
from goudenoor.audit._audit import Audit
from goudenoor.audit._graph import Risk
from goudenoor.audit._migration import migrate_assessment
from goudenoor.audit._scoring import RequirementResult, ScoreCard, card_of, score
from goudenoor.audit._scoring._card import (
    CARD_HEADER,
    POINTS,
    format_points,
    format_rating,
)
from goudenoor.exceptions import GoudenoorError
from goudenoor.standard import Crosswalk


__all__ = [
    "COMPARISON_FORMAT",
    "AreaChange",
    "Comparison",
    "ComparisonNote",
    "RequirementChange",
    "compare",
]


def __dir__() -> list[str]:
    return __all__


_EPSILON = 1e-9

COMPARISON_FORMAT = "comparison/1"
"""The format marker of :meth:`Comparison.as_dict`."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaChange:
    """
    How one area's points changed.

    Attributes:
        area_id: The area.
        name: Its name (in the new audit's edition).
        old_points: Points in the old audit (``None`` if it had no such area).
        new_points: Points in the new audit (``None`` likewise).
        max_points: The area's maximum in the new audit.
        delta: ``new_points - old_points`` (0 where one side is missing).
        edition_effect: Across editions compared through a crosswalk: the
            points the OLD ratings earn in this area of the new edition
            (carried through the crosswalk by the migration rules and
            scored with the new audit's method and scheme) minus
            :attr:`old_points` (0 for an area the old audit did not have).
            Other requirements and other weights, no change in ratings.
            ``None`` otherwise.
        rating_effect: The rest: :attr:`new_points` minus those points, the
            change the new ratings made. ``None`` when
            :attr:`edition_effect` is.
    """

    area_id: str
    name: str
    old_points: float | None
    new_points: float | None
    max_points: float
    delta: float
    edition_effect: float | None = None
    rating_effect: float | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RequirementChange:
    """
    How one requirement's rating changed.

    Attributes:
        requirement_id: The requirement.
        kind: ``changed``, ``added`` (only in the new audit's standard) or
            ``dropped`` (only in the old one).
        old_value: The old rating's value (``None`` if unrated or N/A).
        new_value: The new rating's value.
        old_status: The old status (rated, unrated, not-applicable, ...).
        new_status: The new status.
        old_points: Points it contributed before (0 if absent). Matched
            through a crosswalk: the points of its sources, each source's
            points shared equally among the requirements it maps to (so
            a source's points are counted once).
        new_points: Points it contributes now (0 if absent).
        sources: Matched through a crosswalk: the old requirements it maps
            from (the old value is the lowest of theirs, the old status
            the first one's); empty when matched by id.
    """

    requirement_id: str
    kind: Literal["changed", "added", "dropped"]
    old_value: float | None
    new_value: float | None
    old_status: str | None
    new_status: str | None
    old_points: float
    new_points: float
    sources: tuple[str, ...] = ()

    @property
    def delta(self) -> float:
        """
        ``new_points - old_points``.
        """
        return self.new_points - self.old_points

    @property
    def matched_from(self) -> tuple[str, ...]:
        """
        The :attr:`sources`, where they are worth naming: empty when the
        requirement was matched with the one of its own id only.
        """
        return () if self.sources == (self.requirement_id,) else self.sources


NoteCode = Literal[
    "organisation",
    "unit",
    "date",
    "edition",
    "scheme",
    "method",
    "scale",
    "matched-by-id",
]
"""What a :class:`ComparisonNote` is about."""

_DIFFERS: dict[str, str] = {
    "edition": "edition",
    "scheme": "recognition scheme",
    "method": "scoring method",
    "scale": "scale",
}


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ComparisonNote:
    """
    One thing a reader of a comparison should know, with the values it is
    about, so that each report can say it in its own language.

    Attributes:
        code: What differs: ``organisation``, ``unit``, ``date`` (the new
            audit is dated before the old one), ``edition``, ``scheme``,
            ``method``, ``scale``, or ``matched-by-id`` (editions differ
            and no crosswalk aligned their requirements).
        old: The old audit's value (``None`` for ``matched-by-id``, and for
            ``unit`` when the old audit has none).
        new: The new audit's value (likewise).
    """

    code: NoteCode
    old: str | None = None
    new: str | None = None

    @property
    def text(self) -> str:
        """
        The note as an English sentence.
        """
        if self.code == "organisation":
            return (
                f"the audits are of different organisations: {self.old!r} and "
                f"{self.new!r}"
            )
        if self.code == "unit":
            return (
                f"the audits are of different units: {_unit(self.old)} and "
                f"{_unit(self.new)}"
            )
        if self.code == "date":
            return (
                f"the new audit ({self.new}) is dated before the old one ({self.old})"
            )
        if self.code == "matched-by-id":
            return "requirements matched by id across editions"
        return f"the {_DIFFERS[self.code]} differs: {self.old} then {self.new}"


def _unit(unit: str | None) -> str:
    return "no unit" if unit is None else repr(unit)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Comparison:
    """
    The change between two audits of one organisation.

    Attributes:
        old: The earlier score card.
        new: The later score card.
        areas: Every area, in the new audit's order (areas only in the old
            audit last).
        requirements: Requirements whose value, status or points changed,
            and those added or dropped, in order.
        notes: What a reader should know (different organisations,
            editions, schemes or methods; a later audit dated earlier), as
            data; :attr:`warnings` says them in English.
    """

    old: ScoreCard = attrs.field(repr=False)
    new: ScoreCard = attrs.field(repr=False)
    areas: tuple[AreaChange, ...]
    requirements: tuple[RequirementChange, ...]
    notes: tuple[ComparisonNote, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        """
        The :attr:`notes` as English sentences.
        """
        return tuple(note.text for note in self.notes)

    @property
    def split_areas(self) -> tuple[AreaChange, ...]:
        """
        The areas whose change is split into the edition's effect and the
        ratings' (compared through a crosswalk).
        """
        return tuple(area for area in self.areas if area.edition_effect is not None)

    @property
    def total_delta(self) -> float:
        """
        The change in total points.
        """
        return self.new.total - self.old.total

    @property
    def level_changed(self) -> bool:
        """
        ``True`` if the recognition level differs.
        """
        old, new = self.old.level, self.new.level
        return (old.name if old else None) != (new.name if new else None)

    def as_dict(self) -> dict[str, Any]:
        """
        The comparison as plain data (for JSON), marked
        ``"goudenoor": "comparison/1"``: a summary of each audit, the
        change per area and per requirement, and the warnings.
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The comparison as plain text, as ``goudenoor compare`` prints it:
        one line per item, without control characters (names and texts
        from users cannot add lines or drive a terminal).
        """
        return text_lines(_text_lines(self))


_SUMMARY = Object(
    "One audit in brief.",
    (
        *CARD_HEADER,
        Key("points", POINTS, "The audit's points.", get=lambda card: card),
        Key(
            "level",
            str | None,
            "The recognition level reached, or null.",
            get=lambda card: card.level.name if card.level else None,
        ),
    ),
)

shape(RequirementChange, *(f.name for f in attrs.fields(RequirementChange)), "delta")
shape(
    Comparison,
    Key("old", _SUMMARY, "The earlier audit."),
    Key("new", _SUMMARY, "The later audit."),
    "total_delta",
    "level_changed",
    "areas",
    "requirements",
    Key(
        "warnings",
        tuple[str, ...],
        "What a reader should know: different organisations, editions, "
        "schemes, methods or scales; a later audit dated earlier.",
    ),
    marker=COMPARISON_FORMAT,
)

# The report's JSON is a card with the risks and, with --compare, the
# comparison: one schema, scorecard/1, says both (declared here, where the
# card, the risks and the comparison are all known).
shape(
    ScoreCard,
    Key(
        "risks",
        tuple[Risk, ...],
        "Only in goudenoor report's JSON: result areas at risk through weak drivers.",
        optional=True,
    ),
    Key(
        "comparison",
        Comparison,
        "Only in goudenoor report --compare's JSON: the comparison with the "
        "older audit.",
        optional=True,
    ),
)


@checked
def compare(
    old: ScoreCard | Audit,
    new: ScoreCard | Audit,
    *,
    crosswalk: Crosswalk | None = None,
    allow_different_organisations: bool = False,
    allow_reverse_dates: bool = False,
) -> Comparison:
    """
    Compare two audits (the old one first), each as its score card or as
    an Audit (scored with the defaults).

    A comparison is of one organisation (and one unit) over time, as
    :func:`goudenoor.trend` is: audits of two organisations or units, and
    a new audit dated before the old one, are refused unless allowed. The
    same date is no reverse order (a what-if of one audit, say). Allowed,
    they are compared and the :attr:`Comparison.notes` say so.

    Args:
        old: The earlier audit's score card.
        new: The later audit's score card.
        crosswalk: For audits against different editions: maps the old
            edition to the new one; requirements are aligned through it
            and each area's change is split into the edition's effect and
            the ratings' effect. Ignored for audits of one edition.
        allow_different_organisations: Compare audits of different
            organisations or units (a renamed organisation, or one site
            beside another).
        allow_reverse_dates: Compare even if *new* is dated before *old*.

    Raises:
        GoudenoorError: The crosswalk does not map the old audit's edition
            to the new audit's; the audits are of different organisations
            or units, or in reverse date order, and that is not allowed; the
            audits were scored against other extensions, or against
            extensions of the same ids with other content (their points are
            not comparable: see ``Standard.fingerprint``).

    >>> import goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> a = go.load_assessment("examples/audit-2012.yaml")
    >>> before = go.score(std, a)
    >>> after = go.what_if(std, a, {"4.1": 3, "4.2": 3})
    >>> c = go.compare(before, after)
    >>> c.total_delta
    5.0
    >>> [(x.requirement_id, x.old_value, x.new_value) for x in c.requirements]
    [('4.1', 1.0, 3.0), ('4.2', 1.0, 3.0)]
    """
    old, new = card_of(old), card_of(new)
    notes = _notes(old, new)
    _refuse(
        notes,
        allow_different_organisations=allow_different_organisations,
        allow_reverse_dates=allow_reverse_dates,
    )
    _refuse_other_standards(old, new)
    if old.standard.id == new.standard.id:
        crosswalk = None
    elif crosswalk is None:
        notes = (*notes, ComparisonNote(code="matched-by-id"))
    else:
        return _across(old, new, crosswalk, notes)
    return Comparison(
        old=old,
        new=new,
        areas=_area_changes(old, new),
        requirements=_requirement_changes(old, new),
        notes=notes,
    )


def _refuse_other_standards(old: ScoreCard, new: ScoreCard) -> None:
    """
    Refuse cards whose points are not comparable, as a trend does: other
    extensions, or within one edition another standard by content.
    """
    if old.standard.points_comparable(new.standard):
        return
    old_label, new_label = old.standard.label, new.standard.label
    same = (
        " (the same names with other content: another extension file with the same id)"
        if old_label == new_label
        else ""
    )
    msg = (
        "the audits were scored against standards whose points are not "
        f"comparable: {old_label} and {new_label}{same}; a comparison needs the "
        "same extensions, with the same content, in both audits"
    )
    raise GoudenoorError(msg)


def _refuse(
    notes: tuple[ComparisonNote, ...],
    *,
    allow_different_organisations: bool,
    allow_reverse_dates: bool,
) -> None:
    for note in notes:
        if note.code in {"organisation", "unit"} and not allow_different_organisations:
            msg = (
                f"{note.text}; a comparison is of one organisation and unit over "
                "time, unless different organisations are allowed"
            )
            raise GoudenoorError(msg)
        if note.code == "date" and not allow_reverse_dates:
            msg = f"{note.text}: give the older audit first, or allow reverse dates"
            raise GoudenoorError(msg)


def _across(
    old: ScoreCard,
    new: ScoreCard,
    crosswalk: Crosswalk,
    notes: tuple[ComparisonNote, ...],
) -> Comparison:
    if (crosswalk.source, crosswalk.target) != (old.standard.id, new.standard.id):
        msg = (
            f"the crosswalk maps {crosswalk.source} to {crosswalk.target}, the "
            f"audits are of {old.standard.id} and {new.standard.id}"
        )
        raise GoudenoorError(msg)
    migrated = migrate_assessment(
        old.assessment, source=old.standard, target=new.standard, crosswalk=crosswalk
    )
    recomputed = score(
        new.standard,
        migrated.assessment,
        method=new.method,
        scheme=new.scheme.id,
        parameters=dict(new.parameters),
        evidence_policy=new.evidence_policy,
        check=False,
    )
    areas = []
    for change in _area_changes(old, new):
        result = recomputed.areas.get(change.area_id)
        if result is None or change.new_points is None:
            areas.append(change)
            continue
        edition = result.points - (change.old_points or 0.0)
        areas.append(
            attrs.evolve(
                change,
                edition_effect=edition,
                rating_effect=change.new_points - result.points,
            )
        )
    return Comparison(
        old=old,
        new=new,
        areas=tuple(areas),
        requirements=_crosswalk_changes(old, new, crosswalk),
        notes=notes,
    )


def _crosswalk_changes(
    old: ScoreCard, new: ScoreCard, crosswalk: Crosswalk
) -> tuple[RequirementChange, ...]:
    changes = []
    for rid, after in new.requirements.items():
        sources = [
            row.source
            for row in crosswalk.sources_of(rid)
            if row.source in old.requirements
        ]
        if not sources:
            changes.append(_change(rid, "added", None, after))
            continue
        results = [old.requirements[s] for s in sources]
        values = [r.value for r in results if r.value is not None]
        old_points = sum(
            old.requirements[s].points / _share(crosswalk, s, new) for s in sources
        )
        change = RequirementChange(
            requirement_id=rid,
            kind="changed",
            old_value=min(values) if values else None,
            new_value=after.value,
            old_status=results[0].status,
            new_status=after.status,
            old_points=old_points,
            new_points=after.points,
            sources=tuple(sources),
        )
        if (
            change.old_value != change.new_value
            or change.old_status != change.new_status
            or abs(change.delta) > _EPSILON
        ):
            changes.append(change)
    changes.extend(
        _change(rid, "dropped", before, None)
        for rid, before in old.requirements.items()
        if not any(row.target in new.requirements for row in crosswalk.targets_of(rid))
    )
    return tuple(changes)


def _share(crosswalk: Crosswalk, source: str, new: ScoreCard) -> int:
    return sum(row.target in new.requirements for row in crosswalk.targets_of(source))


def _area_changes(old: ScoreCard, new: ScoreCard) -> tuple[AreaChange, ...]:
    changes = []
    for area_id, result in new.areas.items():
        before = old.areas.get(area_id)
        changes.append(
            AreaChange(
                area_id=area_id,
                name=result.name,
                old_points=before.points if before else None,
                new_points=result.points,
                max_points=result.max_points,
                delta=result.points - before.points if before else 0.0,
            )
        )
    changes.extend(
        AreaChange(
            area_id=area_id,
            name=result.name,
            old_points=result.points,
            new_points=None,
            max_points=result.max_points,
            delta=0.0,
        )
        for area_id, result in old.areas.items()
        if area_id not in new.areas
    )
    return tuple(changes)


def _requirement_changes(
    old: ScoreCard, new: ScoreCard
) -> tuple[RequirementChange, ...]:
    changes = []
    for rid, after in new.requirements.items():
        before = old.requirements.get(rid)
        if before is None:
            changes.append(_change(rid, "added", None, after))
        elif (
            before.value != after.value
            or before.status != after.status
            or abs(before.points - after.points) > _EPSILON
        ):
            changes.append(_change(rid, "changed", before, after))
    changes.extend(
        _change(rid, "dropped", before, None)
        for rid, before in old.requirements.items()
        if rid not in new.requirements
    )
    return tuple(changes)


def _change(
    rid: str,
    kind: Literal["changed", "added", "dropped"],
    before: RequirementResult | None,
    after: RequirementResult | None,
) -> RequirementChange:
    return RequirementChange(
        requirement_id=rid,
        kind=kind,
        old_value=before.value if before else None,
        new_value=after.value if after else None,
        old_status=before.status if before else None,
        new_status=after.status if after else None,
        old_points=before.points if before else 0.0,
        new_points=after.points if after else 0.0,
    )


def _notes(old: ScoreCard, new: ScoreCard) -> tuple[ComparisonNote, ...]:
    found = []
    a, b = old.assessment, new.assessment
    if a.organisation != b.organisation:
        found.append(
            ComparisonNote(code="organisation", old=a.organisation, new=b.organisation)
        )
    if a.unit != b.unit:
        found.append(ComparisonNote(code="unit", old=a.unit, new=b.unit))
    if b.date < a.date:
        found.append(
            ComparisonNote(code="date", old=a.date.isoformat(), new=b.date.isoformat())
        )
    differs: tuple[tuple[NoteCode, str, str], ...] = (
        ("edition", old.standard.id, new.standard.id),
        ("scheme", old.scheme.id, new.scheme.id),
        ("method", old.method, new.method),
        ("scale", old.scale.id, new.scale.id),
    )
    for code, before, after in differs:
        if before != after:
            found.append(ComparisonNote(code=code, old=before, new=after))
    return tuple(found)


def _level(card: ScoreCard) -> str:
    return card.level.name if card.level else "none"


def _text_lines(comparison: Comparison) -> list[str]:
    old, new = comparison.old, comparison.new
    title = (
        f"{new.assessment.organisation}: {old.assessment.date.isoformat()} "
        f"({old.standard.id}) -> {new.assessment.date.isoformat()} ({new.standard.id})"
    )
    lines = [
        title,
        "",
        f"{'area':<36} {'old':>7} {'new':>7} {'change':>7}",
    ]
    for area in comparison.areas:
        label = f"{area.area_id:>2} {area.name}"
        old_points, new_points = (
            format_points(area.old_points),
            format_points(area.new_points),
        )
        lines.append(f"{label:<36} {old_points:>7} {new_points:>7} {area.delta:+7.2f}")
    for name, before, after in (
        ("organisation", old.organisation_points, new.organisation_points),
        ("result", old.result_points, new.result_points),
        ("total", old.total, new.total),
    ):
        lines.append(f"{name:<36} {before:7.2f} {after:7.2f} {after - before:+7.2f}")
    lines += ["", f"level: {_level(old)} -> {_level(new)}"]
    if comparison.requirements:
        lines += ["", "requirements that changed:"]
        lines.extend(
            f"  {r.requirement_id:<10} "
            f"{format_rating(r.old_value, r.old_status):>8} -> "
            f"{format_rating(r.new_value, r.new_status):<8} {r.delta:+6.2f} points"
            + ("" if r.kind == "changed" else f"  ({r.kind})")
            + (f"  (from {', '.join(r.matched_from)})" if r.matched_from else "")
            for r in comparison.requirements
        )
    split = comparison.split_areas
    if split:
        lines += ["", f"{'area change from':<36} {'edition':>7} {'ratings':>7}"]
        lines.extend(
            f"{f'{a.area_id:>2} {a.name}':<36} {a.edition_effect:+7.2f} "
            f"{a.rating_effect or 0.0:+7.2f}"
            for a in split
        )
    if comparison.warnings:
        lines += ["", "note:"]
        lines.extend(f"  {warning}" for warning in comparison.warnings)
    return lines
