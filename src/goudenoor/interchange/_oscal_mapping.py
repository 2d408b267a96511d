"""
A crosswalk between two editions as an OSCAL 1.2 mapping collection, and
back.

:func:`to_oscal_mapping` writes a :class:`~goudenoor.standard.Crosswalk` as
an OSCAL mapping collection (the mapping model is new in OSCAL 1.2: there
is none at 1.1.3); :func:`from_oscal_mapping` reads such a collection back
into the crosswalk it was written from.

* One ``mapping`` from the source catalogue to the target catalogue (each a
  back-matter resource naming the catalogue by the UUID that
  :func:`~goudenoor.interchange.to_oscal_catalog` gives it), with one
  ``map`` per crosswalk row: the row's source control to its target
  control (``req-5.3``, see :func:`~goudenoor.interchange.control_id`),
  the relationship in OSCAL's words (:data:`OSCAL_RELATIONSHIPS`), the
  rationale as the map's remarks and the note as its property ``note``.
* The crosswalk's notes are the provenance's mapping description; the
  provenance says the mapping was made by a person (``human``) comparing
  meanings (``semantic``).
* The target requirements listed as new are the target gap summary, the
  source requirements listed as removed the source gap summary, each with
  its rationale as a property (``new`` or ``removed``, its class the
  control id).

As in every OSCAL document goudenoor writes, the texts in Markdown fields
are escaped, and property values are one line: a rationale or notes read
back are the same text, but a note or the rationale of a new or removed
requirement comes back on one line, its white space collapsed.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Final

from goudenoor._checks import checked
from goudenoor._text import markdown_text
from goudenoor.exceptions import OutputError, ValidationError
from goudenoor.interchange._oscal import (
    _UUID_SCHEME,
    NAMESPACE,
    OscalVersion,
    _catalog_subject,
    _markup,
    _prop,
    _timestamp,
    _uuid,
    _version,
    _with,
    control_id,
)
from goudenoor.problems import Problem, excerpt
from goudenoor.standard import (
    Crosswalk,
    CrosswalkMapping,
    NewRequirement,
    Relationship,
    RemovedRequirement,
    Standard,
    check_crosswalk,
)


__all__ = [
    "MAPPING_OSCAL_VERSION",
    "OSCAL_RELATIONSHIPS",
    "from_oscal_mapping",
    "to_oscal_mapping",
]


def __dir__() -> list[str]:
    return __all__


MAPPING_OSCAL_VERSION: Final[OscalVersion] = "1.2.1"
"""The OSCAL version of a mapping collection, the default of
:func:`to_oscal_mapping` and the only one: OSCAL 1.1.3 has no mapping
model."""

OSCAL_RELATIONSHIPS: Final[dict[Relationship, str]] = {
    "equal": "equivalent-to",
    "subset": "subset-of",
    "superset": "superset-of",
    "intersect": "intersects-with",
    "not_related": "no-relationship",
}
"""A crosswalk relationship -> OSCAL's. A crosswalk's ``equal`` says that
both requirements ask the same, whatever their words: OSCAL's
``equivalent-to`` (the same effective meaning), not ``equal-to`` (the same
words). Read back, ``equal-to`` is ``equal`` too."""

_READ: Final[dict[str, Relationship]] = {
    **{oscal: ours for ours, oscal in OSCAL_RELATIONSHIPS.items()},
    "equal-to": "equal",
}

_OSCAL_NS = "http://csrc.nist.gov/ns/oscal"


def _subject(crosswalk: Crosswalk) -> tuple[str, ...]:
    return ("mapping-collection", crosswalk.source, crosswalk.target)


@checked
def to_oscal_mapping(
    crosswalk: Crosswalk,
    source_standard: Standard,
    target_standard: Standard,
    *,
    oscal_version: OscalVersion = MAPPING_OSCAL_VERSION,
) -> dict[str, Any]:
    """
    The crosswalk as an OSCAL mapping collection: ``{"mapping-collection":
    {...}}`` (see the module documentation).

    The crosswalk is checked against the two standards first, as
    :func:`~goudenoor.standard.check_crosswalk` does: every control a map
    names is in the catalogue of its standard (with the extensions
    applied). ``metadata.last-modified`` is 1 January of the later
    edition's year, at midnight UTC: the export never reads the clock.

    >>> import goudenoor as go
    >>> crosswalk = go.load_crosswalk("gos-2012", "gos-2016")
    >>> document = to_oscal_mapping(
    ...     crosswalk, go.load_standard("gos-2012"), go.load_standard("gos-2016")
    ... )
    >>> first = document["mapping-collection"]["mappings"][0]["maps"][0]
    >>> first["relationship"], first["sources"][0]["id-ref"]
    ('intersects-with', 'req-1.1')

    Raises:
        ValidationError: The crosswalk does not map *source_standard* to
            *target_standard*.
        OutputError: *oscal_version* is not 1.2.1, or the crosswalk has no
            rows (a mapping has at least one map).
    """
    version = _version(oscal_version)
    if version != MAPPING_OSCAL_VERSION:
        raise OutputError(
            f"OSCAL {version} has no mapping model: expected OSCAL version "
            f"{MAPPING_OSCAL_VERSION!r} for a mapping collection"
        )
    check_crosswalk(crosswalk, source_standard, target_standard)
    if not crosswalk.mappings:
        raise OutputError(
            f"the crosswalk {crosswalk.source} -> {crosswalk.target} has no rows: "
            "an OSCAL mapping needs at least one map"
        )
    subject = _subject(crosswalk)
    resources = [
        _catalog_resource(subject, end, standard)
        for end, standard in (("source", source_standard), ("target", target_standard))
    ]
    mapping = _with(
        {
            "uuid": _uuid(*subject, "mapping"),
            "source-resource": _resource_reference(resources[0], source_standard),
            "target-resource": _resource_reference(resources[1], target_standard),
            "maps": [_map(subject, row) for row in crosswalk.mappings],
        },
        props=[
            *(
                _prop("removed", item.rationale, klass=control_id(item.source))
                for item in crosswalk.removed
            ),
            *(
                _prop("new", item.rationale, klass=control_id(item.target))
                for item in crosswalk.new
            ),
        ],
        source_gap_summary=_gap(
            subject, "source", [item.source for item in crosswalk.removed]
        ),
        target_gap_summary=_gap(
            subject, "target", [item.target for item in crosswalk.new]
        ),
    )
    year = max(source_standard.year, target_standard.year)
    name = f"{crosswalk.source}--{crosswalk.target}"
    return {
        "mapping-collection": {
            "uuid": _uuid(*subject),
            "metadata": {
                "title": markdown_text(
                    f"Crosswalk from {source_standard.title} ({crosswalk.source}) "
                    f"to {target_standard.title} ({crosswalk.target})"
                ),
                "last-modified": _timestamp(datetime.date(year, 1, 1)),
                "version": name,
                "oscal-version": version,
                "props": [
                    _prop("source-edition", crosswalk.source),
                    _prop("target-edition", crosswalk.target),
                ],
            },
            "provenance": {
                "method": "human",
                "matching-rationale": "semantic",
                "status": "complete",
                "mapping-description": _markup(crosswalk.notes),
            },
            "mappings": [mapping],
            "back-matter": {"resources": resources},
        }
    }


def _catalog_resource(
    subject: tuple[str, ...], end: str, standard: Standard
) -> dict[str, Any]:
    return {
        "uuid": _uuid(*subject, end, "catalog"),
        "title": markdown_text(f"{standard.title} ({standard.id})"),
        "description": f"The {end} catalogue: each requirement a control "
        "labelled with its requirement id (goudenoor oscal catalog).",
        "document-ids": [
            {"scheme": _UUID_SCHEME, "identifier": _uuid(*_catalog_subject(standard))}
        ],
        "props": [
            _prop("edition", standard.id),
            *(_prop("extension", ext) for ext in standard.extensions),
        ],
    }


def _resource_reference(resource: dict[str, Any], standard: Standard) -> dict[str, Any]:
    return {
        "type": "catalog",
        "href": f"#{resource['uuid']}",
        "props": [_prop("edition", standard.id)],
    }


def _map(subject: tuple[str, ...], row: CrosswalkMapping) -> dict[str, Any]:
    return _with(
        {
            "uuid": _uuid(*subject, "map", row.source, row.target),
            "relationship": OSCAL_RELATIONSHIPS[row.relationship],
            "sources": [{"type": "control", "id-ref": control_id(row.source)}],
            "targets": [{"type": "control", "id-ref": control_id(row.target)}],
            "remarks": _markup(row.rationale),
        },
        props=[_prop("note", row.note)] if row.note is not None else None,
    )


def _gap(
    subject: tuple[str, ...], end: str, requirements: list[str]
) -> dict[str, Any] | None:
    if not requirements:
        return None
    return {
        "uuid": _uuid(*subject, end, "gap-summary"),
        "unmapped-controls": [{"with-ids": [control_id(r) for r in requirements]}],
    }


# -- the way back -------------------------------------------------------------

_UNESCAPE = re.compile(r"\\(.)|&(lt|gt|amp);", re.DOTALL)
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&"}


def _unmarkup(text: str) -> str:
    # The inverse of markdown_text on each line: it puts a backslash
    # before a character (and doubles one) and writes <, > and an & that
    # would start a reference as entities, so one pass undoes both.
    return _UNESCAPE.sub(
        lambda m: m.group(1) if m.group(1) is not None else _ENTITIES[m.group(2)],
        text,
    )


def _requirement_id(control: str) -> str | None:
    # The inverse of control_id: "req-zorg.5.8" -> "zorg:5.8". A namespace
    # starts with a letter and holds no dot; a bare id starts with a digit.
    token = control.removeprefix("req-")
    if token == control or not token:
        return None
    if token[0].isdigit():
        return token
    namespace, dot, bare = token.partition(".")
    return f"{namespace}:{bare}" if dot and bare else None


class _Reader:
    """
    Reads a mapping collection, collecting every part that does not map.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, message: str, *path: str | int) -> None:
        self.problems.append(Problem(message=message, path=path))

    def own_prop(self, item: dict[str, Any], name: str) -> list[dict[str, Any]]:
        return [
            p
            for p in item.get("props", [])
            if isinstance(p, dict)
            and p.get("ns") == NAMESPACE
            and p.get("name") == name
        ]

    def edition(self, item: dict[str, Any], name: str, *path: str | int) -> str:
        found = self.own_prop(item, name)
        if len(found) != 1 or not isinstance(found[0].get("value"), str):
            self.problem(
                f"expected one property {name!r} in the namespace {NAMESPACE} "
                "naming the edition (as goudenoor writes it)",
                *path,
            )
            return ""
        value: str = found[0]["value"]
        return value

    def control(self, items: object, *path: str | int) -> str:
        if not isinstance(items, list) or len(items) != 1:
            self.problem("expected one control (goudenoor maps one to one)", *path)
            return ""
        [item] = items
        control = item.get("id-ref") if isinstance(item, dict) else None
        requirement = _requirement_id(control) if isinstance(control, str) else None
        if requirement is None or item.get("type") != "control":
            self.problem(
                f"expected a control of a goudenoor catalogue (req-...), found "
                f"{excerpt(str(item))}",
                *path,
                0,
            )
            return ""
        return requirement

    def row(self, item: object, *path: str | int) -> CrosswalkMapping | None:
        if not isinstance(item, dict):
            self.problem(
                f"expected a map (an object), found {excerpt(str(item))}", *path
            )
            return None
        relationship = _READ.get(str(item.get("relationship")))
        if relationship is None or item.get("ns", _OSCAL_NS) != _OSCAL_NS:
            self.problem(
                f"unknown relationship {excerpt(str(item.get('relationship')))} "
                f"(expected one of {list(_READ)})",
                *path,
                "relationship",
            )
        source = self.control(item.get("sources"), *path, "sources")
        target = self.control(item.get("targets"), *path, "targets")
        rationale = item.get("remarks")
        if not isinstance(rationale, str) or not rationale.strip():
            self.problem("expected the rationale in the remarks", *path, "remarks")
        notes = self.own_prop(item, "note")
        if relationship is None or not source or not target or not rationale:
            return None
        return CrosswalkMapping(
            source=source,
            target=target,
            relationship=relationship,
            rationale=_unmarkup(rationale),
            note=notes[0]["value"] if notes else None,
        )

    def listed(
        self, mapping: dict[str, Any], name: str, end: str, *path: str | int
    ) -> list[tuple[str, str]]:
        gap = mapping.get(f"{end}-gap-summary")
        ids = (
            [
                control
                for selection in gap.get("unmapped-controls", [])
                for control in selection.get("with-ids", [])
            ]
            if isinstance(gap, dict)
            else []
        )
        rationales = {
            p.get("class"): p.get("value") for p in self.own_prop(mapping, name)
        }
        listed = []
        for index, control in enumerate(ids):
            requirement = _requirement_id(control) if isinstance(control, str) else None
            rationale = rationales.get(control)
            if requirement is None or not isinstance(rationale, str):
                self.problem(
                    f"expected a goudenoor control with a property {name!r} of "
                    f"that class giving the rationale, found {excerpt(str(control))}",
                    *path,
                    f"{end}-gap-summary",
                    "unmapped-controls",
                    index,
                )
                continue
            listed.append((requirement, rationale))
        return listed


@checked
def from_oscal_mapping(document: dict[str, Any]) -> Crosswalk:
    """
    The crosswalk an OSCAL mapping collection that
    :func:`to_oscal_mapping` wrote was made from: ``from_oscal_mapping(
    to_oscal_mapping(crosswalk, ...)) == crosswalk`` for a crosswalk whose
    notes and rationales of new and removed requirements are one line
    each (see the module documentation).

    A collection from another tool is read as far as it has the same
    shape: one mapping between two goudenoor catalogues (each resource
    reference with the property ``edition``), each map one control to one
    control with a relationship OSCAL defines (``equal-to`` reads as
    ``equal``) and its rationale in the remarks. The crosswalk is not
    checked against the editions it names: that is
    :func:`~goudenoor.standard.check_crosswalk`'s work.

    Raises:
        ValidationError: With every part of *document* that does not map,
            each with its path.
    """
    reader = _Reader()
    collection = document.get("mapping-collection")
    mappings = collection.get("mappings") if isinstance(collection, dict) else None
    if isinstance(mappings, dict):  # OSCAL allows one mapping without a list
        mappings = [mappings]
    if (
        not isinstance(mappings, list)
        or len(mappings) != 1
        or not isinstance(mappings[0], dict)
    ):
        raise ValidationError(
            [
                Problem(
                    message="expected a mapping collection with one mapping "
                    "(goudenoor writes one per crosswalk)",
                    path=("mapping-collection", "mappings"),
                )
            ]
        )
    [mapping] = mappings
    path = ("mapping-collection", "mappings", 0)
    source = reader.edition(
        mapping.get("source-resource", {}), "edition", *path, "source-resource"
    )
    target = reader.edition(
        mapping.get("target-resource", {}), "edition", *path, "target-resource"
    )
    rows = [
        reader.row(item, *path, "maps", index)
        for index, item in enumerate(mapping.get("maps", []))
    ]
    removed = reader.listed(mapping, "removed", "source", *path)
    new = reader.listed(mapping, "new", "target", *path)
    provenance = (
        collection.get("provenance", {}) if isinstance(collection, dict) else {}
    )
    notes = provenance.get("mapping-description")
    if not isinstance(notes, str) or not notes.strip():
        reader.problem(
            "expected the crosswalk's notes as the mapping description",
            "mapping-collection",
            "provenance",
            "mapping-description",
        )
    if reader.problems:
        raise ValidationError(reader.problems)
    return Crosswalk(
        source=source,
        target=target,
        notes=_unmarkup(str(notes)),
        mappings=tuple(row for row in rows if row is not None),
        new=tuple(NewRequirement(target=t, rationale=r) for t, r in new),
        removed=tuple(RemovedRequirement(source=s, rationale=r) for s, r in removed),
    )
