"""
Build hook: the precompiled cache of each edition, for wheels and editable
installs.

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
    Add ``goudenoor/data/editions/<edition>.pickle`` to regular wheels, and
    write it into the source tree for an editable install.
    """

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """
        Write the caches: into a temporary folder whose files the wheel
        includes, or, for an editable install (which reads the package data
        from the source tree), beside the editions in the source tree, where
        git ignores them. A cache is used only while it fits its YAML and
        the model's source, so an edit in the checkout costs a parse until
        the next ``pip install -e .``, never a wrong result.
        """
        if self.target_name != "wheel":
            return
        src = Path(self.root) / "src"
        sys.path.insert(0, str(src))
        try:
            from goudenoor.files._precompile import write_caches
        finally:
            sys.path.remove(str(src))
        editions = src / "goudenoor" / "data" / "editions"
        if version == "editable":
            write_caches(editions, editions)
            return
        folder = Path(tempfile.mkdtemp(prefix="goudenoor-cache-"))
        for path in write_caches(editions, folder):
            build_data["force_include"][str(path)] = (
                f"goudenoor/data/editions/{path.name}"
            )
