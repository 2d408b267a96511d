"""
Whether an assessment's evidence files are the ones the auditor saw: each
evidence item with a file (``path``) is compared with the fingerprint
(``sha256``) the assessment records, and each item is checked for its
validity.

The domain never reads a file: the file layer
(:func:`goudenoor.files.verify_evidence`) reads each one and hands the
fingerprints it found to :func:`check_evidence`; :func:`with_fingerprints`
records them (:func:`goudenoor.files.hash_evidence`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._data import Key, shape, to_data
from goudenoor._text import text_lines
from goudenoor.audit._assessment import Assessment, Evidence, Finding, Rating
from goudenoor.audit._audit import Audit
from goudenoor.problems import PathElement, format_path


__all__ = [
    "EVIDENCE_CHECK_FORMAT",
    "EVIDENCE_STATUSES",
    "EvidenceCheck",
    "EvidencePlace",
    "EvidenceResult",
    "EvidenceStatus",
    "check_evidence",
    "evidence_places",
    "with_fingerprints",
]


def __dir__() -> list[str]:
    return __all__


EVIDENCE_CHECK_FORMAT = "evidence-check/1"
"""The format marker of ``goudenoor evidence verify``'s JSON."""

EvidenceStatus = Literal["ok", "missing", "changed", "expired", "unhashed"]
"""How an evidence item stands:

- ``ok``: its file has the fingerprint the assessment records;
- ``missing``: its file is not there (or is not a regular file in the
  evidence folder);
- ``changed``: its file has another fingerprint;
- ``expired``: its ``valid_until`` is before the date of the check;
- ``unhashed``: it has a file but no fingerprint yet.

An item that is both missing or changed and expired is missing or
changed: those make ``goudenoor evidence verify`` fail.
"""

EVIDENCE_STATUSES: tuple[EvidenceStatus, ...] = (
    "ok",
    "missing",
    "changed",
    "expired",
    "unhashed",
)
"""The statuses of an evidence item, in that order."""

_FAILING: frozenset[str] = frozenset({"missing", "changed"})


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EvidencePlace:
    """
    Where an evidence item is in an assessment.

    Attributes:
        where: Its key path in the file (``ratings``, ``"1.1"``,
            ``evidence``, ``0``).
        requirement: The requirement it is evidence for (a finding's
            evidence: the finding's requirement).
        finding: The finding's id, for a finding's evidence.
        evidence: The item.
    """

    where: tuple[PathElement, ...]
    requirement: str
    finding: str | None
    evidence: Evidence

    @property
    def location(self) -> str:
        """
        Where the item is, as errors write a key path (for example
        ``ratings."1.1".evidence[0]``).
        """
        return format_path(self.where)


def _finding_places(index: int, finding: Finding) -> Iterator[EvidencePlace]:
    base: tuple[PathElement, ...] = ("findings", index)
    for number, item in enumerate(finding.evidence):
        yield EvidencePlace(
            where=(*base, "evidence", number),
            requirement=finding.requirement,
            finding=finding.id,
            evidence=item,
        )
    for step, entry in enumerate(finding.history):
        for number, item in enumerate(entry.evidence):
            yield EvidencePlace(
                where=(*base, "history", step, "evidence", number),
                requirement=finding.requirement,
                finding=finding.id,
                evidence=item,
            )


def _assessment(audit: Audit | Assessment) -> Assessment:
    return audit.assessment if isinstance(audit, Audit) else audit


@checked
def evidence_places(audit: Audit | Assessment) -> tuple[EvidencePlace, ...]:
    """
    Every evidence item of *audit*, in the file's order: the ratings'
    (in the order of the ratings), then each finding's, then the
    evidence of each step of its history.
    """
    assessment = _assessment(audit)
    places = [
        EvidencePlace(
            where=("ratings", requirement_id, "evidence", number),
            requirement=requirement_id,
            finding=None,
            evidence=item,
        )
        for requirement_id, rating in assessment.ratings.items()
        for number, item in enumerate(rating.evidence)
    ]
    for index, finding in enumerate(assessment.findings):
        places.extend(_finding_places(index, finding))
    return tuple(places)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EvidenceResult:
    """
    One evidence item, checked.

    Attributes:
        place: Where it is, and the item.
        status: ``ok``, ``missing``, ``changed``, ``expired`` or
            ``unhashed`` (:data:`EvidenceStatus`).
        found: The fingerprint of the file found (``None`` when it has
            no file, or the file is missing).
        problem: Why the file is missing: not found, not a regular file,
            outside the evidence folder.
    """

    place: EvidencePlace
    status: EvidenceStatus
    found: str | None = None
    problem: str | None = None

    @property
    def failed(self) -> bool:
        """
        ``True`` if the file is missing or changed.
        """
        return self.status in _FAILING

    def line(self) -> str:
        """
        The result as one line of text (English).
        """
        item = self.place.evidence
        what = item.path if item.path is not None else item.reference
        about = self.place.requirement + (
            f" (finding {self.place.finding})" if self.place.finding else ""
        )
        detail = ""
        if self.status == "changed":
            detail = f": expected sha256 {item.sha256}, found {self.found}"
        elif self.status == "missing" and self.problem:
            detail = f": {self.problem}"
        elif self.status == "expired" and item.valid_until is not None:
            detail = f": valid until {item.valid_until.isoformat()}"
        return f"{self.status.upper()} {about} {self.place.location} {what}{detail}"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EvidenceCheck:
    """
    The evidence of one assessment, checked on a date
    (``goudenoor evidence verify``).

    Attributes:
        organisation: The organisation assessed.
        unit: The unit, if any.
        edition: The edition id.
        date: The assessment's date.
        as_of: The date validity is judged on.
        items: Each evidence item with a file or past its validity, in the
            file's order (an item with neither has nothing to check).
    """

    organisation: str
    unit: str | None
    edition: str
    date: datetime.date
    as_of: datetime.date
    items: tuple[EvidenceResult, ...]

    @property
    def ok(self) -> bool:
        """
        ``True`` if no file is missing or changed.
        """
        return not any(item.failed for item in self.items)

    @property
    def counts(self) -> dict[str, int]:
        """
        How many items have each status, in the order of
        :data:`EVIDENCE_STATUSES`.
        """
        return {
            status: sum(item.status == status for item in self.items)
            for status in EVIDENCE_STATUSES
        }

    def to_data(self) -> dict[str, Any]:
        """
        Plain data in the ``evidence-check/1`` format.
        """
        data: dict[str, Any] = to_data(self)
        return data

    def text(self) -> str:
        """
        The check as plain text: a summary, then one line per item, its
        status first (English).
        """
        unit = f" ({self.unit})" if self.unit else ""
        counts = ", ".join(f"{n} {status}" for status, n in self.counts.items())
        lines = [
            (
                f"{self.organisation}{unit}: {len(self.items)} evidence items "
                f"checked on {self.as_of.isoformat()}: {counts}"
            )
        ]
        lines += [item.line() for item in self.items]
        return text_lines(lines)


def _status(item: Evidence, found: str | None, as_of: datetime.date) -> EvidenceStatus:
    if item.path is not None:
        if found is None:
            return "missing"
        if item.sha256 is not None and found != item.sha256:
            return "changed"
    if item.valid_until is not None and item.valid_until < as_of:
        return "expired"
    if item.path is not None and item.sha256 is None:
        return "unhashed"
    return "ok"


@checked
def check_evidence(
    audit: Audit | Assessment,
    found: Mapping[tuple[PathElement, ...], str | None],
    *,
    as_of: datetime.date,
    problems: Mapping[tuple[PathElement, ...], str] | None = None,
) -> EvidenceCheck:
    """
    The evidence of *audit* checked against the fingerprints *found* of
    its files (by the key path of each item with a ``path``; ``None``
    where the file is missing, and *problems* says why), on *as_of*.
    """
    assessment = _assessment(audit)
    why = problems or {}
    results = []
    for place in evidence_places(assessment):
        item = place.evidence
        expired = item.valid_until is not None and item.valid_until < as_of
        if item.path is None and not expired:
            continue
        digest = found.get(place.where) if item.path is not None else None
        status = _status(item, digest, as_of)
        results.append(
            EvidenceResult(
                place=place,
                status=status,
                found=digest,
                problem=why.get(place.where) if status == "missing" else None,
            )
        )
    return EvidenceCheck(
        organisation=assessment.organisation,
        unit=assessment.unit,
        edition=assessment.edition,
        date=assessment.date,
        as_of=as_of,
        items=tuple(results),
    )


def _with(item: Evidence, digest: str | None) -> Evidence:
    if digest is None or item.sha256 is not None:
        return item
    return attrs.evolve(item, sha256=digest)


@checked
def with_fingerprints(
    audit: Audit | Assessment, found: Mapping[tuple[PathElement, ...], str | None]
) -> Audit | Assessment:
    """
    *audit* (an audit or an assessment: the same kind comes back) with
    the fingerprints *found* (by key path, as :func:`check_evidence`
    takes them) recorded in its evidence items that have a file and no
    fingerprint yet. A fingerprint already
    recorded is kept: a file that changed since is reported, not hidden
    (remove its ``sha256`` to record the new file).
    """
    assessment = _assessment(audit)

    def items(base: tuple[PathElement, ...], evidence: tuple[Evidence, ...]) -> Any:
        return tuple(
            _with(item, found.get((*base, number)))
            for number, item in enumerate(evidence)
        )

    ratings: dict[str, Rating] = {
        rid: attrs.evolve(
            rating, evidence=items(("ratings", rid, "evidence"), rating.evidence)
        )
        if rating.evidence
        else rating
        for rid, rating in assessment.ratings.items()
    }
    findings = tuple(
        attrs.evolve(
            finding,
            evidence=items(("findings", index, "evidence"), finding.evidence),
            history=tuple(
                attrs.evolve(
                    entry,
                    evidence=items(
                        ("findings", index, "history", step, "evidence"),
                        entry.evidence,
                    ),
                )
                for step, entry in enumerate(finding.history)
            ),
        )
        for index, finding in enumerate(assessment.findings)
    )
    new = attrs.evolve(assessment, ratings=ratings, findings=findings)
    if isinstance(audit, Audit):
        return attrs.evolve(audit, assessment=new)
    return new


shape(
    EvidenceResult,
    Key(
        "where",
        str,
        'The item\'s key path in the file: ratings."1.1".evidence[0].',
        get=lambda r: r.place.location,
    ),
    Key(
        "requirement",
        str,
        "The requirement it is evidence for.",
        get=lambda r: r.place.requirement,
    ),
    Key(
        "finding",
        str | None,
        "The finding's id for a finding's evidence, else null.",
        get=lambda r: r.place.finding,
    ),
    Key(
        "reference",
        str,
        "The item's reference.",
        get=lambda r: r.place.evidence.reference,
    ),
    Key(
        "path",
        str | None,
        "Its file, relative to the evidence folder, or null.",
        get=lambda r: r.place.evidence.path,
    ),
    Key(
        "status",
        EvidenceStatus,
        "ok, missing, changed, expired or unhashed.",
    ),
    Key(
        "expected",
        str | None,
        "The fingerprint the assessment records (sha256), or null.",
        get=lambda r: r.place.evidence.sha256,
    ),
    Key("found", str | None, "The fingerprint of the file found, or null."),
    Key(
        "valid_until",
        datetime.date | None,
        "Until when it counts, or null.",
        get=lambda r: r.place.evidence.valid_until,
    ),
    Key("problem", str | None, "Why the file is missing, or null."),
)
shape(
    EvidenceCheck,
    "organisation",
    "unit",
    "edition",
    "date",
    "as_of",
    Key("ok", bool, "No file is missing or changed."),
    Key("counts", dict[str, int], "How many items have each status."),
    Key(
        "items",
        tuple[EvidenceResult, ...],
        "Each evidence item with a file or past its validity.",
    ),
    marker=EVIDENCE_CHECK_FORMAT,
)
