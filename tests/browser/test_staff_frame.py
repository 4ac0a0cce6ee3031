"""Staff sign-in and two-factor pages look like the admin they lead to, and pass axe."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from tests.browser.conftest import assert_no_axe_violations, keep_on_loopback
from tests.browser.test_admin_csp import PASSWORD, sign_in
from tests.browser.test_editor_tools import csp_watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_sign_in_to_two_factor_settings_and_back(browser, live_server, live_course, axe, foreign_requests):
    user = get_user_model().objects.create_user("editor1", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    page = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844}).new_page()
    keep_on_loopback(page, live_server, foreign_requests)
    problems = csp_watch(page)

    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("[data-quick-exit]").count() == 0
    assert page.get_by_role("link", name="I have a code").count() == 0
    assert_no_axe_violations(axe, page)

    sign_in(page, live_server, "editor1")
    page.goto(f"{live_server.url}/admin/account/")
    page.get_by_role("tab", name="More actions").click()
    page.get_by_role("link", name="Two-factor authentication").first.click()
    page.wait_for_url("**/accounts/2fa/**")
    assert_no_axe_violations(axe, page)
    page.get_by_role("link", name="Back to the admin").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert problems == []
    assert foreign_requests == []
