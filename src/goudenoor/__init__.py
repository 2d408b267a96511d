"""
goudenoor: the Gouden Oor Standaard as a typed, versioned Python library.

>>> import goudenoor as go
>>> std = go.load_standard("gos-2012")
>>> std.area("Leren & ontwikkelen").id
'5'
"""

from __future__ import annotations

from typing import Any

from . import exceptions
from .exceptions import (
    FileFormatError,
    GoudenoorError,
    ModelError,
    UnknownAreaError,
    UnknownEditionError,
    UnknownItemError,
    UnknownRequirementError,
    ValidationError,
)
from .io import (
    editions,
    load_standard,
    load_standard_file,
    standard_from_mapping,
    standard_to_mapping,
)
from .model import (
    Area,
    Checkpoint,
    Condition,
    Influence,
    Parameter,
    Principle,
    RecognitionLevel,
    RecognitionScheme,
    Requirement,
    Scale,
    ScaleLevel,
    Source,
    Standard,
    Term,
    Theme,
)


__all__ = [
    "Area",
    "Checkpoint",
    "Condition",
    "FileFormatError",
    "GoudenoorError",
    "Influence",
    "ModelError",
    "Parameter",
    "Principle",
    "RecognitionLevel",
    "RecognitionScheme",
    "Requirement",
    "Scale",
    "ScaleLevel",
    "Source",
    "Standard",
    "Term",
    "Theme",
    "UnknownAreaError",
    "UnknownEditionError",
    "UnknownItemError",
    "UnknownRequirementError",
    "ValidationError",
    "editions",
    "exceptions",
    "load_standard",
    "load_standard_file",
    "standard_from_mapping",
    "standard_to_mapping",
]


def __dir__() -> list[str]:
    return [*globals().keys() & {"__version__"}, *__all__]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("goudenoor")
    msg = f"module 'goudenoor' has no attribute {name!r}"
    raise AttributeError(msg)
