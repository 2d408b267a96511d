"""
Findings carried to another edition (issue 25): each follows its
requirement through the shipped crosswalk gos-2012 -> gos-2016; several
targets mean review; what maps nowhere is kept in the migration's records.
The requirement ids are the shipped crosswalk's, read from the package's
data (SHIPPED).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import attrs
import pytest
import yaml
from hypothesis import assume, given, settings, strategies as st

import goudenoor as go
from conftest import SHIPPED
from goudenoor.audit import FindingOutcome, carry_findings, migrate_assessment
from goudenoor.standard import Additions, Extension, Source
from helpers import run
from strategies import assessments_with_findings


STD2012 = go.load_standard("gos-2012")
STD2016 = go.load_standard("gos-2016")
CROSSWALK = go.load_crosswalk_file(SHIPPED / "crosswalks" / "gos-2012--gos-2016.yaml")
DATE = datetime.date(2026, 10, 1)
PROOF = go.Evidence(kind="document", reference="Procedure escalatie, versie 2")
HISTORY = (
    go.FindingUpdate(status="planned", date=DATE, by="J. Jansen", note="Plan"),
    go.FindingUpdate(
        status="verified", date=datetime.date(2026, 12, 1), evidence=(PROOF,)
    ),
)
# 5.2 -> 1.7 (subset), whose checkpoints have the same letters and texts.
ONE_TO_ONE = go.Finding(
    id="A-1",
    requirement="5.2",
    checkpoint="5.2.b",
    kind="afwijking",
    severity="major",
    text="Escalaties worden niet vastgelegd.",
    owner="Teamleider klantcontact",
    deadline=datetime.date(2027, 1, 1),
    raised=datetime.date(2026, 6, 1),
    evidence=(PROOF,),
    history=HISTORY,
)
# 5.3 -> 5.1 (subset): no checkpoint of 5.1 corresponds to 5.3.a.
CHECKPOINT_LOST = go.Finding(
    id="V-1",
    requirement="5.3",
    checkpoint="5.3.a",
    kind="verbeterpunt",
    text="Analyse van feedback is niet periodiek.",
)
# 5.7 -> 5.4 (subset) and 1.9 (intersect).
SEVERAL = go.Finding(
    id="V-2",
    requirement="5.7",
    kind="verbeterpunt",
    text="Terugkoppeling aan klanten ontbreekt.",
    deadline=datetime.date(2027, 3, 1),
)
# 5.1 is removed in gos-2016.
NOWHERE = go.Finding(
    id="O-1",
    requirement="5.1",
    checkpoint="5.1.a",
    kind="observatie",
    text="Coulance verschilt per team.",
)
# 2.1 -> 2.1 (equal).
EQUAL = go.Finding(id="S-1", requirement="2.1", kind="sterk-punt", text="Visie.")
AUDIT = go.Assessment(
    edition="gos-2012",
    organisation="Gemeente Voorbeeld",
    date=DATE,
    findings=(ONE_TO_ONE, CHECKPOINT_LOST, SEVERAL, NOWHERE, EQUAL),
)
MARK = (
    "Eis 5.7 van gos-2012 komt terug in meerdere eisen van gos-2016: 5.4 "
    "(subset), 1.9 (intersect). De bevinding staat bij 5.4; kies de eis waar "
    "ze bij hoort en verwijder deze markering."
)


ZORG = Extension(
    id="zorg",
    title="Zorg",
    version="1",
    targets=("gos-2012", "gos-2016"),
    sources=(Source(id="zorg-doc", title="Zorgstandaard"),),
    add=Additions(
        requirements=(
            go.Requirement(
                id="zorg:5.8",
                text="De organisatie betrekt cliëntenraden.",
                source="zorg-doc",
                checkpoints=(go.Checkpoint(id="zorg:5.8.a", text="verslagen"),),
            ),
        )
    ),
)


def migrate(assessment: go.Assessment) -> go.Migration:
    return migrate_assessment(
        assessment, source=STD2012, target=STD2016, crosswalk=CROSSWALK
    )


class TestRecords:
    def test_one_several_and_no_target(self) -> None:
        """
        One target: the finding moves (with its corresponding checkpoint,
        or without one, recorded); several: to the first, marked for
        review naming all; none: dropped, kept whole with the cause.
        """
        removal = CROSSWALK.removal("5.1")
        assert removal is not None

        migration = migrate(AUDIT)

        assert (
            FindingOutcome(
                finding=ONE_TO_ONE,
                status="carried",
                migrated=attrs.evolve(
                    ONE_TO_ONE, requirement="1.7", checkpoint="1.7.b"
                ),
                targets=("1.7",),
                relationships=("subset",),
                reason="subset to 1.7",
            ),
            FindingOutcome(
                finding=CHECKPOINT_LOST,
                status="carried",
                migrated=attrs.evolve(
                    CHECKPOINT_LOST, requirement="5.1", checkpoint=None
                ),
                targets=("5.1",),
                relationships=("subset",),
                checkpoint_dropped="5.3.a",
                reason="subset to 5.1",
            ),
            FindingOutcome(
                finding=SEVERAL,
                status="review",
                migrated=attrs.evolve(SEVERAL, requirement="5.4", review=MARK),
                targets=("5.4", "1.9"),
                relationships=("subset", "intersect"),
                reason="subset to 5.4, intersect to 1.9; placed under the first, 5.4",
            ),
            FindingOutcome(
                finding=NOWHERE,
                status="dropped",
                reason=f"removed in gos-2016: {removal.rationale}",
                cause="removed",
                detail=removal.rationale,
            ),
            FindingOutcome(
                finding=EQUAL,
                status="carried",
                migrated=attrs.evolve(EQUAL, requirement="2.1"),
                targets=("2.1",),
                relationships=("equal",),
                reason="equal to 2.1",
            ),
        ) == migration.findings

    def test_the_migrated_findings_fit_the_target(self) -> None:
        """
        The migrated assessment holds the carried findings, in order, with
        their ids, history, deadlines, evidence and raised dates, and
        passes the checks against gos-2016.
        """
        migration = migrate(AUDIT)
        kept = migration.assessment.findings

        assert ["A-1", "V-1", "V-2", "S-1"] == [f.id for f in kept]
        assert (HISTORY, datetime.date(2026, 6, 1), (PROOF,)) == (
            kept[0].history,
            kept[0].raised,
            kept[0].evidence,
        )
        assert [] == go.assessment_problems(migration.assessment, STD2016)
        assert [True] == [f.needs_review for f in kept if f.id == "V-2"]

    def test_an_empty_review_mark_is_refused(self) -> None:
        """
        A review mark says why: a blank one is refused at its key.
        """
        with pytest.raises(go.ModelError) as info:
            attrs.evolve(EQUAL, review=" ")

        assert "review: must not be empty" == str(info.value)

    def test_the_same_edition_keeps_every_finding(self) -> None:
        """
        Migrating to the assessment's own edition carries each finding as
        it is.
        """
        migration = migrate_assessment(
            AUDIT, source=STD2012, target=STD2012, crosswalk=None
        )

        assert AUDIT.findings == migration.assessment.findings
        assert ["carried"] * 5 == [f.status for f in migration.findings]


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_nothing_is_lost(data: st.DataObject) -> None:
    """
    Every finding is in the migrated assessment or in the dropped
    records, once; what it carries is kept; the migrated assessment fits
    the target.
    """
    assessment = data.draw(assessments_with_findings(STD2012))
    assume(assessment.findings)

    migration = migrate(assessment)
    migrated = {f.id: f for f in migration.assessment.findings}
    dropped = [o.finding for o in migration.findings_with("dropped")]

    assert len(assessment.findings) == len(migrated) + len(dropped)
    assert [f.id for f in assessment.findings] == [
        o.finding.id for o in migration.findings
    ]
    for outcome in migration.findings:
        source = outcome.finding
        if outcome.migrated is None:
            assert source in dropped
            continue
        moved = migrated[source.id]
        assert (
            attrs.evolve(
                moved,
                requirement=source.requirement,
                checkpoint=source.checkpoint,
                review=source.review,
            )
            == source
        )
        assert (source.checkpoint is None) == (
            moved.checkpoint is None and outcome.checkpoint_dropped is None
        )
    assert [] == go.assessment_problems(migration.assessment, STD2016)


class TestReport:
    def test_text(self) -> None:
        """
        The migration's text lists the findings carried, to review and
        dropped, after the ratings.
        """
        removal = CROSSWALK.removal("5.1")
        assert removal is not None

        text = migrate(AUDIT).text()

        assert (
            "findings carried (3):\n"
            "  A-1 (5.2) -> 1.7\n"
            "  V-1 (5.3) -> 5.1; checkpoint 5.3.a dropped (no corresponding "
            "checkpoint in 5.1)\n"
            "  S-1 (2.1) -> 2.1\n"
            "findings to review (1):\n"
            "  V-2 (5.7) -> 5.4, of 5.4, 1.9\n"
            "findings dropped (1):\n"
            f"  O-1 (5.1): removed in gos-2016: {removal.rationale}\n"
        ) == text[text.index("findings carried") :]

    def test_json(self) -> None:
        """
        The migration/1 data has one entry per finding.
        """
        data = json.loads(json.dumps(migrate(AUDIT).as_dict()))

        assert {
            "id": "V-2",
            "requirement": "5.7",
            "kind": "verbeterpunt",
            "text": "Terugkoppeling aan klanten ontbreekt.",
            "status": "review",
            "target_id": "5.4",
            "targets": ["5.4", "1.9"],
            "relationships": ["subset", "intersect"],
            "checkpoint": None,
            "target_checkpoint": None,
            "checkpoint_dropped": None,
            "reason": "subset to 5.4, intersect to 1.9; placed under the first, 5.4",
            "cause": None,
        } == data["findings"][2]
        assert ["carried", "carried", "review", "dropped", "carried"] == [
            f["status"] for f in data["findings"]
        ]

    def test_no_findings_no_sections(self) -> None:
        """
        An assessment without findings has no findings in its report.
        """
        migration = migrate(attrs.evolve(AUDIT, findings=()))

        assert "findings" not in migration.as_dict()
        assert "findings" not in migration.text()

    def test_cli(self, tmp_path: Path) -> None:
        """
        ``goudenoor migrate`` shows the findings in Dutch and writes the
        review mark into the migrated file.
        """
        source, out = tmp_path / "audit-2012.yaml", tmp_path / "audit-2016.yaml"
        go.save_assessment(AUDIT, source)

        removal = CROSSWALK.removal("5.1")
        assert removal is not None

        code, text = run("migrate", str(source), "--to", "gos-2016", "-o", str(out))
        lines = text.splitlines()
        start = lines.index("bevindingen overgenomen (3):")

        assert 0 == code
        assert [
            "bevindingen overgenomen (3):",
            "  A-1 (5.2) -> 1.7",
            (
                "  V-1 (5.3) -> 5.1; controlepunt 5.3.a vervalt (geen overeenkomend "
                "controlepunt in 5.1)"
            ),
            "  S-1 (2.1) -> 2.1",
            "bevindingen te herbeoordelen (1):",
            "  V-2 (5.7) -> 5.4, een van 5.4, 1.9",
            "bevindingen vervallen (1):",
            f"  O-1 (5.1): vervalt in gos-2016: {removal.rationale}",
        ] == lines[start:]
        assert migrate(AUDIT).assessment.findings == go.load_assessment(out).findings
        data = yaml.safe_load(out.read_text(encoding="utf-8"))
        assert [None, None, MARK, None] == [f.get("review") for f in data["findings"]]


def test_migrated_then_carried_keeps_ids_and_history() -> None:
    """
    A previous audit on gos-2012, migrated to gos-2016 and carried into
    a new gos-2016 audit, gives its open findings with their ids, history
    and deadlines, raised on the previous audit's date.
    """
    previous = migrate(AUDIT).assessment
    new = go.Assessment(
        edition="gos-2016",
        organisation="Gemeente Voorbeeld",
        date=datetime.date(2027, 10, 1),
    )

    carried = carry_findings(previous, new).findings

    assert [
        ("V-1", "5.1", (), None, DATE),
        ("V-2", "5.4", (), datetime.date(2027, 3, 1), DATE),
    ] == [(f.id, f.requirement, f.history, f.deadline, f.raised) for f in carried]
    assert [] == go.assessment_problems(attrs.evolve(new, findings=carried), STD2016)


class TestExtensions:
    def test_a_finding_on_an_extension_requirement(self) -> None:
        """
        A finding on an extension's requirement moves under its own id,
        checkpoint included, where the extension also targets the new
        edition; otherwise it is dropped with that cause.
        """
        source = go.apply_extension(STD2012, ZORG)
        target = go.apply_extension(STD2016, ZORG)
        finding = go.Finding(
            id="Z-1",
            requirement="zorg:5.8",
            checkpoint="zorg:5.8.a",
            kind="observatie",
            text="De raad krijgt geen verslagen.",
        )
        audit = attrs.evolve(AUDIT, extensions=("zorg",), findings=(finding,))

        kept = migrate_assessment(
            audit, source=source, target=target, crosswalk=CROSSWALK
        )
        dropped = migrate_assessment(
            audit, source=source, target=STD2016, crosswalk=CROSSWALK
        )

        assert (finding,) == kept.assessment.findings
        assert ("carried", ("zorg:5.8",), ("equal",)) == (
            kept.findings[0].status,
            kept.findings[0].targets,
            kept.findings[0].relationships,
        )
        assert (
            FindingOutcome(
                finding=finding,
                status="dropped",
                reason="extension 'zorg' is not carried to gos-2016",
                cause="extension_not_carried",
            ),
        ) == dropped.findings
        assert () == dropped.assessment.findings
