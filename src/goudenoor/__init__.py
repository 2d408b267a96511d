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


if TYPE_CHECKING:
    from . import exceptions as exceptions
    from .agreement import (
        Consensus as Consensus,
    )
    from .agreement import (
        ConsensusError as ConsensusError,
    )
    from .agreement import (
        Disagreement as Disagreement,
    )
    from .agreement import (
        consensus_rules as consensus_rules,
    )
    from .agreement import (
        register_rule as register_rule,
    )
    from .assessment import (
        Assessment as Assessment,
    )
    from .assessment import (
        Evidence as Evidence,
    )
    from .assessment import (
        Rating as Rating,
    )
    from .assessment import (
        Ratings as Ratings,
    )
    from .assessment import (
        Review as Review,
    )
    from .assessment import (
        assessment_problems as assessment_problems,
    )
    from .assessment import (
        check_assessment as check_assessment,
    )
    from .benchmark import (
        AreaTrend as AreaTrend,
    )
    from .benchmark import (
        PercentileRanks as PercentileRanks,
    )
    from .benchmark import (
        Trend as Trend,
    )
    from .benchmark import (
        percentile_ranks as percentile_ranks,
    )
    from .benchmark import (
        trend as trend,
    )
    from .comparison import (
        AreaChange as AreaChange,
    )
    from .comparison import (
        Comparison as Comparison,
    )
    from .comparison import (
        RequirementChange as RequirementChange,
    )
    from .comparison import (
        compare as compare,
    )
    from .crosswalk import (
        Crosswalk as Crosswalk,
    )
    from .edition_diff import (
        EditionDiff as EditionDiff,
    )
    from .edition_diff import (
        diff_editions as diff_editions,
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
    from .extensions import (
        AddedCheckpoint as AddedCheckpoint,
    )
    from .extensions import (
        Additions as Additions,
    )
    from .extensions import (
        AreaOverride as AreaOverride,
    )
    from .extensions import (
        Extension as Extension,
    )
    from .extensions import (
        InfluenceRemoval as InfluenceRemoval,
    )
    from .extensions import (
        Overrides as Overrides,
    )
    from .extensions import (
        Removals as Removals,
    )
    from .extensions import (
        RequirementOverride as RequirementOverride,
    )
    from .extensions import (
        RequirementRemoval as RequirementRemoval,
    )
    from .extensions import (
        apply_extension as apply_extension,
    )
    from .extensions import (
        extension_problems as extension_problems,
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
        available_extensions as available_extensions,
    )
    from .files import (
        consensus as consensus,
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
        load_assessment as load_assessment,
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
        loads_crosswalk as loads_crosswalk,
    )
    from .files import (
        loads_extension as loads_extension,
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
        translations as translations,
    )
    from .files.xlsx import (
        read_workbook as read_workbook,
    )
    from .files.xlsx import (
        write_workbook as write_workbook,
    )
    from .graph import (
        Risk as Risk,
    )
    from .graph import (
        at_risk as at_risk,
    )
    from .graph import (
        drivers as drivers,
    )
    from .graph import (
        effects as effects,
    )
    from .graph import (
        influence_graph as influence_graph,
    )
    from .graph import (
        paths as paths,
    )
    from .graph import (
        scored_graph as scored_graph,
    )
    from .graph import (
        structure_graph as structure_graph,
    )
    from .graph import (
        to_dot as to_dot,
    )
    from .graph import (
        to_graphml as to_graphml,
    )
    from .graph import (
        to_json as to_json,
    )
    from .graph import (
        to_mermaid as to_mermaid,
    )
    from .migration import (
        Migration as Migration,
    )
    from .model import (
        Area as Area,
    )
    from .model import (
        Change as Change,
    )
    from .model import (
        Checkpoint as Checkpoint,
    )
    from .model import (
        Condition as Condition,
    )
    from .model import (
        Influence as Influence,
    )
    from .model import (
        Parameter as Parameter,
    )
    from .model import (
        Principle as Principle,
    )
    from .model import (
        RecognitionLevel as RecognitionLevel,
    )
    from .model import (
        RecognitionScheme as RecognitionScheme,
    )
    from .model import (
        Requirement as Requirement,
    )
    from .model import (
        Scale as Scale,
    )
    from .model import (
        ScaleLevel as ScaleLevel,
    )
    from .model import (
        Source as Source,
    )
    from .model import (
        Standard as Standard,
    )
    from .model import (
        Term as Term,
    )
    from .model import (
        Theme as Theme,
    )
    from .oscal import (
        to_oscal_catalog as to_oscal_catalog,
    )
    from .oscal import (
        to_oscal_results as to_oscal_results,
    )
    from .portfolio import (
        Portfolio as Portfolio,
    )
    from .portfolio import (
        PortfolioError as PortfolioError,
    )
    from .portfolio import (
        PortfolioSummary as PortfolioSummary,
    )
    from .problems import (
        Problem as Problem,
    )
    from .report import (
        render_report as render_report,
    )
    from .scoring import (
        AreaResult as AreaResult,
    )
    from .scoring import (
        Gap as Gap,
    )
    from .scoring import (
        Improvement as Improvement,
    )
    from .scoring import (
        RequirementResult as RequirementResult,
    )
    from .scoring import (
        ScoreCard as ScoreCard,
    )
    from .scoring import (
        ScoreWarning as ScoreWarning,
    )
    from .scoring import (
        ScoringMethod as ScoringMethod,
    )
    from .scoring import (
        register_method as register_method,
    )
    from .scoring import (
        score as score,
    )
    from .scoring import (
        scoring_methods as scoring_methods,
    )
    from .scoring import (
        what_if as what_if,
    )
    from .translation import (
        TRANSLATION_FORMAT as TRANSLATION_FORMAT,
    )
    from .translation import (
        Translation as Translation,
    )
    from .translation import (
        translation_problems as translation_problems,
    )
    from .unit_rollup import (
        AreaRollup as AreaRollup,
    )
    from .unit_rollup import (
        Rollup as Rollup,
    )
    from .unit_rollup import (
        RollupError as RollupError,
    )


# The one table of public names: each name -> the module that defines it.
# Everything is imported when first used, so that `import goudenoor` stays
# cheap (the model's attrs classes, yaml, cattrs, networkx, jinja2,
# matplotlib and openpyxl are loaded only by the code that needs them).
_PUBLIC: Final[dict[str, str]] = {
    "ASSESSMENT_FORMAT": "files",
    "AddedCheckpoint": "extensions",
    "Additions": "extensions",
    "Area": "model",
    "AreaChange": "comparison",
    "AreaOverride": "extensions",
    "AreaResult": "scoring",
    "Assessment": "assessment",
    "Change": "model",
    "Checkpoint": "model",
    "Comparison": "comparison",
    "Condition": "model",
    "Crosswalk": "crosswalk",
    "EditionDiff": "edition_diff",
    "Consensus": "agreement",
    "ConsensusError": "agreement",
    "Disagreement": "agreement",
    "Evidence": "assessment",
    "Extension": "extensions",
    "ExtensionError": "exceptions",
    "FileFormatError": "exceptions",
    "Gap": "scoring",
    "GoudenoorError": "exceptions",
    "Improvement": "scoring",
    "Influence": "model",
    "InfluenceRemoval": "extensions",
    "InstalledExtension": "files",
    "Migration": "migration",
    "MissingExtraError": "exceptions",
    "ModelError": "exceptions",
    "OutputError": "exceptions",
    "Overrides": "extensions",
    "Parameter": "model",
    "Principle": "model",
    "Problem": "problems",
    "Rating": "assessment",
    "Ratings": "assessment",
    "RecognitionLevel": "model",
    "RecognitionScheme": "model",
    "Removals": "extensions",
    "Requirement": "model",
    "RequirementChange": "comparison",
    "RequirementOverride": "extensions",
    "RequirementRemoval": "extensions",
    "RequirementResult": "scoring",
    "Review": "assessment",
    "Risk": "graph",
    "Scale": "model",
    "ScaleLevel": "model",
    "ScoreCard": "scoring",
    "ScoreWarning": "scoring",
    "ScoringError": "exceptions",
    "ScoringMethod": "scoring",
    "Source": "model",
    "Standard": "model",
    "TRANSLATION_FORMAT": "translation",
    "Term": "model",
    "Theme": "model",
    "Translation": "translation",
    "UnknownAreaError": "exceptions",
    "UnknownEditionError": "exceptions",
    "UnknownItemError": "exceptions",
    "UnknownRequirementError": "exceptions",
    "ValidationError": "exceptions",
    "apply_extension": "extensions",
    "assessment_from_mapping": "files",
    "assessment_problems": "assessment",
    "assessment_to_mapping": "files",
    "at_risk": "graph",
    "available_extensions": "files",
    "check_assessment": "assessment",
    "compare": "comparison",
    "crosswalks": "files",
    "diff_editions": "edition_diff",
    "consensus": "files",
    "load_portfolio": "files",
    "Portfolio": "portfolio",
    "PortfolioError": "portfolio",
    "PortfolioSummary": "portfolio",
    "rollup": "files",
    "Rollup": "unit_rollup",
    "RollupError": "unit_rollup",
    "AreaRollup": "unit_rollup",
    "percentile_ranks": "benchmark",
    "PercentileRanks": "benchmark",
    "trend": "benchmark",
    "Trend": "benchmark",
    "AreaTrend": "benchmark",
    "consensus_rules": "agreement",
    "drivers": "graph",
    "dump_assessment": "files",
    "editions": "files",
    "effects": "graph",
    "exceptions": "exceptions",
    "extension_problems": "extensions",
    "influence_graph": "graph",
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
    "paths": "graph",
    "read_workbook": "files.xlsx",
    "register_method": "scoring",
    "render_report": "report",
    "register_rule": "agreement",
    "save_assessment": "files",
    "scored_graph": "graph",
    "score": "scoring",
    "scoring_methods": "scoring",
    "standard_for": "files",
    "standard_from_mapping": "files",
    "standard_to_mapping": "files",
    "structure_graph": "graph",
    "to_dot": "graph",
    "to_graphml": "graph",
    "to_json": "graph",
    "to_mermaid": "graph",
    "to_oscal_catalog": "oscal",
    "to_oscal_results": "oscal",
    "translation_problems": "translation",
    "translations": "files",
    "what_if": "scoring",
    "write_workbook": "files.xlsx",
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
        msg = f"module 'goudenoor' has no attribute {name!r}"
        raise AttributeError(msg)
    found = importlib.import_module(f".{module}", __name__)
    value = found if name == module else getattr(found, name)
    globals()[name] = value
    return value
