"""
The shipped editions, and editions from files or mappings of your own.

Loading a shipped edition is the first call of most programs, so this
module imports only what that needs: the model, and the precompiled cache
(see ``goudenoor.files._precompile``). The YAML reader and the
converter are imported by the functions that parse.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING, Any

from goudenoor._checks import checked
from goudenoor.exceptions import UnknownEditionError, ValidationError
from goudenoor.files import _precompile
from goudenoor.problems import Problem
from goudenoor.standard import Standard


if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


__all__ = [
    "SUFFIX",
    "edition_id",
    "editions",
    "load_standard",
    "loads_standard",
    "load_standard_file",
    "read_shipped",
    "shipped_names",
    "standard_from_mapping",
    "standard_to_mapping",
]


def __dir__() -> list[str]:
    return __all__


SUFFIX = ".yaml"
"""The suffix of the shipped editions and translations."""

_FOLDER = os.path.join(  # noqa: PTH118 - os.path: see shipped_names
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),  # noqa: PTH100, PTH120
    "data",
    "editions",
)
"""Where the shipped editions are when the package is installed as files."""


def _resources() -> Traversable:
    from importlib import resources

    return resources.files("goudenoor") / "data" / "editions"


@cache
def shipped_names() -> tuple[str, ...]:
    """
    The names of the files in the package's ``data/editions`` folder.
    """
    # An installed wheel or a source checkout has the folder on disk beside
    # the modules, and os reads it for free; importlib.resources (needed
    # only for a package loaded from elsewhere, a zip file say) costs about
    # as much to import as a whole load from the precompiled cache.
    if os.path.isdir(_FOLDER):  # noqa: PTH112
        return tuple(sorted(os.listdir(_FOLDER)))  # noqa: PTH208
    return tuple(sorted(entry.name for entry in _resources().iterdir()))


def read_shipped(name: str) -> bytes:
    """
    The content of the file *name* of :func:`shipped_names`.
    """
    if os.path.isdir(_FOLDER):  # noqa: PTH112
        with open(os.path.join(_FOLDER, name), "rb") as file:  # noqa: PTH118, PTH123
            return file.read()
    return (_resources() / name).read_bytes()


@cache
def editions() -> tuple[str, ...]:
    """
    The ids of the editions shipped with the library, oldest first.

    >>> import goudenoor as go
    >>> go.editions()
    ('gos-2012', 'gos-2016')
    """
    names = (
        name.removesuffix(SUFFIX)
        for name in shipped_names()
        if name.endswith(SUFFIX) and name.count(".") == 1
    )
    return tuple(sorted(names))


def edition_id(edition: str | None) -> str:
    """
    The id of the shipped *edition*, the newest for ``None``.

    Raises:
        UnknownEditionError: No edition has this id.
    """
    known = editions()
    wanted = known[-1] if edition is None else edition
    if wanted not in known:
        raise UnknownEditionError(wanted, known)
    return wanted


@checked
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
    return _load_shipped(edition_id(edition))


@cache
def _load_shipped(edition: str) -> Standard:
    name = f"{edition}{SUFFIX}"
    raw = read_shipped(name)
    cache_name = f"{edition}{_precompile.SUFFIX}"
    cache = read_shipped(cache_name) if cache_name in shipped_names() else None
    cached = _precompile.cached_standard(cache, raw, edition)
    if cached is not None:
        return cached
    from goudenoor.files._parse import parse

    standard = parse(raw, name, Standard)
    if standard.id != edition:
        problem = Problem(
            message=f"edition id {standard.id!r} does not match the file name "
            f"(expected {edition!r})",
            path=("id",),
        )
        raise ValidationError([problem], name)
    return standard


@checked
def load_standard_file(path: str | os.PathLike[str]) -> Standard:
    """
    Load an edition of the standard from a YAML file of your own, in the
    format of the shipped editions.

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content does not describe a valid edition;
            every problem is listed with its line, column and key path.
    """
    from goudenoor.files._parse import read_file, structure_text

    name, text = read_file(path)
    return structure_text(text, name, Standard)


@checked
def loads_standard(text_or_bytes: str | bytes, *, source: str = "<string>") -> Standard:
    """
    Load an edition of the standard of your own from its text (or its
    UTF-8 bytes), as strictly as :func:`load_standard_file` loads a file.

    Raises:
        TypeError: *text_or_bytes* is neither a string nor bytes.
        FileFormatError: The text is larger than the file size limit (in
            UTF-8), is not UTF-8 or cannot be read as YAML.
        ValidationError: The content does not describe a valid edition;
            every problem is listed with its line, column and key path.
    """
    from goudenoor.files._parse import read_string, structure_text

    return structure_text(read_string(text_or_bytes, source), source, Standard)


@checked
def standard_from_mapping(data: object, source: str = "<mapping>") -> Standard:
    """
    Build a :class:`~goudenoor.standard.Standard` from plain data (as
    produced by :func:`standard_to_mapping`).

    Raises:
        ValidationError: The data does not describe a valid edition.
    """
    from goudenoor.files import _convert

    try:
        return _convert.structure(data, Standard)
    except _convert.StructureFailedError as exc:
        raise ValidationError(exc.problems, source) from exc.__cause__


@checked
def standard_to_mapping(standard: Standard) -> dict[str, Any]:
    """
    Turn a :class:`~goudenoor.standard.Standard` into plain data (dicts,
    lists and scalars) that :func:`standard_from_mapping` reads back to an
    equal object.
    """
    from goudenoor.files import _convert

    data: dict[str, Any] = _convert.unstructure(standard)
    return data
