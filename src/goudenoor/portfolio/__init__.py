"""
Many audits: a portfolio as tidy tables, the roll-up of an organisation's
units, benchmarks among peers and an organisation's trend over time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from goudenoor import _lazy
from goudenoor._moved import warn


if TYPE_CHECKING:
    from goudenoor.portfolio._benchmark import (
        PERCENTILE_RANKS_FORMAT as PERCENTILE_RANKS_FORMAT,
    )
    from goudenoor.portfolio._benchmark import (
        TREND_FORMAT as TREND_FORMAT,
    )
    from goudenoor.portfolio._benchmark import (
        AreaTrend as AreaTrend,
    )
    from goudenoor.portfolio._benchmark import (
        BenchmarkError as BenchmarkError,
    )
    from goudenoor.portfolio._benchmark import (
        PercentileRanks as PercentileRanks,
    )
    from goudenoor.portfolio._benchmark import (
        Trend as Trend,
    )
    from goudenoor.portfolio._benchmark import (
        percentile_rank as percentile_rank,
    )
    from goudenoor.portfolio._benchmark import (
        percentile_ranks as percentile_ranks,
    )
    from goudenoor.portfolio._benchmark import (
        standard_label as standard_label,
    )
    from goudenoor.portfolio._benchmark import (
        trend as trend,
    )
    from goudenoor.portfolio._portfolio import (
        COLUMNS as COLUMNS,
    )
    from goudenoor.portfolio._portfolio import (
        PORTFOLIO_FORMAT as PORTFOLIO_FORMAT,
    )
    from goudenoor.portfolio._portfolio import (
        PORTFOLIO_SHAPE as PORTFOLIO_SHAPE,
    )
    from goudenoor.portfolio._portfolio import (
        PORTFOLIO_SUMMARY_FORMAT as PORTFOLIO_SUMMARY_FORMAT,
    )
    from goudenoor.portfolio._portfolio import (
        AreaSpread as AreaSpread,
    )
    from goudenoor.portfolio._portfolio import (
        EditionSummary as EditionSummary,
    )
    from goudenoor.portfolio._portfolio import (
        Portfolio as Portfolio,
    )
    from goudenoor.portfolio._portfolio import (
        PortfolioNote as PortfolioNote,
    )
    from goudenoor.portfolio._portfolio import (
        PortfolioSummary as PortfolioSummary,
    )
    from goudenoor.portfolio._portfolio import (
        RefusedFile as RefusedFile,
    )
    from goudenoor.portfolio._portfolio import (
        Spread as Spread,
    )
    from goudenoor.portfolio._portfolio import (
        summarise as summarise,
    )
    from goudenoor.portfolio._rollup import (
        ROLLUP_FORMAT as ROLLUP_FORMAT,
    )
    from goudenoor.portfolio._rollup import (
        AreaRollup as AreaRollup,
    )
    from goudenoor.portfolio._rollup import (
        Rollup as Rollup,
    )
    from goudenoor.portfolio._rollup import (
        RollupError as RollupError,
    )
    from goudenoor.portfolio._rollup import (
        RollupRule as RollupRule,
    )
    from goudenoor.portfolio._rollup import (
        rollup as rollup,
    )


_EXPORTS: Final[dict[str, str]] = {
    "AreaRollup": "_rollup",
    "AreaSpread": "_portfolio",
    "AreaTrend": "_benchmark",
    "BenchmarkError": "_benchmark",
    "COLUMNS": "_portfolio",
    "EditionSummary": "_portfolio",
    "percentile_rank": "_benchmark",
    "percentile_ranks": "_benchmark",
    "PERCENTILE_RANKS_FORMAT": "_benchmark",
    "PercentileRanks": "_benchmark",
    "Portfolio": "_portfolio",
    "PORTFOLIO_FORMAT": "_portfolio",
    "PORTFOLIO_SHAPE": "_portfolio",
    "PORTFOLIO_SUMMARY_FORMAT": "_portfolio",
    "PortfolioNote": "_portfolio",
    "PortfolioSummary": "_portfolio",
    "RefusedFile": "_portfolio",
    "Rollup": "_rollup",
    "rollup": "_rollup",
    "ROLLUP_FORMAT": "_rollup",
    "RollupError": "_rollup",
    "RollupRule": "_rollup",
    "Spread": "_portfolio",
    "standard_label": "_benchmark",
    "summarise": "_portfolio",
    "Trend": "_benchmark",
    "trend": "_benchmark",
    "TREND_FORMAT": "_benchmark",
}
"""Each public name -> the module that defines it, imported when first used."""

__all__ = list(_EXPORTS)

_exported, __dir__ = _lazy.exports(__name__, _EXPORTS)


def __getattr__(name: str) -> object:
    if name == "PortfolioError":
        warn("goudenoor.portfolio.PortfolioError", "goudenoor.portfolio.RefusedFile")
        return _exported("RefusedFile")
    return _exported(name)
