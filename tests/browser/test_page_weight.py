"""A lesson page stays light: at most 30 KB over the wire, as a phone would fetch it.

How the weight is measured: Chromium loads one lesson page from the live server
(every request stays on that server; the ``page`` fixture aborts anything else),
and every response it receives is counted, whatever its type: the HTML document,
the stylesheet, the script, and any image or SVG icon the page asks for (the
favicon included, when Chromium fetches it). Images and icons are included
because the total stays under the limit with them.

The test server sends everything uncompressed, whereas production does not:
WhiteNoise serves the pre-compressed ``.gz`` of each hashed static file and the
front proxy gzips the HTML. Counting the raw bytes would overstate what a phone
downloads, so for each response the test counts

    the response header bytes Chromium received (``request.sizes()``)
    + for text (HTML, CSS, JS, SVG, JSON): the body compressed with
      ``gzip.compress(body, 9)`` plus the length of ``Content-Encoding: gzip``,
      or the plain body if that is smaller (WhiteNoise, too, keeps no ``.gz``
      that does not pay); for anything else (images, already compressed): the body

and asserts that sum is at most 30 * 1024 bytes. The bytes Chromium actually
received from the test server (headers plus body, uncompressed) are kept in the
failure message with a per-type breakdown. The test also asserts the page made
no foreign request and loaded at least one stylesheet and one script, so it
cannot pass by measuring nothing.
"""

import gzip
from collections import defaultdict

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIMIT = 30 * 1024
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
CONTENT_ENCODING_HEADER = len("Content-Encoding: gzip\r\n")


def kind(response):
    """A short label for the breakdown: html, css, js, svg, image or other."""
    resource = response.request.resource_type
    content_type = response.headers.get("content-type", "")
    if resource == "document":
        return "html"
    if resource == "stylesheet" or content_type.startswith("text/css"):
        return "css"
    if resource == "script" or "javascript" in content_type:
        return "js"
    if "svg" in content_type:
        return "svg"
    if content_type.startswith("image/"):
        return "image"
    return "other"


def weigh(response):
    """(bytes received from the test server, bytes as production would send them gzipped)."""
    body = response.body()
    sizes = response.request.sizes()
    headers = sizes["responseHeadersSize"]
    received = headers + sizes["responseBodySize"]
    content_type = response.headers.get("content-type", "")
    body_on_the_wire = len(body)
    if content_type.startswith(TEXT_TYPES) and body:
        # Like WhiteNoise, keep the plain body when gzip would not make it smaller.
        body_on_the_wire = min(body_on_the_wire, CONTENT_ENCODING_HEADER + len(gzip.compress(body, 9)))
    return received, headers + body_on_the_wire


def test_a_lesson_page_weighs_at_most_30_kb_compressed(page, live_server, live_course, foreign_requests):
    lesson = live_course["sv"]["lessons"][0]
    responses = []
    page.on("response", lambda each: responses.append(each))

    response = page.goto(live_server.url + lesson.url)
    assert response.status == 200
    page.wait_for_load_state("networkidle")

    received = defaultdict(int)
    compressed = defaultdict(int)
    counts = defaultdict(int)
    for each in responses:
        label = kind(each)
        raw, gz = weigh(each)
        received[label] += raw
        compressed[label] += gz
        counts[label] += 1

    assert foreign_requests == []
    assert counts["html"] == 1
    assert counts["css"] >= 1, "no stylesheet was loaded"
    assert counts["js"] >= 1, "no script was loaded"
    assert all(each.status == 200 for each in responses), [(each.url, each.status) for each in responses]

    total = sum(compressed.values())
    breakdown = ", ".join(
        f"{label} ×{counts[label]}: {compressed[label]} B gzipped / {received[label]} B received"
        for label in sorted(counts)
    )
    assert total <= LIMIT, (
        f"{lesson.url} weighs {total} B gzipped (limit {LIMIT} B), "
        f"{sum(received.values())} B uncompressed as received from the test server; {breakdown}"
    )
