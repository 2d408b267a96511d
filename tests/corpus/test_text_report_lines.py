"""
One line per value in every text report (issue 23, item 16): a value
with a line break (an organisation, a unit, an auditor, a crosswalk
rationale, an area name) cannot forge a line, whatever the separator.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import attrs
import pytest

import goudenoor as go
from goudenoor.audit._consensus import consensus
from goudenoor.audit._migration import migrate_assessment
from goudenoor.portfolio._benchmark import percentile_ranks, trend
from goudenoor.portfolio._portfolio import summarise
from goudenoor.portfolio._rollup import rollup
from goudenoor.report._migration import migration_text
from goudenoor.report._text import card_text
from goudenoor.standard._crosswalk import (
    Crosswalk,
    CrosswalkMapping,
    NewRequirement,
    RemovedRequirement,
)


SEPARATORS = ("\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029")
"""Everything str.splitlines() (and so a terminal or a reader) breaks at."""

STD2012 = go.load_standard("gos-2012")
STD2016 = go.load_standard("gos-2016")


def forged(separator: str) -> str:
    return f"Gemeente{separator}dropped (0):{separator}  1.1 4: fake"


def audit(name: str, *, value: float = 2, **fields: object) -> go.Assessment:
    return go.Assessment(
        edition="gos-2012",
        organisation=name,
        date=datetime.date(2026, 3, 1),
        auditors=(name,),
        ratings={"1.1": go.Rating(value=value), "1.4": go.Rating(value=3)},
        **fields,  # type: ignore[arg-type]
    )


def card(name: str, unit: str | None = None) -> go.ScoreCard:
    return go.score(STD2012, audit(name, unit=unit))


def _migration(name: str, *, english: bool) -> str:
    walk = Crosswalk(
        source="gos-2012",
        target="gos-2016",
        notes="n",
        mappings=(
            CrosswalkMapping(
                source="1.1", target="1.1", relationship="equal", rationale=name
            ),
        ),
        new=(NewRequirement(target="1.2", rationale=name),),
        removed=(RemovedRequirement(source="1.4", rationale=name),),
    )
    m = migrate_assessment(audit(name), source=STD2012, target=STD2016, crosswalk=walk)
    return m.text() if english else migration_text(m)


def _renamed(name: str) -> go.Standard:
    data = go.standard_to_mapping(STD2016)
    data["areas"][0]["name"] = name
    return go.standard_from_mapping(data)


REPORTS: dict[str, Callable[[str], str]] = {
    "score": lambda name: card_text(card(name)),
    "migrate (English)": lambda name: _migration(name, english=True),
    "migrate (Dutch)": lambda name: _migration(name, english=False),
    "migrate (report English)": lambda name: migration_text(
        migrate_assessment(audit(name), source=STD2012, target=STD2012, crosswalk=None),
        "en",
    ),
    "compare": lambda name: go.compare(
        card(name), card("Ander"), allow_different_organisations=True
    ).text(),
    "consensus": lambda name: consensus(
        STD2012,
        [
            audit(name, value=1),
            attrs.evolve(audit(name, value=4), auditors=("B",)),
        ],
    ).text(),
    "rollup": lambda name: rollup(
        [card("Gemeente", unit=name), card("Gemeente", unit="Noord")]
    ).text(),
    "benchmark": lambda name: percentile_ranks(
        card(name), [card(name), card("Ander")]
    ).text(),
    "trend": lambda name: trend(
        [
            card(name),
            go.score(
                STD2012,
                attrs.evolve(audit(name), date=datetime.date(2027, 3, 1)),
            ),
        ]
    ).text(),
    "portfolio summary": lambda name: summarise([card(name), card("Ander")]).text(),
    "edition diff": lambda name: go.diff_editions(STD2012, _renamed(name)).text(),
}


@pytest.mark.parametrize("report", sorted(REPORTS))
@pytest.mark.parametrize("separator", SEPARATORS, ids=repr)
def test_a_line_break_in_a_value_forges_no_line(report: str, separator: str) -> None:
    """
    The report of a value with line breaks has as many lines as that of a
    value without, and no separator but the line feeds ending each line.
    """
    render = REPORTS[report]
    plain = render("Gemeente dropped (0): 1.1 4: fake")

    text = render(forged(separator))

    assert len(plain.splitlines()) == len(text.splitlines())
    assert text.count("\n") == len(text.splitlines())
    assert "1.1 4: fake" not in [line.strip() for line in text.splitlines()]
