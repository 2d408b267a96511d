"""
The HTML report (needs the ``report`` extra: jinja2 and matplotlib).

One self-contained file: the stylesheet is inline and the two charts (a
radar of the nine area fractions, a bar chart of points against maximum)
are inline SVG; there are no scripts, fonts, images or links to fetch, so
the file opens offline and prints on A4. It fits a phone: tables scroll
inside their own box and the charts shrink with the screen.

The report's own words are Dutch by default and English on request
(:mod:`._words`); a footer names the organisation, the edition, the
goudenoor version and the date the page was made.

The charts are drawn with :class:`matplotlib.figure.Figure` (no pyplot, no
global backend) under Matplotlib's default style and a fixed SVG hash
salt, so the same card always gives the same bytes, whatever the local
``matplotlibrc`` says.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import importlib
import io
import math
import os
import re
import textwrap
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from goudenoor._text import visible_controls
from goudenoor.audit import Comparison, Evidence, RequirementResult, ScoreCard
from goudenoor.exceptions import GoudenoorError, MissingExtraError
from goudenoor.report._changes import change_rows, change_words, last_changes
from goudenoor.report._data import ReportData
from goudenoor.report._findings import findings_section
from goudenoor.report._team import team_section
from goudenoor.report._words import Words


if TYPE_CHECKING:
    from matplotlib.figure import Figure


__all__ = ["render_html"]


def __dir__() -> list[str]:
    return __all__


RADAR_FILL = "#e8a317"
"""The radar chart's fill (gold); the screenshot test looks for it."""

BAR_POINTS = "#1d4e89"
"""The bars of points earned (dark blue); the screenshot test looks for it."""

BAR_MAXIMUM = "#d6dbe1"
"""The bars of the maximum points (light grey)."""

_RC = {
    "svg.hashsalt": "goudenoor-report",  # stable clip-path ids
    "svg.fonttype": "none",  # text stays text: small, searchable, crisp in print
    "font.family": "sans-serif",
    "font.size": 9.0,
    "text.parse_math": False,  # an area name with "$" is text, not math
}
"""Settings on top of Matplotlib's default style while a chart is drawn."""

_CHART_LOCK = threading.Lock()
"""Serialises chart drawing: the style context changes global rcParams."""

_FEATURE = "the HTML report"


def render_html(data: ReportData, *, generated: datetime.date | None = None) -> str:
    """
    The report as one self-contained HTML page.

    The page has the content of the Markdown report, in the same order,
    with a radar chart of the area fractions and a bar chart of points
    against maximum; it needs no network to view and has a print
    stylesheet for A4.

    Args:
        data: What the report shows (see :func:`~goudenoor.report.report_data`).
        generated: The date in the footer; by default the date of
            ``SOURCE_DATE_EPOCH`` if that is set, else today.

    Returns:
        The HTML document.

    Raises:
        MissingExtraError: jinja2 or matplotlib is not installed (the
            ``report`` extra).
        GoudenoorError: ``SOURCE_DATE_EPOCH`` is not a whole number.
    """
    require_extra(_FEATURE)
    card = data.card
    w = data.words
    context = {
        "w": w,
        "title": f"{w.title}: {card.assessment.organisation}",
        "organisation": card.assessment.organisation,
        "meta": _meta(data),
        "areas": _areas(data),
        "language": data.translation.language if data.translation else None,
        "totals": _totals(data),
        "radar": _radar_svg(card, w),
        "bars": _bars_svg(card, w),
        "level": card.level.name if card.level else w.no_level,
        "level_tr": data.level_name(card.level.name) if card.level else None,
        "next_level": card.next_level.name if card.next_level else None,
        "next_level_tr": (
            data.level_name(card.next_level.name) if card.next_level else None
        ),
        "gaps": [w.gap(gap) for gap in card.gaps],
        "findings": (
            findings_section(data.findings, data.language)
            if data.findings is not None and data.findings.items
            else None
        ),
        "comparison": _comparison(data.comparison, w),
        "team": (
            None
            if data.consensus is None
            else team_section(data.consensus, data.language)
        ),
        "improvements": [
            {
                "id": item.requirement_id,
                "gained": f"+{item.points_gained:.2f}",
                "text": item.text,
                "text_tr": data.requirement_text(item.requirement_id),
            }
            for item in data.improvements
        ],
        "risks_intro": w.risks_intro.format(threshold=f"{data.risk_threshold:.0%}"),
        "risks": [w.risk(risk) for risk in data.risks],
        "warnings": [
            {"id": warning.requirement_id, "code": code, "message": message}
            for warning, code, message in w.warnings_of(card)
        ],
        "ratings": _ratings(data),
        "changes": _changes(data),
        "footer": _footer(data, generated or report_date()),
    }
    return templates()("report.html.j2")(**context)


def require_extra(feature: str) -> None:
    """
    Raise a MissingExtraError for *feature* unless jinja2 and matplotlib
    (the ``report`` extra) can be imported.
    """
    for module in ("jinja2", "matplotlib"):
        try:
            importlib.import_module(module)
        except ImportError as error:
            raise MissingExtraError(feature, "report", module) from error


def report_date() -> datetime.date:
    """
    The date of ``SOURCE_DATE_EPOCH`` (UTC) if set, else today.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.datetime.now().astimezone().date()
    if not epoch.isdigit():
        raise GoudenoorError(
            "SOURCE_DATE_EPOCH must be a whole number of seconds since "
            f"1970-01-01 (got {epoch[:40]!r})"
        )
    try:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    except (OverflowError, OSError, ValueError):
        raise GoudenoorError(
            f"SOURCE_DATE_EPOCH is out of range (got {epoch[:40]!r})"
        ) from None


def _footer(data: ReportData, generated: datetime.date) -> dict[str, str]:
    from importlib.metadata import version

    card = data.card
    return {
        "organisation": card.assessment.organisation,
        "edition": f"{card.standard.title} ({card.standard.id})",
        "generated": data.words.generated.format(
            version=version("goudenoor"), date=generated.isoformat()
        ),
    }


@functools.cache
def templates() -> Callable[[str], Callable[..., str]]:
    """
    The page templates (``report/templates``) by name, each as its render
    function: one jinja2 environment (escaping on, undefined names an
    error) for every HTML page.
    """
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("goudenoor.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
    )
    return lambda name: environment.get_template(name).render


def _shown(value: object) -> object:
    """
    Every value a page shows, before it is escaped: a text's controls (the
    bidirectional overrides and isolates first, which a browser obeys and
    which would reorder a name or a note around them) as visible ``\\u``
    escapes, as the CSV and JSON outputs write them. Markup the renderers
    built is left as it is.
    """
    if type(value) is str:
        return visible_controls(value)
    return value


def _meta(data: ReportData) -> list[tuple[str, str]]:
    card = data.card
    a = card.assessment
    w = data.words
    meta = [
        (w.edition, f"{card.standard.title} ({card.standard.id})"),
        (w.audit_date, a.date.isoformat()),
    ]
    if a.unit is not None:
        meta.append((w.unit, a.unit))
    if a.auditors:
        meta.append((w.auditors, ", ".join(a.auditors)))
    if card.standard.extensions:
        meta.append((w.extensions, ", ".join(card.standard.extensions)))
    meta.append(
        (
            w.scale_method_scheme,
            (
                f"{card.scale.id} / {card.method} / {card.scheme.id} "
                f"({w.evidence_policy} {card.evidence_policy})"
            ),
        )
    )
    if data.translation is not None:
        meta.append(
            (w.translation, f"{data.translation.language}, {w.translation_note}")
        )
    return meta


def _areas(data: ReportData) -> list[dict[str, str | None]]:
    return [
        {
            "id": area.area_id,
            "name": area.name,
            "name_tr": data.area_name(area.area_id),
            "kind": data.words.of(data.words.kinds, area.kind),
            "points": f"{area.points:.2f}",
            "maximum": f"{area.max_points:g}",
            "share": f"{area.fraction:.0%}",
        }
        for area in data.card.areas.values()
    ]


def _totals(data: ReportData) -> list[dict[str, str]]:
    card = data.card
    maxima = data.maxima
    w = data.words
    return [
        {"name": name, "points": f"{points:.2f}", "maximum": f"{maxima[key]:g}"}
        for name, key, points in (
            (w.organisation, "organisation", card.organisation_points),
            (w.result, "result", card.result_points),
            (w.total, "total", card.total),
        )
    ]


def _points(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _rating(value: float | None, status: str | None, w: Words) -> str:
    if status is None:
        return "-"
    if status == "not-applicable":
        return w.not_applicable
    return w.unrated if value is None else f"{value:g}"


def _comparison(comparison: Comparison | None, w: Words) -> dict[str, Any] | None:
    if comparison is None:
        return None
    old, new = comparison.old, comparison.new
    return {
        "title": (
            f"{new.assessment.organisation}: {old.assessment.date.isoformat()} "
            f"({old.standard.id}) → {new.assessment.date.isoformat()} "
            f"({new.standard.id})"
        ),
        "areas": [
            {
                "id": area.area_id,
                "name": area.name,
                "old": _points(area.old_points),
                "new": _points(area.new_points),
                "change": f"{area.delta:+.2f}",
            }
            for area in comparison.areas
        ],
        "totals": [
            {
                "name": name,
                "old": f"{before:.2f}",
                "new": f"{after:.2f}",
                "change": f"{after - before:+.2f}",
            }
            for name, before, after in (
                (w.organisation, old.organisation_points, new.organisation_points),
                (w.result, old.result_points, new.result_points),
                (w.total, old.total, new.total),
            )
        ],
        "old_level": old.level.name if old.level else w.no_level,
        "new_level": new.level.name if new.level else w.no_level,
        "requirements": [
            {
                "id": r.requirement_id,
                "kind": w.of(w.change_kinds, r.kind),
                "old": _rating(r.old_value, r.old_status, w),
                "new": _rating(r.new_value, r.new_status, w),
                "change": f"{r.delta:+.2f}",
            }
            for r in comparison.requirements
        ],
        "warnings": w.comparison_notes(comparison),
    }


def _value(result: RequirementResult, data: ReportData) -> dict[str, str | None]:
    """
    The rating shown: its value, and the scale's label of it (with the
    label's translation) if the scale has one.
    """
    if result.status == "not-applicable":
        return {"value": "n.v.t.", "label": None, "label_tr": None}
    if result.value is None:
        return {"value": "-", "label": None, "label_tr": None}
    label = data.scale_label(result.value)
    return {
        "value": f"{result.value:g}",
        "label": label[0] if label else None,
        "label_tr": label[1] if label else None,
    }


def _evidence(items: Iterable[Evidence], data: ReportData) -> list[dict[str, Any]]:
    card = data.card
    w = data.words
    found = []
    for e in items:
        # (words, date) pairs: the page keeps each date on one line
        dates = [] if e.date is None else [("", e.date.isoformat())]
        expired = e.valid_until is not None and e.valid_until < card.assessment.date
        if e.valid_until is not None:
            verb = w.expired if expired else w.valid_until
            dates.append((verb, e.valid_until.isoformat()))
        found.append(
            {
                "kind": w.of(w.evidence_kinds, e.kind),
                "reference": e.reference,
                "dates": dates,
                "expired": expired,
            }
        )
    return found


def _changes(data: ReportData) -> dict[str, Any] | None:
    """
    The journal's words and its appendix's rows, or ``None`` without one.
    """
    if data.journal is None:
        return None
    w = change_words(data.language)
    return {"w": w, "rows": change_rows(data.journal.entries, w)}


def _ratings(data: ReportData) -> list[dict[str, Any]]:
    card = data.card
    last = {} if data.journal is None else last_changes(data.journal)
    sections = []
    for area in card.areas.values():
        rows = []
        for result in area.requirements:
            rating = card.assessment.ratings.get(result.requirement_id)
            rows.append(
                {
                    "id": result.requirement_id,
                    "text": card.standard.requirement(result.requirement_id).full_text,
                    "text_tr": data.requirement_text(result.requirement_id),
                    "rating": _value(result, data),
                    "status": result.status,
                    "status_text": data.words.of(data.words.statuses, result.status),
                    "evidence": _evidence(rating.evidence, data) if rating else [],
                    "checkpoints": ", ".join(rating.checkpoints_met) if rating else "",
                    "justification": (rating.justification or "") if rating else "",
                    "note": (rating.note or "") if rating else "",
                    "review": (
                        rating.review.reason
                        if rating is not None
                        and rating.review is not None
                        and rating.needs_review
                        else ""
                    ),
                    "last_change": last.get(result.requirement_id),
                }
            )
        sections.append(
            {
                "id": area.area_id,
                "name": area.name,
                "name_tr": data.area_name(area.area_id),
                "rows": rows,
            }
        )
    return sections


# Charts


def _label(area_id: str, name: str, width: int) -> str:
    return textwrap.fill(f"{area_id} {name}", width=width, break_long_words=False)


def _radar_svg(card: ScoreCard, w: Words) -> str:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

    areas = list(card.areas.values())
    angles = [2 * math.pi * i / len(areas) for i in range(len(areas))]
    ring = [*angles, angles[0]]
    fractions = [area.fraction for area in areas]
    with chart_style():
        figure = Figure(figsize=(5.6, 5.0))
        axes = cast("PolarAxes", figure.add_subplot(projection="polar"))
        axes.set_theta_offset(math.pi / 2)
        axes.set_theta_direction(-1)
        axes.set_ylim(0.0, 1.0)
        axes.set_axisbelow(False)  # the grid stays visible on the filled area
        axes.fill(
            ring,
            [*fractions, fractions[0]],
            facecolor=RADAR_FILL,
            edgecolor="#8a5a00",
            linewidth=1.5,
            zorder=1,
        )
        axes.set_xticks(angles, [_label(a.area_id, a.name, 16) for a in areas])
        axes.set_yticks([0.25, 0.5, 0.75, 1.0], ["25%", "50%", "75%", "100%"])
        axes.set_rlabel_position(20.0)  # between the first two areas
        axes.tick_params(axis="y", labelsize=7, labelcolor="#444444")
        axes.tick_params(axis="x", pad=6)
        axes.grid(color="#555555", alpha=0.45, linewidth=0.7)
        figure.subplots_adjust(left=0.17, right=0.83, top=0.86, bottom=0.1)
        return svg_figure(figure, "radar", w.radar_label)


def _bars_svg(card: ScoreCard, w: Words) -> str:
    from matplotlib.figure import Figure

    areas = list(card.areas.values())
    positions = list(range(len(areas)))
    with chart_style():
        figure = Figure(figsize=(5.6, 5.0))
        axes = figure.add_subplot()
        axes.barh(
            positions,
            [area.max_points for area in areas],
            height=0.7,
            color=BAR_MAXIMUM,
            edgecolor="#9aa5b1",
            linewidth=0.6,
            label=w.maximum.lower(),
        )
        axes.barh(
            positions,
            [area.points for area in areas],
            height=0.7,
            color=BAR_POINTS,
            label=w.points_axis,
        )
        for y, area in zip(positions, areas, strict=True):
            axes.text(
                area.max_points + 0.3,
                y,
                f"{area.points:.2f} / {area.max_points:g}",
                va="center",
                fontsize=8,
            )
        axes.set_yticks(positions, [_label(a.area_id, a.name, 22) for a in areas])
        axes.invert_yaxis()
        top = max(area.max_points for area in areas)
        axes.set_xlim(0.0, top * 1.3)
        axes.set_xlabel(w.points_axis)
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="x", color="#cccccc", linewidth=0.6)
        axes.set_axisbelow(True)
        axes.legend(loc="lower right", frameon=False)
        figure.subplots_adjust(left=0.3, right=0.97, top=0.97, bottom=0.1)
        return svg_figure(figure, "bars", w.bars_label)


@contextlib.contextmanager
def chart_style() -> Iterator[None]:
    """
    Matplotlib's default style plus :data:`_RC`, one chart at a time.
    """
    import matplotlib.style

    with _CHART_LOCK, matplotlib.style.context(["default", _RC]):
        yield


_ID = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def svg_figure(figure: Figure, prefix: str, label: str) -> str:
    """
    *figure* as an ``<svg>`` element for inline use: no XML prologue or
    metadata, ids renamed ``<prefix>-<n>`` in order of first appearance
    (so that two charts on one page do not clash, and the page does not
    depend on how a Matplotlib version hashes its clip paths), and scaled by
    CSS instead of a fixed size in points.
    """
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.DOTALL)
    names: dict[str, str] = {}
    text = _ID.sub(
        lambda m: f"{m[1]}{names.setdefault(m[2], f'{prefix}-{len(names) + 1}')}",
        text,
    )
    return re.sub(
        r'<svg ([^>]*?)width="[^"]*" height="[^"]*"',
        rf'<svg class="chart" id="{prefix}" role="img" aria-label="{label}" \1',
        text,
        count=1,
    ).strip()
