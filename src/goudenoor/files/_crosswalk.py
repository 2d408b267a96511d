"""
Crosswalks between editions (format ``crosswalk/1``): the shipped ones and
those from files of your own, read strictly and checked against both
editions.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from importlib.resources import abc as resources_abc

import attrs

from goudenoor._checks import checked
from goudenoor.exceptions import UnknownEditionError, UnknownItemError
from goudenoor.files._edition import editions, load_standard
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
from goudenoor.standard import Crosswalk, Standard, crosswalk_problems


__all__ = [
    "CROSSWALK_FORMAT",
    "crosswalk_from_mapping",
    "crosswalks",
    "load_crosswalk",
    "load_crosswalk_file",
    "loads_crosswalk",
]


def __dir__() -> list[str]:
    return __all__


CROSSWALK_FORMAT = "crosswalk/1"
"""The format marker of crosswalk files."""

_SUFFIX = ".yaml"
_BETWEEN = "--"


def _crosswalks_dir() -> resources_abc.Traversable:
    return resources.files("goudenoor") / "data" / "crosswalks"


@checked
@cache
def crosswalks() -> tuple[tuple[str, str], ...]:
    """
    The (source edition, target edition) pairs the library ships a
    crosswalk for.

    >>> import goudenoor as go
    >>> go.crosswalks()
    (('gos-2012', 'gos-2016'),)
    """
    pairs = (
        tuple(entry.name.removesuffix(_SUFFIX).split(_BETWEEN, 1))
        for entry in _crosswalks_dir().iterdir()
        if entry.name.endswith(_SUFFIX) and _BETWEEN in entry.name
    )
    return tuple(sorted((source, target) for source, target in pairs))


@checked
def load_crosswalk(source_edition: str, target_edition: str) -> Crosswalk:
    """
    Load the crosswalk shipped with the library from *source_edition* to
    *target_edition*, checked against both editions.

    The result is cached and immutable. The shipped crosswalks are this
    library's reading of the editions' texts, not the publisher's.

    Raises:
        UnknownEditionError: No edition has one of these ids.
        UnknownItemError: No crosswalk is shipped between the two.

    >>> import goudenoor as go
    >>> crosswalk = go.load_crosswalk("gos-2012", "gos-2016")
    >>> [row.relationship for row in crosswalk.sources_of("5.6")]
    ['subset']
    """
    for edition in (source_edition, target_edition):
        if edition not in editions():
            raise UnknownEditionError(edition, editions())
    if (source_edition, target_edition) not in crosswalks():
        shipped = ", ".join(f"{s} -> {t}" for s, t in crosswalks()) or "none"
        raise UnknownItemError(
            f"{source_edition} -> {target_edition}",
            (),
            f"the shipped crosswalks ({shipped})",
            kind="crosswalk",
        )
    return _load_shipped(source_edition, target_edition)


@cache
def _load_shipped(source_edition: str, target_edition: str) -> Crosswalk:
    from goudenoor.files import _yaml

    name = f"{source_edition}{_BETWEEN}{target_edition}{_SUFFIX}"
    raw = (_crosswalks_dir() / name).read_bytes()
    return _crosswalk_from_text(
        _yaml.read_text(raw, name),
        name,
        load_standard(source_edition),
        load_standard(target_edition),
    )


@checked
def load_crosswalk_file(
    path: str | os.PathLike[str],
    *,
    source: Standard | None = None,
    target: Standard | None = None,
) -> Crosswalk:
    """
    Load a crosswalk from a YAML file of your own (format ``crosswalk/1``,
    like the shipped ``gos-2012--gos-2016.yaml``) and check it against the
    two editions: by default the shipped editions the file names. Pass
    standards with extensions applied to map what the extensions add
    (``zorg:5.8``).

    Checked: the shape of the file (no unknown keys, every relationship
    known), the edition ids against *source* and *target*, every
    requirement id against its edition, and that no row is there twice.

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content is not a valid crosswalk, or does not
            fit the editions; every problem is listed with its line,
            column and key path.
    """
    name, text = read_file(path)
    return _crosswalk_from_text(text, name, source, target)


@checked
def loads_crosswalk(
    text_or_bytes: str | bytes,
    *,
    name: str = "<string>",
    source: Standard | None = None,
    target: Standard | None = None,
) -> Crosswalk:
    """
    Load a crosswalk from its text (or its UTF-8 bytes), as strictly as
    :func:`load_crosswalk_file` loads a file, and check it against the two
    editions.

    Args:
        text_or_bytes: The YAML text (format ``crosswalk/1``).
        name: The name errors give the text, as if it were a file name
            (what the other ``loads_*`` functions call *source*: here, as
            in :func:`load_crosswalk_file`, *source* is the edition mapped
            from).
        source: The edition mapped from (default: the shipped edition the
            text names).
        target: The edition mapped to (idem).

    Raises:
        TypeError: *text_or_bytes* is neither a string nor bytes.
        FileFormatError: The text is larger than the file size limit (in
            UTF-8), is not UTF-8 or cannot be read as YAML.
        ValidationError: The content is not a valid crosswalk, or does not
            fit the editions.
    """
    return _crosswalk_from_text(read_string(text_or_bytes, name), name, source, target)


@checked
def crosswalk_from_mapping(
    data: object,
    *,
    name: str = "<mapping>",
    source: Standard | None = None,
    target: Standard | None = None,
) -> Crosswalk:
    """
    Build a :class:`~goudenoor.standard.Crosswalk` from plain data in the
    file format (with the ``goudenoor`` marker) and check it against the
    two editions, as :func:`loads_crosswalk` does with a text.

    Raises:
        ValidationError: The data is not a valid crosswalk, or does not
            fit the editions.
    """
    data = check_marker(data, CROSSWALK_FORMAT, NOWHERE, name)
    crosswalk = structure_data(data, NOWHERE, name, Crosswalk)
    return _checked_crosswalk(crosswalk, NOWHERE, name, source, target)


def _crosswalk_from_text(
    text: str, name: str, source: Standard | None, target: Standard | None
) -> Crosswalk:
    crosswalk, where = marked_from_text(text, name, CROSSWALK_FORMAT, Crosswalk)
    return _checked_crosswalk(crosswalk, where, name, source, target)


def _checked_crosswalk(
    crosswalk: Crosswalk,
    where: Positions,
    name: str,
    source: Standard | None,
    target: Standard | None,
) -> Crosswalk:
    crosswalk = attrs.evolve(crosswalk, origin=name)
    problems: list[Problem] = []
    standards: list[Standard] = []
    for key, given in (("source", source), ("target", target)):
        if given is not None:
            standards.append(given)
            continue
        try:
            standards.append(load_standard(getattr(crosswalk, key)))
        except UnknownEditionError as exc:
            problems.append(Problem(message=str(exc), path=(key,)))
    if not problems:
        problems = crosswalk_problems(crosswalk, *standards)
    if problems:
        raise located(problems, where, name)
    return crosswalk
