"""Leaving quickly, tried as a parent in a hurry and as one who is only typing: Chromium, phone and desktop."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from modules.models import LessonPage
from tests.browser.conftest import NEUTRAL_PAGE, keep_on_loopback
from tests.childmodule.factories import build_child_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
BEFORE = f"{settings.QUICK_EXIT_PREFIX}before"  # the page a parent came from: not Samspel


def press(page, char):
    page.keyboard.press("Space" if char == " " else char)


def capitals_with_shift(page, text):
    for char in text:
        if char.isupper():
            page.keyboard.down("Shift")
            press(page, char)
            page.keyboard.up("Shift")
        else:
            press(page, char)


def capitals_letting_go_of_shift_first(page, text):
    """A quick typist releases Shift before the letter."""
    for char in text:
        if char.isupper():
            page.keyboard.down("Shift")
            page.keyboard.down(char)
            page.keyboard.up("Shift")
            page.keyboard.up(char)
        else:
            press(page, char)


def shouting(page, text):
    page.keyboard.down("Shift")
    for char in text:
        press(page, char)
    page.keyboard.up("Shift")


def start(page, live_server, device="own", language="sv"):
    page.goto(f"{live_server.url}/{language}/start/")
    page.locator(f"input[name=device][value={device}]").check()
    page.locator("main form button[type=submit]").click()
    page.locator("#resume-code").wait_for()


def test_typing_capitals_in_any_text_field_never_leaves(page, live_server, live_course):
    chapter = build_child_module(live_course)["sv"]["chapters"][2]
    start(page, live_server)
    fields = [
        ("/sv/resume/", "input[name=code]"),
        (live_course["sv"]["lessons"][0].url, ".reflection textarea"),
        (chapter.url, "textarea[data-own-words]"),
    ]
    for url, selector in fields:
        page.goto(live_server.url + url)
        field = page.locator(selector)
        field.click()
        capitals_with_shift(page, "Hej Mamma Och Pappa ")
        capitals_letting_go_of_shift_first(page, "Jag Vill Hem Nu ")
        shouting(page, "JAG VILL INTE")
        page.wait_for_timeout(300)
        assert page.url == live_server.url + url, f"left while typing in {selector}"
        assert field.input_value() == "Hej Mamma Och Pappa Jag Vill Hem Nu JAG VILL INTE", selector
        assert page.locator("[data-quick-exit-indicator]").is_hidden()


def test_three_shift_presses_leave_with_the_count_shown(page, live_server, live_course):
    page.goto(f"{live_server.url}/en/")
    page.goto(f"{live_server.url}/da/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")  # another key between the presses starts the count again
    page.keyboard.press("Shift")
    assert page.locator("[data-quick-exit-indicator] .on").count() == 1
    assert "to gange mere" in page.locator("[data-quick-exit-status]").inner_text()
    page.keyboard.press("Shift")
    assert page.locator("[data-quick-exit-indicator] .on").count() == 2
    page.keyboard.press("Shift")
    page.wait_for_url(settings.QUICK_EXIT_URLS["da"])  # Denmark's neutral site, not Sweden's
    page.go_back()
    assert page.url.endswith("/en/"), "Back goes to the page before, never to the one that was left"


def test_the_button_stays_on_a_phone_screen_to_the_end_of_the_longest_lesson(browser, live_server, foreign_requests):
    call_command("load_demo_course", stdout=StringIO())
    context = keep_on_loopback(browser.new_context(**PHONE), live_server, foreign_requests)
    page = context.new_page()
    heights = {}
    for lesson in LessonPage.objects.live().filter(locale__language_code="sv"):
        page.goto(live_server.url + lesson.url)
        heights[lesson.url] = page.evaluate("document.documentElement.scrollHeight")
    longest = max(heights, key=heights.get)
    page.goto(live_server.url + longest)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") > 2000  # a long page, really scrolled
    for selector in (".quick-exit-button", ".help-link"):
        box = page.locator(selector).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844, selector
    assert page.locator(".quick-exit-button").bounding_box()["height"] >= 48
    assert page.locator(".quick-exit-hint").is_hidden()  # no keyboard, no Shift hint
    page.locator(".quick-exit-button").tap()
    page.wait_for_url(settings.QUICK_EXIT_URLS["sv"])
    context.close()
    assert foreign_requests == []


def test_the_shift_hint_shows_where_there_is_a_keyboard(page, live_server, live_course):
    page.goto(f"{live_server.url}/sv/")
    assert page.locator(".quick-exit-hint").is_visible()


def come_from_elsewhere(page):
    """Opens the page a parent came from; returns how long the tab's history is then."""
    page.goto(BEFORE)
    return page.evaluate("history.length")


def assert_no_samspel_page_behind(page, live_server, length_before):
    assert page.evaluate("history.length") == length_before + 1  # the neutral site took Samspel's one entry
    page.go_back()
    assert page.url == BEFORE
    assert page.go_back() is None or not page.url.startswith(live_server.url)


def test_on_a_shared_device_back_never_walks_through_samspel(browser, live_server, live_course, foreign_requests):
    context = keep_on_loopback(browser.new_context(**PHONE), live_server, foreign_requests)
    page = context.new_page()
    length_before = come_from_elsewhere(page)
    start(page, live_server, device="shared")
    page.locator("main a.button").click()  # "Go to the course"
    page.wait_for_url(f"{live_server.url}/sv/")
    page.locator(".theme h2 a").first.click()
    page.locator(".cards a").first.click()
    page.locator("main a[href*='/']").filter(has_text=live_course["sv"]["lessons"][0].title).first.click()
    page.wait_for_url(live_server.url + live_course["sv"]["lessons"][0].url)
    page.locator(".reflection textarea").fill("Mitt svar")
    with page.expect_navigation():  # a form sent on the way leaves no entry either
        page.locator(".reflection button[type=submit]").click()
    assert page.evaluate("history.length") == length_before + 1
    page.locator(".quick-exit-button").tap()
    page.wait_for_url(settings.QUICK_EXIT_URLS["sv"])
    assert_no_samspel_page_behind(page, live_server, length_before)
    context.close()


def test_leaving_while_a_form_is_still_being_sent_is_final(page, live_server, live_course):
    """The background save of a shared device answers after the parent chose to leave: it must not bring them back."""
    held = {}
    lesson = live_course["sv"]["lessons"][0]
    page.route(
        f"**{lesson.url}",
        lambda route: held.setdefault("save", route) if route.request.method == "POST" else route.continue_(),
    )
    page.route(f"{settings.QUICK_EXIT_PREFIX}**", lambda route: held.setdefault("exit", route))
    start(page, live_server, device="shared")
    page.goto(live_server.url + lesson.url)
    page.locator(".reflection textarea").fill("Mitt svar")
    page.locator(".reflection button[type=submit]").click()
    page.evaluate("document.querySelector('.quick-exit-button').click()")  # not waiting for the held exit
    page.wait_for_timeout(200)
    assert set(held) == {"save", "exit"}  # the save is still on its way while the neutral site loads
    held["save"].continue_()
    page.wait_for_timeout(1000)  # the save's answer arrives; before the fix it replaced the page again
    held["exit"].fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
    page.wait_for_url(settings.QUICK_EXIT_URLS["sv"])
    page.wait_for_timeout(500)
    assert page.url == settings.QUICK_EXIT_URLS["sv"]


def test_leave_no_trace_can_be_turned_on_without_a_code(page, live_server, live_course):
    length_before = come_from_elsewhere(page)
    page.goto(f"{live_server.url}/en/help/using-samspel-safely/")
    toggle = page.locator("[data-no-trace-toggle]")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.locator(".brand").click()
    page.wait_for_url(f"{live_server.url}/en/")
    page.locator(".theme h2 a").first.click()
    page.wait_for_load_state()
    page.locator(".quick-exit-button").click()
    page.wait_for_url(settings.QUICK_EXIT_URLS["en"])
    assert_no_samspel_page_behind(page, live_server, length_before)


def test_the_childs_message_is_gone_after_back(page, live_server, live_course):
    tree = build_child_module(live_course)["sv"]
    chapter = tree["chapters"][2]
    page.goto(live_server.url + chapter.url)
    builder = page.locator("[data-message-builder]")
    builder.locator("input[data-sentence]").first.check()
    builder.locator("textarea[data-own-words]").fill("Jag är rädd hos pappa")
    page.locator(".feelings label.face").first.click()
    page.locator(".brand").click()
    page.wait_for_url(live_server.url + tree["home"].url)
    page.go_back()
    page.wait_for_url(live_server.url + chapter.url)
    assert builder.locator("textarea[data-own-words]").input_value() == ""
    assert builder.locator("input[data-sentence]:checked").count() == 0
    assert page.locator(".feeling-input:checked").count() == 0

    builder.locator("textarea[data-own-words]").fill("Något annat")
    builder.locator("[data-show-message]").click()
    builder.locator("[data-clear-message]").click()
    assert builder.locator("textarea[data-own-words]").input_value() == ""
    assert builder.locator("[data-message-output]").is_hidden()
