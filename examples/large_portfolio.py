"""
Score a very large portfolio in worker processes, one file at a time.

``score_file`` is a pure function of a path: it reads one assessment file
and returns its rows of the portfolio table (or one record of a refused
file). A process pool maps it over the files in chunks, and the rows are
written to CSV as they come back, so memory stays flat however many files
there are: no list of all assessments is ever kept.

    python examples/large_portfolio.py --make 1000 audits
    python examples/large_portfolio.py audits --jobs 2 --out scores.csv

Exit codes: 0 every file scored, 1 some files refused (named on standard
error; the table of the others is still written), 2 a usage error.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import os
import random
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Literal, TextIO

import goudenoor as go
from goudenoor.files._portfolio import portfolio_paths
from goudenoor.portfolio._portfolio import COLUMNS
from goudenoor.report._tables import table_csv


Level = Literal["total", "area", "requirement"]


def score_file(path: str, level: Level = "total") -> list[dict[str, Any]]:
    """
    The rows of one assessment file in the portfolio table at *level*, or,
    if the file is refused, one row with its ``source`` and its ``error``.

    Pure: it depends on the file only, and its result pickles, so any
    engine (a process pool, Dask, Spark) can run it anywhere.
    """
    try:
        assessment = go.load_assessment(path)
        standard = go.standard_for(assessment)
    except go.GoudenoorError as exc:
        return [{"source": path, "error": str(exc)}]
    return _table(assessment, standard, level)


def score_text(
    source: str, text: str | bytes, level: Level = "total"
) -> list[dict[str, Any]]:
    """
    :func:`score_file` for the text (or the UTF-8 bytes) of a file read
    elsewhere (object storage, a database); *source* names it in the rows
    and in the error.
    """
    try:
        assessment = go.loads_assessment(text, source=source)
        standard = go.standard_for(assessment)
    except go.GoudenoorError as exc:
        return [{"source": source, "error": str(exc)}]
    return _table(assessment, standard, level)


def _table(
    assessment: go.Assessment, standard: go.Standard, level: Level
) -> list[dict[str, Any]]:
    # The rows exactly as go.load_portfolio(...).table(level) gives them
    # (load_assessment and loads_assessment checked the assessment already).
    portfolio = go.Portfolio(
        assessments=[assessment], standards=[standard], checked=True
    )
    return portfolio.table(level)


def scored(
    paths: Sequence[str], level: Level, jobs: int, chunksize: int
) -> Iterator[list[dict[str, Any]]]:
    """The rows of each file, in the order of *paths*, as they come."""
    work = functools.partial(score_file, level=level)
    if jobs == 1:
        yield from map(work, paths)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(work, paths, chunksize=chunksize)


def write_csv(
    results: Iterable[list[dict[str, Any]]], level: Level, out: TextIO
) -> tuple[int, int]:
    """
    Write the rows of *results* to *out* as CSV, file by file, as
    ``goudenoor portfolio --format csv`` writes them; each refused file is
    named on standard error. Returns the numbers of rows written and of
    files refused.
    """
    columns = COLUMNS[level]
    out.write(table_csv([], columns))
    written = refused = 0
    for rows in results:
        if rows and "error" in rows[0]:
            refused += 1
            print(f"large_portfolio: error: {rows[0]['error']}", file=sys.stderr)
            continue
        out.write(table_csv(rows, columns).partition("\n")[2])
        written += len(rows)
    return written, refused


def make_files(count: int, folder: Path, seed: int = 2026) -> None:
    """
    *count* synthetic assessment files of gos-2012 in *folder*, every
    requirement rated at random (the same files for the same *seed*).
    """
    ids = [requirement.id for requirement in go.load_standard("gos-2012").requirements]
    chance = random.Random(seed)  # noqa: S311 - synthetic ratings, not secrets
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        date = datetime.date(2026, 1, 1) + datetime.timedelta(days=number % 365)
        lines = [
            "goudenoor: assessment/1",
            "edition: gos-2012",
            f"organisation: Organisatie {number:06d}",
            f"unit: Locatie {number % 7 + 1}",
            f"date: {date.isoformat()}",
            "scale: gos-0-4",
            "ratings:",
        ]
        for requirement_id in ids:
            lines += [f'  "{requirement_id}":', f"    value: {chance.randint(0, 4)}"]
        path = folder / f"audit-{number:06d}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="large_portfolio", description="Score many assessment files into CSV."
    )
    parser.add_argument("paths", nargs="*", help="files, folders or glob patterns")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes"
    )
    parser.add_argument(
        "--chunksize", type=int, default=64, help="files sent to a worker at a time"
    )
    parser.add_argument(
        "--level",
        choices=list(COLUMNS),
        default="total",
        help="one row per assessment, area or requirement",
    )
    parser.add_argument("--out", default="-", help="the CSV file (default: stdout)")
    parser.add_argument(
        "--make",
        nargs=2,
        metavar=("N", "FOLDER"),
        help="write N synthetic assessment files into FOLDER and stop",
    )
    args = parser.parse_args(argv)
    if args.make is not None:
        count, folder = args.make
        if not count.isdigit():
            parser.error(f"--make: N must be a whole number, not {count!r}")
        make_files(int(count), Path(folder))
        return 0
    if args.jobs < 1 or args.chunksize < 1:
        parser.error("--jobs and --chunksize must be at least 1")
    paths = portfolio_paths(args.paths)
    if not paths:
        parser.error("no assessment files given")
    started = time.perf_counter()
    rows = scored(paths, args.level, args.jobs, args.chunksize)
    if args.out == "-":
        written, refused = write_csv(rows, args.level, sys.stdout)
    else:
        try:
            out = Path(args.out).open("w", newline="", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            parser.error(f"--out: cannot write {args.out}: {exc.strerror}")
        with out:
            written, refused = write_csv(rows, args.level, out)
    seconds = time.perf_counter() - started
    print(
        f"large_portfolio: {len(paths):,} files, {written:,} rows, "
        f"{refused:,} refused, {seconds:.1f} s with {args.jobs} job(s)",
        file=sys.stderr,
    )
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
