"""
Translations of an edition's texts into another language.

The standard's own texts are Dutch and stay Dutch in the model: a
:class:`Translation` is separate data that sits beside an edition (for
example ``gos-2012.en.yaml`` beside ``gos-2012.yaml``) and is looked up by
the ids and names of the edition. The shipped translations are unofficial:
where a translation and the Dutch text differ, the Dutch text is the
standard.

>>> import goudenoor as go
>>> en = go.load_translation("gos-2012", "en")
>>> std = go.load_standard("gos-2012")
>>> en.area("5").name
'Learning & development'
>>> en.requirement("5.1").text == std.requirement("5.1").text
False

A translation need not be complete: :meth:`Translation.requirement` and
the other lookups return ``None`` for what it does not translate (for
example the requirements an extension adds), and :meth:`Translation.missing`
lists those.
"""

from __future__ import annotations

import functools
import re
from typing import TypeVar

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor.exceptions import ModelError
from goudenoor.problems import PathElement, Problem, Problems
from goudenoor.standard._model import Area, Standard


__all__ = [
    "TRANSLATION_FORMAT",
    "AreaTranslation",
    "CheckpointTranslation",
    "LevelTranslation",
    "RequirementTranslation",
    "ScaleLevelTranslation",
    "ScaleTranslation",
    "SchemeTranslation",
    "ThemeTranslation",
    "Translation",
    "translation_problems",
]


TRANSLATION_FORMAT = "translation/1"
"""The format marker of translation files this version reads."""

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?")
"""A language tag: ``en``, ``de``, ``pt-BR``."""

_T = TypeVar("_T")


def _check(problems: list[Problem]) -> None:
    if problems:
        raise ModelError(problems)


def _texts(obj: object, *names: str) -> list[Problem]:
    found = []
    for name in names:
        value = getattr(obj, name)
        if value is not None and not value.strip():
            found.append(Problem(message="must not be empty", path=(name,)))
    return found


def _unique(items: tuple[_T, ...], key: str, what: str, field: str) -> list[Problem]:
    seen: set[object] = set()
    found = []
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            found.append(
                Problem(message=f"duplicate {what} {value!r}", path=(field, index, key))
            )
        seen.add(value)
    return found


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ThemeTranslation:
    """
    A theme's name in another language.

    Attributes:
        name: The theme's name in the edition (Dutch), as the key.
        text: Its translation.
    """

    name: str
    text: str

    def __attrs_post_init__(self) -> None:
        _check(_texts(self, "name", "text"))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaTranslation:
    """
    An area's texts in another language.

    Attributes:
        id: The area's id in the edition (``"5"``).
        name: The translated name.
        summary: The translated summary, where the area has one.
        themes: The translated names of the area's themes.
    """

    id: str
    name: str
    summary: str | None = None
    themes: tuple[ThemeTranslation, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check(
            _texts(self, "id", "name", "summary")
            + _unique(self.themes, "name", "theme", "themes")
        )

    def theme(self, name: str) -> str | None:
        """
        The translation of the theme called *name* (in the edition's
        language), or ``None``.
        """
        for theme in self.themes:
            if theme.name == name:
                return theme.text
        return None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RequirementTranslation:
    """
    A requirement's texts in another language.

    Attributes:
        id: The requirement's id in the edition (``"5.1"``).
        text: The translated statement.
        lead: The translated lead, where the requirement has one.
        evidence: The translated evidence clause, where it has one.
    """

    id: str
    text: str
    lead: str | None = None
    evidence: str | None = None

    def __attrs_post_init__(self) -> None:
        _check(_texts(self, "id", "text", "lead", "evidence"))

    @property
    def full_text(self) -> str:
        """
        The lead and the statement as one sentence.
        """
        return self.text if self.lead is None else f"{self.lead} {self.text}"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CheckpointTranslation:
    """
    A checkpoint's text in another language.

    Attributes:
        id: The checkpoint's id in the edition (``"5.1.a"``).
        text: The translated text.
    """

    id: str
    text: str

    def __attrs_post_init__(self) -> None:
        _check(_texts(self, "id", "text"))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScaleLevelTranslation:
    """
    The label of one value of a scale, in another language.

    Attributes:
        value: The value, as in the edition.
        label: The translated label.
    """

    value: float
    label: str

    def __attrs_post_init__(self) -> None:
        _check(_texts(self, "label"))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScaleTranslation:
    """
    A scale's name and labels in another language.

    Attributes:
        id: The scale's id in the edition.
        name: The translated name.
        levels: The translated labels, by value.
    """

    id: str
    name: str
    levels: tuple[ScaleLevelTranslation, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check(
            _texts(self, "id", "name")
            + _unique(self.levels, "value", "value", "levels")
        )

    def label(self, value: float) -> str | None:
        """
        The translated label of *value*, or ``None``.
        """
        for level in self.levels:
            if level.value == value:
                return level.label
        return None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class LevelTranslation:
    """
    A recognition level's name in another language.

    Attributes:
        name: The level's name in the edition, as the key.
        text: Its translation.
    """

    name: str
    text: str

    def __attrs_post_init__(self) -> None:
        _check(_texts(self, "name", "text"))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SchemeTranslation:
    """
    A recognition scheme's name and level names in another language.

    Attributes:
        id: The scheme's id in the edition.
        name: The translated name.
        levels: The translated level names.
    """

    id: str
    name: str
    levels: tuple[LevelTranslation, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check(
            _texts(self, "id", "name") + _unique(self.levels, "name", "level", "levels")
        )

    def level(self, name: str) -> str | None:
        """
        The translation of the level called *name*, or ``None``.
        """
        for level in self.levels:
            if level.name == name:
                return level.text
        return None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Translation:
    """
    The texts of one edition in another language.

    Attributes:
        edition: The id of the edition it translates.
        language: A language tag such as ``en``.
        title: The edition's title, translated.
        notes: Who made it and how far it can be trusted.
        areas: Translated area names, summaries and theme names.
        requirements: Translated requirements.
        checkpoints: Translated checkpoints.
        scales: Translated scale names and labels.
        recognition_schemes: Translated scheme and level names.
        origin: The file it was read from, if any (not part of equality).
    """

    edition: str
    language: str
    title: str
    notes: tuple[str, ...] = ()
    areas: tuple[AreaTranslation, ...] = ()
    requirements: tuple[RequirementTranslation, ...] = ()
    checkpoints: tuple[CheckpointTranslation, ...] = ()
    scales: tuple[ScaleTranslation, ...] = ()
    recognition_schemes: tuple[SchemeTranslation, ...] = ()
    origin: str | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = _texts(self, "edition", "title")
        if not _LANGUAGE.fullmatch(self.language):
            problems.append(
                Problem(
                    message=f"{self.language!r} is not a language tag "
                    "(expected for example 'en', 'de' or 'pt-BR')",
                    path=("language",),
                )
            )
        for field in ("areas", "requirements", "checkpoints", "scales"):
            problems += _unique(getattr(self, field), "id", field[:-1], field)
        problems += _unique(
            self.recognition_schemes, "id", "scheme", "recognition_schemes"
        )
        _check(problems)

    @functools.cached_property
    def _index(self) -> dict[tuple[str, str], object]:
        index: dict[tuple[str, str], object] = {}
        for field in (
            "areas",
            "requirements",
            "checkpoints",
            "scales",
            "recognition_schemes",
        ):
            for item in getattr(self, field):
                index[field, item.id] = item
        return index

    def area(self, area_id: str) -> AreaTranslation | None:
        """
        The translation of the area with id *area_id*, or ``None``.
        """
        found = self._index.get(("areas", area_id))
        return found if isinstance(found, AreaTranslation) else None

    def requirement(self, requirement_id: str) -> RequirementTranslation | None:
        """
        The translation of the requirement *requirement_id*, or ``None``.
        """
        found = self._index.get(("requirements", requirement_id))
        return found if isinstance(found, RequirementTranslation) else None

    def checkpoint(self, checkpoint_id: str) -> CheckpointTranslation | None:
        """
        The translation of the checkpoint *checkpoint_id*, or ``None``.
        """
        found = self._index.get(("checkpoints", checkpoint_id))
        return found if isinstance(found, CheckpointTranslation) else None

    def scale(self, scale_id: str) -> ScaleTranslation | None:
        """
        The translation of the scale *scale_id*, or ``None``.
        """
        found = self._index.get(("scales", scale_id))
        return found if isinstance(found, ScaleTranslation) else None

    def scheme(self, scheme_id: str) -> SchemeTranslation | None:
        """
        The translation of the recognition scheme *scheme_id*, or ``None``.
        """
        found = self._index.get(("recognition_schemes", scheme_id))
        return found if isinstance(found, SchemeTranslation) else None

    def missing(self, standard: Standard) -> tuple[str, ...]:
        """
        What of *standard* this translation leaves in the standard's own
        language, in the standard's order: ``"area 5"``, ``"area 5
        summary"``, ``"area 5 theme Escaleren"``, ``"requirement zorg:1.1"``,
        ``"requirement 5.1 evidence"``, ``"checkpoint 5.1.a"``, ``"scale
        gos-0-4"``, ``"scale gos-0-4 value 2"``, ``"scheme sterren"``,
        ``"scheme sterren level 1 ster"``.

        >>> import goudenoor as go
        >>> go.load_translation("gos-2012", "en").missing(go.load_standard("gos-2012"))
        ()
        """
        found: list[str] = []
        for area in standard.areas:
            found.extend(self._missing_in_area(area))
        for requirement in standard.requirements:
            translated = self.requirement(requirement.id)
            if translated is None:
                found.append(f"requirement {requirement.id}")
            elif requirement.evidence is not None and translated.evidence is None:
                found.append(f"requirement {requirement.id} evidence")
            found.extend(
                f"checkpoint {checkpoint.id}"
                for checkpoint in requirement.checkpoints
                if self.checkpoint(checkpoint.id) is None
            )
        for scale in standard.scales:
            scale_tr = self.scale(scale.id)
            if scale_tr is None:
                found.append(f"scale {scale.id}")
                continue
            found.extend(
                f"scale {scale.id} value {level.value:g}"
                for level in scale.levels
                if scale_tr.label(level.value) is None
            )
        for scheme in standard.recognition_schemes:
            scheme_tr = self.scheme(scheme.id)
            if scheme_tr is None:
                found.append(f"scheme {scheme.id}")
                continue
            found.extend(
                f"scheme {scheme.id} level {level.name}"
                for level in scheme.levels
                if scheme_tr.level(level.name) is None
            )
        return tuple(found)

    def _missing_in_area(self, area: Area) -> list[str]:
        translated = self.area(area.id)
        if translated is None:
            return [f"area {area.id}"]
        found = []
        if area.summary is not None and translated.summary is None:
            found.append(f"area {area.id} summary")
        found.extend(
            f"area {area.id} theme {theme.name}"
            for theme in area.themes
            if translated.theme(theme.name) is None
        )
        return found


@checked
def translation_problems(translation: Translation, standard: Standard) -> list[Problem]:
    """
    Everything in *translation* that does not fit *standard*: another
    edition, ids and names the standard does not have, texts that
    translate nothing (a lead, evidence clause or summary where the
    standard has none), and a requirement without the lead its Dutch
    statement has (the two make one sentence).

    Leaving texts out is not a problem: a translation may be partial, and
    :meth:`Translation.missing` lists what it leaves out.

    Returns:
        The problems, each with the path of the item in the translation.
    """
    found = Problems()
    if translation.edition != standard.id:
        found.add(
            f"translates edition {translation.edition!r}, not {standard.id!r}",
            "edition",
        )
        return found.list()
    _check_areas(translation, standard, found)
    _check_requirements(translation, standard, found)
    _check_scales(translation, standard, found)
    _check_schemes(translation, standard, found)
    return found.list()


def _check_areas(translation: Translation, standard: Standard, found: Problems) -> None:
    areas = {area.id: area for area in standard.areas}
    for index, area_tr in enumerate(translation.areas):
        area = areas.get(area_tr.id)
        if area is None:
            found.add(f"unknown area {area_tr.id!r}", "areas", index, "id")
            continue
        _extra(found, area_tr.summary, area.summary, "summary", "areas", index)
        names = {theme.name for theme in area.themes}
        for number, theme in enumerate(area_tr.themes):
            if theme.name not in names:
                where = ("areas", index, "themes", number, "name")
                found.add(f"area {area.id} has no theme {theme.name!r}", *where)


def _check_requirements(
    translation: Translation, standard: Standard, found: Problems
) -> None:
    requirements = {
        requirement.id: requirement for requirement in standard.requirements
    }
    for index, req_tr in enumerate(translation.requirements):
        requirement = requirements.get(req_tr.id)
        if requirement is None:
            found.add(f"unknown requirement {req_tr.id!r}", "requirements", index, "id")
            continue
        where = ("requirements", index)
        _extra(found, req_tr.lead, requirement.lead, "lead", *where)
        _extra(found, req_tr.evidence, requirement.evidence, "evidence", *where)
        if req_tr.lead is None and requirement.lead is not None:
            found.add(
                f"lead missing: the statement continues the lead {requirement.lead!r}",
                *where,
            )
    checkpoints = {
        checkpoint.id
        for requirement in standard.requirements
        for checkpoint in requirement.checkpoints
    }
    for index, cp_tr in enumerate(translation.checkpoints):
        if cp_tr.id not in checkpoints:
            found.add(f"unknown checkpoint {cp_tr.id!r}", "checkpoints", index, "id")


def _check_scales(
    translation: Translation, standard: Standard, found: Problems
) -> None:
    scales = {scale.id: scale for scale in standard.scales}
    for index, scale_tr in enumerate(translation.scales):
        scale = scales.get(scale_tr.id)
        if scale is None:
            found.add(f"unknown scale {scale_tr.id!r}", "scales", index, "id")
            continue
        values = {level.value for level in scale.levels}
        for number, level in enumerate(scale_tr.levels):
            if level.value not in values:
                where = ("scales", index, "levels", number, "value")
                found.add(f"scale {scale.id!r} has no value {level.value:g}", *where)


def _check_schemes(
    translation: Translation, standard: Standard, found: Problems
) -> None:
    schemes = {scheme.id: scheme for scheme in standard.recognition_schemes}
    for index, scheme_tr in enumerate(translation.recognition_schemes):
        scheme = schemes.get(scheme_tr.id)
        if scheme is None:
            found.add(
                f"unknown scheme {scheme_tr.id!r}", "recognition_schemes", index, "id"
            )
            continue
        names = {level.name for level in scheme.levels}
        for number, level in enumerate(scheme_tr.levels):
            if level.name not in names:
                where = ("recognition_schemes", index, "levels", number, "name")
                found.add(f"scheme {scheme.id!r} has no level {level.name!r}", *where)


def _extra(
    found: Problems,
    translated: str | None,
    original: str | None,
    field: str,
    *path: PathElement,
) -> None:
    if translated is not None and original is None:
        found.add(f"the edition has no {field} here to translate", *path, field)
