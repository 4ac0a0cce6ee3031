"""The safety branch: "Is it safe for you?" stores nothing, and advice that assumes safety says so."""

import re

import pytest
from django.apps import apps
from django.test import Client

from tests.course.conftest import dilemma_block
from tests.safety.test_help_lines import tel_links

pytestmark = pytest.mark.django_db

YES = {"afraid": "yes", "violence": "unsure", "control": "no", "children": "no"}


def rows():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.fixture
def safety_module(course):
    """The first module of each language's course serves as its safety module."""
    for tree in course.values():
        home = tree["home"]
        home.safety_module = tree["modules"][0]
        home.save_revision().publish()
    return {code: tree["modules"][0] for code, tree in course.items()}


def test_the_safety_questions_store_and_set_nothing(client, course, lines, safety_module, caplog):
    before = rows()
    asked = client.get("/sv/help/is-it-safe/?afraid=yes").content.decode()
    assert "Vad dina svar kan betyda" not in asked  # answers are never taken from an address
    response = client.post("/sv/help/is-it-safe/", YES)
    assert response.status_code == 200
    assert rows() == before
    assert not client.cookies  # no code, no session, not even a CSRF cookie
    assert "no-store" in response["Cache-Control"]  # the answered page is not kept by the browser
    assert not any("afraid" in record.getMessage() for record in caplog.records)


def test_a_yes_shows_what_fits_instead_and_where_help_is(client, course, lines, safety_module):
    html = client.post("/sv/help/is-it-safe/", YES).content.decode()
    assert "Vad dina svar kan betyda" in html
    assert safety_module["sv"].url in html
    assert {"112", "020505050"} <= set(tel_links(html))
    danish = client.post("/da/help/is-it-safe/", {"children": "yes"}).content.decode()
    assert "1888" in tel_links(danish) and safety_module["da"].url in danish


def test_all_no_reassures_without_alarm(client, course, lines):
    html = client.post("/en/help/is-it-safe/", dict.fromkeys(YES, "no")).content.decode()
    assert "should fit you" in html and "What your answers may mean" not in html


def test_hostile_or_forged_answers_get_the_plain_page(course, lines):
    client = Client(enforce_csrf_checks=True)  # no token: nothing here changes state
    response = client.post("/en/help/is-it-safe/", {"afraid": "<script>alert(1)</script>", "x" * 300: "y" * 10_000})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html and "What your answers may mean" not in html
    assert client.post("/en/help/is-it-safe/", b"\xff\xfe", content_type="text/plain").status_code == 200


def test_course_home_and_start_lead_to_the_safety_questions(client, course):
    for url in (course["sv"]["home"].url, "/sv/start/"):
        assert 'href="/sv/help/is-it-safe/"' in client.get(url).content.decode(), url


def test_a_lesson_that_assumes_safety_points_to_the_safety_module(client, course, safety_module):
    marked, plain = course["sv"]["lessons"][2], course["sv"]["lessons"][3]
    marked.assumes_safety = True
    marked.save_revision().publish()
    html = client.get(marked.url).content.decode()
    assert 'class="safety-note"' in html and f'href="{safety_module["sv"].url}"' in html
    assert 'class="safety-note"' not in client.get(plain.url).content.decode()


def test_without_a_safety_module_the_note_points_to_the_questions(client, course):
    lesson = course["da"]["lessons"][0]
    lesson.assumes_safety = True
    lesson.save_revision().publish()
    assert 'href="/da/help/is-it-safe/"' in client.get(lesson.url).content.decode()


def test_an_option_that_assumes_safety_says_so_after_choosing(client, course, safety_module):
    lesson = next(lesson for lesson in course["sv"]["lessons"] if any(b.block_type == "dilemma" for b in lesson.body))
    dilemma = dilemma_block(lesson).value
    risky, other = list(dilemma.options.all())[:2]
    risky.assumes_safety = True
    risky.save()
    dilemma.save_revision().publish()
    html = client.get(lesson.url).content.decode()  # a reader without a code: every option's reflection, to open
    assert 'class="safety-note"' in option_reflection(html, risky.pk)
    assert 'class="safety-note"' not in option_reflection(html, other.pk)


def option_reflection(html, option_id):
    return re.search(rf'<details class="dilemma-option" data-option="{option_id}">(.*?)</details>', html, re.S).group(
        1
    )


def test_using_samspel_safely_in_every_language(client, course):
    for code, heading in (
        ("sv", "Använda Samspel tryggt"),
        ("da", "Brug Samspel trygt"),
        ("en", "Using Samspel safely"),
    ):
        html = client.get(f"/{code}/help/using-samspel-safely/").content.decode()
        assert heading in html, code
        assert "data-no-trace-toggle" in html


def test_each_language_leaves_for_its_own_neutral_site(client, course, settings):
    for code in ("sv", "da", "en"):
        html = client.get(course[code]["home"].url).content.decode()
        assert f'href="{settings.QUICK_EXIT_URLS[code]}"' in html, code
