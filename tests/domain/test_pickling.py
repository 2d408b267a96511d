"""
What crosses a process boundary pickles and comes back equal: the objects a
worker of a process pool (or of Dask or Spark) receives or returns when a
large portfolio is scored in parallel.

(``tests/files/test_portfolio_files.py`` checks that a loaded portfolio
and the errors of its refused files pickle; here every other object, and
every error class, wrapped as a portfolio keeps it.)
"""

from __future__ import annotations

import datetime
import importlib
import pickle
import pkgutil
from pathlib import Path
from typing import Any

import pytest

import goudenoor
import goudenoor as go
from conftest import EXAMPLE_AUDIT, ROOT
from goudenoor.audit._consensus import ConsensusError
from goudenoor.exceptions import (
    EmptyPathError,
    ExtensionError,
    FileFormatError,
    MissingExtraError,
    ModelError,
    OutputError,
    OutputExistsError,
    ScoringError,
    UnknownAreaError,
    UnknownEditionError,
    UnknownItemError,
    UnknownRequirementError,
    ValidationError,
)
from goudenoor.files._assessment import standard_for
from goudenoor.portfolio._benchmark import BenchmarkError, percentile_ranks, trend
from goudenoor.portfolio._portfolio import RefusedFile
from goudenoor.portfolio._rollup import RollupError, rollup
from goudenoor.problems import Problem


ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"


def _copy(value: Any) -> Any:
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301 - our own bytes


def _card(
    std: go.Standard, value: int, *, unit: str | None = None, year: int = 2026
) -> go.ScoreCard:
    audit = go.Assessment(
        edition=std.id,
        organisation="Zorggroep",
        date=datetime.date(year, 5, 1),
        unit=unit,
        ratings={r.id: go.Rating(value=value) for r in std.requirements},
    )
    return go.score(std, audit)


def test_an_assessment_read_from_a_file() -> None:
    assessment = go.load_assessment(EXAMPLE_AUDIT)
    copy = _copy(assessment)
    assert copy == assessment
    assert copy.source == assessment.source
    assert dict(copy.ratings) == dict(assessment.ratings)


@pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
def test_a_loaded_standard(edition: str) -> None:
    standard = go.load_standard(edition)
    copy = _copy(standard)
    assert copy == standard
    assert copy.max_points == standard.max_points
    assert [r.id for r in copy.requirements] == [r.id for r in standard.requirements]


def test_a_copied_standard_scores_the_same() -> None:
    standard = go.load_standard("gos-2012")
    assessment = go.load_assessment(EXAMPLE_AUDIT)
    card = go.score(_copy(standard), assessment)
    assert card.as_dict() == go.score(standard, assessment).as_dict()


def test_an_extended_standard() -> None:
    extension = go.load_extension_file(ZORG)
    standard = go.apply_extension(go.load_standard("gos-2012"), extension)
    copy = _copy(standard)
    assert copy == standard
    assert [r.id for r in copy.requirements] == [r.id for r in standard.requirements]
    assert "zorg:5.8" in {r.id for r in copy.requirements}
    assert _copy(extension) == extension


def test_a_score_card(example_card: go.ScoreCard) -> None:
    copy = _copy(example_card)
    assert copy == example_card
    assert copy.as_dict() == example_card.as_dict()
    assert copy.level == example_card.level


def test_a_portfolio_with_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
        'date: 2026-01-01\nratings:\n  "1.1": 7\n',
        encoding="utf-8",
    )
    portfolio = go.load_portfolio([ROOT / "examples", broken, EXAMPLE_AUDIT])
    assert portfolio.errors
    assert portfolio.notes
    copy = _copy(portfolio)
    assert copy == portfolio
    assert copy.notes == portfolio.notes
    assert copy.standards == portfolio.standards
    assert copy.table("requirement") == portfolio.table("requirement")
    for kept, error in zip(copy.errors, portfolio.errors, strict=True):
        assert (type(kept.error), str(kept.error), vars(kept.error)) == (
            type(error.error),
            str(error.error),
            vars(error.error),
        )


def _unresolved_extension() -> go.GoudenoorError:
    # What go.standard_for raises for an extension it cannot find (a
    # private class with an __init__ of its own).
    assessment = go.Assessment(
        edition="gos-2012",
        organisation="X",
        date=datetime.date(2026, 1, 1),
        extensions=("nope",),
        ratings={},
    )
    try:
        standard_for(assessment)
    except go.GoudenoorError as exc:
        return exc
    raise AssertionError  # pragma: no cover


ERRORS: list[go.GoudenoorError] = [
    go.GoudenoorError("plain"),
    ModelError([Problem(message="must not be empty", path=("organisation",))]),
    ValidationError([Problem(message="bad", line=2, column=3)], "f.yaml"),
    ExtensionError([Problem(message="bad", path=("a",))], "x.yaml"),
    ScoringError("unknown method"),
    OutputError("cannot write JSON: $.total is inf (expected a finite number)"),
    MissingExtraError("Portfolio.dataframe", "dataframe", "pandas"),
    OutputExistsError("out.yaml"),
    go.RecognitionError("expected at least one audit of the organisation"),
    FileFormatError("not UTF-8", "f.yaml", 1, 4),
    UnknownItemError("x", ["y"], "the items", kind="thing", choices=["y", "z"]),
    UnknownEditionError("gos-1999", ["gos-2012"], "the editions"),
    UnknownAreaError("9x", choices=["1", "2"]),
    UnknownRequirementError("1.9", kind="requirement"),
    RollupError("no cards"),
    BenchmarkError("no peers"),
    ConsensusError("fewer than two"),
    go.CalibrationError("the audit has kind 'self'"),
    go.JournalError("no changes given (expected ID=VALUE, as 1.3=3)"),
    go.SamplingError("a sample of 60 is larger than the population of 50 records"),
    EmptyPathError(),
    _unresolved_extension(),
]


def _subclasses(cls: type[go.GoudenoorError]) -> set[type[go.GoudenoorError]]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= _subclasses(sub)
    return found


def test_every_error_class_is_checked() -> None:
    # Every module is imported first, so that a new error class anywhere in
    # the package is found (goudenoor.__main__ would run the command line).
    for module in pkgutil.walk_packages(goudenoor.__path__, "goudenoor."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    classes = {
        cls
        for cls in _subclasses(go.GoudenoorError)
        if cls.__module__.startswith("goudenoor")
    }
    assert classes == {type(error) for error in ERRORS}


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_a_portfolio_error_keeps_its_error(error: go.GoudenoorError) -> None:
    refused = RefusedFile("a.yaml", error)
    copy = _copy(refused)
    assert copy == refused
    assert type(copy.error) is type(error)
    assert str(copy) == str(refused)
    assert copy.error.args == error.args
    assert vars(copy.error) == vars(error)


def test_a_rollup() -> None:
    std = go.load_standard("gos-2012")
    result = rollup([_card(std, 4, unit="Noord"), _card(std, 2, unit="Zuid")])
    copy = _copy(result)
    assert copy == result
    assert copy.as_dict() == result.as_dict()


def test_percentile_ranks() -> None:
    std = go.load_standard("gos-2012")
    cards = [_card(std, value) for value in (1, 2, 3)]
    ranks = percentile_ranks(cards[1], cards)
    copy = _copy(ranks)
    assert copy == ranks
    assert copy.as_dict() == ranks.as_dict()


def test_a_trend() -> None:
    std = go.load_standard("gos-2012")
    result = trend([_card(std, 2, year=2024), _card(std, 3, year=2025)])
    copy = _copy(result)
    assert copy == result
    assert copy.as_dict() == result.as_dict()
