"""
The findings and the recognitions as the reports show them, in the
report's language (Dutch by default): the findings section of an audit
report and of ``goudenoor findings --format md``, and the status page of
a portfolio (``goudenoor status --format md`` or ``html``). The Markdown
and HTML renderers draw them from :func:`findings_section` and
:func:`status_page`; the words are in :mod:`._words`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

import attrs

from goudenoor.audit import Findings, FindingState, RecognitionStatus
from goudenoor.report._words import FindingWords, finding_words


__all__ = [
    "REVIEW_WINDOW_DAYS",
    "FindingRow",
    "FindingsSection",
    "StatusPage",
    "StatusRow",
    "findings_section",
    "status_page",
]


def __dir__() -> list[str]:
    return __all__


REVIEW_WINDOW_DAYS = 90
"""A recognition whose review is due within this many days of the page's
date needs attention on the status page."""


@attrs.frozen(kw_only=True)
class FindingRow:
    """
    One finding as a report shows it: plain texts, in the report's words.

    Attributes:
        id: The finding's id.
        kind: Its kind, with the severity of an afwijking.
        requirement: The requirement, and the checkpoint if any.
        deadline: Its deadline (ISO), or ``None``.
        status: Its status on the report's date, or ``None`` (an
            observatie or sterk punt is not followed up).
        overdue: Whether it is overdue on the report's date.
        text: What was found (the user's text, to be escaped).
    """

    id: str
    kind: str
    requirement: str
    deadline: str | None
    status: str | None
    overdue: bool
    text: str


@attrs.frozen(kw_only=True)
class FindingsSection:
    """
    The findings of one assessment on a date, ready to render.

    Attributes:
        words: The words in the report's language.
        as_of: The date the statuses are on.
        note: The line under the heading (the date, what overdue means).
        counts: How many findings, open and overdue, in words.
        header: The table's column headings.
        rows: One per finding, in the file's order.
    """

    words: FindingWords
    as_of: datetime.date
    note: str
    counts: str
    header: tuple[str, ...]
    rows: tuple[FindingRow, ...]


def _row(item: FindingState, w: FindingWords) -> FindingRow:
    finding = item.finding
    requirement = finding.requirement + (
        f" ({finding.checkpoint})" if finding.checkpoint else ""
    )
    return FindingRow(
        id=finding.id,
        kind=w.finding_kind(finding.kind, finding.severity),
        requirement=requirement,
        deadline=finding.deadline.isoformat() if finding.deadline else None,
        status=w.of(w.statuses, item.status) if finding.followed_up else None,
        overdue=item.overdue,
        text=finding.text,
    )


def findings_section(findings: Findings, language: str = "nl") -> FindingsSection:
    """
    *findings* as a report section in *language*.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    w = finding_words(language)
    day = findings.as_of.isoformat()
    return FindingsSection(
        words=w,
        as_of=findings.as_of,
        note=w.as_of_note.format(date=day),
        counts=w.counts.format(
            count=len(findings.items),
            open=len(findings.open),
            overdue=len(findings.overdue),
        ),
        header=(w.id, w.kind, w.requirement, w.deadline, w.status, w.text),
        rows=tuple(_row(item, w) for item in findings.items),
    )


@attrs.frozen(kw_only=True)
class StatusRow:
    """
    One recognition on the status page, in the page's words.

    Attributes:
        organisation: The organisation (the user's text).
        unit: The unit, or ``None``.
        level: The level granted, or the word for none.
        state: The state in words.
        state_code: The state's code (``suspended``), for styling.
        valid_until: ISO date or ``None``.
        next_review: ISO date or ``None``.
        open_findings: How many findings are open.
        overdue_findings: How many of them are overdue.
        reasons: The facts that decide the state, as sentences (and the
            review due soon).
    """

    organisation: str
    unit: str | None
    level: str
    state: str
    state_code: str
    valid_until: str | None
    next_review: str | None
    open_findings: int
    overdue_findings: int
    reasons: tuple[str, ...]


@attrs.frozen(kw_only=True)
class StatusPage:
    """
    The recognitions of a portfolio on a date, those that need attention
    first.

    Attributes:
        words: The words in the page's language.
        as_of: The date.
        attention_note: What needs attention, in words.
        header: The tables' column headings.
        attention: The recognitions that are suspended, conditional or due
            for a review within :data:`REVIEW_WINDOW_DAYS`: suspended
            first, then conditional, then by the review's date.
        others: The rest, by organisation and unit.
        total: How many recognitions.
        refused: Each refused file with its error.
    """

    words: FindingWords
    as_of: datetime.date
    attention_note: str
    header: tuple[str, ...]
    attention: tuple[StatusRow, ...]
    others: tuple[StatusRow, ...]
    total: int
    refused: tuple[tuple[str, str], ...]


def _due_soon(status: RecognitionStatus) -> bool:
    review = status.next_review
    window = datetime.timedelta(days=REVIEW_WINDOW_DAYS)
    return review is not None and status.as_of <= review <= status.as_of + window


def _attention_order(status: RecognitionStatus) -> tuple[int, datetime.date]:
    # Suspended, then conditional, each in organisation order (the sort is
    # stable); then the reviews due soon, the soonest first.
    rank = {"suspended": 0, "conditional": 1}.get(status.state, 2)
    due = status.next_review if rank == 2 and status.next_review else status.as_of  # noqa: PLR2004 - the rank of a review due
    return rank, due


def _status_row(status: RecognitionStatus, w: FindingWords) -> StatusRow:
    reasons = [
        w.reason(reason.code, reason.date, reason.finding, reason.level)
        for reason in status.reasons
    ]
    if _due_soon(status) and status.next_review is not None:
        reasons.append(w.review_due.format(date=status.next_review.isoformat()))
    return StatusRow(
        organisation=status.organisation,
        unit=status.unit,
        level=status.level or w.of(w.states, "none"),
        state=w.of(w.states, status.state),
        state_code=status.state,
        valid_until=status.valid_until.isoformat() if status.valid_until else None,
        next_review=status.next_review.isoformat() if status.next_review else None,
        open_findings=len(status.open_findings),
        overdue_findings=len(status.overdue_findings),
        reasons=tuple(reasons),
    )


def status_page(
    statuses: Sequence[RecognitionStatus],
    as_of: datetime.date,
    language: str = "nl",
    *,
    refused: Iterable[tuple[str, str]] = (),
) -> StatusPage:
    """
    The status page of *statuses* (one per organisation and unit, all on
    *as_of*, as ``Portfolio.recognitions`` gives them) in *language*.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    w = finding_words(language)
    needs: list[RecognitionStatus] = []
    rest: list[RecognitionStatus] = []
    for status in statuses:
        attention = status.state in {"suspended", "conditional"} or _due_soon(status)
        (needs if attention else rest).append(status)
    return StatusPage(
        words=w,
        as_of=as_of,
        attention_note=w.attention_note.format(days=REVIEW_WINDOW_DAYS),
        header=(
            w.organisation,
            w.unit,
            w.level,
            w.state,
            w.valid_until,
            w.next_review,
            w.open_findings,
            w.overdue_findings,
            w.reasons,
        ),
        attention=tuple(
            _status_row(status, w) for status in sorted(needs, key=_attention_order)
        ),
        others=tuple(_status_row(status, w) for status in rest),
        total=len(statuses),
        refused=tuple(refused),
    )
