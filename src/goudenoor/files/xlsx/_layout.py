"""
The workbook's layout, shared by the writer and the reader: sheet names,
columns, metadata rows, styles, and how values are written into cells.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final, get_args

import attrs

from goudenoor._terms import FINDING_TERMS
from goudenoor.audit import (
    ASSESSMENT_KINDS,
    FINDING_KINDS,
    FINDING_STATUSES,
    EvidenceKind,
)
from goudenoor.exceptions import (
    MissingExtraError,
)


if TYPE_CHECKING:
    pass


__all__ = [
    "AUDIT_SHEET",
    "EVIDENCE_FILE_KEYS",
    "EVIDENCE_SHEET",
    "FINDINGS_SHEET",
    "HISTORY_SHEET",
    "POINTS_SHEET",
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

FINDINGS_SHEET: Final = "Bevindingen"
"""The name of the sheet with one row per finding."""

HISTORY_SHEET: Final = "Voortgang"
"""The name of the sheet with one row per step in the follow-up of a
finding."""

POINTS_SHEET: Final = "Punten"
"""The name of the sheet with the points of a report workbook (in Dutch;
the reader does not read it)."""

DEFAULT_ORGANISATION: Final = "Naam van de organisatie"

_FEATURE = "the XLSX workbook"
KINDS: tuple[str, ...] = get_args(EvidenceKind)
SEVERITIES: tuple[str, ...] = ("major", "minor")
FINDING_CHOICES: Final[Mapping[str, tuple[str, ...]]] = {
    "kind": FINDING_KINDS,
    "severity": SEVERITIES,
    "status": FINDING_STATUSES,
}
FINDING_ROWS = 200  # rows of the findings sheets with drop-downs
MAX_CELL_TEXT = 32_767
MAX_LIST = 255  # characters of a literal list of a drop-down
FIRST_DATE = datetime.date(1900, 1, 1)
DATE_FORMAT = "yyyy-mm-dd"
EVIDENCE_ROWS = 1_000  # rows of the evidence sheet with drop-downs
DATA_ROW = 3  # rows 1 and 2 are the headers
YES = "ja"
NO = "nee"
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IDS = re.compile(r"[\s,;]+")

# Colours: headers, read-only cells, cells to fill in, hints.
HEADER_FILL = "D9E1F2"
READ_ONLY_FILL = "F2F2F2"
INPUT_FILL = "FFF2CC"
HINT_COLOUR = "808080"


@attrs.frozen
class Column:
    key: str  # the YAML key, on the second header row
    header: str  # the Dutch header, on the first
    width: float
    editable: bool = False
    wrap: bool = False


RATING_COLUMNS: Final = (
    Column("id", "Eis", 9),
    Column("area", "Gebied", 20, wrap=True),
    Column("theme", "Thema", 18, wrap=True),
    Column("text", "Tekst", 55, wrap=True),
    Column("evidence", "Bewijsvoering", 40, wrap=True),
    Column("checkpoints", "Checkpunten", 45, wrap=True),
    Column("value", "Waarde", 9, editable=True),
    Column("not_applicable", "N.v.t.", 8, editable=True),
    Column("justification", "Motivering n.v.t.", 30, editable=True, wrap=True),
    Column("checkpoints_met", "Checkpunten voldaan", 16, editable=True, wrap=True),
    Column("note", "Opmerking", 45, editable=True, wrap=True),
)
RATING_INPUTS: Final = tuple(c.key for c in RATING_COLUMNS if c.editable)

EVIDENCE_COLUMNS: Final = (
    Column("requirement", "Eis", 9, editable=True),
    Column("kind", "Soort", 14, editable=True),
    Column("reference", "Referentie", 70, editable=True, wrap=True),
    Column("date", "Datum", 12, editable=True),
    Column("valid_until", "Geldig tot", 12, editable=True),
    # Evidence of a finding (its id), or of a step of its follow-up (the
    # step's number on the Voortgang sheet, 1 for its first row): the
    # requirement may then be left empty.
    Column("finding", "Bevinding", 12, editable=True),
    Column("history", "Stap", 7, editable=True),
    # The file, link, fingerprint and collector of issue 26: after the
    # older columns, and optional, so that a workbook written before reads
    # as it did.
    Column("path", "Bestand", 30, editable=True, wrap=True),
    Column("uri", "Link", 30, editable=True, wrap=True),
    Column("sha256", "SHA-256", 20, editable=True),
    Column("collected_by", "Verzameld door", 18, editable=True, wrap=True),
)
EVIDENCE_FILE_KEYS: Final = ("path", "uri", "sha256", "collected_by")
"""The evidence columns a workbook may lack (written before issue 26)."""

FINDING_COLUMNS: Final = (
    Column("id", "Bevinding", 12, editable=True),
    Column("requirement", "Eis", 9, editable=True),
    Column("checkpoint", "Checkpunt", 11, editable=True),
    Column("kind", "Soort", 13, editable=True),
    Column("severity", "Ernst", 8, editable=True),
    Column("text", "Tekst", 55, editable=True, wrap=True),
    Column("owner", "Eigenaar", 20, editable=True, wrap=True),
    Column("deadline", "Uiterste datum", 12, editable=True),
    Column("raised", "Gevonden op", 12, editable=True),
    Column("review", "Te herbeoordelen", 40, editable=True, wrap=True),
)
FINDING_DATES: Final = ("deadline", "raised")

HISTORY_COLUMNS: Final = (
    Column("finding", "Bevinding", 12, editable=True),
    Column("status", "Status", 12, editable=True),
    Column("date", "Datum", 12, editable=True),
    Column("by", "Door", 20, editable=True, wrap=True),
    Column("note", "Toelichting", 60, editable=True, wrap=True),
)

# The metadata rows of the Audit sheet: YAML key, label, hint.
META: Final = (
    ("goudenoor", "Formaat", "niet wijzigen"),
    ("edition", "Editie", "niet wijzigen"),
    ("organisation", "Organisatie", "de beoordeelde organisatie"),
    ("date", "Datum", "datum van de audit"),
    ("scale", "Schaal", "leeg: de standaardschaal van de editie"),
    ("auditors", "Auditoren", "namen, gescheiden door '; '"),
    ("extensions", "Uitbreidingen", "ids, gescheiden door '; '; niet wijzigen"),
    ("kind", "Soort", f"{', '.join(ASSESSMENT_KINDS)}; leeg: audit"),
    # Kept so that a workbook round trip leaves the journal matching; the
    # workbook changes ratings without an entry, which the next
    # `goudenoor rate` records (by unknown) and `journal verify` reports.
    (
        "journal_head",
        "Journaal",
        "niet wijzigen: de hash van de laatste regel van het journaal",
    ),
)
# Rows a workbook of an earlier version lacks: a missing row is the default.
OPTIONAL_META: Final = frozenset({"kind", "journal_head"})
META_ROW = 3  # the first metadata row; row 1 is the title


@attrs.frozen(kw_only=True)
class PointsWords:
    # The words of the points sheet in one language; the standard's own
    # texts (area and level names) stay Dutch.
    sheet: str
    title: str
    edition: str
    date: str
    method_scheme: str
    area: str
    name: str
    kind: str
    points: str
    maximum: str
    share: str
    organisation: str
    result: str
    total: str
    level: str
    next_level: str
    no_level: str
    highest_level: str
    kinds: Mapping[str, str]
    findings: str
    finding: str
    requirement: str
    deadline: str
    status: str
    overdue: str
    yes: str
    finding_kinds: Mapping[str, str]
    severities: Mapping[str, str]
    statuses: Mapping[str, str]


POINTS_WORDS: Final[Mapping[str, PointsWords]] = {
    "nl": PointsWords(
        sheet=POINTS_SHEET,
        title="Punten",
        edition="Editie",
        date="Datum",
        method_scheme="Methode / schema",
        area="Gebied",
        name="Naam",
        kind="Soort",
        points="Punten",
        maximum="Maximum",
        share="Aandeel",
        organisation="Organisatie",
        result="Resultaat",
        total="Totaal",
        level="Niveau",
        next_level="Volgend niveau",
        no_level="geen",
        highest_level="het hoogste niveau is bereikt",
        kinds={"organisation": "organisatie", "result": "resultaat"},
        findings="Bevindingen op",
        finding="Bevinding",
        requirement="Eis",
        deadline="Uiterste datum",
        status="Status",
        overdue="Te laat",
        yes="ja",
        finding_kinds=FINDING_TERMS["nl"].kinds,
        severities=FINDING_TERMS["nl"].severities,
        statuses=FINDING_TERMS["nl"].statuses,
    ),
    "en": PointsWords(
        sheet="Points",
        title="Points",
        edition="Edition",
        date="Date",
        method_scheme="Method / scheme",
        area="Area",
        name="Name",
        kind="Kind",
        points="Points",
        maximum="Maximum",
        share="Share",
        organisation="Organisation",
        result="Result",
        total="Total",
        level="Level",
        next_level="Next level",
        no_level="none",
        highest_level="the highest level is reached",
        kinds={"organisation": "organisation", "result": "result"},
        findings="Findings on",
        finding="Finding",
        requirement="Requirement",
        deadline="Deadline",
        status="Status",
        overdue="Overdue",
        yes="yes",
        finding_kinds=FINDING_TERMS["en"].kinds,
        severities=FINDING_TERMS["en"].severities,
        statuses=FINDING_TERMS["en"].statuses,
    ),
}
POINTS_FORMAT = "0.00"
SHARE_FORMAT = "0.0%"

# Page setup: A4 (paper size 9 in the Office Open XML numbering), margins in
# inches (openpyxl's unit): 1.8 cm at the sides, 2 cm top and bottom.
PAPER_A4 = 9
MARGINS: Final = {
    "left": 0.7,
    "right": 0.7,
    "top": 0.8,
    "bottom": 0.8,
    "header": 0.3,
    "footer": 0.3,
}
FOOTER = "&A - &P / &N"  # the sheet's name, page of pages


def require_openpyxl() -> None:
    try:
        import openpyxl  # noqa: F401 - only whether it is there
    except ImportError:
        raise MissingExtraError(_FEATURE, "xlsx", "openpyxl") from None


def quoted_list(items: Sequence[str]) -> str:
    return ", ".join(repr(item) for item in items)


def plain_number(value: float) -> float | int:
    return int(value) if value.is_integer() else value
