"""
Extensions locate their problems through the loader's Locator: the domain
reads no file and imports nothing of the file layer.
"""

from __future__ import annotations

import pathlib
from pathlib import Path

import pytest

import goudenoor as go
from goudenoor.problems import Problem
from goudenoor.standard._extensions import Extension, is_file_reference


HEADER = (
    "goudenoor: extension/1\n"
    "id: demo\n"
    "title: Demo\n"
    "version: '1.0'\n"
    "targets: [gos-2012]\n"
)


class TestLocate:
    def test_positions_come_from_the_text_that_was_loaded(
        self, tmp_path: Path, std2012: go.Standard
    ) -> None:
        """
        The file is not read again: changing or removing it after loading
        cannot shift or lose the positions.
        """
        path = tmp_path / "demo.yaml"
        path.write_text(
            HEADER + "remove:\n  requirements:\n    - {id: '9.9', reason: x}\n",
            encoding="utf-8",
        )
        ext = go.load_extension_file(path)
        path.unlink()

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(std2012, ext)

        assert (
            f"{path}:8:8 remove.requirements[0].id: no requirement '9.9' to "
            "remove in gos-2012; did you mean '9.2', '9.1'?"
        ) == str(info.value)

    def test_an_extension_built_in_python_has_no_positions(
        self, std2012: go.Standard
    ) -> None:
        ext = Extension(id="demo", title="Demo", version="1", targets=("gos-2016",))
        assert ext.locate is None

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(std2012, ext)

        assert (
            "extension demo targets: the extension targets ['gos-2016'], not 'gos-2012'"
        ) == str(info.value)

    def test_locate_is_not_part_of_equality(self) -> None:
        def locate(problems: list[Problem]) -> list[Problem]:
            return problems

        plain = Extension(id="demo", title="Demo", version="1", targets=("gos-2012",))
        located = Extension(
            id="demo", title="Demo", version="1", targets=("gos-2012",), locate=locate
        )
        assert plain == located
        assert hash(plain) == hash(located)
        assert "locate" not in repr(located)


class TestIsFileReference:
    @pytest.mark.parametrize(
        "reference", ["zorg.yaml", "zorg.yml", "packs/zorg", "./zorg"]
    )
    def test_files(self, reference: str) -> None:
        assert is_file_reference(reference)

    def test_path_objects_are_files(self) -> None:
        assert is_file_reference(pathlib.PurePosixPath("zorg"))

    @pytest.mark.parametrize("reference", ["zorg", "zorg-2", "zorg_extra"])
    def test_names(self, reference: str) -> None:
        assert not is_file_reference(reference)

    def test_an_assessment_may_list_a_file_with_a_folder_separator(
        self, std2012: go.Standard
    ) -> None:
        """
        The assessment's extension check and the loader share the rule.
        """
        from goudenoor.audit._assessment import _same_extensions

        assert _same_extensions(("packs/zorg",), ("zorg",))
        assert not _same_extensions(("zorg",), ("demo",))
