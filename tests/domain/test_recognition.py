"""
After the score: findings with their forward-only follow-up, the
recognition as of a date, and findings carried forward.

The worked example is the tutorial's (docs/tutorials/erkenning.md):
examples/erkenning/, one organisation, an audit with two afwijkingen and a
verbeterpunt, and a review a year later.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import assume, given, strategies as st

import goudenoor as go
from conftest import ROOT
from goudenoor.audit import (
    FINDING_STATUSES,
    Evidence,
    Finding,
    FindingUpdate,
    add_months,
    findings_on,
)


WORKED = ROOT / "examples" / "erkenning"
AUDIT_DATE = datetime.date(2024, 3, 1)


@pytest.fixture(name="worked", scope="module")
def _worked() -> list[go.Audit]:
    return [
        go.load_audit(WORKED / "audit-2024.yaml"),
        go.load_audit(WORKED / "review-2025.yaml"),
    ]


def _summary(status: go.RecognitionStatus) -> dict[str, Any]:
    return {
        "state": status.state,
        "level": status.level,
        "valid_until": status.valid_until,
        "next_review": status.next_review,
        "open": [item.finding.id for item in status.open_findings],
        "overdue": [item.finding.id for item in status.overdue_findings],
        "reasons": [reason.text for reason in status.reasons],
    }


GRANTED = "level Gecommitteerd granted by the audit of 2024-03-01"
UNTIL = datetime.date(2027, 3, 1)


class TestWorkedExample:
    """
    The state on six dates: before the audit, after it, after each
    deadline of an afwijking, after the review, and after the validity.
    """

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            (
                "2024-02-29",  # before the audit
                {
                    "state": "none",
                    "level": None,
                    "valid_until": None,
                    "next_review": None,
                    "open": [],
                    "overdue": [],
                    "reasons": ["no audit by this date"],
                },
            ),
            (
                "2024-03-01",  # the audit's day: A-1 (major) is open
                {
                    "state": "conditional",
                    "level": "Gecommitteerd",
                    "valid_until": UNTIL,
                    "next_review": datetime.date(2025, 3, 1),
                    "open": ["A-1", "A-2", "V-1"],
                    "overdue": [],
                    "reasons": [
                        GRANTED,
                        "afwijking A-1 is open (deadline 2024-09-01)",
                    ],
                },
            ),
            (
                "2024-09-02",  # after A-1's deadline: implemented, not verified
                {
                    "state": "suspended",
                    "level": "Gecommitteerd",
                    "valid_until": UNTIL,
                    "next_review": datetime.date(2025, 3, 1),
                    "open": ["A-1", "A-2", "V-1"],
                    "overdue": ["A-1"],
                    "reasons": [
                        GRANTED,
                        "afwijking A-1 was not verified by its deadline 2024-09-01",
                    ],
                },
            ),
            (
                "2024-12-02",  # after A-2's deadline: A-1 verified, A-2 minor
                {
                    "state": "valid",
                    "level": "Gecommitteerd",
                    "valid_until": UNTIL,
                    "next_review": datetime.date(2025, 3, 1),
                    "open": ["A-2", "V-1"],
                    "overdue": ["A-2"],
                    "reasons": [GRANTED],
                },
            ),
            (
                "2025-02-21",  # after the review: A-2 verified, V-1 planned
                {
                    "state": "valid",
                    "level": "Gecommitteerd",
                    "valid_until": UNTIL,
                    "next_review": datetime.date(2026, 3, 1),
                    "open": ["V-1"],
                    "overdue": [],
                    "reasons": [GRANTED],
                },
            ),
            (
                "2027-03-02",  # after the validity
                {
                    "state": "expired",
                    "level": "Gecommitteerd",
                    "valid_until": UNTIL,
                    "next_review": None,
                    "open": ["V-1"],
                    "overdue": ["V-1"],
                    "reasons": [
                        GRANTED,
                        "the recognition expired after 2027-03-01",
                    ],
                },
            ),
        ],
    )
    def test_state_on(
        self, worked: list[go.Audit], as_of: str, expected: dict[str, Any]
    ) -> None:
        status = go.recognition_status(worked, datetime.date.fromisoformat(as_of))
        assert expected == _summary(status)

    def test_order_of_the_audits_does_not_matter(self, worked: list[go.Audit]) -> None:
        as_of = datetime.date(2024, 12, 2)
        assert go.recognition_status(worked, as_of) == go.recognition_status(
            worked[::-1], as_of
        )

    def test_a_review_not_held_suspends(self, worked: list[go.Audit]) -> None:
        status = go.recognition_status(worked, datetime.date(2026, 3, 2))
        assert "suspended" == status.state
        assert [
            GRANTED,
            "the review due on 2026-03-01 was not held",
        ] == [reason.text for reason in status.reasons]

    def test_status_row(self, worked: list[go.Audit]) -> None:
        row = go.recognition_status(worked, datetime.date(2024, 9, 2)).to_data()
        assert {
            "goudenoor": "status/1",
            "organisation": "Woonstichting Lindewaard",
            "unit": None,
            "as_of": "2024-09-02",
            "level": "Gecommitteerd",
            "state": "suspended",
            "valid_until": "2027-03-01",
            "next_review": "2025-03-01",
            "open_findings": 3,
            "overdue_findings": 1,
            "scheme": "niveaus",
            "audit_date": "2024-03-01",
            "reasons": [
                {
                    "code": "granted",
                    "date": "2024-03-01",
                    "finding": None,
                    "level": "Gecommitteerd",
                    "text": GRANTED,
                },
                {
                    "code": "finding-overdue",
                    "date": "2024-09-01",
                    "finding": "A-1",
                    "level": None,
                    "text": "afwijking A-1 was not verified by its deadline 2024-09-01",
                },
            ],
        } == row

    def test_findings_on_a_date(self, worked: list[go.Audit]) -> None:
        findings = findings_on(worked[0], datetime.date(2024, 9, 2))
        assert (
            "Woonstichting Lindewaard: 3 findings on 2024-09-02, 3 open, 1 overdue\n"
            "A-1 afwijking (major) on 4.1: implemented, deadline 2024-09-01, "
            "OVERDUE: Klachten die per e-mail binnenkomen worden niet "
            "geregistreerd.\n"
            "A-2 afwijking (minor) on 5.1: planned, deadline 2024-12-01: De "
            "doorlooptijd van klachten wordt niet per kwartaal gerapporteerd.\n"
            "V-1 verbeterpunt on 1.4: open, deadline 2025-03-01: Betrek "
            "individuele klagers bij verbeteringen, niet alleen de "
            "huurdersvereniging.\n"
        ) == findings.text()

    def test_carried_forward_equals_the_review(self, worked: list[go.Audit]) -> None:
        """
        The review's findings are the audit's unverified ones, carried
        forward, with the follow-up recorded since.
        """
        audit, review = worked
        empty = attrs.evolve(review.assessment, findings=())
        carried = go.carry_findings(audit.assessment, empty)
        assert ["A-2", "V-1"] == [f.id for f in carried.findings]
        for before, after in zip(
            carried.findings, review.assessment.findings, strict=True
        ):
            assert AUDIT_DATE == before.raised
            assert before.history == after.history[: len(before.history)]


def _assessment(**changes: Any) -> go.Assessment:
    base = go.Assessment(
        edition="gos-2012", organisation="Gemeente Voorbeeld", date=AUDIT_DATE
    )
    return attrs.evolve(base, **changes)


DOCUMENT = (Evidence(kind="document", reference="Verslag"),)


def _finding(**changes: Any) -> Finding:
    base = Finding(
        id="A-1",
        requirement="1.1",
        kind="afwijking",
        severity="major",
        text="Geen registratie.",
        deadline=datetime.date(2024, 9, 1),
    )
    return attrs.evolve(base, **changes)


class TestRules:
    def test_rules_from_the_edition(self, std2012: go.Standard) -> None:
        rules = std2012.recognition_rules
        assert (36, 12, ("major",)) == (
            rules.validity_months,
            rules.review_interval_months,
            rules.blocking_severities,
        )
        assert ("blocking_severities", "states") == rules.readings
        assert "keurmerk" == rules.source

    def test_other_rules(self, worked: list[go.Audit]) -> None:
        """
        With minor afwijkingen blocking, A-2 suspends the recognition
        after its deadline; with a validity of two years it has expired
        after the review.
        """
        rules = go.RecognitionRules(
            validity_months=24, blocking_severities=("major", "minor")
        )
        on = datetime.date(2024, 12, 2)
        assert "suspended" == go.recognition_status(worked, on, rules=rules).state
        late = go.recognition_status(worked, datetime.date(2026, 3, 2), rules=rules)
        assert ("expired", datetime.date(2026, 3, 1)) == (late.state, late.valid_until)

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            (
                {"validity_months": 0, "review_interval_months": 1},
                "validity_months: expected at least 1 month, got 0",
            ),
            (
                {"review_interval_months": 40},
                (
                    "review_interval_months: expected 1 to 36 months (the validity), "
                    "got 40"
                ),
            ),
            (
                {"readings": ("states", "level")},
                (
                    "readings[1]: unknown rule 'level' (expected one of "
                    "['validity_months', 'review_interval_months', "
                    "'blocking_severities', 'states'])"
                ),
            ),
        ],
    )
    def test_bad_rules(self, changes: dict[str, Any], expected: str) -> None:
        with pytest.raises(go.ModelError) as info:
            go.RecognitionRules(**changes)
        assert expected == str(info.value)

    def test_no_level_no_recognition(self, std2012: go.Standard) -> None:
        audit = go.Audit(assessment=_assessment(), standard=std2012)
        status = go.recognition_status([audit], AUDIT_DATE)
        assert ("none", None, ["the audit of 2024-03-01 granted no level"]) == (
            status.state,
            status.level,
            [reason.text for reason in status.reasons],
        )

    def test_self_assessments_count_for_nothing(self, worked: list[go.Audit]) -> None:
        audit = worked[0]
        own = attrs.evolve(
            audit.assessment,
            kind="self",
            date=datetime.date(2024, 6, 1),
            findings=(),
        )
        mine = go.Audit(assessment=own, standard=audit.standard)
        on = datetime.date(2024, 6, 2)
        assert go.recognition_status([audit], on) == go.recognition_status(
            [audit, mine], on
        )
        assert ["no audit by this date"] == [
            reason.text for reason in go.recognition_status([mine], on).reasons
        ]

    def test_a_new_audit_starts_a_new_cycle(self, worked: list[go.Audit]) -> None:
        """
        Findings of an earlier audit count only when carried forward.
        """
        audit = worked[0]
        later = attrs.evolve(
            audit.assessment, date=datetime.date(2027, 2, 1), findings=()
        )
        new = go.Audit(assessment=later, standard=audit.standard)
        status = go.recognition_status([audit, new], datetime.date(2027, 2, 2))
        assert ("valid", (), datetime.date(2030, 2, 1)) == (
            status.state,
            status.open_findings,
            status.valid_until,
        )

    def test_one_organisation(self, worked: list[go.Audit]) -> None:
        other = attrs.evolve(worked[1].assessment, unit="Noord")
        mixed = [worked[0], go.Audit(assessment=other, standard=worked[1].standard)]
        with pytest.raises(go.RecognitionError) as info:
            go.recognition_status(mixed, AUDIT_DATE)
        assert (
            "the audits are of more than one organisation or unit: 'Woonstichting "
            "Lindewaard' and 'Woonstichting Lindewaard' unit 'Noord'; a "
            "recognition is of one (use a Portfolio's status for many)"
        ) == str(info.value)
        with pytest.raises(go.RecognitionError) as info:
            go.recognition_status([], AUDIT_DATE)
        assert "expected at least one audit of the organisation" == str(info.value)

    @pytest.mark.parametrize(
        ("date", "months", "expected"),
        [
            ("2024-01-31", 1, "2024-02-29"),
            ("2023-01-31", 1, "2023-02-28"),
            ("2024-02-29", 12, "2025-02-28"),
            ("2024-03-01", 36, "2027-03-01"),
            ("2024-11-30", 3, "2025-02-28"),
        ],
    )
    def test_add_months(self, date: str, months: int, expected: str) -> None:
        assert datetime.date.fromisoformat(expected) == add_months(
            datetime.date.fromisoformat(date), months
        )


class TestCarry:
    def test_only_open_follow_ups_are_carried(self) -> None:
        verified = _finding(
            id="A-2",
            history=(
                FindingUpdate(
                    status="verified", date=datetime.date(2024, 5, 1), evidence=DOCUMENT
                ),
            ),
        )
        seen = Finding(id="O-1", requirement="1.2", kind="observatie", text="Goed.")
        old = _assessment(findings=(_finding(), verified, seen))
        new = _assessment(date=datetime.date(2025, 3, 1))
        carried = go.carry_findings(old, new)
        assert (_finding(raised=AUDIT_DATE),) == carried.findings
        # Carried again, the same finding is not added twice.
        assert carried == go.carry_findings(old, carried)

    @pytest.mark.parametrize(
        ("new", "expected"),
        [
            (
                {"organisation": "Elders"},
                (
                    "findings of 'Gemeente Voorbeeld' cannot be carried into an "
                    "assessment of 'Elders'"
                ),
            ),
            (
                {"edition": "gos-2016"},
                (
                    "the previous assessment is against gos-2012, the new one against "
                    "gos-2016: migrate it first (migrate_assessment carries its "
                    "findings through the crosswalk)"
                ),
            ),
            (
                {"date": AUDIT_DATE},
                (
                    "the previous assessment (2024-03-01) is not dated before the new "
                    "one (2024-03-01)"
                ),
            ),
            (
                {"findings": (_finding(text="Iets anders.", raised=AUDIT_DATE),)},
                (
                    "finding 'A-1' of the assessment of 2024-03-01 is also in the "
                    "assessment of 2025-03-01, with other content: give one of them "
                    "another id, or remove it from the new assessment"
                ),
            ),
        ],
    )
    def test_refused(self, new: dict[str, Any], expected: str) -> None:
        old = _assessment(findings=(_finding(),))
        target = _assessment(**{"date": datetime.date(2025, 3, 1), **new})
        with pytest.raises(go.RecognitionError) as info:
            go.carry_findings(old, target)
        assert expected == str(info.value)

    def test_an_audit_stays_an_audit(self, worked: list[go.Audit]) -> None:
        audit, review = worked
        empty = go.Audit(
            assessment=attrs.evolve(review.assessment, findings=()),
            standard=review.standard,
        )
        carried = go.carry_findings(audit, empty)
        assert isinstance(carried, go.Audit)
        assert ["A-2", "V-1"] == [f.id for f in carried.assessment.findings]


HEADER = """\
goudenoor: assessment/1
edition: gos-2012
organisation: Gemeente Voorbeeld
date: 2024-03-01
ratings:
  "1.1": 2
findings:
"""


def _refused(findings: str) -> str:
    with pytest.raises(go.ValidationError) as info:
        go.loads_assessment(HEADER + findings, source="audit.yaml")
    return str(info.value)


class TestRefused:
    """
    Each edge case gives one located error.
    """

    def test_deadline_before_the_audit(self) -> None:
        assert (
            "audit.yaml:13:5 findings[0].deadline: the deadline 2024-02-01 is "
            "before the finding was raised (2024-03-01)"
        ) == _refused(
            "  - id: A-1\n"
            "    requirement: '1.1'\n"
            "    kind: afwijking\n"
            "    severity: major\n"
            "    text: Geen registratie.\n"
            "    deadline: 2024-02-01\n"
        )

    def test_unknown_requirement(self) -> None:
        assert (
            "audit.yaml:9:5 findings[0].requirement: unknown requirement '1.9' "
            "in gos-2012; did you mean '1.5', '1.4', '1.3'?"
        ) == _refused(
            "  - id: V-1\n"
            "    requirement: '1.9'\n"
            "    kind: verbeterpunt\n"
            "    text: Meer terugkoppeling.\n"
        )

    def test_unknown_checkpoint(self) -> None:
        assert (
            "audit.yaml:10:5 findings[0].checkpoint: '5.1.z' is not a checkpoint "
            "of requirement 5.1 (expected one of ['5.1.a', '5.1.b'])"
        ) == _refused(
            "  - id: V-1\n"
            "    requirement: '5.1'\n"
            "    checkpoint: 5.1.z\n"
            "    kind: verbeterpunt\n"
            "    text: Meer terugkoppeling.\n"
        )

    def test_verified_without_evidence(self) -> None:
        assert (
            "audit.yaml:13:9 findings[0].history[0].evidence: a finding is "
            "verified on evidence: expected at least one evidence item"
        ) == _refused(
            "  - id: V-1\n"
            "    requirement: '1.1'\n"
            "    kind: verbeterpunt\n"
            "    text: Meer terugkoppeling.\n"
            "    history:\n"
            "      - {status: verified, date: 2024-05-01}\n"
        )

    def test_duplicate_id(self) -> None:
        assert (
            "audit.yaml:12:5 findings[1].id: duplicate finding id 'V-1' (also "
            "finding 1)"
        ) == _refused(
            "  - id: V-1\n"
            "    requirement: '1.1'\n"
            "    kind: verbeterpunt\n"
            "    text: Meer terugkoppeling.\n"
            "  - id: V-1\n"
            "    requirement: '1.2'\n"
            "    kind: observatie\n"
            "    text: Goed gedocumenteerd.\n"
        )

    def test_unknown_status(self) -> None:
        assert (
            "audit.yaml:13:10 findings[0].history[0].status: expected one of "
            "'open', 'planned', 'implemented', 'verified', got string 'done'"
        ) == _refused(
            "  - id: V-1\n"
            "    requirement: '1.1'\n"
            "    kind: verbeterpunt\n"
            "    text: Meer terugkoppeling.\n"
            "    history:\n"
            "      - {status: done, date: 2024-05-01}\n"
        )


DAY = datetime.timedelta(days=1)


@st.composite
def forward_histories(draw: st.DrawFn) -> tuple[dict[str, Any], ...]:
    """
    A history as file data: statuses forward, dates not going back.
    """
    statuses = draw(
        st.lists(st.sampled_from(FINDING_STATUSES), unique=True, max_size=4).map(
            lambda chosen: sorted(chosen, key=FINDING_STATUSES.index)
        )
    )
    steps = draw(
        st.lists(
            st.integers(min_value=0, max_value=200),
            min_size=len(statuses),
            max_size=len(statuses),
        )
    )
    entries = []
    date = AUDIT_DATE
    for status, step in zip(statuses, steps, strict=True):
        date += step * DAY
        entry: dict[str, Any] = {"status": status, "date": date}
        if status == "verified":
            entry["evidence"] = [{"kind": "document", "reference": "Verslag"}]
        entries.append(entry)
    return tuple(entries)


def _document(history: tuple[dict[str, Any], ...]) -> str:
    data = yaml.safe_load(HEADER + "  []\n")
    data["findings"] = [
        {
            "id": "A-1",
            "requirement": "1.1",
            "kind": "afwijking",
            "severity": "major",
            "text": "Geen registratie.",
            "deadline": datetime.date(2024, 9, 1),
            "history": list(history),
        }
    ]
    return str(yaml.safe_dump(data, sort_keys=False))


class TestProperties:
    @given(forward_histories())
    def test_forward_histories_load(self, history: tuple[dict[str, Any], ...]) -> None:
        loaded = go.loads_assessment(_document(history))
        assert [(e["status"], e["date"]) for e in history] == [
            (entry.status, entry.date) for entry in loaded.findings[0].history
        ]
        assert (history[-1]["status"] if history else "open") == loaded.findings[
            0
        ].status

    @given(forward_histories(), st.data())
    def test_any_backward_step_is_refused(
        self, history: tuple[dict[str, Any], ...], data: st.DataObject
    ) -> None:
        assume(len(history) >= 2)
        index = data.draw(st.integers(min_value=1, max_value=len(history) - 1))
        before = history[index - 1]
        broken = [dict(entry) for entry in history]
        if data.draw(st.booleans(), label="back in time"):
            broken[index]["date"] = (
                before["date"]
                - data.draw(st.integers(min_value=1, max_value=400)) * DAY
            )
            assume(broken[index]["date"] >= AUDIT_DATE)
            where = "date"
        else:
            earlier = FINDING_STATUSES[: FINDING_STATUSES.index(before["status"]) + 1]
            broken[index]["status"] = data.draw(st.sampled_from(earlier))
            if broken[index]["status"] == "verified":
                broken[index]["evidence"] = before.get("evidence")
            where = "status"
        with pytest.raises(go.ValidationError) as info:
            go.loads_assessment(_document(tuple(broken)))
        assert ("findings", 0, "history", index, where) in [
            problem.path for problem in info.value.problems
        ]

    @given(
        st.lists(
            st.tuples(
                st.integers(min_value=0, max_value=400),
                forward_histories(),
            ),
            max_size=8,
        ),
        st.integers(min_value=-10, max_value=800),
    )
    def test_overdue_count_is_a_direct_count(
        self,
        made: list[tuple[int, tuple[dict[str, Any], ...]]],
        offset: int,
    ) -> None:
        findings = tuple(
            Finding(
                id=f"V-{number}",
                requirement="1.1",
                kind="verbeterpunt",
                text="Meer terugkoppeling.",
                deadline=AUDIT_DATE + days * DAY,
                history=tuple(
                    FindingUpdate(
                        status=entry["status"],
                        date=entry["date"],
                        evidence=DOCUMENT if entry["status"] == "verified" else (),
                    )
                    for entry in history
                ),
            )
            for number, (days, history) in enumerate(made)
        )
        as_of = AUDIT_DATE + offset * DAY
        direct = sum(
            1
            for days, history in made
            if AUDIT_DATE + days * DAY < as_of
            and not any(
                entry["status"] == "verified" and entry["date"] <= as_of
                for entry in history
            )
        )
        counted = findings_on(_assessment(findings=findings), as_of)
        assert direct == len(counted.overdue)
