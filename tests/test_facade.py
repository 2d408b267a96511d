"""
The facade: one table of public names (goudenoor._PUBLIC), the
TYPE_CHECKING imports that mirror it, and a cheap `import goudenoor`.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import goudenoor as go
from helpers import run_python


INIT = Path(go.__file__)

EXPECTED = frozenset(
    {
        # Sampling records (issue 27).
        "Sample",
        "SampleEvaluation",
        "SamplePlan",
        "SamplingError",
        "evaluate_sample",
        "sample_size",
        # Calibration of a self-assessment against the audit (issue 28).
        "AreaCalibration",
        "Calibration",
        "CalibrationError",
        "NotApplicableDisagreement",
        "OverClaim",
        "RequirementDifference",
        "calibrate",
        # Registers, sample files and evidence from a sample (issue 27).
        "add_evidence",
        "draw_sample",
        "dump_sample",
        "load_sample",
        "loads_sample",
        "save_sample",
        "verify_sample",
        # The self-assessment questionnaire (issue 28).
        "Questionnaire",
        "questionnaire",
        # Evidence with a fingerprint (issue 26).
        "EvidenceCheck",
        "hash_evidence",
        "verify_evidence",
        # The journal of rating changes (issue 26).
        "Journal",
        "JournalEntry",
        "JournalError",
        "load_journal",
        "rate",
        # After the score (issue 25).
        "Finding",
        "FindingUpdate",
        "RecognitionError",
        "RecognitionRules",
        "RecognitionStatus",
        "carry_findings",
        "findings_on",
        "recognition_status",
        "ASSESSMENT_FORMAT",
        "Audit",
        "audit_from_mapping",
        "load_audit",
        "crosswalk_from_mapping",
        "extension_from_mapping",
        "load_extension_file",
        "loads_standard",
        "translation_from_mapping",
        "loads_audit",
        "audit",
        "interchange",
        "portfolio",
        "standard",
        "to_oscal_results",
        "to_oscal_catalog",
        "to_oscal_mapping",
        "from_oscal_mapping",
        "to_oscal_poam",
        # OSCAL results read back (issue 29).
        "from_oscal_results",
        "OscalImport",
        "to_ciso_assistant_library",
        "register_rule",
        "consensus_rules",
        "consensus",
        "load_portfolio",
        "Portfolio",
        "RefusedFile",
        "PortfolioSummary",
        "rollup",
        "Rollup",
        "RollupError",
        "AreaRollup",
        "percentile_ranks",
        "PercentileRanks",
        "trend",
        "Trend",
        "AreaTrend",
        "Disagreement",
        "ConsensusError",
        "Consensus",
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
        "Crosswalk",
        "EditionDiff",
        "Evidence",
        "Extension",
        "ExtensionError",
        "FileFormatError",
        "Gap",
        "GoudenoorError",
        "Improvement",
        "Influence",
        "InfluenceRemoval",
        "InstalledExtension",
        "Migration",
        "MissingExtraError",
        "ModelError",
        "OutputError",
        "Overrides",
        "Parameter",
        "Principle",
        "Problem",
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
        "Review",
        "Risk",
        "Scale",
        "ScaleLevel",
        "ScoreCard",
        "ScoreWarning",
        "ScoringError",
        "ScoringMethod",
        "Source",
        "Standard",
        "TRANSLATION_FORMAT",
        "Term",
        "Theme",
        "Translation",
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
        "crosswalks",
        "diff_editions",
        "drivers",
        "dump_assessment",
        "editions",
        "effects",
        "exceptions",
        "extension_problems",
        "influence_graph",
        "load_assessment",
        "load_crosswalk",
        "load_crosswalk_file",
        "load_extension",
        "load_standard",
        "load_standard_file",
        "load_translation",
        "load_translation_file",
        "loads_assessment",
        "loads_crosswalk",
        "loads_extension",
        "loads_translation",
        "migrate",
        "paths",
        "load_workbook",
        "register_method",
        "render_report",
        "save_assessment",
        "scored_graph",
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
        "translation_problems",
        "translations",
        "what_if",
        "save_workbook",
    }
)
"""Every public name: a new one is a deliberate edit of this test."""


def _type_checking_imports() -> tuple[set[tuple[str, str]], list[str]]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    found: set[tuple[str, str]] = set()
    not_reexported: list[str] = []
    for node in tree.body:
        if not (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"):
            continue
        for statement in node.body:
            assert isinstance(statement, ast.ImportFrom), ast.unparse(statement)
            assert 1 == statement.level, ast.unparse(statement)
            for alias in statement.names:
                if alias.asname != alias.name:
                    not_reexported.append(alias.name)
                if statement.module is None:
                    found.add((alias.name, alias.name))
                else:
                    found.add((alias.name, statement.module))
    return found, not_reexported


def test_type_checking_block_mirrors_the_table() -> None:
    found, not_reexported = _type_checking_imports()
    assert set(go._PUBLIC.items()) == found
    assert [] == not_reexported


def test_all_is_the_table() -> None:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    assigned = [
        ast.unparse(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", None) == "__all__" for t in node.targets)
    ]
    assert ["list(_PUBLIC)"] == assigned
    assert list(go._PUBLIC) == go.__all__


def test_no_public_name_lost_or_added() -> None:
    assert set() == EXPECTED - set(go.__all__)
    assert set() == set(go.__all__) - EXPECTED


@pytest.mark.parametrize(("name", "module"), sorted(go._PUBLIC.items()))
def test_each_name_comes_from_its_home(name: str, module: str) -> None:
    home = importlib.import_module(f"goudenoor.{module}")
    value = getattr(go, name)
    if name == module:
        assert home is value
        return
    assert getattr(home, name) is value
    defined_in = getattr(value, "__module__", None)
    if defined_in is not None and not isinstance(value, str):
        assert defined_in.startswith(f"goudenoor.{module}"), defined_in


def test_import_goudenoor_loads_nothing_else() -> None:
    code = (
        "import sys, goudenoor\n"
        "heavy = ('yaml', 'cattrs', 'networkx', 'jinja2', 'matplotlib', 'openpyxl',"
        " 'pandas')\n"
        "print(sorted(m for m in sys.modules if m.startswith('goudenoor.')"
        " or m.split('.')[0] in heavy))"
    )
    out = run_python("-c", code, check=True).stdout
    # The finder that keeps the old module paths working, and nothing else.
    assert "['goudenoor._moved']" == out.strip()


def test_unknown_name() -> None:
    with pytest.raises(AttributeError) as info:
        _ = go.no_such_name
    assert "module 'goudenoor' has no attribute 'no_such_name'" == str(info.value)
