"""Error pages are translated, in the site's frame, with the right status; /healthz tells the truth."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db


def test_404_is_translated_and_framed(client, course):
    response = client.get("/sv/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Vi hittade inte sidan" in html
    assert "data-quick-exit" in html and 'id="main"' in html

    response = client.get("/da/findes-ikke/")
    assert response.status_code == 404
    assert "Vi kunne ikke finde siden" in response.content.decode()


def test_csrf_failure_is_a_friendly_translated_403(course):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "x", "password": "y"}, headers={"accept-language": "sv"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formuläret hade gått ut" in html
    assert "Ingenting har sparats" in html


def test_400_and_500_pages(rf, course):
    from cms import views

    request = rf.get("/sv/")
    bad = views.bad_request(request)
    assert bad.status_code == 400
    error = views.server_error(request)
    assert error.status_code == 500
    assert b"data-quick-exit" in error.content


def test_500_from_a_view_renders_our_page(client, course):
    client.raise_request_exception = False
    with mock.patch("modules.models.CourseHomePage.get_context", side_effect=RuntimeError("boom")):
        response = client.get("/en/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "boom" not in response.content.decode()


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_503_when_database_does_not_answer(client):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_database_outage_on_a_page_gives_translated_503(client, course):
    client.raise_request_exception = False
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("gone")):
        response = client.get("/sv/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Tjänsten är tillfälligt otillgänglig" in response.content.decode()
