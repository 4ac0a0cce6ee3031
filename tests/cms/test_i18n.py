"""Three languages, prefixed URLs, a browser-chosen redirect and complete catalogues."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "target"),
    [("da-DK,da;q=0.9", "/da/"), ("en-GB,en;q=0.8", "/en/"), ("sv-SE", "/sv/"), ("fr-FR", "/sv/"), ("", "/sv/")],
)
def test_root_redirects_by_accept_language(client, accept, target):
    response = client.get("/", headers={"accept-language": accept} if accept else {})
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(("code", "skip_text"), [("sv", "Hoppa till innehållet"), ("da", "Spring til indholdet")])
def test_home_is_served_in_each_language(client, course, code, skip_text):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert skip_text in html
    assert course[code]["home"].title in html


def test_language_switcher_links_translations_with_hreflang(client, course):
    lesson = course["sv"]["lessons"][0]
    html = client.get(lesson.url).content.decode()
    for code in ("da", "en"):
        translation = course[code]["lessons"][0]
        assert f'href="{translation.url}" hreflang="{code}"' in html


def test_switcher_omits_languages_without_a_live_translation(client, course):
    course["en"]["lessons"][0].unpublish()
    html = client.get(course["sv"]["lessons"][0].url).content.decode()
    assert 'hreflang="da"' in html
    assert 'hreflang="en"' not in html


@pytest.mark.parametrize("code", ["sv", "da"])
def test_catalogue_is_complete(code):
    po = Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
    assert re.search(r"\d+ translated message", result.stderr)


def test_catalogue_covers_every_string_in_the_code(tmp_path):
    """makemessages over a copy of the code, merged into a copy of our catalogues, leaves nothing untranslated."""
    root = Path(settings.BASE_DIR)
    for name in ("cms", "modules", "course", "childmodule", "locale"):
        shutil.copytree(root / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(root / "manage.py", tmp_path)
    command = [sys.executable, "manage.py", "makemessages", "-l", "sv", "-l", "da", "--no-location", "-v", "0"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    subprocess.run(command, cwd=tmp_path, env=env, check=True, capture_output=True)
    for code in ("sv", "da"):
        result = subprocess.run(
            [
                "msgfmt",
                "--statistics",
                "-o",
                "/dev/null",
                str(tmp_path / "locale" / code / "LC_MESSAGES" / "django.po"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, (code, result.stderr)
