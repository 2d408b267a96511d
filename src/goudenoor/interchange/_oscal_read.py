"""
OSCAL assessment results read back into an assessment, as plain data in and
objects out.

:func:`from_oscal_results` reads the results :func:`to_oscal_results`
wrote, and the results of other tools as far as they map:

* Results goudenoor wrote carry the assessment itself (a back-matter
  resource with the property ``record`` ``assessment/1``). When the results
  are exactly those the record gives (written again from it with the same
  scoring options), the record is the assessment: nothing is lost, not the
  findings' follow-up, the review marks or a text the Markdown fields
  escape.
* Otherwise (another tool's results, or goudenoor's changed by another
  tool) the fields are read: one rating per finding that targets a
  control of the catalogue, its evidence from the observations the
  finding links. Every part that does not map is in
  :attr:`OscalImport.unmapped`, with its path in the document and why.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, cast, get_args
from urllib.parse import unquote, urlsplit

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor.audit import (
    Assessment,
    Evidence,
    EvidenceKind,
    Finding,
    FindingUpdate,
    MigrationOrigin,
    Rating,
    Review,
    ScoreCard,
    score,
)
from goudenoor.exceptions import GoudenoorError, ModelError, ValidationError
from goudenoor.interchange._oscal import (
    NAMESPACE,
    OSCAL_VERSION,
    OSCAL_VERSIONS,
    RECORD,
    OscalVersion,
    control_id,
    to_oscal_results,
)
from goudenoor.problems import PathElement, Problem
from goudenoor.standard import Standard


__all__ = ["OscalImport", "from_oscal_results"]


def __dir__() -> list[str]:
    return __all__


_Path = tuple[PathElement, ...]

_ROOT: _Path = ("assessment-results",)

_KINDS: tuple[str, ...] = get_args(EvidenceKind)

_METHOD_KINDS: dict[str, EvidenceKind] = {
    "EXAMINE": "document",
    "INTERVIEW": "interview",
    "TEST": "measurement",
}
"""OSCAL observation method -> evidence kind, for an observation without
our ``evidence-kind`` property."""

_DERIVED_PROPS = frozenset(
    {
        "edition",
        "scale",
        "scoring-method",
        "recognition-scheme",
        "evidence-policy",
        "parameter",
        "organisation-points",
        "result-points",
        "total-points",
        "max-points",
        "area-points",
        "level",
        "next-level",
        "warnings",
        "scale-maximum",
        "points",
        "score-status",
        "not-applicable",
        "requirement-id",
    }
)
"""Our properties that say nothing the assessment does not: the score card
and the edition, computed again from the assessment and its standard."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class OscalImport:
    """
    An assessment read from OSCAL assessment results.

    Attributes:
        assessment: The assessment read. It is not checked against its
            standard here: :func:`~goudenoor.check_assessment` (or
            scoring) does that as for any assessment.
        unmapped: Every part of the document that did not map, each a
            :class:`~goudenoor.problems.Problem` with its path in the
            document and why; empty when all of it mapped.
        standard: The standard the targets were resolved against (the
            one given), or ``None``.
        exact: ``True`` when the assessment is the record goudenoor wrote
            along with unchanged results: it is the assessment that was
            written, without loss.
    """

    assessment: Assessment
    unmapped: tuple[Problem, ...] = ()
    standard: Standard | None = None
    exact: bool = False


@checked
def from_oscal_results(
    document: Mapping[str, Any], *, standard: Standard | None = None
) -> OscalImport:
    """
    Read OSCAL assessment results (``{"assessment-results": {...}}``, as
    loaded from JSON or YAML) back into an assessment.

    Results that :func:`~goudenoor.interchange.to_oscal_results` wrote give
    back the assessment they were written from, without loss, when
    *standard* is the one they were written against and they are unchanged
    (:attr:`OscalImport.exact`). Other results are read as far as they map,
    against *standard* where given:

    * the edition from the results' ``edition`` property, or *standard*;
      the organisation from the party of type ``organization`` (or the
      title); the date from the result's ``start``; the auditors from the
      parties with the role ``assessor``; the unit from the ``unit``
      property;
    * one rating per finding whose target is a control of the catalogue
      (``req-5.3``, its statement ``req-5.3_smt``, or our
      ``requirement-id`` property): the value from the ``value``
      property, or the scale's maximum for a finding ``satisfied`` without
      one; not applicable where the implementation status is
      ``not-applicable``, with its remarks as the justification; the
      finding's description (another tool's; ours says the rating again)
      and remarks as the note and ``checkpoint-met`` properties as the
      checkpoints met (titles, a finding's label, are not read);
    * the observations a finding links as its evidence: kind, reference
      (the description), date (``collected``), ``expires`` and the file
      or link of the back-matter resource it points at, with the file's
      SHA-256.

    Every other part is listed in :attr:`OscalImport.unmapped`.

    Raises:
        ValidationError: The document is not OSCAL assessment results
            with a result (named where, and what was expected), or it does
            not say the edition, the organisation or the date.
    """
    reader = _Reader(document, standard)
    return reader.read()


class _Reader:
    def __init__(self, document: Mapping[str, Any], standard: Standard | None) -> None:
        self.standard = standard
        self.unmapped: list[Problem] = []
        if not isinstance(document.get("assessment-results"), Mapping):
            keys = ", ".join(map(repr, document))
            raise _refused(
                (),
                "expected OSCAL assessment results: a mapping with the key "
                f"'assessment-results' (got {keys or 'an empty mapping'})",
            )
        self.document: Mapping[str, Any] = document
        self.root: Mapping[str, Any] = document["assessment-results"]
        results = _items(self.root, "results", _ROOT)
        if not results:
            raise _refused(
                (*_ROOT, "results"), "expected a list of at least one result"
            )
        self.results = results
        self.result_path, self.result = results[0]
        self.metadata = _part(self.root, "metadata", _ROOT)
        back_matter = _part(self.root, "back-matter", _ROOT)
        self.resources = {
            resource.get("uuid"): (path, resource)
            for path, resource in _items(
                back_matter, "resources", (*_ROOT, "back-matter")
            )
        }
        self.observations = {
            observation.get("uuid"): (path, observation)
            for path, observation in _items(
                self.result, "observations", self.result_path
            )
        }

    def skip(self, path: _Path, reason: str) -> None:
        self.unmapped.append(Problem(message=reason, path=path))

    def read(self) -> OscalImport:
        record = self.record()
        if record is not None:
            return OscalImport(assessment=record, standard=self.standard, exact=True)
        assessment = self.fields()
        return OscalImport(
            assessment=assessment,
            unmapped=tuple(self.unmapped),
            standard=self.standard,
        )

    # -- the record -----------------------------------------------------------

    def record(self) -> Assessment | None:
        """
        The assessment of the record, if the document holds one and is
        exactly the results written from it; otherwise ``None``, and why in
        the unmapped parts.
        """
        found = [
            (path, resource)
            for path, resource in self.resources.values()
            if _props(resource, "record") == [RECORD]
        ]
        if not found:
            return None
        path, resource = found[0]
        try:
            data = json.loads(base64.b64decode(resource["base64"]["value"]))
            assessment = _assessment(data)
        except (KeyError, TypeError, ValueError, binascii.Error):
            self.skip(
                path,
                "the assessment record does not hold an assessment/1 "
                "assessment: the results are read instead",
            )
            return None
        if self.standard is None:
            self.skip(
                path,
                "the assessment record is used only when the standard is given "
                "to check the results against it: the results are read instead",
            )
            return None
        try:
            written = to_oscal_results(
                self.standard,
                assessment,
                card=self.card(assessment),
                oscal_version=self.version(),
            )
        except (GoudenoorError, ValueError) as error:
            self.skip(
                path,
                "the assessment record does not fit the standard "
                f"{self.standard.id} ({error}): the results are read instead",
            )
            return None
        differs = _difference(written, self.document, ())
        if differs is not None:
            self.skip(
                path,
                "the assessment record was not used: the results differ from "
                f"those written from it at {_render(differs)}; the results are "
                "read instead",
            )
            return None
        return assessment

    def version(self) -> OscalVersion:
        """
        The OSCAL version the results name, when goudenoor writes it (the
        record is checked against the results written at that version);
        otherwise the default, against which such results then differ.
        """
        named = self.metadata.get("oscal-version")
        if named in OSCAL_VERSIONS:
            return cast("OscalVersion", named)
        return OSCAL_VERSION

    def card(self, assessment: Assessment) -> ScoreCard:
        """
        The score card the results were written with: scored with the
        options their properties name.
        """
        assert self.standard is not None  # noqa: S101 - checked by the caller
        parameters = {
            str(prop.get("class")): float(prop.get("value", ""))
            for _, prop in _items(self.result, "props", self.result_path)
            if prop.get("name") == "parameter" and prop.get("ns") == NAMESPACE
        }
        options: dict[str, Any] = {}
        for name, option in (
            ("scoring-method", "method"),
            ("recognition-scheme", "scheme"),
            ("evidence-policy", "evidence_policy"),
        ):
            value = _first(self.result, name)
            if value is not None:
                options[option] = value
        return score(
            self.standard,
            assessment,
            parameters=parameters or None,
            check=False,
            **options,
        )

    # -- the fields -----------------------------------------------------------

    def fields(self) -> Assessment:
        for path, _ in self.results[1:]:
            self.skip(path, "only the first result is read: an assessment is one audit")
        parties = {
            party.get("uuid"): party
            for _, party in _items(self.metadata, "parties", (*_ROOT, "metadata"))
        }
        ratings: dict[str, Rating] = {}
        linked: set[object] = set()
        for path, finding in _items(self.result, "findings", self.result_path):
            read = self.finding(finding, path, linked)
            if read is None:
                continue
            requirement_id, rating = read
            if requirement_id in ratings:
                self.skip(
                    path,
                    f"a second finding on requirement {requirement_id}: the "
                    "first is read",
                )
                continue
            ratings[requirement_id] = rating
        for uuid_, (path, _) in self.observations.items():
            if uuid_ not in linked:
                self.skip(
                    path, "an observation no finding links: evidence of no rating"
                )
        for key in ("risks", "attestations", "assessment-log", "local-definitions"):
            if key in self.result:
                self.skip(
                    (*self.result_path, key), f"{key} are not part of an assessment"
                )
        fields: dict[str, Any] = {
            "edition": self.edition(),
            "organisation": self.organisation(parties),
            "date": self.date(),
            "auditors": self.auditors(parties),
            "extensions": self.extensions(),
            "ratings": ratings,
            "scale": _first(self.result, "scale"),
            "unit": _first(self.result, "unit"),
        }
        try:
            return Assessment(**fields)
        except ModelError as error:
            raise ValidationError(
                Problem(
                    message="the assessment read from them is not valid: "
                    f"{problem.render()}",
                    path=_ROOT,
                )
                for problem in error.problems
            ) from None

    def edition(self) -> str:
        if self.standard is not None:
            return self.standard.id
        for _, resource in self.resources.values():
            edition = _first(resource, "edition")
            if edition is not None:
                return edition
        edition = _first(self.result, "edition")
        if edition is not None:
            return edition
        raise _refused(
            _ROOT,
            "the results do not say the edition (an 'edition' property): give "
            "the standard they rate (standard= in Python, --edition on the "
            "command line)",
        )

    def extensions(self) -> tuple[str, ...]:
        if self.standard is not None:
            return self.standard.extensions
        for _, resource in self.resources.values():
            if _props(resource, "edition"):
                return tuple(_props(resource, "extension"))
        return ()

    def organisation(self, parties: Mapping[object, Mapping[str, Any]]) -> str:
        for party in parties.values():
            name = party.get("name")
            if party.get("type") == "organization" and isinstance(name, str):
                return name
        title = self.metadata.get("title")
        if isinstance(title, str) and title.strip():
            self.skip(
                (*_ROOT, "metadata", "parties"),
                "no party of type organization: the title is taken as the organisation",
            )
            return title
        raise _refused(
            (*_ROOT, "metadata"),
            "the results do not name the organisation: expected a party of "
            "type organization or a title",
        )

    def date(self) -> datetime.date:
        path = (*self.result_path, "start")
        start = _day(self.result.get("start"), path)
        if start is None:
            raise _refused(
                path, "expected the date-time the audit started (YYYY-MM-DDThh:mm:ssZ)"
            )
        return start

    def auditors(self, parties: Mapping[object, Mapping[str, Any]]) -> tuple[str, ...]:
        names: list[str] = []
        metadata_path = (*_ROOT, "metadata")
        for path, responsible in _items(
            self.metadata, "responsible-parties", metadata_path
        ):
            if responsible.get("role-id") != "assessor":
                continue
            uuids = responsible.get("party-uuids", [])
            for uuid_ in uuids if isinstance(uuids, list) else []:
                name = parties.get(uuid_, {}).get("name")
                if isinstance(name, str):
                    names.append(name)
                else:
                    self.skip(path, f"no party {uuid_!r} with a name")
        return tuple(names)

    def requirement(self, finding: Mapping[str, Any], path: _Path) -> str | None:
        target = _part(finding, "target", path)
        target_id = str(target.get("target-id", ""))
        ours = _first(finding, "requirement-id")
        if self.standard is None:
            if ours is not None:
                return ours
            self.skip(
                (*path, "target"),
                f"target {target_id!r} is read only against a standard: none given",
            )
            return None
        controls = {control_id(r.id): r.id for r in self.standard.requirements}
        if ours is not None and ours in controls.values():
            return ours
        control = target_id.split("_", 1)[0]
        if target.get("type") in {"statement-id", "objective-id"} and (
            control in controls
        ):
            return controls[control]
        self.skip(
            (*path, "target"),
            f"target {target_id!r} is not a control of {self.standard.id}: "
            "expected a control id (req-5.3) or one of its parts (req-5.3_smt)",
        )
        return None

    def finding(
        self, finding: Mapping[str, Any], path: _Path, linked: set[object]
    ) -> tuple[str, Rating] | None:
        if _props(finding, "finding-id"):
            self.skip(
                path,
                "a finding of the follow-up (finding-id): read from the record only",
            )
            return None
        requirement_id = self.requirement(finding, path)
        if requirement_id is None:
            return None
        target = _part(finding, "target", path)
        status = _part(target, "status", (*path, "target"))
        implementation = _part(target, "implementation-status", (*path, "target"))
        evidence = tuple(self.evidence(finding, path, linked))
        # Our description says the rating again; another tool's says what
        # was found: the note, before the remarks.
        said = [] if _props(finding, "requirement-id") else [finding.get("description")]
        texts = [
            text for text in [*said, finding.get("remarks")] if isinstance(text, str)
        ]
        fields: dict[str, Any] = {
            "evidence": evidence,
            "note": "\n\n".join(filter(None, texts)) or None,
        }
        if implementation.get("state") == "not-applicable":
            fields["not_applicable"] = True
            fields["justification"] = str(
                implementation.get("remarks")
                or finding.get("description")
                or "not applicable"
            )
        else:
            fields["value"] = self.value(finding, status, path)
            fields["checkpoints_met"] = tuple(_props(finding, "checkpoint-met"))
        self.other_props(finding, path)
        try:
            return requirement_id, Rating(**fields)
        except ModelError as error:
            self.skip(path, f"not a rating: {error}")
            return None

    def value(
        self, finding: Mapping[str, Any], status: Mapping[str, Any], path: _Path
    ) -> float | None:
        written = _first(finding, "value")
        if written is not None:
            try:
                return float(written)
            except ValueError:
                self.skip(path, f"value {written!r} is not a number: left unrated")
                return None
        if status.get("state") == "satisfied" and self.standard is not None:
            return self.standard.scale().maximum
        self.skip(
            (*path, "target", "status"),
            "a status without a value on the scale: the requirement is left unrated",
        )
        return None

    def other_props(self, item: Mapping[str, Any], path: _Path) -> None:
        for prop_path, prop in _items(item, "props", path):
            name = prop.get("name")
            ours = prop.get("ns") == NAMESPACE
            if ours and name in _DERIVED_PROPS | {"value", "checkpoint-met"}:
                continue
            self.skip(prop_path, f"property {name!r} has no place")

    def evidence(
        self, finding: Mapping[str, Any], path: _Path, linked: set[object]
    ) -> Iterator[Evidence]:
        for related_path, related in _items(finding, "related-observations", path):
            uuid_ = related.get("observation-uuid")
            if uuid_ not in self.observations:
                self.skip(related_path, f"no observation {uuid_!r} in the result")
                continue
            linked.add(uuid_)
            observation_path, observation = self.observations[uuid_]
            try:
                yield self.observation(observation, observation_path)
            except ModelError as error:
                self.skip(observation_path, f"not evidence: {error}")

    def observation(self, observation: Mapping[str, Any], path: _Path) -> Evidence:
        methods = observation.get("methods", [])
        kind = _first(observation, "evidence-kind")
        if kind not in _KINDS:
            if kind is not None:
                self.skip(
                    path,
                    f"evidence kind {kind!r} is none of ours "
                    f"({', '.join(_KINDS)}): the kind is read from the methods",
                )
            kind = next(
                (_METHOD_KINDS[m] for m in methods if m in _METHOD_KINDS), "other"
            )
        reference = observation.get("description") or observation.get("title")
        undated = _first(observation, "undated") == "true"
        file: dict[str, str | None] = {}
        for relevant_path, relevant in _items(observation, "relevant-evidence", path):
            href = str(relevant.get("href", ""))
            if href.startswith("#") and href[1:] in self.resources:
                file.update(self.links(*self.resources[href[1:]]))
            elif href.startswith("#"):
                self.skip(relevant_path, f"no resource {href[1:]!r} in the back matter")
            elif href:
                file["uri"] = href
        return Evidence(
            kind=kind,  # type: ignore[arg-type] # Evidence checks the kind
            reference=str(reference or "evidence"),
            date=None
            if undated
            else _day(observation.get("collected"), (*path, "collected")),
            valid_until=_day(observation.get("expires"), (*path, "expires")),
            collected_by=_first(observation, "collected-by"),
            **file,
        )

    def links(self, path: _Path, resource: Mapping[str, Any]) -> dict[str, str | None]:
        """
        The file (its path, and SHA-256) and the link of an evidence item's
        back-matter resource.
        """
        found: dict[str, str | None] = {}
        for _, rlink in _items(resource, "rlinks", path):
            href = str(rlink.get("href", ""))
            if urlsplit(href).scheme:
                found["uri"] = href
                continue
            found["path"] = unquote(href)
            for _, digest in _items(rlink, "hashes", path):
                if digest.get("algorithm") == "SHA-256":
                    found["sha256"] = str(digest.get("value")).lower()
        return found


def _refused(path: _Path, message: str) -> ValidationError:
    return ValidationError([Problem(message=message, path=path)])


def _part(parent: Mapping[str, Any], key: str, path: _Path) -> Mapping[str, Any]:
    """
    The mapping at *key* of *parent* (at *path*); empty if absent.
    """
    value = parent.get(key, {})
    if not isinstance(value, Mapping):
        raise _refused((*path, key), f"expected a mapping, got {type(value).__name__}")
    return value


def _items(
    parent: Mapping[str, Any], key: str, path: _Path
) -> list[tuple[_Path, Mapping[str, Any]]]:
    """
    The mappings in the list at *key* of *parent* (at *path*), each with its
    path; none if absent.
    """
    value = parent.get(key, [])
    if not isinstance(value, list):
        raise _refused((*path, key), f"expected a list, got {type(value).__name__}")
    items = []
    for index, item in enumerate(value):
        if not isinstance(item, Mapping):
            raise _refused(
                (*path, key, index), f"expected a mapping, got {type(item).__name__}"
            )
        items.append(((*path, key, index), item))
    return items


# -- helpers --------------------------------------------------------------------


def _props(item: Mapping[str, Any], name: str) -> list[str]:
    """
    The values of our properties called *name* on *item*, in order.
    """
    return [
        str(prop.get("value"))
        for prop in item.get("props", [])
        if isinstance(prop, Mapping)
        and prop.get("name") == name
        and prop.get("ns") == NAMESPACE
    ]


def _first(item: Mapping[str, Any], name: str) -> str | None:
    """
    The value of our first property called *name* on *item*, if any.
    """
    return next(iter(_props(item, name)), None)


def _day(value: object, path: _Path) -> datetime.date | None:
    """
    The date of the date-time *value* (at *path*), ``None`` if absent.
    """
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValidationError(
            [
                Problem(
                    message="expected a date-time (YYYY-MM-DDThh:mm:ssZ), "
                    f"got {value!r}",
                    path=path,
                )
            ]
        ) from None


def _difference(written: object, found: object, path: _Path) -> _Path | None:
    """
    The path of the first place where *found* differs from *written*, or
    ``None`` where they are equal.
    """
    if isinstance(written, Mapping) and isinstance(found, Mapping):
        for key in [*written, *(k for k in found if k not in written)]:
            if key not in written or key not in found:
                return (*path, key)
            differs = _difference(written[key], found[key], (*path, key))
            if differs is not None:
                return differs
        return None
    if isinstance(written, list) and isinstance(found, list):
        for index, (one, other) in enumerate(zip(written, found, strict=False)):
            differs = _difference(one, other, (*path, index))
            if differs is not None:
                return differs
        if len(written) != len(found):
            return (*path, min(len(written), len(found)))
        return None
    return None if written == found else path


def _render(path: _Path) -> str:
    return Problem(message="", path=path).render().removesuffix(": ")


# -- the record -------------------------------------------------------------------
# The record is to_data() of the assessment: every field, by name.


def _evidence(data: Mapping[str, Any]) -> Evidence:
    return Evidence(
        kind=data["kind"],
        reference=data["reference"],
        date=_date(data["date"]),
        valid_until=_date(data["valid_until"]),
        path=data["path"],
        uri=data["uri"],
        sha256=data["sha256"],
        collected_by=data["collected_by"],
    )


def _date(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


def _all_evidence(items: Sequence[Mapping[str, Any]]) -> tuple[Evidence, ...]:
    return tuple(map(_evidence, items))


def _rating(data: Mapping[str, Any]) -> Rating:
    review = data["review"]
    return Rating(
        value=data["value"],
        not_applicable=data["not_applicable"],
        justification=data["justification"],
        evidence=_all_evidence(data["evidence"]),
        checkpoints_met=tuple(data["checkpoints_met"]),
        note=data["note"],
        review=None
        if review is None
        else Review(
            reason=review["reason"],
            value=review["value"],
            not_applicable=review["not_applicable"],
        ),
    )


def _finding(data: Mapping[str, Any]) -> Finding:
    return Finding(
        id=data["id"],
        requirement=data["requirement"],
        kind=data["kind"],
        text=data["text"],
        checkpoint=data["checkpoint"],
        severity=data["severity"],
        evidence=_all_evidence(data["evidence"]),
        owner=data["owner"],
        deadline=_date(data["deadline"]),
        raised=_date(data["raised"]),
        history=tuple(
            FindingUpdate(
                status=entry["status"],
                date=datetime.date.fromisoformat(entry["date"]),
                by=entry["by"],
                note=entry["note"],
                evidence=_all_evidence(entry["evidence"]),
            )
            for entry in data["history"]
        ),
        review=data["review"],
    )


def _assessment(data: Mapping[str, Any]) -> Assessment:
    origin = data["migrated_from"]
    return Assessment(
        edition=data["edition"],
        organisation=data["organisation"],
        date=datetime.date.fromisoformat(data["date"]),
        scale=data["scale"],
        auditors=tuple(data["auditors"]),
        extensions=tuple(data["extensions"]),
        ratings={key: _rating(value) for key, value in data["ratings"].items()},
        migrated_from=None
        if origin is None
        else MigrationOrigin(edition=origin["edition"], crosswalk=origin["crosswalk"]),
        unit=data["unit"],
        kind=data["kind"],
        findings=tuple(map(_finding, data["findings"])),
        journal_head=data["journal_head"],
    )
