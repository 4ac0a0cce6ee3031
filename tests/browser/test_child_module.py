"""The child module in Chromium: feelings and messages stay on the device, in every age band."""

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.childmodule.factories import build_child_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OWN_WORDS = {"sv": "Jag saknar hunden hos pappa Zq7", "da": "Jeg savner hunden hos far Zq7"}
BANDS = ["3-5", "6-8", "9-12", "13-17"]


@pytest.mark.parametrize("code", ["sv", "da"])
@pytest.mark.parametrize("band", BANDS)
def test_feelings_and_message_never_leave_the_device(page, live_server, live_course, code, band, foreign_requests):
    tree = build_child_module(live_course)[code]
    chapter = tree["chapters"][BANDS.index(band)]
    requests = []
    page.on("request", lambda request: requests.append((request.method, request.url, request.post_data or "")))

    page.goto(live_server.url + chapter.url)
    assert f"band-{band}" in page.locator("body").get_attribute("class")

    # Feelings check-in: pick a face, see a kind answer.
    page.locator(".feelings label.face").nth(1).click()
    answer = page.locator(".feeling-answer:visible")
    assert answer.count() == 1 and answer.inner_text().strip()

    # Message builder: pick a sentence, write own words, show and "print" it.
    builder = page.locator("[data-message-builder]")
    builder.locator("input[data-sentence]").first.check()
    sentence = builder.locator("input[data-sentence]").first.get_attribute("value")
    builder.locator("textarea[data-own-words]").fill(OWN_WORDS[code])
    builder.locator("[data-show-message]").click()
    output = builder.locator("[data-message-output]")
    assert OWN_WORDS[code] in output.inner_text() and sentence in output.inner_text()
    page.emulate_media(media="print")
    assert output.is_visible()
    assert page.locator(".site-header").is_hidden()
    printed = page.evaluate(
        "Array.from(document.querySelectorAll('main *')).filter(e => getComputedStyle(e).visibility === 'visible')"
        ".map(e => e.childElementCount ? '' : e.textContent).join(' ')"
    )
    assert OWN_WORDS[code] in printed
    assert tree["chapters"][0].title not in printed or band == "3-5"
    page.emulate_media(media="screen")

    for method, url, body in requests:
        assert method == "GET" and not body, url
        assert "Zq7" not in url and "?" not in url, url
    assert not foreign_requests
    assert not [cookie for cookie in page.context.cookies() if cookie["name"] != "csrftoken"]


def test_without_javascript_nothing_is_sent_and_the_page_prints(browser, live_server, live_course):
    tree = build_child_module(live_course)["sv"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append((request.url, request.post_data or "")))
    page.goto(live_server.url + tree["chapters"][1].url)
    page.locator("textarea[data-own-words]").fill(OWN_WORDS["sv"])
    page.locator("textarea[data-own-words]").press("Enter")
    page.locator(".feelings label.face").first.click()
    assert page.locator(".feeling-answer:visible").count() == 1  # pure CSS
    assert page.locator("[data-message-builder] form").count() == 0
    assert page.locator(".no-js-hint").is_visible()
    assert all("Zq7" not in url + body for url, body in requests)
    assert len(requests) == len({url for url, _body in requests})  # no extra request after typing
    context.close()


def test_child_pages_pass_axe_with_big_touch_targets(page, live_server, live_course, axe):
    tree = build_child_module(live_course)["da"]
    for child_page in (tree["home"], tree["guide"], tree["bands"][0], tree["chapters"][3]):
        page.goto(live_server.url + child_page.url)
        assert_no_axe_violations(axe, page)
    page.goto(live_server.url + tree["chapters"][1].url)
    for selector in (".face", ".message-builder .option", ".quick-exit-button", "[data-show-message]"):
        for box in [element.bounding_box() for element in page.locator(selector).all()]:
            assert box["width"] >= 44 and box["height"] >= 44, (selector, box)
