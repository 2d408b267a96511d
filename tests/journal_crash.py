"""
The child of the crash test (tests/files/test_journal_crash.py): it rates
an assessment file over and over until it is killed, and reports each
journal head only after rate_file has returned, as the command does.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path

from goudenoor.files import rate_file


def _warm() -> None:
    # Run when the fork server imports this module: every lazy import and
    # cache a rate needs is loaded before the children are forked, so that
    # the kills fall on rating, not on starting.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.yaml"
        shutil.copy(EXAMPLE, path)
        rate_file(path, {"1.3": 3}, by="warm up", reason="load everything")
        rate_file(path, {"1.3": 2}, by="warm up", reason="load everything")


EXAMPLE = Path(__file__).parent.parent / "examples" / "audit-2012.yaml"
_warm()


IDS = ("1.3", "1.4", "1.5", "2.1", "2.2", "3.1")


def rate_until_killed(path: str, seed: int, reports: Connection) -> None:
    """
    Say ``ready``, then rate *path* in a loop, sending each head written
    through *reports*.
    """
    reports.send("ready")
    for step in itertools.count(seed):
        changes: dict[str, float | str] = {
            IDS[step % len(IDS)]: step % 5,
            IDS[(step * 7 + 1) % len(IDS)]: (step // 5) % 5,
        }
        audit, _ = rate_file(path, changes, by="crash test", reason=f"step {step}")
        reports.send(audit.assessment.journal_head)
