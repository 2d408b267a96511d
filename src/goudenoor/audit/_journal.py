"""
The journal of an assessment's rating changes (format ``journal/1``): its
lines, the chain of hashes that holds them together, replay, verification,
and :func:`rate` and :func:`add_evidence`, which change ratings and write
the entries that say so.

Pure: lines (bytes) in, objects out; reading and writing the file beside
the assessment, in the order that survives a crash, is
``goudenoor.files`` (``rate_file``, ``load_journal``).

The form of a line
==================

A journal is JSON Lines, UTF-8, each line ended by a line feed. The first
line is the header, every later line an entry. Each line is an object
whose first member is ``"hash"``, followed by the other members in the
canonical JSON of :func:`goudenoor._text.canonical_json` (RFC 8785: keys
sorted, no spaces, UTF-8)::

    {"hash":"<64 hex>",<the rest of the canonical JSON of the line without hash>

``hash`` is the SHA-256 of that canonical JSON of the line without
``hash``: ``{`` followed by the bytes after ``"hash":"<64 hex>",``. A
verifier hashes the bytes as they are written and never has to write
JSON again, which keeps verifying near the cost of hashing and parsing;
a line that is not in canonical form does not hash to its ``hash`` and is
reported as edited.

The header (``seq`` 0) names the assessment (organisation, unit, edition,
date) and records its state when the journal starts (:class:`JournalState`);
each entry records ``seq`` (1, 2, ...), ``time`` (UTC, ISO 8601 with
``Z``), ``by``, what changed (a ``requirement``'s ``value``,
``not_applicable``, ``note`` or ``evidence``, or a ``finding``'s
``status``), ``old`` and ``new``, a mandatory ``reason``, and ``prev``: the
hash of the line before it. The assessment records the hash of the last
line as ``journal_head``.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, cast

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._text import canonical_json, is_blank
from goudenoor.audit._assessment import Assessment, Evidence, Rating
from goudenoor.audit._audit import Audit
from goudenoor.exceptions import JournalError


__all__ = [
    "JOURNAL_FORMAT",
    "UNKNOWN_AUTHOR",
    "ChangeField",
    "Journal",
    "JournalEntry",
    "JournalHeader",
    "JournalState",
    "add_evidence",
    "parse_changes",
    "parse_journal",
    "rate",
]


def __dir__() -> list[str]:
    return __all__


JOURNAL_FORMAT: Final = "journal/1"
"""The format marker of the journal's header line."""

UNKNOWN_AUTHOR: Final = "unknown"
"""The ``by`` of an entry that records a change found in the file but not
in the journal (an edit by hand, or a ``rate`` that did not finish)."""

ChangeField = Literal["value", "not_applicable", "note", "evidence", "status"]
"""What an entry changes: a requirement's ``value``, ``not_applicable``
(its justification, or null when it applies), ``note`` or ``evidence``, or
a finding's ``status`` (null when the finding is not in the assessment)."""

_RATING_FIELDS: tuple[ChangeField, ...] = (
    "not_applicable",
    "value",
    "note",
    "evidence",
)
"""A rating's journalled fields, in the order their entries are written:
not-applicable first, so that a rating going from not applicable to a
value is cleared before it is set."""

_PREFIX = len('{"hash":"') + 64 + len('",')
"""Bytes before the rest of a line's canonical JSON."""

_START = b'{"hash":"'
_HEX_DIGITS = frozenset(b"0123456789abcdef")
_decode = json.JSONDecoder().decode


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value


def _evidence_data(evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    from goudenoor._data import to_data

    # Every field of the evidence that is set (dates in ISO form): what a
    # later version adds to Evidence is journalled without a change here.
    return [
        {key: value for key, value in to_data(item).items() if value is not None}
        for item in evidence
    ]


def _rating_state(rating: Rating) -> dict[str, Any]:
    state: dict[str, Any] = {}
    if rating.not_applicable:
        state["not_applicable"] = rating.justification
    if rating.value is not None:
        state["value"] = _number(rating.value)
    if rating.note is not None:
        state["note"] = rating.note
    if rating.evidence:
        state["evidence"] = _evidence_data(rating.evidence)
    return state


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class JournalState:
    """
    What the journal follows of an assessment: per requirement its value,
    not-applicable justification, note and evidence, and per finding its
    status. A requirement with none of them (unrated, no note, no
    evidence) is left out.

    Attributes:
        ratings: Requirement id to its journalled fields (only those set).
        findings: Finding id to its status.
    """

    ratings: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    findings: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def of(cls, assessment: Assessment) -> JournalState:
        """
        The state of *assessment*.
        """
        ratings = {}
        for requirement_id, rating in assessment.ratings.items():
            state = _rating_state(rating)
            if state:
                ratings[requirement_id] = state
        findings = {finding.id: finding.status for finding in assessment.findings}
        return cls(ratings=ratings, findings=findings)

    def to_data(self) -> dict[str, Any]:
        """
        The state as plain data, as the header writes it.
        """
        return {
            "ratings": {key: dict(value) for key, value in self.ratings.items()},
            "findings": dict(self.findings),
        }

    def get(self, target: tuple[str, str], field: ChangeField) -> Any:
        """
        The value of *field* of *target* (``("requirement", id)`` or
        ``("finding", id)``), ``None`` when it is not set.
        """
        kind, key = target
        if kind == "finding":
            return self.findings.get(key)
        return self.ratings.get(key, {}).get(field)

    def differences(
        self, other: JournalState
    ) -> list[tuple[tuple[str, str], ChangeField, Any, Any]]:
        """
        Each (target, field, value here, value in *other*) that differs,
        requirements first (in id order), then findings.
        """
        found: list[tuple[tuple[str, str], ChangeField, Any, Any]] = []
        for key in sorted(set(self.ratings) | set(other.ratings), key=_id_order):
            target = ("requirement", key)
            for field in _RATING_FIELDS:
                old, new = self.get(target, field), other.get(target, field)
                if old != new:
                    found.append((target, field, old, new))
        for key in sorted(set(self.findings) | set(other.findings)):
            target = ("finding", key)
            old, new = self.get(target, "status"), other.get(target, "status")
            if old != new:
                found.append((target, "status", old, new))
        return found


def _id_order(requirement_id: str) -> tuple[str, tuple[int, ...], str]:
    prefix, _, number = requirement_id.rpartition(":")
    parts = number.split(".")
    if all(part.isdigit() for part in parts):
        return (prefix, tuple(int(part) for part in parts), "")
    return (prefix, (), requirement_id)


def _line(body: dict[str, Any]) -> tuple[bytes, str]:
    """The line (without its line feed) of *body*, and its hash."""
    canonical = canonical_json(body)
    digest = hashlib.sha256(canonical).hexdigest()
    return b'{"hash":"' + digest.encode("ascii") + b'",' + canonical[1:], digest


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class JournalHeader:
    """
    The first line of a journal: the assessment it is about and its state
    when the journal started.

    Attributes:
        organisation: The assessment's organisation.
        unit: Its unit, or ``None``.
        edition: Its edition id.
        date: Its date, in ISO form.
        time: When the journal started (UTC, ISO 8601 with ``Z``).
        state: What the journal follows, as it was then.
        hash: The SHA-256 of the header's canonical JSON.
    """

    organisation: str
    unit: str | None
    edition: str
    date: str
    time: str
    state: JournalState
    hash: str

    @classmethod
    def start(
        cls, assessment: Assessment, *, now: datetime.datetime | None = None
    ) -> JournalHeader:
        """
        The header of a new journal of *assessment* at *now* (default: the
        current time).
        """
        state = JournalState.of(assessment)
        body = _header_body(assessment, _time(now), state)
        _, digest = _line(body)
        return cls(
            organisation=assessment.organisation,
            unit=assessment.unit,
            edition=assessment.edition,
            date=assessment.date.isoformat(),
            time=body["time"],
            state=state,
            hash=digest,
        )

    def names(self, assessment: Assessment) -> bool:
        """
        ``True`` if the header names *assessment* (organisation, unit,
        edition and date).
        """
        return (self.organisation, self.unit, self.edition, self.date) == (
            assessment.organisation,
            assessment.unit,
            assessment.edition,
            assessment.date.isoformat(),
        )

    def body(self) -> dict[str, Any]:
        """
        The header's data without its hash.
        """
        return {
            "goudenoor": JOURNAL_FORMAT,
            "seq": 0,
            "assessment": {
                "organisation": self.organisation,
                "unit": self.unit,
                "edition": self.edition,
                "date": self.date,
            },
            "time": self.time,
            "state": self.state.to_data(),
        }

    def line(self) -> bytes:
        """
        The header's line, with its line feed.
        """
        return _line(self.body())[0] + b"\n"


def _header_body(
    assessment: Assessment, time: str, state: JournalState
) -> dict[str, Any]:
    return {
        "goudenoor": JOURNAL_FORMAT,
        "seq": 0,
        "assessment": {
            "organisation": assessment.organisation,
            "unit": assessment.unit,
            "edition": assessment.edition,
            "date": assessment.date.isoformat(),
        },
        "time": time,
        "state": state.to_data(),
    }


def _time(now: datetime.datetime | None) -> str:
    if now is None:
        now = datetime.datetime.now(datetime.UTC)
    elif now.tzinfo is None:
        raise JournalError(
            f"the time {now.isoformat()} has no time zone: expected an aware "
            "datetime (a journal's times are UTC)"
        )
    return now.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class JournalEntry:
    """
    One change in a journal.

    Attributes:
        seq: Its number: 1 for the first entry, one more for each next.
        time: When it was made (UTC, ISO 8601 with ``Z``).
        by: Who made it (``unknown`` for a change found in the file, not
            made by ``rate``).
        requirement: The requirement it changes, or ``None``.
        finding: The finding whose status it changes, or ``None``.
        field: What it changes: see :data:`ChangeField`.
        old: The value before (JSON data; ``None`` where it was not set).
        new: The value after.
        reason: Why.
        prev: The hash of the line before it.
        hash: The SHA-256 of its canonical JSON.
    """

    seq: int
    time: str
    by: str
    requirement: str | None
    finding: str | None
    field: ChangeField
    old: Any
    new: Any
    reason: str
    prev: str
    hash: str

    @property
    def target(self) -> tuple[str, str]:
        """
        ``("requirement", id)`` or ``("finding", id)``.
        """
        if self.finding is not None:
            return ("finding", self.finding)
        return ("requirement", cast("str", self.requirement))

    def body(self) -> dict[str, Any]:
        """
        The entry's data without its hash.
        """
        kind, key = self.target
        return {
            "seq": self.seq,
            "time": self.time,
            "by": self.by,
            kind: key,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "reason": self.reason,
            "prev": self.prev,
        }

    def line(self) -> bytes:
        """
        The entry's line, with its line feed.
        """
        return _line(self.body())[0] + b"\n"

    def describe(self) -> str:
        """
        The change in words: ``requirement 1.3 value: 2 -> 3``.
        """
        kind, key = self.target
        return f"{kind} {key} {self.field}: {_shown(self.old)} -> {_shown(self.new)}"


def _shown(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _entry(
    seq: int,
    by: str,
    change: tuple[tuple[str, str], ChangeField, Any, Any],
    reason: str,
    prev: str,
    *,
    time: str,
) -> JournalEntry:
    (kind, key), field, old, new = change
    body = {
        "seq": seq,
        "time": time,
        "by": by,
        kind: key,
        "field": field,
        "old": old,
        "new": new,
        "reason": reason,
        "prev": prev,
    }
    _, digest = _line(body)
    return JournalEntry(
        seq=seq,
        time=time,
        by=by,
        requirement=key if kind == "requirement" else None,
        finding=key if kind == "finding" else None,
        field=field,
        old=old,
        new=new,
        reason=reason,
        prev=prev,
        hash=digest,
    )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Journal:
    """
    An assessment's journal: its header, its entries, and what was found
    wrong while reading it.

    Attributes:
        header: The first line, or ``None`` where it could not be read.
        entries: The entries that could be read, in the order of the file.
        problems: What is wrong with the lines themselves (an edited, a
            missing or a reordered entry, a line cut short), first first;
            an empty tuple for a whole chain.
        assessment: The assessment the journal belongs to, when it was
            read with it (``goudenoor.load_journal`` reads it):
            :meth:`verify` and :meth:`replay` then need no argument.
        source: Where the journal was read from, for messages.
    """

    header: JournalHeader | None
    entries: tuple[JournalEntry, ...] = ()
    problems: tuple[str, ...] = ()
    assessment: Assessment | None = attrs.field(default=None, eq=False)
    source: str = attrs.field(default="<journal>", eq=False)

    @classmethod
    def start(
        cls, assessment: Assessment, *, now: datetime.datetime | None = None
    ) -> Journal:
        """
        A new journal of *assessment*: a header and no entries.
        """
        return cls(
            header=JournalHeader.start(assessment, now=now), assessment=assessment
        )

    @property
    def head(self) -> str | None:
        """
        The hash of the last line (what ``journal_head`` should be).
        """
        if self.entries:
            return self.entries[-1].hash
        return self.header.hash if self.header is not None else None

    @property
    def whole(self) -> bool:
        """
        ``True`` if every line was read and the chain holds.
        """
        return not self.problems and self.header is not None

    def lines(self) -> bytes:
        """
        The journal as it is written: header and entries, a line each.
        """
        if self.header is None:
            raise JournalError(f"{self.source}: the journal has no header")
        return self.header.line() + b"".join(entry.line() for entry in self.entries)

    def replay(self, upto: int | None = None) -> JournalState:
        """
        The state after the entries (up to and including ``seq`` *upto*),
        applied over the header's state.

        Raises:
            JournalError: The journal has no header, or an entry's ``old``
                is not the value it changes (named).
        """
        if self.header is None:
            raise JournalError(f"{self.source}: the journal has no header")
        start = self.header.state
        # Worked on in place (a copy per entry would make replay quadratic
        # in the number of requirements); a new JournalState at the end.
        ratings = {key: dict(value) for key, value in start.ratings.items()}
        findings = dict(start.findings)
        for entry in self.entries:
            if upto is not None and entry.seq > upto:
                break
            if entry.finding is not None:
                where: dict[str, Any] = findings
                key = entry.finding
            else:
                where = ratings.setdefault(cast("str", entry.requirement), {})
                key = entry.field
            found = where.get(key)
            if found != entry.old:
                kind, name = entry.target
                raise JournalError(
                    f"{self.source}: entry {entry.seq} changes {kind} {name} "
                    f"{entry.field} from {_shown(entry.old)}, but it was "
                    f"{_shown(found)} then"
                )
            if entry.new is None or entry.new == []:
                where.pop(key, None)
            else:
                where[key] = entry.new
            if entry.finding is None and not where:
                del ratings[cast("str", entry.requirement)]
        return JournalState(ratings=ratings, findings=findings)

    def history(self, requirement: str | None = None) -> tuple[JournalEntry, ...]:
        """
        The entries, or those of one *requirement*.
        """
        if requirement is None:
            return self.entries
        return tuple(e for e in self.entries if e.requirement == requirement)

    def verify(self, assessment: Assessment | None = None) -> tuple[str, ...]:
        """
        What is wrong, first first: an empty tuple when the chain is whole,
        the assessment's ``journal_head`` is the last line's hash, and
        replaying the entries over the header's state gives the
        assessment's ratings, notes, evidence and finding statuses.

        Args:
            assessment: The assessment (default: the one the journal was
                read with; without one only the chain is checked).
        """
        assessment = assessment if assessment is not None else self.assessment
        if self.problems or self.header is None or assessment is None:
            return self.problems
        problems = []
        if not self.header.names(assessment):
            problems.append(
                f"{self.source}: the journal is about {self.header.organisation}"
                f"{'' if self.header.unit is None else ', ' + self.header.unit}, "
                f"{self.header.edition}, {self.header.date}, not this assessment"
            )
        try:
            replayed = self.replay()
        except JournalError as exc:
            return (*problems, str(exc))
        problems += self._head_problems(assessment.journal_head)
        if not problems:
            problems += _edited(self.source, replayed, JournalState.of(assessment))
        return tuple(problems)

    def _head_problems(self, head: str | None) -> list[str]:
        last = self.entries[-1].seq if self.entries else 0
        if head == self.head:
            return []
        if head is None:
            return [
                (
                    f"{self.source}: the assessment has no journal_head, but the "
                    f"journal has {last} entries: the assessment was not written "
                    "after they were (a rate that did not finish), or it was "
                    "replaced by an older copy"
                )
            ]
        hashes = {entry.hash: entry.seq for entry in self.entries}
        if self.header is not None:
            hashes[self.header.hash] = 0
        if head in hashes:
            seq = hashes[head]
            return [
                (
                    f"{self.source}: the assessment's journal_head is entry {seq}, "
                    f"but the journal goes on to entry {last}: the assessment was "
                    f"not written after entries {seq + 1}-{last} (a rate that did "
                    "not finish), or it was replaced by an older copy"
                )
            ]
        return [
            (
                f"{self.source}: the assessment's journal_head is not in the "
                f"journal, which ends at entry {last}: entries after entry {last} "
                "are missing (the journal was cut short), or the assessment "
                "belongs to another journal"
            )
        ]


def _edited(source: str, replayed: JournalState, found: JournalState) -> list[str]:
    differences = replayed.differences(found)
    if not differences:
        return []
    (kind, key), field, old, new = differences[0]
    more = f" (and {len(differences) - 1} more)" if len(differences) > 1 else ""
    return [
        (
            f"{source}: the assessment was edited without goudenoor rate: {kind} "
            f"{key} {field} is {_shown(new)} in the file, {_shown(old)} in the "
            f"journal{more}"
        )
    ]


_ENTRY_KEYS = frozenset({"seq", "time", "by", "field", "old", "new", "reason", "prev"})
_FIELDS = frozenset(_RATING_FIELDS) | {"status"}


def parse_journal(data: bytes, source: str = "<journal>") -> Journal:
    """
    The journal in *data*: its header and entries, and the first line that
    is broken, edited, missing or out of order (named in
    :attr:`Journal.problems`, with a last line cut short; what follows a
    break is not checked, it would only repeat it).
    """
    lines = data.split(b"\n")
    cut_short = None
    if lines[-1] == b"":
        lines.pop()
    else:
        cut_short = (
            f"{source}: line {len(lines)} is cut short (no line end): a write "
            "that did not finish"
        )
        lines.pop()
    header, entries, problem = _read_lines(lines, source)
    problems = [] if problem is None else [problem]
    if not lines and cut_short is None:
        problems.append(f"{source}: the journal is empty (expected its header)")
    if cut_short is not None:
        problems.append(cut_short)
    return Journal(
        header=header, entries=tuple(entries), problems=tuple(problems), source=source
    )


def _read_lines(
    lines: list[bytes], source: str
) -> tuple[JournalHeader | None, list[JournalEntry], str | None]:
    """
    The header, the entries up to the first problem, and that problem.

    One pass, each line's data dropped once its entry is made: verifying
    a long journal stays near the cost of hashing and parsing its lines.
    """
    if not lines:
        return None, [], None
    first = _parse_line(lines[0], 1, source)
    if isinstance(first, str):
        return None, [], first
    header = _header(first, source)
    if header is None:
        message = (
            f"{source}: line 1 is not a journal/1 header (expected "
            '"goudenoor": "journal/1", seq 0, the assessment and its state)'
        )
        return None, [], message
    entries: list[JournalEntry] = []
    append = entries.append
    prev = header.hash
    sha256, decode, fields = hashlib.sha256, _decode, _FIELDS
    for number, line in enumerate(lines[1:], start=2):
        # _parse_line and _entry_problem, inlined on the way that holds:
        # this loop is what verifying a long journal costs.
        written = line[9:73]
        try:
            data = decode(line.decode("utf-8"))
            digest = sha256(b"{")
            digest.update(memoryview(line)[_PREFIX:])
            good = (
                digest.hexdigest().encode() == written
                and line.startswith(_START)
                and line[73:_PREFIX] == b'",'
            )
            seq, field = data["seq"], data["field"]
            target = data.get("requirement", data.get("finding"))
            # The checks of JournalEntry's typed fields, made here once:
            # the entry is then built without them (see _unchecked).
            good = (
                good
                and type(data["time"]) is str
                and type(data["by"]) is str
                and type(data["reason"]) is str
                and type(data["prev"]) is str
            )
            entry = _unchecked(data, written)
        except (ValueError, UnicodeDecodeError, KeyError, TypeError):
            good = False
        if (
            not good
            or type(seq) is not int
            or field not in fields
            or not isinstance(target, str)
            or ("requirement" in data) == ("finding" in data)
        ):
            # The slow way, which names what is wrong.
            found = _parse_line(line, number, source)
            if isinstance(found, str):
                return header, entries, found
            return (
                header,
                entries,
                _entry_problem(found, source, number)
                or (
                    f"{source}: line {number} is not a journal entry (expected "
                    "seq and a requirement or a finding as numbers and texts, "
                    "field, old, new, and time, by, reason and prev as texts)"
                ),
            )
        expected = len(entries) + 1
        if seq != expected or entry.prev != prev:
            problem = _order_problem(data, expected, lines[number:], source)
            return header, entries, problem.replace("{line}", str(number))
        append(entry)
        prev = entry.hash
    return header, entries, None


def _parse_line(line: bytes, number: int, source: str) -> dict[str, Any] | str:
    # The hash is read from its fixed place, so that a second "hash" member
    # later in the line (JSON keeps the last) cannot stand in for it.
    written = line[9:73]
    try:
        data = _decode(line.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return f"{source}: line {number} is not JSON: the line was edited"
    if (
        not isinstance(data, dict)
        or not line.startswith(_START)
        or line[73:_PREFIX] != b'",'
        or not _HEX_DIGITS.issuperset(written)
    ):
        return (
            f"{source}: line {number} does not start with its hash: the line was edited"
        )
    if hashlib.sha256(b"{" + line[_PREFIX:]).hexdigest().encode() != written:
        what = f"entry {data['seq']}" if isinstance(data.get("seq"), int) else "it"
        return (
            f"{source}: line {number} ({what}) was edited: its content does "
            "not match its hash"
        )
    data["hash"] = written.decode("ascii")
    return cast("dict[str, Any]", data)


def _header(data: dict[str, Any], source: str) -> JournalHeader | None:
    about = data.get("assessment")
    state = data.get("state")
    if (
        data.get("goudenoor") != JOURNAL_FORMAT
        or data.get("seq") != 0
        or not isinstance(about, dict)
        or not isinstance(state, dict)
        or not isinstance(state.get("ratings"), dict)
        or not isinstance(state.get("findings"), dict)
        or not isinstance(data.get("time"), str)
        or not all(
            isinstance(about.get(key), str)
            for key in ("organisation", "edition", "date")
        )
        or not isinstance(about.get("unit"), (str, type(None)))
    ):
        del source
        return None
    return JournalHeader(
        organisation=about["organisation"],
        unit=about.get("unit", None),
        edition=about["edition"],
        date=about["date"],
        time=data["time"],
        state=JournalState(ratings=state["ratings"], findings=state["findings"]),
        hash=data["hash"],
    )


_ENTRY_FIELDS = tuple(field.name for field in attrs.fields(JournalEntry))


def _unchecked(data: dict[str, Any], written: bytes) -> JournalEntry:
    """
    The entry of a line's *data*, built without the type checks of its
    fields, which the caller made (as ``Audit.of_checked`` does): over a
    long journal they would double the cost of verifying it.
    """
    entry = object.__new__(JournalEntry)
    data["hash"] = written.decode("ascii")
    get, set_ = data.get, object.__setattr__
    for name in _ENTRY_FIELDS:
        set_(entry, name, get(name))
    return entry


def _later_seqs(lines: list[bytes]) -> set[object]:
    seqs = set()
    for line in lines:
        try:
            data = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and type(data.get("seq")) is int:
            seqs.add(data["seq"])
    return seqs


def _order_problem(
    data: dict[str, Any], expected: int, later: list[bytes], source: str
) -> str:
    seq = data["seq"]
    if seq == expected:
        return (
            f"{source}: line {{line}}: entry {seq}'s prev is not the hash of "
            f"entry {expected - 1}: an entry was removed, replaced or moved "
            "before it"
        )
    if expected in _later_seqs(later):
        return (
            f"{source}: line {{line}}: entry {seq} comes before entry "
            f"{expected}: the entries were reordered"
        )
    if seq > expected:
        missing = (
            f"entry {expected} is"
            if seq == expected + 1
            else f"entries {expected}-{seq - 1} are"
        )
        return (
            f"{source}: line {{line}}: {missing} missing (entry {seq} follows "
            f"entry {expected - 1})"
        )
    return (
        f"{source}: line {{line}}: entry {seq} is out of order (expected entry "
        f"{expected})"
    )


def _entry_problem(data: dict[str, Any], source: str, number: int) -> str | None:
    target = data.get("requirement", data.get("finding"))
    if (
        not data.keys() >= _ENTRY_KEYS
        or ("requirement" in data) == ("finding" in data)
        or not isinstance(target, str)
        or data["field"] not in _FIELDS
        or type(data["seq"]) is not int
    ):
        return (
            f"{source}: line {number} is not a journal entry (expected seq, "
            "time, by, a requirement or a finding, field, old, new, reason "
            "and prev)"
        )
    return None


# --- rating ---------------------------------------------------------------

_NOT_APPLICABLE = re.compile(r"na:(?P<reason>.*)", re.DOTALL)


@checked
def parse_changes(texts: Sequence[str]) -> dict[str, float | str]:
    """
    The changes of the command line's ``1.3=3`` and ``2.1=na:"reason"``:
    requirement id to a value, or to the text ``na:<justification>``.

    Raises:
        JournalError: A change that is not ``ID=VALUE`` or ``ID=na:REASON``,
            or an id given twice.
    """
    changes: dict[str, float | str] = {}
    for text in texts:
        key, equals, value = text.partition("=")
        key = key.strip()
        if not equals or not key:
            raise JournalError(
                f"{text!r} is not a change: expected ID=VALUE (1.3=3) or "
                'ID=na:REASON (2.1=na:"geen balie")'
            )
        if key in changes:
            raise JournalError(f"requirement {key} is changed twice ({text!r})")
        if _NOT_APPLICABLE.fullmatch(value.strip()):
            changes[key] = value.strip()
            continue
        try:
            number = float(value)
        except ValueError:
            raise JournalError(
                f"{text!r}: {value!r} is not a value: expected a number on the "
                'scale, or na:REASON (2.1=na:"geen balie")'
            ) from None
        if not math.isfinite(number):
            raise JournalError(f"{text!r}: expected a finite number")
        changes[key] = number
    return changes


def _new_rating(
    requirement_id: str, old: Rating, change: float | str, note: str | None
) -> Rating:
    note = old.note if note is None else note
    if isinstance(change, str):
        match = _NOT_APPLICABLE.fullmatch(change)
        reason = match.group("reason").strip() if match else ""
        if len(reason) > 1 and reason[0] == reason[-1] == '"':
            # na:"reason" as typed inside single quotes: the quotes are
            # the command line's, not the justification's.
            reason = reason[1:-1].strip()
        if match is None or is_blank(reason):
            raise JournalError(
                f"requirement {requirement_id}: not applicable needs a "
                'justification (na:"reason")'
            )
        return attrs.evolve(
            old,
            value=None,
            not_applicable=True,
            justification=reason,
            checkpoints_met=(),
            note=note,
        )
    return attrs.evolve(
        old, value=change, not_applicable=False, justification=None, note=note
    )


@checked
def rate(
    audit: Audit,
    changes: Mapping[str, float | str],
    *,
    by: str,
    reason: str,
    note: str | None = None,
    now: datetime.datetime | None = None,
    journal: Journal | None = None,
) -> tuple[Audit, tuple[JournalEntry, ...]]:
    """
    Change ratings of *audit* and say so: the new audit (its
    ``journal_head`` the hash of the last entry) and the journal entries.

    Before the changes, whatever the assessment holds that the journal's
    replay does not (an edit by hand, or a ``rate`` that did not finish)
    is recorded as entries by ``unknown``, so that nothing is hidden.

    Args:
        audit: The audit to change.
        changes: Requirement id to its new value, or to
            ``"na:<justification>"`` for not applicable (as
            :func:`parse_changes` reads them from ``1.3=3`` and
            ``2.1=na:"reason"``).
        by: Who changes them.
        reason: Why (mandatory).
        note: A note for each requirement changed (default: each keeps
            its own).
        now: The time of the entries (default: now; tests pass their own).
        journal: The assessment's journal so far (default: a new one,
            ``Journal.start(audit.assessment, now=now)``).

    Raises:
        JournalError: No changes, no *by* or *reason*, an unknown
            requirement id, a value off the scale, or a journal that is
            not whole; nothing is changed.
    """
    _check_request(audit, changes, by, reason)
    changed = _changed(audit, changes, note)
    return _journalled(audit, changed, by=by, reason=reason, now=now, journal=journal)


@checked
def add_evidence(
    audit: Audit,
    requirement_id: str,
    evidence: Evidence,
    *,
    by: str,
    reason: str,
    now: datetime.datetime | None = None,
    journal: Journal | None = None,
) -> tuple[Audit, tuple[JournalEntry, ...]]:
    """
    Add one piece of *evidence* to the rating of *requirement_id* and say
    so: the new audit (its ``journal_head`` the hash of the last entry)
    and the journal entries (one ``evidence`` entry, the list before and
    after), after any hand edits recorded by ``unknown``, as :func:`rate`
    records them. The rating's value is not changed; an unrated
    requirement gets a rating with the evidence alone.

    Args:
        audit: The audit to change.
        requirement_id: The requirement whose rating gets the evidence.
        evidence: The evidence to add, after the rating's own.
        by: Who adds it.
        reason: Why (mandatory).
        now: The time of the entries (default: now).
        journal: The assessment's journal so far (default: a new one).

    Raises:
        JournalError: No *by* or *reason*, an unknown requirement id, a
            requirement that is not applicable, or a journal that is not
            whole; nothing is changed.
    """
    _check_who(by, reason)
    _check_known(audit, requirement_id)
    ratings = dict(audit.assessment.ratings)
    old = ratings.get(requirement_id, Rating())
    if old.not_applicable:
        raise JournalError(
            f"requirement {requirement_id} is not applicable: evidence is "
            "added to a requirement that applies"
        )
    ratings[requirement_id] = attrs.evolve(old, evidence=(*old.evidence, evidence))
    changed = _checked_change(audit, attrs.evolve(audit.assessment, ratings=ratings))
    return _journalled(audit, changed, by=by, reason=reason, now=now, journal=journal)


def _journalled(
    audit: Audit,
    changed: Assessment,
    *,
    by: str,
    reason: str,
    now: datetime.datetime | None,
    journal: Journal | None,
) -> tuple[Audit, tuple[JournalEntry, ...]]:
    """
    *audit* changed to *changed* (checked against its standard), with the
    journal entries that say so: first what the assessment holds that the
    journal's replay does not, by ``unknown``; then the differences
    between the assessment and *changed*, by *by*. The one path of every
    change a journal records.
    """
    journal = (
        journal if journal is not None else Journal.start(audit.assessment, now=now)
    )
    if not journal.whole:
        raise JournalError(
            "the journal is not whole, so nothing is added to it: "
            + journal.problems[0]
        )
    try:
        replayed = journal.replay()
    except JournalError as exc:
        raise JournalError(
            f"the journal does not replay, so nothing is added to it: {exc}"
        ) from None
    assessment = audit.assessment
    found = JournalState.of(assessment)
    found_reason = (
        "found in the assessment, not in the journal: the assessment was not "
        "written after the journal's last entries (a rate that did not "
        "finish), or it was edited by hand"
        if assessment.journal_head != journal.head
        else "found in the assessment, not in the journal: it was edited by "
        "hand since the last entry"
    )
    time = _time(now)
    entries: list[JournalEntry] = []
    prev = cast("str", journal.head)
    seq = journal.entries[-1].seq if journal.entries else 0
    for author, why, differences in (
        (UNKNOWN_AUTHOR, found_reason, replayed.differences(found)),
        (by, reason, found.differences(JournalState.of(changed))),
    ):
        for change in differences:
            seq += 1
            entry = _entry(seq, author, change, why, prev, time=time)
            entries.append(entry)
            prev = entry.hash
    result = attrs.evolve(changed, journal_head=prev)
    # Checked by the caller; the journal head changes nothing a check reads.
    return attrs.evolve(audit, assessment=result), tuple(entries)


def _check_who(by: str, reason: str) -> None:
    for name, text in (("by", by), ("reason", reason)):
        if is_blank(text):
            raise JournalError(f"{name} must not be empty: a change says who and why")


def _check_known(audit: Audit, requirement_id: str) -> None:
    known = {r.id for r in audit.standard.requirements}
    if requirement_id not in known:
        from goudenoor.problems import close_matches, did_you_mean

        matches = close_matches(requirement_id, sorted(known))
        raise JournalError(
            f"unknown requirement {requirement_id!r} in "
            f"{audit.standard.id}{did_you_mean(matches)}"
        )


def _check_request(
    audit: Audit, changes: Mapping[str, float | str], by: str, reason: str
) -> None:
    if not changes:
        raise JournalError("no changes given (expected ID=VALUE, as 1.3=3)")
    _check_who(by, reason)
    for requirement_id in changes:
        _check_known(audit, requirement_id)


def _changed(
    audit: Audit, changes: Mapping[str, float | str], note: str | None
) -> Assessment:
    ratings = dict(audit.assessment.ratings)
    for requirement_id, change in changes.items():
        old = ratings.get(requirement_id, Rating())
        ratings[requirement_id] = _new_rating(requirement_id, old, change, note)
    return _checked_change(audit, attrs.evolve(audit.assessment, ratings=ratings))


def _checked_change(audit: Audit, changed: Assessment) -> Assessment:
    """*changed*, refused unless it fits *audit*'s standard."""
    from goudenoor.exceptions import ValidationError

    try:
        Audit(assessment=changed, standard=audit.standard)
    except ValidationError as exc:
        raise JournalError(
            "the changes do not fit the standard, nothing is changed: "
            + "; ".join(p.message for p in exc.problems)
        ) from None
    return changed
