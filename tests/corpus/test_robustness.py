"""
Robustness: a killed writer never leaves a broken assessment, scoring from
many threads gives the same results as scoring in turn, and the model
objects pickle and cross process pools.
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import pickle
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from fuzz_inputs import ZORG, large_assessment


TESTS = Path(__file__).parent.parent

KILLS = 40
"""How often the writer is killed in the middle of saving."""

VERSIONS = 10
"""How many different assessments the writer takes turns saving."""

# The writer: a process that imports goudenoor once, then for every line
# it reads forks a child that saves large assessments to one path in a
# loop (never returning), prints the child's pid and, once the child is
# gone, its wait status. Forking keeps each round free of the interpreter's
# start-up, so the parent can kill many children in a few seconds.
WRITER = """\
import os, sys
sys.path.insert(0, sys.argv[1])
import goudenoor as go
from fuzz_inputs import large_assessment
path, count = sys.argv[2], int(sys.argv[3])
versions = [large_assessment(k) for k in range(count)]
# goudenoor imports its modules when first used: one save (of what the file
# holds already) before forking imports them once, not in every child.
go.save_assessment(versions[0], path, overwrite=True)
for line in sys.stdin:
    first = int(line)
    pid = os.fork()
    if pid == 0:
        try:
            k = first
            while True:
                go.save_assessment(versions[k % count], path, overwrite=True)
                k += 1
        finally:
            os._exit(3)
    print(pid, flush=True)
    print(os.waitpid(pid, 0)[1], flush=True)
"""


def _wait_for_new_temporary(folder: Path, timeout: float = 2.0) -> None:
    """
    Return as soon as a temporary file appears in *folder* that was not
    there before: the writer is then between creating it and moving it
    into place, the moment a crash is most likely to do harm.
    """
    before = set(folder.glob(".*.tmp"))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if set(folder.glob(".*.tmp")) - before:
            return
        time.sleep(0.0001)


def _version_of(assessment: go.Assessment) -> int:
    return int(assessment.organisation.rsplit(" ", 1)[1])


@pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
    reason="needs os.fork and SIGKILL (POSIX)",
)
class TestCrashSafety:
    def test_killed_while_saving(self, tmp_path: Path) -> None:
        """
        A writer killed (SIGKILL) while it saves, many times over (half of
        the kills at random moments, half just after it created its
        temporary file), always leaves the previous or the new assessment,
        complete and loadable; what else it leaves is at most one temporary
        file ``.audit.yaml.<random>.tmp`` per kill, never a broken
        ``audit.yaml``, and the next save is not stopped by them.
        """
        path = tmp_path / "audit.yaml"
        started = time.perf_counter()
        go.save_assessment(large_assessment(0), path)
        # The random moments span a few saves as long as one takes on this
        # machine now: on a loaded machine a fixed window could end before
        # any save finished, and the file would never be replaced.
        window = max(0.15, 3 * (time.perf_counter() - started))
        rng = random.Random(2026)  # noqa: S311 - test data, not cryptography
        seen: set[int] = set()
        statuses: list[int] = []
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(TESTS), str(path), str(VERSIONS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        ) as writer:
            assert writer.stdin is not None
            assert writer.stdout is not None
            for kill in range(KILLS):
                writer.stdin.write(f"{kill * 3}\n")
                writer.stdin.flush()
                child = int(writer.stdout.readline())
                if kill % 2:
                    time.sleep(rng.uniform(0.0, window))
                else:
                    _wait_for_new_temporary(tmp_path)
                os.kill(child, signal.SIGKILL)
                statuses.append(int(writer.stdout.readline()))
                loaded = go.load_assessment(path)
                seen.add(_version_of(loaded))

                assert large_assessment(_version_of(loaded)) == loaded
            writer.stdin.close()
        leftovers = sorted(p.name for p in tmp_path.iterdir() if p != path)

        assert [signal.SIGKILL] * KILLS == [os.WTERMSIG(s) for s in statuses]
        assert len(seen) > 1, "the writer never got to replace the file"
        assert len(leftovers) <= KILLS
        assert all(re.fullmatch(r"\.audit\.yaml\.[0-9a-f]+\.tmp", n) for n in leftovers)
        go.save_assessment(large_assessment(0), path, overwrite=True)
        assert large_assessment(0) == go.load_assessment(path)

    def test_refuses_to_overwrite(self, tmp_path: Path) -> None:
        """
        Without overwrite=True an existing file is left as it is.
        """
        path = tmp_path / "audit.yaml"
        go.save_assessment(large_assessment(1), path)
        before = path.read_bytes()

        with pytest.raises(go.GoudenoorError):
            go.save_assessment(large_assessment(2), path)
        assert before == path.read_bytes()
        assert ["audit.yaml"] == [p.name for p in tmp_path.iterdir()]


# ---------------------------------------------------------------- threads

METHODS = ("weighted-mean", "checkpoint-coverage")
POLICIES = ("warn", "strict")


def random_assessment(rng: random.Random, standard: go.Standard) -> go.Assessment:
    """
    A valid assessment of *standard*: every area keeps an applicable
    requirement; values, evidence, checkpoints and not-applicable at
    random.
    """
    scale = standard.scale()
    ratings: dict[str, go.Rating] = {}
    for area in standard.areas:
        for index, requirement in enumerate(area.requirements):
            roll = rng.random()
            if roll < 0.1:
                continue
            if roll < 0.15 and index > 0:
                ratings[requirement.id] = go.Rating(
                    not_applicable=True, justification="Niet van toepassing."
                )
                continue
            checkpoints = [c.id for c in requirement.checkpoints]
            ratings[requirement.id] = go.Rating(
                value=rng.choice(scale.values),
                evidence=(
                    go.Evidence(
                        kind="document",
                        reference=f"Stuk {index}",
                        date=datetime.date(2026, 1, 1),
                        valid_until=datetime.date(2026, rng.randint(1, 12), 1),
                    ),
                )
                if rng.random() < 0.6
                else (),
                checkpoints_met=tuple(c for c in checkpoints if rng.random() < 0.5),
            )
    return go.Assessment(
        edition=standard.id,
        organisation=f"Organisatie {rng.randint(1, 10**6)}",
        date=datetime.date(2026, 10, 1),
        ratings=ratings,
    )


def options(index: int, standard: go.Standard) -> dict[str, Any]:
    """
    Scoring options that vary with *index*: method, scheme and policy.
    """
    schemes = [s.id for s in standard.recognition_schemes]
    return {
        "method": METHODS[index % 2],
        "evidence_policy": POLICIES[index // 2 % 2],
        "scheme": schemes[index % len(schemes)],
    }


def cold_copy(edition: str, folder: Path) -> go.Standard:
    """
    A shipped edition loaded afresh from a copy of its file: equal to
    ``load_standard(edition)``, but nothing of it is cached yet.
    """
    source = resources.files("goudenoor") / "data" / "editions" / f"{edition}.yaml"
    path = folder / f"{edition}.yaml"
    path.write_bytes(source.read_bytes())
    return go.load_standard_file(path)


def run_together(workers: int, work: Callable[[int], list[Any]]) -> list[list[Any]]:
    """
    Run ``work(0)`` ... ``work(workers - 1)`` in threads released at the
    same moment.
    """
    barrier = threading.Barrier(workers)

    def start(index: int) -> list[Any]:
        barrier.wait()
        return work(index)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(start, range(workers)))


class TestThreads:
    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_score_from_many_threads(self, edition: str, tmp_path: Path) -> None:
        """
        8 threads each scoring 200 different assessments against one
        freshly loaded Standard (its caches filled by whichever thread
        comes first) give the same score cards as scoring them one after
        the other against the shipped, cached Standard.
        """
        shipped = go.load_standard(edition)
        rng = random.Random(edition)  # noqa: S311 - test data, not cryptography
        audits = [random_assessment(rng, shipped) for _ in range(200)]
        expected = [
            go.score(shipped, a, **options(i, shipped)).as_dict()
            for i, a in enumerate(audits)
        ]
        cold = cold_copy(edition, tmp_path)

        def work(offset: int) -> list[Any]:
            order = [(offset * 25 + i) % len(audits) for i in range(len(audits))]
            return [
                (i, go.score(cold, audits[i], **options(i, cold)).as_dict())
                for i in order
            ]

        for results in run_together(8, work):
            assert [expected[i] for i, _ in results] == [r for _, r in results]

    def test_one_card_from_many_threads(self) -> None:
        """
        Score cards whose details are not built yet, read from 8 threads
        at once, give the details each thread would get alone.
        """
        std = go.load_standard("gos-2012")
        rng = random.Random(8)  # noqa: S311 - test data, not cryptography
        audits = [random_assessment(rng, std) for _ in range(50)]
        expected = [go.score(std, a).as_dict() for a in audits]
        cards = [go.score(std, a) for a in audits]

        results = run_together(8, lambda _: [card.as_dict() for card in cards])

        assert [expected] * 8 == results


# ---------------------------------------------------------- process pools


def score_remotely(
    standard: go.Standard, audits: list[go.Assessment]
) -> list[tuple[go.ScoreCard, dict[str, Any]]]:
    """
    Score in a worker process: the cards and their plain data.
    """
    cards = [
        go.score(standard, a, **options(i, standard)) for i, a in enumerate(audits)
    ]
    return [(card, card.as_dict()) for card in cards]


def zorg_standard() -> go.Standard:
    """
    gos-2012 with the example zorg pack applied (from its file).
    """
    return go.apply_extension(
        go.load_standard("gos-2012"), go.load_extension_file(ZORG)
    )


class TestPickling:
    @pytest.mark.parametrize(
        "make",
        [
            lambda: go.load_standard("gos-2012"),
            lambda: go.load_standard("gos-2016"),
            zorg_standard,
        ],
        ids=["gos-2012", "gos-2016", "gos-2012+zorg"],
    )
    def test_round_trip(self, make: Callable[[], go.Standard]) -> None:
        """
        A Standard, an Assessment and a ScoreCard (with the reference to
        its scoring method) pickle to equal objects with equal results.
        """
        std = make()
        audit = random_assessment(random.Random(1), std)  # noqa: S311 - test data, not cryptography
        if std.extensions:
            audit = go.Assessment(
                edition=audit.edition,
                organisation=audit.organisation,
                date=audit.date,
                extensions=(str(ZORG),),
                ratings=audit.ratings,
            )
        card = go.score(std, audit, method="checkpoint-coverage")

        copies = pickle.loads(pickle.dumps((std, audit, card)))  # noqa: S301 - our own pickles

        assert (std, audit, card) == copies
        assert card.as_dict() == copies[2].as_dict()
        assert go.score(*copies[:2], method="checkpoint-coverage") == card

    def test_caches_are_not_pickled(self, tmp_path: Path) -> None:
        """
        What scoring caches on a Standard is not part of its pickle.
        """
        std = cold_copy("gos-2012", tmp_path)
        before = pickle.dumps(std)
        go.score(std, random_assessment(random.Random(2), std)).as_dict()  # noqa: S311 - test data, not cryptography

        assert before == pickle.dumps(std)

    def test_process_pool(self) -> None:
        """
        Standards and assessments sent to 2 worker processes (started
        afresh, so everything arrives by pickle) are scored there to the
        same cards as here, and the cards come back whole.
        """
        standards = [go.load_standard("gos-2012"), go.load_standard("gos-2016")]
        rng = random.Random(3)  # noqa: S311 - test data, not cryptography
        batches = [
            [random_assessment(rng, std) for _ in range(20)] for std in standards
        ]
        expected = [
            [
                (card, card.as_dict())
                for card in (
                    go.score(std, a, **options(i, std)) for i, a in enumerate(batch)
                )
            ]
            for std, batch in zip(standards, batches, strict=True)
        ]
        context = multiprocessing.get_context("spawn")

        with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
            results = list(pool.map(score_remotely, standards, batches))

        assert expected == results
        assert expected[0][0][0].as_dict() == results[0][0][0].as_dict()


def test_example_audit_survives_all_of_it(tmp_path: Path) -> None:
    """
    The example audit, pickled, saved and loaded back, scores as before.
    """
    audit = go.load_assessment(EXAMPLE_AUDIT)
    std = go.standard_for(audit)
    path = tmp_path / "audit.yaml"
    go.save_assessment(pickle.loads(pickle.dumps(audit)), path)  # noqa: S301 - our own pickles

    assert (
        go.score(std, audit).as_dict()
        == go.score(std, go.load_assessment(path)).as_dict()
    )
