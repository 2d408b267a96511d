"""
The workbook's layout, shared by the writer and the reader: sheet names,
columns, metadata rows, styles, and how values are written into cells.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, get_args

import attrs

from goudenoor.assessment import (
    EvidenceKind,
)
from goudenoor.exceptions import (
    MissingExtraError,
)


if TYPE_CHECKING:
    pass


__all__ = [
    "AUDIT_SHEET",
    "EVIDENCE_SHEET",
    "RATINGS_SHEET",
]


def __dir__() -> list[str]:
    return __all__


AUDIT_SHEET: Final = "Audit"
"""The name of the sheet with the metadata, instructions and scale legend."""

RATINGS_SHEET: Final = "Beoordeling"
"""The name of the sheet with one row per requirement."""

EVIDENCE_SHEET: Final = "Bewijs"
"""The name of the sheet with one row per evidence item."""

_DEFAULT_ORGANISATION: Final = "Naam van de organisatie"

_FEATURE = "the XLSX workbook"
_KINDS: tuple[str, ...] = get_args(EvidenceKind)
_MAX_CELL_TEXT = 32_767
_MAX_LIST = 255  # characters of a literal list of a drop-down
_FIRST_DATE = datetime.date(1900, 1, 1)
_DATE_FORMAT = "yyyy-mm-dd"
_EVIDENCE_ROWS = 1_000  # rows of the evidence sheet with drop-downs
_DATA_ROW = 3  # rows 1 and 2 are the headers
_YES = "ja"
_NO = "nee"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_IDS = re.compile(r"[\s,;]+")

# Colours: headers, read-only cells, cells to fill in, hints.
_HEADER_FILL = "D9E1F2"
_READ_ONLY_FILL = "F2F2F2"
_INPUT_FILL = "FFF2CC"
_HINT_COLOUR = "808080"


@attrs.frozen
class _Column:
    key: str  # the YAML key, on the second header row
    header: str  # the Dutch header, on the first
    width: float
    editable: bool = False
    wrap: bool = False


_RATING_COLUMNS: Final = (
    _Column("id", "Eis", 9),
    _Column("area", "Gebied", 20, wrap=True),
    _Column("theme", "Thema", 18, wrap=True),
    _Column("text", "Tekst", 55, wrap=True),
    _Column("evidence", "Bewijsvoering", 40, wrap=True),
    _Column("checkpoints", "Checkpunten", 45, wrap=True),
    _Column("value", "Waarde", 9, editable=True),
    _Column("not_applicable", "N.v.t.", 8, editable=True),
    _Column("justification", "Motivering n.v.t.", 30, editable=True, wrap=True),
    _Column("checkpoints_met", "Checkpunten voldaan", 16, editable=True, wrap=True),
    _Column("note", "Opmerking", 45, editable=True, wrap=True),
)
_RATING_INPUTS: Final = tuple(c.key for c in _RATING_COLUMNS if c.editable)

_EVIDENCE_COLUMNS: Final = (
    _Column("requirement", "Eis", 9, editable=True),
    _Column("kind", "Soort", 14, editable=True),
    _Column("reference", "Referentie", 70, editable=True, wrap=True),
    _Column("date", "Datum", 12, editable=True),
    _Column("valid_until", "Geldig tot", 12, editable=True),
)

# The metadata rows of the Audit sheet: YAML key, label, hint.
_META: Final = (
    ("goudenoor", "Formaat", "niet wijzigen"),
    ("edition", "Editie", "niet wijzigen"),
    ("organisation", "Organisatie", "de beoordeelde organisatie"),
    ("date", "Datum", "datum van de audit"),
    ("scale", "Schaal", "leeg: de standaardschaal van de editie"),
    ("auditors", "Auditoren", "namen, gescheiden door '; '"),
    ("extensions", "Uitbreidingen", "ids, gescheiden door '; '; niet wijzigen"),
)
_META_ROW = 3  # the first metadata row; row 1 is the title


def _require_openpyxl() -> None:
    try:
        import openpyxl  # noqa: F401 - only whether it is there
    except ImportError:
        raise MissingExtraError(_FEATURE, "xlsx", "openpyxl") from None


def _quoted(items: Sequence[str]) -> str:
    return ", ".join(repr(item) for item in items)


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value
