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
        TREND_FORMAT as TREND_FORMAT,
        AreaTrend as AreaTrend,
        BenchmarkError as BenchmarkError,
        PercentileRanks as PercentileRanks,
        Trend as Trend,
        percentile_rank as percentile_rank,
        percentile_ranks as percentile_ranks,
        standard_label as standard_label,
        trend as trend,
    )
    from goudenoor.portfolio._calibration import (
        AreaBias as AreaBias,
        PortfolioCalibration as PortfolioCalibration,
        UnpairedReason as UnpairedReason,
        UnpairedUnit as UnpairedUnit,
        calibrate_portfolio as calibrate_portfolio,
    )
    from goudenoor.portfolio._portfolio import (
        COLUMNS as COLUMNS,
        PORTFOLIO_FORMAT as PORTFOLIO_FORMAT,
        PORTFOLIO_SHAPE as PORTFOLIO_SHAPE,
        PORTFOLIO_SUMMARY_FORMAT as PORTFOLIO_SUMMARY_FORMAT,
        STATUS_COLUMNS as STATUS_COLUMNS,
        STATUS_SHAPE as STATUS_SHAPE,
        AreaSpread as AreaSpread,
        EditionSummary as EditionSummary,
        Portfolio as Portfolio,
        PortfolioNote as PortfolioNote,
        PortfolioSummary as PortfolioSummary,
        RefusedFile as RefusedFile,
        Spread as Spread,
        summarise as summarise,
    )
    from goudenoor.portfolio._rollup import (
        ROLLUP_FORMAT as ROLLUP_FORMAT,
        AreaRollup as AreaRollup,
        Rollup as Rollup,
        RollupError as RollupError,
        RollupRule as RollupRule,
        rollup as rollup,
    )


_EXPORTS: Final[dict[str, str]] = {
    "AreaBias": "_calibration",
    "PortfolioCalibration": "_calibration",
    "UnpairedReason": "_calibration",
    "UnpairedUnit": "_calibration",
    "calibrate_portfolio": "_calibration",
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
    "STATUS_COLUMNS": "_portfolio",
    "STATUS_SHAPE": "_portfolio",
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
