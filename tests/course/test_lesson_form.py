"""A lesson's own form: nothing a parent types is lost, and a refused answer is shown again,
whole, at the lesson's own address."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client

from course import crypto, journey
from course.models import LessonProgress, Participant, Reflection
from course.progress import open_reflection
from modules.blocks import REFLECTION_MAX_LENGTH
from tests.course.conftest import reflection_block, start


def opened(participant, code, lesson, block_id):
    sealed = Reflection.objects.get(participant=participant, page_id=lesson.pk, block_id=block_id).sealed
    return open_reflection(crypto.derive_key(code), participant.pk, lesson.pk, block_id, sealed)


def field(block):
    return f"reflection-{block.id}"


def test_im_done_saves_the_answer_typed_but_not_saved(participant_client, course):
    lesson = course["sv"]["lessons"][0]
    block = reflection_block(lesson)
    typed = "Jag vill prata med barnen på söndag."
    response = participant_client.post(lesson.url, {"page": lesson.pk, "complete": "1", field(block): typed})
    assert response.status_code == 302 and response["Location"] == lesson.url + "#lesson-done-title"
    participant = Participant.objects.get()
    assert opened(participant, participant_client.code.replace("-", ""), lesson, block.id) == typed
    assert LessonProgress.objects.get(participant=participant, page_id=lesson.pk).completed_on == date.today()


def test_the_lesson_form_owns_every_answer_box_and_never_cuts_a_paste(participant_client, course):
    lesson = course["sv"]["lessons"][0]
    html = participant_client.get(lesson.url).content.decode()
    box = re.search(r"<textarea[^>]*>", html).group(0)
    assert 'form="lesson-form"' in box and "maxlength" not in box  # a browser cuts a long paste silently
    assert f'name="{field(reflection_block(lesson))}"' in box
    assert '<form id="lesson-form" method="post" action="' + lesson.url + '"' in html


def test_saving_says_so_next_to_the_answer(participant_client, course):
    lesson = course["sv"]["lessons"][0]
    block = reflection_block(lesson)
    response = participant_client.post(lesson.url, {"page": lesson.pk, "reflect": block.id, field(block): "Hej"})
    assert response.status_code == 302
    assert response["Location"] == f"{lesson.url}?saved={block.id}#saved-{block.id}"
    html = participant_client.get(response["Location"].split("#")[0]).content.decode()
    assert html.count("data-saved-note") == 1 and 'role="status"' in html.split("data-saved-note")[0][-200:]
    assert "data-saved-note" not in participant_client.get(lesson.url).content.decode()
    assert "data-saved-note" not in participant_client.get(f"{lesson.url}?saved=nonsense").content.decode()
    assert not LessonProgress.objects.filter(completed_on__isnull=False).exists()  # saving is not "I'm done"


def test_a_refused_answer_comes_back_whole_at_the_lessons_address_and_nothing_is_written(participant_client, course):
    lesson = course["sv"]["lessons"][0]
    block = reflection_block(lesson)
    long_text = "ord " * (REFLECTION_MAX_LENGTH // 4) + "slutet"
    response = participant_client.post(lesson.url, {"page": lesson.pk, "complete": "1", field(block): long_text})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r"<title>\s*Fel:", html)
    summary = html.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert f'href="#reflection-text-{block.id}"' in summary and "sparades inte" in summary
    assert html.index("data-error-summary") < html.index("<h1>")
    assert long_text.strip() in html  # every character, to shorten rather than retype
    assert 'aria-invalid="true"' in html
    assert not Reflection.objects.exists()
    assert not LessonProgress.objects.filter(completed_on__isnull=False).exists()  # "I'm done" waits too


def test_an_answer_sent_again_unchanged_keeps_its_day(participant_client, course):
    lesson = course["sv"]["lessons"][0]
    block = reflection_block(lesson)
    participant_client.post(lesson.url, {"page": lesson.pk, "reflect": block.id, field(block): "Samma svar"})
    last_week = date.today() - timedelta(days=7)
    Reflection.objects.update(written_on=last_week)
    sealed = bytes(Reflection.objects.get().sealed)
    participant_client.post(lesson.url, {"page": lesson.pk, "complete": "1", field(block): "Samma svar"})
    stored = Reflection.objects.get()
    assert stored.written_on == last_week and bytes(stored.sealed) == sealed
    participant_client.post(lesson.url, {"page": lesson.pk, "reflect": block.id, field(block): "  "})
    assert not Reflection.objects.exists()  # emptied on purpose: removed, as before


@pytest.mark.parametrize(
    "data",
    [
        {"reflection-not-a-block": "hej", "complete": "1"},  # a box that is not on this lesson
        {"reflect": "not-a-block"},
        {"complete": "1", "page": "{other}"},  # another lesson's id, posted to this one
        {"complete": "1", "page": "x"},
    ],
)
def test_a_forged_lesson_form_is_refused_and_writes_nothing(participant_client, course, data):
    lesson, other = course["sv"]["lessons"][:2]
    body = {"page": lesson.pk, **{k: v.format(other=other.pk) for k, v in data.items()}}
    response = participant_client.post(lesson.url, body)
    assert response.status_code == 400
    assert not Reflection.objects.exists()
    assert not LessonProgress.objects.filter(completed_on__isnull=False).exists()


def test_the_lesson_form_needs_its_csrf_token_and_a_participant(course):
    lesson = course["sv"]["lessons"][0]
    block = reflection_block(lesson)
    parent = Client()
    start(parent)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = parent.cookies  # the code, but a form from elsewhere: no token
    assert strict.post(lesson.url, {"page": lesson.pk, "complete": "1", field(block): "x"}).status_code == 403
    assert not Reflection.objects.exists() and not LessonProgress.objects.filter(completed_on__isnull=False).exists()
    anonymous = Client()
    assert anonymous.post(lesson.url, {"page": lesson.pk, "complete": "1"}).status_code == 403


def test_a_forgotten_participants_form_is_refused(participant_client, course):
    lesson = course["sv"]["lessons"][0]
    journey.forget(Participant.objects.get())
    response = participant_client.post(lesson.url, {"page": lesson.pk, "complete": "1"})
    assert response.status_code == 403 and not LessonProgress.objects.exists()


def test_a_reader_without_a_code_answers_a_dilemma_without_a_request(client, course):
    lesson = next(lesson for lesson in course["sv"]["lessons"] if any(b.block_type == "dilemma" for b in lesson.body))
    html = client.get(lesson.url).content.decode()
    reveal = html.split("data-dilemma-reveal", 1)[1].split("</form>", 1)[0]
    assert "action=" not in reveal.split(">", 1)[0] and 'name="choice"' not in html  # nothing sent, no ?choice=
    dilemma = next(block.value for block in lesson.body if block.block_type == "dilemma")
    for option in dilemma.options.all():  # without JavaScript: each reflection to open after thinking
        assert f'data-option="{option.pk}"' in html
