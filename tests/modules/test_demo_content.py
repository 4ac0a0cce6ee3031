"""The demo course loads completely in three languages, idempotently, and passes content_status."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from modules.demo_loader import DEMO_DIR, load_toml, translation_key
from modules.models import CourseHomePage, Dilemma, LessonPage, ModulePage, Source, Story, ThemePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_course", stdout=StringIO())


def test_demo_has_the_promised_shape(demo):
    for code in ("sv", "da", "en"):
        assert ThemePage.objects.filter(locale__language_code=code, live=True).count() == 3
        assert ModulePage.objects.filter(locale__language_code=code, live=True).count() >= 6
        assert LessonPage.objects.filter(locale__language_code=code, live=True).count() >= 12
        assert Story.objects.filter(locale__language_code=code, live=True).count() >= 6
        assert Dilemma.objects.filter(locale__language_code=code, live=True).count() >= 6
        assert Source.objects.filter(locale__language_code=code, live=True).count() >= 5
    for module in ModulePage.objects.all():
        assert module.get_children().live().count() >= 2
        assert module.sources.exists()
    for theme in ThemePage.objects.all():
        assert theme.get_children().live().count() >= 2
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, CourseHomePage)


def test_every_snippet_is_used_in_a_lesson(demo):
    used = {"story": set(), "dilemma": set(), "evidence": set()}
    for lesson in LessonPage.objects.all():
        for block in lesson.body:
            if block.block_type in ("story", "dilemma"):
                used[block.block_type].add(block.value.pk)
            elif block.block_type == "evidence":
                used["evidence"].update(source.pk for source in block.value["sources"])
    assert used["story"] == set(Story.objects.values_list("pk", flat=True))
    assert used["dilemma"] == set(Dilemma.objects.values_list("pk", flat=True))
    assert used["evidence"] == set(Source.objects.values_list("pk", flat=True))


def test_demo_texts_are_complete_in_every_language():
    def texts(node):
        if isinstance(node, dict):
            if set(node) == {"sv", "da", "en"}:
                yield node
            else:
                for value in node.values():
                    yield from texts(value)
        elif isinstance(node, list):
            for value in node:
                yield from texts(value)

    for name in ("course.toml", "stories.toml", "dilemmas.toml", "sources.toml", "safety.toml"):
        for text in texts(load_toml(name, DEMO_DIR)):
            assert all(text[code].strip() for code in ("sv", "da", "en")), text


def test_loading_again_changes_nothing_and_reset_only_replaces_demo(demo):
    out = StringIO()
    call_command("load_demo_course", stdout=out)
    assert "0 new pages and snippets" in out.getvalue()

    editor_story = Story.objects.create(title="Min egen", teller="pappa", text="Text", live=True)
    before = LessonPage.objects.count()
    call_command("load_demo_course", reset=True, stdout=StringIO())
    assert LessonPage.objects.count() == before
    assert Story.objects.filter(pk=editor_story.pk).exists()


def test_content_status_json_shows_all_locales_complete(demo):
    out = StringIO()
    call_command("content_status", json=True, stdout=out)
    status = json.loads(out.getvalue())
    assert status["complete"] == {"sv": True, "da": True, "en": True}
    assert status["gaps"] == []
    assert status["counts"]["da"]["modules"] == status["counts"]["sv"]["modules"] >= 6


def test_content_status_reports_missing_and_outdated_translations(demo):
    lesson = LessonPage.objects.filter(locale__language_code="sv").first()
    lesson.title = "Ny titel"
    lesson.save_revision().publish()
    lesson.get_translation(lesson.locale.__class__.objects.get(language_code="en")).unpublish()

    out = StringIO()
    call_command("content_status", json=True, stdout=out)
    status = json.loads(out.getvalue())
    problems = {(gap["locale"], gap["problem"], gap["id"]) for gap in status["gaps"]}
    assert ("da", "outdated", lesson.id) in problems
    assert ("en", "draft", lesson.id) in problems  # unpublished: a draft again, not missing
    assert status["complete"] == {"sv": True, "da": False, "en": False}

    text = StringIO()
    call_command("content_status", stdout=text)
    assert "Ny titel" in text.getvalue() and "NO" in text.getvalue()


def test_translation_status_report_in_the_admin(demo, admin_client):
    response = admin_client.get("/admin/reports/translation-status/")
    assert response.status_code == 200
    assert "<table" in response.content.decode()


def test_the_safety_branch_is_in_every_language(demo, client):
    for code, term in (("sv", "socialtjänsten"), ("da", "kommunen"), ("en", "social services")):
        home = CourseHomePage.objects.get(locale__language_code=code)
        module = home.safety_module
        assert module is not None and module.live and module.locale.language_code == code
        assert module.get_parent().specific.get_children().first().id == module.id  # first in its theme
        assert module.get_children().live().count() >= 3 and module.sources.exists()
        marked = LessonPage.objects.filter(locale__language_code=code, assumes_safety=True)
        assert marked.count() >= 5
        assert not marked.descendant_of(module).exists()
        html = client.get(marked.first().url).content.decode()
        assert 'class="safety-note"' in html and f'href="{module.url}"' in html
        # The child who is afraid to go: the feedback no longer asks for finding out together.
        doesnt_want_to_go = Dilemma.objects.get(
            locale__language_code=code, translation_key=translation_key("dilemma", "dilemma-doesnt-want-to-go")
        )
        feedback = " ".join(option.reflection for option in doesnt_want_to_go.options.all())
        assert term in feedback and "112" in feedback
        assert doesnt_want_to_go.options.filter(assumes_safety=True).exists()
