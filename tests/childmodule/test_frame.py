"""The child module's own frame: no parents' course links or breadcrumb; a way home inside the child module."""

import pytest
from bs4 import BeautifulSoup

from tests.childmodule.factories import build_child_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(course):
    return build_child_module(course)


def soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def child_pages(tree):
    return [tree["home"], *tree["bands"], *tree["chapters"]]


@pytest.mark.parametrize("code", ["sv", "da"])
def test_child_pages_have_no_parents_course_links_or_breadcrumb(client, course, tree, code):
    parents_home = course[code]["home"]
    for page in child_pages(tree[code]):
        html = soup(client, page)
        links = {a["href"] for a in html.select("a[href]")}
        assert not {f"/{code}/resume/", f"/{code}/my-progress/", f"/{code}/start/"} & links, page.url
        assert not html.select(".journey-nav"), page.url
        assert parents_home.url not in {a["href"] for a in html.select("header a, main a")}, page.url
        assert not html.select("nav.breadcrumbs"), page.url


@pytest.mark.parametrize("code", ["sv", "da"])
def test_the_brand_leads_to_the_child_module_home_in_this_language(client, tree, code):
    home = tree[code]["home"]
    for page in child_pages(tree[code]):
        brand = soup(client, page).select_one("header .brand")
        assert brand["href"] == home.url, page.url
        assert brand.get_text(strip=True), page.url


def test_quick_exit_and_the_child_help_box_stay(client, tree):
    for page in child_pages(tree["sv"]):
        html = soup(client, page)
        assert html.select_one("[data-quick-exit]")["href"]
        assert html.select_one(".help-link")["href"] == "#child-help-title"
        assert html.select_one("#child-help-title"), page.url


def trail(html):
    nav = html.select_one("main nav.child-trail")
    return [(a["href"], a.get_text(strip=True)) for a in nav.select("a")], nav.select_one('[aria-current="page"]')


def test_a_chapter_leads_back_to_its_age_band_and_the_child_home(client, tree):
    home, band, chapter = tree["da"]["home"], tree["da"]["bands"][2], tree["da"]["chapters"][2]
    links, current = trail(soup(client, chapter))
    assert links == [(home.url, home.title), (band.url, band.title)]
    assert current.get_text(strip=True) == chapter.title


def test_an_age_band_leads_back_to_the_child_home(client, tree):
    home, band = tree["sv"]["home"], tree["sv"]["bands"][0]
    links, current = trail(soup(client, band))
    assert links == [(home.url, home.title)]
    assert current.get_text(strip=True) == band.title


def test_the_child_home_has_no_trail(client, tree):
    assert not soup(client, tree["sv"]["home"]).select("nav.child-trail")


def test_the_footer_points_grown_ups_to_the_parents_guide(client, tree):
    for page in child_pages(tree["sv"]):
        footer = soup(client, page).select_one("footer")
        assert tree["sv"]["guide"].url in {a["href"] for a in footer.select("a[href]")}, page.url
