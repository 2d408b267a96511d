"""
Text from users, made safe to show: no control characters, and one line
where one line is expected.

Standard library and the package's exceptions only; every renderer
(terminal, Markdown, comparison text) uses it, whatever the text's origin
(a file, or an object built by an application).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from goudenoor.exceptions import OutputError


BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""
The bidirectional controls: the Arabic letter mark, the left-to-right and
right-to-left marks, the embeddings, overrides and isolates. A terminal or
an editor that shows them reorders the text around them (a note can show
``exe.txt`` for ``txt.exe``), so no output writes them raw: JSON and YAML
write them as ``\\u`` escapes, other text formats as
:func:`visible_bidi` shows them or not at all.
"""

_BREAKS = re.compile(r"[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]")
"""Characters that end or shift a line: shown as a space."""

_CONTROLS = re.compile(
    r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e"
    r"\u2066-\u2069]"
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

    >>> text_lines(["dropped (0):", "ACME\\ndropped (9):"])
    'dropped (0):\\nACME dropped (9):\\n'
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
        *map(ord, BIDI_CONTROLS),
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
    import json  # only what writes JSON pays for it

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


def canonical_json(data: Any) -> bytes:
    """
    *data* in the canonical JSON that hashes are taken over (a journal's
    entries): keys sorted, no spaces, UTF-8, no trailing line feed.

    It is RFC 8785 (the JSON Canonicalization Scheme) for the data it is
    given: texts as they are (only ``"``, ``\\`` and the C0 controls
    escaped, as ``\\n`` or lowercase ``\\u001f``), integers as integers.
    Two differences RFC 8785 would make do not arise here: keys are
    sorted by code point, not UTF-16 unit (the same for every key below
    U+E000; the keys hashed are field names and requirement and finding
    ids, which are ASCII), and a float is written as Python's shortest
    round trip, which is ECMAScript's below 1e16 (give an integral value
    as an ``int``: ``3``, not ``3.0``).

    >>> canonical_json({"b": [1, "é"], "a": None})
    b'{"a":null,"b":[1,"\\xc3\\xa9"]}'

    Raises:
        OutputError: A number in *data* is NaN or infinite.
    """
    import json

    try:
        text = json.dumps(
            data,
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
            allow_nan=False,
        )
    except ValueError as exc:
        found = _non_finite(data, "$", set())
        if found is None:
            raise
        path, value = found
        msg = f"cannot write JSON: {path} is {value!r} (expected a finite number)"
        raise OutputError(msg) from exc
    return text.encode("utf-8")


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


_SHOWN_ESCAPED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"
    + "".join(sorted(BIDI_CONTROLS))
    + "]"
)


def visible_controls(text: str) -> str:
    """
    *text* with each control character a terminal or an editor acts on
    written as its visible ``\\u`` escape, as JSON writes it: the C0
    controls but tab, line feed and carriage return (which the format
    quotes), DEL, the C1 controls, the line and paragraph separators and
    the bidirectional controls (:data:`BIDI_CONTROLS`). For a format that
    has no escapes of its own (CSV): the reader sees that a control was
    there, and which, and nothing is reordered or run.

    >>> visible_controls("factuur\\u202egpj.exe\\x1b[2J")
    'factuur\\\\u202egpj.exe\\\\u001b[2J'
    """
    return _SHOWN_ESCAPED.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
"""Controls, format characters (U+FEFF, the zero-width and bidirectional
characters among them) and spaces: nothing a reader can see."""

_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u034f\u2800") | frozenset(
    map(chr, range(0xFE00, 0xFE10))
)
"""Letters and marks that show as blank: the Hangul fillers, the combining
grapheme joiner, the blank braille pattern and the variation selectors."""


def is_blank(text: str) -> bool:
    """
    Whether *text* shows nothing: it is empty or holds only white space,
    control and format characters (U+FEFF, zero-width spaces, bidirectional
    controls) and the few letters that show as blank. A name like that is
    as good as none.

    >>> is_blank("\\ufeff\\u200b "), is_blank("ACME\\u200b")
    (True, False)
    """
    return all(
        unicodedata.category(ch) in _INVISIBLE_CATEGORIES or ch in _FILLERS
        for ch in text
    )


_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]|~$#]")
"""Characters that start Markdown inline syntax (and GitHub's math)."""

_REFERENCE = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
"""An ``&`` that would start an HTML character reference."""

_AUTOLINK = re.compile(
    r"(?i)(?<![A-Za-z0-9])(?:(?:https?|ftp|mailto|xmpp)(?=:)|www(?=\.))"
)
"""Where GitHub's Markdown would make a link of bare text (``https://...``,
``www.``): escaping the ``:`` or ``.`` that follows keeps it text."""

_BLOCK_START = re.compile(r"^(?:[-+=]|[0-9]{1,9}(?=[.)](?: |$)))")
"""What makes a line a list item or an underline when it starts it."""


def markdown_text(text: str) -> str:
    """
    *text* from a user as plain text in Markdown: on one line, without
    control characters, with HTML and Markdown syntax escaped (also in a
    table cell, and at the start of a line or list item). The Markdown
    reports and OSCAL's markup fields use it.

    >>> markdown_text("# <b>*ACME*</b>")
    '\\\\# &lt;b&gt;\\\\*ACME\\\\*&lt;/b&gt;'
    """
    text = _REFERENCE.sub("&amp;", plain_line(text))
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SYNTAX.sub(r"\\\g<0>", text)
    text = _AUTOLINK.sub(lambda m: f"{m.group()}\\", text)
    found = _BLOCK_START.match(text)
    if found is None:
        return text
    if found.group().isdigit():  # "1. x" is a list item: escape the "."
        end = found.end()
        return f"{text[:end]}\\{text[end:]}"
    return f"\\{text}"
