"""
Safe YAML loading with positions, duplicate-key detection and limits.

Parsing is done by PyYAML's safe loader (the C one when available).
Mapping keys are always the text as written (``1.10`` stays ``"1.10"``),
duplicate keys and merge keys are refused, and the expanded size and
nesting of the document are capped while it is parsed, before anything is
composed, so that alias bombs, huge lists and deep nesting fail fast.
File positions are only computed when an error needs one
(:func:`locate`), so the common path stays fast.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Sequence
from typing import Any

import yaml

from .exceptions import FileFormatError, PathElement


MAX_BYTES = 8 * 1024 * 1024
"""Largest file the loader reads (8 MiB); bigger ones are refused unread."""

MAX_NODES = 200_000
"""Most values a document may hold once aliases are expanded."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists a document may have."""

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MERGE_TAG = "tag:yaml.org,2002:merge"

_SHOWN = 40
"""How much of a bad value a message shows."""

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
                value = node.value
                shown = value if len(value) <= _SHOWN else value[: _SHOWN - 3] + "..."
                reason = f"{shown!r} is not a valid {_KINDS.get(kind, kind)}"
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
                raise _NodeError(f"duplicate key {key!r}", key_node)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    # PyYAML raises a bare ValueError for a date like 2026-13-01.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError as exc:
        raise _NodeError(f"invalid date {node.value!r}: {exc}", node) from None


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
_RECURSIVE = "recursive structure (an alias refers to itself)"


class _Open:
    """
    A mapping or list whose end event has not come yet.
    """

    __slots__ = ("anchor", "height", "key_mark", "key_next", "mapping", "start")

    def __init__(self, *, mapping: bool, anchor: str | None, start: int) -> None:
        self.mapping = mapping
        self.key_next = mapping
        self.key_mark: _Mark | None = None
        self.anchor = anchor
        self.start = start
        self.height = 0
        """How many levels of mappings and lists lie below this one so far."""


class _Limits:
    """
    The running state of :func:`_check_limits`.
    """

    def __init__(self) -> None:
        self.stack: list[_Open] = []
        self.count = 0
        """Values so far, aliases expanded."""
        self.anchors: dict[str, tuple[int, int]] = {}
        """Anchor -> (values, height); height -1 for a plain value."""

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

    def alias(self, event: yaml.AliasEvent, mark: _Mark) -> None:
        name = event.anchor or ""
        if any(item.anchor == name for item in self.stack):
            raise _LimitError(_RECURSIVE, mark)
        size, height = self.anchors.get(name, (1, -1))
        if height >= 0:
            if len(self.stack) + height > MAX_DEPTH:
                raise _LimitError(_TOO_DEEP, mark)
            self.below(height)
        self.count += size

    def start(self, event: yaml.CollectionStartEvent, mark: _Mark) -> None:
        if len(self.stack) > MAX_DEPTH:
            raise _LimitError(_TOO_DEEP, mark)
        self.count += 1
        self.stack.append(
            _Open(
                mapping=isinstance(event, yaml.MappingStartEvent),
                anchor=event.anchor,
                start=self.count - 1,
            )
        )

    def end(self) -> None:
        done = self.stack.pop()
        if done.anchor is not None:
            self.anchors[done.anchor] = (self.count - done.start, done.height)
        self.below(done.height)

    def below(self, height: int) -> None:
        """
        Note a collection *height* levels high inside the open one.
        """
        if self.stack and self.stack[-1].height <= height:
            self.stack[-1].height = height + 1


def _check_limits(loader: yaml.SafeLoader) -> None:
    """
    Walk the parser's events and refuse a document that is nested deeper
    than :data:`MAX_DEPTH` or holds more than :data:`MAX_NODES` values
    once every alias is expanded (each use counts its anchor's size).

    This runs before anything is composed: PyYAML's C composer recurses
    once per level of nesting and overflows the C stack at tens of
    thousands of levels, and composing a huge document only to refuse it
    takes as long as reading it. The parser keeps its own stack, so
    walking its events is safe at any depth, and a document is refused at
    the event that passes a limit. Values are counted as the loaded data
    holds them: a mapping, a list and a value count one each; mapping
    keys are not counted.

    Raises:
        _LimitError: With the mark of the entry that passed a limit.
    """
    limits = _Limits()
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    start, end = yaml.CollectionStartEvent, yaml.CollectionEndEvent
    event = loader.get_event()  # type: ignore[no-untyped-call]
    while event is not None:
        if isinstance(event, end):
            limits.end()
        elif isinstance(event, (scalar, alias, start)):
            is_key, mark = limits.entry(event)
            if isinstance(event, scalar):
                if event.anchor is not None:
                    limits.anchors[event.anchor] = (1, -1)
                limits.count += not is_key
            elif isinstance(event, alias):
                limits.alias(event, mark)
            else:
                limits.start(event, mark)
            if limits.count > MAX_NODES:
                raise _LimitError(_TOO_BIG, mark)
        event = loader.get_event()  # type: ignore[no-untyped-call]


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
    try:
        walker = _Loader(text)
        try:
            _check_limits(walker)
        finally:
            walker.dispose()
        loader = _StrictLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
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
    try:
        node = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError):
        node = None
    if node is None:
        return [None for _ in paths]
    found: list[tuple[int, int] | None] = []
    for path in paths:
        current, mark = node, node.start_mark
        for element in path:
            step = _child(current, element)
            if step is None:
                break
            mark, current = step
        found.append((mark.line + 1, mark.column + 1))
    return found


def _child(node: yaml.Node, element: PathElement) -> tuple[yaml.Mark, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == element:
                return key_node.start_mark, value_node
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
    Render plain data as block-style YAML that :func:`load` reads back
    to equal data.
    """
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=79,
    )


class _Dumper(yaml.SafeDumper):
    """
    A safe dumper that never writes anchors and aliases.
    """

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002 - part of the PyYAML API
        return True


def _represent_date(dumper: yaml.SafeDumper, value: datetime.date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # PyYAML writes these line separators raw in plain and single-quoted
    # scalars, where they read back as a space; double quotes escape them.
    style = '"' if any(ch in value for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(datetime.date, _represent_date)
_Dumper.add_representer(str, _represent_str)
