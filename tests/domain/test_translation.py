"""
Translations: the shipped English ones are complete and fit their
editions; translation files of your own are checked as strictly as the
editions; the command shows a translation under the Dutch text.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor.files import _yaml
from goudenoor.files._schemas import translation_schema
from goudenoor.report import render_report
from goudenoor.standard._translation import (
    AreaTranslation,
    RequirementTranslation,
    ScaleLevelTranslation,
    ScaleTranslation,
)
from helpers import run, write


HEAD = """\
goudenoor: translation/1
edition: gos-2012
language: en
title: Golden Ear Standard 2012
"""

EXTENSION = Path(__file__).parent.parent.parent / "examples" / "goudenoor-zorg"


def load_error(tmp_path: Path, content: str) -> str:
    """
    Load *content* as en.yaml and return the error message.
    """
    path = write(tmp_path, "en.yaml", content)
    with pytest.raises(go.GoudenoorError) as info:
        go.load_translation_file(path)
    return str(info.value).replace(str(tmp_path) + "/", "")


class TestShipped:
    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_complete(self, edition: str) -> None:
        """
        Every area, requirement, checkpoint, scale and scheme of each
        shipped edition has its English text, and the translation fits the
        edition (loading checks that).
        """
        standard = go.load_standard(edition)
        translation = go.load_translation(edition, "en")

        assert ("en",) == go.translations(edition)
        assert () == translation.missing(standard)
        assert [] == go.translation_problems(translation, standard)

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_every_label_and_level(self, edition: str) -> None:
        """
        Every theme, scale value and recognition level has its translation.
        """
        standard = go.load_standard(edition)
        translation = go.load_translation(edition, "en")

        for area in standard.areas:
            found = translation.area(area.id)
            assert found is not None
            assert all(found.theme(theme.name) for theme in area.themes)
        for scale in standard.scales:
            scale_tr = translation.scale(scale.id)
            assert scale_tr is not None
            assert all(scale_tr.label(level.value) for level in scale.levels)
        for scheme in standard.recognition_schemes:
            scheme_tr = translation.scheme(scheme.id)
            assert scheme_tr is not None
            assert all(scheme_tr.level(level.name) for level in scheme.levels)

    def test_inherited_requirements_translated_alike(self) -> None:
        """
        A 2016 requirement inherited from 2012 (same id, same Dutch text)
        has the same English text.
        """
        new, old = go.load_standard("gos-2016"), go.load_standard("gos-2012")
        new_en = go.load_translation("gos-2016", "en")
        old_en = go.load_translation("gos-2012", "en")
        inherited = [r for r in new.requirements if r.inherited_from]

        assert inherited
        for requirement in inherited:
            original = old.requirement(requirement.id)
            assert (requirement.lead, requirement.text, requirement.evidence) == (
                original.lead,
                original.text,
                original.evidence,
            )
            assert new_en.requirement(requirement.id) == old_en.requirement(
                requirement.id
            )

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_texts_are_not_the_dutch(self, edition: str) -> None:
        """
        No translated requirement text is the Dutch text copied over.
        """
        standard = go.load_standard(edition)
        translation = go.load_translation(edition, "en")

        copied = [
            r.id
            for r in standard.requirements
            if (found := translation.requirement(r.id)) and found.text == r.text
        ]

        assert [] == copied

    def test_cached(self) -> None:
        """
        A shipped translation is loaded once, and says which file it came
        from.
        """
        first = go.load_translation("gos-2012")

        assert first is go.load_translation("gos-2012", "en")
        assert "gos-2012.en.yaml" == first.origin

    def test_unknown_language(self) -> None:
        """
        A language without a shipped translation says which there are.
        """
        with pytest.raises(go.UnknownItemError) as info:
            go.load_translation("gos-2012", "de")

        assert "unknown language 'de' in gos-2012 (translated into: en)" == str(
            info.value
        )

    def test_unknown_edition(self) -> None:
        with pytest.raises(go.UnknownEditionError):
            go.translations("gos-2099")


class TestModel:
    def test_duplicate_ids(self) -> None:
        """
        Two translations of one requirement are refused, with the path of
        the second.
        """
        twice = RequirementTranslation(id="5.1", text="x")

        with pytest.raises(go.ModelError) as info:
            go.Translation(
                edition="gos-2012",
                language="en",
                title="t",
                requirements=(twice, twice),
            )

        assert "requirements[1].id: duplicate requirement '5.1'" == str(info.value)

    def test_language_tag(self) -> None:
        with pytest.raises(go.ModelError) as info:
            go.Translation(edition="gos-2012", language="English", title="t")

        assert (
            "language: 'English' is not a language tag (expected for example 'en', "
            "'de' or 'pt-BR')"
        ) == str(info.value)

    def test_empty_text(self) -> None:
        with pytest.raises(go.ModelError) as info:
            AreaTranslation(id="1", name=" ")

        assert "name: must not be empty" == str(info.value)

    def test_lookups(self) -> None:
        """
        Lookups find by id, value or Dutch name, and give None for what
        the translation leaves out.
        """
        translation = go.Translation(
            edition="gos-2012",
            language="en",
            title="t",
            scales=(
                ScaleTranslation(
                    id="gos-0-4",
                    name="GOS 0-4",
                    levels=(ScaleLevelTranslation(value=2, label="partly"),),
                ),
            ),
        )

        scale = translation.scale("gos-0-4")
        assert scale is not None
        assert ("partly", None) == (scale.label(2.0), scale.label(3))
        assert None is translation.requirement("5.1")
        assert None is translation.area("5")
        assert None is translation.scheme("sterren")

    def test_missing(self) -> None:
        """
        What a partial translation leaves out is listed in the standard's
        order; with an extension applied, its requirements are listed too.
        """
        translation = go.Translation(
            edition="gos-2012",
            language="en",
            title="t",
            requirements=tuple(
                RequirementTranslation(
                    id=r.id, text="x", lead=r.lead, evidence=r.evidence
                )
                for r in go.load_standard("gos-2012").requirements
                if r.id != "5.2"
            ),
        )
        zorg = go.load_extension_file(
            EXTENSION / "src" / "goudenoor_zorg" / "zorg.yaml"
        )
        standard = go.apply_extension(go.load_standard("gos-2012"), zorg)

        missing = translation.missing(standard)

        assert "requirement 5.2" in missing
        assert "checkpoint 5.2.a" in missing
        assert "requirement 5.1" not in missing
        assert any(item.startswith("requirement zorg:") for item in missing)
        assert missing.index("area 9") < missing.index("requirement 5.2")
        assert "scheme conformiteit" == missing[-1]


class TestFiles:
    def test_partial_file(self, tmp_path: Path) -> None:
        """
        A translation of a few texts is valid; the rest stays Dutch.
        """
        path = write(
            tmp_path,
            "en.yaml",
            HEAD
            + "requirements:\n"
            + '  - {id: "5.2", text: "There is a procedure.", evidence: "As shown."}\n',
        )

        translation = go.load_translation_file(path)

        assert "There is a procedure." == translation.requirement("5.2").text  # type: ignore[union-attr]
        assert str(path) == translation.origin

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (
                HEAD.replace("translation/1", "translation/2"),
                (
                    "en.yaml:1:1 goudenoor: expected the format marker 'translation/1' "
                    "(got 'translation/2')"
                ),
            ),
            (
                HEAD.replace("gos-2012", "gos-2099"),
                (
                    "en.yaml:2:1 edition: unknown edition 'gos-2099'; did you mean "
                    "'gos-2012', 'gos-2016'?"
                ),
            ),
            (
                HEAD + 'requirements:\n  - {id: "5.9", text: x}\n',
                "en.yaml:6:6 requirements[0].id: unknown requirement '5.9'",
            ),
            (
                HEAD + 'requirements:\n  - {id: "1.1", text: x}\n',
                (
                    "en.yaml:6:5 requirements[0]: lead missing: the statement "
                    "continues the lead 'De organisatie'"
                ),
            ),
            (
                HEAD
                + 'requirements:\n  - {id: "1.1", lead: L, text: x, evidence: e}\n',
                (
                    "en.yaml:6:35 requirements[0].evidence: the edition has no "
                    "evidence here to translate"
                ),
            ),
            (
                HEAD + 'areas:\n  - id: "5"\n    name: x\n    themes:\n'
                "      - {name: Escaleer, text: y}\n",
                "en.yaml:9:10 areas[0].themes[0].name: area 5 has no theme 'Escaleer'",
            ),
            (
                HEAD + "scales:\n  - id: gos-0-4\n    name: x\n    levels:\n"
                "      - {value: 5, label: y}\n",
                (
                    "en.yaml:9:10 scales[0].levels[0].value: scale 'gos-0-4' has no "
                    "value 5"
                ),
            ),
            (
                HEAD + "recognition_schemes:\n  - id: sterren\n    name: x\n"
                "    levels:\n      - {name: 6 sterren, text: y}\n",
                (
                    "en.yaml:9:10 recognition_schemes[0].levels[0].name: scheme "
                    "'sterren' has no level '6 sterren'"
                ),
            ),
            (
                HEAD + "requirements:\n  - {id: '5.1', txt: x}\n",
                (
                    "2 problems in en.yaml:\n"
                    "  en.yaml:6:5 requirements[0].text: required key missing\n"
                    "  en.yaml:6:17 requirements[0].txt: unknown key 'txt' (expected "
                    "one of: id, text, lead, evidence)"
                ),
            ),
        ],
        ids=[
            "marker",
            "edition",
            "requirement",
            "lead-missing",
            "evidence-extra",
            "theme",
            "scale-value",
            "scheme-level",
            "extra-key",
        ],
    )
    def test_bad_file(self, tmp_path: Path, content: str, message: str) -> None:
        """
        Each problem is named with its place, what was found and what was
        expected.
        """
        assert message == load_error(tmp_path, content)

    def test_against_extended_standard(self, tmp_path: Path) -> None:
        """
        A translation of an extension's requirements is checked against the
        standard with the extension applied.
        """
        zorg = go.load_extension_file(
            EXTENSION / "src" / "goudenoor_zorg" / "zorg.yaml"
        )
        standard = go.apply_extension(go.load_standard("gos-2012"), zorg)
        added = next(r for r in standard.requirements if r.id.startswith("zorg:"))
        lead = f", lead: L{' '}" if added.lead else ""
        evidence = ", evidence: E" if added.evidence else ""
        path = write(
            tmp_path,
            "zorg.en.yaml",
            HEAD
            + "requirements:\n"
            + f'  - {{id: "{added.id}", text: T{lead}{evidence}}}\n',
        )

        with pytest.raises(go.ValidationError):
            go.load_translation_file(path)
        translation = go.load_translation_file(path, standard)

        assert "requirement " + added.id not in translation.missing(standard)

    def test_limits_apply(self, tmp_path: Path) -> None:
        """
        A translation file goes through the same YAML limits as the others.
        """
        depth = _yaml.MAX_DEPTH + 1
        content = HEAD + "notes: " + "[" * depth + "]" * depth + "\n"

        assert "nesting deeper than 64 levels" in load_error(tmp_path, content)


class TestCommand:
    def test_editions_lists_translations(self) -> None:
        code, out = run("editions")

        assert 0 == code
        assert out.splitlines()[0].endswith("29 requirements; translations: en")

    def test_show_area_in_english(self) -> None:
        """
        With --language, each text is followed by its translation, marked
        with the language; the Dutch text comes first.
        """
        standard = go.load_standard("gos-2012")
        english = go.load_translation("gos-2012", "en")
        code, out = run("show", "gos-2012", "5", "--language", "en")
        flat = " ".join(out.split())

        assert 0 == code
        for requirement in standard.area("5").requirements:
            translated = english.requirement(requirement.id)
            assert translated is not None
            dutch = flat.index(" ".join(requirement.full_text.split()))
            assert flat.index("(en) " + " ".join(translated.full_text.split())) > dutch
        assert "(en) Learning & development" in out

    def test_show_without_language_is_dutch_only(self) -> None:
        _, out = run("show", "gos-2012", "5")

        assert "(en)" not in out

    def test_show_translation_file(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            "en.yaml",
            HEAD + 'areas:\n  - {id: "5", name: Learning and developing}\n',
        )

        code, out = run("show", "gos-2012", "5", "--translation", str(path))

        assert 0 == code
        assert "(en) Learning and developing" in out

    def test_language_and_file_exclusive(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        with pytest.raises(SystemExit) as info:
            run("show", "--language", "en", "--translation", "x.yaml")

        assert 2 == info.value.code
        assert (
            "argument --translation: not allowed with argument --language"
            in capsys.readouterr().err
        )


def test_partial_area_listed_as_missing(tmp_path: Path) -> None:
    """
    An area translated by name only is valid; its summary and theme names
    are listed as missing.
    """
    path = write(tmp_path, "en.yaml", HEAD + 'areas:\n  - {id: "5", name: Learning}\n')

    missing = go.load_translation_file(path).missing(go.load_standard("gos-2012"))

    assert ("area 4", "area 5 summary", "area 5 theme Escaleren") == missing[3:6]


@pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
def test_shipped_files_fit_the_schema(edition: str) -> None:
    """
    The JSON Schema printed by ``goudenoor schema translation`` accepts
    the shipped files, and refuses a misspelt key.
    """
    jsonschema = pytest.importorskip("jsonschema")
    schema = translation_schema()
    path = resources.files("goudenoor") / "data" / "editions" / f"{edition}.en.yaml"
    data = _yaml.load(path.read_text(encoding="utf-8"), path.name)

    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    data["requirements"][0]["txt"] = data["requirements"][0].pop("text")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


@pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
def test_checkpoints_are_pieces_of_their_evidence(edition: str) -> None:
    """
    As in the Dutch text, each translated checkpoint is a piece of its
    requirement's translated evidence clause, word for word.
    """
    standard = go.load_standard(edition)
    english = go.load_translation(edition, "en")

    for requirement in standard.requirements:
        for checkpoint in requirement.checkpoints:
            translated = english.checkpoint(checkpoint.id)
            evidence = english.requirement(requirement.id)
            assert translated is not None
            assert evidence is not None
            assert evidence.evidence is not None
            assert translated.text in evidence.evidence, checkpoint.id


class TestReports:
    EXAMPLE = EXAMPLE_AUDIT

    def card(self) -> go.ScoreCard:
        return go.score(go.load_standard("gos-2012"), go.load_assessment(self.EXAMPLE))

    def test_markdown(self) -> None:
        """
        The Markdown report shows each requirement's English text under its
        Dutch text, area and level names beside theirs, and says so at the
        top.
        """
        card = self.card()
        english = go.load_translation("gos-2012", "en")

        text = render_report(card, "md", translation=english, language="en")

        assert (
            "- **Translation:** `en`, under the standard's own text, which is the "
            "one that counts"
        ) in text
        assert "- **Level:** Gecommitteerd (*Committed*)" in text
        assert "- **Next level:** Niveau 1 (*Level 1*), which needs:" in text
        assert "| 4 Middelen<br>*(en) Resources* | organisation |" in text
        assert "### 5 Leren & ontwikkelen (*Learning & development*)" in text
        for requirement in card.standard.requirements:
            translated = english.requirement(requirement.id)
            assert translated is not None
            dutch = " ".join(requirement.full_text.split())
            assert f"{dutch}<br>*(en) {translated.full_text}*" in text

    def test_without_translation_unchanged(self) -> None:
        card = self.card()

        assert "(en)" not in render_report(card, "md")
        assert render_report(card, "md") == render_report(card, "md", translation=None)

    def test_html(self) -> None:
        """
        The HTML report marks each translation with its language.
        """
        pytest.importorskip("jinja2")
        pytest.importorskip("matplotlib")
        card = self.card()
        english = go.load_translation("gos-2012", "en")

        page = render_report(card, "html", translation=english)

        rows = len(card.standard.requirements) + len(card.improvements(5))
        assert rows + len(card.areas) == page.count(
            '<br><span class="translation" lang="en">(en) '
        )
        assert '<span class="translation" lang="en">(Committed)</span>' in page
        assert '<br><span class="translation" lang="en">(en) Resources</span>' in page
        assert 'class="translation"' not in render_report(card, "html")

    def test_partial_translation_file(self, tmp_path: Path) -> None:
        """
        Texts a translation leaves out are shown in Dutch only.
        """
        path = write(
            tmp_path,
            "en.yaml",
            HEAD + 'areas:\n  - {id: "4", name: Means}\n',
        )

        code, out = run("report", str(self.EXAMPLE), "--translation", str(path))

        assert 0 == code
        assert "| 4 Middelen<br>*(en) Means* |" in out
        assert "| 5 Leren & ontwikkelen | " in out

    @pytest.mark.parametrize("kind", ["json", "xlsx"])
    def test_not_for_data_formats(
        self, kind: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The JSON report and the workbook are data: asking for a translation
        there is an error, not silently ignored.
        """
        code, _ = run("report", str(self.EXAMPLE), "--format", kind, "--language", "en")

        assert 2 == code
        assert (
            "goudenoor: error: a translation is shown in the md and html reports, "
            f"not in {kind}\n"
        ) == capsys.readouterr().err
