"""
A long fuzzing run of goudenoor's entry points: only ``GoudenoorError``
may escape.

The inputs come from ``tests/fuzz_inputs.py`` (shared with the short,
derandomized run of ``tests/corpus/test_fuzz.py`` in CI): raw bytes and text,
mutations of valid assessments and extensions, random mappings for
``assessment_from_mapping`` and random assessments and options for
``score``; the XLSX import (``goudenoor.files.xlsx.load_workbook``) is
fuzzed too where it exists. Hypothesis generates N cases per entry point
(``--cases``, default 10,000) from a fixed seed (``--seed``), without
shrinking, and every case runs to the end: a case ends ``ok``, refused
with a ``GoudenoorError``, or *escaped* with any other exception.

The run prints one row per entry point (cases tried, refused, ok,
escaped), the first escapes of each kind with the input that caused them,
and how long the loader takes to refuse the inputs its limits are for
(an alias bomb, a 50 MB file, a flat list of 4 million values, lists
nested 50,000 deep in flow style and in compact block style, on one line
and over 50 lines; the nested ones in a subprocess, as they could crash
the interpreter). Timings are for information only.

The exit status is 1 if any exception escaped, 2 if a limit could not be
measured (a crashed subprocess), else 0.

Run from the repository root::

    python benchmarks/fuzz.py                  # 10,000 cases per entry point
    python benchmarks/fuzz.py --cases 200      # a quick run
    python benchmarks/fuzz.py --seed 7 --only load_assessment score
    python benchmarks/fuzz.py --no-limits      # skip the timings
    python benchmarks/fuzz.py --only           # only the timings
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any


TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

import fuzz_inputs  # noqa: E402 - from tests/, put on the path above
import goudenoor as go  # noqa: E402
from goudenoor.files import _yaml  # noqa: E402


SHOWN_PER_KIND = 2
"""How many escapes of one kind (type and place) are printed."""

ROW = "{:<26} {:>7} {:>8} {:>7} {:>8} {:>8}"
"""A row of the outcome table."""


@dataclasses.dataclass
class Tally:
    """
    What happened to the cases of one entry point.
    """

    name: str
    tried: int = 0
    refused: int = 0
    ok: int = 0
    escaped: int = 0
    seconds: float = 0.0
    kinds: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    def record_escape(self, exc: BaseException, case: object) -> None:
        """
        Count an escaped exception, keeping a few examples of each kind.
        """
        self.escaped += 1
        last = traceback.extract_tb(exc.__traceback__)[-1]
        kind = f"{type(exc).__name__} at {Path(last.filename).name}:{last.lineno}"
        shown = self.kinds.setdefault(kind, [])
        if len(shown) < SHOWN_PER_KIND:
            text = repr(case)
            cut = text if len(text) <= 300 else text[:300] + "..."
            shown.append(f"{type(exc).__name__}: {str(exc)[:200]}\n      input: {cut}")


def run_entry(entry: fuzz_inputs.EntryPoint, cases: int, start: int) -> Tally:
    """
    Try *cases* cases of *entry* (seeded with *start*), counting outcomes.
    """
    tally = Tally(entry.name)
    with tempfile.TemporaryDirectory() as folder:

        @seed(start)
        @settings(
            max_examples=cases,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(entry.cases)
        def one(case: Any) -> None:
            tally.tried += 1
            try:
                outcome = fuzz_inputs.fuzzed(entry, case, Path(folder))
            except Exception as exc:  # noqa: BLE001 - counting what escapes is the point
                tally.record_escape(exc, case)
                return
            if outcome == "ok":
                tally.ok += 1
            else:
                tally.refused += 1

        began = time.perf_counter()
        one()
        tally.seconds = time.perf_counter() - began
    return tally


def entry_points() -> list[fuzz_inputs.EntryPoint]:
    """
    The shared entry points, and the XLSX import where it exists.
    """
    found = list(fuzz_inputs.ENTRY_POINTS)
    xlsx = fuzz_inputs.xlsx_entry_point()
    if xlsx is not None:
        found.append(xlsx)
    return found


def _timed(action: Any) -> tuple[float, str]:
    began = time.perf_counter()
    try:
        action()
    except go.GoudenoorError as exc:
        return time.perf_counter() - began, str(exc).rsplit(": ", 1)[-1]
    return time.perf_counter() - began, "accepted"


def limits(folder: Path) -> list[tuple[str, float | None, str]]:
    """
    How long refusing each kind of oversized input takes, and the reason.
    """
    head = "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
    rows: list[tuple[str, float | None, str]] = []
    bomb = ["a0: &a0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    bomb += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    path = folder / "bomb.yaml"
    path.write_text(head + "\n".join(bomb) + "\n", encoding="utf-8")
    rows.append(
        ("alias bomb (10^9 values, 9 lines)", *_timed(lambda: go.load_assessment(path)))
    )
    path = folder / "big.yaml"
    with path.open("w", encoding="utf-8") as file:
        file.write(head + "# " + "x" * (50 * 1024 * 1024) + "\n")
    rows.append(("50 MB file", *_timed(lambda: go.load_assessment(path))))
    path.unlink()
    path = folder / "flat.yaml"
    count = 4_000_000
    path.write_text(f"{head}auditors: [{','.join(['a'] * count)}]\n", encoding="utf-8")
    label = f"flat list of {count:,} values ({path.stat().st_size / 1e6:.1f} MB)"
    rows.append((label, *_timed(lambda: go.load_assessment(path))))
    depth = 50_000
    styles = {
        "[[[": "[" * depth + "]" * depth,
        "- - -": "\n  " + "- " * depth + "x",
        "- - - over 50 lines": "\n"
        + "".join(
            " " * (2 + 2 * k * depth // 50) + "- " * (depth // 50) + "\n"
            for k in range(50)
        ),
    }
    for style, nested in styles.items():
        path = folder / "deep.yaml"
        path.write_text(f"{head}auditors: {nested}\n", encoding="utf-8")
        began = time.perf_counter()
        done = subprocess.run(  # noqa: S603 - our own command, fixed arguments
            [sys.executable, "-m", "goudenoor", "score", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - began
        label = f"{style} nested {depth:,} deep (subprocess)"
        if done.returncode == 2:
            rows.append((label, seconds, done.stderr.strip().rsplit(": ", 1)[-1]))
        else:
            crash = f"exit status {done.returncode}: {done.stderr[-200:]!r}"
            rows.append((label, None, crash))
    return rows


def main(argv: list[str] | None = None) -> int:
    """
    Fuzz, print the tables, return the exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cases", type=int, default=10_000, help="cases per entry point"
    )
    parser.add_argument("--seed", type=int, default=2026, help="Hypothesis seed")
    parser.add_argument(
        "--only", nargs="*", default=None, metavar="NAME", help="entry points"
    )
    parser.add_argument(
        "--no-limits", action="store_true", help="skip the limit timings"
    )
    args = parser.parse_args(argv)
    chosen = [e for e in entry_points() if args.only is None or e.name in args.only]
    version = getattr(go, "__version__", "?")
    print(
        f"goudenoor {version}, {args.cases:,} cases per entry point, seed {args.seed}"
    )
    print(
        f"MAX_BYTES {_yaml.MAX_BYTES:,}, MAX_NODES {_yaml.MAX_NODES:,}, "
        f"MAX_DEPTH {_yaml.MAX_DEPTH}\n"
    )
    tallies = []
    for entry in chosen:
        tallies.append(run_entry(entry, args.cases, args.seed))
        print(f"  done: {entry.name}", file=sys.stderr)
    print(ROW.format("entry point", "tried", "refused", "ok", "escaped", "seconds"))
    for t in tallies:
        counts = (f"{n:,}" for n in (t.tried, t.refused, t.ok, t.escaped))
        print(ROW.format(t.name, *counts, f"{t.seconds:.1f}"))
    escaped = sum(t.escaped for t in tallies)
    for t in tallies:
        for kind, shown in t.kinds.items():
            print(f"\n{t.name}: {kind}")
            for line in shown:
                print(f"    {line}")
    status = 1 if escaped else 0
    if not args.no_limits:
        print(f"\n{'refusing':<52} {'ms':>9}  reason")
        with tempfile.TemporaryDirectory() as folder:
            for label, seconds, reason in limits(Path(folder)):
                took = "crashed" if seconds is None else f"{seconds * 1000:9.1f}"
                print(f"{label:<52} {took:>9}  {reason}")
                if seconds is None:
                    status = max(status, 2)
    print(f"\nescaped: {escaped}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
