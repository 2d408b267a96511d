"""
The reports' own words: Dutch by default, English on request; the
standard's texts stay Dutch. Also the HTML report's footer and its date.
"""

from __future__ import annotations

import datetime
import re

import attrs
import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.report import LANGUAGES, render_report
from helpers import run


GENERATED = datetime.date(2026, 10, 2)


@pytest.fixture(scope="module", name="std")
def _std() -> go.Standard:
    return go.load_standard("gos-2012")


@pytest.fixture(scope="module", name="audit")
def _audit() -> go.Assessment:
    return go.load_assessment(EXAMPLE_AUDIT)


@pytest.fixture(scope="module", name="card")
def _card(std: go.Standard, audit: go.Assessment) -> go.ScoreCard:
    return go.score(std, audit)


def html(card: go.ScoreCard, **options: object) -> str:
    pytest.importorskip("jinja2")
    pytest.importorskip("matplotlib")
    return render_report(card, "html", generated=GENERATED, **options)  # type: ignore[arg-type]


def chart_texts(page: str, chart: str) -> list[str]:
    svg = page.split(f'id="{chart}"', 1)[1].split("</svg>", 1)[0]
    return re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)


def headings(page: str) -> list[str]:
    return re.findall(r"<h2>([^<]*)</h2>", page)


DUTCH_WARNINGS = [
    (
        "- `1.5` bewijs verlopen: bewijs 'Onderzoeksopzet KTO klachtafhandeling, "
        "Bureau Meetpunt (2025)' verlopen op 2026-06-30, vóór de auditdatum 2026-10-01"
    ),
    "- `2.2` niet beoordeeld: telt als 0",
    "- `2.4` bewijs ontbreekt: beoordeeld met 2 of hoger zonder geldig bewijs",
    (
        "- `7.2` niet van toepassing: buiten het gebied gelaten: Woningcorporatie "
        "zonder winstoogmerk; huuromzet wordt door huurbeleid en woningtoewijzing "
        "bepaald, niet door klachtafhandeling."
    ),
    "- `8.2` niet beoordeeld: telt als 0",
]


class TestLanguages:
    def test_languages(self) -> None:
        assert ("nl", "en") == LANGUAGES

    def test_unknown(self, card: go.ScoreCard) -> None:
        """
        A language the reports do not speak is refused, with the choices.
        """
        with pytest.raises(go.UnknownItemError) as info:
            render_report(card, "md", language="de")

        assert "unknown report language 'de'; did you mean 'nl', 'en'?" == str(
            info.value
        )


class TestMarkdown:
    def test_dutch_by_default(self, card: go.ScoreCard) -> None:
        """
        Headings, labels, kinds, the gap and the risks are Dutch; the
        standard's texts are as they are.
        """
        md = render_report(card, "md")

        assert md == render_report(card, "md", language="nl")
        assert [
            "## Punten per gebied",
            "## Erkenning",
            "## Verbeteringen die het meest opleveren",
            "## Resultaten in gevaar",
            "## Waarschuwingen",
            "## Beoordelingen en bewijs",
        ] == re.findall(r"^## .*$", md, re.MULTILINE)
        for expected in (
            "# Gouden Oor-audit: Woonstichting Lindewaard\n",
            "- **Editie:** Gouden Oor Standaard 2012 (`gos-2012`)\n",
            (
                "- **Schaal / methode / schema:** `gos-0-4` / `weighted-mean` / "
                "`niveaus` (bewijsbeleid `warn`)\n"
            ),
            "| Gebied | Soort | Punten | Maximum | Aandeel |\n",
            "| 4 Middelen | organisatie | 2.50 | 10 | 25% |\n",
            "| **Organisatie** | | **37.50** | 70 | |\n",
            "- **Niveau:** Gecommitteerd\n",
            (
                "- **Volgend niveau:** Niveau 1, waarvoor nodig is:\n"
                "  - organisatie: 37.50 punten, nodig 50 (12.50 tekort)\n"
            ),
            "- 8 Verbonden medewerkers (25%): zwakke sturende gebieden 4 (25%)\n",
            "| Nr. | Eis | Beoordeling | Bewijs en opmerkingen |\n",
            "waarneming: Meeluisteren klantcontactcentrum",
            "controlepunten voldaan: 5.1.a",
        ):
            assert expected in md
        for english in ("Points", "organisation", "Warnings", "weak drivers"):
            assert english not in md

    def test_dutch_warnings(self, card: go.ScoreCard) -> None:
        """
        Each warning in Dutch, built from its code and the rating it is
        about; the scoring layer's messages stay English.
        """
        md = render_report(card, "md")
        section = md.split("## Waarschuwingen\n\n", 1)[1].split("\n\n", 1)[0]

        assert DUTCH_WARNINGS == section.splitlines()
        assert "not rated; counts as 0" == card.warnings[1].message

    def test_english_on_request(self, card: go.ScoreCard) -> None:
        md = render_report(card, "md", language="en")

        assert "## Points per area\n" in md
        assert "- `2.2` unrated: not rated; counts as 0\n" in md

    def test_expired_evidence_each_named(
        self, std: go.Standard, audit: go.Assessment
    ) -> None:
        """
        Two expired pieces of evidence on one rating: each Dutch warning
        names its own, in order.
        """
        old = [
            go.Evidence(
                kind="document",
                reference=name,
                valid_until=datetime.date(2026, 1, day),
            )
            for name, day in (("Oud A", 1), ("Oud B", 2))
        ]
        card = go.score(
            std, audit.with_ratings({"1.1": go.Rating(value=3, evidence=tuple(old))})
        )

        md = render_report(card, "md")

        assert (
            "- `1.1` bewijs verlopen: bewijs 'Oud A' verlopen op 2026-01-01, vóór de "
            "auditdatum 2026-10-01\n"
            "- `1.1` bewijs verlopen: bewijs 'Oud B' verlopen op 2026-01-02, vóór de "
            "auditdatum 2026-10-01\n"
        ) in md

    def test_capped(self, std: go.Standard, audit: go.Assessment) -> None:
        card = go.score(std, audit, evidence_policy="strict")

        md = render_report(card, "md")

        assert (
            "- `2.4` afgetopt: beoordeeld met 2 of hoger zonder geldig bewijs; "
            "afgetopt door het strikte bewijsbeleid\n"
        ) in md

    def test_comparison(self, std: go.Standard, audit: go.Assessment) -> None:
        """
        The change since the previous audit in Dutch, with Dutch notes.
        """
        old = go.score(std, attrs.evolve(audit, organisation="Woonstichting Elders"))
        new = go.what_if(std, audit, {"4.1": 3})

        comparison = go.compare(old, new, allow_different_organisations=True)
        md = render_report(new, "md", comparison=comparison)
        block = md.split("## Verandering sinds de vorige audit\n\n", 1)[1]
        block = block.split("```text\n", 1)[1].split("\n```\n", 1)[0] + "\n"

        assert [
            "Woonstichting Lindewaard: 2026-10-01 (gos-2012) -> 2026-10-01 (gos-2012)",
            "",
            "gebied                                   oud   nieuw verschil",
        ] == block.splitlines()[:3]
        assert "totaal                                 50.00   52.50   +2.50\n" in block
        assert "niveau: Gecommitteerd -> Gecommitteerd\n" in block
        assert "eisen die veranderd zijn:\n  4.1               1 -> 3" in block
        assert (
            "let op:\n  de audits gaan over verschillende organisaties: "
            "'Woonstichting Elders' en 'Woonstichting Lindewaard'\n"
        ) in block


class TestHtml:
    def test_dutch_by_default(self, card: go.ScoreCard) -> None:
        page = html(card)

        assert page.startswith('<!DOCTYPE html>\n<html lang="nl">\n')
        assert "<title>Gouden Oor-audit: Woonstichting Lindewaard</title>" in page
        assert [
            "Punten per gebied",
            "Erkenning",
            "Verbeteringen die het meest opleveren",
            "Resultaten in gevaar",
            "Waarschuwingen",
            "Beoordelingen en bewijs",
        ] == headings(page)
        assert '<td class="label">organisatie</td>' in page
        assert {"punten", "maximum"} <= set(chart_texts(page, "bars"))
        assert 'aria-label="Staafdiagram van de punten tegenover het maximum"' in page
        assert "<li><code>2.2</code> niet beoordeeld: telt als 0</li>" in page

    def test_english_on_request(self, card: go.ScoreCard) -> None:
        page = html(card, language="en")

        assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')
        assert "Points per area" == headings(page)[0]
        assert {"points", "maximum"} <= set(chart_texts(page, "bars"))

    def test_scale_labels(self, card: go.ScoreCard) -> None:
        """
        A rating shows the scale's label next to its number, and the
        label's translation when a translation is given.
        """
        english = go.load_translation("gos-2012", "en")

        page = html(card, translation=english, language="en")

        assert (
            '<td class="rating">3 <span class="scale-label" lang="nl">grotendeels'
            '</span> <span class="translation" lang="en">(largely)</span> '
            '<span class="status">missing-evidence</span></td>'
        ) in page
        assert (
            '<td class="rating">3 <span class="scale-label" lang="nl">grotendeels'
            '</span> <span class="status">bewijs ontbreekt</span></td>'
        ) in html(card)

    def test_footer(self, card: go.ScoreCard) -> None:
        """
        The footer names the organisation, the edition, the goudenoor
        version and the date the page was made.
        """
        footer = html(card).split('<footer class="colophon">\n', 1)[1]

        assert footer.startswith(
            '<p><span lang="nl">Woonstichting Lindewaard</span> · '
            '<span lang="nl">Gouden Oor Standaard 2012 (gos-2012)</span> · '
            f"Gemaakt met goudenoor {go.__version__} op 2026-10-02</p>\n</footer>"
        )
        english = html(card, language="en")
        assert f"Generated by goudenoor {go.__version__} on 2026-10-02</p>" in english

    def test_source_date_epoch(
        self, monkeypatch: pytest.MonkeyPatch, card: go.ScoreCard
    ) -> None:
        """
        Without a date, the footer takes SOURCE_DATE_EPOCH (UTC) if set.
        """
        pytest.importorskip("jinja2")
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21 UTC

        page = render_report(card, "html")

        assert f"goudenoor {go.__version__} op 2026-09-21</p>" in page

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (
                "gisteren",
                (
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since "
                    "1970-01-01 (got 'gisteren')"
                ),
            ),
            ("9" * 30, f"SOURCE_DATE_EPOCH is out of range (got '{'9' * 30}')"),
        ],
    )
    def test_bad_source_date_epoch(
        self,
        monkeypatch: pytest.MonkeyPatch,
        card: go.ScoreCard,
        value: str,
        message: str,
    ) -> None:
        pytest.importorskip("jinja2")
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)

        with pytest.raises(go.GoudenoorError) as info:
            render_report(card, "html")

        assert message == str(info.value)

    def test_comparison(self, std: go.Standard, audit: go.Assessment) -> None:
        old = go.score(std, attrs.evolve(audit, date=datetime.date(2027, 1, 1)))
        new = go.what_if(std, audit, {"4.1": 3})

        page = html(new, comparison=go.compare(old, new, allow_reverse_dates=True))

        assert "Verandering sinds de vorige audit" in headings(page)
        assert (
            '<tr><th>Eis</th><th class="num">Oud</th><th class="num">Nieuw</th>'
            '<th class="num">Verschil in punten</th><th>Soort</th></tr>'
        ) in page
        assert '<td class="label">veranderd</td>' in page
        assert (
            "<li>de nieuwe audit (2026-10-01) is eerder gedateerd dan de oude "
            "(2027-01-01)</li>"
        ) in page


class TestCommandLine:
    def test_dutch_by_default(self) -> None:
        """
        ``goudenoor report`` speaks Dutch without ``--language``.
        """
        code, out = run("report", str(EXAMPLE_AUDIT), "--format", "md")

        assert (0, "# Gouden Oor-audit: Woonstichting Lindewaard") == (
            code,
            out.split("\n")[0],
        )

    def test_english_on_request(self) -> None:
        """
        ``--language en`` gives English headings and the English translation
        under the Dutch texts.
        """
        code, out = run(
            "report", str(EXAMPLE_AUDIT), "--format", "md", "--language", "en"
        )

        assert 0 == code
        assert "# Gouden Oor audit: Woonstichting Lindewaard" == out.split("\n")[0]
        assert "## Points per area" in out

    def test_dutch_asks_for_no_translation(self) -> None:
        """
        ``--language nl`` is the default spelled out: it loads no translation,
        so it is accepted by every format, JSON included.
        """
        assert (
            run("report", str(EXAMPLE_AUDIT), "--format", "md", "--language", "nl")[1]
            == run("report", str(EXAMPLE_AUDIT), "--format", "md")[1]
        )
        assert (
            0
            == run(
                "report", str(EXAMPLE_AUDIT), "--format", "json", "--language", "nl"
            )[0]
        )
