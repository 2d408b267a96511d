"""
load_portfolio: folders, globs and iterables of files; refused files kept
with their errors; worker processes; errors that pickle.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import goudenoor as go
from goudenoor.exceptions import (
    ExtensionError,
    FileFormatError,
    MissingExtraError,
    ModelError,
    ScoringError,
    UnknownAreaError,
    UnknownEditionError,
    UnknownRequirementError,
    ValidationError,
)
from goudenoor.files._portfolio import portfolio_paths
from goudenoor.problems import Problem
from portfolio_files import broken_messages, write_portfolio


def _names(portfolio: go.Portfolio) -> list[str]:
    return [a.organisation for a in portfolio.assessments]


def test_a_folder_gives_every_yaml_file_below_it_sorted(tmp_path: Path) -> None:
    write_portfolio(tmp_path)
    (tmp_path / "notes.txt").write_text("not an audit", encoding="utf-8")
    portfolio = go.load_portfolio(tmp_path)
    assert ["Alfa", "Beta", "Gamma"] == _names(portfolio)
    assert [a.source for a in portfolio.assessments] == [
        str(tmp_path / "a.yaml"),
        str(tmp_path / "b.yml"),
        str(tmp_path / "sub" / "c.yaml"),
    ]
    assert () == portfolio.errors


def test_a_glob_pattern_gives_its_matches_sorted(tmp_path: Path) -> None:
    write_portfolio(tmp_path)
    assert ["Alfa"] == _names(go.load_portfolio(str(tmp_path / "*.yaml")))
    assert (
        [
            "Alfa",
            "Gamma",
        ]
    ) == _names(go.load_portfolio(str(tmp_path / "**" / "*.yaml")))


def test_an_iterable_keeps_its_own_order(tmp_path: Path) -> None:
    a, b, c = write_portfolio(tmp_path)
    assert ["Gamma", "Alfa"] == _names(go.load_portfolio([c, str(a)]))
    assert ["Beta"] == _names(go.load_portfolio(iter([b])))
    assert portfolio_paths([tmp_path / "sub", a]) == [str(c), str(a)]


def test_broken_files_are_kept_with_their_errors_and_the_rest_loaded(
    tmp_path: Path,
) -> None:
    write_portfolio(tmp_path, broken=True)
    portfolio = go.load_portfolio(tmp_path)
    assert ["Alfa", "Beta", "Gamma"] == _names(portfolio)
    assert {e.path: str(e.error) for e in portfolio.errors} == broken_messages(tmp_path)
    assert all(isinstance(e.error, ValidationError) for e in portfolio.errors)
    assert [100.0, 50.0, 12.5] == [row["points"] for row in portfolio.table()]


def test_a_missing_file_is_refused_not_raised(tmp_path: Path) -> None:
    write_portfolio(tmp_path)
    missing = tmp_path / "gone.yaml"
    portfolio = go.load_portfolio([tmp_path / "a.yaml", missing])
    assert ["Alfa"] == _names(portfolio)
    assert [e.path for e in portfolio.errors] == [str(missing)]
    assert isinstance(portfolio.errors[0].error, FileFormatError)


def test_jobs_two_gives_the_same_portfolio_as_one(tmp_path: Path) -> None:
    write_portfolio(tmp_path, broken=True)
    one = go.load_portfolio(tmp_path)
    two = go.load_portfolio(tmp_path, jobs=2)
    assert two.assessments == one.assessments
    assert [a.source for a in two.assessments] == [a.source for a in one.assessments]
    assert [(e.path, str(e.error), type(e.error)) for e in two.errors] == [
        (e.path, str(e.error), type(e.error)) for e in one.errors
    ]
    for level in ("total", "area", "requirement"):
        assert two.table(level) == one.table(level)


def test_jobs_below_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(go.GoudenoorError, match=r"^jobs must be at least 1, not 0$"):
        go.load_portfolio(tmp_path, jobs=0)


def test_progress_is_called_after_each_file(tmp_path: Path) -> None:
    write_portfolio(tmp_path)
    calls: list[tuple[int, int]] = []
    go.load_portfolio(
        tmp_path, progress=lambda done, total: calls.append((done, total))
    )
    assert [(1, 3), (2, 3), (3, 3)] == calls


def test_a_given_standard_is_used_for_every_file(tmp_path: Path) -> None:
    write_portfolio(tmp_path)
    standard = go.load_standard("gos-2012")
    portfolio = go.load_portfolio(tmp_path, standard=standard)
    assert all(s is standard for s in portfolio.standards)


def test_a_portfolio_pickles(tmp_path: Path) -> None:
    write_portfolio(tmp_path, broken=True)
    portfolio = go.load_portfolio(tmp_path)
    copy = pickle.loads(pickle.dumps(portfolio))  # noqa: S301 - our own data
    assert copy.table("area") == portfolio.table("area")
    assert [str(e.error) for e in copy.errors] == [
        str(e.error) for e in portfolio.errors
    ]


@pytest.mark.parametrize(
    "error",
    [
        ValidationError([Problem(message="bad", line=2, column=3)], "f.yaml"),
        ExtensionError([Problem(message="bad", path=("a",))], "x.yaml"),
        ModelError([Problem(message="must not be empty", path=("organisation",))]),
        FileFormatError("not UTF-8", "f.yaml", 1, 4),
        MissingExtraError("Portfolio.dataframe", "dataframe", "pandas"),
        UnknownEditionError("gos-1999", ["gos-2012"], "the editions"),
        UnknownAreaError("9x", choices=["1", "2"]),
        UnknownRequirementError("1.9", kind="requirement"),
        ScoringError("unknown method"),
        go.GoudenoorError("plain"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_every_error_pickles_with_its_message_and_attributes(
    error: go.GoudenoorError,
) -> None:
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)
