"""What an attacker sends beside the happy path gets a clear answer, and changes nothing."""

import logging
import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from course.models import DilemmaChoice, LessonProgress, Participant, Reflection
from tests.course.conftest import dilemma_block, reflection_block

pytestmark = pytest.mark.django_db
TOKEN = "hostilehostilehostilehostile0000"


def rows():
    return [model.objects.count() for model in (Participant, LessonProgress, DilemmaChoice, Reflection)]


@pytest.mark.parametrize("path", ["/sv/start/", "/sv/resume/", "/accounts/login/", "/sv/progress/complete/"])
def test_a_body_in_another_charset_gets_a_translated_400(course, caplog, path):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = TOKEN
    before = rows()
    for charset in ("latin-1", "utf-16", "iso-8859-1", "x-made-up"):
        caplog.clear()
        with caplog.at_level(logging.INFO):
            response = client.generic(
                "POST",
                path,
                "device=own&code=x&login=x&password=x".encode("utf-16" if charset == "utf-16" else "latin-1"),
                content_type=f"application/x-www-form-urlencoded; charset={charset}",
                HTTP_X_CSRFTOKEN=TOKEN,
            )
        assert response.status_code == 400
        assert "Vi kunde inte förstå" in response.content.decode()
        assert response["Content-Security-Policy"] and response["X-Content-Type-Options"] == "nosniff"
        assert not [record for record in caplog.records if record.exc_info]  # no traceback
        assert [r.name for r in caplog.records if r.name.startswith("samspel")] == ["samspel.requests"]
    assert rows() == before


def test_invalid_utf8_in_a_form_body_is_refused(course):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = TOKEN
    for body in (b"device=own&x=%ff%fe", b"device=\xff\xfeown"):
        response = client.generic(
            "POST", "/sv/start/", body, content_type="application/x-www-form-urlencoded", HTTP_X_CSRFTOKEN=TOKEN
        )
        assert response.status_code == 400
    assert Participant.objects.count() == 0


def test_ids_are_ascii_digits_of_a_sane_length(participant_client, course):
    participant_client.raise_request_exception = False
    lesson = course["sv"]["lessons"][0]
    dilemma = dilemma_block(lesson).value
    before = rows()
    for value in ["²", "①", "٣", "１２", "9" * 40, "-1", "1.0", " 1", ""]:
        for path, data in (
            ("/sv/progress/complete/", {"page": value}),
            ("/sv/progress/choose/", {"page": lesson.pk, "dilemma": value, "option": dilemma.options.first().pk}),
            ("/sv/progress/choose/", {"page": lesson.pk, "dilemma": dilemma.pk, "option": value}),
            ("/sv/progress/reflect/", {"page": value, "block": "x", "text": "hej"}),
        ):
            assert participant_client.post(path, data).status_code == 400, (path, value)
    assert rows() == before


@pytest.fixture
def restricted_lesson(course):
    lesson = course["sv"]["lessons"][0]
    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    return lesson


def test_progress_posts_obey_the_lessons_view_restrictions(participant_client, restricted_lesson):
    participant_client.raise_request_exception = False
    lesson = restricted_lesson
    assert participant_client.get(lesson.url).status_code == 200  # the password form, not the lesson
    assert "Barn märker mer än vi tror" not in participant_client.get(lesson.url).content.decode()
    dilemma = dilemma_block(lesson).value
    block = reflection_block(lesson).id
    before = rows()
    for path, data in (
        ("/sv/progress/complete/", {"page": lesson.pk}),
        ("/sv/progress/choose/", {"page": lesson.pk, "dilemma": dilemma.pk, "option": dilemma.options.first().pk}),
        ("/sv/progress/reflect/", {"page": lesson.pk, "block": block, "text": "hej"}),
        ("/sv/progress/reflect/", {"page": lesson.pk, "block": block, "text": "x" * 20000}),  # the re-render path
    ):
        response = participant_client.post(path, data)
        assert response.status_code == 403
        assert "Barn märker mer än vi tror" not in response.content.decode()
    assert rows() == before


HREF = re.compile(r'<nav class="languages".*?</nav>', re.S)


def language_links(response):
    nav = HREF.search(response.content.decode()).group(0)
    return re.findall(r'href="([^"]*)"', nav)


def test_language_links_on_a_404_stay_on_the_site(client, course):
    for path in ("//evil.example/", "//evil.example", "///evil.example", "/\\evil.example", "/sv//evil.example/"):
        response = client.get("/sv/", PATH_INFO=path)
        assert response.status_code in (302, 404)
        if response.status_code == 302:
            assert response["Location"].startswith("/") and not response["Location"].startswith(("//", "/\\"))
            continue
        assert language_links(response) == ["/sv/", "/da/", "/en/"], path


def test_a_next_address_cannot_lead_off_the_site(client, course, django_user_model):
    django_user_model.objects.create_superuser("reviewer1", password="a long staff passphrase")
    response = client.post(
        "/accounts/login/?next=/%252F%252Fevil.example",
        {"login": "reviewer1", "password": "a long staff passphrase", "next": "/%2F%2Fevil.example"},
    )
    hops = 0
    while response.status_code in (301, 302, 303) and hops < 6:
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\"))
        response = client.get("/", PATH_INFO=location.split("?")[0].replace("%2F", "/"))
        hops += 1
    if b'class="languages"' in response.content:
        assert all(not link.startswith(("//", "/\\")) for link in language_links(response))


def test_the_host_header_port_makes_no_new_cache_or_memo_entries(client, course):
    from django.core.cache import cache

    from modules import page_cache

    lesson = course["sv"]["lessons"][0]
    client.get(lesson.url)
    client.get(lesson.url, HTTP_HOST="127.0.0.1:8000", HTTP_COOKIE="samspel_code=own.X")
    before_cache, before_memo = len(cache._cache), len(page_cache._memo["values"])
    for port in range(1, 60):
        assert client.get(lesson.url, HTTP_HOST=f"127.0.0.1:{port}").status_code == 200
        client.get(lesson.url, HTTP_HOST=f"127.0.0.1:{port}", HTTP_COOKIE="samspel_code=own.X")
    assert len(cache._cache) == before_cache
    assert len(page_cache._memo["values"]) == before_memo
