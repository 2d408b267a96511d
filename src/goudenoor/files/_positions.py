"""
Where each entry of a document was written, noted by the YAML reader as it
reads (files/_yaml.py), to give problems found later in its data their line
and column without parsing the text again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from goudenoor.problems import PathElement, Problem


__all__ = ["NOWHERE", "Positions"]


def __dir__() -> list[str]:
    return __all__


class Positions:
    """
    Where the entries of a document the YAML reader read were written: a
    :data:`~goudenoor.problems.Locator` that gives problems found in its
    data their line and column.

    For a mapping entry this is the position of its key, for a list item
    its own. Where a path goes further than the document (a missing key),
    the position of the deepest entry that exists stands for it. Each
    mapping and list of the document has a table of its entries: a mark
    for a value, a mark and the table for a mapping or list.
    """

    __slots__ = ("_root",)

    def __init__(self, root: tuple[Any, Any] | None) -> None:
        self._root = root

    def locate(self, path: Sequence[PathElement]) -> tuple[int, int] | None:
        """
        The 1-based line and column of the entry at *path*, or ``None``
        for a document without any (an empty text).
        """
        if self._root is None:
            return None
        mark, table = self._root
        for element in path:
            entry = None
            if isinstance(table, dict):
                entry = table.get(element) if isinstance(element, str) else None
            elif isinstance(table, list) and isinstance(element, int):
                entry = table[element] if 0 <= element < len(table) else None
            if entry is None:
                break
            mark, table = entry if entry.__class__ is tuple else (entry, None)
        return mark.line + 1, mark.column + 1

    def __call__(self, problems: list[Problem]) -> list[Problem]:
        """*problems* with the line and column of their path."""
        located = []
        for problem in problems:
            position = self.locate(problem.path)
            located.append(problem if position is None else problem.located(*position))
        return located


NOWHERE = Positions(None)
"""The positions of data that was not read from a text: none."""
