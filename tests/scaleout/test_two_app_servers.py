"""Two app servers on one PostgreSQL and one Redis behave as one site.

Each server is gunicorn with production settings on its own loopback port,
started against the test database. Runs in `make test`'s PostgreSQL pass (and
wherever redis-server is installed); on SQLite there is nothing to share.
"""

import http.client
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from bench.stack import AppServer, collect_static, production_env
from course import codes

pytestmark = pytest.mark.django_db(transaction=True)
CSRF_SECRET = "scaleoutscaleoutscaleoutscaleout"
PASSWORD = "a long staff passphrase"


@pytest.fixture(scope="module")
def static_files_collected():
    collect_static(production_env("postgres://unused"))


@pytest.fixture
def two_servers(redis_server, tmp_path, static_files_collected):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: runs in make test's PostgreSQL pass")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = production_env(url, redis_server.url)
    servers = [AppServer(env, tmp_path / f"app{i}.log", workers=1) for i in (1, 2)]
    for server in servers:
        server.start()
    yield servers
    for server in servers:
        server.stop()


class Visitor:
    """A client with its own cookies, sent over plain HTTP to any of the servers (Secure or not)."""

    def __init__(self):
        self.cookies = {"csrftoken": CSRF_SECRET}

    def request(self, server, method, path, data=None):
        address = urlsplit(server.url)
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=20)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data)
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": self.cookies["csrftoken"]}
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        content = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        conn.close()
        return response.status, response.headers, content

    def get(self, server, path):
        return self.request(server, "GET", path)

    def post(self, server, path, data):
        return self.request(server, "POST", path, data)


def test_progress_written_through_one_is_read_through_the_other(two_servers, course):
    one, other = two_servers
    lesson = course["sv"]["lessons"][0]
    parent = Visitor()
    status, headers, _html = parent.post(one, "/sv/start/", {"device": "own"})
    assert status == 302 and "samspel_code" in parent.cookies
    status, _headers, html = parent.get(other, headers["Location"])  # the code, shown by the other server
    assert status == 200 and 'class="resume-code"' in html
    status, _headers, html = parent.get(other, lesson.url)
    assert status == 200 and 'class="status done"' not in html
    status, headers, _html = parent.post(one, "/sv/progress/complete/", {"page": lesson.pk})
    assert status == 302, headers
    status, _headers, html = parent.get(other, lesson.url)
    assert status == 200 and 'class="status done"' in html


def test_resume_attempts_are_counted_across_both(two_servers, course):
    limit, _window = settings.RESUME_RATE_LIMIT
    guesser = Visitor()
    statuses = []
    for attempt in range(limit + 2):
        server = two_servers[attempt % 2]
        status, _headers, _html = guesser.post(server, "/sv/resume/", {"code": codes.generate(), "device": "own"})
        statuses.append(status)
    # Each server alone saw only half the attempts; together they reached the limit.
    assert statuses == [200] * limit + [429, 429]


def test_a_publish_through_one_is_seen_through_the_other_at_once(two_servers, course):
    one, other = two_servers
    lesson = course["sv"]["lessons"][0]
    reader = Visitor()
    assert lesson.title in reader.get(other, lesson.url)[2]
    assert reader.get(other, lesson.url)[2]  # now from the shared cache

    staff = get_user_model().objects.create_superuser("editor1")
    staff.password = PBKDF2PasswordHasher().encode(PASSWORD, "scaleoutsalt")  # what production settings check
    staff.save()
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    assert Authenticator.objects.filter(user=staff).exists()
    editor = Visitor()
    status, headers, _html = editor.post(one, "/accounts/login/", {"login": "editor1", "password": PASSWORD})
    assert status == 302 and "2fa/authenticate" in headers["Location"]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    status, _headers, _html = editor.post(one, "/accounts/2fa/authenticate/", {"code": code})
    assert status == 302 and "sessionid" in editor.cookies

    draft = lesson.specific
    draft.title = "En alldeles ny rubrik"
    draft.save_revision()
    status, _headers, _html = editor.post(one, f"/admin/bulk/wagtailcore/page/publish/?id={lesson.pk}", {})
    assert status == 302
    status, _headers, html = reader.get(other, lesson.url)
    assert status == 200 and "En alldeles ny rubrik" in html


def test_without_redis_both_keep_answering_and_say_so_once(two_servers, course, redis_server):
    lesson = course["sv"]["lessons"][0]
    parent = Visitor()
    parent.post(two_servers[0], "/sv/start/", {"device": "own"})
    redis_server.stop()
    for server in two_servers:
        for visitor in (Visitor(), parent):
            status, _headers, html = visitor.get(server, lesson.url)
            assert status == 200 and lesson.title in html
        status, _headers, _html = Visitor().post(server, "/sv/resume/", {"code": codes.generate(), "device": "own"})
        assert status == 200  # counted locally meanwhile, not a 500
        assert server.log().count("Redis is not answering") == 1
    status, _headers, _html = parent.post(two_servers[1], "/sv/progress/complete/", {"page": lesson.pk})
    assert status == 302
    redis_server.start()
    for server in two_servers:
        assert server.log().count("Traceback") == 0
