"""Every page of the child module's demo passes axe-core, in Swedish and Danish."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from childmodule.models import ChildHomePage
from tests.browser.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_child_module_page_passes_axe(page, live_server, axe, foreign_requests):
    call_command("load_demo_course", stdout=StringIO())
    call_command("load_demo_child_module", stdout=StringIO())
    call_command("load_demo_help_lines", stdout=StringIO())
    urls = []
    for home in ChildHomePage.objects.live():
        urls += [p.url for p in Page.objects.live().descendant_of(home, inclusive=True).order_by("path")]
    assert len(urls) >= 2 * (1 + 4 + 12)
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert_no_axe_violations(axe, page)
    assert foreign_requests == []
