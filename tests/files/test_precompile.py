"""
The precompiled cache of the shipped editions: used only when it fits,
and then equal to parsing the YAML.
"""

from __future__ import annotations

import importlib.util
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import goudenoor as go
from conftest import ROOT, SHIPPED
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

    def test_other_model_ignored(
        self, caches: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        A cache made for another source of the model (an edited checkout)
        is not used: its objects may lack a field the classes now have.
        """
        edited = _precompile._model_source() + b"\n# edited\n"
        monkeypatch.setattr(_precompile, "_model_source", lambda: edited)

        assert (
            _precompile.cached_standard(caches["gos-2012"], raw("gos-2012"), "gos-2012")
            is None
        )

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


def test_write_caches_leaves_no_temporary_file(tmp_path: Path) -> None:
    """
    The caches are written whole (a temporary file, then renamed), readable
    by every user, and nothing else is left in the folder.
    """
    with resources.as_file(EDITIONS) as folder:
        written = _precompile.write_caches(folder, tmp_path)

    assert ["gos-2012.pickle", "gos-2016.pickle"] == sorted(
        path.name for path in tmp_path.iterdir()
    )
    assert [0o644, 0o644] == [path.stat().st_mode & 0o777 for path in written]


def _hook(root: Path, version: str) -> dict[str, Any]:
    """
    Run the build hook (hatch_build.py) on the source tree *root* for a wheel
    of *version* (``standard`` or ``editable``); the build data it leaves.
    """
    pytest.importorskip("hatchling")
    path = ROOT / "hatch_build.py"
    if not path.is_file():
        pytest.skip("no hatch_build.py: not a source checkout")
    spec = importlib.util.spec_from_file_location("hatch_build", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    hook = module.PrecompileEditions(
        str(root), {}, None, None, str(root / "dist"), "wheel"
    )
    build_data: dict[str, Any] = {"force_include": {}}
    hook.initialize(version, build_data)
    return build_data


@pytest.fixture(name="tree")
def _tree(tmp_path: Path) -> Path:
    """A source tree with the shipped editions (the package is imported)."""
    editions = tmp_path / "src" / "goudenoor" / "data" / "editions"
    shutil.copytree(SHIPPED / "editions", editions)
    for cache in editions.glob(f"*{_precompile.SUFFIX}"):
        cache.unlink()
    return tmp_path


def test_hook_puts_the_caches_in_the_wheel(tree: Path) -> None:
    """
    A regular wheel includes a cache of each edition that fits its YAML;
    the source tree is left as it is.
    """
    build_data = _hook(tree, "standard")

    included = build_data["force_include"]
    assert [
        "goudenoor/data/editions/gos-2012.pickle",
        "goudenoor/data/editions/gos-2016.pickle",
    ] == sorted(included.values())
    for source, target in included.items():
        edition = Path(target).stem
        cached = _precompile.cached_standard(
            Path(source).read_bytes(), raw(edition), edition
        )
        assert go.load_standard(edition) == cached
    assert [] == sorted(tree.rglob(f"*{_precompile.SUFFIX}"))


def test_hook_writes_the_caches_for_an_editable_install(tree: Path) -> None:
    """
    An editable install reads the package data from the source tree: the
    caches are written there, beside the editions, and fit them.
    """
    build_data = _hook(tree, "editable")

    assert {} == build_data["force_include"]
    editions = tree / "src" / "goudenoor" / "data" / "editions"
    for edition in ("gos-2012", "gos-2016"):
        cache = (editions / f"{edition}{_precompile.SUFFIX}").read_bytes()
        cached = _precompile.cached_standard(cache, raw(edition), edition)
        assert go.load_standard(edition) == cached
