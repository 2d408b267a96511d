"""
The roll-up report: the units side by side per area (Markdown and HTML),
a radar per unit (HTML), the weakest unit per area; user text escaped;
the same roll-up gives the same bytes.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

import pytest

import goudenoor as go
from goudenoor.exceptions import UnknownItemError
from goudenoor.portfolio._rollup import Rollup, rollup
from goudenoor.report._html import RADAR_FILL
from goudenoor.report._many_html import rollup_html
from goudenoor.report._markdown import rollup_markdown
from helpers import run


STD = go.load_standard("gos-2012")
DAY = datetime.date(2026, 6, 1)
HOSTILE = (
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    '=HYPERLINK("http://evil.example","klik")',
)


LINK = r'\b(?:href|src)="(?!#)|\son[a-z]+='
"""A link or source other than to the page itself, or an event handler."""


def card(unit: str, value: int, organisation: str = "Zorggroep") -> go.ScoreCard:
    """Every requirement rated *value*, but 1.1 rated 0."""
    ratings = {r.id: go.Rating(value=value) for r in STD.requirements}
    ratings["1.1"] = go.Rating(value=0)
    return go.score(
        STD,
        go.Assessment(
            edition="gos-2012",
            organisation=organisation,
            unit=unit,
            date=datetime.date(2026, 5, 1),
            ratings=ratings,
        ),
    )


@pytest.fixture(name="three")
def _three() -> Rollup:
    # area 1 (5 requirements, 10 points): Noord 8/20 -> 8, Zuid 4/20 -> 4,
    # Oost 0 -> 0; area 2 (20 points): 20, 10, 0
    return rollup([card("Noord", 4), card("Zuid", 2), card("Oost", 0)])


def test_markdown_has_the_units_side_by_side_with_the_weakest_in_bold(
    three: Rollup,
) -> None:
    lines = rollup_markdown(three, "en").splitlines()
    start = lines.index("## Units side by side")
    assert (
        [
            "Points per area and unit; in bold: the area's weakest unit.",
            "",
            "| Area | Noord | Zuid | Oost | Maximum |",
            "|---|---:|---:|---:|---:|",
            "| 1 Stem van de klant | 8.00 | 4.00 | **0.00** | 10.00 |",
        ]
    ) == lines[start + 2 : start + 7]
    assert "| 2 Sturing | 20.00 | 10.00 | **0.00** | 20.00 |" == lines[start + 7]
    # the weakest unit per area stays in the table of rolled-up points
    assert "| 1 Stem van de klant | 4.00 | 0.00 | 8.00 | 10.00 | Oost |" in lines


def test_markdown_is_dutch_by_default(three: Rollup) -> None:
    text = rollup_markdown(three)
    assert "## Eenheden naast elkaar" in text
    assert "| Gebied | Noord | Zuid | Oost | Maximum |" in text


def test_markdown_escapes_hostile_unit_names() -> None:
    text = rollup_markdown(
        rollup([card(name, 2 + i) for i, name in enumerate(HOSTILE)]), "en"
    )
    lines = text.splitlines()
    header = lines[lines.index("## Units side by side") + 4]
    assert (
        "| Area | &lt;script&gt;alert(1)&lt;/script&gt; | "
        "\\[x\\](javascript:alert(1)) | "
        '\\=HYPERLINK("http\\://evil.example","klik") | Maximum |'
    ) == (header)
    assert "<script>" not in text


def page(result: Rollup, language: str = "nl") -> str:
    return rollup_html(result, language, generated=DAY)


def test_html_has_the_units_side_by_side(three: Rollup) -> None:
    html = page(three, "en")
    table = html.split('<table id="units-per-area">', 1)[1].split("</table>", 1)[0]
    assert (
        '<tr><th class="text">Area</th><th class="num">Noord</th>'
        '<th class="num">Zuid</th><th class="num">Oost</th>'
        '<th class="num">Maximum</th></tr>'
    ) in table
    assert (
        '<tr><td lang="nl">1 Stem van de klant</td><td class="num">8.00</td>'
        '<td class="num">4.00</td><td class="num weakest">0.00</td>'
        '<td class="num">10.00</td></tr>'
    ) in table
    assert 9 == table.count("weakest")


def test_html_has_the_weakest_unit_per_area_and_the_rolled_up_points(
    three: Rollup,
) -> None:
    html = page(three, "en")
    table = html.split('<table id="areas">', 1)[1].split("</table>", 1)[0]
    assert (
        '<tr><td lang="nl">2 Sturing</td><td class="num">10.00</td>'
        '<td class="num">0.00</td><td class="num">20.00</td>'
        '<td class="num">20.00</td><td>Oost</td></tr>'
    ) in table
    assert f'<td class="num">{three.total:.2f}</td>' in table
    level = three.level
    expected = level.name if level else "none"
    assert (
        f'<strong>Recognition level:</strong> <span lang="nl">{expected}</span>' in html
    )


def test_html_has_a_radar_per_unit_on_one_scale_in_gold(three: Rollup) -> None:
    html = page(three)
    radars = html.split('<div class="radars">', 1)[1].split("</div>", 1)[0]
    svgs = re.findall(r"<svg .*?</svg>", radars, flags=re.DOTALL)
    assert 4 == len(svgs)  # the roll-up, then each unit
    assert (
        [
            "Samengevoegd: Zorggroep",
            "Noord",
            "Zuid",
            "Oost",
        ]
    ) == re.findall(r"<figcaption>(.*?)</figcaption>", radars)
    for number, svg in enumerate(svgs):
        assert f'id="radar-{number}"' in svg
        assert RADAR_FILL in svg
        assert "100%" in svg  # every radar runs to 100%
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_html_escapes_what_a_user_typed() -> None:
    result = rollup(
        [card(name, 2 + i, organisation=HOSTILE[0]) for i, name in enumerate(HOSTILE)]
    )
    html = page(result, "en")
    assert "<script" not in html
    # no link, source or event handler anywhere: the names stay text
    assert re.search(LINK, html, flags=re.IGNORECASE) is None
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<figcaption>[x](javascript:alert(1))</figcaption>" in html
    assert (
        "<figcaption>=HYPERLINK(&#34;http://evil.example&#34;,&#34;klik&#34;)"
        "</figcaption>"
    ) in html
    assert 'aria-label="Radar chart of the share of each area&#x27;s points: ' in html


def test_control_characters_in_a_unit_are_refused_at_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unit.yaml"
    path.write_text(
        "goudenoor: assessment/1\nedition: gos-2012\norganisation: Zorggroep\n"
        'unit: "Noord\\u001b[31m"\ndate: 2026-03-01\nratings: {}\n',
        encoding="utf-8",
    )
    assert (2, "") == run("rollup", str(path), "--format", "html")
    assert (
        f"goudenoor: error: {path}:4:1: control character U+001B is not allowed "
        "in text (only tab and line feed are)\n"
    ) == (capsys.readouterr().err)


def test_the_same_rollup_gives_the_same_bytes(three: Rollup) -> None:
    again = rollup([card("Noord", 4), card("Zuid", 2), card("Oost", 0)])
    assert page(three) == page(again)


def test_the_footer_and_source_date_epoch(
    three: Rollup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    html = rollup_html(three, "en")
    footer = html.split('<footer class="colophon">', 1)[1]
    assert "<p>Zorggroep · gos-2012 · Generated by goudenoor " in footer
    assert " on 2026-01-01</p>" in footer
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')


def test_an_unknown_language_is_refused(three: Rollup) -> None:
    with pytest.raises(UnknownItemError) as caught:
        rollup_html(three, "de")
    assert str(caught.value) == str(
        UnknownItemError("de", ("nl", "en"), kind="report language")
    )


@pytest.mark.parametrize("module", ["jinja2", "matplotlib"])
def test_without_the_report_extra(
    three: Rollup, monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(go.MissingExtraError) as info:
        rollup_html(three)
    assert (
        "the HTML roll-up report needs the 'report' extra: "
        f"pip install 'goudenoor[report]' ({module} is not installed)"
    ) == (str(info.value))
