"""
Safe YAML loading with positions, duplicate-key detection and limits.

Parsing is done by PyYAML's safe loader (the C one when available).
Mapping keys are always the text as written (``1.10`` stays ``"1.10"``),
duplicate keys and merge keys are refused, and the expanded size and
nesting of the document are capped so that alias bombs fail fast.
File positions are only computed when an error needs one
(:func:`locate`), so the common path stays fast.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Hashable, Sequence
from typing import Any, NoReturn

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


_FLOW_OPEN = re.compile(r"[\[{]")
_FLOW_TOKENS = re.compile(
    r"""
      (?:(?<=[\s\[{,:])|^) '(?:[^']|'')*'       # a single-quoted string
    | (?:(?<=[\s\[{,:])|^) "(?:[^"\\]|\\.)*"  # a double-quoted string
    | (?:(?<=\s)|^) \#[^\n]*                    # a comment
    | [\[\]{}]                                  # a bracket
    """,
    re.MULTILINE | re.VERBOSE,
)


_FLOW_GUARD = 16 * MAX_DEPTH
"""Flow nesting refused before parsing (deeper than MAX_DEPTH but shallower
than this is refused after parsing, at its exact place)."""


_COMPACT_BLOCK = re.compile(rf"(?:[-?][ \t]+){{{_FLOW_GUARD}}}")
"""Block lists or complex keys nested on one line (``- - - - x``)."""


def _refuse_depth(text: str, source: str, at: int) -> NoReturn:
    raise FileFormatError(
        f"nesting deeper than {MAX_DEPTH} levels",
        source,
        text.count("\n", 0, at) + 1,
        at - (text.rfind("\n", 0, at) + 1) + 1,
    )


def _check_flow_depth(text: str, source: str) -> None:
    """
    Refuse flow collections (``[[[...`` or ``{{{...``) nested far deeper
    than :data:`MAX_DEPTH` before PyYAML's C composer, which recurses once
    per level, can overflow the C stack on them (at tens of thousands).

    Brackets inside quoted strings and comments are not counted; the scan
    runs only when the text has enough brackets to matter.
    """
    compact = _COMPACT_BLOCK.search(text)
    if compact is not None:
        _refuse_depth(text, source, compact.start())
    if len(_FLOW_OPEN.findall(text)) <= _FLOW_GUARD:
        return
    depth = 0
    for match in _FLOW_TOKENS.finditer(text):
        found = match.group()
        if found in "[{":
            depth += 1
            if depth > _FLOW_GUARD:
                _refuse_depth(text, source, match.start())
        elif found in "]}" and depth:
            depth -= 1


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
    _check_flow_depth(text, source)
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
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
    except RecursionError:
        raise FileFormatError(
            f"nesting deeper than {MAX_DEPTH} levels", source
        ) from None
    finally:
        loader.dispose()
    try:
        _check_size(data)
    except _SizeError as exc:
        found = locate(text, exc.path)
        if found is None:  # pragma: no cover - the text composed a moment ago
            raise FileFormatError(exc.reason, source) from None
        raise FileFormatError(exc.reason, source, *found) from None
    return data


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


class _SizeError(Exception):
    def __init__(self, reason: str, path: tuple[PathElement, ...]) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path


def _check_size(data: Any) -> None:
    """
    Refuse documents whose expansion (aliases counted every time they are
    used) exceeds the limits, and recursive documents.

    Raises:
        _SizeError: With the path where a limit was passed.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(value: Any, path: tuple[PathElement, ...]) -> int:
        if not isinstance(value, (dict, list)):
            return 1
        if len(path) > MAX_DEPTH:
            raise _SizeError(f"nesting deeper than {MAX_DEPTH} levels", path)
        key = id(value)
        if key in active:
            raise _SizeError("recursive structure (an alias refers to itself)", path)
        known = sizes.get(key)
        if known is not None:
            return known
        active.add(key)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        total = 1
        for step, child in items:
            total += size(child, (*path, step))
            if total > MAX_NODES:
                raise _SizeError(
                    f"document expands to more than {MAX_NODES:,} values "
                    "(too many aliases?)",
                    (*path, step),
                )
        active.discard(key)
        sizes[key] = total
        return total

    size(data, ())


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
