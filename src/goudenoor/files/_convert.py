"""
The one private cattrs converter, and the translation of its errors.

The converter is strict: no coercion between types (``"5"`` is not an
int, ``true`` is not a number, ``3`` is not a string), no extra keys,
finite floats only, lists where tuples are expected.
Structuring errors become :class:`~goudenoor.exceptions.Problem` objects
with a path, which the loaders turn into one
:class:`~goudenoor.exceptions.ValidationError` with file positions.
"""

from __future__ import annotations

import collections.abc
import datetime
import math
import re
import typing
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, Literal, TypeVar

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from goudenoor._data import new_converter
from goudenoor.audit import Rating
from goudenoor.exceptions import ModelError
from goudenoor.problems import EXCERPT, PathElement, Problem, excerpt
from goudenoor.standard import MAX_NUMBER


_T = TypeVar("_T")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _WrongValueError(ValueError):
    """
    Raised by the strict hooks; the message is shown to the user as is.
    """


def describe(value: object) -> str:
    """
    Describe a found value for an error message: its YAML kind and, for
    short scalars, the value itself.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        shown = repr(value)
        if len(shown) > EXCERPT:
            shown = f"{shown[: EXCERPT - 3]}..."
        return f"number {shown}"
    if isinstance(value, str):
        return f"string {excerpt(value)}"
    if isinstance(value, datetime.date):
        return f"date {value.isoformat()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__


def _expect(what: str, value: object) -> _WrongValueError:
    return _WrongValueError(f"expected {what}, got {describe(value)}")


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _expect("a string", value)
    return value


_IN_RANGE = f"from {-MAX_NUMBER:,} to {MAX_NUMBER:,}"


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _expect("an integer", value)
    if abs(value) > MAX_NUMBER:
        raise _expect(f"an integer {_IN_RANGE}", value)
    return value


def _structure_float(value: object, _: type) -> float:
    # Checked before anything is computed with it: float(10**400) raises,
    # and sums of points near 1e308 overflow.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _expect("a number", value)
    if isinstance(value, float) and not math.isfinite(value):
        raise _expect("a finite number", value)
    if abs(value) > MAX_NUMBER:
        raise _expect(f"a number {_IN_RANGE}", value)
    return float(value)


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _expect("true or false", value)
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    # YAML gives dates; JSON has none, so the ISO form YYYY-MM-DD is taken
    # too (the JSON Schemas say "format": "date"). Nothing else is.
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise _expect("a valid date (YYYY-MM-DD)", value) from None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise _expect("a date (YYYY-MM-DD)", value)
    return value


def _check_text_keys(mapping: dict[Any, object]) -> None:
    # YAML files always give text keys; Python callers might not.
    for key in mapping:
        if not isinstance(key, str):
            raise _WrongValueError(f"expected text keys, got the key {describe(key)}")


def _is_literal(tp: Any) -> bool:
    return typing.get_origin(tp) is Literal


def _literal_hook(tp: Any) -> Callable[[object, type], object]:
    allowed = typing.get_args(tp)
    shown = ", ".join(repr(a) for a in allowed)

    def structure(value: object, _: type) -> object:
        if isinstance(value, str) and value in allowed:
            return value
        raise _WrongValueError(f"expected one of {shown}, got {describe(value)}")

    return structure


_K = TypeVar("_K", int, str)


def _structure_each(
    items: Iterable[tuple[_K, object]],
    handler: Callable[[object, Any], object],
    item_type: Any,
    tp: Any,
) -> list[tuple[_K, object]]:
    """
    Structure every item, collecting all failures (each noted with its
    index or key) into one IterableValidationError.
    """
    done: list[tuple[_K, object]] = []
    errors: list[Exception] = []
    for key, item in items:
        try:
            done.append((key, handler(item, item_type)))
        except Exception as exc:  # noqa: BLE001 - collected and re-raised as a group
            exc.add_note(
                cattrs.errors.IterableValidationNote(
                    f"Structuring item {key!r}", key, item_type
                )
            )
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
    return done


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _tuple_hook(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[object, type], object]]:
    def factory(tp: Any) -> Callable[[object, type], object]:
        item_type = typing.get_args(tp)[0]
        handler = converter.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[object, ...]:
            if not isinstance(value, list):
                raise _expect("a list", value)
            pairs = _structure_each(enumerate(value), handler, item_type, tp)
            return tuple(item for _, item in pairs)

        return structure

    return factory


def _is_str_dict(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (dict, collections.abc.Mapping)
        and len(args) == 2  # noqa: PLR2004
        and args[0] is str
    )


def _dict_hook(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[object, type], object]]:
    def factory(tp: Any) -> Callable[[object, type], object]:
        value_type = typing.get_args(tp)[1]
        handler = converter.get_structure_hook(value_type)

        def structure(value: object, _: type) -> dict[str, object]:
            if not isinstance(value, dict):
                raise _expect("a mapping", value)
            _check_text_keys(value)
            return dict(_structure_each(value.items(), handler, value_type, tp))

        return structure

    return factory


def _attrs_hook(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[object, type], object]]:
    def factory(cls: Any) -> Callable[[object, type], object]:
        return _class_hook(converter, cls)

    return factory


def _rating_hook(
    converter: cattrs.Converter,
) -> Callable[[object, type], Rating]:
    inner = _attrs_hook(converter)(Rating)

    def structure(value: object, tp: type) -> Rating:
        if value is None:
            return Rating()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return Rating(value=_structure_float(value, float))
        if isinstance(value, dict):
            rating = inner(value, tp)
            assert isinstance(rating, Rating)  # noqa: S101 - for the type checker
            return rating
        raise _expect("a value, a mapping or null", value)

    return structure


_NOT_IN_FILES: dict[str, tuple[str, ...]] = {
    "Assessment": ("source",),
    "Crosswalk": ("origin",),
    "Extension": ("origin", "locate"),
    "Translation": ("origin",),
}
"""Fields that are not read from files (they say where it came from), by
the class's name (this converter structures goudenoor's classes only):
naming the classes themselves would define the crosswalk and translation
classes in every process that loads a file."""


def _not_in_files(cls: type) -> tuple[str, ...]:
    return _NOT_IN_FILES.get(cls.__qualname__, ())


def _class_hook(
    converter: cattrs.Converter, cls: type
) -> Callable[[object, type], object]:
    """
    Structure an attrs class from a mapping with text keys, forbidding
    extra keys and leaving out the fields that are not read from files.

    The structure function is generated when the first mapping of *cls*
    arrives, not when the hook is asked for: generating a class's function
    asks for (and would generate) the hook of every class it holds, and an
    assessment without findings or reviews has no use for theirs. The
    generated functions of the classes that hold *cls* keep calling this
    one wrapper.
    """
    inner: Callable[[Any, Any], object] | None = None

    def structure(value: object, tp: type) -> object:
        nonlocal inner
        if not isinstance(value, dict):
            raise _expect("a mapping", value)
        _check_text_keys(value)
        if inner is None:
            omitted: dict[str, Any] = {
                name: cattrs.gen.override(omit=True) for name in _not_in_files(cls)
            }
            inner = cattrs.gen.make_dict_structure_fn(
                cls, converter, _cattrs_forbid_extra_keys=True, **omitted
            )
        return inner(value, tp)

    return structure


@cache
def _converter() -> cattrs.Converter:
    """
    Build the strict converter once: a copy of the package's one converter
    (its unstructure hooks, ``goudenoor._data``) with the strict structure
    hooks. It is made from the same recipe rather than copied, which would
    build the one converter first in a process that only reads input.
    """
    converter = new_converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook_factory(_is_literal, _literal_hook)
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, _tuple_hook(converter)
    )
    converter.register_structure_hook_factory(_is_str_dict, _dict_hook(converter))
    converter.register_structure_hook_factory(attrs.has, _attrs_hook(converter))
    converter.register_structure_hook(Rating, _rating_hook(converter))
    # The files keep dates as dates: YAML writes them as dates, not strings.
    converter.register_unstructure_hook(datetime.date, lambda d: d)
    return converter


def structure(data: object, cls: type[_T]) -> _T:
    """
    Build a *cls* from plain data.

    Raises:
        StructureFailedError: With every problem found, each with its path.
    """
    try:
        return _converter().structure(data, cls)
    except (
        ClassValidationError,
        IterableValidationError,
        _WrongValueError,
        ModelError,
    ) as exc:
        raise StructureFailedError(tuple(problems(exc))) from exc


def unstructure(obj: object) -> Any:
    """
    Turn a model object into plain data (dicts, lists, scalars).
    """
    return _converter().unstructure(obj)


class StructureFailedError(Exception):
    """
    Internal: structuring failed; carries the problems for the loader.
    """

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__(problems)
        self.problems = problems


def problems(
    exc: BaseException, path: tuple[PathElement, ...] = ()
) -> Iterator[Problem]:
    """
    Flatten a (nested) cattrs validation error into problems with paths.
    """
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from _leaf_or_group(sub, (*path, note.name))
        for sub in without:
            yield from _leaf_or_group(sub, path)
    elif isinstance(exc, IterableValidationError):
        with_index, without_index = exc.group_exceptions()
        for sub, index_note in with_index:
            yield from _leaf_or_group(sub, (*path, index_note.index))
        for sub in without_index:
            yield from _leaf_or_group(sub, path)
    else:
        yield from _leaf_or_group(exc, path)


def _leaf_or_group(
    exc: BaseException, path: tuple[PathElement, ...]
) -> Iterator[Problem]:
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        yield from problems(exc, path)
    elif isinstance(exc, ModelError):
        for problem in exc.problems:
            yield problem.prefixed(path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        omitted = _not_in_files(exc.cl)
        allowed = ", ".join(
            f.name for f in attrs.fields(exc.cl) if f.name not in omitted
        )
        for key in sorted(exc.extra_fields):
            yield Problem(
                message=f"unknown key {excerpt(key)} (expected one of: {allowed})",
                path=(*path, key),
            )
    elif isinstance(exc, KeyError) and not isinstance(exc, ModelError):
        yield Problem(message="required key missing", path=path)
    elif isinstance(exc, _WrongValueError):
        yield Problem(message=str(exc), path=path)
    else:
        yield Problem(message=f"invalid value ({type(exc).__name__}: {exc})", path=path)
