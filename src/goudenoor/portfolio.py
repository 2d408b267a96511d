"""
Many assessments at once: a portfolio, and its scores as tidy tables.

A :class:`Portfolio` holds assessments, the standard each was made against,
and the files that were refused; :meth:`Portfolio.table` scores every
assessment and gives one row per assessment, per assessment and area, or
per assessment and requirement. Reading the files is the file layer's
``goudenoor.files.portfolio.load_portfolio``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from .assessment import Assessment
from .exceptions import GoudenoorError, MissingExtraError
from .model import Standard
from .scoring import ScoreCard, score


if TYPE_CHECKING:
    import pandas


__all__ = [
    "COLUMNS",
    "PORTFOLIO_FORMAT",
    "Portfolio",
    "PortfolioError",
]


def __dir__() -> list[str]:
    return __all__


PORTFOLIO_FORMAT: Final = "portfolio/1"
"""The format marker of a portfolio table as JSON (``goudenoor portfolio``)."""

_COMMON: Final = ("organisation", "unit", "edition", "date", "source")

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "total": (
        *_COMMON,
        "points",
        "organisation_points",
        "result_points",
        "max_points",
        "share",
        "level",
    ),
    "area": (
        *_COMMON,
        "area_id",
        "area_name",
        "kind",
        "points",
        "max_points",
        "share",
        "level",
    ),
    "requirement": (
        *_COMMON,
        "requirement_id",
        "area_id",
        "status",
        "value",
        "points",
        "max_points",
        "share",
        "level",
    ),
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


@attrs.frozen
class PortfolioError:
    """
    A file the portfolio refused, and why.

    Attributes:
        path: The file.
        error: What was wrong with it.
    """

    path: str
    error: GoudenoorError = attrs.field(eq=False)

    def __str__(self) -> str:
        return str(self.error)


def _assessments(value: Iterable[Assessment]) -> tuple[Assessment, ...]:
    return tuple(value)


def _standards(value: Iterable[Standard]) -> tuple[Standard, ...]:
    return tuple(value)


def _errors(value: Iterable[PortfolioError]) -> tuple[PortfolioError, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class Portfolio:
    """
    Assessments scored together.

    Attributes:
        assessments: The assessments, in the order they were given.
        standards: The standard each assessment was made against (with its
            extensions applied), in the same order.
        errors: The files that were refused, in order.
        checked: Whether every assessment was checked against its standard
            already (:func:`goudenoor.load_portfolio` checks each file); if
            not, :meth:`table` checks them as it scores.
    """

    assessments: tuple[Assessment, ...] = attrs.field(converter=_assessments)
    standards: tuple[Standard, ...] = attrs.field(converter=_standards, eq=False)
    errors: tuple[PortfolioError, ...] = attrs.field(default=(), converter=_errors)
    checked: bool = False

    def __attrs_post_init__(self) -> None:
        if len(self.assessments) != len(self.standards):
            msg = (
                f"a portfolio needs one standard per assessment: "
                f"{len(self.assessments)} assessments, {len(self.standards)} standards"
            )
            raise ValueError(msg)

    def __repr__(self) -> str:
        return (
            f"<Portfolio: {len(self.assessments)} assessments, "
            f"{len(self.errors)} refused>"
        )

    def cards(self, **options: Any) -> Iterator[ScoreCard]:
        """
        Each assessment's score card, in order, scored with *options* (the
        keyword arguments of :func:`goudenoor.score`: ``method``,
        ``scheme``, ``parameters``, ``evidence_policy``).
        """
        for standard, assessment in zip(self.standards, self.assessments, strict=True):
            yield score(standard, assessment, check=not self.checked, **options)

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
        if level not in COLUMNS:
            msg = f"unknown table level {level!r} (expected one of {list(COLUMNS)})"
            raise GoudenoorError(msg)
        rows: list[dict[str, Any]] = []
        for card in self.cards(**options):
            rows.extend(_rows(card, level))
        return rows

    def dataframe(
        self, level: Literal["total", "area", "requirement"] = "total", **options: Any
    ) -> pandas.DataFrame:
        """
        :meth:`table` as a pandas DataFrame, its columns in the same order.

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
        return pandas.DataFrame(
            self.table(level, **options), columns=list(COLUMNS[level])
        )


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
