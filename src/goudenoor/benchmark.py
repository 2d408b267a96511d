"""
Benchmarks: where one audit stands among its peers, and one organisation
over the years.

Percentile rank
    Among the peer cards of the same edition, the percentile rank of a
    value *x* is ``100 * (below + ties / 2) / n``: *below* counts the
    peers whose value is strictly lower, *ties* those whose value equals
    *x* (within 1e-9 points), *n* all peers. The card ranked may be one of
    the peers (it then ties with itself) or not. The lowest of four
    distinct values ranks 12.5, the highest 87.5; a value all peers share
    ranks 50.

Trend
    The cards of one organisation (and one unit, if they have units) in
    date order: the first and the last audit's points per area and in
    total, and the change (last minus first). Editions may differ: areas
    are then compared by their id, an area only one of the two editions
    has gets ``None`` for the other side and for the change, and
    :attr:`Trend.warnings` says that the editions differ (an area's
    points and maximum can differ between editions).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._text import counted, text_lines
from .exceptions import GoudenoorError
from .scoring import ScoreCard
from .scoring.card import format_points


__all__ = [
    "PERCENTILE_RANKS_FORMAT",
    "TREND_FORMAT",
    "AreaTrend",
    "BenchmarkError",
    "PercentileRanks",
    "Trend",
    "percentile_rank",
    "percentile_ranks",
    "trend",
]


def __dir__() -> list[str]:
    return __all__


PERCENTILE_RANKS_FORMAT = "percentile-ranks/1"
"""The format marker of :meth:`PercentileRanks.as_dict`."""

TREND_FORMAT = "trend/1"
"""The format marker of :meth:`Trend.as_dict`."""

_TIE = 1e-9
"""Two points closer than this are a tie."""


class BenchmarkError(GoudenoorError, ValueError):
    """
    No peers of the card's edition, too few cards for a trend, or cards of
    more than one organisation (or unit) in a trend.
    """


def percentile_rank(value: float, values: Sequence[float]) -> float:
    """
    The percentile rank of *value* among *values*:
    ``100 * (below + ties / 2) / len(values)``.

    >>> percentile_rank(20, [10, 20, 20, 30])
    50.0
    >>> percentile_rank(10, [10, 20, 30, 40]), percentile_rank(40, [10, 20, 30, 40])
    (12.5, 87.5)
    """
    if not values:
        raise BenchmarkError("a percentile rank needs at least one value")
    below = sum(1 for v in values if v < value - _TIE)
    ties = sum(1 for v in values if abs(v - value) <= _TIE)
    return 100 * (below + ties / 2) / len(values)


@attrs.frozen(kw_only=True)
class PercentileRanks:
    """
    Where one card stands among its peers of the same edition.

    Attributes:
        organisation: The card's organisation.
        unit: The card's unit, if any.
        edition: The edition.
        date: The card's audit date (ISO 8601).
        peers: How many cards of the edition it was ranked among.
        left_out: How many cards of other editions were left out.
        total: The percentile rank of the total points.
        areas: Area id to the percentile rank of the area's points.
    """

    organisation: str
    unit: str | None
    edition: str
    date: str
    peers: int
    left_out: int
    total: float
    areas: Mapping[str, float]

    def as_dict(self) -> dict[str, Any]:
        """
        Plain data (for JSON), marked ``"goudenoor": "percentile-ranks/1"``.
        """
        return {
            "goudenoor": PERCENTILE_RANKS_FORMAT,
            **attrs.asdict(self, filter=lambda a, _: a.name != "areas"),
            "areas": dict(self.areas),
        }

    def text(self) -> str:
        """
        The ranks as plain text, one line per area.
        """
        unit = f" ({self.unit})" if self.unit is not None else ""
        lines = [
            (
                f"{self.organisation}{unit}, {self.edition}, audit of {self.date}: "
                f"percentile ranks among {self.peers} audits of {self.edition}"
            ),
            *(f"area {area:>2}  {rank:5.1f}" for area, rank in self.areas.items()),
            f"total    {self.total:5.1f}",
        ]
        if self.left_out:
            lines.append(
                f"{counted(self.left_out, 'audit')} of other editions left out"
            )
        return text_lines(lines)


def percentile_ranks(card: ScoreCard, cards: Iterable[ScoreCard]) -> PercentileRanks:
    """
    The percentile rank of *card*'s total and area points among the
    *cards* of its edition (see the module's text for the definition).

    Raises:
        BenchmarkError: No card of *card*'s edition among *cards*.
    """
    edition = card.standard.id
    given = tuple(cards)
    peers = [c for c in given if c.standard.id == edition]
    if not peers:
        raise BenchmarkError(
            f"no score card of edition {edition!r} to compare with "
            f"(got {len(given)} of other editions)"
        )
    areas = {
        area_id: percentile_rank(
            result.points, [peer.areas[area_id].points for peer in peers]
        )
        for area_id, result in card.areas.items()
    }
    return PercentileRanks(
        organisation=card.assessment.organisation,
        unit=card.assessment.unit,
        edition=edition,
        date=card.assessment.date.isoformat(),
        peers=len(peers),
        left_out=len(given) - len(peers),
        total=percentile_rank(card.total, [peer.total for peer in peers]),
        areas=areas,
    )


@attrs.frozen(kw_only=True)
class AreaTrend:
    """
    One area from the first audit to the last.

    Attributes:
        area_id: The area.
        first: Its points in the first audit (``None`` if that edition has
            no area of this id).
        last: Its points in the last audit (idem).
        change: ``last - first``, or ``None`` if either is missing.
    """

    area_id: str
    first: float | None
    last: float | None
    change: float | None


@attrs.frozen(kw_only=True)
class Trend:
    """
    One organisation over the years.

    Attributes:
        organisation: The organisation.
        unit: The unit, if the audits have one.
        history: Each audit in date order: (date, edition, total points,
            level name or ``None``).
        first_date: The first audit's date (ISO 8601).
        last_date: The last audit's date.
        total: The total points first, last and the change.
        areas: Area id to :class:`AreaTrend`: the last audit's areas in
            order, then those only the first audit's edition has.
        warnings: What a reader should know (editions that differ).
    """

    organisation: str
    unit: str | None
    history: tuple[tuple[str, str, float, str | None], ...]
    first_date: str
    last_date: str
    total: AreaTrend
    areas: Mapping[str, AreaTrend]
    warnings: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """
        Plain data (for JSON), marked ``"goudenoor": "trend/1"``.
        """
        return {
            "goudenoor": TREND_FORMAT,
            "organisation": self.organisation,
            "unit": self.unit,
            "history": [
                {"date": d, "edition": e, "total": t, "level": lv}
                for d, e, t, lv in self.history
            ],
            "first_date": self.first_date,
            "last_date": self.last_date,
            "total": attrs.asdict(self.total, filter=_no_area_id),
            "areas": [attrs.asdict(area) for area in self.areas.values()],
            "warnings": list(self.warnings),
        }

    def text(self) -> str:
        """
        The trend as plain text: the history, then first, last and change
        per area.
        """
        lines = [
            f"{self.organisation}: {self.first_date} to {self.last_date}",
            *(
                f"{d}  {e}  {format_points(t)}  {lv or 'no level'}"
                for d, e, t, lv in self.history
            ),
            f"{'area':<6} {'first':>7} {'last':>7} {'change':>7}",
            *(_trend_line(f"{a.area_id:>2}", a) for a in self.areas.values()),
            _trend_line("total", self.total),
            *(f"warning: {w}" for w in self.warnings),
        ]
        return text_lines(lines)


def _no_area_id(attribute: attrs.Attribute[Any], _: object) -> bool:
    return attribute.name != "area_id"


def _trend_line(label: str, area: AreaTrend) -> str:
    change = "-" if area.change is None else f"{area.change:+.2f}"
    return (
        f"{label:<6} {format_points(area.first):>7} {format_points(area.last):>7} "
        f"{change:>7}"
    )


def _change(area_id: str, first: float | None, last: float | None) -> AreaTrend:
    change = None if first is None or last is None else last - first
    return AreaTrend(area_id=area_id, first=first, last=last, change=change)


def trend(cards: Iterable[ScoreCard]) -> Trend:
    """
    One organisation's audits over time: first, last and the change per
    area and in total (see the module's text for differing editions).

    Cards on the same date keep the order given.

    Raises:
        BenchmarkError: Fewer than two cards, or cards of more than one
            organisation or unit.

    >>> import datetime, goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> def audit(year, value):
    ...     return go.score(std, go.Assessment(edition="gos-2012",
    ...         organisation="Zorggroep", date=datetime.date(year, 5, 1),
    ...         ratings={r.id: go.Rating(value=value) for r in std.requirements}))
    >>> t = go.trend([audit(2026, 3), audit(2024, 2)])
    >>> t.first_date, t.total.first, t.total.last, t.total.change
    ('2024-05-01', 50.0, 75.0, 25.0)
    """
    given = sorted(cards, key=lambda c: c.assessment.date)
    if len(given) < 2:  # noqa: PLR2004 - a first and a last
        raise BenchmarkError(f"a trend needs at least 2 score cards (got {len(given)})")
    for field in ("organisation", "unit"):
        values = list(dict.fromkeys(getattr(c.assessment, field) for c in given))
        if len(values) > 1:
            raise BenchmarkError(
                f"a trend is of one {field}; the cards differ in {field}: "
                f"{', '.join(map(repr, values))}"
            )
    first, last = given[0], given[-1]
    first_points = {a: r.points for a, r in first.areas.items()}
    last_points = {a: r.points for a, r in last.areas.items()}
    ids = [*last_points, *(a for a in first_points if a not in last_points)]
    warnings: list[str] = []
    editions = list(dict.fromkeys(c.standard.id for c in given))
    if len(editions) > 1:
        warnings.append(
            f"the audits are of different editions ({', '.join(editions)}): areas "
            "are compared by id, and an area's points and maximum may differ "
            "between editions"
        )
    return Trend(
        organisation=first.assessment.organisation,
        unit=first.assessment.unit,
        history=tuple(
            (
                c.assessment.date.isoformat(),
                c.standard.id,
                c.total,
                c.level.name if c.level else None,
            )
            for c in given
        ),
        first_date=first.assessment.date.isoformat(),
        last_date=last.assessment.date.isoformat(),
        total=_change("total", first.total, last.total),
        areas={a: _change(a, first_points.get(a), last_points.get(a)) for a in ids},
        warnings=tuple(warnings),
    )
