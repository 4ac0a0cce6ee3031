"""Hostile bodies POSTed to every participant form: never a 500, never a write.

Every request here is hostile: either it carries no valid CSRF token, or its body is not
what a browser sends for valid values (UTF-8, application/x-www-form-urlencoded without a
charset or multipart/form-data, one value per field). Non-ASCII digits, invalid UTF-8 (raw
or percent-encoded), NUL bytes, huge values, duplicate fields, wrong or made-up charsets,
odd multipart bodies, JSON, an empty body. For each one:

- the answer is one of 200, 302, 400, 403, 405, 429, never a 500;
- no row of course_participant, course_lessonprogress, course_dilemmachoice,
  course_reflection or course_participantweek is created, changed or deleted;
- no resume code cookie is issued or changed.

Forget me reads no field at all: a request from the participant with a valid CSRF token may
forget them whatever its body, but then completely (every row of theirs gone) or not at all.

Each request runs in a savepoint rolled back after it, so a request that does write cannot
hide the next one's write. `test_catalogue_*` send a fixed list of cases and report every
case that breaks the rule at once; `test_fuzz_*` let Hypothesis combine them.
"""

import json
import traceback
from base64 import b64encode
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.test import Client
from hypothesis import HealthCheck, given, note
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from course import codes, journey
from course.participants import COOKIE
from tests.course.conftest import dilemma_block, reflection_block

pytestmark = pytest.mark.django_db

TABLES = (
    "course_participant",
    "course_lessonprogress",
    "course_dilemmachoice",
    "course_reflection",
    "course_participantweek",
)
ALLOWED = {200, 302, 400, 403, 405, 429}
URLENCODED = "application/x-www-form-urlencoded"
BOUNDARY = "fuzz-b0undary-7c1e"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
CSRF_TOKEN = "fuzzFUZZfuzzFUZZfuzzFUZZfuzzFUZZ"  # a well-formed 32-character secret
OTHER_CSRF_TOKEN = "zzzzYYYYzzzzYYYYzzzzYYYYzzzzYYYY"
HUGE = 300_000  # characters: a few hundred kB, under DATA_UPLOAD_MAX_MEMORY_SIZE
ROOT = Path(settings.BASE_DIR).resolve()

PATHS = {
    "start": "/sv/start/",
    "resume": "/sv/resume/",
    "device": "/sv/my-progress/",
    "forget": "/sv/my-progress/forget/",
    "complete": "/sv/progress/complete/",
    "choose": "/sv/progress/choose/",
    "reflect": "/sv/progress/reflect/",
}
ENDPOINTS = tuple(PATHS)
NUMERIC = {"page", "dilemma", "option"}


class Raw(bytes):
    """A field name or value put into the urlencoded body exactly as it is, not percent-encoded."""


# --- the world: a published course and one participant with some progress ------------------------


class World:
    """The participant's cookie, the valid fields of each form, and one client for every request."""

    def __init__(self, participant_id, cookie, base, other, client):
        self.participant_id = participant_id
        self.cookie = cookie  # "own.<normalized code>"
        self.base = base  # endpoint -> the valid fields, [(name, value)]
        self.other = other  # field -> a second valid value, for duplicate fields
        self.client = client
        self.cases = {}  # endpoint -> its body cases, built once

    def __repr__(self):  # Hypothesis prints a failing example's arguments: not megabytes of cases
        return f"World(participant {self.participant_id})"


@pytest.fixture
def world(course):
    sv = course["sv"]
    lesson0, lesson1, lesson2 = sv["lessons"][:3]
    dilemma = dilemma_block(lesson0).value
    first, second = list(dilemma.options.all())[:2]
    block0, block1 = reflection_block(lesson0).id, reflection_block(lesson1).id
    participant, code = journey.start("sv")
    normalized = codes.normalize(code)
    # Progress a hostile request could change: lesson 0 done, option `first` chosen, an answer on lesson 0.
    # The valid bodies below would each write something new: lesson 1 done, option `second`, an answer on lesson 1.
    journey.complete_lesson(participant, lesson0.pk)
    journey.choose(participant, dilemma.pk, first.pk)
    journey.reflect(participant, normalized, lesson0.pk, block0, "Ett tidigare svar.")
    base = {
        "start": [("device", "own"), ("replace", "on")],  # (this client already holds a code)
        "resume": [("code", code), ("device", "own")],
        "device": [("device", "shared")],
        "forget": [],
        "complete": [("page", str(lesson1.pk))],
        "choose": [("page", str(lesson0.pk)), ("dilemma", str(dilemma.pk)), ("option", str(second.pk))],
        "reflect": [("page", str(lesson1.pk)), ("block", block1), ("text", "Ett nytt svar.")],
    }
    other = {
        "page": str(lesson2.pk),
        "dilemma": str(course["da"]["dilemma"].pk),
        "option": str(first.pk),
        "block": block0,
        "text": "Ett annat svar.",
        "device": "shared",
        "code": "K7QX-4M2P-9DHT-W3RB-G",
        "replace": "",
    }
    client = Client(enforce_csrf_checks=True)
    client.raise_request_exception = False  # a 500 is an answer to look at, not an exception here
    return World(participant.pk, f"own.{normalized}", base, other, client)


# --- building bodies -------------------------------------------------------------------------------


def _quoted(text):
    if isinstance(text, Raw):
        return bytes(text)
    return quote(text, safe="").encode("ascii")


def urlencode(fields):
    return b"&".join(_quoted(name) + b"=" + _quoted(value) for name, value in fields)


def _bytes(value):
    return bytes(value) if isinstance(value, bytes) else value.encode("utf-8")


def part(name, value, headers=b"", disposition=None):
    """One multipart part: bytes for the header block and the content."""
    disposition = disposition if disposition is not None else b'form-data; name="' + _bytes(name) + b'"'
    return b"Content-Disposition: " + disposition + b"\r\n" + headers + b"\r\n" + _bytes(value)


def multipart(parts, boundary=BOUNDARY, close=True):
    dash = b"--" + boundary.encode("ascii")
    body = b"".join(dash + b"\r\n" + p + b"\r\n" for p in parts)
    return body + (dash + b"--\r\n" if close else b"")


def fields_as_parts(fields):
    return [part(name, value) for name, value in fields]


# --- the cases -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    label: str
    body: bytes
    content_type: str = URLENCODED
    csrf: str = "valid"  # "valid", "missing", "wrong" (cookie and header differ), "cookie-only"


def _digits(text, zero):
    return "".join(chr(ord(zero) + int(c)) for c in text)


def numeric_values(valid):
    """Hostile values for a field that holds a page, dilemma or option id."""
    return [
        ("superscript two", "²"),
        ("circled one", "①"),
        ("arabic-indic three", "٣"),
        ("full-width 12", "１２"),
        ("the id in superscript digits", valid.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))),
        ("the id in arabic-indic digits", _digits(valid, "٠")),
        ("the id in full-width digits", _digits(valid, "０")),
        ("the id in devanagari digits", _digits(valid, "०")),
        ("the id then superscript two", valid + "²"),
        ("40 nines (past a bigint)", "9" * 40),
        ("5,000 digits (past int()'s limit)", "9" * 5_000),
        ("300,000 digits", "1" * HUGE),
        ("negative id", "-" + valid),
        ("id with a plus sign", "+" + valid),
        ("id with spaces", f" {valid} "),
        ("id then NUL", valid + "\x00"),
        ("NUL", "\x00"),
        ("hexadecimal id", hex(int(valid))),
        ("id as a float", valid + ".0"),
        ("empty", ""),
        ("percent-encoded invalid UTF-8", Raw(b"%ff%fe")),
        ("raw invalid UTF-8", Raw(b"\xff\xfe")),
        ("id then percent-encoded invalid UTF-8", Raw(valid.encode() + b"%ff")),
        ("id then raw invalid UTF-8", Raw(valid.encode() + b"\xff")),
        ("id then raw NUL", Raw(valid.encode() + b"\x00")),
    ]


def string_values(valid):
    """Hostile values for a choice, a resume code or a block id."""
    full_width = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in valid)
    return [
        ("value then NUL", valid + "\x00"),
        ("NUL", "\x00"),
        ("value in full-width letters", full_width),
        ("superscript two", "²"),
        ("value then circled one", valid + "①"),
        ("300,000 characters", "a" * HUGE),
        ("value repeated to 300 kB", (valid * (HUGE // max(len(valid), 1) + 1))[:HUGE]),
        ("empty", ""),
        ("percent-encoded invalid UTF-8", Raw(b"%ff%fe")),
        ("value then percent-encoded invalid UTF-8", Raw(_quoted(valid) + b"%ff")),
        ("value then raw invalid UTF-8", Raw(_quoted(valid) + b"\xff")),
        ("percent-encoded lone surrogate", Raw(b"%ed%a0%80")),
        ("percent-encoded overlong slash", Raw(b"%c0%af")),
    ]


def text_values(valid):
    """Hostile values for the free text of an answer: its encoding, a NUL (no textarea sends one) or its size."""
    return [
        ("percent-encoded invalid UTF-8", Raw(b"%ff%fe")),
        ("answer then raw invalid UTF-8", Raw(_quoted(valid) + b"\xff")),
        ("answer with a percent-encoded lone surrogate", Raw(_quoted(valid) + b"%ed%a0%80")),
        ("answer with a percent-encoded overlong slash", Raw(_quoted(valid) + b"%c0%af")),
        ("answer with a NUL", valid + "\x00"),
        ("answer of 400 kB", "ord " * 100_000),
        ("answer of 300 kB in one word", "å" * (HUGE // 2)),
    ]


def hostile_values(field, valid):
    if field in NUMERIC:
        return numeric_values(valid)
    if field == "text":
        return text_values(valid)
    return string_values(valid)


def replace(fields, name, value):
    return [(n, value if n == name else v) for n, v in fields]


def value_cases(world, endpoint):
    """One field of an otherwise valid body made hostile, sent urlencoded and as multipart."""
    base = world.base[endpoint]
    cases = []
    for name, valid in base:
        for label, value in hostile_values(name, valid):
            if name == "replace" and value == "":
                continue  # an unticked box, valid without a code (refused with one: tests/course/test_journey.py)
            fields = replace(base, name, value)
            cases.append(Case(f"{name}: {label}", urlencode(fields)))
            if isinstance(value, Raw) and b"%" in value:
                continue  # percent-encoding means nothing in multipart
            raw = bytes(value) if isinstance(value, Raw) else value
            cases.append(
                Case(f"{name}: {label} (multipart)", multipart(fields_as_parts(replace(base, name, raw))), MULTIPART)
            )
    return cases


def body_cases(world, endpoint):
    """Whole bodies that are hostile however valid the values in them are."""
    base = world.base[endpoint]
    valid = urlencode(base)
    text = valid.decode("ascii")
    cases = []
    for name, value in base:
        if name == "replace":
            continue  # optional without a code: a body without it is a valid one (its values are fuzzed above)
        others = [(n, v) for n, v in base if n != name]
        alternative = world.other[name] if world.other[name] != value else "own"  # the device form sends "shared"
        cases += [
            Case(f"{name} twice, valid value last", urlencode([(name, alternative), *base])),
            Case(f"{name} twice, valid value first", urlencode([*base, (name, alternative)])),
            Case(f"{name} twice, garbage first", urlencode([(name, "x"), *base])),
            Case(f"{name} with NUL in its name", urlencode([*others, (name + "\x00", value)])),
            Case(
                f"{name} with raw invalid UTF-8 in its name",
                urlencode([*others, (Raw(name.encode() + b"\xff"), value)]),
            ),
            Case(f"{name} missing, JSON of the form as its name", urlencode([*others, (json.dumps(dict(base)), "")])),
            Case(
                f"multipart: {name} twice, valid value last",
                multipart(fields_as_parts([(name, alternative), *base])),
                MULTIPART,
            ),
            Case(
                f"multipart: {name} sent as a file",
                multipart(
                    [
                        *fields_as_parts(others),
                        part(
                            name,
                            value,
                            b"Content-Type: text/plain\r\n",
                            b'form-data; name="' + name.encode() + b'"; filename="a.txt"',
                        ),
                    ]
                ),
                MULTIPART,
            ),
            Case(
                f"multipart: {name} in a part without a name",
                multipart([*fields_as_parts(others), part(name, value, disposition=b"form-data")]),
                MULTIPART,
            ),
            Case(
                f"multipart: {name} base64-encoded invalid UTF-8",
                multipart(
                    [
                        *fields_as_parts(others),
                        part(name, b64encode(_bytes(value) + b"\xff\xfe"), b"Content-Transfer-Encoding: base64\r\n"),
                    ]
                ),
                MULTIPART,
            ),
            Case(
                f"multipart: {name} in UTF-16 with a charset in its part",
                multipart(
                    [
                        *fields_as_parts(others),
                        part(name, value.encode("utf-16"), b"Content-Type: text/plain; charset=utf-16\r\n"),
                    ]
                ),
                MULTIPART,
            ),
            Case(
                f"multipart: {name} with raw invalid UTF-8 in its name",
                multipart([*fields_as_parts(others), part(Raw(name.encode() + b"\xff"), value)]),
                MULTIPART,
            ),
            Case(
                f"multipart: cut off inside {name}'s headers",
                multipart([*fields_as_parts(others)], close=False)
                + b"--"
                + BOUNDARY.encode()
                + b"\r\nContent-Disposition: form-data; na",
                MULTIPART,
            ),
            Case(
                f"multipart: {name}'s part without the blank line",
                multipart(
                    [
                        *fields_as_parts(others),
                        b'Content-Disposition: form-data; name="' + name.encode() + b'"\r\n' + _bytes(value),
                    ]
                ),
                MULTIPART,
            ),
        ]
    extra_fields = [
        ("extra field of raw invalid UTF-8", valid + b"&x=\xff\xfe"),
        ("extra field of percent-encoded invalid UTF-8", valid + b"&x=%ff%fe"),
        ("raw NUL after the fields", valid + b"\x00"),
        ("raw NUL before the fields", b"\x00" + valid),
        ("raw invalid UTF-8 before the fields", b"\xff\xfe&" + valid),
        ("1,200 fields", b"&".join([b"a=1"] * 1_200) + b"&" + valid),
        ("3 MB body (past DATA_UPLOAD_MAX_MEMORY_SIZE)", valid + b"&pad=" + b"a" * 3_000_000),
    ]
    cases += [Case(label, body.lstrip(b"&")) for label, body in extra_fields]
    latin1_note = urlencode([("note", Raw("för".encode("latin-1")))])
    cases += [
        Case("charset=latin-1", valid, URLENCODED + "; charset=latin-1"),
        Case(
            "charset=latin-1, a latin-1 byte in the body", valid + b"&" + latin1_note, URLENCODED + "; charset=latin-1"
        ),
        Case("charset=utf-16, body in UTF-16 with BOM", text.encode("utf-16"), URLENCODED + "; charset=utf-16"),
        Case(
            "charset=utf-16, body in UTF-16LE without BOM", text.encode("utf-16-le"), URLENCODED + "; charset=utf-16"
        ),
        Case("charset=utf-16, body in ASCII", valid, URLENCODED + "; charset=utf-16"),
        Case("no charset, body in UTF-16LE", text.encode("utf-16-le"), URLENCODED),
        Case("made-up charset", valid, URLENCODED + "; charset=x-fuzz-42"),
        Case("empty charset", valid, URLENCODED + "; charset="),
        Case("quoted charset=utf-16", valid, URLENCODED + '; charset="utf-16"'),
        Case("body in UTF-16 but sent as text/plain", text.encode("utf-16"), "text/plain; charset=utf-16"),
        Case("form sent as text/plain", valid, "text/plain"),
        Case("form sent without a content type", valid, ""),
        Case("empty body", b""),
        Case("empty body as multipart", b"", MULTIPART),
        Case("JSON sent as a form", json.dumps(dict(base)).encode(), URLENCODED),
        Case("JSON sent as JSON", json.dumps(dict(base)).encode(), "application/json"),
        Case("JSON sent as multipart", json.dumps(dict(base)).encode(), MULTIPART),
        Case("multipart without a boundary", multipart(fields_as_parts(base)), "multipart/form-data"),
        Case(
            "multipart with the wrong boundary", multipart(fields_as_parts(base), boundary="other-boundary"), MULTIPART
        ),
        Case(
            "multipart with a 300-character boundary",
            multipart(fields_as_parts(base), boundary="b" * 300),
            "multipart/form-data; boundary=" + "b" * 300,
        ),
        Case("multipart with charset=utf-16", multipart(fields_as_parts(base)), MULTIPART + "; charset=utf-16"),
        Case("multipart with a made-up charset", multipart(fields_as_parts(base)), MULTIPART + "; charset=x-fuzz-42"),
        Case("multipart without its closing boundary", multipart(fields_as_parts(base), close=False), MULTIPART),
        Case("multipart: urlencoded body", valid, MULTIPART),
        Case(
            "multipart: an extra part (x) of raw invalid UTF-8",
            multipart([*fields_as_parts(base), part("x", b"\xff\xfe")]),
            MULTIPART,
        ),
        Case(
            "multipart: an extra part with a 300 kB header",
            multipart([*fields_as_parts(base), part("x", "1", b"X-Pad: " + b"a" * HUGE + b"\r\n")]),
            MULTIPART,
        ),
    ]
    return cases


def csrf_cases(world, endpoint):
    """The valid body (and a hostile one) without a valid CSRF token."""
    valid = urlencode(world.base[endpoint])
    return [
        Case("valid body, no CSRF token", valid, csrf="missing"),
        Case("valid body, wrong CSRF token", valid, csrf="wrong"),
        Case("valid body, CSRF cookie but no token", valid, csrf="cookie-only"),
        Case(
            "valid body as multipart, no CSRF token",
            multipart(fields_as_parts(world.base[endpoint])),
            MULTIPART,
            "missing",
        ),
        Case(
            "valid body, token only in the body, no cookie",
            valid + b"&csrfmiddlewaretoken=" + CSRF_TOKEN.encode(),
            csrf="missing",
        ),
        Case("raw invalid UTF-8, no CSRF token", valid + b"&x=\xff", csrf="missing"),
        Case("charset=utf-16, no CSRF token", valid, URLENCODED + "; charset=utf-16", "missing"),
    ]


def all_cases(world, endpoint):
    return value_cases(world, endpoint) + body_cases(world, endpoint) + csrf_cases(world, endpoint)


# --- sending one case and judging the outcome -------------------------------------------------------


def snapshot():
    """Every row of the participant's tables, as comparable tuples."""
    tables = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (fixed table names)
            columns = [column[0] for column in cursor.description]
            rows = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor.fetchall()]
            tables[table] = (columns, sorted(rows, key=repr))
    return tables


def without_participant(tables, participant_id):
    """The snapshot as it should be once the participant is forgotten."""
    result = {}
    for table, (columns, rows) in tables.items():
        key = columns.index("id" if table == "course_participant" else "participant_id")
        result[table] = (columns, [row for row in rows if row[key] != participant_id])
    return result


def describe_changes(before, after):
    changes = []
    for table in TABLES:
        old, new = set(before[table][1]), set(after[table][1])
        if old != new:
            changes.append(f"{table}: {len(new - old)} row(s) written, {len(old - new)} row(s) removed")
    return "; ".join(changes)


def _where(tb):
    """The innermost frame, and the innermost of this project's frames if that is another one."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return "?"
    ours = [f for f in frames if Path(f.filename).resolve().is_relative_to(ROOT) and ".venv" not in f.filename]
    last = frames[-1]
    where = f"{Path(last.filename).name}:{last.lineno} in {last.name}"
    if ours:
        mine = ours[-1]
        path = Path(mine.filename).resolve().relative_to(ROOT)
        where = f"{path}:{mine.lineno} in {mine.name}" + ("" if mine is last else f" -> {where}")
    return where


def describe_error(error):
    """An exception and the one it happened while handling, if any: type, message, where."""
    text = f"{type(error).__name__}: {str(error)[:160]} ({_where(error.__traceback__)})"
    first = error.__context__
    if first is not None and first is not error:
        text += f", while handling {type(first).__name__}: {str(first)[:120]} ({_where(first.__traceback__)})"
    return text


def describe_body(body):
    shown = repr(body[:90])
    return shown + (f"... ({len(body):,} bytes)" if len(body) > 90 else "")


@dataclass(frozen=True)
class Answer:
    status: int
    cookies: SimpleCookie
    error: str  # what raised, behind a 500


def send(world, endpoint, case, participant):
    client = world.client
    client.cookies = SimpleCookie()  # one client (building its middleware is slow), no cookies kept
    client.exc_info = None  # left over when a request's exception escaped the handler
    extra = {}
    if participant:
        client.cookies[COOKIE] = world.cookie
    if case.csrf in ("valid", "wrong", "cookie-only"):
        client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_TOKEN
    if case.csrf == "valid":
        extra["HTTP_X_CSRFTOKEN"] = CSRF_TOKEN
    elif case.csrf == "wrong":
        extra["HTTP_X_CSRFTOKEN"] = OTHER_CSRF_TOKEN
    try:
        response = client.generic("POST", PATHS[endpoint], data=case.body, content_type=case.content_type, **extra)
    except Exception as error:  # the error page failed too: a server answers with a bare 500
        return Answer(500, SimpleCookie(), "uncaught, the error page failed too: " + describe_error(error))
    exc_info = getattr(response, "exc_info", None)
    return Answer(response.status_code, response.cookies, describe_error(exc_info[1]) if exc_info else "")


def outcome(world, endpoint, case, participant):
    """The answer to one request and the tables before and after it, the database then left as it was."""
    cache.clear()  # rate limits and cached pages live in the cache
    with transaction.atomic():
        before = snapshot()
        answer = send(world, endpoint, case, participant)
        try:
            after = snapshot()
        except DatabaseError as error:  # the request left the transaction broken
            after = f"unreadable: {describe_error(error)}"
        transaction.set_rollback(True)
    return answer, before, after


def problems_with(world, endpoint, case, participant):
    """What is wrong with the answer to one hostile request ([] if nothing)."""
    answer, before, after = outcome(world, endpoint, case, participant)
    problems = []
    if answer.status not in ALLOWED:
        problems.append(f"status {answer.status} {answer.error}".rstrip())
    may_forget = endpoint == "forget" and participant and case.csrf == "valid"
    if isinstance(after, str):
        problems.append(f"status {answer.status}, the tables are {after}")
    elif after != before and not (may_forget and after == without_participant(before, world.participant_id)):
        problems.append(f"status {answer.status}, wrote: {describe_changes(before, after)}")
    issued = answer.cookies.get(COOKIE)
    if issued is not None and issued.value:
        problems.append(f"status {answer.status}, set the {COOKIE} cookie")
    if not problems:
        return []
    who = "participant" if participant else "no cookie"
    head = f"{endpoint} [{who}, csrf {case.csrf}] {case.label}"
    where = f"body {describe_body(case.body)}, Content-Type {case.content_type!r}"
    return [f"{head}: {problem}\n    {where}" for problem in problems]


def assert_no_problems(problems):
    if problems:
        raise AssertionError(f"{len(problems)} hostile request(s) broke the rule:\n" + "\n".join(problems)) from None


# --- the harness sees a write when there is one --------------------------------------------------


def test_the_valid_bodies_do_their_work(world):
    """Without this, a broken harness (CSRF token, cookie, paths) would let every case below pass."""
    for endpoint in ENDPOINTS:
        fields = world.base[endpoint]
        for case in (
            Case("valid", urlencode(fields)),
            Case("valid", multipart(fields_as_parts(fields) or [part("x", "")]), MULTIPART),
        ):
            answer, before, after = outcome(world, endpoint, case, participant=True)
            assert answer.status in (200, 302), (endpoint, case.body, answer.error)
            if endpoint == "forget":
                assert after == without_participant(before, world.participant_id), (endpoint, case.body)
            elif endpoint in ("resume", "device"):
                assert answer.cookies[COOKIE].value, (endpoint, case.body)
            else:
                assert after != before, (endpoint, case.body)


# --- fixed cases, every failure reported ------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_catalogue_of_hostile_posts(world, endpoint):
    problems = []
    for case in all_cases(world, endpoint):
        for participant in (True, False):
            problems += problems_with(world, endpoint, case, participant)
    assert_no_problems(problems)


# --- Hypothesis combines them -------------------------------------------------------------------------

FUZZ = hypothesis_settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
    print_blob=True,
)
HOSTILE_CHARS = ["\x00", "\x7f", "²", "①", "٣", "１", "०", "\u200b", "\ufeff", "\u202e", "\ud7ff", "\U0001f600"]
SEPARATORS = b"&=;+%"
NEVER_UTF8 = [0xC0, 0xC1, *range(0xF5, 0x100)]  # bytes that no UTF-8 text contains
ODD_BYTES = [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F, *range(0x80, 0x100)]  # no whitespace a form strips
UNICODE_DIGITS = [c for c in map(chr, range(0x80, 0x30000)) if c.isdigit() or c.isdecimal() or c.isnumeric()]


def cached_body_cases(world, endpoint):
    if endpoint not in world.cases:
        world.cases[endpoint] = body_cases(world, endpoint)
    return world.cases[endpoint]


def hostile_text():
    """Text with at least one character no valid id, choice, code or block id holds."""
    return st.tuples(st.text(max_size=6), st.sampled_from(HOSTILE_CHARS), st.text(max_size=6)).map("".join)


def hostile_bytes(must_be_invalid_utf8):
    """Raw bytes put into the body as they are, never splitting it into more fields."""
    filler = st.binary(max_size=6).map(lambda b: bytes(c for c in b if c not in SEPARATORS))
    core = NEVER_UTF8 if must_be_invalid_utf8 else ODD_BYTES
    return st.tuples(filler, st.sampled_from(core), filler).map(lambda t: Raw(t[0] + bytes([t[1]]) + t[2]))


def non_ascii_digits():
    """What str.isdigit() and int() may take for a digit: "²", "①", "٣", "１"..."""
    ascii_digits = st.text("0123456789", max_size=3)
    return st.tuples(ascii_digits, st.sampled_from(UNICODE_DIGITS), ascii_digits).map("".join)


def value_strategy(field, valid):
    catalogue = st.sampled_from([value for _label, value in hostile_values(field, valid)])
    if field == "text":
        return st.one_of(catalogue, hostile_bytes(must_be_invalid_utf8=True))
    generated = [hostile_text(), hostile_bytes(must_be_invalid_utf8=False)]
    if field in NUMERIC:
        generated.append(non_ascii_digits())
    return st.one_of(catalogue, *generated)


def encode_case(fields, encoding, label):
    if encoding == "multipart":
        if any(isinstance(v, Raw) and b"%" in v for _n, v in fields):
            encoding = "urlencoded"
        else:
            return Case(label, multipart(fields_as_parts(fields) or [part("x", "")]), MULTIPART)
    return Case(label, urlencode(fields))


@FUZZ
@given(data=st.data())
def test_fuzz_hostile_field_values(world, data):
    endpoint = data.draw(st.sampled_from([e for e in ENDPOINTS if world.base[e]]), label="endpoint")
    fields = list(world.base[endpoint])
    names = [name for name, _value in fields]
    chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True), label="fields")
    for name in chosen:
        valid = dict(fields)[name]
        fields = replace(fields, name, data.draw(value_strategy(name, valid), label=name))
    encoding = data.draw(st.sampled_from(["urlencoded", "multipart"]), label="encoding")
    participant = data.draw(st.booleans(), label="participant")
    case = encode_case(fields, encoding, f"fields {chosen} made hostile, sent {encoding}")
    assert_no_problems(problems_with(world, endpoint, case, participant))


@FUZZ
@given(data=st.data())
def test_fuzz_hostile_bodies(world, data):
    endpoint = data.draw(st.sampled_from(ENDPOINTS), label="endpoint")
    cases = cached_body_cases(world, endpoint)
    case = cases[data.draw(st.integers(0, len(cases) - 1), label="case number")]
    note(f"case: {case.label}")
    body, content_type = case.body, case.content_type
    if content_type == URLENCODED and data.draw(st.booleans(), label="insert invalid UTF-8"):
        position = data.draw(st.integers(0, len(body)), label="at")
        body = body[:position] + data.draw(hostile_bytes(must_be_invalid_utf8=True), label="bytes") + body[position:]
    charset = data.draw(st.sampled_from([None, "x-fuzz-42", "", "latin-1", "utf-16", "utf-8"]), label="charset")
    if charset is not None and content_type:
        content_type = f"{content_type}; charset={charset}"
    participant = data.draw(st.booleans(), label="participant")
    case = Case(case.label, body, content_type, case.csrf)
    assert_no_problems(problems_with(world, endpoint, case, participant))


@hypothesis_settings(FUZZ, max_examples=80)
@given(data=st.data())
def test_fuzz_without_a_valid_csrf_token(world, data):
    endpoint = data.draw(st.sampled_from(ENDPOINTS), label="endpoint")
    cases = [Case("valid body", urlencode(world.base[endpoint])), *cached_body_cases(world, endpoint)]
    case = cases[data.draw(st.integers(0, len(cases) - 1), label="case number")]
    note(f"case: {case.label}")
    csrf = data.draw(st.sampled_from(["missing", "wrong", "cookie-only"]), label="csrf")
    participant = data.draw(st.booleans(), label="participant")
    case = Case(case.label, case.body, case.content_type, csrf)
    problems = problems_with(world, endpoint, case, participant)
    assert_no_problems(problems)
