"""Four eyes: nothing goes live without another person's approval, and only content that meets the rules."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale, TaskState

from tests.modules.factories import SourceFactory
from tests.modules.test_page_types import lesson_form_data
from tests.modules.test_review_workflow import member, module_data

pytestmark = pytest.mark.django_db


def logged_in(group, name):
    client = Client()
    client.force_login(member(group, name))
    return client


@pytest.fixture
def editor():
    return logged_in("Editors", "editor1")


@pytest.fixture
def reviewers():
    return logged_in("Reviewers", "reviewer1"), logged_in("Reviewers", "reviewer2")


def in_swedish(text):
    with translation.override("sv"):
        return escape(translation.gettext(text))


def submit(client, page, data):
    response = client.post(f"/admin/pages/{page.id}/edit/", {**data, "action-submit": "submit"})
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.workflow_in_progress


def act(client, page, data, action, comment=""):
    extra = {"workflow-action-extra-data": json.dumps({"comment": comment})} if comment else {}
    return client.post(
        f"/admin/pages/{page.id}/edit/",
        {**data, "action-workflow-action": "true", "workflow-action-name": action, **extra},
    )


def test_reviewer_cannot_publish_directly(course, reviewers):
    tree = course["sv"]
    lesson = tree["lessons"][0]
    data = lesson_form_data(tree, title="Direkt publicerad", slug=lesson.slug)
    reviewers[0].post(f"/admin/pages/{lesson.id}/edit/", {**data, "action-publish": "publish"})
    lesson.refresh_from_db()
    assert lesson.title != "Direkt publicerad"
    story = tree["story"]
    reviewers[0].post(
        f"/admin/snippets/modules/story/edit/{story.pk}/",
        {"title": "Direkt", "teller": story.teller, "text": story.text, "action-publish": "publish"},
    )
    story.refresh_from_db()
    assert story.title != "Direkt"


def test_nobody_approves_their_own_submission(course, reviewers):
    first, second = reviewers
    tree = course["sv"]
    lesson = tree["lessons"][0]
    data = lesson_form_data(tree, title="Egen granskning", slug=lesson.slug)
    submit(first, lesson, data)
    task_state = lesson.current_workflow_task_state

    # Neither from the editor nor through the workflow's own action address.
    act(first, lesson, data, "approve")
    url = reverse("wagtailadmin_pages:workflow_action", args=(lesson.id, "approve", task_state.id))
    first.post(url)  # refused (the admin answers a refusal with a redirect and a message)
    lesson.refresh_from_db()
    assert lesson.title != "Egen granskning" and lesson.workflow_in_progress
    # The dashboard does not ask them to review it either.
    assert url not in first.get("/admin/").content.decode()

    response = act(second, lesson, data, "approve")
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.live and lesson.title == "Egen granskning" and not lesson.has_unpublished_changes


def test_approval_publishes_snippets_without_publish_permission(course, editor, reviewers):
    story = course["sv"]["story"]
    url = f"/admin/snippets/modules/story/edit/{story.pk}/"
    data = {"title": "Granskad berättelse", "teller": story.teller, "text": story.text}
    assert editor.post(url, {**data, "action-submit": "submit"}).status_code == 302
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    approve = reverse("wagtailsnippets_modules_story:workflow_action", args=(story.pk, "approve", task_state.id))
    assert reviewers[0].post(approve).status_code == 302
    story.refresh_from_db()
    assert story.live and story.title == "Granskad berättelse"


def test_lesson_in_danish_may_not_use_a_swedish_story(course, editor):
    da, sv = course["da"], course["sv"]
    lesson = da["lessons"][0]
    data = lesson_form_data({**da, "story": sv["story"]}, title="Blandet", slug=lesson.slug)
    response = editor.post(f"/admin/pages/{lesson.id}/edit/", {**data, "action-submit": "submit"})
    assert response.status_code == 200
    assert escape(sv["story"].title) in response.content.decode()
    lesson.refresh_from_db()
    assert not lesson.workflow_in_progress


@pytest.mark.parametrize("kind", ["draft", "other language"])
def test_draft_or_foreign_source_does_not_count_as_evidence(course, editor, kind):
    sv = Locale.objects.get(language_code="sv")
    locale = sv if kind == "draft" else Locale.objects.get(language_code="da")
    source = SourceFactory(locale=locale, live=kind != "draft")
    module = course["sv"]["modules"][0]
    data = module_data(title=module.title, slug=module.slug, sources=[source.pk])
    data.update(title=module.title, slug=module.slug)
    response = editor.post(f"/admin/pages/{module.id}/edit/", {**data, "action-submit": "submit"})
    assert response.status_code == 200
    if kind == "draft":
        message = (
            "None of the chosen evidence sources is published yet. A source counts once a reviewer has approved it."
        )
        assert in_swedish(message) in response.content.decode()
    module.refresh_from_db()
    assert not module.workflow_in_progress


def test_the_source_list_shows_only_the_pages_language(course, editor):
    module = course["da"]["modules"][0]
    response = editor.get(f"/admin/pages/{module.id}/edit/")
    html = response.content.decode()
    da_source, sv_source = module.sources.first(), course["sv"]["modules"][0].sources.first()
    assert f'name="sources" value="{da_source.pk}"' in html
    assert f'name="sources" value="{sv_source.pk}"' not in html
    assert "data-source-filter" in html


def lesson_sent_back_and_module_submitted(tree, editor, reviewer, comment, module_title):
    """The editor submits a lesson and its module; the reviewer sends the lesson back with `comment`."""
    module, lesson = tree["modules"][0], tree["lessons"][0]
    lesson_data = lesson_form_data(tree, title="Ändrad lektion", slug=lesson.slug)
    submit(editor, lesson, lesson_data)
    act(reviewer, lesson, lesson_data, "reject", comment=comment)
    lesson.refresh_from_db()
    assert not lesson.workflow_in_progress
    data = module_data(sources=[module.sources.first().pk])
    data.update(title=module_title, slug=module.slug)
    submit(editor, module, data)
    return module, lesson, lesson_data


def test_module_waits_while_a_lesson_is_sent_back(course, editor, reviewers):
    module, lesson, lesson_data = lesson_sent_back_and_module_submitted(
        course["sv"], editor, reviewers[0], "Förkorta andra stycket.", "Ändrad modul"
    )
    task_state = module.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(module.id, "approve", task_state.id))
    reviewers[1].post(url)  # refused
    page = reviewers[1].get(f"/admin/pages/{module.id}/edit/").content.decode()
    assert escape(lesson.title) in page  # the reason is shown to the reviewer
    module.refresh_from_db()
    assert module.title != "Ändrad modul"

    # Once the lesson is resubmitted and approved, the module can be approved.
    submit(editor, lesson, lesson_data)
    act(reviewers[1], lesson, lesson_data, "approve")
    reviewers[1].post(url)
    module.refresh_from_db()
    assert module.title == "Ändrad modul" and module.live


def test_reviewers_comment_reaches_the_editor(course, editor, reviewers):
    tree = course["sv"]
    lesson = tree["lessons"][1]
    data = lesson_form_data(tree, title="Utkast", slug=lesson.slug)
    submit(editor, lesson, data)
    act(reviewers[0], lesson, data, "reject", comment="Skriv om exemplet om överlämningen.")
    assert TaskState.objects.filter(status="rejected", comment__startswith="Skriv om").exists()
    assert "Skriv om exemplet om överlämningen." in editor.get(f"/admin/pages/{lesson.id}/edit/").content.decode()
    assert "Skriv om exemplet om överlämningen." in editor.get("/admin/").content.decode()


def test_superuser_is_reminded_that_publish_skips_review(course, admin_client):
    lesson = course["sv"]["lessons"][0]
    html = admin_client.get(f"/admin/pages/{lesson.id}/edit/").content.decode()
    reminder = (
        "You are an administrator: Publish puts this live without the professional review. "
        "Use “Submit to Professional review” unless it cannot wait."
    )
    assert in_swedish(reminder) in html


def test_module_reviewed_with_its_lessons_and_snippets_from_one_screen(course, editor, reviewers):
    tree = course["sv"]
    module, lesson = tree["modules"][0], tree["lessons"][0]
    lesson_data = lesson_form_data(tree, title="Lektion i paketet", slug=lesson.slug)
    submit(editor, lesson, lesson_data)
    story = tree["story"]
    story_url = f"/admin/snippets/modules/story/edit/{story.pk}/"
    editor.post(
        story_url, {"title": "Berättelse i paketet", "teller": story.teller, "text": story.text, "action-submit": "x"}
    )
    data = module_data(sources=[module.sources.first().pk])
    data.update(title="Modul i paketet", slug=module.slug)
    submit(editor, module, data)

    url = reverse("module_review", args=[module.id])
    assert url in reviewers[0].get(f"/admin/pages/{module.id}/edit/").content.decode()
    html = reviewers[0].get(url).content.decode()
    for title in ("Modul i paketet", "Lektion i paketet", "Berättelse i paketet"):
        assert title in html
    # The editor sees the bundle but cannot approve their own work from it.
    assert 'value="all"' not in editor.get(url).content.decode()
    editor.post(url, {"approve": "all"})
    module.refresh_from_db()
    assert module.title != "Modul i paketet"

    response = reviewers[0].post(url, {"approve": "all"})
    assert response.status_code == 302
    for obj in (module, lesson, story):
        obj.refresh_from_db()
    assert (module.title, lesson.title, story.title) == (
        "Modul i paketet",
        "Lektion i paketet",
        "Berättelse i paketet",
    )
    assert module.live and lesson.live and story.live


def test_bundle_does_not_approve_a_module_whose_lesson_was_sent_back(course, editor, reviewers):
    module, lesson, _data = lesson_sent_back_and_module_submitted(
        course["sv"], editor, reviewers[0], "Mer om barnets perspektiv.", "Väntande modul"
    )
    url = reverse("module_review", args=[module.id])
    html = reviewers[1].get(url).content.decode()
    assert "Mer om barnets perspektiv." in html and escape(lesson.title) in html
    reviewers[1].post(url, {"approve": "all"})
    module.refresh_from_db()
    assert module.title != "Väntande modul" and module.workflow_in_progress


def test_a_duplicate_source_is_refused_with_a_clear_message(course, editor):
    existing = course["sv"]["modules"][0].sources.first()
    data = {
        "authors": "Någon",
        "title": "Samma studie igen",
        "title_language": "sv",
        "year": 2001,
        "publication": "",
        "url": "",
        "summary": "",
        "doi": existing.doi.upper(),
        "locale": existing.locale_id,
    }
    response = editor.post("/admin/snippets/modules/source/add/?locale=sv", data)
    assert response.status_code == 200
    assert escape(existing.title) in response.content.decode()
    assert not type(existing).objects.filter(title="Samma studie igen").exists()


def test_a_snippet_scheduled_by_its_editor_goes_live_on_its_date_after_approval(course, editor, reviewers):
    import datetime

    from django.utils import timezone

    story = course["sv"]["story"]
    story.save_revision().publish()  # live through a revision, as reviewed snippets are
    url = f"/admin/snippets/modules/story/edit/{story.pk}/"
    when = (timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    data = {"title": "Schemalagd", "teller": story.teller, "text": story.text, "go_live_at": when, "expire_at": ""}
    assert editor.post(url, {**data, "action-submit": "x"}).status_code == 302
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    approve = reverse("wagtailsnippets_modules_story:workflow_action", args=(story.pk, "approve", task_state.id))
    reviewers[0].post(approve)
    story.refresh_from_db()
    assert story.live and story.title != "Schemalagd"  # not yet: the live story stays until the date
    assert story.get_latest_revision().approved_go_live_at is not None
