"""
Small helpers shared by the tests.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from goudenoor.cli import main


def run(*argv: str) -> tuple[int, str]:
    """
    Run the command in-process and return its exit code and output.
    """
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def normalise(text: str) -> str:
    """
    Collapse every run of whitespace to one space, as the data rules allow.
    """
    return " ".join(text.split())


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    """
    Write *content* to *name* under *tmp_path* and return the path.
    """
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def commands_of(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> dict[str, argparse.ArgumentParser]:
    """
    Every command of *parser* by its name (``oscal results``), subcommands
    included.
    """
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = commands_of(sub, f"{prefix}{name} ")
                found.update(nested or {f"{prefix}{name}": sub})
    return found
