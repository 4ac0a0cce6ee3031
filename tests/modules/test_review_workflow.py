"""An editor's change goes live only after a reviewer approves it; modules need evidence."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Workflow
from wagtail.test.utils.form_data import nested_form_data

from modules.models import ModulePage
from tests.modules.test_page_types import lesson_form_data

pytestmark = pytest.mark.django_db
PASSWORD = "a long staff passphrase"


def member(group, username):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor_client(client):
    client.force_login(member("Editors", "editor1"))
    return client


@pytest.fixture
def reviewer_client():
    client = Client()
    client.force_login(member("Reviewers", "reviewer1"))
    return client


def test_professional_review_covers_pages_and_snippets(course):
    workflow = Workflow.objects.get(name="Professional review")
    assert workflow.active
    assert course["sv"]["lessons"][0].get_workflow() == workflow
    assert course["da"]["lessons"][0].get_workflow() == workflow
    for snippet in (course["sv"]["story"], course["sv"]["dilemma"], course["sv"]["modules"][0].sources.first()):
        assert snippet.get_workflow() == workflow
    assert [task.specific.groups.get() for task in workflow.tasks.all()] == [Group.objects.get(name="Reviewers")]


def test_editor_change_is_live_only_after_review(course, editor_client, reviewer_client):
    tree = course["sv"]
    lesson = tree["lessons"][0]
    data = lesson_form_data(tree, title="Granskad titel", slug=lesson.slug)

    # An editor cannot publish directly.
    editor_client.post(f"/admin/pages/{lesson.id}/edit/", {**data, "action-publish": "publish"})
    lesson.refresh_from_db()
    assert lesson.title != "Granskad titel"

    # Submitting sends it to review; the live page is unchanged.
    response = editor_client.post(f"/admin/pages/{lesson.id}/edit/", {**data, "action-submit": "submit"})
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.workflow_in_progress
    assert lesson.title != "Granskad titel"
    assert "Granskad titel" not in reviewer_client.get(lesson.url).content.decode()

    # A reviewer approves: now it is live.
    task_state = lesson.current_workflow_task_state
    response = reviewer_client.post(
        f"/admin/pages/{lesson.id}/edit/",
        {**data, "action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    lesson.refresh_from_db()
    assert lesson.title == "Granskad titel"
    assert lesson.live and not lesson.has_unpublished_changes


def test_editor_snippet_change_waits_for_review(course, editor_client):
    story = course["sv"]["story"]
    url = f"/admin/snippets/modules/story/edit/{story.pk}/"
    data = {"title": "Ny rubrik", "teller": story.teller, "text": story.text, "action-publish": "publish"}
    editor_client.post(url, data)
    story.refresh_from_db()
    assert story.title != "Ny rubrik"


def needs_source_message():
    """The message as the admin shows it (in the default language, Swedish)."""
    with translation.override("sv"):
        return escape(
            translation.gettext(
                "A module needs at least one evidence source before it can be published or sent for review."
            )
        )


def module_data(**extra):
    data = nested_form_data(
        {"title": "Nya hem", "slug": "nya-hem", "summary": "Om två hem.", "minutes": 20, "icon": "home"}
    )
    data.update(extra)
    return data


def test_module_without_source_cannot_be_published(course, admin_client):
    theme = course["sv"]["themes"][0]
    response = admin_client.post(
        f"/admin/pages/add/modules/modulepage/{theme.id}/", {**module_data(), "action-publish": "publish"}
    )
    assert response.status_code == 200
    assert needs_source_message() in response.content.decode()
    assert not ModulePage.objects.filter(slug="nya-hem").exists()

    # A draft may be saved without one, but it still cannot be published or sent for review.
    admin_client.post(f"/admin/pages/add/modules/modulepage/{theme.id}/", module_data())
    module = ModulePage.objects.get(slug="nya-hem")
    assert not module.live
    for action in ("action-publish", "action-submit"):
        response = admin_client.post(f"/admin/pages/{module.id}/edit/", {**module_data(), action: "x"})
        assert needs_source_message() in response.content.decode()
    module.refresh_from_db()
    assert not module.live and not module.workflow_in_progress

    source = course["sv"]["modules"][0].sources.first()
    admin_client.post(
        f"/admin/pages/{module.id}/edit/", {**module_data(sources=[source.pk]), "action-publish": "publish"}
    )
    module.refresh_from_db()
    assert module.live
