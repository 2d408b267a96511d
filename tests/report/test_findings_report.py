"""
The findings section of the audit reports and the status page of a
portfolio (issue 25): exact Markdown on a small fixture, Dutch and
English, the HTML section, and user text that stays text.
"""

from __future__ import annotations

import datetime

import attrs
import pytest

import goudenoor as go
from conftest import DATA, EXAMPLE_AUDIT
from goudenoor.audit import StatusReason
from goudenoor.portfolio import Portfolio
from goudenoor.report import (
    findings_markdown,
    render_report,
    status_markdown,
)
from goudenoor.report._words import finding_words


FINDINGS = DATA / "findings"
NOORD = FINDINGS / "zuiderlicht-noord-2025.yaml"
HOSTILE = DATA / "findings-hostile" / "hostile.yaml"
AS_OF = datetime.date(2025, 10, 1)
GENERATED = datetime.date(2026, 1, 1)

SECTION_NL = """\
## Bevindingen

De stand van elke bevinding op 2025-10-01; te laat: de termijn is verstreken \
en de bevinding was toen niet geverifieerd.

Bevindingen: 5; open: 2; te laat: 1.

| Nr. | Soort | Eis | Termijn | Status | Bevinding |
|---|---|---|---|---|---|
| `A-1` | afwijking (groot) | 2.4 | 2025-09-01 | geverifieerd | Geen eigenaar \
voor de klachtafhandeling benoemd. |
| `A-2` | afwijking (klein) | 3.3 | 2025-06-01 | gepland **te laat** | Nieuwe \
medewerkers krijgen geen training in klachtgesprekken. |
| `V-1` | verbeterpunt | 5.1 | 2025-12-01 | open | Leg de terugkoppeling aan \
de klager vast. |
| `O-1` | observatie | 1.1 | - | - | Het klantpanel komt maar twee keer per \
jaar bijeen. |
| `S-1` | sterk punt | 1.3 | - | - | Klanten worden binnen een dag persoonlijk \
teruggebeld. |
"""


def _section(markdown: str) -> str:
    start = markdown.index("## Bevindingen") if "## Bevindingen" in markdown else -1
    assert start >= 0, markdown
    end = markdown.index("\n## ", start + 1)
    return markdown[start:end]


def test_the_markdown_report_has_the_findings_on_its_date() -> None:
    """
    With as_of, each finding's status on that date and te laat when
    overdue, in the file's order, after the recognition.
    """
    markdown = render_report(go.load_audit(NOORD), as_of=AS_OF)

    assert SECTION_NL == _section(markdown)
    assert markdown.index("## Erkenning") < markdown.index("## Bevindingen")


def test_by_default_the_report_is_on_the_audits_date() -> None:
    """
    Without as_of the statuses are those on the audit's date: all open,
    none overdue.
    """
    section = _section(render_report(go.load_audit(NOORD)))

    assert "De stand van elke bevinding op 2025-03-03;" in section
    assert "Bevindingen: 5; open: 3; te laat: 0." in section
    assert "te laat**" not in section


def test_english_findings_page() -> None:
    """
    goudenoor findings --format md --language en: the same table with
    English words; the kinds keep their Dutch names.
    """
    found = go.findings_on(go.load_audit(NOORD), AS_OF)

    assert (
        "# Findings: Woonstichting Zuiderlicht\n"
        "\n"
        "- **Unit:** Noord\n"
        "- **Kind of assessment:** audit 2025-03-03 (`gos-2012`)\n"
        "- **As of:** 2025-10-01\n"
        "\n"
        "Each finding as it stands on 2025-10-01; overdue: past its deadline and "
        "not verified by then.\n"
        "\n"
        "Findings: 5; open: 2; overdue: 1.\n"
        "\n"
        "| Id | Kind | Requirement | Deadline | Status | Finding |\n"
        "|---|---|---|---|---|---|\n"
        "| `A-1` | afwijking (major) | 2.4 | 2025-09-01 | verified | Geen eigenaar "
        "voor de klachtafhandeling benoemd. |\n"
        "| `A-2` | afwijking (minor) | 3.3 | 2025-06-01 | planned **overdue** | "
        "Nieuwe medewerkers krijgen geen training in klachtgesprekken. |\n"
        "| `V-1` | verbeterpunt | 5.1 | 2025-12-01 | open | Leg de terugkoppeling "
        "aan de klager vast. |\n"
        "| `O-1` | observatie | 1.1 | - | - | Het klantpanel komt maar twee keer "
        "per jaar bijeen. |\n"
        "| `S-1` | sterk-punt | 1.3 | - | - | Klanten worden binnen een dag "
        "persoonlijk teruggebeld. |\n"
    ) == findings_markdown(found, "en")


def test_a_findings_page_without_findings() -> None:
    found = go.findings_on(go.load_audit(FINDINGS / "lindeplein-2024.yaml"), AS_OF)

    assert findings_markdown(found).endswith(
        "- **Peildatum:** 2025-10-01\n\nGeen bevindingen.\n"
    )


def test_no_section_without_findings() -> None:
    """
    An assessment without findings has no findings section, in Markdown
    or HTML.
    """
    audit = go.load_audit(EXAMPLE_AUDIT)

    assert "Bevindingen" not in render_report(audit)
    html = render_report(audit, "html", generated=GENERATED)
    assert 'id="findings"' not in html


def test_the_html_report_has_the_findings_section() -> None:
    pytest.importorskip("jinja2")
    pytest.importorskip("matplotlib")

    html = render_report(go.load_audit(NOORD), "html", as_of=AS_OF, generated=GENERATED)

    start = html.index('<section id="findings">')
    section = html[start : html.index("</section>", start)]
    assert "<h2>Bevindingen</h2>" in section
    assert (
        '<tr class="overdue"><td class="id">A-2</td><td class="label">afwijking '
        '(klein)</td><td class="id">3.3</td><td class="date">2025-06-01</td><td '
        'class="label">gepland <strong class="overdue">te laat</strong></td><td '
        'lang="nl">Nieuwe medewerkers krijgen geen training in klachtgesprekken.'
        "</td></tr>"
    ) in section
    assert 5 == section.count("<tr><td") + section.count('<tr class="overdue">')


def test_the_english_html_section() -> None:
    pytest.importorskip("jinja2")
    pytest.importorskip("matplotlib")

    html = render_report(
        go.load_audit(NOORD), "html", as_of=AS_OF, language="en", generated=GENERATED
    )

    assert "<h2>Findings</h2>" in html
    assert 'planned <strong class="overdue">overdue</strong>' in html


HOSTILE_TEXT = "<script>alert(1)</script> [klik](http://evil.invalid) **vet** =1+1"


def test_hostile_text_stays_text_in_markdown() -> None:
    """
    A finding's text and the organisation's name become no HTML, link or
    emphasis in Markdown.
    """
    markdown = render_report(go.load_audit(HOSTILE), as_of=AS_OF)

    assert "<script>" not in markdown
    assert "[klik](" not in markdown
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; \\[klik\\](http\\://evil.invalid) "
        "\\*\\*vet\\*\\* =1+1"
    ) in markdown
    assert markdown.startswith(
        '# Gouden Oor-audit: \\=HYPERLINK("http\\://evil.invalid","klik")\n'
    )


def test_hostile_text_stays_text_in_html() -> None:
    pytest.importorskip("jinja2")
    pytest.importorskip("matplotlib")

    html = render_report(
        go.load_audit(HOSTILE), "html", as_of=AS_OF, generated=GENERATED
    )

    assert "<script>alert" not in html
    assert (
        '<td lang="nl">&lt;script&gt;alert(1)&lt;/script&gt; [klik](http://evil.'
        "invalid) **vet** =1+1</td>"
    ) in html


STATUS_NL = """\
# Stand van de erkenningen

- **Peildatum:** 2025-10-01
- **Erkenningen:** 3
- **Geweigerde bestanden:** 1

## Vraagt aandacht

Geschorst, voorwaardelijk of binnen 90 dagen na de peildatum toe aan een review.

| Organisatie | Eenheid | Niveau | Stand | Geldig tot | Volgende review | Open \
| Te laat | Redenen |
|---|---|---|---|---|---|--:|--:|---|
| Woonstichting Zuiderlicht | Zuid | Niveau 2 | **geschorst** | 2028-04-01 | \
2026-04-01 | 1 | 1 | Niveau 2 toegekend bij de audit van 2025-04-01; afwijking \
A-1 was niet geverifieerd op de termijn 2025-07-01 |
| Stichting Lindeplein | - | Niveau 2 | **geldig** | 2027-11-01 | 2025-11-01 \
| 0 | 0 | Niveau 2 toegekend bij de audit van 2024-11-01; review uiterlijk op \
2025-11-01 |

## Overige erkenningen

| Organisatie | Eenheid | Niveau | Stand | Geldig tot | Volgende review | Open \
| Te laat | Redenen |
|---|---|---|---|---|---|--:|--:|---|
| Woonstichting Zuiderlicht | Noord | Niveau 2 | **geldig** | 2028-03-03 | \
2026-03-03 | 2 | 1 | Niveau 2 toegekend bij de audit van 2025-03-03 |

## Geweigerde bestanden

- `kapot.yaml`: &lt;geen assessment&gt;
"""


def test_the_status_page_lists_what_needs_attention_first() -> None:
    """
    Suspended first, then a review due within 90 days; the rest after;
    the reasons in Dutch sentences; refused files at the end.
    """
    recognitions = go.load_portfolio(FINDINGS).recognitions(AS_OF)

    markdown = status_markdown(
        recognitions, AS_OF, refused=[("kapot.yaml", "<geen assessment>")]
    )

    assert STATUS_NL == markdown


def test_the_status_page_orders_suspended_conditional_then_reviews() -> None:
    """
    On 2025-05-01 both units' major afwijkingen are open, not yet overdue:
    conditional, in unit order; Lindeplein's review is more than 90 days
    away, so it is among the others.
    """
    day = datetime.date(2025, 5, 1)
    recognitions = go.load_portfolio(FINDINGS).recognitions(day)

    markdown = status_markdown(recognitions, day, "en")

    attention = markdown[
        markdown.index("## Needs attention") : markdown.index("## Other")
    ]
    rows = [line for line in attention.splitlines() if line.startswith("| ")][1:]
    assert [
        (
            "| Woonstichting Zuiderlicht | Noord | Niveau 2 | **conditional** | "
            "2028-03-03 | 2026-03-03 | 3 | 0 | level Niveau 2 granted by the audit of "
            "2025-03-03; afwijking A-1 is open (deadline 2025-09-01) |"
        ),
        (
            "| Woonstichting Zuiderlicht | Zuid | Niveau 2 | **conditional** | "
            "2028-04-01 | 2026-04-01 | 1 | 0 | level Niveau 2 granted by the audit of "
            "2025-04-01; afwijking A-1 is open (deadline 2025-07-01) |"
        ),
    ] == rows
    assert markdown.endswith(
        "| Stichting Lindeplein | - | Niveau 2 | **valid** | 2027-11-01 | "
        "2025-11-01 | 0 | 0 | level Niveau 2 granted by the audit of 2024-11-01 |\n"
    )


def test_reviews_due_soon_come_soonest_first() -> None:
    """
    Two valid recognitions due for review within 90 days: the sooner
    first, whatever their names.
    """
    base = go.load_audit(FINDINGS / "lindeplein-2024.yaml")
    zeta = attrs.evolve(base.assessment, organisation="Zeta")
    alfa = attrs.evolve(
        base.assessment, organisation="Alfa", date=datetime.date(2024, 12, 1)
    )
    portfolio = Portfolio(assessments=[alfa, zeta], standards=[base.standard] * 2)

    markdown = status_markdown(portfolio.recognitions(AS_OF), AS_OF, "en")

    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert ["Zeta", "Alfa"] == [row.split(" | ")[0][2:] for row in rows[1:]]
    assert "review due by 2025-11-01 |" in rows[1]
    assert "review due by 2025-12-01 |" in rows[2]


def test_nothing_needs_attention() -> None:
    day = datetime.date(2025, 3, 10)
    recognitions = go.load_portfolio(FINDINGS / "lindeplein-2024.yaml").recognitions(
        day
    )

    markdown = status_markdown(recognitions, day)

    assert "## Vraagt aandacht\n\nGeschorst, voorwaardelijk of binnen 90 dagen na " in (
        markdown
    )
    assert "review.\n\nGeen erkenning vraagt aandacht.\n\n## Overige erkenningen" in (
        markdown
    )


def test_hostile_names_on_the_status_page() -> None:
    recognitions = go.load_portfolio(HOSTILE).recognitions(AS_OF)

    markdown = status_markdown(recognitions, AS_OF)

    assert '| \\=HYPERLINK("http\\://evil.invalid","klik") | @SUM(A1) |' in markdown


@pytest.mark.parametrize(
    "reason",
    [
        StatusReason(code="no-audit"),
        StatusReason(code="no-level", date=AS_OF),
        StatusReason(code="granted", date=AS_OF, level="Niveau 1"),
        StatusReason(code="expired", date=AS_OF),
        StatusReason(code="review-overdue", date=AS_OF),
        StatusReason(code="finding-overdue", date=AS_OF, finding="A-1"),
        StatusReason(code="finding-open", date=AS_OF, finding="A-1"),
    ],
    ids=lambda reason: reason.code,
)
def test_reasons_in_english_are_the_domains(reason: StatusReason) -> None:
    """
    Every reason code has a sentence; in English it is the domain's own.
    """
    english = finding_words("en")

    assert reason.text == english.reason(
        reason.code, reason.date, reason.finding, reason.level
    )
    assert finding_words("nl").reason(
        reason.code, reason.date, reason.finding, reason.level
    )


def test_dutch_reasons() -> None:
    w = finding_words("nl")

    assert [
        "geen audit op of voor de peildatum",
        "de audit van 2025-10-01 kende geen niveau toe",
        "Niveau 1 toegekend bij de audit van 2025-10-01",
        "de erkenning is verlopen na 2025-10-01",
        "de review die uiterlijk op 2025-10-01 moest plaatsvinden, is niet gehouden",
        "afwijking A-1 was niet geverifieerd op de termijn 2025-10-01",
        "afwijking A-1 staat open (termijn 2025-10-01)",
    ] == [
        w.reason(code, AS_OF, "A-1", "Niveau 1")
        for code in (
            "no-audit",
            "no-level",
            "granted",
            "expired",
            "review-overdue",
            "finding-overdue",
            "finding-open",
        )
    ]
