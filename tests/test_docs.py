"""
Documentation that runs: the README's Python blocks and the doctests in the
package's docstrings.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import re
from pathlib import Path

import pytest


ROOT = Path(__file__).parent.parent
MODULES = [
    "goudenoor",
    "goudenoor.exceptions",
    "goudenoor.io",
    "goudenoor.model",
    "goudenoor.scoring",
]


def python_blocks(path: Path) -> list[str]:
    """
    The ```python fenced blocks of a Markdown file.
    """
    text = path.read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("module", MODULES)
def test_doctests(module: str) -> None:
    """
    Every docstring example of the module passes.
    """
    result = doctest.testmod(importlib.import_module(module))

    assert 0 == result.failed


def test_readme_blocks_run() -> None:
    """
    The README's Python example runs and prints what its comments say.
    """
    blocks = python_blocks(ROOT / "README.md")
    out = io.StringIO()

    assert blocks
    with contextlib.redirect_stdout(out):
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})  # noqa: S102

    printed = out.getvalue()
    for expected in (
        "5 organisation 10.0\n",
        "Escaleren - Er is een uniform kader",
        "5.1.a uniformiteit in geboden oplossingen bij klachten\n",
        "('gos-2012', 'gos-2016') 29\n",
    ):
        assert expected in printed
