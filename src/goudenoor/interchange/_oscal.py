"""
The standard and its audits in NIST's OSCAL (version 1.1.3 or 1.2.1), as
plain data.

:func:`to_oscal_catalog` turns a :class:`~goudenoor.standard.Standard` (a
shipped edition, or one with sector extensions applied) into an OSCAL
catalog; :func:`to_oscal_results` turns an
:class:`~goudenoor.audit.Assessment` into OSCAL assessment results.
Both return JSON-ready dicts (strings, lists and dicts only); writing them
as JSON or YAML is the file layer's work.

The same input always gives the same output, byte for byte once dumped:

* Ids are OSCAL tokens made from our ids: area ``5`` is the group
  ``area-5``, requirement ``5.3`` the control ``req-5.3`` and
  ``zorg:5.8`` the control ``req-zorg.5.8`` (a namespace starts with a
  letter and a bare id with a digit, so no two ids meet). Parts follow
  NIST's habit: ``req-5.3_smt`` (statement), ``req-5.3_obj`` (the evidence
  clause) and ``req-5.3_obj.a`` (checkpoint ``5.3.a``; an extension's
  checkpoint ``zorg:5.1.x`` is ``req-5.1_obj.zorg.x``). Our own id stays
  in the OSCAL ``label`` property.
* UUIDs are version 5 UUIDs in the namespace :data:`UUID_NAMESPACE`, named
  by the edition, the extensions applied, for results the organisation,
  the audit date and the unit (if the audit was of one), and the item's
  ids. They identify the subject
  (per OSCAL: the same catalogue, audit or finding keeps its UUID across
  revisions), so they do not change when a text or a rating does.
* ``metadata.last-modified`` is 1 January of the edition's year for a
  catalogue and the audit date for results, both at midnight UTC: the
  export never reads the clock.

* Control and finding titles are in the standard's language, as its
  texts are: ``Eis 5.3`` (the requirement's words are the statement part,
  too long for a title).
* Texts in OSCAL's Markdown fields (titles, prose, descriptions,
  remarks: the standard's texts, and notes, evidence and justifications
  from the audit) are escaped as the Markdown report escapes them, so
  that each reads as the text it is, never as a heading, a link or HTML.
  Names and property values are plain strings and stay as they are.

Properties OSCAL does not define carry the namespace :data:`NAMESPACE`.
The objective status of a finding is derived from the rating (see
:func:`to_oscal_results`).

Each export takes ``oscal_version``: :data:`OSCAL_VERSION` (1.1.3) by
default, or 1.2.1 (:data:`OSCAL_VERSIONS`). The documents are the same at
both but for ``metadata.oscal-version``. (Results in which nothing was
rated review no controls: every control included and then excluded, as
OSCAL 1.2 requires a selection to include controls; 1.1.3 accepts that
form too.)
"""

from __future__ import annotations

import base64
import datetime
import json
import re
import uuid
from collections.abc import Iterable
from typing import Any, Final, Literal, NamedTuple, get_args
from urllib.parse import quote

from goudenoor._checks import checked
from goudenoor._data import to_data
from goudenoor._text import markdown_text
from goudenoor.audit import (
    Assessment,
    Audit,
    Evidence,
    Finding,
    FindingKind,
    FindingStatus,
    FindingUpdate,
    Rating,
    ScoreCard,
    check_assessment,
    score,
    standard_and_assessment,
)
from goudenoor.exceptions import OutputError, ScoringError
from goudenoor.standard import (
    Area,
    Change,
    Checkpoint,
    Principle,
    Requirement,
    Scale,
    Source,
    Standard,
    Term,
)


__all__ = [
    "NAMESPACE",
    "OSCAL_VERSION",
    "OSCAL_VERSIONS",
    "OscalVersion",
    "UUID_NAMESPACE",
    "control_id",
    "to_oscal_catalog",
    "to_oscal_poam",
    "to_oscal_results",
]


def __dir__() -> list[str]:
    return __all__


OscalVersion = Literal["1.1.3", "1.2.1"]
"""An OSCAL version the exports can be written in."""

OSCAL_VERSIONS: Final[tuple[OscalVersion, ...]] = get_args(OscalVersion)
"""Every OSCAL version the exports can be written in, oldest first."""

OSCAL_VERSION: Final[OscalVersion] = "1.1.3"
"""The OSCAL version the exports conform to by default. Still 1.1.3: the
tools that read OSCAL (compliance-trestle 3.x among them) read it, and a
1.2 reader is told so by ``--oscal-version``; the documents differ only in
``metadata.oscal-version``."""

NAMESPACE = "https://github.com/goudenoor/goudenoor/ns/oscal"
"""The ``ns`` of the properties and parts that OSCAL does not define."""

UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)
"""The namespace of every UUID the exports make, fixed and derived from
:data:`NAMESPACE`."""


def _version(version: str) -> OscalVersion:
    # The keyword is typed as a Literal, which @checked checks only as a
    # str: an unknown value is refused here, with the known ones.
    for known in OSCAL_VERSIONS:
        if version == known:
            return known
    raise OutputError(
        f"unknown OSCAL version {version!r}: expected one of {list(OSCAL_VERSIONS)}"
    )


_EVIDENCE_METHODS = {
    "document": "EXAMINE",
    "interview": "INTERVIEW",
    "observation": "EXAMINE",
    "measurement": "TEST",
    "sample": "TEST",
    "other": "UNKNOWN",
}
"""Evidence kind -> OSCAL observation method (SP 800-53A: examine,
interview, test)."""


# -- ids, uuids and small values ----------------------------------------------


def _token(identifier: str) -> str:
    # "zorg:5.8" -> "zorg.5.8": a namespace is [a-z][a-z0-9_-]*, a bare id
    # digits and dots (and letters for checkpoints).
    return identifier.replace(":", ".")


def control_id(requirement_id: str) -> str:
    """
    The OSCAL control id of a requirement: ``req-5.3``, ``req-zorg.5.8``.

    >>> control_id("zorg:5.8")
    'req-zorg.5.8'
    """
    return f"req-{_token(requirement_id)}"


def _group_id(area: Area) -> str:
    return f"area-{area.id}"


def _checkpoint_part_id(requirement: Requirement, checkpoint: Checkpoint) -> str:
    # The checkpoint id is "<namespace:>?<bare requirement id>.<letters>";
    # within one requirement (namespace, letters) is unique.
    namespace, _, bare = checkpoint.id.rpartition(":")
    letters = bare.rpartition(".")[2]
    suffix = f"{namespace}.{letters}" if namespace else letters
    return f"{control_id(requirement.id)}_obj.{suffix}"


def _uuid(*names: str) -> str:
    # JSON keeps the parts apart whatever they contain.
    return str(uuid.uuid5(UUID_NAMESPACE, json.dumps(names, ensure_ascii=False)))


def _catalog_subject(standard: Standard) -> tuple[str, ...]:
    return ("catalog", standard.id, *standard.extensions)


def _line(text: str) -> str:
    # Property values and names are one line, without outer whitespace:
    # OSCAL's string type is ECMAScript's ^\S(.*\S)?$, whose white space
    # includes U+FEFF.
    return " ".join(text.split()).strip(" \ufeff")


def _markup(text: str) -> str:
    # A markup-multiline field is Markdown: each line of a text is escaped
    # as the Markdown report escapes a cell (markdown_text), so that it
    # reads as the text it is and never as a heading, a link or HTML; blank
    # lines keep the paragraphs apart.
    paragraphs = (
        "\n".join(filter(None, map(markdown_text, paragraph.splitlines())))
        for paragraph in re.split(r"\n[^\S\n]*\n", text)
    )
    return "\n\n".join(filter(None, paragraphs))


def _number(value: float) -> str:
    # Ten significant digits: exact for ratings and points, without the
    # float noise of sums (49.99999999999999 -> "50").
    return f"{value:.10g}"


def _timestamp(date: datetime.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _prop(
    name: str, value: str | float, *, own: bool = True, klass: str | None = None
) -> dict[str, str]:
    text = _number(value) if isinstance(value, float) else _line(value)
    prop = {"name": name, "value": text}
    if own:
        prop["ns"] = NAMESPACE
    if klass is not None:
        prop["class"] = klass
    return prop


def _with(item: dict[str, Any], **fields: Any) -> dict[str, Any]:
    # OSCAL arrays have at least one member and strings are not empty:
    # leave out what is empty.
    for key, value in fields.items():
        if value:
            item[key.replace("_", "-")] = value
    return item


def _notes(notes: Iterable[str]) -> str:
    return "\n\n".join(map(_markup, notes))


# -- the catalogue ------------------------------------------------------------


@checked
def to_oscal_catalog(
    standard: Standard, *, oscal_version: OscalVersion = OSCAL_VERSION
) -> dict[str, Any]:
    """
    The standard as an OSCAL catalog: ``{"catalog": {...}}``, in OSCAL
    *oscal_version* (1.1.3 by default, or 1.2.1).

    * Each area is a group (class ``area``) with its kind, points and
      aliases as properties and its summary as an ``overview`` part.
    * Each requirement is a control (class ``requirement``) in its area's
      group, labelled with the requirement id. Its ``statement`` part holds
      the Dutch text verbatim (with its lead, if any); the evidence clause
      is an ``assessment-objective`` part whose sub-parts are the
      checkpoints. The theme and, for inherited requirements, the edition
      it was inherited from are properties; the source is a link to a
      back-matter resource.
    * Sources, principles and terms are back-matter resources.
    * What sector extensions added or changed carries a ``change`` part per
      change (extension, action, field, reason, the value before); changes
      to things that are not in a catalogue (influences, scales, schemes,
      removed requirements) are listed in ``metadata.remarks``.

    >>> import goudenoor as go
    >>> catalog = to_oscal_catalog(go.load_standard("gos-2012"))["catalog"]
    >>> group = catalog["groups"][4]
    >>> group["id"], group["title"], group["controls"][2]["id"]
    ('area-5', 'Leren & ontwikkelen', 'req-5.3')

    Raises:
        OutputError: *oscal_version* is not one of :data:`OSCAL_VERSIONS`.
    """
    version = _version(oscal_version)
    resources = _source_resources(standard)
    source_uuids = {source.id: item["uuid"] for source, item in resources}
    changes = _Changes(standard)
    groups = [_group(area, source_uuids, changes) for area in standard.areas]
    elsewhere = changes.rest()
    metadata = _with(
        {
            "title": markdown_text(standard.title),
            "last-modified": _timestamp(datetime.date(standard.year, 1, 1)),
            "version": "+".join((standard.id, *standard.extensions)),
            "oscal-version": version,
        },
        props=[
            _prop("edition", standard.id),
            _prop("year", str(standard.year)),
            _prop("default-scale", standard.default_scale),
            _prop("default-recognition-scheme", standard.default_scheme),
            *(_prop("extension", ext) for ext in standard.extensions),
        ],
        remarks="\n\n".join(
            [*map(_markup, standard.notes), *(_change_line(c) for c in elsewhere)]
        ),
    )
    back_matter = [item for _, item in resources]
    back_matter += [_principle(standard, p, source_uuids) for p in standard.principles]
    back_matter += [_term(standard, t, source_uuids) for t in standard.terms]
    catalog = {
        "uuid": _uuid(*_catalog_subject(standard)),
        "metadata": metadata,
        "groups": groups,
    }
    if back_matter:
        catalog["back-matter"] = {"resources": back_matter}
    return {"catalog": catalog}


def _source_resources(standard: Standard) -> list[tuple[Source, dict[str, Any]]]:
    return [
        (
            source,
            _with(
                {
                    "uuid": _uuid(*_catalog_subject(standard), "source", source.id),
                    "title": markdown_text(source.title),
                    "props": [_prop("source-id", source.id), _prop("kind", "source")],
                },
                rlinks=[{"href": source.url}] if source.url else None,
                remarks=_notes(source.notes),
            ),
        )
        for source in standard.sources
    ]


def _source_link(source_uuids: dict[str, str], source: str) -> dict[str, str]:
    return {"href": f"#{source_uuids[source]}", "rel": "reference"}


def _principle(
    standard: Standard, principle: Principle, source_uuids: dict[str, str]
) -> dict[str, Any]:
    props = [_prop("kind", "principle"), _prop("source-id", principle.source)]
    if principle.number is not None:
        props.append(_prop("number", str(principle.number)))
    return _with(
        {
            "uuid": _uuid(*_catalog_subject(standard), "principle", principle.name),
            "title": markdown_text(principle.name),
            "description": _markup(principle.description),
            "props": props,
            "citation": {
                "text": markdown_text(f"Source: {principle.source}"),
                "links": [_source_link(source_uuids, principle.source)],
            },
        },
        remarks=_notes(principle.notes),
    )


def _term(
    standard: Standard, term: Term, source_uuids: dict[str, str]
) -> dict[str, Any]:
    return _with(
        {
            "uuid": _uuid(*_catalog_subject(standard), "term", term.term),
            "title": markdown_text(term.term),
            "description": _markup(term.definition),
            "props": [_prop("kind", "term"), _prop("source-id", term.source)],
            "citation": {
                "text": markdown_text(f"Source: {term.source}"),
                "links": [_source_link(source_uuids, term.source)],
            },
        },
        remarks=_notes(term.notes),
    )


class _Changes:
    """
    The extensions' changes by item, and which of them found a place.
    """

    def __init__(self, standard: Standard) -> None:
        self.changes = standard.changes
        self.by_item: dict[str, list[int]] = {}
        for index, change in enumerate(standard.changes):
            self.by_item.setdefault(change.item, []).append(index)
        self.placed: set[int] = set()

    def take(self, item: str) -> list[Change]:
        found = self.by_item.get(item, [])
        self.placed.update(found)
        return [self.changes[index] for index in found]

    def rest(self) -> list[Change]:
        return [c for i, c in enumerate(self.changes) if i not in self.placed]


def _change_parts(owner: str, item: str, changes: _Changes) -> list[dict[str, Any]]:
    parts = []
    for number, change in enumerate(changes.take(item), start=1):
        props = [_prop("extension", change.extension), _prop("action", change.action)]
        if change.field is not None:
            props.append(_prop("field", change.field))
        parts.append(
            {
                "id": f"{owner}_chg.{number}",
                "name": "change",
                "ns": NAMESPACE,
                "props": props,
                "prose": _change_prose(change),
            }
        )
    return parts


def _change_prose(change: Change) -> str:
    field = f" ({change.field})" if change.field else ""
    lines = [f"{_DONE[change.action]}{field} by extension {change.extension}."]
    if change.reason:
        lines.append(f"Reason: {change.reason}")
    if change.old is not None:
        lines.append(f"Before: {change.old}")
    return "\n\n".join(map(markdown_text, lines))


_DONE = {"add": "Added", "override": "Overridden", "remove": "Removed"}


def _change_line(change: Change) -> str:
    field = f" ({change.field})" if change.field else ""
    line = f"Extension {change.extension}: {change.action} {change.item}{field}."
    if change.reason:
        line += f" Reason: {change.reason}"
    return markdown_text(line)


def _group(
    area: Area, source_uuids: dict[str, str], changes: _Changes
) -> dict[str, Any]:
    group_id = _group_id(area)
    props = [
        _prop("label", area.id, own=False),
        _prop("kind", area.kind),
        _prop("points", area.points),
    ]
    if area.points_assumed:
        props.append(_prop("points-assumed", "true"))
    if area.points_source is not None:
        props.append(_prop("points-source", area.points_source))
    props += [_prop("alias", alias) for alias in area.aliases]
    parts = []
    if area.summary:
        parts.append(
            {
                "id": f"{group_id}_ovw",
                "name": "overview",
                "prose": _markup(area.summary),
            }
        )
    parts += [
        {
            "id": f"{group_id}_note.{n}",
            "name": "note",
            "ns": NAMESPACE,
            "prose": _markup(note),
        }
        for n, note in enumerate(area.notes, start=1)
    ]
    parts += _change_parts(group_id, f"area {area.id}", changes)
    return _with(
        {
            "id": group_id,
            "class": "area",
            "title": markdown_text(area.name),
            "props": props,
        },
        parts=parts,
        controls=[
            _control(requirement, source_uuids, changes)
            for requirement in area.requirements
        ],
    )


def _control(
    requirement: Requirement, source_uuids: dict[str, str], changes: _Changes
) -> dict[str, Any]:
    cid = control_id(requirement.id)
    props = [_prop("label", requirement.id, own=False)]
    if requirement.theme is not None:
        props.append(_prop("theme", requirement.theme))
    if requirement.inherited_from is not None:
        props.append(_prop("inherited-from", requirement.inherited_from))
    if requirement.namespace is not None:
        props.append(_prop("extension", requirement.namespace))
    if requirement.weight != 1:
        props.append(_prop("weight", requirement.weight))
    parts: list[dict[str, Any]] = [
        {
            "id": f"{cid}_smt",
            "name": "statement",
            "prose": _markup(requirement.full_text),
        }
    ]
    if requirement.evidence is not None or requirement.checkpoints:
        parts.append(
            _with(
                {"id": f"{cid}_obj", "name": "assessment-objective"},
                prose=_markup(requirement.evidence or ""),
                parts=[
                    _checkpoint(requirement, checkpoint, changes)
                    for checkpoint in requirement.checkpoints
                ],
            )
        )
    parts += _change_parts(cid, f"requirement {requirement.id}", changes)
    return {
        "id": cid,
        "class": "requirement",
        "title": _title(requirement),
        "props": props,
        "links": [_source_link(source_uuids, requirement.source)],
        "parts": parts,
    }


def _title(requirement: Requirement) -> str:
    # In the standard's language, as the group titles and the statements
    # are: "Eis 5.3". The requirement's own words are the statement part;
    # as a title they would be a paragraph in every tool's outline.
    return f"Eis {requirement.id}"


def _checkpoint(
    requirement: Requirement, checkpoint: Checkpoint, changes: _Changes
) -> dict[str, Any]:
    part_id = _checkpoint_part_id(requirement, checkpoint)
    return _with(
        {
            "id": part_id,
            "name": "assessment-objective",
            "props": [_prop("label", checkpoint.id, own=False)],
            "prose": _markup(checkpoint.text),
        },
        parts=_change_parts(part_id, f"checkpoint {checkpoint.id}", changes),
    )


# -- the results --------------------------------------------------------------


@checked
def to_oscal_results(
    standard: Standard | Audit,
    assessment: Assessment | None = None,
    *,
    card: ScoreCard | None = None,
    oscal_version: OscalVersion = OSCAL_VERSION,
) -> dict[str, Any]:
    """
    The audit as OSCAL assessment results: ``{"assessment-results": {...}}``,
    in OSCAL *oscal_version* (1.1.3 by default, or 1.2.1).

    ``to_oscal_results(audit)``, or ``to_oscal_results(standard,
    assessment)``: then the assessment is checked against *standard*
    first, as :func:`~goudenoor.score` does. *card* is its score card (by
    default the one :func:`~goudenoor.score` gives with its defaults).

    * The auditors are parties (persons) with the role ``assessor``; the
      organisation is a party too.
    * One result for the audit, starting on the audit date, reviewing the
      controls of the rated and not-applicable requirements, with the
      unit audited (if any), the score card's points, level and settings
      as properties and its warnings and gaps in its remarks. The titles
      name the organisation and the unit.
    * One finding per rated or not-applicable requirement. Its target is
      the control's statement part (``req-5.3_smt``); its objective status
      is ``satisfied`` (reason ``pass``) for a value at the top of the
      scale and ``not-satisfied`` (reason ``fail``) below it. A
      not-applicable requirement is ``satisfied`` with reason ``other``
      and the implementation status ``not-applicable``, its justification
      in the remarks: it does not count against the organisation, as in
      scoring. The value, the scale and the points are properties.
    * Each piece of evidence is an observation (method by kind: document
      and observation EXAMINE, interview INTERVIEW, measurement and
      sample TEST, other UNKNOWN), collected on its date (the audit date
      if it has none), expiring at its ``valid_until``, linked from its finding.
      An item with a file (``path``) or a link (``uri``) is a back-matter
      resource too, which the observation's relevant evidence points at:
      a resource link to the file (its path, relative to the evidence
      folder) with the file's SHA-256 in ``hashes`` (algorithm
      ``SHA-256``), and one to the link; who collected it is the
      property ``collected-by``.
    * There is no OSCAL assessment plan: ``import-ap`` points at a
      back-matter resource naming the catalogue the audit used.
    * The assessment itself is a back-matter resource too (property
      ``record`` ``assessment/1``, the JSON in ``base64``): OSCAL results
      have no place for a finding's follow-up, a review mark or the exact
      texts the Markdown fields escape, and
      :func:`~goudenoor.interchange.from_oscal_results` gives the
      assessment back from it, without loss, while the results are
      unchanged.

    Raises:
        ValidationError: The assessment does not fit the standard.
        ScoringError: *card* is not a score card of this assessment
            against this standard.
        OutputError: *oscal_version* is not one of :data:`OSCAL_VERSIONS`.
    """
    version = _version(oscal_version)
    standard, assessment, fits = standard_and_assessment(
        standard, assessment, "to_oscal_results"
    )
    if not fits:
        check_assessment(assessment, standard)
    if card is None:
        card = score(standard, assessment, check=False)
    elif card.assessment != assessment or card.standard != standard:
        raise ScoringError(
            f"the score card is not of this assessment ({assessment.organisation}, "
            f"{assessment.date.isoformat()}, {standard.id}): score the assessment "
            "against the standard and pass that card"
        )
    subject = _audit_subject("assessment-results", standard, assessment)
    auditors = [
        {
            "uuid": _uuid(*subject, "auditor", name),
            "type": "person",
            "name": _line(name),
        }
        for name in dict.fromkeys(assessment.auditors)  # each person once
    ]
    organisation = {
        "uuid": _uuid(*subject, "organisation"),
        "type": "organization",
        "name": _line(assessment.organisation),
    }
    metadata = _with(
        {
            "title": markdown_text(
                f"Gouden Oor audit of {_audited(assessment)} "
                f"({standard.id}, {assessment.date.isoformat()})"
            ),
            "last-modified": _timestamp(assessment.date),
            "version": assessment.date.isoformat(),
            "oscal-version": version,
            "roles": [{"id": "assessor", "title": "Auditor"}],
            "parties": [*auditors, organisation],
        },
        responsible_parties=[
            {"role-id": "assessor", "party-uuids": [p["uuid"] for p in auditors]}
        ]
        if auditors
        else None,
    )
    plan = _plan_resource(standard, subject)
    actors = [
        {"type": "party", "actor-uuid": party["uuid"], "role-id": "assessor"}
        for party in auditors
    ]
    audit = _Audit(
        assessment=assessment,
        card=card,
        subject=subject,
        origins=[{"actors": actors}] if actors else None,
        resources=[],
    )
    result = _result(standard, audit)
    return {
        "assessment-results": {
            "uuid": _uuid(*subject),
            "metadata": metadata,
            "import-ap": {"href": f"#{plan['uuid']}"},
            "results": [result],
            "back-matter": {
                "resources": [plan, *audit.resources, _record(subject, assessment)]
            },
        }
    }


def _audit_subject(
    model: str, standard: Standard, assessment: Assessment
) -> tuple[str, ...]:
    """
    The names every UUID of the document *model* of an audit starts with.
    """
    subject: tuple[str, ...] = (
        model,
        standard.id,
        *standard.extensions,
        assessment.organisation,
        assessment.date.isoformat(),
    )
    if assessment.unit is not None:
        # After the date, which no extension id or "unit" can be: the
        # audits without a unit keep their UUIDs, and no two subjects meet.
        subject += ("unit", assessment.unit)
    return subject


def _plan_resource(standard: Standard, subject: tuple[str, ...]) -> dict[str, Any]:
    return {
        "uuid": _uuid(*subject, "plan"),
        "title": markdown_text(f"Audit against {standard.title} ({standard.id})"),
        "description": "There is no separate OSCAL assessment plan: the audit "
        "rates the requirements of the catalogue named here, each a control "
        "labelled with its requirement id.",
        "document-ids": [
            {
                "scheme": "http://ietf.org/rfc/rfc4122",
                "identifier": _uuid(*_catalog_subject(standard)),
            }
        ],
        "props": [
            _prop("edition", standard.id),
            *(_prop("extension", ext) for ext in standard.extensions),
        ],
    }


RECORD = "assessment/1"
"""The ``record`` property of the back-matter resource that holds the
assessment itself (see :func:`to_oscal_results`)."""


def _record(subject: tuple[str, ...], assessment: Assessment) -> dict[str, Any]:
    # OSCAL has no place for a finding's follow-up in results, a rating's
    # review mark, an unrated rating's note or the exact texts that the
    # Markdown fields escape: the assessment itself goes along, so that
    # from_oscal_results gives it back without loss.
    # Where it was read from is not part of it (and no business of others).
    fields = {k: v for k, v in to_data(assessment).items() if k != "source"}
    data = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return {
        "uuid": _uuid(*subject, "record"),
        "title": "The assessment, as goudenoor holds it",
        "description": "The assessment these results were written from, as "
        "JSON: goudenoor reads it back when the results are unchanged.",
        "props": [_prop("record", RECORD)],
        "base64": {
            "filename": "assessment.json",
            "media-type": "application/json",
            "value": base64.b64encode(data.encode()).decode("ascii"),
        },
    }


class _Audit(NamedTuple):
    """
    What every part of the results needs.
    """

    assessment: Assessment
    card: ScoreCard
    subject: tuple[str, ...]
    """The names every UUID of the results starts with."""
    origins: list[dict[str, Any]] | None
    """The auditors as the origin of observations and findings."""
    resources: list[dict[str, Any]]
    """The back-matter resources of the evidence files and links, as the
    observations are made."""


def _result(standard: Standard, audit: _Audit) -> dict[str, Any]:
    assessment, card, subject = audit.assessment, audit.card, audit.subject
    observations: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    reviewed: list[dict[str, str]] = []
    for requirement in standard.requirements:
        rating = assessment.ratings.get(requirement.id)
        if rating is None:
            continue
        linked = [
            _observation(audit, requirement, number, item)
            for number, item in enumerate(rating.evidence, start=1)
        ]
        observations += linked
        if not rating.rated and not rating.not_applicable:
            continue
        reviewed.append({"control-id": control_id(requirement.id)})
        findings.append(_finding(audit, requirement, rating, linked))
    selection: dict[str, Any] = {"include-controls": reviewed}
    if not reviewed:
        # OSCAL 1.2 requires a selection to include controls: all of them,
        # each excluded again, is none. 1.1.3 allows a selection with only a
        # description, but its schema accepts this form too, and the models
        # of compliance-trestle 4 and later (1.2.1) refuse the other.
        selection = {
            "description": "No requirement was rated.",
            "include-all": {},
            "exclude-controls": [
                {"control-id": control_id(r.id)} for r in standard.requirements
            ],
        }
    return _with(
        {
            "uuid": _uuid(*subject, "result"),
            "title": markdown_text(f"Audit of {_audited(assessment)}"),
            "description": markdown_text(
                f"Audit of {_audited(assessment)} against "
                f"{standard.title} ({standard.id}) on {assessment.date.isoformat()}, "
                f"rated on scale {card.scale.id}."
            ),
            "start": _timestamp(assessment.date),
            "props": [*_unit_props(assessment), *_score_props(card)],
            "reviewed-controls": {"control-selections": [selection]},
        },
        observations=observations,
        findings=findings,
        remarks=_score_remarks(card),
    )


def _audited(assessment: Assessment) -> str:
    # Who was audited, as the titles name it: the organisation, and the
    # unit if the audit was of one.
    if assessment.unit is None:
        return assessment.organisation
    return f"{assessment.organisation}, {assessment.unit}"


def _unit_props(assessment: Assessment) -> list[dict[str, str]]:
    return [] if assessment.unit is None else [_prop("unit", assessment.unit)]


def _score_props(card: ScoreCard) -> list[dict[str, str]]:
    props = [
        _prop("edition", card.standard.id),
        _prop("scale", card.scale.id),
        _prop("scoring-method", card.method),
        _prop("recognition-scheme", card.scheme.id),
        _prop("evidence-policy", card.evidence_policy),
        *(_prop("parameter", value, klass=name) for name, value in card.parameters),
        _prop("organisation-points", card.organisation_points),
        _prop("result-points", card.result_points),
        _prop("total-points", card.total),
        _prop("max-points", card.standard.max_points),
    ]
    props += [
        _prop("area-points", area.points, klass=f"area-{area.area_id}")
        for area in card.areas.values()
    ]
    if card.level is not None:
        props.append(_prop("level", card.level.name))
    if card.next_level is not None:
        props.append(_prop("next-level", card.next_level.name))
    props.append(_prop("warnings", str(len(card.warnings))))
    return props


def _score_remarks(card: ScoreCard) -> str:
    level = card.level.name if card.level else "none"
    parts = [
        (
            f"Score card ({card.method}, scheme {card.scheme.id}): "
            f"{card.total:.2f} of {card.standard.max_points:g} points "
            f"(organisation {card.organisation_points:.2f}, "
            f"result {card.result_points:.2f}); "
            f"level: {level}."
        )
    ]
    if card.gaps and card.next_level is not None:
        parts.append(f"Gaps to {card.next_level.name}:")
        parts.append("\n".join(f"- {markdown_text(str(gap))}" for gap in card.gaps))
    if card.warnings:
        parts.append("Warnings:")
        parts.append(
            "\n".join(
                f"- {markdown_text(f'{w.code} {w.requirement_id}: {w.message}')}"
                for w in card.warnings
            )
        )
    return "\n\n".join(parts)


def _observation(
    audit: _Audit, requirement: Requirement, number: int, evidence: Evidence
) -> dict[str, Any]:
    return _evidence_observation(
        _uuid(*audit.subject, "evidence", requirement.id, str(number)),
        f"Evidence {number} for requirement {requirement.id}",
        evidence,
        audit.assessment.date,
        audit.origins,
        audit.resources,
    )


def _evidence_observation(  # noqa: PLR0917 - one observation's parts
    uuid_: str,
    title: str,
    evidence: Evidence,
    undated: datetime.date,
    origins: list[dict[str, Any]] | None,
    resources: list[dict[str, Any]],
) -> dict[str, Any]:
    # An evidence item without a date is collected on *undated* (the
    # audit's date, or that of the follow-up step it shows).
    props = [_prop("evidence-kind", evidence.kind)]
    if evidence.date is None:
        props.append(_prop("undated", "true"))
    if evidence.collected_by is not None:
        props.append(_prop("collected-by", evidence.collected_by))
    relevant: dict[str, Any] = {"description": _markup(evidence.reference)}
    resource = _evidence_resource(uuid_, evidence)
    if resource is not None:
        resources.append(resource)
        relevant = {"href": f"#{resource['uuid']}", **relevant}
    return _with(
        {
            "uuid": uuid_,
            "title": markdown_text(title),
            "description": _markup(evidence.reference),
            "props": props,
            "methods": [_EVIDENCE_METHODS[evidence.kind]],
            "relevant-evidence": [relevant],
            "collected": _timestamp(evidence.date or undated),
        },
        origins=origins,
        expires=_timestamp(evidence.valid_until) if evidence.valid_until else None,
    )


_URI_SAFE = "/:?#[]@!$&'()*+,;=%~"
"""What a URI reference may hold as it is (RFC 3986); the rest of an
evidence item's ``uri`` (a space, a non-ASCII letter) is percent-encoded."""


def _evidence_resource(uuid_: str, evidence: Evidence) -> dict[str, Any] | None:
    """
    The back-matter resource of the evidence item *evidence* (of the
    observation *uuid_*) that has a file or a link: a resource link to each,
    the file's with its SHA-256 in ``hashes`` so that a GRC tool can check
    it too; ``None`` for an item with neither. A file's link is its path,
    relative to the evidence folder.
    """
    rlinks: list[dict[str, Any]] = []
    if evidence.path is not None:
        rlink: dict[str, Any] = {"href": quote(evidence.path, safe="/")}
        if evidence.sha256 is not None:
            rlink["hashes"] = [{"algorithm": "SHA-256", "value": evidence.sha256}]
        rlinks.append(rlink)
    if evidence.uri is not None:
        # A % that starts no escape is a percent sign: escaped itself.
        uri = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", evidence.uri.strip())
        rlinks.append({"href": quote(uri, safe=_URI_SAFE)})
    if not rlinks:
        return None
    return {
        "uuid": _uuid(uuid_, "resource"),
        "title": markdown_text(evidence.reference),
        "rlinks": rlinks,
    }


def _finding(
    audit: _Audit,
    requirement: Requirement,
    rating: Rating,
    observations: list[dict[str, Any]],
) -> dict[str, Any]:
    card = audit.card
    cid = control_id(requirement.id)
    result = card.requirements[requirement.id]
    props = [_prop("requirement-id", requirement.id)]
    target: dict[str, Any] = {"type": "statement-id", "target-id": f"{cid}_smt"}
    if rating.value is None:
        justification = rating.justification or ""
        description = markdown_text(f"Not applicable: {justification}")
        props.append(_prop("not-applicable", "true"))
        target["status"] = {"state": "satisfied", "reason": "other"}
        target["implementation-status"] = {
            "state": "not-applicable",
            "remarks": _markup(justification),
        }
    else:
        description = _rated(rating.value, card.scale)
        props += [
            _prop("value", rating.value),
            _prop("scale", card.scale.id),
            _prop("scale-maximum", card.scale.maximum),
            _prop("points", result.points),
            _prop("max-points", result.max_points),
            _prop("score-status", result.status),
        ]
        props += [_prop("checkpoint-met", c) for c in rating.checkpoints_met]
        satisfied = rating.value >= card.scale.maximum
        target["status"] = {
            "state": "satisfied" if satisfied else "not-satisfied",
            "reason": "pass" if satisfied else "fail",
        }
    return _with(
        {
            "uuid": _uuid(*audit.subject, "finding", requirement.id),
            "title": _title(requirement),
            "description": description,
            "props": props,
            "target": target,
        },
        origins=audit.origins,
        related_observations=[{"observation-uuid": o["uuid"]} for o in observations],
        remarks=_markup(rating.note or ""),
    )


def _rated(value: float, scale: Scale) -> str:
    return markdown_text(
        f"Rated {value:g} ({scale.label(value)}) on scale {scale.id} "
        f"({scale.minimum:g} to {scale.maximum:g})."
    )


# -- the plan of action and milestones ----------------------------------------

_RISK_STATUSES: dict[FindingStatus, str] = {
    "open": "open",
    "planned": "remediating",
    "implemented": "remediating",
    "verified": "closed",
}
"""Finding status -> OSCAL risk status. A plan is the start of the
remediation, and an implemented fix is not done until the auditor has
verified it: only ``verified`` closes the risk. The finding's own status
stays in the ``finding-status`` property."""

_TARGET_STATUSES: dict[FindingKind, tuple[str, str]] = {
    "afwijking": ("not-satisfied", "fail"),
    "verbeterpunt": ("not-satisfied", "other"),
    "observatie": ("satisfied", "other"),
    "sterk-punt": ("satisfied", "pass"),
}
"""Finding kind -> the objective status (state, reason) of its target: a
deviation fails the requirement; an improvement point is short of it
without failing it; an observation and a strength do not count against
it."""

_KIND_TITLES: dict[FindingKind, str] = {
    "afwijking": "Afwijking",
    "verbeterpunt": "Verbeterpunt",
    "observatie": "Observatie",
    "sterk-punt": "Sterk punt",
}

_STEP_TITLES: dict[FindingStatus, str] = {
    "open": "Open",
    "planned": "Planned",
    "implemented": "Implemented",
    "verified": "Verified",
}

_UUID_SCHEME = "http://ietf.org/rfc/rfc4122"


@checked
def to_oscal_poam(
    standard: Standard | Audit,
    assessment: Assessment | None = None,
    *,
    as_of: datetime.date | None = None,
    oscal_version: OscalVersion = OSCAL_VERSION,
) -> dict[str, Any]:
    """
    The follow-up of an audit's findings as an OSCAL plan of action and
    milestones: ``{"plan-of-action-and-milestones": {...}}``, in OSCAL
    *oscal_version* (1.1.3 by default, or 1.2.1).

    ``to_oscal_poam(audit)``, or ``to_oscal_poam(standard, assessment)``:
    then the assessment is checked against *standard* first. *as_of*
    leaves out the follow-up recorded after that date and marks what is
    overdue on it; without it the whole history is written.

    * Each afwijking and verbeterpunt is an OSCAL finding (its target the
      requirement's statement, or the checkpoint's objective), a risk and
      a POA&M item that links the two. The risk's ``deadline`` is the
      finding's deadline (the end of that day, UTC) and its status is
      mapped from the finding's: open is ``open``, planned and
      implemented are ``remediating``, verified is ``closed``.
    * Each history entry is a risk-log entry: its date the ``start``, its
      status the ``status-change``, its note the description, who
      recorded it a party in ``logged-by``.
    * The dates OSCAL has no field for are properties in
      :data:`NAMESPACE`: ``raised-date``, ``planned-completion-date`` (the
      deadline) and ``actual-completion-date`` (the day it was
      verified); with *as_of*, ``overdue``.
    * Observaties and sterke punten are findings without a risk or an
      item: what the auditor found is all there, and only what is followed
      up is planned.
    * Evidence is observations: the finding's linked from its finding and
      item, a history entry's from the risk.
    * There is no system security plan: ``system-id`` names the
      organisation (and unit) by a UUID, as OSCAL asks of a POA&M without
      ``import-ssp``. The back matter names the catalogue the targets are
      in and the assessment results of the same audit
      (:func:`to_oscal_results`).

    The risk, finding and item of a finding keep their UUIDs in the POA&M
    of a later audit it is carried into (they are named by the
    organisation, the unit, the finding's id and the date it was raised).

    Raises:
        ValidationError: The assessment does not fit the standard.
        OutputError: The assessment has no afwijking or verbeterpunt (an
            OSCAL POA&M has at least one item), *as_of* is before its
            date, or *oscal_version* is not one of :data:`OSCAL_VERSIONS`.
    """
    version = _version(oscal_version)
    standard, assessment, fits = standard_and_assessment(
        standard, assessment, "to_oscal_poam"
    )
    if not fits:
        check_assessment(assessment, standard)
    audited = f"{_audited(assessment)} on {assessment.date.isoformat()}"
    if as_of is not None and as_of < assessment.date:
        raise OutputError(
            f"a plan of action and milestones as of {as_of.isoformat()} is "
            f"before the audit of {audited}: expected a date on or after "
            "the audit's"
        )
    if not any(finding.followed_up for finding in assessment.findings):
        raise OutputError(
            f"the audit of {audited} has no afwijking or verbeterpunt: an "
            "OSCAL plan of action and milestones needs at least one item"
        )
    poam = _Poam(standard, assessment, as_of, version)
    for finding in assessment.findings:
        poam.add(finding)
    return {"plan-of-action-and-milestones": poam.document()}


class _Poam:
    """
    A plan of action and milestones being written, finding by finding.
    """

    def __init__(
        self,
        standard: Standard,
        assessment: Assessment,
        as_of: datetime.date | None,
        version: OscalVersion,
    ) -> None:
        self.standard = standard
        self.assessment = assessment
        self.as_of = as_of
        self.version = version
        self.subject = _audit_subject(
            "plan-of-action-and-milestones", standard, assessment
        )
        self.persons: dict[str, dict[str, str]] = {}
        self.auditors = [self.person(name) for name in assessment.auditors]
        self.origins = (
            [
                {
                    "actors": [
                        {"type": "party", "actor-uuid": uuid_, "role-id": "assessor"}
                        for uuid_ in dict.fromkeys(self.auditors)
                    ]
                }
            ]
            if self.auditors
            else None
        )
        self.observations: list[dict[str, Any]] = []
        # The back-matter resources of the evidence files and links.
        self.evidence: list[dict[str, Any]] = []
        self.risks: list[dict[str, Any]] = []
        self.findings: list[dict[str, Any]] = []
        self.items: list[dict[str, Any]] = []
        self.last = assessment.date

    def person(self, name: str) -> str:
        # One party per name, whether an auditor or who recorded a step.
        if name not in self.persons:
            self.persons[name] = {
                "uuid": _uuid(*self.subject, "person", name),
                "type": "person",
                "name": _line(name),
            }
        return self.persons[name]["uuid"]

    def history(self, finding: Finding) -> list[FindingUpdate]:
        return [
            entry
            for entry in finding.history
            if self.as_of is None or entry.date <= self.as_of
        ]

    def add(self, finding: Finding) -> None:
        assessment = self.assessment
        raised = finding.raised or assessment.date
        # Named by who and what, not by the document: a finding carried
        # into the next audit is the same risk there.
        names = (
            "finding",
            assessment.organisation,
            assessment.unit or "",
            finding.id,
            raised.isoformat(),
        )
        # Only the auditors of the audit that raised it are its origin.
        origins = self.origins if raised == assessment.date else None
        evidence = [
            _evidence_observation(
                _uuid(*names, "evidence", str(number)),
                f"Evidence {number} for finding {finding.id}",
                item,
                raised,
                origins,
                self.evidence,
            )
            for number, item in enumerate(finding.evidence, start=1)
        ]
        self.observations += evidence
        title = markdown_text(
            f"{_KIND_TITLES[finding.kind]} {finding.id}, eis {finding.requirement}"
        )
        finding_uuid = _uuid(*names)
        risk_uuid = _uuid(*names, "risk")
        described = _finding_props(finding)
        state, reason = _TARGET_STATUSES[finding.kind]
        self.findings.append(
            _with(
                {
                    "uuid": finding_uuid,
                    "title": title,
                    "description": _markup(finding.text),
                    "props": described,
                    "target": {
                        **self.target(finding),
                        "status": {"state": state, "reason": reason},
                    },
                },
                origins=origins,
                related_observations=[
                    {"observation-uuid": o["uuid"]} for o in evidence
                ],
                related_risks=[{"risk-uuid": risk_uuid}]
                if finding.followed_up
                else None,
            )
        )
        if not finding.followed_up:
            return
        history = self.history(finding)
        self.last = max([self.last, *(entry.date for entry in history)])
        status = history[-1].status if history else "open"
        dates = [_prop("raised-date", raised.isoformat())]
        if finding.deadline is not None:
            dates.append(_prop("planned-completion-date", finding.deadline.isoformat()))
        if status == "verified":
            dates.append(_prop("actual-completion-date", history[-1].date.isoformat()))
        if self.as_of is not None:
            overdue = finding.is_overdue(self.as_of)
            dates.append(_prop("overdue", "true" if overdue else "false"))
        steps = [self.step(names, finding, entry) for entry in history]
        shown = [
            _evidence_observation(
                _uuid(*names, "log", entry.status, "evidence", str(number)),
                f"Evidence {number} that finding {finding.id} is {entry.status}",
                item,
                entry.date,
                None,
                self.evidence,
            )
            for entry in history
            for number, item in enumerate(entry.evidence, start=1)
        ]
        self.observations += shown
        self.risks.append(
            _with(
                {
                    "uuid": risk_uuid,
                    "title": title,
                    "description": _markup(finding.text),
                    "statement": _statement(finding),
                    "props": [_prop("finding-status", status), *dates],
                    "status": _RISK_STATUSES[status],
                },
                origins=origins,
                deadline=_deadline(finding.deadline),
                risk_log={"entries": steps} if steps else None,
                related_observations=[{"observation-uuid": o["uuid"]} for o in shown],
            )
        )
        self.items.append(
            _with(
                {
                    "uuid": _uuid(*names, "poam-item"),
                    "title": title,
                    "description": _markup(finding.text),
                    "props": [
                        *described,
                        _prop("finding-status", status),
                        *dates,
                    ],
                },
                origins=origins,
                related_findings=[{"finding-uuid": finding_uuid}],
                related_observations=[
                    {"observation-uuid": o["uuid"]} for o in evidence
                ],
                related_risks=[{"risk-uuid": risk_uuid}],
            )
        )

    def target(self, finding: Finding) -> dict[str, str]:
        requirement = self.standard.requirement(finding.requirement)
        if finding.checkpoint is None:
            return {
                "type": "statement-id",
                "target-id": f"{control_id(requirement.id)}_smt",
            }
        [checkpoint] = [
            c for c in requirement.checkpoints if c.id == finding.checkpoint
        ]
        return {
            "type": "objective-id",
            "target-id": _checkpoint_part_id(requirement, checkpoint),
        }

    def step(
        self, names: tuple[str, ...], finding: Finding, entry: FindingUpdate
    ) -> dict[str, Any]:
        # A status is reached once in a history: it names the step.
        return _with(
            {
                "uuid": _uuid(*names, "log", entry.status),
                "title": markdown_text(
                    f"{_STEP_TITLES[entry.status]}: finding {finding.id}"
                ),
            },
            description=_markup(entry.note or ""),
            start=_timestamp(entry.date),
            props=[_prop("finding-status", entry.status)],
            logged_by=[{"party-uuid": self.person(entry.by)}] if entry.by else None,
            status_change=_RISK_STATUSES[entry.status],
        )

    def document(self) -> dict[str, Any]:
        standard, assessment = self.standard, self.assessment
        organisation = {
            "uuid": _uuid(*self.subject, "organisation"),
            "type": "organization",
            "name": _line(assessment.organisation),
        }
        props = [
            _prop("edition", standard.id),
            *(_prop("extension", ext) for ext in standard.extensions),
            *_unit_props(assessment),
            _prop("assessment-kind", assessment.kind),
        ]
        if self.as_of is not None:
            props.append(_prop("as-of", self.as_of.isoformat()))
        metadata = _with(
            {
                "title": markdown_text(
                    f"Gouden Oor plan of action and milestones of "
                    f"{_audited(assessment)} ({standard.id}, "
                    f"audit of {assessment.date.isoformat()})"
                ),
                "last-modified": _timestamp(self.last),
                "version": self.last.isoformat(),
                "oscal-version": self.version,
                "props": props,
                "roles": [{"id": "assessor", "title": "Auditor"}],
                "parties": [*self.persons.values(), organisation],
            },
            responsible_parties=[
                {
                    "role-id": "assessor",
                    "party-uuids": list(dict.fromkeys(self.auditors)),
                }
            ]
            if self.auditors
            else None,
        )
        system = ("organisation", assessment.organisation, assessment.unit or "")
        return _with(
            {
                "uuid": _uuid(*self.subject),
                "metadata": metadata,
                "system-id": {"identifier-type": _UUID_SCHEME, "id": _uuid(*system)},
            },
            observations=self.observations,
            risks=self.risks,
            findings=self.findings,
            poam_items=self.items,
            back_matter={"resources": self.resources()},
        )

    def resources(self) -> list[dict[str, Any]]:
        standard, assessment = self.standard, self.assessment
        results = _audit_subject("assessment-results", standard, assessment)
        return [
            {
                "uuid": _uuid(*self.subject, "catalog"),
                "title": markdown_text(f"{standard.title} ({standard.id})"),
                "description": "The catalogue the findings' targets are in: "
                "each requirement a control labelled with its requirement id "
                "(goudenoor oscal catalog).",
                "document-ids": [
                    {
                        "scheme": _UUID_SCHEME,
                        "identifier": _uuid(*_catalog_subject(standard)),
                    }
                ],
                "props": [
                    _prop("edition", standard.id),
                    *(_prop("extension", ext) for ext in standard.extensions),
                ],
            },
            {
                "uuid": _uuid(*self.subject, "assessment-results"),
                "title": markdown_text(
                    f"Audit of {_audited(assessment)} "
                    f"({standard.id}, {assessment.date.isoformat()})"
                ),
                "description": "The assessment results of the same audit: "
                "the rating of each requirement (goudenoor oscal results).",
                "document-ids": [
                    {"scheme": _UUID_SCHEME, "identifier": _uuid(*results)}
                ],
            },
            *self.evidence,
        ]


def _finding_props(finding: Finding) -> list[dict[str, str]]:
    props = [
        _prop("finding-id", finding.id),
        _prop("finding-kind", finding.kind),
        _prop("requirement-id", finding.requirement),
    ]
    if finding.checkpoint is not None:
        props.append(_prop("checkpoint-id", finding.checkpoint))
    if finding.severity is not None:
        props.append(_prop("severity", finding.severity))
    if finding.owner is not None:
        props.append(_prop("owner", finding.owner))
    return props


def _statement(finding: Finding) -> str:
    what = (
        f"A {finding.severity} afwijking"
        if finding.severity is not None
        else f"A {finding.kind}"
    )
    when = (
        f"to be verified by {finding.deadline.isoformat()}"
        if finding.deadline is not None
        else "to be followed up, without a deadline"
    )
    return markdown_text(f"{what} on requirement {finding.requirement}: {when}.")


def _deadline(date: datetime.date | None) -> str | None:
    # A finding is overdue the day after its deadline: the deadline is the
    # end of its day.
    return None if date is None else f"{date.isoformat()}T23:59:59Z"
