"""
Audit teams: the agreed assessment, the disagreements and Krippendorff's
alpha (issue 17, the domain part).
"""

from __future__ import annotations

import datetime
import doctest
import json
import math
from collections.abc import Iterator

import attrs
import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

import goudenoor as go
import goudenoor.audit._consensus
from goudenoor.audit._consensus import (
    AuditorValue,
    Consensus,
    ConsensusError,
    Disagreement,
    consensus,
    consensus_rules,
    ordinal_alpha,
    register_rule,
)
from goudenoor.exceptions import UnknownItemError
from goudenoor.standard._model import Scale
from strategies import assessments


STD = go.load_standard("gos-2012")
DOCUMENT = go.Evidence(kind="document", reference="Verbeterplan 2026")
INTERVIEW = go.Evidence(kind="interview", reference="Interview teamleider")
NA = go.Rating(not_applicable=True, justification="Geen eigen verbetercyclus.")


def audit(
    auditor: str, day: int, ratings: dict[str, go.Rating], **fields: object
) -> go.Assessment:
    return go.Assessment(
        edition="gos-2012",
        organisation="Gemeente Voorbeeld",
        date=datetime.date(2026, 10, day),
        auditors=(auditor,),
        ratings=ratings,
        **fields,  # type: ignore[arg-type]
    )


R = go.Rating

# The hand-computed case: three auditors, one column each.
#   req   A    B    C     median  min   disagreement
#   1.1   3    3    3     3       3     -
#   5.1   4    4    4     4       4     -
#   5.2   1    4    2     2       1     spread, 3 steps
#   5.3   3    2    3     3       2     - (1 step)
#   5.4   0    2    1     1       0     spread, 2 steps
#   5.5   n/a  3    3     unrated       not_applicable
#   5.6   2    -    3     2 (lower middle) unrated, 1 step
#   5.7   1    1    3     1       1     spread, 2 steps
A = audit(
    "A. Jansen",
    1,
    {
        "1.1": R(value=3),
        "5.1": R(value=4),
        "5.2": R(
            value=1,
            evidence=(DOCUMENT,),
            checkpoints_met=("5.2.b", "5.2.a"),
            note="Plan ligt er, wordt niet gevolgd.",
        ),
        "5.3": R(value=3),
        "5.4": R(value=0),
        "5.5": NA,
        "5.6": R(value=2, checkpoints_met=("5.6.a",)),
        "5.7": R(value=1),
    },
    source="a.yaml",
)
B = audit(
    "B. de Vries",
    2,
    {
        "1.1": R(value=3),
        "5.1": R(value=4),
        "5.2": R(value=4, evidence=(DOCUMENT, INTERVIEW), checkpoints_met=("5.2.a",)),
        "5.3": R(value=2),
        "5.4": R(value=2),
        "5.5": R(value=3),
        "5.7": R(value=1),
    },
    source="b.yaml",
)
C = audit(
    "C. Bakker",
    3,
    {
        "1.1": R(value=3),
        "5.1": R(value=4),
        "5.2": R(value=2, note="Cyclus loopt sinds dit jaar."),
        "5.3": R(value=3),
        "5.4": R(value=1),
        "5.5": R(value=3),
        "5.6": R(value=3),
        "5.7": R(value=3),
    },
    source="c.yaml",
)
TEAM = (A, B, C)


def values(result: Consensus) -> dict[str, float | str | None]:
    return {
        rid: "n/a" if rating.not_applicable else rating.value
        for rid, rating in result.assessment.ratings.items()
    }


def reference_alpha(data: list[list[float | None]], domain: tuple[float, ...]) -> float:
    """
    The krippendorff package's alpha; nan where it is undefined (the
    package raises for data without a pairable unit).
    """
    matrix = np.array(
        [[np.nan if v is None else v for v in row] for row in data], dtype=float
    )
    try:
        with np.errstate(invalid="ignore", divide="ignore"):
            return float(
                krippendorff.alpha(
                    reliability_data=matrix,
                    value_domain=list(domain),
                    level_of_measurement="ordinal",
                )
            )
    except ValueError:
        return math.nan


def same_alpha(ours: float | None, theirs: float) -> bool:
    if ours is None:
        return math.isnan(theirs)
    return not math.isnan(theirs) and abs(ours - theirs) <= 1e-9


class TestHandComputed:
    def test_median(self) -> None:
        result = consensus(STD, TEAM)

        assert {
            "1.1": 3.0,
            "5.1": 4.0,
            "5.2": 2.0,
            "5.3": 3.0,
            "5.4": 1.0,
            "5.5": None,
            "5.6": 2.0,
            "5.7": 1.0,
        } == values(result)
        agreed = result.assessment
        assert ("A. Jansen", "B. de Vries", "C. Bakker") == agreed.auditors
        assert datetime.date(2026, 10, 3) == agreed.date
        assert agreed.source is None

    def test_min(self) -> None:
        result = consensus(STD, TEAM, rule="min")

        assert {
            "1.1": 3.0,
            "5.1": 4.0,
            "5.2": 1.0,
            "5.3": 2.0,
            "5.4": 0.0,
            "5.5": None,
            "5.6": 2.0,
            "5.7": 1.0,
        } == values(result)

    def test_disagreements_by_spread_then_area(self) -> None:
        result = consensus(STD, TEAM)

        def row(*shown: float | str | None) -> tuple[AuditorValue, ...]:
            names = ("A. Jansen", "B. de Vries", "C. Bakker")
            return tuple(
                AuditorValue(auditor=name, value=None, not_applicable=True)
                if value == "n/a"
                else AuditorValue(auditor=name, value=value)  # type: ignore[arg-type]
                for name, value in zip(names, shown, strict=True)
            )

        assert (
            Disagreement(
                requirement_id="5.2",
                area_id="5",
                kind="spread",
                values=row(1.0, 4.0, 2.0),
                spread=3,
                agreed=2.0,
            ),
            Disagreement(
                requirement_id="5.4",
                area_id="5",
                kind="spread",
                values=row(0.0, 2.0, 1.0),
                spread=2,
                agreed=1.0,
            ),
            Disagreement(
                requirement_id="5.7",
                area_id="5",
                kind="spread",
                values=row(1.0, 1.0, 3.0),
                spread=2,
                agreed=1.0,
            ),
            Disagreement(
                requirement_id="5.6",
                area_id="5",
                kind="unrated",
                values=row(2.0, None, 3.0),
                spread=1,
                agreed=2.0,
            ),
            Disagreement(
                requirement_id="5.5",
                area_id="5",
                kind="not_applicable",
                values=row("n/a", 3.0, 3.0),
                spread=0,
                agreed=None,
            ),
        ) == result.disagreements

    def test_spread_option(self) -> None:
        result = consensus(STD, TEAM, spread=1)

        assert ["5.2", "5.4", "5.7", "5.3", "5.6", "5.5"] == [
            d.requirement_id for d in result.disagreements
        ]

    def test_alpha_equals_the_reference_package(self) -> None:
        ids = ["1.1", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]
        table: dict[str, list[float | None]] = {
            "A": [3, 4, 1, 3, 0, None, 2, 1],
            "B": [3, 4, 4, 2, 2, 3, None, 1],
            "C": [3, 4, 2, 3, 1, 3, 3, 3],
        }
        data = list(table.values())
        domain = (0.0, 1.0, 2.0, 3.0, 4.0)

        result = consensus(STD, TEAM)

        expected = reference_alpha(data, domain)
        assert result.alpha is not None
        assert abs(result.alpha - expected) <= 1e-9
        assert 0.45354 == pytest.approx(result.alpha, abs=5e-6)
        area5 = [i for i, rid in enumerate(ids) if rid.startswith("5.")]
        expected5 = reference_alpha([[row[i] for i in area5] for row in data], domain)
        alpha5 = result.alpha_by_area["5"]
        assert alpha5 is not None
        assert abs(alpha5 - expected5) <= 1e-9
        # Area 1: one pairable requirement, all 3: nothing to agree on.
        assert result.alpha_by_area["1"] is None
        # Area 2: nobody rated it.
        assert result.alpha_by_area["2"] is None
        assert list(result.alpha_by_area) == [area.id for area in STD.areas]

    def test_checkpoints_by_the_rule(self) -> None:
        median = consensus(STD, TEAM).assessment.ratings
        minimum = consensus(STD, TEAM, rule="min").assessment.ratings

        # 5.2.a met by A and B of three (a majority), 5.2.b by A only.
        assert ("5.2.a",) == median["5.2"].checkpoints_met
        assert () == minimum["5.2"].checkpoints_met
        # 5.6: A and C rated, only A met 5.6.a: half is no majority.
        assert () == median["5.6"].checkpoints_met

    def test_evidence_union_and_notes(self) -> None:
        ratings = consensus(STD, TEAM).assessment.ratings

        assert (DOCUMENT, INTERVIEW) == ratings["5.2"].evidence
        assert (
            "A. Jansen: Plan ligt er, wordt niet gevolgd.\n"
            "C. Bakker: Cyclus loopt sinds dit jaar."
        ) == ratings["5.2"].note
        assert (
            "A. Jansen (niet van toepassing): Geen eigen verbetercyclus."
            == ratings["5.5"].note
        )
        assert not ratings["5.5"].not_applicable
        assert ratings["5.5"].value is None

    def test_notes_in_english(self) -> None:
        ratings = consensus(STD, TEAM, language="en").assessment.ratings

        assert (
            "A. Jansen (not applicable): Geen eigen verbetercyclus."
            == ratings["5.5"].note
        )
        assert consensus(STD, TEAM).inputs == consensus(STD, TEAM, language="en").inputs

    def test_agreed_assessment_fits_and_scores_with_a_warning(self) -> None:
        agreed = consensus(STD, TEAM).assessment

        go.check_assessment(agreed, STD)
        card = go.score(STD, agreed)
        assert "5.5" in {w.requirement_id for w in card.warnings if w.code == "unrated"}

    def test_agreed_assessment_survives_save_and_load(self, tmp_path: object) -> None:
        agreed = consensus(STD, TEAM).assessment
        path = f"{tmp_path}/agreed.yaml"

        go.save_assessment(agreed, path)

        assert agreed == go.load_assessment(path)

    def test_all_not_applicable_is_kept(self) -> None:
        team = [
            audit("A", 1, {"5.5": NA}),
            audit("B", 2, {"5.5": attrs.evolve(NA, justification="Niet hier.")}),
        ]

        rating = consensus(STD, team).assessment.ratings["5.5"]

        assert rating.not_applicable
        assert "A: Geen eigen verbetercyclus.\nB: Niet hier." == rating.justification
        assert () == consensus(STD, team).disagreements

    def test_text_agenda(self) -> None:
        text = consensus(STD, TEAM).text()

        lines = text.splitlines()
        assert (
            "Gemeente Voorbeeld: consensus of 3 assessments "
            "(gos-2012, rule median, spread 2)"
        ) == lines[0]
        assert "auditors: A. Jansen; B. de Vries; C. Bakker" == lines[1]
        assert "alpha (ordinal): 0.454" == lines[3]
        agenda = lines[lines.index("disagreements (5):") + 1 :]
        assert [
            (
                "  5.2        spread         3 steps  A. Jansen 1, B. de Vries 4, "
                "C. Bakker 2 -> agreed 2"
            ),
            (
                "  5.4        spread         2 steps  A. Jansen 0, B. de Vries 2, "
                "C. Bakker 1 -> agreed 1"
            ),
            (
                "  5.7        spread         2 steps  A. Jansen 1, B. de Vries 1, "
                "C. Bakker 3 -> agreed 1"
            ),
            (
                "  5.6        unrated        1 steps  A. Jansen 2, "
                "B. de Vries unrated, C. Bakker 3 -> agreed 2"
            ),
            (
                "  5.5        not_applicable 0 steps  A. Jansen n/a, B. de Vries 3, "
                "C. Bakker 3 -> stays unrated until the team decides"
            ),
        ] == agenda

    def test_text_has_no_control_characters(self) -> None:
        team = [
            audit("A\n\x1b[31mX", 1, {"5.2": R(value=0)}),
            audit("B", 2, {"5.2": R(value=4)}),
        ]

        text = consensus(STD, team).text()

        assert "\x1b" not in text
        assert "auditors: A [31mX; B" in text.splitlines()

    def test_as_dict(self) -> None:
        result = consensus(STD, TEAM)

        data = json.loads(json.dumps(result.as_dict()))

        assert "consensus/1" == data["goudenoor"]
        assert result.alpha == data["alpha"]
        assert data["alpha_by_area"]["1"] is None
        assert {
            "requirement_id": "5.5",
            "area_id": "5",
            "kind": "not_applicable",
            "spread": 0,
            "agreed": None,
            "values": {"A. Jansen": "n/a", "B. de Vries": 3.0, "C. Bakker": 3.0},
        } == data["disagreements"][-1]
        assert 2.0 == data["agreed"]["5.2"]
        assert ["A. Jansen", "B. de Vries", "C. Bakker"] == data["auditors"]


class TestSteps:
    def test_spread_counts_positions_on_a_non_integer_scale(self) -> None:
        # conformiteit: 0, 0.5, 1; 0 and 1 are two steps apart.
        team = [
            audit(
                "A", 1, {"1.1": R(value=0), "1.2": R(value=0.5)}, scale="conformiteit"
            ),
            audit("B", 2, {"1.1": R(value=1), "1.2": R(value=1)}, scale="conformiteit"),
        ]

        result = consensus(STD, team)

        assert [("1.1", 2)] == [
            (d.requirement_id, d.spread) for d in result.disagreements
        ]
        assert 0.0 == result.assessment.ratings["1.1"].value
        assert "conformiteit" == result.assessment.scale


class TestErrors:
    def test_the_same_assessment_twice(self) -> None:
        with pytest.raises(ConsensusError) as info:
            consensus(STD, [A, B, A])

        assert (
            "the same assessment is given twice: a.yaml and a.yaml are equal (the "
            "same auditors, date and ratings); a consensus needs each auditor's "
            "assessment once"
        ) == str(info.value)

    def test_an_equal_copy_from_another_file(self) -> None:
        copy = attrs.evolve(A, source="copy.yaml")

        with pytest.raises(ConsensusError) as info:
            go.consensus([A, copy], standard=STD)

        assert (
            "the same assessment is given twice: a.yaml and copy.yaml are equal "
            "(the same auditors, date and ratings); a consensus needs each "
            "auditor's assessment once"
        ) == str(info.value)

    def test_equal_without_a_source(self) -> None:
        bare = attrs.evolve(A, source=None)

        with pytest.raises(ConsensusError) as info:
            consensus(STD, [B, bare, attrs.evolve(bare)])

        assert str(info.value).startswith(
            "the same assessment is given twice: assessment 2 and assessment 3 "
        )

    def test_unknown_language(self) -> None:
        with pytest.raises(UnknownItemError) as info:
            consensus(STD, TEAM, language="de")

        assert "unknown language 'de'; did you mean 'nl', 'en'?" == str(info.value)

    def test_single_input(self) -> None:
        with pytest.raises(ConsensusError) as info:
            consensus(STD, [A])

        assert "a consensus needs at least 2 assessments (got 1)" == str(info.value)

    def test_no_input(self) -> None:
        with pytest.raises(ConsensusError) as info:
            consensus(STD, iter([]))

        assert "a consensus needs at least 2 assessments (got 0)" == str(info.value)

    def test_organisation_differs(self) -> None:
        other = attrs.evolve(C, organisation="Gemeente Elders", source="c.yaml")

        with pytest.raises(ConsensusError) as info:
            consensus(STD, [A, B, other])

        assert (
            "the assessments differ in organisation: 'Gemeente Voorbeeld' in "
            "a.yaml, b.yaml; 'Gemeente Elders' in c.yaml; a consensus needs one "
            "organisation for all"
        ) == str(info.value)
        assert isinstance(info.value, go.GoudenoorError)

    def test_edition_differs_without_files(self) -> None:
        first = go.Assessment(
            edition="gos-2012", organisation="X", date=datetime.date(2026, 1, 1)
        )
        second = attrs.evolve(first, edition="gos-2016")

        with pytest.raises(ConsensusError) as info:
            consensus(STD, [first, second])

        assert (
            "the assessments differ in edition: 'gos-2012' in assessment 1; "
            "'gos-2016' in assessment 2; a consensus needs one edition for all"
        ) == str(info.value)

    def test_extensions_differ(self) -> None:
        other = attrs.evolve(B, extensions=("zorg",), source="b.yaml")

        with pytest.raises(ConsensusError) as info:
            consensus(STD, [A, other])

        assert (
            "the assessments differ in extensions: [] in a.yaml; ['zorg'] in "
            "b.yaml; a consensus needs one extensions for all"
        ) == str(info.value)

    def test_scale_differs_but_the_default_is_the_same(self) -> None:
        explicit = attrs.evolve(B, scale="gos-0-4", source="b.yaml")
        conform = attrs.evolve(
            C, scale="conformiteit", ratings={"1.1": R(value=1)}, source="c.yaml"
        )

        consensus(STD, [A, explicit])  # None means the default: no error
        with pytest.raises(ConsensusError) as info:
            consensus(STD, [A, explicit, conform])

        assert (
            "the assessments differ in scale: 'gos-0-4' in a.yaml, b.yaml; "
            "'conformiteit' in c.yaml; a consensus needs one scale for all"
        ) == str(info.value)

    def test_unknown_rule(self) -> None:
        with pytest.raises(UnknownItemError) as info:
            consensus(STD, TEAM, rule="mediaan")

        assert "unknown consensus rule 'mediaan'; did you mean 'median', 'min'?" == str(
            info.value
        )
        assert isinstance(info.value, go.GoudenoorError)

    @pytest.mark.parametrize("spread", [0, -1, True, 1.5])
    def test_bad_spread(self, spread: int) -> None:
        with pytest.raises(ConsensusError) as info:
            consensus(STD, TEAM, spread=spread)

        assert (
            "spread must be a whole number of scale steps of at least 1 "
            f"(got {spread!r})"
        ) == str(info.value)

    def test_invalid_input_is_reported_with_its_file(self) -> None:
        bad = attrs.evolve(B, ratings={"5.2": R(value=7)}, source="b.yaml")

        with pytest.raises(go.ValidationError) as info:
            consensus(STD, [A, bad])

        assert (
            'b.yaml ratings."5.2".value: 7 is not on scale gos-0-4 (0, 1, 2, 3, 4)'
            == str(info.value)
        )

    def test_alpha_value_off_the_domain(self) -> None:
        with pytest.raises(ConsensusError) as info:
            ordinal_alpha([[1.0, 7.0], [1.0, 2.0]], [1.0, 2.0])

        assert (
            "7.0 is not one of the values [1.0, 2.0] the alpha is computed over"
            == str(info.value)
        )


class TestRegistry:
    @pytest.fixture(autouse=True)
    def _restore_rules(self) -> Iterator[None]:
        # Rules registered here must not reach later tests in the same
        # process (the CLI's "did you mean" lists every registered rule).
        items = dict(goudenoor.audit._consensus._RULES._items)
        yield
        goudenoor.audit._consensus._RULES._items.clear()
        goudenoor.audit._consensus._RULES._items.update(items)

    def test_shipped_rules(self) -> None:
        assert ("median", "min") == consensus_rules()[:2]

    def test_a_registered_rule_is_used(self) -> None:
        def highest(values: tuple[float, ...], scale: Scale) -> float:  # noqa: ARG001
            return values[-1]

        register_rule("test-max", highest)

        result = consensus(STD, TEAM, rule="test-max")

        assert 4.0 == result.assessment.ratings["5.2"].value
        assert "test-max" in consensus_rules()
        # Checkpoints follow the rule too: met by anyone.
        assert ("5.2.b", "5.2.a") == result.assessment.ratings["5.2"].checkpoints_met

    def test_a_name_is_not_taken_silently(self) -> None:
        with pytest.raises(ConsensusError) as info:
            register_rule("median", lambda values, scale: values[0])  # noqa: ARG005

        assert (
            "consensus rule 'median' is already registered "
            "(pass replace=True to replace it)"
        ) == str(info.value)

    @pytest.mark.parametrize("returned", [2.5, 9.0, True, "2"])
    def test_a_rule_off_the_scale_is_an_error(self, returned: object) -> None:
        register_rule(
            "test-bad",
            lambda values, scale: returned,  # type: ignore[arg-type]  # noqa: ARG005
            replace=True,
        )

        with pytest.raises(ConsensusError) as info:
            consensus(STD, [A, B], rule="test-bad")

        assert (
            f"consensus rule 'test-bad' returned {returned!r} for requirement 1.1; "
            "expected a value of scale gos-0-4 from 3 to 3"
        ) == str(info.value)


class TestNames:
    def test_auditors_without_names(self) -> None:
        first = go.Assessment(
            edition="gos-2012",
            organisation="X",
            date=datetime.date(2026, 1, 1),
            ratings={"5.2": R(value=0)},
        )
        second = attrs.evolve(first, ratings={"5.2": R(value=4)}, source="b.yaml")
        third = attrs.evolve(first, ratings={"5.2": R(value=2)})

        result = consensus(STD, [second, first, third])

        assert ("assessment 1", "assessment 2", "b.yaml") == result.auditors

    def test_same_auditor_twice(self) -> None:
        again = attrs.evolve(A, ratings={"1.1": R(value=2)}, source="again.yaml")

        result = consensus(STD, [A, again])

        assert ("A. Jansen", "A. Jansen (2)") == result.auditors
        assert ("A. Jansen",) == result.assessment.auditors


# Properties over random assessments of gos-2012.

TEAMS = st.lists(assessments(STD), min_size=2, max_size=4)
NAMED = st.lists(
    st.sampled_from(["A. Jansen", "B. de Vries", "C. Bakker", "D. Smit"]),
    min_size=0,
    max_size=2,
)


@st.composite
def teams(draw: st.DrawFn) -> list[go.Assessment]:
    members = draw(TEAMS)
    team = [
        attrs.evolve(
            member,
            auditors=tuple(draw(NAMED)),
            date=datetime.date(2026, 10, draw(st.integers(1, 28))),
        )
        for member in members
    ]
    assume(len(set(team)) == len(team))  # one assessment twice is refused
    return team


PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(
    assessment=assessments(STD),
    copies=st.integers(2, 4),
    names=NAMED,
    rule=st.sampled_from(["median", "min"]),
    notes=st.booleans(),
)
def test_assessments_that_differ_only_in_their_auditors_agree_on_that_assessment(
    assessment: go.Assessment, copies: int, names: list[str], rule: str, notes: bool
) -> None:
    # "Is that assessment" means equal to it (source is not part of
    # equality): the same date, values, N/A, evidence, checkpoints, notes
    # and justifications, with every input's auditors.
    ratings = {
        rid: attrs.evolve(r, note=f"Notitie {rid}") if notes else r
        for rid, r in assessment.ratings.items()
    }
    one = attrs.evolve(assessment, auditors=tuple(names), ratings=ratings)
    team = [
        attrs.evolve(one, auditors=(*names, f"Auditor {number}"))
        for number in range(copies)
    ]

    result = consensus(STD, team, rule=rule)

    everyone = (*names, *(f"Auditor {number}" for number in range(copies)))
    assert attrs.evolve(one, auditors=everyone) == result.assessment
    assert () == result.disagreements


@PROPERTY
@given(team=teams(), data=st.data())
def test_an_assessment_given_twice_is_refused(
    team: list[go.Assessment], data: st.DataObject
) -> None:
    repeated = data.draw(st.sampled_from(team))
    where = data.draw(st.sampled_from([None, "elders.yaml", repeated.source]))
    given_twice = data.draw(
        st.permutations([*team, attrs.evolve(repeated, source=where)])
    )

    with pytest.raises(ConsensusError) as info:
        consensus(STD, given_twice)

    assert str(info.value).startswith("the same assessment is given twice: ")


@PROPERTY
@given(team=teams(), rule=st.sampled_from(["median", "min"]))
def test_agreed_value_lies_between_lowest_and_highest(
    team: list[go.Assessment], rule: str
) -> None:
    result = consensus(STD, team, rule=rule)

    rated = [rid for rid, r in result.assessment.ratings.items() if r.value is not None]
    assume(rated)
    for rid in rated:
        given_values = [
            r.value
            for a in team
            if (r := a.ratings.get(rid)) is not None and r.value is not None
        ]
        agreed = result.assessment.ratings[rid].value
        assert agreed is not None
        assert min(given_values) <= agreed <= max(given_values)
        if rule == "min":
            assert min(given_values) == agreed


@PROPERTY
@given(
    team=teams(),
    data=st.data(),
    rule=st.sampled_from(["median", "min"]),
)
def test_order_of_inputs_does_not_matter(
    team: list[go.Assessment], data: st.DataObject, rule: str
) -> None:
    shuffled = data.draw(st.permutations(team))
    assume(shuffled != team)

    first = consensus(STD, team, rule=rule)
    second = consensus(STD, shuffled, rule=rule)

    assert first.assessment == second.assessment
    assert first.disagreements == second.disagreements
    assert first.auditors == second.auditors
    assert first.alpha == second.alpha
    assert first.alpha_by_area == second.alpha_by_area


@PROPERTY
@given(team=teams())
def test_agreed_assessment_fits_the_standard(team: list[go.Assessment]) -> None:
    result = consensus(STD, team)

    go.check_assessment(result.assessment, STD)


@PROPERTY
@given(team=teams())
def test_alpha_of_assessments_equals_the_reference(team: list[go.Assessment]) -> None:
    result = consensus(STD, team)

    def rows(ids: list[str]) -> list[list[float | None]]:
        return [
            [r.value if (r := a.ratings.get(rid)) is not None else None for rid in ids]
            for a in result.inputs
        ]

    domain = STD.scale().values
    ids = [r.id for r in STD.requirements]
    assert same_alpha(result.alpha, reference_alpha(rows(ids), domain))
    for area in STD.areas:
        expected = reference_alpha(rows([r.id for r in area.requirements]), domain)
        assert same_alpha(result.alpha_by_area[area.id], expected)


DOMAINS = st.sampled_from([(0.0, 1.0, 2.0, 3.0, 4.0), (0.0, 0.5, 1.0), (1.0, 2.0)])


@st.composite
def reliability_data(
    draw: st.DrawFn,
) -> tuple[list[list[float | None]], tuple[float, ...]]:
    domain = draw(DOMAINS)
    coders = draw(st.integers(1, 5))
    units = draw(st.integers(0, 12))
    cell = st.one_of(st.none(), st.sampled_from(domain))
    data = [[draw(cell) for _ in range(units)] for _ in range(coders)]
    return data, domain


@settings(max_examples=300, deadline=None)
@given(case=reliability_data())
def test_ordinal_alpha_equals_the_reference(
    case: tuple[list[list[float | None]], tuple[float, ...]],
) -> None:
    data, domain = case

    assert same_alpha(ordinal_alpha(data, domain), reference_alpha(data, domain))


@settings(max_examples=100, deadline=None)
@given(case=reliability_data())
def test_ordinal_alpha_is_defined_with_variation(
    case: tuple[list[list[float | None]], tuple[float, ...]],
) -> None:
    data, domain = case
    pairable = [
        v
        for unit in zip(*data, strict=True)
        if sum(v is not None for v in unit) >= 2
        for v in unit
        if v is not None
    ]
    assume(len(set(pairable)) >= 2)

    alpha = ordinal_alpha(data, domain)

    assert alpha is not None
    assert alpha <= 1.0


def test_doctests() -> None:
    result = doctest.testmod(goudenoor.audit._consensus)

    assert result.attempted > 0
    assert 0 == result.failed


class TestFindings:
    """
    The team agrees on ratings; no auditor's finding is dropped.
    """

    FIRST = go.Finding(
        id="A-1",
        requirement="5.2",
        kind="afwijking",
        severity="major",
        text="Verbeterplan wordt niet gevolgd.",
        deadline=datetime.date(2027, 4, 1),
    )
    SECOND = go.Finding(
        id="V-1", requirement="5.4", kind="verbeterpunt", text="Evalueer vaker."
    )

    def test_every_finding_once(self) -> None:
        one = audit("A. Jansen", 1, {"1.1": R(value=3)}, findings=(self.FIRST,))
        two = audit(
            "B. de Vries", 2, {"1.1": R(value=3)}, findings=(self.FIRST, self.SECOND)
        )
        agreed = consensus(STD, [two, one]).assessment
        assert (self.FIRST, self.SECOND) == agreed.findings

    def test_one_id_two_findings(self) -> None:
        other = attrs.evolve(self.FIRST, text="Iets anders.")
        one = audit("A. Jansen", 1, {"1.1": R(value=3)}, findings=(self.FIRST,))
        two = audit("B. de Vries", 2, {"1.1": R(value=3)}, findings=(other,))
        with pytest.raises(ConsensusError) as info:
            consensus(STD, [one, two])
        assert (
            "finding 'A-1' differs between assessment 1 and assessment 2; a "
            "consensus keeps every finding, so give them other ids or make them "
            "the same"
        ) == str(info.value)

    def test_one_kind(self) -> None:
        one = audit("A. Jansen", 1, {"1.1": R(value=3)})
        two = audit("B. de Vries", 2, {"1.1": R(value=3)}, kind="review")
        with pytest.raises(ConsensusError) as info:
            consensus(STD, [one, two])
        assert (
            "the assessments differ in kind: 'audit' in assessment 1; 'review' in "
            "assessment 2; a consensus needs one kind for all"
        ) == str(info.value)
