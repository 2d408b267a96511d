"""
What an auditor records: an assessment of one organisation against one
edition, with a rating per requirement and the evidence behind it.

Objects are frozen and check their own invariants; whether an assessment
fits a particular :class:`~goudenoor.standard.Standard` (known requirement
ids, values on the scale, checkpoints of the right requirement) is checked
by :func:`check_assessment`, which :func:`goudenoor.load_assessment` and
:func:`goudenoor.score` call.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator, Mapping
from typing import Literal

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._text import is_blank
from goudenoor.exceptions import ModelError, ValidationError
from goudenoor.problems import Problem, close_matches, did_you_mean, excerpt
from goudenoor.standard import PerStandard, Standard, is_file_reference


__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "Assessment",
    "Evidence",
    "EvidenceKind",
    "MigrationOrigin",
    "Rating",
    "Ratings",
    "Review",
    "assessment_problems",
    "check_assessment",
]


def __dir__() -> list[str]:
    return __all__


EARLIEST_DATE = datetime.date(1900, 1, 1)
"""The earliest date an assessment may hold."""

LATEST_DATE = datetime.date(2999, 12, 31)
"""The latest date an assessment may hold.

The range is OSCAL's: its date and date-time types (version 1.1.3) allow
the years 1900 to 2999 only, and every assessment can be exported as
OSCAL results. An audit date or an evidence date outside it is a typo
(0226 for 2026), and a validity of "until 2999" is as good as forever."""


def _date_problems(date: datetime.date | None, path: tuple[str, ...]) -> list[Problem]:
    if date is None or EARLIEST_DATE <= date <= LATEST_DATE:
        return []
    return [
        Problem(
            message=f"{date.isoformat()} is not a plausible date: expected "
            f"one from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}",
            path=path,
        )
    ]


EvidenceKind = Literal["document", "interview", "observation", "measurement", "other"]
"""What kind of evidence an item is."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Evidence:
    """
    One piece of evidence behind a rating.

    Attributes:
        kind: document, interview, observation, measurement or other.
        reference: What it is, so that someone else can find it again.
        date: When it was made or seen.
        valid_until: Until when it counts (for example a certificate).
    """

    kind: EvidenceKind
    reference: str
    date: datetime.date | None = None
    valid_until: datetime.date | None = None

    def __attrs_post_init__(self) -> None:
        problems = []
        if is_blank(self.reference):
            problems.append(Problem(message="must not be empty", path=("reference",)))
        problems += _date_problems(self.date, ("date",))
        problems += _date_problems(self.valid_until, ("valid_until",))
        if (
            self.date is not None
            and self.valid_until is not None
            and self.valid_until < self.date
        ):
            problems.append(
                Problem(
                    message=f"{self.valid_until.isoformat()} is before the "
                    f"evidence date {self.date.isoformat()}",
                    path=("valid_until",),
                )
            )
        if problems:
            raise ModelError(problems)


def _to_value(value: float | None) -> float | None:
    # Integers become floats (3 == 3.0); booleans are not numbers.
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError(
            [Problem(message=f"expected a number, got {value!r}", path=("value",))]
        )
    return float(value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Review:
    """
    A mark on a rating that an auditor has to look at it again, and why
    (``goudenoor.audit.migrate_assessment()`` sets it where several
    requirements, or a requirement asking something else, met).

    The mark holds for the rating it was made for: its :attr:`value`, or
    :attr:`not_applicable`. Once the rating's value or not-applicable
    differs from it, the auditor has decided: :attr:`Rating.needs_review`
    is ``False``, reports no longer show the mark and saving no longer
    writes it, for that requirement only. An auditor who keeps the
    proposed rating removes the mark (``review`` in the file, or
    ``attrs.evolve(rating, review=None)``).

    Attributes:
        reason: Why, in words: the crosswalk's relationships and
            rationales and how the rating was found.
        value: The value the rating was given when it was marked, or
            ``None`` (unrated, or not applicable).
        not_applicable: The rating was not applicable when it was marked.
    """

    reason: str
    value: float | None = attrs.field(default=None, converter=_to_value)
    not_applicable: bool = False

    def __attrs_post_init__(self) -> None:
        problems = []
        if not self.reason.strip():
            problems.append(Problem(message="must not be empty", path=("reason",)))
        if self.value is not None and (
            self.not_applicable or not math.isfinite(self.value)
        ):
            problems.append(
                Problem(
                    message="a finite value, or not applicable, not both "
                    f"(got {self.value!r})",
                    path=("value",),
                )
            )
        if problems:
            raise ModelError(problems)

    def holds_for(self, rating: Rating) -> bool:
        """
        ``True`` while *rating* is still the rating the mark was made for.
        """
        return (self.value, self.not_applicable) == (
            rating.value,
            rating.not_applicable,
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Rating:
    """
    The auditor's verdict on one requirement.

    Either a :attr:`value` on the assessment's scale, or
    :attr:`not_applicable` with a :attr:`justification`.
    A rating with neither is unrated (a template not yet filled in).

    Attributes:
        value: The value on the scale, or ``None``.
        not_applicable: The requirement does not apply to the organisation.
        justification: Why it does not apply (required with
            :attr:`not_applicable`, not allowed otherwise).
        evidence: What the rating rests on.
        checkpoints_met: Ids of the requirement's checkpoints that were
            found to be met.
        note: The auditor's remark.
        review: A mark that the rating needs to be looked at again (set
            by a migration), or ``None``; see :class:`Review` for when it
            holds.
    """

    value: float | None = attrs.field(default=None, converter=_to_value)
    not_applicable: bool = False
    justification: str | None = None
    evidence: tuple[Evidence, ...] = ()
    checkpoints_met: tuple[str, ...] = ()
    note: str | None = None
    review: Review | None = None

    def __attrs_post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise ModelError(problems)

    def _problems(self) -> Iterator[Problem]:
        if self.value is not None and not math.isfinite(self.value):
            yield Problem(
                message=f"expected a finite number, got {self.value!r}",
                path=("value",),
            )
        if self.not_applicable:
            if self.value is not None:
                yield Problem(
                    message="a not-applicable rating has no value "
                    f"(got {self.value:g})",
                    path=("value",),
                )
            if self.justification is None or is_blank(self.justification):
                yield Problem(
                    message="a not-applicable rating needs a justification",
                    path=("justification",),
                )
            if self.checkpoints_met:
                yield Problem(
                    message="a not-applicable rating has no checkpoints met",
                    path=("checkpoints_met",),
                )
        elif self.justification is not None:
            yield Problem(
                message="a justification is only given with not_applicable: true",
                path=("justification",),
            )
        seen: set[str] = set()
        for index, checkpoint in enumerate(self.checkpoints_met):
            if checkpoint in seen:
                yield Problem(
                    message=f"duplicate checkpoint {checkpoint!r}",
                    path=("checkpoints_met", index),
                )
            seen.add(checkpoint)

    @property
    def rated(self) -> bool:
        """
        ``True`` if the rating has a value.
        """
        return self.value is not None

    @property
    def needs_review(self) -> bool:
        """
        ``True`` if the rating has a :attr:`review` mark that still holds
        (its value or not-applicable is the one the mark was made for).
        """
        return self.review is not None and self.review.holds_for(self)

    @property
    def is_short(self) -> bool:
        """
        ``True`` if the rating is only a value (written as ``"1.3": 2``).
        """
        return self.value is not None and self == Rating(value=self.value)


class Ratings(Mapping[str, Rating]):
    """
    An immutable, hashable mapping of requirement id to :class:`Rating`,
    in the order given.
    """

    __slots__ = ("_data",)

    @checked
    def __init__(self, data: Mapping[str, Rating] | None = None) -> None:
        self._data: dict[str, Rating] = dict(data or {})

    def __getitem__(self, key: str) -> Rating:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Ratings):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Ratings({self._data!r})"

    def __getstate__(self) -> dict[str, Rating]:
        return self._data

    def __setstate__(self, state: dict[str, Rating]) -> None:
        self._data = state

    def get(self, key: str, default: Rating | None = None) -> Rating | None:  # type: ignore[override]
        """
        The rating of *key*, or *default*.
        """
        return self._data.get(key, default)

    @property
    def raw(self) -> Mapping[str, Rating]:
        """
        A read-only view for fast lookups (a dict's speed, not a copy).
        """
        return self._data


def _short_rating(rating: object) -> object:
    # The short form of the file, `"1.3": 2`, in Python: a number alone is
    # Rating(value=number), None an unrated Rating(). Anything else is left
    # for the type check to name.
    if rating is None:
        return Rating()
    if isinstance(rating, (int, float)) and not isinstance(rating, bool):
        return Rating(value=rating)
    return rating


def _to_ratings(value: Mapping[str, Rating | float | None]) -> Ratings:
    if isinstance(value, Ratings):
        return value
    if not isinstance(value, Mapping):
        # Not converted: the type check of the field names it.
        return value
    converted = {key: _short_rating(rating) for key, rating in value.items()}
    if all(isinstance(rating, Rating) for rating in converted.values()):
        return Ratings(converted)  # type: ignore[arg-type]
    # Left as given: the type check of `ratings` names the item.
    return converted  # type: ignore[return-value]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MigrationOrigin:
    """
    Where a migrated assessment came from (see
    ``goudenoor.audit.migrate_assessment()``).

    Attributes:
        edition: The edition id the assessment was made against.
        crosswalk: The crosswalk the ratings were carried through (its
            file or name), if known.
    """

    edition: str
    crosswalk: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Assessment:
    """
    An audit of one organisation against one edition of the standard.

    Requirements absent from :attr:`ratings` are unrated.
    Two assessments with the same content are equal wherever they were
    read from: :attr:`source` is not part of equality.

    Attributes:
        edition: The edition id, for example ``gos-2012``.
        organisation: The organisation assessed.
        date: The date of the audit.
        scale: The scale id of the values (default: the edition's).
        auditors: Who assessed.
        extensions: The sector extensions the assessment was made with:
            ids of installed extensions, or paths to their files.
        ratings: Requirement id to rating. As in the file's short form
            (``"1.3": 2``), a number alone may be given for
            ``Rating(value=number)`` and ``None`` for an unrated
            ``Rating()``; they are converted when the assessment is built.
        migrated_from: Where the assessment was migrated from, if it was.
        unit: The part of the organisation audited on its own (a site,
            team or department), if any: a non-empty text. The units of
            one organisation are rolled up by ``goudenoor.rollup()``.
        source: The file the assessment was read from, if any.
    """

    edition: str
    organisation: str
    date: datetime.date
    scale: str | None = None
    auditors: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    ratings: Mapping[str, Rating] = attrs.field(factory=Ratings, converter=_to_ratings)
    migrated_from: MigrationOrigin | None = None
    unit: str | None = None
    source: str | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = []
        # is_blank, not str.strip: a name of U+FEFF or zero-width spaces
        # shows nothing either.
        if is_blank(self.organisation):
            problems.append(
                Problem(message="must not be empty", path=("organisation",))
            )
        if is_blank(self.edition):
            problems.append(Problem(message="must not be empty", path=("edition",)))
        if self.unit is not None and is_blank(self.unit):
            problems.append(Problem(message="must not be empty", path=("unit",)))
        problems += [
            Problem(message="must not be empty", path=("auditors", index))
            for index, name in enumerate(self.auditors)
            if is_blank(name)
        ]
        problems += _date_problems(self.date, ("date",))
        if problems:
            raise ModelError(problems)

    @checked
    def with_ratings(self, changes: Mapping[str, Rating | float | None]) -> Assessment:
        """
        A copy with some ratings replaced (``None`` removes one).

        A number alone stands for ``Rating(value=number)``, as in the file.

        Raises:
            TypeError: If *changes* is not a mapping of requirement ids to
                ratings, numbers or ``None``.
        """
        ratings = dict(self.ratings)
        for requirement_id, rating in changes.items():
            if rating is None:
                ratings.pop(requirement_id, None)
            else:
                ratings[requirement_id] = rating  # type: ignore[assignment]
        return attrs.evolve(self, ratings=ratings)


@checked
def assessment_problems(assessment: Assessment, standard: Standard) -> list[Problem]:
    """
    Everything that keeps *assessment* from being scored against
    *standard*, each with its path in the assessment file.
    """
    if assessment.edition != standard.id:
        # Ids and scales of another edition would only add noise.
        return [
            Problem(
                message=f"assessment is for edition {assessment.edition!r}, "
                f"the standard is {standard.id!r}",
                path=("edition",),
            )
        ]
    index = _INDEX.get(standard, None)
    scale_id = assessment.scale or standard.default_scale
    values = index.scales.get(scale_id)
    problems = _header_problems(assessment, standard, scale_id, index)
    ratings = assessment.ratings
    lookup = ratings.raw if isinstance(ratings, Ratings) else ratings
    date = assessment.date
    not_applicable_areas: set[str] = set()
    checkpoints_of = index.checkpoints
    unknown = 0
    for requirement_id, rating in lookup.items():
        checkpoints = checkpoints_of.get(requirement_id)
        if checkpoints is None:
            unknown += 1
            problems.append(
                _unknown_requirement(
                    requirement_id, standard, suggest=unknown <= SUGGESTED
                )
            )
            continue
        value = rating.value
        if value is not None and values is not None and value not in values:
            shown = ", ".join(f"{v:g}" for v in sorted(values))
            problems.append(
                Problem(
                    message=f"{value:g} is not on scale {scale_id} ({shown})",
                    path=("ratings", requirement_id, "value"),
                )
            )
        if rating.checkpoints_met:
            problems.extend(_checkpoint_problems(requirement_id, rating, checkpoints))
        for number, item in enumerate(rating.evidence):
            if item.date is not None and item.date > date:
                problems.append(_late_evidence(requirement_id, number, item.date, date))
        if rating.not_applicable:
            not_applicable_areas.add(index.area_of[requirement_id])
    if not_applicable_areas:
        problems.extend(_all_not_applicable(lookup, index, not_applicable_areas))
    return problems


def _header_problems(
    assessment: Assessment, standard: Standard, scale_id: str, index: _Index
) -> list[Problem]:
    problems = []
    if not _same_extensions(assessment.extensions, standard.extensions):
        problems.append(
            Problem(
                message=f"assessment was made with extensions "
                f"{list(assessment.extensions)}, the standard has "
                f"{list(standard.extensions)}",
                path=("extensions",),
            )
        )
    if scale_id not in index.scales:
        problems.append(
            Problem(
                message=f"unknown scale {scale_id!r} "
                f"(expected one of {list(index.scales)})",
                path=("scale",),
            )
        )
    return problems


def _same_extensions(declared: tuple[str, ...], applied: tuple[str, ...]) -> bool:
    # An entry is an extension id, or a path to its file (which names its
    # own id): paths match any id in their place.
    return len(declared) == len(applied) and all(
        entry == applied_id or is_file_reference(entry)
        for entry, applied_id in zip(declared, applied, strict=True)
    )


@attrs.frozen
class _Index:
    """
    What checking needs from a Standard, computed once per Standard.
    """

    checkpoints: dict[str, tuple[str, ...]]
    scales: dict[str, frozenset[float]]
    area_of: dict[str, str]
    areas: dict[str, tuple[str, tuple[str, ...]]]
    """Area id -> (name, its requirement ids), in the standard's order."""


def _make_index(standard: Standard, _: None) -> _Index:
    return _Index(
        checkpoints={
            r.id: tuple(c.id for c in r.checkpoints) for r in standard.requirements
        },
        scales={scale.id: frozenset(scale.values) for scale in standard.scales},
        area_of={r.id: area.id for area in standard.areas for r in area.requirements},
        areas={
            area.id: (area.name, tuple(r.id for r in area.requirements))
            for area in standard.areas
        },
    )


_INDEX: PerStandard[None, _Index] = PerStandard("assessment index", _make_index)


SUGGESTED = 20
"""
How many unknown requirement ids of one assessment get a "did you mean":
a file with more is not mistyped, and finding close matches costs a
quarter of a millisecond an id (60,000 unknown ids took 14 s).
"""


def _unknown_requirement(
    requirement_id: str, standard: Standard, *, suggest: bool
) -> Problem:
    matches = (
        close_matches(requirement_id, [r.id for r in standard.requirements])
        if suggest
        else []
    )
    message = f"unknown requirement {excerpt(requirement_id)} in {standard.id}"
    removed = standard.changes_to(f"requirement {requirement_id}")
    if removed and removed[-1].action == "remove":
        message += f" (removed by extension {removed[-1].extension!r}"
        message += f": {removed[-1].reason})" if removed[-1].reason else ")"
    else:
        message += did_you_mean(matches)
    return Problem(message=message, path=("ratings", requirement_id))


def _checkpoint_problems(
    requirement_id: str, rating: Rating, checkpoints: tuple[str, ...]
) -> Iterator[Problem]:
    for index, checkpoint in enumerate(rating.checkpoints_met):
        if checkpoint not in checkpoints:
            expected = (
                f"expected one of {list(checkpoints)}"
                if checkpoints
                else "the requirement has no checkpoints"
            )
            yield Problem(
                message=f"{checkpoint!r} is not a checkpoint of requirement "
                f"{requirement_id} ({expected})",
                path=("ratings", requirement_id, "checkpoints_met", index),
            )


def _late_evidence(
    requirement_id: str, number: int, dated: datetime.date, date: datetime.date
) -> Problem:
    # Evidence cannot postdate the audit (a typo like 2036 for 2026 would
    # otherwise count as valid evidence).
    return Problem(
        message=f"{dated.isoformat()} is after the audit date {date.isoformat()}",
        path=("ratings", requirement_id, "evidence", number, "date"),
    )


def _all_not_applicable(
    lookup: Mapping[str, Rating], index: _Index, area_ids: set[str]
) -> Iterator[Problem]:
    for area_id, (name, ids) in index.areas.items():
        if area_id not in area_ids:
            continue
        ratings = [lookup.get(i) for i in ids]
        if ids and all(r is not None and r.not_applicable for r in ratings):
            yield Problem(
                message=f"every requirement of area {area_id} ({name}) is "
                "not applicable; an area of the standard cannot be not "
                "applicable as a whole",
                path=("ratings", ids[-1], "not_applicable"),
            )


@checked
def check_assessment(assessment: Assessment, standard: Standard) -> None:
    """
    Raise if *assessment* cannot be scored against *standard*.

    Raises:
        ValidationError: With every problem and its path.
    """
    problems = assessment_problems(assessment, standard)
    if problems:
        raise ValidationError(problems, assessment.source)
