"""
Portfolio.status and Portfolio.recognitions (issue 25): one status/1 row
per organisation and unit, sorted, from the audits grouped in one pass;
a checked portfolio is not checked again.
"""

from __future__ import annotations

import datetime

import attrs
import pytest

import goudenoor as go
from conftest import DATA
from goudenoor.audit import Audit
from goudenoor.exceptions import ValidationError
from goudenoor.portfolio import STATUS_COLUMNS, Portfolio


FINDINGS = DATA / "findings"
AS_OF = datetime.date(2025, 10, 1)


def test_one_row_per_organisation_and_unit_sorted() -> None:
    """
    Three files, three recognitions: sorted by organisation, then unit;
    each row the status/1 data of its recognition.
    """
    portfolio = go.load_portfolio(FINDINGS)

    rows = portfolio.status(AS_OF)

    assert [
        ("Stichting Lindeplein", None, "valid", 0, 0, "2025-11-01"),
        ("Woonstichting Zuiderlicht", "Noord", "valid", 2, 1, "2026-03-03"),
        ("Woonstichting Zuiderlicht", "Zuid", "suspended", 1, 1, "2026-04-01"),
    ] == [
        (
            row["organisation"],
            row["unit"],
            row["state"],
            row["open_findings"],
            row["overdue_findings"],
            row["next_review"],
        )
        for row in rows
    ]
    assert [found.to_data() for found in portfolio.recognitions(AS_OF)] == rows
    assert ["goudenoor", *STATUS_COLUMNS, "reasons"] == list(rows[0])


def test_the_rows_are_those_of_recognition_status() -> None:
    """
    A unit's row is recognition_status of that unit's audits, review and
    audit in any order.
    """
    noord = go.load_audit(FINDINGS / "zuiderlicht-noord-2025.yaml")
    review = Audit(
        assessment=attrs.evolve(
            noord.assessment,
            kind="review",
            date=datetime.date(2026, 2, 1),
            findings=(),
        ),
        standard=noord.standard,
    )
    portfolio = Portfolio(
        assessments=[review.assessment, noord.assessment],
        standards=[review.standard, noord.standard],
    )

    rows = portfolio.status(datetime.date(2026, 5, 1))

    assert [
        go.recognition_status([noord, review], datetime.date(2026, 5, 1)).to_data()
    ] == rows
    assert "2027-03-03" == rows[0]["next_review"]


def test_no_unit_sorts_before_units_of_the_same_organisation() -> None:
    """
    An organisation's row without a unit comes before its units' rows.
    """
    noord = go.load_audit(FINDINGS / "zuiderlicht-noord-2025.yaml")
    whole = attrs.evolve(noord.assessment, unit=None)
    portfolio = Portfolio(
        assessments=[noord.assessment, whole],
        standards=[noord.standard, noord.standard],
    )

    assert [None, "Noord"] == [row["unit"] for row in portfolio.status(AS_OF)]


def test_an_empty_portfolio_has_no_rows() -> None:
    assert [] == Portfolio(assessments=[], standards=[]).status(AS_OF)


def test_a_checked_portfolio_is_not_checked_again(std2012: go.Standard) -> None:
    """
    With checked=True the audits are built without checking (the loader
    did); without it, an assessment that does not fit is refused.
    """
    noord = go.load_audit(FINDINGS / "zuiderlicht-noord-2025.yaml").assessment
    # A finding on a requirement the standard does not have: only a check
    # finds it; the status does not look at it.
    unknown = attrs.evolve(
        noord,
        findings=(
            go.Finding(
                id="X-1", requirement="99.1", kind="observatie", text="Buiten de eisen."
            ),
        ),
    )
    trusted = Portfolio(assessments=[unknown], standards=[std2012], checked=True)
    unchecked = Portfolio(assessments=[unknown], standards=[std2012])

    assert "valid" == trusted.status(AS_OF)[0]["state"]
    with pytest.raises(ValidationError):
        unchecked.status(AS_OF)


def test_an_audit_of_checked_holds_the_pair(std2012: go.Standard) -> None:
    """
    Audit.of_checked gives the same Audit as the checking constructor.
    """
    noord = go.load_audit(FINDINGS / "zuiderlicht-noord-2025.yaml").assessment

    audit = Audit.of_checked(noord, std2012)

    assert Audit(assessment=noord, standard=std2012) == audit
    assert () == audit.extensions


def test_options_reach_recognition_status() -> None:
    """
    The scoring options are those of recognition_status: another scheme
    gives that scheme's levels.
    """
    portfolio = go.load_portfolio(FINDINGS)

    rows = portfolio.status(AS_OF, scheme="sterren")

    assert {"sterren"} == {row["scheme"] for row in rows}
