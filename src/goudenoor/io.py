"""
Loading the standard's editions, translations, extensions and assessments
from files, and saving assessments.

Everything that touches files lives here; the model below knows nothing
about YAML.
"""

from __future__ import annotations

import contextlib
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
    PathElement,
    Problem,
    UnknownEditionError,
    UnknownItemError,
    ValidationError,
)
from .extensions import (
    EXTENSION_FORMAT,
    Extension,
    _entry_point_target,
    apply_extension,
    is_path,
)
from .model import Standard
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


def _read(path: str | os.PathLike[str]) -> tuple[str, str]:
    """
    Read a YAML file's text, refusing what the YAML layer refuses.
    """
    name = os.fspath(path)
    try:
        info = Path(name).stat()
        if stat.S_ISDIR(info.st_mode):
            raise FileFormatError("is a folder, not a file", name)
        if stat.S_ISREG(info.st_mode) and info.st_size > _yaml.MAX_BYTES:
            raise FileFormatError(
                f"file is {info.st_size:,} bytes, more than the limit of "
                f"{_yaml.MAX_BYTES:,} bytes",
                name,
            )
        with Path(name).open("rb") as file:
            raw = file.read(_yaml.MAX_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
    return name, _yaml.read_text(raw, name)


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


ASSESSMENT_FORMAT = "assessment/1"
"""The format marker of assessment files this version reads and writes."""

_MARKER = "goudenoor"


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
        return data
    data = dict(data)
    marker = data.pop(_MARKER, None)
    if marker != expected:
        found = "missing" if marker is None else f"got {marker!r}"
        problem = Problem(
            message=f"expected the format marker {expected!r} ({found})",
            path=(_MARKER,),
        )
        raise _located([problem], text, source)
    return data


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
    *extensions*, the name of an installed extension, or a path to an
    extension file (relative to the assessment's file).

    Raises:
        UnknownEditionError: The edition does not exist.
        GoudenoorError: An extension cannot be found or applied.
    """
    standard = load_standard(assessment.edition)
    if not assessment.extensions:
        return standard
    given = {extension.id: extension for extension in extensions}
    base = Path(assessment.source).parent if assessment.source else Path()
    resolved = []
    for index, reference in enumerate(assessment.extensions):
        if reference in given:
            resolved.append(given[reference])
            continue
        try:
            resolved.append(
                _listed_extension(base / reference)
                if is_path(reference)
                else load_extension(reference)
            )
        except (UnknownItemError, FileFormatError) as exc:
            raise _UnresolvedExtensionError(str(exc), index) from exc
    return apply_extension(standard, *resolved)


def _listed_extension(path: Path) -> Extension:
    # A file named inside another file must be a plain file: a named pipe
    # there would make loading wait for ever.
    if path.exists() and not path.is_file():
        raise FileFormatError("not a regular file", str(path))
    return load_extension(path)


def load_extension(reference: str | os.PathLike[str]) -> Extension:
    """
    Load a sector extension: from a YAML file (a path), or by the name of
    an installed extension (entry point group ``goudenoor.extensions``).

    Raises:
        UnknownItemError: No installed extension has this name.
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content is not a valid extension; every
            problem is listed with its line, column and key path.
    """
    if is_path(reference):
        name, text = _read(reference)
        return _extension_from_text(text, name)
    target = _entry_point_target(os.fspath(reference))
    if isinstance(target, Extension):
        extension = target
    elif isinstance(target, (str, os.PathLike, resources_abc.Traversable)):
        source = str(target)
        raw = (
            target.read_bytes()
            if isinstance(target, resources_abc.Traversable)
            else Path(target).read_bytes()
        )
        extension = _extension_from_text(_yaml.read_text(raw, source), source)
    else:
        raise FileFormatError(
            f"extension {reference!r}: its entry point gave a "
            f"{type(target).__name__}, expected an Extension or a path to its "
            "YAML file"
        )
    if extension.id != os.fspath(reference):
        raise FileFormatError(
            f"extension {reference!r}: the file's id is {extension.id!r}; an "
            "installed extension's id must equal its entry point name"
        )
    return extension


def _extension_from_text(text: str, source: str) -> Extension:
    extension = _marked_from_text(text, source, EXTENSION_FORMAT, Extension)
    return attrs.evolve(extension, origin=source)


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


def refuse_existing(target: Path, *, overwrite: bool) -> None:
    """
    Raise if *target* exists and may not be replaced.

    Raises:
        GoudenoorError: *target* exists and *overwrite* is false.
    """
    if target.exists() and not overwrite:
        raise GoudenoorError(
            f"{target}: file exists; not overwritten (pass overwrite=True, or "
            "--force on the command line, to replace it)"
        )


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False
) -> None:
    """
    Write *data* to *path* through a temporary file in the same folder,
    flushed to disk and moved into place with :func:`os.replace`: a crash
    leaves the old file or the new one, never a mix.

    A new file gets the permissions the umask gives (not owner-only); a
    replaced file keeps its permissions.

    The temporary file is named ``.<name>.<host>-<pid>-<random>.tmp``. A
    writer killed before the move leaves it behind; the next write of the
    same file on the same host removes those whose process is gone (on
    POSIX systems; a file of a writer on another host, or of a process
    that still runs, is left alone).

    Raises:
        GoudenoorError: *path* exists and *overwrite* is false, or it
            cannot be written.
    """
    target = Path(path)
    refuse_existing(target, overwrite=overwrite)
    folder = target.parent
    _remove_stale_temporaries(folder, target.name)
    try:
        fd, temporary = _create_temporary(folder, target.name)
    except OSError as exc:
        raise GoudenoorError(f"{target}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            with contextlib.suppress(FileNotFoundError):
                os.fchmod(file.fileno(), target.stat().st_mode & 0o7777)
            os.fsync(file.fileno())
        temporary.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise GoudenoorError(f"{target}: cannot write: {exc.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(folder)


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
