"""
The standard and its audits as other tools' documents: plain data in, plain
data out (NIST OSCAL).
"""

from __future__ import annotations

from goudenoor.interchange._oscal import (
    NAMESPACE,
    OSCAL_VERSION,
    UUID_NAMESPACE,
    control_id,
    to_oscal_catalog,
    to_oscal_poam,
    to_oscal_results,
)


__all__ = [
    "NAMESPACE",
    "OSCAL_VERSION",
    "UUID_NAMESPACE",
    "control_id",
    "to_oscal_catalog",
    "to_oscal_poam",
    "to_oscal_results",
]


def __dir__() -> list[str]:
    return __all__
