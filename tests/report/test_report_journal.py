"""
The Markdown report with a journal: each rating shows who last changed
it, when and why, and an appendix lists every change, in Dutch and in
English; without a journal neither is there.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import attrs
import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.audit import Journal
from goudenoor.cli import main
from goudenoor.files import rate_file
from goudenoor.report import render_report


NOW = datetime.datetime(2026, 12, 7, 9, 30, tzinfo=datetime.UTC)
LATER = datetime.datetime(2026, 12, 8, 14, 5, 6, tzinfo=datetime.UTC)
HOSTILE = "[x](http://evil) <script> =1+1"


@pytest.fixture(name="rated")
def _rated() -> tuple[go.Audit, Journal]:
    """The example rated twice: 1.3 and 2.1 by A. Jansen, then 1.3 again."""
    audit = go.load_audit(EXAMPLE_AUDIT)
    journal = Journal.start(audit.assessment, now=NOW)
    audit, first = go.rate(
        audit,
        {"1.3": 3, "2.1": "na:geen balie"},
        by="A. Jansen",
        reason="herbeoordeeld",
        now=NOW,
        journal=journal,
    )
    journal = attrs.evolve(journal, entries=first)
    audit, second = go.rate(
        audit, {"1.3": 1}, by="B. <b>", reason=HOSTILE, now=LATER, journal=journal
    )
    return audit, attrs.evolve(journal, entries=(*first, *second))


def ratings_row(md: str, requirement_id: str) -> str:
    return next(
        line for line in md.splitlines() if line.startswith(f"| {requirement_id} | ")
    )


def tail(row: str) -> str:
    """The last cell of a table row."""
    return row.rsplit(" | ", 1)[1]


HOSTILE_SHOWN = "\\[x\\](http\\://evil) &lt;script&gt; =1+1"


@pytest.mark.parametrize(
    ("language", "header"),
    [
        (
            "nl",
            "| Nr. | Eis | Beoordeling | Bewijs en opmerkingen | Laatste wijziging |",
        ),
        ("en", "| Id | Requirement | Rating | Evidence and notes | Last change |"),
    ],
)
def test_each_rating_shows_its_last_change(
    rated: tuple[go.Audit, Journal], language: str, header: str
) -> None:
    """
    Who last changed a rating, on which date, and why; user text escaped.
    """
    audit, journal = rated

    md = render_report(audit, "md", language=language, journal=journal)

    assert f"\n{header}\n|---|---|---|---|---|\n" in md
    assert f"B. &lt;b&gt;, 2026-12-08: {HOSTILE_SHOWN} |" == tail(
        ratings_row(md, "1.3")
    )
    assert "A. Jansen, 2026-12-07: herbeoordeeld |" == tail(ratings_row(md, "2.1"))
    assert "- |" == tail(ratings_row(md, "1.1"))


def test_the_dutch_appendix_lists_every_change(
    rated: tuple[go.Audit, Journal],
) -> None:
    audit, journal = rated

    md = render_report(audit, "md", journal=journal)

    assert (
        "\n## Wijzigingen\n\n"
        "Elke wijziging van het journaal, in volgorde (tijden in UTC).\n\n"
        "| Nr. | Tijd | Door | Wat | Oud → nieuw | Reden |\n"
        "|--:|---|---|---|---|---|\n"
        "| 1 | 2026-12-07 09:30:00 | A. Jansen | eis 1.3 waarde | 4 → 3 "
        "| herbeoordeeld |\n"
        "| 2 | 2026-12-07 09:30:00 | A. Jansen | eis 2.1 n.v.t. | \\- → geen balie "
        "| herbeoordeeld |\n"
        "| 3 | 2026-12-07 09:30:00 | A. Jansen | eis 2.1 waarde | 3 → \\- "
        "| herbeoordeeld |\n"
        f"| 4 | 2026-12-08 14:05:06 | B. &lt;b&gt; | eis 1.3 waarde | 3 → 1 "
        f"| {HOSTILE_SHOWN} |\n"
    ) == md[md.index("\n## Wijzigingen\n") :]


def test_the_english_appendix_lists_every_change(
    rated: tuple[go.Audit, Journal],
) -> None:
    audit, journal = rated

    md = render_report(audit, "md", language="en", journal=journal)

    assert (
        "\n## Changes\n\n"
        "Every change in the journal, in order (times in UTC).\n\n"
        "| No. | Time | By | What | Old → new | Reason |\n"
        "|--:|---|---|---|---|---|\n"
        "| 1 | 2026-12-07 09:30:00 | A. Jansen | requirement 1.3 value | 4 → 3 "
        "| herbeoordeeld |\n"
        "| 2 | 2026-12-07 09:30:00 | A. Jansen | requirement 2.1 n/a "
        "| \\- → geen balie | herbeoordeeld |\n"
        "| 3 | 2026-12-07 09:30:00 | A. Jansen | requirement 2.1 value | 3 → \\- "
        "| herbeoordeeld |\n"
        f"| 4 | 2026-12-08 14:05:06 | B. &lt;b&gt; | requirement 1.3 value | 3 → 1 "
        f"| {HOSTILE_SHOWN} |\n"
    ) == md[md.index("\n## Changes\n") :]


def test_a_journal_without_changes_says_so() -> None:
    audit = go.load_audit(EXAMPLE_AUDIT)
    journal = Journal.start(audit.assessment, now=NOW)

    md = render_report(audit, "md", language="en", journal=journal)

    assert (
        "\n## Changes\n\n"
        "Every change in the journal, in order (times in UTC).\n\n"
        "The journal has no changes yet.\n"
    ) == md[md.index("\n## Changes\n") :]
    assert "- |" == tail(ratings_row(md, "1.3"))


def test_no_journal_no_column_and_no_appendix(
    rated: tuple[go.Audit, Journal],
) -> None:
    audit, _ = rated

    md = render_report(audit, "md")

    assert "Laatste wijziging" not in md
    assert "## Wijzigingen" not in md
    assert (
        "| Nr. | Eis | Beoordeling | Bewijs en opmerkingen |\n|---|---|---|---|\n" in md
    )


def test_the_cli_report_reads_the_journal_beside_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "audit.yaml"
    shutil.copy(EXAMPLE_AUDIT, path)
    rate_file(path, {"1.3": 3}, by="A. Jansen", reason="herbeoordeeld", now=NOW)

    code = main(["report", str(path), "--format", "md"])
    md = capsys.readouterr().out

    assert 0 == code
    assert "A. Jansen, 2026-12-07: herbeoordeeld |" == tail(ratings_row(md, "1.3"))
    assert (
        "| 1 | 2026-12-07 09:30:00 | A. Jansen | eis 1.3 waarde | 4 → 3 "
        "| herbeoordeeld |\n"
    ) == md[md.index("| 1 | 2026-12-07") :]


def test_the_cli_report_without_a_journal_has_no_appendix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "audit.yaml"
    shutil.copy(EXAMPLE_AUDIT, path)

    code = main(["report", str(path), "--format", "md"])
    md = capsys.readouterr().out

    assert 0 == code
    assert "## Wijzigingen" not in md


def test_the_html_report_shows_last_changes_and_the_appendix(
    rated: tuple[go.Audit, Journal],
) -> None:
    """
    The HTML report has the same column and appendix, user text escaped.
    """
    audit, journal = rated

    html = render_report(
        audit, "html", language="en", journal=journal, generated=NOW.date()
    )

    assert 9 == html.count('<th class="text">Last change</th>')
    assert (
        '<td class="last-change">B. &lt;b&gt;, <span class="date">2026-12-08</span>: '
        "[x](http://evil) &lt;script&gt; =1+1</td>\n"
    ) in html
    assert (
        '<td class="last-change">A. Jansen, <span class="date">2026-12-07</span>: '
        "herbeoordeeld</td>\n"
    ) in html
    assert (
        '<section id="changes">\n<h2>Changes</h2>\n'
        "<p>Every change in the journal, in order (times in UTC).</p>\n"
    ) in html
    assert (
        '<tr><td class="num">2</td><td>2026-12-07 09:30:00</td><td>A. Jansen</td>'
        "<td>requirement 2.1 n/a</td><td>- → geen balie</td>"
        "<td>herbeoordeeld</td></tr>\n"
        '<tr><td class="num">3</td><td>2026-12-07 09:30:00</td><td>A. Jansen</td>'
        "<td>requirement 2.1 value</td><td>3 → -</td><td>herbeoordeeld</td></tr>\n"
        '<tr><td class="num">4</td><td>2026-12-08 14:05:06</td><td>B. &lt;b&gt;</td>'
        "<td>requirement 1.3 value</td><td>3 → 1</td>"
        "<td>[x](http://evil) &lt;script&gt; =1+1</td></tr>\n"
    ) in html


def test_the_html_report_without_a_journal_has_neither(
    rated: tuple[go.Audit, Journal],
) -> None:
    audit, _ = rated

    html = render_report(audit, "html", generated=NOW.date())

    assert "last-change" not in html
    assert 'id="changes"' not in html
