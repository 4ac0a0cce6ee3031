"""An editor writes a lesson with a dilemma in the real admin; a reviewer approves; it goes live."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from modules.models import LessonPage
from tests.browser.test_admin_csp import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def member(group, username):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin's labels below are English
    profile.save()
    return user


def test_editor_writes_reviewer_approves(browser, live_server, live_course):
    member("Editors", "editor1")
    member("Reviewers", "reviewer1")
    module = live_course["sv"]["modules"][0]
    dilemma = live_course["sv"]["dilemma"]

    editor = browser.new_context(locale="en-GB").new_page()
    sign_in(editor, live_server, "editor1")
    editor.goto(f"{live_server.url}/admin/pages/add/modules/lessonpage/{module.id}/")
    editor.wait_for_load_state("networkidle")  # the StreamField editor is ready
    editor.locator("#id_title").fill("Dilemman i vardagen")
    editor.locator("#id_intro").fill("En lektion om val.")
    editor.locator("[id$='-body-content'] button[title='Insert a block']").first.click()
    editor.get_by_role("option", name=re.compile("Dilemma")).click()
    # Wagtail builds a block's editing widget once per process, in whichever admin language
    # came first, so its label may be in Swedish when other tests ran before this one.
    editor.get_by_role("button", name=re.compile("(Choose|Välj|Vælg) dilemma", re.I)).click()
    editor.get_by_role("link", name=dilemma.title).click()
    editor.get_by_text(dilemma.title).first.wait_for()

    editor.locator("[data-w-dropdown-target='toggle']").last.click()
    editor.get_by_role("button", name=re.compile("Submit to Professional review")).click()
    editor.wait_for_url(lambda url: "/add/" not in url)

    lesson = LessonPage.objects.get(title="Dilemman i vardagen")
    assert not lesson.live
    assert lesson.workflow_in_progress
    assert editor.goto(live_server.url + "/sv/").ok
    assert "Dilemman i vardagen" not in editor.content()

    reviewer = browser.new_context(locale="en-GB").new_page()
    sign_in(reviewer, live_server, "reviewer1")
    reviewer.goto(f"{live_server.url}/admin/pages/{lesson.id}/edit/")
    reviewer.locator("[data-w-dropdown-target='toggle']").last.click()
    reviewer.get_by_role("button", name="Approve and Publish").click()
    reviewer.wait_for_load_state("networkidle")

    lesson.refresh_from_db()
    assert lesson.live
    public = browser.new_context().new_page()
    response = public.goto(live_server.url + lesson.url)
    assert response.status == 200
    assert public.locator(".dilemma legend").count() == 1
    assert dilemma.title in public.content()
