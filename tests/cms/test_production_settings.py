"""production.py reads its secrets from the environment and passes --deploy checks."""

import os
import secrets
import subprocess
import sys

import pytest

ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "RESUME_CODE_SECRET": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "samspel.example.org",
    "DATABASE_URL": "postgres://samspel@127.0.0.1:1/samspel",
}


def manage(*args, **env):
    clean = {
        k: v for k, v in os.environ.items() if k not in ENV and k not in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=clean, capture_output=True, text=True, timeout=120, check=False
    )


def test_check_deploy_prints_no_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **ENV, EMAIL_HOST="smtp.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stderr


@pytest.mark.parametrize("missing", sorted(ENV))
def test_refuses_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in ENV.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"environment variable {missing} is not set" in result.stderr


def test_refuses_sqlite_in_production():
    result = manage("check", **{**ENV, "DATABASE_URL": "sqlite:///tmp/x.sqlite3"})
    assert result.returncode != 0
    assert "must point at PostgreSQL" in result.stderr


def test_production_hardening_values():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SAMSPEL_REQUIRE_STAFF_MFA,"
        " s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = manage("shell", "-c", code, **ENV)
    assert result.returncode == 0, result.stderr
    hsts, session_secure, csrf_secure, mfa, ssl_redirect, debug = result.stdout.split()[-6:]
    assert int(hsts) >= 31536000
    assert (session_secure, csrf_secure, mfa, ssl_redirect, debug) == ("True", "True", "True", "True", "False")


@pytest.mark.parametrize(
    ("extra", "warning"),
    [({}, "samspel.W002"), ({"EMAIL_HOST": "smtp.example.org", "TRUSTED_PROXY_ADDRESSES": "*"}, "samspel.W001")],
)
def test_check_deploy_warns_of_what_weakens_a_promise(extra, warning):
    result = manage("check", "--deploy", **ENV, **extra)
    assert warning in result.stdout + result.stderr
