"""
The self-assessment form as a file: every checkpoint asked exactly once in
the HTML and the JSON form (every edition, with and without the sector
pack), nothing fetched from a network, the standard's texts escaped, and
the page small enough to mail.
"""

from __future__ import annotations

import json
from collections import Counter
from html.parser import HTMLParser

import attrs
import pytest

import goudenoor as go
from conftest import ROOT
from goudenoor.exceptions import UnknownItemError
from goudenoor.report import questionnaire_html


ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"

LIMIT = 300_000
"""The most the form of gos-2016 with the sector pack may weigh, in bytes."""


class _Form(HTMLParser):
    """The checkpoint and requirement ids of a page's questions, the
    attributes that could fetch something, and the scripts' texts."""

    def __init__(self) -> None:
        super().__init__()
        self.checkpoints: list[str] = []
        self.requirements: list[str] = []
        self.fetching: list[tuple[str, str | None]] = []
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags[tag] += 1
        if tag == "fieldset" and found.get("class") == "checkpoint":
            self.checkpoints.append(found["data-id"] or "")
        if tag == "section" and found.get("class") == "requirement":
            self.requirements.append(found["data-id"] or "")
        self.fetching += [(n, v) for n, v in attrs if n in ("src", "href", "action")]


def _parsed(html: str) -> _Form:
    form = _Form()
    form.feed(html)
    return form


def _standards() -> list[tuple[str, go.Standard]]:
    pack = go.load_extension_file(ZORG)
    found = []
    for edition in go.editions():
        standard = go.load_standard(edition)
        found += [
            (edition, standard),
            (f"{edition}+zorg", go.apply_extension(standard, pack)),
        ]
    return found


@pytest.mark.parametrize(
    "standard", [s for _, s in _standards()], ids=[n for n, _ in _standards()]
)
def test_every_checkpoint_exactly_once(standard: go.Standard) -> None:
    expected = [c.id for r in standard.requirements for c in r.checkpoints]
    questions = go.questionnaire(standard)
    form = _parsed(questionnaire_html(questions))
    assert expected == form.checkpoints
    assert [r.id for r in standard.requirements] == form.requirements
    data = questions.as_dict()
    in_json = [
        c["id"]
        for area in data["areas"]
        for r in area["requirements"]
        for c in r["checkpoints"]
    ]
    assert expected == in_json


def test_nothing_is_fetched_and_the_script_is_inline() -> None:
    html = questionnaire_html(go.questionnaire(go.load_standard("gos-2016")))
    form = _parsed(html)
    assert [] == form.fetching
    assert 0 == form.tags["link"] + form.tags["img"] + form.tags["iframe"]
    assert 2 == form.tags["script"]
    assert "http://" not in html
    assert "https://" not in html


def test_the_form_is_small() -> None:
    standard = go.apply_extension(
        go.load_standard("gos-2016"), go.load_extension_file(ZORG)
    )
    size = len(questionnaire_html(go.questionnaire(standard)).encode("utf-8"))
    assert size < LIMIT


def test_a_hostile_text_of_the_standard_stays_text() -> None:
    hostile = '</script><script>alert(1)</script><a href="x">'
    standard = go.load_standard("gos-2016")
    area = standard.areas[0]
    requirement = attrs.evolve(
        area.requirements[3],
        text=hostile,
        checkpoints=(go.Checkpoint(id="1.4.a", text=hostile),),
    )
    changed = attrs.evolve(
        standard,
        areas=(
            attrs.evolve(
                area,
                requirements=(
                    *area.requirements[:3],
                    requirement,
                    *area.requirements[4:],
                ),
            ),
            *standard.areas[1:],
        ),
    )
    html = questionnaire_html(go.questionnaire(changed))
    form = _parsed(html)
    assert [] == form.fetching
    assert 2 == form.tags["script"]
    assert hostile not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_script_data_names_the_questions() -> None:
    questions = go.questionnaire(go.load_standard("gos-2012"))
    html = questionnaire_html(questions)
    start = html.index('id="questionnaire-data">') + len('id="questionnaire-data">')
    data = json.loads(html[start : html.index("</script>", start)])
    assert questions.form_id == data["form_id"]
    assert [
        [r.id, [c.id for c in r.checkpoints]] for r in questions.requirements
    ] == data["requirements"]
    assert [] == data["extensions"]


def test_english_words_and_the_translation_beside_the_dutch() -> None:
    standard = go.load_standard("gos-2016")
    questions = go.questionnaire(
        standard, translation=go.load_translation("gos-2016", "en")
    )
    html = questionnaire_html(questions, language="en")
    assert '<html lang="en">' in html
    assert "This is shown by:" in html
    assert "Bewaar als bestand (save as file)" in html
    assert (
        '<span lang="nl">de klantbeleving (klanten weten waar ze aan toe zijn)' in html
    )
    dutch = questionnaire_html(go.questionnaire(standard))
    assert '<html lang="nl">' in dutch
    assert "Dat blijkt uit:" in dutch
    assert "This is shown by:" not in dutch


def test_an_unknown_language() -> None:
    with pytest.raises(UnknownItemError) as caught:
        questionnaire_html(
            go.questionnaire(go.load_standard("gos-2016")), language="de"
        )
    assert "unknown report language 'de'; did you mean 'nl', 'en'?" == str(caught.value)
