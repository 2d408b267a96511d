"""
Shared fixtures and the Hypothesis profiles.

Set ``HYPOTHESIS_PROFILE=long`` for a longer property run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import pytest
from hypothesis import HealthCheck, settings

import goudenoor as go


settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=2_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
SOURCES = DATA / "sources"
# The package's own data where it is installed (the wheel test runs with
# src/ out of the way), not the checkout's src/.
SHIPPED = Path(go.__file__).parent / "data"
EXAMPLE_AUDIT: Final = ROOT / "examples" / "audit-2012.yaml"
"""The example audit of gos-2012 that the README scores."""


@pytest.fixture(name="std2012")
def _std2012() -> go.Standard:
    return go.load_standard("gos-2012")


@pytest.fixture(name="std2016")
def _std2016() -> go.Standard:
    return go.load_standard("gos-2016")


@pytest.fixture(name="example_card")
def _example_card(std2012: go.Standard) -> go.ScoreCard:
    return go.score(std2012, go.load_assessment(EXAMPLE_AUDIT))
