"""
Sector extensions from their YAML files or from installed packs (entry
points in the group ``goudenoor.extensions``).
"""

from __future__ import annotations

import os
from importlib.resources import abc as resources_abc
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._moved import warn
from goudenoor.exceptions import (
    FileFormatError,
    GoudenoorError,
    UnknownItemError,
)
from goudenoor.problems import close_matches, excerpt
from goudenoor.standard import (
    EXTENSION_FORMAT,
    Extension,
    is_file_reference,
)


if TYPE_CHECKING:
    from importlib.metadata import EntryPoint
from goudenoor.files._parse import (
    check_marker,
    marked_from_text,
    read_file,
    read_regular,
    read_string,
    refuse_empty_path,
    structure_data,
)
from goudenoor.files._positions import NOWHERE


__all__ = [
    "ENTRY_POINT_GROUP",
    "InstalledExtension",
    "available_extensions",
    "extension_from_mapping",
    "load_extension",
    "load_extension_file",
    "loads_extension",
]


def __dir__() -> list[str]:
    return __all__


ENTRY_POINT_GROUP = "goudenoor.extensions"
"""The entry point group sector packs register their extension under."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InstalledExtension:
    """
    A sector pack installed as a package: what :func:`available_extensions`
    lists. Load it with ``load_extension(installed.name)``.

    Attributes:
        name: The extension's name (its entry point name, which is also
            the extension's id).
        distribution: The installed package that provides it, or ``None``
            where the entry point does not say.
        version: That package's version, or ``None`` where unknown.
        entry_point: What the entry point refers to (``module:attribute``).
    """

    name: str
    distribution: str | None
    version: str | None
    entry_point: str


def _entry_points() -> dict[str, EntryPoint]:
    """
    The entry points of the group ``goudenoor.extensions`` by name, sorted
    by name.
    """
    from importlib import metadata  # costly; only when asked

    found = metadata.entry_points(group=ENTRY_POINT_GROUP)
    return {ep.name: ep for ep in sorted(found, key=lambda ep: ep.name)}


def available_extensions() -> dict[str, InstalledExtension]:
    """
    The installed sector packs (entry point group
    ``goudenoor.extensions``): name → :class:`InstalledExtension`, sorted
    by name. Nothing is imported from the packs; :func:`load_extension`
    loads one by its name.
    """
    return {
        name: InstalledExtension(
            name=name,
            distribution=entry_point.dist.name if entry_point.dist else None,
            version=entry_point.dist.version if entry_point.dist else None,
            entry_point=entry_point.value,
        )
        for name, entry_point in _entry_points().items()
    }


def _entry_point_target(name: str) -> object:
    """
    What the entry point *name* gives: an Extension, or a path/traversable
    to its YAML file (a callable is called first).

    Raises:
        UnknownItemError: No installed extension has this name.
    """
    installed = _entry_points()
    entry_point = installed.get(name)
    if entry_point is None:
        matches = close_matches(name, installed)
        raise UnknownItemError(
            name,
            matches or list(installed),
            "the installed extensions",
            kind="extension",
        )
    try:
        target = entry_point.load()
        return target() if callable(target) else target
    except (Exception, SystemExit) as exc:
        # A broken plug-in must not crash or end the caller: even its
        # sys.exit() is reported (Ctrl-C still stops the program).
        raise FileFormatError(
            f"extension {excerpt(name)} ({excerpt(entry_point.value)}) cannot be "
            f"loaded: {type(exc).__name__}: {excerpt(str(exc), 80)}"
        ) from exc


@checked
def load_extension(name: str | os.PathLike[str]) -> Extension:
    """
    Load an installed sector extension by its name (entry point group
    ``goudenoor.extensions``); a file is :func:`load_extension_file`'s.

    An installed extension that cannot be loaded, or gives something that
    is not a valid extension, is reported by its name. A path (anything
    with a ``/`` or ending in ``.yaml``) still loads that file, as before
    26.1, with a DeprecationWarning.

    Raises:
        EmptyPathError: *name* is ``""``.
        UnknownItemError: No installed extension has this name.
        FileFormatError: The installed extension cannot be loaded.
        ValidationError: The content is not a valid extension; every
            problem is listed with its line, column and key path.
    """
    if is_file_reference(name):
        warn("load_extension(path)", "load_extension_file(path)")
        return load_extension_file(name)
    name = refuse_empty_path(name)
    target = _entry_point_target(name)
    try:
        extension = _pack_extension(name, target)
    except GoudenoorError:
        raise
    except Exception as exc:  # what a pack gave can fail in any way
        raise FileFormatError(
            f"extension {excerpt(name)} cannot be loaded: {type(exc).__name__}: "
            f"{excerpt(str(exc), 80)}"
        ) from exc
    if extension.id != name:
        raise FileFormatError(
            f"extension {excerpt(name)}: the extension's id is "
            f"{excerpt(extension.id)}; an installed extension's id must equal "
            "its entry point name",
            extension.origin,
        )
    return extension


@checked
def load_extension_file(path: str | os.PathLike[str]) -> Extension:
    """
    Load a sector extension from its YAML file (format ``extension/1``).

    The file is read only if it is a regular file (not a device or a named
    pipe) within the YAML size limit.

    Raises:
        EmptyPathError: *path* is ``""``.
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content is not a valid extension; every
            problem is listed with its line, column and key path.
    """
    name, text = read_file(path, regular_only=True)
    return _extension_from_text(text, name)


def load_listed_extension(path: Path, folder: Path) -> Extension:
    """
    Load the extension file *path* that an assessment in the real *folder*
    names, which must be that folder's, also when it is opened (see
    :func:`~goudenoor.files.read_regular`).
    """
    name, text = read_file(path, regular_only=True, within=folder)
    return _extension_from_text(text, name)


@checked
def loads_extension(
    text_or_bytes: str | bytes, *, source: str = "<string>"
) -> Extension:
    """
    Load a sector extension from its text (or its UTF-8 bytes), as strictly
    as :func:`load_extension` loads a file.

    Args:
        text_or_bytes: The YAML text (format ``extension/1``).
        source: The name errors give the text, as if it were a file name.

    Raises:
        TypeError: *text_or_bytes* is neither a string nor bytes.
        FileFormatError: The text is larger than the file size limit (in
            UTF-8), is not UTF-8 or cannot be read as YAML.
        ValidationError: The content is not a valid extension; every
            problem is listed with its line, column and key path.
    """
    return _extension_from_text(read_string(text_or_bytes, source), source)


def _pack_extension(name: str, target: object) -> Extension:
    """
    The extension an installed pack's entry point gave as *target*.
    """
    from goudenoor.files import _yaml

    if isinstance(target, Extension):
        return _checked_extension(name, target)
    if isinstance(target, (str, os.PathLike)):
        source, text = read_file(target, regular_only=True)
    elif isinstance(target, resources_abc.Traversable):
        source = str(target)
        text = _yaml.read_text(_read_traversable(name, target), source)
    else:
        raise FileFormatError(
            f"extension {excerpt(name)}: its entry point gave a "
            f"{type(target).__name__}, expected an Extension or a path to its "
            "YAML file"
        )
    return _extension_from_text(text, source)


def _read_traversable(name: str, target: resources_abc.Traversable) -> bytes:
    from goudenoor.files import _yaml

    if isinstance(target, Path):
        return read_regular(str(target))
    try:
        regular = target.is_file()
        if regular:
            with target.open("rb") as file:
                raw: bytes = file.read(_yaml.MAX_BYTES + 1)
    except Exception as exc:  # noqa: BLE001 - a pack's resource reader can raise anything
        raise FileFormatError(
            f"extension {excerpt(name)}: cannot read its file: {type(exc).__name__}",
            str(target),
        ) from None
    if not regular:
        raise FileFormatError("not a regular file", str(target))
    return raw


def _checked_extension(name: str, extension: Extension) -> Extension:
    """
    An Extension object a pack built in Python, checked as strictly as one
    read from a file (its types are not checked when it is built).
    """
    from goudenoor.files import _convert

    try:
        data = _convert.unstructure(extension)
    except Exception:  # noqa: BLE001 - a broken object fails in any way
        raise FileFormatError(
            f"extension {excerpt(name)}: its entry point gave an Extension "
            "that cannot be read back"
        ) from None
    data.pop("origin", None)
    data.pop("locate", None)
    checked = structure_data(data, NOWHERE, f"extension {excerpt(name)}", Extension)
    return attrs.evolve(checked, origin=extension.origin)


@checked
def extension_from_mapping(data: object, source: str = "<mapping>") -> Extension:
    """
    Build a sector :class:`~goudenoor.standard.Extension` from plain data
    in the file format (with the ``goudenoor`` marker), as strictly as
    :func:`loads_extension` reads a text.

    Raises:
        ValidationError: The data is not a valid extension.
    """
    data = check_marker(data, EXTENSION_FORMAT, NOWHERE, source)
    return attrs.evolve(structure_data(data, NOWHERE, source, Extension), origin=source)


def _extension_from_text(text: str, source: str) -> Extension:
    extension, where = marked_from_text(text, source, EXTENSION_FORMAT, Extension)
    return attrs.evolve(extension, origin=source, locate=where)
