"""
The JSON Schemas portfolio/1, percentile-ranks/1 and trend/1: the real
outputs of the CLI and the API validate, and so do outputs made from
random valid assessments (Hypothesis); the per-level row shapes of
portfolio/1 are pinned. (That every field is described and every object
closed, and that the formats page lists the top-level fields, is tested
with the other schemas in test_output_schemas.py.)
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import goudenoor as go
from goudenoor.files import json_schema
from goudenoor.portfolio._benchmark import AreaTrend, Trend, percentile_ranks, trend
from goudenoor.portfolio._portfolio import COLUMNS, Portfolio
from goudenoor.report._tables import table_json
from helpers import run
from portfolio_files import write_portfolio
from strategies import assessments, options


STD2012 = go.load_standard("gos-2012")
STD2016 = go.load_standard("gos-2016")
LEVELS = ("total", "area", "requirement")


def errors(schema: dict[str, Any], data: object) -> list[tuple[str | int, ...]]:
    """
    Every validation error's path as keys and indexes (empty when valid),
    after a JSON round trip; not jsonschema's own way of writing a path,
    which changed between its versions.
    """
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    loaded = json.loads(json.dumps(data))
    return [tuple(error.absolute_path) for error in validator.iter_errors(loaded)]


def cli_json(*argv: str) -> Any:
    code, out = run(*argv)
    assert code in {0, 1}
    return json.loads(out)


@pytest.mark.parametrize("kind", ["portfolio", "percentile-ranks", "trend"])
def test_the_cli_prints_the_schema(kind: str) -> None:
    assert cli_json("schema", kind) == json_schema(kind)


class TestPortfolio:
    @pytest.mark.parametrize("level", LEVELS)
    def test_the_cli_table_with_refused_files_validates(
        self, tmp_path: Path, level: str
    ) -> None:
        write_portfolio(tmp_path, broken=True)
        data = cli_json(
            "portfolio", str(tmp_path), "--level", level, "--format", "json"
        )

        assert (True, 3) == (len(data["rows"]) > 0, len(data["refused"]))
        assert [] == errors(cli_json("schema", "portfolio"), data)

    def test_the_rows_are_the_documented_columns(self) -> None:
        schema = json_schema("portfolio")
        assert {
            level: tuple(schema["$defs"][f"{level}-row"]["properties"])
            for level in LEVELS
        } == COLUMNS

    def test_rows_of_another_level_are_refused(self, tmp_path: Path) -> None:
        write_portfolio(tmp_path)
        data = cli_json("portfolio", str(tmp_path), "--format", "json")
        data["level"] = "area"

        found = errors(json_schema("portfolio"), data)
        # the columns, and each of the three rows, are not the area level's
        assert (
            [
                ("columns",),
                ("rows", 0),
                ("rows", 1),
                ("rows", 2),
            ]
        ) == sorted(set(found))

    def test_a_row_with_an_unknown_key_is_refused(self, tmp_path: Path) -> None:
        write_portfolio(tmp_path)
        data = cli_json("portfolio", str(tmp_path), "--format", "json")
        data["rows"][0]["extra"] = 1

        assert {("rows", 0)} == set(errors(json_schema("portfolio"), data))

    @settings(
        max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(data=st.data(), opts=options(), level=st.sampled_from(LEVELS))
    def test_random_portfolios_validate(
        self, data: st.DataObject, opts: dict[str, str], level: str
    ) -> None:
        standards = data.draw(
            st.lists(st.sampled_from([STD2012, STD2016]), min_size=1, max_size=3)
        )
        portfolio = Portfolio(
            assessments=[data.draw(assessments(std)) for std in standards],
            standards=standards,
        )
        rows = portfolio.table(level, **opts)  # type: ignore[arg-type]
        refused = [("broken.yaml", "broken.yaml:1:1: expected a mapping")]
        text = table_json(rows, COLUMNS[level], level=level, refused=refused)
        assert [] == errors(json_schema("portfolio"), json.loads(text))


class TestPercentileRanks:
    def test_the_cli_output_validates(self, tmp_path: Path) -> None:
        a, b, c = write_portfolio(tmp_path)[:3]
        data = cli_json(
            "benchmark", str(b), "--against", str(a), str(c), "--format", "json"
        )

        assert 2 == data["peers"]
        assert [] == errors(cli_json("schema", "percentile-ranks"), data)

    def test_a_rank_above_100_is_refused(self, tmp_path: Path) -> None:
        a, b = write_portfolio(tmp_path)[:2]
        data = cli_json("benchmark", str(b), "--against", str(a), "--format", "json")
        data["areas"]["1"] = 100.5

        assert [("areas", "1")] == errors(json_schema("percentile-ranks"), data)

    @settings(
        max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(data=st.data(), opts=options())
    def test_random_peers_validate(
        self, data: st.DataObject, opts: dict[str, str]
    ) -> None:
        standards = data.draw(
            st.lists(st.sampled_from([STD2012, STD2016]), min_size=1, max_size=4)
        )
        cards = [
            go.score(std, data.draw(assessments(std)), **opts)  # type: ignore[arg-type]
            for std in standards
        ]
        ranks = percentile_ranks(cards[0], cards)
        assert [] == errors(json_schema("percentile-ranks"), ranks.as_dict())


class TestTrend:
    def test_the_cli_output_across_editions_validates(self, tmp_path: Path) -> None:
        paths = []
        for year, std in ((2024, STD2012), (2026, STD2016)):
            path = tmp_path / f"{year}.yaml"
            go.save_assessment(
                go.Assessment(
                    edition=std.id,
                    organisation="Zorggroep Oost",
                    date=datetime.date(year, 3, 1),
                    ratings={r.id: go.Rating(value=2) for r in std.requirements},
                ),
                path,
            )
            paths.append(str(path))
        data = cli_json("trend", *paths, "--format", "json")

        assert 1 == len(data["warnings"])
        assert [] == errors(cli_json("schema", "trend"), data)

    def test_an_area_only_one_edition_has_validates(self) -> None:
        """
        ``None`` for the side an area is missing from, and for the change.
        """
        missing = AreaTrend(area_id="10", first=None, last=4.0, change=None)
        result = Trend(
            organisation="Zorggroep Oost",
            unit="Noord",
            history=(
                ("2024-03-01", "gos-2012", 50.0, None),
                ("2026-03-01", "x", 60.0, "A"),
            ),
            first_date="2024-03-01",
            last_date="2026-03-01",
            total=AreaTrend(area_id="total", first=50.0, last=60.0, change=10.0),
            areas={"10": missing},
            warnings=("editions differ",),
        )
        assert [] == errors(json_schema("trend"), result.as_dict())

    @settings(
        max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(data=st.data(), opts=options())
    def test_random_histories_validate(
        self, data: st.DataObject, opts: dict[str, str]
    ) -> None:
        standards = data.draw(
            st.lists(st.sampled_from([STD2012, STD2016]), min_size=2, max_size=4)
        )
        cards = []
        for days, std in enumerate(standards):
            assessment = data.draw(assessments(std))
            later = assessment.date + datetime.timedelta(days=days)
            cards.append(go.score(std, attrs.evolve(assessment, date=later), **opts))  # type: ignore[arg-type]
        assert [] == errors(json_schema("trend"), trend(cards).as_dict())
