"""
The Markdown report (standard library only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from goudenoor._text import plain_line
from goudenoor.scoring import AreaResult, RequirementResult, ScoreCard

from ._data import ReportData


__all__ = ["render_markdown"]


_ESCAPED = re.compile(r"[\\`*_\[\]|~$#]")
"""Characters that start Markdown inline syntax (and GitHub's math)."""

_REFERENCE = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
"""An ``&`` that would start an HTML character reference."""

_BLOCK_START = re.compile(r"^(?:[-+=]|[0-9]{1,9}(?=[.)](?: |$)))")
"""What makes a line a list item or an underline when it starts it."""


def _cell(text: str) -> str:
    """
    *text* from a user as plain text in Markdown: on one line, without
    control characters, with HTML and Markdown syntax escaped (also in a
    table cell, and at the start of a line or list item).
    """
    text = _REFERENCE.sub("&amp;", plain_line(text))
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _ESCAPED.sub(r"\\\g<0>", text)
    found = _BLOCK_START.match(text)
    if found is None:
        return text
    if found.group().isdigit():  # "1. x" is a list item: escape the "."
        end = found.end()
        return f"{text[:end]}\\{text[end:]}"
    return f"\\{text}"


def _code(text: str) -> str:
    """
    *text* as an inline code span, fenced by more backticks than any run
    of them inside.
    """
    text = plain_line(text)
    fence = "`" * (_longest_backtick_run([text]) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _longest_backtick_run(lines: Iterable[str]) -> int:
    return max(
        (len(run) for line in lines for run in re.findall("`+", line)), default=0
    )


def _fenced(lines: list[str], info: str) -> list[str]:
    """
    *lines* as a fenced code block whose fence is longer than any run of
    backticks inside, so no line can end it.
    """
    fence = "`" * max(3, _longest_backtick_run(lines) + 1)
    return [f"{fence}{info}", *lines, fence]


def _with(text: str, translated: str | None, data: ReportData) -> str:
    """
    A table cell: *text*, and under it its translation, if any.
    """
    if translated is None or data.translation is None:
        return _cell(text)
    language = _cell(data.translation.language)
    return f"{_cell(text)}<br>*({language}) {_cell(translated)}*"


def _named(name: str, translated: str | None) -> str:
    if translated is None:
        return _cell(name)
    return f"{_cell(name)} (*{_cell(translated)}*)"


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
        lines += ["", "## Change since the previous audit", ""]
        lines += _fenced(data.comparison.text().rstrip("\n").splitlines(), "text")
    lines += _improvements(data)
    lines += _risks(data)
    lines += _warnings(card)
    lines += _ratings(data)
    return "\n".join(lines) + "\n"


def _heading(data: ReportData) -> list[str]:
    card = data.card
    a = card.assessment
    meta = [
        f"- **Edition:** {_cell(card.standard.title)} ({_code(card.standard.id)})",
        f"- **Audit date:** {a.date.isoformat()}",
    ]
    if a.auditors:
        meta.append(f"- **Auditors:** {', '.join(map(_cell, a.auditors))}")
    if card.standard.extensions:
        extensions = ", ".join(map(_cell, card.standard.extensions))
        meta.append(f"- **Extensions:** {extensions}")
    meta.append(
        f"- **Scale / method / scheme:** {_code(card.scale.id)} / "
        f"{_code(card.method)} / {_code(card.scheme.id)} (evidence policy "
        f"{_code(card.evidence_policy)})"
    )
    if data.translation is not None:
        meta.append(
            f"- **Translation:** {_code(data.translation.language)}, under the "
            "standard's own text, which is the one that counts"
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
        f"| {_cell(area.area_id)} "
        f"{_with(area.name, data.area_name(area.area_id), data)} | "
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
        lines.extend(f"  - {_cell(str(gap))}" for gap in card.gaps)
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
        f"| {_cell(item.requirement_id)} | +{item.points_gained:.2f} | "
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
    lines.extend(f"- {_cell(str(risk))}" for risk in data.risks)
    return lines


def _warnings(card: ScoreCard) -> list[str]:
    if not card.warnings:
        return []
    lines = ["", "## Warnings", ""]
    lines.extend(
        f"- {_code(w.requirement_id)} {_cell(w.code)}: {_cell(w.message)}"
        for w in card.warnings
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
        f"### {_cell(area.area_id)} {_named(area.name, data.area_name(area.area_id))}",
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
            f"| {_cell(result.requirement_id)} | {text} | "
            f"{_value(result)} | {_cell('; '.join(notes))} |"
        )
    return lines
