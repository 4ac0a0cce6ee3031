"""About, privacy, accessibility and contact: editable pages in every language, linked from
every page's footer, with English titles marked for screen readers."""

import re
import tomllib
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.text import slugify
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.contrib.redirects.models import Redirect

from modules.demo_loader import slug_for
from modules.models import ModulePage, ThemePage
from siteinfo.demo_loader import DEMO_DIR, text_html
from siteinfo.models import TEXT_FEATURES, InfoPage

LANGUAGES = ("sv", "da", "en")


def info_pages(language):
    return InfoPage.objects.filter(locale__language_code=language)


@pytest.fixture
def demo(db):
    call_command("load_demo_course", stdout=StringIO())
    call_command("load_demo_help_lines", stdout=StringIO())
    call_command("load_demo_info_pages", stdout=StringIO())


def footer(html):
    return html.split('<footer class="site-footer">', 1)[1]


def test_the_four_pages_exist_in_every_language_under_the_course_home(demo):
    with open(DEMO_DIR / "pages.toml", "rb") as handle:
        items = tomllib.load(handle)["page"]
    assert [item["key"] for item in items] == ["about", "privacy", "accessibility", "contact"]
    for code in LANGUAGES:
        pages = list(info_pages(code).live().order_by("path"))
        assert [page.slug for page in pages] == [item["slug"][code] for item in items]
        assert all(page.get_parent().specific.__class__.__name__ == "CourseHomePage" for page in pages)
        assert all(page.specific.body and page.specific.intro for page in pages)


def test_every_page_links_to_them_in_its_own_language(client, demo):
    for code in LANGUAGES:
        pages = list(info_pages(code).live().order_by("path"))
        module = ModulePage.objects.live().filter(locale__language_code=code).first()
        for url in (f"/{code}/", module.url, f"/{code}/help/", f"/{code}/start/", pages[0].url):
            links = re.findall(r'<a href="([^"]+)">', footer(client.get(url).content.decode()))
            assert links == [page.url for page in pages], (code, url)


def test_a_page_an_editor_hides_from_menus_leaves_the_footer_at_once(client, demo):
    contact = InfoPage.objects.get(locale__language_code="sv", slug="kontakt")
    assert contact.url in footer(client.get("/sv/").content.decode())
    contact.show_in_menus = False
    contact.save_revision().publish()
    assert contact.url not in footer(client.get("/sv/").content.decode())


def test_english_titles_on_swedish_and_danish_pages_are_marked(client, demo):
    for code in ("sv", "da"):
        about = InfoPage.objects.get(locale__language_code=code, slug="om-samspel")
        html = client.get(about.url).content.decode()
        assert '<span lang="en">Randomized controlled trial study' in html
        assert '<a href="https://doi.org/10.1037/fam0000635">' in html
    module = ModulePage.objects.live().filter(locale__language_code="sv").first()
    evidence = client.get(module.get_children().live().first().url).content.decode()
    if "evidence" in evidence:
        assert re.search(r'<span lang="(en|sv|da)">', evidence)


def test_the_english_mark_survives_the_editor():
    html = '<p>Studien <span lang="en">Cooperation after divorce</span> visar.</p>'
    converter = ContentstateConverter(features=TEXT_FEATURES)
    saved = converter.to_database_format(converter.from_database_format(html))
    assert re.sub(r' data-block-key="\w+"', "", saved) == html


def test_the_demo_markup_is_escaped_and_makes_lists_and_links():
    html = text_html("Text <b>fet</b> [här](/sv/help/).\n\n- ett\n- {en}two{/en}")
    assert html == (
        '<p>Text &lt;b&gt;fet&lt;/b&gt; <a href="/sv/help/">här</a>.</p>'
        '<ul><li>ett</li><li><span lang="en">two</span></li></ul>'
    )


def test_addresses_keep_their_letters_and_dashes():
    assert slug_for("För barn", "sv") == "for-barn"
    assert slug_for("For børn", "da") == "for-boern"
    assert slug_for("3–5 år", "sv") == "3-5-ar"
    assert slug_for("Børn på 3–5 år", "da") == "boern-paa-3-5-aar"


def test_a_demo_page_at_an_old_address_moves_and_the_old_address_redirects(
    client, demo, django_capture_on_commit_callbacks
):
    theme = ThemePage.objects.filter(locale__language_code="da").first()
    theme.slug = slugify(theme.title)  # where older loaders put it: "sadan-reagerer-brn"
    theme.save_revision().publish()
    theme.refresh_from_db()
    old_url = theme.url
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail makes redirects once the move is committed
        call_command("load_demo_course", stdout=StringIO())
    theme.refresh_from_db()
    assert theme.slug == "saadan-reagerer-boern"
    assert Redirect.objects.filter(old_path=old_url.rstrip("/")).exists()
    response = client.get(old_url)
    assert response.status_code in (301, 302) and response["Location"].endswith(theme.url)


def test_a_demo_page_with_an_editors_draft_keeps_its_address(demo):
    theme = ThemePage.objects.filter(locale__language_code="da").first()
    theme.slug = slugify(theme.title)
    theme.save_revision().publish()
    theme.title = theme.title + " (udkast)"
    theme.save_revision()  # a draft, not yet reviewed
    call_command("load_demo_course", stdout=StringIO())
    theme.refresh_from_db()
    assert theme.slug == slugify("Sådan reagerer børn") and theme.has_unpublished_changes
