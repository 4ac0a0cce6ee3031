"""Browser tests: Debian's Chromium through Playwright, against the live test server.

Every request the browser makes is checked: anything not on the live server's
own origin is aborted and recorded, so a test can assert there were none.
"""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather forecast</h1></html>"


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started once the test database exists: it then gives each of
    its threads their own connection to the database file (see cms/settings/test.py), instead of
    sharing the test's connection as it does with a database that is still ":memory:"."""
    return live_server


@pytest.fixture(autouse=True)
def close_browser_contexts(request):
    """Close every browser context a test opened. Left open, their admin pages keep pinging the
    server and running scripts through every later test, slowing the whole run on two cores."""
    yield
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            context.close()


@pytest.fixture
def live_course(live_server):
    """The small three-language course, served by the live server."""
    from tests.modules.factories import build_course

    return build_course()


@pytest.fixture
def foreign_requests():
    return []


def keep_on_loopback(target, live_server, foreign_requests):
    """Every request of `target` (a page or a browser context) must stay on the live server;
    the neutral sites of the quick exit are answered locally."""
    own = urlsplit(live_server.url).netloc

    def route(route):
        url = route.request.url
        if url.startswith(settings.QUICK_EXIT_PREFIX):
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
        elif urlsplit(url).netloc == own or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            foreign_requests.append(url)
            route.abort()

    target.route("**/*", route)
    return target


@pytest.fixture
def page(page, live_server, foreign_requests):
    """A page whose requests must all stay on the live server."""
    yield keep_on_loopback(page, live_server, foreign_requests)


@pytest.fixture(scope="session")
def axe():
    return Axe()


def assert_no_axe_violations(axe, page):
    results = axe.run(page)
    violations = results.response["violations"]
    assert not violations, results.generate_report()
