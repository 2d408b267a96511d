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
    from . import audit as audit
    from . import exceptions as exceptions
    from . import interchange as interchange
    from . import portfolio as portfolio
    from . import standard as standard
    from .audit import (
        AreaChange as AreaChange,
    )
    from .audit import (
        AreaResult as AreaResult,
    )
    from .audit import (
        Assessment as Assessment,
    )
    from .audit import (
        Audit as Audit,
    )
    from .audit import (
        Comparison as Comparison,
    )
    from .audit import (
        Consensus as Consensus,
    )
    from .audit import (
        Disagreement as Disagreement,
    )
    from .audit import (
        Evidence as Evidence,
    )
    from .audit import (
        Gap as Gap,
    )
    from .audit import (
        Improvement as Improvement,
    )
    from .audit import (
        Migration as Migration,
    )
    from .audit import (
        Rating as Rating,
    )
    from .audit import (
        Ratings as Ratings,
    )
    from .audit import (
        RequirementChange as RequirementChange,
    )
    from .audit import (
        RequirementResult as RequirementResult,
    )
    from .audit import (
        Review as Review,
    )
    from .audit import (
        Risk as Risk,
    )
    from .audit import (
        ScoreCard as ScoreCard,
    )
    from .audit import (
        ScoreWarning as ScoreWarning,
    )
    from .audit import (
        ScoringMethod as ScoringMethod,
    )
    from .audit import (
        assessment_problems as assessment_problems,
    )
    from .audit import (
        at_risk as at_risk,
    )
    from .audit import (
        check_assessment as check_assessment,
    )
    from .audit import (
        compare as compare,
    )
    from .audit import (
        consensus_rules as consensus_rules,
    )
    from .audit import (
        drivers as drivers,
    )
    from .audit import (
        effects as effects,
    )
    from .audit import (
        influence_graph as influence_graph,
    )
    from .audit import (
        paths as paths,
    )
    from .audit import (
        register_method as register_method,
    )
    from .audit import (
        register_rule as register_rule,
    )
    from .audit import (
        score as score,
    )
    from .audit import (
        scored_graph as scored_graph,
    )
    from .audit import (
        scoring_methods as scoring_methods,
    )
    from .audit import (
        structure_graph as structure_graph,
    )
    from .audit import (
        to_dot as to_dot,
    )
    from .audit import (
        to_graphml as to_graphml,
    )
    from .audit import (
        to_json as to_json,
    )
    from .audit import (
        to_mermaid as to_mermaid,
    )
    from .audit import (
        what_if as what_if,
    )
    from .exceptions import (
        ConsensusError as ConsensusError,
    )
    from .exceptions import (
        ExtensionError as ExtensionError,
    )
    from .exceptions import (
        FileFormatError as FileFormatError,
    )
    from .exceptions import (
        GoudenoorError as GoudenoorError,
    )
    from .exceptions import (
        MissingExtraError as MissingExtraError,
    )
    from .exceptions import (
        ModelError as ModelError,
    )
    from .exceptions import (
        OutputError as OutputError,
    )
    from .exceptions import (
        RollupError as RollupError,
    )
    from .exceptions import (
        ScoringError as ScoringError,
    )
    from .exceptions import (
        UnknownAreaError as UnknownAreaError,
    )
    from .exceptions import (
        UnknownEditionError as UnknownEditionError,
    )
    from .exceptions import (
        UnknownItemError as UnknownItemError,
    )
    from .exceptions import (
        UnknownRequirementError as UnknownRequirementError,
    )
    from .exceptions import (
        ValidationError as ValidationError,
    )
    from .files import (
        ASSESSMENT_FORMAT as ASSESSMENT_FORMAT,
    )
    from .files import (
        InstalledExtension as InstalledExtension,
    )
    from .files import (
        assessment_from_mapping as assessment_from_mapping,
    )
    from .files import (
        assessment_to_mapping as assessment_to_mapping,
    )
    from .files import (
        audit_from_mapping as audit_from_mapping,
    )
    from .files import (
        available_extensions as available_extensions,
    )
    from .files import (
        consensus as consensus,
    )
    from .files import (
        crosswalk_from_mapping as crosswalk_from_mapping,
    )
    from .files import (
        crosswalks as crosswalks,
    )
    from .files import (
        dump_assessment as dump_assessment,
    )
    from .files import (
        editions as editions,
    )
    from .files import (
        extension_from_mapping as extension_from_mapping,
    )
    from .files import (
        load_assessment as load_assessment,
    )
    from .files import (
        load_audit as load_audit,
    )
    from .files import (
        load_crosswalk as load_crosswalk,
    )
    from .files import (
        load_crosswalk_file as load_crosswalk_file,
    )
    from .files import (
        load_extension as load_extension,
    )
    from .files import (
        load_extension_file as load_extension_file,
    )
    from .files import (
        load_portfolio as load_portfolio,
    )
    from .files import (
        load_standard as load_standard,
    )
    from .files import (
        load_standard_file as load_standard_file,
    )
    from .files import (
        load_translation as load_translation,
    )
    from .files import (
        load_translation_file as load_translation_file,
    )
    from .files import (
        loads_assessment as loads_assessment,
    )
    from .files import (
        loads_audit as loads_audit,
    )
    from .files import (
        loads_crosswalk as loads_crosswalk,
    )
    from .files import (
        loads_extension as loads_extension,
    )
    from .files import (
        loads_standard as loads_standard,
    )
    from .files import (
        loads_translation as loads_translation,
    )
    from .files import (
        migrate as migrate,
    )
    from .files import (
        rollup as rollup,
    )
    from .files import (
        save_assessment as save_assessment,
    )
    from .files import (
        standard_for as standard_for,
    )
    from .files import (
        standard_from_mapping as standard_from_mapping,
    )
    from .files import (
        standard_to_mapping as standard_to_mapping,
    )
    from .files import (
        translation_from_mapping as translation_from_mapping,
    )
    from .files import (
        translations as translations,
    )
    from .files.xlsx import (
        load_workbook as load_workbook,
    )
    from .files.xlsx import (
        save_workbook as save_workbook,
    )
    from .interchange import (
        to_oscal_catalog as to_oscal_catalog,
    )
    from .interchange import (
        to_oscal_results as to_oscal_results,
    )
    from .portfolio import (
        AreaRollup as AreaRollup,
    )
    from .portfolio import (
        AreaTrend as AreaTrend,
    )
    from .portfolio import (
        PercentileRanks as PercentileRanks,
    )
    from .portfolio import (
        Portfolio as Portfolio,
    )
    from .portfolio import (
        PortfolioSummary as PortfolioSummary,
    )
    from .portfolio import (
        RefusedFile as RefusedFile,
    )
    from .portfolio import (
        Rollup as Rollup,
    )
    from .portfolio import (
        Trend as Trend,
    )
    from .portfolio import (
        percentile_ranks as percentile_ranks,
    )
    from .portfolio import (
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
    )
    from .standard import (
        AddedCheckpoint as AddedCheckpoint,
    )
    from .standard import (
        Additions as Additions,
    )
    from .standard import (
        Area as Area,
    )
    from .standard import (
        AreaOverride as AreaOverride,
    )
    from .standard import (
        Change as Change,
    )
    from .standard import (
        Checkpoint as Checkpoint,
    )
    from .standard import (
        Condition as Condition,
    )
    from .standard import (
        Crosswalk as Crosswalk,
    )
    from .standard import (
        EditionDiff as EditionDiff,
    )
    from .standard import (
        Extension as Extension,
    )
    from .standard import (
        Influence as Influence,
    )
    from .standard import (
        InfluenceRemoval as InfluenceRemoval,
    )
    from .standard import (
        Overrides as Overrides,
    )
    from .standard import (
        Parameter as Parameter,
    )
    from .standard import (
        Principle as Principle,
    )
    from .standard import (
        RecognitionLevel as RecognitionLevel,
    )
    from .standard import (
        RecognitionScheme as RecognitionScheme,
    )
    from .standard import (
        Removals as Removals,
    )
    from .standard import (
        Requirement as Requirement,
    )
    from .standard import (
        RequirementOverride as RequirementOverride,
    )
    from .standard import (
        RequirementRemoval as RequirementRemoval,
    )
    from .standard import (
        Scale as Scale,
    )
    from .standard import (
        ScaleLevel as ScaleLevel,
    )
    from .standard import (
        Source as Source,
    )
    from .standard import (
        Standard as Standard,
    )
    from .standard import (
        Term as Term,
    )
    from .standard import (
        Theme as Theme,
    )
    from .standard import (
        Translation as Translation,
    )
    from .standard import (
        apply_extension as apply_extension,
    )
    from .standard import (
        diff_editions as diff_editions,
    )
    from .standard import (
        extension_problems as extension_problems,
    )
    from .standard import (
        translation_problems as translation_problems,
    )


# The one table of public names: each name -> the module that defines it.
# Everything is imported when first used, so that `import goudenoor` stays
# cheap (the model's attrs classes, yaml, cattrs, networkx, jinja2,
# matplotlib and openpyxl are loaded only by the code that needs them).
_PUBLIC: Final[dict[str, str]] = {
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
