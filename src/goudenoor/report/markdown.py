"""
The Markdown report (standard library only).
"""

from __future__ import annotations

from goudenoor.scoring import AreaResult, RequirementResult, ScoreCard

from ._data import ReportData


__all__ = ["render_markdown"]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _with(text: str, translated: str | None, data: ReportData) -> str:
    """
    A table cell: *text*, and under it its translation, if any.
    """
    if translated is None or data.translation is None:
        return _cell(text)
    return f"{_cell(text)}<br>*({data.translation.language}) {_cell(translated)}*"


def _named(name: str, translated: str | None) -> str:
    return name if translated is None else f"{name} (*{translated}*)"


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
    lines = [*_heading(data), *_areas(data), *_level(data)]
    if data.comparison is not None:
        lines += ["", "## Change since the previous audit", "", "```text"]
        lines += data.comparison.text().rstrip("\n").splitlines()
        lines += ["```"]
    lines += _improvements(data)
    lines += _risks(data)
    lines += _warnings(card)
    lines += _ratings(data)
    return "\n".join(lines) + "\n"


def _heading(data: ReportData) -> list[str]:
    card = data.card
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
    if data.translation is not None:
        meta.append(
            f"- **Translation:** `{data.translation.language}`, under the standard's "
            "own text, which is the one that counts"
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
        f"| {area.area_id} {_with(area.name, data.area_name(area.area_id), data)} | "
        f"{area.kind} | {area.points:.2f} | "
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


def _level(data: ReportData) -> list[str]:
    card = data.card
    level = card.level
    shown = _named(level.name, data.level_name(level.name)) if level else "none"
    lines = ["", "## Recognition", "", f"- **Level:** {shown}"]
    if card.next_level is not None:
        name = card.next_level.name
        lines.append(
            f"- **Next level:** {_named(name, data.level_name(name))}, which needs:"
        )
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
        f"| {item.requirement_id} | +{item.points_gained:.2f} | "
        f"{_with(item.text, data.requirement_text(item.requirement_id), data)} |"
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


def _ratings(data: ReportData) -> list[str]:
    lines = ["", "## Ratings and evidence"]
    for area in data.card.areas.values():
        lines += _area_ratings(data, area)
    return lines


def _area_ratings(data: ReportData, area: AreaResult) -> list[str]:
    card = data.card
    lines = [
        "",
        f"### {area.area_id} {_named(area.name, data.area_name(area.area_id))}",
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
        text = _with(requirement.full_text, data.requirement_text(requirement.id), data)
        lines.append(
            f"| {result.requirement_id} | {text} | "
            f"{_value(result)} | {_cell('; '.join(notes))} |"
        )
    return lines
