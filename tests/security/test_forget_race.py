""" "Forget me" races the participant's own writes, and always wins cleanly.

A parent taps "Forget me" while another tab (or a double click) still completes a
lesson, chooses an option or saves a reflection. Every round must end with the
"forgotten" page, no 500 for anyone, and not one row left for that participant.
The server is the development server (threaded, as `make run` serves) on the
database under test: PostgreSQL in make test's second pass, and SQLite, the
embedded default, in a file as `make run` keeps it.
"""

import http.client
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

from bench.stack import ROOT, free_port, wait_for_http
from course import codes, journey
from tests.course.conftest import dilemma_block, reflection_block
from tests.modules.factories import build_course

pytestmark = pytest.mark.django_db(transaction=True)
CSRF = "forgetraceforgetraceforgetrace00"
TABLES = ("course_lessonprogress", "course_dilemmachoice", "course_reflection", "course_participantweek")
ROUNDS = 50 if connection.vendor == "postgresql" else 12


@pytest.fixture
def lessons():
    tree = build_course(languages=("sv",), themes=1, modules_per_theme=1, lessons_per_module=2)["sv"]
    return tree["lessons"]


def prepare(lessons, rounds):
    """Participants who have already done a little: progress, a choice, a reflection."""
    first, _second = lessons
    dilemma = dilemma_block(first).value
    options = list(dilemma.options.values_list("pk", flat=True))
    block = reflection_block(first).id
    people = []
    for _ in range(rounds):
        participant, code = journey.start("sv")
        code = codes.normalize(code)
        journey.complete_lesson(participant, first.pk)
        journey.choose(participant, dilemma.pk, options[0])
        journey.reflect(participant, code, first.pk, block, "Det var en tung vecka.")
        people.append((participant.pk, code))
    return people, {"dilemma": dilemma.pk, "options": options, "block": block}


class Server:
    """`manage.py runserver` (threaded) on a free loopback port, on the given database."""

    def __init__(self, database_url, log):
        self.port = free_port()
        env = {
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url,
            "PYTHONUNBUFFERED": "1",
        }
        self.log = log
        self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_for_http(f"http://127.0.0.1:{self.port}/healthz")

    def post(self, path, code, data):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "Cookie": f"csrftoken={CSRF}; samspel_code=own.{code}",
            "X-CSRFToken": CSRF,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        conn.request("POST", path, urlencode(data), headers)
        response = conn.getresponse()
        answer = (response.status, response.getheader("Set-Cookie") or "", response.read().decode())
        conn.close()
        return answer

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def database_for_server(tmp_path):
    """A URL other processes can open, and a way to count rows there."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"

        def query(sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchone()[0]

        return url, query, lambda: None
    path = tmp_path / "samspel.sqlite3"

    def copy():  # the in-memory test database, with what the test made, into a file
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)

    def query(sql):
        with sqlite3.connect(path) as db:
            return db.execute(sql).fetchone()[0]

    return f"sqlite:///{path}", query, copy


def race(server, code, lessons, blocks):
    first, second = lessons
    writes = [
        ("/sv/progress/complete/", {"page": second.pk}),
        ("/sv/progress/choose/", {"page": first.pk, "dilemma": blocks["dilemma"], "option": blocks["options"][1]}),
        ("/sv/progress/reflect/", {"page": first.pk, "block": blocks["block"], "text": "Jag skriver vidare."}),
        ("/sv/progress/complete/", {"page": first.pk}),
    ]
    answers = {}
    gate = threading.Barrier(len(writes) + 1)

    def run(name, path, data, delay):
        gate.wait()
        time.sleep(delay)
        answers[name] = server.post(path, code, data)

    threads = [threading.Thread(target=run, args=("forget", "/sv/my-progress/forget/", {}, 0))]
    threads += [
        threading.Thread(target=run, args=(i, path, data, random.uniform(0, 0.01)))  # noqa: S311
        for i, (path, data) in enumerate(writes)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_writes_before_the_forget_are_kept_until_it(lessons, database_for_server, tmp_path):
    """The race's writes are real writes: alone, each one is answered and stored."""
    url, query, publish = database_for_server
    people, blocks = prepare(lessons, 1)
    publish()
    server = Server(url, tmp_path / "server.log")
    try:
        (pk, code), (first, second) = people[0], lessons
        assert server.post("/sv/progress/complete/", code, {"page": second.pk})[0] == 302
        text = {"page": first.pk, "block": blocks["block"], "text": "Jag skriver vidare."}
        assert server.post("/sv/progress/reflect/", code, text)[0] == 302
    finally:
        server.stop()
    assert query(f"SELECT count(*) FROM course_lessonprogress WHERE participant_id = {int(pk)}") == 2  # noqa: S608


def test_forget_wins_every_race_with_the_participants_own_writes(lessons, database_for_server, tmp_path):
    url, query, publish = database_for_server
    people, blocks = prepare(lessons, ROUNDS)
    publish()
    server = Server(url, tmp_path / "server.log")
    try:
        for pk, code in people:
            answers = race(server, code, lessons, blocks)
            status, cookie, html = answers.pop("forget")
            assert status == 200 and 'id="forgotten"' in html
            assert 'samspel_code=""; expires=Thu, 01 Jan 1970' in cookie  # and the code is gone from the device
            assert {status for status, _cookie, _html in answers.values()} <= {302, 403}, answers
            assert query(f"SELECT count(*) FROM course_participant WHERE id = {int(pk)}") == 0  # noqa: S608
            for table in TABLES:
                assert query(f"SELECT count(*) FROM {table} WHERE participant_id = {int(pk)}") == 0  # noqa: S608
    finally:
        server.stop()
    log = Path(server.log).read_text()
    assert "Traceback" not in log, log[-3000:]
