"""The demo course's pages and the help page in a real browser: accessible in every language, same-origin only."""

from io import StringIO

import pytest
from django.core.management import call_command

from modules.models import CourseHomePage, LessonPage, ModulePage
from tests.browser.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    call_command("load_demo_course", stdout=StringIO())
    call_command("load_demo_help_lines", stdout=StringIO())


def lesson_with(block_type, code):
    for lesson in LessonPage.objects.live().filter(locale__language_code=code).order_by("path"):
        if any(block.block_type == block_type for block in lesson.body):
            return lesson
    raise AssertionError(f"no {code} lesson has a {block_type} block")


def test_home_module_and_lesson_pass_axe_in_every_language(page, live_server, demo, axe, foreign_requests):
    for code in ("sv", "da", "en"):
        module = ModulePage.objects.live().filter(locale__language_code=code).order_by("path").first()
        lesson = lesson_with("dilemma", code)
        for url in (f"/{code}/", module.url, lesson.url, f"/{code}/help/"):
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            assert_no_axe_violations(axe, page)
            if url == lesson.url:  # the feedback on a choice, then the help box
                page.locator("[data-dilemma-reveal] input[type=radio]").first.check()
                page.locator("[data-dilemma-reveal] button").first.click()
                page.locator(".dilemma-option.chosen[open]").wait_for()
                assert_no_axe_violations(axe, page)
    assert foreign_requests == []


def test_the_safety_branch_passes_axe_in_every_language(page, live_server, demo, axe, foreign_requests):
    for code in ("sv", "da", "en"):
        module = CourseHomePage.objects.get(locale__language_code=code).safety_module
        marked = LessonPage.objects.live().filter(locale__language_code=code, assumes_safety=True).first()
        urls = [module.url, *(lesson.url for lesson in module.get_children().live()), marked.url]
        for url in [*urls, f"/{code}/help/using-samspel-safely/", f"/{code}/help/is-it-safe/"]:
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            assert_no_axe_violations(axe, page)
        page.locator("input[name=afraid][value=yes]").check()
        page.locator("main form button[type=submit]").click()
        page.locator(".safety-answer").wait_for()
        assert page.locator(".safety-answer a[href^='tel:']").count() >= 2
        assert_no_axe_violations(axe, page)
    assert foreign_requests == []


def test_dilemma_reveals_the_reflection_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    lesson = lesson_with("dilemma", "sv")
    dilemma = next(block.value for block in lesson.body if block.block_type == "dilemma")
    option = dilemma.options.all()[1]
    page.goto(live_server.url + lesson.url)
    section = page.locator(".dilemma").first
    answer = section.locator(f"details[data-option='{option.pk}']")
    assert not answer.locator("p").first.is_visible()  # closed until the reader opens it
    answer.locator("summary").click()
    assert " ".join(option.reflection.split())[:40] in " ".join(answer.inner_text().split())
    assert page.url == live_server.url + lesson.url  # nothing sent, nothing in the address
    context.close()


def test_lesson_links_to_the_next_lesson(page, live_server, demo):
    lesson = LessonPage.objects.live().filter(locale__language_code="da").order_by("path").first()
    page.goto(live_server.url + lesson.url)
    page.locator("a[rel=next]").click()
    page.wait_for_load_state()
    following = LessonPage.objects.live().filter(locale__language_code="da").order_by("path")[1]
    assert page.url == live_server.url + following.url
