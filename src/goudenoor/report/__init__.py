"""
Reports and workbooks: what an auditor hands over and fills in.

The Markdown and JSON reports need only the standard library; the HTML
report needs the ``report`` extra (jinja2, matplotlib) and the XLSX
workbook the ``xlsx`` extra (openpyxl). Those are imported only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from goudenoor import _lazy


if TYPE_CHECKING:
    from goudenoor.report._calibration import (
        calibration_html as calibration_html,
        calibration_markdown as calibration_markdown,
    )
    from goudenoor.report._data import (
        ReportData as ReportData,
        report_data as report_data,
    )
    from goudenoor.report._many_html import (
        portfolio_summary_html as portfolio_summary_html,
        rollup_html as rollup_html,
    )
    from goudenoor.report._markdown import (
        benchmark_markdown as benchmark_markdown,
        edition_diff_markdown as edition_diff_markdown,
        findings_markdown as findings_markdown,
        portfolio_summary_markdown as portfolio_summary_markdown,
        rollup_markdown as rollup_markdown,
        status_markdown as status_markdown,
        trend_markdown as trend_markdown,
    )
    from goudenoor.report._migration import (
        migration_text as migration_text,
    )
    from goudenoor.report._questionnaire import (
        questionnaire_html as questionnaire_html,
    )
    from goudenoor.report._render import (
        render_report as render_report,
    )
    from goudenoor.report._tables import (
        table_csv as table_csv,
        table_json as table_json,
        table_markdown as table_markdown,
        table_text as table_text,
    )
    from goudenoor.report._text import (
        area_text as area_text,
        card_text as card_text,
        standard_text as standard_text,
    )
    from goudenoor.report._words import (
        LANGUAGES as LANGUAGES,
    )


_EXPORTS: Final[dict[str, str]] = {
    "LANGUAGES": "_words",
    "ReportData": "_data",
    "area_text": "_text",
    "benchmark_markdown": "_markdown",
    "calibration_html": "_calibration",
    "calibration_markdown": "_calibration",
    "card_text": "_text",
    "edition_diff_markdown": "_markdown",
    "findings_markdown": "_markdown",
    "migration_text": "_migration",
    "portfolio_summary_html": "_many_html",
    "portfolio_summary_markdown": "_markdown",
    "questionnaire_html": "_questionnaire",
    "render_report": "_render",
    "report_data": "_data",
    "rollup_html": "_many_html",
    "rollup_markdown": "_markdown",
    "standard_text": "_text",
    "status_markdown": "_markdown",
    "table_csv": "_tables",
    "table_json": "_tables",
    "table_markdown": "_tables",
    "table_text": "_tables",
    "trend_markdown": "_markdown",
}
"""Each public name -> the module that defines it, imported when first used."""

__all__ = list(_EXPORTS)

__getattr__, __dir__ = _lazy.exports(__name__, _EXPORTS)
