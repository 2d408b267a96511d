"""
Small helpers shared by the tests.
"""

from __future__ import annotations

from pathlib import Path


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
