"""On a phone the way into a lesson is short: a compact header with the exit button, one link
back instead of a wrapped breadcrumb trail, and the heading near the top (sv, da, en)."""

import pytest

from tests.browser.conftest import assert_no_axe_violations, keep_on_loopback
from tests.browser.test_quick_exit import start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MEASURE = """() => ({
  header: document.querySelector('.site-header').getBoundingClientRect().bottom,
  crumbs: [...document.querySelectorAll('.breadcrumbs li')].filter(li => li.offsetParent).map(li => li.textContent),
  crumbsHeight: document.querySelector('.breadcrumbs').getBoundingClientRect().height,
  h1: document.querySelector('h1').getBoundingClientRect().top,
  width: document.documentElement.scrollWidth,
})"""


@pytest.mark.parametrize("width", [390, 320])
def test_a_lesson_on_a_phone_starts_near_the_top(browser, live_server, live_course, axe, foreign_requests, width):
    for code in ("sv", "da", "en"):
        context = browser.new_context(viewport={"width": width, "height": 700}, is_mobile=True, has_touch=True)
        page = keep_on_loopback(context.new_page(), live_server, foreign_requests)
        start(page, live_server, language=code)  # a participant: the header's longest form
        lesson = live_course[code]["lessons"][0]
        page.goto(live_server.url + lesson.url)
        shown = page.evaluate(MEASURE)
        assert shown["header"] <= 110, (code, shown)  # was 180 px at 390 and 236 px at 320
        assert shown["crumbs"] == [lesson.get_parent().title] and shown["crumbsHeight"] <= 50, (code, shown)
        assert shown["h1"] <= 220 and shown["width"] == width, (code, shown)
        assert page.locator(".quick-exit-button").is_visible()
        assert_no_axe_violations(axe, page)
        context.close()
    assert foreign_requests == []
