"""
The portfolio summary report: Markdown and HTML, Dutch or English, hand-
computed figures, user text escaped, the same summary gives the same bytes.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

import attrs
import pytest

import goudenoor as go
from goudenoor.portfolio._portfolio import AreaSpread, PortfolioSummary, Spread
from goudenoor.report._many_html import BOX_FILL, portfolio_summary_html
from goudenoor.report._markdown import portfolio_summary_markdown
from portfolio_files import write_portfolio


@pytest.fixture(name="summary")
def _summary(tmp_path: Path) -> PortfolioSummary:
    # totals 100, 50 and 12.5; levels Niveau 3, Gecommitteerd and none;
    # three files refused
    write_portfolio(tmp_path, broken=True)
    return go.load_portfolio(tmp_path).summary()


LINK = r'\b(?:href|src)="(?!#)|\son[a-z]+='
"""A link or source other than to the page itself, or an event handler."""


def hostile(summary: PortfolioSummary) -> PortfolioSummary:
    """The summary with an extension and an area named by a hostile user."""
    (edition,) = summary.editions
    first = edition.areas[0]
    area = AreaSpread(
        area_id="x1",
        name="<script>alert(1)</script> [x](javascript:alert(1))",
        kind="organisation",
        max_points=first.max_points,
        points=first.points,
    )
    return attrs.evolve(
        summary,
        editions=(
            attrs.evolve(
                edition,
                extensions=('=HYPERLINK("http://evil.example")',),
                areas=(area, *edition.areas[1:]),
            ),
        ),
    )


def test_markdown_by_hand(summary: PortfolioSummary) -> None:
    lines = portfolio_summary_markdown(summary, "en").splitlines()
    assert (
        [
            "# Portfolio summary",
            "",
            "- **Assessments:** 3",
            "- **Refused files:** 3",
            "",
            "## Edition gos-2012",
            "",
            "- **Assessments:** 3",
            "- **Maximum:** 100",
            "",
            "### Spread of the totals",
            "",
            "|  | Lowest | Q1 | Median | Q3 | Highest | Mean | Maximum |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            "| Total | 12.50 | 31.25 | 50.00 | 75.00 | 100.00 | 54.17 | 100.00 |",
            "",
            "### Spread per area",
            "",
        ]
    ) == lines[:18]
    # area 6: Alfa 10, Beta 5, Gamma 7.5
    assert (
        "| 6 Vertrouwen & reputatie | 5.00 | 6.25 | 7.50 | 8.75 | 10.00 | 7.50 | "
        "10.00 |"
    ) in lines
    assert (
        [
            "### Recognition levels reached (`niveaus`)",
            "",
            "| Level | Count | Share |",
            "|---|---:|---:|",
            "| Gecommitteerd | 1 | 33% |",
            "| Niveau 1 | 0 | 0% |",
            "| Niveau 2 | 0 | 0% |",
            "| Niveau 3 | 1 | 33% |",
            "| no level | 1 | 33% |",
        ]
    ) == lines[-9:]


def test_markdown_is_dutch_by_default(summary: PortfolioSummary) -> None:
    text = portfolio_summary_markdown(summary)
    assert text.startswith("# Portefeuille in cijfers\n")
    assert "### Bereikte erkenningsniveaus (`niveaus`)" in text
    assert text.endswith("| geen niveau | 1 | 33% |\n")


def test_markdown_of_nothing() -> None:
    assert (
        "# Portefeuille in cijfers\n\n- **Beoordelingen:** 0\n"
        "- **Geweigerde bestanden:** 1\n\nGeen beoordelingen om samen te vatten.\n"
    ) == (portfolio_summary_markdown(PortfolioSummary(editions=(), refused=1)))


def test_markdown_escapes_what_a_user_typed(summary: PortfolioSummary) -> None:
    text = portfolio_summary_markdown(hostile(summary), "en")
    assert "<script>" not in text
    assert (
        "| x1 &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:alert(1)) |"
    ) in text
    assert '- **Extensions:** \\=HYPERLINK("http\\://evil.example")' in text


def page(summary: PortfolioSummary, language: str = "nl") -> str:
    return portfolio_summary_html(
        summary, language, generated=datetime.date(2026, 6, 1)
    )


def test_html_has_the_box_plot_the_levels_and_the_spread_per_area(
    summary: PortfolioSummary,
) -> None:
    html = page(summary, "en")
    totals = html.split('<section id="totals">', 1)[1].split("</section>", 1)[0]
    assert '<svg class="chart" id="box" role="img"' in totals
    assert 'aria-label="Box plot of the totals per edition"' in totals
    assert BOX_FILL in totals
    assert (
        '<tr><td class="id">gos-2012</td><td class="num">12.50</td>'
        '<td class="num">31.25</td><td class="num">50.00</td>'
        '<td class="num">75.00</td><td class="num">100.00</td>'
        '<td class="num">54.17</td><td class="num">100.00</td></tr>'
    ) in totals
    levels = html.split('<table class="levels">', 1)[1].split("</table>", 1)[0]
    assert (
        [
            ("Gecommitteerd", "1"),
            ("Niveau 1", "0"),
            ("Niveau 2", "0"),
            ("Niveau 3", "1"),
            ("no level", "1"),
        ]
    ) == (re.findall(r"<tr><td[^>]*>([^<]+)</td><td class=\"num\">(\d+)</td>", levels))
    areas = html.split('<table class="area-spread">', 1)[1].split("</table>", 1)[0]
    assert areas.count("<tr>") == 1 + 9  # the header and one row per area
    assert (
        '<tr><td lang="nl">2 Sturing</td><td class="num">0.00</td>'
        '<td class="num">5.00</td><td class="num">10.00</td>'
    ) in areas
    assert "<dt>Refused files</dt>\n<dd>3</dd>" in html


def test_html_keeps_editions_apart() -> None:
    old, new = go.load_standard("gos-2012"), go.load_standard("gos-2016")

    def audit(standard: go.Standard, value: int) -> go.Assessment:
        return go.Assessment(
            edition=standard.id,
            organisation="X",
            date=datetime.date(2026, 1, 1),
            ratings={r.id: go.Rating(value=value) for r in standard.requirements},
        )

    summary = go.Portfolio(
        assessments=[audit(old, 4), audit(new, 2)], standards=[old, new]
    ).summary()
    html = page(summary, "en")
    assert ["gos-2012", "gos-2016"] == re.findall(r"<h2>Edition ([^<]+)</h2>", html)
    assert 2 == html.count('<table class="levels">')
    box = html.split('id="box"', 1)[1].split("</svg>", 1)[0]
    assert "gos-2012" in box
    assert "gos-2016" in box


def test_html_of_nothing_has_no_chart() -> None:
    html = page(PortfolioSummary(editions=(), refused=2))
    assert "<svg" not in html
    assert "<p>Geen beoordelingen om samen te vatten.</p>" in html


def test_html_escapes_what_a_user_typed(summary: PortfolioSummary) -> None:
    html = page(hostile(summary), "en")
    assert "<script" not in html
    assert re.search(LINK, html, flags=re.IGNORECASE) is None
    assert (
        '<td lang="nl">x1 &lt;script&gt;alert(1)&lt;/script&gt; '
        "[x](javascript:alert(1))</td>"
    ) in html
    assert "<dd>=HYPERLINK(&#34;http://evil.example&#34;)</dd>" in html


def test_the_same_summary_gives_the_same_bytes(
    summary: PortfolioSummary, tmp_path: Path
) -> None:
    other = tmp_path / "again"
    write_portfolio(other, broken=True)
    again = go.load_portfolio(other).summary()
    assert again == summary
    assert page(again) == page(summary)


def test_the_footer_and_source_date_epoch(
    summary: PortfolioSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    html = portfolio_summary_html(summary)
    footer = html.split('<footer class="colophon">', 1)[1]
    assert "<p>Gemaakt met goudenoor " in footer
    assert " op 2026-01-01</p>" in footer
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl">')


def test_one_assessment_is_a_box_of_no_width(tmp_path: Path) -> None:
    write_portfolio(tmp_path)
    (tmp_path / "b.yml").unlink()
    (tmp_path / "sub" / "c.yaml").unlink()
    summary = go.load_portfolio(tmp_path).summary()
    assert summary.editions[0].totals == Spread.of([100.0])
    html = page(summary, "en")
    assert '<svg class="chart" id="box"' in html
    assert html.count('<td class="num">100.00</td>') >= 7


@pytest.mark.parametrize("module", ["jinja2", "matplotlib"])
def test_without_the_report_extra(
    summary: PortfolioSummary, monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(go.MissingExtraError) as info:
        portfolio_summary_html(summary)
    assert (
        "the HTML portfolio summary needs the 'report' extra: "
        f"pip install 'goudenoor[report]' ({module} is not installed)"
    ) == (str(info.value))
