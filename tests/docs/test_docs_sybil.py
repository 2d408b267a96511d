"""
Every code block of the documentation and the README runs, with Sybil.

* ```` ```python ```` blocks run as code, in order, sharing one namespace
  per document (a block may use what an earlier block of its page made).
* ```` ```pycon ```` blocks are doctests: each ``>>>`` line runs and its
  output must match the text below it (``...`` matches anything,
  whitespace differences are ignored).
* A ```` ```{code-block} ```` with a ``:caption:`` is a file the reader
  saves: its text is written to the file the caption names, for the
  blocks after it to use (an extension file, a broken audit...).
* ```` ```console ````, ```` ```yaml ```` and other blocks are not run.
  Command output in the docs is produced while the docs are built (the
  ``goudenoor-command`` directive in ``docs/_ext``), so it cannot drift.

Each document runs in a fresh temporary folder holding a copy of
``examples/``: relative paths such as ``examples/audit-2012.yaml`` work
as from the repository root, and files a page writes land in the
temporary folder.
"""

from __future__ import annotations

import doctest
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from sybil import Document, Example, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.parsers.abstract import DocTestStringParser
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.myst.lexers import DirectiveLexer

from goudenoor.scoring import methods as methods_module


ROOT = Path(__file__).parent.parent.parent
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


class PyconParser:
    """
    The ```` ```pycon ```` blocks of a MyST document, as doctests.
    """

    def __init__(self, optionflags: int) -> None:
        self.blocks = CodeBlockParser(language="pycon")
        self.doctests = DocTestStringParser(DocTestEvaluator(optionflags))

    def __call__(self, document: Document) -> Iterable[Region]:
        for block in self.blocks(document):
            source = block.parsed
            found = 0
            for region in self.doctests(source, document.path):
                region.adjust(block, source)
                found += 1
                yield region
            if not found:
                where = document.line_column(block.start)
                msg = f"{document.path}, {where}: a pycon block without '>>>'"
                raise ValueError(msg)


class FileParser:
    """
    Captioned code blocks: files the reader saves, under the caption's
    name.
    """

    def __init__(self) -> None:
        self.lexer = DirectiveLexer(directive="code-block", arguments=r"\S+")

    def __call__(self, document: Document) -> Iterable[Region]:
        for lexed in self.lexer(document):
            name = lexed.lexemes.get("options", {}).get("caption")
            if name is None:
                continue
            if Path(name).is_absolute() or ".." in Path(name).parts:
                msg = f"{document.path}: caption {name!r} is not a relative file name"
                raise ValueError(msg)
            yield Region(
                lexed.start,
                lexed.end,
                (name, str(lexed.lexemes["source"])),
                write_file,
            )


def write_file(example: Example) -> None:
    """
    Save a captioned block's text under its caption, in the working folder.
    """
    name, text = example.parsed
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


SYBIL = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=FLAGS),
        PyconParser(FLAGS),
        FileParser(),
        SkipParser(),
    ],
)


def documents() -> list[str]:
    """
    The README and every Markdown page of the docs (not build output).
    """
    pages = [
        path
        for path in (ROOT / "docs").rglob("*.md")
        if not {"_build", "_inventories"} & set(path.relative_to(ROOT).parts)
    ]
    return [
        path.relative_to(ROOT).as_posix()
        for path in [ROOT / "README.md", *sorted(pages)]
    ]


@pytest.fixture(name="sandbox")
def _sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """
    A temporary working folder with a copy of ``examples/``; the scoring
    method registry is restored afterwards (pages may register methods).
    """
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    registered = methods_module._METHODS._items
    methods = dict(registered)
    yield tmp_path
    registered.clear()
    registered.update(methods)


def test_documents_found() -> None:
    """
    The docs are there, so the parametrized test below cannot pass by
    running nothing.
    """
    found = documents()

    assert "README.md" in found
    assert "docs/scoring.md" in found
    assert len(found) > 10


@pytest.mark.parametrize("document", documents())
def test_document(document: str, sandbox: Path) -> None:
    """
    Every Python and pycon block of *document* runs, in order, and each
    doctest prints what the page shows.
    """
    parsed = SYBIL.parse(ROOT / document)
    examples = list(parsed.examples())

    for example in examples:
        example.evaluate()

    assert sandbox.is_dir()
