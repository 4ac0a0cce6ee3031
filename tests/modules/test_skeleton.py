"""Participants' course pages come from a shared skeleton with personal holes: they must be exactly
what a full rendering gives, for every participant, and never show one participant another's answers."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from modules.models import CourseHomePage, LessonPage, ModulePage, ThemePage
from tests.course.conftest import dilemma_block, reflection_block, start

pytestmark = pytest.mark.django_db

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return CSRF_INPUT.sub('name="csrfmiddlewaretoken" value=""', response.content.decode())


def fully_rendered(client, url, monkeypatch):
    """The same page rendered from its template in one go, as every other page is."""
    with monkeypatch.context() as patch:
        for page_type in (CourseHomePage, ThemePage, ModulePage, LessonPage):
            patch.setattr(page_type, "personal_context", ())
        return page(client, url)


def answered(client, lesson, option, text):
    client.post("/sv/progress/complete/", {"page": lesson.id})
    dilemma = dilemma_block(lesson)
    client.post("/sv/progress/choose/", {"page": lesson.id, "dilemma": dilemma.value.pk, "option": option.pk})
    block = reflection_block(lesson)
    client.post("/sv/progress/reflect/", {"page": lesson.id, "block": block.id, "text": text})


def participant():
    client = Client()
    start(client)
    return client


def test_assembled_pages_equal_full_renderings_whoever_built_the_skeleton(course, monkeypatch):
    lesson = course["sv"]["lessons"][0]
    first, second = list(dilemma_block(lesson).value.options.all())[:2]
    fresh, busy, other = participant(), participant(), participant()
    answered(busy, lesson, first, "Jag vill att vi pratar lugnare vid hämtningen.")
    answered(other, lesson, second, "<b>Mer tid</b> med barnen på söndagar.")
    urls = [lesson.url, "/sv/", lesson.get_parent().url, lesson.get_parent().get_parent().url]
    for url in urls:
        for client in (fresh, busy, other, fresh, busy):  # the first request builds the skeleton for all
            assembled = page(client, url)
            assert assembled == fully_rendered(client, url, monkeypatch)


def test_course_pages_show_each_participant_their_own_progress(course):
    lesson = course["sv"]["lessons"][0]
    first = list(dilemma_block(lesson).value.options.all())[0]
    busy, fresh = participant(), participant()
    answered(busy, lesson, first, "Ett svar.")
    for url in ("/sv/", lesson.get_parent().url, lesson.get_parent().get_parent().url):
        mine, theirs = page(busy, url), page(fresh, url)
        assert 'value="1"' in mine and 'value="1"' not in theirs  # one lesson done, in a <progress> bar
    module = page(busy, lesson.get_parent().url)
    assert '<span class="status done">' in module
    assert '<span class="status done">' not in page(fresh, lesson.get_parent().url)


def test_no_participant_sees_anothers_answers_or_progress(course):
    lesson = course["sv"]["lessons"][0]
    first = list(dilemma_block(lesson).value.options.all())[0]
    busy, fresh = participant(), participant()
    answered(busy, lesson, first, "Det här är bara mitt eget svar.")
    mine = page(busy, lesson.url)
    assert "Det här är bara mitt eget svar." in mine
    assert first.reflection in mine and " checked" in mine
    assert "Du har gått igenom den här lektionen." in mine
    theirs = page(fresh, lesson.url)
    assert "Det här är bara mitt eget svar." not in theirs
    assert first.reflection not in theirs and " checked" not in theirs
    assert "Du har gått igenom den här lektionen." not in theirs
    assert "Jag är klar med den här lektionen" in theirs


def test_a_participants_lesson_page_costs_one_query(course):
    lesson = course["sv"]["lessons"][0]
    client = participant()
    for _ in range(2):  # marks the lesson started and learns the route, then keeps the page in memory
        client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lesson.url).status_code == 200
    assert len(queries) == 1  # the participant with their progress, choices and reflections on this lesson


def test_a_publish_reaches_participants_on_the_next_request(course):
    lesson = course["sv"]["lessons"][0]
    client = participant()
    assert "Barn märker mer än vi tror." in page(client, lesson.url)
    revision = LessonPage.objects.get(pk=lesson.pk)
    revision.title = "Att berätta för barnen, omskriven"
    rest = [(block.block_type, block.value) for block in list(revision.body)[1:]]
    revision.body = [("text", "<p>En ny text efter granskning.</p>"), *rest]
    revision.save_revision().publish()
    html = page(client, lesson.url)
    assert "En ny text efter granskning." in html and "omskriven" in html
    assert "Barn märker mer än vi tror." not in html


def test_a_code_that_resumes_no_one_gets_the_readers_page_and_loses_its_cookie(course):
    lesson = course["sv"]["lessons"][0]
    client = Client()
    client.cookies["samspel_code"] = "own.0000-0000-0000-0000-0"
    response = client.get(lesson.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jag har en kod" in html and "lesson-done" not in html
    assert response.cookies["samspel_code"].value == ""
