"""
Shared fixtures and the Hypothesis profiles.

Set ``HYPOTHESIS_PROFILE=long`` for a longer property run.
"""

from __future__ import annotations

import os
from pathlib import Path

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


@pytest.fixture(name="std2012")
def _std2012() -> go.Standard:
    return go.load_standard("gos-2012")


@pytest.fixture(name="std2016")
def _std2016() -> go.Standard:
    return go.load_standard("gos-2016")
