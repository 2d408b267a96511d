"""
Choosing a report's words by language: one lookup for every set of words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from goudenoor.exceptions import UnknownItemError


_W = TypeVar("_W")


def in_language(by_language: Mapping[str, _W], language: str) -> _W:
    """
    The words of *by_language* in *language*.

    Raises:
        UnknownItemError: A language *by_language* does not have.
    """
    try:
        return by_language[language]
    except KeyError:
        raise UnknownItemError(
            language, tuple(by_language), kind="report language"
        ) from None
