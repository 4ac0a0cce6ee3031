"""Production: every secret and host comes from the environment, or we refuse to start."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"Samspel refuses to start: the environment variable {name} is not set. "
            "See README.md, section 'Production settings'."
        )
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
RESUME_CODE_SECRET = _required("RESUME_CODE_SECRET")
if RESUME_CODE_SECRET == SECRET_KEY:
    raise ImproperlyConfigured("Samspel refuses to start: RESUME_CODE_SECRET must differ from SECRET_KEY.")
ALLOWED_HOSTS = [h.strip() for h in _required("ALLOWED_HOSTS").split(",") if h.strip()]
# Persistent connections. Not health-checked before each request: that check is a round trip
# on every request. A connection that failed (PostgreSQL restarted) is closed at the end of
# that request, so each worker answers one more friendly 503 after a restart, then recovers.
DATABASES = {"default": dj_database_url.parse(_required("DATABASE_URL"), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("Samspel refuses to start: DATABASE_URL must point at PostgreSQL.")

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
# QUICK_EXIT_URL_SV, QUICK_EXIT_URL_DA, QUICK_EXIT_URL_EN: each language's neutral site.
QUICK_EXIT_URLS = {
    code: os.environ.get(f"QUICK_EXIT_URL_{code.upper()}", url)
    for code, url in QUICK_EXIT_URLS.items()  # noqa: F405
}
SAMSPEL_COUNTRY = os.environ.get("SAMSPEL_COUNTRY", SAMSPEL_COUNTRY)  # noqa: F405
SAMSPEL_TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "1"))  # nginx in front, see docs
SAMSPEL_TRUSTED_PROXY_ADDRESSES = tuple(
    a.strip() for a in os.environ.get("TRUSTED_PROXY_ADDRESSES", "127.0.0.1,::1").split(",") if a.strip()
)
ALLAUTH_TRUSTED_PROXY_COUNT = SAMSPEL_TRUSTED_PROXIES
PARTICIPANT_RETENTION_DAYS = int(os.environ.get("PARTICIPANT_RETENTION_DAYS", "365"))

# Staff password resets: SMTP from the environment (README, "Production settings").
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() != "false"
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "cms.mail.NoMailServerBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"samspel@{ALLOWED_HOSTS[0]}")

SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SAMSPEL_REQUIRE_STAFF_MFA = True

# Request logs carry no client address and no query string.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "skip_database_outage": {"()": "cms.logs.SkipDatabaseOutage"},
        "redact_row_values": {"()": "cms.logs.RedactRowValues"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_row_values"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {
            "handlers": ["console"],
            "level": "ERROR",
            "propagate": False,
            "filters": ["skip_database_outage"],
        },
        "samspel": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
