"""
The benchmark runner (``python -m benchmarks``) runs and prints its table:
a smoke run with ``--quick``. Its timings are not tested.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from browser import chromium
from conftest import ROOT
from helpers import run_python


ROWS = (
    "import",
    "import above start-up",
    "first call",
    "first load",
    "second load",
    "scoring",
    "scoring, checked",
    "linear growth, score",
    "linear growth, apply",
    "near the limit, 0.25x",
    "near the limit, 0.5x",
    "near the limit, 1x",
    "linear growth, near the limit",
    "CLI score",
    "CLI score vs libraries",
    "portfolio",
    "portfolio, jobs=2",
    "portfolio memory per file",
    "status, linear",
    "evidence, hash",
    "journal verify",
    "form size",
    "form open",
    "sample, draw",
    "sample, growth",
    "sample, memory per record",
)
"""The table's rows apart from the one per growth size."""


def _benchmarks(stdout: str) -> list[str]:
    """
    The first column of the table's rows.
    """
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("benchmark "))
    return [
        line.split(" | ")[0].strip()
        for line in lines[start + 2 :]
        if " | " in line and not line.startswith(" ")
    ]


def test_runner_quick(tmp_path: Path) -> None:
    """
    ``python -m benchmarks --quick --json PATH`` prints every row, with an
    explanation under each, and writes the same rows as JSON.
    """
    figures = tmp_path / "figures.json"

    done = run_python(
        "-m", "benchmarks", "--quick", "--json", figures, cwd=ROOT, timeout=120
    )

    assert 0 == done.returncode, done.stderr
    benchmarks = _benchmarks(done.stdout)
    growth = [name for name in benchmarks if re.fullmatch(r"growth, \d+ reqs", name)]
    assert 3 == len(growth), benchmarks
    assert list(ROWS) == [name for name in benchmarks if name not in growth]
    for name in ("benchmark", "contestant", "baseline", "ratio", "target", "met?"):
        assert name in done.stdout.splitlines()[2]
    assert "minimum (noise only adds time) of 1 fresh process each" in done.stdout
    # The form's opening time has a target only where there is a Chromium.
    targets = 21 if chromium() is not None else 20
    assert re.search(rf"^targets: \d+ of {targets} met", done.stdout, re.MULTILINE)

    data = json.loads(figures.read_text(encoding="utf-8"))
    assert benchmarks == [row["benchmark"] for row in data["rows"]]
    for row in data["rows"]:
        # At least 0: the rows above start-up are differences of noisy
        # minimums, and one process each can leave nothing above it.
        assert row["ratio"] >= 0
        assert row["explanation"]
        assert (row["target"] is None) == (row["met"] is None)
    assert {
        "import",
        "first-call",
        "load",
        "scoring",
        "growth",
        "limits",
        "cli",
        "portfolio",
        "status",
        "evidence",
        "journal",
        "form",
        "sample",
    } == set(data["details"])
    assert [40, 80, 160] == [size["requirements"] for size in data["details"]["growth"]]
    sample = data["details"]["sample"]
    assert (10_000, 1_000, 59) == (
        sample["records"],
        sample["growth_records"],
        sample["size"],
    )
    limits = data["details"]["limits"]
    assert [0.25, 0.5, 1.0] == [size["fraction"] for size in limits["sizes"]]


def test_runner_first_call_and_cli_rows() -> None:
    """
    ``--only first-call cli`` prints the two whole-process rows with a
    target, each against its baseline, and the CLI row for information.
    """
    done = run_python(
        "-m",
        "benchmarks",
        "--quick",
        "--only",
        "first-call",
        "cli",
        cwd=ROOT,
        timeout=300,
    )

    assert 0 == done.returncode, done.stderr
    assert ["first call", "CLI score", "CLI score vs libraries"] == _benchmarks(
        done.stdout
    )
    rows = {
        line.split(" | ")[0].strip(): [cell.strip() for cell in line.split(" | ")]
        for line in done.stdout.splitlines()
        if " | " in line and not line.startswith(" ")
    }
    assert "import attrs, yaml + CSafeLoader" in rows["first call"][2]
    assert "<= 1x" == rows["first call"][4]
    assert "import attrs, cattrs, yaml" in rows["CLI score vs libraries"][2]
    assert "<= 1.5x" == rows["CLI score vs libraries"][4]
    assert re.search(r"^targets: \d+ of 2 met", done.stdout, re.MULTILINE)


def test_runner_as_script_with_only() -> None:
    """
    ``python benchmarks/run.py --only scoring`` prints just the scoring rows.
    """
    done = run_python(
        ROOT / "benchmarks" / "run.py",
        "--quick",
        "--only",
        "scoring",
        cwd=ROOT,
        timeout=120,
    )

    assert 0 == done.returncode, done.stderr
    assert ["scoring", "scoring, checked"] == _benchmarks(done.stdout)
    assert "targets: " in done.stdout
