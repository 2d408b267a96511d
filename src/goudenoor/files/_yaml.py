"""
Safe YAML loading with positions, duplicate-key detection and limits.

goudenoor's files are written in a subset of YAML (see docs/formats.md):
one document of mappings, lists and plain or quoted values, without
anchors, aliases, tags or merge keys. :func:`read` builds the data in one
pass over the parser's events (PyYAML's C parser when available) and
notes where each entry was written (:class:`Positions`), so a problem
found later is located without parsing the text again. Mapping keys are
always the text as written (``1.10`` stays ``"1.10"``) and duplicate keys
are refused. Nesting and the number of values are capped as the events
come, so a document too deep or too wide is refused before it is built.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import yaml

from goudenoor._text import BIDI_CONTROLS
from goudenoor.exceptions import FileFormatError
from goudenoor.files._positions import NOWHERE, Positions
from goudenoor.problems import excerpt


MAX_BYTES = 8 * 1024 * 1024
"""Largest file the loader reads (8 MiB); bigger ones are refused unread."""

MAX_NODES = 200_000
"""
Most values a document may hold: each mapping, list and value counts one
(a mapping's keys do not).
"""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists a document may have."""

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SUBSET = "goudenoor files are YAML without anchors, aliases, tags or merge keys"

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""
What a string in a file may not hold, written or escaped: control
characters other than tab and line feed (C0, DEL, C1: a terminal acts on
them) and surrogate code points (not characters; UTF-8 cannot hold them).
"""

_MAY_HOLD_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\\\\]")
"""
What a text must hold for one of its strings to hold a character of
:data:`_CONTROL`: one written raw (but the carriage return, a line break
that YAML reads as a line feed), or a backslash (an escape may write one).
Strings are only searched for them in a text that holds one of these.
"""

_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels"
_TOO_MANY = f"document holds more than the limit of {MAX_NODES:,} values"

_KINDS = {"int": "integer", "float": "number", "bool": "boolean", "timestamp": "date"}
"""How YAML's tag names are said in messages."""

_Mark = Any
"""A position in the text: ``yaml.Mark``, or the C parser's own kind."""


def read_text(data: bytes, source: str) -> str:
    """
    Decode *data* as UTF-8 (a byte order mark is allowed).

    Raises:
        FileFormatError: The bytes are too many, or not UTF-8 text.
    """
    if len(data) > MAX_BYTES:
        raise FileFormatError(
            f"file is {len(data):,} bytes, more than the limit of {MAX_BYTES:,} bytes",
            source,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FileFormatError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded)",
            source,
            line,
            column,
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise FileFormatError("not a text file (it contains NUL bytes)", source, line)
    return text


class _RefusedError(Exception):
    def __init__(self, reason: str, mark: _Mark) -> None:
        super().__init__(reason)
        self.reason = reason
        self.mark = mark


def _unsupported(kind: str, written: str, mark: _Mark) -> _RefusedError:
    return _RefusedError(
        f"{kind} are not supported (found {excerpt(written)}): {_SUBSET}", mark
    )


def _refuse_extra(event: Any) -> _RefusedError:
    """
    The refusal of a scalar, mapping or list *event* with an anchor or a
    tag, shown where the node starts (where its anchor or tag is written).
    """
    if event.anchor is not None:
        return _unsupported("anchors", f"&{event.anchor}", event.start_mark)
    tag: str = event.tag
    if tag.startswith("tag:yaml.org,2002:"):
        tag = "!!" + tag.removeprefix("tag:yaml.org,2002:")
    elif not tag.startswith("!"):
        tag = f"!<{tag}>"
    return _unsupported("tags", tag, event.start_mark)


def _bad_character(character: str) -> str:
    code = ord(character)
    if 0xD800 <= code <= 0xDFFF:  # noqa: PLR2004 - the surrogate range
        return (
            f"surrogate code point U+{code:04X} is not a character (write the "
            "character itself, not its UTF-16 halves)"
        )
    return (
        f"control character U+{code:04X} is not allowed in text (only tab and "
        "line feed are)"
    )


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_CONSTRUCTOR = yaml.SafeLoader("")
"""Only for its scalar constructors (stateless), never for reading."""

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _int(value: str) -> int:
    if value.isdigit() and (len(value) == 1 or value[0] != "0"):
        return int(value)  # a plain decimal integer, the most common case
    number: int = yaml.SafeLoader.construct_yaml_int(
        _CONSTRUCTOR, yaml.ScalarNode(_INT, value)
    )
    return number


def _timestamp(value: str) -> object:
    if _ISO_DATE.fullmatch(value):
        return datetime.date(int(value[:4]), int(value[5:7]), int(value[8:]))
    return yaml.SafeLoader.construct_yaml_timestamp(
        _CONSTRUCTOR, yaml.ScalarNode(_TIMESTAMP, value)
    )


def _float(value: str) -> float:
    number: float = yaml.SafeLoader.construct_yaml_float(
        _CONSTRUCTOR, yaml.ScalarNode(_FLOAT, value)
    )
    return number


_BUILD: dict[str, Callable[[str], object]] = {
    _INT: _int,
    _FLOAT: _float,
    "tag:yaml.org,2002:bool": lambda value: _CONSTRUCTOR.bool_values[value.lower()],
    "tag:yaml.org,2002:null": lambda _: None,
    _TIMESTAMP: _timestamp,
}
"""How a plain value is built, by the tag YAML's resolver gives it."""

_RESOLVERS = _Loader.yaml_implicit_resolvers


def _plain(value: str, mark: _Mark) -> object:
    """
    The value of the plain (unquoted) scalar *value*, as PyYAML's safe
    loader builds it: the first implicit resolver that matches decides.

    Raises:
        _RefusedError: The value cannot be built as what it looks like
            (``2026-13-01``), shown at *mark*.
        yaml.constructor.ConstructorError: It resolves to a tag that no
            value is built for (``<<`` or ``=`` as a value).
    """
    for tag, regexp in _RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            build = _BUILD.get(tag)
            if build is None:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"could not determine a constructor for the tag {tag!r}",
                    mark,
                )
            try:
                return build(value)
            except (ValueError, TypeError, KeyError, OverflowError) as exc:
                kind = tag.rpartition(":")[2]
                reason = (
                    f"invalid date {excerpt(value)}: {exc}"
                    if kind == "timestamp" and isinstance(exc, ValueError)
                    else f"{excerpt(value)} is not a valid {_KINDS.get(kind, kind)}"
                )
                raise _RefusedError(reason, mark) from None
    return value


def load(text: str, source: str) -> Any:
    """
    Parse *text* as one YAML document of goudenoor's subset (as strictly as
    every file is read; *source* names it in errors) and return its data.
    """
    return read(text, source)[0]


def read(text: str, source: str) -> tuple[Any, Positions]:
    """
    Parse *text* as one YAML document of goudenoor's subset.

    Returns plain Python data (dicts with string keys, lists, strings,
    ints, floats, bools, ``None`` and dates; ``None`` for a text without
    a document) and where each of its entries was written.

    Raises:
        FileFormatError: Bad syntax, an anchor, alias, tag, merge key or
            duplicate key, more than one document, or a document over
            :data:`MAX_NODES` or :data:`MAX_DEPTH`; located at the entry
            that is refused.
    """
    loader = _Loader(text)
    try:
        return _build(loader.get_event, _MAY_HOLD_CONTROL.search(text) is not None)
    except _RefusedError as exc:
        mark = exc.mark
        raise FileFormatError(
            exc.reason, source, mark.line + 1, mark.column + 1
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, source) from None
    except yaml.reader.ReaderError as exc:
        position = exc.position
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        raise FileFormatError(
            f"invalid YAML: character {exc.character!r} is not allowed ({exc.reason})",
            source,
            line,
            column,
        ) from None
    except ValueError:
        # PyYAML's pure-Python scanner raises a bare ValueError (from chr)
        # for an escape beyond U+10FFFF; the C one gives a ScannerError.
        mark = loader.get_mark()
        raise FileFormatError(
            "invalid YAML: an escape gives a code point beyond U+10FFFF",
            source,
            mark.line + 1,
            mark.column + 1,
        ) from None
    except yaml.YAMLError as exc:
        raise FileFormatError(f"invalid YAML: {exc}", source) from None
    finally:
        loader.dispose()


def _build(  # noqa: C901, PLR0912, PLR0915 - one loop over every event, without calls
    get: Callable[[], Any], controls: bool
) -> tuple[Any, Positions]:
    """
    The data and positions of the events *get* gives; strings are
    searched for :data:`_CONTROL` if *controls*.

    Each event is dropped as soon as it is used, so a load leaves nothing
    for the garbage collector but the data and its positions.
    """
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    most, deepest = MAX_NODES, MAX_DEPTH
    get()  # the stream's start
    event = get()
    if event.__class__ is yaml.StreamEndEvent:
        return None, NOWHERE  # no document: nothing, or only comments
    document = event.start_mark
    # The open mappings and lists, each with the table of where its entries
    # were written; the innermost one also in top, table and in_mapping.
    stack: list[tuple[Any, Any]] = []
    top: Any = None
    table: Any = None
    in_mapping = False
    root: Any = None
    key: str | None = None  # a mapping's key, until its value comes
    key_mark: _Mark = None
    count = 0
    while True:
        event = get()
        kind = event.__class__
        if kind is scalar:
            if event.anchor is not None or event.tag is not None:
                raise _refuse_extra(event)
            value = event.value
            mark = event.start_mark
            if in_mapping and key is None:  # a key: always the text as written
                if controls and (bad := _CONTROL.search(value)):
                    raise _RefusedError(_bad_character(bad.group()), mark)
                if value in top:
                    raise _RefusedError(f"duplicate key {excerpt(value)}", mark)
                if value == "<<" and event.implicit[0]:
                    raise _unsupported("merge keys", "<<", mark)
                key, key_mark = value, mark
                continue
            entry = key_mark if in_mapping else mark  # a value is shown at its key
            if controls and (bad := _CONTROL.search(value)):
                raise _RefusedError(_bad_character(bad.group()), entry)
            count += 1
            if count > most:
                raise _RefusedError(_TOO_MANY, entry)
            data = _plain(value, mark) if event.implicit[0] else value
            if in_mapping:
                top[key] = data
                table[key] = key_mark
                key = None
            elif top is not None:
                top.append(data)
                table.append(mark)
            else:  # the document is one value
                _single(get, document)
                return data, Positions((mark, None))
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None:
                raise _refuse_extra(event)
            mark = event.start_mark
            new: Any
            places: Any
            new, places = ({}, {}) if kind is mapping_start else ([], [])
            if in_mapping:
                if key is None:
                    raise _RefusedError(
                        "a mapping key must be a plain value, not a "
                        f"{'mapping' if kind is mapping_start else 'list'}",
                        mark,
                    )
                entry = key_mark
                top[key] = new
                table[key] = (key_mark, places)
                key = None
            elif top is not None:
                entry = mark
                top.append(new)
                table.append((mark, places))
            else:
                entry = mark
                root = (new, (mark, places))
            if len(stack) > deepest:
                raise _RefusedError(_TOO_DEEP, entry)
            count += 1
            if count > most:
                raise _RefusedError(_TOO_MANY, entry)
            stack.append((new, places))
            top, table, in_mapping = new, places, kind is mapping_start
        elif kind is mapping_end or kind is sequence_end:
            stack.pop()
            if not stack:
                _single(get, document)
                return root[0], Positions(root[1])
            top, table = stack[-1]
            in_mapping = top.__class__ is dict
        elif kind is alias:
            raise _unsupported("aliases", f"*{event.anchor}", event.start_mark)


def _single(get: Callable[[], Any], document: _Mark) -> None:
    """
    Check that the document that started at *document* is the only one.

    Raises:
        yaml.composer.ComposerError: Another document follows.
    """
    get()  # the document's end
    event = get()
    if event.__class__ is not yaml.StreamEndEvent:
        raise yaml.composer.ComposerError(
            "expected a single document in the stream",
            document,
            "but found another document",
            event.start_mark,
        )


def _syntax_error(exc: yaml.MarkedYAMLError, source: str) -> FileFormatError:
    mark = exc.problem_mark or exc.context_mark
    reason = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        reason = f"{exc.context}, {exc.problem}"
    if mark is None:
        return FileFormatError(f"invalid YAML: {reason}", source)
    return FileFormatError(
        f"invalid YAML: {reason}", source, mark.line + 1, mark.column + 1
    )


def dump(data: Any) -> str:
    """
    Render plain data as block-style YAML that goudenoor's YAML reader
    reads back to equal data. No control character is written raw: PyYAML
    escapes the C0 and C1 controls, and the bidirectional controls (the
    marks, embeddings, overrides and isolates) are written as ``\\u``
    escapes too.
    """
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=79,
    )
    # PyYAML counts the bidirectional controls as printable and writes
    # them raw, even in double quotes. A string that holds one is always
    # double-quoted (_represent_str), where the escape means the same
    # character, and nowhere else can one occur.
    return text.translate(_BIDI_ESCAPED)


_BIDI_ESCAPED = {ord(ch): f"\\u{ord(ch):04x}" for ch in BIDI_CONTROLS}


class _Dumper(yaml.SafeDumper):
    """
    A safe dumper that never writes anchors and aliases.
    """

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002 - part of the PyYAML API
        return True


def _represent_date(dumper: yaml.SafeDumper, value: datetime.date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_DOUBLE_QUOTED = frozenset("\x85\u2028\u2029") | BIDI_CONTROLS
"""What a string must be double-quoted for."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # PyYAML writes these line separators raw in plain and single-quoted
    # scalars, where they read back as a space; double quotes escape them.
    # A bidirectional control is escaped by dump() and needs them too.
    style = '"' if any(ch in _DOUBLE_QUOTED for ch in value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(datetime.date, _represent_date)
_Dumper.add_representer(str, _represent_str)
