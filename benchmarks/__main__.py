"""
``python -m benchmarks`` (from the repository root): the same as
``python benchmarks/run.py``; see :mod:`run` for what is measured.

``benchmarks/`` is not a regular package (it is a namespace package), so
its own directory goes on ``sys.path`` first, where ``run`` finds its
sibling ``bench_scoring`` as it does when run as a script.
"""

from __future__ import annotations

import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))

import run


raise SystemExit(run.main())
