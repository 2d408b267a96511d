"""
Text from users, made safe to show: no control characters, and one line
where one line is expected.

Standard library only; every renderer (terminal, Markdown, comparison
text) uses it, whatever the text's origin (a file, or an object built by
an application).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any


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


def text_lines(lines: Iterable[str]) -> str:
    """
    *lines* as the text of a terminal report: each made :func:`one_line`,
    each ending in a line feed. Every text report goes through here, so a
    value with a line break (an organisation, a rationale, a note) shows
    on its own line and cannot forge the next one.

    >>> text_lines(["dropped (0):", "ACME\ndropped (9):"])
    'dropped (0):\nACME dropped (9):\n'
    """
    return "".join(f"{one_line(line)}\n" for line in lines)


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
    """
    # Outside strings JSON has only ASCII, so every such character is in a
    # string, where its escape means the same.
    return (
        json.dumps(data, indent=indent, ensure_ascii=False).translate(_JSON_ESCAPED)
        + "\n"
    )


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
