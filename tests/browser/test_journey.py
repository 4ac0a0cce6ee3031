"""A parent's whole anonymous journey in Chromium, in Swedish, across two browser sessions."""

import pytest

from course.models import DilemmaChoice, LessonProgress, Participant, Reflection
from tests.browser.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFLECTION = "Jag vill att barnen ska slippa välja sida."


def test_start_progress_resume_and_forget(browser, live_server, live_course, axe):
    lesson = live_course["sv"]["lessons"][0]
    dilemma = next(block.value for block in lesson.body if block.block_type == "dilemma")
    option = dilemma.options.all()[1]

    first = browser.new_context(locale="sv-SE")
    page = first.new_page()
    page.goto(f"{live_server.url}/sv/start/")
    assert_no_axe_violations(axe, page)
    page.locator("input[name=device][value=own]").check()
    page.locator("main form button[type=submit]").click()
    code = page.locator("#resume-code").inner_text().strip()
    assert len(code.replace("-", "")) == 17
    assert_no_axe_violations(axe, page)

    page.goto(live_server.url + lesson.url)
    page.locator(".dilemma").get_by_label(option.label).check()
    page.locator(".dilemma button[type=submit]").click()
    page.wait_for_load_state()
    assert " ".join(option.reflection.split())[:30] in " ".join(
        page.locator(".dilemma-reflection").inner_text().split()
    )
    page.locator(".reflection textarea").fill(REFLECTION)
    page.locator(".reflection button[type=submit]").click()
    page.wait_for_load_state()
    page.locator(".lesson-done button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".lesson-done .status.done").count() == 1
    assert_no_axe_violations(axe, page)
    first.close()

    second = browser.new_context(locale="sv-SE")
    page = second.new_page()
    page.goto(f"{live_server.url}/sv/resume/")
    assert_no_axe_violations(axe, page)
    page.locator("input[name=code]").fill(code.replace("-", "").lower())
    page.locator("input[name=device][value=shared]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/sv/my-progress/")
    summary = page.locator("main").inner_text()
    assert REFLECTION in summary
    assert option.label in summary
    assert_no_axe_violations(axe, page)
    page.goto(live_server.url + lesson.url)
    assert page.locator(".reflection textarea").input_value() == REFLECTION
    assert page.locator(f"input[value='{option.pk}']").is_checked()
    assert page.locator(".lesson-done .status.done").count() == 1

    page.goto(f"{live_server.url}/sv/my-progress/forget/")
    assert_no_axe_violations(axe, page)
    page.locator("main form button[type=submit]").click()
    # A shared device sends the form in the background (leave no trace): wait for its answer.
    page.locator("#forgotten").wait_for()
    for model in (Participant, LessonProgress, DilemmaChoice, Reflection):
        assert not model.objects.exists()
    second.close()

    third = browser.new_context(locale="sv-SE")
    page = third.new_page()
    page.goto(f"{live_server.url}/sv/resume/")
    page.locator("input[name=code]").fill(code)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/sv/resume/" in page.url
    assert page.locator(".error-summary").count() == 1
    third.close()
