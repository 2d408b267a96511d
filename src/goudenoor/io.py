"""
Loading the standard's editions, translations, extensions and assessments
from files, and saving assessments.

Everything that touches files lives here; the model below knows nothing
about YAML.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import glob
import os
import re
import secrets
import stat
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from importlib.resources import abc as resources_abc
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from . import _precompile
from ._lazy import lazy_module
from .assessment import Assessment, Rating, assessment_problems
from .exceptions import (
    FileFormatError,
    GoudenoorError,
    UnknownEditionError,
    UnknownItemError,
    ValidationError,
)
from .extensions import (
    EXTENSION_FORMAT,
    Extension,
    _entry_point_target,
    apply_extension,
    is_file_reference,
)
from .model import Standard
from .problems import PathElement, Problem, excerpt
from .translation import TRANSLATION_FORMAT, Translation, translation_problems


if TYPE_CHECKING:
    from . import _convert, _yaml
else:
    # yaml and cattrs are imported when a file is first parsed, not when
    # goudenoor is imported (the shipped editions load from a precompiled
    # cache without them).
    _convert = lazy_module("goudenoor._convert")
    _yaml = lazy_module("goudenoor._yaml")

__all__ = [
    "ASSESSMENT_FORMAT",
    "assessment_from_mapping",
    "assessment_to_mapping",
    "dump_assessment",
    "editions",
    "load_assessment",
    "load_extension",
    "load_standard",
    "load_standard_file",
    "load_translation",
    "load_translation_file",
    "refuse_existing",
    "save_assessment",
    "standard_for",
    "standard_from_mapping",
    "standard_to_mapping",
    "translations",
    "write_bytes_atomic",
    "write_text_atomic",
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


def translations(edition: str | None = None) -> tuple[str, ...]:
    """
    The languages into which an edition (the newest by default) is
    translated by the library, as language tags.

    Raises:
        UnknownEditionError: No edition has this id.

    >>> import goudenoor as go
    >>> go.translations("gos-2012")
    ('en',)
    """
    return _shipped_languages(_edition_id(edition))


@cache
def _shipped_languages(edition: str) -> tuple[str, ...]:
    prefix = f"{edition}."
    return tuple(
        sorted(
            entry.name.removeprefix(prefix).removesuffix(_SUFFIX)
            for entry in _editions_dir().iterdir()
            if entry.name.startswith(prefix)
            and entry.name.endswith(_SUFFIX)
            and entry.name.count(".") == 2  # noqa: PLR2004 - edition.language.yaml
        )
    )


def _edition_id(edition: str | None) -> str:
    known = editions()
    wanted = known[-1] if edition is None else edition
    if wanted not in known:
        raise UnknownEditionError(wanted, known)
    return wanted


def load_translation(edition: str | None = None, language: str = "en") -> Translation:
    """
    Load a translation shipped with the library of an edition (the newest
    by default), checked against that edition.

    The shipped translations are unofficial; the Dutch text is the
    standard. The result is cached and immutable.

    Raises:
        UnknownEditionError: No edition has this id.
        UnknownItemError: The edition has no translation into *language*.

    >>> import goudenoor as go
    >>> en = go.load_translation("gos-2012", "en")
    >>> en.language, en.area("1").name
    ('en', 'Voice of the customer')
    """
    wanted = _edition_id(edition)
    known = _shipped_languages(wanted)
    if language not in known:
        where = f"{wanted} (translated into: {', '.join(known) or 'none'})"
        raise UnknownItemError(language, (), where, kind="language")
    return _load_shipped_translation(wanted, language)


@cache
def _load_shipped_translation(edition: str, language: str) -> Translation:
    name = f"{edition}.{language}{_SUFFIX}"
    raw = (_editions_dir() / name).read_bytes()
    return _translation_from_text(
        _yaml.read_text(raw, name), name, load_standard(edition)
    )


def load_translation_file(
    path: str | os.PathLike[str], standard: Standard | None = None
) -> Translation:
    """
    Load a translation from a YAML file of your own (format
    ``translation/1``, like the shipped ``gos-2012.en.yaml``) and check it
    against *standard*: by default the shipped edition the file names. Pass
    a standard with extensions applied to translate what they add too.

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content is not a valid translation, or does
            not fit the standard; every problem is listed with its line,
            column and key path.
    """
    name, text = _read(path)
    return _translation_from_text(text, name, standard)


def _translation_from_text(
    text: str, source: str, standard: Standard | None
) -> Translation:
    translation = attrs.evolve(
        _marked_from_text(text, source, TRANSLATION_FORMAT, Translation),
        origin=source,
    )
    if standard is None:
        try:
            standard = load_standard(translation.edition)
        except UnknownEditionError as exc:
            problem = Problem(message=str(exc), path=("edition",))
            raise _located([problem], text, source) from None
    problems = translation_problems(translation, standard)
    if problems:
        raise _located(problems, text, source)
    return translation


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
    return _load_shipped(_edition_id(edition))


@cache
def _load_shipped(edition: str) -> Standard:
    folder = _editions_dir()
    raw = (folder / f"{edition}{_SUFFIX}").read_bytes()
    cache = folder / f"{edition}{_precompile.SUFFIX}"
    cached = _precompile.cached_standard(
        cache.read_bytes() if cache.is_file() else None, raw, edition
    )
    if cached is not None:
        return cached
    standard = _parse(raw, f"{edition}{_SUFFIX}", Standard)
    if standard.id != edition:
        problem = Problem(
            message=f"edition id {standard.id!r} does not match the file name "
            f"(expected {edition!r})",
            path=("id",),
        )
        raise ValidationError([problem], f"{edition}{_SUFFIX}")
    return standard


def _read(
    path: str | os.PathLike[str], *, regular_only: bool = False
) -> tuple[str, str]:
    """
    Read a YAML file's text, refusing what the YAML layer refuses; with
    *regular_only*, anything but a regular file (a device, a named pipe)
    too, before a byte is read from it.
    """
    name = os.fspath(path)
    if regular_only:
        return name, _yaml.read_text(_read_regular(name), name)
    try:
        info = Path(name).stat()
        if stat.S_ISDIR(info.st_mode):
            raise FileFormatError("is a folder, not a file", name)
        if stat.S_ISREG(info.st_mode) and info.st_size > _yaml.MAX_BYTES:
            raise _too_large(info.st_size, name)
        with Path(name).open("rb") as file:
            raw = file.read(_yaml.MAX_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
    return name, _yaml.read_text(raw, name)


def _too_large(size: int, name: str) -> FileFormatError:
    return FileFormatError(
        f"file is {size:,} bytes, more than the limit of {_yaml.MAX_BYTES:,} bytes",
        name,
    )


def _read_regular(name: str) -> bytes:
    """
    The bytes of the regular file *name*, at most the YAML size limit.

    The file is opened without blocking and checked on the open
    descriptor, so a named pipe never makes the read wait and a file
    swapped for a device after a check is still refused.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileFormatError("is a folder, not a file", name)
        if not stat.S_ISREG(info.st_mode):
            raise FileFormatError(
                "not a regular file (a device, named pipe or socket)", name
            )
        if info.st_size > _yaml.MAX_BYTES:
            raise _too_large(info.st_size, name)
        chunks = []
        size = 0
        while size <= _yaml.MAX_BYTES:
            chunk = os.read(fd, _yaml.MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
    finally:
        os.close(fd)


def load_standard_file(path: str | os.PathLike[str]) -> Standard:
    """
    Load an edition of the standard from a YAML file of your own, in the
    format of the shipped editions.

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content does not describe a valid edition;
            every problem is listed with its line, column and key path.
    """
    name, text = _read(path)
    return _structure_text(text, name, Standard)


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
    return _structure_text(_yaml.read_text(raw, source), source, cls)


def _structure_text(text: str, source: str, cls: type[_T]) -> _T:
    data = _yaml.load(text, source)
    return _structure_data(data, text, source, cls)


def _structure_data(data: object, text: str, source: str, cls: type[_T]) -> _T:
    try:
        return _convert.structure(data, cls)
    except _convert.StructureFailedError as exc:
        raise _located(exc.problems, text, source) from exc.__cause__


def _located(problems: Iterable[Problem], text: str, source: str) -> ValidationError:
    return ValidationError(locate_problems(list(problems), text), source)


def locate_problems(problems: list[Problem], text: str | None) -> list[Problem]:
    """
    *problems* with the line and column of their path in *text* (the YAML
    they were found in), composing the text once.
    """
    if not text:
        return problems
    positions = _yaml.locate_all(text, [problem.path for problem in problems])
    return [
        problem.located(*position) if position else problem
        for problem, position in zip(problems, positions, strict=True)
    ]


@attrs.frozen
class YamlLocator:
    """
    Locates problems in the YAML *text* they were found in: the
    :data:`~goudenoor.problems.Locator` the loader gives what it reads.
    """

    text: str = attrs.field(repr=False)

    def __call__(self, problems: list[Problem]) -> list[Problem]:
        return locate_problems(problems, self.text)


ASSESSMENT_FORMAT = "assessment/1"
"""The format marker of assessment files this version reads and writes."""

_MARKER = "goudenoor"

_SHORT_VALUE = 40
"""The longest format marker an error message quotes whole."""


def load_assessment(
    path: str | os.PathLike[str],
    standard: Standard | None = None,
    *,
    extensions: Sequence[Extension] = (),
) -> Assessment:
    """
    Load an assessment file and check it against its edition.

    Args:
        path: The YAML file (format ``assessment/1``).
        standard: The standard to check against (default: the shipped
            edition the file names, with the extensions it lists applied).
        extensions: Extensions to use for the ids the file lists, instead
            of looking them up among the installed ones.

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content is not a valid assessment, or does
            not fit the standard; every problem is listed with its line,
            column and key path.
    """
    name, text = _read(path)
    data = _yaml.load(text, name)
    return _assessment_from_data(data, text, name, standard, extensions)


def _check_marker(data: object, expected: str, text: str, source: str) -> object:
    if not isinstance(data, dict):
        # Not the expected kind of file: its content is not quoted back.
        problem = Problem(message=f"expected a mapping, got {_kind(data)}", path=())
        raise _located([problem], text, source)
    data = dict(data)
    marker = data.pop(_MARKER, None)
    if marker != expected:
        found = (
            "missing"
            if marker is None
            else f"got {marker!r}"
            if isinstance(marker, str) and len(marker) <= _SHORT_VALUE
            else f"got {_convert.describe(marker)}"
        )
        problem = Problem(
            message=f"expected the format marker {expected!r} ({found})",
            path=(_MARKER,),
        )
        raise _located([problem], text, source)
    return data


def _kind(value: object) -> str:
    """
    The YAML kind of *value*, without the value itself.
    """
    if value is None:
        return "null"
    kinds: tuple[tuple[type | tuple[type, ...], str], ...] = (
        (bool, "a boolean"),
        ((int, float), "a number"),
        (str, "a string"),
        (datetime.date, "a date"),
        ((list, tuple), "a list"),
    )
    return next((name for cls, name in kinds if isinstance(value, cls)), "a value")


def _assessment_from_data(
    data: object,
    text: str,
    source: str,
    standard: Standard | None,
    extensions: Sequence[Extension] = (),
) -> Assessment:
    data = _check_marker(data, ASSESSMENT_FORMAT, text, source)
    assessment = attrs.evolve(
        _structure_data(data, text, source, Assessment), source=source
    )
    if standard is None:
        try:
            standard = standard_for(assessment, extensions)
        except (UnknownEditionError, _UnresolvedExtensionError) as exc:
            path: tuple[PathElement, ...] = (
                ("extensions", exc.index)
                if isinstance(exc, _UnresolvedExtensionError)
                else ("edition",)
            )
            problem = Problem(message=str(exc), path=path)
            raise _located([problem], text, source) from None
    problems = assessment_problems(assessment, standard)
    if problems:
        raise _located(problems, text, source)
    return assessment


class _UnresolvedExtensionError(GoudenoorError):
    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index


def standard_for(
    assessment: Assessment, extensions: Sequence[Extension] = ()
) -> Standard:
    """
    The edition *assessment* was made against, with the extensions it
    lists applied in order.

    Each entry of ``assessment.extensions`` is the id of one of
    *extensions*, the name of an installed extension, or the path of an
    extension file in the assessment's own folder or below it, relative to
    that folder. Any other path is refused: an absolute one, one that leads
    out of the folder (also through a symbolic link), and any path at all
    when the assessment was not read from a file. A file named on the
    command line or passed in *extensions* is not limited this way.

    Raises:
        UnknownEditionError: The edition does not exist.
        GoudenoorError: An extension cannot be found or applied.
    """
    standard = load_standard(assessment.edition)
    if not assessment.extensions:
        return standard
    given = {extension.id: extension for extension in extensions}
    folder = _folder_of(assessment.source)
    resolved = []
    for index, reference in enumerate(assessment.extensions):
        if reference in given:
            resolved.append(given[reference])
            continue
        try:
            resolved.append(
                load_extension(_listed_path(reference, assessment.source, folder))
                if is_file_reference(reference)
                else load_extension(reference)
            )
        except (UnknownItemError, FileFormatError) as exc:
            raise _UnresolvedExtensionError(str(exc), index) from exc
    return apply_extension(standard, *resolved)


def _folder_of(source: str | None) -> Path | None:
    """
    The real folder of the file an assessment was read from, or ``None``
    if it was not read from a file.
    """
    if source is None:
        return None
    path = Path(source)
    try:
        return path.parent.resolve() if path.is_file() else None
    except (OSError, RuntimeError):  # a symbolic link loop
        return None


def _listed_path(reference: str, source: str | None, folder: Path | None) -> Path:
    """
    The extension file an assessment names by *reference*, which must lie
    in the assessment's *folder* or below it once symbolic links are
    followed.

    Raises:
        FileFormatError: The path is absolute, leads out of the folder, or
            the assessment has no folder.
    """
    shown = excerpt(reference)
    expected = (
        "an assessment names an installed extension, or an extension file in "
        "its own folder by a relative path"
    )
    if folder is None or source is None:
        raise FileFormatError(
            f"{shown} is a path, but the assessment was not read from a file "
            "(expected the name of an installed extension)"
        )
    path = Path(reference)
    if path.is_absolute() or path.drive or path.root:
        raise FileFormatError(f"{shown} is an absolute path ({expected})")
    listed = Path(source).parent / path
    try:
        real = (folder / path).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        real = None
    if real is None or not real.is_relative_to(folder):
        raise FileFormatError(f"{shown} is not in the assessment's folder ({expected})")
    return listed


def load_extension(reference: str | os.PathLike[str]) -> Extension:
    """
    Load a sector extension: from a YAML file (a path), or by the name of
    an installed extension (entry point group ``goudenoor.extensions``).

    Extension files are read only if they are regular files (not a device
    or a named pipe) within the YAML size limit. An installed extension
    that cannot be loaded, or gives something that is not a valid
    extension, is reported by its name.

    Raises:
        UnknownItemError: No installed extension has this name.
        FileFormatError: The file cannot be read as YAML, or the installed
            extension cannot be loaded.
        ValidationError: The content is not a valid extension; every
            problem is listed with its line, column and key path.
    """
    if is_file_reference(reference):
        name, text = _read(reference, regular_only=True)
        return _extension_from_text(text, name)
    name = os.fspath(reference)
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


def _pack_extension(name: str, target: object) -> Extension:
    """
    The extension an installed pack's entry point gave as *target*.
    """
    if isinstance(target, Extension):
        return _checked_extension(name, target)
    if isinstance(target, (str, os.PathLike)):
        source, text = _read(target, regular_only=True)
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
    if isinstance(target, Path):
        return _read_regular(str(target))
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
    try:
        data = _convert.unstructure(extension)
    except Exception:  # noqa: BLE001 - a broken object fails in any way
        raise FileFormatError(
            f"extension {excerpt(name)}: its entry point gave an Extension "
            "that cannot be read back"
        ) from None
    data.pop("origin", None)
    data.pop("locate", None)
    checked = _structure_data(data, "", f"extension {excerpt(name)}", Extension)
    return attrs.evolve(checked, origin=extension.origin)


def _extension_from_text(text: str, source: str) -> Extension:
    extension = _marked_from_text(text, source, EXTENSION_FORMAT, Extension)
    return attrs.evolve(extension, origin=source, locate=YamlLocator(text))


def _marked_from_text(text: str, source: str, marker: str, cls: type[_T]) -> _T:
    """
    Parse a file of format *marker* (its ``goudenoor:`` key) into a *cls*.
    """
    data = _check_marker(_yaml.load(text, source), marker, text, source)
    return _structure_data(data, text, source, cls)


def assessment_from_mapping(
    data: object, standard: Standard | None = None, source: str = "<mapping>"
) -> Assessment:
    """
    Build an :class:`~goudenoor.assessment.Assessment` from plain data in
    the file format (with the ``goudenoor`` marker) and check it.

    Raises:
        ValidationError: The data is not a valid assessment for the
            standard.
    """
    return _assessment_from_data(data, "", source, standard)


def assessment_to_mapping(assessment: Assessment) -> dict[str, Any]:
    """
    The assessment as plain data in the file format: defaults left out,
    ratings that are only a value in the short form.
    """
    data: dict[str, Any] = {
        _MARKER: ASSESSMENT_FORMAT,
        "edition": assessment.edition,
        "organisation": assessment.organisation,
        "date": assessment.date,
    }
    if assessment.scale is not None:
        data["scale"] = assessment.scale
    # Nothing a file left out is written: the saved form is never larger
    # than what was read (see _yaml.written_size).
    if assessment.auditors:
        data["auditors"] = list(assessment.auditors)
    if assessment.extensions:
        data["extensions"] = list(assessment.extensions)
    data["ratings"] = {
        rid: _rating_to_data(rating) for rid, rating in assessment.ratings.items()
    }
    return data


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value


def _rating_to_data(rating: Rating) -> object:
    if rating == Rating():
        return None
    if rating.value is not None and rating.is_short:
        return _number(rating.value)
    data: dict[str, Any] = {}
    if rating.value is not None:
        data["value"] = _number(rating.value)
    if rating.not_applicable:
        data["not_applicable"] = True
        data["justification"] = rating.justification
    if rating.evidence:
        data["evidence"] = [
            {
                key: value
                for key, value in attrs.asdict(item).items()
                if value is not None
            }
            for item in rating.evidence
        ]
    if rating.checkpoints_met:
        data["checkpoints_met"] = list(rating.checkpoints_met)
    if rating.note is not None:
        data["note"] = rating.note
    return data


def dump_assessment(assessment: Assessment) -> str:
    """
    The assessment as YAML text in the file format.
    """
    return _yaml.dump(assessment_to_mapping(assessment))


def save_assessment(
    assessment: Assessment,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
) -> None:
    """
    Write *assessment* to *path* atomically: a crash leaves either the old
    file or the new one, never a mix. ``load_assessment(path)`` gives an
    equal assessment back.

    Raises:
        GoudenoorError: *path* exists and *overwrite* is false, or it
            cannot be written.
    """
    write_text_atomic(path, dump_assessment(assessment), overwrite=overwrite)


def write_text_atomic(
    path: str | os.PathLike[str], text: str, *, overwrite: bool = False
) -> None:
    """
    Write *text* (UTF-8, ``\\n`` line ends) to *path* atomically; see
    :func:`write_bytes_atomic`.
    """
    write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite)


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

_REASONS = {
    errno.ENAMETOOLONG: "the name is too long",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "its folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ELOOP: "too many symbolic links in the path",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EISDIR: "it is a folder",
}
"""Our own words for the usual reasons a check or write fails."""

# os.link fails with these where the file system has no hard links (FAT,
# exFAT, some network and FUSE file systems; EINVAL is how Windows reports
# a FAT volume).
_NO_HARD_LINKS = frozenset(
    code
    for code in (
        errno.EPERM,
        errno.EINVAL,
        errno.ENOSYS,
        errno.EMLINK,
        getattr(errno, "ENOTSUP", None),
        getattr(errno, "EOPNOTSUPP", None),
    )
    if code is not None
)


def _cannot(target: Path, what: str, exc: OSError) -> GoudenoorError:
    reason = _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    return GoudenoorError(f"{target}: cannot {what}: {reason}")


def _exists_error(target: Path) -> GoudenoorError:
    return GoudenoorError(
        f"{target}: file exists; not overwritten (pass overwrite=True, or "
        "--force on the command line, to replace it)"
    )


def refuse_existing(target: Path, *, overwrite: bool) -> os.stat_result | None:
    """
    Raise if *target* exists and may not be replaced; return what is
    there (``None`` if nothing is).

    Only a regular file (or a symbolic link to one, which is replaced by
    the new file) is ever replaced, and only with *overwrite*; never a
    folder, named pipe, device or socket, nor a read-only file (one
    without any write permission bit, or that you may not write to: make
    it writable to replace it).

    Raises:
        GoudenoorError: *target* exists and *overwrite* is false, it is
            not a regular file or is read-only, or it cannot be checked
            (a name too long, a folder on the way that cannot be entered).
    """
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _cannot(target, "check the output file", exc) from None
    if not overwrite:
        raise _exists_error(target)
    for is_kind, kind in _KINDS:
        if is_kind(info.st_mode):
            via = " (through a symbolic link)" if target.is_symlink() else ""
            raise GoudenoorError(
                f"{target}: is {kind}{via}, not a regular file; only a regular "
                "file is replaced"
            )
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise GoudenoorError(
            f"{target}: file is read-only; not replaced (make it writable to "
            "replace it)"
        )
    return info


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False
) -> None:
    """
    Write *data* to *path* through a temporary file in the same folder,
    flushed to disk before it is moved into place: a crash leaves the old
    file or the new one, never a mix.

    Without *overwrite* the temporary file is hard-linked to *path*, which
    fails if *path* exists by then: of writers racing for one new file,
    exactly one wins and the others get an error, none is lost without a
    word. Where the file system has no hard links (FAT, some network
    shares), *path* is first claimed by creating it empty (exclusively)
    and the written file then moved over it: still exactly one writer
    wins, but a crash between the two steps leaves that empty file.

    With *overwrite* the temporary file replaces *path* with
    :func:`os.replace`; only a writable regular file is replaced (see
    :func:`refuse_existing`).

    A new file gets the permissions the umask gives (not owner-only); a
    replaced file keeps its permissions, except the set-user-id,
    set-group-id and sticky bits, which the new file never gets.

    The temporary file is named ``.<name>.<host>-<pid>-<random>.tmp``. A
    writer killed before the move leaves it behind; the next write of the
    same file on the same host removes those whose process is gone (on
    POSIX systems; a file of a writer on another host, or of a process
    that still runs, is left alone).

    Raises:
        GoudenoorError: *path* exists and *overwrite* is false, it may
            not be replaced (see :func:`refuse_existing`), or it cannot be
            written; the message names the file.
    """
    target = Path(path)
    existing = refuse_existing(target, overwrite=overwrite)
    folder = target.parent
    _remove_stale_temporaries(folder, target.name)
    try:
        fd, temporary = _create_temporary(folder, target.name)
    except OSError as exc:
        raise _cannot(target, "write", exc) from None
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            if existing is not None:
                os.fchmod(file.fileno(), existing.st_mode & 0o777)
            os.fsync(file.fileno())
        if overwrite:
            temporary.replace(target)
        else:
            _move_without_replacing(temporary, target)
    except OSError as exc:
        raise _cannot(target, "write", exc) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    _fsync_folder(folder)


def _move_without_replacing(temporary: Path, target: Path) -> None:
    """
    Put *temporary* in place as *target*, failing if *target* exists.

    Raises:
        GoudenoorError: *target* exists.
    """
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise _exists_error(target) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
    else:
        return
    try:  # no hard links here: claim the name, then move the file over it
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise _exists_error(target) from None
    try:
        temporary.replace(target)
    except OSError:
        with contextlib.suppress(OSError):
            target.unlink()  # the empty file this writer claimed
        raise


@cache
def _host() -> str:
    import platform  # only when a file is written

    return re.sub(r"[^A-Za-z0-9]+", "-", platform.node()).strip("-") or "host"


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    # Like tempfile.mkstemp, but with the permissions the umask gives a new
    # file (mkstemp's are owner-only): audit files are meant to be shared.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        owner = f"{_host()}-{os.getpid()}"
        temporary = folder / f".{name}.{owner}-{secrets.token_hex(6)}.tmp"
        with contextlib.suppress(FileExistsError):
            return os.open(temporary, flags, 0o666), temporary


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """
    Remove the temporary files of earlier writes of *name* whose writer,
    a process on this host, has ended without moving them into place.
    """
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return
    own = re.compile(
        rf"\.{re.escape(name)}\.{re.escape(_host())}-([0-9]+)-[0-9a-f]+\.tmp"
    )
    try:
        candidates = list(folder.glob(f".{glob.escape(name)}.*.tmp"))
    except OSError:
        return
    for candidate in candidates:
        found = own.fullmatch(candidate.name)
        if found is None or _running(int(found.group(1))):
            continue
        with contextlib.suppress(OSError):
            candidate.unlink()


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is not ours, or cannot be asked
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not every platform opens folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - idem
        pass
    finally:
        os.close(fd)
