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


ROOT = Path(__file__).parent.parent.parent
MODULES = [
    "goudenoor",
    "goudenoor.exceptions",
    "goudenoor.files",
    "goudenoor.audit._graph",
    "goudenoor.audit._sampling",
    "goudenoor.standard._model",
    "goudenoor.audit._scoring",
    "goudenoor.audit._calibration",
    "goudenoor.portfolio._rollup",
    "goudenoor.portfolio._benchmark",
    "goudenoor.files._rollup",
    "goudenoor._text",
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


def expected_fragments(block: str) -> list[str]:
    """
    The output a block's comments promise: for every ``print(...)  # text``
    line, the parts of *text* between ``...`` ellipses.
    """
    fragments: list[str] = []
    for line in block.splitlines():
        code, _, comment = line.partition("  # ")
        if code.lstrip().startswith("print(") and comment:
            parts = re.split(r"\[?\.\.\.\]?", comment)
            fragments += [part.strip() for part in parts if part.strip()]
    return fragments


DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCKS = [
    (path.relative_to(ROOT).as_posix(), index)
    for path in DOCUMENTS
    for index in range(len(python_blocks(path)))
]


@pytest.mark.parametrize(("document", "index"), BLOCKS)
def test_markdown_block(
    document: str, index: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    Each Python block of the README and the docs runs from the project
    root and prints what its comments say.
    """
    block = python_blocks(ROOT / document)[index]
    monkeypatch.chdir(ROOT)
    out = io.StringIO()

    with contextlib.redirect_stdout(out):
        exec(compile(block, document, "exec"), {})  # noqa: S102

    fragments = expected_fragments(block)
    assert fragments
    for fragment in fragments:
        assert fragment in out.getvalue()
