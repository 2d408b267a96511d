"""
Loading the standard's editions (and, later, assessments) from files.

Everything that touches files lives here; the model below knows nothing
about YAML.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from importlib.resources import abc as resources_abc
from pathlib import Path
from typing import Any, TypeVar

from . import _convert, _yaml
from .exceptions import (
    FileFormatError,
    Problem,
    UnknownEditionError,
    ValidationError,
)
from .model import Standard


__all__ = [
    "editions",
    "load_standard",
    "load_standard_file",
    "standard_from_mapping",
    "standard_to_mapping",
]


def __dir__() -> list[str]:
    return __all__


_T = TypeVar("_T")

_SUFFIX = ".yaml"


def _editions_dir() -> resources_abc.Traversable:
    return resources.files("goudenoor") / "data" / "editions"


@cache
def editions() -> tuple[str, ...]:
    """
    The ids of the editions shipped with the library, oldest first.

    >>> import goudenoor as go
    >>> go.editions()
    ('gos-2012', 'gos-2016')
    """
    names = (
        entry.name.removesuffix(_SUFFIX)
        for entry in _editions_dir().iterdir()
        if entry.name.endswith(_SUFFIX) and entry.name.count(".") == 1
    )
    return tuple(sorted(names))


def load_standard(edition: str | None = None) -> Standard:
    """
    Load a shipped edition of the standard (the newest by default).

    The result is cached: a second call with the same edition returns the
    same object, which is immutable.

    Raises:
        UnknownEditionError: No edition has this id.

    >>> import goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> std.area("5").name, len(std.requirements)
    ('Leren & ontwikkelen', 29)
    """
    known = editions()
    wanted = known[-1] if edition is None else edition
    if wanted not in known:
        raise UnknownEditionError(wanted, known)
    return _load_shipped(wanted)


@cache
def _load_shipped(edition: str) -> Standard:
    resource = _editions_dir() / f"{edition}{_SUFFIX}"
    standard = _parse(resource.read_bytes(), f"{edition}{_SUFFIX}", Standard)
    if standard.id != edition:
        problem = Problem(
            message=f"edition id {standard.id!r} does not match the file name "
            f"(expected {edition!r})",
            path=("id",),
        )
        raise ValidationError([problem], f"{edition}{_SUFFIX}")
    return standard


def load_standard_file(path: str | os.PathLike[str]) -> Standard:
    """
    Load an edition of the standard from a YAML file of your own, in the
    format of the shipped editions.

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content does not describe a valid edition;
            every problem is listed with its line, column and key path.
    """
    name = os.fspath(path)
    try:
        with Path(name).open("rb") as file:
            data = file.read(_yaml.MAX_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
    return _parse(data, name, Standard)


def standard_from_mapping(data: object, source: str = "<mapping>") -> Standard:
    """
    Build a :class:`~goudenoor.model.Standard` from plain data (as
    produced by :func:`standard_to_mapping`).

    Raises:
        ValidationError: The data does not describe a valid edition.
    """
    try:
        return _convert.structure(data, Standard)
    except _convert.StructureFailedError as exc:
        raise ValidationError(exc.problems, source) from exc.__cause__


def standard_to_mapping(standard: Standard) -> dict[str, Any]:
    """
    Turn a :class:`~goudenoor.model.Standard` into plain data (dicts,
    lists and scalars) that :func:`standard_from_mapping` reads back to an
    equal object.
    """
    data: dict[str, Any] = _convert.unstructure(standard)
    return data


def _parse(raw: bytes, source: str, cls: type[_T]) -> _T:
    """
    Parse YAML bytes into a *cls*, with positions in every error.
    """
    text = _yaml.read_text(raw, source)
    data = _yaml.load(text, source)
    try:
        return _convert.structure(data, cls)
    except _convert.StructureFailedError as exc:
        located = []
        for problem in exc.problems:
            position = _yaml.locate(text, problem.path)
            located.append(problem.located(*position) if position else problem)
        raise ValidationError(located, source) from exc.__cause__
