"""
JSON Schemas of the file formats: assessments, extensions,
translations and crosswalks.
"""

from __future__ import annotations

import collections.abc
import datetime
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any, Literal

import attrs

from goudenoor._data import OMIT, AnyOf, Key, Many, Object, shape_of
from goudenoor.audit import (
    GRAPH_SHAPE,
    Comparison,
    Consensus,
    Findings,
    Migration,
    ScoreCard,
)
from goudenoor.portfolio import (
    PORTFOLIO_SHAPE,
    STATUS_SHAPE,
    PercentileRanks,
    PortfolioSummary,
    Rollup,
    Trend,
)
from goudenoor.standard import (
    EXTENSION_FORMAT,
    TRANSLATION_FORMAT,
    Crosswalk,
    EditionDiff,
    Extension,
    Standard,
    Translation,
)


__all__ = [
    "EDITIONS_FORMAT",
    "EDITIONS_SHAPE",
    "EXTENSIONS_FORMAT",
    "EXTENSIONS_SHAPE",
    "STANDARD_FORMAT",
    "VALIDATION_FORMAT",
    "VALIDATION_SHAPE",
    "assessment_schema",
    "crosswalk_schema",
    "extension_schema",
    "json_schema",
    "translation_schema",
]


def __dir__() -> list[str]:
    return __all__


def assessment_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of the ``assessment/1`` file format.

    It checks the shape of a file; whether ids exist in the edition and
    values are on the scale is checked by the loader.
    """
    date = {"type": "string", "format": "date"}
    text = {"type": "string", "minLength": 1}

    def described(schema: dict[str, Any], description: str) -> dict[str, Any]:
        return {**schema, "description": description}

    evidence = {
        "type": "object",
        "description": "What a rating rests on.",
        "additionalProperties": False,
        "required": ["kind", "reference"],
        "properties": {
            "kind": described(
                {
                    "enum": [
                        "document",
                        "interview",
                        "observation",
                        "measurement",
                        "other",
                    ]
                },
                "What sort of evidence it is.",
            ),
            "reference": described(text, "Where to find it: a title, a name, a link."),
            "date": described(date, "When it was made or seen (ISO 8601)."),
            "valid_until": described(
                date, "Until when it counts (ISO 8601); later it has expired."
            ),
        },
    }
    rating = {
        "type": "object",
        "description": "A rating in full: a value or not applicable, with evidence.",
        "additionalProperties": False,
        "properties": {
            "value": described(
                {"type": ["number", "null"]},
                "A value on the scale; empty (null) leaves it unrated.",
            ),
            "not_applicable": described(
                {"type": "boolean"},
                "The requirement does not apply (needs a justification).",
            ),
            "justification": described(
                {"type": ["string", "null"]},
                "Why the requirement does not apply (only with not_applicable).",
            ),
            "evidence": described(
                {"type": "array", "items": evidence}, "What the rating rests on."
            ),
            "checkpoints_met": described(
                {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
                "The ids of the requirement's checkpoints that are met.",
            ),
            "note": described(
                {"type": ["string", "null"]}, "The auditor's note, free text."
            ),
            "review": described(
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["reason"],
                    "properties": {
                        "reason": described(
                            text,
                            "Why: the crosswalk's relationships and rationales "
                            "and how the value was found.",
                        ),
                        "value": described(
                            {"type": ["number", "null"]},
                            "The value the rating had when it was marked.",
                        ),
                        "not_applicable": described(
                            {"type": "boolean"},
                            "The rating was not applicable when it was marked.",
                        ),
                    },
                },
                "A mark that the rating needs review (set by 'goudenoor "
                "migrate'). It holds while value and not_applicable are those "
                "it was made for; remove it to keep the rating as it is.",
            ),
        },
        "if": {
            "properties": {"not_applicable": {"const": True}},
            "required": ["not_applicable"],
        },
        "then": {
            "required": ["justification"],
            "properties": {"value": {"type": "null"}, "justification": text},
        },
        "else": {"not": {"required": ["justification"]}},
    }
    update = {
        "type": "object",
        "description": "One step in a finding's follow-up: its status from a date on.",
        "additionalProperties": False,
        "required": ["status", "date"],
        "properties": {
            "status": described(
                {"enum": ["open", "planned", "implemented", "verified"]},
                "open, planned, implemented or verified; forward only.",
            ),
            "date": described(date, "The day the finding reached the status."),
            "by": described(text, "Who recorded it."),
            "note": described({"type": "string"}, "What was done or seen."),
            "evidence": described(
                {"type": "array", "items": evidence},
                "What shows it (required for verified).",
            ),
        },
    }
    finding = {
        "type": "object",
        "description": "What an auditor found on one requirement, and its follow-up.",
        "additionalProperties": False,
        "required": ["id", "requirement", "kind", "text"],
        "properties": {
            "id": described(
                {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"},
                "Unique in the assessment.",
            ),
            "requirement": described(text, "The id of the requirement it is about."),
            "checkpoint": described(
                text, "The id of the requirement's checkpoint it is about."
            ),
            "kind": described(
                {"enum": ["afwijking", "verbeterpunt", "observatie", "sterk-punt"]},
                "afwijking, verbeterpunt, observatie or sterk-punt.",
            ),
            "severity": described(
                {"enum": ["major", "minor"]}, "major or minor (an afwijking only)."
            ),
            "text": described(text, "What was found."),
            "evidence": described(
                {"type": "array", "items": evidence}, "What it was found on."
            ),
            "owner": described(text, "Who in the organisation follows it up."),
            "deadline": described(date, "When it has to be verified."),
            "raised": described(
                date, "The date it was found, if not the assessment's date."
            ),
            "history": described(
                {"type": "array", "items": update}, "Its follow-up, oldest first."
            ),
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://goudenoor.invalid/schema/assessment-1.json",
        "title": "goudenoor assessment (format assessment/1)",
        "description": "An audit of one organisation against one edition of the "
        "Gouden Oor Standaard.",
        "type": "object",
        "additionalProperties": False,
        "required": ["goudenoor", "edition", "organisation", "date"],
        "properties": {
            "goudenoor": described(
                {"const": "assessment/1"}, "The format marker: assessment/1."
            ),
            "edition": described(text, "The edition's id, for example gos-2012."),
            "organisation": described(text, "The audited organisation's name."),
            "unit": described(
                text,
                "The part of the organisation audited on its own (a site, team "
                "or department); the units of one organisation can be rolled up.",
            ),
            "date": described(date, "The audit's date (ISO 8601)."),
            "scale": described(
                {"type": ["string", "null"]},
                "The id of the scale the values are on (default: the edition's).",
            ),
            "auditors": described(
                {"type": "array", "items": {"type": "string"}}, "Who audited."
            ),
            "extensions": described(
                {"type": "array", "items": {"type": "string"}},
                "The sector extensions the audit was made with: installed names "
                "or file paths.",
            ),
            "migrated_from": described(
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["edition"],
                    "properties": {
                        "edition": described(
                            text, "The edition the audit was made against."
                        ),
                        "crosswalk": described(
                            {"type": ["string", "null"]},
                            "The crosswalk it was carried through: a shipped "
                            "crosswalk's file name or the path given.",
                        ),
                    },
                },
                "Where an audit moved to this edition with 'goudenoor migrate' "
                "came from.",
            ),
            "kind": described(
                {"enum": ["audit", "review", "self"]},
                "audit (the default), review or self.",
            ),
            "findings": described(
                {"type": "array", "items": {"$ref": "#/$defs/finding"}},
                "What the auditor found, with its follow-up.",
            ),
            "ratings": described(
                {
                    "type": "object",
                    "propertyNames": {
                        "pattern": r"^([a-z][a-z0-9_-]*:)?[1-9][0-9]*\.[1-9][0-9]*$"
                    },
                    # Not `oneOf: [number, null, rating]`: an editor reports
                    # the errors of the alternative that matches best, and for
                    # a rating whose only key is mistyped the number, the null
                    # and the rating alternatives tie, so the yaml-language-
                    # server said 'Expected "number | null"'. With the type
                    # checked first and the rating applied to objects only,
                    # the one error is the rating's: the unknown key, named.
                    "additionalProperties": {
                        "type": ["number", "null", "object"],
                        "if": {"type": "object"},
                        "then": {"$ref": "#/$defs/rating"},
                    },
                },
                "Requirement id to its rating: a value (the short form), empty "
                "(unrated) or a rating in full.",
            ),
        },
        "$defs": {"rating": rating, "finding": finding},
    }


class _Definitions(dict[str, Any]):
    """
    The ``$defs`` of a schema being made, and whether it is an output's
    (its classes' data) or a file's (their fields as the loader reads them).
    """

    def __init__(self, *, output: bool) -> None:
        super().__init__()
        self.output = output


_JSON_TYPES: dict[Any, dict[str, str]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    type(None): {"type": "null"},
    datetime.date: {"type": "string", "format": "date"},
}


def _tuple_schema(args: tuple[Any, ...], definitions: _Definitions) -> dict[str, Any]:
    if args[-1:] == (...,):
        return {"type": "array", "items": _type_schema(args[0], definitions)}
    return {
        "type": "array",
        "prefixItems": [_type_schema(arg, definitions) for arg in args],
        "items": False,
        "minItems": len(args),
    }


def _declared_schema(tp: Object | AnyOf | Many, definitions: _Definitions) -> Any:
    # The shapes goudenoor._data declares without a class.
    if isinstance(tp, AnyOf):
        return {"anyOf": [_type_schema(item, definitions) for item in tp.items]}
    if isinstance(tp, Many):
        return {"type": "array", "items": _type_schema(tp.items, definitions)}
    schema = {**_keys_schema(tp.doc, tp.keys, tp.marker, definitions), **tp.schema}
    if tp.name is None:
        return schema
    definitions[tp.name] = schema
    return {"$ref": f"#/$defs/{tp.name}"}


def _type_schema(tp: Any, definitions: _Definitions) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if isinstance(tp, (Object, AnyOf, Many)):
        schema: dict[str, Any] = _declared_schema(tp, definitions)
        return schema
    if tp in _JSON_TYPES:
        return dict(_JSON_TYPES[tp])
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        return _tuple_schema(args, definitions)
    if origin in (dict, collections.abc.Mapping):
        return {
            "type": "object",
            "additionalProperties": _type_schema(args[1], definitions),
        }
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, definitions) for arg in args]}
    if attrs.has(tp):
        name = tp.__name__
        if name not in definitions:
            definitions[name] = {}  # reserved first: a class may refer to itself
            definitions[name] = _class_schema(
                tp, definitions, output=definitions.output
            )
        return {"$ref": f"#/$defs/{name}"}
    msg = f"no JSON Schema for {tp!r}"  # pragma: no cover - a new field type
    raise TypeError(msg)  # pragma: no cover


_ATTRIBUTE = re.compile(r"^    (\w+): (.*)$")
_MARKUP = re.compile(r"``([^`]*)``|:[a-z]+:`~?(?:[\w.]*\.)?([^`]*)`")


def _plain(text: str) -> str:
    """
    A docstring's words without their reStructuredText markup.
    """
    return " ".join(_MARKUP.sub(lambda m: m[1] or m[2], text).split())


def _descriptions(cls: type) -> tuple[str, dict[str, str]]:
    """
    The class's summary and its fields' descriptions, from the
    ``Attributes:`` section of its docstring.
    """
    doc = inspect.getdoc(cls) or ""
    summary, _, rest = doc.partition("\n\n")
    fields: dict[str, str] = {}
    name = None
    for line in rest.partition("Attributes:\n")[2].splitlines():
        match = _ATTRIBUTE.match(line)
        if match:
            name = match[1]
            fields[name] = match[2]
        elif name is not None and line.startswith("        "):
            fields[name] += " " + line.strip()
        else:
            name = None
    return _plain(summary), {name: _plain(text) for name, text in fields.items()}


def _resolve(cls: type, key: Key, described: dict[str, str]) -> tuple[Any, str]:
    """
    The type and the description of *key* of *cls*: as declared, else
    those of the field or the property of its name.
    """
    tp, doc = key.type, key.doc
    if doc is None and isinstance(tp, Object):
        doc = tp.doc
    if tp is None or doc is None:
        member = inspect.getattr_static(cls, key.name, None)
        function = getattr(member, "fget", None) or getattr(member, "func", None)
        if function is not None:
            tp = tp if tp is not None else typing.get_type_hints(function)["return"]
            summary = (inspect.getdoc(member) or "").partition("\n\n")[0]
            doc = doc if doc is not None else _plain(summary)
        else:
            tp = tp if tp is not None else typing.get_type_hints(cls)[key.name]
            doc = doc if doc is not None else described[key.name]
    return tp, doc


def _keys_schema(
    doc: str,
    keys: Iterable[tuple[Key, Any, str]] | tuple[Key, ...],
    marker: str | None,
    definitions: _Definitions,
    required: list[str] | None = None,
) -> dict[str, Any]:
    resolved = [
        (key, key.type, key.doc or "") if isinstance(key, Key) else key for key in keys
    ]
    properties: dict[str, Any] = {}
    if marker is not None:
        properties["goudenoor"] = {
            "const": marker,
            "description": f"The format marker, always {marker!r}.",
        }
    for key, tp, text in resolved:
        properties[key.name] = {
            **_type_schema(tp, definitions),
            **key.schema,
            "description": text,
        }
    if required is None:
        required = [
            *([] if marker is None else ["goudenoor"]),
            *(key.name for key, _, _ in resolved if not key.optional),
        ]
    schema: dict[str, Any] = {
        "type": "object",
        "description": doc,
        "additionalProperties": False,
        "properties": properties,
    }
    if required:
        schema["required"] = required
    return schema


def _class_schema(
    cls: type,
    definitions: _Definitions,
    omit: tuple[str, ...] = (),
    *,
    output: bool = False,
) -> dict[str, Any]:
    """
    The schema of *cls*: of its data as an output (its shape, or all its
    fields, all required), or as a file holds it (the fields but *omit*,
    those without a default required).
    """
    summary, described = _descriptions(cls)
    found = shape_of(cls) if output else None
    if found is not None:
        keys = [(key, *_resolve(cls, key, described)) for key in found.keys]
        return _keys_schema(found.doc or summary, keys, found.marker, definitions)
    fields = [f for f in attrs.fields(cls) if f.name not in omit]
    keys = [
        (key, *_resolve(cls, key, described))
        for key in map(Key, (f.name for f in fields))
    ]
    required = (
        None if output else [f.name for f in fields if f.default is attrs.NOTHING]
    )
    return _keys_schema(summary, keys, None, definitions, required)


def extension_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of the ``extension/1`` file format,
    derived from the model classes so that it cannot drift from them.
    """
    return model_schema(
        Extension, EXTENSION_FORMAT, "extension-1", "goudenoor sector extension"
    )


def translation_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of the ``translation/1`` file format,
    derived from the model classes so that it cannot drift from them.
    """
    return model_schema(
        Translation, TRANSLATION_FORMAT, "translation-1", "goudenoor translation"
    )


def model_schema(cls: type, marker: str, name: str, title: str) -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of a document that holds a *cls* in the
    shape of the files (its fields but ``origin`` and ``locate``) marked
    ``"goudenoor": marker``, derived from the class; *name* makes its
    ``$id``, *title* its title. (For the other schema modules: not part of
    the package's API.)
    """
    definitions = _Definitions(output=False)
    schema = _class_schema(cls, definitions, omit=("origin", "locate"))
    schema["properties"] = {
        "goudenoor": {"const": marker, "description": f"The format marker: {marker}."},
        **schema["properties"],
    }
    schema["required"] = ["goudenoor", *schema["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://goudenoor.invalid/schema/{name}.json",
        "title": f"{title} (format {marker})",
        **schema,
        "$defs": dict(definitions),
    }


def crosswalk_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of the ``crosswalk/1`` file format,
    derived from the model classes so that it cannot drift from them.

    It checks the shape of a file; whether ids exist in the two editions
    and rows are unique is checked by the loader.
    """
    return model_schema(Crosswalk, "crosswalk/1", "crosswalk-1", "goudenoor crosswalk")


def output_schema(what: type | Object, marker: str, title: str) -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of the output *marker* (for example
    ``scorecard/1``): the data of the class *what* (see
    ``goudenoor._data``), or the object *what* declares.
    """
    definitions = _Definitions(output=True)
    if isinstance(what, Object):
        body = _type_schema(what._replace(marker=marker), definitions)
    else:
        body = _class_schema(what, definitions, output=True)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://goudenoor.invalid/schema/{marker.replace('/', '-')}.json",
        "title": f"{title} (format {marker})",
        **body,
    }
    if definitions:
        schema["$defs"] = dict(definitions)
    return schema


EDITIONS_FORMAT = "editions/1"
"""The format marker of ``goudenoor editions --format json``."""

STANDARD_FORMAT = "standard/1"
"""The format marker of ``goudenoor show EDITION --format json``."""

EXTENSIONS_FORMAT = "extensions/1"
"""The format marker of ``goudenoor extensions --format json``."""

VALIDATION_FORMAT = "validation/1"
"""The format marker of ``goudenoor validate FILE... --format json``."""


def _absent_if(test: Callable[[Any], bool], get: Callable[[Any], Any]) -> Any:
    return lambda item: OMIT if test(item) else get(item)


def _broken(item: tuple[str, str, Any, Any]) -> bool:
    return isinstance(item[3], Exception)


EDITIONS_SHAPE = Object(
    "The editions of the Gouden Oor Standaard the package ships.",
    (
        Key(
            "editions",
            Many(
                Object(
                    "One edition the package ships.",
                    (
                        Key(
                            "id",
                            str,
                            "The edition's id, for example gos-2012.",
                            get=lambda e: e[0].id,
                        ),
                        Key("title", str, "Its title.", get=lambda e: e[0].title),
                        Key(
                            "year",
                            int,
                            "The year it was published.",
                            get=lambda e: e[0].year,
                        ),
                        Key(
                            "areas",
                            int,
                            "How many areas it has.",
                            get=lambda e: len(e[0].areas),
                            schema={"minimum": 0},
                        ),
                        Key(
                            "requirements",
                            int,
                            "How many requirements it has.",
                            get=lambda e: len(e[0].requirements),
                            schema={"minimum": 0},
                        ),
                        Key(
                            "translations",
                            tuple[str, ...],
                            "The languages it is translated into (the package's "
                            "translations).",
                            get=itemgetter(1),
                        ),
                    ),
                )
            ),
            "Each edition, oldest first, with its languages: (Standard, "
            "languages) pairs.",
            get=lambda editions: editions,
        ),
    ),
    marker=EDITIONS_FORMAT,
)
"""The data of ``goudenoor editions``, read from (Standard, languages) pairs."""

EXTENSIONS_SHAPE = Object(
    "The sector packs installed (entry point group goudenoor.extensions).",
    (
        Key(
            "extensions",
            Many(
                Object(
                    "A pack: loaded, or with the error that stops it.",
                    (
                        Key(
                            "name",
                            str,
                            "The name the pack is installed under (its entry point).",
                            get=itemgetter(0),
                        ),
                        Key(
                            "package",
                            str,
                            "The distribution that installs it, or '?' if unknown.",
                            get=itemgetter(1),
                        ),
                        Key(
                            "package_version",
                            str | None,
                            "The distribution's version, or null if unknown (a "
                            "pack that loads).",
                            get=_absent_if(_broken, lambda e: e[2]),
                            optional=True,
                        ),
                        Key(
                            "title",
                            str,
                            "The extension's title (a pack that loads).",
                            get=_absent_if(_broken, lambda e: e[3].title),
                            optional=True,
                        ),
                        Key(
                            "version",
                            str,
                            "The extension's own version (a pack that loads).",
                            get=_absent_if(_broken, lambda e: e[3].version),
                            optional=True,
                        ),
                        Key(
                            "targets",
                            tuple[str, ...],
                            "The editions it extends (a pack that loads).",
                            get=_absent_if(_broken, lambda e: e[3].targets),
                            optional=True,
                        ),
                        Key(
                            "error",
                            str,
                            "Why it does not load (a pack that does not).",
                            get=lambda e: str(e[3]) if _broken(e) else OMIT,
                            optional=True,
                        ),
                    ),
                    schema={
                        "oneOf": [
                            {
                                "required": [
                                    "package_version",
                                    "title",
                                    "version",
                                    "targets",
                                ]
                            },
                            {"required": ["error"]},
                        ]
                    },
                )
            ),
            "Each pack, by name: loaded, or with the error that stops it.",
            get=lambda packs: packs,
        ),
    ),
    marker=EXTENSIONS_FORMAT,
)
"""
The data of ``goudenoor extensions``, read from (name, package, package
version, extension or the error that stops it) for each pack.
"""

VALIDATION_SHAPE = Object(
    "The files goudenoor validate checked.",
    (
        Key(
            "files",
            Many(
                Object(
                    "One file checked.",
                    (
                        Key(
                            "file",
                            str,
                            "The file as named ('<stdin>' for '-').",
                            get=itemgetter(0),
                        ),
                        Key(
                            "valid",
                            bool,
                            "Whether it loads without a problem.",
                            get=lambda f: f[1] is None,
                        ),
                        Key(
                            "error",
                            str,
                            "What is wrong with it (only when it is not valid).",
                            get=lambda f: OMIT if f[1] is None else f[1],
                            optional=True,
                        ),
                    ),
                    schema={
                        "if": {"properties": {"valid": {"const": False}}},
                        "then": {"required": ["error"]},
                        "else": {"not": {"required": ["error"]}},
                    },
                )
            ),
            "Each file, in the order given.",
            get=lambda files: files,
        ),
    ),
    marker=VALIDATION_FORMAT,
)
"""
The data of ``goudenoor validate``, read from (file, error or ``None``)
for each file.
"""


_OUTPUTS: dict[str, tuple[type | Object, str]] = {
    "scorecard": (ScoreCard, "goudenoor score card"),
    "comparison": (Comparison, "goudenoor comparison"),
    "edition-diff": (EditionDiff, "goudenoor edition diff"),
    "migration": (Migration, "goudenoor migration"),
    "consensus": (Consensus, "goudenoor consensus"),
    "rollup": (Rollup, "goudenoor roll-up"),
    "portfolio": (PORTFOLIO_SHAPE, "goudenoor portfolio"),
    "percentile-ranks": (PercentileRanks, "goudenoor percentile ranks"),
    "trend": (Trend, "goudenoor trend"),
    "portfolio-summary": (PortfolioSummary, "goudenoor portfolio summary"),
    "editions": (EDITIONS_SHAPE, "goudenoor editions"),
    "extensions": (EXTENSIONS_SHAPE, "goudenoor extensions"),
    "validation": (VALIDATION_SHAPE, "goudenoor validation"),
    "graph": (GRAPH_SHAPE, "goudenoor graph"),
    "findings": (Findings, "goudenoor findings"),
    "status": (STATUS_SHAPE, "goudenoor status"),
}

_INPUTS: dict[str, Callable[[], dict[str, Any]]] = {
    "assessment": assessment_schema,
    "extension": extension_schema,
    "translation": translation_schema,
    "crosswalk": crosswalk_schema,
}


def json_schema(kind: str) -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of *kind*, one of :data:`SCHEMA_KINDS`:
    a file format (``assessment``) or an output (``scorecard``: what
    ``ScoreCard.as_dict()`` returns and ``goudenoor score --format json``
    prints). Each is derived from the classes and the shapes declared
    beside them, so it cannot drift from the data.

    Raises:
        KeyError: *kind* is not one of :data:`SCHEMA_KINDS`.
    """
    if kind == "standard":
        # An edition with its extensions applied, in the shape of the
        # edition files (with an area, only that area).
        return model_schema(
            Standard, STANDARD_FORMAT, "standard-1", "goudenoor standard"
        )
    if kind in _INPUTS:
        return _INPUTS[kind]()
    what, title = _OUTPUTS[kind]
    return output_schema(what, f"{kind}/1", title)
