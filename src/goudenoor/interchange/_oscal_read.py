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
from typing import Any
from urllib.parse import unquote, urlsplit

import attrs

from goudenoor.audit import (
    Assessment,
    Evidence,
    EvidenceKind,
    Finding,
    FindingUpdate,
    MigrationOrigin,
    Rating,
    Review,
    score,
)
from goudenoor.exceptions import GoudenoorError, ValidationError
from goudenoor.interchange._oscal import (
    NAMESPACE,
    RECORD,
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


@attrs.frozen(kw_only=True)
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
        if not isinstance(document, Mapping) or not isinstance(
            document.get("assessment-results"), Mapping
        ):
            keys = (
                ", ".join(map(repr, document))
                if isinstance(document, Mapping)
                else type(document).__name__
            )
            raise ValidationError(
                [
                    Problem(
                        message="expected OSCAL assessment results: a mapping with "
                        f"the key 'assessment-results' (got {keys or 'an empty mapping'})"
                    )
                ]
            )
        self.document = document
        self.root: Mapping[str, Any] = document["assessment-results"]
        results = self.root.get("results")
        if not isinstance(results, list) or not results:
            raise ValidationError(
                [
                    Problem(
                        message="expected a list of at least one result",
                        path=(*_ROOT, "results"),
                    )
                ]
            )
        self.result = self._mapping(results[0], (*_ROOT, "results", 0))
        self.resources = {
            resource.get("uuid"): (index, resource)
            for index, resource in enumerate(
                self.root.get("back-matter", {}).get("resources", [])
            )
            if isinstance(resource, Mapping)
        }

    def _mapping(self, value: object, path: _Path) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise ValidationError(
                [
                    Problem(
                        message=f"expected a mapping, got {type(value).__name__}",
                        path=path,
                    )
                ]
            )
        return value

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
            (index, resource)
            for index, resource in self.resources.values()
            if _props(resource, "record") == [RECORD]
        ]
        if not found:
            return None
        index, resource = found[0]
        path: _Path = (*_ROOT, "back-matter", "resources", index)
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
                self.standard, assessment, card=self.card(assessment)
            )
        except GoudenoorError as error:
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
        return attrs.evolve(assessment, source=None)

    def card(self, assessment: Assessment) -> Any:
        assert self.standard is not None  # noqa: S101 - checked by the caller
        props = self.result.get("props", [])
        parameters = {
            str(prop.get("class")): float(prop["value"])
            for prop in props
            if prop.get("name") == "parameter" and prop.get("ns") == NAMESPACE
        }
        options: dict[str, Any] = {}
        for name, option in (
            ("scoring-method", "method"),
            ("recognition-scheme", "scheme"),
            ("evidence-policy", "evidence_policy"),
        ):
            values = _props(self.result, name)
            if values:
                options[option] = values[0]
        return score(
            self.standard,
            assessment,
            parameters=parameters or None,
            check=False,
            **options,
        )

    # -- the fields -----------------------------------------------------------

    def fields(self) -> Assessment:
        result_path: _Path = (*_ROOT, "results", 0)
        for extra in range(1, len(self.root["results"])):
            self.skip(
                (*_ROOT, "results", extra),
                "only the first result is read: an assessment is one audit",
            )
        parties = {
            party.get("uuid"): party
            for party in self.root.get("metadata", {}).get("parties", [])
            if isinstance(party, Mapping)
        }
        ratings: dict[str, Rating] = {}
        linked: set[str] = set()
        for index, finding in enumerate(self.result.get("findings", [])):
            path = (*result_path, "findings", index)
            read = self.finding(self._mapping(finding, path), path, linked)
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
        for index, observation in enumerate(self.result.get("observations", [])):
            if isinstance(observation, Mapping) and observation.get("uuid") in linked:
                continue
            self.skip(
                (*result_path, "observations", index),
                "an observation no finding links: evidence of no rating",
            )
        for key in ("risks", "attestations", "assessment-log", "local-definitions"):
            if key in self.result:
                self.skip(
                    (*result_path, key),
                    f"{key} are not part of an assessment",
                )
        return Assessment(
            edition=self.edition(),
            organisation=self.organisation(parties),
            date=self.date(result_path),
            auditors=self.auditors(parties),
            extensions=self.extensions(),
            ratings=ratings,
            scale=(_props(self.result, "scale") or [None])[0],
            unit=(_props(self.result, "unit") or [None])[0],
        )

    def edition(self) -> str:
        if self.standard is not None:
            return self.standard.id
        for _, resource in self.resources.values():
            editions = _props(resource, "edition")
            if editions:
                return editions[0]
        editions = _props(self.result, "edition")
        if editions:
            return editions[0]
        raise ValidationError(
            [
                Problem(
                    message="the results do not say the edition (an 'edition' "
                    "property): give the standard they rate (standard= in Python, "
                    "--edition on the command line)",
                    path=_ROOT,
                )
            ]
        )

    def extensions(self) -> tuple[str, ...]:
        if self.standard is not None:
            return self.standard.extensions
        for _, resource in self.resources.values():
            if _props(resource, "edition"):
                return tuple(_props(resource, "extension"))
        return ()

    def organisation(self, parties: Mapping[Any, Mapping[str, Any]]) -> str:
        for party in parties.values():
            if party.get("type") == "organization" and party.get("name"):
                return str(party["name"])
        title = self.root.get("metadata", {}).get("title")
        if isinstance(title, str) and title.strip():
            self.skip(
                (*_ROOT, "metadata", "parties"),
                "no party of type organization: the title is taken as the organisation",
            )
            return title
        raise ValidationError(
            [
                Problem(
                    message="the results do not name the organisation: expected a "
                    "party of type organization or a title",
                    path=(*_ROOT, "metadata"),
                )
            ]
        )

    def date(self, result_path: _Path) -> datetime.date:
        start = _day(self.result.get("start"), (*result_path, "start"))
        if start is None:
            raise ValidationError(
                [
                    Problem(
                        message="expected the date-time the audit started "
                        "(YYYY-MM-DDThh:mm:ssZ)",
                        path=(*result_path, "start"),
                    )
                ]
            )
        return start

    def auditors(self, parties: Mapping[Any, Mapping[str, Any]]) -> tuple[str, ...]:
        names: list[str] = []
        metadata = self.root.get("metadata", {})
        for responsible in metadata.get("responsible-parties", []):
            if responsible.get("role-id") != "assessor":
                continue
            names += [
                str(parties[uuid_]["name"])
                for uuid_ in responsible.get("party-uuids", [])
                if uuid_ in parties and parties[uuid_].get("name")
            ]
        return tuple(names)

    def requirement(self, finding: Mapping[str, Any], path: _Path) -> str | None:
        target = finding.get("target", {})
        target_id = str(target.get("target-id", ""))
        ids = _props(finding, "requirement-id")
        if self.standard is None:
            if ids:
                return ids[0]
            self.skip(
                (*path, "target"),
                f"target {target_id!r} is read only against a standard: none given",
            )
            return None
        controls = {control_id(r.id): r.id for r in self.standard.requirements}
        if ids and ids[0] in controls.values():
            return ids[0]
        control = target_id.split("_", 1)[0]
        if target.get("type") in {"statement-id", "objective-id", "control-id"} and (
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
        self, finding: Mapping[str, Any], path: _Path, linked: set[str]
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
        target = finding.get("target", {})
        evidence = tuple(self.evidence(finding, path, linked))
        # Our description says the rating again; another tool's says what
        # was found: the note, before the remarks.
        said = [] if _props(finding, "requirement-id") else [finding.get("description")]
        note = "\n\n".join(filter(None, [*said, finding.get("remarks")])) or None
        if target.get("implementation-status", {}).get("state") == "not-applicable":
            justification = target["implementation-status"].get("remarks") or str(
                finding.get("description") or "not applicable"
            )
            return requirement_id, Rating(
                not_applicable=True,
                justification=justification,
                evidence=evidence,
                note=note,
            )
        values = _props(finding, "value")
        value: float | None = None
        if values:
            value = float(values[0])
        elif target.get("status", {}).get("state") == "satisfied" and (
            self.standard is not None
        ):
            value = self.standard.scale().maximum
        else:
            self.skip(
                (*path, "target", "status"),
                "a status without a value on the scale: the requirement is "
                "left unrated",
            )
        self.other_props(finding, path)
        return requirement_id, Rating(
            value=value,
            evidence=evidence,
            checkpoints_met=tuple(_props(finding, "checkpoint-met")),
            note=note,
        )

    def other_props(self, item: Mapping[str, Any], path: _Path) -> None:
        for index, prop in enumerate(item.get("props", [])):
            name = prop.get("name")
            ours = prop.get("ns") == NAMESPACE
            if ours and name in _DERIVED_PROPS | {"value", "checkpoint-met"}:
                continue
            self.skip((*path, "props", index), f"property {name!r} has no place")

    def evidence(
        self, finding: Mapping[str, Any], path: _Path, linked: set[str]
    ) -> Iterator[Evidence]:
        observations = {
            observation.get("uuid"): (index, observation)
            for index, observation in enumerate(self.result.get("observations", []))
            if isinstance(observation, Mapping)
        }
        for number, related in enumerate(finding.get("related-observations", [])):
            uuid_ = related.get("observation-uuid")
            if uuid_ not in observations:
                self.skip(
                    (*path, "related-observations", number),
                    f"no observation {uuid_!r} in the result",
                )
                continue
            linked.add(uuid_)
            index, observation = observations[uuid_]
            yield self.observation(
                observation, (*_ROOT, "results", 0, "observations", index)
            )

    def observation(self, observation: Mapping[str, Any], path: _Path) -> Evidence:
        kinds = _props(observation, "evidence-kind")
        methods = observation.get("methods", [])
        kind: Any = (
            kinds[0]
            if kinds
            else next(
                (_METHOD_KINDS[m] for m in methods if m in _METHOD_KINDS), "other"
            )
        )
        reference = str(
            observation.get("description") or observation.get("title") or "evidence"
        )
        undated = _props(observation, "undated") == ["true"]
        file: dict[str, str | None] = {"path": None, "uri": None, "sha256": None}
        for relevant in observation.get("relevant-evidence", []):
            href = str(relevant.get("href", ""))
            if href.startswith("#") and href[1:] in self.resources:
                file.update(self.links(self.resources[href[1:]][1]))
            elif href:
                file["uri"] = href
        return Evidence(
            kind=kind,
            reference=reference,
            date=None
            if undated
            else _day(observation.get("collected"), (*path, "collected")),
            valid_until=_day(observation.get("expires"), (*path, "expires")),
            collected_by=(_props(observation, "collected-by") or [None])[0],
            **file,
        )

    def links(self, resource: Mapping[str, Any]) -> dict[str, str | None]:
        found: dict[str, str | None] = {}
        for rlink in resource.get("rlinks", []):
            href = str(rlink.get("href", ""))
            if urlsplit(href).scheme:
                found["uri"] = href
                continue
            found["path"] = unquote(href)
            for digest in rlink.get("hashes", []):
                if digest.get("algorithm") == "SHA-256":
                    found["sha256"] = str(digest["value"]).lower()
        return found


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
                    message=f"expected a date-time (YYYY-MM-DDThh:mm:ssZ), got {value!r}",
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
