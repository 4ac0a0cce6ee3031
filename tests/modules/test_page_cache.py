"""Anonymous pages come from the cache, and a publish is visible on the very next request."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.course.conftest import start

pytestmark = pytest.mark.django_db


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_second_anonymous_request_is_served_from_the_cache(client, course):
    lesson = course["sv"]["lessons"][0]
    first, first_queries = get(client, lesson.url)
    second, second_queries = get(client, lesson.url)
    assert second == first
    assert first_queries > 0
    assert second_queries == 0  # answered before Wagtail looks for the page


def test_a_cached_page_carries_the_same_headers(client, course):
    lesson = course["sv"]["lessons"][0]
    first = client.get(lesson.url)
    second = client.get(lesson.url)
    assert dict(second.headers) == dict(first.headers)
    assert second["Content-Security-Policy"] and second["X-Frame-Options"] == "DENY"


def test_odd_query_strings_and_cookies_bypass_the_cache(client, course):
    lesson = course["sv"]["lessons"][0]
    get(client, lesson.url)
    assert get(client, lesson.url + "?utm=x")[1] > 0
    assert get(client, lesson.url + "?choice=1")[1] > 0  # its own entry, first time
    assert get(client, lesson.url + "?choice=1")[1] == 0
    client.cookies["sessionid"] = "whatever"
    assert get(client, lesson.url)[1] > 0


def test_a_page_rendered_across_a_publish_is_not_served_afterwards(client, course):
    """The entry remembers the generation it was rendered in, not the one current when stored."""
    from django.core.cache import cache

    from modules import page_cache

    lesson = course["sv"]["lessons"][0]
    get(client, lesson.url)
    key = next(k for k in cache._cache if lesson.url in k)  # LocMemCache in tests
    stale = cache.get(key.split(":", 2)[2])
    assert stale is not None
    page_cache.content_changed()
    cache.set(key.split(":", 2)[2], stale)
    assert get(client, lesson.url)[1] > 0


def test_a_published_page_change_is_visible_on_the_next_request(client, course):
    lesson = course["sv"]["lessons"][0]
    get(client, lesson.url)
    lesson.title = "Helt ny rubrik"
    lesson.save_revision().publish()
    html, _queries = get(client, lesson.url)
    assert "Helt ny rubrik" in html
    home, _queries = get(client, "/sv/")
    module_html, _queries = get(client, lesson.get_parent().url)
    assert "Helt ny rubrik" in module_html


def test_a_published_snippet_change_is_visible_on_the_next_request(client, course):
    lesson = course["sv"]["lessons"][0]
    story = course["sv"]["story"]
    get(client, lesson.url)
    story.title = "En ny berättelse"
    story.save_revision().publish()
    html, _queries = get(client, lesson.url)
    assert "En ny berättelse" in html


def test_unpublishing_removes_it_at_once(client, course):
    lesson = course["sv"]["lessons"][1]
    module = lesson.get_parent()
    assert lesson.title in get(client, module.url)[0]
    lesson.unpublish()
    assert lesson.title not in get(client, module.url)[0]


def test_personal_pages_are_never_served_from_the_cache(course):
    lesson = course["sv"]["lessons"][0]
    reader = Client()
    reader.get(lesson.url)  # cached for anonymous readers
    participant = Client()
    start(participant)
    html = participant.get(lesson.url).content.decode()
    assert "lesson-done" in html  # the participant's own "I'm done" form, not the anonymous page
    assert "lesson-done" not in reader.get(lesson.url).content.decode()
