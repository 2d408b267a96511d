"""
Safe YAML loading with positions, duplicate-key detection and limits.

Parsing is done by PyYAML's safe loader (the C one when available).
Mapping keys are always the text as written (``1.10`` stays ``"1.10"``),
duplicate keys and merge keys are refused, and the expanded size and
nesting of the document are capped while it is parsed, before anything is
composed, so that alias bombs, huge lists and deep nesting fail fast.
File positions are only computed when an error needs one
(:func:`locate`), so the common path stays fast.

A short text without tags, anchors, aliases or backslashes (an assessment,
typically) is read in one pass over the parser's events, which builds the
data directly (:func:`_load_plain`); such a text cannot pass the size
limits, and the nesting limit is kept while it is built. Anything else,
or anything that pass does not accept, is read by the full path: the
limits walk over the events, then PyYAML's composer and the strict
constructor, which say what is wrong.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import math
import re
import threading
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any

import yaml

from goudenoor._text import BIDI_CONTROLS
from goudenoor.exceptions import FileFormatError
from goudenoor.problems import PathElement, excerpt


MAX_BYTES = 8 * 1024 * 1024
"""
Largest file the loader reads (8 MiB); bigger ones are refused unread.
It also caps a document's written-out size with aliases expanded, as
:func:`written_size` estimates it, so that what is accepted is always
saved into a file that is accepted again.
"""

MAX_NODES = 200_000
"""Most values a document may hold once aliases are expanded."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists a document may have."""

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MERGE_TAG = "tag:yaml.org,2002:merge"

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""
What a string in a file may not hold, written or escaped: control
characters other than tab and line feed (C0, DEL, C1: a terminal acts on
them) and surrogate code points (not characters; UTF-8 cannot hold them).
"""

_KINDS = {"int": "integer", "float": "number", "bool": "boolean", "timestamp": "date"}
"""How YAML's tag names are said in messages."""


class _StrictLoader(_Loader):  # type: ignore[misc,valid-type]
    """
    A safe loader whose mappings refuse duplicate, merge and complex keys.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # PyYAML's constructors raise bare ValueError, KeyError, TypeError...
        # for values such as `!!int drie` or `!!bool misschien`.
        try:
            return super().construct_object(node, deep=deep)
        except (_NodeError, yaml.YAMLError, RecursionError):
            raise
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            kind = node.tag.rpartition(":")[2]
            if not isinstance(node, yaml.ScalarNode):
                reason = f"a {_node_kind(node)} cannot be read as {kind}"
            else:
                reason = (
                    f"{excerpt(node.value)} is not a valid {_KINDS.get(kind, kind)}"
                )
            raise _NodeError(reason, node) from None

    def construct_mapping(
        self, node: yaml.MappingNode, deep: bool = False
    ) -> dict[Hashable, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise _NodeError(
                f"a {node.tag.rpartition(':')[2]} tag needs a mapping, not a "
                f"{_node_kind(node)}",
                node,
            )
        mapping: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise _NodeError("merge keys (<<) are not supported", key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _NodeError(
                    "a mapping key must be a plain value, not a "
                    f"{_node_kind(key_node)}",
                    key_node,
                )
            key = key_node.value
            if key in mapping:
                raise _NodeError(f"duplicate key {excerpt(key)}", key_node)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    # PyYAML raises a bare ValueError for a date like 2026-13-01.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError as exc:
        raise _NodeError(f"invalid date {excerpt(node.value)}: {exc}", node) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


class _NodeError(Exception):
    def __init__(self, reason: str, node: yaml.Node) -> None:
        super().__init__(reason)
        self.reason = reason
        self.node = node


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "value"


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


_Mark = Any
"""A position in the text: ``yaml.Mark``, or the C parser's own kind."""


class _LimitError(Exception):
    def __init__(self, reason: str, mark: _Mark) -> None:
        super().__init__(reason)
        self.reason = reason
        self.mark = mark


_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels"
_TOO_BIG = f"document expands to more than {MAX_NODES:,} values (too many aliases?)"
_TOO_MANY = f"document holds more than the limit of {MAX_NODES:,} values"
_TOO_LONG = (
    f"document would take more than {MAX_BYTES:,} bytes written out with its "
    "aliases expanded (too many aliases?)"
)
_TOO_LONG_PLAIN = (
    f"document would take more than the limit of {MAX_BYTES:,} bytes written "
    "out (a byte of text counts as 3, room for the quotes and escapes a "
    "writer may add)"
)
"""
The size limits' messages: with an alias seen before the limit was passed
(an alias bomb, most likely), and without (a file that is just large).
"""
_RECURSIVE = "recursive structure (an alias refers to itself)"


class _Open:
    """
    A mapping or list whose end event has not come yet.
    """

    __slots__ = (
        "anchor",
        "depth",
        "height",
        "key_mark",
        "key_next",
        "lines",
        "mapping",
        "size",
        "start",
    )

    def __init__(
        self, *, mapping: bool, anchor: str | None, start: int, limits: _Limits
    ) -> None:
        self.mapping = mapping
        self.key_next = mapping
        self.key_mark: _Mark | None = None
        self.anchor = anchor
        self.start = start
        self.depth = len(limits.stack)
        self.size = limits.size
        self.lines = limits.lines
        self.height = 0
        """How many levels of mappings and lists lie below this one so far."""


class _Anchor:
    """
    What an alias of an anchor repeats: its values, height, written size
    and lines, and the depth it was written at (each level deeper adds 2
    bytes to each line).
    """

    __slots__ = ("depth", "height", "lines", "size", "values")

    def __init__(
        self, values: int, height: int, size: int, lines: int, depth: int
    ) -> None:
        self.values = values
        self.height = height
        self.size = size
        self.lines = lines
        self.depth = depth


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_MAYBE_NOT_TEXT = frozenset("-+.0123456789~nNoOtTfFyY")
"""How a plain value that may read as a number, date, boolean or null starts."""


def written_size(text: str | None, depth: int, *, written: int | None = None) -> int:
    """
    The most bytes an entry *depth* levels deep takes when the document is
    written out in block style, as :func:`dump` writes it: *text* is a key
    or a value, ``None`` the start of a mapping or list; *written* is how
    long a number, date, boolean or null is written (:func:`_written`),
    which may differ from *text* (``.5`` is written ``0.5``).

    A line takes at most ``2 * depth`` bytes of indentation and 4 more (a
    key's quotes or ``- ``, ``: ``, the line end); a text takes a line
    for each line feed it holds. Three bytes per byte of text cover the
    quotes and escapes a writer adds (``\\t`` for a tab, ``\\"`` for a
    quote, ``\\ufeff`` for a byte order mark) and the folding of long
    lines.

    The size depends on the loaded data only, not on how it was written,
    and is at least what :func:`dump` writes for data nested less than
    about 20 levels (every goudenoor format is): so a document within
    :data:`MAX_BYTES` is written out within it, and that text is within
    it too. The XLSX reader uses the same model: a cell's text is a value.
    """
    if text is None:
        return 2 * depth + 4
    size = len(text.encode("utf-8", "surrogatepass")) if written is None else written
    return 3 * size + (2 * depth + 4) * (1 + text.count("\n"))


def _written(loader: yaml.SafeLoader, event: yaml.ScalarEvent) -> int | None:
    """
    How long the value of a scalar that reads as a number, date, boolean
    or null is written by :func:`dump` (an integral number as an integer or
    as a float), or ``None`` for text.
    """
    value, tag = event.value, event.tag
    if tag is None or tag == "!":
        if not event.implicit[0] or (value and value[0] not in _MAYBE_NOT_TEXT):
            return None  # quoted, or plain text
        if value.isdigit() and value.isascii() and (len(value) == 1 or value[0] != "0"):
            return len(value)  # a plain decimal integer, the most common case
        if _ISO_DATE.fullmatch(value):
            return len(value)  # a date, written as it is (or refused when built)
        tag = loader.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
    return _written_as(loader, tag, value)


def _written_as(loader: yaml.SafeLoader, tag: str, value: str) -> int | None:
    kind = tag.rpartition(":")[2]
    if kind in ("bool", "null"):
        return 5
    if kind not in ("int", "float", "timestamp"):
        return None
    constructor = getattr(yaml.SafeLoader, f"construct_yaml_{kind}")
    try:
        number = constructor(loader, yaml.ScalarNode(tag, value))
        if isinstance(number, datetime.date):
            return len(number.isoformat())
        if isinstance(number, int):
            return len(str(number))
        shown = yaml.SafeDumper.represent_float(_DUMPER, number).value
        if math.isfinite(number) and number.is_integer():
            return max(len(shown), len(str(int(number))))
        return len(shown)
    except (ValueError, TypeError, OverflowError, AttributeError, IndexError):
        return None  # `!!int ''`, `!!timestamp gisteren`: refused when it is built


class _Limits:
    """
    The running state of :func:`_check_limits`.
    """

    def __init__(self, loader: yaml.SafeLoader) -> None:
        self.loader = loader
        self.stack: list[_Open] = []
        self.count = 0
        """Values so far, aliases expanded."""
        self.size = 0
        """Bytes written out so far (:func:`written_size`), aliases expanded."""
        self.lines = 0
        """Lines written out so far (:func:`written_size`), aliases expanded."""
        self.anchors: dict[str, _Anchor] = {}
        self.aliased = False
        """Whether an alias has been seen (the messages name it if so)."""

    def entry(self, event: yaml.Event) -> tuple[bool, _Mark]:
        """
        Whether *event* starts a mapping key, and the mark that shows its
        entry: a mapping value is shown at its key, as `locate` does.
        """
        parent = self.stack[-1] if self.stack else None
        if parent is None or not parent.mapping:
            return False, event.start_mark
        is_key = parent.key_next
        parent.key_next = not is_key
        if is_key:
            parent.key_mark = event.start_mark
            return True, event.start_mark
        return False, parent.key_mark or event.start_mark

    def scalar(self, event: yaml.ScalarEvent, mark: _Mark, *, is_key: bool) -> None:
        value = event.value
        bad = _CONTROL.search(value)
        if bad is not None:
            raise _LimitError(_bad_character(bad.group()), mark)
        depth = len(self.stack)
        lines = 1 + value.count("\n")
        text = (
            len(value)
            if value.isascii()
            else len(value.encode("utf-8", "surrogatepass"))
        )
        # A key is always text (1.10 stays "1.10"); a value may be a number.
        # The checks before _written keep the common case (text) cheap.
        written = (
            _written(self.loader, event)
            if not is_key
            and (
                event.tag is not None
                or (event.implicit[0] and (not value or value[0] in _MAYBE_NOT_TEXT))
            )
            else None
        )
        line = 2 * depth + 4
        size = 3 * (text if written is None else written) + line * lines  # written_size
        if event.anchor is not None:
            # An alias may be used as a key or a value: count the larger.
            largest = max(size, 3 * text + line * lines)
            self.anchors[event.anchor] = _Anchor(1, -1, largest, lines, depth)
        self.count += not is_key
        self.size += size
        self.lines += lines

    def alias(self, event: yaml.AliasEvent, mark: _Mark) -> None:
        self.aliased = True
        name = event.anchor or ""
        if any(item.anchor == name for item in self.stack):
            raise _LimitError(_RECURSIVE, mark)
        anchor = self.anchors.get(name)
        if anchor is None:  # the composer reports an undefined alias
            self.count += 1
            return
        if anchor.height >= 0:
            if len(self.stack) + anchor.height > MAX_DEPTH:
                raise _LimitError(_TOO_DEEP, mark)
            self.below(anchor.height)
        self.count += anchor.values
        deeper = max(0, len(self.stack) - anchor.depth)
        self.size += anchor.size + 2 * deeper * anchor.lines
        self.lines += anchor.lines

    def start(self, event: yaml.CollectionStartEvent, mark: _Mark) -> None:
        if len(self.stack) > MAX_DEPTH:
            raise _LimitError(_TOO_DEEP, mark)
        self.count += 1
        self.size += written_size(None, len(self.stack))
        self.lines += 1
        self.stack.append(
            _Open(
                mapping=isinstance(event, yaml.MappingStartEvent),
                anchor=event.anchor,
                start=self.count - 1,
                limits=self,
            )
        )

    def end(self) -> None:
        done = self.stack.pop()
        if done.anchor is not None:
            self.anchors[done.anchor] = _Anchor(
                self.count - done.start,
                done.height,
                self.size - done.size + written_size(None, done.depth),
                self.lines - done.lines + 1,
                done.depth,
            )
        self.below(done.height)

    def below(self, height: int) -> None:
        """
        Note a collection *height* levels high inside the open one.
        """
        if self.stack and self.stack[-1].height <= height:
            self.stack[-1].height = height + 1


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


def _check_limits(loader: yaml.SafeLoader) -> None:
    """
    Walk the parser's events and refuse a document that is nested deeper
    than :data:`MAX_DEPTH`, holds more than :data:`MAX_NODES` values or
    would take more than :data:`MAX_BYTES` bytes written out
    (:func:`written_size`) once every alias is expanded (each use counts
    its anchor's size), or has a string with a character that
    :data:`_CONTROL` refuses (written raw or as an escape).

    This runs before anything is composed: PyYAML's C composer recurses
    once per level of nesting and overflows the C stack at tens of
    thousands of levels, and composing a huge document only to refuse it
    takes as long as reading it. The parser keeps its own stack, so
    walking its events is safe at any depth, and a document is refused at
    the event that passes a limit. Values are counted as the loaded data
    holds them: a mapping, a list and a value count one each; mapping
    keys are not counted as values (their bytes are).

    Raises:
        _LimitError: With the mark of the entry that passed a limit.
    """
    limits = _Limits(loader)
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    start, end = yaml.CollectionStartEvent, yaml.CollectionEndEvent
    try:
        event = loader.get_event()  # type: ignore[no-untyped-call]
        while event is not None:
            if isinstance(event, end):
                limits.end()
            elif isinstance(event, (scalar, alias, start)):
                is_key, mark = limits.entry(event)
                if isinstance(event, scalar):
                    limits.scalar(event, mark, is_key=is_key)
                elif isinstance(event, alias):
                    limits.alias(event, mark)
                else:
                    limits.start(event, mark)
                if limits.count > MAX_NODES:
                    raise _LimitError(_TOO_BIG if limits.aliased else _TOO_MANY, mark)
                if limits.size > MAX_BYTES:
                    raise _LimitError(
                        _TOO_LONG if limits.aliased else _TOO_LONG_PLAIN, mark
                    )
            event = loader.get_event()  # type: ignore[no-untyped-call]
    except ValueError:
        # PyYAML's pure-Python scanner raises a bare ValueError (from chr)
        # for an escape beyond U+10FFFF; the C one gives a ScannerError.
        raise _LimitError(
            "invalid YAML: an escape gives a code point beyond U+10FFFF",
            loader.get_mark(),
        ) from None


FAST_CHARACTERS = 16 * 1024
"""
The longest text (in characters) that :func:`load` first reads in one
pass (:func:`_load_plain`), without walking the limits first; see
:func:`_one_pass_characters` for why such a text cannot pass them.
"""

_MOST_WRITTEN_PER_CHARACTER = 3 * 45
"""
The most bytes a character of a value is written out as: the last digit of
``1.e+308`` (7 characters), a float written in full as an integer of 309
digits (:func:`written_size` counts 3 bytes per byte).
"""


def _one_pass_characters() -> int:
    """
    The longest text that cannot pass :data:`MAX_NODES` or
    :data:`MAX_BYTES` unless it has aliases (which :func:`_load_plain`
    leaves to the full path), at most :data:`FAST_CHARACTERS`.

    Every entry (a key, a value, a mapping, a list) and every line of a
    value takes at least one character of the text, so a text holds at
    most two values per character (``{a}``: a mapping, a key and an empty
    value), and each takes at most ``2 * MAX_DEPTH + 4`` bytes of
    indentation and line end; a character of a value is written in at
    most :data:`_MOST_WRITTEN_PER_CHARACTER` bytes.
    ``tests/files/test_yaml_one_pass.py`` loads the worst cases found
    for each limit both ways.
    """
    per_character = _MOST_WRITTEN_PER_CHARACTER + 2 * (2 * MAX_DEPTH + 4)
    return min(FAST_CHARACTERS, MAX_NODES // 2, MAX_BYTES // per_character)


_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\\\\]")
"""
What sends a text to the full path: :data:`_CONTROL` less the carriage
return (a line break, which YAML reads as a line feed), and backslashes
(an escape may write a control character).
"""

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _NotPlainError(Exception):
    """
    The text holds something :func:`_load_plain` leaves to the full path.
    """


_CONSTRUCTOR = yaml.SafeLoader("")
"""Only for its scalar constructors (stateless), never for reading."""


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
    _BOOL: lambda value: _CONSTRUCTOR.bool_values[value.lower()],
    _NULL: lambda _: None,
    _TIMESTAMP: _timestamp,
}
"""
How a plain value is built, by the tag YAML's resolver gives it (the same
constructors :class:`_StrictLoader` uses). A tag not here (a merge key
``<<`` or ``=`` as a value) raises KeyError: the full path says why.
"""


def _scalar(value: str, plain: bool) -> object:
    """
    The value of an untagged scalar, as :class:`_StrictLoader` constructs
    it: the first implicit resolver that matches a plain value decides.
    """
    if plain:
        for tag, regexp in _StrictLoader.yaml_implicit_resolvers.get(value[:1], ()):
            if regexp.match(value):
                return _BUILD[tag](value)
    return value


def _events(text: str) -> list[Any]:
    loader = _Loader(text)
    try:
        return list(iter(loader.get_event, None))
    finally:
        loader.dispose()


def _load_plain(text: str) -> Any:
    """
    Build the data of *text* in one pass over the parser's events, if it is
    one document without tags, anchors and aliases, with unique plain keys
    and at most :data:`MAX_DEPTH` levels.

    Each event is dropped as soon as it is used, so a load leaves nothing
    for the garbage collector but the data (a list of the events, kept for
    the length of a load, made loading 10,000 files with the collector on
    cost a third more).

    Raises:
        _NotPlainError: The text holds anything else; the full path reads it
            (and says what is wrong, if anything).
    """
    loader = _Loader(text)
    try:
        get: Callable[[], Any] = loader.get_event
        if not isinstance(get(), yaml.StreamStartEvent) or not isinstance(
            get(), yaml.DocumentStartEvent
        ):
            raise _NotPlainError  # an empty stream
        root = _plain_node(get)
        if not isinstance(get(), yaml.DocumentEndEvent) or not isinstance(
            get(), yaml.StreamEndEvent
        ):
            raise _NotPlainError  # a second document
        return root
    finally:
        loader.dispose()


def _plain_node(get: Callable[[], Any]) -> Any:  # noqa: C901, PLR0912 - one loop over every event, without calls
    """
    The data of the next node of the events *get* gives (see
    :func:`_load_plain`).
    """
    scalar, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    stack: list[Any] = []
    root: Any = None
    key: str | None = None
    while True:
        event = get()
        kind = type(event)
        if kind is scalar:
            if event.tag is not None or event.anchor is not None:
                raise _NotPlainError
            plain = event.implicit[0]
            if not stack:
                return _scalar(event.value, plain)
            top = stack[-1]
            if top.__class__ is list:
                top.append(_scalar(event.value, plain))
            elif key is None:
                key = event.value
                if key in top or (plain and key == "<<"):
                    raise _NotPlainError
            else:
                top[key] = _scalar(event.value, plain)
                key = None
        elif kind is mapping_start or kind is sequence_start:
            if event.tag is not None or event.anchor is not None:
                raise _NotPlainError
            if len(stack) >= MAX_DEPTH:
                raise _NotPlainError
            new: Any = {} if kind is mapping_start else []
            if not stack:
                root = new
            else:
                top = stack[-1]
                if top.__class__ is list:
                    top.append(new)
                elif key is None:
                    raise _NotPlainError  # a mapping or list as a key
                else:
                    top[key] = new
            key = None
            stack.append(new)
        elif kind in ends:
            stack.pop()
            if not stack:
                return root
        else:
            raise _NotPlainError  # an alias


_KEPT = threading.local()
"""Composed documents kept for :func:`locate_all` while their loader is
checking them: ``id(text) -> (text, node)``, per thread (see :func:`kept`)."""


@contextlib.contextmanager
def kept() -> Iterator[None]:
    """
    Within this block, :func:`load` keeps each document it composes (a text
    it does not read in one pass) so that :func:`locate_all` finds the
    positions of problems in that composition instead of parsing the text
    again; they are dropped when the block ends. A text read in one pass is
    short: it is parsed again to locate its problems.
    """
    previous = getattr(_KEPT, "documents", None)
    _KEPT.documents = {}
    try:
        yield
    finally:
        _KEPT.documents = previous


def _one_pass_may_read(text: str) -> bool:
    """
    Whether *text* is short enough for the one pass and holds nothing
    that sends it to the full path before it is parsed.
    """
    return len(text) <= _one_pass_characters() and _RAW_CONTROL.search(text) is None


class _Collector:
    """
    Pauses Python's cyclic garbage collector while a document is composed
    and built (:meth:`paused`), and resumes it as it was.

    The collector runs every few hundred new objects, and a full collection
    visits every live object: while a large document is built, the node
    tree and the data grow with the text, so each collection visits more,
    and loading time grew faster than the text (at the size limits, 1.4x
    the time per MB at a quarter of them, with the collector taking about
    half of the time; see docs/performance.md). A document is a tree (a
    recursive alias is refused before it is built), so it has no cycles
    for the collector to find; the loader's own, if any, are collected once
    it runs again. Threads share the collector: it is paused while any
    thread builds a document and resumed, if it was running before, when
    the last one is done; one that the program turned off stays off.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._builders = 0
        self._was_enabled = False

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        with self._lock:
            if self._builders == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._builders += 1
        try:
            yield
        finally:
            with self._lock:
                self._builders -= 1
                if self._builders == 0 and self._was_enabled:
                    gc.enable()


_COLLECTOR = _Collector()


def collector_paused() -> contextlib.AbstractContextManager[None]:
    """
    Python's cyclic garbage collector paused for the block (see
    :class:`_Collector`): for the code that builds the model objects of
    a document, whose number grows with the text as the data's does.
    """
    return _COLLECTOR.paused()


_FULL_PATH = object()
"""What :func:`_one_pass` gives for a text that the full path must read."""


def _one_pass(text: str) -> Any:
    """
    The data of *text* read in one pass (:func:`_load_plain`), or
    :data:`_FULL_PATH`.
    """
    try:
        data = _load_plain(text)
    except (
        _NotPlainError,
        yaml.YAMLError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        AttributeError,
        OverflowError,
    ):
        return _FULL_PATH  # read again by the full path, which says what is wrong
    return data


def load(text: str, source: str) -> Any:
    """
    Parse *text* as one YAML document.

    Returns plain Python data: dicts with string keys, lists, strings,
    ints, floats, bools, ``None`` and dates.

    Raises:
        FileFormatError: Bad syntax, a duplicate or merge key, more than
            one document, or a document over :data:`MAX_NODES` or
            :data:`MAX_DEPTH`.
    """
    if _one_pass_may_read(text):
        data = _one_pass(text)
        if data is not _FULL_PATH:
            return data
    try:
        walker = _Loader(text)
        try:
            _check_limits(walker)
        finally:
            walker.dispose()
        loader = _StrictLoader(text)
        try:
            with collector_paused():
                node = loader.get_single_node()
                data = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
        documents = getattr(_KEPT, "documents", None)
        if documents is not None:
            documents[id(text)] = (text, node)
        return data  # noqa: TRY300 - the handlers below are for the parse
    except _LimitError as exc:
        raise FileFormatError(
            exc.reason, source, exc.mark.line + 1, exc.mark.column + 1
        ) from None
    except _NodeError as exc:
        mark = exc.node.start_mark
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
    except yaml.YAMLError as exc:
        raise FileFormatError(f"invalid YAML: {exc}", source) from None


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


def locate(text: str, path: Sequence[PathElement]) -> tuple[int, int] | None:
    """
    Find the 1-based line and column of the item at *path* in *text*.

    For a mapping entry this is the position of its key.
    Where the path goes further than the document (a missing key), the
    position of the deepest item that exists is returned.
    Returns ``None`` if *text* cannot be composed.
    """
    return locate_all(text, [path])[0]


def locate_all(
    text: str, paths: Sequence[Sequence[PathElement]]
) -> list[tuple[int, int] | None]:
    """
    :func:`locate` for many paths, composing *text* only once.
    """
    documents = getattr(_KEPT, "documents", None) or {}
    known = documents.get(id(text))
    if known is not None and known[0] is text:
        node = known[1]
    elif _one_pass_may_read(text):
        # Read in one pass, which keeps nothing: parsed again (a short text),
        # without PyYAML's composer if that pass can read it.
        try:
            node = _compose_plain(_events(text))
        except (_NotPlainError, yaml.YAMLError, IndexError):
            node = _composed(text)
    else:
        node = _composed(text)
    if node is None:
        return [None for _ in paths]
    children = _Children()
    # Where each path prefix leads: its mark, and its node (None once a step
    # was not found; the deepest mark that exists stands for the rest).
    # Paths share their prefixes (ratings.<id>...), so each is walked once.
    reached: dict[tuple[PathElement, ...], tuple[yaml.Mark, yaml.Node | None]] = {
        (): (node.start_mark, node)
    }

    def reach(prefix: tuple[PathElement, ...]) -> tuple[yaml.Mark, yaml.Node | None]:
        known = reached.get(prefix)
        if known is None:
            mark, current = reach(prefix[:-1])
            step = None if current is None else children.child(current, prefix[-1])
            known = (mark, None) if step is None else step
            reached[prefix] = known
        return known

    found: list[tuple[int, int] | None] = []
    for path in paths:
        mark = reach(tuple(path))[0]
        found.append((mark.line + 1, mark.column + 1))
    return found


def _composed(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError):
        return None


def _compose_plain(events: list[Any]) -> yaml.Node:
    """
    The nodes of the *events* that :func:`_load_plain` read (no tags,
    anchors or aliases), with their marks, for :func:`locate_all`.
    """
    stack: list[yaml.CollectionNode] = []
    root: yaml.Node | None = None
    if len(events) < 5:  # noqa: PLR2004 - the stream's frame and one node
        raise _NotPlainError
    for event in events[2:-2]:
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            continue
        if (
            not isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent))
            or event.anchor is not None
            or event.tag is not None
        ):
            raise _NotPlainError
        node: yaml.Node
        mark: Any = event.start_mark  # the C parser's own kind of mark
        if isinstance(event, yaml.ScalarEvent):
            node = yaml.ScalarNode(_STR, event.value, mark)
        else:
            node = (
                yaml.MappingNode("tag:yaml.org,2002:map", [], mark)
                if isinstance(event, yaml.MappingStartEvent)
                else yaml.SequenceNode("tag:yaml.org,2002:seq", [], mark)
            )
        if not stack:
            root = node
        else:
            _attach(stack[-1], node)
        if not isinstance(node, yaml.ScalarNode):
            stack.append(node)
    if root is None:  # _load_plain read one node
        raise _NotPlainError
    return root


def _attach(parent: yaml.CollectionNode, node: yaml.Node) -> None:
    if isinstance(parent, yaml.SequenceNode):
        parent.value.append(node)
    elif parent.value and len(parent.value[-1]) == 1:  # a key without its value
        parent.value[-1] = (parent.value[-1][0], node)
    else:
        parent.value.append((node,))


class _Children:
    """
    The entries of the mappings of a composed document, indexed by key the
    first time a path goes through them: finding n paths costs the size of
    the document plus the length of the paths, not n scans of a mapping.
    """

    def __init__(self) -> None:
        self.keys: dict[int, dict[str, tuple[yaml.Mark, yaml.Node]]] = {}

    def child(
        self, node: yaml.Node, element: PathElement
    ) -> tuple[yaml.Mark, yaml.Node] | None:
        if isinstance(node, yaml.MappingNode):
            keys = self.keys.get(id(node))
            if keys is None:
                keys = {}
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        keys.setdefault(
                            key_node.value, (key_node.start_mark, value_node)
                        )
                self.keys[id(node)] = keys
            return keys.get(element) if isinstance(element, str) else None
        if (
            isinstance(node, yaml.SequenceNode)
            and isinstance(element, int)
            and 0 <= element < len(node.value)
        ):
            item = node.value[element]
            return item.start_mark, item
        return None


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


_DUMPER = _Dumper(None)  # type: ignore[arg-type]
"""Only for its representers (how a float is written), never for output."""


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
