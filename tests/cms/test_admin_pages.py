"""Our admin pages are headed by their own name, not by Wagtail's "Home"."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url_name", "title"),
    [
        ("content_status", "Translation status"),
        ("usage_statistics", "Usage statistics"),
        ("usage_export_log", "Export log"),
        ("help_lines_to_check", "Help lines to check"),
    ],
)
def test_admin_page_heading_is_its_own_name(admin_client, url_name, title):
    html = admin_client.get(reverse(url_name)).content.decode()
    heading = strip_tags(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()
    with translation.override("sv"):
        assert heading == translation.gettext(title)
