"""
Calibration: how far a self-assessment sits from the audit (issue 28,
item 3), and the same over a portfolio.
"""

from __future__ import annotations

import datetime
import json
from typing import ClassVar

import attrs
import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

import goudenoor as go
from conftest import ROOT
from goudenoor.audit import (
    AreaCalibration,
    Calibration,
    CalibrationError,
    NotApplicableDisagreement,
    OverClaim,
    RequirementDifference,
    calibrate,
)
from goudenoor.files import json_schema
from goudenoor.portfolio import AreaBias, Portfolio, UnpairedUnit
from goudenoor.standard import Scale, ScaleLevel
from strategies import assessments


STD = go.load_standard("gos-2012")
STD2016 = go.load_standard("gos-2016")
SELF_FILE = ROOT / "examples" / "self-2012.yaml"
AUDIT_FILE = ROOT / "examples" / "audit-2012.yaml"
AUDIT_DATE = datetime.date(2026, 10, 1)
SELF_DATE = datetime.date(2026, 8, 15)
NA = go.Rating(not_applicable=True, justification="Geen eigen klantcontact.")

# The auditor's values of gos-2012, every requirement rated; area 2 (four
# requirements) stays below the top so that the self-assessment can be a
# step higher there.
AUDITOR_VALUES = {
    "1.1": 3, "1.2": 2, "1.3": 4, "1.4": 1, "1.5": 0,
    "2.1": 3, "2.2": 0, "2.3": 2, "2.4": 1,
    "3.1": 2, "3.2": 1, "3.3": 3,
    "4.1": 1, "4.2": 4,
    "5.1": 3, "5.2": 4, "5.3": 2, "5.4": 4, "5.5": 0, "5.6": 1, "5.7": 3,
    "6.1": 2, "6.2": 3, "7.1": 1, "7.2": 4, "8.1": 2, "8.2": 0,
    "9.1": 3, "9.2": 1,
}  # fmt: skip


def assessment(
    ratings: dict[str, go.Rating | float],
    *,
    kind: str = "audit",
    date: datetime.date = AUDIT_DATE,
    organisation: str = "Woonstichting Lindewaard",
    unit: str | None = None,
    standard: go.Standard = STD,
    scale: str | None = None,
    extensions: tuple[str, ...] = (),
) -> go.Assessment:
    return go.Assessment(
        edition=standard.id,
        organisation=organisation,
        unit=unit,
        date=date,
        kind=kind,  # type: ignore[arg-type]
        scale=scale,
        extensions=extensions,
        ratings=ratings,
    )


def audit_of(a: go.Assessment, standard: go.Standard = STD) -> go.Audit:
    return go.Audit(assessment=a, standard=standard)


def pair(
    own: dict[str, go.Rating | float], found: dict[str, go.Rating | float]
) -> Calibration:
    return calibrate(
        audit_of(assessment(own, kind="self", date=SELF_DATE)),
        audit_of(assessment(found)),
    )


def reference_alpha(rows: list[list[float | None]], domain: tuple[float, ...]) -> float:
    matrix = np.array(
        [[np.nan if v is None else v for v in row] for row in rows], dtype=float
    )
    return float(
        krippendorff.alpha(
            reliability_data=matrix,
            value_domain=list(domain),
            level_of_measurement="ordinal",
        )
    )


class TestHandComputed:
    """
    The case of issue 28's Done means: the self-ratings are the auditor's
    plus one step on area 2 only.
    """

    SELF_VALUES: ClassVar[dict[str, int]] = {
        rid: value + 1 if rid.startswith("2.") else value
        for rid, value in AUDITOR_VALUES.items()
    }

    def calibration(self) -> Calibration:
        return pair(dict(self.SELF_VALUES), dict(AUDITOR_VALUES))

    def test_the_bias_is_one_step_on_area_2_and_zero_elsewhere(self) -> None:
        """
        +1.0 step on area 2, 0.0 on every other area, each over all its
        requirements.
        """
        result = self.calibration()

        assert {
            "1": 0.0,
            "2": 1.0,
            **dict.fromkeys("3456789", 0.0),
        } == result.bias
        assert [5, 4, 3, 2, 7, 2, 2, 2, 2] == [a.compared for a in result.areas]
        assert 29 == result.compared
        assert 4 / 29 == pytest.approx(result.mean_steps)

    def test_the_points_of_area_2_differ_by_a_quarter_of_its_points(self) -> None:
        """
        One step on gos-0-4 is a quarter of a requirement's fraction: area 2
        (every requirement one step higher) gains a quarter of its points.
        """
        result = self.calibration()

        assert STD.area("2").points / 4 == pytest.approx(result.areas[1].points)
        assert [0.0] * 8 == [a.points for a in result.areas if a.area_id != "2"]

    def test_alpha_equals_the_krippendorff_package(self) -> None:
        """
        Alpha is the krippendorff package's ordinal alpha over the two rows,
        to 1e-9.
        """
        result = self.calibration()
        ids = [r.id for r in STD.requirements]
        rows: list[list[float | None]] = [
            [float(self.SELF_VALUES[rid]) for rid in ids],
            [float(AUDITOR_VALUES[rid]) for rid in ids],
        ]
        expected = reference_alpha(rows, STD.scale().values)

        assert result.alpha is not None
        assert expected == pytest.approx(result.alpha, abs=1e-9)

    def test_the_differences_are_the_four_of_area_2_first(self) -> None:
        """
        Per requirement, the largest absolute difference first, ties in
        the standard's order: the four of area 2, then the rest at 0.
        """
        result = self.calibration()

        assert [
            ("2.1", 4.0, 3.0, 1),
            ("2.2", 1.0, 0.0, 1),
            ("2.3", 3.0, 2.0, 1),
            ("2.4", 2.0, 1.0, 1),
            ("1.1", 3.0, 3.0, 0),
        ] == [
            (r.requirement_id, r.self_value, r.audit_value, r.steps)
            for r in result.requirements[:5]
        ]
        assert () == result.over_claims
        assert () == result.not_applicable


class TestScaleSteps:
    def test_a_scale_with_a_gap_counts_steps_not_points(self) -> None:
        """
        On a scale of 0, 1, 2, 4 the values 4 and 2 are one step apart (two
        points), and 4 and 1 two steps (an over-claim).
        """
        gapped = Scale(
            id="gat",
            name="Met een gat",
            levels=tuple(
                ScaleLevel(value=v, label=str(v)) for v in (0.0, 1.0, 2.0, 4.0)
            ),
        )
        std = attrs.evolve(STD, scales=(*STD.scales, gapped))
        own = assessment({"5.1": 4, "5.2": 4}, kind="self", date=SELF_DATE, scale="gat")
        found = assessment({"5.1": 2, "5.2": 1}, scale="gat")
        result = calibrate(audit_of(own, std), audit_of(found, std))

        assert [("5.2", 2), ("5.1", 1)] == [
            (r.requirement_id, r.steps) for r in result.requirements
        ]
        assert 1.5 == result.bias["5"]
        assert [("5.2", ("steps",), 2)] == [
            (o.requirement_id, o.rules, o.steps) for o in result.over_claims
        ]


class TestOverClaims:
    def test_two_steps_above_the_auditor(self) -> None:
        """
        Two or more steps above the auditor is an over-claim; one step, or
        any number below, is not.
        """
        result = pair(
            {"1.1": 4, "1.2": 3, "1.3": 0, "1.4": 4},
            {"1.1": 2, "1.2": 2, "1.3": 4, "1.4": 1},
        )

        assert (
            OverClaim(requirement_id="1.1", area_id="1", rules=("steps",), steps=2),
            OverClaim(requirement_id="1.4", area_id="1", rules=("steps",), steps=3),
        ) == result.over_claims

    def test_a_checkpoint_claimed_met_that_the_auditor_did_not_find_met(
        self,
    ) -> None:
        """
        A checkpoint the self-assessment lists as met and the auditor (who
        rated the requirement) does not is an over-claim, at any
        difference in value; checkpoints both list are not.
        """
        result = pair(
            {
                "5.1": go.Rating(value=3, checkpoints_met=("5.1.a", "5.1.b")),
                "5.3": go.Rating(value=2, checkpoints_met=("5.3.b", "5.3.a")),
            },
            {
                "5.1": go.Rating(value=3, checkpoints_met=("5.1.a",)),
                "5.3": go.Rating(value=2),
            },
        )

        assert (
            OverClaim(
                requirement_id="5.1",
                area_id="5",
                rules=("checkpoints",),
                steps=0,
                checkpoints=("5.1.b",),
            ),
            OverClaim(
                requirement_id="5.3",
                area_id="5",
                rules=("checkpoints",),
                steps=0,
                checkpoints=("5.3.a", "5.3.b"),
            ),
        ) == result.over_claims

    def test_both_rules_at_once(self) -> None:
        """
        A requirement over-claimed both ways is one over-claim with both
        rules.
        """
        result = pair(
            {"5.2": go.Rating(value=4, checkpoints_met=("5.2.a",))},
            {"5.2": go.Rating(value=1)},
        )

        assert (
            OverClaim(
                requirement_id="5.2",
                area_id="5",
                rules=("steps", "checkpoints"),
                steps=3,
                checkpoints=("5.2.a",),
            ),
        ) == result.over_claims

    def test_no_checkpoint_over_claim_where_the_auditor_did_not_rate(self) -> None:
        """
        An auditor who left the requirement unrated did not look at its
        checkpoints: nothing is over-claimed there.
        """
        result = pair(
            {
                "5.1": go.Rating(value=3, checkpoints_met=("5.1.a",)),
                "5.2": 2,
            },
            {"5.2": 2},
        )

        assert () == result.over_claims


class TestNotApplicable:
    def test_one_side_not_applicable_is_listed_not_averaged(self) -> None:
        """
        A requirement N/A on one side and rated on the other is a
        not-applicable disagreement, left out of the means; N/A on both
        sides, or N/A against unrated, is neither compared nor listed.
        """
        result = pair(
            {"7.1": NA, "7.2": 3, "8.1": NA, "6.1": 2},
            {"7.1": 1, "7.2": NA, "8.1": NA, "6.1": 1, "6.2": NA},
        )

        assert (
            NotApplicableDisagreement(
                requirement_id="7.1", area_id="7", not_applicable_in="self", value=1
            ),
            NotApplicableDisagreement(
                requirement_id="7.2", area_id="7", not_applicable_in="audit", value=3
            ),
        ) == result.not_applicable
        assert (
            RequirementDifference(
                requirement_id="6.1",
                area_id="6",
                self_value=2,
                audit_value=1,
                steps=1,
            ),
        ) == result.requirements
        assert (
            AreaCalibration(
                area_id="7",
                name="Retentie & meerwaarde",
                compared=0,
                mean_steps=None,
                self_points=result.self_card.areas["7"].points,
                audit_points=result.audit_card.areas["7"].points,
                points=result.self_card.areas["7"].points
                - result.audit_card.areas["7"].points,
            )
            == result.areas[6]
        )


class TestAlpha:
    def test_undefined_without_a_requirement_both_rated(self) -> None:
        """
        No requirement rated by both: alpha is None.
        """
        assert None is pair({"1.1": 3}, {"1.2": 3}).alpha

    def test_undefined_when_every_value_is_the_same(self) -> None:
        """
        Every value of the requirements both rated the same: nothing to
        agree on, alpha is None.
        """
        assert None is pair({"1.1": 3, "1.2": 3}, {"1.1": 3, "1.2": 3}).alpha


class TestRefused:
    def test_a_first_assessment_that_is_no_self_assessment(self) -> None:
        """
        The first argument must be of kind self.
        """
        with pytest.raises(CalibrationError) as info:
            calibrate(audit_of(assessment({})), audit_of(assessment({})))

        assert (
            "the self-assessment has kind 'audit': expected kind 'self' (the "
            "organisation's own assessment); to set two audits side by side, "
            "compare them"
        ) == str(info.value)

    def test_a_self_assessment_as_the_audit(self) -> None:
        """
        The second argument must be an auditor's.
        """
        own = audit_of(assessment({}, kind="self"))
        with pytest.raises(CalibrationError) as info:
            calibrate(own, own)

        assert (
            "the audit has kind 'self': expected an auditor's assessment (kind "
            "'audit' or 'review') to calibrate the self-assessment against"
        ) == str(info.value)

    def test_a_review_is_an_auditors_assessment(self) -> None:
        """
        A review between audits is an auditor's assessment too.
        """
        result = calibrate(
            audit_of(assessment({"1.1": 3}, kind="self")),
            audit_of(assessment({"1.1": 2}, kind="review")),
        )

        assert 1.0 == result.bias["1"]

    def test_other_editions(self) -> None:
        """
        Both must be of one edition.
        """
        own = audit_of(assessment({}, kind="self", standard=STD2016), STD2016)
        with pytest.raises(CalibrationError) as info:
            calibrate(own, audit_of(assessment({})))

        assert (
            "the self-assessment is of edition gos-2016 and the audit of "
            "gos-2012: a calibration needs both of one edition"
        ) == str(info.value)

    def test_other_extensions(self) -> None:
        """
        Both must be made with the same extensions.
        """
        extended = attrs.evolve(STD, extensions=("zorg",))
        own = audit_of(assessment({}, kind="self", extensions=("zorg",)), extended)
        with pytest.raises(CalibrationError) as info:
            calibrate(own, audit_of(assessment({})))

        assert (
            "the self-assessment was made against gos-2012 + zorg and the audit "
            "against gos-2012: a calibration needs the same extensions, with "
            "the same content, in both"
        ) == str(info.value)

    def test_the_same_extension_ids_with_other_content(self) -> None:
        """
        Extensions of one id with other content are other extensions.
        """
        one = attrs.evolve(STD, extensions=("zorg",))
        other = attrs.evolve(one, notes=("een andere inhoud",))
        with pytest.raises(CalibrationError) as info:
            calibrate(
                audit_of(assessment({}, kind="self", extensions=("zorg",)), one),
                audit_of(assessment({}, extensions=("zorg",)), other),
            )

        assert (
            "the self-assessment was made against gos-2012 + zorg and the audit "
            "against gos-2012 + zorg (the same names with other content: another "
            "extension file with the same id): a calibration needs the same "
            "extensions, with the same content, in both"
        ) == str(info.value)

    def test_other_scales(self) -> None:
        """
        Both must be on one scale.
        """
        with pytest.raises(CalibrationError) as info:
            calibrate(
                audit_of(assessment({}, kind="self", scale="conformiteit")),
                audit_of(assessment({})),
            )

        assert (
            "the self-assessment is on scale conformiteit and the audit on "
            "gos-0-4: a calibration needs both on one scale"
        ) == str(info.value)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(a=assessments(STD))
def test_an_assessment_against_itself_has_no_bias(a: go.Assessment) -> None:
    """
    The same ratings on both sides: zero difference everywhere, no
    over-claim, no not-applicable disagreement, and alpha 1 (or None).
    """
    result = calibrate(
        audit_of(attrs.evolve(a, kind="self")), audit_of(attrs.evolve(a, kind="audit"))
    )

    assert all(r.steps == 0 for r in result.requirements)
    assert all(m in (None, 0.0) for m in result.bias.values())
    assert all(area.points == 0.0 for area in result.areas)
    assert () == result.over_claims
    assert () == result.not_applicable
    assert result.alpha in (None, 1.0)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(a=assessments(STD), b=assessments(STD))
def test_swapping_the_two_negates_the_differences(
    a: go.Assessment, b: go.Assessment
) -> None:
    """
    Swapping self and audit negates every difference, in steps and in
    points, and keeps alpha.
    """
    forward = calibrate(
        audit_of(attrs.evolve(a, kind="self")), audit_of(attrs.evolve(b, kind="audit"))
    )
    backward = calibrate(
        audit_of(attrs.evolve(b, kind="self")), audit_of(attrs.evolve(a, kind="audit"))
    )

    assert {r.requirement_id: -r.steps for r in forward.requirements} == {
        r.requirement_id: r.steps for r in backward.requirements
    }
    for ahead, behind in zip(forward.areas, backward.areas, strict=True):
        assert ahead.mean_steps == (
            None if behind.mean_steps is None else pytest.approx(-behind.mean_steps)
        )
        assert -behind.points == pytest.approx(ahead.points)
    assert forward.alpha == (
        None if backward.alpha is None else pytest.approx(backward.alpha)
    )


class TestTheExample:
    def test_the_shipped_self_assessment_against_the_audit(self) -> None:
        """
        The example self-assessment against the example audit: area 4 one
        and a half steps over, one over-claim by steps and three by
        checkpoints, and two requirements N/A on one side.
        """
        result = calibrate(go.load_audit(SELF_FILE), go.load_audit(AUDIT_FILE))

        assert 1.5 == result.bias["4"]
        assert [
            ("4.1", ("steps",), ()),
            ("5.1", ("checkpoints",), ("5.1.b",)),
            ("5.3", ("checkpoints",), ("5.3.a",)),
            ("5.5", ("checkpoints",), ("5.5.a",)),
        ] == [(o.requirement_id, o.rules, o.checkpoints) for o in result.over_claims]
        assert ["7.1", "7.2"] == [d.requirement_id for d in result.not_applicable]

    def test_the_json_is_marked_and_fits_its_schema(self) -> None:
        """
        as_dict() is marked calibration/1 and valid against the generated
        schema.
        """
        import jsonschema

        data = json.loads(
            json.dumps(
                calibrate(go.load_audit(SELF_FILE), go.load_audit(AUDIT_FILE)).as_dict()
            )
        )

        assert "calibration/1" == data["goudenoor"]
        assert [] == [
            error.message
            for error in jsonschema.Draft202012Validator(
                json_schema("calibration")
            ).iter_errors(data)
        ]

    def test_the_text(self) -> None:
        """
        The plain text starts with the organisation and both dates.
        """
        text = calibrate(go.load_audit(SELF_FILE), go.load_audit(AUDIT_FILE)).text()

        assert (
            "Woonstichting Lindewaard: self-assessment 2026-08-15 against audit "
            "2026-10-01 (gos-2012)"
        ) == text.splitlines()[0]
        assert "  4.1        2 steps above the auditor" in text.splitlines()


class TestPortfolio:
    def portfolio(self, *items: go.Assessment) -> Portfolio:
        return Portfolio(assessments=items, standards=[STD] * len(items), checked=False)

    def test_pairs_the_latest_self_assessment_with_the_audit_after_it(
        self,
    ) -> None:
        """
        Per organisation and unit: the latest self-assessment and the first
        audit on or after it; an older self-assessment, an audit before it,
        a later audit and a review are not used. The bias per area is the
        mean over the pairs, each pair once.
        """
        p = self.portfolio(
            # A: older self (not used), audit before the latest self (not
            # used), the latest self, its audit, a later audit (not used).
            assessment({"1.1": 4}, kind="self", date=datetime.date(2024, 1, 1)),
            assessment({"1.1": 0}, date=datetime.date(2024, 3, 1)),
            assessment({"1.1": 3, "2.1": 2}, kind="self", date=SELF_DATE),
            assessment({"1.1": 2, "2.1": 2}, date=AUDIT_DATE),
            assessment({"1.1": 4, "2.1": 4}, date=datetime.date(2027, 10, 1)),
            # B, unit Noord: one step under the auditor on 1.1; a review
            # between is not paired.
            assessment({"1.1": 1}, kind="self", organisation="B", unit="Noord"),
            assessment(
                {"1.1": 4},
                kind="review",
                organisation="B",
                unit="Noord",
                date=AUDIT_DATE,
            ),
            assessment(
                {"1.1": 2},
                organisation="B",
                unit="Noord",
                date=datetime.date(2026, 12, 1),
            ),
            # C: an audit and no self-assessment; D: a self-assessment and
            # no audit after it.
            assessment({"1.1": 2}, organisation="C"),
            assessment({"1.1": 2}, kind="self", organisation="D"),
            assessment({"1.1": 2}, organisation="D", date=datetime.date(2026, 1, 1)),
        )
        result = p.calibration()

        assert [
            ("B", "Noord", AUDIT_DATE, datetime.date(2026, 12, 1)),
            ("Woonstichting Lindewaard", None, SELF_DATE, AUDIT_DATE),
        ] == [
            (
                c.audit_card.assessment.organisation,
                c.audit_card.assessment.unit,
                c.self_card.assessment.date,
                c.audit_card.assessment.date,
            )
            for c in result.pairs
        ]
        assert AreaBias(
            area_id="1", pairs=2, mean_steps=0.0, mean_points=0.0
        ) == attrs.evolve(result.areas["1"], mean_points=0.0)
        assert 0.0 == result.bias["1"]  # +1 (A) and -1 (B)
        assert 0.0 == result.bias["2"]
        assert 1 == result.areas["2"].pairs
        assert None is result.bias["3"]
        assert (
            UnpairedUnit(organisation="C", unit=None, reason="no-self-assessment"),
            UnpairedUnit(organisation="D", unit=None, reason="no-audit"),
        ) == result.unpaired

    def test_an_audit_against_another_standard_is_no_pair(self) -> None:
        """
        An audit of another edition is not paired with the self-assessment.
        """
        p = Portfolio(
            assessments=[
                assessment({"1.1": 2}, kind="self"),
                assessment({"1.1": 2}, standard=STD2016),
            ],
            standards=[STD, STD2016],
        )

        assert (
            UnpairedUnit(
                organisation="Woonstichting Lindewaard", unit=None, reason="no-audit"
            ),
        ) == p.calibration().unpaired

    def test_a_loaded_portfolio(self) -> None:
        """
        load_portfolio's portfolio (checked) pairs the example files.
        """
        result = go.load_portfolio([SELF_FILE, AUDIT_FILE]).calibration()

        assert 1 == len(result.pairs)
        assert 1.5 == result.bias["4"]
        assert () == result.unpaired
