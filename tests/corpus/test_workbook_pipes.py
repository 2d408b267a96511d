"""
``import-xlsx`` on a named pipe or a folder (issue 23, item 9's neighbour):
the workbook reader refuses what is not a regular file before reading a
byte, instead of waiting for a writer to open the pipe.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import goudenoor as go
from goudenoor.files import xlsx
from helpers import run_cli


pytest.importorskip("openpyxl")

NAMED_PIPES = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@NAMED_PIPES
def test_cli_refuses_a_named_pipe(tmp_path: Path) -> None:
    """
    In a separate process with a timeout, so that a reader that blocks
    fails the test instead of hanging the run.
    """
    pipe = tmp_path / "audit.xlsx"
    os.mkfifo(pipe)

    done = run_cli("import-xlsx", pipe, timeout=20)

    assert (2, "") == (done.returncode, done.stdout)
    assert (
        f"goudenoor: error: {pipe}: not a regular file (a device, named pipe "
        "or socket)\n"
    ) == done.stderr


@NAMED_PIPES
def test_read_workbook_refuses_a_named_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "audit.xlsx"
    os.mkfifo(pipe)

    with pytest.raises(go.FileFormatError) as info:
        xlsx.load_workbook(pipe)

    expected = f"{pipe}: not a regular file (a device, named pipe or socket)"
    assert expected == str(info.value)


def test_read_workbook_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(go.FileFormatError) as info:
        xlsx.load_workbook(tmp_path)

    assert f"{tmp_path}: is a folder, not a file" == str(info.value)
