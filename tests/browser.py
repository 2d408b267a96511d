"""
Headless Chromium, driven through Playwright, for the tests that look at
a page as a reader sees it, and axe-core to audit the page's accessibility.

Playwright is a test dependency, but its browsers are not: the tests use
a Chromium or Chrome that is installed on the machine (Debian's
``chromium`` in CI) and skip, saying why, when there is none. axe-core
comes from npm (``npm install axe-core``); ``GOUDENOOR_AXE_DIR`` names its
folder, the one that holds ``axe.min.js``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright


CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Chromium without a sandbox (CI runs as root) and without any network
traffic of its own."""


def chromium() -> str | None:
    """
    A Chromium or Chrome to run headless (``GOUDENOOR_CHROMIUM`` first).
    """
    names = [os.environ.get("GOUDENOOR_CHROMIUM", ""), "chromium"]
    names += ["chromium-browser", "google-chrome", "google-chrome-stable"]
    return next(
        (found for name in names if name and (found := shutil.which(name))), None
    )


def axe_script() -> Path | None:
    """
    axe-core's ``axe.min.js`` in the folder ``GOUDENOOR_AXE_DIR`` names.
    """
    folder = os.environ.get("GOUDENOOR_AXE_DIR", "")
    script = Path(folder) / "axe.min.js"
    return script if folder and script.is_file() else None


needs_chromium = pytest.mark.skipif(
    chromium() is None,
    reason="no Chromium or Chrome found (install chromium or set GOUDENOOR_CHROMIUM)",
)
"""Skip a test that needs a browser when the machine has none."""

needs_axe = pytest.mark.skipif(
    axe_script() is None,
    reason="axe-core not found (npm install axe-core, and set GOUDENOOR_AXE_DIR "
    "to the folder that holds its axe.min.js)",
)
"""Skip a test that needs axe-core when it is not installed."""


@contextmanager
def launch() -> Iterator[Browser]:
    """
    The Chromium of :func:`chromium`, headless, for as long as the block
    runs. Playwright's own browser downloads are never used.
    """
    executable = chromium()
    assert executable is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """
    What axe-core finds wrong on the open *page*, one
    dict per rule broken: its id, impact and the elements that break it.
    """
    script = axe_script()
    assert script is not None
    page.add_script_tag(path=str(script))
    found: list[dict[str, Any]] = page.evaluate(
        """async () => {
          const result = await axe.run(document);
          return result.violations.map(v => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes.map(n => n.target.join(" ")),
          }));
        }"""
    )
    return found
