"""
A crash while rating: ``rate_file`` killed with SIGKILL at random points,
100 times. After each kill the assessment loads (it is never half
written), the journal and the assessment agree or ``verify`` says how
they differ (a line cut short, entries the assessment was not written
after), no entry reported as written is lost, and the next rate leaves a
pair that verifies.

The children are forked from a fork server that has goudenoor loaded, so
that a run costs a fork, not a Python start.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import shutil
import sys
import time
from pathlib import Path

import pytest

import goudenoor as go
import journal_crash
from conftest import EXAMPLE_AUDIT
from goudenoor.files import journal_path, load_journal, rate_file
from journal_crash import rate_until_killed


RUNS = 100

EXPLAINED = re.compile(
    r".*: (line \d+ is cut short \(no line end\): a write that did not finish"
    r"|the assessment has no journal_head, but the journal has \d+ entries: .*"
    r"|the assessment's journal_head is entry \d+, but the journal goes on to "
    r"entry \d+: .*)"
)
"""What a crash may leave, as verify says it: nothing else."""


def test_a_killed_rate_never_leaves_a_silent_disagreement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fork server of Python 3.11 does not take the test's sys.path, only
    # the environment: the helper is found by PYTHONPATH.
    tests = str(Path(journal_crash.__file__).parent)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([tests, *sys.path]))
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["goudenoor.files", "journal_crash"])
    chance = random.Random(26)  # noqa: S311 - kill times, not cryptography
    path = tmp_path / "audit.yaml"
    shutil.copy(EXAMPLE_AUDIT, path)
    rate_file(path, {"1.3": 3}, by="warm up", reason="the edition loaded")
    started = time.perf_counter()
    rate_file(path, {"1.3": 2}, by="warm up", reason="time one rate")
    one_rate = time.perf_counter() - started
    explained = 0
    for run in range(RUNS):
        if run % 10 == 0:
            # Every tenth run starts without a journal: the first write is
            # a whole new file, killed too.
            shutil.copy(EXAMPLE_AUDIT, path)
            journal_path(path).unlink(missing_ok=True)
        receive, send = context.Pipe(duplex=False)
        child = context.Process(
            target=rate_until_killed, args=(str(path), run * 1000, send)
        )
        child.start()
        send.close()
        assert "ready" == receive.recv()
        time.sleep(chance.uniform(0, 4 * one_rate))
        child.kill()
        child.join()
        reported = []
        while receive.poll():
            try:
                reported.append(receive.recv())
            except EOFError:
                break
        receive.close()

        go.load_audit(path)  # the assessment is whole
        if not journal_path(path).exists():
            assert [] == reported
            continue
        journal = load_journal(path)
        problems = journal.verify()
        assert [] == [p for p in problems if not EXPLAINED.fullmatch(p)], run
        hashes = {entry.hash for entry in journal.entries}
        assert [] == [head for head in reported if head not in hashes], run
        explained += bool(problems)

        # The next rate picks up where the crash left off.
        rate_file(path, {"9.2": run % 5}, by="recovery", reason="after the kill")
        assert () == load_journal(path).verify(), run
    # Some kills fell between the two writes: the check above was put to
    # the test, not only the pairs a kill left whole.
    assert 0 < explained
