"""
The Markdown report (standard library only).

Its own words (headings, labels, warnings) are Dutch by default and English
on request (:mod:`._words`); the standard's texts are never translated here.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence

from goudenoor._text import markdown_text, one_line, plain_line
from goudenoor.audit import (
    AreaResult,
    Comparison,
    Findings,
    RecognitionStatus,
    RequirementResult,
)
from goudenoor.portfolio import PercentileRanks, PortfolioSummary, Rollup, Spread, Trend
from goudenoor.report._benchmark import benchmark_words, trend_words
from goudenoor.report._changes import change_rows, change_words, last_changes
from goudenoor.report._data import ReportData
from goudenoor.report._findings import (
    FindingsSection,
    StatusRow,
    findings_section,
    status_page,
)
from goudenoor.report._portfolio import PortfolioWords, portfolio_words
from goudenoor.report._rollup import rollup_words
from goudenoor.report._team import team_section
from goudenoor.report._words import Words
from goudenoor.standard import EditionDiff, Rewording


__all__ = [
    "benchmark_markdown",
    "edition_diff_markdown",
    "findings_markdown",
    "portfolio_summary_markdown",
    "render_markdown",
    "rollup_markdown",
    "status_markdown",
    "trend_markdown",
]


_cell = markdown_text
"""*text* from a user as plain text in Markdown (one helper for every
Markdown output, OSCAL's markup included: :func:`goudenoor._text.markdown_text`)."""


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
    lines = [*_heading(data), *_areas(data), *_level(data)]
    if data.findings is not None and data.findings.items:
        section = findings_section(data.findings, data.language)
        lines += ["", f"## {section.words.findings}", "", *_findings_table(section)]
    if data.comparison is not None:
        lines += ["", f"## {data.words.comparison}", ""]
        lines += _fenced(_comparison_lines(data.comparison, data.words), "text")
    lines += _team(data)
    lines += _improvements(data)
    lines += _risks(data)
    lines += _warnings(data)
    lines += _ratings(data)
    lines += _changes(data)
    return "\n".join(lines) + "\n"


def _changes(data: ReportData) -> list[str]:
    """
    The appendix of every change in the journal, if one was given.
    """
    if data.journal is None:
        return []
    w = change_words(data.language)
    lines = ["", f"## {w.heading}", "", w.intro, ""]
    rows = change_rows(data.journal.entries, w)
    if not rows:
        return [*lines, w.empty]
    lines += ["| " + " | ".join(w.header) + " |", "|--:|---|---|---|---|---|"]
    lines.extend(
        f"| {row.seq} | {row.time} | {_cell(row.by)} | {_cell(row.what)} | "
        f"{_cell(row.old)} → {_cell(row.new)} | {_cell(row.reason)} |"
        for row in rows
    )
    return lines


def _comparison_lines(comparison: Comparison, w: Words) -> list[str]:
    """
    The comparison as plain text lines: ``goudenoor compare``'s text in
    English, the same layout with Dutch words in Dutch.
    """
    if w.language == "en":
        return comparison.text().rstrip("\n").splitlines()
    old, new = comparison.old, comparison.new
    title = (
        f"{new.assessment.organisation}: {old.assessment.date.isoformat()} "
        f"({old.standard.id}) -> {new.assessment.date.isoformat()} "
        f"({new.standard.id})"
    )
    header = (
        f"{w.area.lower():<36} {w.old.lower():>7} {w.new.lower():>7} "
        f"{w.change.lower():>7}"
    )
    lines = [title, "", header]
    for area in comparison.areas:
        label = f"{area.area_id:>2} {area.name}"
        lines.append(
            f"{label:<36} {_points(area.old_points):>7} "
            f"{_points(area.new_points):>7} {area.delta:+7.2f}"
        )
    for name, before, after in (
        (w.organisation, old.organisation_points, new.organisation_points),
        (w.result, old.result_points, new.result_points),
        (w.total, old.total, new.total),
    ):
        lines.append(
            f"{name.lower():<36} {before:7.2f} {after:7.2f} {after - before:+7.2f}"
        )
    old_level = old.level.name if old.level else w.no_level
    new_level = new.level.name if new.level else w.no_level
    lines += ["", f"{w.level.lower()}: {old_level} -> {new_level}"]
    lines += _changed_requirements(comparison, w)
    notes = w.comparison_notes(comparison)
    if notes:
        lines += ["", f"{w.note.lower()}:"]
        lines.extend(f"  {note}" for note in notes)
    return [one_line(line) for line in lines]


def _changed_requirements(comparison: Comparison, w: Words) -> list[str]:
    if not comparison.requirements:
        return []
    lines = ["", f"{w.changed_requirements.lower()}:"]
    lines.extend(
        f"  {r.requirement_id:<10} {_rating(r.old_value, r.old_status, w):>8} -> "
        f"{_rating(r.new_value, r.new_status, w):<8} {r.delta:+6.2f} "
        f"{w.points_axis}"
        + ("" if r.kind == "changed" else f"  ({w.of(w.change_kinds, r.kind)})")
        + (
            f"  ({w.from_sources} {', '.join(r.matched_from)})"
            if r.matched_from
            else ""
        )
        for r in comparison.requirements
    )
    split = comparison.split_areas
    if split:
        area, edition, ratings = w.effects
        lines += ["", f"{area:<36} {edition:>7} {ratings:>7}"]
        lines.extend(
            f"{f'{a.area_id:>2} {a.name}':<36} {a.edition_effect or 0.0:+7.2f} "
            f"{a.rating_effect or 0.0:+7.2f}"
            for a in split
        )
    return lines


def _points(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _rating(value: float | None, status: str | None, w: Words) -> str:
    if status is None:
        return "-"
    if status == "not-applicable":
        return w.not_applicable
    return w.unrated if value is None else f"{value:g}"


def _heading(data: ReportData) -> list[str]:
    card = data.card
    a = card.assessment
    w = data.words
    edition = f"{_cell(card.standard.title)} ({_code(card.standard.id)})"
    meta = [
        f"- **{w.edition}:** {edition}",
        f"- **{w.audit_date}:** {a.date.isoformat()}",
    ]
    if a.unit is not None:
        meta.append(f"- **{w.unit}:** {_cell(a.unit)}")
    if a.auditors:
        meta.append(f"- **{w.auditors}:** {', '.join(map(_cell, a.auditors))}")
    if card.standard.extensions:
        extensions = ", ".join(map(_cell, card.standard.extensions))
        meta.append(f"- **{w.extensions}:** {extensions}")
    meta.append(
        f"- **{w.scale_method_scheme}:** {_code(card.scale.id)} / "
        f"{_code(card.method)} / {_code(card.scheme.id)} ({w.evidence_policy} "
        f"{_code(card.evidence_policy)})"
    )
    if data.translation is not None:
        meta.append(
            f"- **{w.translation}:** {_code(data.translation.language)}, "
            f"{w.translation_note}"
        )
    return [f"# {w.title}: {_cell(a.organisation)}", "", *meta]


def _areas(data: ReportData) -> list[str]:
    card = data.card
    w = data.words
    lines = [
        "",
        f"## {w.points_per_area}",
        "",
        f"| {w.area} | {w.kind} | {w.points} | {w.maximum} | {w.share} |",
        "|---|---|---:|---:|---:|",
    ]
    lines.extend(
        f"| {_cell(area.area_id)} "
        f"{_with(area.name, data.area_name(area.area_id), data)} | "
        f"{w.of(w.kinds, area.kind)} | {area.points:.2f} | "
        f"{area.max_points:g} | {area.fraction:.0%} |"
        for area in card.areas.values()
    )
    maxima = data.maxima
    for name, key, points in (
        (w.organisation, "organisation", card.organisation_points),
        (w.result, "result", card.result_points),
        (w.total, "total", card.total),
    ):
        lines.append(f"| **{name}** | | **{points:.2f}** | {maxima[key]:g} | |")
    return lines


def _level(data: ReportData) -> list[str]:
    card = data.card
    w = data.words
    level = card.level
    shown = _named(level.name, data.level_name(level.name)) if level else w.no_level
    lines = ["", f"## {w.recognition}", "", f"- **{w.level}:** {shown}"]
    if card.next_level is not None:
        name = card.next_level.name
        lines.append(
            f"- **{w.next_level}:** {_named(name, data.level_name(name))}, "
            f"{w.which_needs}:"
        )
        lines.extend(f"  - {_cell(w.gap(gap))}" for gap in card.gaps)
    else:
        lines.append(f"- {w.highest_level}")
    return lines


def _improvements(data: ReportData) -> list[str]:
    if not data.improvements:
        return []
    w = data.words
    lines = [
        "",
        f"## {w.improvements}",
        "",
        f"| {w.requirement} | {w.points_gained} | {w.text} |",
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
    w = data.words
    lines = [
        "",
        f"## {w.risks}",
        "",
        w.risks_intro.format(threshold=f"{data.risk_threshold:.0%}"),
        "",
    ]
    lines.extend(f"- {_cell(w.risk(risk))}" for risk in data.risks)
    return lines


def _warnings(data: ReportData) -> list[str]:
    if not data.card.warnings:
        return []
    lines = ["", f"## {data.words.warnings}", ""]
    lines.extend(
        f"- {_code(warning.requirement_id)} {_cell(code)}: {_cell(message)}"
        for warning, code, message in data.words.warnings_of(data.card)
    )
    return lines


def _ratings(data: ReportData) -> list[str]:
    lines = ["", f"## {data.words.ratings}"]
    for area in data.card.areas.values():
        lines += _area_ratings(data, area)
    return lines


def _area_ratings(data: ReportData, area: AreaResult) -> list[str]:
    card = data.card
    w = data.words
    header = [w.rating_id, w.requirement, w.rating, w.evidence_and_notes]
    last = None if data.journal is None else last_changes(data.journal)
    if last is not None:
        header.append(change_words(data.language).last_change)
    lines = [
        "",
        f"### {_cell(area.area_id)} {_named(area.name, data.area_name(area.area_id))}",
        "",
        "| " + " | ".join(header) + " |",
        "|---" * len(header) + "|",
    ]
    for result in area.requirements:
        requirement = card.standard.requirement(result.requirement_id)
        rating = card.assessment.ratings.get(result.requirement_id)
        notes: list[str] = []
        if rating is not None:
            notes.extend(
                f"{w.of(w.evidence_kinds, e.kind)}: {e.reference}"
                + (f" ({e.date.isoformat()})" if e.date else "")
                for e in rating.evidence
            )
            if rating.checkpoints_met:
                notes.append(
                    f"{w.checkpoints_met}: " + ", ".join(rating.checkpoints_met)
                )
            if rating.justification:
                notes.append(f"n.v.t.: {rating.justification}")
            if rating.note:
                notes.append(rating.note)
            if rating.review is not None and rating.needs_review:
                notes.append(f"{w.review}: {rating.review.reason}")
        text = _with(requirement.full_text, data.requirement_text(requirement.id), data)
        row = (
            f"| {_cell(result.requirement_id)} | {text} | "
            f"{_value(result)} | {_cell('; '.join(notes))} |"
        )
        if last is not None:
            entry = last.get(result.requirement_id)
            row += (
                " - |"
                if entry is None
                else f" {_cell(f'{entry.by}, {entry.time[:10]}: {entry.reason}')} |"
            )
        lines.append(row)
    return lines


def edition_diff_markdown(diff: EditionDiff) -> str:
    """
    *diff* as Markdown: a heading, then one list per kind of change
    (empty ones left out); reworded texts show deleted words struck
    through and added words in bold.
    """
    lines = [f"# {_cell(diff.old)} → {_cell(diff.new)}", ""]

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"## {title} ({len(items)})", ""])
            lines.extend(f"- {item}" for item in items)
            lines.append("")

    section("Areas added", [_cell(a) for a in diff.areas_added])
    section("Areas removed", [_cell(a) for a in diff.areas_removed])
    section(
        "Areas renamed",
        [
            f"{_cell(r.area_id)}: {_cell(r.old_name)} → {_cell(r.new_name)}"
            for r in diff.areas_renamed
        ],
    )
    section(
        "Points changed",
        [
            f"{_cell(p.area_id)}: {_diff_points(p.old_points, p.old_assumed)} → "
            f"{_diff_points(p.new_points, p.new_assumed)}"
            for p in diff.points_changed
        ],
    )
    section("Requirements added", [_cell(r) for r in diff.requirements_added])
    section("Requirements removed", [_cell(r) for r in diff.requirements_removed])
    section(
        "Requirements inherited",
        [
            f"{_cell(i.requirement_id)} (from {_cell(i.inherited_from)})"
            for i in diff.requirements_inherited
        ],
    )
    section(
        "Requirements reworded", [_reworded_md(r) for r in diff.requirements_reworded]
    )
    section("Checkpoints added", [_cell(c) for c in diff.checkpoints_added])
    section("Checkpoints removed", [_cell(c) for c in diff.checkpoints_removed])
    section(
        "Checkpoints reworded", [_reworded_md(r) for r in diff.checkpoints_reworded]
    )
    if len(lines) == 2:  # noqa: PLR2004 - the heading and its blank line
        lines.extend(["No changes.", ""])
    return "\n".join(lines)


def _diff_points(points: float, assumed: bool) -> str:
    return f"{points:g} (assumed)" if assumed else f"{points:g}"


def _reworded_md(rewording: Rewording) -> str:
    marks = {"equal": "{}", "delete": "~~{}~~", "insert": "**{}**"}
    text = " ".join(marks[op].format(_cell(words)) for op, words in rewording.diff.ops)
    field = "" if rewording.field == "text" else " (evidence)"
    return f"{_cell(rewording.item_id)}{field}: {text}"


def _team(data: ReportData) -> list[str]:
    if data.consensus is None:
        return []
    section = team_section(data.consensus, data.language)
    lines = [
        "",
        f"## {section.heading}",
        "",
        _cell(section.intro),
        "",
        f"- {_cell(section.alpha)}",
        *([f"- {_cell(section.alpha_by_area)}"] if section.alpha_by_area else []),
        "",
    ]
    if not section.rows:
        return [*lines, _cell(section.empty)]
    lines.append("| " + " | ".join(section.header) + " |")
    lines.append("|---|---|---|--:|---|---|")
    lines.extend(
        f"| {_code(row.requirement_id)} | {_cell(row.area)} | {_cell(row.kind)} "
        f"| {row.spread} | {_cell(row.values)} | {_cell(row.outcome)} |"
        for row in section.rows
    )
    return lines


def rollup_markdown(result: Rollup, language: str = "nl") -> str:
    """
    The roll-up of an organisation's units as Markdown: the units (weight,
    date, total, level), then per area the rolled-up points, the lowest
    and highest unit and the weakest unit, then the units side by side
    (an area per row, a unit per column, the weakest in bold), then the
    totals and the level of the rolled-up points. Dutch by default, or
    English.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    w = rollup_words(language)
    weights = dict(result.weights)
    level = result.level
    lines = [
        f"# {w.title}: {_cell(result.organisation)}",
        "",
        f"- **{w.edition}:** {_cell(result.edition)}",
        f"- **{w.rule}:** {w.rules[result.rule]} ({_code(result.rule)})",
        "",
        f"## {w.units}",
        "",
        f"| {w.unit} | {w.weight} | {w.date} | {w.total} | {w.level} |",
        "|---|---:|---|---:|---|",
    ]
    for unit, card in zip(result.units, result.cards, strict=True):
        weight = f"{weights[unit]:g}" if unit in weights else "-"
        reached = _cell(card.level.name) if card.level else w.no_level
        lines.append(
            f"| {_cell(unit)} | {weight} | {card.assessment.date.isoformat()} | "
            f"{card.total:.2f} | {reached} |"
        )
    lines += [
        "",
        f"## {w.areas}",
        "",
        (
            f"| {w.area} | {w.points} | {w.lowest} | {w.highest} | {w.maximum} | "
            f"{w.weakest} |"
        ),
        "|---|---:|---:|---:|---:|---|",
    ]
    for area in result.areas.values():
        lines.append(
            f"| {_cell(area.area_id)} {_cell(area.name)} | {area.points:.2f} | "
            f"{area.min:.2f} | {area.max:.2f} | {area.max_points:.2f} | "
            f"{_cell(area.weakest_unit)} |"
        )
    lines += [
        "",
        f"## {w.side_by_side}",
        "",
        w.side_by_side_note,
        "",
        "| " + " | ".join([w.area, *map(_cell, result.units), w.maximum]) + " |",
        "|---|" + "---:|" * (len(result.units) + 1),
    ]
    for area in result.areas.values():
        cells = [
            f"**{points:.2f}**" if unit == area.weakest_unit else f"{points:.2f}"
            for unit, points in area.by_unit
        ]
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{_cell(area.area_id)} {_cell(area.name)}",
                    *cells,
                    f"{area.max_points:.2f}",
                ]
            )
            + " |"
        )
    lines += [
        "",
        f"- **{w.organisation}:** {result.organisation_points:.2f}",
        f"- **{w.result}:** {result.result_points:.2f}",
        f"- **{w.total}:** {result.total:.2f}",
        f"- **{w.level}:** {_cell(level.name) if level else w.no_level}",
    ]
    return "\n".join(lines) + "\n"


def _area_label(area_id: str, names: Mapping[str, str] | None) -> str:
    name = (names or {}).get(area_id)
    return _cell(area_id) if name is None else f"{_cell(area_id)} {_cell(name)}"


def _who(organisation: str, unit: str | None, unit_word: str) -> list[str]:
    title = _cell(organisation)
    return [title, *([f"- **{unit_word}:** {_cell(unit)}"] if unit is not None else [])]


def benchmark_markdown(
    ranks: PercentileRanks,
    language: str = "nl",
    *,
    names: Mapping[str, str] | None = None,
) -> str:
    """
    Where one audit stands among its peers, as Markdown: the peer group,
    then the percentile rank per area and of the total. Dutch by default,
    or English. *names* (area id to name) adds the areas' names.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    w = benchmark_words(language)
    title, *unit = _who(ranks.organisation, ranks.unit, w.unit)
    peers = w.peers_text.format(peers=ranks.peers, edition=_cell(ranks.standard))
    lines = [
        f"# {w.title}: {title}",
        "",
        *unit,
        f"- **{w.edition}:** {_cell(ranks.standard)}",
        f"- **{w.date}:** {_cell(ranks.date)}",
        f"- **{w.peers}:** {peers}",
    ]
    if ranks.left_out:
        lines.append(
            f"- **{w.left_out}:** {w.left_out_text.format(count=ranks.left_out)}"
        )
    lines += [
        "",
        w.meaning,
        "",
        f"| {w.area} | {w.rank} |",
        "|---|---:|",
        *(
            f"| {_area_label(area_id, names)} | {rank:.1f} |"
            for area_id, rank in ranks.areas.items()
        ),
        f"| **{w.total}** | **{ranks.total:.1f}** |",
    ]
    return "\n".join(lines) + "\n"


def _change(value: float | None) -> str:
    return "-" if value is None else f"{value:+.2f}"


def trend_markdown(
    result: Trend,
    language: str = "nl",
    *,
    names: Mapping[str, str] | None = None,
) -> str:
    """
    One organisation over the years as Markdown: each audit (date,
    edition, total, level), then per area and in total the first and last
    points and the change. Dutch by default, or English. *names* (area id
    to name) adds the areas' names.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    w = trend_words(language)
    title, *unit = _who(result.organisation, result.unit, w.unit)
    lines = [
        f"# {w.title}: {title}",
        "",
        *unit,
        f"- **{w.period}:** {_cell(result.first_date)} - {_cell(result.last_date)}",
        "",
        f"## {w.history}",
        "",
        f"| {w.date} | {w.edition} | {w.total} | {w.level} |",
        "|---|---|---:|---|",
        *(
            f"| {_cell(date)} | {_cell(edition)} | {total:.2f} | "
            f"{w.no_level if level is None else _cell(level)} |"
            for date, edition, total, level in result.history
        ),
        "",
        f"## {w.areas}",
        "",
        f"| {w.area} | {w.first} | {w.last} | {w.change} |",
        "|---|---:|---:|---:|",
        *(
            f"| {_area_label(area.area_id, names)} | {_points(area.first)} | "
            f"{_points(area.last)} | {_change(area.change)} |"
            for area in result.areas.values()
        ),
        (
            f"| **{w.total}** | **{_points(result.total.first)}** | "
            f"**{_points(result.total.last)}** | **{_change(result.total.change)}** |"
        ),
    ]
    editions = list(dict.fromkeys(edition for _, edition, _, _ in result.history))
    if len(editions) > 1:
        differ = w.editions_differ.format(editions=", ".join(map(_cell, editions)))
        lines += ["", f"> {differ}"]
    return "\n".join(lines) + "\n"


def portfolio_summary_markdown(summary: PortfolioSummary, language: str = "nl") -> str:
    """
    A portfolio summary as Markdown: how many assessments and refused
    files, then per edition the spread of the totals and of each area's
    points (lowest, quartiles, median, highest, mean) and how many
    assessments reached each recognition level. Dutch by default, or
    English.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    w = portfolio_words(language)
    lines = [
        f"# {w.title}",
        "",
        f"- **{w.assessments}:** {summary.assessments}",
        f"- **{w.refused}:** {summary.refused}",
    ]
    if not summary.editions:
        lines += ["", w.nothing]
    for edition in summary.editions:
        lines += ["", f"## {w.edition} {_cell(edition.edition)}", ""]
        if edition.extensions:
            extensions = ", ".join(map(_cell, edition.extensions))
            lines.append(f"- **{w.extensions}:** {extensions}")
        if edition.shares_name:
            lines.append(
                f"- **{w.standard}:** {_code(edition.standard[:12])} "
                f"({w.other_content})"
            )
        lines += [
            f"- **{w.assessments}:** {edition.assessments}",
            f"- **{w.maximum}:** {edition.max_points:g}",
            "",
            f"### {w.totals}",
            "",
            *_spread_header(w, ""),
            _spread_row(w.total, edition.totals, edition.max_points),
            "",
            f"### {w.areas}",
            "",
            *_spread_header(w, w.area),
        ]
        lines.extend(
            _spread_row(
                f"{_cell(area.area_id)} {_cell(area.name)}",
                area.points,
                area.max_points,
            )
            for area in edition.areas
        )
        lines += [
            "",
            w.quartiles_note,
            "",
            f"### {w.levels} ({_code(edition.scheme)})",
            "",
            f"| {w.level} | {w.count} | {w.share} |",
            "|---|---:|---:|",
        ]
        rows = [*((_cell(n), c) for n, c in edition.levels)]
        rows.append((w.no_level, edition.no_level))
        lines.extend(
            f"| {name} | {count} | {count / edition.assessments:.0%} |"
            for name, count in rows
        )
    return "\n".join(lines) + "\n"


def _spread_header(w: PortfolioWords, first: str) -> list[str]:
    names = [
        first,
        w.min,
        w.lower_quartile,
        w.median,
        w.upper_quartile,
        w.max,
        w.mean,
        w.maximum,
    ]
    return ["| " + " | ".join(names) + " |", "|---|" + "---:|" * (len(names) - 1)]


def _spread_row(label: str, spread: Spread, maximum: float) -> str:
    figures = (*spread.figures, maximum)
    return f"| {label} | " + " | ".join(f"{value:.2f}" for value in figures) + " |"


def _or_dash(text: str | None) -> str:
    return "-" if text is None else _cell(text)


def _findings_table(section: FindingsSection) -> list[str]:
    w = section.words
    lines = [
        section.note,
        "",
        section.counts,
        "",
        "| " + " | ".join(section.header) + " |",
        "|---|---|---|---|---|---|",
    ]
    lines.extend(
        f"| {_code(row.id)} | {_cell(row.kind)} | {_cell(row.requirement)} | "
        f"{_or_dash(row.deadline)} | {_or_dash(row.status)}"
        + (f" **{w.overdue}**" if row.overdue else "")
        + f" | {_cell(row.text)} |"
        for row in section.rows
    )
    return lines


def findings_markdown(findings: Findings, language: str = "nl") -> str:
    """
    The findings of one assessment on a date as Markdown: the
    organisation, the assessment and the date, then a table of the
    findings (kind and severity, requirement and checkpoint, deadline,
    status on the date, **te laat** when overdue, the text). Dutch by
    default, or English.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    section = findings_section(findings, language)
    w = section.words
    title, *unit = _who(findings.organisation, findings.unit, w.unit)
    kind = w.of(w.assessment_kinds, findings.kind)
    lines = [
        f"# {w.findings_title}: {title}",
        "",
        *unit,
        (
            f"- **{w.kind_of_assessment}:** {_cell(kind)} {findings.date.isoformat()} "
            f"({_code(findings.edition)})"
        ),
        f"- **{w.as_of}:** {findings.as_of.isoformat()}",
        "",
    ]
    if not findings.items:
        return "\n".join([*lines, w.no_findings]) + "\n"
    return "\n".join([*lines, *_findings_table(section)]) + "\n"


def _status_table(rows: Sequence[StatusRow], header: Sequence[str]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "|---|---|---|---|---|---|--:|--:|---|",
    ]
    lines.extend(
        f"| {_cell(row.organisation)} | {_or_dash(row.unit)} | {_cell(row.level)} | "
        f"**{_cell(row.state)}** | {_or_dash(row.valid_until)} | "
        f"{_or_dash(row.next_review)} | "
        f"{row.open_findings} | {row.overdue_findings} | "
        f"{_cell('; '.join(row.reasons))} |"
        for row in rows
    )
    return lines


def status_markdown(
    statuses: Sequence[RecognitionStatus],
    as_of: datetime.date,
    language: str = "nl",
    *,
    refused: Sequence[tuple[str, str]] = (),
) -> str:
    """
    The status page of a portfolio as Markdown: the recognitions that are
    suspended, conditional or due for a review within 90 days first (each
    with its reasons in sentences), then the rest, and the files refused.
    *statuses* are those of ``Portfolio.recognitions(as_of)``. Dutch by
    default, or English.

    Raises:
        UnknownItemError: A language other than ``nl`` or ``en``.
    """
    page = status_page(statuses, as_of, language, refused=refused)
    w = page.words
    lines = [
        f"# {w.status_title}",
        "",
        f"- **{w.as_of}:** {as_of.isoformat()}",
        f"- **{w.recognitions}:** {page.total}",
        f"- **{w.refused}:** {len(page.refused)}",
        "",
        f"## {w.attention}",
        "",
        page.attention_note,
        "",
    ]
    if page.attention:
        lines += _status_table(page.attention, page.header)
    else:
        lines.append(w.no_attention)
    if page.others:
        lines += ["", f"## {w.others}", "", *_status_table(page.others, page.header)]
    if page.refused:
        lines += ["", f"## {w.refused}", ""]
        lines.extend(f"- {_code(path)}: {_cell(error)}" for path, error in page.refused)
    return "\n".join(lines) + "\n"
