"""
The standard and its audits as other tools' documents: plain data in, plain
data out (NIST OSCAL, CISO Assistant libraries).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from goudenoor import _lazy


if TYPE_CHECKING:
    from goudenoor.interchange._ciso import (
        LIBRARY_REVISION as LIBRARY_REVISION,
        MAX_SCORE as MAX_SCORE,
        PACKAGER as PACKAGER,
        ciso_assistant_score as ciso_assistant_score,
        to_ciso_assistant_library as to_ciso_assistant_library,
    )
    from goudenoor.interchange._oscal import (
        NAMESPACE as NAMESPACE,
        OSCAL_VERSION as OSCAL_VERSION,
        UUID_NAMESPACE as UUID_NAMESPACE,
        control_id as control_id,
        to_oscal_catalog as to_oscal_catalog,
        to_oscal_poam as to_oscal_poam,
        to_oscal_results as to_oscal_results,
    )
    from goudenoor.interchange._oscal_read import (
        OscalImport as OscalImport,
        from_oscal_results as from_oscal_results,
    )


_EXPORTS: Final = {
    "ciso_assistant_score": "_ciso",
    "control_id": "_oscal",
    "from_oscal_results": "_oscal_read",
    "LIBRARY_REVISION": "_ciso",
    "MAX_SCORE": "_ciso",
    "NAMESPACE": "_oscal",
    "OSCAL_VERSION": "_oscal",
    "OscalImport": "_oscal_read",
    "PACKAGER": "_ciso",
    "to_ciso_assistant_library": "_ciso",
    "to_oscal_catalog": "_oscal",
    "to_oscal_poam": "_oscal",
    "to_oscal_results": "_oscal",
    "UUID_NAMESPACE": "_oscal",
}
"""Each public name -> the module that defines it, imported when first used."""

__all__ = list(_EXPORTS)

__getattr__, __dir__ = _lazy.exports(__name__, _EXPORTS)
