"""
A registry of named, pluggable functions: the scoring methods and the
consensus rules use one each.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Generic, TypeVar


__all__ = ["Registry"]

_T = TypeVar("_T")


class Registry(Generic[_T]):
    """
    Named items that users may add to, safe to change from several threads.

    Args:
        kind: What an item is, for messages (``"scoring method"``).
        error: Builds the exception raised for a name that is taken.
        items: The built-in items, in the order :meth:`names` lists them.
    """

    __slots__ = ("_error", "_items", "_kind", "_lock")

    def __init__(
        self, kind: str, error: Callable[[str], Exception], items: Mapping[str, _T]
    ) -> None:
        self._kind = kind
        self._error = error
        self._items = dict(items)
        self._lock = threading.Lock()

    def register(self, name: str, item: _T, *, replace: bool = False) -> None:
        """
        Add *item* as *name*; a taken name is refused unless *replace*.
        """
        with self._lock:
            if name in self._items and not replace:
                raise self._error(
                    f"{self._kind} {name!r} is already registered "
                    "(pass replace=True to replace it)"
                )
            self._items[name] = item

    def names(self) -> tuple[str, ...]:
        """
        The registered names, built-in ones first, then in order of
        registration.
        """
        return tuple(self._items)

    def get(self, name: str) -> _T | None:
        """
        The item registered as *name*, or ``None``.
        """
        return self._items.get(name)
