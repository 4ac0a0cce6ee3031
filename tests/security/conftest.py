import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth import get_user_model

from tests.course.conftest import participant_client  # noqa: F401 (a fixture)

PASSWORD = "a long staff passphrase"


@pytest.fixture
def production_mfa(settings):
    settings.SAMSPEL_REQUIRE_STAFF_MFA = True


@pytest.fixture
def staff_with_totp(db):
    """A superuser who has set up TOTP; `.totp_code()` gives the current code."""
    user = get_user_model().objects.create_superuser("reviewer1", password=PASSWORD)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    user.totp_code = lambda: format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    return user
