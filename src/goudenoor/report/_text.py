"""
Plain-text views for the terminal: a score card, an edition and one area
with its requirements. Every text from a user or an extension is made
one line without control characters.
"""

from __future__ import annotations

import io
import textwrap
from typing import TextIO

from goudenoor._text import one_line, plain_line
from goudenoor.audit import ScoreCard
from goudenoor.standard import Area, Requirement, Standard, Translation


__all__ = [
    "area_text",
    "card_text",
    "standard_text",
]


def __dir__() -> list[str]:
    return __all__


def card_text(card: ScoreCard) -> str:
    """
    The score card as the ``score`` command prints it: totals per area,
    level, gaps, warnings and the best improvements.
    """
    out = io.StringIO()
    _write_card(card, out)
    return out.getvalue()


def standard_text(
    standard: Standard, width: int, translation: Translation | None = None
) -> str:
    """
    An edition's areas and points, wrapped at *width*, with *translation*
    under each name it translates.
    """
    out = io.StringIO()
    _show_standard(standard, _Writer(out, width, translation))
    return out.getvalue()


def area_text(
    standard: Standard, area: Area, width: int, translation: Translation | None = None
) -> str:
    """
    One area with every requirement, evidence clause and checkpoint,
    wrapped at *width*, with *translation* under each text it translates.
    """
    out = io.StringIO()
    _show_area(standard, area, _Writer(out, width, translation))
    return out.getvalue()


def _write_card(card: ScoreCard, out: TextIO) -> None:
    # Every text from a user or an extension goes through _t: one line,
    # no control characters (an ESC sequence would drive the terminal).
    _t = plain_line
    a = card.assessment
    unit = f" ({_t(a.unit)})" if a.unit is not None else ""
    out.write(
        f"{_t(a.organisation)}{unit}: {_t(card.standard.title)} "
        f"({_t(card.standard.id)}), "
        f"audit of {a.date.isoformat()}\n"
        f"scale {_t(card.scale.id)}, method {_t(card.method)}, "
        f"scheme {_t(card.scheme.id)}, evidence policy {card.evidence_policy}\n\n"
    )
    out.write(f"{'area':<36} {'points':>7} {'max':>7} {'share':>6}\n")
    for area in card.areas.values():
        label = f"{_t(area.area_id):>2} {_t(area.name)}"
        out.write(
            f"{label:<36} {area.points:7.2f} {area.max_points:7.2f} "
            f"{area.fraction:6.0%}\n"
        )
    maxima = {
        kind: sum(x.max_points for x in card.areas.values() if x.kind == kind)
        for kind in ("organisation", "result")
    }
    out.write(
        f"{'organisation':<36} {card.organisation_points:7.2f} "
        f"{maxima['organisation']:7.2f}\n"
        f"{'result':<36} {card.result_points:7.2f} {maxima['result']:7.2f}\n"
        f"{'total':<36} {card.total:7.2f} "
        f"{maxima['organisation'] + maxima['result']:7.2f}\n\n"
    )
    level = card.level
    out.write(f"level: {_t(level.name) if level else 'none'}\n")
    if card.next_level is not None:
        out.write(f"next level: {_t(card.next_level.name)}\n")
        out.writelines(f"  - {_t(str(gap))}\n" for gap in card.gaps)
    if card.warnings:
        out.write(f"\nwarnings ({len(card.warnings)}):\n")
        out.writelines(
            f"  {_t(warning.requirement_id):<6} {warning.code}: {_t(warning.message)}\n"
            for warning in card.warnings
        )
    marked = [
        (rid, rating.review.reason)
        for rid, rating in a.ratings.items()
        if rating.review is not None and rating.needs_review
    ]
    if marked:
        # Set by a migration; the file keeps the list until each is decided.
        out.write(f"\nto review ({len(marked)}):\n")
        out.writelines(f"  {_t(rid):<6} {_t(reason)}\n" for rid, reason in marked)
    improvements = card.improvements(3)
    if improvements:
        out.write("\nbest improvements:\n")
        for item in improvements:
            text = textwrap.shorten(_t(item.text), width=60, placeholder=" ...")
            out.write(
                f"  {_t(item.requirement_id):<6} +{item.points_gained:5.2f}  {text}\n"
            )


class _Writer:
    """
    Writes wrapped, indented text.
    """

    def __init__(
        self, out: TextIO, width: int, translation: Translation | None = None
    ) -> None:
        self.out = out
        self.width = width
        self.translation = translation

    def line(self, text: str = "") -> None:
        self.out.write(one_line(text) + "\n")

    def wrapped(self, text: str, indent: str, first: str | None = None) -> None:
        self.out.write(
            textwrap.fill(
                plain_line(text),
                width=self.width,
                initial_indent=one_line(indent if first is None else first),
                subsequent_indent=indent,
                break_on_hyphens=False,
            )
            + "\n"
        )

    def translated(self, text: str | None, indent: str) -> None:
        """
        Write *text*, a translation, under the original it translates.
        """
        if text is not None and self.translation is not None:
            tag = f"({self.translation.language}) "
            self.wrapped(text, indent + " " * len(tag), indent + tag)


def _points(area: Area) -> str:
    assumed = " (assumed)" if area.points_assumed else ""
    return f"{area.points:g} points{assumed}"


def _show_standard(standard: Standard, w: _Writer) -> None:
    w.line(f"{standard.id}: {standard.title} ({standard.year})")
    w.translated(w.translation.title if w.translation else None, "")
    w.line()
    for area in standard.areas:
        w.line(
            f"{area.id:>2}  {area.name:<30} {area.kind:<12} "
            f"{_points(area):<20} {len(area.requirements)} requirements"
        )
        translated = w.translation.area(area.id) if w.translation else None
        w.translated(translated.name if translated else None, "    ")
    organisation = sum(a.points for a in standard.organisation_areas)
    result = sum(a.points for a in standard.result_areas)
    w.line()
    w.line(
        f"organisation {organisation:g} + result {result:g} = "
        f"{standard.max_points:g} points"
    )
    for note in standard.notes:
        w.wrapped(note, "    ", "  * ")


def _show_area(standard: Standard, area: Area, w: _Writer) -> None:
    w.line(f"{standard.id}: {standard.title}")
    w.line(f"{area.id} {area.name} ({area.kind} area, {_points(area)})")
    translated = w.translation.area(area.id) if w.translation else None
    w.translated(translated.name if translated else None, "   ")
    if area.aliases:
        w.line(f"   also known as: {', '.join(area.aliases)}")
    if area.summary:
        w.line()
        w.wrapped(area.summary, "   ")
        w.translated(translated.summary if translated else None, "   ")
    for note in area.notes:
        w.wrapped(note, "     ", "   * ")
    theme: str | None = None
    for index, requirement in enumerate(area.requirements):
        w.line()
        if index == 0 or requirement.theme != theme:
            theme = requirement.theme
            if theme is not None:
                w.line(theme)
                w.translated(translated.theme(theme) if translated else None, "")
        _show_requirement(requirement, standard, w)


def _show_requirement(requirement: Requirement, standard: Standard, w: _Writer) -> None:
    indent = " " * 9
    translated = w.translation.requirement(requirement.id) if w.translation else None
    w.wrapped(requirement.full_text, indent, f"  {requirement.id:<6} ")
    w.translated(translated.full_text if translated else None, indent)
    if requirement.evidence is not None:
        w.wrapped(requirement.evidence, indent + "  ", indent + "> ")
        w.translated(translated.evidence if translated else None, indent + "  ")
    for checkpoint in requirement.checkpoints:
        w.wrapped(
            checkpoint.text,
            indent + "         ",
            f"{indent}[ ] {checkpoint.id:<6} ",
        )
        if w.translation is not None:
            found = w.translation.checkpoint(checkpoint.id)
            w.translated(found.text if found else None, indent + " " * 13)
    if requirement.inherited_from:
        w.line(f"{indent}(inherited from {requirement.inherited_from})")
    for change in standard.changes_to(f"requirement {requirement.id}"):
        what = change.field or "requirement"
        verb = {"add": "added", "override": "changed", "remove": "removed"}[
            change.action
        ]
        w.line(f"{indent}({what} {verb} by extension {change.extension})")
