"""
Objects as plain, JSON-ready data: the unstructuring half of the one
cattrs converter, and the shapes of the outputs.

An output whose keys are its class's fields needs nothing here: cattrs
unstructures attrs classes field by field. An output whose keys are
renamed, computed, grouped or marked ``"goudenoor": "FORMAT/1"`` declares
its keys once with :func:`shape`, next to its class; the converter's hook
writes the data from that declaration and the schema generator
(``goudenoor.files``) writes the JSON Schema from the same one.

cattrs is imported when data is first made, not when a domain module
declares a shape: ``import goudenoor`` and ``load_standard`` do not pay for
it. Unstructuring to plain data is a pure transform, which is why the
domain may use it; structuring input stays in ``goudenoor.files``.
"""

from __future__ import annotations

import datetime
import types
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple


if TYPE_CHECKING:
    import cattrs


__all__ = [
    "OMIT",
    "AnyOf",
    "Key",
    "Many",
    "Object",
    "Shape",
    "converter",
    "new_converter",
    "object_data",
    "shape",
    "shape_of",
    "to_data",
]


def __dir__() -> list[str]:
    return __all__


# Named tuples, not attrs classes: the domain modules declare their shapes
# when they are imported (load_standard imports some), and a named tuple
# costs a twentieth of an attrs class to create.

_NO_SCHEMA: Mapping[str, Any] = types.MappingProxyType({})


class Key(NamedTuple):
    """
    One key of an output object.

    Attributes:
        name: The key.
        type: The type of the value before it is unstructured, for the
            schema; ``None`` takes the annotation of the field or
            property called *name* (an :class:`Object` or :class:`Many`
            for an object without a class of its own).
        doc: The key's description; ``None`` takes it from the class's
            ``Attributes:`` or the property's docstring.
        get: Reads the value from the object; ``None`` reads the
            attribute called *name*.
        schema: More JSON Schema keywords for the value (``minimum``).
        optional: The key may be missing: it is written only where its
            value is not :data:`OMIT` (with no *get*, an object without
            the attribute), or added to the data by an output that says
            more (the report's JSON adds ``risks`` to the score card's).
    """

    name: str
    type: Any = None
    doc: str | None = None
    get: Callable[[Any], Any] | None = None
    schema: Mapping[str, Any] = _NO_SCHEMA
    optional: bool = False

    def value(self, obj: object) -> Any:
        """
        The key's value in *obj*, before it is unstructured.
        """
        if self.get is not None:
            return self.get(obj)
        return (
            getattr(obj, self.name, OMIT) if self.optional else getattr(obj, self.name)
        )


OMIT: Any = type("Omit", (), {"__repr__": lambda _: "OMIT"})()
"""The value of an optional key that is not written."""


class Object(NamedTuple):
    """
    An object without a class of its own: keys read from the value of the
    key that holds it.

    Attributes:
        doc: What the object is.
        keys: Its keys, in order.
        marker: The format marker of a document, written first as
            ``"goudenoor"``.
        schema: More JSON Schema keywords for the object (``allOf``).
        name: A name for the schema's ``$defs`` (a schema refers to the
            object by it), or ``None`` (written where it is used).
    """

    doc: str
    keys: tuple[Key, ...]
    marker: str | None = None
    schema: Mapping[str, Any] = _NO_SCHEMA
    name: str | None = None


class AnyOf(NamedTuple):
    """
    One of several types or objects; the value is unstructured as it is
    (for the schema: ``anyOf``).

    Attributes:
        items: The alternatives.
    """

    items: tuple[Any, ...]


class Many(NamedTuple):
    """
    A list of items of *items* (an :class:`Object`, or a type).

    Attributes:
        items: What each item is.
    """

    items: Any


class Shape(NamedTuple):
    """
    The keys of a class's data, in order.

    Attributes:
        keys: The keys; a plain name stands for the field or property of
            that name.
        marker: The format marker, written first as ``"goudenoor"``.
        doc: What the object is; ``None`` takes the class's summary.
    """

    keys: tuple[Key, ...]
    marker: str | None = None
    doc: str | None = None


_SHAPES: dict[type, Shape] = {}


def shape(
    cls: type,
    *keys: Key | str,
    marker: str | None = None,
    doc: str | None = None,
) -> None:
    """
    Declare the keys of *cls*'s data (see :class:`Shape`); a call for a
    class that has a shape adds *keys* to it (an output that extends
    another's, declared where both classes are known).
    """
    found = tuple(Key(key) if isinstance(key, str) else key for key in keys)
    old = _SHAPES.get(cls)
    if old is not None:
        _SHAPES[cls] = old._replace(keys=old.keys + found)
        return
    _SHAPES[cls] = Shape(keys=found, marker=marker, doc=doc)


def shape_of(cls: type) -> Shape | None:
    """
    The shape declared for *cls*, or ``None`` (its fields, as they are).
    """
    return _SHAPES.get(cls)


def to_data(obj: object) -> Any:
    """
    *obj* as plain, JSON-ready data: dicts, lists, strings, numbers,
    booleans and ``None``; dates in ISO form.
    """
    return converter().unstructure(obj)


def _object_data(
    conv: cattrs.Converter, keys: tuple[Key, ...], obj: object
) -> dict[str, Any]:
    found = {key.name: key.value(obj) for key in keys}
    return {
        key.name: _value_data(conv, key.type, found[key.name])
        for key in keys
        if found[key.name] is not OMIT
    }


def object_data(what: Object, value: object) -> dict[str, Any]:
    """
    The data of the object *what* declares, its keys read from *value*
    (marked first when *what* has a marker).
    """
    marker = {} if what.marker is None else {"goudenoor": what.marker}
    return {**marker, **_object_data(converter(), what.keys, value)}


def _value_data(conv: cattrs.Converter, tp: object, value: object) -> Any:
    if isinstance(tp, Object):
        return _object_data(conv, tp.keys, value)
    if isinstance(tp, Many) and isinstance(tp.items, Object):
        keys = tp.items.keys
        return [_object_data(conv, keys, item) for item in value]  # type: ignore[attr-defined]
    return conv.unstructure(value)


def _shape_hook(
    cls: type, conv: cattrs.Converter
) -> Callable[[object], dict[str, Any]]:
    found = _SHAPES[cls]
    marker = {} if found.marker is None else {"goudenoor": found.marker}

    def unstructure(obj: object) -> dict[str, Any]:
        return {**marker, **_object_data(conv, found.keys, obj)}

    return unstructure


@cache
def converter() -> cattrs.Converter:
    """
    The one converter, with its unstructure hooks; ``goudenoor.files``
    makes its strict copy with :func:`new_converter` and adds the strict
    structure hooks.
    """
    return new_converter()


def new_converter(**options: Any) -> cattrs.Converter:
    """
    A new converter with the unstructure hooks of :func:`converter` and
    cattrs' *options*: a copy of the one converter made from the same
    recipe, not by copying it, so that a process that only reads input
    builds one converter, not two (registering the hooks generates
    nothing; a function is generated when a class is first unstructured).
    """
    import cattrs

    conv = cattrs.Converter(
        unstruct_collection_overrides={tuple: list, Mapping: dict}, **options
    )
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    conv.register_unstructure_hook_factory(_SHAPES.__contains__, _shape_hook)
    return conv
