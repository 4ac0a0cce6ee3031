"""Staff screens speak the staff member's language; where Wagtail has no translation, English, never Swedish."""

import json
import re

import pytest
from django.test import Client
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.modules.test_review_workflow import member

pytestmark = pytest.mark.django_db

# Wagtail strings its Danish catalogues lack (Wagtail 8.0.1), with their Swedish translations.
DANISH_GAPS = {"View history": "Visa historik", "Set schedule": "Sätt schema"}
DANISH_JS_GAPS = {"Collapse all": "Expandera alla"}  # (sic: Wagtail's Swedish for it)


def staff_client(username, language):
    user = member("Editors", username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def test_a_string_danish_lacks_falls_back_to_english():
    for msgid, swedish in DANISH_GAPS.items():
        with translation.override("sv"):
            assert translation.gettext(msgid) == swedish  # (the list is still right for this Wagtail)
        with translation.override("da"):
            assert translation.gettext(msgid) == msgid


def test_danish_page_editor_shows_no_swedish_wagtail_string(course):
    danish, swedish = staff_client("dansk1", "da"), staff_client("svensk1", "sv")
    lesson = course["da"]["lessons"][0]
    html = danish.get(f"/admin/pages/{lesson.id}/edit/").content.decode()
    assert 'lang="da"' in html
    for text in DANISH_GAPS.values():
        assert text not in html
    for text in DANISH_JS_GAPS.values():
        assert text in swedish.get("/admin/jsi18n/").content.decode()  # the list is still right
        assert text not in danish.get("/admin/jsi18n/").content.decode()


def test_chooser_speaks_the_editors_language(course):
    """The chooser's title is rendered after Wagtail's view returns: it must still be the editor's language."""
    english, danish = staff_client("english2", "en"), staff_client("dansk2", "da")
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    html = english.get("/admin/snippets/choose/modules/story/", **ajax).content.decode("unicode_escape")
    assert "Välj" not in html and "Choose" in html
    html = danish.get("/admin/snippets/choose/modules/story/", **ajax).content.decode("unicode_escape")
    assert "Välj" not in html and "Vælg" in html


def test_the_lesson_editor_speaks_each_editors_language_whoever_came_first(course):
    """The page form is built once per process: its blocks' labels must not stay in the first editor's language."""
    danish, english = staff_client("dansk3", "da"), staff_client("english3", "en")
    lesson = course["sv"]["lessons"][0]
    with translation.override("da"):
        danish_label = translation.gettext("Checklist or exercise")
    assert danish_label in danish.get(f"/admin/pages/{lesson.id}/edit/").content.decode("unicode_escape")
    html = english.get(f"/admin/pages/{lesson.id}/edit/").content.decode("unicode_escape")
    assert "Checklist or exercise" in html and danish_label not in html


def explorer_start(html):
    """The page the sidebar's "Pages" item opens: (its URL, the explorer's start page id)."""
    props = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1))
    found = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                found.append((value["_args"][0]["url"], value["_args"][1]))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    (start,) = found
    return start


def test_editors_open_the_pages_menu_at_the_course_home_of_their_language(course):
    """Not at the tree's root, under Wagtail's "pages created here will not be accessible" banner."""
    for username, language in (("dansk4", "da"), ("svensk4", "sv"), ("english4", "en")):
        home = course[language]["home"]
        html = staff_client(username, language).get("/admin/").content.decode()
        assert explorer_start(html) == (f"/admin/pages/{home.id}/", home.id)
