"""
Benchmarks: where one audit stands among its peers, and one organisation
over the years.

Peers
    The cards scored against the same standard as the card ranked: the
    same edition with the same extensions, by content
    (``Standard.fingerprint``). Points of another
    edition, or of the same edition with other extensions (or another
    extension file with the same id), are not comparable: those cards are
    left out and counted.

Percentile rank
    Among the peer cards, the percentile rank of a
    value *x* is ``100 * (below + ties / 2) / n``: *below* counts the
    peers whose value is strictly lower, *ties* those whose value equals
    *x* (within 1e-9 points), *n* all peers. The card ranked may be one of
    the peers (it then ties with itself) or not. The lowest of four
    distinct values ranks 12.5, the highest 87.5; a value all peers share
    ranks 50.

Trend
    The cards of one organisation (and one unit, if they have units) in
    date order, one per date: the first and the last audit's points per
    area and in total, and the change (last minus first). Editions may
    differ: areas are then compared by their id, an area only one of the
    two editions has gets ``None`` for the other side and for the change,
    and :attr:`Trend.warnings` says that the editions differ (an area's
    points and maximum can differ between editions). The extensions may
    not: every card has the same extension ids, and the cards of one
    edition the same standard by content (two extension files that share
    an id but not their content give points that are not comparable).
    Cards of different organisations or units are refused unless
    ``allow_different_organisations=True`` (an organisation that changed
    its name, say); the trend then says so in its warnings.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._data import Key, Many, Object, shape, to_data
from goudenoor._text import counted, text_lines
from goudenoor.audit import Audit, ScoreCard, card_of, format_points
from goudenoor.exceptions import BenchmarkError
from goudenoor.standard import Standard


__all__ = [
    "PERCENTILE_RANKS_FORMAT",
    "TREND_FORMAT",
    "AreaTrend",
    "BenchmarkError",
    "PercentileRanks",
    "Trend",
    "percentile_rank",
    "percentile_ranks",
    "standard_label",
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


def standard_label(standard: Standard) -> str:
    """
    The edition and the extensions applied, as a reader names them:
    ``gos-2012`` or ``gos-2012 + zorg``.
    """
    return standard.label


def _other_standards(card: ScoreCard, others: Sequence[ScoreCard]) -> str:
    # "gos-2016: 2; gos-2012 + zorg (other content): 1": what the others
    # were scored against, the same names with other content said so.
    own = standard_label(card.standard)
    counts: dict[str, int] = {}
    for other in others:
        label = standard_label(other.standard)
        if label == own:
            label += " (other content)"
        counts[label] = counts.get(label, 0) + 1
    return "; ".join(f"{label}: {count}" for label, count in counts.items())


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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PercentileRanks:
    """
    Where one card stands among its peers: the cards scored against the
    same standard.

    Attributes:
        organisation: The card's organisation.
        unit: The card's unit, if any.
        edition: The edition.
        date: The card's audit date (ISO 8601).
        peers: How many cards of the same standard it was ranked among.
        left_out: How many cards of other standards (another edition, or
            other extensions) were left out.
        total: The percentile rank of the total points.
        areas: Area id to the percentile rank of the area's points.
        extensions: The extensions of the standard, in order.
    """

    organisation: str
    unit: str | None
    edition: str
    date: str
    peers: int
    left_out: int
    total: float
    areas: Mapping[str, float]
    extensions: tuple[str, ...] = ()

    @property
    def standard(self) -> str:
        """
        The standard the ranks are among, as a reader names it
        (``gos-2012`` or ``gos-2012 + zorg``).
        """
        extensions = f" + {', '.join(self.extensions)}" if self.extensions else ""
        return f"{self.edition}{extensions}"

    def as_dict(self) -> dict[str, Any]:
        """
        Plain data (for JSON), marked ``"goudenoor": "percentile-ranks/1"``.
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The ranks as plain text, one line per area.
        """
        unit = f" ({self.unit})" if self.unit is not None else ""
        lines = [
            (
                f"{self.organisation}{unit}, {self.standard}, audit of {self.date}: "
                f"percentile ranks among {self.peers} audits of {self.standard}"
            ),
            *(f"area {area:>2}  {rank:5.1f}" for area, rank in self.areas.items()),
            f"total    {self.total:5.1f}",
        ]
        if self.left_out:
            lines.append(
                f"{counted(self.left_out, 'audit')} of other standards (another "
                "edition, or other extensions) left out"
            )
        return text_lines(lines)


@checked
def percentile_ranks(
    card: ScoreCard | Audit, cards: Iterable[ScoreCard | Audit]
) -> PercentileRanks:
    """
    The percentile rank of *card*'s total and area points among the
    *cards* scored against the same standard: the same edition with the
    same extensions, by content (see the module's text).

    Raises:
        BenchmarkError: No card of *card*'s standard among *cards*.
    """
    card = card_of(card)
    edition = card.standard.id
    own = card.standard.fingerprint
    given = tuple(map(card_of, cards))
    peers = [c for c in given if c.standard.fingerprint == own]
    if not peers:
        others = f": {_other_standards(card, given)}" if given else ""
        raise BenchmarkError(
            f"no score card of the same standard ({standard_label(card.standard)}) "
            f"to compare with; got {len(given)} of other standards{others}"
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
        extensions=tuple(card.standard.extensions),
    )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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
        data: dict[str, Any] = to_data(self)
        return data

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


_RANK = {"type": "number", "minimum": 0, "maximum": 100}

shape(
    PercentileRanks,
    "organisation",
    "unit",
    "edition",
    Key("date", schema={"format": "date"}),
    Key("peers", schema={"minimum": 1}),
    Key("left_out", schema={"minimum": 0}),
    Key("total", schema=_RANK),
    "extensions",
    Key("areas", schema={"additionalProperties": _RANK}),
    marker=PERCENTILE_RANKS_FORMAT,
    doc="Where one audit stands among the audits of its standard (edition "
    "and extensions).",
)
_CHANGE = tuple(
    Key(name, float | None, doc)
    for name, doc in (
        (
            "first",
            "The points in the first audit (null if its edition has no such area).",
        ),
        ("last", "The points in the last audit (idem)."),
        ("change", "last - first, or null if either is missing."),
    )
)
shape(AreaTrend, "area_id", *_CHANGE)
shape(
    Trend,
    "organisation",
    "unit",
    Key(
        "history",
        Many(
            Object(
                "One audit.",
                (
                    Key(
                        "date",
                        str,
                        "The audit's date (ISO 8601).",
                        get=itemgetter(0),
                        schema={"format": "date"},
                    ),
                    Key("edition", str, "Its edition.", get=itemgetter(1)),
                    Key("total", float, "Its total points.", get=itemgetter(2)),
                    Key(
                        "level",
                        str | None,
                        "The recognition level reached, or null.",
                        get=itemgetter(3),
                    ),
                ),
            )
        ),
        "Each audit, in date order.",
    ),
    Key("first_date", schema={"format": "date"}),
    Key("last_date", schema={"format": "date"}),
    Key("total", Object("The total points first, last and the change.", _CHANGE)),
    Key(
        "areas",
        tuple[AreaTrend, ...],
        "The last audit's areas in order, then those only the first audit's "
        "edition has.",
        get=lambda t: tuple(t.areas.values()),
    ),
    "warnings",
    marker=TREND_FORMAT,
    doc="One organisation's audits over the years.",
)


def _trend_line(label: str, area: AreaTrend) -> str:
    change = "-" if area.change is None else f"{area.change:+.2f}"
    return (
        f"{label:<6} {format_points(area.first):>7} {format_points(area.last):>7} "
        f"{change:>7}"
    )


def _change(area_id: str, first: float | None, last: float | None) -> AreaTrend:
    change = None if first is None or last is None else last - first
    return AreaTrend(area_id=area_id, first=first, last=last, change=change)


@checked
def trend(
    cards: Iterable[ScoreCard | Audit], *, allow_different_organisations: bool = False
) -> Trend:
    """
    One organisation's audits over time: first, last and the change per
    area and in total (see the module's text for differing editions).

    Args:
        cards: The score cards, in any order; one per date (an Audit is
            scored with the defaults).
        allow_different_organisations: Take cards of different
            organisations or units as one history (a renamed
            organisation, say); the trend is named after the last card
            and its warnings say that the names differ.

    Raises:
        BenchmarkError: Fewer than two cards; cards of more than one
            organisation or unit (unless allowed); two cards on the same
            date (naming both); cards scored against standards whose
            points are not comparable (naming both).

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
    named = [
        (card, _card_name(card, n))
        for n, card in enumerate(map(card_of, cards), start=1)
    ]
    named.sort(key=lambda pair: pair[0].assessment.date)
    given = [card for card, _ in named]
    if len(given) < 2:  # noqa: PLR2004 - a first and a last
        raise BenchmarkError(f"a trend needs at least 2 score cards (got {len(given)})")
    warnings: list[str] = []
    for field in ("organisation", "unit"):
        values = list(dict.fromkeys(getattr(c.assessment, field) for c in given))
        if len(values) <= 1:
            continue
        if not allow_different_organisations:
            raise BenchmarkError(
                f"a trend is of one {field}; the cards differ in {field}: "
                f"{', '.join(map(repr, values))} (unless different organisations "
                "are allowed)"
            )
        warnings.append(
            f"the audits differ in {field}: {', '.join(map(repr, values))}; "
            "they are taken as one history"
        )
    for (before, before_name), (after, after_name) in itertools.pairwise(named):
        if before.assessment.date == after.assessment.date:
            raise BenchmarkError(
                f"two audits on the same date, {after.assessment.date.isoformat()}: "
                f"{before_name} and {after_name}; a trend needs one audit per date"
            )
    _check_comparable(named)
    first, last = given[0], given[-1]
    first_points = {a: r.points for a, r in first.areas.items()}
    last_points = {a: r.points for a, r in last.areas.items()}
    ids = [*last_points, *(a for a in first_points if a not in last_points)]
    editions = list(dict.fromkeys(c.standard.id for c in given))
    if len(editions) > 1:
        warnings.append(
            f"the audits are of different editions ({', '.join(editions)}): areas "
            "are compared by id, and an area's points and maximum may differ "
            "between editions"
        )
    return Trend(
        organisation=last.assessment.organisation,
        unit=last.assessment.unit,
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


def _card_name(card: ScoreCard, number: int) -> str:
    """The card's file, or its place among the cards given."""
    return card.assessment.source or f"score card {number}"


def _check_comparable(named: Sequence[tuple[ScoreCard, str]]) -> None:
    """
    Refuse cards whose points are not comparable: other extension ids, or
    within one edition another standard by content.
    """
    first, first_name = named[0]
    by_edition: dict[str, tuple[ScoreCard, str]] = {}
    for card, name in named:
        seen, seen_name = by_edition.setdefault(card.standard.id, (card, name))
        if not card.standard.points_comparable(first.standard):
            seen, seen_name = first, first_name
        elif card.standard.points_comparable(seen.standard):
            continue
        label, seen_label = standard_label(card.standard), standard_label(seen.standard)
        same = (
            " (the same names with other content: another extension file with "
            "the same id)"
            if label == seen_label
            else ""
        )
        raise BenchmarkError(
            "the audits were scored against standards whose points are not "
            f"comparable: {seen_name} against {seen_label} and {name} against "
            f"{label}{same}; a trend needs the same extensions, with the same "
            "content, in every audit"
        )
