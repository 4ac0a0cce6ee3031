"""The pages where Samspel explains itself, as a visitor on a phone finds them: from the footer
of any page, in sv, da and en, axe-clean; and the theme pages' headings in order."""

from io import StringIO

import pytest
from django.core.management import call_command

from modules.models import ThemePage
from tests.browser.conftest import assert_no_axe_violations, keep_on_loopback
from tests.siteinfo.test_info_pages import info_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    for command in ("load_demo_course", "load_demo_help_lines", "load_demo_info_pages"):
        call_command(command, stdout=StringIO())


def test_the_footer_leads_to_every_information_page_axe_clean(browser, live_server, demo, axe, foreign_requests):
    for code, locale in (("sv", "sv-SE"), ("da", "da-DK"), ("en", "en-GB")):
        context = browser.new_context(viewport={"width": 320, "height": 640}, locale=locale)
        page = keep_on_loopback(context.new_page(), live_server, foreign_requests)
        expected = list(info_pages(code).live().order_by("path"))
        for index, info in enumerate(expected):
            page.goto(f"{live_server.url}/{code}/")
            links = page.locator(".footer-links a")
            assert links.count() == len(expected) == 4
            links.nth(index).click()
            page.wait_for_url(live_server.url + info.url)
            assert page.locator("h1").inner_text() == info.title
            assert_no_axe_violations(axe, page)
        theme = ThemePage.objects.live().filter(locale__language_code=code).first()
        page.goto(live_server.url + theme.url)
        levels = page.eval_on_selector_all("main h1, main h2, main h3", "hs => hs.map(h => Number(h.tagName[1]))")
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels  # no h1 → h3 skip
        assert_no_axe_violations(axe, page)
        context.close()
    assert foreign_requests == []
