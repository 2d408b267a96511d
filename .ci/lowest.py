"""
Print pip constraints that pin goudenoor's direct dependencies to the
lowest versions its ``pyproject.toml`` allows (their ``>=`` floors).

``python .ci/lowest.py pyproject.toml`` pins the runtime dependencies, the
user-facing extras (``report``, ``xlsx``, ``dataframe``) and the libraries the tests
import (pytest, pytest-xdist, Hypothesis, Sybil, jsonschema, krippendorff,
Playwright). The linters and type
checkers are not pinned: this run does not use them.

``python .ci/lowest.py --build pyproject.toml`` pins the build system's
requirements (hatchling and what the build hook imports).

``.ci/run`` builds the wheel with the build floors, installs it with the
other floors and runs the tests, so that a floor that is too low fails CI.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path


TESTED_TOOLS = frozenset(
    {
        "pytest",
        "pytest-xdist",
        "hypothesis",
        "sybil",
        "jsonschema",
        "krippendorff",
        "playwright",
    }
)
FLOOR = re.compile(r"^([A-Za-z0-9._-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*$")


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~\[;]", requirement, maxsplit=1)[0]


def floors(pyproject: Path, *, build: bool = False) -> list[str]:
    """
    ``name==floor`` for each dependency this run pins, in file order.
    """
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    if build:
        wanted = config["build-system"]["requires"]
    else:
        project = config["project"]
        extras = project["optional-dependencies"]
        wanted = [
            *project["dependencies"],
            *extras["report"],
            *extras["xlsx"],
            *extras["dataframe"],
            *(d for d in extras["test"] if _name(d) in TESTED_TOOLS),
        ]
    pins = []
    for requirement in wanted:
        match = FLOOR.match(requirement)
        if match is None:
            sys.exit(f"no '>=' floor to pin in {requirement!r}")
        pins.append(f"{match[1]}=={match[2]}")
    return pins


if __name__ == "__main__":
    arguments = sys.argv[1:]
    build = arguments[:1] == ["--build"]
    print("\n".join(floors(Path(arguments[-1]), build=build)))
