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
* ```` ```console ```` blocks of the tutorials (``docs/tutorials/``) run
  too, line by line, in their place among the page's other blocks: a
  tutorial is a sequence of steps the reader takes in one folder, so a
  step that collides with an earlier one (a file that already exists)
  fails here as it would for the reader. A ``$ goudenoor ...`` line runs
  the command in-process, ``$ python ...`` runs with this interpreter;
  each must exit 0. Output shown under a command must match what it
  prints (as a doctest: ``...`` matches anything, whitespace differences
  are ignored); a command shown alone is not compared.
  A line that cannot run here is skipped only when the page says so, in
  a MyST comment right above the block, ``% not run by the docs test:
  COMMAND`` (the whole command line without ``$``); a marker whose line
  is not in the block is an error. ``pip install ./examples/PACK`` lines
  so marked are replaced by making the pack in ``examples/PACK`` appear
  installed (its package and distribution metadata put on ``sys.path``,
  as ``tests/files/test_installed_extensions.py`` does), so the lines
  after them work as after a real installation.
  Any other command is an error, so nothing is skipped silently.
* ```` ```console ```` blocks elsewhere, ```` ```yaml ```` and other
  blocks are not run. Command output in the docs is produced while the
  docs are built (the ``goudenoor-command`` directive in ``docs/_ext``),
  so it cannot drift.

Each document runs in a fresh temporary folder holding a copy of
``examples/``: relative paths such as ``examples/audit-2012.yaml`` work
as from the repository root, and files a page writes land in the
temporary folder.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import re
import shlex
import shutil
import sys
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from sybil import Document, Example, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.example import SybilFailure
from sybil.parsers.abstract import DocTestStringParser
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.myst.lexers import DirectiveLexer

import goudenoor as go
from goudenoor.audit._scoring import _methods as methods_module
from helpers import run_python


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


class ConsoleBlockError(Exception):
    """
    A console block the test cannot run as written.
    """


NOT_RUN = "% not run by the docs test: "
"""The MyST comment that marks a console line the test does not run."""

CONSOLE_FOLDERS = (ROOT / "docs" / "tutorials",)
"""The documents whose console blocks run: a tutorial's steps."""

PIP_INSTALL = re.compile(r"(?:python -m )?pip install (?:\./)?examples/([\w.-]+)/?")
"""A marked line that installs an example pack: the test fakes it."""

Step = tuple[str, str]
"""A console line's command (without ``$``) and the output shown under it."""


def console_steps(text: str) -> list[Step]:
    """
    The commands of a console block and the output shown under each.
    """
    steps: list[Step] = []
    for line in text.splitlines(keepends=True):
        if line.startswith("$ "):
            steps.append((line[2:].strip(), ""))
        elif steps:
            command, shown = steps[-1]
            steps[-1] = (command, shown + line)
        elif line.strip():
            msg = f"a console block starts with output, not a command: {line!r}"
            raise ConsoleBlockError(msg)
    return steps


def not_run_markers(before: str) -> list[str]:
    """
    The commands the MyST comments right above a block (the text
    *before* it) mark as not run.
    """
    markers: list[str] = []
    for line in reversed(before.splitlines()):
        if not line.startswith("%"):
            break
        if line.startswith(NOT_RUN):
            markers.append(line.removeprefix(NOT_RUN).strip())
    return markers


class ConsoleParser:
    """
    The ```` ```console ```` blocks of the documents in *folders*: their
    steps, run in order.
    """

    def __init__(self, folders: tuple[Path, ...]) -> None:
        self.blocks = CodeBlockParser(language="console")
        self.folders = folders

    def __call__(self, document: Document) -> Iterable[Region]:
        path = Path(document.path).resolve()
        if not any(path.is_relative_to(folder) for folder in self.folders):
            return
        for block in self.blocks(document):
            steps = console_steps(str(block.parsed))
            skipped = not_run_markers(document.text[: block.start])
            stale = set(skipped) - {command for command, _ in steps}
            if stale:
                where = document.line_column(block.start)
                msg = (
                    f"{document.path}, {where}: not-run markers without "
                    f"their line: {sorted(stale)}"
                )
                raise ConsoleBlockError(msg)
            yield Region(block.start, block.end, (steps, skipped), run_console)


def run_console(example: Example) -> str | None:
    """
    Run a console block's steps in the working folder; a failure says
    which step, its exit code and its output.
    """
    steps, skipped = example.parsed
    checker = doctest.OutputChecker()
    for command, shown in steps:
        if command in skipped:
            installing = PIP_INSTALL.fullmatch(command)
            if installing:
                fake_install(Path("examples") / installing.group(1))
            continue
        code, output = run_step(command)
        if code != 0:
            return f"$ {command}\nexited with {code}:\n{output}"
        if shown and not checker.check_output(shown, output, FLAGS):
            return f"$ {command}\nexpected:\n{shown}printed:\n{output}"
    return None


def run_step(command: str) -> tuple[int, str]:
    """
    Run one console line in the working folder: its exit code and what it
    printed (standard output, then standard error).
    """
    words = shlex.split(command)
    if words[0] == "goudenoor":
        from goudenoor.cli import main

        out = io.StringIO()
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            try:
                code = main(words[1:], out=out)
            except SystemExit as exc:  # usage errors exit through argparse
                code = exc.code if isinstance(exc.code, int) else 1
        return code, out.getvalue() + err.getvalue()
    if words[0] == "python":
        done = run_python(*words[1:], timeout=120)
        return done.returncode, done.stdout + done.stderr
    msg = f"cannot run {command!r} in the docs test: mark it with {NOT_RUN!r}"
    raise ConsoleBlockError(msg)


def fake_install(pack: Path) -> None:
    """
    Make the example pack in *pack* appear installed, as ``pip install``
    would: its source folder and a distribution's metadata with its entry
    points on ``sys.path`` (the ``sandbox`` fixture restores it).
    """
    project = tomllib.loads((pack / "pyproject.toml").read_text(encoding="utf-8"))
    meta = project["project"]
    site = Path.cwd() / "site-packages"
    info = site / f"{meta['name'].replace('-', '_')}-{meta['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n",
        encoding="utf-8",
    )
    points = [
        f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in entries.items())
        for group, entries in meta.get("entry-points", {}).items()
    ]
    (info / "entry_points.txt").write_text("".join(points), encoding="utf-8")
    sys.path[:0] = [str(site), str((pack / "src").resolve())]
    importlib.invalidate_caches()


SYBIL = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=FLAGS),
        PyconParser(FLAGS),
        FileParser(),
        ConsoleParser(CONSOLE_FOLDERS),
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
    method registry, ``sys.path`` and the modules imported from the folder
    (a pack a page installed) are restored afterwards.
    """
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [*sys.path])
    registered = methods_module.METHODS._items
    methods = dict(registered)
    yield tmp_path
    registered.clear()
    registered.update(methods)
    for name, module in list(sys.modules.items()):
        if str(getattr(module, "__file__", None) or "").startswith(str(tmp_path)):
            del sys.modules[name]
    importlib.invalidate_caches()


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


def console_page(folder: Path, text: str) -> list[Example]:
    """
    The console steps of a page with *text*, saved in *folder* and read
    as a tutorial.
    """
    page = folder / "page.md"
    page.write_text(text, encoding="utf-8")
    return list(Sybil(parsers=[ConsoleParser((folder,))]).parse(page).examples())


def test_console_step_that_collides_fails(sandbox: Path) -> None:
    """
    The issue's case: a later step writes a file an earlier one wrote.
    """
    steps = console_page(
        sandbox,
        "```console\n$ goudenoor template gos-2012 -o audit.yaml\n```\n\n"
        "```console\n$ goudenoor template gos-2012 -o audit.yaml\n```\n",
    )
    steps[0].evaluate()

    with pytest.raises(SybilFailure) as info:
        steps[1].evaluate()

    assert (
        "$ goudenoor template gos-2012 -o audit.yaml\nexited with 2:\n"
        "goudenoor: error: audit.yaml: file exists; not overwritten (add --force "
        "to replace it)\n"
    ) == info.value.result


def test_console_output_shown_must_match(sandbox: Path) -> None:
    (step,) = console_page(
        sandbox, "```console\n$ goudenoor extensions\nzorg  ...\n```\n"
    )

    with pytest.raises(SybilFailure) as info:
        step.evaluate()

    assert (
        "$ goudenoor extensions\nexpected:\nzorg  ...\n"
        "printed:\nno sector extensions installed\n"
    ) == info.value.result


def test_console_command_not_run_needs_a_marker(sandbox: Path) -> None:
    (step,) = console_page(sandbox, "```console\n$ pip install goudenoor\n```\n")

    with pytest.raises(ConsoleBlockError) as info:
        step.evaluate()

    assert (
        "cannot run 'pip install goudenoor' in the docs test: mark it with "
        "'% not run by the docs test: '"
    ) == str(info.value)


def test_console_marker_without_its_line(sandbox: Path) -> None:
    with pytest.raises(ConsoleBlockError) as info:
        console_page(
            sandbox,
            f"{NOT_RUN}pip install other\n```console\n$ goudenoor editions\n```\n",
        )

    assert (
        f"{sandbox / 'page.md'}, line 2, column 1: not-run markers without their "
        "line: ['pip install other']"
    ) == str(info.value)


def test_console_marked_pack_installed(sandbox: Path) -> None:
    """
    A marked ``pip install`` of an example pack is skipped, and the pack
    is listed as installed by the steps after it.
    """
    (step,) = console_page(
        sandbox,
        "% the docs test fakes this installation\n"
        f"{NOT_RUN}python -m pip install ./examples/goudenoor-zorg\n"
        "```console\n$ python -m pip install ./examples/goudenoor-zorg\n"
        "$ goudenoor extensions\nzorg  Zorg: ...; package goudenoor-zorg 1.0.0)\n"
        "```\n",
    )

    step.evaluate()

    assert ["zorg"] == list(go.available_extensions())
