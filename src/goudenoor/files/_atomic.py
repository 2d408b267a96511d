"""
Writing a file whole or not at all: a temporary file beside the target,
synced and moved into place, never replacing what it must not.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from goudenoor.exceptions import (
    EmptyPathError,
    GoudenoorError,
    OutputExistsError,
)


__all__ = [
    "refuse_existing",
    "write_bytes_atomic",
    "write_text_atomic",
]


def __dir__() -> list[str]:
    return __all__


def write_text_atomic(
    path: str | os.PathLike[str], text: str, *, overwrite: bool = False
) -> None:
    """
    Write *text* (UTF-8, ``\\n`` line ends) to *path* atomically; see
    :func:`write_bytes_atomic`.
    """
    write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite)


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

_REASONS = {
    errno.ENAMETOOLONG: "the name is too long",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "its folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ELOOP: "too many symbolic links in the path",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EISDIR: "it is a folder",
}
"""Our own words for the usual reasons a check or write fails."""

# os.link fails with these where the file system has no hard links (FAT,
# exFAT, some network and FUSE file systems; EINVAL is how Windows reports
# a FAT volume).
_NO_HARD_LINKS = frozenset(
    code
    for code in (
        errno.EPERM,
        errno.EINVAL,
        errno.ENOSYS,
        errno.EMLINK,
        getattr(errno, "ENOTSUP", None),
        getattr(errno, "EOPNOTSUPP", None),
    )
    if code is not None
)


def _cannot(target: Path, what: str, exc: OSError) -> GoudenoorError:
    reason = _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    return GoudenoorError(f"{target}: cannot {what}: {reason}")


def _exists_error(target: Path) -> OutputExistsError:
    return OutputExistsError(str(target))


def refuse_existing(target: Path, *, overwrite: bool) -> os.stat_result | None:
    """
    Raise if *target* exists and may not be replaced; return what is
    there (``None`` if nothing is).

    Only a regular file (or a symbolic link to one, which is replaced by
    the new file) is ever replaced, and only with *overwrite*; never a
    folder, named pipe, device or socket, nor a read-only file (one
    without any write permission bit, or that you may not write to: make
    it writable to replace it).

    Raises:
        GoudenoorError: *target* exists and *overwrite* is false, it is
            not a regular file or is read-only, or it cannot be checked
            (a name too long, a folder on the way that cannot be entered).
    """
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _cannot(target, "check the output file", exc) from None
    if not overwrite:
        raise _exists_error(target)
    for is_kind, kind in _KINDS:
        if is_kind(info.st_mode):
            via = " (through a symbolic link)" if target.is_symlink() else ""
            raise GoudenoorError(
                f"{target}: is {kind}{via}, not a regular file; only a regular "
                "file is replaced"
            )
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise GoudenoorError(
            f"{target}: file is read-only; not replaced (make it writable to "
            "replace it)"
        )
    return info


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False
) -> None:
    """
    Write *data* to *path* through a temporary file in the same folder,
    flushed to disk before it is moved into place: a crash leaves the old
    file or the new one, never a mix.

    Without *overwrite* the temporary file is hard-linked to *path*, which
    fails if *path* exists by then: of writers racing for one new file,
    exactly one wins and the others get an error, none is lost without a
    word. Where the file system has no hard links (FAT, some network
    shares), *path* is first claimed by creating it empty (exclusively)
    and the written file then moved over it: still exactly one writer
    wins, but a crash between the two steps leaves that empty file.

    With *overwrite* the temporary file replaces *path* with
    :func:`os.replace`; only a writable regular file is replaced (see
    :func:`refuse_existing`).

    A new file gets the permissions the umask gives (not owner-only); a
    replaced file keeps its permissions, except the set-user-id,
    set-group-id and sticky bits, which the new file never gets.

    The temporary file is named ``.<name>.<random>.tmp``. A writer killed
    before the move leaves it behind (hidden, never read); remove it by
    hand.

    Raises:
        GoudenoorError: *path* exists and *overwrite* is false, it may
            not be replaced (see :func:`refuse_existing`), or it cannot be
            written; the message names the file.
        EmptyPathError: *path* is ``""``.
    """
    if not os.fspath(path):
        raise EmptyPathError
    target = Path(path)
    existing = refuse_existing(target, overwrite=overwrite)
    folder = target.parent
    try:
        fd, temporary = _create_temporary(folder, target.name)
    except OSError as exc:
        raise _cannot(target, "write", exc) from None
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            if existing is not None:
                os.fchmod(file.fileno(), existing.st_mode & 0o777)
            os.fsync(file.fileno())
        if overwrite:
            temporary.replace(target)
        else:
            _move_without_replacing(temporary, target)
    except OSError as exc:
        raise _cannot(target, "write", exc) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    _fsync_folder(folder)


def _move_without_replacing(temporary: Path, target: Path) -> None:
    """
    Put *temporary* in place as *target*, failing if *target* exists.

    Raises:
        GoudenoorError: *target* exists.
    """
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise _exists_error(target) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
    else:
        return
    try:  # no hard links here: claim the name, then move the file over it
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise _exists_error(target) from None
    try:
        temporary.replace(target)
    except OSError:
        with contextlib.suppress(OSError):
            target.unlink()  # the empty file this writer claimed
        raise


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    # Like tempfile.mkstemp, but with the permissions the umask gives a new
    # file (mkstemp's are owner-only): audit files are meant to be shared.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = folder / f".{name}.{os.urandom(6).hex()}.tmp"
        with contextlib.suppress(FileExistsError):
            return os.open(temporary, flags, 0o666), temporary


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not every platform opens folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - idem
        pass
    finally:
        os.close(fd)
