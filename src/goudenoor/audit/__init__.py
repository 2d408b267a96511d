"""
One audit: an assessment (ratings, evidence), the Audit value (an
assessment with the Standard it was checked against), scoring, comparison
of two audits, migration to another edition, the consensus of an audit
team, and the influence graph with its score overlay.

Objects in, objects out: loading them from files is :mod:`goudenoor.files`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from goudenoor import _lazy


if TYPE_CHECKING:
    from goudenoor.audit._assessment import (
        EARLIEST_DATE as EARLIEST_DATE,
    )
    from goudenoor.audit._assessment import (
        LATEST_DATE as LATEST_DATE,
    )
    from goudenoor.audit._assessment import (
        Assessment as Assessment,
    )
    from goudenoor.audit._assessment import (
        Evidence as Evidence,
    )
    from goudenoor.audit._assessment import (
        EvidenceKind as EvidenceKind,
    )
    from goudenoor.audit._assessment import (
        MigrationOrigin as MigrationOrigin,
    )
    from goudenoor.audit._assessment import (
        Rating as Rating,
    )
    from goudenoor.audit._assessment import (
        Ratings as Ratings,
    )
    from goudenoor.audit._assessment import (
        Review as Review,
    )
    from goudenoor.audit._assessment import (
        assessment_problems as assessment_problems,
    )
    from goudenoor.audit._assessment import (
        check_assessment as check_assessment,
    )
    from goudenoor.audit._audit import (
        Audit as Audit,
    )
    from goudenoor.audit._audit import (
        split_audits as split_audits,
    )
    from goudenoor.audit._audit import (
        standard_and_assessment as standard_and_assessment,
    )
    from goudenoor.audit._comparison import (
        COMPARISON_FORMAT as COMPARISON_FORMAT,
    )
    from goudenoor.audit._comparison import (
        AreaChange as AreaChange,
    )
    from goudenoor.audit._comparison import (
        Comparison as Comparison,
    )
    from goudenoor.audit._comparison import (
        ComparisonNote as ComparisonNote,
    )
    from goudenoor.audit._comparison import (
        RequirementChange as RequirementChange,
    )
    from goudenoor.audit._comparison import (
        compare as compare,
    )
    from goudenoor.audit._consensus import (
        CONSENSUS_FORMAT as CONSENSUS_FORMAT,
    )
    from goudenoor.audit._consensus import (
        AuditorValue as AuditorValue,
    )
    from goudenoor.audit._consensus import (
        Consensus as Consensus,
    )
    from goudenoor.audit._consensus import (
        ConsensusError as ConsensusError,
    )
    from goudenoor.audit._consensus import (
        ConsensusRule as ConsensusRule,
    )
    from goudenoor.audit._consensus import (
        Disagreement as Disagreement,
    )
    from goudenoor.audit._consensus import (
        DisagreementKind as DisagreementKind,
    )
    from goudenoor.audit._consensus import (
        consensus as consensus,
    )
    from goudenoor.audit._consensus import (
        consensus_rules as consensus_rules,
    )
    from goudenoor.audit._consensus import (
        ordinal_alpha as ordinal_alpha,
    )
    from goudenoor.audit._consensus import (
        register_rule as register_rule,
    )
    from goudenoor.audit._consensus import (
        require_team as require_team,
    )
    from goudenoor.audit._graph import (
        DEFAULT_RISK_THRESHOLD as DEFAULT_RISK_THRESHOLD,
    )
    from goudenoor.audit._graph import (
        GRAPH_FORMAT as GRAPH_FORMAT,
    )
    from goudenoor.audit._graph import (
        GRAPH_SHAPE as GRAPH_SHAPE,
    )
    from goudenoor.audit._graph import (
        Risk as Risk,
    )
    from goudenoor.audit._graph import (
        at_risk as at_risk,
    )
    from goudenoor.audit._graph import (
        drivers as drivers,
    )
    from goudenoor.audit._graph import (
        effects as effects,
    )
    from goudenoor.audit._graph import (
        influence_graph as influence_graph,
    )
    from goudenoor.audit._graph import (
        paths as paths,
    )
    from goudenoor.audit._graph import (
        scored_graph as scored_graph,
    )
    from goudenoor.audit._graph import (
        structure_graph as structure_graph,
    )
    from goudenoor.audit._graph import (
        to_dot as to_dot,
    )
    from goudenoor.audit._graph import (
        to_graphml as to_graphml,
    )
    from goudenoor.audit._graph import (
        to_json as to_json,
    )
    from goudenoor.audit._graph import (
        to_mermaid as to_mermaid,
    )
    from goudenoor.audit._migration import (
        MIGRATION_FORMAT as MIGRATION_FORMAT,
    )
    from goudenoor.audit._migration import (
        DropCause as DropCause,
    )
    from goudenoor.audit._migration import (
        DroppedRating as DroppedRating,
    )
    from goudenoor.audit._migration import (
        Migration as Migration,
    )
    from goudenoor.audit._migration import (
        Outcome as Outcome,
    )
    from goudenoor.audit._migration import (
        OutcomeStatus as OutcomeStatus,
    )
    from goudenoor.audit._migration import (
        corresponding_checkpoints as corresponding_checkpoints,
    )
    from goudenoor.audit._migration import (
        migrate_assessment as migrate_assessment,
    )
    from goudenoor.audit._scoring import (
        SCORECARD_FORMAT as SCORECARD_FORMAT,
    )
    from goudenoor.audit._scoring import (
        AreaResult as AreaResult,
    )
    from goudenoor.audit._scoring import (
        EvidencePolicy as EvidencePolicy,
    )
    from goudenoor.audit._scoring import (
        Gap as Gap,
    )
    from goudenoor.audit._scoring import (
        Improvement as Improvement,
    )
    from goudenoor.audit._scoring import (
        RequirementResult as RequirementResult,
    )
    from goudenoor.audit._scoring import (
        RequirementStatus as RequirementStatus,
    )
    from goudenoor.audit._scoring import (
        ScoreCard as ScoreCard,
    )
    from goudenoor.audit._scoring import (
        ScoreWarning as ScoreWarning,
    )
    from goudenoor.audit._scoring import (
        ScoringMethod as ScoringMethod,
    )
    from goudenoor.audit._scoring import (
        card_of as card_of,
    )
    from goudenoor.audit._scoring import (
        format_points as format_points,
    )
    from goudenoor.audit._scoring import (
        register_method as register_method,
    )
    from goudenoor.audit._scoring import (
        score as score,
    )
    from goudenoor.audit._scoring import (
        scoring_methods as scoring_methods,
    )
    from goudenoor.audit._scoring import (
        what_if as what_if,
    )


_EXPORTS: Final[dict[str, str]] = {
    "AreaChange": "_comparison",
    "AreaResult": "_scoring",
    "Assessment": "_assessment",
    "assessment_problems": "_assessment",
    "at_risk": "_graph",
    "Audit": "_audit",
    "AuditorValue": "_consensus",
    "card_of": "_scoring",
    "check_assessment": "_assessment",
    "compare": "_comparison",
    "Comparison": "_comparison",
    "COMPARISON_FORMAT": "_comparison",
    "ComparisonNote": "_comparison",
    "Consensus": "_consensus",
    "consensus": "_consensus",
    "CONSENSUS_FORMAT": "_consensus",
    "consensus_rules": "_consensus",
    "ConsensusError": "_consensus",
    "ConsensusRule": "_consensus",
    "corresponding_checkpoints": "_migration",
    "DEFAULT_RISK_THRESHOLD": "_graph",
    "Disagreement": "_consensus",
    "DisagreementKind": "_consensus",
    "drivers": "_graph",
    "DropCause": "_migration",
    "DroppedRating": "_migration",
    "EARLIEST_DATE": "_assessment",
    "effects": "_graph",
    "Evidence": "_assessment",
    "EvidenceKind": "_assessment",
    "EvidencePolicy": "_scoring",
    "format_points": "_scoring",
    "Gap": "_scoring",
    "GRAPH_FORMAT": "_graph",
    "GRAPH_SHAPE": "_graph",
    "Improvement": "_scoring",
    "influence_graph": "_graph",
    "LATEST_DATE": "_assessment",
    "migrate_assessment": "_migration",
    "Migration": "_migration",
    "MIGRATION_FORMAT": "_migration",
    "MigrationOrigin": "_assessment",
    "ordinal_alpha": "_consensus",
    "Outcome": "_migration",
    "OutcomeStatus": "_migration",
    "paths": "_graph",
    "Rating": "_assessment",
    "Ratings": "_assessment",
    "register_method": "_scoring",
    "register_rule": "_consensus",
    "require_team": "_consensus",
    "RequirementChange": "_comparison",
    "RequirementResult": "_scoring",
    "RequirementStatus": "_scoring",
    "Review": "_assessment",
    "Risk": "_graph",
    "score": "_scoring",
    "ScoreCard": "_scoring",
    "SCORECARD_FORMAT": "_scoring",
    "scored_graph": "_graph",
    "ScoreWarning": "_scoring",
    "scoring_methods": "_scoring",
    "ScoringMethod": "_scoring",
    "split_audits": "_audit",
    "standard_and_assessment": "_audit",
    "structure_graph": "_graph",
    "to_dot": "_graph",
    "to_graphml": "_graph",
    "to_json": "_graph",
    "to_mermaid": "_graph",
    "what_if": "_scoring",
}
"""Each public name -> the module that defines it, imported when first used."""

__all__ = list(_EXPORTS)

__getattr__, __dir__ = _lazy.exports(__name__, _EXPORTS)
