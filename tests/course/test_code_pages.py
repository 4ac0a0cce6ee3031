"""The code pages, tried as a parent in a hard week would: a reload, a second press of "start",
a typo, an empty field. None of them issues an unwanted code, loses a code or locks anyone out."""

import re
from datetime import date

import pytest
from django.test import Client

from course import codes
from course.models import Participant
from tests.course.conftest import CODE_PATTERN, COOKIE, start

pytestmark = pytest.mark.django_db


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_reloading_the_code_page_shows_the_same_code_and_makes_no_new_participant(client, course):
    code = start(client)
    for _ in range(3):  # the reload, and the Back-and-forward after it
        html = client.get("/sv/start/code/").content.decode()
        assert CODE_PATTERN.search(html).group(1) == code
    assert Participant.objects.count() == 1
    assert "no-store" in client.get("/sv/start/code/")["Cache-Control"]
    # Without a code on this device there is nothing to show: back to the start.
    response = Client().get("/sv/start/code/")
    assert response.status_code == 302 and response["Location"] == "/sv/start/"


def test_start_again_while_holding_a_code_asks_first_and_keeps_the_old_code(client, course):
    old = start(client)
    page = client.get("/sv/start/").content.decode()
    assert "data-holds-code" in page and 'href="/sv/my-progress/"' in page
    cookie = client.cookies[COOKIE].value
    # Pressing "give me a new code" without saying yes: asked, nothing replaced.
    response = client.post("/sv/start/", {"device": "own"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-error-summary" in html and 'href="#id_replace"' in html
    assert title(html).startswith("Fel:")
    assert Participant.objects.count() == 1 and client.cookies[COOKIE].value == cookie
    # Saying yes: a new code for this device; the old one still works elsewhere.
    new = start(client, replace="on")
    assert new != old and Participant.objects.count() == 2
    elsewhere = Client()
    assert elsewhere.post("/sv/resume/", {"code": old, "device": "shared"}).status_code == 302


def test_the_device_choice_is_never_made_for_the_parent(client, course):
    page = client.get("/sv/start/").content.decode()
    assert 'name="device"' in page and "checked" not in page
    assert page.count('class="hint"') == 2  # each choice explained
    response = client.post("/sv/start/", {})
    html = response.content.decode()
    assert response.status_code == 200 and Participant.objects.count() == 0
    assert "Välj om det här är din egen enhet eller en som du delar med andra." in html
    assert 'href="#id_device_0"' in html and COOKIE not in client.cookies


def test_an_empty_resume_gets_a_human_answer_at_the_field(client, course):
    html = client.post("/sv/resume/", {"code": "", "device": "own"}).content.decode()
    assert "This field is required" not in html and "Detta fält måste fyllas i" not in html
    assert "Skriv koden du fick" in html
    assert title(html).startswith("Fel:")
    assert 'href="#id_code"' in html and 'aria-describedby="code-help id_code-error"' in html
    assert 'id="id_code-error"' in html and 'aria-invalid="true"' in html


def test_what_was_typed_stays_in_the_field(client, course):
    typed = "k7qx 4m2p 9dht w3rb 7"
    html = client.post("/sv/resume/", {"code": typed, "device": "own"}).content.decode()
    assert f'value="{typed}"' in html
    hostile = '"><script>alert(1)</script>'
    html = client.post("/sv/resume/", {"code": hostile, "device": "own"}).content.decode()
    assert "<script>alert(1)" not in html and "&quot;&gt;&lt;script&gt;" in html


def test_typos_never_lock_a_parent_out_only_unknown_codes_count(client, course, settings):
    code = start(Client())
    body = code.replace("-", "")
    typo = body[:5] + ("X" if body[5] != "X" else "Y") + body[6:]
    limit = settings.RESUME_RATE_LIMIT[0]
    for attempt in ["", "K7QX", typo, "K7QX-4M2P-9DHT-W3RB-ÅÄ"] * limit:  # 4 x 10 mistakes, none counted
        assert client.post("/sv/resume/", {"code": attempt, "device": "own"}).status_code == 200
    assert client.post("/sv/resume/", {"code": code, "device": "own"}).status_code == 302
    # Well-formed codes that are nobody's do count: the limit still stops a guesser.
    guesser = Client(REMOTE_ADDR="192.0.2.9")
    for _ in range(limit):
        assert guesser.post("/sv/resume/", {"code": codes.generate(), "device": "own"}).status_code == 200
    assert guesser.post("/sv/resume/", {"code": code, "device": "own"}).status_code == 429


def old_participant():
    """A parent who got their code before the GF(32) check symbol (marked by migration course 0008)."""
    body = "K7QX4M2P9DHTW3RB"
    normalized = body + codes.legacy_check_symbol(body)
    Participant.objects.create(
        code_hash=codes.code_hash(normalized),
        language="sv",
        started_on=date.today(),
        last_active_on=date.today(),
        legacy_check=True,
    )
    return codes.format_code(normalized)


def test_a_code_issued_before_the_new_check_symbol_still_works(client, course):
    old = old_participant()
    response = client.post("/sv/resume/", {"code": old.lower(), "device": "own"})
    assert response.status_code == 302 and response["Location"] == "/sv/my-progress/"
    assert client.get("/sv/my-progress/").status_code == 200  # the cookie with the old code is read too


def test_the_old_check_symbol_is_no_way_round_the_limit(course, settings):
    """Codes that pass only the old check are looked up among old codes, and count when unknown."""
    old_participant()
    guesser = Client(REMOTE_ADDR="192.0.2.10")
    limit = settings.RESUME_RATE_LIMIT[0]
    for _ in range(limit):
        body = codes.normalize(codes.generate())[:16]
        guess = codes.format_code(body + codes.legacy_check_symbol(body))
        assert guesser.post("/sv/resume/", {"code": guess, "device": "own"}).status_code == 200
    assert guesser.post("/sv/resume/", {"code": codes.generate(), "device": "own"}).status_code == 429
