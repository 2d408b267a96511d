"""
Packages that import a public name's module when the name is first used.

A package's ``__init__`` re-exports the public names of its private
modules. Importing them all up front would make the first call of anything
pay for everything (``load_standard`` would import the portfolio loader,
its process pool, yaml and cattrs), so a package lists its names in a
table instead, name -> the private module that defines it, and
:func:`exports` makes the module-level ``__getattr__`` (PEP 562) and
``__dir__`` that import a module when one of its names is first asked for.

A table names modules by string, which import-linter cannot see, so every
package that uses one also imports each entry under ``if TYPE_CHECKING:``
(for the type checkers and for import-linter, which counts those imports);
``tests/test_layers.py`` checks that the two agree.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def exports(
    package: str, table: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """
    The ``__getattr__`` and ``__dir__`` of *package*, whose public names
    are defined in the modules *table* gives (relative to *package*):
    ``"_module"``, or ``"_module:attribute"`` for a name the module
    defines under another name.
    """

    def __getattr__(name: str) -> Any:  # noqa: N807 - the PEP 562 hook
        where = table.get(name)
        if where is None:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        module, _, attribute = where.partition(":")
        found = importlib.import_module(f"{package}.{module}")
        value = getattr(found, attribute or name)
        # Found once: later lookups do not come back here.
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the PEP 562 hook
        return list(table)

    return __getattr__, __dir__
