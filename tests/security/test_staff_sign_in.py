"""One way in for staff: allauth's, rate-limited, with TOTP used in the very session that opens the admin."""

import pytest
from django.urls import reverse

from tests.security.conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_mfa")]

WAGTAIL_AUTH_URLS = [
    "/admin/login/",
    "/admin/login/?next=/admin/usage-statistics/",
    "/admin/password_reset/",
    "/admin/password_reset/done/",
    "/admin/password_reset/confirm/MQ/set-password/",
    "/admin/password_reset/complete/",
]


def signed_in(client):
    return "_auth_user_id" in client.session


def admin_opens(client):
    return client.get("/admin/").status_code == 200 or client.get("/admin/usage-statistics/").status_code == 200


@pytest.mark.parametrize("url", WAGTAIL_AUTH_URLS)
def test_wagtail_auth_urls_lead_to_allauth_and_never_sign_in(client, staff_with_totp, url):
    for data in ({}, {"username": "reviewer1", "password": PASSWORD}, {"login": "reviewer1", "password": PASSWORD}):
        response = client.post(url, data) if data else client.get(url)
        assert response.status_code in (302, 303, 404, 405)
        if response.status_code in (302, 303):
            assert response["Location"].startswith("/accounts/")
        assert not signed_in(client)
        assert not admin_opens(client)


def test_the_django_admin_is_not_a_door(client, staff_with_totp):
    response = client.post("/django-admin/login/", {"username": "reviewer1", "password": PASSWORD}, follow=True)
    assert response.status_code == 404
    assert not signed_in(client)


def test_wagtail_reverses_its_login_to_allauth(client):
    assert reverse("wagtailadmin_login") == "/admin/login/"
    response = client.get("/admin/")
    assert response["Location"].startswith("/accounts/login/")


def test_a_password_alone_never_opens_the_admin(client, staff_with_totp):
    response = client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not signed_in(client)
    assert not admin_opens(client)
    client.post("/accounts/2fa/authenticate/", {"code": staff_with_totp.totp_code()})
    assert signed_in(client)
    assert client.get("/admin/").status_code == 200


def test_a_session_signed_in_without_totp_is_sent_to_the_totp_step(client, staff_with_totp):
    """However a session got signed in (a door we have not thought of), the admin asks for TOTP in it."""
    client.force_login(staff_with_totp)
    response = client.get("/admin/usage-statistics/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/reauthenticate/?next=%2Fadmin%2Fusage-statistics%2F"
    assert client.get("/admin/").status_code == 302

    response = client.post(response["Location"], {"code": "000000"})
    assert client.get("/admin/").status_code == 302
    response = client.post(
        "/accounts/2fa/reauthenticate/?next=%2Fadmin%2Fusage-statistics%2F", {"code": staff_with_totp.totp_code()}
    )
    assert response["Location"] == "/admin/usage-statistics/"
    assert client.get("/admin/").status_code == 200


def test_mfa_used_by_another_user_does_not_count(client, staff_with_totp, django_user_model):
    client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": staff_with_totp.totp_code()})
    other = django_user_model.objects.create_superuser("editor2", password=PASSWORD)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(other, generate_totp_secret())
    client.force_login(other)  # the session's records name reviewer1, not editor2
    assert client.get("/admin/").status_code == 302


def test_a_locked_account_cannot_sign_in_anywhere(client, staff_with_totp):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "reviewer1", "password": "wrong"})
    response = client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    assert response.get("Location") != "/accounts/2fa/authenticate/"  # not even the TOTP step
    for url in ("/admin/login/", "/accounts/login/"):
        client.post(url, {"username": "reviewer1", "login": "reviewer1", "password": PASSWORD})
        assert not signed_in(client)
    assert not admin_opens(client)


def test_wagtail_logout_signs_out(client, staff_with_totp):
    client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": staff_with_totp.totp_code()})
    assert signed_in(client)
    client.post("/admin/logout/")
    assert not signed_in(client)
