"""The code pages in Chromium on a small phone: the code on one line, errors that take the focus,
and nothing that needs JavaScript shown without it."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, keep_on_loopback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 320, "height": 640}


def phone(browser, live_server, foreign_requests, language="sv", **options):
    context = browser.new_context(
        locale={"sv": "sv-SE", "da": "da-DK", "en": "en-GB"}[language], viewport=PHONE, **options
    )
    return keep_on_loopback(context.new_page(), live_server, foreign_requests)


def start(page, live_server, language="sv"):
    page.goto(f"{live_server.url}/{language}/start/")
    page.locator("input[name=device][value=shared]").check()
    page.locator("main form button[type=submit]").click()
    page.locator("#resume-code").wait_for()


@pytest.mark.parametrize("language", ["sv", "da", "en"])
def test_the_code_stays_on_one_line_on_a_small_phone(
    browser, live_server, live_course, axe, foreign_requests, language
):
    page = phone(browser, live_server, foreign_requests, language)
    start(page, live_server, language)
    assert page.url == f"{live_server.url}/{language}/start/code/"  # after a redirect: a reload is harmless
    lines = page.evaluate(
        """() => { const range = document.createRange();
                   range.selectNodeContents(document.getElementById('resume-code'));
                   return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size; }"""
    )
    assert lines == 1
    box = page.locator("#resume-code").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    code = page.locator("#resume-code").inner_text()
    page.reload()
    assert page.locator("#resume-code").inner_text() == code
    assert_no_axe_violations(axe, page)
    # Asked before a second code replaces this one.
    page.goto(f"{live_server.url}/{language}/start/")
    page.locator("[data-holds-code]").wait_for()
    assert_no_axe_violations(axe, page)
    assert foreign_requests == []


def test_an_error_summary_takes_the_focus_and_links_to_the_field(
    browser, live_server, live_course, axe, foreign_requests
):
    page = phone(browser, live_server, foreign_requests)
    page.goto(f"{live_server.url}/sv/resume/")
    page.locator("main form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    assert page.title().startswith("Fel:")
    # The deferred script focuses the summary once the page is parsed: wait for it, do not race it.
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_no_axe_violations(axe, page)
    page.locator("[data-error-summary] a[href='#id_code']").click()
    expect(page.locator("#id_code")).to_be_focused()
    page.locator("#id_code").fill("k7qx 4m2p")
    page.locator("main form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    assert page.locator("#id_code").input_value() == "k7qx 4m2p"  # kept, to correct rather than retype


def test_buttons_that_need_javascript_are_not_shown_without_it(browser, live_server, live_course, foreign_requests):
    page = phone(browser, live_server, foreign_requests, java_script_enabled=False)
    page.goto(f"{live_server.url}/sv/start/")
    page.locator("input[name=device][value=shared]").check()
    page.locator("main form button[type=submit]").click()
    page.locator("#resume-code").wait_for()
    assert page.locator("[data-copy]").count() == 1 and not page.locator("[data-copy]").is_visible()
    assert not page.locator("[data-print]").is_visible()
