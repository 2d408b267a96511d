"""
The first call of most programs, ``load_standard``, imports only what it
needs: the model and the precompiled cache, not the YAML reader, the
converter, the portfolio's process pool or any extra.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SHIPPED


HEAVY = (
    "multiprocessing",
    "concurrent.futures",
    "networkx",
    "jinja2",
    "matplotlib",
    "openpyxl",
)
"""Never imported to load an edition, from the cache or from YAML."""

PARSING = ("yaml", "cattrs")
"""Imported only to parse YAML: not when the precompiled cache is used."""

FIRST_LOAD = [
    "goudenoor",
    "goudenoor._checks",
    "goudenoor._lazy",
    "goudenoor._moved",
    "goudenoor.exceptions",
    "goudenoor.files",
    "goudenoor.files._edition",
    "goudenoor.files._precompile",
    "goudenoor.problems",
    "goudenoor.standard",
    "goudenoor.standard._model",
]
"""The goudenoor modules a first load from the cache imports: a new one is
a deliberate edit of this list."""

CACHED = (SHIPPED / "editions" / "gos-2016.pickle").is_file()


def _loaded_after(code: str) -> list[str]:
    """
    The modules loaded in a fresh interpreter after *code*, apart from
    those loaded at start-up.
    """
    script = (
        "import json, sys\n"
        "before = set(sys.modules)\n"
        f"{code}\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(done.stdout)
    return loaded


def _matching(loaded: list[str], names: tuple[str, ...]) -> list[str]:
    return [
        module
        for module in loaded
        if any(module == name or module.startswith(f"{name}.") for name in names)
    ]


@pytest.mark.skipif(
    not CACHED,
    reason="no precompiled cache: a source tree that was not installed "
    "(pip install -e . writes it)",
)
def test_first_load_from_the_cache() -> None:
    """
    ``import goudenoor as go; go.load_standard("gos-2016")`` from the
    precompiled cache imports the model and the cache reader, nothing more.
    """
    loaded = _loaded_after('import goudenoor as go\ngo.load_standard("gos-2016")')

    assert [] == _matching(loaded, HEAVY + PARSING)
    assert FIRST_LOAD == [name for name in loaded if name.startswith("goudenoor")]


def test_load_from_yaml_imports_no_pool_or_extra() -> None:
    """
    Parsing an edition's YAML (what a load without the cache does) needs
    the YAML reader and the converter, but not the portfolio's process
    pool, networkx or an extra.
    """
    path = SHIPPED / "editions" / "gos-2016.yaml"

    code = f"import goudenoor as go\ngo.load_standard_file({str(path)!r})"

    loaded = _loaded_after(code)

    assert [] == _matching(loaded, HEAVY)
    assert ["cattrs", "yaml"] == sorted(
        {module.split(".")[0] for module in _matching(loaded, PARSING)}
    )
