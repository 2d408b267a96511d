"""
The journal of rating changes, in the domain: rate() writes entries that
chain, replay reproduces the assessment, and every kind of tampering with
the lines is named (tests/files/test_journal_files.py does the same on
files).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import random

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor._text import canonical_json
from goudenoor.audit import Journal, JournalState, parse_changes, parse_journal, rate
from goudenoor.exceptions import JournalError


NOW = datetime.datetime(2026, 12, 7, 9, 30, tzinfo=datetime.UTC)
AUDIT = go.load_audit(EXAMPLE_AUDIT)
IDS = [r.id for r in AUDIT.standard.requirements]


def journalled(
    audit: go.Audit, *steps: dict[str, float | str]
) -> tuple[go.Audit, bytes]:
    """*audit* after rating each step, and the journal's bytes."""
    journal = Journal.start(audit.assessment, now=NOW)
    data = journal.lines()
    for step in steps:
        audit, entries = rate(
            audit,
            step,
            by="A. Jansen",
            reason="herbeoordeeld",
            now=NOW,
            journal=journal,
        )
        data += b"".join(entry.line() for entry in entries)
        journal = parse_journal(data)
    return audit, data


def test_rate_writes_an_entry_per_change() -> None:
    audit, data = journalled(AUDIT, {"1.3": 3, "1.2": 'na:"geen balie"'})
    journal = parse_journal(data)

    assert [
        'requirement 1.2 not_applicable: (none) -> "geen balie"',
        "requirement 1.2 value: 3 -> (none)",
        "requirement 1.3 value: 4 -> 3",
    ] == [entry.describe() for entry in journal.entries]
    assert [1, 2, 3] == [entry.seq for entry in journal.entries]
    assert {"2026-12-07T09:30:00.000000Z"} == {e.time for e in journal.entries}
    assert journal.entries[-1].hash == audit.assessment.journal_head
    assert () == journal.verify(audit.assessment)


def test_each_line_hashes_its_canonical_json() -> None:
    _, data = journalled(AUDIT, {"1.3": 3})
    for line in data.splitlines():
        body = {k: v for k, v in json.loads(line).items() if k != "hash"}
        canonical = canonical_json(body)

        assert (
            line
            == b'{"hash":"'
            + hashlib.sha256(canonical).hexdigest().encode()
            + b'",'
            + canonical[1:]
        )


def test_the_chain_links_each_entry_to_the_line_before() -> None:
    _, data = journalled(AUDIT, {"1.3": 3}, {"1.3": 2})
    journal = parse_journal(data)
    assert journal.header is not None

    assert [journal.header.hash, *(e.hash for e in journal.entries[:-1])] == [
        e.prev for e in journal.entries
    ]


def test_the_header_names_the_assessment_and_its_state() -> None:
    _, data = journalled(AUDIT, {"1.3": 3})
    header = parse_journal(data).header
    assert header is not None

    assert (
        "Woonstichting Lindewaard",
        None,
        "gos-2012",
        "2026-10-01",
    ) == (header.organisation, header.unit, header.edition, header.date)
    assert JournalState.of(AUDIT.assessment) == header.state


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"1.99": 3}, "unknown requirement '1.99' in gos-2012"),
        (
            {"1.3": 7},
            (
                "the changes do not fit the standard, nothing is changed: 7 is not "
                "on scale gos-0-4 (0, 1, 2, 3, 4)"
            ),
        ),
        ({}, "no changes given (expected ID=VALUE, as 1.3=3)"),
        (
            {"1.3": "na:  "},
            'requirement 1.3: not applicable needs a justification (na:"reason")',
        ),
    ],
)
def test_rate_refuses_and_changes_nothing(
    changes: dict[str, float | str], message: str
) -> None:
    with pytest.raises(JournalError) as caught:
        rate(AUDIT, changes, by="A. Jansen", reason="r", now=NOW)

    assert message == str(caught.value)


@pytest.mark.parametrize("name", ["by", "reason"])
def test_rate_needs_who_and_why(name: str) -> None:
    by, reason = ("  ", "r") if name == "by" else ("A. Jansen", "  ")
    with pytest.raises(JournalError) as caught:
        rate(AUDIT, {"1.3": 3}, by=by, reason=reason, now=NOW)

    assert f"{name} must not be empty: a change says who and why" == str(caught.value)


def test_parse_changes_reads_the_command_line() -> None:
    assert {"1.3": 3.0, "2.1": 'na:"geen balie"', "zorg:5.8": 2.5} == parse_changes(
        ["1.3=3", '2.1=na:"geen balie"', "zorg:5.8=2.5"]
    )


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (
            ["1.3"],
            (
                "'1.3' is not a change: expected ID=VALUE (1.3=3) or "
                'ID=na:REASON (2.1=na:"geen balie")'
            ),
        ),
        (
            ["1.3=drie"],
            (
                "'1.3=drie': 'drie' is not a value: expected a number on the scale, "
                'or na:REASON (2.1=na:"geen balie")'
            ),
        ),
        (["1.3=3", "1.3=2"], "requirement 1.3 is changed twice ('1.3=2')"),
        (["1.3=nan"], "'1.3=nan': expected a finite number"),
    ],
)
def test_parse_changes_refuses(texts: list[str], message: str) -> None:
    with pytest.raises(JournalError) as caught:
        parse_changes(texts)

    assert message == str(caught.value)


def test_a_hand_edit_is_recorded_by_unknown_before_the_change() -> None:
    audit, data = journalled(AUDIT, {"1.3": 3})
    edited = audit.assessment.with_ratings(
        {"1.4": attrs.evolve(audit.assessment.ratings["1.4"], value=1)}
    )
    audit = attrs.evolve(audit, assessment=edited)
    journal = parse_journal(data)

    assert (
        (
            "<journal>: the assessment was edited without goudenoor rate: "
            "requirement 1.4 value is 1 in the file, 2 in the journal"
        ),
    ) == journal.verify(edited)

    audit, entries = rate(
        audit, {"1.5": 2}, by="A. Jansen", reason="r", now=NOW, journal=journal
    )

    assert [
        ("unknown", "requirement 1.4 value: 2 -> 1"),
        ("A. Jansen", "requirement 1.5 value: 3 -> 2"),
    ] == [(e.by, e.describe()) for e in entries]
    assert (
        "found in the assessment, not in the journal: it was edited by hand "
        "since the last entry"
    ) == entries[0].reason
    whole = parse_journal(data + b"".join(e.line() for e in entries))
    assert () == whole.verify(audit.assessment)


def test_a_finding_status_edited_by_hand_is_an_entry() -> None:
    audit = go.load_audit(EXAMPLE_AUDIT.parent / "erkenning" / "audit-2024.yaml")
    audit, data = journalled(audit, {"1.3": 3})
    finding = audit.assessment.findings[1]
    verified = go.FindingUpdate(
        status="verified",
        date=datetime.date(2024, 12, 1),
        evidence=(go.Evidence(kind="document", reference="Verslag"),),
    )
    moved = attrs.evolve(finding, history=(*finding.history, verified))
    findings = list(audit.assessment.findings)
    findings[1] = moved
    edited = attrs.evolve(audit.assessment, findings=tuple(findings))
    audit = attrs.evolve(audit, assessment=edited)

    _, entries = rate(
        audit,
        {"1.4": 2},
        by="A. Jansen",
        reason="r",
        now=NOW,
        journal=parse_journal(data),
    )

    assert (
        f'finding A-2 status: "{finding.status}" -> "verified"' == entries[0].describe()
    )


def test_a_journal_of_1000_random_changes_verifies_and_replays_the_file() -> None:
    chance = random.Random(26)  # noqa: S311 - test data, not cryptography
    scale = [0, 1, 2, 3, 4]
    audit = AUDIT
    journal = Journal.start(audit.assessment, now=NOW)
    data = journal.lines()
    count = 0
    while count < 1000:
        step = {
            chance.choice(IDS): chance.choice(scale)
            if chance.random() < 0.9
            else "na:verandert"
            for _ in range(chance.randint(1, 4))
        }
        try:
            audit, entries = rate(
                audit, step, by="B", reason="stap", now=NOW, journal=journal
            )
        except JournalError:  # a whole area not applicable: refused
            continue
        data += b"".join(entry.line() for entry in entries)
        journal = Journal(header=journal.header, entries=journal.entries + entries)
        count += len(entries)
    loaded = parse_journal(data)

    assert () == loaded.verify(audit.assessment)
    assert JournalState.of(audit.assessment) == loaded.replay()
    assert count == len(loaded.entries)


@settings(max_examples=40, deadline=None)
@given(
    steps=st.lists(
        st.dictionaries(
            st.sampled_from(IDS[:12]),
            st.one_of(st.sampled_from([0, 1, 2, 3, 4]), st.just("na:niet hier")),
            min_size=1,
            max_size=3,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_replay_of_random_changes_is_the_file(
    steps: list[dict[str, float | str]],
) -> None:
    audit = AUDIT
    journal = Journal.start(audit.assessment, now=NOW)
    data = journal.lines()
    for step in steps:
        try:
            audit, entries = rate(
                audit, step, by="B", reason="stap", now=NOW, journal=journal
            )
        except JournalError:
            # Refused (a whole area not applicable): nothing was changed.
            continue
        data += b"".join(entry.line() for entry in entries)
        journal = parse_journal(data)
    loaded = parse_journal(data)

    assert () == loaded.verify(audit.assessment)
    assert JournalState.of(audit.assessment) == loaded.replay()


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(JournalError) as caught:
        Journal.start(AUDIT.assessment, now=NOW.replace(tzinfo=None))

    assert (
        "the time 2026-12-07T09:30:00 has no time zone: expected an aware "
        "datetime (a journal's times are UTC)"
    ) == str(caught.value)


def test_a_broken_journal_gets_no_entries() -> None:
    _, data = journalled(AUDIT, {"1.3": 3}, {"1.3": 2})
    lines = data.splitlines(keepends=True)
    broken = parse_journal(lines[0] + lines[2])
    with pytest.raises(JournalError) as caught:
        rate(AUDIT, {"1.4": 2}, by="A", reason="r", now=NOW, journal=broken)

    assert (
        "the journal is not whole, so nothing is added to it: <journal>: line 2: "
        "entry 1 is missing (entry 2 follows entry 0)"
    ) == str(caught.value)


def test_an_entry_of_the_wrong_types_is_named() -> None:
    _, data = journalled(AUDIT, {"1.3": 3})
    header, entry = data.splitlines(keepends=True)
    body = {k: v for k, v in json.loads(entry).items() if k != "hash"}
    body["by"] = 7  # rehashed, so only the type is wrong
    canonical = canonical_json(body)
    digest = hashlib.sha256(canonical).hexdigest().encode()
    line = b'{"hash":"' + digest + b'",' + canonical[1:] + b"\n"

    assert (
        (
            "<journal>: line 2 is not a journal entry (expected seq and a "
            "requirement or a finding as numbers and texts, field, old, new, and "
            "time, by, reason and prev as texts)"
        ),
    ) == parse_journal(header + line).problems
