"""
The Markdown report (standard library only).
"""

from __future__ import annotations

from goudenoor.scoring import AreaResult, RequirementResult, ScoreCard

from ._data import ReportData


__all__ = ["render_markdown"]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _value(result: RequirementResult) -> str:
    if result.status == "not-applicable":
        return "n.v.t."
    if result.value is None:
        return "-"
    return f"{result.value:g}"


def render_markdown(data: ReportData) -> str:
    """
    The report as Markdown: areas, totals, level and gap, ratings with
    evidence, warnings, improvements, results at risk and (if given) the
    change since the previous audit.
    """
    card = data.card
    lines = [*_heading(card), *_areas(data), *_level(card)]
    if data.comparison is not None:
        lines += ["", "## Change since the previous audit", "", "```text"]
        lines += data.comparison.text().rstrip("\n").splitlines()
        lines += ["```"]
    lines += _improvements(data)
    lines += _risks(data)
    lines += _warnings(card)
    lines += _ratings(card)
    return "\n".join(lines) + "\n"


def _heading(card: ScoreCard) -> list[str]:
    a = card.assessment
    meta = [
        f"- **Edition:** {card.standard.title} (`{card.standard.id}`)",
        f"- **Audit date:** {a.date.isoformat()}",
    ]
    if a.auditors:
        meta.append(f"- **Auditors:** {', '.join(a.auditors)}")
    if card.standard.extensions:
        meta.append(f"- **Extensions:** {', '.join(card.standard.extensions)}")
    meta.append(
        f"- **Scale / method / scheme:** `{card.scale.id}` / `{card.method}` / "
        f"`{card.scheme.id}` (evidence policy `{card.evidence_policy}`)"
    )
    return [f"# Gouden Oor audit: {_cell(a.organisation)}", "", *meta]


def _areas(data: ReportData) -> list[str]:
    card = data.card
    lines = [
        "",
        "## Points per area",
        "",
        "| Area | Kind | Points | Maximum | Share |",
        "|---|---|---:|---:|---:|",
    ]
    lines.extend(
        f"| {area.area_id} {_cell(area.name)} | {area.kind} | {area.points:.2f} | "
        f"{area.max_points:g} | {area.fraction:.0%} |"
        for area in card.areas.values()
    )
    maxima = data.maxima
    for name, points in (
        ("Organisation", card.organisation),
        ("Result", card.result),
        ("Total", card.total),
    ):
        lines.append(
            f"| **{name}** | | **{points:.2f}** | {maxima[name.lower()]:g} | |"
        )
    return lines


def _level(card: ScoreCard) -> list[str]:
    level = card.level
    lines = [
        "",
        "## Recognition",
        "",
        f"- **Level:** {level.name if level else 'none'}",
    ]
    if card.next_level is not None:
        lines.append(f"- **Next level:** {card.next_level.name}, which needs:")
        lines.extend(f"  - {gap}" for gap in card.gaps)
    else:
        lines.append("- This is the highest level of the scheme.")
    return lines


def _improvements(data: ReportData) -> list[str]:
    if not data.improvements:
        return []
    lines = [
        "",
        "## Improvements that gain most",
        "",
        "| Requirement | Points gained | Text |",
        "|---|---:|---|",
    ]
    lines.extend(
        f"| {item.requirement_id} | +{item.points_gained:.2f} | {_cell(item.text)} |"
        for item in data.improvements
    )
    return lines


def _risks(data: ReportData) -> list[str]:
    if not data.risks:
        return []
    lines = [
        "",
        "## Results at risk",
        "",
        (
            f"Result areas with a driving organisation area below "
            f"{data.risk_threshold:.0%} of its points (the drivers are this "
            "library's model, not part of the standard):"
        ),
        "",
    ]
    lines.extend(f"- {risk}" for risk in data.risks)
    return lines


def _warnings(card: ScoreCard) -> list[str]:
    if not card.warnings:
        return []
    lines = ["", "## Warnings", ""]
    lines.extend(
        f"- `{w.requirement_id}` {w.code}: {_cell(w.message)}" for w in card.warnings
    )
    return lines


def _ratings(card: ScoreCard) -> list[str]:
    lines = ["", "## Ratings and evidence"]
    for area in card.areas.values():
        lines += _area_ratings(card, area)
    return lines


def _area_ratings(card: ScoreCard, area: AreaResult) -> list[str]:
    lines = [
        "",
        f"### {area.area_id} {area.name}",
        "",
        "| Id | Requirement | Rating | Evidence and notes |",
        "|---|---|---|---|",
    ]
    for result in area.requirements:
        requirement = card.standard.requirement(result.requirement_id)
        rating = card.assessment.ratings.get(result.requirement_id)
        notes: list[str] = []
        if rating is not None:
            notes.extend(
                f"{e.kind}: {e.reference}"
                + (f" ({e.date.isoformat()})" if e.date else "")
                for e in rating.evidence
            )
            if rating.checkpoints_met:
                notes.append("checkpoints met: " + ", ".join(rating.checkpoints_met))
            if rating.justification:
                notes.append(f"n.v.t.: {rating.justification}")
            if rating.note:
                notes.append(rating.note)
        lines.append(
            f"| {result.requirement_id} | {_cell(requirement.full_text)} | "
            f"{_value(result)} | {_cell('; '.join(notes))} |"
        )
    return lines
