"""
JSON Schemas of the file formats: assessments, extensions,
translations and crosswalks.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

import attrs

from goudenoor.crosswalk import Crosswalk
from goudenoor.extensions import EXTENSION_FORMAT, Extension
from goudenoor.translation import TRANSLATION_FORMAT, Translation


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
    evidence = {
        "type": "object",
        "additionalProperties": False,
        "required": ["kind", "reference"],
        "properties": {
            "kind": {
                "enum": ["document", "interview", "observation", "measurement", "other"]
            },
            "reference": text,
            "date": date,
            "valid_until": date,
        },
    }
    rating = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "value": {"type": ["number", "null"]},
            "not_applicable": {"type": "boolean"},
            "justification": {"type": ["string", "null"]},
            "evidence": {"type": "array", "items": evidence},
            "checkpoints_met": {
                "type": "array",
                "items": {"type": "string"},
                "uniqueItems": True,
            },
            "note": {"type": ["string", "null"]},
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
            "goudenoor": {"const": "assessment/1"},
            "edition": text,
            "organisation": text,
            "date": date,
            "scale": {"type": ["string", "null"]},
            "auditors": {"type": "array", "items": {"type": "string"}},
            "extensions": {"type": "array", "items": {"type": "string"}},
            "migrated_from": {
                "type": "object",
                "additionalProperties": False,
                "required": ["edition"],
                "properties": {
                    "edition": text,
                    "crosswalk": {"type": ["string", "null"]},
                },
            },
            "ratings": {
                "type": "object",
                "propertyNames": {
                    "pattern": r"^([a-z][a-z0-9_-]*:)?[1-9][0-9]*\.[1-9][0-9]*$"
                },
                "additionalProperties": {
                    "oneOf": [{"type": "number"}, {"type": "null"}, rating]
                },
            },
        },
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


def _class_schema(
    cls: type, definitions: dict[str, Any], omit: tuple[str, ...] = ()
) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = [f for f in attrs.fields(cls) if f.name not in omit]
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            f.name: _type_schema(hints[f.name], definitions) for f in fields
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
    return _file_schema(
        Extension, EXTENSION_FORMAT, "extension-1", "goudenoor sector extension"
    )


def translation_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of the ``translation/1`` file format,
    derived from the model classes so that it cannot drift from them.
    """
    return _file_schema(
        Translation, TRANSLATION_FORMAT, "translation-1", "goudenoor translation"
    )


def _file_schema(cls: type, marker: str, name: str, title: str) -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    schema = _class_schema(cls, definitions, omit=("origin", "locate"))
    schema["properties"] = {"goudenoor": {"const": marker}, **schema["properties"]}
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
    return _file_schema(Crosswalk, "crosswalk/1", "crosswalk-1", "goudenoor crosswalk")
