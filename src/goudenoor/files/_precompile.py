"""
The precompiled cache of the shipped editions.

Parsing and checking an edition's YAML takes tens of milliseconds, most of
it one-off work of the converter; unpickling the finished Standard takes
well under one. The wheel therefore ships, next to each
``data/editions/<edition>.yaml``, a ``<edition>.pickle`` made from it at
build time (see ``hatch_build.py``). :func:`cached_standard` uses it only
when it was made from exactly the YAML text shipped beside it (same
SHA-256) by a compatible cache format, and falls back to parsing the YAML
otherwise, so a stale or damaged cache can cost time but never change a
result. A source checkout has no cache and always parses.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from goudenoor.files._parse import parse
from goudenoor.standard import Standard


CACHE_FORMAT = 2
"""Bumped whenever the cache's layout or the pickled classes change (2:
Source.stored_copy)."""

SUFFIX = ".pickle"


def header(raw_yaml: bytes) -> tuple[int, str]:
    """
    What identifies the YAML a cache was made from.
    """
    return CACHE_FORMAT, hashlib.sha256(raw_yaml).hexdigest()


def dumps(standard: Standard, raw_yaml: bytes) -> bytes:
    """
    The cache file's content for *standard*, parsed from *raw_yaml*.
    """
    return pickle.dumps((header(raw_yaml), standard), protocol=pickle.HIGHEST_PROTOCOL)


def cached_standard(
    cache: bytes | None, raw_yaml: bytes, edition: str
) -> Standard | None:
    """
    The Standard in *cache* if it was made from *raw_yaml* for *edition*;
    ``None`` if there is no cache or it does not fit.
    """
    if cache is None:
        return None
    try:
        found_header, standard = pickle.loads(cache)  # noqa: S301 - the package's own file
    except Exception:  # noqa: BLE001 - any failure means: parse the YAML instead
        return None
    if found_header != header(raw_yaml):
        return None
    if not isinstance(standard, Standard) or standard.id != edition:
        return None
    return standard


def write_caches(source: Path, target: Path) -> list[Path]:
    """
    Parse every edition YAML in *source* and write its cache into *target*.

    Returns:
        The cache files written.
    """

    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.yaml")):
        if path.name.count(".") != 1:
            continue  # translations and other companions are not editions
        raw = path.read_bytes()
        standard = parse(raw, path.name, Standard)
        out = target / f"{path.stem}{SUFFIX}"
        out.write_bytes(dumps(standard, raw))
        written.append(out)
    return written
