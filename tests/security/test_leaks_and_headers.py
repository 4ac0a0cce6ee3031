"""What a response, a log line or a row id could give away, and the headers every response carries."""

import logging
import re

import pytest
from django.contrib.auth import get_user_model

from cms.logs import RedactRowValues
from course import journey
from course.models import LessonProgress

pytestmark = pytest.mark.django_db


def test_participant_rows_have_random_ids(course):
    lesson = course["sv"]["lessons"][0]
    people = [journey.start("sv")[0] for _ in range(25)]
    for participant in people:
        journey.complete_lesson(participant, lesson.pk)
    for ids in (
        [p.pk for p in people],
        list(LessonProgress.objects.filter(participant__in=people).values_list("pk", flat=True)),
    ):
        assert ids != sorted(ids) and ids != sorted(ids, reverse=True)  # 2 in 25! by chance
        assert min(ids) > 2**20  # not a counter


def test_a_participant_never_names_their_id(course):
    participant, _code = journey.start("sv")
    assert str(participant.pk) not in str(participant)
    progress = LessonProgress(participant=participant, page_id=1, started_on="2026-12-01")
    assert str(participant.pk) not in str(progress) and str(progress.pk) not in str(progress)


def test_database_errors_in_logs_do_not_name_the_row():
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/sv/progress/complete/",), None
    )
    try:
        raise RuntimeError(
            'insert or update on table "course_lessonprogress" violates foreign key constraint\n'
            "DETAIL:  Key (participant_id)=(4611686018427387904) is not present in table"
        )
    except RuntimeError as error:
        record.exc_info = (type(error), error, error.__traceback__)
    RedactRowValues().filter(record)
    text = logging.Formatter().format(record)
    assert "4611686018427387904" not in text
    assert "Key (participant_id)=(…)" in text


def test_production_logs_pass_through_the_redaction(monkeypatch):
    import importlib
    import sys

    for name, value in {
        "SECRET_KEY": "x" * 50,
        "RESUME_CODE_SECRET": "y" * 50,
        "ALLOWED_HOSTS": "samspel.example.org",
        "DATABASE_URL": "postgres://samspel@127.0.0.1:1/samspel",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, "cms.settings.production", raising=False)
    production = importlib.import_module("cms.settings.production")
    console = production.LOGGING["handlers"]["console"]
    assert production.LOGGING["filters"][console["filters"][0]]["()"] == "cms.logs.RedactRowValues"


@pytest.fixture
def staff_with_email(db):
    return get_user_model().objects.create_superuser("reviewer1", "reviewer1@example.org", "a long staff passphrase")


@pytest.mark.parametrize(
    "backend",
    ["cms.mail.NoMailServerBackend", "django.core.mail.backends.smtp.EmailBackend"],
)
def test_a_password_reset_without_a_mail_server_is_no_500(client, staff_with_email, settings, backend, caplog):
    settings.EMAIL_BACKEND = backend
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    client.raise_request_exception = False
    for email in ("reviewer1@example.org", "nobody@example.org"):
        response = client.post("/accounts/password/reset/", {"email": email})
        assert response.status_code == 302
        assert response["Location"] == "/accounts/password/reset/done/"
    assert any("not" in record.getMessage() and record.name == "samspel.mail" for record in caplog.records)


def test_a_reset_mail_goes_out_where_a_server_is_configured(client, staff_with_email, mailoutbox):
    client.post("/accounts/password/reset/", {"email": "reviewer1@example.org"})
    client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert [message.to for message in mailoutbox] == [["reviewer1@example.org"]]  # nothing to unknown addresses


@pytest.mark.parametrize("language", ["sv", "da", "en"])
def test_the_staff_login_page_invites_nobody_to_sign_up(client, language):
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert "/accounts/signup/" not in html
    assert not re.search(r"sign.?up|registr|opret dig|skapa ett konto", html, re.I)


def test_every_response_keeps_its_resources_to_this_origin(client, course, settings):
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = True  # static files as WhiteNoise serves them
    for path in ("/sv/", "/sv/no-such-page/", "/healthz", "/accounts/login/", "/sv/start/", "/static/css/site.css"):
        response = client.get(path)
        assert response.status_code == (404 if "no-such" in path else 200), path
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", path


def test_cached_anonymous_pages_say_how_they_may_be_cached(client, course):
    lesson = course["sv"]["lessons"][0]
    for response in (client.get(lesson.url), client.get(lesson.url)):  # rendered, then from the cache
        assert response["Cache-Control"] == "no-store"
        assert "Cookie" in response["Vary"]


def test_staff_sign_in_pages_have_the_strict_public_policy(client):
    csp = client.get("/accounts/login/")["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]  # the TOTP QR code
