"""
Migrating an assessment to another edition through a crosswalk (pure).
"""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import assume, given, strategies as st

import goudenoor as go
from goudenoor.audit._assessment import MigrationOrigin
from goudenoor.audit._migration import (
    Migration,
    corresponding_checkpoints,
    migrate_assessment,
)
from goudenoor.exceptions import ValidationError
from goudenoor.standard._crosswalk import (
    RELATIONSHIPS,
    Crosswalk,
    CrosswalkMapping,
    NewRequirement,
    Relationship,
    RemovedRequirement,
)
from goudenoor.standard._extensions import Additions, Extension
from goudenoor.standard._model import Source
from strategies import DATE, NOT_APPLICABLE, assessments


STD2012 = go.load_standard("gos-2012")
STD2016 = go.load_standard("gos-2016")
EVIDENCE = go.Evidence(kind="document", reference="Escalatieprocedure 2026")


def row(
    source: str, target: str, relationship: Relationship = "equal"
) -> CrosswalkMapping:
    return CrosswalkMapping(
        source=source, target=target, relationship=relationship, rationale="r"
    )


def crosswalk(*rows: CrosswalkMapping, **fields: object) -> Crosswalk:
    given: dict[str, object] = {
        "source": "gos-2012",
        "target": "gos-2016",
        "notes": "The tests' reading.",
        "mappings": rows,
    }
    return Crosswalk(**(given | fields))  # type: ignore[arg-type]


def assessment(ratings: dict[str, go.Rating], **fields: object) -> go.Assessment:
    return go.Assessment(
        edition="gos-2012",
        organisation="Gemeente Voorbeeld",
        date=DATE,
        ratings=ratings,
        **fields,  # type: ignore[arg-type]
    )


def migrate(a: go.Assessment, cw: Crosswalk | None, **options: object) -> Migration:
    return migrate_assessment(
        a,
        source=STD2012,
        target=STD2016,
        crosswalk=cw,
        **options,  # type: ignore[arg-type]
    )


WALK = crosswalk(
    row("5.2", "1.7"),
    row("5.7", "5.4", "superset"),
    row("5.6", "5.6", "subset"),
    row("5.3", "5.1", "intersect"),
    row("5.4", "5.1", "intersect"),
    row("5.5", "5.2", "not_related"),
    new=(NewRequirement(target="1.1", rationale="luistert gestructureerd"),),
    removed=(RemovedRequirement(source="1.4", rationale="no longer asked"),),
    origin="cw.yaml",
)
AUDIT = assessment(
    {
        "5.2": go.Rating(
            value=3,
            evidence=(EVIDENCE,),
            checkpoints_met=("5.2.a", "5.2.b"),
            note="Procedure staat.",
        ),
        "5.7": go.Rating(value=2, checkpoints_met=("5.7.a",)),
        "5.6": go.Rating(value=4),
        "5.3": NOT_APPLICABLE,
        "5.4": go.Rating(value=1, evidence=(EVIDENCE,)),
        "5.5": go.Rating(value=4),
        "1.4": go.Rating(value=3),
    },
    auditors=("A. Jansen",),
)


class TestRules:
    def test_equal_carries_value_evidence_note_and_corresponding_checkpoints(
        self,
    ) -> None:
        m = migrate(AUDIT, WALK)
        outcome = m.outcome("1.7")
        assert (
            "carried",
            ("5.2",),
            "equal",
        ) == (outcome.status, outcome.sources, outcome.relationship)
        assert m.assessment.ratings["1.7"] == go.Rating(
            value=3,
            evidence=(EVIDENCE,),
            checkpoints_met=("1.7.a", "1.7.b"),
            note="Procedure staat.",
        )

    def test_superset_carries_only_checkpoints_with_the_same_letter_and_text(
        self,
    ) -> None:
        # 5.7.a and 5.4.b are both "communicatie-inspanningen", but the
        # letters differ: not the same checkpoint.
        m = migrate(AUDIT, WALK)
        outcome = m.outcome("5.4")
        assert ("carried", "superset") == (outcome.status, outcome.relationship)
        assert ("5.7.a",) == outcome.checkpoints_not_carried
        assert m.assessment.ratings["5.4"] == go.Rating(value=2)

    def test_subset_is_reviewed_without_checkpoints(self) -> None:
        m = migrate(AUDIT, WALK)
        outcome = m.outcome("5.6")
        assert (
            "review",
            "subset to 5.6; the lowest of 5.6",
        ) == (outcome.status, outcome.reason)
        assert m.assessment.ratings["5.6"] == go.Rating(
            value=4,
            note="Uit gos-2012: 5.6: 4",
            review=go.Review(
                reason="5.6 (subset): r. Waarde: de laagste van 5.6.", value=4
            ),
        )

    def test_several_sources_take_the_lowest_leaving_not_applicable_out(
        self,
    ) -> None:
        m = migrate(AUDIT, WALK)
        outcome = m.outcome("5.1")
        assert (
            "review",
            ("5.3", "5.4"),
            "intersect",
        ) == (outcome.status, outcome.sources, outcome.relationship)
        assert "intersect to 5.3, intersect to 5.4; the lowest of 5.3, 5.4" == (
            outcome.reason
        )
        assert m.assessment.ratings["5.1"] == go.Rating(
            value=1,
            evidence=(EVIDENCE,),
            note="Uit gos-2012: 5.3: niet van toepassing (motivering: Niet van "
            "toepassing.); 5.4: 1",
            review=go.Review(
                reason="5.3 (intersect): r; 5.4 (intersect): r. "
                "Waarde: de laagste van 5.3, 5.4.",
                value=1,
            ),
        )

    def test_every_source_not_applicable_makes_the_target_not_applicable(
        self,
    ) -> None:
        cw = crosswalk(row("5.3", "5.1", "intersect"), row("5.4", "5.1", "subset"))
        other = go.Rating(not_applicable=True, justification="Geen klachten.")
        m = migrate(assessment({"5.3": NOT_APPLICABLE, "5.4": other}), cw)
        assert m.assessment.ratings["5.1"] == go.Rating(
            not_applicable=True,
            justification="5.3: Niet van toepassing.; 5.4: Geen klachten.",
            note="Uit gos-2012: 5.3: niet van toepassing (motivering: Niet van "
            "toepassing.); 5.4: niet van toepassing (motivering: Geen klachten.)",
            review=go.Review(
                reason="5.3 (intersect): r; 5.4 (subset): r. Waarde: niet van "
                "toepassing, want 5.3, 5.4 zijn niet van toepassing.",
                not_applicable=True,
            ),
        )
        assert m.outcome("5.1").relationship is None
        assert "intersect to 5.3, subset to 5.4; not applicable, as 5.3, 5.4 is" == (
            m.outcome("5.1").reason
        )

    def test_an_unrated_source_leaves_the_target_unrated_but_keeps_the_rest(
        self,
    ) -> None:
        cw = crosswalk(row("5.3", "5.1", "intersect"), row("5.4", "5.1", "intersect"))
        m = migrate(assessment({"5.3": go.Rating(value=4), "5.4": go.Rating()}), cw)
        assert m.assessment.ratings["5.1"] == go.Rating(
            note="Uit gos-2012: 5.3: 4; 5.4: niet beoordeeld",
            review=go.Review(
                reason="5.3 (intersect): r; 5.4 (intersect): r. "
                "Waarde: geen, want 5.4 is niet beoordeeld."
            ),
        )
        assert ("5.4",) == m.outcome("5.1").unrated
        assert "intersect to 5.3, intersect to 5.4; unrated, as 5.4 is unrated" == (
            m.outcome("5.1").reason
        )
        assert () == m.dropped

    def test_sources_with_nothing_but_met_checkpoints_give_no_rating(
        self,
    ) -> None:
        cw = crosswalk(row("5.3", "5.1", "intersect"), row("5.4", "5.1", "intersect"))
        only_met = go.Rating(checkpoints_met=("5.3.a",))
        m = migrate(assessment({"5.3": only_met, "5.4": go.Rating()}), cw)
        assert "5.1" not in m.assessment.ratings
        assert [(d.requirement_id, d.rating, d.cause) for d in m.dropped] == [
            ("5.3", only_met, "checkpoints")
        ]

    def test_the_issue_case_keeps_value_evidence_and_note_of_1_4(self) -> None:
        # Issue 23, item 1: the shipped crosswalk maps gos-2012 1.4 to
        # gos-2016 1.9 together with 5.7; 1.4 rated, 5.7 not: the rating
        # was lost and "dropped 0" reported.
        shipped = go.load_crosswalk("gos-2012", "gos-2016")
        rationale = {r.source: r.rationale for r in shipped.sources_of("1.9")}
        rated = go.Rating(value=3, evidence=(EVIDENCE,), note="Klantpanel.")
        m = migrate(assessment({"1.4": rated}), shipped)
        assert m.assessment.ratings["1.9"] == go.Rating(
            evidence=(EVIDENCE,),
            note="Uit gos-2012: 1.4: 3 (opmerking: Klantpanel.); 5.7: niet beoordeeld",
            review=go.Review(
                reason=f"1.4 (subset): {rationale['1.4']}; "
                f"5.7 (intersect): {rationale['5.7']} "
                "Waarde: geen, want 5.7 is niet beoordeeld."
            ),
        )
        assert () == m.dropped

    def test_no_source_is_new_and_not_related_carries_nothing(self) -> None:
        m = migrate(AUDIT, WALK)
        assert "new" == m.outcome("1.1").status
        assert "new in gos-2016: luistert gestructureerd" == m.outcome("1.1").reason
        assert "new" == m.outcome("5.2").status
        assert "no requirement of gos-2012 maps to it" == m.outcome("5.2").reason
        assert "5.2" not in m.assessment.ratings

    def test_ratings_mapped_nowhere_are_dropped_with_the_reason(self) -> None:
        m = migrate(AUDIT, WALK)
        assert (
            [
                (
                    "5.7",
                    None,
                    (
                        "met checkpoints 5.7.a are carried to none of 5.4 (no "
                        "corresponding checkpoint, or under review)"
                    ),
                ),
                ("5.5", 4.0, "the crosswalk maps it to no requirement of gos-2016"),
                ("1.4", 3.0, "removed in gos-2016: no longer asked"),
            ]
        ) == [(d.requirement_id, d.rating.value, d.reason) for d in m.dropped]
        assert m.dropped[0].rating == go.Rating(checkpoints_met=("5.7.a",))
        assert ["checkpoints", "unmapped", "removed"] == [d.cause for d in m.dropped]

    def test_header_date_and_origin(self) -> None:
        m = migrate(AUDIT, WALK)
        assert "gos-2016" == m.assessment.edition
        assert m.assessment.date == AUDIT.date
        assert ("A. Jansen",) == m.assessment.auditors
        assert m.assessment.migrated_from == MigrationOrigin(
            edition="gos-2012", crosswalk="cw.yaml"
        )
        assert m.assessment != attrs.evolve(m.assessment, migrated_from=None)
        go.check_assessment(m.assessment, STD2016)
        assert ["1.7", "5.1", "5.4", "5.6"] == list(m.assessment.ratings)


class TestCheckpoints:
    def requirement(self, rid: str, *texts: str, **fields: str) -> go.Requirement:
        return go.Requirement(
            id=rid,
            text="t",
            source="s",
            checkpoints=tuple(
                go.Checkpoint(id=f"{rid}.{letter}", text=text)
                for letter, text in zip("abc", texts, strict=False)
            ),
            **fields,  # type: ignore[arg-type]
        )

    def test_same_letter_and_text_whitespace_aside(self) -> None:
        old = self.requirement("5.2", "met  succes toepassen", "x", "y")
        new = self.requirement("1.7", "met succes\ntoepassen", "y")
        assert ({"5.2.a": "1.7.a"}) == corresponding_checkpoints(
            old, new, same_item=False
        )

    def test_the_same_item_matches_equal_ids_whatever_the_text(self) -> None:
        old = self.requirement("2.1", "oude woorden", "b")
        new = self.requirement("2.1", "nieuwe woorden", inherited_from="gos-2012")
        assert {} == corresponding_checkpoints(old, new, same_item=False)
        assert {"2.1.a": "2.1.a"} == corresponding_checkpoints(old, new, same_item=True)

    def test_inherited_requirements_under_equal_keep_their_checkpoints(
        self,
    ) -> None:
        def with_checkpoint(std: go.Standard, text: str) -> go.Standard:
            areas = list(std.areas)
            area = areas[1]
            first = attrs.evolve(
                area.requirements[0],
                checkpoints=(go.Checkpoint(id="2.1.a", text=text),),
            )
            areas[1] = attrs.evolve(area, requirements=(first, *area.requirements[1:]))
            return attrs.evolve(std, areas=tuple(areas))

        old = with_checkpoint(STD2012, "een visie")
        new = with_checkpoint(STD2016, "een visiedocument")
        a = assessment({"2.1": go.Rating(value=3, checkpoints_met=("2.1.a",))})
        cases: tuple[tuple[Relationship, tuple[str, ...]], ...] = (
            ("equal", ("2.1.a",)),
            ("superset", ()),
        )
        for relationship, met in cases:
            m = migrate_assessment(
                a,
                source=old,
                target=new,
                crosswalk=crosswalk(row("2.1", "2.1", relationship)),
            )
            assert m.assessment.ratings["2.1"].checkpoints_met == met


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


class TestExtensions:
    def standards(self) -> tuple[go.Standard, go.Standard]:
        source = attrs.evolve(STD2012, sources=(*STD2012.sources,))
        return go.apply_extension(source, ZORG), go.apply_extension(STD2016, ZORG)

    def test_an_extension_that_targets_both_editions_carries_over(self) -> None:
        source, target = self.standards()
        rating = go.Rating(value=2, checkpoints_met=("zorg:5.8.a",))
        a = assessment(
            {"zorg:5.8": rating, "5.2": go.Rating(value=1)}, extensions=("zorg",)
        )
        m = migrate_assessment(a, source=source, target=target, crosswalk=WALK)
        assert "carried" == m.outcome("zorg:5.8").status
        assert "extension 'zorg' also targets gos-2016" == m.outcome("zorg:5.8").reason
        assert m.assessment.ratings["zorg:5.8"] == rating
        assert ("zorg",) == m.assessment.extensions
        assert () == m.dropped
        go.check_assessment(m.assessment, target)

    def test_an_extension_not_carried_is_dropped(self) -> None:
        source, target = self.standards()
        a = assessment({"zorg:5.8": go.Rating(value=2)}, extensions=("zorg",))
        m = migrate_assessment(a, source=source, target=STD2016, crosswalk=WALK)
        assert () == m.assessment.extensions
        assert ([("zorg:5.8", "extension 'zorg' is not carried to gos-2016")]) == [
            (d.requirement_id, d.reason) for d in m.dropped
        ]
        m = migrate_assessment(
            a, source=source, target=target, crosswalk=WALK, extensions_for_target=()
        )
        assert ["zorg:5.8"] == [d.requirement_id for d in m.dropped]

    def test_the_caller_may_carry_an_extension_to_a_plain_target(self) -> None:
        source, _ = self.standards()
        a = assessment({"zorg:5.8": go.Rating(value=2)}, extensions=("zorg",))
        m = migrate_assessment(
            a,
            source=source,
            target=STD2016,
            crosswalk=WALK,
            extensions_for_target=("zorg",),
        )
        assert "zorg:5.8" == m.outcomes[-1].target_id
        assert m.assessment.ratings["zorg:5.8"] == go.Rating(value=2)


class TestErrors:
    def test_the_assessment_must_fit_the_source(self) -> None:
        a = attrs.evolve(AUDIT, edition="gos-2016")
        with pytest.raises(ValidationError) as caught:
            migrate(a, WALK)
        assert (
            "edition: assessment is for edition 'gos-2016', the standard is 'gos-2012'"
            == (str(caught.value))
        )

    def test_two_editions_need_a_crosswalk(self) -> None:
        with pytest.raises(ValidationError) as caught:
            migrate(AUDIT, None)
        assert "migrating from gos-2012 to gos-2016 needs a crosswalk" == str(
            caught.value
        )

    def test_the_crosswalk_must_fit_the_editions(self) -> None:
        cw = crosswalk(row("5.2", "1.7"), origin="cw.yaml", target="gos-2012")
        with pytest.raises(ValidationError) as caught:
            migrate(AUDIT, cw)
        assert (
            "cw.yaml target: crosswalk maps to edition 'gos-2012', "
            "the target standard is 'gos-2016'"
        ) == (str(caught.value))


class TestReport:
    def test_text_lists_carried_review_new_and_dropped(self) -> None:
        cw = crosswalk(
            row("5.2", "1.7"),
            row("5.6", "5.6", "subset"),
            removed=(RemovedRequirement(source="1.4", rationale="gone"),),
        )
        m = migrate_assessment(
            assessment(
                {
                    "5.2": go.Rating(value=3),
                    "5.6": NOT_APPLICABLE,
                    "1.4": go.Rating(value=1),
                }
            ),
            source=STD2012,
            target=STD2016,
            crosswalk=cw,
        )
        text = m.text()
        assert text.startswith(
            "Gemeente Voorbeeld: gos-2012 -> gos-2016\n"
            "carried (1):\n"
            "  1.7 <- 5.2 (equal): 3\n"
            "to review (1):\n"
            "  5.6 <- 5.6 (subset): n/a\n"
            "new (unrated) (37):\n"
            "  1.1: no requirement of gos-2012 maps to it\n"
        )
        assert text.endswith("dropped (1):\n  1.4 1: removed in gos-2016: gone\n")

    def test_as_dict_is_json_ready_and_marked(self) -> None:
        data = migrate(AUDIT, WALK).as_dict()
        assert json.loads(json.dumps(data)) == data
        assert "migration/1" == data["goudenoor"]
        assert {"carried": 2, "review": 2, "new": 35, "dropped": 3} == data["counts"]
        assert (
            {
                "target_id": "1.7",
                "status": "carried",
                "sources": ["5.2"],
                "relationships": ["equal"],
                "relationship": "equal",
                "value": 3.0,
                "not_applicable": False,
                "reason": "equal to 5.2",
                "checkpoints_not_carried": [],
            }
        ) == data["outcomes"][6]
        assert (
            {
                "requirement_id": "1.4",
                "value": 3.0,
                "not_applicable": False,
                "checkpoints_met": [],
                "reason": "removed in gos-2016: no longer asked",
                "cause": "removed",
            }
        ) == data["dropped"][2]


# Properties --------------------------------------------------------------

IDS_2012 = [r.id for r in STD2012.requirements]
IDS_2016 = [r.id for r in STD2016.requirements]


@st.composite
def crosswalks(draw: st.DrawFn) -> Crosswalk:
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(IDS_2012), st.sampled_from(IDS_2016)),
            unique=True,
            max_size=40,
        )
    )
    rows = tuple(row(s, t, draw(st.sampled_from(RELATIONSHIPS))) for s, t in pairs)
    mapped = {r.source for r in rows if r.related}
    removed = draw(st.lists(st.sampled_from(IDS_2012), unique=True))
    return crosswalk(
        *rows,
        removed=tuple(
            RemovedRequirement(source=s, rationale="r")
            for s in removed
            if s not in mapped
        ),
    )


@given(a=assessments(STD2012), cw=crosswalks())
def test_a_value_rises_above_its_lowest_source_only_through_equal_or_superset(
    a: go.Assessment, cw: Crosswalk
) -> None:
    m = migrate(a, cw)
    rated = [
        (o, o.rating.value)
        for o in m.outcomes
        if o.rating is not None and o.rating.value is not None
    ]
    assume(rated)
    for outcome, value in rated:
        values = [
            found
            for s in outcome.sources
            if s in a.ratings and (found := a.ratings[s].value) is not None
        ]
        if value > min(values):
            assert "carried" == outcome.status
            assert 1 == len(outcome.sources)
            assert outcome.relationship in ("equal", "superset")


PIECES_OF_EVIDENCE = (
    EVIDENCE,
    go.Evidence(kind="interview", reference="Gesprek klantenservice"),
    go.Evidence(kind="observation", reference="Meekijken aan de balie"),
)


@st.composite
def assessments_in_full(draw: st.DrawFn) -> go.Assessment:
    """
    A valid assessment of gos-2012 whose ratings also have notes, pieces
    of evidence and justifications of their own.
    """
    drawn = draw(assessments(STD2012))
    ratings = {}
    for rid, rating in drawn.ratings.items():
        evidence = draw(st.lists(st.sampled_from(PIECES_OF_EVIDENCE), unique=True))
        note = draw(st.none() | st.sampled_from([f"Opmerking bij {rid}.", "Zelfde."]))
        justification = (
            draw(st.sampled_from([f"Geen {rid}.", "Niet van toepassing."]))
            if rating.not_applicable
            else None
        )
        ratings[rid] = attrs.evolve(
            rating,
            evidence=tuple(evidence),
            note=note,
            justification=justification,
        )
    return attrs.evolve(drawn, ratings=ratings)


def _holders(m: Migration, rid: str) -> list[tuple[str, str, go.Rating]]:
    return [
        (o.target_id, o.status, o.rating)
        for o in m.outcomes
        if rid in o.sources and o.rating is not None
    ]


def _value_kept(m: Migration, rid: str, value: float) -> bool:
    return any(
        (status == "carried" and rating.value == value)
        or (status == "review" and f"{rid}: {value:g}" in (rating.note or ""))
        for _, status, rating in _holders(m, rid)
    )


def _not_applicable_kept(m: Migration, rid: str, justification: str) -> bool:
    shown = f"{rid}: niet van toepassing (motivering: {justification})"
    return any(
        (
            status == "carried"
            and rating.not_applicable
            and rating.justification == justification
        )
        or (status == "review" and shown in (rating.note or ""))
        for _, status, rating in _holders(m, rid)
    )


def _note_kept(m: Migration, rid: str, note: str) -> bool:
    return any(
        (status == "carried" and rating.note == note)
        or (status == "review" and f"(opmerking: {note})" in (rating.note or ""))
        for _, status, rating in _holders(m, rid)
    )


def _checkpoint_kept(m: Migration, rid: str, checkpoint: str) -> bool:
    letter = checkpoint.rpartition(".")[2]
    return any(
        status == "carried" and f"{target}.{letter}" in rating.checkpoints_met
        for target, status, rating in _holders(m, rid)
    )


@given(a=assessments_in_full(), cw=crosswalks())
def test_every_part_of_every_source_rating_is_kept_or_dropped(
    a: go.Assessment, cw: Crosswalk
) -> None:
    """
    Conservation (issue 23, item 1): the value, not applicable with its
    justification, each piece of evidence, each met checkpoint and the
    note of every source rating are in the migrated assessment or in
    dropped; dropped holds nothing else.
    """
    assume(a.ratings)
    m = migrate(a, cw)
    dropped = {d.requirement_id: d for d in m.dropped}
    assert len(m.dropped) == len(dropped)
    assert len(m.dropped) == m.as_dict()["counts"]["dropped"]
    for rid, rating in a.ratings.items():
        lost = dropped[rid].rating if rid in dropped else go.Rating()
        if lost.checkpoints_met and rid in dropped:
            assert set(lost.checkpoints_met) <= set(rating.checkpoints_met)
        if rid in dropped and dropped[rid].cause != "checkpoints":
            assert rating == lost
            assert [] == _holders(m, rid)
            continue
        held = [r for _, _, r in _holders(m, rid)]
        if rating.value is not None:
            assert _value_kept(m, rid, rating.value)
        if rating.not_applicable:
            assert rating.justification is not None
            assert _not_applicable_kept(m, rid, rating.justification)
        for item in rating.evidence:
            assert any(item in r.evidence for r in held)
        if rating.note is not None:
            assert _note_kept(m, rid, rating.note)
        for checkpoint in rating.checkpoints_met:
            assert _checkpoint_kept(m, rid, checkpoint) != (
                checkpoint in lost.checkpoints_met
            )


@given(a=assessments_in_full(), cw=crosswalks())
def test_a_target_holds_nothing_its_sources_did_not_have(
    a: go.Assessment, cw: Crosswalk
) -> None:
    """
    The other half of conservation: a target's value, evidence and
    justification come from its sources; only a target under review is
    marked, and its mark holds for its rating.
    """
    m = migrate(a, cw)
    rated = [o for o in m.outcomes if o.rating is not None]
    assume(rated)
    for outcome in rated:
        assert outcome.rating is not None
        sources = [a.ratings[s] for s in outcome.sources if s in a.ratings]
        if outcome.rating.value is not None:
            assert outcome.rating.value in [s.value for s in sources]
        for item in outcome.rating.evidence:
            assert any(item in s.evidence for s in sources)
        assert outcome.rating.needs_review == (outcome.status == "review")
        assert m.assessment.ratings[outcome.target_id] == outcome.rating


@given(a=assessments(STD2012))
def test_migrating_to_the_same_edition_is_the_identity(a: go.Assessment) -> None:
    m = migrate_assessment(a, source=STD2012, target=STD2012, crosswalk=None)
    assert m.assessment == a
    assert () == m.dropped
    assert all(o.status == "carried" for o in m.outcomes)
    same = Crosswalk(
        source="gos-2012",
        target="gos-2012",
        notes="identity",
        mappings=tuple(row(rid, rid) for rid in IDS_2012),
    )
    through = migrate_assessment(a, source=STD2012, target=STD2012, crosswalk=same)
    assert through.assessment == attrs.evolve(
        a,
        ratings=dict(a.ratings),
        migrated_from=MigrationOrigin(edition="gos-2012"),
    )
