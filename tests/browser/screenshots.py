"""The screenshots in docs/editing.md, taken in the real admin: `make screenshots`.

Not collected by `make test` (the file name does not start with test_); run it when the admin
changes, and commit the pictures it writes to docs/images/editing/.
"""

import json
import re
from pathlib import Path

import pytest
from django.test import Client
from wagtail.models import Locale

from tests.browser.test_admin_csp import sign_in
from tests.browser.test_editorial_review import member
from tests.modules.factories import SourceFactory
from tests.modules.test_page_types import lesson_form_data
from tests.modules.test_review_workflow import module_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OUT = Path(__file__).resolve().parents[2] / "docs" / "images" / "editing"


def shot(page, name):
    OUT.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=OUT / f"{name}.png")


def as_user(username):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_take_the_editing_screenshots(browser, live_server, live_course):
    member("Editors", "editor1")
    member("Reviewers", "reviewer1")
    member("Reviewers", "reviewer2")
    tree = live_course["sv"]
    module, lesson = tree["modules"][0], tree["lessons"][0]
    SourceFactory(locale=Locale.objects.get(language_code="sv"), authors="Kelly, J. B.", live=False)
    context = {"locale": "en-GB", "viewport": {"width": 1280, "height": 860}}

    # The editor: a module's sources, a lesson with its preview and checks, submitting.
    editor = browser.new_context(**context).new_page()
    sign_in(editor, live_server, "editor1")
    editor.goto(f"{live_server.url}/admin/pages/{module.id}/edit/")
    editor.locator("[data-source-choices]").scroll_into_view_if_needed()
    shot(editor, "1-module-sources")
    editor.goto(f"{live_server.url}/admin/pages/{lesson.id}/edit/")
    editor.get_by_role("button", name=re.compile("Toggle preview")).click()
    editor.frame_locator("#w-preview-iframe").get_by_text("Barn märker mer än vi tror.").first.wait_for()
    shot(editor, "2-lesson-preview")
    editor.get_by_role("button", name=re.compile("Toggle checks")).click()
    editor.wait_for_function("() => /\\d/.test(document.querySelector('[data-content-word-count]').textContent)")
    shot(editor, "3-lesson-checks")

    # Submitted, sent back with a comment: what the editor sees.
    data = lesson_form_data(tree, title="Att berätta för barnen", slug=lesson.slug)
    as_user("editor1").post(f"/admin/pages/{lesson.id}/edit/", {**data, "action-submit": "submit"})
    extra = json.dumps({"comment": "Please shorten the second paragraph and add an example from preschool."})
    as_user("reviewer1").post(
        f"/admin/pages/{lesson.id}/edit/",
        {
            **data,
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": extra,
        },
    )
    editor.goto(f"{live_server.url}/admin/")
    shot(editor, "4-dashboard-changes-requested")
    editor.goto(f"{live_server.url}/admin/pages/{lesson.id}/edit/")
    shot(editor, "5-edit-view-comment")

    # The reviewer: the module's review bundle.
    as_user("editor1").post(f"/admin/pages/{lesson.id}/edit/", {**data, "action-submit": "submit"})
    module_form = module_data(sources=[module.sources.first().pk])
    module_form.update(title=module.title, slug=module.slug)
    as_user("editor1").post(f"/admin/pages/{module.id}/edit/", {**module_form, "action-submit": "submit"})
    reviewer = browser.new_context(**context).new_page()
    sign_in(reviewer, live_server, "reviewer2")
    reviewer.goto(f"{live_server.url}/admin/review/module/{module.id}/")
    shot(reviewer, "6-review-bundle")

    # The translator: translation status.
    reviewer.goto(f"{live_server.url}/admin/reports/translation-status/")
    shot(reviewer, "7-translation-status")
