"""
Any goudenoor document, of the kind its ``goudenoor:`` marker names, from a
file or from standard input: what ``goudenoor validate`` checks.
"""

from __future__ import annotations

import os
from pathlib import Path

from goudenoor.audit import Assessment
from goudenoor.files._assessment import ASSESSMENT_FORMAT, loads_assessment
from goudenoor.files._extension import loads_extension
from goudenoor.files._parse import (
    MARKER,
    STDIN,
    check_marker,
    located,
    read_input,
    read_stdin,
)
from goudenoor.files._translation import loads_translation
from goudenoor.problems import Problem, excerpt
from goudenoor.standard import (
    EXTENSION_FORMAT,
    TRANSLATION_FORMAT,
    Extension,
    Translation,
)


__all__ = [
    "DOCUMENT_FORMATS",
    "STDIN",
    "load_document",
    "loads_document",
    "read_stdin",
]


def __dir__() -> list[str]:
    return __all__


DOCUMENT_FORMATS = (ASSESSMENT_FORMAT, EXTENSION_FORMAT, TRANSLATION_FORMAT)
"""The format markers :func:`load_document` reads."""


def load_document(name: str) -> Assessment | Extension | Translation:
    """
    Load the file *name* (``-``: standard input) as the kind of document its
    ``goudenoor:`` marker names, checked as strictly as its own loader
    checks it. An assessment file may name extension files in its folder;
    standard input has no folder.

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The marker is not one of :data:`DOCUMENT_FORMATS`,
            or the content is not valid; every problem is listed with its
            line, column and key path.
    """
    source, text = read_input(name)
    folder = None if name == "-" else Path(name).parent
    return loads_document(text, source=source, folder=folder)


def loads_document(
    text: str, *, source: str = "<string>", folder: str | os.PathLike[str] | None = None
) -> Assessment | Extension | Translation:
    """
    The goudenoor document in *text*, of the kind its ``goudenoor:``
    marker names (``assessment/1``, ``extension/1`` or ``translation/1``):
    *source* is the name errors give it, and *folder* the folder an
    assessment's extension files are looked up in (none by default: an
    assessment may then name extensions only by id).

    Raises:
        FileFormatError: The text cannot be read as YAML.
        ValidationError: The marker is not one of those three, or the
            content is not valid.
    """
    from goudenoor.files import _yaml

    data, where = _yaml.read(text, source)
    marker = data.get(MARKER) if isinstance(data, dict) else None
    if marker == ASSESSMENT_FORMAT:
        return loads_assessment(text, source=source, folder=folder)
    if marker == EXTENSION_FORMAT:
        return loads_extension(text, source=source)
    if marker == TRANSLATION_FORMAT:
        return loads_translation(text, source=source)
    if not isinstance(data, dict):
        check_marker(data, ASSESSMENT_FORMAT, where, source)  # refuses it
    expected = ", ".join(repr(kind) for kind in DOCUMENT_FORMATS)
    found = (
        "missing"
        if marker is None
        else f"got {excerpt(marker)}"
        if isinstance(marker, str)
        else f"got a {type(marker).__name__}"
    )
    problem = Problem(
        message=f"expected a format marker, one of {expected} ({found})",
        path=(MARKER,),
    )
    raise located([problem], where, source)
