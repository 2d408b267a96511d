"""
Type checks at the public entries, read from the annotations.

A public function decorated with :func:`checked`, and an attrs class built
with ``field_transformer=typed_fields``, refuses an argument of the wrong
type at once, with a :class:`TypeError` that names the parameter and the
expected type, instead of failing later, deep inside, with an
``AttributeError``.
The annotations are the one statement of the types (mypy reads the same
ones), so a new parameter is checked without writing a check.

Only types are checked here: a value of the right type that the domain
refuses (an unknown edition, a negative weight) is the domain's
:class:`~goudenoor.exceptions.GoudenoorError`.
"""

from __future__ import annotations

import collections.abc
import datetime
import functools
import inspect
import os
import sys
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, ParamSpec, TypeVar


if typing.TYPE_CHECKING:
    import attrs


__all__ = [
    "as_tuple",
    "checked",
    "checked_except",
    "describe",
    "typed_fields",
    "wrong_type",
]


def __dir__() -> list[str]:
    return __all__


_P = ParamSpec("_P")
_R = TypeVar("_R")

# Names that modules import for annotations only, to keep `import goudenoor`
# cheap. They are looked up among the loaded modules when a call is checked:
# a module that is not loaded yet holds no instance, so nothing can match.
_MODULE_ALIASES = {"nx": "networkx"}

_COLLECTIONS = {
    tuple: "a tuple",
    list: "a list",
    set: "a set",
    frozenset: "a frozenset",
    collections.abc.Sequence: "a sequence",
    collections.abc.Collection: "a collection",
    collections.abc.Iterable: "an iterable",
    collections.abc.Set: "a set",
}
_MAPPINGS = (dict, collections.abc.Mapping)


def _name(hint: Any) -> str:
    if hint is type(None) or hint is None:
        return "None"
    if hint is float:
        return "a number"
    if hint is os.PathLike:
        return "a path"
    if hint is datetime.date:
        return "a date"
    return getattr(hint, "__name__", None) or str(hint)


def describe(hint: Any) -> str:
    """
    The type *hint* in words, for an error message.

    >>> describe(tuple[str, ...] | None)
    'a tuple of str or None'
    """
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(dict.fromkeys(describe(arg) for arg in args))
    if origin is typing.Literal:
        return " or ".join(dict.fromkeys(_name(type(arg)) for arg in args))
    if origin in _COLLECTIONS:
        items = [arg for arg in args if arg is not Ellipsis]
        if len(items) == 1:
            return f"{_COLLECTIONS[origin]} of {describe(items[0])}"
        return _COLLECTIONS[origin]
    if origin in _MAPPINGS:
        if args:
            return f"a mapping of {describe(args[0])} to {describe(args[1])}"
        return "a mapping"
    if origin is collections.abc.Callable or hint is collections.abc.Callable:
        return "a callable"
    if origin is not None:
        return _name(origin)
    if _is_protocol(hint):
        return f"a callable ({hint.__name__})"
    return _name(hint)


def _is_protocol(hint: Any) -> bool:
    return isinstance(hint, type) and getattr(hint, "_is_protocol", False)


def _where(name: str, key: object) -> str:
    return f"{name}[{key!r}]"


def _mismatch(  # noqa: C901, PLR0912 - one branch per kind of annotation
    value: object, hint: Any, name: str
) -> tuple[str, Any, object] | None:
    """
    Where *value* departs from *hint*, the hint expected there and the
    item found there.

    ``None`` if it matches. Collections and mappings are checked item by
    item, so that the message can name the item; an iterator is not
    consumed.
    """
    if hint is Any or hint is object:
        return None
    if isinstance(hint, TypeVar):
        bound = hint.__bound__
        return None if bound is None else _mismatch(value, bound, name)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        found = [_mismatch(value, arg, name) for arg in args]
        if None in found:
            return None
        # `X | None` given something that is not None: say where it departs
        # from X, an item of a mapping rather than the whole mapping.
        others = [arg for arg in args if arg is not type(None)]
        if len(others) == 1:
            return _mismatch(value, others[0], name)
        return name, hint, value
    if origin is typing.Literal:
        # Only the type: an unknown value is the domain's error, with its
        # own suggestions.
        ok = any(isinstance(value, type(arg)) for arg in args)
        return None if ok else (name, hint, value)
    if origin is not None:
        return _generic_mismatch(value, hint, origin, args, name)
    if hint is type(None) or hint is None:
        return None if value is None else (name, hint, value)
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else (name, hint, value)
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else (name, hint, value)
    if _is_protocol(hint):
        if getattr(hint, "_is_runtime_protocol", False):
            return None if isinstance(value, hint) else (name, hint, value)
        return None if callable(value) else (name, hint, value)
    if hint is collections.abc.Callable:
        return None if callable(value) else (name, hint, value)
    if isinstance(hint, type):
        return None if isinstance(value, hint) else (name, hint, value)
    return None


def _generic_mismatch(  # noqa: C901, PLR0912 - one branch per kind of annotation
    value: object, hint: Any, origin: Any, args: tuple[Any, ...], name: str
) -> tuple[str, Any, object] | None:
    if origin is collections.abc.Callable:
        return None if callable(value) else (name, hint, value)
    if origin in _MAPPINGS:
        if not isinstance(value, collections.abc.Mapping):
            return name, hint, value
        if args:
            for key, item in value.items():
                found = _mismatch(key, args[0], f"{name} key {key!r}")
                found = found or _mismatch(item, args[1], _where(name, key))
                if found:
                    return found
        return None
    if origin in _COLLECTIONS:
        if not isinstance(value, origin) or isinstance(value, (str, bytes)):
            return name, hint, value
        if origin is tuple and args and args[-1] is not Ellipsis:
            if not isinstance(value, tuple) or len(value) != len(args):
                return name, hint, value
            pairs: Iterator[tuple[Any, Any]] = zip(args, value, strict=True)
        elif args and isinstance(value, collections.abc.Collection):
            pairs = ((args[0], item) for item in value)
        else:
            return None
        for index, (item_hint, item) in enumerate(pairs):
            found = _mismatch(item, item_hint, _where(name, index))
            if found:
                return found
        return None
    if isinstance(origin, type):
        return None if isinstance(value, origin) else (name, hint, value)
    return None


_SHOWN = 60
"""How much of a wrong value a message shows."""


def _got(value: object) -> str:
    shown = repr(value)
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 3] + "..."
    return f"{type(value).__name__} {shown}"


def wrong_type(owner: str, name: str, value: object, hint: Any) -> TypeError | None:
    """
    The error for *value* given as *name* of *owner*, if it is not *hint*.

    >>> print(wrong_type("score()", "standard", "x", int))
    score(): 'standard' must be int, got str 'x'
    """
    found = _mismatch(value, hint, name)
    if found is None:
        return None
    where, expected, shown = found
    return TypeError(
        f"{owner}: {where!r} must be {describe(expected)}, got {_got(shown)}"
    )


def _resolve(target: Callable[..., object] | type) -> dict[str, Any] | None:
    """
    The annotations of *target*, or ``None`` while one names a module
    that is not loaded yet.
    """
    namespace: dict[str, Any] = {}
    for alias, module in _MODULE_ALIASES.items():
        if module in sys.modules:
            namespace[alias] = _Annotations(sys.modules[module])
    try:
        return typing.get_type_hints(target, localns=namespace)
    except NameError:
        return None


class _Annotations:
    """
    A module as annotations see it: ``nx.DiGraph[str]`` is written for
    mypy's stubs, while the class itself takes no subscript at run time.
    """

    def __init__(self, module: types.ModuleType) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._module, name)
        if isinstance(found, type) and not hasattr(found, "__class_getitem__"):
            return _Subscriptable(found)
        return found


class _Subscriptable:
    def __init__(self, cls: type) -> None:
        self._cls = cls

    def __getitem__(self, args: Any) -> type:
        # The class alone: what is inside a graph is not checked.
        return self._cls


class _Hints:
    """
    The annotations of one function or class, resolved at the first check
    (a class's annotations may name classes defined after it).
    """

    __slots__ = ("_hints", "_target")

    def __init__(self, target: Callable[..., object] | type) -> None:
        self._target = target
        self._hints: dict[str, Any] | None = None

    def get(self) -> dict[str, Any]:
        if self._hints is None:
            hints = _resolve(self._target)
            if hints is None:
                # Checked without the unloaded names: an argument that
                # should be one of their objects cannot be one yet.
                return {}
            self._hints = hints
        return self._hints


def checked(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """
    *function*, refusing arguments that do not fit its annotations.

    Raises:
        TypeError: Naming the parameter, the expected type and the value.
    """
    return checked_except()(function)


def checked_except(
    *names: str,
) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """
    :func:`checked`, leaving the parameters *names* to the function's own
    check (one that gives a more helpful message than the type alone).
    """

    def decorate(function: Callable[_P, _R]) -> Callable[_P, _R]:
        signature = inspect.signature(function)
        hints = _Hints(function)
        owner = function.__qualname__.removesuffix(".__init__") + "()"

        @functools.wraps(function)
        def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            known = hints.get()
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as error:
                raise TypeError(f"{owner}: {error}") from None
            for name, value in bound.arguments.items():
                if name in names:
                    continue
                kind = signature.parameters[name].kind
                if kind is inspect.Parameter.VAR_KEYWORD:
                    continue
                items = value if kind is inspect.Parameter.VAR_POSITIONAL else (value,)
                for item in items:
                    _raise(owner, name, item, known.get(name, Any))
            return function(*args, **kwargs)

        return wrapper

    return decorate


def _raise(owner: str, name: str, value: object, hint: Any) -> None:
    error = wrong_type(owner, name, value, hint)
    if error is not None:
        raise error


def as_tuple(value: Any) -> Any:
    """
    An attrs converter: an iterable (a list, a generator) as a tuple.

    Anything else, a string included, is left as it is, for the type check
    of the field to name.
    """
    if isinstance(value, collections.abc.Iterable) and not isinstance(
        value, (str, bytes)
    ):
        return tuple(value)
    return value


_CLASS_HINTS: dict[type, _Hints] = {}


def _check_field(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    cls = type(instance)
    hints = _CLASS_HINTS.get(cls)
    if hints is None:
        hints = _CLASS_HINTS.setdefault(cls, _Hints(cls))
    _raise(
        cls.__name__,
        attribute.alias or attribute.name,
        value,
        hints.get().get(attribute.name, Any),
    )


def typed_fields(
    cls: type, fields: list[attrs.Attribute[Any]]
) -> list[attrs.Attribute[Any]]:
    """
    An attrs ``field_transformer``: each field set by ``__init__`` checks
    its type (after its converter) before its own validators run.
    """
    import attrs

    del cls
    return [
        field.evolve(
            validator=_check_field
            if field.validator is None
            else attrs.validators.and_(_check_field, field.validator)
        )
        if field.init
        else field
        for field in fields
    ]
