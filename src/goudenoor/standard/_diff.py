"""
What changed between two editions of the standard: areas, points,
requirements and checkpoints, with word-level diffs of the Dutch texts.

Items are matched by id: areas by number, requirements by requirement id,
checkpoints by checkpoint id. A requirement the new edition records as
inherited (:attr:`~goudenoor.standard.Requirement.inherited_from`) is matched
to the requirement with its id in the old edition and listed as inherited.
Matching by id says nothing about meaning: a requirement whose words were
all replaced under the same id is *reworded* here; a crosswalk
(:mod:`goudenoor.standard`) says which requirements correspond.
This module never reads a file.
"""

from __future__ import annotations

import difflib
from operator import attrgetter
from typing import Any, Literal

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._data import Key, Object, shape, to_data
from goudenoor._text import text_lines
from goudenoor.standard._model import Requirement, Standard


__all__ = [
    "RewordedField",
    "EDITION_DIFF_FORMAT",
    "AreaRename",
    "EditionDiff",
    "Inherited",
    "PointsChange",
    "Rewording",
    "WordDiff",
    "WordOp",
    "diff_editions",
    "word_diff",
]


def __dir__() -> list[str]:
    return __all__


EDITION_DIFF_FORMAT = "edition-diff/1"
"""The format marker of :meth:`EditionDiff.as_dict`."""

WordOp = Literal["equal", "delete", "insert"]
"""What happened to a run of words."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class WordDiff:
    """
    A word-level diff of two texts.

    Attributes:
        ops: Runs of words, in order: ``("equal", words)`` in both,
            ``("delete", words)`` only in the old text, ``("insert",
            words)`` only in the new one. Words are joined by one space.
    """

    ops: tuple[tuple[WordOp, str], ...]

    @property
    def old(self) -> str:
        """
        The old text, whitespace normalised.
        """
        return " ".join(words for op, words in self.ops if op != "insert")

    @property
    def new(self) -> str:
        """
        The new text, whitespace normalised.
        """
        return " ".join(words for op, words in self.ops if op != "delete")

    @property
    def similarity(self) -> float:
        """
        The share of words the two texts have in common, from 0 to 1.
        """
        same = sum(len(words.split()) for op, words in self.ops if op == "equal")
        total = len(self.old.split()) + len(self.new.split())
        return 1.0 if total == 0 else 2 * same / total

    def rendered(self) -> str:
        """
        The diff as one line: ``[-old words-]{+new words+}``.
        """
        marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
        return " ".join(marks[op].format(words) for op, words in self.ops)


def word_diff(old: str, new: str) -> WordDiff:
    """
    Diff *old* and *new* word by word (whitespace does not count).

    Args:
        old: The old text.
        new: The new text.

    Returns:
        The runs of equal, deleted and inserted words.
    """
    a, b = old.split(), new.split()
    ops: list[tuple[WordOp, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("insert", " ".join(b[j1:j2])))
    return WordDiff(ops=tuple(ops))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaRename:
    """
    An area whose name changed.

    Attributes:
        area_id: The area's id.
        old_name: Its name in the old edition.
        new_name: Its name in the new edition.
    """

    area_id: str
    old_name: str
    new_name: str


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PointsChange:
    """
    An area whose points, or whether they are assumed, changed.

    Attributes:
        area_id: The area's id.
        old_points: Its points in the old edition.
        new_points: Its points in the new edition.
        old_assumed: The old points were not published but assumed.
        new_assumed: The new points were not published but assumed.
    """

    area_id: str
    old_points: float
    new_points: float
    old_assumed: bool
    new_assumed: bool


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Inherited:
    """
    A requirement the new edition took over from another edition.

    Attributes:
        requirement_id: The requirement's id.
        inherited_from: The edition it was taken from.
    """

    requirement_id: str
    inherited_from: str


RewordedField = Literal["text", "evidence"]
"""Which text of a requirement changed."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Rewording:
    """
    A text that changed under the same id.

    Attributes:
        item_id: The requirement or checkpoint id.
        field: ``text`` (the requirement's words with their lead, or the
            checkpoint's) or ``evidence`` (the evidence clause).
        diff: The word-level diff.
    """

    item_id: str
    field: RewordedField
    diff: WordDiff


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EditionDiff:
    """
    What changed from one edition to another (see the module
    documentation for how items are matched).

    Attributes:
        old: The old edition's id.
        new: The new edition's id.
        areas_added: Area ids only in the new edition.
        areas_removed: Area ids only in the old edition.
        areas_renamed: Areas whose name changed.
        points_changed: Areas whose points or assumed-ness changed.
        requirements_added: Requirement ids only in the new edition.
        requirements_removed: Requirement ids only in the old edition.
        requirements_inherited: Requirements in both that an edition
            records as inherited.
        requirements_reworded: Requirement texts and evidence clauses
            that changed.
        checkpoints_added: Checkpoint ids new to a requirement in both
            editions (those of added requirements come with them).
        checkpoints_removed: Checkpoint ids gone from a requirement in
            both editions.
        checkpoints_reworded: Checkpoint texts that changed.
    """

    old: str
    new: str
    areas_added: tuple[str, ...] = ()
    areas_removed: tuple[str, ...] = ()
    areas_renamed: tuple[AreaRename, ...] = ()
    points_changed: tuple[PointsChange, ...] = ()
    requirements_added: tuple[str, ...] = ()
    requirements_removed: tuple[str, ...] = ()
    requirements_inherited: tuple[Inherited, ...] = ()
    requirements_reworded: tuple[Rewording, ...] = ()
    checkpoints_added: tuple[str, ...] = ()
    checkpoints_removed: tuple[str, ...] = ()
    checkpoints_reworded: tuple[Rewording, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """
        The diff as JSON-ready data, marked ``edition-diff/1``.
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The diff for the terminal, one section per kind of change (empty
        sections left out).
        """
        lines = [f"{self.old} -> {self.new}"]

        def section(title: str, items: list[str], *, inline: bool = True) -> None:
            if not items:
                return
            if inline:
                lines.append(f"{title} ({len(items)}): {', '.join(items)}")
            else:
                lines.append(f"{title} ({len(items)}):")
                lines.extend(f"  {item}" for item in items)

        section("areas added", list(self.areas_added))
        section("areas removed", list(self.areas_removed))
        section(
            "areas renamed",
            [f"{r.area_id} {r.old_name} -> {r.new_name}" for r in self.areas_renamed],
            inline=False,
        )
        section(
            "points changed",
            [
                f"{p.area_id}: {_points(p.old_points, p.old_assumed)} -> "
                f"{_points(p.new_points, p.new_assumed)}"
                for p in self.points_changed
            ],
            inline=False,
        )
        section("requirements added", list(self.requirements_added))
        section("requirements removed", list(self.requirements_removed))
        section(
            "requirements inherited",
            [
                f"{i.requirement_id} (from {i.inherited_from})"
                for i in self.requirements_inherited
            ],
        )
        section(
            "requirements reworded",
            [_reworded(r) for r in self.requirements_reworded],
            inline=False,
        )
        section("checkpoints added", list(self.checkpoints_added))
        section("checkpoints removed", list(self.checkpoints_removed))
        section(
            "checkpoints reworded",
            [_reworded(r) for r in self.checkpoints_reworded],
            inline=False,
        )
        if len(lines) == 1:
            lines.append("no changes")
        return text_lines(lines)


shape(
    Rewording,
    Key("id", str, "The requirement or checkpoint id.", get=attrgetter("item_id")),
    "field",
    Key("old", str, "The old text, whitespace normalised.", get=lambda r: r.diff.old),
    Key("new", str, "The new text, whitespace normalised.", get=lambda r: r.diff.new),
    Key(
        "similarity",
        float,
        "The share of words the texts have in common (0 to 1, three decimals).",
        get=lambda r: round(r.diff.similarity, 3),
        schema={"minimum": 0, "maximum": 1},
    ),
    Key(
        "ops",
        tuple[tuple[WordOp, str], ...],
        "Runs of words in order, each [op, words]: equal (in both), delete "
        "(only old) or insert (only new).",
        get=lambda r: r.diff.ops,
    ),
    Key(
        "rendered",
        str,
        "The diff as one line: [-old words-]{+new words+}.",
        get=lambda r: r.diff.rendered(),
    ),
)


def _changes(what: str, *keys: tuple[str, str, Any, str]) -> Key:
    # One group of changes ("areas": {"added": ...}) read from the diff's
    # fields (areas_added, ...).
    return Key(
        what,
        Object(
            f"Changes to {what}.",
            tuple(
                Key(name, tp, doc, get=attrgetter(field))
                for name, field, tp, doc in keys
            ),
        ),
        get=lambda diff: diff,
    )


_IDS = tuple[str, ...]

shape(
    EditionDiff,
    "old",
    "new",
    _changes(
        "areas",
        ("added", "areas_added", _IDS, "Area ids only in the new edition."),
        ("removed", "areas_removed", _IDS, "Area ids only in the old edition."),
        (
            "renamed",
            "areas_renamed",
            tuple[AreaRename, ...],
            "Areas whose name changed.",
        ),
        (
            "points_changed",
            "points_changed",
            tuple[PointsChange, ...],
            "Areas whose points or assumed-ness changed.",
        ),
    ),
    _changes(
        "requirements",
        (
            "added",
            "requirements_added",
            _IDS,
            "Requirement ids only in the new edition.",
        ),
        (
            "removed",
            "requirements_removed",
            _IDS,
            "Requirement ids only in the old edition.",
        ),
        (
            "inherited",
            "requirements_inherited",
            tuple[Inherited, ...],
            "Requirements in both that an edition records as inherited.",
        ),
        (
            "reworded",
            "requirements_reworded",
            tuple[Rewording, ...],
            "Requirement texts and evidence clauses that changed.",
        ),
    ),
    _changes(
        "checkpoints",
        (
            "added",
            "checkpoints_added",
            _IDS,
            "Checkpoint ids new to a requirement in both editions.",
        ),
        (
            "removed",
            "checkpoints_removed",
            _IDS,
            "Checkpoint ids gone from a requirement in both editions.",
        ),
        (
            "reworded",
            "checkpoints_reworded",
            tuple[Rewording, ...],
            "Checkpoint texts that changed.",
        ),
    ),
    marker=EDITION_DIFF_FORMAT,
)


def _points(points: float, assumed: bool) -> str:
    return f"{points:g} (assumed)" if assumed else f"{points:g}"


def _reworded(rewording: Rewording) -> str:
    field = "" if rewording.field == "text" else " evidence"
    return f"{rewording.item_id}{field}: {rewording.diff.rendered()}"


@checked
def diff_editions(old: Standard, new: Standard) -> EditionDiff:
    """
    What changed from edition *old* to edition *new*.

    Areas are matched by number, requirements and checkpoints by id (see
    the module documentation); the order is the editions' own.

    Args:
        old: The earlier edition.
        new: The later edition.

    Returns:
        The changes; empty lists where nothing changed.
    """
    old_areas = {a.id: a for a in old.areas}
    new_areas = {a.id: a for a in new.areas}
    both_areas = [(old_areas[a.id], a) for a in new.areas if a.id in old_areas]
    old_reqs = {r.id: r for r in old.requirements}
    new_reqs = {r.id: r for r in new.requirements}
    both = [(old_reqs[r.id], r) for r in new.requirements if r.id in old_reqs]
    reworded: list[Rewording] = []
    checkpoints_reworded: list[Rewording] = []
    added: list[str] = []
    removed: list[str] = []
    for before, after in both:
        reworded.extend(_requirement_rewordings(before, after))
        old_cps = {c.id: c for c in before.checkpoints}
        new_cps = {c.id: c for c in after.checkpoints}
        added.extend(c.id for c in after.checkpoints if c.id not in old_cps)
        removed.extend(c.id for c in before.checkpoints if c.id not in new_cps)
        checkpoints_reworded.extend(
            Rewording(
                item_id=c.id, field="text", diff=word_diff(old_cps[c.id].text, c.text)
            )
            for c in after.checkpoints
            if c.id in old_cps and _changed(old_cps[c.id].text, c.text)
        )
    return EditionDiff(
        old=old.id,
        new=new.id,
        areas_added=tuple(i for i in new_areas if i not in old_areas),
        areas_removed=tuple(i for i in old_areas if i not in new_areas),
        areas_renamed=tuple(
            AreaRename(area_id=a.id, old_name=a.name, new_name=b.name)
            for a, b in both_areas
            if a.name != b.name
        ),
        points_changed=tuple(
            PointsChange(
                area_id=a.id,
                old_points=a.points,
                new_points=b.points,
                old_assumed=a.points_assumed,
                new_assumed=b.points_assumed,
            )
            for a, b in both_areas
            if (a.points, a.points_assumed) != (b.points, b.points_assumed)
        ),
        requirements_added=tuple(i for i in new_reqs if i not in old_reqs),
        requirements_removed=tuple(i for i in old_reqs if i not in new_reqs),
        requirements_inherited=tuple(
            _inherited(after, new.id)
            for before, after in both
            if after.inherited_from is not None or before.inherited_from == new.id
        ),
        requirements_reworded=tuple(reworded),
        checkpoints_added=tuple(added),
        checkpoints_removed=tuple(removed),
        checkpoints_reworded=tuple(checkpoints_reworded),
    )


def _changed(old: str | None, new: str | None) -> bool:
    return (old or "").split() != (new or "").split()


def _inherited(after: Requirement, new: str) -> Inherited:
    # The new edition names where it took the requirement from; otherwise
    # the old edition took it from the new one (a diff run backwards).
    return Inherited(
        requirement_id=after.id, inherited_from=after.inherited_from or new
    )


def _requirement_rewordings(before: Requirement, after: Requirement) -> list[Rewording]:
    found = []
    if _changed(before.full_text, after.full_text):
        found.append(
            Rewording(
                item_id=after.id,
                field="text",
                diff=word_diff(before.full_text, after.full_text),
            )
        )
    if _changed(before.evidence, after.evidence):
        found.append(
            Rewording(
                item_id=after.id,
                field="evidence",
                diff=word_diff(before.evidence or "", after.evidence or ""),
            )
        )
    return found
