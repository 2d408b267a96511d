"""
What the standard says: the model of an edition, its translations, sector
extensions, crosswalks between editions, the differences between them and
the self-assessment questionnaire built from it.

Objects in, objects out: loading them from files is :mod:`goudenoor.files`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from goudenoor import _lazy


if TYPE_CHECKING:
    from goudenoor.standard._crosswalk import (
        RELATIONSHIPS as RELATIONSHIPS,
        Crosswalk as Crosswalk,
        CrosswalkMapping as CrosswalkMapping,
        NewRequirement as NewRequirement,
        Relationship as Relationship,
        RemovedRequirement as RemovedRequirement,
        check_crosswalk as check_crosswalk,
        crosswalk_problems as crosswalk_problems,
    )
    from goudenoor.standard._diff import (
        EDITION_DIFF_FORMAT as EDITION_DIFF_FORMAT,
        AreaRename as AreaRename,
        EditionDiff as EditionDiff,
        Inherited as Inherited,
        PointsChange as PointsChange,
        RewordedField as RewordedField,
        Rewording as Rewording,
        WordDiff as WordDiff,
        WordOp as WordOp,
        diff_editions as diff_editions,
        word_diff as word_diff,
    )
    from goudenoor.standard._extensions import (
        EXTENSION_FORMAT as EXTENSION_FORMAT,
        AddedCheckpoint as AddedCheckpoint,
        Additions as Additions,
        AreaOverride as AreaOverride,
        Extension as Extension,
        InfluenceRemoval as InfluenceRemoval,
        Overrides as Overrides,
        Removals as Removals,
        RequirementOverride as RequirementOverride,
        RequirementRemoval as RequirementRemoval,
        apply_extension as apply_extension,
        extension_problems as extension_problems,
    )
    from goudenoor.standard._model import (
        MAX_NUMBER as MAX_NUMBER,
        Area as Area,
        AreaKind as AreaKind,
        Change as Change,
        ChangeAction as ChangeAction,
        Checkpoint as Checkpoint,
        Condition as Condition,
        ConditionScope as ConditionScope,
        Influence as Influence,
        InfluenceStrength as InfluenceStrength,
        Parameter as Parameter,
        PerStandard as PerStandard,
        Principle as Principle,
        RecognitionLevel as RecognitionLevel,
        RecognitionRules as RecognitionRules,
        RecognitionScheme as RecognitionScheme,
        Requirement as Requirement,
        Scale as Scale,
        ScaleLevel as ScaleLevel,
        Source as Source,
        Standard as Standard,
        Term as Term,
        Theme as Theme,
    )
    from goudenoor.standard._questionnaire import (
        CHECKPOINT_ANSWERS as CHECKPOINT_ANSWERS,
        QUESTIONNAIRE_FORMAT as QUESTIONNAIRE_FORMAT,
        CheckpointAnswer as CheckpointAnswer,
        CheckpointQuestion as CheckpointQuestion,
        LevelChoice as LevelChoice,
        Questionnaire as Questionnaire,
        QuestionnaireArea as QuestionnaireArea,
        RequirementQuestion as RequirementQuestion,
        questionnaire as questionnaire,
    )
    from goudenoor.standard._reference import is_file_reference as is_file_reference
    from goudenoor.standard._translation import (
        TRANSLATION_FORMAT as TRANSLATION_FORMAT,
        AreaTranslation as AreaTranslation,
        CheckpointTranslation as CheckpointTranslation,
        LevelTranslation as LevelTranslation,
        RequirementTranslation as RequirementTranslation,
        ScaleLevelTranslation as ScaleLevelTranslation,
        ScaleTranslation as ScaleTranslation,
        SchemeTranslation as SchemeTranslation,
        ThemeTranslation as ThemeTranslation,
        Translation as Translation,
        translation_problems as translation_problems,
    )


_EXPORTS: Final[dict[str, str]] = {
    "RecognitionRules": "_model",
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
    "CHECKPOINT_ANSWERS": "_questionnaire",
    "CheckpointAnswer": "_questionnaire",
    "CheckpointQuestion": "_questionnaire",
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
    "is_file_reference": "_reference",
    "LevelChoice": "_questionnaire",
    "LevelTranslation": "_translation",
    "MAX_NUMBER": "_model",
    "NewRequirement": "_crosswalk",
    "Overrides": "_extensions",
    "Parameter": "_model",
    "PerStandard": "_model",
    "PointsChange": "_diff",
    "Principle": "_model",
    "questionnaire": "_questionnaire",
    "Questionnaire": "_questionnaire",
    "QUESTIONNAIRE_FORMAT": "_questionnaire",
    "QuestionnaireArea": "_questionnaire",
    "RecognitionLevel": "_model",
    "RecognitionScheme": "_model",
    "Relationship": "_crosswalk",
    "RELATIONSHIPS": "_crosswalk",
    "Removals": "_extensions",
    "RemovedRequirement": "_crosswalk",
    "Requirement": "_model",
    "RequirementOverride": "_extensions",
    "RequirementQuestion": "_questionnaire",
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
