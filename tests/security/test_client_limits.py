"""Limits per client: the right client behind a proxy, no trust in headers from anyone else,
keys nobody can reverse once their window has passed, and codes that cannot be farmed."""

import hashlib
import hmac
import time

import pytest
from django.core.cache import cache

from course import codes
from course.models import Participant
from tests.security.conftest import PASSWORD

pytestmark = pytest.mark.django_db
PROXY = "127.0.0.1"


def behind_proxy(client_address):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_address}


@pytest.fixture
def one_proxy(settings):
    """The operator's one setting (TRUSTED_PROXIES=1); staff logins must count by it too."""
    settings.SAMSPEL_TRUSTED_PROXIES = 1


def test_staff_login_failures_from_one_client_do_not_lock_out_another(client, staff_with_totp, one_proxy):
    for n in range(12):
        client.post("/accounts/login/", {"login": f"made-up-{n}", "password": "x"}, **behind_proxy("203.0.113.5"))
    blocked = client.post(
        "/accounts/login/", {"login": "reviewer1", "password": PASSWORD}, **behind_proxy("203.0.113.5")
    )
    assert blocked.get("Location") != "/accounts/2fa/authenticate/"  # that client is limited

    response = client.post(
        "/accounts/login/", {"login": "reviewer1", "password": PASSWORD}, **behind_proxy("198.51.100.7")
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"  # the password was accepted; TOTP is next


UNKNOWN_CODE = codes.format_code("A" * 16 + codes.check_symbol("A" * 16))  # well formed: it counts


def resume_failures(client, times, **extra):
    return [client.post("/sv/resume/", {"code": UNKNOWN_CODE, "device": "own"}, **extra) for _ in range(times)]


def test_a_direct_client_cannot_choose_its_address_by_header(client, course, one_proxy):
    """The app reached without the proxy: rotating X-Forwarded-For must not reset the count."""
    answers = [
        client.post(
            "/sv/resume/",
            {"code": UNKNOWN_CODE, "device": "own"},
            REMOTE_ADDR="192.0.2.50",
            HTTP_X_FORWARDED_FOR=f"10.0.{n}.1",
        )
        for n in range(12)
    ]
    assert [a.status_code for a in answers[:10]] == [200] * 10
    assert answers[10].status_code == 429


def test_clients_behind_the_proxy_are_counted_apart(client, course, one_proxy):
    assert resume_failures(client, 11, **behind_proxy("203.0.113.5"))[-1].status_code == 429
    assert resume_failures(client, 1, **behind_proxy("198.51.100.7"))[0].status_code == 200


def test_429_says_when_to_come_back(client, course, settings):
    answer = resume_failures(client, 11)[-1]
    assert answer.status_code == 429
    assert 0 < int(answer["Retry-After"]) <= settings.RESUME_RATE_LIMIT[1]


def stored_keys():
    return [key for key in cache._cache if "samspel:limit:" in key]


def test_limit_keys_cannot_be_reversed_with_the_server_secrets(client, course, settings):
    resume_failures(client, 1, REMOTE_ADDR="203.0.113.5")
    (key,) = stored_keys()
    for secret in (settings.SECRET_KEY, settings.RESUME_CODE_SECRET):
        guess = hmac.new(secret.encode(), b"203.0.113.5", hashlib.sha256).hexdigest()[:40]
        assert guess not in key
    assert "203.0.113.5" not in key


def test_a_windows_key_is_gone_once_the_window_has_passed(client, course, settings, monkeypatch):
    resume_failures(client, 3, REMOTE_ADDR="203.0.113.5")
    window = settings.RESUME_RATE_LIMIT[1]
    secrets_now = [key for key in cache._cache if "samspel:limit-key:" in key]
    assert secrets_now
    later = time.time() + window + 120
    monkeypatch.setattr(time, "time", lambda: later)
    assert all(cache.get(key.split(":", 2)[2]) is None for key in secrets_now)  # the key expired with its counts
    answer = resume_failures(client, 1, REMOTE_ADDR="203.0.113.5")[0]
    assert answer.status_code == 200  # and the client starts afresh


def test_codes_are_issued_within_a_limit(client, course, settings):
    limit = settings.START_RATE_LIMIT[0]
    for _ in range(limit):
        assert client.post("/sv/start/", {"device": "shared", "replace": "on"}).status_code == 302
    before = Participant.objects.count()
    answer = client.post("/sv/start/", {"device": "shared", "replace": "on"})
    assert answer.status_code == 429
    assert int(answer["Retry-After"]) > 0
    assert Participant.objects.count() == before
    assert client.post("/sv/start/", {"device": "own", "replace": "on"}, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_an_unused_code_is_not_counted_as_started(course):
    """Codes asked for and never used must not pad "started"."""
    from datetime import date

    from course import journey
    from course.statistics.counting import month_bases
    from course.statistics.period import Period

    journey.start("sv")  # asked for a code, never opened a lesson
    used, _code = journey.start("sv")
    journey.complete_lesson(used, course["sv"]["lessons"][0].pk)
    today = date.today()
    month = Period("month", today.year, today.month)
    assert month_bases([month])[str(month)]["started"] == {"sv": 1, "all": 1}
