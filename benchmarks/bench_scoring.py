"""
How fast :func:`goudenoor.score` is, measured against a plain-dict loop
that computes the same numbers, in the same run.

The benchmark builds N (default 10,000) random assessments of ``gos-2012``
with a fixed seed: per requirement, about 85% rated 0 to 4 (with one
piece of evidence for most ratings of 2 or more), 5% not applicable
(never a whole area) and 10% absent (unrated). The same data is also
built as plain dicts ``{requirement_id: value | None | "n/a"}``.

Three contestants then score all N assessments:

* ``score(std, a)``: the library's default, which first checks the
  assessment against the standard;
* ``score(std, a, check=False)``: the library without the check;
* the baseline: a hand-written loop over the plain dicts that computes
  organisation, result and total points by the weighted-mean rule (without
  the library's evidence warnings and per-requirement outcomes).

Before anything is timed, every assessment's library totals are compared
with the baseline's; the run stops if one differs. Each contestant is then
timed R times (default 5) with :func:`time.perf_counter`, the contestants
taking turns in each repetition, and its best (minimum) time is reported
together with its ratio to the baseline's best time. The garbage collector
is off while a contestant runs, as in :mod:`timeit`.

The target (from the issue) is ``score(check=False)`` at most 2.0 times
the baseline. Speed is a measurement, not a test: the exit status is 0
whether or not the target is met, unless ``--assert-target`` is given.

Run from the repository root::

    python benchmarks/bench_scoring.py
    python benchmarks/bench_scoring.py --n 200 --repeat 1   # a quick smoke run
    python benchmarks/bench_scoring.py --assert-target      # exit 1 on a miss

``benchmarks/run.py`` (``python -m benchmarks``) reuses :func:`build_assessments`
and :func:`measure` for its scoring and growth rows.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import gc
import math
import platform
import random
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Final, Literal

import goudenoor as go


EDITION: Final = "gos-2012"
SEED: Final = 2026
TARGET: Final = 2.0
"""The highest acceptable ratio of ``score(check=False)`` to the baseline."""

CONTESTANTS: Final = (
    "score(std, a)",
    "score(std, a, check=False)",
    "plain-dict baseline",
)
"""The contestants' names, in the order they take turns."""

P_RATED: Final = 0.85
P_NOT_APPLICABLE: Final = 0.05
"""The rest (about 0.10) is absent, that is unrated."""
P_EVIDENCE: Final = 0.9
"""The chance that a rating of 2 or more comes with evidence."""
EVIDENCE_FROM: Final = 2

NOT_APPLICABLE: Final = "n/a"
DATE: Final = datetime.date(2026, 10, 1)

PlainValue = float | None | Literal["n/a"]
"""A plain-dict rating: a value, ``None`` (unrated) or ``"n/a"``."""
PlainAssessment = dict[str, PlainValue]
PlainPlan = list[tuple[float, str, list[tuple[str, float]]]]
"""Per area: (points, kind, [(requirement id, weight), ...])."""


def build_assessments(
    standard: go.Standard, n: int, seed: int = SEED, *, share_ratings: bool = False
) -> tuple[list[go.Assessment], list[PlainAssessment]]:
    """
    *n* random assessments of *standard* (made with its extensions, if
    any), as library objects and as plain dicts with the same content.

    With *share_ratings*, equal ratings are one shared (immutable)
    :class:`goudenoor.Rating` object instead of one object each, which
    keeps memory in check for standards with thousands of requirements;
    the drawn values are the same either way.
    """
    rng = random.Random(seed)  # noqa: S311 - benchmark data, not cryptography
    rating = _rating_maker(share=share_ratings)
    assessments: list[go.Assessment] = []
    plains: list[PlainAssessment] = []
    for index in range(n):
        ratings: dict[str, go.Rating] = {}
        plain: PlainAssessment = {}
        for area in standard.areas:
            while True:
                drawn = [(r.id, _draw(rng)) for r in area.requirements]
                if not all(value == NOT_APPLICABLE for _, value in drawn):
                    break
            for rid, value in drawn:
                plain[rid] = value
                if value is None:
                    continue
                ratings[rid] = rating(
                    value,
                    not isinstance(value, str)
                    and value >= EVIDENCE_FROM
                    and rng.random() < P_EVIDENCE,
                )
        assessments.append(
            go.Assessment(
                edition=standard.id,
                organisation=f"Organisatie {index}",
                date=DATE,
                extensions=standard.extensions,
                ratings=ratings,
            )
        )
        plains.append(plain)
    return assessments, plains


def _rating_maker(
    *, share: bool
) -> Callable[[float | Literal["n/a"], bool], go.Rating]:
    """
    A function making the Rating for a drawn value (with evidence or
    not); with *share*, it hands out one object per distinct rating.
    """
    evidence = (go.Evidence(kind="document", reference="audit file"),)
    pool: dict[tuple[PlainValue, bool], go.Rating] = {}

    def make(value: float | Literal["n/a"], with_evidence: bool) -> go.Rating:
        if isinstance(value, str):
            return go.Rating(not_applicable=True, justification="niet van toepassing")
        if with_evidence:
            return go.Rating(value=value, evidence=evidence)
        return go.Rating(value=value)

    def shared(value: float | Literal["n/a"], with_evidence: bool) -> go.Rating:
        key = (value, with_evidence)
        made = pool.get(key)
        if made is None:
            made = pool[key] = make(value, with_evidence)
        return made

    return shared if share else make


def _draw(rng: random.Random) -> PlainValue:
    draw = rng.random()
    if draw < P_RATED:
        return float(rng.randint(0, 4))
    if draw < P_RATED + P_NOT_APPLICABLE:
        return NOT_APPLICABLE
    return None


def plain_plan(standard: go.Standard) -> PlainPlan:
    """
    What the baseline needs from *standard*, as plain lists and tuples.
    """
    return [
        (area.points, area.kind, [(r.id, r.weight) for r in area.requirements])
        for area in standard.areas
    ]


def baseline_score(
    plan: PlainPlan, ratings: Mapping[str, PlainValue], minimum: float, span: float
) -> tuple[float, float, float]:
    """
    Organisation, result and total points of one plain-dict assessment by
    the weighted-mean rule: a value counts ``(value - minimum) / span``,
    ``"n/a"`` is left out, an unrated requirement counts 0.
    """
    organisation = result = 0.0
    for points, kind, requirements in plan:
        earned = weights = 0.0
        for rid, weight in requirements:
            value = ratings.get(rid)
            if isinstance(value, str):
                continue
            weights += weight
            if value is not None:
                earned += weight * (value - minimum) / span
        fraction = earned / weights if weights else 0.0
        if kind == "organisation":
            organisation += points * fraction
        else:
            result += points * fraction
    return organisation, result, organisation + result


def verify(
    standard: go.Standard,
    assessments: Sequence[go.Assessment],
    plains: Sequence[PlainAssessment],
    plan: PlainPlan,
    *,
    minimum: float,
    span: float,
) -> str | None:
    """
    ``None`` if the library and the baseline give the same organisation,
    result and total points for every assessment (with and without the
    check), else a description of the first difference.
    """
    names = ("organisation", "result", "total")
    for index, (assessment, plain) in enumerate(zip(assessments, plains, strict=True)):
        expected = baseline_score(plan, plain, minimum, span)
        for check in (True, False):
            card = go.score(standard, assessment, check=check)
            actual = (card.organisation_points, card.result_points, card.total)
            for name, got, want in zip(names, actual, expected, strict=True):
                if not math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9):
                    return (
                        f"assessment {index}: score(check={check}).{name} is "
                        f"{got!r}, the baseline gives {want!r}"
                    )
    return None


def best_times(
    contestants: Sequence[tuple[str, Callable[[], None]]], repeat: int
) -> list[float]:
    """
    The best of *repeat* timings of each contestant, taking turns in each
    repetition; the garbage collector is off while one runs.
    """
    best = [math.inf] * len(contestants)
    for _ in range(repeat):
        for position, (_, run) in enumerate(contestants):
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                run()
                elapsed = time.perf_counter() - start
            finally:
                gc.enable()
            best[position] = min(best[position], elapsed)
    return best


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text}")
    return number


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time goudenoor.score on random assessments against a "
        "plain-dict loop computing the same points.",
    )
    parser.add_argument(
        "--n",
        type=_positive,
        default=10_000,
        help="number of assessments (default: %(default)s)",
    )
    parser.add_argument(
        "--repeat",
        type=_positive,
        default=5,
        help="repetitions; the best time counts (default: %(default)s)",
    )
    parser.add_argument(
        "--assert-target",
        action="store_true",
        help=f"exit with status 1 if score(check=False) takes more than "
        f"{TARGET:g}x the baseline",
    )
    return parser.parse_args(argv)


@dataclasses.dataclass(frozen=True)
class ScoringTimes:
    """
    The best times (seconds) of the three contestants on *n* assessments.
    """

    n: int
    repeat: int
    checked: float
    """``score(std, a)``, with the check."""
    unchecked: float
    """``score(std, a, check=False)``."""
    baseline: float
    """The plain-dict loop."""

    @property
    def ratio(self) -> float:
        """
        ``score(check=False)`` over the baseline: the figure the target is on.
        """
        return self.unchecked / self.baseline


class DisagreementError(Exception):
    """
    The library and the baseline give different points; nothing is timed.
    """


def measure(
    standard: go.Standard,
    assessments: Sequence[go.Assessment],
    plains: Sequence[PlainAssessment],
    repeat: int,
    *,
    verify_first: int | None = None,
) -> ScoringTimes:
    """
    Check that the library agrees with the baseline on the first
    *verify_first* assessments (all by default), then time the three
    contestants on all of them, best of *repeat*, taking turns.

    Raises:
        DisagreementError: The library and the baseline disagree.
    """
    scale = standard.scale(None)
    minimum, span = scale.minimum, scale.maximum - scale.minimum
    plan = plain_plan(standard)
    checked_count = len(assessments) if verify_first is None else verify_first
    problem = verify(
        standard,
        assessments[:checked_count],
        plains[:checked_count],
        plan,
        minimum=minimum,
        span=span,
    )
    if problem is not None:
        raise DisagreementError(problem)

    def library() -> None:
        for assessment in assessments:
            go.score(standard, assessment)

    def library_unchecked() -> None:
        for assessment in assessments:
            go.score(standard, assessment, check=False)

    def baseline() -> None:
        for plain in plains:
            baseline_score(plan, plain, minimum, span)

    checked, unchecked, reference = best_times(
        [
            (CONTESTANTS[0], library),
            (CONTESTANTS[1], library_unchecked),
            (CONTESTANTS[2], baseline),
        ],
        repeat,
    )
    return ScoringTimes(
        n=len(assessments),
        repeat=repeat,
        checked=checked,
        unchecked=unchecked,
        baseline=reference,
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    n: int = args.n
    repeat: int = args.repeat

    standard = go.load_standard(EDITION)
    assessments, plains = build_assessments(standard, n)
    try:
        result = measure(standard, assessments, plains, repeat)
    except DisagreementError as exc:
        print(
            f"error: the library and the baseline disagree: {exc}",
            file=sys.stderr,
        )
        return 2
    times = (result.checked, result.unchecked, result.baseline)
    reference = result.baseline

    print(
        f"goudenoor.score on {n:,} {EDITION} assessments, best of {repeat} "
        f"(Python {platform.python_version()}, {platform.python_implementation()})"
    )
    width = max(len(name) for name in CONTESTANTS)
    print(
        f"{'contestant':<{width}}  {'best (s)':>9}  {'per assessment (µs)':>19}  "
        f"{'ratio':>7}"
    )
    for name, seconds in zip(CONTESTANTS, times, strict=True):
        print(
            f"{name:<{width}}  {seconds:>9.4f}  {seconds / n * 1e6:>19.2f}  "
            f"{seconds / reference:>6.2f}x"
        )
    ratio = result.ratio
    met = ratio <= TARGET
    print(
        f"target: score(check=False) <= {TARGET:.1f}x baseline: "
        f"{'met' if met else 'NOT met'} ({ratio:.2f}x)"
    )
    return 1 if args.assert_target and not met else 0


if __name__ == "__main__":
    raise SystemExit(main())
