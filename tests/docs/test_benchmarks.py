"""
The benchmark scripts run (a small smoke run; their timings are not tested).
"""

from __future__ import annotations

from conftest import ROOT
from helpers import run_python


def test_bench_scoring_smoke() -> None:
    """
    bench_scoring.py agrees with its baseline and prints its table.
    """
    done = run_python(
        ROOT / "benchmarks" / "bench_scoring.py", "--n", "50", "--repeat", "1"
    )

    assert (0, "") == (done.returncode, done.stderr)
    assert "plain-dict baseline" in done.stdout
    assert "target: score(check=False) <= 2.0x baseline" in done.stdout
