"""
What tells an extension's file from an installed extension's name.

A module of its own, below the extension classes: an assessment lists its
extensions by these references, and reading or checking one that lists
none must not define the extension classes (nine attrs classes whose
methods attrs compiles on import).
"""

from __future__ import annotations

import os


__all__ = ["is_file_reference"]


def __dir__() -> list[str]:
    return __all__


def is_file_reference(reference: str | os.PathLike[str]) -> bool:
    """
    ``True`` if *reference* names an extension's file rather than an
    installed extension: a path object, or text with a folder separator or
    a ``.yaml``/``.yml`` suffix.
    """
    text = os.fspath(reference)
    return (
        not isinstance(reference, str)
        or "/" in text
        or os.sep in text
        or text.endswith((".yaml", ".yml"))
    )
