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
        ASSESSMENT_KINDS as ASSESSMENT_KINDS,
        EARLIEST_DATE as EARLIEST_DATE,
        FINDING_KINDS as FINDING_KINDS,
        FINDING_STATUSES as FINDING_STATUSES,
        LATEST_DATE as LATEST_DATE,
        Assessment as Assessment,
        AssessmentKind as AssessmentKind,
        Evidence as Evidence,
        EvidenceKind as EvidenceKind,
        Finding as Finding,
        FindingKind as FindingKind,
        FindingStatus as FindingStatus,
        FindingUpdate as FindingUpdate,
        MigrationOrigin as MigrationOrigin,
        Rating as Rating,
        Ratings as Ratings,
        Review as Review,
        Severity as Severity,
        assessment_problems as assessment_problems,
        check_assessment as check_assessment,
    )
    from goudenoor.audit._audit import (
        Audit as Audit,
        split_audits as split_audits,
        standard_and_assessment as standard_and_assessment,
    )
    from goudenoor.audit._comparison import (
        COMPARISON_FORMAT as COMPARISON_FORMAT,
        AreaChange as AreaChange,
        Comparison as Comparison,
        ComparisonNote as ComparisonNote,
        RequirementChange as RequirementChange,
        compare as compare,
    )
    from goudenoor.audit._consensus import (
        CONSENSUS_FORMAT as CONSENSUS_FORMAT,
        AuditorValue as AuditorValue,
        Consensus as Consensus,
        ConsensusError as ConsensusError,
        ConsensusRule as ConsensusRule,
        Disagreement as Disagreement,
        DisagreementKind as DisagreementKind,
        consensus as consensus,
        consensus_rules as consensus_rules,
        ordinal_alpha as ordinal_alpha,
        register_rule as register_rule,
        require_team as require_team,
    )
    from goudenoor.audit._graph import (
        DEFAULT_RISK_THRESHOLD as DEFAULT_RISK_THRESHOLD,
        GRAPH_FORMAT as GRAPH_FORMAT,
        GRAPH_SHAPE as GRAPH_SHAPE,
        Risk as Risk,
        at_risk as at_risk,
        drivers as drivers,
        effects as effects,
        influence_graph as influence_graph,
        paths as paths,
        scored_graph as scored_graph,
        structure_graph as structure_graph,
        to_dot as to_dot,
        to_graphml as to_graphml,
        to_json as to_json,
        to_mermaid as to_mermaid,
    )
    from goudenoor.audit._migration import (
        MIGRATION_FORMAT as MIGRATION_FORMAT,
        DropCause as DropCause,
        DroppedRating as DroppedRating,
        Migration as Migration,
        Outcome as Outcome,
        OutcomeStatus as OutcomeStatus,
        corresponding_checkpoints as corresponding_checkpoints,
        migrate_assessment as migrate_assessment,
    )
    from goudenoor.audit._scoring import (
        POINT_KEYS as POINT_KEYS,
        SCORECARD_FORMAT as SCORECARD_FORMAT,
        AreaResult as AreaResult,
        EvidencePolicy as EvidencePolicy,
        Gap as Gap,
        Improvement as Improvement,
        RequirementResult as RequirementResult,
        RequirementStatus as RequirementStatus,
        ScoreCard as ScoreCard,
        ScoreWarning as ScoreWarning,
        ScoringMethod as ScoringMethod,
        card_of as card_of,
        format_points as format_points,
        register_method as register_method,
        score as score,
        scoring_methods as scoring_methods,
        what_if as what_if,
    )


_EXPORTS: Final[dict[str, str]] = {
    "ASSESSMENT_KINDS": "_assessment",
    "FINDING_KINDS": "_assessment",
    "FINDING_STATUSES": "_assessment",
    "AssessmentKind": "_assessment",
    "Finding": "_assessment",
    "FindingKind": "_assessment",
    "FindingStatus": "_assessment",
    "FindingUpdate": "_assessment",
    "Severity": "_assessment",
    "POINT_KEYS": "_scoring",
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
