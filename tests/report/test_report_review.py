"""
The audit reports show which ratings a migration marked for review, and
why (issue 23, item 2); a rating the auditor has since set is not shown.
"""

from __future__ import annotations

from pathlib import Path

import markupsafe
import pytest

import goudenoor as go
from goudenoor.report import render_report
from goudenoor.report._text import card_text


EXAMPLE_AUDIT = Path(__file__).parents[2] / "examples" / "audit-2012.yaml"


@pytest.fixture(name="card")
def _card(std2016: go.Standard) -> go.ScoreCard:
    migrated = go.migrate(go.load_assessment(EXAMPLE_AUDIT), "gos-2016").assessment
    # 1.1 decided by the auditor: its mark no longer holds.
    decided = migrated.with_ratings({"1.1": go.Rating(value=4)})
    return go.score(std2016, decided)


def reasons(card: go.ScoreCard) -> dict[str, str]:
    return {
        rid: rating.review.reason
        for rid, rating in card.assessment.ratings.items()
        if rating.review is not None and rating.needs_review
    }


def test_text(card: go.ScoreCard) -> None:
    """
    The score text lists each rating to review with its reason.
    """
    text = card_text(card)
    marked = reasons(card)

    section = text.split(f"\nto review ({len(marked)}):\n", 1)[1]
    shown = section.split("\n\n", 1)[0].splitlines()
    assert [f"  {rid:<6} {reason}" for rid, reason in marked.items()] == shown
    assert "1.1" not in marked


@pytest.mark.parametrize(
    ("language", "label"), [("nl", "te herbeoordelen"), ("en", "to review")]
)
def test_markdown(card: go.ScoreCard, language: str, label: str) -> None:
    """
    The Markdown ratings tables give the mark in the evidence-and-notes
    cell.
    """
    text = render_report(card, "md", language=language)

    rows = {
        line.split(" | ")[0].removeprefix("| "): line
        for line in text.splitlines()
        if line.startswith("| ")
    }
    assert f"{label}: 5.6 (subset): " in rows["5.6"]
    assert f"{label}:" not in rows["1.1"]


def test_html(card: go.ScoreCard) -> None:
    """
    The HTML ratings tables give the mark and its reason.
    """
    text = render_report(card, "html")

    marked = reasons(card)
    assert len(marked) == text.count('<p class="review">')
    assert (
        '<p class="review"><strong>te herbeoordelen</strong>: '
        f'<span lang="nl">{markupsafe.escape(marked["5.6"])}</span></p>'
    ) in text
