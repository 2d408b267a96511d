"""
The report of one score card, as Markdown, HTML or JSON text.
"""

from __future__ import annotations

import datetime
from typing import Literal

from goudenoor._checks import checked
from goudenoor._data import to_data
from goudenoor._text import json_text
from goudenoor.audit import (
    DEFAULT_RISK_THRESHOLD,
    Audit,
    Comparison,
    Consensus,
    Journal,
    ScoreCard,
    card_of,
)
from goudenoor.report._data import ReportData, report_data
from goudenoor.report._markdown import render_markdown
from goudenoor.standard import Translation


__all__ = ["TextFormat", "render_report"]


def __dir__() -> list[str]:
    return __all__


TextFormat = Literal["md", "html", "json"]


@checked
def render_report(
    card: ScoreCard | Audit,
    format: TextFormat = "md",  # noqa: A002 - the CLI's option name
    *,
    comparison: Comparison | None = None,
    top: int = 5,
    risk_threshold: float = DEFAULT_RISK_THRESHOLD,
    translation: Translation | None = None,
    language: str = "nl",
    generated: datetime.date | None = None,
    consensus: Consensus | None = None,
    as_of: datetime.date | None = None,
    journal: Journal | None = None,
) -> str:
    """
    The report of *card* as Markdown, HTML or JSON text.

    Args:
        card: The score card, or an Audit (scored with the defaults).
        format: ``md``, ``html`` (needs the ``report`` extra) or ``json``.
        comparison: The change since an earlier audit, shown too.
        top: How many improvements to list.
        risk_threshold: Below which fraction a driving area puts its
            results at risk.
        translation: Show area names, level names and requirement texts
            in this language too, under the standard's own (Markdown and
            HTML; the JSON report is data and stays as it is).
        language: The language of the report's own words (headings,
            labels, warnings): ``nl`` (default) or ``en`` (Markdown and
            HTML). The standard's texts stay Dutch; pass a *translation*
            to show them in another language as well.
        generated: The date the HTML report's footer says it was made;
            by default ``SOURCE_DATE_EPOCH`` (reproducible builds) if set,
            else today.
        consensus: The consensus of an audit team that gave the card's
            assessment: the Markdown and HTML reports show alpha and the
            table of disagreements (the JSON report is the card's data;
            :meth:`~goudenoor.Consensus.as_dict` is the consensus's).
        as_of: The date the findings section shows each finding's status
            on, and whether it is overdue (Markdown and HTML); by default
            the audit's date. The section is left out when the assessment
            has no findings.
        journal: The assessment's journal (``goudenoor.load_journal``):
            the Markdown and HTML reports show beside each rating who last
            changed it, when and why, and list every change in an appendix
            (the JSON report is the card's data).

    Raises:
        MissingExtraError: ``html`` without the ``report`` extra.
        UnknownItemError: A *language* other than ``nl`` or ``en``.
    """
    data = report_data(
        card_of(card),
        comparison=comparison,
        top=top,
        risk_threshold=risk_threshold,
        translation=translation,
        language=language,
        consensus=consensus,
        as_of=as_of,
        journal=journal,
    )
    if format == "md":
        return render_markdown(data)
    if format == "html":
        from goudenoor.report._html import render_html

        return render_html(data, generated=generated)
    return json_text(_json(data))


def _json(data: ReportData) -> dict[str, object]:
    result = data.card.as_dict()
    result["improvements"] = result["improvements"][: len(data.improvements)]
    result["risks"] = to_data(data.risks)
    if data.comparison is not None:
        result["comparison"] = data.comparison.as_dict()
    return result
