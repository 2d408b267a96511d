"""
The unit of an audit in the reports' headers.
"""

from __future__ import annotations

import datetime

import attrs
import pytest

import goudenoor as go
from goudenoor.report import render_report
from goudenoor.report._text import card_text


GENERATED = datetime.date(2026, 1, 1)


@pytest.fixture(name="unit_card")
def _unit_card(example_card: go.ScoreCard) -> go.ScoreCard:
    audit = attrs.evolve(example_card.assessment, unit="Locatie <Noord>")
    return go.score(example_card.standard, audit)


def test_markdown_header_names_the_unit(unit_card: go.ScoreCard) -> None:
    assert "- **Eenheid:** Locatie &lt;Noord&gt;" in render_report(unit_card, "md")
    english = render_report(unit_card, "md", language="en")
    assert "- **Unit:** Locatie &lt;Noord&gt;" in english


def test_html_header_names_the_unit(unit_card: go.ScoreCard) -> None:
    pytest.importorskip("jinja2")
    pytest.importorskip("matplotlib")
    page = render_report(unit_card, "html", generated=GENERATED)
    assert "Eenheid" in page
    assert "Locatie &lt;Noord&gt;" in page


def test_no_unit_no_line(example_card: go.ScoreCard) -> None:
    assert "Eenheid" not in render_report(example_card, "md")
    assert card_text(example_card).startswith(
        f"{example_card.assessment.organisation}: "
    )


def test_card_text_header_names_the_unit(unit_card: go.ScoreCard) -> None:
    first = card_text(unit_card).splitlines()[0]
    assert first.startswith(f"{unit_card.assessment.organisation} (Locatie <Noord>): ")
