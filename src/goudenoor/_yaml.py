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


class _StrictLoader(_Loader):  # type: ignore[misc,valid-type]
    """
    A safe loader whose mappings refuse duplicate, merge and complex keys.
    """

    def construct_mapping(
        self, node: yaml.MappingNode, deep: bool = False
    ) -> dict[Hashable, Any]:
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
    except yaml.YAMLError as exc:
        raise FileFormatError(f"invalid YAML: {exc}", source) from None
    except RecursionError:
        raise FileFormatError(
            f"nesting deeper than {MAX_DEPTH} levels", source
        ) from None
    finally:
        loader.dispose()
    _check_size(data, source)
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


def _check_size(data: Any, source: str) -> None:
    """
    Refuse documents whose expansion (aliases counted every time they are
    used) exceeds the limits, and recursive documents.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(value: Any, depth: int) -> int:
        if not isinstance(value, (dict, list)):
            return 1
        if depth > MAX_DEPTH:
            raise FileFormatError(f"nesting deeper than {MAX_DEPTH} levels", source)
        key = id(value)
        if key in active:
            raise FileFormatError(
                "recursive structure (an alias refers to itself)", source
            )
        known = sizes.get(key)
        if known is not None:
            return known
        active.add(key)
        children = value.values() if isinstance(value, dict) else value
        total = 1
        for child in children:
            total += size(child, depth + 1)
            if total > MAX_NODES:
                raise FileFormatError(
                    f"document expands to more than {MAX_NODES:,} values "
                    "(too many aliases?)",
                    source,
                )
        active.discard(key)
        sizes[key] = total
        return total

    size(data, 0)


def locate(text: str, path: Sequence[PathElement]) -> tuple[int, int] | None:
    """
    Find the 1-based line and column of the item at *path* in *text*.

    For a mapping entry this is the position of its key.
    Where the path goes further than the document (a missing key), the
    position of the deepest item that exists is returned.
    Returns ``None`` if *text* cannot be composed.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    mark = node.start_mark
    for element in path:
        found = _child(node, element)
        if found is None:
            break
        mark, node = found
    return mark.line + 1, mark.column + 1


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
