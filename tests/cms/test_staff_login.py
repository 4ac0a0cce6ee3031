"""Staff sign in through django-allauth; production settings demand TOTP before the admin opens."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db
PASSWORD = "a long staff passphrase"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("reviewer1", password=PASSWORD)


def start_totp_setup(client):
    """Signed in, the staff member confirms their password once more, then sees the TOTP set-up."""
    response = client.get("/accounts/2fa/totp/activate/")
    if response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/"):
        client.post(response["Location"], {"password": PASSWORD})
        response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    return client.session[SECRET_SESSION_KEY]


def current_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def activate_totp(client, secret):
    """Sends the current TOTP code; once more if the 30-second window turned before it arrived."""
    for _attempt in range(2):
        client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
        if Authenticator.objects.filter(type=Authenticator.Type.TOTP).exists():
            return


def test_admin_login_goes_through_allauth(client, staff):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    response = client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db(transaction=True)  # allauth announces the new TOTP on commit, still inside the request
def test_mfa_is_required_before_the_admin_under_production_settings(client, staff, settings):
    settings.SAMSPEL_REQUIRE_STAFF_MFA = True
    client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/admin/pages/").status_code == 302

    secret = start_totp_setup(client)
    response = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert not Authenticator.objects.filter(user=staff).exists()
    response = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()

    assert client.get("/admin/").status_code == 200


def test_second_sign_in_asks_for_the_code(client, staff, settings):
    settings.SAMSPEL_REQUIRE_STAFF_MFA = True
    client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    secret = start_totp_setup(client)
    activate_totp(client, secret)
    client.post("/accounts/logout/")

    response = client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not signed in until the code is given


def test_recovery_codes_are_available(client, staff):
    client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    secret = start_totp_setup(client)
    activate_totp(client, secret)
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get("/accounts/2fa/recovery-codes/").status_code == 200


def test_sign_up_is_closed(client):
    response = client.get("/accounts/signup/")
    assert "account/signup_closed.html" in [template.name for template in response.templates]
    client.post("/accounts/signup/", {"username": "intruder", "password1": PASSWORD, "password2": PASSWORD})
    assert not get_user_model().objects.filter(username="intruder").exists()


def test_failed_logins_are_rate_limited(client, staff):
    for _ in range(5):
        response = client.post("/accounts/login/", {"login": "reviewer1", "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert client.get("/admin/").status_code == 302


def test_staff_pages_are_in_the_admins_frame_not_the_parents(client, staff):
    """No quick exit or "I have a code" on a staff page, and a way back to the admin."""
    for url in ("/accounts/login/", "/accounts/password/reset/"):
        html = client.get(url).content.decode()
        assert "wagtailadmin/css/core.css" in html
        assert "data-quick-exit" not in html and "/resume/" not in html and "safety-bar" not in html
        assert "<script" not in html  # so the public site's strict policy is enough
    client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    html = client.get("/accounts/2fa/").content.decode()
    assert 'href="/admin/"' in html and 'href="/accounts/logout/"' in html


def test_the_admin_account_page_links_to_two_factor_settings(client, staff):
    client.post("/accounts/login/", {"login": "reviewer1", "password": PASSWORD})
    assert 'href="/accounts/2fa/"' in client.get("/admin/account/").content.decode()
