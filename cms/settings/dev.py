"""Local development: embedded SQLite and local-memory cache, nothing to configure."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-samspel"  # noqa: S105  # development only, never production  # nosec B105
RESUME_CODE_SECRET = "dev-only-resume-code-secret"  # noqa: S105  # development only  # nosec B105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
SAMSPEL_DEMO_ACCOUNTS = True
