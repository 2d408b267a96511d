"""
The words of the benchmark reports (percentile ranks among peers, and one
organisation's trend over the years), in Dutch (default) or English. The
Markdown renderers are :func:`goudenoor.report.benchmark_markdown`
and :func:`goudenoor.report.trend_markdown`.
"""

from __future__ import annotations

import attrs

from goudenoor.report._language import in_language


__all__ = ["BenchmarkWords", "TrendWords", "benchmark_words", "trend_words"]


def __dir__() -> list[str]:
    return __all__


@attrs.frozen(kw_only=True)
class BenchmarkWords:
    """
    The texts of the percentile-rank report in one language.
    """

    title: str
    unit: str
    edition: str
    date: str
    peers: str
    peers_text: str
    left_out: str
    left_out_text: str
    meaning: str
    area: str
    rank: str
    total: str


@attrs.frozen(kw_only=True)
class TrendWords:
    """
    The texts of the trend report in one language.
    """

    title: str
    unit: str
    period: str
    history: str
    date: str
    edition: str
    total: str
    level: str
    no_level: str
    areas: str
    area: str
    first: str
    last: str
    change: str
    editions_differ: str


_DUTCH_BENCHMARK = BenchmarkWords(
    title="Percentielrangen",
    unit="Eenheid",
    edition="Editie",
    date="Datum audit",
    peers="Vergelijkingsgroep",
    peers_text="{peers} audits van {edition}",
    left_out="Buiten beschouwing",
    left_out_text="{count} audits van een andere standaard (een andere editie of "
    "andere uitbreidingen)",
    meaning=(
        "De percentielrang is het percentage van de vergelijkingsgroep dat lager "
        "scoort, plus de helft van wie gelijk scoort (50 is het midden)."
    ),
    area="Gebied",
    rank="Percentielrang",
    total="Totaal",
)

_ENGLISH_BENCHMARK = BenchmarkWords(
    title="Percentile ranks",
    unit="Unit",
    edition="Edition",
    date="Audit date",
    peers="Peer group",
    peers_text="{peers} audits of {edition}",
    left_out="Left out",
    left_out_text="{count} audits of another standard (another edition or other "
    "extensions)",
    meaning=(
        "The percentile rank is the percentage of the peer group that scores "
        "lower, plus half of those that score the same (50 is the middle)."
    ),
    area="Area",
    rank="Percentile rank",
    total="Total",
)

_DUTCH_TREND = TrendWords(
    title="Ontwikkeling",
    unit="Eenheid",
    period="Periode",
    history="Audits",
    date="Datum",
    edition="Editie",
    total="Totaal",
    level="Erkenningsniveau",
    no_level="geen",
    areas="Punten per gebied",
    area="Gebied",
    first="Eerste",
    last="Laatste",
    change="Verschil",
    editions_differ=(
        "De audits zijn van verschillende edities ({editions}): de gebieden zijn "
        "op nummer vergeleken, en de punten en het maximum van een gebied kunnen "
        "per editie verschillen."
    ),
)

_ENGLISH_TREND = TrendWords(
    title="Trend",
    unit="Unit",
    period="Period",
    history="Audits",
    date="Date",
    edition="Edition",
    total="Total",
    level="Recognition level",
    no_level="none",
    areas="Points per area",
    area="Area",
    first="First",
    last="Last",
    change="Change",
    editions_differ=(
        "The audits are of different editions ({editions}): areas are compared "
        "by id, and an area's points and maximum may differ between editions."
    ),
)

_BENCHMARK = {"nl": _DUTCH_BENCHMARK, "en": _ENGLISH_BENCHMARK}
_TREND = {"nl": _DUTCH_TREND, "en": _ENGLISH_TREND}


def benchmark_words(language: str) -> BenchmarkWords:
    """
    The percentile-rank report's words in *language* (``nl`` or ``en``).

    Raises:
        UnknownItemError: Another language.
    """
    return in_language(_BENCHMARK, language)


def trend_words(language: str) -> TrendWords:
    """
    The trend report's words in *language* (``nl`` or ``en``).

    Raises:
        UnknownItemError: Another language.
    """
    return in_language(_TREND, language)
