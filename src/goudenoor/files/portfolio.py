"""
Portfolios from files: many assessment files loaded at once, the bad ones
set aside with their errors.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Final

from goudenoor._checks import checked
from goudenoor.assessment import Assessment
from goudenoor.exceptions import GoudenoorError
from goudenoor.extensions import Extension
from goudenoor.model import Standard
from goudenoor.portfolio import Portfolio, PortfolioError

from .assessments import load_assessment, standard_for


__all__ = ["load_portfolio", "portfolio_paths"]


def __dir__() -> list[str]:
    return __all__


Source = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]

_SUFFIXES: Final = (".yaml", ".yml")
_GLOB_CHARACTERS: Final = frozenset("*?[")


def portfolio_paths(source: Source) -> list[str]:
    """
    The files *source* names, as :func:`load_portfolio` reads them.

    A folder gives every ``*.yaml`` and ``*.yml`` file in it and below it,
    sorted; a string with ``*``, ``?`` or ``[`` that is not an existing
    path is a glob pattern (``**`` reaches into subfolders), its matches
    sorted; any other path is one file; an iterable gives its paths in its
    own order (folders and patterns among them are expanded the same way).
    """
    if isinstance(source, (str, os.PathLike)):
        return _expand(source)
    return [path for item in source for path in _expand(item)]


def _expand(item: str | os.PathLike[str]) -> list[str]:
    path = Path(item)
    if path.is_dir():
        return sorted(
            str(found)
            for found in path.rglob("*")
            if found.suffix in _SUFFIXES and found.is_file()
        )
    text = os.fspath(item)
    if not path.exists() and _GLOB_CHARACTERS.intersection(text):
        return sorted(glob.glob(text, recursive=True))  # noqa: PTH207
    return [text]


@checked
def load_portfolio(
    source: Source,
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
    it is in the portfolio's ``errors`` with its error. No file's text is
    kept, so memory grows with the assessments, not with the files.

    Args:
        source: A folder, a glob pattern, a file, or an iterable of them
            (see :func:`goudenoor.files.portfolio.portfolio_paths`).
        jobs: The number of worker processes that load the files; 1 (the
            default) loads them in this process. The result is the same,
            in the same order.
        standard: The standard to check every file against (default: the
            edition each file names, with the extensions it lists).
        extensions: Extensions to use for the ids the files list.
        progress: Called after each file with the number of files done
            and the number of files.

    Raises:
        GoudenoorError: *jobs* is less than 1.
    """
    if jobs < 1:
        msg = f"jobs must be at least 1, not {jobs}"
        raise GoudenoorError(msg)
    paths = portfolio_paths(source)
    assessments: list[Assessment] = []
    standards: list[Standard] = []
    errors: list[PortfolioError] = []
    found: dict[tuple[str, tuple[str, ...], str | None], Standard] = {}
    for done, (path, loaded) in enumerate(
        zip(paths, _loaded(paths, jobs, standard, tuple(extensions)), strict=True),
        start=1,
    ):
        if progress is not None:
            progress(done, len(paths))
        if isinstance(loaded, GoudenoorError):
            errors.append(PortfolioError(path, loaded))
            continue
        try:
            its_standard = (
                standard
                if standard is not None
                else _standard_of(loaded, extensions, found)
            )
        except GoudenoorError as exc:  # pragma: no cover - checked on load
            errors.append(PortfolioError(path, exc))
            continue
        assessments.append(loaded)
        standards.append(its_standard)
    return Portfolio(
        assessments=tuple(assessments),
        standards=tuple(standards),
        errors=tuple(errors),
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


def _load_in_worker(path: str) -> Assessment | GoudenoorError:
    standard = _WORKER["standard"]
    extensions = _WORKER["extensions"]
    assert standard is None or isinstance(standard, Standard)  # noqa: S101
    assert isinstance(extensions, tuple)  # noqa: S101
    return _load_one(path, standard, extensions)


def _load_one(
    path: str, standard: Standard | None, extensions: tuple[Extension, ...]
) -> Assessment | GoudenoorError:
    try:
        return load_assessment(path, standard, extensions=extensions)
    except GoudenoorError as exc:
        return exc


def _loaded(
    paths: list[str],
    jobs: int,
    standard: Standard | None,
    extensions: tuple[Extension, ...],
) -> Iterator[Assessment | GoudenoorError]:
    if jobs == 1 or len(paths) < 2:  # noqa: PLR2004
        for path in paths:
            yield _load_one(path, standard, extensions)
        return
    workers = min(jobs, len(paths))
    chunk = max(1, min(64, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(
        max_workers=workers,
        initializer=_start_worker,
        initargs=(standard, extensions),
    ) as pool:
        yield from pool.map(_load_in_worker, paths, chunksize=chunk)
