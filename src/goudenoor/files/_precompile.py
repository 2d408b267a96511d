"""
The precompiled cache of the shipped editions.

Parsing and checking an edition's YAML takes tens of milliseconds, most of
it one-off work of the converter; unpickling the finished Standard takes
about one. The wheel therefore ships, next to each
``data/editions/<edition>.yaml``, a ``<edition>.pickle`` made from it at
build time (see ``hatch_build.py``); an editable install
(``pip install -e .``) writes the same files into the source tree, where
git ignores them.

:func:`cached_standard` uses a cache only when it was made by a compatible
cache format from exactly the YAML text shipped beside it and for exactly
the source of the module that defines the pickled classes (both kept in
the cache and compared byte for byte), and falls back to parsing the YAML
otherwise: a stale or damaged cache, an edited edition or model in a
checkout, can cost time but never change a result.

The first load of an edition is the first call of most programs, so this
module imports nothing it does not need to read a cache: no hashing, no
YAML, no converter (comparing the bytes is exact and needs no import).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from goudenoor.standard import Standard


try:
    # The C unpickler alone: importing the pickle module (written in Python,
    # for the pickler's options) costs more than the unpickling itself.
    from _pickle import loads as _unpickle
except ImportError:  # an interpreter without CPython's C module
    from pickle import loads as _unpickle

if TYPE_CHECKING:
    from pathlib import Path


CACHE_FORMAT = 3
"""Bumped whenever the cache's layout changes (2: Source.stored_copy; 3: the
YAML and the model's source kept in the header instead of a hash)."""

SUFFIX = ".pickle"


def _model_source() -> bytes:
    """
    The source of the module that defines the pickled classes: a cache made
    for other classes may unpickle into objects that lack a field.
    """
    with open(sys.modules[Standard.__module__].__file__ or "", "rb") as file:  # noqa: PTH123
        return file.read()


def header(raw_yaml: bytes) -> tuple[int, bytes, bytes]:
    """
    What a cache must have been made from to be used: the cache format,
    the YAML text and the model's source.
    """
    return CACHE_FORMAT, raw_yaml, _model_source()


def dumps(standard: Standard, raw_yaml: bytes) -> bytes:
    """
    The cache file's content for *standard*, parsed from *raw_yaml*.
    """
    import pickle

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
        found_header, standard = _unpickle(cache)  # noqa: S301 - the package's own file
        fits = found_header == header(raw_yaml)
    except Exception:  # noqa: BLE001 - any failure means: parse the YAML instead
        return None
    if not fits:
        return None
    if not isinstance(standard, Standard) or standard.id != edition:
        return None
    return standard


def write_caches(source: Path, target: Path) -> list[Path]:
    """
    Parse every edition YAML in *source* and write its cache into *target*,
    each file whole or not at all (a temporary file in *target*, then
    renamed), so that a reader never sees half a cache.

    Returns:
        The cache files written.
    """
    import os
    import tempfile

    from goudenoor.files._parse import parse

    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.yaml")):
        if path.name.count(".") != 1:
            continue  # translations and other companions are not editions
        raw = path.read_bytes()
        content = dumps(parse(raw, path.name, Standard), raw)
        out = target / f"{path.stem}{SUFFIX}"
        with tempfile.NamedTemporaryFile(
            dir=target, prefix=f".{out.name}.", delete=False
        ) as file:
            file.write(content)
        # A temporary file is private (0600); the cache is package data,
        # read by every user of an installation.
        os.chmod(file.name, 0o644)  # noqa: PTH101 - file.name is a str
        os.replace(file.name, out)  # noqa: PTH105 - file.name is a str
        written.append(out)
    return written
