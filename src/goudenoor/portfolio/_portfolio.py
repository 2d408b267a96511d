"""
Many assessments at once: a portfolio, and its scores as tidy tables.

A :class:`Portfolio` holds assessments, the standard each was made against,
and the files that were refused; :meth:`Portfolio.table` scores every
assessment and gives one row per assessment, per assessment and area, or
per assessment and requirement. Reading the files is the file layer's
``goudenoor.files.load_portfolio``.
"""

from __future__ import annotations

import collections
import datetime
import math
import statistics
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from goudenoor._checks import as_tuple, typed_fields
from goudenoor._data import AnyOf, Key, Many, Object, shape, to_data
from goudenoor._text import counted, text_lines
from goudenoor.audit import (
    STATUS_FORMAT,
    Assessment,
    Audit,
    RecognitionStatus,
    RequirementStatus,
    ScoreCard,
    recognition_status,
    score,
)
from goudenoor.exceptions import GoudenoorError, MissingExtraError
from goudenoor.standard import AreaKind, Standard


if TYPE_CHECKING:
    import pandas

    from goudenoor.portfolio._calibration import PortfolioCalibration


__all__ = [
    "COLUMNS",
    "PORTFOLIO_SHAPE",
    "PORTFOLIO_FORMAT",
    "PORTFOLIO_SUMMARY_FORMAT",
    "STATUS_COLUMNS",
    "STATUS_SHAPE",
    "AreaSpread",
    "EditionSummary",
    "Portfolio",
    "RefusedFile",
    "PortfolioNote",
    "PortfolioSummary",
    "Spread",
    "summarise",
]


def __dir__() -> list[str]:
    return __all__


PORTFOLIO_FORMAT: Final = "portfolio/1"
"""The format marker of a portfolio table as JSON (``goudenoor portfolio``)."""


def _column(name: str, tp: Any, doc: str) -> Key:
    return Key(name, tp, doc, get=itemgetter(name))


_COMMON: Final = (
    _column("organisation", str, "The audited organisation's name."),
    _column("unit", str | None, "The unit audited (site, team), or null."),
    _column("edition", str, "The edition scored against, for example gos-2012."),
    _column("date", datetime.date, "The audit's date (ISO 8601)."),
    _column("source", str | None, "The file the assessment was read from, or null."),
)
_LEVEL: Final = _column(
    "level", str | None, "The recognition level the assessment reached, or null."
)

_ROW_KEYS: Final[dict[str, tuple[Key, ...]]] = {
    "total": (
        _column("points", float, "The total points."),
        _column("organisation_points", float, "Points on the organisation areas."),
        _column("result_points", float, "Points on the result areas."),
        _column("max_points", float, "The edition's maximum points."),
        _column("share", float, "points / max_points (0 when the maximum is 0)."),
    ),
    "area": (
        _column("area_id", str, "The area's id."),
        _column("area_name", str, "The area's name."),
        _column("kind", AreaKind, "organisation or result."),
        _column("points", float, "The area's points."),
        _column("max_points", float, "The area's points in the standard."),
        _column("share", float, "The area's fraction: points / max_points."),
    ),
    "requirement": (
        _column("requirement_id", str, "The requirement's id."),
        _column("area_id", str, "Its area's id."),
        _column("status", RequirementStatus, "How the requirement was scored."),
        _column("value", float | None, "The rating's value, or null."),
        _column("points", float, "The points it contributes to its area."),
        _column("max_points", float, "The most it can contribute."),
        _column(
            "share", float | None, "The fraction earned, or null where not applicable."
        ),
    ),
}

_ROWS: Final[dict[str, Object]] = {
    level: Object(
        f"One row of the {level} level.",
        (*_COMMON, *keys, _LEVEL),
        name=f"{level}-row",
    )
    for level, keys in _ROW_KEYS.items()
}
"""Each level's row of :meth:`Portfolio.table`: its columns, in order."""

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    level: tuple(key.name for key in row.keys) for level, row in _ROWS.items()
}
"""
The columns of :meth:`Portfolio.table` at each level, in their order.

Every level starts with ``organisation``, ``unit`` (the site or team, or
``None``), ``edition``, ``date`` (a :class:`datetime.date`) and ``source``
(the file the assessment was read from, or ``None``). Then:

- ``total``: ``points`` (the total), ``organisation_points``,
  ``result_points``, ``max_points`` (the edition's maximum), ``share``
  (``points / max_points``) and ``level`` (the recognition level reached,
  by name, or ``None``);
- ``area``: ``area_id``, ``area_name``, ``kind`` (organisation or result),
  ``points``, ``max_points``, ``share`` (the area's fraction) and ``level``
  (the assessment's level, repeated on each of its rows);
- ``requirement``: ``requirement_id``, ``area_id``, ``status``, ``value``
  (the rating's value or ``None``), ``points`` (contributed to the area),
  ``max_points``, ``share`` (the fraction earned, ``None`` if not
  applicable) and ``level``.
"""

PORTFOLIO_SHAPE: Final[Object] = Object(
    "A portfolio's scores as a tidy table, and the files refused.",
    (
        Key(
            "level",
            Literal["total", "area", "requirement"],
            "One row per assessment (total), per area or per requirement.",
        ),
        Key("columns", tuple[str, ...], "The level's columns, in order."),
        Key(
            "rows",
            Many(AnyOf(tuple(_ROWS.values()))),
            "The rows, in file order; each has the level's columns as keys.",
            get=lambda table: [
                {column: row[column] for column in table.columns} for row in table.rows
            ],
        ),
        Key(
            "refused",
            Many(
                Object(
                    "A file that could not be loaded.",
                    (
                        Key("path", str, "The file.", get=itemgetter(0)),
                        Key("error", str, "Its error message.", get=itemgetter(1)),
                    ),
                )
            ),
            "Each file that could not be loaded, with its error, in order.",
        ),
    ),
    marker=PORTFOLIO_FORMAT,
    # Each level's columns and row shape, pinned.
    schema={
        "allOf": [
            {
                "if": {"properties": {"level": {"const": level}}},
                "then": {
                    "properties": {
                        "columns": {"const": list(columns)},
                        "rows": {"items": {"$ref": f"#/$defs/{level}-row"}},
                    }
                },
            }
            for level, columns in COLUMNS.items()
        ]
    },
)
"""
The shape of ``goudenoor portfolio --format json`` (read from an object
with ``level``, ``columns``, ``rows`` and ``refused``, each refused file a
(path, error) pair).
"""


STATUS_COLUMNS: Final = (
    "organisation",
    "unit",
    "as_of",
    "level",
    "state",
    "valid_until",
    "next_review",
    "open_findings",
    "overdue_findings",
    "scheme",
    "audit_date",
)
"""
The columns of a row of :meth:`Portfolio.status` that are one value each,
in order (a row also has its ``reasons``, a list): the columns of
``goudenoor status --format csv`` and ``text``.
"""


def _refused_files() -> Many:
    return Many(
        Object(
            "A file that could not be loaded.",
            (
                Key("path", str, "The file.", get=itemgetter(0)),
                Key("error", str, "Its error message.", get=itemgetter(1)),
            ),
        )
    )


STATUS_SHAPE: Final[Object] = Object(
    "The recognitions of a portfolio on a date: one status/1 row per "
    "organisation and unit, and the files refused.",
    (
        Key("as_of", datetime.date, "The date the recognitions are for."),
        Key(
            "rows",
            tuple[RecognitionStatus, ...],
            "One row per organisation and unit, sorted by organisation, then "
            "unit (none first); each is a status/1 row.",
        ),
        Key(
            "refused",
            _refused_files(),
            "Each file that could not be loaded, with its error, in order.",
        ),
    ),
    marker=STATUS_FORMAT,
)
"""
The shape of ``goudenoor status --format json`` (read from an object with
``as_of``, ``rows``, the :class:`~goudenoor.audit.RecognitionStatus` of
each organisation and unit, and ``refused``, each refused file a (path,
error) pair).
"""


@attrs.frozen(field_transformer=typed_fields)
class RefusedFile:
    """
    A file the portfolio refused, and why (not an exception: the error
    is in :attr:`error`). Called ``PortfolioError`` before 26.1.

    Attributes:
        path: The file.
        error: What was wrong with it.
    """

    path: str
    error: GoudenoorError = attrs.field(eq=False)

    def __str__(self) -> str:
        return str(self.error)


@attrs.frozen
class PortfolioNote:
    """
    A file the portfolio left out on purpose, and why: a file it had
    already (by what the file is, its device and inode, not its name), or
    a goudenoor document of another kind, such as an extension file.

    Attributes:
        path: The file.
        note: Why it was left out.
    """

    path: str
    note: str

    def __str__(self) -> str:
        return f"{self.path}: {self.note}"


def _assessments(value: Iterable[Assessment]) -> tuple[Assessment, ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


def _standards(value: Iterable[Standard]) -> tuple[Standard, ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


def _errors(value: Iterable[RefusedFile]) -> tuple[RefusedFile, ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


def _notes(value: Iterable[PortfolioNote]) -> tuple[PortfolioNote, ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True, repr=False, field_transformer=typed_fields)
class Portfolio:
    """
    Assessments scored together.

    Attributes:
        assessments: The assessments, in the order they were given.
        standards: The standard each assessment was made against (with its
            extensions applied), in the same order.
        errors: The files that were refused, in order.
        notes: The files that were left out on purpose (a file given
            again, a document of another kind), in order.
        checked: Whether every assessment was checked against its standard
            already (:func:`goudenoor.load_portfolio` checks each file); if
            not, :meth:`table` checks them as it scores.
    """

    assessments: tuple[Assessment, ...] = attrs.field(converter=_assessments)
    standards: tuple[Standard, ...] = attrs.field(converter=_standards, eq=False)
    errors: tuple[RefusedFile, ...] = attrs.field(default=(), converter=_errors)
    notes: tuple[PortfolioNote, ...] = attrs.field(default=(), converter=_notes)
    checked: bool = False

    def __attrs_post_init__(self) -> None:
        if len(self.assessments) != len(self.standards):
            msg = (
                f"a portfolio needs one standard per assessment: "
                f"{len(self.assessments)} assessments, {len(self.standards)} standards"
            )
            raise ValueError(msg)

    def __repr__(self) -> str:
        left_out = f", {len(self.notes)} left out" if self.notes else ""
        return (
            f"<Portfolio: {len(self.assessments)} assessments, "
            f"{len(self.errors)} refused{left_out}>"
        )

    def cards(self, **options: Any) -> Iterator[ScoreCard]:
        """
        Each assessment's score card, in order, scored with *options* (the
        keyword arguments of :func:`goudenoor.score`: ``method``,
        ``scheme``, ``parameters``, ``evidence_policy``).
        """
        for standard, assessment in zip(self.standards, self.assessments, strict=True):
            yield score(standard, assessment, check=not self.checked, **options)

    def recognitions(
        self, as_of: datetime.date, **options: Any
    ) -> list[RecognitionStatus]:
        """
        The recognition of each organisation and unit on *as_of*
        (:func:`~goudenoor.audit.recognition_status` of its audits and
        reviews), sorted by organisation, then unit (none first).

        Args:
            as_of: The date.
            options: ``scheme``, ``method``, ``parameters``,
                ``evidence_policy`` or ``rules``,
                as for :func:`~goudenoor.audit.recognition_status`.

        Raises:
            GoudenoorError: An audit cannot be scored with *options*.
        """
        groups: dict[tuple[str, str | None], list[Audit]] = {}
        for standard, assessment in zip(self.standards, self.assessments, strict=True):
            audit = (
                Audit.of_checked(assessment, standard)
                if self.checked
                else Audit(assessment=assessment, standard=standard)
            )
            key = (assessment.organisation, assessment.unit)
            groups.setdefault(key, []).append(audit)
        return [
            recognition_status(groups[key], as_of, **options)
            for key in sorted(groups, key=_by_organisation_and_unit)
        ]

    def status(self, as_of: datetime.date, **options: Any) -> list[dict[str, Any]]:
        """
        The recognitions on *as_of* as a table: one ``status/1`` row per
        organisation and unit (:meth:`RecognitionStatus.to_data
        <goudenoor.audit.RecognitionStatus.to_data>`: ``organisation``,
        ``unit``, ``as_of``, ``level``, ``state``, ``valid_until``,
        ``next_review``, ``open_findings``, ``overdue_findings``,
        ``scheme``, ``audit_date`` and ``reasons``; dates in ISO form),
        sorted by organisation, then unit. See :meth:`recognitions`.
        """
        return [found.to_data() for found in self.recognitions(as_of, **options)]

    def table(
        self, level: Literal["total", "area", "requirement"] = "total", **options: Any
    ) -> list[dict[str, Any]]:
        """
        The scores as a tidy table: a list of rows, each a dict whose keys
        are :data:`COLUMNS` ``[level]`` in that order.

        Args:
            level: ``total`` (one row per assessment), ``area`` (one per
                assessment and area) or ``requirement`` (one per assessment
                and requirement).
            options: Scoring options, as for :func:`goudenoor.score`.

        Raises:
            GoudenoorError: *level* is none of the three.
            ScoringError: An option is unknown or wrong.
        """
        return self._table(level, options)[0]

    def _table(
        self, level: Literal["total", "area", "requirement"], options: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], list[str], list[str]]:
        """
        The rows, the level names in their schemes' order and the area ids
        in area order (each in the order first met, without repeats).
        """
        if level not in COLUMNS:
            msg = f"unknown table level {level!r} (expected one of {list(COLUMNS)})"
            raise GoudenoorError(msg)
        rows: list[dict[str, Any]] = []
        levels: dict[str, None] = {}
        areas: dict[str, None] = {}
        for card in self.cards(**options):
            rows.extend(_rows(card, level))
            levels.update(dict.fromkeys(lv.name for lv in card.scheme.levels))
            areas.update(dict.fromkeys(area.id for area in card.standard.areas))
        return rows, list(levels), list(areas)

    def dataframe(
        self, level: Literal["total", "area", "requirement"] = "total", **options: Any
    ) -> pandas.DataFrame:
        """
        :meth:`table` as a pandas DataFrame, its columns in the same order,
        typed for analysis: ``date`` is ``datetime64`` (``.dt`` works),
        ``level`` an ordered categorical in the recognition scheme's order,
        lowest first (not alphabetical: ``sort_values("level")`` and ``<``
        follow the scheme), and ``area_id`` (area and requirement levels)
        an ordered categorical in area order. Cards scored with different
        schemes (two editions' defaults, say) give the levels of each
        scheme in turn, in the order the schemes are first met.

        pandas rather than Arrow: the people who take a portfolio further
        (quality staff, analysts of a certification body) work in
        notebooks and spreadsheets, where pandas is the common tool: it
        groups, pivots and plots the tidy table directly and writes CSV
        and Excel. Arrow is a storage format more than an analysis tool;
        ``pyarrow.Table.from_pandas(df)`` gives it in one call when
        wanted. Needs the ``dataframe`` extra.

        Raises:
            MissingExtraError: pandas is not installed.
        """
        try:
            import pandas
        except ImportError as exc:
            raise MissingExtraError(
                "Portfolio.dataframe", "dataframe", "pandas"
            ) from exc
        rows, levels, areas = self._table(level, options)
        frame = pandas.DataFrame(rows, columns=list(COLUMNS[level]))
        frame["date"] = pandas.to_datetime(frame["date"])
        frame["level"] = pandas.Categorical(
            frame["level"], categories=levels, ordered=True
        )
        if "area_id" in frame.columns:
            frame["area_id"] = pandas.Categorical(
                frame["area_id"], categories=areas, ordered=True
            )
        return frame

    def calibration(self, **options: Any) -> PortfolioCalibration:
        """
        How far the self-assessments sit from the audits that follow
        them: each organisation's (and unit's) latest self-assessment
        paired with the first audit on or after it against the same
        standard, each pair calibrated, and the mean bias per area over
        the pairs; those without a pair are listed (the rule:
        :func:`~goudenoor.portfolio.calibrate_portfolio`).

        Args:
            options: Scoring options for the points, as for
                :func:`goudenoor.score`.

        Raises:
            ScoringError: An option is unknown or wrong.
        """
        # Imported here: the module is needed only for this method.
        from goudenoor.portfolio._calibration import calibrate_portfolio

        return calibrate_portfolio(
            self.assessments, self.standards, checked=self.checked, **options
        )

    def summary(self, **options: Any) -> PortfolioSummary:
        """
        The portfolio in figures: per edition the spread of the totals and
        of each area's points and the recognition levels reached, and how
        many files were refused (see :func:`summarise`).

        Args:
            options: Scoring options, as for :func:`goudenoor.score`.

        Raises:
            ScoringError: An option is unknown or wrong.
        """
        return summarise(self.cards(**options), refused=len(self.errors))


def _by_organisation_and_unit(key: tuple[str, str | None]) -> tuple[str, bool, str]:
    organisation, unit = key
    return organisation, unit is not None, unit or ""


def _rows(
    card: ScoreCard, level: Literal["total", "area", "requirement"]
) -> Iterator[dict[str, Any]]:
    assessment = card.assessment
    reached = card.level
    level_name = None if reached is None else reached.name
    common = {
        "organisation": assessment.organisation,
        "unit": assessment.unit,
        "edition": assessment.edition,
        "date": assessment.date,
        "source": assessment.source,
    }
    if level == "total":
        maximum = card.standard.max_points
        yield {
            **common,
            "points": card.total,
            "organisation_points": card.organisation_points,
            "result_points": card.result_points,
            "max_points": maximum,
            "share": card.total / maximum if maximum else 0.0,
            "level": level_name,
        }
        return
    for area in card.areas.values():
        if level == "area":
            yield {
                **common,
                "area_id": area.area_id,
                "area_name": area.name,
                "kind": area.kind,
                "points": area.points,
                "max_points": area.max_points,
                "share": area.fraction,
                "level": level_name,
            }
            continue
        for result in area.requirements:
            yield {
                **common,
                "requirement_id": result.requirement_id,
                "area_id": result.area_id,
                "status": result.status,
                "value": result.value,
                "points": result.points,
                "max_points": result.max_points,
                "share": result.fraction,
                "level": level_name,
            }


# The summary

PORTFOLIO_SUMMARY_FORMAT: Final = "portfolio-summary/1"
"""The format marker of :meth:`PortfolioSummary.as_dict`."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Spread:
    """
    How a set of numbers is spread: the five-number summary and the mean.

    The quartiles are those of :func:`statistics.quantiles` with
    ``method="inclusive"`` (the numbers taken as the whole population:
    the lower quartile of 1, 2, 3, 4, 5 is 2, the upper 4; the same as
    numpy's default "linear" percentile and Excel's ``QUARTILE.INC``).
    Of a single number, every figure is that number.

    Attributes:
        count: How many numbers.
        min: The lowest.
        lower_quartile: The 25th percentile.
        median: The middle (the mean of the two middle numbers of an even
            count).
        upper_quartile: The 75th percentile.
        max: The highest.
        mean: The arithmetic mean.
    """

    count: int
    min: float
    lower_quartile: float
    median: float
    upper_quartile: float
    max: float
    mean: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        """
        The spread of *values* (at least one).

        >>> Spread.of([1, 2, 3, 4, 5])
        Spread(count=5, min=1.0, lower_quartile=2.0, median=3.0, upper_quartile=4.0, \
max=5.0, mean=3.0)
        """
        if not values:
            msg = "the spread of no numbers"
            raise ValueError(msg)
        numbers = sorted(float(value) for value in values)
        if len(numbers) == 1:
            lower = median = upper = numbers[0]
        else:
            lower, median, upper = statistics.quantiles(
                numbers, n=4, method="inclusive"
            )
        return cls(
            count=len(numbers),
            min=numbers[0],
            lower_quartile=lower,
            median=median,
            upper_quartile=upper,
            max=numbers[-1],
            mean=math.fsum(numbers) / len(numbers),
        )

    @property
    def figures(self) -> tuple[float, float, float, float, float, float]:
        """
        The six figures in the order the reports show them (min, lower
        quartile, median, upper quartile, max and mean).
        """
        return (
            self.min,
            self.lower_quartile,
            self.median,
            self.upper_quartile,
            self.max,
            self.mean,
        )

    def as_dict(self) -> dict[str, Any]:
        """The spread as plain data."""
        data: dict[str, Any] = to_data(self)
        return data


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaSpread:
    """
    One area's points over the assessments of one edition.

    Attributes:
        area_id: The area.
        name: Its name.
        kind: organisation or result.
        max_points: Its points in the standard.
        points: The spread of the assessments' points on it.
    """

    area_id: str
    name: str
    kind: str
    max_points: float
    points: Spread


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EditionSummary:
    """
    The assessments of one standard: one edition with the same extensions,
    by content (``Standard.fingerprint``). Their
    points are never mixed with another standard's, not even with those
    of another extension file that has the same id.

    Attributes:
        edition: The edition's id.
        extensions: The extensions applied, in order.
        standard: The standard's fingerprint (SHA-256 of its content).
        shares_name: Whether another group of the summary has the same
            edition and extension ids with other content (two extension
            files that share an id): the reports then name the
            fingerprint and say that they are summarised apart.
        scheme: The id of the recognition scheme the levels are of.
        max_points: The edition's maximum total.
        assessments: How many assessments.
        totals: The spread of their total points.
        levels: Each level of the scheme, lowest first, with how many
            assessments reached it as their highest level (zero
            included).
        no_level: How many reached no level.
        areas: The spread of each area's points, in area order.
    """

    edition: str
    extensions: tuple[str, ...]
    scheme: str
    max_points: float
    assessments: int
    totals: Spread
    levels: tuple[tuple[str, int], ...]
    no_level: int
    areas: tuple[AreaSpread, ...]
    standard: str
    shares_name: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The edition's summary as plain data."""
        data: dict[str, Any] = to_data(self)
        return data


shape(
    EditionSummary,
    "edition",
    "extensions",
    Key("standard", schema={"pattern": "^[0-9a-f]{64}$"}),
    "shares_name",
    "scheme",
    "max_points",
    "assessments",
    "totals",
    Key(
        "levels",
        Many(
            Object(
                "A recognition level and how many assessments reached it.",
                (
                    Key("level", str, "The level's name.", get=itemgetter(0)),
                    Key(
                        "count",
                        int,
                        "How many assessments have it as their highest.",
                        get=itemgetter(1),
                    ),
                ),
            )
        ),
        "Every level of the scheme, lowest first, with its count.",
    ),
    "no_level",
    "areas",
)


@attrs.frozen(kw_only=True, repr=False, field_transformer=typed_fields)
class PortfolioSummary:
    """
    A portfolio in figures (:meth:`Portfolio.summary`).

    Attributes:
        editions: One summary per edition (and set of extensions), by
            edition id.
        refused: How many files were refused.
    """

    editions: tuple[EditionSummary, ...]
    refused: int = 0

    @property
    def assessments(self) -> int:
        """How many assessments were summarised, over all editions."""
        return sum(edition.assessments for edition in self.editions)

    def __repr__(self) -> str:
        return (
            f"<PortfolioSummary: {counted(self.assessments, 'assessment')} in "
            f"{counted(len(self.editions), 'edition')}, {self.refused} refused>"
        )

    def as_dict(self) -> dict[str, Any]:
        """
        The summary as plain data (for JSON), marked
        ``"goudenoor": "portfolio-summary/1"``.
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The summary as plain text for a terminal: per edition the spread
        of the totals, the levels reached and the spread per area; without
        control characters.
        """
        lines = [f"{self.assessments} assessments, {self.refused} files refused"]
        head = f"{'':<32} {'min':>6} {'Q1':>6} {'median':>6} {'Q3':>6} {'max':>6}"
        for edition in self.editions:
            extensions = (
                f" + {', '.join(edition.extensions)}" if edition.extensions else ""
            )
            standard = (
                f" (standard {edition.standard[:12]})" if edition.shares_name else ""
            )
            lines += [
                "",
                (
                    f"{edition.edition}{extensions}{standard}: {edition.assessments} "
                    f"assessments (maximum {edition.max_points:g} points)"
                ),
            ]
            if edition.shares_name:
                lines.append(
                    "note: another extension file with the same id has other "
                    "content: summarised apart"
                )
            lines += [
                f"{head} {'mean':>6}",
                _spread_line("total", edition.totals),
            ]
            lines.extend(
                _spread_line(f"{area.area_id:>2} {area.name}", area.points)
                for area in edition.areas
            )
            lines.append(f"levels ({edition.scheme}):")
            lines.extend(f"  {name}: {count}" for name, count in edition.levels)
            lines.append(f"  none: {edition.no_level}")
        return text_lines(lines)


shape(
    PortfolioSummary,
    "assessments",
    "refused",
    "editions",
    marker=PORTFOLIO_SUMMARY_FORMAT,
    doc="A portfolio of assessments in figures, per edition.",
)


def _spread_line(label: str, spread: Spread) -> str:
    return f"{label[:32]:<32} " + " ".join(f"{value:6.2f}" for value in spread.figures)


def summarise(cards: Iterable[ScoreCard], *, refused: int = 0) -> PortfolioSummary:
    """
    Summarise score cards: grouped by standard, the edition with the
    same extensions by content (never mixing their points; two extension
    files that share an id are two groups, each marked
    :attr:`EditionSummary.shares_name`), the spread (:class:`Spread`) of the totals and
    of each area's points, and how many reached each recognition level.

    Args:
        cards: The score cards, in any order.
        refused: How many files were refused (counted, not summarised).

    >>> import datetime, goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> def card(value):
    ...     return go.score(std, go.Assessment(edition="gos-2012",
    ...         organisation="X", date=datetime.date(2026, 5, 1),
    ...         ratings={r.id: go.Rating(value=value) for r in std.requirements}))
    >>> edition, = summarise([card(4), card(2), card(0)]).editions
    >>> edition.totals.median, edition.totals.mean, edition.no_level
    (50.0, 50.0, 1)
    """
    groups: dict[tuple[str, tuple[str, ...], str], list[ScoreCard]] = {}
    for card in cards:
        standard = card.standard
        key = (standard.id, tuple(standard.extensions), standard.fingerprint)
        groups.setdefault(key, []).append(card)
    names = collections.Counter(key[:2] for key in groups)
    return PortfolioSummary(
        editions=tuple(
            _edition(group, shares_name=names[key[:2]] > 1)
            for key, group in sorted(groups.items())
        ),
        refused=refused,
    )


def _edition(cards: list[ScoreCard], *, shares_name: bool) -> EditionSummary:
    first = cards[0]
    counts = {level.name: 0 for level in first.scheme.levels}
    no_level = 0
    for card in cards:
        if card.level is None:
            no_level += 1
        else:  # a scheme given per card could name other levels
            counts[card.level.name] = counts.get(card.level.name, 0) + 1
    areas = [
        AreaSpread(
            area_id=area.id,
            name=area.name,
            kind=area.kind,
            max_points=area.points,
            points=Spread.of([card.areas[area.id].points for card in cards]),
        )
        for area in first.standard.areas
    ]
    return EditionSummary(
        edition=first.standard.id,
        extensions=tuple(first.standard.extensions),
        scheme=first.scheme.id,
        max_points=first.standard.max_points,
        assessments=len(cards),
        totals=Spread.of([card.total for card in cards]),
        levels=tuple(counts.items()),
        no_level=no_level,
        areas=tuple(areas),
        standard=first.standard.fingerprint,
        shares_name=shares_name,
    )
