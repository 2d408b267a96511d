"""
The project metadata a package index shows (issue 23).
"""

from __future__ import annotations

import tomllib

from conftest import ROOT


def test_project_urls() -> None:
    """
    Homepage, documentation, source, issues and changelog, all on the
    project's GitHub repository.
    """
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    base = "https://github.com/goudenoor/goudenoor"

    assert {
        "Homepage": base,
        "Documentation": f"{base}/tree/main/docs",
        "Source": base,
        "Issues": f"{base}/issues",
        "Changelog": f"{base}/blob/main/CHANGELOG.md",
    } == config["project"]["urls"]


def test_xlsx_extra_has_defusedxml() -> None:
    """
    The xlsx extra brings defusedxml, which openpyxl uses to parse
    untrusted workbooks when it is installed.
    """
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

    assert "defusedxml>=0.6.0" in config["project"]["optional-dependencies"]["xlsx"]
