"""
What every report shows, gathered once from a score card.
"""

from __future__ import annotations

import datetime

import attrs

from goudenoor.audit import (
    DEFAULT_RISK_THRESHOLD,
    Comparison,
    Consensus,
    Findings,
    Improvement,
    Journal,
    Risk,
    ScoreCard,
    at_risk,
    findings_on,
    influence_graph,
)
from goudenoor.report._words import Words, words
from goudenoor.standard import Translation


@attrs.frozen(kw_only=True)
class ReportData:
    """
    The content of a report.

    Attributes:
        card: The score card.
        improvements: The best improvements, best first.
        risks: Result areas whose drivers score low (from the influence
            graph).
        risk_threshold: The fraction below which a driver counts as weak.
        comparison: The change since an earlier audit, if given.
        translation: Texts in another language, shown under the
            standard's own, if given.
        language: The language of the report's own words (headings,
            labels, warnings): ``nl`` (the default) or ``en``. The
            standard's texts stay as they are.
        consensus: The consensus the card's assessment was agreed in, if
            given: the report shows its disagreements.
        findings: The assessment's findings with their status on the
            report's date (the audit's date unless another was given):
            the report's findings section, left out when there are none.
        journal: The assessment's journal, if given: each rating shows its
            last change and an appendix lists every change.
    """

    card: ScoreCard
    improvements: tuple[Improvement, ...]
    risks: tuple[Risk, ...]
    risk_threshold: float
    comparison: Comparison | None = None
    translation: Translation | None = None
    language: str = "nl"
    consensus: Consensus | None = None
    findings: Findings | None = None
    journal: Journal | None = None

    @property
    def words(self) -> Words:
        """
        The report's own words in its language.
        """
        return words(self.language)

    def scale_label(self, value: float) -> tuple[str, str | None] | None:
        """
        The label of *value* on the card's scale and its translation, or
        ``None`` if the scale has no such value.
        """
        scale = self.card.scale
        label = next((lv.label for lv in scale.levels if lv.value == value), None)
        if label is None:
            return None
        found = self.translation.scale(scale.id) if self.translation else None
        return label, found.label(value) if found else None

    def area_name(self, area_id: str) -> str | None:
        """
        The translated name of an area, or ``None``.
        """
        found = self.translation.area(area_id) if self.translation else None
        return found.name if found else None

    def requirement_text(self, requirement_id: str) -> str | None:
        """
        The translated lead and statement of a requirement, or ``None``.
        """
        found = (
            self.translation.requirement(requirement_id) if self.translation else None
        )
        return found.full_text if found else None

    def level_name(self, name: str) -> str | None:
        """
        The translated name of a level of the card's scheme, or ``None``.
        """
        if self.translation is None:
            return None
        scheme = self.translation.scheme(self.card.scheme.id)
        return scheme.level(name) if scheme else None

    @property
    def maxima(self) -> dict[str, float]:
        """
        The maximum organisation, result and total points.
        """
        areas = self.card.areas.values()
        organisation = sum(a.max_points for a in areas if a.kind == "organisation")
        result = sum(a.max_points for a in areas if a.kind == "result")
        return {
            "organisation": organisation,
            "result": result,
            "total": organisation + result,
        }


def report_data(
    card: ScoreCard,
    *,
    comparison: Comparison | None = None,
    top: int = 5,
    risk_threshold: float = DEFAULT_RISK_THRESHOLD,
    translation: Translation | None = None,
    language: str = "nl",
    consensus: Consensus | None = None,
    as_of: datetime.date | None = None,
    journal: Journal | None = None,
) -> ReportData:
    """
    Gather what a report of *card* shows, with its own words in *language*;
    its findings with their status on *as_of* (default: the audit's date).

    Raises:
        UnknownItemError: *language* is not ``nl`` or ``en``.
    """
    words(language)
    return ReportData(
        language=language,
        translation=translation,
        card=card,
        improvements=card.improvements(top),
        risks=at_risk(influence_graph(card.standard), card, risk_threshold),
        risk_threshold=risk_threshold,
        comparison=comparison,
        consensus=consensus,
        findings=findings_on(
            card.assessment,
            card.assessment.date if as_of is None else as_of,
        ),
        journal=journal,
    )
