"""A translation starts as a draft in its own language and reaches readers only through review."""

import pytest
from django.test import Client
from wagtail.models import Locale

from modules.models import Dilemma, LessonPage, ModulePage, Source, Story
from tests.modules.factories import (
    CourseHomePageFactory,
    DilemmaFactory,
    LessonPageFactory,
    LocaleFactory,
    ModulePageFactory,
    SourceFactory,
    StoryFactory,
    ThemePageFactory,
    lesson_body,
)
from tests.modules.test_review_workflow import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client):
    client.force_login(member("Editors", "translator1"))
    return client


@pytest.fixture
def swedish_only(course):
    """A Swedish module with one lesson using a story, a dilemma and a source that exist only in Swedish."""
    sv, da = course["sv"], course["da"]
    locale = Locale.objects.get(language_code="sv")
    story, dilemma, source = StoryFactory(locale=locale), DilemmaFactory(locale=locale), SourceFactory(locale=locale)
    module = ModulePageFactory(parent=sv["themes"][0], locale=locale, title="Bara svenska")
    module.sources.set([source])
    module.save_revision().publish()
    lesson = LessonPageFactory(parent=module, locale=locale, body=lesson_body(story, dilemma, [source]))
    return {"module": module, "lesson": lesson, "story": story, "dilemma": dilemma, "source": source, "da": da}


def test_translated_snippet_is_a_draft_until_reviewed(course, translator):
    dilemma = DilemmaFactory(locale=Locale.objects.get(language_code="sv"))
    da = Locale.objects.get(language_code="da")
    response = translator.post(
        f"/admin/translation/submit/snippet/modules/dilemma/{dilemma.pk}/", {"locales": [da.pk]}
    )
    assert response.status_code == 302
    copy = Dilemma.objects.get(translation_key=dilemma.translation_key, locale=da)
    assert not copy.live and copy.live_revision is None and copy.first_published_at is None
    assert copy.options.count() == dilemma.options.count()


def test_translated_page_uses_only_its_locales_snippets(swedish_only, translator):
    module, lesson = swedish_only["module"], swedish_only["lesson"]
    da = Locale.objects.get(language_code="da")
    response = translator.post(
        f"/admin/translation/submit/page/{module.pk}/", {"locales": [da.pk], "include_subtree": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:500]

    danish_module = ModulePage.objects.get(translation_key=module.translation_key, locale=da)
    danish_lesson = LessonPage.objects.get(translation_key=lesson.translation_key, locale=da)
    assert not danish_module.live and not danish_lesson.live

    # The sources, the story and the dilemma were copied to Danish as drafts, and only those are used.
    for page in (danish_module, danish_lesson, danish_lesson.get_latest_revision_as_object()):
        used = [block.value for block in getattr(page, "body", []) if block.block_type in ("story", "dilemma")]
        used += [
            source
            for block in getattr(page, "body", [])
            if block.block_type == "evidence"
            for source in block.value["sources"]
        ]
        used += list(page.sources.all()) if isinstance(page, ModulePage) else []
        assert used and all(item.locale_id == da.id for item in used), page
    for model, original in (
        (Story, swedish_only["story"]),
        (Dilemma, swedish_only["dilemma"]),
        (Source, swedish_only["source"]),
    ):
        copy = model.objects.get(translation_key=original.translation_key, locale=da)
        assert not copy.live
    revision_module = danish_module.get_latest_revision_as_object()
    assert [s.locale_id for s in revision_module.sources.all()] == [da.id]


def test_existing_translation_is_reused_not_copied_again(swedish_only, translator):
    da = Locale.objects.get(language_code="da")
    story = swedish_only["story"]
    existing = story.copy_for_translation(da)
    existing.save()
    translator.post(
        f"/admin/translation/submit/page/{swedish_only['module'].pk}/", {"locales": [da.pk], "include_subtree": "on"}
    )
    assert Story.objects.filter(translation_key=story.translation_key, locale=da).count() == 1
    danish_lesson = LessonPage.objects.get(translation_key=swedish_only["lesson"].translation_key, locale=da)
    assert existing.pk in [block.value.pk for block in danish_lesson.body if block.block_type == "story"]


def test_safety_module_link_is_not_carried_into_another_language(db):
    sv, da = LocaleFactory(language_code="sv"), LocaleFactory(language_code="da")
    from wagtail.models import Page

    home = CourseHomePageFactory(parent=Page.get_first_root_node(), locale=sv, slug="hem")
    module = ModulePageFactory(parent=ThemePageFactory(parent=home, locale=sv), locale=sv)
    home.safety_module = module
    home.save()
    copy = home.copy_for_translation(da)
    from modules.translation import translated_page_uses_its_locale

    translated_page_uses_its_locale(None, home, copy)
    copy.refresh_from_db()
    assert copy.safety_module is None


def test_translation_status_knows_drafts_reviews_and_links_to_the_translation(swedish_only, translator):
    from modules.content_status import content_status

    da = Locale.objects.get(language_code="da")
    source = swedish_only["source"]
    translator.post(f"/admin/translation/submit/snippet/modules/source/{source.pk}/", {"locales": [da.pk]})
    copy = Source.objects.get(translation_key=source.translation_key, locale=da)

    def gap():
        kind = str(Source._meta.verbose_name)
        gaps = [g for g in content_status().gaps if (g.kind, g.id, g.locale) == (kind, source.pk, "da")]
        return gaps[0] if gaps else None

    assert gap().problem == "draft"
    assert gap().translation_id == copy.pk and f"/{copy.pk}/" in gap().admin_url
    assert content_status().complete["da"] is False

    data = {
        f: getattr(copy, f)
        for f in ("authors", "title", "title_language", "year", "publication", "doi", "url", "summary")
    }
    response = translator.post(f"/admin/snippets/modules/source/edit/{copy.pk}/", {**data, "action-submit": "x"})
    assert response.status_code == 302
    assert gap().problem == "in review"

    # Approved by a reviewer: no gap, until the Swedish source changes again.
    reviewer = Client()
    reviewer.force_login(member("Reviewers", "reviewer9"))
    copy.refresh_from_db()
    task_state = copy.current_workflow_task_state
    reviewer.post(f"/admin/snippets/modules/source/workflow/action/{copy.pk}/approve/{task_state.pk}/")
    copy.refresh_from_db()
    assert copy.live and gap() is None
    source.title = "Ändrad titel"
    source.save_revision().publish()
    assert gap().problem == "outdated"
    assert gap().translation_id == copy.pk


def test_a_draft_snippet_shows_in_the_reviewers_preview_never_to_readers(course, translator):
    from tests.modules.factories import lesson_body

    da = Locale.objects.get(language_code="da")
    lesson = course["da"]["lessons"][0]
    story = StoryFactory(locale=da, live=False, title="Udkast til en fortælling")
    source = SourceFactory(locale=da, live=False, title="Et udkast til en kilde")
    lesson.body = lesson_body(story, course["da"]["dilemma"], [source])
    lesson.save_revision().publish()

    public = Client().get(lesson.url).content.decode()
    assert "Udkast til en fortælling" not in public and "Et udkast til en kilde" not in public
    reviewer = Client()
    reviewer.force_login(member("Reviewers", "reviewer8"))
    preview = reviewer.get(f"/admin/pages/{lesson.id}/view_draft/").content.decode()
    assert "Udkast til en fortælling" in preview and "Et udkast til en kilde" in preview


def test_a_module_whose_sources_are_drafts_shows_no_empty_evidence_box(course):
    module = course["sv"]["modules"][0]
    Source.objects.filter(pk__in=[s.pk for s in module.sources.all()]).update(live=False)
    html = Client().get(module.url).content.decode()
    assert 'class="evidence"' not in html


@pytest.mark.parametrize("model_name", ["story", "dilemma", "source"])
def test_snippets_preview_as_a_lesson_shows_them(course, translator, model_name):
    from django.urls import reverse

    snippet = {
        "story": course["sv"]["story"],
        "dilemma": course["sv"]["dilemma"],
        "source": course["sv"]["modules"][0].sources.first(),
    }[model_name]
    edit = translator.get(f"/admin/snippets/modules/{model_name}/edit/{snippet.pk}/").content.decode()
    assert "w-preview" in edit and 'name="go_live_at"' in edit  # the preview panel and the publishing dates
    fields = {
        "story": {"title": "Förhandsvisad rubrik", "teller": "pappa till en", "text": "Ny text."},
        "dilemma": {
            "title": "Förhandsvisad rubrik",
            "situation": "Läget.",
            "options-TOTAL_FORMS": "2",
            "options-INITIAL_FORMS": "0",
            "options-MIN_NUM_FORMS": "2",
            "options-MAX_NUM_FORMS": "4",
            **{
                f"options-{i}-{k}": v
                for i in range(2)
                for k, v in (("label", f"Val {i}"), ("reflection", "Tanke."), ("ORDER", str(i)), ("id", ""))
            },
        },
        "source": {
            "authors": "A. B.",
            "title": "Förhandsvisad rubrik",
            "year": 2020,
            "publication": "",
            "doi": "",
            "url": "",
            "summary": "",
        },
    }[model_name]
    url = reverse(f"wagtailsnippets_modules_{model_name}:preview_on_edit", args=[snippet.pk])
    assert translator.post(url, fields).json()["is_valid"]
    html = translator.get(url).content.decode()
    assert "Förhandsvisad rubrik" in html and 'href="/static/css/site' in html
