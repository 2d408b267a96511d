"""
The journal file beside an assessment (``NAME.journal.jsonl`` for
``NAME.yaml``): reading it, and changing ratings so that the assessment
and its journal never disagree without ``verify`` saying so.

A change touches two files, and no file system replaces two files in one
step. :func:`rate_file` and :func:`add_evidence_file` therefore write in
this order:

1. The new lines are appended to the journal in one write, then flushed
   to disk (``fsync``). A new journal is written whole instead (header and
   entries) through a temporary file moved into place, never over a
   journal that appeared meanwhile.
2. The assessment is replaced atomically (temporary file, ``fsync``,
   ``os.replace``) with its new ratings and ``journal_head``, the hash of
   the last line appended.
3. Only then are the entries reported as written.

A crash (a kill, a power cut) leaves one of:

- the old pair, untouched: it stopped before step 1 wrote anything;
- a journal whose last line is cut short (step 1 stopped midway): verify
  says ``line N is cut short``; the next ``rate`` removes that line, which
  was never reported as written;
- a journal with more entries than the assessment's ``journal_head``
  (step 2 never happened): verify says the assessment was not written
  after those entries; the next ``rate`` records the difference (the
  file's older values) as entries by ``unknown``, so the chain keeps every
  line and the undoing is on record;
- the new pair, whole (a crash after step 2, before the report).

An entry ``rate`` reported is in the journal and the assessment (both were
on disk before the report), and no later ``rate`` removes a whole line.
One writer at a time: two ``rate`` commands on one file at once may
interleave their appends (each line stays whole; the chain shows the
break).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import attrs

from goudenoor._checks import checked
from goudenoor.audit import (
    Audit,
    Evidence,
    Journal,
    JournalEntry,
    add_evidence,
    parse_journal,
    rate,
)
from goudenoor.exceptions import FileFormatError, JournalError
from goudenoor.files._assessment import load_audit, save_assessment
from goudenoor.files._atomic import write_bytes_atomic


__all__ = [
    "JOURNAL_SUFFIX",
    "add_evidence_file",
    "journal_path",
    "load_journal",
    "rate_file",
]


def __dir__() -> list[str]:
    return __all__


JOURNAL_SUFFIX = ".journal.jsonl"
"""What the journal's name adds to the assessment's name without its
suffix (``audit.yaml`` has ``audit.journal.jsonl``)."""


def journal_path(assessment: str | os.PathLike[str]) -> Path:
    """
    The journal file of the assessment file *assessment*.
    """
    path = Path(assessment)
    return path.with_name(path.stem + JOURNAL_SUFFIX)


def _assessment_of(journal: Path) -> Path | None:
    stem = journal.name.removesuffix(JOURNAL_SUFFIX)
    for suffix in (".yaml", ".yml"):
        candidate = journal.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(
            "no journal: no rating of the assessment was changed with "
            "goudenoor rate yet",
            str(path),
        ) from None
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", str(path)) from None


@checked
def load_journal(path: str | os.PathLike[str]) -> Journal:
    """
    The journal of an assessment, read with the assessment, so that
    ``.verify()`` and ``.replay()`` need no argument.

    Args:
        path: The assessment file (its journal is beside it, see
            :func:`journal_path`) or the journal file (its assessment is
            the ``.yaml`` or ``.yml`` file of the same name, if there is
            one).

    Raises:
        FileFormatError: There is no journal, or it cannot be read.
        ValidationError: The assessment is not valid.
    """
    given = Path(path)
    if given.name.endswith(JOURNAL_SUFFIX):
        journal, assessment = given, _assessment_of(given)
    else:
        journal, assessment = journal_path(given), given
    found = parse_journal(_read(journal), str(journal))
    if assessment is None:
        return found
    return attrs.evolve(found, assessment=load_audit(assessment).assessment)


@checked
def rate_file(
    path: str | os.PathLike[str],
    changes: Mapping[str, float | str],
    *,
    by: str,
    reason: str,
    note: str | None = None,
    now: datetime.datetime | None = None,
) -> tuple[Audit, tuple[JournalEntry, ...]]:
    """
    Change ratings of the assessment file *path* and append the entries to
    its journal, in the order the module's description gives: a crash
    leaves the old pair, the new pair, or a pair that ``verify`` reports.

    Returns:
        The new audit and the entries written (see
        :func:`goudenoor.audit.rate` for the arguments).

    Raises:
        JournalError: The changes are refused, or the journal is not whole;
            nothing is written.
        FileFormatError, ValidationError: The assessment cannot be read.
    """

    def change(
        audit: Audit, journal: Journal
    ) -> tuple[Audit, tuple[JournalEntry, ...]]:
        return rate(
            audit, changes, by=by, reason=reason, note=note, now=now, journal=journal
        )

    return _journalled_change(path, "rate", change, now=now)


@checked
def add_evidence_file(
    path: str | os.PathLike[str],
    requirement_id: str,
    evidence: Evidence,
    *,
    by: str,
    reason: str,
    now: datetime.datetime | None = None,
) -> tuple[Audit, tuple[JournalEntry, ...]]:
    """
    Add *evidence* to the rating of *requirement_id* in the assessment file
    *path*. With a journal beside it, the ``evidence`` entry is appended
    to it first, in the order of :func:`rate_file`; without one, the
    assessment is replaced atomically and no journal is started (the
    entries returned are then none).

    Returns:
        The new audit and the entries written (see
        :func:`goudenoor.audit.add_evidence` for the arguments).

    Raises:
        JournalError: The evidence is refused, or the journal is not
            whole; nothing is written.
        FileFormatError, ValidationError: The assessment cannot be read.
    """
    if not journal_path(path).exists() and os.fspath(path) != "-":
        audit = load_audit(path)
        new_audit, _ = add_evidence(
            audit, requirement_id, evidence, by=by, reason=reason, now=now
        )
        # No journal is written, so the head stays what the file had: the
        # entries made on the way lead nowhere.
        assessment = attrs.evolve(
            new_audit.assessment, journal_head=audit.assessment.journal_head
        )
        save_assessment(assessment, path, overwrite=True)
        return attrs.evolve(new_audit, assessment=assessment), ()

    def change(
        audit: Audit, journal: Journal
    ) -> tuple[Audit, tuple[JournalEntry, ...]]:
        return add_evidence(
            audit,
            requirement_id,
            evidence,
            by=by,
            reason=reason,
            now=now,
            journal=journal,
        )

    return _journalled_change(path, "add evidence", change, now=now)


def _journalled_change(
    path: str | os.PathLike[str],
    command: str,
    change: Callable[[Audit, Journal], tuple[Audit, tuple[JournalEntry, ...]]],
    *,
    now: datetime.datetime | None,
) -> tuple[Audit, tuple[JournalEntry, ...]]:
    """
    Apply *change* (the audit and its journal in, the new audit and the
    entries out) to the assessment file *path* and its journal, in the
    write order of the module's description: the one path of every
    journalled change of a file.
    """
    if os.fspath(path) == "-":
        raise JournalError(
            f"{command} changes a file and its journal: expected a file, not '-'"
        )
    audit = load_audit(path)
    where = journal_path(path)
    new = not where.exists()
    if new:
        # Made here, not by the change: the header written is the one the
        # entries are chained to.
        journal = Journal.start(audit.assessment, now=now)
    else:
        data = _read(where)
        journal = parse_journal(data, str(where))
        if journal.problems and journal.problems[-1].endswith(
            "a write that did not finish"
        ):
            # A line cut short by a crash while appending: never reported
            # as written, so it goes (only that line; whole lines stay).
            data = data[: data.rfind(b"\n") + 1]
            journal = parse_journal(data, str(where))
            if journal.whole:
                os.truncate(where, len(data))
    new_audit, entries = change(audit, journal)
    lines = b"".join(entry.line() for entry in entries)
    if new:
        write_bytes_atomic(where, journal.lines() + lines)
    elif lines:
        _append(where, lines)
    save_assessment(new_audit.assessment, path, overwrite=True)
    return new_audit, entries


def _append(path: Path, lines: bytes) -> None:
    try:
        with path.open("ab") as file:
            file.write(lines)
            file.flush()
            os.fsync(file.fileno())
    except OSError as exc:
        raise FileFormatError(f"cannot write file: {exc.strerror}", str(path)) from None
