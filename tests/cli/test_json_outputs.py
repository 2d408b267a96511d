"""
Every JSON output the command can give is strict JSON: no ``NaN``, no
``Infinity`` (which Python's ``json`` writes and every other parser
refuses), run on the bundled examples.

The commands are found in the parser: a command (or subcommand) with a
``--format`` that offers ``json`` must have a run here, and so must each
kind of ``goudenoor schema``. A new JSON output therefore fails this test
until it is added.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from goudenoor.cli import build_parser
from helpers import run


EXAMPLES = ROOT / "examples"
HISTORY = sorted(str(path) for path in (EXAMPLES / "history").glob("*.yaml"))
SITES = sorted(str(path) for path in (EXAMPLES / "sites").glob("*.yaml"))
SECTOR = sorted(str(path) for path in (EXAMPLES / "sector").glob("*.yaml"))
TEAM = sorted(str(path) for path in (EXAMPLES / "team").glob("*.yaml"))
AUDIT = str(EXAMPLES / "audit-2012.yaml")
WEIGHTS = (
    "--weight", "Locatie Oosterhof=1000000",
    "--weight", "Thuiszorg Noord=5e-324",
    "--weight", "Locatie Westerkim=1",
)  # fmt: skip


def _subcommands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    found: dict[tuple[str, ...], argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[(*prefix, name)] = sub
                found.update(_subcommands(sub, (*prefix, name)))
    return found


def _json_outputs() -> set[tuple[str, ...]]:
    """
    Each command with a JSON output: ``("score",)``, ``("oscal", "results")``;
    each schema kind as ``("schema", KIND)``.
    """
    found: set[tuple[str, ...]] = set()
    for command, parser in _subcommands(build_parser()).items():
        for action in parser._actions:
            if command == ("schema",) and action.dest == "format":
                found.update(("schema", kind) for kind in action.choices or ())
            elif "--format" in action.option_strings and "json" in (
                action.choices or ()
            ):
                found.add(command)
    return found


FINDINGS_FOLDER = str(DATA / "findings")
FINDINGS_AUDIT = str(DATA / "findings" / "zuiderlicht-noord-2025.yaml")
EVIDENCE_AUDIT = str(DATA / "evidence" / "audit.yaml")


def _runs(out: Path) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each JSON output's runs on the examples (argv after ``goudenoor``)."""
    json_ = ("--format", "json")
    runs: dict[tuple[str, ...], list[tuple[str, ...]]] = {
        ("editions",): [("editions", *json_)],
        ("show",): [("show", "gos-2012", *json_), ("show", "gos-2016", "5", *json_)],
        ("questionnaire",): [
            ("questionnaire", "gos-2016", *json_),
            ("questionnaire", "gos-2012", "--language", "en", "--areas", "5", *json_),
        ],
        ("score",): [("score", AUDIT, *json_)],
        ("report",): [("report", AUDIT, *json_, "--compare", HISTORY[0])],
        ("compare",): [("compare", HISTORY[-1], AUDIT, *json_)],
        ("graph",): [("graph", "gos-2012", "--assessment", AUDIT, *json_)],
        ("extensions",): [("extensions", *json_)],
        ("validate",): [("validate", AUDIT, *HISTORY, *json_)],
        ("diff",): [("diff", "gos-2012", "gos-2016", *json_)],
        ("migrate",): [("migrate", AUDIT, "--to", "gos-2016", "--dry-run", *json_)],
        ("consensus",): [
            ("consensus", *TEAM, "-o", str(out / "consensus.yaml"), *json_)
        ],
        ("calibrate",): [
            ("calibrate", str(EXAMPLES / "self-2012.yaml"), AUDIT, *json_)
        ],
        ("oscal", "catalog"): [("oscal", "catalog", "gos-2016", *json_)],
        ("oscal", "results"): [("oscal", "results", AUDIT, *json_)],
        ("oscal", "poam"): [
            ("oscal", "poam", str(DATA / "findings-2012.yaml"), *json_)
        ],
        ("oscal", "mapping"): [("oscal", "mapping", "gos-2012", "gos-2016", *json_)],
        ("portfolio",): [
            ("portfolio", *SECTOR, "--level", level, *json_)
            for level in ("total", "area", "requirement")
        ]
        + [("portfolio", *SECTOR, *SITES, "--summary", *json_)],
        ("rollup",): [
            ("rollup", *SITES, *json_),
            ("rollup", *SITES, "--rule", "min", *json_),
            ("rollup", *SITES, *json_, *WEIGHTS),
        ],
        ("benchmark",): [("benchmark", SECTOR[0], "--against", *SECTOR, *json_)],
        ("trend",): [("trend", *HISTORY, AUDIT, *json_)],
        ("findings",): [("findings", FINDINGS_AUDIT, "--as-of", "2025-10-01", *json_)],
        ("status",): [("status", FINDINGS_FOLDER, "--as-of", "2025-10-01", *json_)],
        ("sample", "plan"): [
            ("sample", "plan", "--confidence", "0.95", "--tolerable", "0.05", *json_),
            (
                "sample",
                "plan",
                "--confidence",
                "0.95",
                "--tolerable",
                "0.05",
                "--population",
                "200",
                *json_,
            ),
        ],
        ("sample", "evaluate"): [
            (
                "sample",
                "evaluate",
                str(DATA / "sample" / "sample.yaml"),
                "--deviations",
                "1",
                *json_,
            )
        ],
        ("evidence", "verify"): [
            ("evidence", "verify", EVIDENCE_AUDIT, "--as-of", "2026-11-01", *json_)
        ],
    }
    schemas = {command for command in _json_outputs() if command[0] == "schema"}
    runs.update({command: [command] for command in schemas})
    return runs


def _refuse(constant: str) -> float:
    pytest.fail(f"not strict JSON: {constant}")


def test_every_json_output_is_strict_json(tmp_path: Path) -> None:
    runs = _runs(tmp_path)

    assert _json_outputs() == set(runs)
    for argvs in runs.values():
        for argv in argvs:
            code, out = run(*argv)
            assert (argv, 0) == (argv, code)
            assert isinstance(json.loads(out, parse_constant=_refuse), dict)
