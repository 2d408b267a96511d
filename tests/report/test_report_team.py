"""
The section "Agreement between auditors" of the Markdown and HTML reports
of an agreed assessment (issue 17).
"""

from __future__ import annotations

import datetime

import attrs
import pytest

import goudenoor as go
from conftest import ROOT
from goudenoor.report import render_report


TEAM = ROOT / "examples" / "team"


@pytest.fixture(scope="module")
def agreed() -> go.Consensus:
    return go.consensus([go.load_assessment(TEAM / f"auditor-{x}.yaml") for x in "abc"])


def _card(result: go.Consensus) -> go.ScoreCard:
    return go.score(result.standard, result.assessment)


def test_markdown_in_dutch(agreed: go.Consensus) -> None:
    text = render_report(_card(agreed), "md", consensus=agreed)

    start = text.index("## Overeenstemming tussen auditoren")
    section = text[start : text.index("\n## ", start + 1)]
    assert (
        "## Overeenstemming tussen auditoren\n\n"
        "Consensus van 3 beoordelingen (A. de Wit; B. Yilmaz; C. Peeters), regel "
        "median; een verschil van 2 of meer schaalstappen staat op de agenda.\n\n"
        "- Krippendorffs alfa (ordinaal): 0.355\n"
        "- per gebied: 1 Stem van de klant: 0.391; 7 Retentie & meerwaarde: 0.000\n\n"
        "| Eis | Gebied | Verschil | Stappen | Waarde per auditor | Uitkomst |\n"
        "|---|---|---|--:|---|---|\n"
        "| `1.4` | 1 Stem van de klant | spreiding | 3 "
        "| A. de Wit: 2; B. Yilmaz: 4; C. Peeters: 1 | afgesproken: 2 |\n"
        "| `1.5` | 1 Stem van de klant | niet door iedereen beoordeeld | 0 "
        "| A. de Wit: 2; B. Yilmaz: 2; C. Peeters: niet beoordeeld | afgesproken: 2 |\n"
        "| `7.2` | 7 Retentie & meerwaarde | wel of niet van toepassing | 0 "
        "| A. de Wit: n.v.t.; B. Yilmaz: n.v.t.; C. Peeters: 1 "
        "| blijft onbeoordeeld tot het team beslist |\n"
    ) == section


def test_markdown_in_english(agreed: go.Consensus) -> None:
    text = render_report(_card(agreed), "md", consensus=agreed, language="en")

    assert "## Agreement between auditors" in text
    assert "- Krippendorff's alpha (ordinal): 0.355\n" in text
    assert (
        "| `7.2` | 7 Retentie & meerwaarde | applicable or not | 0 "
        "| A. de Wit: n/a; B. Yilmaz: n/a; C. Peeters: 1 "
        "| stays unrated until the team decides |"
    ) in text


def test_without_consensus_no_section(agreed: go.Consensus) -> None:
    assert "Overeenstemming" not in render_report(_card(agreed), "md")


def test_no_disagreements() -> None:
    one = go.load_assessment(TEAM / "auditor-a.yaml")
    other = attrs.evolve(one, auditors=("B. Ander",))
    result = go.consensus([one, other])

    text = render_report(_card(result), "md", consensus=result)

    assert "- Krippendorffs alfa (ordinaal): 1.000\n" in text
    assert "- per gebied: 1 Stem van de klant: 1.000\n" in text
    assert "De auditoren verschillen nergens van mening.\n" in text


def test_html(agreed: go.Consensus) -> None:
    pytest.importorskip("jinja2")
    pytest.importorskip("matplotlib")

    html = render_report(
        _card(agreed),
        "html",
        consensus=agreed,
        generated=datetime.date(2026, 11, 5),
    )

    start = html.index('<section id="agreement">')
    section = html[start : html.index("</section>", start)]
    assert "<h2>Overeenstemming tussen auditoren</h2>" in section
    assert (
        '<tr><td class="id">7.2</td><td lang="nl">7 Retentie &amp; meerwaarde</td>'
        '<td>wel of niet van toepassing</td><td class="num">0</td>'
        "<td>A. de Wit: n.v.t.; B. Yilmaz: n.v.t.; C. Peeters: 1</td>"
        "<td>blijft onbeoordeeld tot het team beslist</td></tr>"
    ) in section
    assert '<section id="agreement">' not in render_report(
        _card(agreed), "html", generated=datetime.date(2026, 11, 5)
    )
