"""
Text from users, made safe to show: no control characters, and one line
where one line is expected.

Standard library and the package's exceptions only; every renderer
(terminal, Markdown, comparison text) uses it, whatever the text's origin
(a file, or an object built by an application).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .exceptions import OutputError


_BREAKS = re.compile(r"[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]")
"""Characters that end or shift a line: shown as a space."""

_CONTROLS = re.compile(
    r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]"
)
"""
Other control characters (ESC and the one-byte CSI among them) and the
bidirectional overrides, which can make a terminal show something else
than the text: removed.
"""


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """
    *number* and the noun that goes with it: ``1 audit``, ``2 audits``.
    """
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def one_line(text: str) -> str:
    """
    *text* as one line for a terminal or a document: line breaks and tabs
    become spaces, other control characters are removed; the spacing is
    otherwise kept (for aligned columns).

    >>> one_line("ACME\\n\\x1b[31mlevel: Niveau 3")
    'ACME [31mlevel: Niveau 3'
    """
    return _CONTROLS.sub("", _BREAKS.sub(" ", text))


def plain_line(text: str) -> str:
    """
    *text* as one line with its runs of white space collapsed to one
    space and no control characters.

    >>> plain_line("  Leren &\\n ontwikkelen\\x07 ")
    'Leren & ontwikkelen'
    """
    return " ".join(_CONTROLS.sub("", text).split())


_JSON_ESCAPED = {
    code: f"\\u{code:04x}"
    for code in (
        *range(0x7F, 0xA0),
        0x2028,
        0x2029,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}
"""
What :func:`json_text` writes as an escape: DEL and the C1 controls (a
terminal acts on them), the Unicode line and paragraph separators and the
bidirectional overrides. JSON escapes the C0 controls itself.
"""


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """
    *data* as JSON text ending in a line feed, non-ASCII characters as they
    are, except the controls :data:`_JSON_ESCAPED` lists, written as
    ``\\u`` escapes (``\\u009b``): the same data, but nothing in it can act on the
    terminal it is printed to.

    >>> json_text({"name": "ACME\\x9b31m"}, indent=None)
    '{"name": "ACME\\\\u009b31m"}\\n'

    Python's ``json`` would write a number that is not finite as the
    invalid ``NaN`` or ``Infinity``; here it is refused, named by its path
    (JSON has no NaN or infinity):

    >>> try:
    ...     json_text({"points": [1.0, float("inf")]})
    ... except OutputError as exc:
    ...     print(exc)
    cannot write JSON: $.points[1] is inf (expected a finite number)

    Raises:
        OutputError: A number in *data* is NaN or infinite.
    """
    try:
        text = json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)
    except ValueError as exc:
        found = _non_finite(data, "$", set())
        if found is None:
            raise
        path, value = found
        msg = f"cannot write JSON: {path} is {value!r} (expected a finite number)"
        raise OutputError(msg) from exc
    # Outside strings JSON has only ASCII, so every such character is in a
    # string, where its escape means the same.
    return text.translate(_JSON_ESCAPED) + "\n"


def _non_finite(data: Any, path: str, seen: set[int]) -> tuple[str, float] | None:
    """
    The path and value of the first number in *data* that is not finite
    (*seen*: the containers on the way, so that a cycle ends the walk).
    """
    if isinstance(data, float):
        return None if math.isfinite(data) else (path, data)
    if not isinstance(data, (dict, list, tuple)) or id(data) in seen:
        return None
    seen.add(id(data))
    items = (
        ((f"{path}.{key}", value) for key, value in data.items())
        if isinstance(data, dict)
        else ((f"{path}[{index}]", value) for index, value in enumerate(data))
    )
    for where, value in items:
        found = _non_finite(value, where, seen)
        if found:
            return found
    return None


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell's text as a formula."""


def spreadsheet_text(text: str) -> str:
    """
    *text* for a cell of a file a spreadsheet opens (CSV): a text that
    starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets
    a leading apostrophe, so that it is shown as text and never run as a
    formula (CSV or formula injection). Numbers are not texts: write them
    as numbers.

    >>> spreadsheet_text("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> spreadsheet_text("Woonstichting Lindewaard")
    'Woonstichting Lindewaard'
    """
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text
