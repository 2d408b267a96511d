"""
Reading and parsing one YAML file into a model object: the size and file-kind
checks, the format marker, and problems located at their line and column.

yaml and cattrs are imported inside the functions that parse, not when the
file layer is imported (the shipped editions load from a precompiled cache
without them).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from goudenoor.exceptions import (
    EmptyPathError,
    FileFormatError,
    ValidationError,
)
from goudenoor.files._positions import Positions
from goudenoor.problems import Problem


__all__ = [
    "MARKER",
    "check_marker",
    "located",
    "marked_from_text",
    "open_regular",
    "outside_folder",
    "parse",
    "read_file",
    "read_input",
    "read_stdin",
    "read_string",
    "STDIN",
    "read_regular",
    "refuse_empty_path",
    "structure_data",
    "structure_text",
]


def __dir__() -> list[str]:
    return __all__


_T = TypeVar("_T")


def refuse_empty_path(path: str | os.PathLike[str]) -> str:
    """
    The name of *path*, unless it is empty.

    Raises:
        EmptyPathError: *path* is ``""`` (the system would take it for the
            current folder).
    """
    name = os.fspath(path)
    if not name:
        raise EmptyPathError
    return name


def read_file(
    path: str | os.PathLike[str],
    *,
    regular_only: bool = False,
    within: Path | None = None,
) -> tuple[str, str]:
    """
    Read a YAML file's text, refusing what the YAML layer refuses; with
    *regular_only*, anything but a regular file (a device, a named pipe)
    too, before a byte is read from it; with *within* as well, a file not
    in that folder when it is opened (see :func:`read_regular`).
    """
    from goudenoor.files import _yaml

    name = refuse_empty_path(path)
    if regular_only:
        return name, _yaml.read_text(read_regular(name, within=within), name)
    try:
        info = Path(name).stat()
        if stat.S_ISDIR(info.st_mode):
            raise FileFormatError("is a folder, not a file", name)
        if stat.S_ISREG(info.st_mode) and info.st_size > _yaml.MAX_BYTES:
            raise _too_large(info.st_size, name)
        with Path(name).open("rb") as file:
            raw = file.read(_yaml.MAX_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
    return name, _yaml.read_text(raw, name)


def read_string(text_or_bytes: str | bytes, source: str) -> str:
    """
    The text of a YAML document given as a string or as bytes (UTF-8), with
    a file's checks: the size limit on the encoded size, UTF-8, no NUL.

    Raises:
        TypeError: *text_or_bytes* is neither a string nor bytes.
        FileFormatError: It is too large or not UTF-8 text.
    """
    from goudenoor.files import _yaml

    if isinstance(text_or_bytes, str):
        if len(text_or_bytes) > _yaml.MAX_BYTES:
            # Each character is at least one byte: too large before encoding.
            raise _too_large(len(text_or_bytes.encode("utf-8", "replace")), source)
        # A lone surrogate is kept as its bytes, so that the decoding names it.
        raw = text_or_bytes.encode("utf-8", "surrogatepass")
    elif isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
        raw = bytes(text_or_bytes)
    else:
        message = f"expected str or bytes, got {type(text_or_bytes).__name__}"
        raise TypeError(message)
    return _yaml.read_text(raw, source)


def _too_large(size: int, name: str, limit: int | None = None) -> FileFormatError:
    from goudenoor.files import _yaml

    limit = _yaml.MAX_BYTES if limit is None else limit
    return FileFormatError(
        f"file is {size:,} bytes, more than the limit of {limit:,} bytes", name
    )


def read_regular(
    name: str, *, within: Path | None = None, limit: int | None = None
) -> bytes:
    """
    The bytes of the regular file *name*: at most *limit* bytes (by
    default the YAML size limit) and one more, if the file grew after its
    size was checked.

    The file is opened without blocking and checked on the open
    descriptor, so a named pipe never makes the read wait and a file
    swapped for a device after a check is still refused. With *within* (a
    real folder), the file opened must lie in it: checked on the open
    descriptor too (:func:`_check_within`), so that a symbolic link
    swapped in after the path was checked is not followed out of it.
    """
    from goudenoor.files import _yaml

    limit = _yaml.MAX_BYTES if limit is None else limit
    with open_regular(name, within=within, limit=limit) as fd:
        try:
            chunks = []
            size = 0
            while size <= limit:
                chunk = os.read(fd, limit + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
        return b"".join(chunks)


@contextlib.contextmanager
def open_regular(
    name: str, *, within: Path | None = None, limit: int | None = None
) -> Iterator[int]:
    """
    The open descriptor of the regular file *name* (of at most *limit*
    bytes, if given), closed on leaving: opened and checked as
    :func:`read_regular` says, before a byte is read.

    Raises:
        FileFormatError: It cannot be opened, is not a regular file, is
            larger than *limit*, or is not in *within*.
    """
    refuse_empty_path(name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
    try:
        try:
            info = os.fstat(fd)
        except OSError as exc:
            raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None
        if stat.S_ISDIR(info.st_mode):
            raise FileFormatError("is a folder, not a file", name)
        if not stat.S_ISREG(info.st_mode):
            raise FileFormatError(
                "not a regular file (a device, named pipe or socket)", name
            )
        if limit is not None and info.st_size > limit:
            raise _too_large(info.st_size, name, limit)
        if within is not None:
            _check_within(fd, info, name, within)
        yield fd
    finally:
        os.close(fd)


def outside_folder(reference: str, folder: Path, name: str) -> str | None:
    """
    Why the file *reference* names, relative to the real *folder*, is not
    in that folder or below it once symbolic links are followed (*name*
    is how the reason names the folder); ``None`` if it is. The rule of
    the extension files an assessment names and of its evidence files.
    """
    path = Path(reference)
    if path.is_absolute() or path.drive or path.root:
        return "is an absolute path"
    try:
        real = (folder / path).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return f"is not in {name}"
    return None if real.is_relative_to(folder) else f"is not in {name}"


def _check_within(fd: int, info: os.stat_result, name: str, folder: Path) -> None:
    """
    Refuse the open file *fd* (its *info*) unless it lies in *folder*.

    The path the descriptor was opened as comes from the system where it
    can say (``/proc/self/fd`` on Linux, ``F_GETPATH`` on macOS), so
    nothing can change between the check and the read. Elsewhere the name
    is resolved again and must lead, inside the folder, to the very file
    that was opened (same device and inode).

    Raises:
        FileFormatError: The file opened is not in *folder*.
    """
    opened = _opened_path(fd)
    if opened is None:
        try:
            again = Path(name).resolve()
            same = again.stat()
        except (OSError, RuntimeError):
            same, again = None, None
        inside = (
            again is not None
            and same is not None
            and again.is_relative_to(folder)
            and (same.st_dev, same.st_ino) == (info.st_dev, info.st_ino)
        )
    else:
        inside = opened.is_relative_to(folder)
    if not inside:
        raise FileFormatError(
            "the file opened is not in the assessment's folder (a symbolic link "
            "changed while it was read?)",
            name,
        )


def _opened_path(fd: int) -> Path | None:
    """
    The real path the open file *fd* was opened as, where the system says.
    """
    link = Path(f"/proc/self/fd/{fd}")
    try:
        return link.readlink()
    except OSError:
        pass
    try:
        import fcntl  # not on Windows

        getpath = getattr(fcntl, "F_GETPATH", None)
        if getpath is not None:
            raw = fcntl.fcntl(fd, getpath, b"\0" * 1024)
            return Path(os.fsdecode(raw.rstrip(b"\0")))
    except (ImportError, OSError):
        pass
    return None


def parse(raw: bytes, source: str, cls: type[_T]) -> _T:
    """
    Parse YAML bytes into a *cls*, with positions in every error.
    """
    from goudenoor.files import _yaml

    return structure_text(_yaml.read_text(raw, source), source, cls)


def structure_text(text: str, source: str, cls: type[_T]) -> _T:
    from goudenoor.files import _yaml

    data, where = _yaml.read(text, source)
    return structure_data(data, where, source, cls)


def structure_data(data: object, where: Positions, source: str, cls: type[_T]) -> _T:
    """
    *data* as a *cls*; its problems are located by *where*, the positions
    of the text it was read from.
    """
    from goudenoor.files import _convert

    try:
        return _convert.structure(data, cls)
    except _convert.StructureFailedError as exc:
        raise located(exc.problems, where, source) from exc.__cause__


def located(
    problems: Iterable[Problem], where: Positions, source: str
) -> ValidationError:
    """
    The error that lists *problems*, each at its place in the text that
    *where* holds the positions of.
    """
    return ValidationError(where(list(problems)), source)


MARKER = "goudenoor"

_SHORT_VALUE = 40
"""The longest format marker an error message quotes whole."""


def check_marker(data: object, expected: str, where: Positions, source: str) -> object:
    from goudenoor.files import _convert

    if not isinstance(data, dict):
        # Not the expected kind of file: its content is not quoted back.
        problem = Problem(message=f"expected a mapping, got {_kind(data)}", path=())
        raise located([problem], where, source)
    data = dict(data)
    marker = data.pop(MARKER, None)
    if marker != expected:
        found = (
            "missing"
            if marker is None
            else f"got {marker!r}"
            if isinstance(marker, str) and len(marker) <= _SHORT_VALUE
            else f"got {_convert.describe(marker)}"
        )
        problem = Problem(
            message=f"expected the format marker {expected!r} ({found})",
            path=(MARKER,),
        )
        raise located([problem], where, source)
    return data


def _kind(value: object) -> str:
    """
    The YAML kind of *value*, without the value itself.
    """
    if value is None:
        return "null"
    kinds: tuple[tuple[type | tuple[type, ...], str], ...] = (
        (bool, "a boolean"),
        ((int, float), "a number"),
        (str, "a string"),
        (datetime.date, "a date"),
        ((list, tuple), "a list"),
    )
    return next((name for cls, name in kinds if isinstance(value, cls)), "a value")


def marked_from_text(
    text: str, source: str, marker: str, cls: type[_T]
) -> tuple[_T, Positions]:
    """
    Parse a file of format *marker* (its ``goudenoor:`` key) into a *cls*;
    also where each of its entries was written, to locate problems found
    later.
    """
    from goudenoor.files import _yaml

    data, where = _yaml.read(text, source)
    data = check_marker(data, marker, where, source)
    return structure_data(data, where, source, cls), where


STDIN = "<stdin>"
"""The name errors give standard input."""


def read_stdin() -> bytes:
    """
    The bytes on standard input, at most one more than the YAML size limit
    (so that a larger input is refused as too large, not read whole).

    Raises:
        FileFormatError: There is no standard input to read.
    """
    from goudenoor.files import _yaml

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise FileFormatError("no standard input to read", STDIN)
    try:
        data: bytes = stream.read(_yaml.MAX_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror}", STDIN) from None
    return data


def read_input(
    name: str | os.PathLike[str], *, regular_only: bool = False
) -> tuple[str, str]:
    """
    The name errors give the input *name*, and its text: ``-`` is standard
    input (named :data:`STDIN`), anything else a file. The one way the
    command line reads a FILE argument, held to the checks of a file (the
    size limit, UTF-8, no NUL).

    With *regular_only*, a file that is not a regular file (a device, a
    named pipe) is refused before a byte is read from it; standard input
    is read as it comes.

    Raises:
        FileFormatError: The input cannot be read as text: it does not
            exist, is a folder, is too large, or is not UTF-8.
    """
    if os.fspath(name) == "-":
        return STDIN, read_string(read_stdin(), STDIN)
    return read_file(name, regular_only=regular_only)
