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
import re
from collections.abc import Iterator, Mapping
from typing import Literal

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._text import is_blank
from goudenoor.exceptions import ModelError, ValidationError
from goudenoor.problems import Problem, close_matches, did_you_mean, excerpt
from goudenoor.standard import PerStandard, Standard, is_file_reference


__all__ = [
    "ASSESSMENT_KINDS",
    "EARLIEST_DATE",
    "FINDING_KINDS",
    "FINDING_STATUSES",
    "LATEST_DATE",
    "Assessment",
    "AssessmentKind",
    "Evidence",
    "EvidenceKind",
    "Finding",
    "FindingKind",
    "FindingStatus",
    "FindingUpdate",
    "MigrationOrigin",
    "Rating",
    "Ratings",
    "Review",
    "Severity",
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


_SHA256 = re.compile(r"[0-9a-f]{64}")

# What an evidence item's path must be (its problems say it).
_EVIDENCE_PATH_RULE = (
    "a relative path with / between its parts, without . or .. parts, in "
    "the evidence folder"
)


def _evidence_path_problems(path: str) -> list[Problem]:
    """
    The problems of an evidence item's *path*, judged as text only: where
    it leads once symbolic links are followed is the file layer's to check
    (``goudenoor.files``), as for an extension file an assessment names.
    """
    parts = path.split("/")
    if is_blank(path):
        reason = "must not be empty"
    elif path.startswith("/") or "\\" in path or re.match(r"[A-Za-z]:", path):
        reason = f"{excerpt(path)} is an absolute path or uses \\"
    elif any(part in ("", ".", "..") for part in parts):
        reason = f"{excerpt(path)} has an empty, . or .. part"
    else:
        return []
    return [
        Problem(message=f"{reason}: expected {_EVIDENCE_PATH_RULE}", path=("path",))
    ]


EvidenceKind = Literal[
    "document", "interview", "observation", "measurement", "sample", "other"
]
"""What kind of evidence an item is (``sample``: the evaluation of a
sample of records, ``goudenoor sample evaluate --into``)."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Evidence:
    """
    One piece of evidence behind a rating.

    Attributes:
        kind: document, interview, observation, measurement, sample or
            other.
        reference: What it is, so that someone else can find it again.
        date: When it was made or seen.
        valid_until: Until when it counts (for example a certificate).
        path: Its file, relative to the evidence folder (by default the
            assessment file's folder), written with ``/``.
        uri: Where it is kept otherwise (a document system's link).
        sha256: The SHA-256 of the file at ``path``, 64 lowercase hex
            digits (``goudenoor evidence hash`` fills it in).
        collected_by: Who collected it.
    """

    kind: EvidenceKind
    reference: str
    date: datetime.date | None = None
    valid_until: datetime.date | None = None
    path: str | None = None
    uri: str | None = None
    sha256: str | None = None
    collected_by: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = []
        if is_blank(self.reference):
            problems.append(Problem(message="must not be empty", path=("reference",)))
        problems += [
            Problem(message="must not be empty", path=(key,))
            for key in ("uri", "collected_by")
            if (text := getattr(self, key)) is not None and is_blank(text)
        ]
        if self.path is not None:
            problems += _evidence_path_problems(self.path)
        if self.sha256 is not None and not _SHA256.fullmatch(self.sha256):
            problems.append(
                Problem(
                    message=f"{excerpt(self.sha256)} is not a SHA-256: expected "
                    "64 lowercase hexadecimal digits",
                    path=("sha256",),
                )
            )
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


AssessmentKind = Literal["audit", "review", "self"]
"""What an assessment is: an ``audit`` (it grants a recognition level), a
``review`` between audits (its findings count, its ratings grant nothing)
or a ``self`` assessment by the organisation (it counts for nothing in the
recognition)."""

ASSESSMENT_KINDS: tuple[AssessmentKind, ...] = ("audit", "review", "self")
"""The kinds of assessment, in that order."""

FindingKind = Literal["afwijking", "verbeterpunt", "observatie", "sterk-punt"]
"""What an auditor found: a deviation (``afwijking``), an improvement point
(``verbeterpunt``), an observation (``observatie``) or a strength
(``sterk-punt``)."""

FINDING_KINDS: tuple[FindingKind, ...] = (
    "afwijking",
    "verbeterpunt",
    "observatie",
    "sterk-punt",
)
"""The kinds of finding, in that order."""

_FOLLOWED_UP: frozenset[str] = frozenset({"afwijking", "verbeterpunt"})
"""The kinds of finding that are followed up (a deadline, a history)."""

Severity = Literal["major", "minor"]
"""How heavy an afwijking is."""

FindingStatus = Literal["open", "planned", "implemented", "verified"]
"""Where the follow-up of a finding stands."""

FINDING_STATUSES: tuple[FindingStatus, ...] = (
    "open",
    "planned",
    "implemented",
    "verified",
)
"""The statuses of a finding, in the only order a history may take them:
forward, never back."""

_FINDING_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

_HASH = re.compile(r"[0-9a-f]{64}")
"""A SHA-256 in hexadecimal, as a journal writes it."""


def _text_problems(value: str | None, *path: str | int) -> list[Problem]:
    if value is not None and is_blank(value):
        return [Problem(message="must not be empty", path=path)]
    return []


def _choice_problems(
    value: object, choices: tuple[str, ...], what: str, path: str
) -> list[Problem]:
    # The type check sees a text; which texts are allowed is checked here,
    # so that an object built in Python is held to the file's rule.
    if value is None or value in choices:
        return []
    return [
        Problem(
            message=f"unknown {what} {value!r} (expected one of {list(choices)})",
            path=(path,),
        )
    ]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FindingUpdate:
    """
    One step in the follow-up of a finding: its status from a date on.

    Attributes:
        status: open, planned, implemented or verified.
        date: The day the finding reached the status.
        by: Who recorded it.
        note: What was done or seen, free text.
        evidence: What shows it (required for ``verified``).
    """

    status: FindingStatus
    date: datetime.date
    by: str | None = None
    note: str | None = None
    evidence: tuple[Evidence, ...] = ()

    def __attrs_post_init__(self) -> None:
        problems = _choice_problems(self.status, FINDING_STATUSES, "status", "status")
        problems += _date_problems(self.date, ("date",))
        problems += _text_problems(self.by, "by")
        if self.status == "verified" and not self.evidence:
            problems.append(
                Problem(
                    message="a finding is verified on evidence: expected at "
                    "least one evidence item",
                    path=("evidence",),
                )
            )
        if problems:
            raise ModelError(problems)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Finding:
    """
    What an auditor found on one requirement, and its follow-up.

    A finding's status on a date is that of the last :attr:`history`
    entry dated on or before it (``open`` before the first). The history
    only goes forward: each entry's status is later than the one before
    (see :data:`FINDING_STATUSES`) and its date is not earlier.

    Attributes:
        id: Unique in the assessment: letters, digits, ``.``, ``_`` and
            ``-``, for example ``A-2024-1``.
        requirement: The id of the requirement it is about.
        kind: afwijking, verbeterpunt, observatie or sterk-punt.
        text: What was found.
        checkpoint: The id of the requirement's checkpoint it is about, if
            one.
        severity: major or minor: required for an afwijking, not allowed
            for other kinds.
        evidence: What it was found on.
        owner: Who in the organisation follows it up.
        deadline: When it has to be verified: required for an afwijking,
            optional for a verbeterpunt, not allowed for an observatie or a
            sterk-punt (they need no follow-up).
        raised: The date it was found, if not the assessment's date (a
            finding carried forward from an earlier audit keeps the date it
            was raised).
        history: Its follow-up, oldest first.
        review: A mark that the finding's requirement needs to be looked at
            again, and why (``goudenoor.audit.migrate_assessment()`` sets it
            where the crosswalk maps the finding's requirement to several
            requirements of the new edition: the finding goes to the first,
            the mark names them all). The auditor who has placed the
            finding removes it.
    """

    id: str
    requirement: str
    kind: FindingKind
    text: str
    checkpoint: str | None = None
    severity: Severity | None = None
    evidence: tuple[Evidence, ...] = ()
    owner: str | None = None
    deadline: datetime.date | None = None
    raised: datetime.date | None = None
    history: tuple[FindingUpdate, ...] = ()
    review: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = _choice_problems(self.kind, FINDING_KINDS, "kind", "kind")
        problems += _choice_problems(
            self.severity, ("major", "minor"), "severity", "severity"
        )
        # The rules of kinds and statuses assume known ones.
        problems += [] if problems else list(self._problems())
        if problems:
            raise ModelError(problems)

    def _problems(self) -> Iterator[Problem]:
        if not _FINDING_ID.fullmatch(self.id):
            yield Problem(
                message=f"{excerpt(self.id)} is not a finding id: expected "
                "letters, digits, '.', '_' and '-', starting with a letter or "
                "digit",
                path=("id",),
            )
        yield from _text_problems(self.text, "text")
        yield from _text_problems(self.owner, "owner")
        yield from _text_problems(self.review, "review")
        yield from _date_problems(self.deadline, ("deadline",))
        yield from _date_problems(self.raised, ("raised",))
        if self.kind == "afwijking":
            if self.severity is None:
                yield Problem(
                    message="an afwijking needs a severity (major or minor)",
                    path=("severity",),
                )
            if self.deadline is None:
                yield Problem(
                    message="an afwijking needs a deadline", path=("deadline",)
                )
        elif self.severity is not None:
            yield Problem(
                message=f"only an afwijking has a severity, not a {self.kind}",
                path=("severity",),
            )
        if self.kind not in _FOLLOWED_UP:
            for name, value in (("deadline", self.deadline), ("history", self.history)):
                if value:
                    yield Problem(
                        message=f"a {self.kind} is not followed up: it has no {name}",
                        path=(name,),
                    )
        yield from self._history_problems()

    def _history_problems(self) -> Iterator[Problem]:
        for index, (before, entry) in enumerate(
            zip(self.history, self.history[1:], strict=False), start=1
        ):
            if entry.date < before.date:
                yield Problem(
                    message=f"{entry.date.isoformat()} is before the entry "
                    f"above it ({before.date.isoformat()}): a history goes "
                    "forward in time",
                    path=("history", index, "date"),
                )
            if FINDING_STATUSES.index(entry.status) <= FINDING_STATUSES.index(
                before.status
            ):
                later = FINDING_STATUSES[FINDING_STATUSES.index(before.status) + 1 :]
                expected = (
                    f"one of {list(later)}" if later else "no entry after verified"
                )
                yield Problem(
                    message=f"{entry.status!r} does not follow {before.status!r}: "
                    f"a finding only moves forward (expected {expected})",
                    path=("history", index, "status"),
                )

    @property
    def followed_up(self) -> bool:
        """
        ``True`` for an afwijking or a verbeterpunt: the kinds with a
        follow-up (a status that counts for the recognition).
        """
        return self.kind in _FOLLOWED_UP

    @property
    def needs_review(self) -> bool:
        """
        ``True`` if the finding has a :attr:`review` mark.
        """
        return self.review is not None

    @property
    def blocking(self) -> bool:
        """
        ``True`` for a major afwijking.
        """
        return self.kind == "afwijking" and self.severity == "major"

    @property
    def status(self) -> FindingStatus:
        """
        The status of the last history entry (``open`` without one).
        """
        return self.history[-1].status if self.history else "open"

    def status_on(self, date: datetime.date) -> FindingStatus:
        """
        The status on *date*: that of the last history entry dated on or
        before it, ``open`` before the first.
        """
        status: FindingStatus = "open"
        for entry in self.history:
            if entry.date > date:
                break
            status = entry.status
        return status

    def verified_on(self) -> datetime.date | None:
        """
        The date it was verified, or ``None``.
        """
        last = self.history[-1] if self.history else None
        return last.date if last is not None and last.status == "verified" else None

    def is_overdue(self, date: datetime.date) -> bool:
        """
        ``True`` if on *date* its deadline has passed (it is before *date*)
        and it was not verified by then. Derived, never stored.
        """
        return (
            self.deadline is not None
            and self.deadline < date
            and self.status_on(date) != "verified"
        )


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
        kind: audit (the default), review or self: see
            :data:`AssessmentKind`.
        findings: What the auditor found (afwijkingen, verbeterpunten,
            observaties, sterke punten), with their follow-up.
        journal_head: The hash (SHA-256, hexadecimal) of the last line
            of the assessment's journal of rating changes
            (``NAME.journal.jsonl``, written by ``goudenoor rate``), or
            ``None`` without a journal: a journal cut short no longer ends
            with it.
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
    kind: AssessmentKind = "audit"
    findings: tuple[Finding, ...] = ()
    journal_head: str | None = None
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
        problems += _choice_problems(self.kind, ASSESSMENT_KINDS, "kind", "kind")
        problems += self._finding_problems()
        if self.journal_head is not None and not _HASH.fullmatch(self.journal_head):
            problems.append(
                Problem(
                    message=f"{excerpt(self.journal_head)} is not a journal "
                    "hash: expected 64 lowercase hexadecimal digits (SHA-256)",
                    path=("journal_head",),
                )
            )
        if problems:
            raise ModelError(problems)

    def _finding_problems(self) -> list[Problem]:
        problems = []
        seen: dict[str, int] = {}
        for index, finding in enumerate(self.findings):
            if finding.id in seen:
                problems.append(
                    Problem(
                        message=f"duplicate finding id {finding.id!r} (also "
                        f"finding {seen[finding.id] + 1})",
                        path=("findings", index, "id"),
                    )
                )
            seen.setdefault(finding.id, index)
            raised = finding.raised or self.date
            if finding.raised is not None and finding.raised > self.date:
                problems.append(
                    Problem(
                        message=f"{finding.raised.isoformat()} is after the "
                        f"assessment's date {self.date.isoformat()}",
                        path=("findings", index, "raised"),
                    )
                )
            if finding.deadline is not None and finding.deadline < raised:
                problems.append(
                    Problem(
                        message=f"the deadline {finding.deadline.isoformat()} "
                        f"is before the finding was raised ({raised.isoformat()})",
                        path=("findings", index, "deadline"),
                    )
                )
            if finding.history and finding.history[0].date < raised:
                problems.append(
                    Problem(
                        message=f"{finding.history[0].date.isoformat()} is "
                        f"before the finding was raised ({raised.isoformat()})",
                        path=("findings", index, "history", 0, "date"),
                    )
                )
        return problems

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
    problems.extend(_finding_problems(assessment.findings, standard, index))
    return problems


def _finding_problems(
    findings: tuple[Finding, ...], standard: Standard, index: _Index
) -> Iterator[Problem]:
    for number, finding in enumerate(findings):
        checkpoints = index.checkpoints.get(finding.requirement)
        if checkpoints is None:
            matches = close_matches(
                finding.requirement, [r.id for r in standard.requirements]
            )
            yield Problem(
                message=f"unknown requirement {excerpt(finding.requirement)} in "
                f"{standard.id}{did_you_mean(matches)}",
                path=("findings", number, "requirement"),
            )
        elif finding.checkpoint is not None and finding.checkpoint not in checkpoints:
            expected = (
                f"expected one of {list(checkpoints)}"
                if checkpoints
                else "the requirement has no checkpoints"
            )
            yield Problem(
                message=f"{finding.checkpoint!r} is not a checkpoint of "
                f"requirement {finding.requirement} ({expected})",
                path=("findings", number, "checkpoint"),
            )


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
