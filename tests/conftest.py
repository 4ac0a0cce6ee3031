import os

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

# Sync Playwright runs an event loop in this thread; the ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, kept from calling home."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached pages never leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def course(db):
    """A small published course in sv, da and en, served as the site."""
    from tests.modules.factories import build_course

    return build_course()


@pytest.fixture(scope="session")
def migrated_state(django_db_setup, django_db_blocker):
    """The database as migrations left it (root page, locale, groups, workflow), captured once."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _restore_migrated_state(request):
    """Transactional tests flush everything, including what migrations created. Django's
    serialized rollback keeps that on the connection object, which Playwright's event
    loop does not always share, so transactional tests restore it themselves."""
    marker = request.node.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction"):
        return
    migrated_state = request.getfixturevalue("migrated_state")
    request.getfixturevalue("transactional_db")
    from wagtail.models import Page

    if not Page.objects.filter(depth=1).exists():
        # The flush re-ran post_migrate (content types, permissions): start from empty instead.
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(migrated_state)
        # The restored rows carry their ids; move PostgreSQL's sequences past them.
        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


@pytest.fixture
def redis_server():
    """A throwaway redis-server on a free loopback port, with `.stop()` and `.start()` for outages."""
    import shutil

    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (scripts/system-packages.sh redis)")
    from bench.stack import RedisServer

    server = RedisServer()
    server.start()
    yield server
    server.stop()
