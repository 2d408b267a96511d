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
import itertools
import os
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator
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

# Classes that modules name in annotations but import under TYPE_CHECKING
# only, so that what can run without them does not define them: reading an
# assessment that names no extension does not define the nine extension
# classes (the `Audit` and the loaders name `Extension`). A check finds the
# class in its module once that module is loaded; before, no value can be
# an instance of it, and a stand-in that looks again at each check says so.
_LATE_CLASSES = {"Extension": "goudenoor.standard._extensions._types"}

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
# The built-in collections first: they are matched before the ABC, whose
# check costs more.
_COLLECTION_KINDS = (tuple, list, set, frozenset, dict, collections.abc.Collection)


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


_Accepts = Callable[[object], bool]


def _always(value: object) -> bool:
    del value
    return True


def _never(value: object) -> bool:
    # Not decided here: the full walk (_mismatch) decides and words it.
    del value
    return False


def _all_fit(hint: Any) -> Callable[[Iterable[object]], bool]:
    """
    A test that every item of a collection fits *hint*, looped in C where
    the hint is a plain class (a score card holds dozens of results).
    """
    if (
        isinstance(hint, type)
        and hint not in (Any, int, float, type(None))
        and not _is_protocol(hint)
        and typing.get_origin(hint) is None
    ):
        return lambda items: all(map(isinstance, items, itertools.repeat(hint)))
    if hint in (int, float):
        kinds = (int, float) if hint is float else int
        return lambda items: (
            all(map(isinstance, items, itertools.repeat(kinds)))
            and not any(map(isinstance, items, itertools.repeat(bool)))
        )
    test = _accepts(hint)
    return lambda items: all(map(test, items))


def _accepts(hint: Any) -> _Accepts:  # noqa: C901, PLR0912 - one branch per kind
    """
    A fast test that a value fits *hint*, compiled once per parameter.

    It answers ``True`` only where :func:`_mismatch` finds no mismatch;
    where it answers ``False`` (or cannot tell), the full walk decides and
    words the error. Checks run on every object built, scores included,
    so the common annotations (a class, ``X | None``, ``tuple[X, ...]``,
    ``Mapping[K, V]``) must cost an ``isinstance`` or two, not a walk of
    the annotation each time.
    """
    if hint is Any or hint is object:
        return _always
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        tests = tuple(_accepts(arg) for arg in args)
        return lambda value: any(test(value) for test in tests)
    if origin is typing.Literal:
        kinds = tuple({type(arg) for arg in args})
        return lambda value: isinstance(value, kinds)
    if origin in _MAPPINGS and len(args) == 2:  # noqa: PLR2004 - key and value
        keys_fit, items_fit = _all_fit(args[0]), _all_fit(args[1])
        return lambda value: (
            isinstance(value, collections.abc.Mapping)
            and keys_fit(value.keys())
            and items_fit(value.values())
        )
    if origin in _COLLECTIONS and (
        (origin is tuple and len(args) == 2 and args[1] is Ellipsis)  # noqa: PLR2004
        or (origin is not tuple and len(args) == 1)
    ):
        items_fit = _all_fit(args[0])
        return lambda value: (
            isinstance(value, origin)
            and not isinstance(value, (str, bytes))
            and (items_fit(value) if isinstance(value, _COLLECTION_KINDS) else True)
        )
    if _is_protocol(hint):
        if getattr(hint, "_is_runtime_protocol", False):
            return lambda value: isinstance(value, hint)
        return callable
    if origin is not None or isinstance(hint, TypeVar):
        return _never
    if hint is type(None) or hint is None:
        return lambda value: value is None
    if hint is float:
        return lambda value: (
            type(value) is float
            or (isinstance(value, (int, float)) and not isinstance(value, bool))
        )
    if hint is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if hint is collections.abc.Callable:
        return callable
    if isinstance(hint, type):
        return lambda value: isinstance(value, hint)
    return _always


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
    home = sys.modules.get(getattr(target, "__module__", ""))
    defined = vars(home) if home is not None else {}
    for name, module in _LATE_CLASSES.items():
        if name not in defined:
            namespace[name] = _late_class(name, module)
    try:
        return typing.get_type_hints(target, localns=namespace)
    except NameError:
        return None


def _late_class(name: str, module: str) -> type:
    """
    The class *name* of *module* (see :data:`_LATE_CLASSES`), or while
    that module is not loaded, a stand-in of the same name that checks
    against the class once it is.
    """
    found: type | None = getattr(sys.modules.get(module), name, None)
    if found is not None:
        return found
    # Also while the module is being imported, before it defines the class.
    return _Late(name, (), {"__module__": module, "late_module": module})


class _Late(type):
    """
    The type of a stand-in for a class that is not defined yet: an
    instance of the class is an instance of the stand-in.
    """

    late_module: str

    def __instancecheck__(cls, value: object) -> bool:
        found = getattr(sys.modules.get(cls.late_module), cls.__name__, None)
        return found is not None and isinstance(value, found)


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

    __slots__ = ("_hints", "_target", "tests")

    def __init__(self, target: Callable[..., object] | type) -> None:
        self._target = target
        self._hints: dict[str, Any] | None = None
        self.tests: dict[str, _Accepts] = {}
        """The compiled tests, by parameter, once the annotations resolve."""

    @property
    def resolved(self) -> bool:
        """``True`` once the annotations are resolved (and kept)."""
        return self._hints is not None

    def check(self, owner: str, name: str, value: object) -> None:
        """
        Raise the :class:`TypeError` for *value* given as *name*, if it
        does not fit.
        """
        test = self.tests.get(name)
        if test is None:
            hints = self.get()
            if self._hints is None:
                # Not resolved yet (a module its annotations name is not
                # loaded): checked without the unloaded names, not cached.
                _raise(owner, name, value, hints.get(name, Any))
                return
            test = self.tests.setdefault(name, _accepts(hints.get(name, Any)))
        if not test(value):
            _raise(owner, name, value, self.get().get(name, Any))

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


def _binding(signature: inspect.Signature) -> tuple[tuple[str, ...], frozenset[str]]:
    """
    The names a call binds by position, and those it may give by keyword.
    """
    parameters = signature.parameters.values()
    positional = tuple(
        parameter.name
        for parameter in parameters
        if parameter.kind
        in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    )
    by_keyword = frozenset(
        parameter.name
        for parameter in parameters
        if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY)
    )
    return positional, by_keyword


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
        positional, by_keyword = _binding(signature)
        tests = hints.tests
        skipped = frozenset(names)

        @functools.wraps(function)
        def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            if len(args) <= len(positional) and by_keyword.issuperset(kwargs):
                # The usual call, matched to its parameters without inspect
                # (which costs more than many a function it guards); a
                # missing or repeated argument is the function's own error.
                for name, value in (
                    *zip(positional, args, strict=False),
                    *kwargs.items(),
                ):
                    if name in skipped:
                        continue
                    test = tests.get(name)
                    if test is None or not test(value):
                        hints.check(owner, name, value)
                return function(*args, **kwargs)
            _check_bound(signature, hints, owner, names, args, kwargs)
            return function(*args, **kwargs)

        return wrapper

    return decorate


def _check_bound(  # noqa: PLR0917 - the one call site passes its state
    signature: inspect.Signature,
    hints: _Hints,
    owner: str,
    names: tuple[str, ...],
    args: tuple[object, ...],
    kwargs: dict[str, object],
) -> None:
    """
    Check a call bound by :mod:`inspect`: one with ``*args``, or one that
    is missing an argument (its error then names the function).
    """
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as error:
        raise TypeError(f"{owner}: {error}") from None
    known = hints.get()
    for name, value in bound.arguments.items():
        if name in names:
            continue
        kind = signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_KEYWORD:
            continue
        items = value if kind is inspect.Parameter.VAR_POSITIONAL else (value,)
        for item in items:
            _raise(owner, name, item, known.get(name, Any))


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


def _field_check(
    name: str, shown: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """
    The validator of the field *name* (*shown*: its ``__init__`` name):
    its annotation's test is compiled at the first check and kept here, so
    that a check costs a call and an ``isinstance`` or two.
    """
    compiled: list[_Accepts] = []

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        del attribute
        if compiled and compiled[0](value):
            return
        cls = type(instance)
        hints = _CLASS_HINTS.get(cls)
        if hints is None:
            hints = _CLASS_HINTS.setdefault(cls, _Hints(cls))
        hint = hints.get().get(name, Any)
        if not compiled and hints.resolved:
            compiled.append(_accepts(hint))
            if compiled[0](value):
                return
        _raise(cls.__name__, shown, value, hint)

    return check


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
            validator=check
            if field.validator is None
            else attrs.validators.and_(check, field.validator)
        )
        if field.init
        else field
        for field, check in (
            (field, _field_check(field.name, field.alias or field.name))
            for field in fields
        )
    ]
