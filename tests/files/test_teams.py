"""
go.consensus: the facade's consensus loads the standard the assessments
name (issue 17).
"""

from __future__ import annotations

import goudenoor as go
from conftest import ROOT
from goudenoor.audit._consensus import consensus as domain_consensus
from helpers import run_python


TEAM = ROOT / "examples" / "team"


def test_loads_the_standard_the_assessments_name() -> None:
    team = [go.load_assessment(TEAM / f"auditor-{x}.yaml") for x in "abc"]
    standard = go.load_standard("gos-2012")

    result = go.consensus(team, rule="min", spread=1)

    expected = domain_consensus(standard, team, rule="min", spread=1)
    assert expected == result
    assert "gos-2012" == result.standard.id
    assert expected == go.consensus(team, rule="min", spread=1, standard=standard)


def test_the_function_is_not_shadowed_by_a_module() -> None:
    """
    Importing the domain module first leaves go.consensus the function.
    """
    code = (
        "import goudenoor.audit._consensus, goudenoor.files, goudenoor as go; "
        "print(go.consensus.__module__)"
    )

    found = run_python("-c", code, check=True)

    assert "goudenoor.files._team\n" == found.stdout
