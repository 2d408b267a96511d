"""
Installed sector packs as goudenoor lists them (issue 15): names with
their distribution and version, not importlib entry points; and
apply_extension refuses what is not an Extension with a clear error.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import goudenoor as go
from conftest import ROOT
from helpers import register_pack, run


PACK = ROOT / "examples" / "goudenoor-zorg"


@pytest.fixture(name="installed")
def _installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """
    The example pack and one without distribution metadata of note,
    discoverable as `pip install` would make them.
    """
    register_pack(
        tmp_path,
        "goudenoor-zorg",
        "1.0.0",
        {"zorg": "goudenoor_zorg:extension", "afval": "goudenoor_zorg:missing"},
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(PACK / "src"))


@pytest.mark.usefixtures("installed")
def test_listed_with_distribution_and_version() -> None:
    """
    Sorted by name; nothing of the packs is imported to list them.
    """
    found = go.available_extensions()

    assert ["afval", "zorg"] == list(found)
    assert (
        go.InstalledExtension(
            name="zorg",
            distribution="goudenoor-zorg",
            version="1.0.0",
            entry_point="goudenoor_zorg:extension",
        )
        == found["zorg"]
    )
    assert "missing" == found["afval"].entry_point.rpartition(":")[2]


@pytest.mark.usefixtures("installed")
def test_frozen() -> None:
    found = go.available_extensions()["zorg"]

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.name = "x"  # type: ignore[misc]


@pytest.mark.usefixtures("installed")
def test_cli_names_package_and_version() -> None:
    code, out = run("extensions")

    assert 1 == code  # afval cannot be loaded: a finding, exit 1
    assert out.startswith("zorg  Zorg: klachtenfunctionaris")
    assert out.endswith("; package goudenoor-zorg 1.0.0)\n")


@pytest.mark.usefixtures("installed")
def test_apply_refuses_an_installed_listing(std2012: go.Standard) -> None:
    listing = go.available_extensions()["zorg"]

    with pytest.raises(go.ExtensionError) as info:
        go.apply_extension(std2012, listing)  # type: ignore[arg-type]

    assert (
        "apply_extension() needs an Extension (from load_extension() or built in "
        "Python), got InstalledExtension as the extension; load it with "
        "load_extension('zorg') first"
    ) == str(info.value)


def test_apply_refuses_an_entry_point(std2012: go.Standard) -> None:
    """
    The issue's case: what available_extensions() used to return.
    """
    from importlib.metadata import EntryPoint

    entry_point = EntryPoint(
        name="zorg",
        value="goudenoor_zorg:extension",
        group="goudenoor.extensions",
    )

    with pytest.raises(go.ExtensionError) as info:
        go.apply_extension(std2012, entry_point)  # type: ignore[arg-type]

    assert (
        "apply_extension() needs an Extension (from load_extension() or built in "
        "Python), got EntryPoint as the extension; load it with "
        "load_extension('zorg') first"
    ) == str(info.value)


def test_apply_refuses_a_name_among_several(std2012: go.Standard) -> None:
    zorg = go.load_extension_file(PACK / "src" / "goudenoor_zorg" / "zorg.yaml")

    with pytest.raises(go.ExtensionError) as info:
        go.apply_extension(std2012, zorg, "extra")  # type: ignore[arg-type]

    assert (
        "apply_extension() needs an Extension (from load_extension() or built in "
        "Python), got str as extension 2; load it with load_extension('extra') first"
    ) == str(info.value)


def test_apply_refuses_anything_else(std2012: go.Standard) -> None:
    with pytest.raises(go.ExtensionError) as info:
        go.apply_extension(std2012, None)  # type: ignore[arg-type]

    assert (
        "apply_extension() needs an Extension (from load_extension() or built in "
        "Python), got NoneType as the extension"
    ) == str(info.value)
    assert isinstance(info.value, go.GoudenoorError)
