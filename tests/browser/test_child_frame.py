"""The child module's own frame in Chromium: the child's way around, not the parents' course."""

from collections import defaultdict

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_page_weight import LIMIT, kind, weigh
from tests.childmodule.factories import build_child_module, feelings_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("code", ["sv", "da"])
def test_a_child_finds_their_way_home_and_back_without_the_parents_header(
    page, live_server, live_course, axe, foreign_requests, code
):
    tree = build_child_module(live_course)[code]
    chapter = tree["chapters"][2]
    chapter.body.append(feelings_block("multiple", question="Vilka känslor har du? Välj gärna flera."))
    chapter.save_revision().publish()
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(live_server.url + chapter.url)
    assert page.locator(".journey-nav").count() == 0
    assert page.locator("nav.breadcrumbs").count() == 0
    assert page.locator(".quick-exit-button").is_visible()
    assert_no_axe_violations(axe, page)

    page.locator("nav.child-trail a").last.click()
    page.wait_for_url(live_server.url + tree["bands"][2].url)
    assert_no_axe_violations(axe, page)
    page.locator("nav.child-trail a").first.click()
    page.wait_for_url(live_server.url + tree["home"].url)
    assert_no_axe_violations(axe, page)

    page.goto(live_server.url + tree["bands"][0].url)
    page.locator("header .brand").click()
    page.wait_for_url(live_server.url + tree["home"].url)
    assert foreign_requests == []


def test_the_child_header_is_compact_on_a_small_phone(page, live_server, live_course):
    chapter = build_child_module(live_course)["sv"]["chapters"][0]
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + chapter.url)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert page.locator("main h1").bounding_box()["y"] < 320


def test_a_child_chapter_weighs_no_more_than_a_lesson(page, live_server, live_course, foreign_requests):
    chapter = build_child_module(live_course)["sv"]["chapters"][1]
    responses = []
    page.on("response", lambda each: responses.append(each))
    assert page.goto(live_server.url + chapter.url).status == 200
    page.wait_for_load_state("networkidle")
    compressed = defaultdict(int)
    for each in responses:
        compressed[kind(each)] += weigh(each)[1]
    assert foreign_requests == []
    assert compressed["css"] and compressed["js"]
    assert sum(compressed.values()) <= LIMIT, dict(compressed)
