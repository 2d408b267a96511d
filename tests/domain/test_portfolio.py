"""
Portfolio.table and Portfolio.dataframe: hand-computed tidy tables.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

import goudenoor as go
from goudenoor.portfolio._portfolio import COLUMNS
from helpers import run_python
from portfolio_files import write_portfolio


DATE = datetime.date(2026, 3, 1)


@pytest.fixture(name="portfolio")
def _portfolio(tmp_path: Path) -> go.Portfolio:
    write_portfolio(tmp_path)
    return go.load_portfolio(tmp_path)


def test_total_rows_by_hand(portfolio: go.Portfolio, tmp_path: Path) -> None:
    rows = portfolio.table()
    assert [list(row) for row in rows] == [list(COLUMNS["total"])] * 3
    common = {"unit": None, "edition": "gos-2012", "date": DATE, "max_points": 100.0}
    expected = [
        ("Alfa", "a.yaml", 100.0, 70.0, 30.0),
        ("Beta", "b.yml", 50.0, 35.0, 15.0),
        ("Gamma", "sub/c.yaml", 12.5, 5.0, 7.5),
    ]
    for row, (name, source, total, organisation, result) in zip(
        rows, expected, strict=True
    ):
        level = row.pop("level")
        assert row == {
            **common,
            "organisation": name,
            "source": str(tmp_path / source),
            "points": pytest.approx(total),
            "organisation_points": pytest.approx(organisation),
            "result_points": pytest.approx(result),
            "share": pytest.approx(total / 100),
        }
        assert level is None or isinstance(level, str)


def test_the_level_column_is_the_cards_level_by_name(portfolio: go.Portfolio) -> None:
    standard = go.load_standard("gos-2012")
    levels = []
    for assessment in portfolio.assessments:
        reached = go.score(standard, assessment).level
        levels.append(None if reached is None else reached.name)
    assert [row["level"] for row in portfolio.table()] == levels
    assert levels[0] is not None
    assert [row["level"] for row in portfolio.table("area")][::9] == levels


def test_area_rows_by_hand(portfolio: go.Portfolio) -> None:
    rows = portfolio.table("area")
    assert len(rows) == 3 * 9
    assert list(rows[0]) == list(COLUMNS["area"])
    gamma = {row["area_id"]: row for row in rows if row["organisation"] == "Gamma"}
    assert {key: (row["points"], row["share"]) for key, row in gamma.items()} == {
        "1": (pytest.approx(5.0), pytest.approx(0.5)),
        "2": (0.0, 0.0),
        "3": (0.0, 0.0),
        "4": (0.0, 0.0),
        "5": (0.0, 0.0),
        "6": (pytest.approx(7.5), pytest.approx(0.75)),
        "7": (0.0, 0.0),
        "8": (0.0, 0.0),
        "9": (0.0, 0.0),
    }
    assert "Stem van de klant" == gamma["1"]["area_name"]
    assert "organisation" == gamma["1"]["kind"]
    assert "result" == gamma["6"]["kind"]
    assert ([
        10.0, 20.0, 20.0, 10.0, 10.0, 10.0, 5.0, 5.0, 10.0,
    ]) == [row["max_points"] for row in gamma.values()]  # fmt: skip
    beta = [row["points"] for row in rows if row["organisation"] == "Beta"]
    assert beta == pytest.approx([5.0, 10.0, 10.0, 5.0, 5.0, 5.0, 2.5, 2.5, 5.0])


def test_requirement_rows_by_hand(portfolio: go.Portfolio) -> None:
    rows = portfolio.table("requirement")
    assert len(rows) == 3 * 29
    assert list(rows[0]) == list(COLUMNS["requirement"])
    gamma = [row for row in rows if row["organisation"] == "Gamma"]
    first = {row["requirement_id"]: row for row in gamma if row["area_id"] == "1"}
    assert ([
        4.0, 4.0, 0.0, 0.0, 2.0,
    ]) == [first[r]["value"] for r in ("1.1", "1.2", "1.3", "1.4", "1.5")]  # fmt: skip
    assert [first[r]["points"] for r in ("1.1", "1.2", "1.3", "1.4", "1.5")] == (
        pytest.approx([2.0, 2.0, 0.0, 0.0, 1.0])
    )
    # Values from 2 up have no evidence in these files: counted, with a warning.
    assert ([
        "missing-evidence", "missing-evidence", "rated", "rated", "missing-evidence",
    ]) == [first[r]["status"] for r in ("1.1", "1.2", "1.3", "1.4", "1.5")]  # fmt: skip
    assert 0.5 == first["1.5"]["share"]
    assert 2.0 == first["1.5"]["max_points"]


def test_scoring_options_reach_the_scores(portfolio: go.Portfolio) -> None:
    standard = go.load_standard("gos-2012")
    strict = [
        go.score(standard, assessment, evidence_policy="strict").total
        for assessment in portfolio.assessments
    ]
    rows = portfolio.table(evidence_policy="strict")
    assert [row["points"] for row in rows] == strict
    assert strict[0] < 100.0
    statuses = {
        row["status"]
        for row in portfolio.table("requirement", evidence_policy="strict")
        if row["organisation"] == "Alfa"
    }
    assert {"capped"} == statuses


def test_an_unknown_level_is_refused(portfolio: go.Portfolio) -> None:
    with pytest.raises(
        go.GoudenoorError,
        match=r"^unknown table level 'site' "
        r"\(expected one of \['total', 'area', 'requirement'\]\)$",
    ):
        portfolio.table("site")  # type: ignore[arg-type]


def test_a_portfolio_built_by_hand_checks_its_assessments() -> None:
    standard = go.load_standard("gos-2012")
    bad = go.Assessment(
        edition="gos-2012",
        organisation="X",
        date=DATE,
        ratings={"1.1": go.Rating(value=9)},
    )
    portfolio = go.Portfolio(assessments=[bad], standards=[standard])
    with pytest.raises(go.ValidationError):
        portfolio.table()


def test_the_unit_column_is_the_assessments_unit() -> None:
    """
    Each row names the assessment's unit (site, team), or None without one.
    """
    standard = go.load_standard("gos-2012")
    noord, whole = (
        go.Assessment(edition="gos-2012", organisation="X", date=DATE, unit=unit)
        for unit in ("Noord", None)
    )
    portfolio = go.Portfolio(assessments=[noord, whole], standards=[standard] * 2)

    assert ["Noord", None] == [row["unit"] for row in portfolio.table()]


def test_one_standard_per_assessment() -> None:
    with pytest.raises(
        ValueError,
        match=r"^a portfolio needs one standard per assessment: "
        r"0 assessments, 1 standards$",
    ):
        go.Portfolio(assessments=[], standards=[go.load_standard("gos-2012")])


def test_repr(portfolio: go.Portfolio) -> None:
    assert "<Portfolio: 3 assessments, 0 refused>" == repr(portfolio)


def test_the_dataframe_is_the_table(portfolio: go.Portfolio) -> None:
    pandas = pytest.importorskip("pandas")
    frame = portfolio.dataframe("area")
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(COLUMNS["area"])
    rows = portfolio.table("area")
    typed = {"level", "date", "area_id"}
    assert frame.drop(columns=list(typed)).to_dict("records") == [
        {key: value for key, value in row.items() if key not in typed} for row in rows
    ]
    assert list(frame["area_id"]) == [row["area_id"] for row in rows]
    assert [stamp.date() for stamp in frame["date"]] == [row["date"] for row in rows]
    assert [None if pandas.isna(level) else level for level in frame["level"]] == [
        row["level"] for row in rows
    ]
    assert frame.groupby("organisation")["points"].sum().to_dict() == pytest.approx(
        {"Alfa": 100.0, "Beta": 50.0, "Gamma": 12.5}
    )


def test_dataframe_types(portfolio: go.Portfolio) -> None:
    """
    Dates are datetime64, levels an ordered categorical in the scheme's
    order (not alphabetical), areas an ordered categorical in area order.
    """
    pandas = pytest.importorskip("pandas")
    stars = go.load_standard("gos-2012").recognition_scheme("sterren")
    scheme = [level.name for level in stars.levels]

    total = portfolio.dataframe(scheme="sterren")
    area = portfolio.dataframe("area", scheme="sterren")
    requirement = portfolio.dataframe("requirement", scheme="sterren")

    assert pandas.api.types.is_datetime64_any_dtype(total["date"])
    assert [2026] == total["date"].dt.year.unique().tolist()
    for frame in (total, area, requirement):
        assert frame["level"].cat.ordered
        assert scheme == list(frame["level"].cat.categories)
    # Alphabetically "1 ster" ... "5 sterren" come before "Gecommitteerd";
    # in the scheme they come after it (Alfa 5 sterren, Beta 2 sterren).
    assert sorted(scheme) != scheme
    assert ["2 sterren", "5 sterren"] == list(
        total.sort_values("level")["level"].dropna()
    )
    assert [True, True] == list(total["level"].dropna() > "Gecommitteerd")
    areas = [str(number) for number in range(1, 10)]
    for frame in (area, requirement):
        assert frame["area_id"].cat.ordered
        assert areas == list(frame["area_id"].cat.categories)


def test_without_pandas_the_dataframe_names_the_extra(
    portfolio: go.Portfolio, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(go.MissingExtraError) as caught:
        portfolio.dataframe()
    assert (
        "Portfolio.dataframe needs the 'dataframe' extra: pip install "
        "'goudenoor[dataframe]' (pandas is not installed)"
    ) == (str(caught.value))


def test_a_portfolio_table_does_not_import_pandas(tmp_path: Path) -> None:
    write_portfolio(tmp_path)
    code = (
        "import sys, goudenoor as go\n"
        f"go.load_portfolio({str(tmp_path)!r}).table('area')\n"
        "print('pandas' in sys.modules)"
    )
    done = run_python("-c", code, check=True)
    assert "False" == done.stdout.strip()
