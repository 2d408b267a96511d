"""
Portfolio.summary and summarise: hand-computed spreads and level counts,
editions kept apart, refused files counted.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import goudenoor as go
from goudenoor.files import json_schema
from goudenoor.portfolio._portfolio import Spread, summarise
from goudenoor.report._many_html import portfolio_summary_html
from goudenoor.report._markdown import portfolio_summary_markdown
from portfolio_files import write_portfolio


STD2012 = go.load_standard("gos-2012")
STD2016 = go.load_standard("gos-2016")


def assessment(standard: go.Standard, value: int, name: str = "X") -> go.Assessment:
    """Every requirement of *standard* rated *value* (scale gos-0-4)."""
    return go.Assessment(
        edition=standard.id,
        organisation=name,
        date=datetime.date(2026, 5, 1),
        ratings={r.id: go.Rating(value=value) for r in standard.requirements},
    )


def spread(*figures: Any) -> Spread:
    count, low, q1, median, q3, high, mean = figures
    # pytest.approx stands in for a float here, which the type check of the
    # fields would refuse; only equality is asked of this value.
    with attrs.validators.disabled():
        return Spread(
            count=int(count),
            min=low,
            lower_quartile=q1,
            median=median,
            upper_quartile=q3,
            max=high,
            mean=mean,
        )


def _removing(requirement_id: str) -> go.Extension:
    """An extension ``demo`` that removes one requirement of gos-2012."""
    return go.Extension(
        id="demo",
        title="Demo",
        version="1",
        targets=("gos-2012",),
        remove=go.Removals(
            requirements=(
                go.RequirementRemoval(id=requirement_id, reason="Niet van toepassing."),
            )
        ),
    )


def _extended(standard: go.Standard, value: int) -> go.Assessment:
    return go.Assessment(
        edition=standard.id,
        organisation="X",
        date=datetime.date(2026, 5, 1),
        extensions=standard.extensions,
        ratings={r.id: go.Rating(value=value) for r in standard.requirements},
    )


class TestSpread:
    def test_five_numbers_by_the_inclusive_method(self) -> None:
        # positions (n - 1) * p: 0.75, 1.5 and 2.25 between 1, 2, 3, 4
        assert Spread.of([4, 1, 3, 2]) == spread(4, 1, 1.75, 2.5, 3.25, 4, 2.5)

    def test_an_odd_count(self) -> None:
        assert Spread.of([12.5, 100, 50]) == spread(
            3, 12.5, 31.25, 50, 75, 100, pytest.approx(162.5 / 3)
        )

    def test_one_number_is_every_figure(self) -> None:
        assert Spread.of([7.5]) == spread(1, 7.5, 7.5, 7.5, 7.5, 7.5, 7.5)

    def test_no_numbers_is_refused(self) -> None:
        with pytest.raises(ValueError, match=r"^the spread of no numbers$"):
            Spread.of([])


class TestPortfolioSummary:
    def test_three_files_and_three_refused_by_hand(self, tmp_path: Path) -> None:
        # totals 100 (Alfa), 50 (Beta) and 12.5 (Gamma); see portfolio_files
        write_portfolio(tmp_path, broken=True)
        summary = go.load_portfolio(tmp_path).summary()
        assert (3, 3) == (summary.assessments, summary.refused)
        (edition,) = summary.editions
        assert (
            "gos-2012",
            (),
            "niveaus",
        ) == (edition.edition, edition.extensions, edition.scheme)
        assert (3, 100.0) == (edition.assessments, edition.max_points)
        assert edition.totals == spread(
            3, 12.5, 31.25, 50, 75, 100, pytest.approx(162.5 / 3)
        )
        # Alfa full: Niveau 3; Beta half: Gecommitteerd; Gamma: none
        assert (
            ("Gecommitteerd", 1),
            ("Niveau 1", 0),
            ("Niveau 2", 0),
            ("Niveau 3", 1),
        ) == edition.levels
        assert 1 == edition.no_level
        areas = {area.area_id: area for area in edition.areas}
        assert list(areas) == [a.id for a in STD2012.areas]
        # area 1 (10 points): Alfa 10, Beta 5, Gamma 5
        assert areas["1"].points == spread(3, 5, 5, 5, 7.5, 10, pytest.approx(20 / 3))
        # area 6 (10 points): Alfa 10, Beta 5, Gamma 7.5
        assert areas["6"].points == spread(3, 5, 6.25, 7.5, 8.75, 10, 7.5)
        # area 2 (20 points): Alfa 20, Beta 10, Gamma 0
        assert (20.0, "organisation") == (areas["2"].max_points, areas["2"].kind)
        assert areas["2"].points == spread(3, 0, 5, 10, 15, 20, 10)

    def test_mixed_editions_are_kept_apart(self) -> None:
        portfolio = go.Portfolio(
            assessments=[
                assessment(STD2016, 4),
                assessment(STD2012, 4),
                assessment(STD2012, 2),
            ],
            standards=[STD2016, STD2012, STD2012],
        )
        summary = portfolio.summary()
        assert ["gos-2012", "gos-2016"] == [e.edition for e in summary.editions]
        old, new = summary.editions
        assert (2, 1) == (old.assessments, new.assessments)
        assert old.totals == spread(2, 50, 62.5, 75, 87.5, 100, 75)
        assert new.totals == spread(1, 100, 100, 100, 100, 100, 100)
        # each edition's own default scheme and levels
        assert ("niveaus", "sterren") == (old.scheme, new.scheme)
        assert (
            {
                "Gecommitteerd": 1,
                "Niveau 1": 0,
                "Niveau 2": 0,
                "Niveau 3": 1,
            }
        ) == dict(old.levels)
        assert 1 == dict(new.levels)["5 sterren"]
        assert 1 == sum(dict(new.levels).values())

    def test_two_extension_files_with_one_id_are_kept_apart(self) -> None:
        """
        Two extension files that share an id but not their content: two
        groups, each saying so, in every format.
        """
        pytest.importorskip("jinja2")
        first, second = (
            go.apply_extension(STD2012, _removing(requirement))
            for requirement in ("9.1", "9.2")
        )
        cards = [
            go.score(standard, _extended(standard, value))
            for standard, value in ((first, 4), (second, 2), (first, 0), (STD2012, 1))
        ]

        summary = summarise(cards)

        groups = [
            (e.extensions, e.assessments, e.shares_name) for e in summary.editions
        ]
        assert (
            [
                ((), 1, False),
                (("demo",), 1, True),
                (("demo",), 2, True),
            ]
        ) == sorted(groups)
        assert {first.fingerprint, second.fingerprint} == {
            e.standard for e in summary.editions if e.extensions
        }
        text = summary.text().splitlines()
        shown = [
            f"gos-2012 + demo (standard {s.fingerprint[:12]})" for s in (first, second)
        ]
        assert all(any(line.startswith(label) for line in text) for label in shown)
        note = "note: another extension file with the same id has other content: "
        assert 2 == text.count(note + "summarised apart")
        md = portfolio_summary_markdown(summary, "en")
        assert 2 == md.count("(another extension file with the same id has other")
        page = portfolio_summary_html(summary, "en")
        assert 2 == page.count("summarised apart")

    def test_the_scoring_options_choose_the_levels(self) -> None:
        portfolio = go.Portfolio(
            assessments=[assessment(STD2012, 4)], standards=[STD2012]
        )
        (edition,) = portfolio.summary(scheme="sterren").editions
        assert "sterren" == edition.scheme
        assert [name for name, _ in edition.levels] == [
            level.name for level in STD2012.recognition_scheme("sterren").levels
        ]
        assert 1 == dict(edition.levels)["5 sterren"]

    def test_nothing_to_summarise(self) -> None:
        summary = summarise([], refused=2)
        assert ((), 0, 2) == (summary.editions, summary.assessments, summary.refused)
        assert (
            {
                "goudenoor": "portfolio-summary/1",
                "assessments": 0,
                "refused": 2,
                "editions": [],
            }
        ) == summary.as_dict()
        assert "<PortfolioSummary: 0 assessments in 0 editions, 2 refused>" == (
            repr(summary)
        )

    def test_as_dict_satisfies_its_schema(self, tmp_path: Path) -> None:
        write_portfolio(tmp_path)
        data = go.load_portfolio(tmp_path).summary().as_dict()
        validator = jsonschema.Draft202012Validator(json_schema("portfolio-summary"))
        assert [] == list(validator.iter_errors(data))
        (edition,) = data["editions"]
        assert {"level": "Niveau 3", "count": 1} == edition["levels"][3]
        assert 50.0 == edition["totals"]["median"]

    def test_text(self, tmp_path: Path) -> None:
        write_portfolio(tmp_path)
        lines = go.load_portfolio(tmp_path).summary().text().splitlines()
        assert (
            [
                "3 assessments, 0 files refused",
                "",
                "gos-2012: 3 assessments (maximum 100 points)",
                f"{'':<32}    min     Q1 median     Q3    max   mean",
                f"{'total':<32}  12.50  31.25  50.00  75.00 100.00  54.17",
            ]
        ) == lines[:5]
        assert (
            [
                "  Gecommitteerd: 1",
                "  Niveau 1: 0",
                "  Niveau 2: 0",
                "  Niveau 3: 1",
                "  none: 1",
            ]
        ) == lines[-5:]
