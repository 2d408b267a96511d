"""
Build hook: ship a precompiled cache of each edition in the wheel.

See ``src/goudenoor/files/_precompile.py`` for what the cache is and when it is
used. The hook parses the editions with the source being built, so its
build environment needs the runtime dependencies (see ``[build-system]``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class PrecompileEditions(BuildHookInterface):  # type: ignore[type-arg]
    """
    Add ``goudenoor/data/editions/<edition>.pickle`` to regular wheels.
    """

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """
        Write the caches into a temporary folder and include them.
        """
        if self.target_name != "wheel" or version == "editable":
            return
        src = Path(self.root) / "src"
        sys.path.insert(0, str(src))
        try:
            from goudenoor.files._precompile import write_caches
        finally:
            sys.path.remove(str(src))
        folder = Path(tempfile.mkdtemp(prefix="goudenoor-cache-"))
        editions = src / "goudenoor" / "data" / "editions"
        for path in write_caches(editions, folder):
            build_data["force_include"][str(path)] = (
                f"goudenoor/data/editions/{path.name}"
            )
