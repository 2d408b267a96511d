"""
What the standard says: the model of an edition, its translations, sector
extensions, crosswalks between editions and the differences between them.

Objects in, objects out: loading them from files is :mod:`goudenoor.files`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from goudenoor import _lazy


if TYPE_CHECKING:
    from goudenoor.standard._crosswalk import (
        RELATIONSHIPS as RELATIONSHIPS,
    )
    from goudenoor.standard._crosswalk import (
        Crosswalk as Crosswalk,
    )
    from goudenoor.standard._crosswalk import (
        CrosswalkMapping as CrosswalkMapping,
    )
    from goudenoor.standard._crosswalk import (
        NewRequirement as NewRequirement,
    )
    from goudenoor.standard._crosswalk import (
        Relationship as Relationship,
    )
    from goudenoor.standard._crosswalk import (
        RemovedRequirement as RemovedRequirement,
    )
    from goudenoor.standard._crosswalk import (
        check_crosswalk as check_crosswalk,
    )
    from goudenoor.standard._crosswalk import (
        crosswalk_problems as crosswalk_problems,
    )
    from goudenoor.standard._diff import (
        EDITION_DIFF_FORMAT as EDITION_DIFF_FORMAT,
    )
    from goudenoor.standard._diff import (
        AreaRename as AreaRename,
    )
    from goudenoor.standard._diff import (
        EditionDiff as EditionDiff,
    )
    from goudenoor.standard._diff import (
        Inherited as Inherited,
    )
    from goudenoor.standard._diff import (
        PointsChange as PointsChange,
    )
    from goudenoor.standard._diff import (
        RewordedField as RewordedField,
    )
    from goudenoor.standard._diff import (
        Rewording as Rewording,
    )
    from goudenoor.standard._diff import (
        WordDiff as WordDiff,
    )
    from goudenoor.standard._diff import (
        WordOp as WordOp,
    )
    from goudenoor.standard._diff import (
        diff_editions as diff_editions,
    )
    from goudenoor.standard._diff import (
        word_diff as word_diff,
    )
    from goudenoor.standard._extensions import (
        EXTENSION_FORMAT as EXTENSION_FORMAT,
    )
    from goudenoor.standard._extensions import (
        AddedCheckpoint as AddedCheckpoint,
    )
    from goudenoor.standard._extensions import (
        Additions as Additions,
    )
    from goudenoor.standard._extensions import (
        AreaOverride as AreaOverride,
    )
    from goudenoor.standard._extensions import (
        Extension as Extension,
    )
    from goudenoor.standard._extensions import (
        InfluenceRemoval as InfluenceRemoval,
    )
    from goudenoor.standard._extensions import (
        Overrides as Overrides,
    )
    from goudenoor.standard._extensions import (
        Removals as Removals,
    )
    from goudenoor.standard._extensions import (
        RequirementOverride as RequirementOverride,
    )
    from goudenoor.standard._extensions import (
        RequirementRemoval as RequirementRemoval,
    )
    from goudenoor.standard._extensions import (
        apply_extension as apply_extension,
    )
    from goudenoor.standard._extensions import (
        extension_problems as extension_problems,
    )
    from goudenoor.standard._extensions import (
        is_file_reference as is_file_reference,
    )
    from goudenoor.standard._model import (
        MAX_NUMBER as MAX_NUMBER,
    )
    from goudenoor.standard._model import (
        Area as Area,
    )
    from goudenoor.standard._model import (
        AreaKind as AreaKind,
    )
    from goudenoor.standard._model import (
        Change as Change,
    )
    from goudenoor.standard._model import (
        ChangeAction as ChangeAction,
    )
    from goudenoor.standard._model import (
        Checkpoint as Checkpoint,
    )
    from goudenoor.standard._model import (
        Condition as Condition,
    )
    from goudenoor.standard._model import (
        ConditionScope as ConditionScope,
    )
    from goudenoor.standard._model import (
        Influence as Influence,
    )
    from goudenoor.standard._model import (
        InfluenceStrength as InfluenceStrength,
    )
    from goudenoor.standard._model import (
        Parameter as Parameter,
    )
    from goudenoor.standard._model import (
        PerStandard as PerStandard,
    )
    from goudenoor.standard._model import (
        Principle as Principle,
    )
    from goudenoor.standard._model import (
        RecognitionLevel as RecognitionLevel,
    )
    from goudenoor.standard._model import (
        RecognitionScheme as RecognitionScheme,
    )
    from goudenoor.standard._model import (
        Requirement as Requirement,
    )
    from goudenoor.standard._model import (
        Scale as Scale,
    )
    from goudenoor.standard._model import (
        ScaleLevel as ScaleLevel,
    )
    from goudenoor.standard._model import (
        Source as Source,
    )
    from goudenoor.standard._model import (
        Standard as Standard,
    )
    from goudenoor.standard._model import (
        Term as Term,
    )
    from goudenoor.standard._model import (
        Theme as Theme,
    )
    from goudenoor.standard._translation import (
        TRANSLATION_FORMAT as TRANSLATION_FORMAT,
    )
    from goudenoor.standard._translation import (
        AreaTranslation as AreaTranslation,
    )
    from goudenoor.standard._translation import (
        CheckpointTranslation as CheckpointTranslation,
    )
    from goudenoor.standard._translation import (
        LevelTranslation as LevelTranslation,
    )
    from goudenoor.standard._translation import (
        RequirementTranslation as RequirementTranslation,
    )
    from goudenoor.standard._translation import (
        ScaleLevelTranslation as ScaleLevelTranslation,
    )
    from goudenoor.standard._translation import (
        ScaleTranslation as ScaleTranslation,
    )
    from goudenoor.standard._translation import (
        SchemeTranslation as SchemeTranslation,
    )
    from goudenoor.standard._translation import (
        ThemeTranslation as ThemeTranslation,
    )
    from goudenoor.standard._translation import (
        Translation as Translation,
    )
    from goudenoor.standard._translation import (
        translation_problems as translation_problems,
    )


_EXPORTS: Final[dict[str, str]] = {
    "AddedCheckpoint": "_extensions",
    "Additions": "_extensions",
    "apply_extension": "_extensions",
    "Area": "_model",
    "AreaKind": "_model",
    "AreaOverride": "_extensions",
    "AreaRename": "_diff",
    "AreaTranslation": "_translation",
    "Change": "_model",
    "ChangeAction": "_model",
    "check_crosswalk": "_crosswalk",
    "Checkpoint": "_model",
    "CheckpointTranslation": "_translation",
    "Condition": "_model",
    "ConditionScope": "_model",
    "Crosswalk": "_crosswalk",
    "crosswalk_problems": "_crosswalk",
    "CrosswalkMapping": "_crosswalk",
    "diff_editions": "_diff",
    "EDITION_DIFF_FORMAT": "_diff",
    "EditionDiff": "_diff",
    "Extension": "_extensions",
    "EXTENSION_FORMAT": "_extensions",
    "extension_problems": "_extensions",
    "Influence": "_model",
    "InfluenceRemoval": "_extensions",
    "InfluenceStrength": "_model",
    "Inherited": "_diff",
    "is_file_reference": "_extensions",
    "LevelTranslation": "_translation",
    "MAX_NUMBER": "_model",
    "NewRequirement": "_crosswalk",
    "Overrides": "_extensions",
    "Parameter": "_model",
    "PerStandard": "_model",
    "PointsChange": "_diff",
    "Principle": "_model",
    "RecognitionLevel": "_model",
    "RecognitionScheme": "_model",
    "Relationship": "_crosswalk",
    "RELATIONSHIPS": "_crosswalk",
    "Removals": "_extensions",
    "RemovedRequirement": "_crosswalk",
    "Requirement": "_model",
    "RequirementOverride": "_extensions",
    "RequirementRemoval": "_extensions",
    "RequirementTranslation": "_translation",
    "RewordedField": "_diff",
    "Rewording": "_diff",
    "Scale": "_model",
    "ScaleLevel": "_model",
    "ScaleLevelTranslation": "_translation",
    "ScaleTranslation": "_translation",
    "SchemeTranslation": "_translation",
    "Source": "_model",
    "Standard": "_model",
    "Term": "_model",
    "Theme": "_model",
    "ThemeTranslation": "_translation",
    "Translation": "_translation",
    "TRANSLATION_FORMAT": "_translation",
    "translation_problems": "_translation",
    "word_diff": "_diff",
    "WordDiff": "_diff",
    "WordOp": "_diff",
}
"""Each public name -> the module that defines it, imported when first used."""

__all__ = list(_EXPORTS)

__getattr__, __dir__ = _lazy.exports(__name__, _EXPORTS)
