"""
After the score: the findings of an audit on a date, the recognition
(*erkenning*) of one organisation as of a date, and findings carried
forward into the next audit.

The recognition follows the :class:`~goudenoor.standard.RecognitionRules`
of the latest audit's standard: which of them are this library's reading
of an unpublished scheme is marked in the edition's data
(``RecognitionRules.readings``), and every function here takes other
rules instead.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._data import Key, shape, to_data
from goudenoor._text import text_lines
from goudenoor.audit._assessment import FINDING_STATUSES, Assessment, Finding
from goudenoor.audit._audit import Audit
from goudenoor.audit._scoring import EvidencePolicy, score
from goudenoor.exceptions import RecognitionError
from goudenoor.standard import RecognitionRules


__all__ = [
    "FINDINGS_FORMAT",
    "RECOGNITION_STATES",
    "STATUS_FORMAT",
    "FindingState",
    "Findings",
    "RecognitionState",
    "RecognitionStatus",
    "StatusReason",
    "add_months",
    "carry_findings",
    "findings_on",
    "recognition_status",
]


def __dir__() -> list[str]:
    return __all__


FINDINGS_FORMAT = "findings/1"
"""The format marker of ``goudenoor findings``'s JSON."""

STATUS_FORMAT = "status/1"
"""The format marker of a recognition status's JSON (``goudenoor status``)."""

RecognitionState = Literal["none", "valid", "conditional", "suspended", "expired"]
"""Where a recognition stands on a date:

- ``none``: no audit by then, or the latest audit granted no level;
- ``valid``: granted and nothing holds it back;
- ``conditional``: a blocking afwijking is open, not yet overdue;
- ``suspended``: a blocking afwijking is overdue, or a review is;
- ``expired``: past its validity (a new audit is due).
"""

RECOGNITION_STATES: tuple[RecognitionState, ...] = (
    "none",
    "valid",
    "conditional",
    "suspended",
    "expired",
)
"""The states of a recognition, in that order."""


def add_months(date: datetime.date, months: int) -> datetime.date:
    """
    *date* plus *months* calendar months; a day the month does not have
    becomes its last day (31 January plus one month is 28 or 29 February).

    >>> add_months(datetime.date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    """
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    day = min(date.day, calendar.monthrange(year, month + 1)[1])
    return datetime.date(year, month + 1, day)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FindingState:
    """
    A finding as it stands on a date.

    Attributes:
        finding: The finding.
        as_of: The date.
        status: Its status on that date.
        overdue: Its deadline passed before that date and it was not
            verified by then.
        source: The date of the assessment it was read from.
    """

    finding: Finding
    as_of: datetime.date
    status: str
    overdue: bool
    source: datetime.date

    @property
    def open(self) -> bool:
        """
        ``True`` for an afwijking or verbeterpunt not verified on the date.
        """
        return self.finding.followed_up and self.status != "verified"


def _state(
    finding: Finding, as_of: datetime.date, source: datetime.date
) -> FindingState:
    return FindingState(
        finding=finding,
        as_of=as_of,
        status=finding.status_on(as_of),
        overdue=finding.is_overdue(as_of),
        source=source,
    )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Findings:
    """
    The findings of one assessment on a date (``goudenoor findings``).

    Attributes:
        organisation: The organisation assessed.
        unit: The unit, if any.
        edition: The edition id.
        kind: The assessment's kind.
        date: The assessment's date.
        as_of: The date the statuses are for.
        items: Each finding with its status on :attr:`as_of`, in the
            file's order.
    """

    organisation: str
    unit: str | None
    edition: str
    kind: str
    date: datetime.date
    as_of: datetime.date
    items: tuple[FindingState, ...]

    @property
    def open(self) -> tuple[FindingState, ...]:
        """
        The afwijkingen and verbeterpunten not verified on :attr:`as_of`.
        """
        return tuple(item for item in self.items if item.open)

    @property
    def overdue(self) -> tuple[FindingState, ...]:
        """
        The findings overdue on :attr:`as_of`.
        """
        return tuple(item for item in self.items if item.overdue)

    def to_data(self) -> dict[str, Any]:
        """
        Plain data in the ``findings/1`` format.
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The findings as plain text, one line each (English; the reports
        speak Dutch).
        """
        lines = [
            (
                f"{self.organisation}{_unit_suffix(self.unit)}: {len(self.items)} "
                f"findings on {self.as_of.isoformat()}, {len(self.open)} open, "
                f"{len(self.overdue)} overdue"
            )
        ]
        for item in self.items:
            finding = item.finding
            kind = finding.kind + (f" ({finding.severity})" if finding.severity else "")
            deadline = (
                f", deadline {finding.deadline.isoformat()}" if finding.deadline else ""
            )
            overdue = ", OVERDUE" if item.overdue else ""
            head = f"{finding.id} {kind} on {finding.requirement}"
            if finding.followed_up:
                head += f": {item.status}{deadline}{overdue}"
            lines.append(f"{head}: {finding.text}")
        return text_lines(lines)


def _unit_suffix(unit: str | None) -> str:
    return f" ({unit})" if unit else ""


@checked
def findings_on(audit: Audit | Assessment, as_of: datetime.date) -> Findings:
    """
    The findings of *audit* with their status on *as_of*.
    """
    assessment = audit.assessment if isinstance(audit, Audit) else audit
    return Findings(
        organisation=assessment.organisation,
        unit=assessment.unit,
        edition=assessment.edition,
        kind=assessment.kind,
        date=assessment.date,
        as_of=as_of,
        items=tuple(_state(f, as_of, assessment.date) for f in assessment.findings),
    )


ReasonCode = Literal[
    "no-audit",
    "no-level",
    "granted",
    "expired",
    "review-overdue",
    "finding-overdue",
    "finding-open",
]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class StatusReason:
    """
    One fact that decides a recognition's state.

    Attributes:
        code: What it is: ``no-audit``, ``no-level``, ``granted``,
            ``expired``, ``review-overdue``, ``finding-overdue`` or
            ``finding-open``.
        date: The date it turns on: the audit's date (``granted``,
            ``no-level``), the end of the validity (``expired``), the
            review's due date (``review-overdue``), the finding's deadline
            (``finding-*``).
        finding: The finding's id (``finding-*``).
        level: The level granted (``granted``).
    """

    code: ReasonCode
    date: datetime.date | None = None
    finding: str | None = None
    level: str | None = None

    @property
    def text(self) -> str:
        """
        The reason as an English sentence.
        """
        day = self.date.isoformat() if self.date else ""
        return {
            "no-audit": "no audit by this date",
            "no-level": f"the audit of {day} granted no level",
            "granted": f"level {self.level} granted by the audit of {day}",
            "expired": f"the recognition expired after {day}",
            "review-overdue": f"the review due on {day} was not held",
            "finding-overdue": f"afwijking {self.finding} was not verified by "
            f"its deadline {day}",
            "finding-open": f"afwijking {self.finding} is open (deadline {day})",
        }[self.code]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RecognitionStatus:
    """
    The recognition of one organisation (one unit) on a date.

    Attributes:
        organisation: The organisation.
        unit: The unit, if any.
        as_of: The date.
        state: See :data:`RecognitionState`.
        level: The level granted by the latest audit, or ``None``.
        scheme: The recognition scheme's id the level is on, or ``None``
            (no audit).
        audit_date: The latest audit's date, or ``None``.
        valid_until: The last day the recognition is valid, or ``None``.
        next_review: The day the next review is due, or ``None`` (none
            before the validity ends, or no recognition).
        open_findings: The afwijkingen and verbeterpunten open on
            :attr:`as_of`, of the latest audit and the reviews after it.
        overdue_findings: Those of them that are overdue.
        reasons: The facts that decide :attr:`state`.
        rules: The rules applied.
    """

    organisation: str
    unit: str | None
    as_of: datetime.date
    state: RecognitionState
    level: str | None = None
    scheme: str | None = None
    audit_date: datetime.date | None = None
    valid_until: datetime.date | None = None
    next_review: datetime.date | None = None
    open_findings: tuple[FindingState, ...] = ()
    overdue_findings: tuple[FindingState, ...] = ()
    reasons: tuple[StatusReason, ...] = ()
    rules: RecognitionRules | None = attrs.field(default=None, repr=False)

    def to_data(self) -> dict[str, Any]:
        """
        Plain data in the ``status/1`` format (one row).
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The status as plain text (English; the reports speak Dutch).
        """
        level = f", level {self.level}" if self.level else ""
        lines = [
            (
                f"{self.organisation}{_unit_suffix(self.unit)} on "
                f"{self.as_of.isoformat()}: {self.state}{level}"
            ),
            *(f"- {reason.text}" for reason in self.reasons),
        ]
        if self.valid_until:
            lines.append(f"valid until {self.valid_until.isoformat()}")
        if self.next_review:
            lines.append(f"next review {self.next_review.isoformat()}")
        return text_lines(lines)


def _one_organisation(audits: list[Audit]) -> tuple[str, str | None]:
    if not audits:
        msg = "expected at least one audit of the organisation"
        raise RecognitionError(msg)
    first = audits[0].assessment
    for audit in audits[1:]:
        other = audit.assessment
        if (other.organisation, other.unit) != (first.organisation, first.unit):
            msg = (
                "the audits are of more than one organisation or unit: "
                f"{_label(first)} and {_label(other)}; a recognition is of one "
                "(use a Portfolio's status for many)"
            )
            raise RecognitionError(msg)
    return first.organisation, first.unit


def _label(assessment: Assessment) -> str:
    return repr(assessment.organisation) + (
        f" unit {assessment.unit!r}" if assessment.unit else ""
    )


def _review_due(
    audit_date: datetime.date,
    valid_until: datetime.date,
    reviews_held: int,
    interval: int,
) -> datetime.date | None:
    # Reviews are due on the audit's anniversaries within the validity
    # (audit + 12 months, + 24 months with the published rules); the n-th
    # review held after the audit counts for the n-th due date, early or
    # late, so a late review does not shift the ones after it.
    due = add_months(audit_date, interval * (reviews_held + 1))
    return due if due < valid_until else None


@checked
def recognition_status(
    audits: Iterable[Audit],
    as_of: datetime.date,
    *,
    scheme: str | None = None,
    method: str = "weighted-mean",
    parameters: Mapping[str, float] | None = None,
    evidence_policy: EvidencePolicy = "warn",
    rules: RecognitionRules | None = None,
) -> RecognitionStatus:
    """
    The recognition of one organisation (one unit) on *as_of*, from its
    audits and reviews in any order.

    Only assessments dated on or before *as_of* count, and self
    assessments never do. The latest ``audit`` grants the level (scored
    with *scheme*, *method*, *parameters* and *evidence_policy*, as
    :func:`~goudenoor.audit.score` takes them); its findings and those of
    the ``review`` assessments after it decide the state, each finding as
    it stands on *as_of* (one that appears in several of them, carried
    forward, counts once, as the latest has it). Findings of earlier
    audits count only when carried forward (:func:`carry_findings`).

    The rules are *rules*, or else the latest audit's standard's
    ``recognition_rules``:

    - the recognition is valid up to ``validity_months`` after the
      audit (``valid_until``), and ``expired`` after that;
    - reviews are due every ``review_interval_months`` from the audit's
      date while it is valid; one not held by its due date makes it
      ``suspended``;
    - an afwijking of a ``blocking_severities`` severity that is open
      makes it ``conditional``, and ``suspended`` once overdue.

    Raises:
        RecognitionError: No audits, or audits of more than one
            organisation or unit.
        GoudenoorError: The latest audit cannot be scored with the
            scheme, method or parameters given.
    """
    given = list(audits)
    organisation, unit = _one_organisation(given)
    counted = sorted(
        (
            audit
            for audit in given
            if audit.assessment.kind != "self" and audit.assessment.date <= as_of
        ),
        key=lambda audit: audit.assessment.date,
    )
    latest = next(
        (audit for audit in reversed(counted) if audit.assessment.kind == "audit"),
        None,
    )
    status = RecognitionStatus(
        organisation=organisation, unit=unit, as_of=as_of, state="none"
    )
    if latest is None:
        findings = _current_findings(counted, as_of)
        return attrs.evolve(
            status,
            open_findings=tuple(f for f in findings if f.open),
            overdue_findings=tuple(f for f in findings if f.open and f.overdue),
            reasons=(StatusReason(code="no-audit"),),
        )
    audit_date = latest.assessment.date
    cycle = [
        audit
        for audit in counted
        if audit is latest
        or (audit.assessment.kind == "review" and audit.assessment.date >= audit_date)
    ]
    findings = _current_findings(cycle, as_of)
    card = score(
        latest,
        scheme=scheme,
        method=method,
        parameters=parameters,
        evidence_policy=evidence_policy,
    )
    used = rules if rules is not None else latest.standard.recognition_rules
    status = attrs.evolve(
        status,
        scheme=card.scheme.id,
        audit_date=audit_date,
        open_findings=tuple(f for f in findings if f.open),
        overdue_findings=tuple(f for f in findings if f.open and f.overdue),
        rules=used,
    )
    if card.level is None:
        return attrs.evolve(
            status, reasons=(StatusReason(code="no-level", date=audit_date),)
        )
    valid_until = add_months(audit_date, used.validity_months)
    reviews = sum(1 for audit in cycle if audit is not latest)
    next_review = _review_due(
        audit_date, valid_until, reviews, used.review_interval_months
    )
    granted = StatusReason(code="granted", date=audit_date, level=card.level.name)
    status = attrs.evolve(
        status,
        level=card.level.name,
        valid_until=valid_until,
        next_review=next_review,
    )
    if as_of > valid_until:
        return attrs.evolve(
            status,
            state="expired",
            next_review=None,
            reasons=(granted, StatusReason(code="expired", date=valid_until)),
        )
    blocking = [
        item
        for item in status.open_findings
        if item.finding.kind == "afwijking"
        and item.finding.severity in used.blocking_severities
    ]
    suspending = [
        StatusReason(
            code="finding-overdue", date=item.finding.deadline, finding=item.finding.id
        )
        for item in blocking
        if item.overdue
    ]
    if next_review is not None and as_of > next_review:
        suspending.append(StatusReason(code="review-overdue", date=next_review))
    if suspending:
        return attrs.evolve(status, state="suspended", reasons=(granted, *suspending))
    if blocking:
        return attrs.evolve(
            status,
            state="conditional",
            reasons=(
                granted,
                *(
                    StatusReason(
                        code="finding-open",
                        date=item.finding.deadline,
                        finding=item.finding.id,
                    )
                    for item in blocking
                ),
            ),
        )
    return attrs.evolve(status, state="valid", reasons=(granted,))


def _current_findings(audits: list[Audit], as_of: datetime.date) -> list[FindingState]:
    # The latest assessment that has a finding (by id) says how it stands:
    # a finding carried forward holds its history to date.
    latest: dict[str, FindingState] = {}
    for audit in audits:
        assessment = audit.assessment
        for finding in assessment.findings:
            latest[finding.id] = _state(finding, as_of, assessment.date)
    return list(latest.values())


@checked
def carry_findings(previous: Audit | Assessment, assessment: Audit | Assessment) -> Any:
    """
    *assessment* (an Assessment or an Audit, returned as the same) with the
    afwijkingen and verbeterpunten of *previous* that are not verified
    added after its own findings, keeping their ids, deadlines and
    history; each keeps the date it was raised (``raised``).

    A finding of *previous* that *assessment* already has, the same, is
    not added twice.

    Raises:
        RecognitionError: The two are of other organisations, units or
            editions (carry findings across editions with
            ``migrate_assessment``, which does it through the crosswalk),
            *previous* is not dated before *assessment*, or *assessment*
            has a different finding under a carried finding's id.
    """
    old = previous.assessment if isinstance(previous, Audit) else previous
    new = assessment.assessment if isinstance(assessment, Audit) else assessment
    _check_carry(old, new)
    carried = carried_findings(old, new)
    updated = attrs.evolve(new, findings=(*new.findings, *carried))
    if isinstance(assessment, Audit):
        return Audit(
            assessment=updated,
            standard=assessment.standard,
            extensions=assessment.extensions,
        )
    return updated


def carried_findings(old: Assessment, new: Assessment) -> tuple[Finding, ...]:
    """
    The findings of *old* to carry into *new*: afwijkingen and
    verbeterpunten not verified, with the date they were raised, less
    those *new* already has.

    Raises:
        RecognitionError: *new* has a different finding under the id of
            one to carry.
    """
    have = {finding.id: finding for finding in new.findings}
    carried = []
    for finding in old.findings:
        if not finding.followed_up or finding.status == FINDING_STATUSES[-1]:
            continue
        moved = attrs.evolve(finding, raised=finding.raised or old.date)
        if finding.id in have:
            if have[finding.id] in (finding, moved):
                continue
            msg = (
                f"finding {finding.id!r} of the assessment of "
                f"{old.date.isoformat()} is also in the assessment of "
                f"{new.date.isoformat()}, with other content: give one of "
                "them another id, or remove it from the new assessment"
            )
            raise RecognitionError(msg)
        carried.append(moved)
    return tuple(carried)


def _check_carry(old: Assessment, new: Assessment) -> None:
    if (old.organisation, old.unit) != (new.organisation, new.unit):
        msg = (
            f"findings of {_label(old)} cannot be carried into an assessment "
            f"of {_label(new)}"
        )
        raise RecognitionError(msg)
    if old.edition != new.edition:
        msg = (
            f"the previous assessment is against {old.edition}, the new one "
            f"against {new.edition}: migrate it first (migrate_assessment "
            "carries its findings through the crosswalk)"
        )
        raise RecognitionError(msg)
    if not old.date < new.date:
        msg = (
            f"the previous assessment ({old.date.isoformat()}) is not dated "
            f"before the new one ({new.date.isoformat()})"
        )
        raise RecognitionError(msg)


shape(
    FindingState,
    Key("id", str, "The finding's id.", get=lambda s: s.finding.id),
    Key(
        "requirement",
        str,
        "The requirement it is about.",
        get=lambda s: s.finding.requirement,
    ),
    Key(
        "checkpoint",
        str | None,
        "The checkpoint it is about, or null.",
        get=lambda s: s.finding.checkpoint,
    ),
    Key(
        "kind",
        str,
        "afwijking, verbeterpunt, observatie or sterk-punt.",
        get=lambda s: s.finding.kind,
    ),
    Key(
        "severity",
        str | None,
        "major or minor for an afwijking, else null.",
        get=lambda s: s.finding.severity,
    ),
    Key("text", str, "What was found.", get=lambda s: s.finding.text),
    Key(
        "owner",
        str | None,
        "Who follows it up, or null.",
        get=lambda s: s.finding.owner,
    ),
    Key(
        "deadline",
        datetime.date | None,
        "When it has to be verified, or null.",
        get=lambda s: s.finding.deadline,
    ),
    Key(
        "raised",
        datetime.date,
        "The date it was found.",
        get=lambda s: s.finding.raised or s.source,
    ),
    Key("status", str, "Its status on as_of.", get=lambda s: s.status),
    Key(
        "overdue",
        bool,
        "Its deadline passed before as_of and it was not verified by then.",
        get=lambda s: s.overdue,
    ),
    Key(
        "verified_on",
        datetime.date | None,
        "The date it was verified, or null.",
        get=lambda s: s.finding.verified_on(),
    ),
)
shape(
    Findings,
    "organisation",
    "unit",
    "edition",
    "kind",
    "date",
    "as_of",
    Key(
        "findings",
        tuple[FindingState, ...],
        "Each finding with its status on as_of.",
        get=lambda f: f.items,
    ),
    marker=FINDINGS_FORMAT,
)
shape(
    StatusReason,
    "code",
    "date",
    "finding",
    "level",
    Key("text", str, "The reason in English.", get=lambda r: r.text),
)
shape(
    RecognitionStatus,
    "organisation",
    "unit",
    "as_of",
    "level",
    "state",
    "valid_until",
    "next_review",
    Key(
        "open_findings",
        int,
        "How many afwijkingen and verbeterpunten are open on as_of.",
        get=lambda s: len(s.open_findings),
    ),
    Key(
        "overdue_findings",
        int,
        "How many of them are overdue.",
        get=lambda s: len(s.overdue_findings),
    ),
    "scheme",
    "audit_date",
    Key("reasons", tuple[StatusReason, ...], "The facts that decide the state."),
    marker=STATUS_FORMAT,
)
