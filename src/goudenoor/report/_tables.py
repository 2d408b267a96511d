"""
Tidy tables (a list of rows, each a dict, such as
``Portfolio.table()`` gives) as text, CSV, JSON and Markdown.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import types
from collections.abc import Mapping, Sequence
from typing import Any

from goudenoor._data import object_data
from goudenoor._text import (
    json_text,
    markdown_text,
    one_line,
    spreadsheet_text,
    visible_controls,
)
from goudenoor.portfolio import PORTFOLIO_SHAPE


__all__ = ["table_csv", "table_json", "table_markdown", "table_text"]


def __dir__() -> list[str]:
    return __all__


Rows = Sequence[Mapping[str, Any]]


def _plain(value: object) -> str:
    # A cell's value as plain text: nothing for None, ISO dates, numbers
    # as short as they are exact.
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.10g}" if math.isfinite(value) else str(value)
    return str(value)


def table_csv(rows: Rows, columns: Sequence[str]) -> str:
    """
    *rows* as CSV with a header line of *columns*. A text cell that a
    spreadsheet would run as a formula is prefixed with an apostrophe
    (``=1+1`` becomes ``'=1+1``); numbers are written as numbers. CSV has
    no escapes: a control character in a text (a bidirectional override,
    ESC) is written as its visible ``\\u202e`` form, never raw.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                spreadsheet_text(visible_controls(value))
                if isinstance(value, str)
                else _plain(value)
                for value in (row[column] for column in columns)
            ]
        )
    return buffer.getvalue()


def table_json(
    rows: Rows,
    columns: Sequence[str],
    *,
    level: str,
    refused: Sequence[tuple[str, str]] = (),
) -> str:
    """
    *rows* as JSON: ``{"goudenoor": "portfolio/1", "level", "columns",
    "rows", "refused"}``, the rows as objects with the keys in column order,
    dates in ISO form, and each refused file with its error.
    """
    table = types.SimpleNamespace(
        level=level, columns=tuple(columns), rows=rows, refused=refused
    )
    data = object_data(PORTFOLIO_SHAPE, table)
    return json_text(data)


def table_markdown(rows: Rows, columns: Sequence[str]) -> str:
    """
    *rows* as a Markdown table, every cell escaped as plain text.
    """
    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    lines.extend(
        "| "
        + " | ".join(markdown_text(_plain(row[column])) for column in columns)
        + " |"
        for row in rows
    )
    return "\n".join(lines) + "\n"


def table_text(rows: Rows, columns: Sequence[str]) -> str:
    """
    *rows* as aligned columns for a terminal, each cell on one line.
    """
    cells = [list(columns)] + [
        [one_line(_plain(row[column])) for column in columns] for row in rows
    ]
    widths = [max(len(line[index]) for line in cells) for index in range(len(columns))]
    return "".join(
        "  ".join(
            cell.ljust(width) for cell, width in zip(line, widths, strict=True)
        ).rstrip()
        + "\n"
        for line in cells
    )
