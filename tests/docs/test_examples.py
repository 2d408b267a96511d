"""
Every file in examples/ runs, and its output says what a reader expects.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from helpers import run_python


EXAMPLES = ROOT / "examples"


def test_every_example_is_covered() -> None:
    """
    Each example script has a test below or in its own test file (so none
    can rot unnoticed): large_portfolio.py in test_large_portfolio_example.py.
    """
    assert {"audit_script.py", "large_portfolio.py"} == {
        p.name for p in EXAMPLES.glob("*.py")
    }


def test_audit_script() -> None:
    """
    The custom audit script prints totals, level and three improvements.
    """
    done = run_python(EXAMPLES / "audit_script.py")

    assert (0, "") == (done.returncode, done.stderr)
    lines = done.stdout.splitlines()
    assert (
        "Woonstichting Lindewaard (Gouden Oor Standaard 2012, 2026-10-01)" == lines[0]
    )
    assert "Total 50.00 of 100 points: Gecommitteerd" in lines
    start = lines.index("Three improvements that pay most:")
    assert [
        "2.2",
        "3.2",
        "9.2",
    ] == [line.split()[1] for line in lines[start + 1 : start + 4]]


@pytest.mark.parametrize("name", ["nope.yaml"])
def test_audit_script_bad_file(name: str) -> None:
    """
    The script reports a bad file in one line, exit code 2.
    """
    done = run_python(EXAMPLES / "audit_script.py", name)

    assert 2 == done.returncode
    assert done.stderr.startswith("cannot use nope.yaml: nope.yaml: cannot read file")
