"""
Import a module when one of its attributes is first used.
"""

from __future__ import annotations

import importlib
import types
from typing import Any


class _LazyModule(types.ModuleType):
    """
    A stand-in that imports the real module on first attribute access.
    """

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__dict__["_target"] = name

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self.__dict__["_target"])
        return getattr(module, attribute)


def lazy_module(name: str) -> types.ModuleType:
    """
    A module object for *name* that imports it when first used.
    """
    return _LazyModule(name)
