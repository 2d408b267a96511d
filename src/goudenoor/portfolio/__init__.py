"""
Many audits: a portfolio as tidy tables, the roll-up of an organisation's
units, benchmarks among peers and an organisation's trend over time.
"""

from __future__ import annotations

from goudenoor._moved import warn
from goudenoor.portfolio._benchmark import (
    PERCENTILE_RANKS_FORMAT,
    TREND_FORMAT,
    AreaTrend,
    BenchmarkError,
    PercentileRanks,
    Trend,
    percentile_rank,
    percentile_ranks,
    standard_label,
    trend,
)
from goudenoor.portfolio._portfolio import (
    COLUMNS,
    PORTFOLIO_FORMAT,
    PORTFOLIO_SHAPE,
    PORTFOLIO_SUMMARY_FORMAT,
    AreaSpread,
    EditionSummary,
    Portfolio,
    PortfolioNote,
    PortfolioSummary,
    RefusedFile,
    Spread,
    summarise,
)
from goudenoor.portfolio._rollup import (
    ROLLUP_FORMAT,
    AreaRollup,
    Rollup,
    RollupError,
    RollupRule,
    rollup,
)


__all__ = [
    "AreaRollup",
    "AreaSpread",
    "AreaTrend",
    "BenchmarkError",
    "COLUMNS",
    "PORTFOLIO_SHAPE",
    "EditionSummary",
    "PERCENTILE_RANKS_FORMAT",
    "PORTFOLIO_FORMAT",
    "PORTFOLIO_SUMMARY_FORMAT",
    "PercentileRanks",
    "Portfolio",
    "PortfolioNote",
    "PortfolioSummary",
    "ROLLUP_FORMAT",
    "RefusedFile",
    "Rollup",
    "RollupError",
    "RollupRule",
    "Spread",
    "TREND_FORMAT",
    "Trend",
    "percentile_rank",
    "percentile_ranks",
    "rollup",
    "standard_label",
    "summarise",
    "trend",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> object:
    if name == "PortfolioError":
        warn("goudenoor.portfolio.PortfolioError", "goudenoor.portfolio.RefusedFile")
        return RefusedFile
    msg = f"module 'goudenoor.portfolio' has no attribute {name!r}"
    raise AttributeError(msg)
