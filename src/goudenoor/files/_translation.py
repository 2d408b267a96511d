"""
The shipped translations of the editions, and translations from files of
your own (format ``translation/1``), checked against their edition.
"""

from __future__ import annotations

import os
from functools import cache

import attrs

from goudenoor._checks import checked
from goudenoor.exceptions import UnknownEditionError, UnknownItemError
from goudenoor.files._edition import (
    SUFFIX,
    edition_id,
    load_standard,
    read_shipped,
    shipped_names,
)
from goudenoor.files._parse import (
    check_marker,
    located,
    marked_from_text,
    read_file,
    read_string,
    structure_data,
)
from goudenoor.files._positions import NOWHERE, Positions
from goudenoor.problems import Problem
from goudenoor.standard import (
    TRANSLATION_FORMAT,
    Standard,
    Translation,
    translation_problems,
)


__all__ = [
    "load_translation",
    "load_translation_file",
    "loads_translation",
    "translation_from_mapping",
    "translations",
]


def __dir__() -> list[str]:
    return __all__


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
    return _shipped_languages(edition_id(edition))


@cache
def _shipped_languages(edition: str) -> tuple[str, ...]:
    prefix = f"{edition}."
    return tuple(
        sorted(
            name.removeprefix(prefix).removesuffix(SUFFIX)
            for name in shipped_names()
            if name.startswith(prefix)
            and name.endswith(SUFFIX)
            and name.count(".") == 2  # noqa: PLR2004 - edition.language.yaml
        )
    )


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
    wanted = edition_id(edition)
    known = _shipped_languages(wanted)
    if language not in known:
        where = f"{wanted} (translated into: {', '.join(known) or 'none'})"
        raise UnknownItemError(language, (), where, kind="language")
    return _load_shipped_translation(wanted, language)


@cache
def _load_shipped_translation(edition: str, language: str) -> Translation:
    from goudenoor.files import _yaml

    name = f"{edition}.{language}{SUFFIX}"
    raw = read_shipped(name)
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
