"""Public pages cost a constant number of queries, however big the course is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.modules.factories import DilemmaFactory, LessonPageFactory, LocaleFactory, build_course, lesson_body

pytestmark = pytest.mark.django_db

# The demo course has 3 themes, 6 modules and about 14 lessons; this is twice that and more.
BIG = {"themes": 3, "modules_per_theme": 4, "lessons_per_module": 4}
# Wagtail routes a lesson URL with one query per tree level; the rest is a fixed handful.
MAX_QUERIES = 20


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def big_course(db):
    return build_course(languages=("sv", "da"), **BIG)


def test_pages_stay_within_the_budget(client, big_course, django_assert_max_num_queries):
    tree = big_course["sv"]
    for page in (tree["home"], tree["themes"][0], tree["modules"][0], tree["lessons"][0]):
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(page.url)


def test_query_count_does_not_grow_with_the_course(client, big_course):
    tree = big_course["sv"]
    urls = [tree["home"].url, tree["modules"][0].url, tree["lessons"][0].url]
    before = [count_queries(client, url) for url in urls]

    # Double the lessons of every module, each with more blocks and more dilemmas.
    locale = LocaleFactory(language_code="sv")
    for module in tree["modules"]:
        for _ in range(BIG["lessons_per_module"]):
            dilemmas = [DilemmaFactory(locale=locale) for _ in range(3)]
            body = lesson_body(tree["story"], dilemmas[0], [module.sources.first()])
            body += [("dilemma", dilemma) for dilemma in dilemmas[1:]]
            LessonPageFactory(parent=module, locale=locale, body=body)
    first = tree["lessons"][0]
    first.body = [(block.block_type, block.value) for block in first.body] + [("dilemma", d) for d in dilemmas]
    first.save_revision().publish()

    after = [count_queries(client, url) for url in urls]
    assert after == before
