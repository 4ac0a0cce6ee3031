"""Browser tests: Debian's Chromium through Playwright, against the live test server.

Every request the browser makes is checked: anything not on the live server's
own origin is aborted and recorded, so a test can assert there were none.
"""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather forecast</h1></html>"


@pytest.fixture(scope="session")
def migrated_state(django_db_setup, django_db_blocker):
    """The database as migrations left it (root page, locale, groups, workflow), captured once."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _restore_migrated_state(request, migrated_state):
    """Transactional tests flush everything, including what migrations created. Django's
    serialized rollback keeps that on the connection object, which the browser's event
    loop does not always share, so browser tests restore it themselves."""
    marker = request.node.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    if not Page.objects.filter(depth=1).exists():
        # The flush re-ran post_migrate (content types, permissions): start from empty instead.
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(migrated_state)


@pytest.fixture
def live_course(live_server):
    """The small three-language course on the live server (data survives the flush via serialized rollback)."""
    from tests.modules.factories import build_course

    return build_course()


@pytest.fixture
def foreign_requests():
    return []


@pytest.fixture
def page(page, live_server, foreign_requests):
    """A page whose requests must all stay on the live server; the quick-exit site is answered locally."""
    own = urlsplit(live_server.url).netloc
    exit_url = settings.QUICK_EXIT_URL

    def route(route):
        url = route.request.url
        if url.startswith(exit_url):
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
        elif urlsplit(url).netloc == own or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            foreign_requests.append(url)
            route.abort()

    page.route("**/*", route)
    yield page


@pytest.fixture(scope="session")
def axe():
    return Axe()


def assert_no_axe_violations(axe, page):
    results = axe.run(page)
    violations = results.response["violations"]
    assert not violations, results.generate_report()
