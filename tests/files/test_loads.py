"""
Loading assessments, extensions and translations from text
(``loads_assessment``, ``loads_extension``, ``loads_translation``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.files import _yaml


ZORG = (
    Path(__file__).parents[2]
    / "examples"
    / "goudenoor-zorg"
    / "src"
    / "goudenoor_zorg"
    / "zorg.yaml"
)


class TestLoadsAssessment:
    def test_text_and_bytes_equal_the_file(self) -> None:
        """
        The text and its bytes give the assessment the file gives.
        """
        raw = EXAMPLE_AUDIT.read_bytes()

        from_file = go.load_assessment(EXAMPLE_AUDIT)

        assert from_file == go.loads_assessment(raw)
        assert from_file == go.loads_assessment(raw.decode("utf-8"))
        assert "<string>" == go.loads_assessment(raw).source

    def test_located_errors_name_the_source(self) -> None:
        """
        Problems are located in the text, under the name given.
        """
        text = (
            "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
            "date: 2026-01-01\nratings:\n  '1.1':\n    value: 9\n"
        )
        with pytest.raises(go.ValidationError) as info:
            go.loads_assessment(text, source="upload.yaml")

        assert (
            'upload.yaml:7:5 ratings."1.1".value: 9 is not on scale gos-0-4 '
            "(0, 1, 2, 3, 4)"
        ) == str(info.value)

    def test_default_source(self) -> None:
        """
        Without a name, errors say <string>.
        """
        with pytest.raises(go.FileFormatError) as info:
            go.loads_assessment("goudenoor: [")

        # The rest of the message is PyYAML's.
        assert str(info.value).startswith("<string>:2:1: invalid YAML: ")

    def test_marker_is_checked(self) -> None:
        """
        Another kind of document is refused, as by the file loader.
        """
        with pytest.raises(go.ValidationError) as info:
            go.loads_assessment("goudenoor: extension/1\n")

        assert (
            "<string>:1:1 goudenoor: expected the format marker 'assessment/1' "
            "(got 'extension/1')"
        ) == str(info.value)

    def test_limit_on_the_encoded_size(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """
        The size limit counts UTF-8 bytes, not characters.
        """
        monkeypatch.setattr(_yaml, "MAX_BYTES", 10)
        with pytest.raises(go.FileFormatError) as info:
            go.loads_assessment("ëëëëëë")  # 6 characters, 12 bytes

        assert "<string>: file is 12 bytes, more than the limit of 10 bytes" == str(
            info.value
        )

    def test_not_utf8(self) -> None:
        """
        Bytes that are not UTF-8, and a lone surrogate in a string, are
        refused at their position.
        """
        with pytest.raises(go.FileFormatError) as info:
            go.loads_assessment(b"a: 1\nb: \xff\n")
        assert "<string>:2:4: not UTF-8 text (byte 0xff cannot be decoded)" == str(
            info.value
        )

        with pytest.raises(go.FileFormatError) as info:
            go.loads_assessment("a: \ud800")
        assert "<string>:1:4: not UTF-8 text (byte 0xed cannot be decoded)" == str(
            info.value
        )

    def test_wrong_type(self) -> None:
        """
        Anything but text or bytes is a programming error.
        """
        with pytest.raises(TypeError) as info:
            go.loads_assessment({"goudenoor": "assessment/1"})  # type: ignore[arg-type]

        assert (
            "loads_assessment(): 'text_or_bytes' must be str or bytes, "
            "got dict {'goudenoor': 'assessment/1'}"
        ) == str(info.value)

    def test_no_extension_paths(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Text has no folder: a pack named by a path is refused even where a
        file of that name exists (here, in the current folder).
        """
        monkeypatch.chdir(tmp_path)
        (tmp_path / "pack.yaml").write_bytes(ZORG.read_bytes())
        (tmp_path / "<string>").write_text("x", encoding="utf-8")
        text = (
            "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
            "date: 2026-01-01\nextensions: [./pack.yaml]\nratings: {}\n"
        )
        with pytest.raises(go.ValidationError) as info:
            go.loads_assessment(text)

        assert (
            "<string>:5:14 extensions[0]: './pack.yaml' is "
            "a path, but the assessment was not read from a file (expected the "
            "name of an installed extension)"
        ) == str(info.value)


class TestLoadsExtension:
    def test_equals_the_file(self) -> None:
        """
        An extension from text equals the one from its file, but for its
        origin.
        """
        extension = go.loads_extension(ZORG.read_bytes(), source="zorg.yaml")

        assert go.load_extension_file(ZORG).id == extension.id
        assert "zorg.yaml" == extension.origin

    def test_marker(self) -> None:
        """
        An assessment is not an extension.
        """
        with pytest.raises(go.ValidationError) as info:
            go.loads_extension(EXAMPLE_AUDIT.read_text(encoding="utf-8"))

        assert (
            "<string>:8:1 goudenoor: expected the format marker 'extension/1' "
            "(got 'assessment/1')"
        ) == str(info.value)


class TestLoadsTranslation:
    def test_shipped_text(self) -> None:
        """
        The shipped English translation, given as text, loads.
        """
        shipped = go.load_translation("gos-2012", "en")
        source = Path(go.__file__).parent / "data" / "editions" / "gos-2012.en.yaml"

        loaded = go.loads_translation(source.read_text(encoding="utf-8"))

        assert shipped.language == loaded.language
        assert "<string>" == loaded.origin

    def test_checked_strictly(self) -> None:
        """
        A translation without its title is refused, located in the text.
        """
        text = "goudenoor: translation/1\nedition: gos-2012\nlanguage: en\n"
        with pytest.raises(go.ValidationError) as info:
            go.loads_translation(text, source="t.yaml")

        assert "t.yaml:1:1 title: required key missing" == str(info.value)
