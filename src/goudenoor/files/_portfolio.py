"""
Portfolios from files: many assessment files loaded at once, the bad ones
set aside with their errors.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Final

import attrs

from goudenoor._checks import checked
from goudenoor.audit import Assessment, Audit
from goudenoor.exceptions import FileFormatError, GoudenoorError
from goudenoor.files._assessment import StandardsFound, load_listed_audit, standard_for
from goudenoor.files._parse import refuse_empty_path
from goudenoor.portfolio import Portfolio, PortfolioNote, RefusedFile
from goudenoor.standard import Extension, Standard


__all__ = [
    "OTHER_KINDS",
    "is_glob_pattern",
    "PortfolioFiles",
    "file_identity",
    "load_portfolio",
    "portfolio_files",
    "portfolio_paths",
    "usable_cpus",
]


def __dir__() -> list[str]:
    return __all__


Source = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]

_SUFFIXES: Final = (".yaml", ".yml")
_GLOB_CHARACTERS: Final = frozenset("*?[")


def is_glob_pattern(text: str) -> bool:
    """
    Whether a PATH argument is read as a glob pattern: it names no file
    (a file called ``a[1].yaml`` is that file) and holds ``*``, ``?`` or
    ``[``.
    """
    return not os.path.lexists(text) and bool(_GLOB_CHARACTERS.intersection(text))


OTHER_KINDS: Final = frozenset(
    {
        "calibration",
        "comparison",
        "consensus",
        "crosswalk",
        "edition-diff",
        "editions",
        "evidence-check",
        "extension",
        "extensions",
        "findings",
        "graph",
        "journal",
        "migration",
        "percentile-ranks",
        "portfolio",
        "portfolio-summary",
        "questionnaire",
        "rollup",
        "sample",
        "sample-evaluation",
        "sample-plan",
        "scorecard",
        "standard",
        "status",
        "translation",
        "trend",
        "validation",
    }
)
"""
The kinds of goudenoor document that are not assessments, each the part
before the ``/`` of the format markers of the files and JSON outputs goudenoor
reads and writes (``extension/1``, ``crosswalk/1``, ``rollup/1``...). A
portfolio leaves a file of one of these kinds out with a note; a marker of
any other kind (a typo of ``assessment/1``, say) is refused as an error.
Written out rather than imported from each module, so that reading a
portfolio does not import them all (the graph's networkx among them); a
test checks that every format marker of the package is here.
"""

_NOT_REGULAR: Final = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)

_Identity = tuple[int, int] | str
"""What a file is: its device and inode, or (where the system gives no
inode) its resolved path."""


@attrs.frozen(kw_only=True)
class PortfolioFiles:
    """
    The files a portfolio's source names, found before any is read.

    Attributes:
        paths: The regular files to read, each once (by its device and
            inode, whatever name it was reached by), in order.
        refused: What was found but cannot be read, each with its error:
            a folder that cannot be listed, a symbolic link to nothing, a
            named pipe, socket or device (named, never opened), a file
            that does not exist.
        notes: The files named again (by another path, a second link, or
            the same path twice) and folders reached again (through a
            symbolic link, a loop among them), each counted once.
        empty: The folders and patterns given that named no file at all.
    """

    paths: tuple[str, ...]
    refused: tuple[RefusedFile, ...] = ()
    notes: tuple[PortfolioNote, ...] = ()
    empty: tuple[str, ...] = ()

    def without(self, path: str | os.PathLike[str]) -> PortfolioFiles:
        """
        These files without *path*, by what it is: a name of the same file
        (its device and inode) is left out too.
        """
        itself = file_identity(path)
        if itself is None:
            return self
        kept = tuple(p for p in self.paths if file_identity(p) != itself)
        return attrs.evolve(self, paths=kept)


def portfolio_paths(source: Source) -> list[str]:
    """
    The files *source* names, as :func:`load_portfolio` reads them.

    A folder gives every ``*.yaml`` and ``*.yml`` file in it and below it,
    sorted; a string with ``*``, ``?`` or ``[`` that is not an existing
    path is a glob pattern (``**`` reaches into subfolders), its matches
    sorted (a folder among them gives its files, as a folder does); any
    other path is one file; an iterable gives its paths in its own order
    (folders and patterns among them are expanded the same way). Each file
    comes once, by what it is (see :func:`portfolio_files`, which also
    says what was left out and why).

    Raises:
        EmptyPathError: A path is ``""``.
    """
    return list(portfolio_files(source).paths)


def portfolio_files(source: Source) -> PortfolioFiles:
    """
    The files *source* names, and what was found that cannot be read.

    A folder gives every ``*.yaml`` and ``*.yml`` file in it and below it,
    sorted; a string with ``*``, ``?`` or ``[`` that is not an existing
    path is a glob pattern (``**`` reaches into subfolders), its matches
    sorted (a folder among them gives its files, as a folder does); any
    other path is one file; an iterable gives its paths in its own order
    (folders and patterns among them are expanded the same way).

    A file is identified by what it is (its device and inode), not by its
    name: one reached again, by the same path given twice, by a hard or
    symbolic link, or through a linked folder, is kept once, and a note
    says so. A folder is entered once, so a symbolic-link loop below a
    folder or a ``**`` pattern ends. Only regular files are kept to be
    read: a named pipe, socket or device that a pattern matches (or a
    folder holds under a ``.yaml`` or ``.yml`` name) is refused by name
    and never opened, as are folders that cannot be listed and symbolic
    links to nothing. Symbolic links to folders are followed; hidden
    names are matched by a pattern only when its part starts with ``.``,
    as :mod:`glob` does.

    Raises:
        EmptyPathError: A path is ``""`` (it would name the current
            folder).
    """
    items = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    scan = _Scan()
    for item in items:
        scan.add(item)
    return PortfolioFiles(
        paths=tuple(scan.paths),
        refused=tuple(scan.refused),
        notes=tuple(scan.notes),
        empty=tuple(scan.empty),
    )


class _Scan:
    """
    The files found so far, each once, with what was refused and noted.
    """

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.refused: list[RefusedFile] = []
        self.notes: list[PortfolioNote] = []
        self.empty: list[str] = []
        self.seen: dict[_Identity, str] = {}
        self.refused_paths: set[str] = set()

    def add(self, item: str | os.PathLike[str]) -> None:
        text = refuse_empty_path(item)
        before = (len(self.paths), len(self.refused), len(self.notes))
        matches = _Glob(text, self).matches() if is_glob_pattern(text) else [text]
        for match in matches:
            self._one(match, explicit=True)
        if before == (len(self.paths), len(self.refused), len(self.notes)):
            self.empty.append(text)

    def _one(self, path: str, *, explicit: bool) -> None:
        """
        Take *path*: a folder is scanned, a regular file kept, anything
        else refused (a file not named ``.yaml`` or ``.yml`` in a folder
        scan is passed over, as no assessment).
        """
        info = self._stat(path)
        if info is None:
            return
        if stat.S_ISDIR(info.st_mode):
            self._folder(path, set())
            return
        if not explicit and not path.endswith(_SUFFIXES):
            return
        if not stat.S_ISREG(info.st_mode):
            kind = next(
                (kind for is_kind, kind in _NOT_REGULAR if is_kind(info.st_mode)),
                "no regular file",
            )
            self.refuse(path, f"is {kind}, not a regular file; not read")
            return
        identity = _identity(info, path)
        first = self.seen.get(identity)
        if first is None:
            self.seen[identity] = path
            self.paths.append(path)
        elif first == path:
            self.notes.append(PortfolioNote(path, "given again; counted once"))
        else:
            self.notes.append(
                PortfolioNote(path, f"the same file as {first}; counted once")
            )

    def _stat(self, path: str) -> os.stat_result | None:
        """
        What *path* leads to, or ``None`` (refused) if it cannot be looked
        at: a symbolic link to nothing, a missing file.
        """
        try:
            return Path(path).stat()
        except OSError as exc:
            self.refuse(path, _why_unreadable(path, exc))
            return None

    def _folder(self, folder: str, entered: set[_Identity]) -> None:
        """
        Every ``.yaml`` and ``.yml`` file in *folder* and below it, sorted
        by path; each folder entered once (*entered*: by identity).
        """
        found: list[str] = []
        self._walk(folder, entered, found)
        for path in sorted(found):
            self._one(path, explicit=False)

    def _walk(self, folder: str, entered: set[_Identity], found: list[str]) -> None:
        try:
            identity = _identity(Path(folder).stat(), folder)
        except OSError as exc:
            self.refuse(folder, _why_unreadable(folder, exc))
            return
        if identity in entered:
            self.notes.append(
                PortfolioNote(folder, "a folder reached again; its files counted once")
            )
            return
        entered.add(identity)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            self.refuse(folder, f"cannot read the folder: {_reason(exc)}")
            return
        for entry in entries:
            try:
                is_folder = entry.is_dir()  # follows a symbolic link
            except OSError:
                is_folder = False
            if is_folder:
                self._walk(entry.path, entered, found)
            elif entry.is_symlink() or entry.name.endswith(_SUFFIXES):
                # A symbolic link to nothing may have led to a folder of
                # assessments: it is looked at (and refused) whatever its name.
                if entry.is_symlink() and not Path(entry.path).exists():
                    self.refuse(entry.path, _why_unreadable(entry.path, None))
                elif entry.name.endswith(_SUFFIXES):
                    found.append(entry.path)

    def refuse(self, path: str, reason: str) -> None:
        if path in self.refused_paths:
            return
        self.refused_paths.add(path)
        self.refused.append(RefusedFile(path, FileFormatError(reason, path)))


class _Glob:
    """
    The matches of a glob pattern, as :func:`glob.glob` with
    ``recursive=True`` finds them, except that each folder is entered once
    per part of the pattern (so a symbolic-link loop below ``**`` ends), a
    final ``**`` matches files only (its folders are entered anyway), and
    folders that cannot be listed are refused instead of passed over.
    """

    def __init__(self, pattern: str, scan: _Scan) -> None:
        self.scan = scan
        separators = "".join(re.escape(s) for s in (os.sep, os.altsep) if s)
        drive, rest = os.path.splitdrive(pattern)
        anchor = re.match(f"[{separators}]+", rest)
        self.root = drive + (rest[: anchor.end()] if anchor else "")
        rest = rest[anchor.end() :] if anchor else rest
        self.parts = tuple(
            part for part in re.split(f"[{separators}]+", rest) if part not in {"", "."}
        )
        self.entered: set[tuple[_Identity, int]] = set()

    def matches(self) -> list[str]:
        return sorted(set(self._match(self.root, 0)))

    def _match(self, base: str, index: int) -> Iterator[str]:
        if index == len(self.parts):
            yield base
            return
        part = self.parts[index]
        if part == "**":
            yield from self._recursive(base, index)
        elif _GLOB_CHARACTERS.intersection(part):
            for name, _ in self._list(base):
                if (not name.startswith(".") or part.startswith(".")) and (
                    fnmatch.fnmatch(name, part)
                ):
                    yield from self._match(str(Path(base, name)), index + 1)
        else:
            path = str(Path(base, part))
            last = index + 1 == len(self.parts)
            if os.path.lexists(path) if last else Path(path).is_dir():
                yield from self._match(path, index + 1)

    def _recursive(self, base: str, index: int) -> Iterator[str]:
        # "**" is zero or more folders: the rest of the pattern here, and
        # in every folder below, each folder entered once for this part.
        folder = base or os.curdir
        try:
            identity = _identity(Path(folder).stat(), folder)
        except OSError:
            return
        if (identity, index) in self.entered:
            self.scan.notes.append(
                PortfolioNote(base, "a folder reached again; its files counted once")
            )
            return
        self.entered.add((identity, index))
        last = index + 1 == len(self.parts)
        if not last:
            yield from self._match(base, index + 1)
        for name, is_folder in self._list(base):
            if name.startswith("."):
                continue
            path = str(Path(base, name))
            if is_folder:
                yield from self._recursive(path, index)
            elif last:
                yield path

    def _list(self, base: str) -> list[tuple[str, bool]]:
        folder = base or os.curdir
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except NotADirectoryError:
            return []
        except OSError as exc:
            self.scan.refuse(folder, f"cannot read the folder: {_reason(exc)}")
            return []
        listed = []
        for entry in entries:
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            listed.append((entry.name, is_folder))
        return listed


def _identity(info: os.stat_result, path: str) -> _Identity:
    if info.st_ino:
        return (info.st_dev, info.st_ino)
    return os.path.normcase(os.path.realpath(path))  # pragma: no cover - no inodes


def file_identity(path: str | os.PathLike[str]) -> tuple[int, int] | str | None:
    """
    What the file *path* leads to is, whatever its name: its device and
    inode (or, where the system gives no inode, its resolved path);
    ``None`` if it cannot be looked at. Two names of one file, by a hard
    or symbolic link, have the same identity.
    """
    try:
        return _identity(Path(path).stat(), os.fspath(path))
    except OSError:
        return None


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _why_unreadable(path: str, exc: OSError | None) -> str:
    """
    Why *path* cannot be looked at (*exc*, from following it, if known).
    """
    if Path(path).is_symlink():
        try:
            target = str(Path(path).readlink())
        except OSError:  # pragma: no cover - it was a link a moment ago
            target = "?"
        if exc is not None and exc.errno == errno.ELOOP:
            return f"a symbolic link that leads in a loop ({target}); not read"
        return f"a symbolic link to nothing ({target} does not exist); not read"
    if exc is None:  # pragma: no cover - only links are checked without one
        return "cannot be read"
    return f"cannot read file: {exc.strerror}"


def usable_cpus() -> int:
    """
    The number of CPUs this process may use: ``os.process_cpu_count()``
    (Python 3.13 and later), else the CPUs it is bound to
    (:func:`os.sched_getaffinity`) where the system says, else
    :func:`os.cpu_count`; at least 1.
    """
    process_cpu_count: Callable[[], int | None] | None = getattr(
        os, "process_cpu_count", None
    )
    if process_cpu_count is not None:  # pragma: no cover - Python 3.13+
        count = process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:  # pragma: no cover - macOS and Windows before 3.13
        count = os.cpu_count()
    return max(1, count or 1)


@checked
def load_portfolio(
    source: Source | PortfolioFiles,
    *,
    jobs: int = 1,
    standard: Standard | None = None,
    extensions: Sequence[Extension] = (),
    progress: Callable[[int, int], object] | None = None,
) -> Portfolio:
    """
    Load many assessment files as a :class:`~goudenoor.Portfolio`.

    Each file is loaded and checked as :func:`goudenoor.load_assessment`
    does. A file that cannot be is not loaded, and does not stop the rest:
    it is in the portfolio's ``errors`` with its error, after what was
    refused before any file was read (a folder that cannot be listed, a
    symbolic link to nothing, a named pipe or device, never opened). A
    file counted already (by its device and inode) and a goudenoor
    document of another kind (an extension or crosswalk file, a saved
    JSON output; ``OTHER_KINDS``) are left out, each with a note in
    the portfolio's ``notes``. No file's text is kept, so memory grows
    with the assessments, not with the files.

    Args:
        source: A folder, a glob pattern, a file, or an iterable of them
            (see :func:`goudenoor.files.portfolio_files`), or
            the files found already (``portfolio_files``).
        jobs: The number of worker processes that load the files; 1 (the
            default) loads them in this process. More than the CPUs this
            process may use (``usable_cpus``) is lowered to that
            number, as more workers would only compete for them. The
            result is the same, in the same order.
        standard: The standard to check every file against (default: the
            edition each file names, with the extensions it lists).
        extensions: Extensions to use for the ids the files list.
        progress: Called after each file with the number of files done
            and the number of files.

    Raises:
        GoudenoorError: *jobs* is less than 1.
        EmptyPathError: A path is ``""``.
    """
    if jobs < 1:
        msg = f"jobs must be at least 1, not {jobs}"
        raise GoudenoorError(msg)
    files = source if isinstance(source, PortfolioFiles) else portfolio_files(source)
    paths = list(files.paths)
    assessments: list[Assessment] = []
    standards: list[Standard] = []
    errors: list[RefusedFile] = list(files.refused)
    notes: list[PortfolioNote] = list(files.notes)
    found: dict[tuple[str, tuple[str, ...], str | None], Standard] = {}
    loading = _loaded(paths, min(jobs, usable_cpus()), standard, tuple(extensions))
    for done, (path, loaded) in enumerate(zip(paths, loading, strict=True), start=1):
        if progress is not None:
            progress(done, len(paths))
        if isinstance(loaded, GoudenoorError):
            errors.append(RefusedFile(path, loaded))
            continue
        if isinstance(loaded, str):
            notes.append(
                PortfolioNote(path, f"marked {loaded!r}, not an assessment; left out")
            )
            continue
        if isinstance(loaded, Audit):
            assessments.append(loaded.assessment)
            standards.append(loaded.standard)
            continue
        try:
            # From a worker process: the assessment alone travels back (a
            # Standard per file would cost more to send than to find).
            its_standard = (
                standard
                if standard is not None
                else _standard_of(loaded, extensions, found)
            )
        except GoudenoorError as exc:  # pragma: no cover - checked on load
            errors.append(RefusedFile(path, exc))
            continue
        assessments.append(loaded)
        standards.append(its_standard)
    return Portfolio(
        assessments=tuple(assessments),
        standards=tuple(standards),
        errors=tuple(errors),
        notes=tuple(notes),
        checked=True,
    )


def _standard_of(
    assessment: Assessment,
    extensions: Sequence[Extension],
    found: dict[tuple[str, tuple[str, ...], str | None], Standard],
) -> Standard:
    # Extension files are looked up next to the file, so the folder is
    # part of the key when there are extensions.
    folder = (
        str(Path(assessment.source).parent)
        if assessment.extensions and assessment.source
        else None
    )
    key = (assessment.edition, assessment.extensions, folder)
    if key not in found:
        found[key] = standard_for(assessment, extensions)
    return found[key]


_WORKER: dict[str, object] = {}


def _start_worker(standard: Standard | None, extensions: tuple[Extension, ...]) -> None:
    _WORKER["standard"] = standard
    _WORKER["extensions"] = extensions


def _load_in_worker(path: str) -> Assessment | str | GoudenoorError:
    standard = _WORKER["standard"]
    extensions = _WORKER["extensions"]
    found = _WORKER.setdefault("found", {})
    assert standard is None or isinstance(standard, Standard)  # noqa: S101
    assert isinstance(extensions, tuple)  # noqa: S101
    assert isinstance(found, dict)  # noqa: S101
    loaded = _load_one(path, standard, extensions, found)
    return loaded.assessment if isinstance(loaded, Audit) else loaded


def _load_one(
    path: str,
    standard: Standard | None,
    extensions: tuple[Extension, ...],
    found: StandardsFound,
) -> Audit | str | GoudenoorError:
    # A marker (a str) for a document of another kind, left out with a note.
    try:
        return load_listed_audit(
            path, standard, extensions=extensions, other_kinds=OTHER_KINDS, found=found
        )
    except GoudenoorError as exc:
        return exc


def _loaded(
    paths: list[str],
    jobs: int,
    standard: Standard | None,
    extensions: tuple[Extension, ...],
) -> Iterator[Audit | Assessment | str | GoudenoorError]:
    if jobs == 1 or len(paths) < 2:  # noqa: PLR2004
        found: StandardsFound = {}
        for path in paths:
            yield _load_one(path, standard, extensions, found)
        return
    workers = min(jobs, len(paths))
    chunk = max(1, min(64, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(
        max_workers=workers,
        initializer=_start_worker,
        initargs=(standard, extensions),
    ) as pool:
        yield from pool.map(_load_in_worker, paths, chunksize=chunk)
