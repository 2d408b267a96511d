"""
Plain-text views for the terminal: a score card, an edition and one area
with its requirements. Every text from a user or an extension is made
one line without control characters.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, TextIO

from goudenoor._text import one_line, plain_line
from goudenoor.audit import ScoreCard
from goudenoor.standard import Area, Requirement, Standard


if TYPE_CHECKING:
    # A score card's text needs no translation classes.
    from goudenoor.standard import Translation


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
    return card.text()


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
