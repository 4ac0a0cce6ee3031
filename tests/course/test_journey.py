"""The anonymous journey through Django's test client: start, progress, resume, forget."""

import pytest
from django.core.cache import cache
from django.test import Client

from course.models import DilemmaChoice, ErasureCount, LessonProgress, Participant, Reflection
from tests.course.conftest import COOKIE, dilemma_block, reflection_block, start

pytestmark = pytest.mark.django_db


def test_browsing_needs_nothing(client, course):
    response = client.get(course["sv"]["lessons"][0].url)
    assert response.status_code == 200
    assert COOKIE not in response.cookies
    assert Participant.objects.count() == 0


def test_start_shows_the_code_once_and_sets_a_private_cookie(client, course):
    code = start(client, device="own")
    cookie = client.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 365 * 86400
    assert cookie.value == "own." + code.replace("-", "")
    participant = Participant.objects.get()
    assert code.replace("-", "") not in participant.code_hash
    page = client.get("/sv/my-progress/").content.decode()
    assert code not in page  # shown again only on request
    assert code in client.get("/sv/my-progress/?show=code").content.decode()


def test_shared_device_keeps_the_code_for_the_session_only(client, course):
    start(client, device="shared")
    cookie = client.cookies[COOKIE]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    client.post("/sv/my-progress/", {"device": "own"})
    assert int(client.cookies[COOKIE]["max-age"]) > 0
    assert client.cookies[COOKIE].value.startswith("own.")


def test_start_requires_csrf(course):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sv/start/", {"device": "own"})
    assert response.status_code == 403
    assert Participant.objects.count() == 0


def test_opening_and_completing_a_lesson(participant_client, course):
    client = participant_client
    lesson = course["sv"]["lessons"][0]
    client.get(lesson.url)
    progress = LessonProgress.objects.get()
    assert progress.page_id == lesson.id and progress.completed_on is None
    for _ in range(2):
        response = client.post("/sv/progress/complete/", {"page": lesson.id})
        assert response.status_code == 302 and response["Location"].startswith(lesson.url)
    progress = LessonProgress.objects.get()
    assert progress.completed_on == progress.started_on
    home = client.get("/sv/").content.decode()
    assert "<progress" in home and 'value="1"' in home
    next_lesson = course["sv"]["lessons"][1]
    continuing = home.split('<p class="continue">')[1].split("</p>")[0]  # first, above the introduction
    assert f'href="{next_lesson.url}"' in continuing


def test_module_completes_when_all_its_lessons_do(participant_client, course):
    client = participant_client
    module = course["sv"]["modules"][0]
    lessons = [lesson for lesson in course["sv"]["lessons"] if lesson.get_parent().id == module.id]
    for lesson in lessons:
        client.post("/sv/progress/complete/", {"page": lesson.id})
    html = client.get(module.url).content.decode()
    assert f'max="{len(lessons)}" value="{len(lessons)}"' in html


def test_dilemma_choice_is_stored_and_can_change(participant_client, course):
    client = participant_client
    lesson = course["sv"]["lessons"][0]
    block = dilemma_block(lesson)
    first, second = list(block.value.options.all())[:2]
    data = {"page": lesson.id, "dilemma": block.value.pk, "option": first.pk}
    assert client.post("/sv/progress/choose/", data).status_code == 302
    client.post("/sv/progress/choose/", data)
    assert DilemmaChoice.objects.get().option_id == first.pk
    html = client.get(lesson.url).content.decode()
    assert first.reflection in html and "checked" in html
    client.post("/sv/progress/choose/", {**data, "option": second.pk})
    assert DilemmaChoice.objects.get().option_id == second.pk


def test_reflection_is_sealed_and_shown_back_escaped(participant_client, course):
    client = participant_client
    lesson = course["sv"]["lessons"][0]
    block = reflection_block(lesson)
    text = "<script>alert('x')</script> Jag oroar mig för överlämningarna."
    response = client.post("/sv/progress/reflect/", {"page": lesson.id, "block": block.id, "text": text})
    assert response.status_code == 302
    stored = Reflection.objects.get()
    assert b"oroar" not in bytes(stored.sealed)
    html = client.get(lesson.url).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Jag oroar mig" in html
    assert "<script>alert" not in html
    summary = client.get("/sv/my-progress/").content.decode()
    assert "Jag oroar mig för överlämningarna." in summary


def test_too_long_reflection_is_refused_kindly_and_kept_on_screen(participant_client, course):
    client = participant_client
    lesson = course["sv"]["lessons"][0]
    block = reflection_block(lesson)
    text = "ord " * 2501
    response = client.post("/sv/progress/reflect/", {"page": lesson.id, "block": block.id, "text": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert "10\u00a0000" in html and "sparades inte" in html
    assert text.strip()[:200] in html
    assert not Reflection.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"page": "x"},
        {"page": "999999"},
        {"page": "{home}"},
        {"page": "{lesson}", "dilemma": "{dilemma}", "option": "{foreign_option}"},
        {"page": "{lesson}", "dilemma": "999999", "option": "{option}"},
        {"page": "{lesson}", "block": "not-a-block", "text": "hej"},
    ],
)
def test_malformed_posts_get_400_and_write_nothing(participant_client, course, data):
    client = participant_client
    lesson = course["sv"]["lessons"][0]
    dilemma = dilemma_block(lesson).value
    foreign = course["da"]["dilemma"].options.first()
    values = {
        "home": course["sv"]["home"].id,
        "lesson": lesson.id,
        "dilemma": dilemma.pk,
        "option": dilemma.options.first().pk,
        "foreign_option": foreign.pk,
    }
    data = {key: value.format(**values) for key, value in data.items()}
    url = "/sv/progress/reflect/" if "block" in data else "/sv/progress/choose/" if "dilemma" in data else None
    url = url or "/sv/progress/complete/"
    LessonProgress.objects.all().delete()
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Ingenting har sparats" in response.content.decode()
    assert not LessonProgress.objects.exists() and not DilemmaChoice.objects.exists()
    assert not Reflection.objects.exists()


def test_non_utf8_body_is_refused(participant_client, course):
    lesson = course["sv"]["lessons"][0]
    block = reflection_block(lesson)
    body = f"page={lesson.id}&block={block.id}&text=".encode() + b"\xff\xfe\xfa"
    response = participant_client.post("/sv/progress/reflect/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert not Reflection.objects.exists()


def test_progress_posts_without_a_participant_are_refused(client, course):
    response = client.post("/sv/progress/complete/", {"page": course["sv"]["lessons"][0].id})
    assert response.status_code == 403
    assert not LessonProgress.objects.exists()


def test_personal_pages_are_never_cached(participant_client, course):
    for url in ("/sv/my-progress/", course["sv"]["lessons"][0].url, "/sv/"):
        response = participant_client.get(url)
        assert "no-store" in response["Cache-Control"], url
    assert "no-store" in Client().get("/sv/start/")["Cache-Control"]


def test_resume_with_a_sloppily_typed_code(client, course):
    code = start(Client())
    typed = code.replace("-", "").lower().replace("0", "o").replace("1", "l")
    response = client.post("/sv/resume/", {"code": typed, "device": "shared"})
    assert response.status_code == 302 and response["Location"] == "/sv/my-progress/"
    assert client.cookies[COOKIE].value == "shared." + code.replace("-", "")


def test_resume_tells_a_typo_from_an_unknown_code(client, course):
    code = start(Client())
    body = code.replace("-", "")
    typo = body[:3] + ("X" if body[3] != "X" else "Y") + body[4:]
    html = client.post("/sv/resume/", {"code": typo, "device": "own"}).content.decode()
    assert "skrivfel" in html
    from course import codes

    unknown = codes.generate()
    html = client.post("/sv/resume/", {"code": unknown, "device": "own"}).content.decode()
    assert "Vi hittade inte koden" in html
    assert COOKIE not in client.cookies


def test_eleventh_wrong_attempt_is_refused_even_with_a_valid_code(client, course):
    from course import codes

    code = start(Client())
    for _ in range(10):
        response = client.post("/sv/resume/", {"code": codes.generate(), "device": "own"})
        assert response.status_code == 200
    response = client.post("/sv/resume/", {"code": code, "device": "own"})
    assert response.status_code == 429
    assert "För många försök" in response.content.decode()
    assert COOKIE not in client.cookies
    # Another client is not affected.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post("/sv/resume/", {"code": code, "device": "own"}).status_code == 302


def test_forget_me_erases_everything_and_the_code_stops_working(participant_client, course):
    client = participant_client
    lesson = course["sv"]["lessons"][0]
    client.get(lesson.url)
    client.post("/sv/progress/complete/", {"page": lesson.id})
    block = reflection_block(lesson)
    client.post("/sv/progress/reflect/", {"page": lesson.id, "block": block.id, "text": "hemligt"})
    assert client.get("/sv/my-progress/forget/").status_code == 200
    response = client.post("/sv/my-progress/forget/")
    assert response.status_code == 200
    assert client.cookies[COOKIE].value == ""
    for model in (Participant, LessonProgress, DilemmaChoice, Reflection):
        assert not model.objects.exists()
    assert ErasureCount.objects.get(kind="forgotten").count == 1
    response = Client().post("/sv/resume/", {"code": client.code, "device": "own"})
    assert response.status_code == 200 and "Vi hittade inte koden" in response.content.decode()


def test_lesson_with_progress_costs_at_most_five_more_queries(participant_client, course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    lesson = course["sv"]["lessons"][0]
    anonymous = Client()
    anonymous.get(lesson.url)
    cache.clear()  # compare with the anonymous page rendered, not served from the page cache
    with CaptureQueriesContext(connection) as plain:
        anonymous.get(lesson.url)
    with CaptureQueriesContext(connection) as first_visit:
        participant_client.get(lesson.url)
    with CaptureQueriesContext(connection) as again:
        participant_client.get(lesson.url)
    assert len(first_visit) - len(plain) <= 5
    assert len(again) - len(plain) <= 5


def test_a_tampered_or_foreign_reflection_is_shown_as_unreadable_not_a_500(participant_client, course):
    client = participant_client
    lesson = course["sv"]["lessons"][0]
    block = reflection_block(lesson)
    client.post("/sv/progress/reflect/", {"page": lesson.id, "block": block.id, "text": "hemligt"})
    stored = Reflection.objects.get()
    sealed = bytearray(stored.sealed)
    sealed[20] ^= 0xFF
    Reflection.objects.filter(pk=stored.pk).update(sealed=bytes(sealed))
    for url in (lesson.url, "/sv/my-progress/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "hemligt" not in response.content.decode()
    assert "Det gick inte att öppna det här svaret" in client.get("/sv/my-progress/").content.decode()
