"""
The words of the roll-up report (the units of one organisation side by
side, and the weakest unit per area), in Dutch (default) or English. The
Markdown renderer is :func:`goudenoor.report.markdown.rollup_markdown`.
"""

from __future__ import annotations

import attrs

from goudenoor.exceptions import UnknownItemError


__all__ = ["RollupWords", "rollup_words"]


def __dir__() -> list[str]:
    return __all__


@attrs.frozen(kw_only=True)
class RollupWords:
    """
    The texts of the roll-up report in one language.
    """

    title: str
    edition: str
    rule: str
    rules: dict[str, str]
    units: str
    unit: str
    weight: str
    date: str
    total: str
    level: str
    no_level: str
    areas: str
    area: str
    points: str
    lowest: str
    highest: str
    maximum: str
    weakest: str
    organisation: str
    result: str


_DUTCH = RollupWords(
    title="Samenvoeging van eenheden",
    edition="Editie",
    rule="Regel",
    rules={
        "weighted-mean": "gewogen gemiddelde van de eenheden",
        "min": "de zwakste eenheid per gebied",
    },
    units="Eenheden",
    unit="Eenheid",
    weight="Gewicht",
    date="Datum",
    total="Totaal",
    level="Erkenningsniveau",
    no_level="geen",
    areas="Punten per gebied",
    area="Gebied",
    points="Punten",
    lowest="Laagste",
    highest="Hoogste",
    maximum="Maximum",
    weakest="Zwakste eenheid",
    organisation="Organisatie",
    result="Resultaat",
)

_ENGLISH = RollupWords(
    title="Roll-up of units",
    edition="Edition",
    rule="Rule",
    rules={
        "weighted-mean": "weighted mean of the units",
        "min": "the weakest unit per area",
    },
    units="Units",
    unit="Unit",
    weight="Weight",
    date="Date",
    total="Total",
    level="Recognition level",
    no_level="none",
    areas="Points per area",
    area="Area",
    points="Points",
    lowest="Lowest",
    highest="Highest",
    maximum="Maximum",
    weakest="Weakest unit",
    organisation="Organisation",
    result="Result",
)

_BY_LANGUAGE = {"nl": _DUTCH, "en": _ENGLISH}


def rollup_words(language: str) -> RollupWords:
    """
    The roll-up report's words in *language* (``nl`` or ``en``).

    Raises:
        UnknownItemError: Another language.
    """
    try:
        return _BY_LANGUAGE[language]
    except KeyError:
        raise UnknownItemError(
            language, tuple(_BY_LANGUAGE), kind="report language"
        ) from None
