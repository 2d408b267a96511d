"""
The self-assessment questionnaire of an edition: every requirement as a
rating question and every checkpoint as a yes/partly/no question, built
from the standard's own data (never from hand-written text).

The forms that carry it (an HTML page, a workbook, JSON) are written by
``goudenoor.report`` and ``goudenoor.files``; this module never reads or
writes a file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any, Literal

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._data import Key, shape, to_data
from goudenoor.exceptions import ModelError
from goudenoor.problems import Problem
from goudenoor.standard._model import AreaKind, Requirement, Standard
from goudenoor.standard._translation import Translation


__all__ = [
    "CHECKPOINT_ANSWERS",
    "QUESTIONNAIRE_FORMAT",
    "CheckpointAnswer",
    "CheckpointQuestion",
    "LevelChoice",
    "Questionnaire",
    "QuestionnaireArea",
    "RequirementQuestion",
    "questionnaire",
]


def __dir__() -> list[str]:
    return __all__


QUESTIONNAIRE_FORMAT = "questionnaire/1"
"""The format marker of :meth:`Questionnaire.as_dict`."""

CheckpointAnswer = Literal["yes", "partly", "no"]
"""An answer to a checkpoint question."""

CHECKPOINT_ANSWERS: tuple[CheckpointAnswer, ...] = ("yes", "partly", "no")
"""The answers to a checkpoint question, in the order a form offers them."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CheckpointQuestion:
    """
    One checkpoint as a question: is it there? (yes, partly or no, with an
    optional remark).

    Attributes:
        id: The checkpoint id, for example ``1.4.a``.
        text: The checkpoint's words (Dutch): what "Dat blijkt uit:" is
            followed by.
        translated: The translation's words, or ``None``.
    """

    id: str
    text: str
    translated: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RequirementQuestion:
    """
    One requirement as a rating question on the scale (or not applicable,
    with a required justification), with its checkpoint questions.

    Attributes:
        id: The requirement id, for example ``1.4`` or ``zorg:1.11``.
        area_id: The id of its area.
        theme: The name of its theme (Dutch), or ``None``.
        theme_translated: The translation of the theme's name, or ``None``.
        text: The requirement in the standard's words, its lead included
            (Dutch).
        translated: The translation of the text, or ``None``.
        evidence: The evidence clause in the standard's words (Dutch), or
            ``None`` where the standard gives none.
        evidence_translated: The translation of the evidence clause, or
            ``None``.
        checkpoints: Its checkpoint questions, in the standard's order
            (empty: the rating question alone).
    """

    id: str
    area_id: str
    theme: str | None
    theme_translated: str | None
    text: str
    translated: str | None
    evidence: str | None
    evidence_translated: str | None
    checkpoints: tuple[CheckpointQuestion, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class QuestionnaireArea:
    """
    One area of the questionnaire.

    Attributes:
        id: The area id (its number as text).
        kind: organisation or result.
        name: Its name (Dutch).
        translated: The translation of its name, or ``None``.
        requirements: Its requirement questions, in the standard's order.
    """

    id: str
    kind: AreaKind
    name: str
    translated: str | None
    requirements: tuple[RequirementQuestion, ...]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class LevelChoice:
    """
    One value a requirement can be rated, with its label.

    Attributes:
        value: The value on the scale.
        label: What it means (Dutch).
        translated: The translation of the label, or ``None``.
    """

    value: float
    label: str
    translated: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Questionnaire:
    """
    The questions of a self-assessment of one edition (with its sector
    extensions): every requirement once, every checkpoint once.

    Attributes:
        edition: The edition id.
        title: The edition's title.
        extensions: The ids of the extensions applied, in order.
        language: The language of the translated texts, or ``None``.
        scale: The id of the scale the requirements are rated on.
        scale_name: The scale's name.
        levels: The values a requirement can be rated, lowest first.
        areas: The areas asked about, in number order.
    """

    edition: str
    title: str
    extensions: tuple[str, ...]
    language: str | None
    scale: str
    scale_name: str
    levels: tuple[LevelChoice, ...]
    areas: tuple[QuestionnaireArea, ...]

    @property
    def requirements(self) -> tuple[RequirementQuestion, ...]:
        """
        Every requirement question, in order.
        """
        return tuple(r for area in self.areas for r in area.requirements)

    @property
    def checkpoint_ids(self) -> tuple[str, ...]:
        """
        The id of every checkpoint asked about, in order.
        """
        return tuple(c.id for r in self.requirements for c in r.checkpoints)

    @property
    def form_id(self) -> str:
        """
        The questions' short id, 16 hexadecimal digits. The same
        questions give the same id, other questions (another edition,
        extension, choice of areas or scale) another one. A form keeps
        its answers in the browser under it.
        """
        # The ids and values only, not the texts: a form with the
        # translation beside the texts asks the same questions and keeps
        # the same answers.
        key = {
            "edition": self.edition,
            "extensions": self.extensions,
            "scale": self.scale,
            "levels": [level.value for level in self.levels],
            "requirements": [
                [r.id, [c.id for c in r.checkpoints]] for r in self.requirements
            ],
        }
        text = json.dumps(key, ensure_ascii=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        """
        The questionnaire as JSON-ready data, marked ``questionnaire/1``.
        """
        data: dict[str, Any] = to_data(self)
        return data


shape(
    Questionnaire,
    "edition",
    "title",
    "extensions",
    "language",
    Key(
        "form_id",
        str,
        "A short id of the questions: a form keeps its answers under it.",
        get=lambda q: q.form_id,
    ),
    "scale",
    "scale_name",
    "levels",
    Key(
        "checkpoint_answers",
        tuple[CheckpointAnswer, ...],
        "The answers to a checkpoint question (each with an optional "
        "remark). A requirement is rated on one of the levels, or not "
        "applicable with a required justification.",
        get=lambda _: CHECKPOINT_ANSWERS,
    ),
    "areas",
    marker=QUESTIONNAIRE_FORMAT,
)


def _requirement(
    requirement: Requirement, translation: Translation | None
) -> RequirementQuestion:
    found = None if translation is None else translation.requirement(requirement.id)
    theme_translated = None
    if translation is not None and requirement.theme is not None:
        area = translation.area(requirement.area_id)
        theme_translated = None if area is None else area.theme(requirement.theme)
    checkpoints = []
    for checkpoint in requirement.checkpoints:
        translated = (
            None if translation is None else translation.checkpoint(checkpoint.id)
        )
        checkpoints.append(
            CheckpointQuestion(
                id=checkpoint.id,
                text=checkpoint.text,
                translated=None if translated is None else translated.text,
            )
        )
    return RequirementQuestion(
        id=requirement.id,
        area_id=requirement.area_id,
        theme=requirement.theme,
        theme_translated=theme_translated,
        text=requirement.full_text,
        translated=None if found is None else found.full_text,
        evidence=requirement.evidence,
        evidence_translated=None if found is None else found.evidence,
        checkpoints=tuple(checkpoints),
    )


@checked
def questionnaire(
    standard: Standard,
    *,
    translation: Translation | None = None,
    areas: Sequence[str] | None = None,
    scale: str | None = None,
) -> Questionnaire:
    """
    The self-assessment questions of *standard* (with the extensions
    applied to it), from its own data.

    Args:
        standard: The edition, with any sector extensions applied.
        translation: A translation of the edition, shown beside the Dutch
            texts.
        areas: The areas to ask about (ids, numbers or names, as
            :meth:`Standard.area` takes them); default every area. They
            are asked in number order, each once.
        scale: The scale id to rate on (default: the edition's).

    Raises:
        UnknownAreaError: An area is not in the edition.
        UnknownItemError: The scale is not in the edition.
        ModelError: The translation is of another edition.
    """
    if translation is not None and translation.edition != standard.id:
        raise ModelError(
            [
                Problem(
                    message=f"the translation is of {translation.edition}, "
                    f"not of {standard.id}",
                    path=("translation", "edition"),
                )
            ]
        )
    chosen = standard.areas
    if areas is not None:
        wanted = {standard.area(key).id for key in areas}
        chosen = tuple(area for area in standard.areas if area.id in wanted)
    found_scale = standard.scale(scale)
    scale_translation = (
        None if translation is None else translation.scale(found_scale.id)
    )
    levels = tuple(
        LevelChoice(
            value=level.value,
            label=level.label,
            translated=None
            if scale_translation is None
            else scale_translation.label(level.value),
        )
        for level in found_scale.levels
    )
    question_areas = []
    for area in chosen:
        area_translation = None if translation is None else translation.area(area.id)
        question_areas.append(
            QuestionnaireArea(
                id=area.id,
                kind=area.kind,
                name=area.name,
                translated=None if area_translation is None else area_translation.name,
                requirements=tuple(
                    _requirement(requirement, translation)
                    for requirement in area.requirements
                ),
            )
        )
    return Questionnaire(
        edition=standard.id,
        title=standard.title,
        extensions=standard.extensions,
        language=None if translation is None else translation.language,
        scale=found_scale.id,
        scale_name=found_scale.name,
        levels=levels,
        areas=tuple(question_areas),
    )
