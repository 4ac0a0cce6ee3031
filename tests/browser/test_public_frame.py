"""The public frame in a real browser: accessible, same-origin only, and quick to leave."""

import pytest
from django.conf import settings

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("code", ["sv", "da", "en"])
def test_home_is_accessible_and_same_origin(page, live_server, live_course, axe, foreign_requests, code):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    response = page.goto(f"{live_server.url}/{code}/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == code
    assert_no_axe_violations(axe, page)
    assert seen, "the page made no requests at all"
    assert all(url.startswith(live_server.url) for url in seen), seen
    assert foreign_requests == []


def test_leave_quickly_replaces_the_page(page, live_server, live_course):
    page.goto(f"{live_server.url}/sv/")
    page.get_by_role("link", name="Lämna snabbt").click()
    page.wait_for_url(f"{settings.QUICK_EXIT_URLS['sv']}**")
    assert page.locator("h1").inner_text() == "Weather forecast"
    page.go_back()
    assert "/sv/" not in page.url


def test_leave_quickly_works_without_javascript(browser, live_server, live_course):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(f"{settings.QUICK_EXIT_URLS['sv']}**", lambda route: route.fulfill(status=200, body="<h1>Weather</h1>"))
    page.goto(f"{live_server.url}/sv/")
    page.get_by_role("link", name="Lämna snabbt").click()
    page.wait_for_url(f"{settings.QUICK_EXIT_URLS['sv']}**")
    context.close()


def test_readable_on_a_320px_phone(page, live_server, live_course):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/sv/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    size = page.locator(".quick-exit-button").bounding_box()
    assert size["height"] >= 44 and size["width"] >= 44


def test_skip_link_and_visible_focus(page, live_server, live_course):
    page.goto(f"{live_server.url}/sv/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
