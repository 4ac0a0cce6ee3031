"""The Wagtail admin's editor works under the admin's content security policy."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long staff passphrase"


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/")
    assert "/accounts/login/" in page.url
    page.locator("input[name=login]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/**")


def test_page_editor_works_under_the_admin_policy(page, live_server, live_course, foreign_requests):
    get_user_model().objects.create_superuser("editor1", password=PASSWORD)
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.on("pageerror", lambda error: violations.append(str(error)))

    sign_in(page, live_server, "editor1")
    lesson = live_course["sv"]["lessons"][0]
    page.goto(f"{live_server.url}/admin/pages/{lesson.id}/edit/")
    # The StreamField editor is drawn by JavaScript: its rich text shows only if scripts ran.
    page.get_by_text("Barn märker mer än vi tror.").first.wait_for()
    page.locator("#id_title").fill("Ett nytt namn på lektionen")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")

    lesson.refresh_from_db()
    assert lesson.get_latest_revision().as_object().title == "Ett nytt namn på lektionen"
    assert violations == []
    assert foreign_requests == []
