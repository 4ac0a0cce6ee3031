"""The Danish admin, drawn in Chromium, shows no Swedish: where Wagtail's Danish catalogues have a gap,
English stands in (cms/i18n.py), scripts and menus included."""

import gettext
import glob
import re
from pathlib import Path

import pytest
import wagtail
from wagtail.users.models import UserProfile

from tests.browser.test_admin_csp import sign_in
from tests.browser.test_editorial_review import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wagtail_catalogue(language):
    """Every string Wagtail's compiled catalogues translate into `language`: {msgid: translation}."""
    strings = {}
    for path in glob.glob(f"{Path(wagtail.__file__).parent}/**/locale/{language}/LC_MESSAGES/*.mo", recursive=True):
        with open(path, "rb") as catalogue:
            for key, text in gettext.GNUTranslations(catalogue)._catalog.items():
                msgid = key[0] if isinstance(key, tuple) else key  # plural forms: (msgid, n)
                if msgid and text:
                    strings.setdefault(msgid, text)
    return strings


def swedish_where_danish_has_a_gap():
    """Wagtail's Swedish for every string its Danish lacks: phrases (with a space, no placeholder)
    that are not also Danish, so that finding one on the page can only mean the Swedish fallback."""
    swedish, danish = wagtail_catalogue("sv"), wagtail_catalogue("da")
    also_danish = {text for text in danish.values() if text}
    return {
        text
        for msgid, text in swedish.items()
        if text and not danish.get(msgid) and text != msgid and " " in text
        if not re.search(r"[%{}]", text) and text not in also_danish
    }


def shown_text(page):
    """What the page shows and says: its text, and the labels screen readers and tooltips give."""
    return page.evaluate(
        """() => [document.body.innerText, ...Array.from(
            document.querySelectorAll('[aria-label], [title], [placeholder], [data-w-tooltip-content-value]'),
            (el) => ['aria-label', 'title', 'placeholder', 'data-w-tooltip-content-value']
                .map((name) => el.getAttribute(name) || '').join('\\n'))].join('\\n')"""
    )


def test_the_danish_page_editor_shows_no_swedish_wagtail_string(browser, live_server, live_course):
    swedish = swedish_where_danish_has_a_gap()
    assert {"Visa historik", "Sätt schema", "Expandera alla"} <= swedish  # (known gaps of Wagtail 8.0.1)
    user = member("Editors", "dansk1")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "da"
    profile.save()
    editor = browser.new_context(locale="da-DK", viewport={"width": 1400, "height": 900}).new_page()
    sign_in(editor, live_server, "dansk1")
    editor.goto(f"{live_server.url}/admin/pages/{live_course['da']['lessons'][0].id}/edit/")
    editor.wait_for_load_state("networkidle")
    texts = [shown_text(editor)]
    # What only shows once opened: the status panel, the more-actions menu, the page's dropdown.
    editor.locator("[data-side-panel-toggle='status']").click()
    editor.locator("[data-side-panel='status']").wait_for()
    texts.append(shown_text(editor))
    editor.locator("[data-side-panel-toggle='status']").click()
    editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    texts.append(shown_text(editor))
    shown = "\n".join(texts)
    assert 'lang="da"' in editor.content()
    assert sorted(text for text in swedish if text in shown) == []
