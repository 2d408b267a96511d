"""
Sector extensions: add, change and drop items of an edition without
forking it.

An extension is a YAML file (format ``extension/1``), or a Python package
exposing one through the entry point group ``goudenoor.extensions``.
:func:`apply_extension` returns a new :class:`~goudenoor.standard.Standard`
and records every change it made in ``Standard.changes``; the base
Standard is never modified.
"""

from __future__ import annotations

from goudenoor.standard._extensions._apply import apply_extension
from goudenoor.standard._extensions._check import extension_problems
from goudenoor.standard._extensions._types import (
    EXTENSION_FORMAT,
    AddedCheckpoint,
    Additions,
    AreaOverride,
    Extension,
    InfluenceRemoval,
    Overrides,
    Removals,
    RequirementOverride,
    RequirementRemoval,
    is_file_reference,
)


__all__ = [
    "EXTENSION_FORMAT",
    "AddedCheckpoint",
    "Additions",
    "AreaOverride",
    "Extension",
    "InfluenceRemoval",
    "Overrides",
    "Removals",
    "RequirementOverride",
    "RequirementRemoval",
    "apply_extension",
    "extension_problems",
    "is_file_reference",
]


def __dir__() -> list[str]:
    return __all__
