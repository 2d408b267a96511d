"""
An audit's findings as an OSCAL plan of action and milestones: what each
finding becomes, the status mapping, the risk log, determinism, what is
refused, and the ``oscal poam`` command. (NIST's schema is checked in
``test_oscal_schema.py``.)
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from trestle.oscal.poam import PlanOfActionAndMilestones

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor import cli
from goudenoor.interchange import NAMESPACE, to_oscal_poam


D = datetime.date
NOTE = "[plan](javascript:x) <b>#1</b>"
"""A note a user typed that Markdown would act on."""


def _history() -> tuple[go.FindingUpdate, ...]:
    return (
        go.FindingUpdate(
            status="planned", date=D(2026, 10, 15), by="J. de Vries", note=NOTE
        ),
        go.FindingUpdate(status="implemented", date=D(2026, 12, 1)),
        go.FindingUpdate(
            status="verified",
            date=D(2027, 1, 20),
            by="M. Bakker",
            evidence=(go.Evidence(kind="document", reference="Evaluatierapport"),),
        ),
    )


def _audit(*findings: go.Finding) -> go.Assessment:
    return attrs.evolve(go.load_assessment(EXAMPLE_AUDIT), findings=findings)


AFWIJKING = go.Finding(
    id="A-1",
    requirement="5.3",
    checkpoint="5.3.a",
    kind="afwijking",
    severity="major",
    text="Trainingen worden niet geëvalueerd.",
    owner="Teamleider KCC",
    deadline=D(2027, 1, 31),
    history=_history(),
)
VERBETERPUNT = go.Finding(
    id="V-1", requirement="1.2", kind="verbeterpunt", text="Verwachting vastleggen."
)
STERK_PUNT = go.Finding(id="S-1", requirement="1.3", kind="sterk-punt", text="Goed.")


def _poam(
    assessment: go.Assessment, as_of: datetime.date | None = None
) -> dict[str, Any]:
    document = to_oscal_poam(go.standard_for(assessment), assessment, as_of=as_of)
    poam: dict[str, Any] = document["plan-of-action-and-milestones"]
    return poam


def _props(item: dict[str, Any]) -> dict[str, str]:
    assert all(NAMESPACE == prop["ns"] for prop in item["props"])
    return {prop["name"]: prop["value"] for prop in item["props"]}


def test_loads_in_trestle() -> None:
    """
    compliance-trestle's POA&M model loads the export.
    """
    poam = _poam(_audit(AFWIJKING, VERBETERPUNT, STERK_PUNT))

    parsed = PlanOfActionAndMilestones.parse_obj(poam)

    assert (2, 2, 3) == (
        len(parsed.poam_items),
        len(parsed.risks or []),
        len(parsed.findings or []),
    )


def test_each_followed_up_finding_is_a_finding_a_risk_and_an_item() -> None:
    """
    An afwijking and a verbeterpunt each give a finding, a risk and an
    item that links both; a sterk punt is a finding alone.
    """
    poam = _poam(_audit(AFWIJKING, VERBETERPUNT, STERK_PUNT))
    findings = {f["title"]: f for f in poam["findings"]}
    risks = {r["title"]: r for r in poam["risks"]}

    assert [
        "Afwijking A-1, eis 5.3",
        "Verbeterpunt V-1, eis 1.2",
        "Sterk punt S-1, eis 1.3",
    ] == list(findings)
    assert ["Afwijking A-1, eis 5.3", "Verbeterpunt V-1, eis 1.2"] == list(risks)
    assert [
        (
            [{"finding-uuid": findings[item["title"]]["uuid"]}],
            [{"risk-uuid": risks[item["title"]]["uuid"]}],
        )
        for item in poam["poam-items"]
    ] == [
        (item["related-findings"], item["related-risks"]) for item in poam["poam-items"]
    ]
    assert (
        {"type": "objective-id", "target-id": "req-5.3_obj.a"},
        {"state": "not-satisfied", "reason": "fail"},
        {"type": "statement-id", "target-id": "req-1.2_smt"},
        {"state": "not-satisfied", "reason": "other"},
        {"state": "satisfied", "reason": "pass"},
        None,
    ) == (
        {
            k: findings["Afwijking A-1, eis 5.3"]["target"][k]
            for k in ("type", "target-id")
        },
        findings["Afwijking A-1, eis 5.3"]["target"]["status"],
        {
            k: findings["Verbeterpunt V-1, eis 1.2"]["target"][k]
            for k in ("type", "target-id")
        },
        findings["Verbeterpunt V-1, eis 1.2"]["target"]["status"],
        findings["Sterk punt S-1, eis 1.3"]["target"]["status"],
        findings["Sterk punt S-1, eis 1.3"].get("related-risks"),
    )


def test_a_full_history_is_the_risk_log() -> None:
    """
    Each history entry is a log entry (start, status change, note, who
    logged it); the risk has the deadline at the end of its day and the
    planned and actual completion dates.
    """
    poam = _poam(_audit(AFWIJKING))
    [risk] = poam["risks"]
    parties = {p["uuid"]: p["name"] for p in poam["metadata"]["parties"]}
    entries = risk["risk-log"]["entries"]

    assert [
        (
            "Planned: finding A-1",
            "2026-10-15T00:00:00Z",
            "remediating",
            "planned",
            "\\[plan\\](javascript:x) &lt;b&gt;\\#1&lt;/b&gt;",
            ["J. de Vries"],
        ),
        (
            "Implemented: finding A-1",
            "2026-12-01T00:00:00Z",
            "remediating",
            "implemented",
            None,
            [],
        ),
        (
            "Verified: finding A-1",
            "2027-01-20T00:00:00Z",
            "closed",
            "verified",
            None,
            ["M. Bakker"],
        ),
    ] == [
        (
            e["title"],
            e["start"],
            e["status-change"],
            _props(e)["finding-status"],
            e.get("description"),
            [parties[b["party-uuid"]] for b in e.get("logged-by", [])],
        )
        for e in entries
    ]
    assert ("closed", "2027-01-31T23:59:59Z") == (risk["status"], risk["deadline"])
    assert {
        "finding-status": "verified",
        "raised-date": "2026-10-01",
        "planned-completion-date": "2027-01-31",
        "actual-completion-date": "2027-01-20",
    } == _props(risk)
    [shown] = [
        o for o in poam["observations"] if o["title"].startswith("Evidence 1 that")
    ]
    assert (
        "Evidence 1 that finding A-1 is verified",
        "2027-01-20T00:00:00Z",
        [{"observation-uuid": shown["uuid"]}],
    ) == (shown["title"], shown["collected"], risk["related-observations"])
    assert ("2027-01-20T00:00:00Z", "2027-01-20") == (
        poam["metadata"]["last-modified"],
        poam["metadata"]["version"],
    )


@pytest.mark.parametrize(
    ("as_of", "status", "risk_status", "overdue"),
    [
        (D(2026, 10, 1), "open", "open", "false"),
        (D(2026, 10, 15), "planned", "remediating", "false"),
        (D(2026, 12, 1), "implemented", "remediating", "false"),
        (D(2027, 1, 20), "verified", "closed", "false"),
    ],
)
def test_the_status_mapping(
    as_of: datetime.date, status: str, risk_status: str, overdue: str
) -> None:
    """
    open is open, planned and implemented are remediating, verified is
    closed; as of a date, the later history is left out.
    """
    poam = _poam(_audit(AFWIJKING), as_of)
    [risk] = poam["risks"]
    [item] = poam["poam-items"]

    assert (risk_status, status, overdue, as_of.isoformat()) == (
        risk["status"],
        _props(item)["finding-status"],
        _props(item)["overdue"],
        _props(poam["metadata"])["as-of"],
    )
    assert len(risk.get("risk-log", {}).get("entries", [])) == (
        ["open", "planned", "implemented", "verified"].index(status)
    )


def test_overdue_as_of_a_date_after_the_deadline() -> None:
    """
    A verbeterpunt with a deadline and no follow-up is overdue the day
    after its deadline, and stays open.
    """
    late = attrs.evolve(VERBETERPUNT, deadline=D(2026, 12, 31))
    audit = _audit(late)

    assert [("open", "false"), ("open", "true")] == [
        (
            _poam(audit, as_of)["risks"][0]["status"],
            _props(_poam(audit, as_of)["poam-items"][0])["overdue"],
        )
        for as_of in (D(2026, 12, 31), D(2027, 1, 1))
    ]


def test_deterministic_and_kept_when_carried() -> None:
    """
    The same audit gives the same bytes; a finding carried into the next
    audit keeps the UUIDs of its finding, risk and item.
    """
    audit = _audit(AFWIJKING, VERBETERPUNT)
    later = attrs.evolve(
        audit,
        date=D(2027, 10, 1),
        kind="review",
        findings=(attrs.evolve(VERBETERPUNT, raised=D(2026, 10, 1)),),
    )

    def uuids(poam: dict[str, Any], title: str) -> list[str]:
        return [
            node["uuid"]
            for key in ("findings", "risks", "poam-items")
            for node in poam[key]
            if node["title"] == title
        ]

    assert json.dumps(_poam(audit)) == json.dumps(_poam(audit))
    assert uuids(_poam(audit), "Verbeterpunt V-1, eis 1.2") == uuids(
        _poam(later), "Verbeterpunt V-1, eis 1.2"
    )
    assert _poam(audit)["uuid"] != _poam(later)["uuid"]


def test_an_audit_without_follow_up_is_refused() -> None:
    """
    An OSCAL POA&M has at least one item: an audit with only a sterk punt
    is refused, as is a date before the audit.
    """
    with pytest.raises(go.OutputError) as none:
        _poam(_audit(STERK_PUNT))
    with pytest.raises(go.OutputError) as early:
        _poam(_audit(AFWIJKING), D(2026, 9, 30))

    assert (
        "the audit of Woonstichting Lindewaard on 2026-10-01 has no afwijking or "
        "verbeterpunt: an OSCAL plan of action and milestones needs at least one "
        "item"
    ) == str(none.value)
    assert (
        "a plan of action and milestones as of 2026-09-30 is before the audit of "
        "Woonstichting Lindewaard on 2026-10-01: expected a date on or after the "
        "audit's"
    ) == str(early.value)


def test_no_system_security_plan() -> None:
    """
    Without an SSP to import, ``system-id`` names the organisation by a
    UUID; the back matter names the catalogue and the results.
    """
    poam = _poam(_audit(AFWIJKING))

    assert "import-ssp" not in poam
    assert "http://ietf.org/rfc/rfc4122" == poam["system-id"]["identifier-type"]
    assert [
        "Gouden Oor Standaard 2012 (gos-2012)",
        "Audit of Woonstichting Lindewaard (gos-2012, 2026-10-01)",
    ] == [r["title"] for r in poam["back-matter"]["resources"]]
    results = go.to_oscal_results(go.load_audit(EXAMPLE_AUDIT))
    assert (
        results["assessment-results"]["uuid"]
        == (poam["back-matter"]["resources"][1]["document-ids"][0]["identifier"])
    )


def _run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(argv, out=out)
    return code, out.getvalue()


def test_the_command(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """
    ``oscal poam`` reads FILE or ``-``, writes to ``-o``, and ``--as-of``
    leaves out the later history; it writes what ``to_oscal_poam`` gives.
    """
    audit = _audit(AFWIJKING, VERBETERPUNT)
    path = tmp_path / "audit.yaml"
    go.save_assessment(audit, path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    code, _ = _run(
        ["oscal", "poam", "-", "--as-of", "2026-11-01", "-o", str(tmp_path / "p.json")]
    )
    written = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    code_whole = cli.main(["oscal", "poam", str(path)])
    whole = json.loads(capsys.readouterr().out)

    assert (0, 0) == (code, code_whole)
    assert to_oscal_poam(go.load_audit(path), as_of=D(2026, 11, 1)) == written
    assert to_oscal_poam(go.load_audit(path)) == whole
    assert ["planned"] == [
        e["props"][0]["value"]
        for e in written["plan-of-action-and-milestones"]["risks"][0]["risk-log"][
            "entries"
        ]
    ]


def test_the_command_refuses_a_bad_date_and_an_audit_without_follow_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    A date that is not one is a usage error; an audit without an
    afwijking or verbeterpunt is refused with the library's message.
    """
    path = tmp_path / "audit.yaml"
    go.save_assessment(_audit(STERK_PUNT), path)

    with pytest.raises(SystemExit) as usage:
        cli.main(["oscal", "poam", str(path), "--as-of", "2026-13-01"])
    usage_err = capsys.readouterr().err
    code = cli.main(["oscal", "poam", str(path)])
    err = capsys.readouterr().err

    assert (2, 2) == (usage.value.code, code)
    assert (
        "goudenoor: error: argument --as-of: expected a date YYYY-MM-DD, got "
        "'2026-13-01' (see 'goudenoor oscal poam --help')\n"
    ) == usage_err.splitlines(keepends=True)[-1]
    assert (
        "goudenoor: error: the audit of Woonstichting Lindewaard on 2026-10-01 has "
        "no afwijking or verbeterpunt: an OSCAL plan of action and milestones needs "
        "at least one item\n"
    ) == err.splitlines(keepends=True)[-1]
