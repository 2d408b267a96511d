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
    from goudenoor.interchange._ciso_audit import (
        AUDIT_COLUMNS as AUDIT_COLUMNS,
        COMPLIANCE_RESULTS as COMPLIANCE_RESULTS,
        Parity as Parity,
        ParityDifference as ParityDifference,
        ciso_assistant_average as ciso_assistant_average,
        ciso_assistant_parity as ciso_assistant_parity,
        from_ciso_assistant_audit as from_ciso_assistant_audit,
        to_ciso_assistant_audit as to_ciso_assistant_audit,
    )
    from goudenoor.interchange._oscal import (
        NAMESPACE as NAMESPACE,
        OSCAL_VERSION as OSCAL_VERSION,
        OSCAL_VERSIONS as OSCAL_VERSIONS,
        UUID_NAMESPACE as UUID_NAMESPACE,
        OscalVersion as OscalVersion,
        control_id as control_id,
        to_oscal_catalog as to_oscal_catalog,
        to_oscal_poam as to_oscal_poam,
        to_oscal_results as to_oscal_results,
    )
    from goudenoor.interchange._oscal_mapping import (
        MAPPING_OSCAL_VERSION as MAPPING_OSCAL_VERSION,
        OSCAL_RELATIONSHIPS as OSCAL_RELATIONSHIPS,
        from_oscal_mapping as from_oscal_mapping,
        to_oscal_mapping as to_oscal_mapping,
    )
    from goudenoor.interchange._oscal_read import (
        OscalImport as OscalImport,
        from_oscal_results as from_oscal_results,
    )


_EXPORTS: Final = {
    "AUDIT_COLUMNS": "_ciso_audit",
    "ciso_assistant_average": "_ciso_audit",
    "ciso_assistant_parity": "_ciso_audit",
    "ciso_assistant_score": "_ciso",
    "COMPLIANCE_RESULTS": "_ciso_audit",
    "from_ciso_assistant_audit": "_ciso_audit",
    "Parity": "_ciso_audit",
    "ParityDifference": "_ciso_audit",
    "to_ciso_assistant_audit": "_ciso_audit",
    "control_id": "_oscal",
    "from_oscal_mapping": "_oscal_mapping",
    "from_oscal_results": "_oscal_read",
    "LIBRARY_REVISION": "_ciso",
    "MAPPING_OSCAL_VERSION": "_oscal_mapping",
    "MAX_SCORE": "_ciso",
    "NAMESPACE": "_oscal",
    "OSCAL_RELATIONSHIPS": "_oscal_mapping",
    "OSCAL_VERSION": "_oscal",
    "OSCAL_VERSIONS": "_oscal",
    "OscalVersion": "_oscal",
    "OscalImport": "_oscal_read",
    "PACKAGER": "_ciso",
    "to_ciso_assistant_library": "_ciso",
    "to_oscal_catalog": "_oscal",
    "to_oscal_mapping": "_oscal_mapping",
    "to_oscal_poam": "_oscal",
    "to_oscal_results": "_oscal",
    "UUID_NAMESPACE": "_oscal",
}
"""Each public name -> the module that defines it, imported when first used."""

__all__ = list(_EXPORTS)

__getattr__, __dir__ = _lazy.exports(__name__, _EXPORTS)
