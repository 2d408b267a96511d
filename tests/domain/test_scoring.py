"""
Scoring: a hand-computed case for both methods and all three schemes, the
evidence policies, warnings, improvements, what-if and bad options.
"""

from __future__ import annotations

import datetime

import pytest

import goudenoor as go
from goudenoor.audit._scoring import _methods


DATE = datetime.date(2026, 10, 1)
DOC = (go.Evidence(kind="document", reference="Klachtenbeleid 2026"),)


def rated(value: float, *met: str, evidence: bool = True) -> go.Rating:
    """
    A rating with (by default) one evidence item.
    """
    return go.Rating(value=value, evidence=DOC if evidence else (), checkpoints_met=met)


NA = go.Rating(not_applicable=True, justification="Geen fysieke klantcontacten.")

# Hand-computed on gos-2012 (weighted-mean, gos-0-4):
#   area 1 (10): 4 4 2 2 n/a      -> (1+1+.5+.5)/4 = .75   ->  7.50
#   area 2 (20): 3 3 3 3          -> .75                   -> 15.00
#   area 3 (20): 4 2 unrated      -> (1+.5+0)/3 = .5       -> 10.00
#   area 4 (10): 4 4              -> 1                     -> 10.00
#   area 5 (10): 2 x7             -> .5                    ->  5.00
#   organisation 47.50
#   area 6 (10): 4 0              -> .5                    ->  5.00
#   area 7 (5):  4 n/a            -> 1                     ->  5.00
#   area 8 (5):  1 1              -> .25                   ->  1.25
#   area 9 (10): 3 3              -> .75                   ->  7.50
#   result 18.75, total 66.25
RATINGS = {
    "1.1": rated(4),
    "1.2": rated(4),
    "1.3": rated(2),
    "1.4": rated(2),
    "1.5": NA,
    **{f"2.{n}": rated(3) for n in range(1, 5)},
    "3.1": rated(4),
    "3.2": rated(2),
    "4.1": rated(4),
    "4.2": rated(4),
    # checkpoint coverage: 5.1 2/2, 5.2 1/2, 5.3 0/2, 5.4 2/2, 5.5 1/1,
    # 5.6 1/2, 5.7 0/1 -> 4/7
    "5.1": rated(2, "5.1.a", "5.1.b"),
    "5.2": rated(2, "5.2.a"),
    "5.3": rated(2),
    "5.4": rated(2, "5.4.a", "5.4.b"),
    "5.5": rated(2, "5.5.a"),
    "5.6": rated(2, "5.6.a"),
    "5.7": rated(2),
    "6.1": rated(4),
    "6.2": rated(0),
    "7.1": rated(4),
    "7.2": NA,
    "8.1": rated(1),
    "8.2": rated(1),
    "9.1": rated(3),
    "9.2": rated(3),
}


@pytest.fixture(name="audit")
def _audit() -> go.Assessment:
    return go.Assessment(
        edition="gos-2012",
        organisation="Gemeente Voorbeeld",
        date=DATE,
        ratings=RATINGS,
    )


def points(card: go.ScoreCard) -> dict[str, float]:
    """
    Area points rounded to 4 decimals.
    """
    return {a: round(r.points, 4) for a, r in card.areas.items()}


class TestWeightedMean:
    def test_area_points(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        The hand-computed area points.
        """
        card = go.score(std2012, audit)

        assert {
            "1": 7.5,
            "2": 15.0,
            "3": 10.0,
            "4": 10.0,
            "5": 5.0,
            "6": 5.0,
            "7": 5.0,
            "8": 1.25,
            "9": 7.5,
        } == points(card)
        assert (47.5, 18.75, 66.25) == (
            card.organisation_points,
            card.result_points,
            card.total,
        )

    def test_points_are_not_the_name(
        self, std2012: go.Standard, audit: go.Assessment
    ) -> None:
        """
        The card's points are ``organisation_points`` and ``result_points``;
        ``organisation`` is the organisation's name, on the assessment and in
        the card's data, never a number on the card.
        """
        card = go.score(std2012, audit)

        assert not hasattr(card, "organisation")
        assert not hasattr(card, "result")
        assert audit.organisation == card.as_dict()["organisation"]
        assert card.organisation_points == card.as_dict()["points"]["organisation"]

    def test_niveaus(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        47.5 organisation points: Gecommitteerd, 2.5 short of Niveau 1.
        """
        card = go.score(std2012, audit)

        assert ("Gecommitteerd", "Niveau 1") == (card.level.name, card.next_level.name)  # type: ignore[union-attr]
        assert (
            go.Gap(
                level="Niveau 1",
                scope="organisation",
                area_id=None,
                unit="points",
                required=50.0,
                actual=47.5,
                shortfall=2.5,
            ),
        ) == card.gaps
        assert "organisation: 47.50 points, needs 50 (2.50 short)" == str(card.gaps[0])

    def test_sterren(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        66.25 total points: 2 sterren, 3.75 short of 3 sterren.
        """
        card = go.score(std2012, audit, scheme="sterren")

        assert ("2 sterren", "3 sterren") == (card.level.name, card.next_level.name)  # type: ignore[union-attr]
        assert [("total", 70.0, 3.75)] == [
            (g.scope, g.required, round(g.shortfall, 4)) for g in card.gaps
        ]

    def test_conformiteit_default(
        self, std2012: go.Standard, audit: go.Assessment
    ) -> None:
        """
        With the default threshold 1.0 only area 4 conforms: no level.
        """
        card = go.score(std2012, audit, scheme="conformiteit")

        assert (None, "IKM-niveau") == (card.level, card.next_level.name)  # type: ignore[union-attr]
        assert ["1", "2", "3", "5"] == [g.area_id for g in card.gaps]
        assert "area 3: 50%, needs 100% (50% short)" == str(card.gaps[2])

    def test_conformiteit_threshold(
        self, std2012: go.Standard, audit: go.Assessment
    ) -> None:
        """
        With threshold 0.5 every organisation area conforms (IKM), and
        area 8 (25%) keeps LNK away.
        """
        card = go.score(
            std2012, audit, scheme="conformiteit", parameters={"threshold": 0.5}
        )

        assert ("IKM-niveau", "LNK-niveau") == (card.level.name, card.next_level.name)  # type: ignore[union-attr]
        assert [("8", 0.5, 0.25)] == [
            (g.area_id, g.required, g.actual) for g in card.gaps
        ]
        assert (("threshold", 0.5),) == card.parameters


class TestCheckpointCoverage:
    def test_area_5(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        Area 5 scores the share of checkpoints met (4/7); others as before.
        """
        card = go.score(std2012, audit, method="checkpoint-coverage")

        assert round(10 * 4 / 7, 4) == points(card)["5"]
        assert round(66.25 - 5 + 10 * 4 / 7, 9) == round(card.total, 9)
        assert {
            **points(go.score(std2012, audit)),
            "5": round(10 * 4 / 7, 4),
        } == points(card)

    def test_levels(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        The levels of all three schemes under checkpoint coverage.
        """
        levels = [
            go.score(std2012, audit, method="checkpoint-coverage", scheme=s).level
            for s in ("niveaus", "sterren", "conformiteit")
        ]

        assert ["Gecommitteerd", "2 sterren", None] == [
            level.name if level else None for level in levels
        ]


class TestEvidence:
    def test_warn(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        A 3 without evidence counts in full, with a warning.
        """
        changed = audit.with_ratings({"2.1": rated(3, evidence=False)})

        card = go.score(std2012, changed)

        assert 66.25 == card.total
        assert ("missing-evidence", "2.1") == (
            card.warnings[1].code,
            card.warnings[1].requirement_id,
        )

    def test_strict_caps(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        Under the strict policy a 3 without evidence counts as a 1.
        """
        changed = audit.with_ratings({"2.1": rated(3, evidence=False)})

        card = go.score(std2012, changed, evidence_policy="strict")

        assert (12.5, 63.75) == (card.areas["2"].points, card.total)
        assert "capped" == card.requirements["2.1"].status

    def test_expired_evidence_is_not_evidence(
        self, std2012: go.Standard, audit: go.Assessment
    ) -> None:
        """
        Evidence that expired before the audit date does not count.
        """
        old = go.Evidence(
            kind="document",
            reference="Certificaat",
            date=datetime.date(2024, 1, 1),
            valid_until=datetime.date(2025, 1, 1),
        )
        changed = audit.with_ratings({"2.1": go.Rating(value=3, evidence=(old,))})

        card = go.score(std2012, changed, evidence_policy="strict")

        assert 63.75 == card.total
        assert ["not-applicable", "capped", "expired-evidence"] == [
            w.code for w in card.warnings[:3]
        ]


class TestWarnings:
    def test_listed(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        N/A and unrated requirements are never silent.
        """
        card = go.score(std2012, audit)

        assert [
            ("1.5", "not-applicable"),
            ("3.3", "unrated"),
            ("7.2", "not-applicable"),
        ] == [(w.requirement_id, w.code) for w in card.warnings]
        assert (
            "not applicable, left out of its area: Geen fysieke klantcontacten."
            == card.warnings[0].message
        )

    def test_trace(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        The trace says which ratings and rule made each area's points.
        """
        card = go.score(std2012, audit)

        assert (
            "area 3 Medewerkers: weighted-mean of [3.1 1.00 (rated), 3.2 0.50 "
            "(rated), 3.3 0.00 (unrated)] = 0.5000 * 20 = 10.00 points"
        ) == card.trace[2]


class TestImprovements:
    def test_ranked(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        The unrated 3.3 gains most (20/3 points), then area 8's ratings.
        """
        best = go.score(std2012, audit).improvements(3)

        assert [("3.3", 6.6667), ("3.2", 3.3333), ("6.2", 5.0)][0] == (
            best[0].requirement_id,
            round(best[0].points_gained, 4),
        )
        assert [b.points_gained for b in best] == sorted(
            (b.points_gained for b in best), reverse=True
        )

    def test_gain_is_what_if(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        Each improvement's gain is what raising it to 4 (with evidence) adds.
        """
        card = go.score(std2012, audit)

        for item in card.improvements():
            after = go.what_if(std2012, audit, {item.requirement_id: rated(4)})

            assert round(item.points_gained, 9) == round(after.total - card.total, 9)


class TestWhatIf:
    def test_number_keeps_evidence(
        self, std2012: go.Standard, audit: go.Assessment
    ) -> None:
        """
        A number changes only the value of an existing rating.
        """
        card = go.what_if(std2012, audit, {"8.1": 4})

        assert (3.125, DOC) == (
            card.areas["8"].points,
            card.assessment.ratings["8.1"].evidence,
        )

    def test_none_unrates(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        None removes a rating.
        """
        card = go.what_if(std2012, audit, {"4.1": None})

        assert 5.0 == card.areas["4"].points

    def test_original_unchanged(
        self, std2012: go.Standard, audit: go.Assessment
    ) -> None:
        """
        what_if never changes the assessment it was given.
        """
        go.what_if(std2012, audit, {"4.1": 0})

        assert RATINGS == dict(audit.ratings)


class TestBadOptions:
    def test_unknown_method(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        An unknown method names the registered ones.
        """
        with pytest.raises(go.UnknownItemError) as info:
            go.score(std2012, audit, method="mean")

        assert str(info.value).startswith(
            "unknown scoring method 'mean' (expected one of ['weighted-mean', "
            "'checkpoint-coverage'"
        )

    def test_unknown_parameter(
        self, std2012: go.Standard, audit: go.Assessment
    ) -> None:
        """
        A parameter the scheme does not have is refused.
        """
        with pytest.raises(go.ScoringError) as info:
            go.score(std2012, audit, parameters={"threshold": 0.5})

        assert (
            "unknown parameter 'threshold' for scheme niveaus (expected none)"
            == str(info.value)
        )

    def test_parameter_range(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        A threshold is a fraction.
        """
        with pytest.raises(go.ScoringError) as info:
            go.score(
                std2012, audit, scheme="conformiteit", parameters={"threshold": 75}
            )

        assert "parameter 'threshold' must be a fraction from 0 to 1 (got 75)" == str(
            info.value
        )

    def test_wrong_edition(self, std2016: go.Standard, audit: go.Assessment) -> None:
        """
        A 2012 assessment is not scored against 2016.
        """
        with pytest.raises(go.ValidationError) as info:
            go.score(std2016, audit)

        assert (
            "edition: assessment is for edition 'gos-2012', the standard is 'gos-2016'"
        ) == str(info.value)

    def test_all_not_applicable(
        self, std2012: go.Standard, audit: go.Assessment
    ) -> None:
        """
        An area cannot be not applicable as a whole.
        """
        changed = audit.with_ratings({"4.1": NA, "4.2": NA})

        with pytest.raises(go.ValidationError) as info:
            go.score(std2012, changed)

        assert (
            'ratings."4.2".not_applicable: every requirement of area 4 (Middelen) '
            "is not applicable; an area of the standard cannot be not applicable "
            "as a whole"
        ) == str(info.value)

    def test_all_not_applicable_in_order(
        self, std2012: go.Standard, audit: go.Assessment
    ) -> None:
        """
        Two such areas give two problems, in the standard's order, whatever
        the order of the ratings; an area with one applicable requirement
        gives none.
        """
        changed = audit.with_ratings(
            {"8.1": NA, "8.2": NA, "4.1": NA, "4.2": NA, "6.1": NA}
        )

        problems = go.assessment_problems(changed, std2012)

        assert [
            ("ratings", "4.2", "not_applicable"),
            ("ratings", "8.2", "not_applicable"),
        ] == [p.path for p in problems]


class TestCustomMethod:
    def test_register_and_use(
        self,
        std2012: go.Standard,
        audit: go.Assessment,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """
        A user method plugs in by name; a bad result is refused.
        """

        def all_or_nothing(
            requirement: go.Requirement,  # noqa: ARG001 - the method signature
            rating: go.Rating,
            scale: go.Scale,
        ) -> float:
            return 1.0 if rating.value == scale.maximum else 0.0

        def broken(
            requirement: go.Requirement,  # noqa: ARG001 - the method signature
            rating: go.Rating,  # noqa: ARG001
            scale: go.Scale,  # noqa: ARG001
        ) -> float:
            return 2.0

        # The registry is the process's: restored afterwards, so that no
        # other test (a docs page listing the methods) sees these two.
        registry = _methods.METHODS
        monkeypatch.setattr(registry, "_items", dict(registry._items))
        go.register_method("test-all-or-nothing", all_or_nothing, replace=True)
        go.register_method("test-broken", broken, replace=True)

        card = go.score(std2012, audit, method="test-all-or-nothing")

        assert 10.0 == card.areas["4"].points
        assert 0.0 == card.areas["5"].points
        with pytest.raises(go.ScoringError) as info:
            go.score(std2012, audit, method="test-broken")
        assert (
            "scoring method 'test-broken' gave 2.0 for requirement 1.1 "
            "(expected a fraction from 0 to 1)"
        ) == str(info.value)
        with pytest.raises(go.ScoringError):
            go.register_method("test-broken", broken)


class TestJson:
    def test_as_dict(self, std2012: go.Standard, audit: go.Assessment) -> None:
        """
        The JSON form carries the totals, level and every area.
        """
        data = go.score(std2012, audit).as_dict()

        assert (
            {"organisation": 47.5, "result": 18.75, "total": 66.25},
            "Gecommitteerd",
            9,
            29,
        ) == (
            data["points"],
            data["level"],
            len(data["areas"]),
            sum(len(a["requirements"]) for a in data["areas"]),
        )
