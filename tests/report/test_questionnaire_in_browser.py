"""
The self-assessment form as a respondent uses it, in headless Chromium
(through Playwright): opened from a file:// URL, filled in with a fixed set
of answers, reloaded midway (the answers survive), saved as a file (the
download is caught) and loaded with ``load_assessment``, value by value.
axe-core finds nothing wrong, and a 390 px phone does not scroll sideways.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page

import goudenoor as go
from browser import axe_violations, launch, needs_axe, needs_chromium
from conftest import ROOT
from goudenoor.report import questionnaire_html


pytestmark = needs_chromium

PHONE = 390
"""The width of a phone's screen in CSS pixels."""

ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"

HOSTILE = '<script>alert("x")</script> =1+1 "quoted"\nline two \\ \u2028 é'
"""A text that would break markup, a spreadsheet, a YAML scalar or a line."""

ORGANISATION = HOSTILE.replace("\n", " ")
"""The same on one line: a text field has no line breaks."""


def _standard() -> go.Standard:
    return go.apply_extension(
        go.load_standard("gos-2016"), go.load_extension_file(ZORG)
    )


@contextmanager
def _form(tmp_path: Path, *, width: int = 1024, language: str = "nl") -> Iterator[Page]:
    path = tmp_path / "form.html"
    path.write_text(
        questionnaire_html(go.questionnaire(_standard()), language=language),
        encoding="utf-8",
    )
    with launch() as browser:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, accept_downloads=True
        )
        # Nothing but the file itself may be fetched.
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.goto(path.as_uri())
        yield page
        assert all(url.startswith(("file://", "blob:", "data:")) for url in requests), (
            requests
        )
        context.close()


def _index(requirement_id: str) -> int:
    ids = [r.id for r in go.questionnaire(_standard()).requirements]
    return ids.index(requirement_id)


def _fill_first_half(page: Page) -> None:
    page.fill("#organisation", ORGANISATION)
    page.fill("#unit", "Publiekszaken")
    page.fill("#date", "2026-11-03")
    page.fill("#respondent", "J. de Vries")
    one = _index("1.4")  # two checkpoints
    page.check(f"input[name='c{one}-0'][value='yes']")
    page.check(f"input[name='c{one}-1'][value='partly']")
    page.fill(f"#c{one}-1-remark", HOSTILE)
    page.check(f"input[name='r{one}'][value='3']")
    page.fill(f"#r{one}-note", "Beleid staat.")


def _fill_second_half(page: Page) -> None:
    bare = _index("1.1")  # no checkpoints
    page.check(f"input[name='r{bare}'][value='2']")
    na = _index("zorg:1.11")
    page.check(f"input[name='r{na}'][value='na']")
    page.fill(f"#r{na}-justification", "Geen zorg.")
    no = _index("2.2")  # one checkpoint, the pack's
    page.check(f"input[name='c{no}-0'][value='no']")
    page.fill(f"#c{no}-0-remark", "Nog niet.")


def _expected() -> go.Assessment:
    return go.Assessment(
        edition="gos-2016",
        organisation=ORGANISATION,
        unit="Publiekszaken",
        date=datetime.date(2026, 11, 3),
        scale="gos-0-4",
        auditors=("J. de Vries",),
        extensions=("zorg",),
        kind="self",
        ratings={
            "1.1": go.Rating(value=2),
            "1.4": go.Rating(
                value=3,
                checkpoints_met=("1.4.a",),
                note=f"Beleid staat.\nControlepunt 1.4.b: deels \u2013 {HOSTILE}",
            ),
            "2.2": go.Rating(note="Controlepunt zorg:2.2.x: nee \u2013 Nog niet."),
            "zorg:1.11": go.Rating(not_applicable=True, justification="Geen zorg."),
        },
    )


def _save(page: Page, folder: Path) -> Path:
    with page.expect_download() as caught:
        page.click("#save")
    target = folder / caught.value.suggested_filename
    caught.value.save_as(target)
    return target


def test_fill_reload_save_and_load(tmp_path: Path) -> None:
    with _form(tmp_path) as page:
        _fill_first_half(page)
        page.reload()
        assert ORGANISATION == page.input_value("#organisation")
        assert "3" == page.eval_on_selector(
            f"input[name='r{_index('1.4')}']:checked", "e => e.value"
        )
        _fill_second_half(page)
        saved = _save(page, tmp_path)
        progress = page.eval_on_selector("#progress", "e => [e.value, e.max]")
    assert "zelfevaluatie-gos-2016-2026-11-03.yaml" == saved.name
    loaded = go.load_assessment(saved, extensions=[go.load_extension_file(ZORG)])
    expected = _expected()
    assert expected.organisation == loaded.organisation
    assert dict(expected.ratings) == dict(loaded.ratings)
    assert expected == loaded
    questions = go.questionnaire(_standard())
    # 1.1, 1.4 and its two checkpoints, zorg:2.2.x, zorg:1.11 answered.
    assert [6, len(questions.requirements) + len(questions.checkpoint_ids)] == progress


def test_not_applicable_needs_a_justification(tmp_path: Path) -> None:
    with _form(tmp_path) as page:
        page.fill("#organisation", "Gemeente Voorbeeld")
        na = _index("1.1")
        page.check(f"input[name='r{na}'][value='na']")
        downloads: list[object] = []
        # Playwright cannot register a bound builtin as a handler.
        page.on("download", lambda download: downloads.append(download))  # noqa: PLW0108
        page.click("#save")
        message = page.text_content("#status")
        focused = page.evaluate("document.activeElement.id")
    assert [] == downloads
    assert "Geef bij eis 1.1 aan waarom die niet van toepassing is." == message
    assert f"r{na}-justification" == focused


def test_a_control_character_is_named_not_dropped(tmp_path: Path) -> None:
    # The assessment file refuses it; one pasted in cannot be seen.
    with _form(tmp_path) as page:
        page.fill("#organisation", "Gemeente Voorbeeld")
        remark = f"c{_index('1.2')}-0-remark"
        page.fill(f"#{remark}", "Eerst\u0007later")
        downloads: list[object] = []
        # Playwright cannot register a bound builtin as a handler.
        page.on("download", lambda download: downloads.append(download))  # noqa: PLW0108
        page.click("#save")
        message = page.text_content("#status")
        focused = page.evaluate("document.activeElement.id")
    assert [] == downloads
    expected = (
        "Het veld 'Opmerking bij 1.2.a (optioneel)' bevat een onzichtbaar "
        "stuurteken; haal het weg."
    )
    assert expected == message
    assert remark == focused


def test_printed_without_the_buttons(tmp_path: Path) -> None:
    with _form(tmp_path) as page:
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """['.actions', '#status', '.progress']
                .map(s => getComputedStyle(document.querySelector(s)).display)"""
        )
        justification = page.evaluate(
            "new Set([...document.querySelectorAll('.na')]"
            ".map(e => getComputedStyle(e).display)).size"
        )
        shown = page.eval_on_selector(".na", "e => getComputedStyle(e).display")
    # The buttons and the progress bar are not printed; every reason for
    # not applicable is, as a box to write in.
    assert ["none", "none", "none"] == hidden
    assert (1, "block") == (justification, shown)


def test_an_empty_organisation_is_refused(tmp_path: Path) -> None:
    with _form(tmp_path) as page:
        page.fill("#organisation", "  ")
        page.click("#save")
        message = page.text_content("#status")
    assert "Vul de naam van de organisatie in." == message


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_phone_does_not_scroll_sideways(tmp_path: Path, language: str) -> None:
    with _form(tmp_path, width=PHONE, language=language) as page:
        _fill_first_half(page)
        width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE


@needs_axe
@pytest.mark.parametrize("width", [PHONE, 1024])
def test_axe_finds_nothing(tmp_path: Path, width: int) -> None:
    with _form(tmp_path, width=width) as page:
        _fill_first_half(page)
        na = _index("zorg:1.11")
        page.check(f"input[name='r{na}'][value='na']")
        found = axe_violations(page)
    assert [] == found


def test_the_keyboard_reaches_and_answers_a_question(tmp_path: Path) -> None:
    with _form(tmp_path) as page:
        page.focus("#respondent")
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        # Requirement 1.1 has no checkpoints: its rating comes first.
        answered = page.eval_on_selector("input[name='r0']:checked", "e => e.value")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert "0" == answered
    assert "solid" == outline


def test_the_tutorials_file_is_what_the_form_writes(tmp_path: Path) -> None:
    """
    The assessment file docs/tutorials/zelfevaluatie.md shows is the one
    the form saves for the answers the tutorial names.
    """
    page_text = (ROOT / "docs" / "tutorials" / "zelfevaluatie.md").read_text("utf-8")
    caption = ":caption: zelfevaluatie-gos-2016-2026-11-03.yaml\n\n"
    shown = page_text.split(caption, 1)[1].split("```", 1)[0]
    path = tmp_path / "form.html"
    questions = go.questionnaire(go.load_standard("gos-2016"))
    path.write_text(questionnaire_html(questions), encoding="utf-8")
    ids = [r.id for r in questions.requirements]
    with launch() as browser:
        page = browser.new_context(accept_downloads=True).new_page()
        page.goto(path.as_uri())
        page.fill("#organisation", "Gemeente Voorbeeld")
        page.fill("#unit", "Publiekszaken")
        page.fill("#date", "2026-11-03")
        page.fill("#respondent", "J. de Vries")
        page.check("input[name='r0'][value='3']")
        one = ids.index("1.2")
        page.check(f"input[name='c{one}-0'][value='yes']")
        page.check(f"input[name='c{one}-1'][value='partly']")
        page.fill(
            f"#c{one}-1-remark", "Alleen de klachten, nog niet de andere feedback."
        )
        page.check(f"input[name='r{one}'][value='2']")
        na = ids.index("6.1")
        page.check(f"input[name='r{na}'][value='na']")
        page.fill(
            f"#r{na}-justification",
            "Publiekszaken heeft geen eigen klantpanel; dat valt onder de gemeente.",
        )
        saved = _save(page, tmp_path)
    assert shown == saved.read_text(encoding="utf-8")
