"""
The performance contract (design §8) in one run: a table of ratios, each
against a baseline measured in the same run on the same machine.

What is measured, and how:

* **import**: the wall time of fresh ``python -c "import goudenoor"``
  processes against ``python -c "import attrs"``, both also against
  ``python -c pass`` (interpreter start-up). Two ratios are reported: the
  raw one (whole process) and the one of the import cost above start-up
  (``(goudenoor - pass) / (attrs - pass)``), which is the stricter one.
  The three commands take turns, one warm-up round first (so bytecode is
  cached), and the **minimum** of the runs counts: other work on the
  machine only ever adds time, so the minimum is the most repeatable
  figure (the ratio of the medians is given too). Target: at most 1.5x.
* **first load**: in a fresh process each time (``load_standard`` is
  cached), after all imports, the first ``load_standard("gos-2016")``
  against ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the same file's
  text, read beforehand with :mod:`importlib.resources`; the two are timed
  in separate, alternating processes that import the same modules, so
  neither warms up the other. The garbage collector is off while a call
  is timed; the minimum counts (and the medians' ratio is given).
  Target: at most 1.5x. The second
  (cached) ``load_standard`` call is reported too (target: at most 0.01x
  of the parse, that is, cached).
* **first call**: the wall time of a whole fresh process that imports
  goudenoor and loads an edition, ``python -c "import goudenoor as go;
  go.load_standard('gos-2016')"``, against one that imports attrs and yaml
  and parses the same edition's file with the C loader, ``python -c
  "import attrs, yaml; yaml.load(text, Loader=yaml.CSafeLoader)"`` (the
  text read from the installed package's file): what a program pays
  before it can use the standard, against reading the YAML yourself.
  Taking turns, one warm-up round, the minimum counts (the medians' ratio
  is given too). Target: at most 1.0x.
* **scoring**: ``benchmarks/bench_scoring.py`` on 10,000 random
  ``gos-2012`` assessments: ``score(check=False)`` and ``score()``
  against a plain-dict loop computing the same points, checked to agree
  first; best of R, taking turns, garbage collector off. Target for
  ``score(check=False)``: at most 2x.
* **growth**: a synthetic extension (``bench``, built in Python) adds
  requirements to ``gos-2012`` spread evenly over the nine areas, for
  about 100, 1,000 and 10,000 requirements in all; at each size the same
  number of random assessments (default 200) is scored as above, and
  ``apply_extension`` itself is timed. Linear growth means a constant
  cost per requirement: the target is that the cost per requirement at
  the largest size is at most 1.5x that at the smallest (fixed
  per-assessment costs make small sizes dearer per requirement, so a
  linear implementation stays at or below 1). The same ratio, with the
  same target, is reported for ``apply_extension``, per requirement the
  extension adds (its work grows with the extension).
* **portfolio**: N (default 10,000) random ``gos-2012`` assessment files
  (``bench_scoring.py``'s assessments, saved with ``save_assessment``) in
  a temporary folder: ``load_portfolio(folder).table()`` (every file read,
  parsed, checked and scored, in one process) against reading each file
  and parsing it with ``yaml.load(text, Loader=yaml.CSafeLoader)`` alone;
  every file is read once first (so that both find it in the page cache),
  then the contestants take two turns and the faster of each counts (each
  timing covers thousands of files), garbage collector on, as users run
  it. Target: at most 1.5x. Then the same with
  ``jobs=2`` against ``jobs=1``; target: below 1x (faster) on two cores.
  Then the peak memory (tracemalloc) per file of the same call for all the
  files against a tenth of them; target: at most 1.5x (flat: no file text
  is kept, only the assessments and the table).
* **near the limit**: an assessment whose one rating lists more and more
  pieces of evidence (each the same length, two lines in block style), at
  1/4, 1/2 and 1x of the most that the loader's size limits accept
  (``goudenoor.files._yaml``: the value limit, :data:`MAX_NODES`, is
  the one passed first, at about 3.9 MB of file). The most is found
  by loading a text over the limit: the line of the refusal says how many
  pieces came before. At each size ``load_assessment(path)`` is timed
  against ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the same text,
  taking turns, best of R, garbage collector on (a large document is where
  it works, and users run with it). Linear growth means a constant time
  per megabyte: the target is that the time per MB at the limit is at
  most 1.5x that at 1/4 of it; the C parser's own ratio is given beside.
* **status**: ``Portfolio.status(as_of)`` of a checked portfolio of N
  (default 10,000) audits against the same of a tenth of them: half the
  organisations have an audit with a major afwijking and a verbeterpunt and
  a review a year later, half an audit alone (``bench_scoring.py``'s
  ratings); best of R, taking turns, garbage collector off. Its floor is
  scoring each organisation's latest audit once, which it cannot avoid.
  Linear growth means the ratio is about 10: the target is at most 12x.
* **evidence**: ``hash_evidence`` of an assessment whose evidence is N
  (default 16) files of a few MB (default 4 MB each, random bytes) in a
  temporary folder, against ``hashlib.file_digest(file, "sha256")`` over
  the same files opened one by one; every file is read once first (so
  both find it in the page cache), then best of R, taking turns, garbage
  collector off; the digests are checked to agree first. Target: at most
  1.2x.
* **journal**: ``parse_journal(data).verify(assessment)`` of a journal of
  N (default 100,000) random value changes of ``examples/audit-2012.yaml``
  (chain, head and replay against the assessment) against its floor:
  ``hashlib.sha256`` plus ``json.loads`` of each of the same lines, which
  verifying cannot avoid; best of R, taking turns, garbage collector off.
  Target: at most 2x.
* **form**: the self-assessment form (``questionnaire_html``) of
  ``gos-2016`` with the example sector pack: its size against 300 KB, and
  the time from navigation to its load event in headless Chromium, opened
  from a ``file://`` URL in a fresh browser context each time (the best of
  R), against 1 s. Targets: at most 1x each. Without a Chromium (or
  Playwright) the second row says so and has no target.
* **sample**: ``draw_sample(register, id_column=..., size=59, seed=...)``
  from a CSV register of N (default 1,000,000) records (an id, a
  department, a free-text summary of about 150 characters; about 214 MB)
  in a temporary folder, against its floor: ``hashlib.file_digest`` of the
  file, ``csv.reader`` over it and one ``hashlib.sha256`` of the seed and
  each id, which a draw cannot avoid; the floor's selection
  (``heapq.nsmallest`` over the keys) is checked first to be the library's
  59 ids, with the same digest and count. Best of R, taking turns, garbage
  collector off. Target: at most 2.5x (see :data:`SAMPLE_TARGET`). Then
  the time per record at N against a register of N/10 (the growth point,
  timed in the same turns; the floor's own ratio is given beside), and the
  peak memory (tracemalloc) per record at both; targets: at most 1.3x
  each (linear time, constant memory per record: the ids are kept, to
  refuse a repeated one, never a record's text).
* **CLI**: the wall time of ``python -m goudenoor score
  examples/audit-2012.yaml`` against ``python -c "import goudenoor"``,
  the median of fresh processes (the minimums' ratio is given too), for
  information; and the same command against ``python -c "import attrs,
  cattrs, yaml"`` (the libraries any YAML-and-attrs tool imports), the
  minimum of the same processes (the medians' ratio is given too).
  Target: at most 1.5x.

Fresh processes run ``sys.executable``, each command once untimed
first. By default they write and read bytecode under a temporary
``PYTHONPYCACHEPREFIX`` (and ``PYTHONDONTWRITEBYTECODE`` is dropped), so
every module, the library's included, loads from cached bytecode as after
``pip install``, and nothing is written into the source tree; without
that, an editable install under ``PYTHONDONTWRITEBYTECODE=1`` would
compile the library from source in every process while ``attrs`` loads
its installed bytecode. ``--keep-env`` measures the environment as is.

Speed is a measurement, not a test: the exit status is 0 whether targets
are met or not, unless ``--assert-targets`` is given (then 1 on a miss).
A disagreement between the library and a baseline, or a failing
subprocess, exits with status 2.

Run from the repository root, in an environment where ``goudenoor`` is
installed::

    python -m benchmarks                     # everything, default sizes
    python benchmarks/run.py                 # the same
    python -m benchmarks --quick             # small sizes, a smoke run
    python -m benchmarks --only import first-call load  # some rows only
    python -m benchmarks --json perf.json    # also write the figures
    python -m benchmarks --assert-targets    # exit 1 on a missed target
    python -m benchmarks --keep-env          # subprocesses in this environment
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import functools
import gc
import itertools
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import bench_scoring

import goudenoor as go


ROOT: Final = Path(__file__).resolve().parent.parent
"""The repository root (the CLI benchmark reads its example from here)."""

BENCHMARKS: Final = (
    "import",
    "first-call",
    "load",
    "scoring",
    "growth",
    "limits",
    "cli",
    "portfolio",
    "status",
    "evidence",
    "journal",
    "form",
    "sample",
)
"""The groups of rows, in table order (``--only`` picks some)."""

IMPORT_TARGET: Final = 1.5
FIRST_CALL_TARGET: Final = 1.0
"""Import and load an edition, against importing attrs and yaml and parsing it."""
CLI_TARGET: Final = 1.5
"""``goudenoor score``, against importing attrs, cattrs and yaml."""
LOAD_TARGET: Final = 1.5
CACHED_TARGET: Final = 0.01
SCORING_TARGET: Final = bench_scoring.TARGET
GROWTH_TARGET: Final = 1.5
PORTFOLIO_TARGET: Final = 1.5
JOBS_TARGET: Final = 1.0
PORTFOLIO_TURNS: Final = 2
"""Turns the portfolio contestants take (each timing covers every file)."""
MEMORY_TARGET: Final = 1.5
"""Peak memory per file with all the files against a tenth of them: flat."""
LIMITS_TARGET: Final = 1.5
"""Load time per MB at the size limit against a quarter of it: linear."""
JOURNAL_TARGET: Final = 2.0
"""Verifying a journal against hashlib.sha256 plus json.loads of its lines."""
STATUS_TARGET: Final = 12.0
"""Portfolio.status of N audits against N/10: linear (10x), with room."""
EVIDENCE_TARGET: Final = 1.2
"""hash_evidence against hashlib.file_digest over the same files."""
FORM_BYTES: Final = 300_000
"""The most the self-assessment form of gos-2016 with the sector pack may weigh."""
FORM_SECONDS: Final = 1.0
"""The longest the form may take to open in headless Chromium (its load event)."""
FORM_TARGET: Final = 1.0
SAMPLE_TARGET: Final = 2.5
"""
draw_sample against hashing the file, csv.reader and a SHA-256 per id:
measured at 2.0-2.6x on 2 shared cores. The draw adds to the floor, per
record, the checks it owes its users (the register remembers each id with
its row, to name a repeated one; the draw checks each pair and remembers
each id too, for any iterable) and the comparison with the largest key
kept; the hashing of the file comes in the same pass as its reading.
"""
SAMPLE_GROWTH_TARGET: Final = 1.3
"""draw_sample's time, and its peak memory, per record at N against N/10."""
SAMPLE_SIZE: Final = 59
"""The sample drawn: 95 % confidence, 5 % tolerable, no deviation expected."""
SAMPLE_SEED: Final = "klachten-2026-benchmark"
LIMIT_FRACTIONS: Final = (0.25, 0.5, 1.0)
"""The sizes of the near-the-limit rows, as fractions of the limit."""

LOAD_EDITION: Final = "gos-2016"
GROWTH_EDITION: Final = bench_scoring.EDITION
CLI_EXAMPLE: Final = "examples/audit-2012.yaml"
BEST_OF: Final = "the minimum (noise only adds time) of"
EXTENSION_ID: Final = "bench"

LOAD_SCRIPT: Final = """\
import gc, json, sys, time
from importlib import resources
import yaml
import goudenoor
# The facade and goudenoor.files import a module when a name is first used:
# import what the call needs before timing.
goudenoor.load_standard

edition, which = sys.argv[1], sys.argv[2]
text = (
    resources.files("goudenoor") / "data" / "editions" / f"{edition}.yaml"
).read_text(encoding="utf-8")
gc.collect()
gc.disable()
if which == "library":
    start = time.perf_counter()
    goudenoor.load_standard(edition)
    first = time.perf_counter()
    goudenoor.load_standard(edition)
    second = time.perf_counter()
    figures = {"first": first - start, "second": second - first}
else:
    start = time.perf_counter()
    yaml.load(text, Loader=yaml.CSafeLoader)
    figures = {"parse": time.perf_counter() - start}
gc.enable()
print(json.dumps(figures))
"""
"""Run as ``python -c LOAD_SCRIPT EDITION library|parse``; prints seconds."""


def _cache_state() -> str:
    """
    Whether the goudenoor being measured ships the precompiled editions.
    """
    from importlib import resources

    folder = resources.files("goudenoor") / "data" / "editions"
    if (folder / f"{LOAD_EDITION}.pickle").is_file():
        return "present (a wheel, or an editable install)"
    return (
        "absent (a source tree that was not installed: the YAML is parsed; "
        "pip install -e . or the wheel writes it)"
    )


@dataclasses.dataclass(frozen=True)
class Settings:
    """
    How many runs and how big: the defaults, or small ones for ``--quick``.
    """

    process_runs: int
    """Fresh processes per command for the import benchmark."""
    load_runs: int
    """Fresh processes per contestant for the first-load benchmark."""
    cli_runs: int
    """Fresh processes per command for the CLI benchmark."""
    scoring_n: int
    """Assessments in the scoring benchmark."""
    repeat: int
    """Repetitions of in-process timings; the best counts."""
    growth_sizes: tuple[int, ...]
    """Total requirements of the extended standards, smallest first."""
    growth_n: int
    """Assessments scored at each growth size."""
    apply_repeat: int
    """Repetitions of ``apply_extension`` at each size."""
    portfolio_n: int
    """Assessment files in the portfolio benchmark."""
    limits_scale: float
    """The near-the-limit sizes as a fraction of the real ones (1: the limit)."""
    limits_repeat: int
    """Repetitions of each near-the-limit load; the best counts."""
    status_n: int
    """Audits in the larger portfolio of the status benchmark."""
    evidence_files: int
    """Evidence files in the evidence benchmark."""
    evidence_bytes: int
    """The size of each evidence file."""
    journal_n: int
    """Entries in the journal of the journal benchmark."""
    sample_n: int
    """Records in the register of the sample benchmark."""
    sample_growth_n: int
    """Records in its smaller register (the growth point)."""


DEFAULT: Final = Settings(
    process_runs=21,
    load_runs=15,
    cli_runs=15,
    scoring_n=10_000,
    repeat=5,
    growth_sizes=(100, 1_000, 10_000),
    growth_n=200,
    apply_repeat=5,
    portfolio_n=10_000,
    limits_scale=1.0,
    limits_repeat=5,
    status_n=10_000,
    evidence_files=16,
    evidence_bytes=4 * 1024 * 1024,
    journal_n=100_000,
    sample_n=1_000_000,
    sample_growth_n=100_000,
)
QUICK: Final = Settings(
    process_runs=1,
    load_runs=1,
    cli_runs=1,
    scoring_n=100,
    repeat=1,
    growth_sizes=(40, 80, 160),
    growth_n=5,
    apply_repeat=1,
    portfolio_n=20,
    limits_scale=0.02,
    limits_repeat=1,
    status_n=100,
    evidence_files=4,
    evidence_bytes=256 * 1024,
    journal_n=1_000,
    sample_n=10_000,
    sample_growth_n=1_000,
)


class BenchmarkError(Exception):
    """
    A measurement could not be made (a subprocess failed, a baseline
    disagrees); the message says which.
    """


@dataclasses.dataclass(frozen=True)
class Row:
    """
    One line of the table: a contestant's figure against a baseline's, in
    :attr:`unit` (a time, or memory).
    """

    benchmark: str
    contestant: str
    contestant_value: float
    baseline: str
    baseline_value: float
    target: float | None
    """The highest acceptable ratio, or ``None`` (for information)."""
    explanation: str
    unit: str = "seconds"
    """What the two figures measure: ``seconds``, or ``bytes`` (memory)."""

    @property
    def ratio(self) -> float:
        """
        Contestant over baseline.
        """
        if self.baseline_value <= 0:
            return math.inf
        return self.contestant_value / self.baseline_value

    @property
    def met(self) -> bool | None:
        """
        Whether the target is met; ``None`` without a target.
        """
        return None if self.target is None else self.ratio <= self.target


@dataclasses.dataclass
class Report:
    """
    The rows of the table and the raw figures behind them.
    """

    rows: list[Row] = dataclasses.field(default_factory=list)
    details: dict[str, Any] = dataclasses.field(default_factory=dict)
    env: Mapping[str, str] | None = None
    """The environment of the subprocesses (``None``: this one's)."""


def _progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def _duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return str(seconds)
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.1f} µs"
    return f"{seconds * 1e9:.0f} ns"


def _ratio(ratio: float) -> str:
    if not math.isfinite(ratio):
        return str(ratio)
    if ratio < 0.01:
        return f"{ratio:.1e}x"
    return f"{ratio:.2f}x"


def _processes(runs: int) -> str:
    return f"{runs} fresh process" + ("" if runs == 1 else "es")


def _stats(times: Sequence[float]) -> dict[str, Any]:
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "runs": list(times),
    }


# -- fresh processes ---------------------------------------------------------


def cached_bytecode_env(prefix: Path) -> dict[str, str]:
    """
    This process's environment, changed so that subprocesses write and
    read bytecode under *prefix* (``PYTHONPYCACHEPREFIX``, with
    ``PYTHONDONTWRITEBYTECODE`` dropped): after a warm-up run every module
    loads from cached bytecode, as after ``pip install``, and nothing is
    written next to the sources.
    """
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"}
    }
    env["PYTHONPYCACHEPREFIX"] = str(prefix)
    return env


def run_process(
    command: Sequence[str],
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> tuple[float, str]:
    """
    Run *command*; its wall time (seconds) and standard output.

    Raises:
        BenchmarkError: The command exits with a non-zero status.
    """
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        command, capture_output=True, text=True, check=False, cwd=cwd, env=env
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise BenchmarkError(
            f"{' '.join(command)!r} exited with status {done.returncode}: "
            f"{done.stderr.strip()[-2000:]}"
        )
    return elapsed, done.stdout


def process_walls(
    commands: Mapping[str, Sequence[str]],
    runs: int,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> dict[str, list[float]]:
    """
    The wall times of *runs* fresh processes of each command, after one
    untimed warm-up round; the commands take turns, starting each round
    with the next one.
    """
    names = list(commands)
    for name in names:
        run_process(commands[name], cwd, env)
    walls: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(runs):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            walls[name].append(run_process(commands[name], cwd, env)[0])
    return walls


def bench_import(settings: Settings, report: Report) -> None:
    """
    ``import goudenoor`` against ``import attrs``, raw and above start-up.
    """
    runs = settings.process_runs
    _progress(f"import: {_processes(runs)} x 3 commands")
    python = sys.executable
    walls = process_walls(
        {
            "pass": [python, "-c", "pass"],
            "attrs": [python, "-c", "import attrs"],
            "goudenoor": [python, "-c", "import goudenoor"],
        },
        runs,
        env=report.env,
    )
    best = {name: min(times) for name, times in walls.items()}
    median = {name: statistics.median(times) for name, times in walls.items()}
    report.details["import"] = {name: _stats(times) for name, times in walls.items()}
    report.rows.append(
        Row(
            benchmark="import",
            contestant=f"import goudenoor {_duration(best['goudenoor'])}",
            contestant_value=best["goudenoor"],
            baseline=f"import attrs {_duration(best['attrs'])}",
            baseline_value=best["attrs"],
            target=IMPORT_TARGET,
            explanation=f"wall time of a fresh `python -c ...`, {BEST_OF} "
            f"{_processes(runs)} each, taking turns; includes interpreter start-up "
            f"(`python -c pass`: {_duration(best['pass'])}); ratio of the "
            f"medians {_ratio(median['goudenoor'] / median['attrs'])}",
        )
    )
    # A difference of two minimums: with few processes (--quick runs one)
    # noise can make it negative, which is no cost at all, not a gain.
    above_ours = max(best["goudenoor"] - best["pass"], 0.0)
    above_attrs = max(best["attrs"] - best["pass"], 0.0)
    report.rows.append(
        Row(
            benchmark="import above start-up",
            contestant=f"goudenoor +{_duration(above_ours)}",
            contestant_value=above_ours,
            baseline=f"attrs +{_duration(above_attrs)}",
            baseline_value=above_attrs,
            target=IMPORT_TARGET,
            explanation="the same minus `python -c pass`: what the import itself "
            "costs; ratio of the medians "
            f"{_ratio(_above(median['goudenoor'], median['attrs'], median['pass']))}",
        )
    )


def _above(contestant: float, baseline: float, startup: float) -> float:
    below = baseline - startup
    return (contestant - startup) / below if below > 0 else math.inf


FIRST_CALL_SCRIPT: Final = "import goudenoor as go; go.load_standard({edition!r})"
"""The contestant of the first-call row."""

PARSE_SCRIPT: Final = """\
import sys
import attrs, yaml
with open(sys.argv[1], encoding="utf-8") as file:
    yaml.load(file.read(), Loader=yaml.CSafeLoader)
"""
"""The baseline of the first-call row: ``python -c PARSE_SCRIPT PATH``."""


def bench_first_call(settings: Settings, report: Report) -> None:
    """
    A whole process that imports goudenoor and loads an edition, against
    one that imports attrs and yaml and parses the edition's file.
    """
    from importlib import resources

    runs = settings.process_runs
    _progress(f"first call: {_processes(runs)} x 2 commands")
    python = sys.executable
    folder = resources.files("goudenoor") / "data" / "editions"
    with resources.as_file(folder / f"{LOAD_EDITION}.yaml") as path:
        walls = process_walls(
            {
                "goudenoor": [
                    python,
                    "-c",
                    FIRST_CALL_SCRIPT.format(edition=LOAD_EDITION),
                ],
                "parse": [python, "-c", PARSE_SCRIPT, str(path)],
            },
            runs,
            env=report.env,
        )
    best = {name: min(times) for name, times in walls.items()}
    median = {name: statistics.median(times) for name, times in walls.items()}
    report.details["first-call"] = {
        "edition": LOAD_EDITION,
        **{name: _stats(times) for name, times in walls.items()},
    }
    report.rows.append(
        Row(
            benchmark="first call",
            contestant=f"import + load_standard {_duration(best['goudenoor'])}",
            contestant_value=best["goudenoor"],
            baseline=f"import attrs, yaml + CSafeLoader {_duration(best['parse'])}",
            baseline_value=best["parse"],
            target=FIRST_CALL_TARGET,
            explanation=f'wall time of a fresh `python -c "import goudenoor as go; '
            f'go.load_standard({LOAD_EDITION!r})"` vs one that imports attrs and '
            f"yaml and parses the same file with yaml.CSafeLoader, {BEST_OF} "
            f"{_processes(runs)} each, taking turns; ratio of the medians "
            f"{_ratio(median['goudenoor'] / median['parse'])}; precompiled cache "
            f"{_cache_state()}",
        )
    )


def bench_load(settings: Settings, report: Report) -> None:
    """
    The first (and second) ``load_standard`` against the C YAML parser.
    """
    runs = settings.load_runs
    _progress(f"first load: {_processes(runs)} x 2 contestants")
    python = sys.executable
    first: list[float] = []
    second: list[float] = []
    parse: list[float] = []
    commands = {
        which: [python, "-c", LOAD_SCRIPT, LOAD_EDITION, which]
        for which in ("library", "parse")
    }
    for command in commands.values():  # warm-up: bytecode caches
        run_process(command, env=report.env)
    for round_ in range(runs):
        order = ["library", "parse"] if round_ % 2 == 0 else ["parse", "library"]
        for which in order:
            figures = json.loads(run_process(commands[which], env=report.env)[1])
            if which == "library":
                first.append(float(figures["first"]))
                second.append(float(figures["second"]))
            else:
                parse.append(float(figures["parse"]))
    report.details["load"] = {
        "edition": LOAD_EDITION,
        "first": _stats(first),
        "second": _stats(second),
        "parse": _stats(parse),
    }
    report.rows.append(
        Row(
            benchmark="first load",
            contestant=f"load_standard {_duration(min(first))}",
            contestant_value=min(first),
            baseline=f"CSafeLoader {_duration(min(parse))}",
            baseline_value=min(parse),
            target=LOAD_TARGET,
            explanation=f"first load_standard({LOAD_EDITION!r}) in a fresh process "
            f"after its imports vs yaml.load(text, Loader=yaml.CSafeLoader) of "
            f"the same file's text (read beforehand), {BEST_OF} "
            f"{_processes(runs)} each, gc off while timed; ratio of the medians "
            f"{_ratio(statistics.median(first) / statistics.median(parse))}; "
            f"precompiled cache {_cache_state()}",
        )
    )
    report.rows.append(
        Row(
            benchmark="second load",
            contestant=f"load_standard {_duration(min(second))}",
            contestant_value=min(second),
            baseline=f"CSafeLoader {_duration(min(parse))}",
            baseline_value=min(parse),
            target=CACHED_TARGET,
            explanation="the second load_standard call in the same process: "
            "cached, so a tiny fraction of a parse",
        )
    )


# -- in-process ----------------------------------------------------------------


def bench_scoring_rows(settings: Settings, report: Report) -> None:
    """
    ``score`` on N assessments against the plain-dict loop (bench_scoring).
    """
    n, repeat = settings.scoring_n, settings.repeat
    _progress(f"scoring: {n:,} assessments, best of {repeat}")
    standard = go.load_standard(bench_scoring.EDITION)
    assessments, plains = bench_scoring.build_assessments(standard, n)
    result = _measure(standard, assessments, plains, repeat)
    report.details["scoring"] = dataclasses.asdict(result)
    unchecked_name, checked_name = (
        bench_scoring.CONTESTANTS[1],
        bench_scoring.CONTESTANTS[0],
    )
    how = (
        f"{n:,} random {bench_scoring.EDITION} assessments (bench_scoring.py), "
        f"best of {repeat}, taking turns, gc off"
    )
    report.rows.append(
        Row(
            benchmark="scoring",
            contestant=f"{unchecked_name} {_duration(result.unchecked)}",
            contestant_value=result.unchecked,
            baseline=f"plain-dict loop {_duration(result.baseline)}",
            baseline_value=result.baseline,
            target=SCORING_TARGET,
            explanation=f"{how}; same points checked first",
        )
    )
    report.rows.append(
        Row(
            benchmark="scoring, checked",
            contestant=f"{checked_name} {_duration(result.checked)}",
            contestant_value=result.checked,
            baseline=f"plain-dict loop {_duration(result.baseline)}",
            baseline_value=result.baseline,
            target=None,
            explanation=f"{how}; the default, which checks each assessment "
            "against the standard first (for information)",
        )
    )


def _measure(
    standard: go.Standard,
    assessments: Sequence[go.Assessment],
    plains: Sequence[bench_scoring.PlainAssessment],
    repeat: int,
    verify_first: int | None = None,
) -> bench_scoring.ScoringTimes:
    try:
        return bench_scoring.measure(
            standard, assessments, plains, repeat, verify_first=verify_first
        )
    except bench_scoring.DisagreementError as exc:
        raise BenchmarkError(
            f"the library and the baseline disagree on {standard.id} with "
            f"{len(standard.requirements):,} requirements: {exc}"
        ) from exc


def synthetic_extension(base: go.Standard, size: int) -> go.Extension:
    """
    An extension that brings *base* to *size* requirements in all, the new
    ones spread evenly over its areas (``bench:<area>.<n>``, numbered on
    from the area's own requirements).

    Raises:
        BenchmarkError: *base* already has more than *size* requirements.
    """
    extra = size - len(base.requirements)
    if extra < 0:
        raise BenchmarkError(
            f"growth size {size} is below the {len(base.requirements)} "
            f"requirements of {base.id}"
        )
    count = len(base.areas)
    requirements: list[go.Requirement] = []
    for position, area in enumerate(base.areas):
        own = extra // count + (1 if position < extra % count else 0)
        start = len(area.requirements) + 1
        requirements.extend(
            go.Requirement(
                id=f"{EXTENSION_ID}:{area.id}.{number}",
                text=f"Synthetische eis {number} van gebied {area.id} (benchmark).",
                source=EXTENSION_ID,
            )
            for number in range(start, start + own)
        )
    return go.Extension(
        id=EXTENSION_ID,
        title="Synthetische uitbreiding voor benchmarks",
        version="1",
        targets=(base.id,),
        sources=(go.Source(id=EXTENSION_ID, title="Synthetische benchmarkgegevens"),),
        add=go.Additions(requirements=tuple(requirements)),
    )


def best_of(run: Callable[[], object], repeat: int) -> float:
    """
    The best of *repeat* timings of *run*, the garbage collector off.
    """

    def call() -> None:
        run()

    return bench_scoring.best_times([("run", call)], repeat)[0]


def bench_growth(settings: Settings, report: Report) -> None:
    """
    Scoring and ``apply_extension`` at growing numbers of requirements.
    """
    base = go.load_standard(GROWTH_EDITION)
    n, repeat = settings.growth_n, settings.repeat
    sizes = settings.growth_sizes
    figures: list[dict[str, Any]] = []
    for size in sizes:
        _progress(f"growth: {size:,} requirements, {n} assessments, best of {repeat}")
        extension = synthetic_extension(base, size)
        apply_seconds = best_of(
            functools.partial(go.apply_extension, base, extension),
            settings.apply_repeat,
        )
        standard = go.apply_extension(base, extension)
        assessments, plains = bench_scoring.build_assessments(
            standard, n, share_ratings=True
        )
        result = _measure(
            standard, assessments, plains, repeat, verify_first=min(n, 20)
        )
        requirements = len(standard.requirements)
        per_assessment = result.unchecked / n
        figures.append(
            {
                "requirements": requirements,
                "assessments": n,
                "apply_extension": apply_seconds,
                **dataclasses.asdict(result),
                "per_requirement": per_assessment / requirements,
                "baseline_per_requirement": result.baseline / n / requirements,
                "apply_per_added_requirement": apply_seconds
                / max(1, len(extension.add.requirements)),
            }
        )
        report.rows.append(
            Row(
                benchmark=f"growth, {requirements:,} reqs",
                contestant=f"score(check=False) {_duration(per_assessment)}/a",
                contestant_value=per_assessment,
                baseline=f"plain-dict {_duration(result.baseline / n)}/a",
                baseline_value=result.baseline / n,
                target=None,
                explanation=f"{n} random assessments of {standard.id} + "
                f"{len(extension.add.requirements):,} synthetic requirements, "
                f"best of {repeat}: {_duration(per_assessment / requirements)} "
                f"per requirement (for information; score() with the check: "
                f"{_duration(result.checked / n)}/a); "
                f"apply_extension {_duration(apply_seconds)}",
            )
        )
    report.details["growth"] = figures
    small, large = figures[0], figures[-1]
    report.rows.append(
        Row(
            benchmark="linear growth, score",
            contestant=f"{large['requirements']:,} reqs "
            f"{_duration(large['per_requirement'])}/r",
            contestant_value=large["per_requirement"],
            baseline=f"{small['requirements']:,} reqs "
            f"{_duration(small['per_requirement'])}/r",
            baseline_value=small["per_requirement"],
            target=GROWTH_TARGET,
            explanation="score(check=False) time per assessment per requirement, "
            "largest vs smallest size: about 1 or below is linear; the "
            f"plain-dict loop's own ratio is "
            f"{_ratio(large['baseline_per_requirement'] / small['baseline_per_requirement'])}"  # noqa: E501
            f"; marginal cost per added requirement {_marginal(figures, 'unchecked')}",
        )
    )
    report.rows.append(
        Row(
            benchmark="linear growth, apply",
            contestant=f"{large['requirements']:,} reqs "
            f"{_duration(large['apply_per_added_requirement'])}/r",
            contestant_value=large["apply_per_added_requirement"],
            baseline=f"{small['requirements']:,} reqs "
            f"{_duration(small['apply_per_added_requirement'])}/r",
            baseline_value=small["apply_per_added_requirement"],
            target=GROWTH_TARGET,
            explanation="apply_extension time per added requirement, largest vs "
            f"smallest size, best of {settings.apply_repeat}; the times: "
            + ", ".join(
                f"{f['requirements']:,}: {_duration(f['apply_extension'])}"
                for f in figures
            ),
        )
    )


def _marginal(figures: Sequence[Mapping[str, Any]], key: str) -> str:
    """
    The extra time per assessment per added requirement between
    consecutive sizes, as text.
    """
    steps = []
    for before, after in itertools.pairwise(figures):
        added = after["requirements"] - before["requirements"]
        if added <= 0:
            continue
        per = (after[key] - before[key]) / after["assessments"] / added
        steps.append(
            f"{before['requirements']:,}->{after['requirements']:,}: {_duration(per)}"
        )
    return ", ".join(steps) or "n/a"


LIMITS_HEAD: Final = """\
goudenoor: assessment/1
edition: gos-2012
organisation: Gemeente Voorbeeld
date: 2026-10-01
ratings:
  "1.1":
    value: 3
    evidence:
"""
"""The start of a near-the-limit assessment; the evidence follows."""

_PIECE_LINES: Final = 2


def near_limit_text(pieces: int) -> str:
    """
    An assessment whose rating of ``1.1`` lists *pieces* pieces of
    evidence, each the same length and :data:`_PIECE_LINES` lines long.
    """
    return LIMITS_HEAD + "".join(
        f"      - kind: document\n        reference: Rapport {n:07d}\n"
        for n in range(pieces)
    )


def most_pieces() -> int:
    """
    The most pieces of evidence :func:`near_limit_text` may hold and still
    load: a text far over the limit is refused at a line, and the pieces
    before that line's piece load.

    Raises:
        BenchmarkError: The text over the limit loads, or the most does not.
    """
    from goudenoor.files import _yaml

    over = near_limit_text(_yaml.MAX_NODES)
    try:
        _yaml.load(over, "over.yaml")
    except go.FileFormatError as exc:
        if exc.line is None:
            raise BenchmarkError(f"the refusal is not located: {exc}") from exc
        before = (exc.line - 1 - LIMITS_HEAD.count("\n")) // _PIECE_LINES
    else:
        raise BenchmarkError("a text over the size limits loads")
    try:
        _yaml.load(near_limit_text(before), "most.yaml")
    except go.FileFormatError as exc:
        raise BenchmarkError(f"{before:,} pieces are refused: {exc}") from exc
    return before


def _best_gc_on(
    contestants: Sequence[tuple[str, Callable[[], object]]], repeat: int
) -> list[float]:
    """
    The best of *repeat* timings of each contestant, taking turns, the
    garbage collector on (collected before each).
    """
    best = [math.inf] * len(contestants)
    for _ in range(repeat):
        for position, (_, run) in enumerate(contestants):
            gc.collect()
            best[position] = min(best[position], _timed(run))
    return best


def bench_limits(settings: Settings, report: Report) -> None:
    """
    ``load_assessment`` at 1/4, 1/2 and 1x of the size limits, against the
    C YAML parser, and the growth of its time per MB.
    """
    import yaml

    _progress("near the limit: finding the most pieces of evidence accepted")
    most = most_pieces()
    repeat = settings.limits_repeat
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="goudenoor-bench-limits-") as name:
        warm_up = Path(name) / "warm-up.yaml"  # the converter is built once
        warm_up.write_text(near_limit_text(10), encoding="utf-8")
        go.load_assessment(warm_up)
        for fraction in LIMIT_FRACTIONS:
            pieces = max(1, round(most * fraction * settings.limits_scale))
            text = near_limit_text(pieces)
            path = Path(name) / f"near-limit-{fraction:g}.yaml"
            path.write_text(text, encoding="utf-8")
            size = path.stat().st_size
            _progress(
                f"near the limit: {fraction:g}x, {pieces:,} pieces, "
                f"{size / 1e6:.2f} MB, best of {repeat}"
            )
            loaded, parsed = _best_gc_on(
                [
                    ("load_assessment", functools.partial(go.load_assessment, path)),
                    (
                        "CSafeLoader",
                        functools.partial(yaml.load, text, Loader=yaml.CSafeLoader),
                    ),
                ],
                repeat,
            )
            figures.append(
                {
                    "fraction": fraction,
                    "pieces": pieces,
                    "bytes": size,
                    "load_assessment": loaded,
                    "parse": parsed,
                    "load_per_mb": loaded / size * 1e6,
                    "parse_per_mb": parsed / size * 1e6,
                }
            )
            report.rows.append(
                Row(
                    benchmark=f"near the limit, {fraction:g}x",
                    contestant=f"load_assessment {_duration(loaded)}",
                    contestant_value=loaded,
                    baseline=f"CSafeLoader {_duration(parsed)}",
                    baseline_value=parsed,
                    target=None,
                    explanation=f"{pieces:,} pieces of evidence, {size / 1e6:.2f} MB "
                    f"({fraction:g} of the {most:,} the limits accept"
                    f"{', scaled by --quick' * (settings.limits_scale != 1)}); "
                    f"{_duration(loaded / size * 1e6)} per MB; best of {repeat}, "
                    "taking turns, gc on (for information)",
                )
            )
    report.details["limits"] = {"most_pieces": most, "sizes": figures}
    small, large = figures[0], figures[-1]
    report.rows.append(
        Row(
            benchmark="linear growth, near the limit",
            contestant=f"{large['fraction']:g}x {_duration(large['load_per_mb'])}/MB",
            contestant_value=large["load_per_mb"],
            baseline=f"{small['fraction']:g}x {_duration(small['load_per_mb'])}/MB",
            baseline_value=small["load_per_mb"],
            target=LIMITS_TARGET,
            explanation="load_assessment time per MB at the limit vs at a quarter "
            "of it: about 1 or below is linear; the C parser's own ratio is "
            f"{_ratio(large['parse_per_mb'] / small['parse_per_mb'])}",
        )
    )


def bench_cli(settings: Settings, report: Report) -> None:
    """
    ``python -m goudenoor score`` against ``python -c "import goudenoor"``.
    """
    runs = settings.cli_runs
    _progress(f"CLI: {_processes(runs)} x 2 commands")
    if not (ROOT / CLI_EXAMPLE).is_file():
        raise BenchmarkError(f"{ROOT / CLI_EXAMPLE} is missing")
    python = sys.executable
    walls = process_walls(
        {
            "score": [python, "-m", "goudenoor", "score", CLI_EXAMPLE],
            "import": [python, "-c", "import goudenoor"],
            "libraries": [python, "-c", "import attrs, cattrs, yaml"],
        },
        runs,
        cwd=ROOT,
        env=report.env,
    )
    report.details["cli"] = {name: _stats(times) for name, times in walls.items()}
    ours = statistics.median(walls["score"])
    imported = statistics.median(walls["import"])
    best_ratio = min(walls["score"]) / min(walls["import"])
    report.rows.append(
        Row(
            benchmark="CLI score",
            contestant=f"goudenoor score {_duration(ours)}",
            contestant_value=ours,
            baseline=f"import goudenoor {_duration(imported)}",
            baseline_value=imported,
            target=None,
            explanation=f"wall time of `python -m goudenoor score {CLI_EXAMPLE}` "
            f"vs `python -c 'import goudenoor'`, median of {_processes(runs)} "
            "each, taking turns (for information: no target); "
            f"ratio of the minimums {_ratio(best_ratio)}",
        )
    )
    fastest = min(walls["score"])
    libraries = min(walls["libraries"])
    report.rows.append(
        Row(
            benchmark="CLI score vs libraries",
            contestant=f"goudenoor score {_duration(fastest)}",
            contestant_value=fastest,
            baseline=f"import attrs, cattrs, yaml {_duration(libraries)}",
            baseline_value=libraries,
            target=CLI_TARGET,
            explanation=f"the same `goudenoor score` processes vs `python -c "
            f"'import attrs, cattrs, yaml'`, {BEST_OF} {_processes(runs)} each, "
            "taking turns; ratio of the medians "
            f"{_ratio(ours / statistics.median(walls['libraries']))}; "
            f"precompiled cache {_cache_state()}",
        )
    )


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_portfolio(settings: Settings, report: Report) -> None:
    """
    ``load_portfolio(folder).table()`` against the C YAML parser alone, and
    ``jobs=2`` against ``jobs=1``.
    """
    import yaml

    n = settings.portfolio_n
    _progress(f"portfolio: writing {n:,} assessment files")
    standard = go.load_standard(bench_scoring.EDITION)
    assessments, _ = bench_scoring.build_assessments(standard, n)
    with tempfile.TemporaryDirectory(prefix="goudenoor-bench-portfolio-") as name:
        folder = Path(name)
        for index, assessment in enumerate(assessments):
            go.save_assessment(assessment, folder / f"audit-{index:05d}.yaml")
        del assessments
        paths = sorted(folder.glob("*.yaml"))

        def parse() -> None:
            for path in paths:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def portfolio(jobs: int) -> Callable[[], object]:
            def run() -> object:
                loaded = go.load_portfolio(folder, jobs=jobs)
                if loaded.errors or len(loaded.assessments) != n:
                    raise BenchmarkError(
                        f"the portfolio refused files: {loaded.errors[:3]}"
                    )
                return loaded.table()

            return run

        for path in paths:  # every file in the page cache before any timing
            path.read_bytes()
        parsed = one = two = math.inf
        for turn in range(PORTFOLIO_TURNS):
            _progress(f"portfolio, turn {turn + 1}: the C YAML parser alone")
            parsed = min(parsed, _timed(parse))
            _progress(
                f"portfolio, turn {turn + 1}: load_portfolio(...).table(), jobs=1"
            )
            one = min(one, _timed(portfolio(1)))
            _progress(
                f"portfolio, turn {turn + 1}: load_portfolio(...).table(), jobs=2"
            )
            two = min(two, _timed(portfolio(2)))
        _progress("portfolio: peak memory, a tenth of the files and all of them")
        tenth = paths[: max(1, n // 10)]
        memory = {"tenth": _peak_per_file(tenth), "all": _peak_per_file(paths)}
    report.details["portfolio"] = {
        "files": n,
        "parse": parsed,
        "jobs_1": one,
        "jobs_2": two,
        "cpus": os.cpu_count(),
        "peak_bytes_per_file": memory,
    }
    report.rows.append(
        Row(
            benchmark="portfolio",
            contestant=f"load_portfolio().table() {_duration(one)}",
            contestant_value=one,
            baseline=f"CSafeLoader parse {_duration(parsed)}",
            baseline_value=parsed,
            target=PORTFOLIO_TARGET,
            explanation=f"{n:,} {bench_scoring.EDITION} assessment files: read, "
            "parsed, checked and scored in one process vs read and parsed with "
            f"the C YAML loader alone; the faster of {PORTFOLIO_TURNS} turns each, "
            "files read once before (in the page cache), gc on",
        )
    )
    report.rows.append(
        Row(
            benchmark="portfolio, jobs=2",
            contestant=f"jobs=2 {_duration(two)}",
            contestant_value=two,
            baseline=f"jobs=1 {_duration(one)}",
            baseline_value=one,
            target=JOBS_TARGET,
            explanation=f"the same {n:,} files loaded in two worker processes vs "
            f"in this one ({os.cpu_count()} CPUs seen); scoring stays in this "
            "process",
        )
    )
    report.rows.append(
        Row(
            benchmark="portfolio memory per file",
            contestant=f"{n:,} files {memory['all'] / 1024:.1f} KiB",
            contestant_value=memory["all"],
            baseline=f"{len(tenth):,} files {memory['tenth'] / 1024:.1f} KiB",
            baseline_value=memory["tenth"],
            target=MEMORY_TARGET,
            explanation="peak memory (tracemalloc) of load_portfolio(paths).table() "
            "divided by the number of files, for all the files vs a tenth of them: "
            "flat when no file text is kept (the assessments and the table are)",
            unit="bytes",
        )
    )


def _peak_per_file(paths: Sequence[Path]) -> float:
    """
    The peak memory, in bytes per file, of loading and tabulating *paths*.
    """
    gc.collect()
    tracemalloc.start()
    try:
        go.load_portfolio(paths).table()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / len(paths)


# -- output --------------------------------------------------------------------

HEADER: Final = ("benchmark", "contestant", "baseline", "ratio", "target", "met?")


def _cells(row: Row) -> tuple[str, ...]:
    target = "-" if row.target is None else f"<= {row.target:g}x"
    met = "-" if row.met is None else ("yes" if row.met else "NO")
    return (row.benchmark, row.contestant, row.baseline, _ratio(row.ratio), target, met)


def format_table(rows: Sequence[Row]) -> str:
    """
    The table, one explanation line under each row.
    """
    cells = [HEADER, *(_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADER))]

    def line(values: Sequence[str]) -> str:
        return " | ".join(
            f"{value:<{width}}" for value, width in zip(values, widths, strict=True)
        ).rstrip()

    lines = [line(HEADER), "-+-".join("-" * width for width in widths)]
    for row, values in zip(rows, cells[1:], strict=True):
        lines.append(line(values))
        lines.append(f"    {row.explanation}")
    return "\n".join(lines)


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def to_json(report: Report, settings: Settings, quick: bool) -> dict[str, Any]:
    """
    The figures as plain data (seconds; ratios; ``None`` for no target).
    """
    return {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "quick": quick,
        "cached_bytecode": report.env is not None,
        "settings": dataclasses.asdict(settings),
        "rows": [
            {
                "benchmark": row.benchmark,
                "contestant": row.contestant,
                f"contestant_{row.unit}": _finite(row.contestant_value),
                "baseline": row.baseline,
                f"baseline_{row.unit}": _finite(row.baseline_value),
                "ratio": _finite(row.ratio),
                "target": row.target,
                "met": row.met,
                "explanation": row.explanation,
            }
            for row in report.rows
        ],
        "details": report.details,
    }


def status_portfolio(standard: go.Standard, n: int) -> go.Portfolio:
    """
    A checked portfolio of *n* audits of *standard*: pairs of an audit with
    a major afwijking and a verbeterpunt and its review a year later, for
    half the organisations; an audit alone for the others.
    """
    assessments, _ = bench_scoring.build_assessments(standard, n)
    found: list[go.Assessment] = []
    for index, assessment in enumerate(assessments):
        pair, second = divmod(index, 2)
        organisation = f"Organisatie {pair if index < n // 2 else index}"
        if index >= n // 2 or not second:
            findings = (
                go.Finding(
                    id="A-1",
                    requirement=standard.requirements[0].id,
                    kind="afwijking",
                    severity="major",
                    text="Een afwijking (benchmark).",
                    deadline=assessment.date + datetime.timedelta(days=90),
                ),
                go.Finding(
                    id="V-1",
                    requirement=standard.requirements[1].id,
                    kind="verbeterpunt",
                    text="Een verbeterpunt (benchmark).",
                ),
            )
            found.append(
                _evolve(assessment, organisation=organisation, findings=findings)
            )
        else:
            found.append(
                _evolve(
                    assessment,
                    organisation=organisation,
                    kind="review",
                    date=assessment.date + datetime.timedelta(days=365),
                )
            )
    return go.Portfolio(
        assessments=found, standards=[standard] * len(found), checked=True
    )


def _evolve(assessment: go.Assessment, **changes: Any) -> go.Assessment:
    import attrs

    return attrs.evolve(assessment, **changes)


def bench_status(settings: Settings, report: Report) -> None:
    """
    ``Portfolio.status`` of N audits against N/10: linear growth.
    """
    n, repeat = settings.status_n, settings.repeat
    _progress(f"status: {n:,} and {n // 10:,} audits, best of {repeat}")
    standard = go.load_standard(bench_scoring.EDITION)
    large = status_portfolio(standard, n)
    small = status_portfolio(standard, n // 10)
    as_of = bench_scoring.DATE + datetime.timedelta(days=500)

    def of_small() -> None:
        small.status(as_of)

    def of_large() -> None:
        large.status(as_of)

    small_time, large_time = bench_scoring.best_times(
        [("small", of_small), ("large", of_large)], repeat
    )
    report.details["status"] = {
        "audits": n,
        "small_audits": n // 10,
        "small": small_time,
        "large": large_time,
    }
    report.rows.append(
        Row(
            benchmark="status, linear",
            contestant=f"{n:,} audits {_duration(large_time)}",
            contestant_value=large_time,
            baseline=f"{n // 10:,} audits {_duration(small_time)}",
            baseline_value=small_time,
            target=STATUS_TARGET,
            explanation=f"Portfolio.status of a checked portfolio of {n:,} "
            f"{bench_scoring.EDITION} audits (half in audit and review pairs "
            f"with findings) vs a tenth of them; best of {repeat}, taking "
            "turns, gc off; linear is 10x",
        )
    )


def bench_evidence(settings: Settings, report: Report) -> None:
    """
    ``hash_evidence`` against ``hashlib.file_digest`` over the same files.
    """
    import hashlib

    n, size, repeat = settings.evidence_files, settings.evidence_bytes, settings.repeat
    _progress(f"evidence: {n} files of {size:,} bytes, best of {repeat}")
    with tempfile.TemporaryDirectory(prefix="goudenoor-bench-evidence-") as name:
        folder = Path(name)
        (folder / "bewijs").mkdir()
        names = [f"bewijs/stuk-{number:03}.bin" for number in range(n)]
        for number, relative in enumerate(names):
            # Random bytes (seeded): no file system compresses them away.
            (folder / relative).write_bytes(random_bytes(size, seed=number))
        evidence = tuple(
            go.Evidence(kind="document", reference=relative, path=relative)
            for relative in names
        )
        assessment = go.Assessment(
            edition=bench_scoring.EDITION,
            organisation="Benchmark",
            date=bench_scoring.DATE,
            ratings={"1.1": go.Rating(value=3, evidence=evidence)},
        )
        paths = [folder / relative for relative in names]
        for path in paths:  # every file in the page cache before any timing
            path.read_bytes()

        def library() -> None:
            go.hash_evidence(assessment, root=folder)

        def floor() -> None:
            for path in paths:
                with path.open("rb") as file:
                    hashlib.file_digest(file, "sha256")

        hashed, _ = go.hash_evidence(assessment, root=folder)
        expected = []
        for path in paths:
            with path.open("rb") as file:
                expected.append(hashlib.file_digest(file, "sha256").hexdigest())
        found = [item.sha256 for item in hashed.ratings["1.1"].evidence]
        if found != expected:
            msg = "hash_evidence and hashlib.file_digest disagree"
            raise BenchmarkError(msg)
        library_time, floor_time = bench_scoring.best_times(
            [("hash_evidence", library), ("file_digest", floor)], repeat
        )
    report.details["evidence"] = {
        "files": n,
        "bytes_per_file": size,
        "hash_evidence": library_time,
        "file_digest": floor_time,
    }
    report.rows.append(
        Row(
            benchmark="evidence, hash",
            contestant=f"hash_evidence {_duration(library_time)}",
            contestant_value=library_time,
            baseline=f"file_digest {_duration(floor_time)}",
            baseline_value=floor_time,
            target=EVIDENCE_TARGET,
            explanation=f"hash_evidence of an assessment with {n} evidence files "
            f"of {size / 1024 / 1024:g} MB vs hashlib.file_digest(file, 'sha256') "
            f"over the same files; page cache warm, best of {repeat}, taking "
            "turns, gc off",
        )
    )


def journal_of(audit: go.Audit, n: int) -> tuple[bytes, go.Assessment]:
    """
    A journal of *n* random value changes of *audit* (chained, each ``old``
    the value before) and the assessment its replay gives.
    """
    import random

    # The domain's entry maker: rate() replays the whole journal each call,
    # which over 100,000 entries one at a time would be quadratic.
    from goudenoor.audit._journal import _entry

    chance = random.Random(26)  # noqa: S311 - benchmark data
    journal = go.Journal.start(audit.assessment)
    state = journal.replay()
    ratings = audit.assessment.ratings
    ids = [
        r.id
        for r in audit.standard.requirements
        if r.id not in ratings or not ratings[r.id].not_applicable
    ]
    values = {i: state.get(("requirement", i), "value") for i in ids}
    lines = [journal.lines()]
    prev, time_ = journal.head or "", journal.header.time if journal.header else ""
    for seq in range(1, n + 1):
        requirement = chance.choice(ids)
        new = chance.choice([v for v in (0, 1, 2, 3, 4) if v != values[requirement]])
        change: tuple[tuple[str, str], go.audit.ChangeField, Any, Any] = (
            ("requirement", requirement),
            "value",
            values[requirement],
            new,
        )
        entry = _entry(seq, "bench", change, "benchmark", prev, time=time_)
        lines.append(entry.line())
        values[requirement] = new
        prev = entry.hash
    changed = audit.assessment.with_ratings(
        {
            i: attrs.evolve(audit.assessment.ratings.get(i) or go.Rating(), value=v)
            for i, v in values.items()
            if v is not None
        }
    )
    return b"".join(lines), attrs.evolve(changed, journal_head=prev)


def bench_journal(settings: Settings, report: Report) -> None:
    """
    Verifying a journal of N entries against the floor: hashing and
    parsing each of its lines.
    """
    import hashlib

    n, repeat = settings.journal_n, settings.repeat
    _progress(f"journal: {n:,} entries, best of {repeat}")
    audit = go.load_audit(ROOT / CLI_EXAMPLE)
    data, assessment = journal_of(audit, n)

    def verify() -> None:
        problems = go.audit.parse_journal(data).verify(assessment)
        if problems:
            raise BenchmarkError(f"the benchmark's journal does not verify: {problems}")

    def floor() -> None:
        for line in data.splitlines():
            hashlib.sha256(line).digest()
            json.loads(line)

    verify_time, floor_time = bench_scoring.best_times(
        [("verify", verify), ("floor", floor)], repeat
    )
    report.details["journal"] = {
        "entries": n,
        "bytes": len(data),
        "verify": verify_time,
        "floor": floor_time,
    }
    report.rows.append(
        Row(
            benchmark="journal verify",
            contestant=f"verify {n:,} entries {_duration(verify_time)}",
            contestant_value=verify_time,
            baseline=f"sha256 + json.loads {_duration(floor_time)}",
            baseline_value=floor_time,
            target=JOURNAL_TARGET,
            explanation=f"parse_journal(data).verify(assessment) of a journal of "
            f"{n:,} value changes ({len(data) / 1e6:.1f} MB: chain, head and "
            "replay against the assessment) vs hashlib.sha256 plus json.loads "
            f"of each line; best of {repeat}, taking turns, gc off",
        )
    )


def _chromium() -> str | None:
    # As the browser tests find it (tests/browser.py): GOUDENOOR_CHROMIUM
    # first, then the usual names.
    import shutil

    names = [os.environ.get("GOUDENOOR_CHROMIUM", ""), "chromium"]
    names += ["chromium-browser", "google-chrome", "google-chrome-stable"]
    return next(
        (found for name in names if name and (found := shutil.which(name))), None
    )


def _open_times(path: Path, executable: str, repeat: int) -> list[float]:
    """
    Seconds from navigation to the load event of *path*, opened from a
    file:// URL in a fresh context (no stored answers) each time.
    """
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        try:
            for _ in range(repeat + 1):  # the first opening warms the browser up
                context = browser.new_context()
                page = context.new_page()
                page.goto(path.as_uri(), wait_until="load")
                loaded = page.evaluate(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd"
                )
                times.append(float(loaded) / 1000)
                context.close()
        finally:
            browser.close()
    return times[1:]


def bench_form(settings: Settings, report: Report) -> None:
    """
    The self-assessment form of gos-2016 with the sector pack: its size
    against 300 KB, and the time it takes to open in headless Chromium
    against 1 s.
    """
    from goudenoor.report import questionnaire_html

    _progress("form: the self-assessment form of gos-2016 with the sector pack")
    pack = go.load_extension_file(
        ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"
    )
    standard = go.apply_extension(go.load_standard("gos-2016"), pack)
    text = questionnaire_html(go.questionnaire(standard))
    size = len(text.encode("utf-8"))
    report.rows.append(
        Row(
            benchmark="form size",
            contestant=f"form {size / 1000:.0f} KB",
            contestant_value=size,
            baseline=f"limit {FORM_BYTES / 1000:.0f} KB",
            baseline_value=FORM_BYTES,
            target=FORM_TARGET,
            explanation="the HTML of goudenoor questionnaire gos-2016 --extension "
            "zorg.yaml (inline stylesheet and script, every requirement and "
            "checkpoint of the edition and the pack) against 300 KB",
            unit="bytes",
        )
    )
    executable = _chromium()
    details: dict[str, Any] = {"bytes": size, "open": None}
    report.details["form"] = details
    try:
        import playwright  # noqa: F401 - only whether it is there
    except ImportError:
        executable = None
    if executable is None:
        report.rows.append(
            Row(
                benchmark="form open",
                contestant="skipped: no Chromium or Playwright",
                contestant_value=0.0,
                baseline=f"limit {_duration(FORM_SECONDS)}",
                baseline_value=FORM_SECONDS,
                target=None,
                explanation="the time to open the form in headless Chromium "
                "needs a Chromium (or GOUDENOOR_CHROMIUM) and Playwright",
            )
        )
        return
    with tempfile.TemporaryDirectory(prefix="goudenoor-bench-form-") as folder:
        path = Path(folder) / "form.html"
        path.write_text(text, encoding="utf-8")
        times = _open_times(path, executable, settings.repeat)
    best = min(times)
    details["open"] = times
    report.rows.append(
        Row(
            benchmark="form open",
            contestant=f"load event {_duration(best)}",
            contestant_value=best,
            baseline=f"limit {_duration(FORM_SECONDS)}",
            baseline_value=FORM_SECONDS,
            target=FORM_TARGET,
            explanation="headless Chromium, the form opened from a file:// URL "
            "in a fresh context: navigation start to the end of the load "
            f"event (Navigation Timing), best of {settings.repeat} after one "
            "warm-up opening",
        )
    )


SAMPLE_DEPARTMENTS: Final = (
    "Klantcontactcentrum",
    "Wonen",
    "Zorg en welzijn",
    "Belastingen",
    "Parkeren",
    "Afval",
    "Burgerzaken",
    "Vergunningen",
)
"""The strata column of the benchmark's register."""

SAMPLE_TEXT: Final = (
    "de het een klacht over late reactie van medewerker brief niet ontvangen "
    "telefonisch toegezegd terug te bellen factuur onjuist bedrag afspraak "
    "verzet zonder bericht wachttijd lang behandeling onvriendelijk, excuses "
    'gevraagd; vergoeding "dringend" aanvraag afgewezen bezwaar ingediend'
)
"""The words of its free text (a comma, a semicolon, quotes: quoted cells)."""


def sample_register(path: Path, n: int) -> None:
    """
    Write a CSV register of *n* complaints to *path*: an id (``zaaknummer``,
    ``K-0000001``), a department (``afdeling``) and a free-text summary
    (``omschrijving``, 12 to 36 words, about 150 characters), the same for
    the same *n*.
    """
    import csv
    import random

    chance = random.Random(27)  # noqa: S311 - benchmark data
    vocabulary = SAMPLE_TEXT.split()
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["zaaknummer", "afdeling", "omschrijving"])
        for number in range(1, n + 1):
            words = chance.choices(vocabulary, k=chance.randint(12, 36))
            writer.writerow(
                [
                    f"K-{number:07d}",
                    chance.choice(SAMPLE_DEPARTMENTS),
                    " ".join(words).capitalize(),
                ]
            )


def _sample_floor(path: Path, seed: str) -> tuple[str, int, list[str]]:
    """
    What a draw cannot avoid, done by hand: the file's SHA-256, its records
    read with ``csv.reader`` and one SHA-256 of the seed and each id; with
    the *SAMPLE_SIZE* ids of the smallest keys (``heapq.nsmallest``), to
    check the library's draw against.
    """
    import csv
    import hashlib
    import heapq

    with path.open("rb") as file:
        digest = hashlib.file_digest(file, "sha256").hexdigest()
    with path.open(encoding="utf-8", newline="") as file:
        rows = csv.reader(file)
        next(rows)
        keyed = [
            (hashlib.sha256((seed + row[0]).encode("utf-8")).digest(), row[0])
            for row in rows
        ]
    chosen = heapq.nsmallest(SAMPLE_SIZE, keyed)
    return digest, len(keyed), [ident for _, ident in chosen]


def _peak_per_record(run: Callable[[], object], records: int) -> float:
    """
    The peak memory (tracemalloc) of *run*, in bytes per record.
    """
    gc.collect()
    tracemalloc.start()
    try:
        run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / records


def bench_sample(settings: Settings, report: Report) -> None:
    """
    ``draw_sample`` from a register of N records against its floor (the
    file's hash, ``csv.reader`` and a SHA-256 per id), and its time and
    peak memory per record at N against N/10.
    """
    import csv
    import hashlib

    from goudenoor.files import draw_sample

    n, small_n, repeat = settings.sample_n, settings.sample_growth_n, settings.repeat
    seed = SAMPLE_SEED
    with tempfile.TemporaryDirectory(prefix="goudenoor-bench-sample-") as name:
        large_path = Path(name) / "register.csv"
        small_path = Path(name) / "register-small.csv"
        _progress(f"sample: writing registers of {n:,} and {small_n:,} records")
        sample_register(large_path, n)
        sample_register(small_path, small_n)
        size = large_path.stat().st_size

        def draw(path: Path) -> go.audit.Sample:
            return draw_sample(
                path, id_column="zaaknummer", size=SAMPLE_SIZE, seed=seed
            )

        # The library's draw and the floor's selection agree first (this
        # also puts the files in the page cache before any timing).
        sample = draw(large_path)
        digest, records, ids = _sample_floor(large_path, seed)
        if (digest, records, ids) != (
            sample.register.sha256,
            sample.register.records,
            list(sample.ids),
        ):
            msg = "draw_sample and the floor's selection (heapq.nsmallest) disagree"
            raise BenchmarkError(msg)
        draw(small_path)

        def large() -> None:
            draw(large_path)

        def small() -> None:
            draw(small_path)

        def floor_of(path: Path) -> None:
            with path.open("rb") as file:
                hashlib.file_digest(file, "sha256")
            with path.open(encoding="utf-8", newline="") as file:
                rows = csv.reader(file)
                next(rows)
                for row in rows:
                    hashlib.sha256((seed + row[0]).encode("utf-8")).digest()

        def floor() -> None:
            floor_of(large_path)

        def small_floor() -> None:
            floor_of(small_path)

        _progress(
            f"sample: draw_sample from {n:,} and {small_n:,} records and the floor, "
            f"best of {repeat}"
        )
        large_time, floor_time, small_time, small_floor_time = bench_scoring.best_times(
            [
                ("draw", large),
                ("floor", floor),
                ("draw, growth point", small),
                ("floor, growth point", small_floor),
            ],
            repeat,
        )
        _progress("sample: peak memory per record")
        memory = {
            "small": _peak_per_record(small, small_n),
            "large": _peak_per_record(large, n),
        }
    per_large, per_small = large_time / n, small_time / small_n
    floor_growth = (floor_time / n) / (small_floor_time / small_n)
    report.details["sample"] = {
        "records": n,
        "growth_records": small_n,
        "bytes": size,
        "size": SAMPLE_SIZE,
        "draw": large_time,
        "floor": floor_time,
        "growth_draw": small_time,
        "growth_floor": small_floor_time,
        "peak_bytes_per_record": memory,
    }
    report.rows.append(
        Row(
            benchmark="sample, draw",
            contestant=f"draw_sample {_duration(large_time)}",
            contestant_value=large_time,
            baseline=f"digest + csv + sha256 {_duration(floor_time)}",
            baseline_value=floor_time,
            target=SAMPLE_TARGET,
            explanation=f"draw_sample(register, size={SAMPLE_SIZE}) from a CSV "
            f"register of {n:,} records ({size / 1e6:.0f} MB: id, department, "
            "free text) vs hashlib.file_digest of the file, csv.reader over it "
            "and hashlib.sha256 of the seed and each id (the same ids as "
            f"heapq.nsmallest, checked first); best of {repeat}, taking turns, "
            "gc off",
        )
    )
    report.rows.append(
        Row(
            benchmark="sample, growth",
            contestant=f"{n:,} records {_duration(per_large)}/r",
            contestant_value=per_large,
            baseline=f"{small_n:,} records {_duration(per_small)}/r",
            baseline_value=per_small,
            target=SAMPLE_GROWTH_TARGET,
            explanation="draw_sample time per record, the register of "
            f"{n:,} records vs one of {small_n:,}; best of {repeat}, taking "
            "turns with the row above: about 1 or below is linear; the "
            f"floor's own ratio is {_ratio(floor_growth)}",
        )
    )
    report.rows.append(
        Row(
            benchmark="sample, memory per record",
            contestant=f"{n:,} records {memory['large']:.0f} B",
            contestant_value=memory["large"],
            baseline=f"{small_n:,} records {memory['small']:.0f} B",
            baseline_value=memory["small"],
            target=SAMPLE_GROWTH_TARGET,
            explanation="peak memory (tracemalloc) of draw_sample divided by "
            f"the number of records, {n:,} vs {small_n:,}: constant when no "
            "record's text is kept (the ids are, to refuse a repeated one)",
            unit="bytes",
        )
    )


def random_bytes(size: int, *, seed: int) -> bytes:
    """
    *size* random bytes, the same for the same *seed*.
    """
    import random

    return random.Random(seed).randbytes(size)  # noqa: S311 - data, not secrets


# -- command line ----------------------------------------------------------------

_RUNNERS: Final[Mapping[str, Callable[[Settings, Report], None]]] = {
    "import": bench_import,
    "first-call": bench_first_call,
    "load": bench_load,
    "scoring": bench_scoring_rows,
    "growth": bench_growth,
    "limits": bench_limits,
    "cli": bench_cli,
    "portfolio": bench_portfolio,
    "status": bench_status,
    "evidence": bench_evidence,
    "journal": bench_journal,
    "form": bench_form,
    "sample": bench_sample,
}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure goudenoor against its performance contract "
        "(design §8): a table of ratios against baselines measured in "
        "the same run.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small sizes and few runs: a smoke run, not a measurement",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=BENCHMARKS,
        metavar="NAME",
        help=f"run only these benchmarks (of {', '.join(BENCHMARKS)})",
    )
    parser.add_argument(
        "--json",
        type=Path,
        metavar="PATH",
        help="also write the figures as JSON to PATH",
    )
    parser.add_argument(
        "--keep-env",
        action="store_true",
        help="run the subprocesses in this environment as is (by default "
        "bytecode is cached under a temporary PYTHONPYCACHEPREFIX, even "
        "if PYTHONDONTWRITEBYTECODE is set)",
    )
    parser.add_argument(
        "--assert-targets",
        action="store_true",
        help="exit with status 1 if a target is missed",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    quick: bool = args.quick
    settings = QUICK if quick else DEFAULT
    chosen = [name for name in BENCHMARKS if args.only is None or name in args.only]
    keep_env: bool = args.keep_env
    with tempfile.TemporaryDirectory(prefix="goudenoor-bench-pyc-") as prefix:
        report = Report(env=None if keep_env else cached_bytecode_env(Path(prefix)))
        try:
            for name in chosen:
                _RUNNERS[name](settings, report)
        except BenchmarkError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    bytecode = (
        "subprocesses in this environment as is (--keep-env)"
        if keep_env
        else "subprocesses load cached bytecode (temporary PYTHONPYCACHEPREFIX)"
    )

    print(
        f"goudenoor benchmarks{' (--quick: smoke run, not a measurement)' * quick}: "
        f"Python {platform.python_version()} {platform.python_implementation()}, "
        f"{platform.platform()}; ratios against baselines measured in this run; "
        f"{bytecode}"
    )
    print()
    print(format_table(report.rows))
    print()
    targeted = [row for row in report.rows if row.met is not None]
    missed = [row.benchmark for row in targeted if not row.met]
    print(
        f"targets: {len(targeted) - len(missed)} of {len(targeted)} met"
        + (f"; missed: {', '.join(missed)}" if missed else "")
    )
    if args.json is not None:
        path: Path = args.json
        path.write_text(
            json.dumps(to_json(report, settings, quick), indent=2, allow_nan=False)
            + "\n",
            encoding="utf-8",
        )
        print(f"figures written to {path}")
    return 1 if args.assert_targets and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
