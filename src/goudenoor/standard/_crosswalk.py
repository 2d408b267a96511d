"""
Crosswalks between two editions of the standard: which requirement of one
edition corresponds to which requirement of the other, and how.

A :class:`Crosswalk` is the ``crosswalk/1`` format in Python.
Each row (:class:`CrosswalkMapping`) says what the *source* requirement is
relative to the *target* requirement, in the terms of NIST OLIR:

``equal``
    both ask the same;
``subset``
    the source asks less than the target;
``superset``
    the source asks more than the target;
``intersect``
    they overlap;
``not_related``
    two similar-looking requirements are *not* related (a row that
    records a decision, never a correspondence).

Whether a crosswalk fits two particular editions is checked by
:func:`crosswalk_problems` and :func:`check_crosswalk`.
This module never reads a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Final, Literal, get_args

import attrs

from goudenoor._checks import typed_fields
from goudenoor.exceptions import ModelError, ValidationError
from goudenoor.problems import PathElement, Problem, excerpt
from goudenoor.standard._model import Standard


__all__ = [
    "RELATIONSHIPS",
    "Crosswalk",
    "CrosswalkMapping",
    "NewRequirement",
    "Relationship",
    "RemovedRequirement",
    "check_crosswalk",
    "crosswalk_problems",
]


def __dir__() -> list[str]:
    return __all__


Relationship = Literal["equal", "subset", "superset", "intersect", "not_related"]
"""What the source requirement is relative to the target requirement."""

RELATIONSHIPS: Final[tuple[Relationship, ...]] = get_args(Relationship)
"""Every relationship, in the order the format lists them."""


def _empty(value: str | None, *path: PathElement) -> Iterator[Problem]:
    if value is not None and not value.strip():
        yield Problem(message="must not be empty", path=path)


def _raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise ModelError(problems)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CrosswalkMapping:
    """
    One related pair: a requirement of the source edition and one of the
    target edition.

    Attributes:
        source: Requirement id in the source edition (``"5.6"``; extension
            ids such as ``zorg:5.8`` are allowed).
        target: Requirement id in the target edition.
        relationship: What the source requirement is relative to the
            target (see the module documentation).
        rationale: Why: the words of both texts that justify the
            relationship.
        note: Free text.
    """

    source: str
    target: str
    relationship: Relationship
    rationale: str
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = [
            *_empty(self.source, "source"),
            *_empty(self.target, "target"),
            *_empty(self.rationale, "rationale"),
            *_empty(self.note, "note"),
        ]
        if self.relationship not in RELATIONSHIPS:
            problems.append(
                Problem(
                    message=f"unknown relationship {excerpt(str(self.relationship))} "
                    f"(expected one of {list(RELATIONSHIPS)})",
                    path=("relationship",),
                )
            )
        _raise_if_any(problems)

    @property
    def related(self) -> bool:
        """
        ``True`` unless the row records that the two are not related.
        """
        return self.relationship != "not_related"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class NewRequirement:
    """
    A target requirement that no source requirement maps to.

    Attributes:
        target: Requirement id in the target edition.
        rationale: Why nothing in the source edition corresponds.
    """

    target: str
    rationale: str

    def __attrs_post_init__(self) -> None:
        _raise_if_any(
            [*_empty(self.target, "target"), *_empty(self.rationale, "rationale")]
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RemovedRequirement:
    """
    A source requirement that no target requirement maps to.

    Attributes:
        source: Requirement id in the source edition.
        rationale: Why nothing in the target edition corresponds.
    """

    source: str
    rationale: str

    def __attrs_post_init__(self) -> None:
        _raise_if_any(
            [*_empty(self.source, "source"), *_empty(self.rationale, "rationale")]
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Crosswalk:
    """
    How the requirements of one edition correspond to those of another.

    Attributes:
        source: The edition id the rows map from (``gos-2012``).
        target: The edition id the rows map to (``gos-2016``).
        notes: Whose reading this is and what it rests on.
        mappings: One row per related pair, in file order.
        new: Target requirements that no source requirement maps to.
        removed: Source requirements that no target requirement maps to.
        origin: Where the crosswalk was read from, if anywhere (not part
            of equality).
    """

    source: str
    target: str
    notes: str
    mappings: tuple[CrosswalkMapping, ...] = ()
    new: tuple[NewRequirement, ...] = ()
    removed: tuple[RemovedRequirement, ...] = ()
    origin: str | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _raise_if_any(
            [
                *_empty(self.source, "source"),
                *_empty(self.target, "target"),
                *_empty(self.notes, "notes"),
            ]
        )

    @cached_property
    def _by_target(self) -> dict[str, tuple[CrosswalkMapping, ...]]:
        index: dict[str, list[CrosswalkMapping]] = {}
        for row in self.mappings:
            if row.related:
                index.setdefault(row.target, []).append(row)
        return {key: tuple(rows) for key, rows in index.items()}

    @cached_property
    def _by_source(self) -> dict[str, tuple[CrosswalkMapping, ...]]:
        index: dict[str, list[CrosswalkMapping]] = {}
        for row in self.mappings:
            if row.related:
                index.setdefault(row.source, []).append(row)
        return {key: tuple(rows) for key, rows in index.items()}

    def sources_of(self, target_id: str) -> tuple[CrosswalkMapping, ...]:
        """
        The rows that map some source requirement to *target_id*.

        Args:
            target_id: A requirement id of the target edition.

        Returns:
            The rows in file order, leaving out ``not_related`` rows
            (:attr:`mappings` has every row); empty if none.
        """
        return self._by_target.get(target_id, ())

    def targets_of(self, source_id: str) -> tuple[CrosswalkMapping, ...]:
        """
        The rows that map *source_id* to some target requirement.

        Args:
            source_id: A requirement id of the source edition.

        Returns:
            The rows in file order, leaving out ``not_related`` rows
            (:attr:`mappings` has every row); empty if none.
        """
        return self._by_source.get(source_id, ())

    def removal(self, source_id: str) -> RemovedRequirement | None:
        """
        The entry that lists *source_id* as removed, if any.
        """
        for item in self.removed:
            if item.source == source_id:
                return item
        return None


SUGGESTED = 20
"""How many unknown ids of one crosswalk get a "did you mean"."""


class _Ids:
    """
    Checks requirement ids against one edition, with suggestions for the
    first :data:`SUGGESTED` unknown ids.
    """

    def __init__(self, standard: Standard) -> None:
        self.standard = standard
        self.known = [r.id for r in standard.requirements]
        self.known_set = set(self.known)
        self.unknown = 0

    def problem(self, requirement_id: str, *path: PathElement) -> Problem | None:
        if requirement_id in self.known_set:
            return None
        self.unknown += 1
        message = f"unknown requirement {excerpt(requirement_id)} in {self.standard.id}"
        if self.unknown <= SUGGESTED:
            import difflib  # only for a crosswalk with unknown ids

            matches = difflib.get_close_matches(
                requirement_id, self.known, n=3, cutoff=0.6
            )
            if matches:
                message += "; did you mean " + ", ".join(map(repr, matches)) + "?"
        return Problem(message=message, path=path)


def crosswalk_problems(
    crosswalk: Crosswalk, source_standard: Standard, target_standard: Standard
) -> list[Problem]:
    """
    Everything that keeps *crosswalk* from mapping *source_standard* to
    *target_standard*, each with its path in the crosswalk file.

    Checked: the edition ids; that every id names a requirement of its
    edition (with close ids suggested); that a (source, target) pair
    appears once; that a target is not both mapped and listed as new; that
    a source is not both mapped and listed as removed (``not_related``
    rows count as unmapped for the last two).
    A crosswalk does not have to cover every requirement.

    Args:
        crosswalk: The crosswalk to check.
        source_standard: The edition the rows map from.
        target_standard: The edition the rows map to.

    Returns:
        The problems in file order; empty if the crosswalk fits.
    """
    problems = [
        Problem(
            message=f"crosswalk maps {direction} edition {excerpt(found)}, "
            f"the {end} standard is {standard.id!r}",
            path=(end,),
        )
        for end, direction, found, standard in (
            ("source", "from", crosswalk.source, source_standard),
            ("target", "to", crosswalk.target, target_standard),
        )
        if found != standard.id
    ]
    if problems:
        # Ids checked against another edition would only add noise.
        return problems
    sources, targets = _Ids(source_standard), _Ids(target_standard)
    seen: dict[tuple[str, str], int] = {}
    mapped_sources: dict[str, int] = {}
    mapped_targets: dict[str, int] = {}
    for i, row in enumerate(crosswalk.mappings):
        problems.extend(
            p
            for p in (
                sources.problem(row.source, "mappings", i, "source"),
                targets.problem(row.target, "mappings", i, "target"),
            )
            if p is not None
        )
        pair = (row.source, row.target)
        if pair in seen:
            problems.append(
                Problem(
                    message=f"duplicate mapping {row.source!r} -> {row.target!r} "
                    f"(also mappings[{seen[pair]}])",
                    path=("mappings", i),
                )
            )
        seen.setdefault(pair, i)
        if row.related:
            mapped_sources.setdefault(row.source, i)
            mapped_targets.setdefault(row.target, i)
    problems.extend(
        _listed_problems(
            "new",
            "target",
            [(item.target, targets) for item in crosswalk.new],
            mapped_targets,
        )
    )
    problems.extend(
        _listed_problems(
            "removed",
            "source",
            [(item.source, sources) for item in crosswalk.removed],
            mapped_sources,
        )
    )
    return problems


def _listed_problems(
    key: str, end: str, items: list[tuple[str, _Ids]], mapped: dict[str, int]
) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, (requirement_id, ids) in enumerate(items):
        unknown = ids.problem(requirement_id, key, i, end)
        if unknown is not None:
            yield unknown
        if requirement_id in seen:
            first = seen[requirement_id]
            yield Problem(
                message=f"duplicate {requirement_id!r} (also {key}[{first}])",
                path=(key, i, end),
            )
        seen.setdefault(requirement_id, i)
        if requirement_id in mapped:
            yield Problem(
                message=f"{requirement_id!r} is listed as {key} but is the {end} "
                f"of mappings[{mapped[requirement_id]}]",
                path=(key, i, end),
            )


def check_crosswalk(
    crosswalk: Crosswalk, source_standard: Standard, target_standard: Standard
) -> None:
    """
    Raise if *crosswalk* does not map *source_standard* to
    *target_standard*.

    Args:
        crosswalk: The crosswalk to check.
        source_standard: The edition the rows map from.
        target_standard: The edition the rows map to.

    Raises:
        ValidationError: With every problem found (see
            :func:`crosswalk_problems`), each with its path.
    """
    problems = crosswalk_problems(crosswalk, source_standard, target_standard)
    if problems:
        raise ValidationError(problems, crosswalk.origin)
