"""
What moved or was renamed in 26.1, kept working for one release with a
:class:`DeprecationWarning` that names the replacement.

Three kinds of old use are covered here, in one place:

* a renamed public name of the facade (``go.write_workbook``): the facade
  looks it up in :data:`RENAMED` and warns;
* an old module path (``import goudenoor.scoring``): :class:`MovedModules`,
  a finder the facade installs, gives the new package under the old name
  and warns;
* an old signature (``load_extension("pack.yaml")``): the function itself
  calls :func:`warn` and goes on.

The changelog has the table from old to new.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Final, cast


if TYPE_CHECKING:
    from importlib.abc import Loader


__all__ = ["MOVED_MODULES", "RENAMED", "MovedModules", "warn"]


def __dir__() -> list[str]:
    return __all__


RENAMED: Final[dict[str, tuple[str, str, str]]] = {
    # old facade name: (module of the new one, new name, how to call it)
    "write_workbook": ("files.xlsx", "save_workbook", "go.save_workbook"),
    "read_workbook": (
        "files.xlsx",
        "read_workbook",
        "go.load_workbook(path).assessment",
    ),
    "PortfolioError": ("portfolio", "RefusedFile", "go.RefusedFile"),
}
"""Facade names that were renamed: the old name still gives the object."""

MOVED_MODULES: Final[dict[str, str]] = {
    "goudenoor.model": "goudenoor.standard",
    "goudenoor.translation": "goudenoor.standard",
    "goudenoor.extensions": "goudenoor.standard",
    "goudenoor.extensions.types": "goudenoor.standard",
    "goudenoor.extensions.edits": "goudenoor.standard",
    "goudenoor.extensions.check": "goudenoor.standard",
    "goudenoor.extensions.apply": "goudenoor.standard",
    "goudenoor.crosswalk": "goudenoor.standard",
    "goudenoor.edition_diff": "goudenoor.standard",
    "goudenoor.assessment": "goudenoor.audit",
    "goudenoor.scoring": "goudenoor.audit",
    "goudenoor.scoring.card": "goudenoor.audit",
    "goudenoor.scoring.engine": "goudenoor.audit",
    "goudenoor.scoring.methods": "goudenoor.audit",
    "goudenoor.scoring.rating": "goudenoor.audit",
    "goudenoor.comparison": "goudenoor.audit",
    "goudenoor.migration": "goudenoor.audit",
    "goudenoor.agreement": "goudenoor.audit",
    "goudenoor.graph": "goudenoor.audit",
    "goudenoor.unit_rollup": "goudenoor.portfolio",
    "goudenoor.benchmark": "goudenoor.portfolio",
    "goudenoor.oscal": "goudenoor.interchange",
    "goudenoor.files.assessments": "goudenoor.files",
    "goudenoor.files.atomic": "goudenoor.files",
    "goudenoor.files.documents": "goudenoor.files",
    "goudenoor.files.extension_loader": "goudenoor.files",
    "goudenoor.files.migrations": "goudenoor.files",
    "goudenoor.files.portfolio": "goudenoor.files",
    "goudenoor.files.rollups": "goudenoor.files",
    "goudenoor.files.schemas": "goudenoor.files",
    "goudenoor.files.teams": "goudenoor.files",
    "goudenoor.files.template": "goudenoor.files",
    "goudenoor.report.benchmark": "goudenoor.report",
    "goudenoor.report.html": "goudenoor.report",
    "goudenoor.report.many_html": "goudenoor.report",
    "goudenoor.report.markdown": "goudenoor.report",
    "goudenoor.report.migration": "goudenoor.report",
    "goudenoor.report.portfolio": "goudenoor.report",
    "goudenoor.report.rollup": "goudenoor.report",
    "goudenoor.report.tables": "goudenoor.report",
    "goudenoor.report.team": "goudenoor.report",
    "goudenoor.report.text": "goudenoor.report",
}
"""Old public module paths and the package that holds their names now.
``goudenoor.files.editions`` and ``goudenoor.files.crosswalks`` are not
among them: importing a module by those names would put it in the place
of the functions ``goudenoor.files`` has by the same names."""


def warn(old: str, new: str, *, stacklevel: int = 3) -> None:
    """
    Warn that *old* is deprecated in favour of *new*, pointing at the
    caller's caller (the user's line) by default.
    """
    warnings.warn(
        f"{old} is deprecated and will be removed in a later release; use {new}",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


class MovedModules:
    """
    Gives, under an old module path (``goudenoor.scoring``), a module whose
    names are those of the package that holds them now
    (``goudenoor.audit``), with a DeprecationWarning.

    A meta path finder and loader by their protocol, without the
    ``importlib.abc`` bases: importing those costs more than all of
    ``import goudenoor``.
    """

    def find_spec(
        self,
        fullname: str,
        path: object = None,  # noqa: ARG002 - the finder protocol's
        target: ModuleType | None = None,  # noqa: ARG002 - idem
    ) -> ModuleSpec | None:
        if fullname not in MOVED_MODULES:
            return None
        return ModuleSpec(fullname, cast("Loader", self))

    def create_module(self, spec: ModuleSpec) -> None:
        """The default module: :meth:`exec_module` fills it in."""

    def exec_module(self, module: ModuleType) -> None:
        new = importlib.import_module(MOVED_MODULES[module.__name__])
        # The import machinery's frames do not count: 3 is the import line.
        warn(f"the module {module.__name__}", new.__name__, stacklevel=3)

        def __getattr__(name: str) -> object:  # noqa: N807 - PEP 562
            return getattr(new, name)

        module.__dict__["__getattr__"] = __getattr__
        module.__dict__["__all__"] = list(getattr(new, "__all__", ()))


def install() -> None:
    """Put one :class:`MovedModules` finder on ``sys.meta_path``."""
    if not any(isinstance(finder, MovedModules) for finder in sys.meta_path):
        sys.meta_path.append(MovedModules())
