"""
Small helpers shared by the tests.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from goudenoor.cli import main


def run(*argv: str) -> tuple[int, str]:
    """
    Run the command in-process and return its exit code and output.
    """
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def run_captured(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """
    Run the command in-process: its exit code, everything it wrote to
    standard output (also past the *out* stream), and standard error.
    """
    out = io.StringIO()
    code = main(argv, out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


def run_cli(
    *args: str | Path,
    input: str | None = None,  # noqa: A002 - subprocess.run's name
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 300,
    check: bool = False,
) -> subprocess.CompletedProcess[str]:
    """
    Run ``python -m goudenoor ARGS`` in a process of its own (see
    :func:`run_python`): for what only a real process shows (standard
    streams, signals, a reader that could block, the interpreter's exit).
    """
    return run_python(
        "-m",
        "goudenoor",
        *args,
        input=input,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=check,
    )


def run_python(
    *args: str | Path,
    input: str | None = None,  # noqa: A002 - subprocess.run's name
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 300,
    check: bool = False,
) -> subprocess.CompletedProcess[str]:
    """
    Run this interpreter with *args* (``-c CODE``, a script, ``-m
    MODULE``) in a process of its own, and return what it did: its
    output as UTF-8 text, whatever the locale.

    The process imports the same goudenoor as the tests (this process's
    ``sys.path`` is its ``PYTHONPATH``), with this environment and *env*
    over it. A process still running after *timeout* seconds fails the
    test instead of hanging the run; *check* fails it on a non-zero exit
    code, showing the standard error.
    """
    command = [sys.executable, *map(str, args)]
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "PYTHONIOENCODING": "utf-8",
        **(env or {}),
    }
    try:
        done = subprocess.run(
            command,
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            cwd=cwd,
            env=environment,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(command[1:])}: still running after {timeout} s")
    if check and done.returncode != 0:
        pytest.fail(
            f"{' '.join(command[1:])}: exit code {done.returncode}\n{done.stderr}"
        )
    return done


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
