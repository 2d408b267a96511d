"""
The optional ``unit`` of an assessment: read, written and kept losslessly.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs
import pytest

import goudenoor as go
from goudenoor.files._schemas import assessment_schema
from goudenoor.files._template import assessment_template


def _audit(unit: str | None) -> go.Assessment:
    return go.Assessment(
        edition="gos-2012",
        organisation="Woonstichting",
        date=datetime.date(2026, 5, 1),
        unit=unit,
        ratings={"5.1": go.Rating(value=2)},
    )


def test_unit_round_trips_through_a_file(tmp_path: Path) -> None:
    audit = _audit("Locatie Noord")
    path = tmp_path / "noord.yaml"
    go.save_assessment(audit, path)

    loaded = go.load_assessment(path)

    assert loaded == audit
    assert "Locatie Noord" == loaded.unit
    assert "unit: Locatie Noord" in path.read_text(encoding="utf-8")


def test_no_unit_writes_no_unit_key() -> None:
    assert "unit" not in go.assessment_to_mapping(_audit(None))
    assert "Team A" == go.assessment_to_mapping(_audit("Team A"))["unit"]


def test_unit_is_read_from_text() -> None:
    text = (
        "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
        "unit: Team A\ndate: 2026-05-01\nratings: {}\n"
    )
    assert "Team A" == go.loads_assessment(text).unit


def test_an_empty_unit_is_refused() -> None:
    with pytest.raises(go.ModelError) as info:
        _audit("  ")
    assert "unit: must not be empty" == str(info.value)


def test_schema_and_template_describe_the_unit(std2012: go.Standard) -> None:
    unit = assessment_schema()["properties"]["unit"]
    assert "string" == unit["type"]
    assert 1 == unit["minLength"]
    assert "site, team or department" in unit["description"]
    assert "'unit: NAME'" in assessment_template(std2012)


def test_score_card_data_has_the_unit(std2012: go.Standard) -> None:
    assert "Team A" == go.score(std2012, _audit("Team A")).as_dict()["unit"]
    assert go.score(std2012, _audit(None)).as_dict()["unit"] is None


def test_a_consensus_needs_one_unit(std2012: go.Standard) -> None:
    a = _audit("Noord")
    b = _audit("Zuid")

    with pytest.raises(go.ConsensusError) as info:
        go.consensus([a, b], standard=std2012)

    assert (
        "the assessments differ in unit: 'Noord' in assessment 1; 'Zuid' in "
        "assessment 2; a consensus needs one unit for all"
    ) == (str(info.value))
    other = attrs.evolve(a, auditors=("B. Ander",))
    assert "Noord" == go.consensus([a, other], standard=std2012).assessment.unit
