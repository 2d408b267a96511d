"""
Every HTML page the library writes, as a reader sees it in headless
Chromium (through Playwright): the audit report (Dutch, English, with a
translation and a comparison, of an audit team), the roll-up, the
portfolio summary and the calibration of a self-assessment. On a 390 px
phone and a 1280 px desktop each page is no wider than the screen and no
column of running text is squeezed; on the phone axe-core finds nothing
wrong; and the charts are drawn.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

import goudenoor as go
from browser import axe_violations, launch, needs_axe, needs_chromium
from conftest import EXAMPLE_AUDIT, ROOT
from goudenoor.portfolio._portfolio import PortfolioSummary
from goudenoor.portfolio._rollup import rollup
from goudenoor.report import _html as report_html, render_report
from goudenoor.report._calibration import calibration_html
from goudenoor.report._many_html import portfolio_summary_html, rollup_html


pytestmark = needs_chromium

GENERATED = datetime.date(2026, 10, 2)
"""The date in the footer of the pages these tests render."""

PHONE = 390
"""The width of a phone's screen in CSS pixels (an iPhone 12 to 15)."""

DESKTOP = 1280

READABLE = 120
"""The narrowest a column of running text may be, in CSS pixels: about 15
characters a line."""


def _card() -> go.ScoreCard:
    audit = go.load_assessment(EXAMPLE_AUDIT)
    return go.score(go.load_standard(audit.edition), audit)


def _audit(language: str) -> str:
    return render_report(_card(), "html", language=language, generated=GENERATED)


def _translated_and_compared() -> str:
    card = _card()
    std = card.standard
    later = go.what_if(std, card.assessment, {"4.1": 3, "2.2": 4})
    return render_report(
        later,
        "html",
        comparison=go.compare(card, later),
        translation=go.load_translation(std.id, "en"),
        language="en",
        generated=GENERATED,
    )


def _team() -> str:
    team = ROOT / "examples" / "team"
    agreed = go.consensus(
        [go.load_assessment(team / f"auditor-{x}.yaml") for x in "abc"]
    )
    card = go.score(agreed.standard, agreed.assessment)
    return render_report(card, "html", consensus=agreed, generated=GENERATED)


def _rollup(language: str) -> str:
    std = go.load_standard("gos-2012")
    units = sorted((ROOT / "examples" / "sites").iterdir())
    result = rollup([go.score(std, go.load_assessment(unit)) for unit in units])
    return rollup_html(result, language, generated=GENERATED)


def _portfolio(language: str) -> str:
    summary = go.load_portfolio(
        [ROOT / "examples" / "sites", ROOT / "examples" / "history", EXAMPLE_AUDIT]
    ).summary()
    return portfolio_summary_html(summary, language, generated=GENERATED)


def _empty_portfolio() -> str:
    summary = PortfolioSummary(editions=(), refused=1)
    return portfolio_summary_html(summary, "en", generated=GENERATED)


def _calibration(language: str) -> str:
    calibration = go.calibrate(
        go.load_audit(ROOT / "examples" / "self-2012.yaml"),
        go.load_audit(EXAMPLE_AUDIT),
    )
    return calibration_html(calibration, language, generated=GENERATED)


PAGES: dict[str, Callable[[], str]] = {
    "audit-nl": lambda: _audit("nl"),
    "audit-en": lambda: _audit("en"),
    "audit-translated-compared": _translated_and_compared,
    "team-nl": _team,
    "rollup-nl": lambda: _rollup("nl"),
    "rollup-en": lambda: _rollup("en"),
    "portfolio-nl": lambda: _portfolio("nl"),
    "portfolio-en": lambda: _portfolio("en"),
    "portfolio-empty": _empty_portfolio,
    "calibration-nl": lambda: _calibration("nl"),
    "calibration-en": lambda: _calibration("en"),
}
"""Every kind of HTML page the library writes, by a name for the test id."""


@pytest.fixture(scope="module", name="browser")
def _browser() -> Iterator[Browser]:
    with launch() as browser:
        yield browser


@pytest.fixture(scope="module", name="files")
def _files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    files = {}
    for name, render in PAGES.items():
        files[name] = folder / f"{name}.html"
        files[name].write_text(render(), encoding="utf-8")
    return files


@contextmanager
def open_page(
    browser: Browser, source: Path, width: int, height: int = 900
) -> Iterator[Page]:
    """
    *source* in a new tab whose screen is *width* by *height* CSS pixels,
    closed after the block.
    """
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(source.as_uri())
        yield page
    finally:
        page.close()


COLUMNS = """() => {
  const unbroken = document.createElement("style");
  unbroken.textContent = "td, th, td * { overflow-wrap: normal !important; }";
  return [...document.querySelectorAll("table")].map((table, n) => {
    const widths = () => [...table.rows[0].cells].map(
      cell => cell.getBoundingClientRect().width);
    const seen = widths();
    const style = table.style.cssText;
    table.style.width = "min-content";
    document.head.append(unbroken);
    const words = widths();
    unbroken.remove();
    table.style.cssText = style;
    return {
      table: table.id || `${table.className} ${n}`,
      heads: [...table.rows[0].cells].map(cell => cell.textContent.trim()),
      text: [...table.rows[0].cells].map(cell => cell.classList.contains("text")),
      seen: seen,
      words: words,
    };
  });
}"""
"""Per table of the page: each column's head, whether it is a column of
running text, the width it has, and the width of its longest word (the
column's width when the table is as narrow as it can be without breaking
a word)."""


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name", list(PAGES))
class TestLayout:
    def test_fits_the_screen(
        self, browser: Browser, files: dict[str, Path], name: str, width: int
    ) -> None:
        """
        The page is no wider than the screen: tables scroll in their own
        box and the charts shrink.
        """
        with open_page(browser, files[name], width) as page:
            document, screen = page.evaluate(
                "[document.documentElement.scrollWidth,"
                " document.documentElement.clientWidth]"
            )

        assert width == screen
        assert document <= screen

    def test_text_columns_are_readable(
        self, browser: Browser, files: dict[str, Path], name: str, width: int
    ) -> None:
        """
        Every column of running text is at least 120 px wide (about 15
        characters a line), and no column is so narrow that it breaks a
        word of up to 120 px: no column is squeezed to a few letters a
        line beside a wider one.
        """
        with open_page(browser, files[name], width) as page:
            tables = page.evaluate(COLUMNS)

        squeezed = [
            (table["table"], head, round(seen))
            for table in tables
            for head, text, seen in zip(
                table["heads"], table["text"], table["seen"], strict=True
            )
            if text and seen < READABLE
        ]
        words_broken = [
            (table["table"], head, round(seen), round(words))
            for table in tables
            for head, seen, words in zip(
                table["heads"], table["seen"], table["words"], strict=True
            )
            if seen < min(READABLE, words) - 0.5
        ]
        assert [] == squeezed
        assert [] == words_broken
        assert any(any(table["text"]) for table in tables) or not tables


@needs_axe
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_nothing(browser: Browser, files: dict[str, Path], name: str) -> None:
    """
    axe-core finds no violation of any rule, of any impact, on a phone:
    there the tables scroll in their boxes, which the keyboard must reach.
    """
    with open_page(browser, files[name], PHONE) as page:
        found = axe_violations(page)

    assert [] == found


def colour_count(png: Path, colour: str, tolerance: int = 3) -> int:
    """
    How many pixels of *png* have *colour* (``#rrggbb``), give or take
    *tolerance* per channel.
    """
    import matplotlib.image
    import numpy as np

    pixels = np.rint(matplotlib.image.imread(png)[..., :3] * 255).astype(int)
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int(np.all(np.abs(pixels - target) <= tolerance, axis=-1).sum())


def test_screenshot(browser: Browser, files: dict[str, Path], tmp_path: Path) -> None:
    """
    Chromium draws both charts of the audit report: the screenshot has
    the radar's fill and the bars' colour, each over a sizeable area.
    """
    shot = tmp_path / "report.png"

    with open_page(browser, files["audit-en"], 1200, 3000) as page:
        page.screenshot(path=str(shot))

    assert colour_count(shot, report_html.RADAR_FILL) > 5_000
    assert colour_count(shot, report_html.BAR_POINTS) > 5_000
