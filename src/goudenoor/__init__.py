"""
goudenoor: the Gouden Oor Standaard as a typed, versioned Python library.

>>> import goudenoor as go
>>> std = go.load_standard("gos-2012")
>>> std.area("Leren & ontwikkelen").id
'5'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from . import _moved


if TYPE_CHECKING:
    from . import (
        audit as audit,
        exceptions as exceptions,
        interchange as interchange,
        portfolio as portfolio,
        standard as standard,
    )
    from .audit import (
        AreaChange as AreaChange,
        AreaResult as AreaResult,
        Assessment as Assessment,
        Audit as Audit,
        Comparison as Comparison,
        Consensus as Consensus,
        Disagreement as Disagreement,
        Evidence as Evidence,
        Finding as Finding,
        FindingUpdate as FindingUpdate,
        Gap as Gap,
        Improvement as Improvement,
        Migration as Migration,
        Rating as Rating,
        Ratings as Ratings,
        RecognitionStatus as RecognitionStatus,
        RequirementChange as RequirementChange,
        RequirementResult as RequirementResult,
        Review as Review,
        Risk as Risk,
        ScoreCard as ScoreCard,
        ScoreWarning as ScoreWarning,
        ScoringMethod as ScoringMethod,
        assessment_problems as assessment_problems,
        at_risk as at_risk,
        carry_findings as carry_findings,
        check_assessment as check_assessment,
        compare as compare,
        consensus_rules as consensus_rules,
        drivers as drivers,
        effects as effects,
        findings_on as findings_on,
        influence_graph as influence_graph,
        paths as paths,
        recognition_status as recognition_status,
        register_method as register_method,
        register_rule as register_rule,
        score as score,
        scored_graph as scored_graph,
        scoring_methods as scoring_methods,
        structure_graph as structure_graph,
        to_dot as to_dot,
        to_graphml as to_graphml,
        to_json as to_json,
        to_mermaid as to_mermaid,
        what_if as what_if,
    )
    from .exceptions import (
        ConsensusError as ConsensusError,
        ExtensionError as ExtensionError,
        FileFormatError as FileFormatError,
        GoudenoorError as GoudenoorError,
        MissingExtraError as MissingExtraError,
        ModelError as ModelError,
        OutputError as OutputError,
        RecognitionError as RecognitionError,
        RollupError as RollupError,
        ScoringError as ScoringError,
        UnknownAreaError as UnknownAreaError,
        UnknownEditionError as UnknownEditionError,
        UnknownItemError as UnknownItemError,
        UnknownRequirementError as UnknownRequirementError,
        ValidationError as ValidationError,
    )
    from .files import (
        ASSESSMENT_FORMAT as ASSESSMENT_FORMAT,
        InstalledExtension as InstalledExtension,
        assessment_from_mapping as assessment_from_mapping,
        assessment_to_mapping as assessment_to_mapping,
        audit_from_mapping as audit_from_mapping,
        available_extensions as available_extensions,
        consensus as consensus,
        crosswalk_from_mapping as crosswalk_from_mapping,
        crosswalks as crosswalks,
        dump_assessment as dump_assessment,
        editions as editions,
        extension_from_mapping as extension_from_mapping,
        load_assessment as load_assessment,
        load_audit as load_audit,
        load_crosswalk as load_crosswalk,
        load_crosswalk_file as load_crosswalk_file,
        load_extension as load_extension,
        load_extension_file as load_extension_file,
        load_portfolio as load_portfolio,
        load_standard as load_standard,
        load_standard_file as load_standard_file,
        load_translation as load_translation,
        load_translation_file as load_translation_file,
        loads_assessment as loads_assessment,
        loads_audit as loads_audit,
        loads_crosswalk as loads_crosswalk,
        loads_extension as loads_extension,
        loads_standard as loads_standard,
        loads_translation as loads_translation,
        migrate as migrate,
        rollup as rollup,
        save_assessment as save_assessment,
        standard_for as standard_for,
        standard_from_mapping as standard_from_mapping,
        standard_to_mapping as standard_to_mapping,
        translation_from_mapping as translation_from_mapping,
        translations as translations,
    )
    from .files.xlsx import (
        load_workbook as load_workbook,
        save_workbook as save_workbook,
    )
    from .interchange import (
        to_oscal_catalog as to_oscal_catalog,
        to_oscal_results as to_oscal_results,
    )
    from .portfolio import (
        AreaRollup as AreaRollup,
        AreaTrend as AreaTrend,
        PercentileRanks as PercentileRanks,
        Portfolio as Portfolio,
        PortfolioSummary as PortfolioSummary,
        RefusedFile as RefusedFile,
        Rollup as Rollup,
        Trend as Trend,
        percentile_ranks as percentile_ranks,
        trend as trend,
    )
    from .problems import (
        Problem as Problem,
    )
    from .report import (
        render_report as render_report,
    )
    from .standard import (
        TRANSLATION_FORMAT as TRANSLATION_FORMAT,
        AddedCheckpoint as AddedCheckpoint,
        Additions as Additions,
        Area as Area,
        AreaOverride as AreaOverride,
        Change as Change,
        Checkpoint as Checkpoint,
        Condition as Condition,
        Crosswalk as Crosswalk,
        EditionDiff as EditionDiff,
        Extension as Extension,
        Influence as Influence,
        InfluenceRemoval as InfluenceRemoval,
        Overrides as Overrides,
        Parameter as Parameter,
        Principle as Principle,
        RecognitionLevel as RecognitionLevel,
        RecognitionRules as RecognitionRules,
        RecognitionScheme as RecognitionScheme,
        Removals as Removals,
        Requirement as Requirement,
        RequirementOverride as RequirementOverride,
        RequirementRemoval as RequirementRemoval,
        Scale as Scale,
        ScaleLevel as ScaleLevel,
        Source as Source,
        Standard as Standard,
        Term as Term,
        Theme as Theme,
        Translation as Translation,
        apply_extension as apply_extension,
        diff_editions as diff_editions,
        extension_problems as extension_problems,
        translation_problems as translation_problems,
    )


# The one table of public names: each name -> the module that defines it.
# Everything is imported when first used, so that `import goudenoor` stays
# cheap (the model's attrs classes, yaml, cattrs, networkx, jinja2,
# matplotlib and openpyxl are loaded only by the code that needs them).
_PUBLIC: Final[dict[str, str]] = {
    "RecognitionRules": "standard",
    "Finding": "audit",
    "FindingUpdate": "audit",
    "RecognitionStatus": "audit",
    "carry_findings": "audit",
    "findings_on": "audit",
    "recognition_status": "audit",
    "ASSESSMENT_FORMAT": "files",
    "AddedCheckpoint": "standard",
    "Additions": "standard",
    "Area": "standard",
    "AreaChange": "audit",
    "AreaOverride": "standard",
    "AreaResult": "audit",
    "Assessment": "audit",
    "Audit": "audit",
    "audit_from_mapping": "files",
    "load_audit": "files",
    "crosswalk_from_mapping": "files",
    "extension_from_mapping": "files",
    "load_extension_file": "files",
    "loads_standard": "files",
    "translation_from_mapping": "files",
    "loads_audit": "files",
    "Change": "standard",
    "Checkpoint": "standard",
    "Comparison": "audit",
    "Condition": "standard",
    "Crosswalk": "standard",
    "EditionDiff": "standard",
    "Consensus": "audit",
    "ConsensusError": "exceptions",
    "Disagreement": "audit",
    "Evidence": "audit",
    "Extension": "standard",
    "ExtensionError": "exceptions",
    "FileFormatError": "exceptions",
    "Gap": "audit",
    "GoudenoorError": "exceptions",
    "Improvement": "audit",
    "Influence": "standard",
    "InfluenceRemoval": "standard",
    "InstalledExtension": "files",
    "Migration": "audit",
    "MissingExtraError": "exceptions",
    "ModelError": "exceptions",
    "OutputError": "exceptions",
    "Overrides": "standard",
    "Parameter": "standard",
    "Principle": "standard",
    "Problem": "problems",
    "Rating": "audit",
    "Ratings": "audit",
    "RecognitionLevel": "standard",
    "RecognitionScheme": "standard",
    "Removals": "standard",
    "Requirement": "standard",
    "RequirementChange": "audit",
    "RequirementOverride": "standard",
    "RequirementRemoval": "standard",
    "RequirementResult": "audit",
    "Review": "audit",
    "Risk": "audit",
    "Scale": "standard",
    "ScaleLevel": "standard",
    "ScoreCard": "audit",
    "ScoreWarning": "audit",
    "ScoringError": "exceptions",
    "ScoringMethod": "audit",
    "Source": "standard",
    "Standard": "standard",
    "TRANSLATION_FORMAT": "standard",
    "Term": "standard",
    "Theme": "standard",
    "Translation": "standard",
    "UnknownAreaError": "exceptions",
    "UnknownEditionError": "exceptions",
    "UnknownItemError": "exceptions",
    "UnknownRequirementError": "exceptions",
    "ValidationError": "exceptions",
    "apply_extension": "standard",
    "assessment_from_mapping": "files",
    "assessment_problems": "audit",
    "assessment_to_mapping": "files",
    "at_risk": "audit",
    "available_extensions": "files",
    "check_assessment": "audit",
    "compare": "audit",
    "crosswalks": "files",
    "diff_editions": "standard",
    "consensus": "files",
    "load_portfolio": "files",
    "Portfolio": "portfolio",
    "RefusedFile": "portfolio",
    "PortfolioSummary": "portfolio",
    "rollup": "files",
    "Rollup": "portfolio",
    "RecognitionError": "exceptions",
    "RollupError": "exceptions",
    "AreaRollup": "portfolio",
    "percentile_ranks": "portfolio",
    "PercentileRanks": "portfolio",
    "trend": "portfolio",
    "Trend": "portfolio",
    "AreaTrend": "portfolio",
    "consensus_rules": "audit",
    "drivers": "audit",
    "dump_assessment": "files",
    "editions": "files",
    "effects": "audit",
    "exceptions": "exceptions",
    "audit": "audit",
    "interchange": "interchange",
    "portfolio": "portfolio",
    "standard": "standard",
    "extension_problems": "standard",
    "influence_graph": "audit",
    "load_assessment": "files",
    "load_crosswalk": "files",
    "load_crosswalk_file": "files",
    "load_extension": "files",
    "load_standard": "files",
    "load_standard_file": "files",
    "load_translation": "files",
    "load_translation_file": "files",
    "loads_assessment": "files",
    "loads_crosswalk": "files",
    "loads_extension": "files",
    "loads_translation": "files",
    "migrate": "files",
    "paths": "audit",
    "register_method": "audit",
    "render_report": "report",
    "register_rule": "audit",
    "save_assessment": "files",
    "scored_graph": "audit",
    "score": "audit",
    "scoring_methods": "audit",
    "standard_for": "files",
    "standard_from_mapping": "files",
    "standard_to_mapping": "files",
    "structure_graph": "audit",
    "to_dot": "audit",
    "to_graphml": "audit",
    "to_json": "audit",
    "to_mermaid": "audit",
    "to_oscal_catalog": "interchange",
    "to_oscal_results": "interchange",
    "translation_problems": "standard",
    "translations": "files",
    "what_if": "audit",
    "save_workbook": "files.xlsx",
    "load_workbook": "files.xlsx",
}
"""A name equal to its module's name is the module itself."""

__all__ = list(_PUBLIC)


def __dir__() -> list[str]:
    return [*_PUBLIC, "__version__"]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("goudenoor")
    module = _PUBLIC.get(name)
    if module is None:
        renamed = _moved.RENAMED.get(name)
        if renamed is None:
            msg = f"module 'goudenoor' has no attribute {name!r}"
            raise AttributeError(msg)
        # Not kept in globals(): each use of the old name warns.
        module, new, use = renamed
        _moved.warn(f"goudenoor.{name}", use)
        return getattr(importlib.import_module(f".{module}", __name__), new)
    found = importlib.import_module(f".{module}", __name__)
    value = found if name == module else getattr(found, name)
    globals()[name] = value
    return value


_moved.install()
