"""
Any goudenoor document, of the kind its ``goudenoor:`` marker names, from a
file or from standard input: what ``goudenoor validate`` checks.
"""

from __future__ import annotations

import sys

from goudenoor.assessment import Assessment
from goudenoor.exceptions import FileFormatError
from goudenoor.extensions import EXTENSION_FORMAT, Extension
from goudenoor.problems import Problem, excerpt
from goudenoor.translation import TRANSLATION_FORMAT, Translation

from ._parse import MARKER, check_marker, located, read_file, read_string
from .assessments import ASSESSMENT_FORMAT, load_assessment, loads_assessment
from .editions import loads_translation
from .extension_loader import loads_extension


__all__ = [
    "DOCUMENT_FORMATS",
    "STDIN",
    "load_document",
    "read_stdin",
]


def __dir__() -> list[str]:
    return __all__


STDIN = "<stdin>"
"""The name errors give standard input."""

DOCUMENT_FORMATS = (ASSESSMENT_FORMAT, EXTENSION_FORMAT, TRANSLATION_FORMAT)
"""The format markers :func:`load_document` reads."""


def read_stdin() -> bytes:
    """
    The bytes on standard input, at most one more than the YAML size limit
    (so that a larger input is refused as too large, not read whole).

    Raises:
        FileFormatError: There is no standard input to read.
    """
    from . import _yaml

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise FileFormatError("no standard input to read", STDIN)
    try:
        data: bytes = stream.read(_yaml.MAX_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror}", STDIN) from None
    return data


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
    from . import _yaml

    if name == "-":
        source, text = STDIN, read_string(read_stdin(), STDIN)
    else:
        source, text = read_file(name)
    data = _yaml.load(text, source)
    marker = data.get(MARKER) if isinstance(data, dict) else None
    if marker == ASSESSMENT_FORMAT:
        if name == "-":
            return loads_assessment(text, source=source)
        return load_assessment(name)
    if marker == EXTENSION_FORMAT:
        return loads_extension(text, source=source)
    if marker == TRANSLATION_FORMAT:
        return loads_translation(text, source=source)
    if not isinstance(data, dict):
        check_marker(data, ASSESSMENT_FORMAT, text, source)  # refuses it
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
    raise located([problem], text, source)
