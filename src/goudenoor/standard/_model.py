"""
The typed model of one edition of the Gouden Oor Standaard.

Every class is frozen and keyword-only.
Invariants (well-formed and unique ids, non-negative points, references
that resolve) are checked when an object is built, by hand or by the loader,
and raise :class:`~goudenoor.exceptions.ModelError`.

This module knows nothing about YAML, cattrs or networkx.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable, Hashable, Iterable
from functools import cached_property
from typing import Any, Generic, Literal, TypeVar, final

import attrs

from goudenoor._checks import typed_fields
from goudenoor.exceptions import (
    ModelError,
    UnknownAreaError,
    UnknownItemError,
    UnknownRequirementError,
)
from goudenoor.problems import PathElement, Problem, Problems, close_matches, excerpt


__all__ = [
    "MAX_NUMBER",
    "PerStandard",
    "AreaKind",
    "Area",
    "Change",
    "ChangeAction",
    "Checkpoint",
    "Condition",
    "ConditionScope",
    "Influence",
    "InfluenceStrength",
    "Parameter",
    "Principle",
    "RecognitionLevel",
    "RecognitionRules",
    "RecognitionScheme",
    "Requirement",
    "Scale",
    "ScaleLevel",
    "Source",
    "Standard",
    "Term",
    "Theme",
]


def __dir__() -> list[str]:
    return __all__


AreaKind = Literal["organisation", "result"]
"""An organisation area (organisatiegebied) or a result area
(resultaatgebied)."""

InfluenceStrength = Literal["primary", "secondary"]
"""How directly an organisation area drives a result area."""

ConditionScope = Literal[
    "organisation",
    "result",
    "total",
    "each-area",
    "each-organisation-area",
    "each-result-area",
]
"""What a recognition condition is measured on."""

_KIND_ARTICLE = {"organisation": "an organisation", "result": "a result"}

_NAMESPACE = r"(?:[a-z][a-z0-9_-]*:)?"
_REQUIREMENT_ID = re.compile(rf"{_NAMESPACE}[1-9][0-9]*\.[1-9][0-9]*")
_CHECKPOINT_ID = re.compile(rf"{_NAMESPACE}[1-9][0-9]*\.[1-9][0-9]*\.[a-z]+")
MAX_NUMBER = 1_000_000
"""
The largest number a standard, extension or assessment may hold (points,
weights, scale values, ratings): sums over every requirement stay exact
enough and far from overflow, and a rate a million times a requirement's
points is still no typo anyone means.
"""

_SLUG = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")

_T = TypeVar("_T")


class _Checker(Problems):
    """
    Collects broken invariants and raises them together.
    """

    __slots__ = ()

    def text(self, value: str, *path: PathElement) -> None:
        if not value.strip():
            self.add("must not be empty", *path)

    def number(self, value: float, *path: PathElement, minimum: float = 0.0) -> None:
        if not math.isfinite(value) or value < minimum:
            self.add(
                f"must be a finite number >= {minimum:g} (got {value!r})",
                *path,
            )
        elif value > MAX_NUMBER:
            self.add(f"must be at most {MAX_NUMBER:,} (got {value!r})", *path)

    def pattern(
        self, value: str, regex: re.Pattern[str], what: str, *path: PathElement
    ) -> None:
        if not regex.fullmatch(value):
            self.add(f"{value!r} is not a well-formed {what}", *path)

    def unique(
        self,
        items: Iterable[_T],
        key: Callable[[_T], str | float],
        what: str,
        *path: PathElement,
        field: str = "id",
    ) -> None:
        seen: set[str | float] = set()
        for index, item in enumerate(items):
            value = key(item)
            if value in seen:
                self.add(f"duplicate {what} {value!r}", *path, index, field)
            seen.add(value)

    def raise_if_any(self) -> None:
        if self:
            raise ModelError(self)


def _not_found(
    error: type[UnknownItemError],
    key: str,
    choices: Iterable[str],
    where: str,
    kind: str | None = None,
) -> UnknownItemError:
    return error(key, close_matches(key, choices), where, kind=kind)


def _strip_namespace(identifier: str) -> str:
    return identifier.rpartition(":")[2]


def _count(number: int, noun: str) -> str:
    """
    ``1 area``, ``9 areas``: a count for a repr.
    """
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Source:
    """
    A document the data of an edition was taken from.

    Attributes:
        id: Short id that requirements and other items refer to: the
            publisher and the page, for example
            ``serviceexcellence-go-standaard-eisen``.
        title: The document's title, in its own language.
        url: Where it was published, if known.
        stored_copy: The file name of the stored copy of the document that
            the texts were checked against (for example
            ``004_1b52b3c0280bd996.txt``), if there is one.
        notes: What is uncertain about it.
    """

    id: str
    title: str
    url: str | None = None
    stored_copy: str | None = None
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Checkpoint:
    """
    One thing an auditor can look for as evidence of a requirement.

    Attributes:
        id: ``<requirement id>.<letter>``, for example ``5.1.a``.
        text: The words of the evidence clause naming it (Dutch).
    """

    id: str
    text: str

    def __attrs_post_init__(self) -> None:
        check = _Checker()
        check.pattern(self.id, _CHECKPOINT_ID, "checkpoint id", "id")
        check.text(self.text, "text")
        check.raise_if_any()


@attrs.frozen(kw_only=True, repr=False, field_transformer=typed_fields)
class Requirement:
    """
    A normative statement of the standard (an eis), with its evidence.

    Attributes:
        id: ``<area>.<n>``, numbered through the area in source order;
            extension requirements are namespaced (``zorg:5.8``).
        text: The statement, verbatim from the source (Dutch).
        theme: The name of the area's theme it belongs to, if any.
        lead: Words of the source that introduce a bulleted list
            (for example ``De organisatie``) and complete :attr:`text`.
        evidence: The evidence clause verbatim ("Dat blijkt onder meer
            uit ..."), or ``None`` where the source gives none.
        checkpoints: The evidence clause split into things to look for.
        source: Id of the :class:`Source` the text comes from.
        inherited_from: Id of the edition the requirement was taken over
            from unchanged, if any.
        weight: Relative weight within its area (default 1).
    """

    id: str
    text: str
    source: str
    theme: str | None = None
    lead: str | None = None
    evidence: str | None = None
    checkpoints: tuple[Checkpoint, ...] = ()
    inherited_from: str | None = None
    weight: float = 1.0

    def __attrs_post_init__(self) -> None:
        check = _Checker()
        check.pattern(self.id, _REQUIREMENT_ID, "requirement id", "id")
        check.text(self.text, "text")
        check.number(self.weight, "weight")
        if self.evidence is not None:
            check.text(self.evidence, "evidence")
        check.unique(self.checkpoints, lambda c: c.id, "checkpoint id", "checkpoints")
        prefix = _strip_namespace(self.id) + "."
        for index, checkpoint in enumerate(self.checkpoints):
            if not _strip_namespace(checkpoint.id).startswith(prefix):
                check.add(
                    f"checkpoint id {checkpoint.id!r} does not start with "
                    f"its requirement id {self.id!r}",
                    "checkpoints",
                    index,
                    "id",
                )
        check.raise_if_any()

    @property
    def area_id(self) -> str:
        """
        The id of the area the requirement belongs to (``"5"`` for
        ``5.3`` and ``zorg:5.8``).
        """
        return _strip_namespace(self.id).partition(".")[0]

    @property
    def namespace(self) -> str | None:
        """
        The extension namespace of the id, or ``None`` for the standard's
        own requirements.
        """
        namespace, sep, _ = self.id.rpartition(":")
        return namespace if sep else None

    @property
    def full_text(self) -> str:
        """
        :attr:`lead` and :attr:`text` together, as a reader would say it.
        """
        return f"{self.lead} {self.text}" if self.lead else self.text

    def __repr__(self) -> str:
        # Compact: id, the sentence cut short, the number of checkpoints.
        checkpoints = _count(len(self.checkpoints), "checkpoint")
        return f"<Requirement {self.id} {excerpt(self.full_text)}: {checkpoints}>"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Theme:
    """
    A named group of requirements within an area (for example
    ``Escaleren``).

    Attributes:
        name: The theme's name as published (Dutch).
        notes: What is uncertain about it.
    """

    name: str
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False, field_transformer=typed_fields)
class Area:
    """
    One of the nine areas: five organisation areas and four result areas.

    Attributes:
        number: 1 to 9 in the standard.
        kind: ``organisation`` or ``result``.
        name: The area's name in this edition.
        aliases: Other names used for the area.
        points: The maximum points the area contributes.
        points_assumed: ``True`` where the points are not published for
            this edition and were taken over from an earlier one.
        points_source: Id of the :class:`Source` of the points.
        summary: The area's summary ("op hoofdlijnen") text, if any.
        themes: The area's themes in source order (may be empty).
        requirements: All requirements of the area in order.
        notes: What is uncertain about the area.
    """

    number: int
    kind: AreaKind
    name: str
    points: float
    aliases: tuple[str, ...] = ()
    points_assumed: bool = False
    points_source: str | None = None
    summary: str | None = None
    themes: tuple[Theme, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    notes: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check = _Checker()
        if self.number < 1:
            check.add(f"must be >= 1 (got {self.number})", "number")
        check.text(self.name, "name")
        check.number(self.points, "points")
        check.unique(self.themes, lambda t: t.name, "theme", "themes", field="name")
        check.unique(
            self.requirements, lambda r: r.id, "requirement id", "requirements"
        )
        themes = {theme.name for theme in self.themes}
        for index, requirement in enumerate(self.requirements):
            if requirement.area_id != self.id:
                check.add(
                    f"requirement {requirement.id!r} is numbered for area "
                    f"{requirement.area_id!r}, not for area {self.id!r}",
                    "requirements",
                    index,
                    "id",
                )
            if requirement.theme is not None and requirement.theme not in themes:
                expected = (
                    f"expected one of {sorted(themes)}"
                    if themes
                    else "the area has no themes"
                )
                check.add(
                    f"unknown theme {requirement.theme!r} ({expected})",
                    "requirements",
                    index,
                    "theme",
                )
        check.raise_if_any()

    @property
    def id(self) -> str:
        """
        The area's id, which is its number as a string.
        """
        return str(self.number)

    @property
    def names(self) -> tuple[str, ...]:
        """
        The name followed by the aliases.
        """
        return (self.name, *self.aliases)

    def theme_requirements(self, theme: str) -> tuple[Requirement, ...]:
        """
        The requirements of *theme*, in order.

        Raises:
            UnknownItemError: The area has no such theme.
        """
        if theme not in {t.name for t in self.themes}:
            raise _not_found(
                UnknownItemError,
                theme,
                (t.name for t in self.themes),
                f"area {self.id} ({self.name})",
            )
        return tuple(r for r in self.requirements if r.theme == theme)

    def __repr__(self) -> str:
        # Compact: id, name, kind, counts and points (not every text).
        requirements = _count(len(self.requirements), "requirement")
        return (
            f"<Area {self.id} {excerpt(self.name)} ({self.kind}): "
            f"{requirements}, {self.points:g} points>"
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Principle:
    """
    A guiding principle (richtinggevend principe) of the standard.

    Attributes:
        name: The published (Dutch) name.
        description: What the principle asks (an English summary where
            the Dutch wording is not available; see :attr:`notes`).
        source: Id of the :class:`Source`.
        number: Position in the published list, if known.
        notes: What is uncertain about it.
    """

    name: str
    description: str
    source: str
    number: int | None = None
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Term:
    """
    A defined term of the standard's begrippenkader.

    Attributes:
        term: The (Dutch) term.
        definition: What it means (an English summary where the Dutch
            wording is not available; see :attr:`notes`).
        source: Id of the :class:`Source`.
        notes: What is uncertain about it.
    """

    term: str
    definition: str
    source: str
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScaleLevel:
    """
    One value of a rating scale and its label.

    Attributes:
        value: The value.
        label: What it means, in words.
    """

    value: float
    label: str


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Scale:
    """
    A rating scale for requirements.

    Attributes:
        id: Short id, for example ``gos-0-4``.
        name: Human-readable name.
        description: What the scale is and where it comes from.
        levels: The allowed values, lowest first.
        evidence_from: The lowest value that should be backed by
            evidence, or ``None`` if no value needs it.
    """

    id: str
    name: str
    levels: tuple[ScaleLevel, ...]
    description: str = ""
    evidence_from: float | None = None

    def __attrs_post_init__(self) -> None:
        check = _Checker()
        check.pattern(self.id, _SLUG, "scale id", "id")
        if len(self.levels) < 2:  # noqa: PLR2004 - a scale needs a bottom and a top
            check.add(f"needs at least 2 levels (got {len(self.levels)})", "levels")
        values = [level.value for level in self.levels]
        for index, value in enumerate(values):
            if not math.isfinite(value):
                check.add(
                    f"must be a finite number (got {value!r})",
                    "levels",
                    index,
                    "value",
                )
            elif abs(value) > MAX_NUMBER:
                check.add(
                    f"must be from {-MAX_NUMBER:,} to {MAX_NUMBER:,} (got {value!r})",
                    "levels",
                    index,
                    "value",
                )
        if values != sorted(values) or len(set(values)) != len(values):
            check.add(f"values must be strictly increasing (got {values})", "levels")
        if self.evidence_from is not None and self.evidence_from not in values:
            check.add(
                f"{self.evidence_from!r} is not a value of the scale {values}",
                "evidence_from",
            )
        check.raise_if_any()

    @property
    def values(self) -> tuple[float, ...]:
        """
        The allowed values, lowest first.
        """
        return tuple(level.value for level in self.levels)

    @property
    def minimum(self) -> float:
        """
        The lowest value.
        """
        return self.levels[0].value

    @property
    def maximum(self) -> float:
        """
        The highest value.
        """
        return self.levels[-1].value

    def label(self, value: float) -> str:
        """
        The label of *value*.

        Raises:
            UnknownItemError: *value* is not on the scale.
        """
        for level in self.levels:
            if level.value == value:
                return level.label
        raise UnknownItemError(repr(value), (), f"scale {self.id}")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Parameter:
    """
    A tunable number of a recognition scheme, with its default.

    Attributes:
        name: The parameter's name.
        default: Its value when none is given.
        description: What it sets.
    """

    name: str
    default: float
    description: str = ""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Condition:
    """
    One condition of a recognition level.

    Exactly one of :attr:`min_points`, :attr:`min_fraction` and
    :attr:`min_fraction_parameter` is set.

    Attributes:
        scope: What is measured: organisation, result or total points, or
            each area (of a kind) on its own.
        min_points: Points needed.
        min_fraction: Fraction of the maximum points needed (0 to 1).
        min_fraction_parameter: Name of a scheme :class:`Parameter` that
            gives the fraction needed.
    """

    scope: ConditionScope
    min_points: float | None = None
    min_fraction: float | None = None
    min_fraction_parameter: str | None = None

    def __attrs_post_init__(self) -> None:
        check = _Checker()
        given = [
            name
            for name in (
                "min_points",
                "min_fraction",
                "min_fraction_parameter",
            )
            if getattr(self, name) is not None
        ]
        if len(given) != 1:
            check.add(
                "exactly one of min_points, min_fraction, "
                f"min_fraction_parameter must be given (got {given or 'none'})"
            )
        if self.min_points is not None:
            check.number(self.min_points, "min_points")
        if self.min_fraction is not None and not 0 <= self.min_fraction <= 1:
            check.add(
                f"must be between 0 and 1 (got {self.min_fraction!r})",
                "min_fraction",
            )
        check.raise_if_any()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RecognitionLevel:
    """
    A level of recognition and the conditions that earn it.

    Attributes:
        name: The level's name (for example ``Niveau 1``).
        conditions: All must hold.
        award: The name of the recognition awarded, if it has its own.
    """

    name: str
    conditions: tuple[Condition, ...]
    award: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.conditions:
            raise ModelError(
                [
                    Problem(
                        message="needs at least one condition",
                        path=("conditions",),
                    )
                ]
            )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RecognitionScheme:
    """
    An ordered set of recognition levels, lowest first.

    Attributes:
        id: Short id, for example ``niveaus``.
        name: Human-readable name.
        levels: The levels, lowest first.
        description: What the scheme is.
        source: Id of the :class:`Source`, if any.
        parameters: Tunable numbers the conditions refer to.
        notes: What is uncertain about it.
    """

    id: str
    name: str
    levels: tuple[RecognitionLevel, ...]
    description: str = ""
    source: str | None = None
    parameters: tuple[Parameter, ...] = ()
    notes: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check = _Checker()
        check.pattern(self.id, _SLUG, "scheme id", "id")
        if not self.levels:
            check.add("needs at least one level", "levels")
        check.unique(self.levels, lambda lv: lv.name, "level", "levels", field="name")
        check.unique(
            self.parameters,
            lambda p: p.name,
            "parameter",
            "parameters",
            field="name",
        )
        names = {parameter.name for parameter in self.parameters}
        for i, level in enumerate(self.levels):
            for j, condition in enumerate(level.conditions):
                name = condition.min_fraction_parameter
                if name is not None and name not in names:
                    check.add(
                        f"unknown parameter {name!r} (expected one of {sorted(names)})",
                        "levels",
                        i,
                        "conditions",
                        j,
                        "min_fraction_parameter",
                    )
        check.raise_if_any()

    def parameter(self, name: str) -> Parameter:
        """
        The parameter called *name*.

        Raises:
            UnknownItemError: There is no such parameter.
        """
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise _not_found(
            UnknownItemError,
            name,
            (p.name for p in self.parameters),
            f"scheme {self.id}",
        )


_FIRST_YEAR, _LAST_YEAR = 1900, 2999


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RecognitionRules:
    """
    How a recognition (*erkenning*) runs over time, whatever scheme
    decides its level: how long it is valid, how often it is reviewed,
    and which open afwijkingen hold it back.

    A recognition granted by an audit is valid for :attr:`validity_months`
    from the audit's date, with a review :attr:`review_interval_months`
    after the audit and after each review while it is valid. An afwijking
    of a :attr:`blocking_severities` severity that is open makes it
    *conditional*; once overdue it *suspends* the recognition, as does a
    review not held by its date.

    Attributes:
        validity_months: How long a recognition runs from its audit.
        review_interval_months: The time from an audit or a review to the
            next review.
        blocking_severities: The severities of afwijking that make a
            recognition conditional while open, and suspend it once
            overdue.
        source: Id of the :class:`Source` of the published rules, if any.
        readings: The names of the rules (attribute names, and
            ``states`` for what makes a recognition conditional or
            suspended) that are this library's reading rather than
            published text.
        notes: Where each rule comes from, and what is uncertain.
    """

    validity_months: int = 36
    review_interval_months: int = 12
    blocking_severities: tuple[Literal["major", "minor"], ...] = ("major",)
    source: str | None = None
    readings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check = _Checker()
        if self.validity_months < 1:
            check.add(
                f"expected at least 1 month, got {self.validity_months}",
                "validity_months",
            )
        if not 1 <= self.review_interval_months <= max(self.validity_months, 1):
            check.add(
                f"expected 1 to {max(self.validity_months, 1)} months (the "
                f"validity), got {self.review_interval_months}",
                "review_interval_months",
            )
        for index, severity in enumerate(self.blocking_severities):
            if severity not in ("major", "minor"):
                check.add(
                    f"unknown severity {severity!r} (expected one of "
                    "['major', 'minor'])",
                    "blocking_severities",
                    index,
                )
        for index, name in enumerate(self.readings):
            if name not in _RULE_NAMES:
                check.add(
                    f"unknown rule {name!r} (expected one of {list(_RULE_NAMES)})",
                    "readings",
                    index,
                )
        check.raise_if_any()


_RULE_NAMES = (
    "validity_months",
    "review_interval_months",
    "blocking_severities",
    "states",
)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Influence:
    """
    An edge from an organisation area to a result area it drives.

    The standard publishes no such edges: they are this library's model,
    kept in the edition data and replaceable.

    Attributes:
        source: Id of the organisation area.
        target: Id of the result area.
        strength: ``primary`` or ``secondary``.
        rationale: Why, naming the source text it rests on.
    """

    source: str
    target: str
    strength: InfluenceStrength
    rationale: str


ChangeAction = Literal["add", "override", "remove"]
"""What an extension did to an item."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Change:
    """
    One change a sector extension made to an edition (provenance).

    Attributes:
        extension: The extension's id.
        action: ``add``, ``override`` or ``remove``.
        item: What was changed, for example ``requirement 5.1``,
            ``checkpoint zorg:5.1.x``, ``area 5`` or ``influence 1->9``.
        field: The field changed by an override (``text``, ``points``...).
        old: The value before, as text (overrides and removals).
        new: The value after, as text (additions and overrides).
        reason: Why, as the extension says.
    """

    extension: str
    action: ChangeAction
    item: str
    field: str | None = None
    old: str | None = None
    new: str | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True, repr=False, field_transformer=typed_fields)
class Standard:
    """
    One edition of the Gouden Oor Standaard.

    Build one with :func:`goudenoor.load_standard`; derive changed copies
    with :func:`attrs.evolve`.

    Attributes:
        id: The edition id, for example ``gos-2012``.
        title: The edition's title.
        year: The year the edition was published.
        areas: The nine areas in number order.
        sources: The documents the data was taken from.
        principles: The guiding principles known for the edition.
        terms: The definitions (begrippenkader) known for the edition.
        scales: The rating scales that can be used.
        recognition_schemes: The recognition schemes that can be used.
        recognition_rules: How a recognition runs over time (validity,
            reviews, what holds it back), whatever scheme decides its
            level.
        influences: Organisation area to result area edges.
        default_scale: Id of the scale used when none is chosen.
        default_scheme: Id of the recognition scheme used when none is
            chosen.
        extensions: Ids of the sector extensions applied, in order
            (empty for a shipped edition).
        changes: What the extensions added, changed and removed, in order.
        notes: What is uncertain about the edition.
    """

    id: str
    title: str
    year: int
    areas: tuple[Area, ...]
    default_scale: str
    default_scheme: str
    sources: tuple[Source, ...] = ()
    principles: tuple[Principle, ...] = ()
    terms: tuple[Term, ...] = ()
    scales: tuple[Scale, ...] = ()
    recognition_schemes: tuple[RecognitionScheme, ...] = ()
    recognition_rules: RecognitionRules = attrs.field(factory=RecognitionRules)
    influences: tuple[Influence, ...] = ()
    extensions: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()
    notes: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check = _Checker()
        check.pattern(self.id, _SLUG, "edition id", "id")
        check.text(self.title, "title")
        if not _FIRST_YEAR <= self.year <= _LAST_YEAR:
            # The years of OSCAL's dates, as for assessments: a year outside
            # them is a typo (206 for 2016), and an edition is exported as
            # an OSCAL catalog.
            check.add(
                f"expected a year from {_FIRST_YEAR} to {_LAST_YEAR}, got {self.year}",
                "year",
            )
        self._check_areas(check)
        self._check_references(check)
        self._check_influences(check)
        check.raise_if_any()

    def _check_areas(self, check: _Checker) -> None:
        numbers = [area.number for area in self.areas]
        if numbers != sorted(numbers):
            check.add(f"areas must be in number order (got {numbers})", "areas")
        check.unique(
            self.areas,
            lambda a: a.number,
            "area number",
            "areas",
            field="number",
        )
        seen: dict[str, str] = {}
        for i, area in enumerate(self.areas):
            for j, requirement in enumerate(area.requirements):
                if requirement.id in seen:
                    check.add(
                        f"duplicate requirement id {requirement.id!r} "
                        f"(also in area {seen[requirement.id]})",
                        "areas",
                        i,
                        "requirements",
                        j,
                        "id",
                    )
                seen[requirement.id] = area.id
        names: dict[str, str] = {}
        for i, area in enumerate(self.areas):
            for name in area.names:
                folded = name.casefold()
                if folded in names and names[folded] != area.id:
                    check.add(
                        f"name {name!r} is also used by area {names[folded]}",
                        "areas",
                        i,
                        "name",
                    )
                names[folded] = area.id

    def _check_references(self, check: _Checker) -> None:
        check.unique(self.sources, lambda s: s.id, "source id", "sources")
        check.unique(self.scales, lambda s: s.id, "scale id", "scales")
        check.unique(
            self.recognition_schemes,
            lambda s: s.id,
            "scheme id",
            "recognition_schemes",
        )
        sources = {source.id for source in self.sources}

        def source(ref: str | None, *path: PathElement) -> None:
            if ref is not None and ref not in sources:
                check.add(
                    f"unknown source {ref!r} (expected one of {sorted(sources)})",
                    *path,
                )

        for i, area in enumerate(self.areas):
            source(area.points_source, "areas", i, "points_source")
            for j, requirement in enumerate(area.requirements):
                source(requirement.source, "areas", i, "requirements", j, "source")
        for i, principle in enumerate(self.principles):
            source(principle.source, "principles", i, "source")
        for i, term in enumerate(self.terms):
            source(term.source, "terms", i, "source")
        for i, scheme in enumerate(self.recognition_schemes):
            source(scheme.source, "recognition_schemes", i, "source")
        source(self.recognition_rules.source, "recognition_rules", "source")
        scales = [scale.id for scale in self.scales]
        if self.default_scale not in scales:
            check.add(
                f"unknown scale {self.default_scale!r} (expected one of {scales})",
                "default_scale",
            )
        schemes = [scheme.id for scheme in self.recognition_schemes]
        if self.default_scheme not in schemes:
            check.add(
                f"unknown recognition scheme {self.default_scheme!r} "
                f"(expected one of {schemes})",
                "default_scheme",
            )

    def _check_influences(self, check: _Checker) -> None:
        kinds = {area.id: area.kind for area in self.areas}
        seen: set[tuple[str, str]] = set()
        for i, influence in enumerate(self.influences):
            for end, kind in (
                ("source", "organisation"),
                ("target", "result"),
            ):
                ref = getattr(influence, end)
                if kinds.get(ref) != kind:
                    found = kinds.get(ref)
                    got = f"{_KIND_ARTICLE[found]} area" if found else "no area"
                    check.add(
                        f"must be {_KIND_ARTICLE[kind]} area (area {ref!r} is {got})",
                        "influences",
                        i,
                        end,
                    )
            pair = (influence.source, influence.target)
            if pair in seen:
                check.add(
                    f"duplicate influence {influence.source} -> {influence.target}",
                    "influences",
                    i,
                )
            seen.add(pair)
            if not influence.rationale.strip():
                check.add("must not be empty", "influences", i, "rationale")

    @cached_property
    def _memo(self) -> dict[object, dict[Any, Any]]:
        # Derived data other modules precompute per Standard (for example
        # scoring plans), one table per PerStandard owner; read and written
        # only by PerStandard.get. Not a field: not part of equality,
        # hashing, pickling or conversion.
        return {}

    def __repr__(self) -> str:
        # Compact: the full repr of an edition is tens of thousands of
        # characters; this one names it and counts its parts.
        counts = [
            _count(len(self.areas), "area"),
            _count(len(self.requirements), "requirement"),
        ]
        if self.extensions:
            counts.append(f"extensions {', '.join(self.extensions)}")
        return f"<Standard {self.id} {excerpt(self.title)}: {', '.join(counts)}>"

    @property
    def label(self) -> str:
        """
        The edition and the extensions applied, as a reader names them
        (``gos-2012``, or ``gos-2012 + zorg``).
        """
        extensions = f" + {', '.join(self.extensions)}" if self.extensions else ""
        return f"{self.id}{extensions}"

    def points_comparable(self, other: Standard) -> bool:
        """
        Whether points scored against this standard and against *other*
        may be set side by side (a comparison, a trend): the same
        extensions, and within one edition the same content (a crosswalk
        aligns the requirements of two editions; extensions of the same ids
        with other content give other points).
        """
        return self.extensions == other.extensions and (
            self.id != other.id or self.fingerprint == other.fingerprint
        )

    @cached_property
    def fingerprint(self) -> str:
        """
        The standard's content as a SHA-256 hex digest: the same for two
        standards with the same content however they were built, different
        as soon as anything differs (an area, a requirement, its points, a
        scale, a scheme, an extension's change). It tells which audits
        were scored against the same standard: an edition plus the exact
        extensions, by content, so two extension files that share an id
        but not their content give two fingerprints.

        >>> import goudenoor as go
        >>> std = go.load_standard("gos-2012")
        >>> std.fingerprint == attrs.evolve(std).fingerprint
        True
        >>> std.fingerprint == go.load_standard("gos-2016").fingerprint
        False
        """
        # Imported here: loading an edition, the first call of most
        # programs, does not need them.
        import hashlib
        import json

        # Every field, recursively, as canonical JSON (sorted keys, no
        # spaces): the fields are plain data (text, numbers, tuples), so
        # equal standards give equal text.
        content = json.dumps(
            attrs.asdict(self),
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(content.encode("utf-8")).hexdigest()

    @cached_property
    def requirements(self) -> tuple[Requirement, ...]:
        """
        Every requirement of the edition, in area order.
        """
        return tuple(r for area in self.areas for r in area.requirements)

    @cached_property
    def _requirements_by_id(self) -> dict[str, Requirement]:
        return {r.id: r for r in self.requirements}

    @cached_property
    def _areas_by_key(self) -> dict[str, Area]:
        index: dict[str, Area] = {}
        for area in self.areas:
            index[area.id] = area
            for name in area.names:
                index.setdefault(name.casefold(), area)
        return index

    @property
    def organisation_areas(self) -> tuple[Area, ...]:
        """
        The organisation areas, in number order.
        """
        return tuple(a for a in self.areas if a.kind == "organisation")

    @property
    def result_areas(self) -> tuple[Area, ...]:
        """
        The result areas, in number order.
        """
        return tuple(a for a in self.areas if a.kind == "result")

    @property
    def max_points(self) -> float:
        """
        The sum of all areas' points.
        """
        return math.fsum(area.points for area in self.areas)

    def area(self, key: str | int) -> Area:
        """
        Find an area by id, number, name or alias (case-insensitive).

        Raises:
            UnknownAreaError: No area matches; the error suggests close
                names.
        """
        text = str(key).strip()
        found = self._areas_by_key.get(text) or self._areas_by_key.get(text.casefold())
        if found is None:
            raise _not_found(
                UnknownAreaError,
                text,
                (n for area in self.areas for n in (area.id, *area.names)),
                self.id,
            )
        return found

    def requirement(self, requirement_id: str) -> Requirement:
        """
        Find a requirement by its id.

        Raises:
            UnknownRequirementError: No requirement has this id; the error
                suggests close ids.
        """
        found = self._requirements_by_id.get(requirement_id)
        if found is None:
            raise _not_found(
                UnknownRequirementError,
                requirement_id,
                self._requirements_by_id,
                self.id,
            )
        return found

    def scale(self, scale_id: str | None = None) -> Scale:
        """
        The scale *scale_id*, or the edition's default scale.

        Raises:
            UnknownItemError: No such scale.
        """
        wanted = scale_id or self.default_scale
        return _find(self.scales, wanted, "scale", self.id)

    def recognition_scheme(self, scheme_id: str | None = None) -> RecognitionScheme:
        """
        The recognition scheme *scheme_id*, or the edition's default.

        Raises:
            UnknownItemError: No such scheme.
        """
        wanted = scheme_id or self.default_scheme
        return _find(self.recognition_schemes, wanted, "recognition scheme", self.id)

    def changes_to(self, item: str) -> tuple[Change, ...]:
        """
        The changes extensions made to *item* (``requirement 5.1``,
        ``area 5``, ...), in order.
        """
        return tuple(change for change in self.changes if change.item == item)

    def source(self, source_id: str) -> Source:
        """
        The source *source_id*.

        Raises:
            UnknownItemError: No such source.
        """
        return _find(self.sources, source_id, "source", self.id)


_HasIdT = TypeVar("_HasIdT", Source, Scale, RecognitionScheme)


def _find(items: tuple[_HasIdT, ...], wanted: str, kind: str, where: str) -> _HasIdT:
    for item in items:
        if item.id == wanted:
            return item
    known = [item.id for item in items]
    raise UnknownItemError(
        wanted, close_matches(wanted, known), where, kind=kind, choices=known
    )


_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


@final
class PerStandard(Generic[_K, _V]):
    """
    Data derived from a Standard, computed once per Standard object and key.

    The module that computes the data owns one instance at module level::

        _PLANS: PerStandard[str, _Plan] = PerStandard("scoring plan", _make_plan)
        plan = _PLANS.get(standard, scale.id)

    Values live on the Standard object (its ``_memo``, not a field: not part
    of equality, hashing, pickling or conversion) and go with it. Each
    instance is its own namespace, so two owners never see each other's
    entries. *compute* must be pure: two threads may both compute a value,
    and either is kept. A key that cannot be hashed is computed every time
    and never stored.
    """

    __slots__ = ("_compute", "name")

    def __init__(self, name: str, compute: Callable[[Standard, _K], _V]) -> None:
        self.name = name
        self._compute = compute

    def __repr__(self) -> str:
        return f"PerStandard({self.name!r})"

    def get(self, standard: Standard, key: _K) -> _V:
        """
        The value for *key* on *standard*, computed on first use.
        """
        try:
            found: _V = standard._memo[self][key]  # noqa: SLF001 - Standard's own cache, same module
        except KeyError:
            value = self._compute(standard, key)
            with contextlib.suppress(TypeError):  # an unhashable key: never stored
                standard._memo.setdefault(self, {})[key] = value  # noqa: SLF001 - idem
            return value
        except TypeError:  # an unhashable key: computed every time
            return self._compute(standard, key)
        return found
