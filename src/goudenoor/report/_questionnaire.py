"""
The self-assessment form: a :class:`~goudenoor.standard.Questionnaire` as
one self-contained HTML page (needs jinja2, from the ``report`` extra).

The page carries its stylesheet and script inline and makes no network
request: it works opened from a file (a USB stick, an e-mail attachment).
The answers are kept in the browser's local storage while it is filled in,
and "Bewaar als bestand" downloads them as an ``assessment/1`` YAML file
with ``kind: self``:

- the checkpoints answered yes are the rating's ``checkpoints_met``;
- the rating's ``note`` is the requirement's remark, then one line per
  checkpoint answered partly or no, or with a remark:
  ``Controlepunt 1.4.a: deels``, or with a remark after an en dash,
  ``Controlepunt 1.4.a: nee \u2013 remark`` (ja, deels, nee or niet
  beantwoord, always Dutch: the note is data, not the form's words);
- not applicable is ``not_applicable: true`` with the justification; the
  checkpoint answers of a requirement that does not apply are not written;
- the respondent is the assessment's one ``auditors`` entry.

Every text is written as a double-quoted YAML scalar in which anything but
printable characters is escaped, so no text can change the file's
structure. The form refuses to save, naming the field, without an
organisation or a date, with a not-applicable requirement without a
justification, or with a control character other than tab and line feed
in a text (which an assessment file refuses). The standard's texts and
the user's are escaped by the template; none becomes markup, a script or
a link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from goudenoor.exceptions import MissingExtraError
from goudenoor.report._html import templates
from goudenoor.report._language import in_language


if TYPE_CHECKING:
    from goudenoor.standard import Questionnaire


__all__ = ["NOTE_ANSWERS", "questionnaire_html"]


def __dir__() -> list[str]:
    return __all__


NOTE_ANSWERS: dict[str, str] = {
    "yes": "ja",
    "partly": "deels",
    "no": "nee",
    "": "niet beantwoord",
}
"""How a checkpoint answer is written in a rating's note (Dutch)."""

_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Zelfevaluatie",
        "intro": "Beantwoord per eis de vragen en geef een beoordeling op de "
        "schaal. Uw antwoorden blijven in deze browser bewaard tot u ze als "
        "bestand bewaart; er wordt niets verstuurd.",
        "about": "Gegevens",
        "organisation": "Organisatie",
        "unit": "Onderdeel (optioneel)",
        "date": "Datum",
        "respondent": "Ingevuld door (optioneel)",
        "progress": "Voortgang",
        "answered": "{done} van {total} vragen beantwoord",
        "area_kind_organisation": "organisatiegebied",
        "area_kind_result": "resultaatgebied",
        "area": "Gebied",
        "theme": "Thema",
        "requirement": "Eis",
        "evidence": "Bewijs volgens de standaard",
        "question": "Dat blijkt uit:",
        "yes": "Ja",
        "partly": "Deels",
        "no": "Nee",
        "remark": "Opmerking bij {id} (optioneel)",
        "rating": "Beoordeling van {id} op de schaal {scale}",
        "not_applicable": "Niet van toepassing",
        "justification": "Waarom is {id} niet van toepassing? (verplicht bij "
        "niet van toepassing)",
        "note": "Toelichting bij {id} (optioneel)",
        "na_hint": "Bij niet van toepassing worden de antwoorden op de "
        "controlepunten niet bewaard.",
        "save": "Bewaar als bestand",
        "clear": "Wis alle antwoorden",
        "confirm_clear": "Alle antwoorden in dit formulier wissen?",
        "saved": "Het bestand {file} is bewaard.",
        "missing_organisation": "Vul de naam van de organisatie in.",
        "missing_date": "Vul een datum in (JJJJ-MM-DD).",
        "missing_justification": "Geef bij eis {id} aan waarom die niet van "
        "toepassing is.",
        "control_character": "Het veld '{field}' bevat een onzichtbaar "
        "stuurteken; haal het weg.",
        "noscript": "Dit formulier heeft JavaScript nodig om antwoorden te "
        "bewaren en als bestand op te slaan.",
        "made_by": "Gemaakt met goudenoor uit de gegevens van {edition}",
        "extensions": "met sectoruitbreiding {extensions}",
    },
    "en": {
        "title": "Self-assessment",
        "intro": "Answer the questions of each requirement and rate it on the "
        "scale. Your answers are kept in this browser until you save them as "
        "a file; nothing is sent anywhere.",
        "about": "Details",
        "organisation": "Organisation",
        "unit": "Unit (optional)",
        "date": "Date",
        "respondent": "Filled in by (optional)",
        "progress": "Progress",
        "answered": "{done} of {total} questions answered",
        "area_kind_organisation": "organisation area",
        "area_kind_result": "result area",
        "area": "Area",
        "theme": "Theme",
        "requirement": "Requirement",
        "evidence": "Evidence according to the standard",
        "question": "This is shown by:",
        "yes": "Yes",
        "partly": "Partly",
        "no": "No",
        "remark": "Remark on {id} (optional)",
        "rating": "Rating of {id} on the scale {scale}",
        "not_applicable": "Not applicable",
        "justification": "Why does {id} not apply? (required with not applicable)",
        "note": "Comment on {id} (optional)",
        "na_hint": "With not applicable, the checkpoint answers are not saved.",
        "save": "Bewaar als bestand (save as file)",
        "clear": "Clear all answers",
        "confirm_clear": "Clear every answer in this form?",
        "saved": "The file {file} has been saved.",
        "missing_organisation": "Fill in the organisation's name.",
        "missing_date": "Fill in a date (YYYY-MM-DD).",
        "missing_justification": "Say why requirement {id} does not apply.",
        "control_character": "The field '{field}' holds an invisible "
        "control character; remove it.",
        "noscript": "This form needs JavaScript to keep answers and save them "
        "as a file.",
        "made_by": "Made with goudenoor from the data of {edition}",
        "extensions": "with sector extension {extensions}",
    },
}
"""The form's own words; the standard's texts are never among them."""

LANGUAGES: tuple[str, ...] = tuple(_WORDS)
"""The languages the form speaks."""


def _number(value: float) -> str:
    return f"{value:g}"


def questionnaire_html(questions: Questionnaire, *, language: str = "nl") -> str:
    """
    The self-assessment form of *questions* as one self-contained HTML
    page (see the module documentation for what it writes).

    Args:
        questions: The questions, from :func:`goudenoor.questionnaire`.
        language: The language of the form's own words (``nl`` or
            ``en``); the standard's texts stay Dutch, with the
            questionnaire's translation beside them.

    Raises:
        UnknownItemError: A language the form does not speak.
        MissingExtraError: jinja2 is not installed.
    """
    words = in_language(_WORDS, language)
    try:
        import jinja2  # noqa: F401 - only whether it is there
    except ImportError as error:
        raise MissingExtraError("the questionnaire form", "report", "jinja2") from error
    requirements = questions.requirements
    # What the script needs: the ids behind the fields' index-based names
    # (an id such as zorg:1.11 is no fit for an HTML name or selector).
    script_data: dict[str, Any] = {
        "edition": questions.edition,
        "extensions": list(questions.extensions),
        "form_id": questions.form_id,
        "scale": questions.scale,
        "requirements": [
            [requirement.id, [checkpoint.id for checkpoint in requirement.checkpoints]]
            for requirement in requirements
        ],
        "note_answers": NOTE_ANSWERS,
        "words": {
            key: words[key]
            for key in (
                "answered",
                "confirm_clear",
                "saved",
                "missing_organisation",
                "missing_date",
                "missing_justification",
                "control_character",
            )
        },
    }
    index = {requirement.id: number for number, requirement in enumerate(requirements)}
    extensions = ", ".join(questions.extensions)
    made_by = words["made_by"].format(edition=questions.edition)
    if extensions:
        made_by += " " + words["extensions"].format(extensions=extensions)
    total = len(requirements) + len(questions.checkpoint_ids)
    return templates()("questionnaire.html.j2")(
        q=questions,
        w=words,
        language=language,
        translation_language=questions.language,
        index=index,
        number=_number,
        data=script_data,
        total=total,
        answered=words["answered"].format(done=0, total=total),
        made_by=made_by,
    )
