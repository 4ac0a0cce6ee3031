"""Twenty simultaneous "I'm done" clicks from one participant leave exactly one completion row."""

import http.cookiejar
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from course.models import LessonProgress

pytestmark = [pytest.mark.django_db(transaction=True)]


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def csrf(jar):
    return next(cookie.value for cookie in jar if cookie.name == "csrftoken")


def post(open_url, url, data, token):
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(data).encode(), headers={"X-CSRFToken": token, "Referer": url}
    )
    try:
        return open_url(request).status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency is shown on PostgreSQL")
def test_concurrent_completions_make_one_row(live_server):
    from tests.modules.factories import build_course

    lesson = build_course(languages=("sv",), themes=1, modules_per_theme=1, lessons_per_module=1)["sv"]["lessons"][0]
    client, jar = opener()
    client.open(f"{live_server.url}/sv/start/")
    assert post(client.open, f"{live_server.url}/sv/start/", {"device": "own"}, csrf(jar)) == 200

    url = f"{live_server.url}/sv/progress/complete/"
    token = csrf(jar)
    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(lambda _: post(client.open, url, {"page": lesson.id}, token), range(20)))
    assert statuses.count(200) == 20  # each redirect to the lesson was followed
    assert LessonProgress.objects.filter(page_id=lesson.id).count() == 1
    assert LessonProgress.objects.get(page_id=lesson.id).completed_on is not None
