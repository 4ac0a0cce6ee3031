"""Test settings: built on base, never on dev. DATABASE_URL picks PostgreSQL."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105  # test settings only  # nosec B105
RESUME_CODE_SECRET = "test-only-resume-code-secret"  # noqa: S105  # test settings only  # nosec B105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS  # noqa: F405
    # A file (in memory, on tmpfs where there is one) rather than ":memory:": an in-memory test
    # database is one connection shared by the live server's threads, and two requests at once
    # (a preview refresh beside Wagtail's editing-session ping) break each other's savepoints.
    # With a file, each thread has its own connection and SQLite's locking keeps them apart.
    _memory = Path("/dev/shm")  # noqa: S108  # nosec B108  # the parent of a private directory made below
    _directory = tempfile.mkdtemp(prefix="samspel-test-", dir=_memory if _memory.is_dir() else None)
    atexit.register(shutil.rmtree, _directory, ignore_errors=True)
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(_directory, "db.sqlite3")}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests never leave the machine: the quick exit goes to a loopback address.
QUICK_EXIT_PREFIX = "http://127.0.0.1:9/neutral/"
QUICK_EXIT_URLS = {code: f"{QUICK_EXIT_PREFIX}{code}" for code in ("sv", "da", "en")}
