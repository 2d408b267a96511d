"""
The section "Agreement between auditors" of the report of an agreed
assessment: Krippendorff's alpha and the disagreements of the calibration
meeting, in the report's language (Dutch by default). The Markdown and
HTML reports render it from :func:`team_section`.
"""

from __future__ import annotations

import attrs

from goudenoor.audit import AuditorValue, Consensus, Disagreement
from goudenoor.report._language import in_language


__all__ = ["TeamRow", "TeamSection", "team_section"]


def __dir__() -> list[str]:
    return __all__


@attrs.frozen(kw_only=True)
class _TeamWords:
    heading: str
    intro: str
    alpha: str
    alpha_by_area: str
    undefined: str
    area: str
    requirement: str
    kind: str
    spread: str
    values: str
    outcome: str
    agreed: str
    stays_unrated: str
    no_disagreements: str
    not_applicable: str
    unrated: str
    kinds: dict[str, str]


_DUTCH = _TeamWords(
    heading="Overeenstemming tussen auditoren",
    intro=(
        "Consensus van {count} beoordelingen ({auditors}), regel {rule}; "
        "een verschil van {spread} of meer schaalstappen staat op de agenda."
    ),
    alpha="Krippendorffs alfa (ordinaal)",
    alpha_by_area="per gebied",
    undefined="niet bepaald",
    area="Gebied",
    requirement="Eis",
    kind="Verschil",
    spread="Stappen",
    values="Waarde per auditor",
    outcome="Uitkomst",
    agreed="afgesproken: {value}",
    stays_unrated="blijft onbeoordeeld tot het team beslist",
    no_disagreements="De auditoren verschillen nergens van mening.",
    not_applicable="n.v.t.",
    unrated="niet beoordeeld",
    kinds={
        "spread": "spreiding",
        "not_applicable": "wel of niet van toepassing",
        "unrated": "niet door iedereen beoordeeld",
    },
)

_ENGLISH = _TeamWords(
    heading="Agreement between auditors",
    intro=(
        "Consensus of {count} assessments ({auditors}), rule {rule}; a "
        "difference of {spread} or more scale steps is on the agenda."
    ),
    alpha="Krippendorff's alpha (ordinal)",
    alpha_by_area="by area",
    undefined="undefined",
    area="Area",
    requirement="Requirement",
    kind="Disagreement",
    spread="Steps",
    values="Value per auditor",
    outcome="Outcome",
    agreed="agreed: {value}",
    stays_unrated="stays unrated until the team decides",
    no_disagreements="The auditors agree everywhere.",
    not_applicable="n/a",
    unrated="unrated",
    kinds={
        "spread": "spread",
        "not_applicable": "applicable or not",
        "unrated": "not rated by all",
    },
)

_BY_LANGUAGE = {"nl": _DUTCH, "en": _ENGLISH}


@attrs.frozen(kw_only=True)
class TeamRow:
    """
    One disagreement as the cells of a table row (plain text).
    """

    requirement_id: str
    area: str
    kind: str
    spread: str
    values: str
    outcome: str


@attrs.frozen(kw_only=True)
class TeamSection:
    """
    The section's words and cells, all plain text.

    Attributes:
        heading: The section's heading.
        intro: One sentence: how many assessments, whose, the rule.
        alpha: The label and the overall alpha.
        alpha_by_area: The label and the alpha of each area where it is
            defined (``id name: alpha``); empty where it is nowhere.
        header: The table's column heads.
        rows: The disagreements, by spread, then area.
        empty: What to say when there are no disagreements.
    """

    heading: str
    intro: str
    alpha: str
    alpha_by_area: str
    header: tuple[str, ...]
    rows: tuple[TeamRow, ...]
    empty: str


def team_section(consensus: Consensus, language: str = "nl") -> TeamSection:
    """
    The section of *consensus* in *language* (``nl`` or ``en``).

    Raises:
        UnknownItemError: Another language.
    """
    w = in_language(_BY_LANGUAGE, language)
    standard = consensus.standard
    by_area = "; ".join(
        f"{area.id} {area.name}: {_alpha(alpha, w)}"
        for area in standard.areas
        if (alpha := consensus.alpha_by_area[area.id]) is not None
    )
    return TeamSection(
        heading=w.heading,
        intro=w.intro.format(
            count=len(consensus.inputs),
            auditors="; ".join(consensus.auditors),
            rule=consensus.rule,
            spread=consensus.spread,
        ),
        alpha=f"{w.alpha}: {_alpha(consensus.alpha, w)}",
        alpha_by_area=f"{w.alpha_by_area}: {by_area}" if by_area else "",
        header=(w.requirement, w.area, w.kind, w.spread, w.values, w.outcome),
        rows=tuple(_row(item, consensus, w) for item in consensus.disagreements),
        empty=w.no_disagreements,
    )


def _row(item: Disagreement, consensus: Consensus, w: _TeamWords) -> TeamRow:
    area = consensus.standard.area(item.area_id)
    return TeamRow(
        requirement_id=item.requirement_id,
        area=f"{area.id} {area.name}",
        kind=w.kinds.get(item.kind, item.kind),
        spread=str(item.spread),
        values="; ".join(f"{v.auditor}: {_value(v, w)}" for v in item.values),
        outcome=(
            w.stays_unrated
            if item.agreed is None
            else w.agreed.format(value=f"{item.agreed:g}")
        ),
    )


def _value(value: AuditorValue, w: _TeamWords) -> str:
    if value.not_applicable:
        return w.not_applicable
    return w.unrated if value.value is None else f"{value.value:g}"


def _alpha(value: float | None, w: _TeamWords) -> str:
    return w.undefined if value is None else f"{value:.3f}"
