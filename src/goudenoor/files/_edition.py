"""
The shipped editions and translations, and editions and translations
from files or mappings of your own.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from importlib.resources import abc as resources_abc
from typing import TYPE_CHECKING, Any

import attrs

from goudenoor._checks import checked
from goudenoor.exceptions import (
    UnknownEditionError,
    UnknownItemError,
    ValidationError,
)
from goudenoor.files import _precompile
from goudenoor.problems import Problem
from goudenoor.standard import (
    TRANSLATION_FORMAT,
    Standard,
    Translation,
    translation_problems,
)


if TYPE_CHECKING:
    pass
from goudenoor.files._parse import (
    check_marker,
    located,
    marked_from_text,
    parse,
    read_file,
    read_string,
    structure_data,
    structure_text,
)
from goudenoor.files._positions import NOWHERE, Positions


__all__ = [
    "editions",
    "load_standard",
    "loads_standard",
    "translation_from_mapping",
    "load_standard_file",
    "load_translation",
    "load_translation_file",
    "loads_translation",
    "standard_from_mapping",
    "standard_to_mapping",
    "translations",
]


def __dir__() -> list[str]:
    return __all__


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


@checked
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


@checked
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
    from goudenoor.files import _yaml

    name = f"{edition}.{language}{_SUFFIX}"
    raw = (_editions_dir() / name).read_bytes()
    return _translation_from_text(
        _yaml.read_text(raw, name), name, load_standard(edition)
    )


@checked
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
    name, text = read_file(path)
    return _translation_from_text(text, name, standard)


@checked
def loads_translation(
    text_or_bytes: str | bytes,
    *,
    source: str = "<string>",
    standard: Standard | None = None,
) -> Translation:
    """
    Load a translation from its text (or its UTF-8 bytes), as strictly as
    :func:`load_translation_file` loads a file, and check it against
    *standard*: by default the shipped edition the text names.

    Raises:
        TypeError: *text_or_bytes* is neither a string nor bytes.
        FileFormatError: The text is larger than the file size limit (in
            UTF-8), is not UTF-8 or cannot be read as YAML.
        ValidationError: The content is not a valid translation, or does
            not fit the standard; every problem is listed with its line,
            column and key path.
    """
    return _translation_from_text(read_string(text_or_bytes, source), source, standard)


@checked
def translation_from_mapping(
    data: object, standard: Standard | None = None, source: str = "<mapping>"
) -> Translation:
    """
    Build a :class:`~goudenoor.standard.Translation` from plain data in
    the file format (with the ``goudenoor`` marker) and check it against
    *standard* (default: the shipped edition it names).

    Raises:
        ValidationError: The data is not a valid translation, or does not
            fit the edition.
    """
    data = check_marker(data, TRANSLATION_FORMAT, NOWHERE, source)
    translation = structure_data(data, NOWHERE, source, Translation)
    return _checked_translation(translation, NOWHERE, source, standard)


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
    return structure_text(read_string(text_or_bytes, source), source, Standard)


def _translation_from_text(
    text: str, source: str, standard: Standard | None
) -> Translation:
    translation, where = marked_from_text(text, source, TRANSLATION_FORMAT, Translation)
    return _checked_translation(translation, where, source, standard)


def _checked_translation(
    translation: Translation, where: Positions, source: str, standard: Standard | None
) -> Translation:
    translation = attrs.evolve(translation, origin=source)
    if standard is None:
        try:
            standard = load_standard(translation.edition)
        except UnknownEditionError as exc:
            problem = Problem(message=str(exc), path=("edition",))
            raise located([problem], where, source) from None
    problems = translation_problems(translation, standard)
    if problems:
        raise located(problems, where, source)
    return translation


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
    standard = parse(raw, f"{edition}{_SUFFIX}", Standard)
    if standard.id != edition:
        problem = Problem(
            message=f"edition id {standard.id!r} does not match the file name "
            f"(expected {edition!r})",
            path=("id",),
        )
        raise ValidationError([problem], f"{edition}{_SUFFIX}")
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
    name, text = read_file(path)
    return structure_text(text, name, Standard)


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
