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


def register_pack(
    site: Path, name: str, version: str, entry_points: dict[str, str]
) -> None:
    """
    Register a distribution *name* in the folder *site* as ``pip install``
    would, without installing anything: a dist-info folder with its
    metadata and its ``goudenoor.extensions`` entry points (``{"zorg":
    "goudenoor_zorg:extension"}``). The caller puts *site* (and the pack's
    source) on ``sys.path``.
    """
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        encoding="utf-8",
    )
    points = "".join(f"{key} = {value}\n" for key, value in entry_points.items())
    (info / "entry_points.txt").write_text(
        f"[goudenoor.extensions]\n{points}", encoding="utf-8"
    )
