"""
JSON Schemas of the file formats (assessments, extensions, translations
and crosswalks) and of the JSON outputs, all made by one generator from
the attrs classes: their fields, types and docstrings, the shapes of the
outputs that ``goudenoor._data`` declares, and, where a file holds a class
otherwise than its fields say (a rating written as its value alone, a
text that may not be empty), a declaration beside the generator.
"""

from __future__ import annotations

import collections.abc
import datetime
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from operator import itemgetter
from typing import Any, Literal, NamedTuple

import attrs

from goudenoor._data import OMIT, AnyOf, Key, Many, Object, shape_of
from goudenoor.audit import (
    GRAPH_SHAPE,
    Assessment,
    Calibration,
    Comparison,
    Consensus,
    Evidence,
    EvidenceCheck,
    Finding,
    Findings,
    FindingUpdate,
    Migration,
    MigrationOrigin,
    Rating,
    Review,
    Sample,
    SampledRegister,
    SamplePlan,
    ScoreCard,
)
from goudenoor.files._sample import (
    SAMPLE_EVALUATION_SHAPE,
    SAMPLE_FORMAT,
    SAMPLE_PLAN_SHAPE,
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
    Questionnaire,
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
    "sample_schema",
    "translation_schema",
]


def __dir__() -> list[str]:
    return __all__


def assessment_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of the ``assessment/1`` file format,
    derived from the audit classes so that it cannot drift from them.

    It checks the shape of a file; whether ids exist in the edition and
    values are on the scale is checked by the loader.
    """
    return model_schema(
        Assessment, "assessment/1", "assessment-1", "goudenoor assessment"
    )


class _InFile(NamedTuple):
    """
    How a file holds the objects of a class where that differs from the
    class; the generator reads the rest from the class: its fields, their
    types, which are required (no default) and their descriptions (the
    docstring's ``Attributes:``).

    Attributes:
        keys: Keys declared for the file. For a field: its type in the file
            (``str`` where the class has ``str | None`` and a file leaves
            the key out rather than writing null), more JSON Schema
            keywords (``minLength``) or a description of its own. A key
            that is not a field gives its type and description; it is
            required unless it is ``optional``.
        omit: The fields a file does not hold.
        short: The JSON types a file may write the object as instead of a
            mapping (a rating as its value, or null).
        schema: More JSON Schema keywords for the object (``if``).
    """

    keys: tuple[Key, ...] = ()
    omit: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    schema: Mapping[str, Any] = types.MappingProxyType({})


_TEXT: Mapping[str, Any] = types.MappingProxyType({"minLength": 1})
"""A text that may not be empty (the classes refuse a blank one)."""

_REQUIREMENT_ID = r"^([a-z][a-z0-9_-]*:)?[1-9][0-9]*\.[1-9][0-9]*$"
"""A requirement id of an edition (``5.6``) or an extension (``zorg:5.8``)."""

_EVIDENCE_PATH = r"^(?![A-Za-z]:)(?!\.\.?(/|$))(?!.*/\.\.?(/|$))[^/\\]+(/[^/\\]+)*$"
"""An evidence file's path: relative, ``/`` between its parts, none of them
empty, ``.`` or ``..`` (a blank one the class refuses as well)."""

_IN_FILES: dict[type, _InFile] = {
    # Where only a file's null is refused (unit, migrated_from, review, the
    # evidence dates), the key has the type without None: the schema that
    # was written by hand refused null there, and editors keep their
    # verdicts (tests/files/test_assessment_schema_differential.py).
    Assessment: _InFile(
        keys=(
            Key("edition", schema=_TEXT),
            Key("organisation", schema=_TEXT),
            Key("unit", str, schema=_TEXT),
            Key("migrated_from", MigrationOrigin),
            Key("journal_head", str, schema={"pattern": "^[0-9a-f]{64}$"}),
            Key(
                "ratings",
                doc="Requirement id to its rating: a value (the short form), "
                "empty (unrated) or a rating in full.",
                schema={"propertyNames": {"pattern": _REQUIREMENT_ID}},
            ),
        ),
        omit=("source",),
    ),
    # A rating is a value alone, empty, or in full; in full, a
    # justification comes with not_applicable and only then, and then
    # there is no value.
    Rating: _InFile(
        keys=(
            Key("checkpoints_met", schema={"uniqueItems": True}),
            Key("review", Review),
        ),
        short=("number", "null"),
        schema={
            "if": {
                "properties": {"not_applicable": {"const": True}},
                "required": ["not_applicable"],
            },
            "then": {
                "required": ["justification"],
                "properties": {
                    "value": {"type": "null"},
                    "justification": {"type": "string", **_TEXT},
                },
            },
            "else": {"not": {"required": ["justification"]}},
        },
    ),
    # The rules of kinds (a severity and a deadline for an afwijking, none
    # for what is not followed up) and of the history's order are the
    # loader's: a schema would repeat them in if/then chains an editor
    # reports badly.
    Finding: _InFile(
        keys=(
            Key("id", schema={"pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"}),
            Key("requirement", schema={"pattern": _REQUIREMENT_ID}),
            Key("text", schema=_TEXT),
            Key("owner", str, schema=_TEXT),
        )
    ),
    FindingUpdate: _InFile(keys=(Key("by", str, schema=_TEXT),)),
    Evidence: _InFile(
        keys=(
            Key("reference", schema=_TEXT),
            Key("date", datetime.date),
            Key("valid_until", datetime.date),
            Key("path", str, schema={"pattern": _EVIDENCE_PATH}),
            Key("uri", str, schema=_TEXT),
            Key("sha256", str, schema={"pattern": "^[0-9a-f]{64}$"}),
            Key("collected_by", str, schema=_TEXT),
        )
    ),
    Review: _InFile(keys=(Key("reason", schema=_TEXT),)),
    MigrationOrigin: _InFile(keys=(Key("edition", schema=_TEXT),)),
    Sample: _InFile(
        keys=(
            Key("seed", schema=_TEXT),
            Key("ids", schema={"minItems": 1, "uniqueItems": True}),
            Key("plan", SamplePlan),
        )
    ),
    SampledRegister: _InFile(
        keys=(
            Key("sha256", schema={"pattern": "^[0-9a-f]{64}$"}),
            Key("records", schema={"minimum": 1}),
            Key("id_column", schema=_TEXT),
            Key("stratify", str, schema=_TEXT),
        )
    ),
    SamplePlan: _InFile(
        keys=(
            Key("confidence", schema={"exclusiveMinimum": 0, "exclusiveMaximum": 1}),
            Key("tolerable", schema={"exclusiveMinimum": 0, "exclusiveMaximum": 1}),
            Key("expected", schema={"minimum": 0}),
            Key("population", int, schema={"minimum": 1}),
        )
    ),
    Crosswalk: _InFile(omit=("origin",)),
    Extension: _InFile(omit=("origin", "locate")),
    Translation: _InFile(omit=("origin",)),
}
"""
How the files differ from the classes they hold (see ``_InFile``);
a class not named here is held as it is. The fields left out are those
the loader leaves out (``goudenoor.files._convert``; a test checks).
"""

_AS_IT_IS = _InFile()


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
        ref = {"$ref": f"#/$defs/{name}"}
        short = () if definitions.output else _IN_FILES.get(tp, _AS_IT_IS).short
        if not short:
            return ref
        # Not `oneOf: [number, null, rating]`: an editor reports the errors
        # of the alternative that matches best, and for a rating whose only
        # key is mistyped the number, the null and the rating alternatives
        # tie, so the yaml-language-server said 'Expected "number | null"'.
        # With the type checked first and the rating applied to objects
        # only, the one error is the rating's: the unknown key, named.
        return {"type": [*short, "object"], "if": {"type": "object"}, "then": ref}
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
    cls: type, definitions: _Definitions, *, output: bool = False
) -> dict[str, Any]:
    """
    The schema of *cls*: of its data as an output (its shape, or all its
    fields, all required), or as a file holds it (its fields as
    ``_IN_FILES`` declares them, those without a default required).
    """
    summary, described = _descriptions(cls)
    found = shape_of(cls) if output else None
    if found is not None:
        keys = [(key, *_resolve(cls, key, described)) for key in found.keys]
        return _keys_schema(found.doc or summary, keys, found.marker, definitions)
    declared = _AS_IT_IS if output else _IN_FILES.get(cls, _AS_IT_IS)
    fields = [f for f in attrs.fields(cls) if f.name not in declared.omit]
    named = {f.name for f in fields}
    by_name = {key.name: key for key in declared.keys}
    extra = [key for key in declared.keys if key.name not in named]
    keys = [
        (key, *_resolve(cls, key, described))
        for key in [*(by_name.get(f.name, Key(f.name)) for f in fields), *extra]
    ]
    required = (
        None
        if output
        else [
            *(f.name for f in fields if f.default is attrs.NOTHING),
            *(key.name for key in extra if not key.optional),
        ]
    )
    schema = _keys_schema(summary, keys, None, definitions, required)
    return {**schema, **declared.schema}


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


def sample_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of the ``sample/1`` file format,
    derived from the sampling classes so that it cannot drift from them.

    It checks the shape of a file; that the strata hold the drawn ids and
    add up to the register is checked by the loader.
    """
    return model_schema(Sample, SAMPLE_FORMAT, "sample-1", "goudenoor sample")


def model_schema(cls: type, marker: str, name: str, title: str) -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of a document that holds a *cls* in the
    shape of the files (as ``_IN_FILES`` declares it) marked
    ``"goudenoor": marker``, derived from the class; *name* makes its
    ``$id``, *title* its title. (For the other schema modules: not part of
    the package's API.)
    """
    definitions = _Definitions(output=False)
    schema = _class_schema(cls, definitions)
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
    "calibration": (Calibration, "goudenoor calibration"),
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
    "evidence-check": (EvidenceCheck, "goudenoor evidence check"),
    "sample-plan": (SAMPLE_PLAN_SHAPE, "goudenoor sample plan"),
    "sample-evaluation": (SAMPLE_EVALUATION_SHAPE, "goudenoor sample evaluation"),
    "questionnaire": (Questionnaire, "goudenoor self-assessment questionnaire"),
}

_INPUTS: dict[str, Callable[[], dict[str, Any]]] = {
    "assessment": assessment_schema,
    "extension": extension_schema,
    "translation": translation_schema,
    "crosswalk": crosswalk_schema,
    "sample": sample_schema,
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
