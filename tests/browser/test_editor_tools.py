"""The editor's tools work in the real admin: the preview pane and Wagtail's Checks panel."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.test_admin_csp import sign_in
from tests.browser.test_editorial_review import member
from tests.childmodule.factories import build_child_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def csp_watch(page):
    problems = []
    page.on("console", lambda message: "Content Security Policy" in message.text and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def with_skipped_heading(page):
    """A heading level skipped (h1, then h3): an issue Wagtail's accessibility checker must report."""
    page = page.get_latest_revision_as_object()
    text = {"type": "text", "value": "<h3>En hoppad rubriknivå</h3><p>Barn märker mer än vi tror.</p>"}
    page.body = [text, *page.body.raw_data]
    page.save_revision()
    return page


@pytest.mark.parametrize("kind", ["lesson", "chapter"])
def test_preview_pane_and_checks_panel_work(browser, live_server, live_course, foreign_requests, kind):
    member("Editors", "editor1")
    if kind == "lesson":
        page = live_course["sv"]["lessons"][0]
        with_skipped_heading(page)
        shown = "En hoppad rubriknivå"
    else:
        page = build_child_module(live_course)["sv"]["chapters"][1]
        shown = "Det är inte ditt fel."

    editor = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900}).new_page()
    problems = csp_watch(editor)
    sign_in(editor, live_server, "editor1")
    editor.goto(f"{live_server.url}/admin/pages/{page.id}/edit/")
    editor.wait_for_load_state("networkidle")

    editor.get_by_role("button", name=re.compile("Toggle preview")).click()
    editor.frame_locator("#w-preview-iframe").get_by_text(shown).first.wait_for()

    editor.get_by_role("button", name=re.compile("Toggle checks")).click()
    editor.wait_for_function("() => /\\d/.test(document.querySelector('[data-content-word-count]').textContent)")
    assert int(re.sub(r"\D", "", editor.locator("[data-content-word-count]").inner_text())) >= 10
    assert re.search(r"\d", editor.locator("[data-content-reading-time]").inner_text())
    # Wagtail's readability label comes from the text's LIX score (Good < 35 <= Fair < 45 <= Complex).
    assert editor.locator("[data-content-readability-score]").inner_text().strip() in ("Good", "Fair", "Complex")
    checks = editor.locator("[data-side-panel='checks']")
    checks.get_by_text("Issues found").wait_for()
    if kind == "lesson":  # the accessibility checker ran on the preview: it finds the skipped heading level
        checks.get_by_text(re.compile("Heading", re.I)).first.wait_for()
    assert problems == []
    assert foreign_requests == []


def test_block_picker_shows_a_preview(browser, live_server, live_course):
    member("Editors", "editor1")
    module = live_course["sv"]["modules"][0]
    editor = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900}).new_page()
    sign_in(editor, live_server, "editor1")
    editor.goto(f"{live_server.url}/admin/pages/add/modules/lessonpage/{module.id}/")
    editor.wait_for_load_state("networkidle")
    editor.locator("[id$='-body-content'] button[title='Insert a block']").first.click()
    row = editor.locator(".w-combobox__option-row", has=editor.get_by_role("option", name=re.compile("Checklist")))
    row.get_by_role("button", name="Preview").click()
    preview = editor.frame_locator(
        "iframe.w-block-preview__iframe, .w-combobox__preview iframe, iframe[src*='block-preview']"
    )
    preview.get_by_text("Before the handover").wait_for()
    assert "block-preview" in preview.locator("main").locator("xpath=..").get_attribute("class")


def test_staff_see_the_userbar_on_public_pages_readers_do_not(browser, live_server, live_course):
    member("Editors", "editor1")
    lesson = live_course["sv"]["lessons"][0]
    editor = browser.new_context(locale="en-GB").new_page()
    problems = csp_watch(editor)
    sign_in(editor, live_server, "editor1")
    editor.goto(live_server.url + lesson.url)
    userbar = editor.locator("wagtail-userbar")
    userbar.wait_for(state="attached")
    editor.wait_for_load_state("networkidle")
    assert problems == []

    reader = browser.new_context().new_page()
    reader.goto(live_server.url + lesson.url)
    assert reader.locator("wagtail-userbar").count() == 0
    assert "wagtail-userbar" not in reader.content()


def open_a_story_chooser_in_a_new_lesson(editor, live_server, module):
    """A new lesson in `module`, a parent's story block in its body, and that block's chooser: the modal."""
    editor.goto(f"{live_server.url}/admin/pages/add/modules/lessonpage/{module.id}/")
    editor.wait_for_load_state("networkidle")
    editor.locator("[id$='-body-content'] button[title='Insert a block']").first.click()
    editor.get_by_role("option", name=re.compile("Parent's story|Förälderns berättelse")).click()
    editor.locator("[data-chooser-action-choose]").last.click()
    return editor.locator(".modal-content")


def test_snippet_chooser_opens_on_the_pages_language(browser, live_server, live_course):
    """Wagtail's choosers pass the edited page's locale (ACTIVE_CONTENT_LOCALE) as a filter; keep it so."""
    member("Editors", "editor1")
    module = live_course["da"]["modules"][0]
    danish, swedish = live_course["da"]["story"], live_course["sv"]["story"]
    editor = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900}).new_page()
    sign_in(editor, live_server, "editor1")
    modal = open_a_story_chooser_in_a_new_lesson(editor, live_server, module)
    modal.get_by_role("link", name=danish.title).wait_for()
    assert modal.get_by_role("link", name=swedish.title).count() == 0


def test_module_sources_are_a_filterable_list_of_the_pages_language(browser, live_server, live_course):
    from tests.modules.factories import SourceFactory

    member("Editors", "editor1")
    module = live_course["da"]["modules"][0]
    other = SourceFactory(locale=module.locale, authors="Kelly, J. B.", title="Children's adjustment", live=False)
    editor = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900}).new_page()
    sign_in(editor, live_server, "editor1")
    editor.goto(f"{live_server.url}/admin/pages/{module.id}/edit/")
    boxes = editor.locator("input[name=sources]")
    assert boxes.count() == 2  # the Danish ones only, of three languages' sources
    editor.get_by_text(re.compile(r"Kelly, J\. B\. \(2001\).*draft, not yet approved")).wait_for()
    editor.locator("[data-source-filter]").fill("kelly")
    unticked = editor.locator(f"input[name=sources][value='{other.pk}']")
    ticked = editor.locator("input[name=sources]:checked")
    assert unticked.is_visible() and ticked.is_visible()  # a ticked source always stays in view
    editor.locator("[data-source-filter]").fill("nothing like this")
    assert not unticked.is_visible() and ticked.is_visible()


def test_readability_panel_follows_what_the_editor_types(browser, live_server, live_course):
    member("Editors", "editor1")
    chapter = build_child_module(live_course)["sv"]["chapters"][0]  # 3-5 years: LIX target 25
    editor = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900}).new_page()
    editor.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.samspelWatchingEdits = true; });"
    )
    sign_in(editor, live_server, "editor1")
    editor.goto(f"{live_server.url}/admin/pages/{chapter.id}/edit/")
    editor.wait_for_load_state("networkidle")
    panel = editor.locator("[data-readability-panel]")
    assert "help-info" in panel.get_attribute("class")

    editor.get_by_role("button", name=re.compile("Toggle preview")).click()
    editor.frame_locator("#w-preview-iframe").get_by_text("Det är inte ditt fel.").first.wait_for()
    bureaucratic = (
        "Vårdnadshavarnas gemensamma ansvar för barnets grundläggande behov kvarstår oförändrat oavsett "
        "eventuella förändringar beträffande boendesituationen i samband med separationsprocessen"
    )
    # Wagtail notices edits (and refreshes the preview) only once it has taken the form's initial
    # state, 2 s after the editor loads: typed sooner, the text would count as the initial state.
    editor.wait_for_function("() => window.samspelWatchingEdits === true")
    text = editor.locator("textarea").first
    text.click()
    text.press("Control+End")
    text.press_sequentially(f" {bureaucratic}.")
    shown = editor.frame_locator("#w-preview-iframe").get_by_text(bureaucratic).first
    try:
        shown.wait_for(timeout=15_000)
    except PlaywrightTimeoutError:
        # Wagtail's preview sometimes misses the first burst of typing on a loaded machine (failed
        # CI twice, never locally); an editor's next keystroke refreshes it, as here.
        text.press_sequentially(" ")
        shown.wait_for(timeout=30_000)
    # Named in the panel before anything is saved or submitted.
    panel.locator("li", has_text=bureaucratic).wait_for()
    assert "help-info" not in panel.get_attribute("class")


def test_a_story_written_inside_the_chooser_is_chosen_as_a_draft_of_the_pages_language(
    browser, live_server, live_course
):
    from modules.models import Story

    member("Editors", "editor1")
    module = live_course["da"]["modules"][0]
    editor = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900}).new_page()
    problems = csp_watch(editor)
    sign_in(editor, live_server, "editor1")
    modal = open_a_story_chooser_in_a_new_lesson(editor, live_server, module)
    modal.get_by_role("tab", name=re.compile("New|Ny")).click()
    modal.locator("input[name=title]").fill("Den første jul i to hjem")
    modal.locator("input[name=teller]").fill("far til en seksårig")
    modal.locator("textarea[name=text]").fill("Vi holdt jul to gange, og det gik bedre end frygtet.")
    modal.get_by_role("button", name=re.compile("Create as draft|Skapa som utkast")).click()
    editor.locator("[data-chooser-title]", has_text="Den første jul i to hjem").wait_for()
    story = Story.objects.get(title="Den første jul i to hjem")
    assert story.locale.language_code == "da" and not story.live
    assert problems == []
