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


def cached_pages():
    from django.core.cache import cache

    return {key.split("samspel:page:", 1)[1] for key in cache._cache if "samspel:page:" in key}  # LocMemCache


def test_odd_query_strings_and_cookies_bypass_the_cache(client, course):
    lesson = course["sv"]["lessons"][0]
    get(client, lesson.url)
    get(client, lesson.url + "?utm=x")
    get(client, lesson.url + "?choice=1")  # no longer ours: a dilemma is answered in the page
    site = f"site{course['sv']['home'].get_site().pk}"  # keyed by the site, never by the Host header
    assert cached_pages() == {f"{site}:{lesson.url}?"}
    client.cookies["sessionid"] = "whatever"
    client.get(course["sv"]["lessons"][1].url)
    assert len(cached_pages()) == 1


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


def personal_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_personal_pages_skip_the_tree_walk_once_the_route_is_known(course):
    lesson = course["sv"]["lessons"][0]
    participant = Client()
    start(participant)
    first = personal_queries(participant, lesson.url)
    second = personal_queries(participant, lesson.url)
    assert any('"slug" =' in sql for sql in first)  # Wagtail walking down the tree
    assert not any('"slug" =' in sql for sql in second)
    assert len(second) < len(first)


def test_a_moved_or_unpublished_page_is_not_found_by_its_old_route(course):
    lesson = course["sv"]["lessons"][0]
    participant = Client()
    start(participant)
    personal_queries(participant, lesson.url)
    lesson.unpublish()
    assert participant.get(lesson.url).status_code == 404


def test_a_draft_preview_never_reaches_readers(client, course):
    from modules.models import LessonPage

    lesson = course["sv"]["lessons"][0]
    participant = Client()
    start(participant)
    draft = LessonPage.objects.get(pk=lesson.pk)
    draft.body = [("text", "<p>Ett utkast som inte är granskat.</p>")]
    preview = draft.make_preview_request().content.decode()
    assert "Ett utkast som inte är granskat." in preview
    for reader in (participant, client):
        html = reader.get(lesson.url).content.decode()
        assert "Barn märker mer än vi tror." in html
        assert "Ett utkast" not in html
    assert "Ett utkast som inte är granskat." in draft.make_preview_request().content.decode()


def test_a_new_view_restriction_applies_at_once(client, course):
    from wagtail.models import PageViewRestriction

    lesson = course["sv"]["lessons"][0]
    participant = Client()
    start(participant)
    for reader in (participant, client):
        assert reader.get(lesson.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=lesson.get_parent(), restriction_type="login")
    for reader in (participant, client):
        assert reader.get(lesson.url).status_code == 302  # to the sign-in page
    restriction.delete()
    assert participant.get(lesson.url).status_code == 200


def test_a_deploy_that_changes_templates_or_translations_starts_from_fresh_pages(client, course, settings, tmp_path):
    """Redis outlives the app processes: pages rendered by the previous release must not be served by the next."""
    from pathlib import Path

    from modules import page_cache

    lesson = course["sv"]["lessons"][0]
    get(client, lesson.url)
    assert get(client, lesson.url)[1] == 0
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, tmp_path]
    (tmp_path / "django.mo").write_bytes(b"a new release's translations")
    page_cache.template_changed(sender=None, file_path=Path(tmp_path / "django.mo"))  # as a restart would
    try:
        assert get(client, lesson.url)[1] > 0  # rendered afresh
        assert get(client, lesson.url)[1] == 0
    finally:
        page_cache.release.cache_clear()


def test_page_ids_that_name_nothing_are_not_kept_in_memory(course):
    from modules import page_cache

    participant = Client()
    start(participant)
    participant.get(course["sv"]["lessons"][0].url)
    kept = len(page_cache._memo["values"])
    for page_id in range(900000, 900050):
        assert participant.post("/sv/progress/complete/", {"page": page_id}).status_code == 400
    assert len(page_cache._memo["values"]) == kept
