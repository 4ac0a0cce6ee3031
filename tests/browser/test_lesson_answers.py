"""Nothing a parent types in a lesson is lost, in Chromium on a phone: saving says so, "I'm done"
saves, a long answer is refused whole at the lesson's address, and leaving asks first, except
when the parent leaves quickly."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from course.models import Reflection
from modules.blocks import REFLECTION_MAX_LENGTH
from tests.browser.conftest import assert_no_axe_violations, keep_on_loopback
from tests.browser.test_quick_exit import start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def phone(browser, live_server, foreign_requests, **options):
    context = browser.new_context(viewport=PHONE, locale="sv-SE", **options)
    return keep_on_loopback(context.new_page(), live_server, foreign_requests)


def lesson_page(browser, live_server, live_course, foreign_requests):
    page = phone(browser, live_server, foreign_requests)
    start(page, live_server)
    lesson = live_course["sv"]["lessons"][0]
    page.goto(live_server.url + lesson.url)
    return page, lesson


def test_saving_an_answer_says_so_where_it_is_and_reads_it_out(
    browser, live_server, live_course, axe, foreign_requests
):
    page, lesson = lesson_page(browser, live_server, live_course, foreign_requests)
    page.locator(".reflection textarea").fill("Jag vill lyssna mer.")
    page.locator(".reflection button[type=submit]").click()
    note = page.locator(".reflection [data-saved-note]")
    expect(note).to_be_visible()
    expect(note).to_be_focused()  # a screen reader reads it where it appears
    assert page.url.split("?")[0] == live_server.url + lesson.url
    assert_no_axe_violations(axe, page)
    assert foreign_requests == []


def test_im_done_keeps_what_was_typed_but_not_saved(browser, live_server, live_course, foreign_requests):
    page, lesson = lesson_page(browser, live_server, live_course, foreign_requests)
    background = "el => getComputedStyle(el).backgroundColor"
    done = page.locator(".lesson-done button[type=submit]")
    assert done.evaluate(background) != "rgba(0, 0, 0, 0)"  # one primary action: "I'm done" ...
    assert page.locator(".pager .button").first.evaluate(background) == "rgba(0, 0, 0, 0)"  # ... the way on second
    page.locator(".reflection textarea").fill("Det här vill jag minnas.")
    page.locator(".lesson-done button[type=submit]").click()
    page.locator(".lesson-done .status.done").wait_for()
    assert page.locator(".reflection textarea").input_value() == "Det här vill jag minnas."
    assert Reflection.objects.count() == 1


def test_a_long_paste_is_never_cut_and_is_refused_at_the_lessons_address(
    browser, live_server, live_course, axe, foreign_requests
):
    page, lesson = lesson_page(browser, live_server, live_course, foreign_requests)
    box = page.locator(".reflection textarea")
    pasted = "ord " * (REFLECTION_MAX_LENGTH // 4) + "sista"
    box.fill(pasted)
    assert box.input_value() == pasted  # all of it: a maxlength would have cut it silently
    counter = page.locator(".reflection [data-counter]")
    expect(counter).to_have_class("meta counter over")
    box.fill("kort")
    expect(counter).not_to_have_class("meta counter over")
    box.fill(pasted)
    page.locator(".reflection button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    assert page.url == live_server.url + lesson.url  # not a /progress/ address
    assert page.title().startswith("Fel:")
    assert page.locator(".reflection textarea").input_value() == pasted
    summary.locator("a").click()
    expect(page.locator(".reflection textarea")).to_be_focused()
    assert_no_axe_violations(axe, page)
    assert not Reflection.objects.exists()


def test_leaving_with_unsaved_text_asks_first_but_leaving_quickly_never_does(
    browser, live_server, live_course, foreign_requests
):
    page, lesson = lesson_page(browser, live_server, live_course, foreign_requests)
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.locator(".reflection textarea").fill("Inte sparat än")
    page.locator(".reflection textarea").click()  # the page has had a user gesture, as a real parent's has
    page.locator(".breadcrumbs a:visible").click()  # back to the module
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"] and page.url == live_server.url + lesson.url  # stayed, text kept
    assert page.locator(".reflection textarea").input_value() == "Inte sparat än"
    page.locator(".quick-exit-button").click()
    page.wait_for_url(settings.QUICK_EXIT_URLS["sv"])
    assert dialogs == ["beforeunload"]  # no second question on the way out


def test_a_reader_without_a_code_sees_the_feedback_with_nothing_in_the_address(
    browser, live_server, live_course, foreign_requests
):
    lesson = next(
        lesson for lesson in live_course["sv"]["lessons"] if any(b.block_type == "dilemma" for b in lesson.body)
    )
    page = phone(browser, live_server, foreign_requests)
    page.goto(live_server.url + lesson.url)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.locator("[data-dilemma-reveal] input[type=radio]").nth(1).check()
    page.locator("[data-dilemma-reveal] button").click()
    chosen = page.locator(".dilemma-option.chosen")
    expect(chosen).to_have_attribute("open", "")
    sent = [url for url in requests if "/static/" not in url]  # the browser may still fetch the icon
    assert page.url == live_server.url + lesson.url and sent == []
    assert page.evaluate("history.length") == 2  # the blank tab, then the lesson: no entry with the choice

    without_js = phone(browser, live_server, foreign_requests, java_script_enabled=False)
    without_js.goto(live_server.url + lesson.url)
    assert not without_js.locator("[data-dilemma-reveal]").is_visible()
    without_js.locator(".dilemma-option summary").first.click()
    expect(without_js.locator(".dilemma-option").first).to_have_attribute("open", "")
