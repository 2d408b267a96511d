"""
The HTML report: content as in the Markdown report, the two charts, a
self-contained and deterministic page, and the missing extra. How the page
looks in Chromium: test_html_in_browser.py.
"""

from __future__ import annotations

import datetime
import re
import sys
from html.parser import HTMLParser

import attrs
import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.report import _html as report_html, render_report, report_data
from helpers import run_python


GENERATED = datetime.date(2026, 10, 2)
"""The date in the footer of the pages these tests render."""


@pytest.fixture(scope="module", name="std")
def _std() -> go.Standard:
    return go.load_standard("gos-2012")


@pytest.fixture(scope="module", name="audit")
def _audit() -> go.Assessment:
    return go.load_assessment(EXAMPLE_AUDIT)


@pytest.fixture(scope="module", name="card")
def _card(std: go.Standard, audit: go.Assessment) -> go.ScoreCard:
    return go.score(std, audit)


@pytest.fixture(scope="module", name="page")
def _page(card: go.ScoreCard) -> str:
    return render_report(card, "html", language="en", generated=GENERATED)


class Page(HTMLParser):
    """
    The text of an HTML page as a reader sees it: the rows of each table
    (by id) and the whole visible text, whitespace collapsed.
    """

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self._table: list[list[str]] | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._hidden = 0
        self._text: list[str] = []
        self.feed(source)
        self.close()

    @property
    def text(self) -> str:
        """
        The visible text (not styles or charts), whitespace collapsed.
        """
        return " ".join("".join(self._text).split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """
        Open a table, row or cell; hide styles and charts from the text.
        """
        if tag in {"style", "svg", "title"}:
            self._hidden += 1
        elif tag == "table":
            name = dict(attrs).get("id") or f"table-{len(self.tables)}"
            self._table = self.tables.setdefault(name, [])
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in {"td", "th"} and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        """
        Close a table, row or cell.
        """
        if tag in {"style", "svg", "title"}:
            self._hidden -= 1
        elif tag in {"td", "th"} and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._table is not None and self._row is not None:
            self._table.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        """
        Collect visible text, and the text of the current cell.
        """
        if self._hidden:
            return
        self._text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def charts(page: str) -> dict[str, str]:
    """
    Each inline ``<svg>`` element by its id.
    """
    found = re.finditer(r'<svg\b[^>]*\bid="([^"]+)".*?</svg>', page, re.DOTALL)
    return {match[1]: match[0] for match in found}


class TestContent:
    def test_heading_and_meta(self, page: str) -> None:
        """
        Title with the organisation, then edition, date, auditors and the
        scale, method, scheme and evidence policy.
        """
        text = Page(page).text

        assert "<title>Gouden Oor audit: Woonstichting Lindewaard</title>" in page
        assert text.startswith(
            "Gouden Oor audit: Woonstichting Lindewaard "
            "Edition Gouden Oor Standaard 2012 (gos-2012) "
            "Audit date 2026-10-01 "
            "Auditors M. Bakker, R. El Amrani "
            "Scale / method / scheme gos-0-4 / weighted-mean / niveaus "
            "(evidence policy warn) "
            "Points per area"
        )

    def test_area_table(self, page: str) -> None:
        """
        Each area with points, maximum and share as in the Markdown report,
        then the organisation, result and total points with their maxima.
        """
        expected = [
            ["Area", "Kind", "Points", "Maximum", "Share"],
            ["1 Stem van de klant", "organisation", "7.50", "10", "75%"],
            ["2 Sturing", "organisation", "10.00", "20", "50%"],
            ["3 Medewerkers", "organisation", "10.00", "20", "50%"],
            ["4 Middelen", "organisation", "2.50", "10", "25%"],
            ["5 Leren & ontwikkelen", "organisation", "7.50", "10", "75%"],
            ["6 Vertrouwen & reputatie", "result", "6.25", "10", "62%"],
            ["7 Retentie & meerwaarde", "result", "1.25", "5", "25%"],
            ["8 Verbonden medewerkers", "result", "1.25", "5", "25%"],
            ["9 Beter producten & processen", "result", "3.75", "10", "38%"],
            ["Organisation", "", "37.50", "70", ""],
            ["Result", "", "12.50", "30", ""],
            ["Total", "", "50.00", "100", ""],
        ]

        assert expected == Page(page).tables["areas"]

    def test_level_and_gap(self, card: go.ScoreCard, page: str) -> None:
        """
        The level reached, the next level and each gap as ``str(gap)``.
        """
        text = Page(page).text

        assert (
            "Recognition Level: Gecommitteerd Next level: Niveau 1, which needs: "
            "organisation: 37.50 points, needs 50 (12.50 short)"
        ) in text
        assert (["organisation: 37.50 points, needs 50 (12.50 short)"]) == [
            str(gap) for gap in card.gaps
        ]

    def test_improvements(self, page: str) -> None:
        """
        The five improvements that gain most, best first, with their text.
        """
        rows = Page(page).tables["top-improvements"]

        assert [
            ["2.2", "+5.00"],
            ["3.2", "+5.00"],
            ["9.2", "+5.00"],
            ["4.1", "+3.75"],
            ["4.2", "+3.75"],
        ] == [row[:2] for row in rows[1:]]
        assert rows[1][2].startswith("Topmanagement is zich ten volle bewust")

    def test_top(self, card: go.ScoreCard) -> None:
        """
        ``top`` limits the improvements listed.
        """
        rows = Page(render_report(card, "html", top=2, language="en")).tables[
            "top-improvements"
        ]

        assert ["2.2", "3.2"] == [row[0] for row in rows[1:]]

    def test_risks(self, page: str) -> None:
        """
        Results at risk as ``str(risk)``, with the note that the drivers
        are this library's model.
        """
        text = Page(page).text

        assert (
            "Results at risk Result areas with a driving organisation area below "
            "50% of its points (the drivers are this library's model, not part "
            "of the standard): "
            "8 Verbonden medewerkers (25%): weak drivers 4 (25%) "
            "9 Beter producten & processen (38%): weak drivers 4 (25%) "
            "Warnings"
        ) in text

    def test_warnings(self, card: go.ScoreCard, page: str) -> None:
        """
        Every warning of the card, with requirement, code and message.
        """
        text = Page(page).text
        section = text.split("Warnings ", 1)[1].split(" Ratings and evidence")[0]

        assert 5 == len(card.warnings)
        assert (
            " ".join(f"{w.requirement_id} {w.code}: {w.message}" for w in card.warnings)
            == section
        )
        assert "2.4 missing-evidence: rated 2 or higher without valid evidence" in (
            section
        )

    def test_ratings(self, card: go.ScoreCard, page: str) -> None:
        """
        One table per area with every requirement: id, Dutch text, rating
        (or n.v.t.), evidence with dates, checkpoints met, justification
        and note.
        """
        tables = Page(page).tables

        for area in card.standard.areas:
            rows = tables[f"ratings-{area.id}"]
            assert ["Id", "Requirement", "Rating", "Evidence and notes"] == rows[0]
            assert [r.id for r in area.requirements] == [row[0] for row in rows[1:]]
            assert [r.full_text for r in area.requirements] == [
                row[1] for row in rows[1:]
            ]
        by_id = {row[0]: row for rows in tables.values() for row in rows}
        assert [
            "1.5",
            "3 grotendeels",
            (
                "measurement: Klanttevredenheidsmeting klachtafhandeling Q2 2026 "
                "(n=412), gemiddeld rapportcijfer 7,1 (2026-07-20) "
                "document: Onderzoeksopzet KTO klachtafhandeling, Bureau Meetpunt "
                "(2025) (2025-05-14, expired 2026-06-30) "
                "Meting loopt elk kwartaal. Onderzoeksopzet is verlopen en moet "
                "worden herzien."
            ),
        ] == [by_id["1.5"][0], *by_id["1.5"][2:]]
        assert ["5.1.a"] == re.findall(r"checkpoints met: (\S+)", by_id["5.1"][3])
        assert "n.v.t." == by_id["7.2"][2]
        assert by_id["7.2"][3].startswith(
            "n.v.t.: Woningcorporatie zonder winstoogmerk"
        )
        assert ["- unrated", "- unrated"] == [by_id["2.2"][2], by_id["8.2"][2]]
        assert "3 grotendeels missing-evidence" == by_id["2.4"][2]
        assert "0 niet aanwezig" == by_id["9.2"][2]

    def test_no_comparison(self, page: str) -> None:
        """
        Without a comparison there is no change section.
        """
        assert "Change since the previous audit" not in Page(page).text

    def test_comparison(
        self, std: go.Standard, audit: go.Assessment, card: go.ScoreCard
    ) -> None:
        """
        With a comparison: areas old and new, totals, level, the changed
        requirements, after the recognition and before the improvements.
        """
        comparison = go.compare(card, go.what_if(std, audit, {"4.1": 3}))

        page = Page(render_report(card, "html", comparison=comparison, language="en"))

        assert ["4 Middelen", "2.50", "5.00", "+2.50"] == page.tables[
            "comparison-areas"
        ][4]
        assert [
            ["Organisation", "37.50", "40.00", "+2.50"],
            ["Result", "12.50", "12.50", "+0.00"],
            ["Total", "50.00", "52.50", "+2.50"],
        ] == page.tables["comparison-areas"][-3:]
        assert [
            ["Requirement", "Old", "New", "Points change", "Kind"],
            ["4.1", "1", "3", "+2.50", "changed"],
        ] == page.tables["comparison-requirements"]
        assert (
            "Change since the previous audit Woonstichting Lindewaard: "
            "2026-10-01 (gos-2012) → 2026-10-01 (gos-2012)"
        ) in page.text
        assert "Level: Gecommitteerd → Gecommitteerd" in page.text
        order = [
            page.text.index(heading)
            for heading in (
                "Recognition",
                "Change since the previous audit",
                "Improvements that gain most",
            )
        ]
        assert sorted(order) == order

    def test_comparison_warnings(
        self, std: go.Standard, audit: go.Assessment, card: go.ScoreCard
    ) -> None:
        """
        The comparison's warnings are shown with it.
        """
        other = attrs.evolve(audit, organisation="Woonstichting Elders")
        comparison = go.compare(
            go.score(std, other), card, allow_different_organisations=True
        )

        text = Page(
            render_report(card, "html", comparison=comparison, language="en")
        ).text

        assert (
            "Note: the audits are of different organisations: "
            "'Woonstichting Elders' and 'Woonstichting Lindewaard'"
        ) in text

    def test_escaped(self, std: go.Standard, audit: go.Assessment) -> None:
        """
        Text from the audit file is escaped, never markup.
        """
        evil = '<script>alert("x")</script> & <b>'
        a = attrs.evolve(audit, organisation=evil).with_ratings(
            {"1.1": go.Rating(value=1, note=evil)}
        )

        page = render_report(go.score(std, a), "html", language="en")

        assert "<script" not in page
        assert "<b>" not in page
        assert 4 == page.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;")
        assert f"Gouden Oor audit: {evil}" in Page(page).text

    def test_no_bidirectional_control_reaches_the_page(
        self, std: go.Standard, audit: go.Assessment
    ) -> None:
        """
        A right-to-left override in a name or a note would make the browser
        show 'ACMEexe.gpj' for 'ACME' + U+202E + 'jpg.exe': it is shown as
        its escape instead, as in the CSV and JSON outputs.
        """
        a = attrs.evolve(audit, organisation="ACME\u202ejpg.exe").with_ratings(
            {"1.1": go.Rating(value=1, note="zie \u2066bijlage\u2069")}
        )

        page = render_report(go.score(std, a), "html", language="en")

        assert [] == [c for c in page if c in "\u202e\u2066\u2069"]
        assert "Gouden Oor audit: ACME\\u202ejpg.exe" in Page(page).text
        assert "zie \\u2066bijlage\\u2069" in Page(page).text


class TestCharts:
    def test_two_charts(self, page: str) -> None:
        """
        A radar and a bar chart, inline SVG, in their own colours.
        """
        found = charts(page)

        assert 2 == page.count("<svg")
        assert ["radar", "bars"] == list(found)
        assert f"fill: {report_html.RADAR_FILL}" in found["radar"]
        assert f"fill: {report_html.BAR_POINTS}" in found["bars"]
        assert f"fill: {report_html.BAR_MAXIMUM}" in found["bars"]

    def test_chart_labels(self, card: go.ScoreCard, page: str) -> None:
        """
        Both charts name the nine areas; the bars show points and maximum.
        """
        found = charts(page)

        for svg in found.values():
            labels = " ".join(re.findall(r"<text\b[^>]*>([^<]*)</text>", svg))
            for area in card.areas.values():
                assert area.area_id in labels
                assert area.name.split()[-1] in labels
        assert "2.50 / 10" in found["bars"]
        assert "10.00 / 20" in found["bars"]

    def test_ids_unique(self, page: str) -> None:
        """
        Element ids do not clash between the charts, and every reference
        points at an element of its own chart.
        """
        for prefix, svg in charts(page).items():
            ids = re.findall(r'\bid="([^"]+)"', svg)
            references = re.findall(r'(?:url\(#|href="#)([^")]+)', svg)
            assert all(i == prefix or i.startswith(f"{prefix}-") for i in ids)
            assert set(references) <= set(ids)
        every = re.findall(r'\bid="([^"]+)"', page)
        assert len(every) == len(set(every))

    def test_no_prologue(self, page: str) -> None:
        """
        The SVG is embedded as an element, without XML prologue, doctype
        or metadata, and scales with the page.
        """
        assert "<?xml" not in page
        assert "<!DOCTYPE svg" not in page
        assert "<metadata>" not in page
        for svg in charts(page).values():
            start = svg[: svg.index(">")]
            assert "viewBox=" in start
            assert "width=" not in start


class TestSelfContained:
    def test_nothing_to_fetch(self, page: str) -> None:
        """
        No scripts, stylesheets, images, frames, fonts or imports: every
        ``src`` and ``href`` is a fragment within the page.
        """
        references = re.findall(r'\b(?:src|href)\s*=\s*["\']([^"\']*)', page)

        assert [] == [r for r in references if not r.startswith("#")]
        assert [] == re.findall(r"(?:src|href)\s*=\s*[\"']?https?://", page)
        for tag in ("<script", "<link", "<img", "<iframe", "<object", "<embed"):
            assert tag not in page.lower()
        assert "@import" not in page
        assert "@font-face" not in page
        assert [] == [u for u in re.findall(r"url\(([^)]*)\)", page) if u[:1] != "#"]

    def test_print_stylesheet(self, page: str) -> None:
        """
        A print stylesheet for A4 that keeps rows and charts whole.
        """
        style = page.split("<style>", 1)[1].split("</style>", 1)[0]
        print_rules = style.split("@media print", 1)[1]

        assert "@page { size: A4;" in style
        assert re.search(
            r"tr, li, \.meta, figure \{\s*break-inside: avoid;", print_rules
        )
        assert "background: none" in print_rules
        assert "print-color-adjust: exact" in style

    def test_deterministic(self, std: go.Standard, audit: go.Assessment) -> None:
        """
        The same audit gives the same page, byte for byte.
        """
        first = render_report(go.score(std, audit), "html", generated=GENERATED)
        second = render_report(go.score(std, audit), "html", generated=GENERATED)

        assert first == second

    def test_deterministic_across_processes(self, page: str) -> None:
        """
        Another process (another hash seed, a fresh Matplotlib) renders the
        same bytes.
        """
        code = (
            "import datetime, sys, goudenoor as go\n"
            "from goudenoor.report import render_report\n"
            f"a = go.load_assessment({str(EXAMPLE_AUDIT)!r})\n"
            "card = go.score(go.load_standard(a.edition), a)\n"
            "page = render_report(card, 'html', language='en',\n"
            f"    generated=datetime.date.fromisoformat({GENERATED.isoformat()!r}))\n"
            "sys.stdout.buffer.write(page.encode())\n"
        )
        result = run_python("-c", code, env={"PYTHONHASHSEED": "12345"}, check=True)

        assert page == result.stdout

    def test_same_as_render_html(self, card: go.ScoreCard, page: str) -> None:
        """
        ``render_report(card, "html")`` is ``render_html`` of the report data.
        """
        assert page == report_html.render_html(
            report_data(card, language="en"), generated=GENERATED
        )


class TestExtra:
    @pytest.mark.parametrize("module", ["jinja2", "matplotlib"])
    def test_missing(
        self, monkeypatch: pytest.MonkeyPatch, card: go.ScoreCard, module: str
    ) -> None:
        """
        Without jinja2 or matplotlib the report says which extra to install.
        """
        monkeypatch.setitem(sys.modules, module, None)

        with pytest.raises(go.MissingExtraError) as info:
            render_report(card, "html")

        assert (
            "the HTML report needs the 'report' extra: "
            f"pip install 'goudenoor[report]' ({module} is not installed)"
        ) == str(info.value)
        assert (module, "report") == (info.value.module, info.value.extra)

    def test_import_is_light(self) -> None:
        """
        ``import goudenoor`` and a Markdown report import neither jinja2
        nor matplotlib.
        """
        code = (
            "import sys, goudenoor as go\n"
            "from goudenoor.report import render_report\n"
            f"a = go.load_assessment({str(EXAMPLE_AUDIT)!r})\n"
            "render_report(go.score(go.load_standard(a.edition), a), 'md')\n"
            "print(sorted(m for m in ('jinja2', 'matplotlib') if m in sys.modules))\n"
        )

        result = run_python("-c", code, check=True)

        assert "[]\n" == result.stdout
