"""
The precompiled cache of the shipped editions: used only when it fits,
and then equal to parsing the YAML.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import goudenoor as go
from goudenoor.files import _precompile


EDITIONS = resources.files("goudenoor") / "data" / "editions"


def raw(edition: str) -> bytes:
    """
    The shipped YAML of *edition*.
    """
    return (EDITIONS / f"{edition}.yaml").read_bytes()


@pytest.fixture(name="caches")
def _caches(tmp_path: Path) -> dict[str, bytes]:
    with resources.as_file(EDITIONS) as folder:
        written = _precompile.write_caches(folder, tmp_path)
    return {path.stem: path.read_bytes() for path in written}


class TestCachedStandard:
    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_equal_to_yaml(self, caches: dict[str, bytes], edition: str) -> None:
        """
        A cache made from the YAML gives a Standard equal to parsing it.
        """
        with resources.as_file(EDITIONS / f"{edition}.yaml") as path:
            parsed = go.load_standard_file(path)

        assert parsed == _precompile.cached_standard(
            caches[edition], raw(edition), edition
        )

    def test_other_yaml_ignored(self, caches: dict[str, bytes]) -> None:
        """
        A cache made from other YAML text (a stale cache) is not used.
        """
        changed = raw("gos-2012").replace(b"Sturing", b"Besturing", 1)

        assert (
            _precompile.cached_standard(caches["gos-2012"], changed, "gos-2012") is None
        )

    def test_wrong_edition_ignored(self, caches: dict[str, bytes]) -> None:
        """
        A cache of another edition is not used, even with matching text.
        """
        cache = _precompile.dumps(go.load_standard("gos-2016"), raw("gos-2012"))

        assert _precompile.cached_standard(cache, raw("gos-2012"), "gos-2012") is None

    @pytest.mark.parametrize("cache", [None, b"", b"not a pickle", b"\x80\x05K\x01."])
    def test_missing_or_damaged_ignored(self, cache: bytes | None) -> None:
        """
        No cache, or a damaged one, means: parse the YAML.
        """
        assert _precompile.cached_standard(cache, raw("gos-2012"), "gos-2012") is None

    def test_format_bump_ignored(
        self, caches: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        A cache of an older cache format is not used.
        """
        monkeypatch.setattr(_precompile, "CACHE_FORMAT", _precompile.CACHE_FORMAT + 1)

        assert (
            _precompile.cached_standard(caches["gos-2012"], raw("gos-2012"), "gos-2012")
            is None
        )


@pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
def test_installed_cache_fits(edition: str) -> None:
    """
    The cache shipped in the installed wheel fits its YAML and equals it.
    """
    cache = EDITIONS / f"{edition}{_precompile.SUFFIX}"
    if not cache.is_file():
        pytest.skip("no precompiled cache: a source checkout or editable install")

    cached = _precompile.cached_standard(cache.read_bytes(), raw(edition), edition)

    with resources.as_file(EDITIONS / f"{edition}.yaml") as path:
        assert go.load_standard_file(path) == cached
