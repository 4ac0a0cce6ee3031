"""Snippets made from inside a chooser start as drafts in the page's language; editors may throw
away the drafts they started, and nothing else."""

import json

import pytest
from django.test import RequestFactory
from wagtail.models import Locale

from modules.models import Source, Story
from modules.templatetags.page_tags import readable_snippet
from tests.modules.factories import SourceFactory, StoryFactory
from tests.modules.test_four_eyes import logged_in

pytestmark = pytest.mark.django_db

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
STORY = {"title": "Första julen i två hem", "teller": "pappa till en sexåring", "text": "Vi firade två gånger."}


def create_from_chooser(client, model, data, locale):
    response = client.post(f"/admin/snippets/choose/modules/{model}/create/?locale={locale}", data, **AJAX)
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_chooser_offers_a_new_draft_in_the_pages_language(course):
    editor = logged_in("Editors", "editor1")
    html = json.loads(editor.get("/admin/snippets/choose/modules/story/?locale=da", **AJAX).content)["html"]
    assert "Skapa som utkast" in html
    assert "/admin/snippets/choose/modules/story/create/?" in html and "locale=da" in html


def test_a_story_created_in_the_chooser_is_a_draft_of_the_pages_language_until_approved(course):
    editor = logged_in("Editors", "editor1")
    answer = create_from_chooser(editor, "story", STORY, "da")
    assert answer["step"] == "chosen"
    story = Story.objects.get(pk=answer["result"]["id"])
    assert story.locale == Locale.objects.get(language_code="da")
    assert not story.live and story.first_published_at is None
    assert story.latest_revision.user.username == "editor1"  # so its author can never approve it
    # Readers of a page using it see nothing of it until a reviewer approves it.
    assert readable_snippet(story, RequestFactory().get("/da/")) is None


def test_a_duplicate_source_is_refused_inside_the_chooser_and_nothing_is_saved(course):
    editor = logged_in("Editors", "editor1")
    existing = SourceFactory(locale=Locale.objects.get(language_code="sv"))
    before = Source.objects.count()
    data = {"authors": "Someone", "title": "Again", "title_language": "en", "year": 2020, "doi": existing.doi.upper()}
    answer = create_from_chooser(editor, "source", data, "sv")
    assert answer["step"] == "reshow_creation_form"
    assert "finns redan i biblioteket" in answer["htmlFragment"]  # (the admin speaks Swedish by default)
    assert Source.objects.count() == before
    # The same study in another language's library is its translation's business: accepted there.
    assert create_from_chooser(editor, "source", data, "da")["step"] == "chosen"


def test_an_editor_deletes_their_own_unpublished_draft(course):
    editor = logged_in("Editors", "editor1")
    story = Story.objects.get(pk=create_from_chooser(editor, "story", STORY, "sv")["result"]["id"])
    listing = editor.get("/admin/snippets/modules/story/").content.decode()
    assert f"/admin/snippets/modules/story/delete/{story.pk}/" in listing
    editor.post(f"/admin/snippets/modules/story/delete/{story.pk}/")
    assert not Story.objects.filter(pk=story.pk).exists()


def test_an_editor_cannot_delete_what_readers_saw_or_another_editors_draft(course):
    editor, other = logged_in("Editors", "editor1"), logged_in("Editors", "editor2")
    published = StoryFactory(locale=Locale.objects.get(language_code="sv"))
    published.save_revision(user=None).publish()
    theirs = Story.objects.get(pk=create_from_chooser(other, "story", STORY, "sv")["result"]["id"])
    listing = editor.get("/admin/snippets/modules/story/").content.decode()
    for story in (published, theirs):
        assert f"/admin/snippets/modules/story/delete/{story.pk}/" not in listing
        assert editor.get(f"/admin/snippets/modules/story/delete/{story.pk}/").status_code in (302, 403)
        editor.post(f"/admin/snippets/modules/story/delete/{story.pk}/")
        assert Story.objects.filter(pk=story.pk).exists()
    # Nor through the listing's bulk action.
    editor.post(
        f"/admin/bulk/modules/story/delete/?next=/admin/snippets/modules/story/&id={published.pk}&id={theirs.pk}"
    )
    assert Story.objects.filter(pk__in=[published.pk, theirs.pk]).count() == 2
    # A draft that went live once and was unpublished is no longer a throw-away draft either.
    published.unpublish()
    assert editor.get(f"/admin/snippets/modules/story/delete/{published.pk}/").status_code in (302, 403)
