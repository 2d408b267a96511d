"""
HTML reports of many assessments (need the ``report`` extra: jinja2 and
matplotlib): the roll-up of an organisation's units and the summary of a
portfolio.

They are made like the HTML audit report (``goudenoor.report._html``): one
self-contained page with the same inline stylesheet, inline SVG charts
drawn with Matplotlib's ``Figure`` under a fixed style and SVG hash salt
(the same input gives the same bytes), every text from a user escaped,
and a footer with the goudenoor version and the date the page was made
(``generated``, else ``SOURCE_DATE_EPOCH``, else today). The charts hold
no text from a user: units are named in the captions, which are HTML.
"""

from __future__ import annotations

import datetime
import html
import math
from collections.abc import Sequence
from typing import Any, cast

from goudenoor.portfolio import EditionSummary, PortfolioSummary, Rollup, Spread
from goudenoor.report._html import (
    RADAR_FILL,
    chart_style,
    report_date,
    require_extra,
    svg_figure,
    templates,
)
from goudenoor.report._portfolio import PortfolioWords, portfolio_words
from goudenoor.report._rollup import rollup_words


__all__ = ["portfolio_summary_html", "rollup_html"]


def __dir__() -> list[str]:
    return __all__


BOX_FILL = "#f3d28b"
"""The boxes of the portfolio's box plot (a light gold)."""


def rollup_html(
    result: Rollup, language: str = "nl", *, generated: datetime.date | None = None
) -> str:
    """
    The roll-up of an organisation's units as one self-contained HTML page:
    the units (weight, date, total, level), the units side by side (an
    area per row, a unit per column, the weakest in bold), per area the
    rolled-up points and the weakest unit, the rolled-up totals and level,
    and a radar per unit (small multiples on one scale, the roll-up first).

    Args:
        result: The roll-up.
        language: The words: ``nl`` (default) or ``en``.
        generated: The date in the footer; by default the date of
            ``SOURCE_DATE_EPOCH`` if that is set, else today.

    Raises:
        MissingExtraError: jinja2 or matplotlib is not installed.
        UnknownItemError: A language other than ``nl`` or ``en``.
        GoudenoorError: ``SOURCE_DATE_EPOCH`` is not a whole number.
    """
    require_extra("the HTML roll-up report")
    w = rollup_words(language)
    weights = dict(result.weights)
    level = result.level
    areas = list(result.areas.values())
    area_ids = [area.area_id for area in areas]
    radars = [
        {
            "caption": f"{w.rolled_up}: {result.organisation}",
            "svg": _radar(
                [area.fraction for area in areas], area_ids, "radar-0", w.radar_label
            ),
        }
    ]
    for number, (unit, card) in enumerate(
        zip(result.units, result.cards, strict=True), start=1
    ):
        fractions = [card.areas[area_id].fraction for area_id in area_ids]
        radars.append(
            {
                "caption": unit,
                "svg": _radar(
                    fractions,
                    area_ids,
                    f"radar-{number}",
                    f"{w.radar_label}: {unit}",
                ),
            }
        )
    context = {
        "language": language,
        "w": w,
        "title": f"{w.title}: {result.organisation}",
        "organisation": result.organisation,
        "meta": [
            (w.edition, result.edition),
            (w.rule, f"{w.rules[result.rule]} ({result.rule})"),
        ],
        "units": [
            {
                "name": unit,
                "weight": f"{weights[unit]:g}" if unit in weights else "-",
                "date": card.assessment.date.isoformat(),
                "total": f"{card.total:.2f}",
                "level": card.level.name if card.level else w.no_level,
            }
            for unit, card in zip(result.units, result.cards, strict=True)
        ],
        "unit_names": list(result.units),
        "side_by_side": [
            {
                "area": f"{area.area_id} {area.name}",
                "cells": [
                    {"points": f"{points:.2f}", "weakest": unit == area.weakest_unit}
                    for unit, points in area.by_unit
                ],
                "maximum": f"{area.max_points:.2f}",
            }
            for area in areas
        ],
        "areas": [
            {
                "area": f"{area.area_id} {area.name}",
                "points": f"{area.points:.2f}",
                "min": f"{area.min:.2f}",
                "max": f"{area.max:.2f}",
                "maximum": f"{area.max_points:.2f}",
                "weakest": area.weakest_unit,
            }
            for area in areas
        ],
        "totals": [
            (w.organisation, f"{result.organisation_points:.2f}"),
            (w.result, f"{result.result_points:.2f}"),
            (w.total, f"{result.total:.2f}"),
        ],
        "level": level.name if level else w.no_level,
        "radars": radars,
        "footer": [
            result.organisation,
            result.edition,
            _generated(w.generated, generated),
        ],
    }
    return _render("rollup.html.j2", context)


def portfolio_summary_html(
    summary: PortfolioSummary,
    language: str = "nl",
    *,
    generated: datetime.date | None = None,
) -> str:
    """
    A portfolio summary as one self-contained HTML page: how many
    assessments and refused files, a box plot of the totals per edition,
    and per edition the spread of the totals and of each area's points and
    the recognition levels reached.

    Args:
        summary: The summary (:meth:`goudenoor.Portfolio.summary`).
        language: The words: ``nl`` (default) or ``en``.
        generated: The date in the footer; by default the date of
            ``SOURCE_DATE_EPOCH`` if that is set, else today.

    Raises:
        MissingExtraError: jinja2 or matplotlib is not installed.
        UnknownItemError: A language other than ``nl`` or ``en``.
        GoudenoorError: ``SOURCE_DATE_EPOCH`` is not a whole number.
    """
    require_extra("the HTML portfolio summary")
    w = portfolio_words(language)
    context = {
        "language": language,
        "w": w,
        "meta": [
            (w.assessments, str(summary.assessments)),
            (w.refused, str(summary.refused)),
        ],
        "box": _box_plot(summary.editions, w) if summary.editions else None,
        "editions": [_edition(edition) for edition in summary.editions],
        "footer": [_generated(w.generated, generated)],
    }
    return _render("portfolio.html.j2", context)


def _edition(edition: EditionSummary) -> dict[str, Any]:
    count = edition.assessments
    levels = [*edition.levels, (None, edition.no_level)]
    return {
        "id": edition.edition,
        "extensions": ", ".join(edition.extensions),
        "standard": edition.standard[:12] if edition.shares_name else None,
        "scheme": edition.scheme,
        "assessments": count,
        "maximum": f"{edition.max_points:g}",
        "totals": _figures(edition.totals, edition.max_points),
        "areas": [
            {
                "area": f"{area.area_id} {area.name}",
                "figures": _figures(area.points, area.max_points),
            }
            for area in edition.areas
        ],
        "levels": [
            {"name": name, "count": number, "share": f"{number / count:.0%}"}
            for name, number in levels
        ],
    }


def _figures(spread: Spread, maximum: float) -> list[str]:
    return [f"{value:.2f}" for value in (*spread.figures, maximum)]


def _generated(text: str, generated: datetime.date | None) -> str:
    # importlib.metadata costs more to import than most commands take: only
    # the pages that say the version import it.
    from importlib.metadata import version

    date = generated or report_date()
    return text.format(version=version("goudenoor"), date=date.isoformat())


def _render(name: str, context: dict[str, Any]) -> str:
    return templates()(name)(**context)


# Charts


def _radar(
    fractions: Sequence[float], labels: Sequence[str], prefix: str, label: str
) -> str:
    """
    A small radar of *fractions* (0 to 1, the same scale for every unit),
    the axes labelled with the area ids only.
    """
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

    angles = [2 * math.pi * i / len(fractions) for i in range(len(fractions))]
    with chart_style():
        figure = Figure(figsize=(3.0, 3.0))
        axes = cast("PolarAxes", figure.add_subplot(projection="polar"))
        axes.set_theta_offset(math.pi / 2)
        axes.set_theta_direction(-1)
        axes.set_ylim(0.0, 1.0)
        axes.set_axisbelow(False)
        axes.fill(
            [*angles, angles[0]],
            [*fractions, fractions[0]],
            facecolor=RADAR_FILL,
            edgecolor="#8a5a00",
            linewidth=1.2,
            zorder=1,
        )
        axes.set_xticks(angles, list(labels))
        axes.set_yticks([0.5, 1.0], ["50%", "100%"])
        axes.set_rlabel_position(20.0)
        axes.tick_params(axis="y", labelsize=6, labelcolor="#444444")
        axes.tick_params(axis="x", pad=1, labelsize=8)
        axes.grid(color="#555555", alpha=0.45, linewidth=0.6)
        figure.subplots_adjust(left=0.12, right=0.88, top=0.88, bottom=0.12)
        return svg_figure(figure, prefix, html.escape(label, quote=True))


def _box_plot(editions: Sequence[EditionSummary], w: PortfolioWords) -> str:
    """
    One horizontal box per edition, drawn from the summary's own figures
    (so the chart and the tables agree): the box from Q1 to Q3, the median,
    the mean and whiskers to the lowest and highest total.
    """
    from matplotlib.figure import Figure

    positions = list(range(len(editions)))
    with chart_style():
        figure = Figure(figsize=(8.0, 1.3 + 0.5 * len(editions)))
        axes = figure.add_subplot()
        # Drawn from primitives rather than Axes.bxp, whose options
        # changed between the Matplotlib versions the extra allows.
        for y, edition in zip(positions, editions, strict=True):
            t = edition.totals
            axes.hlines(
                [y, y],
                [t.min, t.upper_quartile],
                [t.lower_quartile, t.max],
                color="#1a1a1a",
                linewidth=1.0,
            )
            axes.vlines(
                [t.min, t.max], y - 0.15, y + 0.15, color="#1a1a1a", linewidth=1.0
            )
            axes.barh(
                y,
                t.upper_quartile - t.lower_quartile,
                left=t.lower_quartile,
                height=0.5,
                color=BOX_FILL,
                edgecolor="#8a5a00",
                linewidth=1.0,
            )
            axes.vlines(t.median, y - 0.25, y + 0.25, color="#1a1a1a", linewidth=1.8)
            axes.plot(
                [t.mean], [y], marker="D", markersize=5, color="#1d4e89", linestyle=""
            )
        axes.set_yticks(positions, [edition.edition for edition in editions])
        axes.set_ylim(len(editions) - 0.5, -0.5)
        axes.set_xlim(0.0, max(edition.max_points for edition in editions))
        axes.set_xlabel(w.points_axis)
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="x", color="#cccccc", linewidth=0.6)
        axes.set_axisbelow(True)
        figure.tight_layout()
        return svg_figure(figure, "box", html.escape(w.box_label, quote=True))
