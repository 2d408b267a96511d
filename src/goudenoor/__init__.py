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
from .assessment import (
    Assessment,
    Evidence,
    Rating,
    Ratings,
    assessment_problems,
    check_assessment,
)
from .comparison import AreaChange, Comparison, RequirementChange, compare
from .exceptions import (
    ExtensionError,
    FileFormatError,
    GoudenoorError,
    MissingExtraError,
    ModelError,
    ScoringError,
    UnknownAreaError,
    UnknownEditionError,
    UnknownItemError,
    UnknownRequirementError,
    ValidationError,
)
from .extensions import (
    AddedCheckpoint,
    Additions,
    AreaOverride,
    Extension,
    InfluenceRemoval,
    Overrides,
    Removals,
    RequirementOverride,
    RequirementRemoval,
    apply_extension,
    available_extensions,
    extension_problems,
)
from .graph import (
    Risk,
    at_risk,
    drivers,
    effects,
    influence_graph,
    paths,
    structure_graph,
    to_dot,
    to_graphml,
    to_json,
    to_mermaid,
)
from .io import (
    ASSESSMENT_FORMAT,
    assessment_from_mapping,
    assessment_to_mapping,
    dump_assessment,
    editions,
    load_assessment,
    load_extension,
    load_standard,
    load_standard_file,
    save_assessment,
    standard_for,
    standard_from_mapping,
    standard_to_mapping,
)
from .model import (
    Area,
    Change,
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
from .scoring import (
    AreaResult,
    Gap,
    Improvement,
    RequirementResult,
    ScoreCard,
    ScoreWarning,
    ScoringMethod,
    register_method,
    score,
    scoring_methods,
    what_if,
)


__all__ = [
    "ASSESSMENT_FORMAT",
    "AddedCheckpoint",
    "Additions",
    "Area",
    "AreaChange",
    "AreaOverride",
    "AreaResult",
    "Assessment",
    "Change",
    "Checkpoint",
    "Comparison",
    "Condition",
    "Evidence",
    "Extension",
    "ExtensionError",
    "FileFormatError",
    "Gap",
    "GoudenoorError",
    "Improvement",
    "Influence",
    "InfluenceRemoval",
    "MissingExtraError",
    "ModelError",
    "Overrides",
    "Parameter",
    "Principle",
    "Rating",
    "Ratings",
    "RecognitionLevel",
    "RecognitionScheme",
    "Removals",
    "Requirement",
    "RequirementChange",
    "RequirementOverride",
    "RequirementRemoval",
    "RequirementResult",
    "Risk",
    "Scale",
    "ScaleLevel",
    "ScoreCard",
    "ScoreWarning",
    "ScoringError",
    "ScoringMethod",
    "Source",
    "Standard",
    "Term",
    "Theme",
    "UnknownAreaError",
    "UnknownEditionError",
    "UnknownItemError",
    "UnknownRequirementError",
    "ValidationError",
    "apply_extension",
    "assessment_from_mapping",
    "assessment_problems",
    "assessment_to_mapping",
    "at_risk",
    "available_extensions",
    "check_assessment",
    "compare",
    "drivers",
    "dump_assessment",
    "editions",
    "effects",
    "exceptions",
    "extension_problems",
    "influence_graph",
    "load_assessment",
    "load_extension",
    "load_standard",
    "load_standard_file",
    "paths",
    "register_method",
    "save_assessment",
    "score",
    "scoring_methods",
    "standard_for",
    "standard_from_mapping",
    "standard_to_mapping",
    "structure_graph",
    "to_dot",
    "to_graphml",
    "to_json",
    "to_mermaid",
    "what_if",
]


def __dir__() -> list[str]:
    return [*__all__, "__version__"]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("goudenoor")
    msg = f"module 'goudenoor' has no attribute {name!r}"
    raise AttributeError(msg)
