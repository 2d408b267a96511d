"""
JSON Schemas of the file formats: assessments, extensions,
translations and crosswalks.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from typing import Any, Literal

import attrs

from goudenoor.standard import (
    EXTENSION_FORMAT,
    TRANSLATION_FORMAT,
    Crosswalk,
    Extension,
    Translation,
)


__all__ = [
    "assessment_schema",
    "crosswalk_schema",
    "extension_schema",
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
        "$defs": {"rating": rating},
    }


_JSON_TYPES: dict[Any, str] = {
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}


def _type_schema(tp: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp in _JSON_TYPES:
        return {"type": _JSON_TYPES[tp]}
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], definitions)}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, definitions) for arg in args]}
    if attrs.has(tp):
        name = tp.__name__
        if name not in definitions:
            definitions[name] = {}  # reserved first: a class may refer to itself
            definitions[name] = _class_schema(tp, definitions)
        return {"$ref": f"#/$defs/{name}"}
    msg = f"no JSON Schema for {tp!r}"  # pragma: no cover - a new field type
    raise TypeError(msg)  # pragma: no cover


_ATTRIBUTE = re.compile(r"^    (\w+): (.*)$")


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
    return " ".join(summary.split()), fields


def _class_schema(
    cls: type, definitions: dict[str, Any], omit: tuple[str, ...] = ()
) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = [f for f in attrs.fields(cls) if f.name not in omit]
    summary, described = _descriptions(cls)
    schema: dict[str, Any] = {
        "type": "object",
        "description": summary,
        "additionalProperties": False,
        "properties": {
            f.name: {
                **_type_schema(hints[f.name], definitions),
                "description": described[f.name],
            }
            for f in fields
        },
    }
    required = [f.name for f in fields if f.default is attrs.NOTHING]
    if required:
        schema["required"] = required
    return schema


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
    definitions: dict[str, Any] = {}
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
        "$defs": definitions,
    }


def crosswalk_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of the ``crosswalk/1`` file format,
    derived from the model classes so that it cannot drift from them.

    It checks the shape of a file; whether ids exist in the two editions
    and rows are unique is checked by the loader.
    """
    return model_schema(Crosswalk, "crosswalk/1", "crosswalk-1", "goudenoor crosswalk")
