"""
The kinds of document ``goudenoor schema KIND`` has a JSON Schema of, in
the order its ``--help`` lists them: a module of its own, so that the
command line can offer the choices without building any schema.
"""

from __future__ import annotations


__all__ = ["SCHEMA_KINDS"]


def __dir__() -> list[str]:
    return __all__


SCHEMA_KINDS: tuple[str, ...] = (
    *("assessment", "extension", "translation", "crosswalk", "sample"),
    *("scorecard", "comparison", "edition-diff", "migration", "consensus"),
    "calibration",
    *("rollup", "portfolio", "percentile-ranks", "trend", "portfolio-summary"),
    *("findings", "status", "evidence-check", "sample-plan", "sample-evaluation"),
    *("editions", "standard", "extensions", "validation", "graph"),
    "questionnaire",
)
"""The kinds ``goudenoor schema KIND`` prints a JSON Schema of (each has
one: tests/files/test_generated_schemas.py)."""
