"""The child module in Chromium: feelings and messages stay on the device, in every age band."""

import io

import pytest
from pypdf import PdfReader

from tests.browser.conftest import assert_no_axe_violations
from tests.childmodule.factories import FEELINGS, build_child_module, feelings_block

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


def chapter_with_both_check_ins(live_course, code="sv"):
    """A chapter whose body has a single check-in (saved before the choice existed) and a multiple one."""
    tree = build_child_module(live_course)[code]
    chapter = tree["chapters"][1]
    chapter.body.append(feelings_block("multiple", question="Vilka känslor har du? Du kan välja flera."))
    chapter.save_revision().publish()
    return chapter


@pytest.mark.parametrize("javascript", [True, False])
def test_a_multiple_check_in_shows_the_answer_for_every_chosen_feeling(browser, live_server, live_course, javascript):
    chapter = chapter_with_both_check_ins(live_course)
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(live_server.url + chapter.url)
    single, multiple = page.locator(".feelings").nth(0), page.locator(".feelings").nth(1)
    assert single.locator("input[type=radio]").count() == len(FEELINGS)
    assert multiple.locator("input[type=checkbox]").count() == len(FEELINGS)

    for index in (0, 2, 3):
        multiple.locator("label.face").nth(index).click()
    chosen = [FEELINGS[index] for index in (0, 2, 3)]
    assert multiple.locator("input:checked").count() == 3
    shown = multiple.locator(".feeling-answer:visible")
    assert [shown.nth(i).get_attribute("data-feeling") for i in range(shown.count())] == chosen
    multiple.locator("label.face").nth(2).click()
    assert multiple.locator(".feeling-answer:visible").count() == 2

    single.locator("label.face").nth(0).click()
    single.locator("label.face").nth(1).click()
    assert single.locator("input:checked").count() == 1
    assert single.locator(".feeling-answer:visible").count() == 1
    assert multiple.locator(".feeling-answer:visible").count() == 2
    context.close()


def test_the_answer_is_written_into_a_live_region_that_was_there_before(page, live_server, live_course):
    chapter = chapter_with_both_check_ins(live_course)
    page.goto(live_server.url + chapter.url)
    watch = """region => {
        region.added = [];
        new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(node => {
            if (node.dataset) { region.added.push(node.dataset.feeling); }
        }))).observe(region, {childList: true, subtree: true});
    }"""
    for index, picks in ((0, [1, 2]), (1, [1, 4])):
        checkin = page.locator(".feelings").nth(index)
        region = checkin.locator('[role="status"][aria-live="polite"]')
        assert region.count() == 1
        handle = region.element_handle()
        assert handle.evaluate("region => region.querySelectorAll('[data-feeling]').length") == 0
        handle.evaluate(watch)
        for pick in picks:
            checkin.locator("label.face").nth(pick).click()
        answers = checkin.locator(".feeling-answer:visible")
        chosen = [FEELINGS[pick] for pick in picks]
        # Only what is new is inserted, so a screen reader says each answer once.
        assert handle.evaluate("region => region.added") == chosen
        assert handle.evaluate("region => region.isConnected")
        expected = chosen if index == 1 else chosen[-1:]
        assert [answers.nth(i).get_attribute("data-feeling") for i in range(answers.count())] == expected
        assert all(answers.nth(i).inner_text().strip() in handle.inner_text() for i in range(answers.count()))


@pytest.mark.parametrize("code", ["sv", "da"])
def test_printing_the_message_fills_exactly_one_page(page, live_server, live_course, code):
    chapter = build_child_module(live_course)[code]["chapters"][3]
    page.goto(live_server.url + chapter.url)
    builder = page.locator("[data-message-builder]")
    builder.locator("input[data-sentence]").first.check()
    builder.locator("textarea[data-own-words]").fill(OWN_WORDS[code])
    builder.locator("[data-show-message]").click()
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(reader.pages) == 1
    assert "Zq7" in reader.pages[0].extract_text()
