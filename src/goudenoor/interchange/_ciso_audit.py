"""
An audit as the rows of a CISO Assistant audit, both ways, and the parity
of the two tools' totals.

CISO Assistant's data import (``backend/data_wizard/views.py``,
``_reconcile_compliance_requirements``, read at commit ``f990d7b1b``)
reads rows with ``ref_id`` (or ``urn``), ``assessable``,
``compliance_result``, ``score`` and ``observations``; its audit export
(``backend/core/views.py``, ``compliance_assessment_csv``) writes ``urn``,
``ref_id``, ..., ``compliance_result``, ``score``, ``observations``, one
row per node of the framework, the result columns empty for the nodes that
are not assessable. :func:`to_ciso_assistant_audit` writes the first,
:func:`from_ciso_assistant_audit` reads either; the file layer turns them
into CSV or XLSX and back.

How a rating maps (on the library's scale, the edition's default):

* a value at the scale's maximum is ``compliant``, at its minimum
  ``non_compliant``, between them ``partially_compliant``; the ``score``
  is the value's share of the scale in percent
  (:func:`~goudenoor.interchange.ciso_assistant_score`);
* not applicable is ``not_applicable``, unrated (no rating, or one without
  a value) ``not_assessed``; both have an empty ``score``;
* ``observations`` holds the note, then the justification of not
  applicable (``Niet van toepassing: ...``), the checkpoints met
  (``Controlepunten voldaan: 5.3.a, 5.3.b``) and the evidence
  (``Bewijs:`` and a line ``- kind: reference`` each), blocks separated by
  an empty line. Reading back takes them apart again; an evidence item
  comes back with its kind and reference only (its dates, file and hash
  stay in the goudenoor file).

Reading back, the score decides the value; a score that is not the score
of a level of the scale is refused, never rounded. A row without a score
is read from its result where the result says the value (``compliant``:
the maximum, ``non_compliant``: the minimum), and said so in the problems
returned; ``partially_compliant`` without a score says no value and is
read as unrated, also said.

The parity (:func:`ciso_assistant_parity`): CISO Assistant's default score
of a compliance assessment (``average``, ``backend/core/models.py`` lines
7820-7850 and 7946-7961) is the weighted mean of the requirements'
shares of the scale over the assessable requirements that have a score and
are not N/A (lines 8019-8021), each weighing its ``weight or 1`` (line
7850), truncated to one decimal by ``_truncate_one_decimal`` (lines
81-87). goudenoor counts an unrated requirement as 0 and lets an N/A
requirement's area points be shared by the area's other requirements.
Counted the goudenoor way, an unrated requirement has the share 0 and an
N/A one its area's share (0 if the whole area is N/A); with the library's
weights (each requirement's share of the points) the weighted mean of
those shares over every requirement is the GOS total over the maximum. So
the two totals differ by the sum over the requirements CISO Assistant
leaves out of ``weight x (goudenoor's share - CISO Assistant's mean)``,
plus the truncation: a requirement left out whose goudenoor share is
CISO Assistant's mean makes no difference and is not named.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, get_args

import attrs

from goudenoor._checks import checked
from goudenoor.audit import Assessment, Audit, Evidence, EvidenceKind, Rating, score
from goudenoor.exceptions import OutputError, ValidationError
from goudenoor.interchange._ciso import (
    PACKAGER,
    ciso_assistant_score,
    library_ref,
    to_ciso_assistant_library,
)
from goudenoor.problems import Problem
from goudenoor.standard import Standard


__all__ = [
    "AUDIT_COLUMNS",
    "COMPLIANCE_RESULTS",
    "Parity",
    "ParityDifference",
    "ciso_assistant_average",
    "ciso_assistant_parity",
    "from_ciso_assistant_audit",
    "to_ciso_assistant_audit",
]


def __dir__() -> list[str]:
    return __all__


ComplianceResult = Literal[
    "compliant",
    "non_compliant",
    "partially_compliant",
    "not_applicable",
    "not_assessed",
]
COMPLIANCE_RESULTS: Final[tuple[str, ...]] = get_args(ComplianceResult)
"""CISO Assistant's results of a requirement (``RequirementAssessment.Result``)."""

AUDIT_COLUMNS: Final = (
    "urn",
    "ref_id",
    "assessable",
    "compliance_result",
    "score",
    "observations",
)
"""The columns of :func:`to_ciso_assistant_audit`'s rows, in order. The
``urn`` identifies a theme, which has no ``ref_id``; CISO Assistant's data
import finds a requirement by ``ref_id``, then by ``urn``."""

_NOT_APPLICABLE: Final = "Niet van toepassing: "
_CHECKPOINTS: Final = "Controlepunten voldaan: "
_EVIDENCE: Final = "Bewijs:"
_EVIDENCE_KINDS: Final[tuple[str, ...]] = get_args(EvidenceKind)
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def truncate_one_decimal(value: float) -> float:
    """
    *value* cut to one decimal as CISO Assistant cuts its scores
    (``_truncate_one_decimal``, backend/core/models.py lines 81-87).
    """
    return int(value * 10 + 1e-9) / 10


def _weighted_ratio(
    library: Mapping[str, Any], scores: Mapping[str, float | None]
) -> float | None:
    """
    CISO Assistant's weighted mean of the scored requirements' shares of
    the score range (backend/core/models.py lines 7820-7850 and
    7946-7961), untruncated; ``None`` when nothing is scored (it shows
    -1).
    """
    framework = library["objects"]["framework"]
    low, high = framework["min_score"], framework["max_score"]
    weighted = total = 0.0
    for node in framework["requirement_nodes"]:
        value = scores.get(node.get("ref_id", ""))
        if not node["assessable"] or value is None:
            continue
        weight = node.get("weight", 1) or 1  # line 7850: weight or 1
        weighted += (value - low) / (high - low) * weight
        total += weight
    return weighted / total if total else None


def ciso_assistant_average(
    library: Mapping[str, Any], scores: Mapping[str, float | None]
) -> float | None:
    """
    CISO Assistant's ``average`` score of a compliance assessment on
    *library* with *scores* (requirement ``ref_id`` -> score; ``None`` or
    absent: not scored or N/A, skipped), truncated to one decimal as it
    shows it; ``None`` when nothing is scored.

    >>> import goudenoor as go
    >>> from goudenoor.interchange import to_ciso_assistant_library
    >>> library = to_ciso_assistant_library(go.load_standard("gos-2012"))
    >>> ciso_assistant_average(library, {"1.1": 75, "5.1": 50, "1.2": None})
    64.5
    """
    framework = library["objects"]["framework"]
    low, high = framework["min_score"], framework["max_score"]
    ratio = _weighted_ratio(library, scores)
    return None if ratio is None else truncate_one_decimal(low + ratio * (high - low))


def _scale_checked(audit: Audit) -> None:
    default = audit.standard.scale()
    if audit.assessment.scale not in (None, default.id):
        raise OutputError(
            f"the assessment is rated on the scale {audit.assessment.scale}, the "
            f"CISO Assistant library scores the scale {default.id} (expected an "
            "assessment on the edition's default scale)"
        )


def _result(standard: Standard, rating: Rating | None) -> ComplianceResult:
    if rating is None or rating.value is None:
        return (
            "not_applicable"
            if rating is not None and rating.not_applicable
            else ("not_assessed")
        )
    scale = standard.scale()
    if rating.value == scale.maximum:
        return "compliant"
    if rating.value == scale.minimum:
        return "non_compliant"
    return "partially_compliant"


def observations(rating: Rating | None) -> str:
    """
    The ``observations`` of *rating*: its note, the justification of not
    applicable, the checkpoints met and the evidence, as blocks separated
    by an empty line.
    """
    if rating is None:
        return ""
    blocks = [rating.note] if rating.note else []
    if rating.justification is not None:
        blocks.append(f"{_NOT_APPLICABLE}{rating.justification}")
    if rating.checkpoints_met:
        blocks.append(f"{_CHECKPOINTS}{', '.join(rating.checkpoints_met)}")
    if rating.evidence:
        lines = [f"- {item.kind}: {item.reference}" for item in rating.evidence]
        blocks.append("\n".join([_EVIDENCE, *lines]))
    return "\n\n".join(blocks)


@checked
def to_ciso_assistant_audit(audit: Audit) -> list[dict[str, Any]]:
    """
    *audit* as the rows CISO Assistant's data import reads into an audit
    of the library :func:`~goudenoor.interchange.to_ciso_assistant_library`
    makes of its standard: one row per node of the library, in order
    (areas and themes with ``assessable`` false and empty results).

    Raises:
        OutputError: The assessment is not rated on the edition's default
            scale (the library's scores), or that scale cannot be scored
            in CISO Assistant.

    >>> import goudenoor as go
    >>> rows = to_ciso_assistant_audit(go.load_audit("examples/audit-2012.yaml"))
    >>> [(row["ref_id"], row["compliance_result"], row["score"]) for row in rows[:2]]
    [('1', '', None), ('1.1', 'partially_compliant', 75)]
    """
    _scale_checked(audit)
    standard = audit.standard
    ratings = audit.assessment.ratings
    requirements = {requirement.id for requirement in standard.requirements}
    rows: list[dict[str, Any]] = []
    library = to_ciso_assistant_library(standard)
    for node in library["objects"]["framework"]["requirement_nodes"]:
        ref_id = node.get("ref_id", "")
        if not node["assessable"] or ref_id not in requirements:
            rows.append(
                dict.fromkeys(AUDIT_COLUMNS, "")
                | {"urn": node["urn"], "ref_id": ref_id, "assessable": False}
                | {"score": None}
            )
            continue
        rating = ratings.get(ref_id)
        value = rating.value if rating is not None else None
        rows.append(
            {
                "urn": node["urn"],
                "ref_id": ref_id,
                "assessable": True,
                "compliance_result": _result(standard, rating),
                "score": None
                if value is None
                else ciso_assistant_score(standard, value),
                "observations": observations(rating),
            }
        )
    return rows


# ------------------------------------------------------------ reading back


def _unescaped(text: str) -> str:
    # CISO Assistant's export (escape_excel_formula, backend/core/views.py
    # lines 380-395) and goudenoor's CSV put an apostrophe before a text a
    # spreadsheet would run as a formula: taken off again.
    if text.startswith("'") and text[1:].lstrip(" ").startswith(_FORMULA_STARTS):
        return text[1:]
    return text


def _cell(row: Mapping[str, object], column: str) -> str:
    value = row.get(column)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return (
        _unescaped(str(value)).strip()
        if column != "observations"
        else (_unescaped(str(value)))
    )


def _split_observations(
    text: str,
) -> tuple[str | None, str | None, tuple[str, ...], tuple[Evidence, ...]]:
    """
    The note, justification, checkpoints met and evidence written by
    :func:`observations`; what is not in their form stays in the note.
    """
    blocks = text.replace("\r\n", "\n").split("\n\n")
    evidence: tuple[Evidence, ...] = ()
    checkpoints: tuple[str, ...] = ()
    justification = None
    if blocks and blocks[-1].startswith(_EVIDENCE + "\n"):
        items = []
        for line in blocks[-1].split("\n")[1:]:
            kind, _, reference = line.removeprefix("- ").partition(": ")
            if (
                not line.startswith("- ")
                or kind not in _EVIDENCE_KINDS
                or not reference
            ):
                break
            items.append(Evidence(kind=kind, reference=reference))  # type: ignore[arg-type]
        else:
            evidence = tuple(items)
            blocks.pop()
    if blocks and blocks[-1].startswith(_CHECKPOINTS):
        checkpoints = tuple(
            part.strip()
            for part in blocks.pop().removeprefix(_CHECKPOINTS).split(",")
            if part.strip()
        )
    for index, block in enumerate(blocks):
        if block.startswith(_NOT_APPLICABLE):
            justification = "\n\n".join(blocks[index:]).removeprefix(_NOT_APPLICABLE)
            del blocks[index:]
            break
    note = "\n\n".join(blocks).strip("\n")
    return note or None, justification, checkpoints, evidence


class _Reading:
    """
    The library's nodes, and what reading the rows found.
    """

    def __init__(self, standard: Standard) -> None:
        self.standard = standard
        self.problems: list[Problem] = []
        self.refusals: list[Problem] = []
        self.ref = library_ref(standard)
        library = to_ciso_assistant_library(standard)
        nodes = library["objects"]["framework"]["requirement_nodes"]
        self.by_ref = {node["ref_id"]: node for node in nodes if "ref_id" in node}
        self.by_urn = {node["urn"]: node for node in nodes}
        self.prefix = f"urn:{PACKAGER}:risk:req_node:{self.ref}:"
        self.seen: dict[str, int] = {}

    def levels(self) -> dict[int, float]:
        return {
            ciso_assistant_score(self.standard, value): value
            for value in self.standard.scale().values
        }

    def refuse(self, number: int, message: str) -> None:
        self.refusals.append(
            Problem(message=f"row {number}: {message}", path=(number,))
        )

    def requirement(self, row: Mapping[str, object], number: int) -> str | None:
        """
        The requirement row *number* rates, or ``None`` for a row of a node
        that is not assessable and a row refused.
        """
        ref_id, urn = _cell(row, "ref_id"), _cell(row, "urn")
        filled = any(_cell(row, key) for key in ("compliance_result", "score"))
        if not ref_id and not urn:
            # A theme's row without its urn: nothing to read, unless filled in.
            if filled:
                self.refuse(
                    number,
                    "a result without a ref_id or urn (expected the "
                    "requirement's ref_id)",
                )
            return None
        if urn and urn not in self.by_urn:
            where = (
                f"is not a node of the library {self.ref}"
                if urn.startswith(self.prefix)
                else f"is not of the library {self.ref} (expected URNs starting "
                f"{self.prefix})"
            )
            self.refuse(number, f"urn {urn!r} {where}")
            return None
        node = self.by_ref.get(ref_id) if ref_id else self.by_urn.get(urn)
        if node is None:
            example = self.standard.requirements[0].id
            self.refuse(
                number,
                f"ref_id {ref_id!r} is not a node of the library {self.ref} "
                f"(expected a requirement id such as {example})",
            )
            return None
        if not node["assessable"]:
            if filled:
                self.problems.append(
                    Problem(
                        message=f"row {number}: node {node.get('ref_id', urn)} is "
                        "not assessable: its result and score are not read",
                        path=(number,),
                    )
                )
            return None
        rid: str = node["ref_id"]
        if rid in self.seen:
            self.refuse(
                number, f"requirement {rid} has a row already (row {self.seen[rid]})"
            )
            return None
        self.seen[rid] = number
        return rid


@checked
def from_ciso_assistant_audit(
    rows: Sequence[Mapping[str, object]],
    standard: Standard,
    *,
    organisation: str,
    date: datetime.date,
) -> tuple[Assessment, tuple[Problem, ...]]:
    """
    The assessment of *standard* in *rows*: CISO Assistant's audit export
    (or :func:`to_ciso_assistant_audit`'s rows), each a mapping of its
    columns, the header being row 1 (so ``rows[0]`` is row 2). Also
    returns what was read in a way worth knowing (a result without a
    score, a score beside N/A, a result that disagrees with its score, a
    row for a node that is not assessable with a result, a requirement
    without a row), each naming its row.

    Raises:
        ValidationError: A row names a node that is not in the library of
            *standard* (by ``ref_id``, or ``urn``) or a node of another
            library; a score is not the score of a level of the scale (it is
            never rounded); a result is not one of CISO Assistant's; an
            N/A requirement has no justification; all of them at once,
            each naming its row.
    """
    reading = _Reading(standard)
    ratings: dict[str, Rating] = {}
    for index, row in enumerate(rows):
        number = index + 2
        rid = reading.requirement(row, number)
        rating = None if rid is None else _rating(reading, row, number, rid)
        if rid is not None and rating is not None:
            ratings[rid] = rating
    if reading.refusals:
        raise ValidationError(reading.refusals, source="CISO Assistant audit")
    missing = [r.id for r in standard.requirements if r.id not in reading.seen]
    if missing:
        reading.problems.append(
            Problem(
                message=f"no row for {', '.join(missing)}: read as unrated",
            )
        )
    assessment = Assessment(
        edition=standard.id,
        organisation=organisation,
        date=date,
        extensions=standard.extensions,
        ratings={r.id: ratings[r.id] for r in standard.requirements if r.id in ratings},
    )
    return assessment, tuple(reading.problems)


def _rating(  # noqa: C901, PLR0912 - one branch per result
    reading: _Reading, row: Mapping[str, object], number: int, rid: str
) -> Rating | None:
    standard = reading.standard
    scale = standard.scale()
    result = _cell(row, "compliance_result")
    text = _cell(row, "score")
    note, justification, checkpoints, evidence = _split_observations(
        _cell(row, "observations")
    )
    where = f"row {number} ({rid})"
    if result and result not in COMPLIANCE_RESULTS:
        reading.refusals.append(
            Problem(
                message=f"{where}: compliance_result {result!r} is not one of "
                f"CISO Assistant's (expected {', '.join(COMPLIANCE_RESULTS)})",
                path=(number, "compliance_result"),
            )
        )
        return None
    value: float | None = None
    if text:
        levels = reading.levels()
        try:
            number_value = float(text.replace(",", "."))
        except ValueError:
            number_value = math.nan
        if not number_value.is_integer() or int(number_value) not in levels:
            reading.refusals.append(
                Problem(
                    message=f"{where}: score {text} is not the score of a level "
                    f"of the scale {scale.id} (expected "
                    f"{', '.join(str(level) for level in levels)})",
                    path=(number, "score"),
                )
            )
            return None
        value = levels[int(number_value)]
    if result == "not_applicable":
        if value is not None:
            reading.problems.append(
                Problem(
                    message=f"{where}: not_applicable with score {text}: the "
                    "score is not read (CISO Assistant skips it too)",
                    path=(number, "score"),
                )
            )
        if justification is None:
            justification, note = note, None
        if justification is None:
            reading.refusals.append(
                Problem(
                    message=f"{where}: not_applicable without observations "
                    "(expected the justification in observations)",
                    path=(number, "observations"),
                )
            )
            return None
        return Rating(
            not_applicable=True,
            justification=justification,
            note=note,
            evidence=evidence,
        )
    if value is None and result in ("compliant", "non_compliant"):
        value = scale.maximum if result == "compliant" else scale.minimum
        end = "maximum" if result == "compliant" else "minimum"
        reading.problems.append(
            Problem(
                message=f"{where}: {result} without a score: read as "
                f"{value:g}, the scale's {end}",
                path=(number, "score"),
            )
        )
    elif value is None and result == "partially_compliant":
        reading.problems.append(
            Problem(
                message=f"{where}: partially_compliant without a score: read as "
                "unrated (expected the score of a level)",
                path=(number, "score"),
            )
        )
    elif value is not None and result and result != "not_assessed":
        implied = _result(standard, Rating(value=value))
        if implied != result:
            reading.problems.append(
                Problem(
                    message=f"{where}: {result} with score {text}: the score is "
                    f"read ({value:g}, {implied})",
                    path=(number, "compliance_result"),
                )
            )
    if justification is not None:
        # Not N/A: the block is part of the note.
        note = "\n\n".join(
            part for part in (note, f"{_NOT_APPLICABLE}{justification}") if part
        )
    if value is None and not (note or checkpoints or evidence):
        return None
    return Rating(
        value=value, note=note, checkpoints_met=checkpoints, evidence=evidence
    )


# ------------------------------------------------------------------ parity


@attrs.frozen(kw_only=True)
class ParityDifference:
    """
    A requirement that makes CISO Assistant's total differ from
    goudenoor's.

    Attributes:
        requirement_id: The requirement.
        reason: ``unrated`` (goudenoor counts 0, CISO Assistant skips it)
            or ``not-applicable`` (goudenoor shares its points within its
            area, CISO Assistant leaves it out of the whole average).
        points: How many GOS points of goudenoor's total minus CISO
            Assistant's it accounts for (negative: goudenoor's total is
            lower because of it).
    """

    requirement_id: str
    reason: Literal["unrated", "not-applicable"]
    points: float


@attrs.frozen(kw_only=True)
class Parity:
    """
    goudenoor's total of an audit beside the one CISO Assistant computes
    for it, and why they differ.

    Attributes:
        goudenoor_total: The GOS total (points).
        ciso_assistant_score: The score CISO Assistant shows (0 to 100,
            truncated to one decimal), ``None`` when it has nothing
            scored (it shows -1).
        ciso_assistant_total: That score in GOS points (score x maximum
            points / 100), ``None`` with it.
        max_points: The standard's maximum points.
        differences: The requirements that make the totals differ, in the
            standard's order.
        truncation: The points the truncation to one decimal takes off.
    """

    goudenoor_total: float
    ciso_assistant_score: float | None
    ciso_assistant_total: float | None
    max_points: float
    differences: tuple[ParityDifference, ...]
    truncation: float

    @property
    def difference(self) -> float | None:
        """goudenoor's total minus CISO Assistant's (points)."""
        if self.ciso_assistant_total is None:
            return None
        return self.goudenoor_total - self.ciso_assistant_total

    @property
    def agree(self) -> bool:
        """Whether the two totals are the same to 0.1 point with no
        requirement making a difference (only the truncation)."""
        return (
            self.difference is not None
            and not self.differences
            and abs(self.difference) < 0.1  # noqa: PLR2004 - the display's precision
        )

    def text(self, language: str = "nl") -> str:
        """The parity report, in Dutch (``nl``) or English (``en``)."""
        english = language == "en"
        lines = [
            ("goudenoor total" if english else "totaal goudenoor")
            + f": {_points(self.goudenoor_total)} / {_points(self.max_points)}",
        ]
        if self.ciso_assistant_total is None:
            lines.append(
                "CISO Assistant: no requirement scored (it shows -1)"
                if english
                else "CISO Assistant: geen eis met een score (het toont -1)"
            )
        else:
            lines.append(
                f"CISO Assistant: {self.ciso_assistant_score:.1f} -> "
                f"{_points(self.ciso_assistant_total)} "
                + ("points" if english else "punten")
            )
            lines.append(
                ("difference" if english else "verschil")
                + f": {_signed(self.difference or 0.0)}"
            )
        if self.agree:
            lines.append(
                "the totals agree (within the truncation to one decimal)"
                if english
                else "de totalen komen overeen (op het afkappen op één decimaal na)"
            )
        for item in self.differences:
            reason = {
                "unrated": (
                    "unrated: goudenoor counts 0, CISO Assistant skips it"
                    if english
                    else "niet beoordeeld: goudenoor telt 0, CISO Assistant slaat "
                    "haar over"
                ),
                "not-applicable": (
                    "N/A: goudenoor shares its points within the area, CISO "
                    "Assistant leaves it out of the whole average"
                    if english
                    else "n.v.t.: goudenoor verdeelt haar punten binnen het gebied, "
                    "CISO Assistant laat haar uit het hele gemiddelde"
                ),
            }[item.reason]
            lines.append(f"  {item.requirement_id}: {_signed(item.points)} ({reason})")
        if self.ciso_assistant_total is not None and self.truncation:
            lines.append(
                (
                    "  truncation to one decimal"
                    if english
                    else "  afkappen op één decimaal"
                )
                + f": {_signed(self.truncation)}"
            )
        return "".join(f"{line}\n" for line in lines)


def _points(value: float) -> str:
    return f"{value:.2f}"


def _signed(value: float) -> str:
    return f"{value:+.2f}"


_SAME: Final = 1e-9
"""Shares closer than this are the same (sums of floats)."""


@checked
def ciso_assistant_parity(audit: Audit) -> Parity:
    """
    CISO Assistant's total of *audit* (on the library of its standard,
    with its rules) beside goudenoor's, with exactly the requirements that
    make them differ and the truncation.

    Raises:
        OutputError: The assessment is not rated on the edition's default
            scale, or that scale cannot be scored in CISO Assistant.

    >>> import goudenoor as go
    >>> parity = ciso_assistant_parity(go.load_audit("examples/audit-2012.yaml"))
    >>> parity.agree, [item.requirement_id for item in parity.differences]
    (False, ['2.2', '7.2', '8.2'])
    """
    _scale_checked(audit)
    standard = audit.standard
    card = score(audit)
    library = to_ciso_assistant_library(standard)
    nodes = library["objects"]["framework"]["requirement_nodes"]
    weights = {node["ref_id"]: node["weight"] for node in nodes if node["assessable"]}
    low, high = 0, library["objects"]["framework"]["max_score"]
    scores: dict[str, float | None] = {}
    for requirement in standard.requirements:
        rating = audit.assessment.ratings.get(requirement.id)
        value = rating.value if rating is not None else None
        scores[requirement.id] = (
            None if value is None else ciso_assistant_score(standard, value)
        )
    ratio = _weighted_ratio(library, scores)
    everything = sum(weights.values())
    differences = []
    results = card.requirements
    for requirement in standard.requirements:
        if scores[requirement.id] is not None:
            continue
        result = results[requirement.id]
        counted = (
            result.fraction
            if result.fraction is not None
            else card.areas[result.area_id].fraction
        )
        effect = weights[requirement.id] * (counted - (ratio or 0.0)) / everything
        if abs(effect) > _SAME:
            differences.append(
                ParityDifference(
                    requirement_id=requirement.id,
                    reason="not-applicable" if result.fraction is None else "unrated",
                    points=effect * standard.max_points,
                )
            )
    if ratio is None:
        return Parity(
            goudenoor_total=card.total,
            ciso_assistant_score=None,
            ciso_assistant_total=None,
            max_points=standard.max_points,
            differences=tuple(differences),
            truncation=0.0,
        )
    exact = low + ratio * (high - low)
    shown = truncate_one_decimal(exact)
    return Parity(
        goudenoor_total=card.total,
        ciso_assistant_score=shown,
        ciso_assistant_total=shown * standard.max_points / high,
        max_points=standard.max_points,
        differences=tuple(differences),
        truncation=(exact - shown) * standard.max_points / high,
    )
