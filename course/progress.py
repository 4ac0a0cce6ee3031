"""The progress provider the content pages ask (see modules.progress)."""

from datetime import date
from functools import lru_cache

from django.db import connection
from django.urls import reverse
from django.utils.translation import get_language

from course import codes, crypto
from course.models import DilemmaChoice, LessonProgress, Participant, Reflection
from course.participants import COOKIE, visitor
from modules.progress import CourseState, LessonState


def reflection_context(participant_id, page_id, block_id):
    """What a sealed reflection is bound to: it opens only in its own place."""
    return f"{participant_id}:{page_id}:{block_id}"


def open_reflection(key, participant_id, page_id, block_id, sealed):
    """The text of a sealed reflection, or None if it cannot be opened (wrong key, altered)."""
    try:
        return crypto.open_sealed(key, sealed, reflection_context(participant_id, page_id, block_id))
    except crypto.CannotOpen:
        return None


class ParticipantProgress:
    def is_personal(self, request):
        return COOKIE in request.COOKIES

    def course_state(self, request, outline):
        participant = visitor(request).participant
        if participant is None:
            return None
        rows = LessonProgress.objects.filter(
            participant=participant, page_id__in=[lesson.id for lesson in outline.lessons]
        ).values_list("page_id", "completed_on")
        state = CourseState(outline)
        for page_id, completed_on in rows:
            state.started.add(page_id)
            if completed_on:
                state.completed.add(page_id)
        return state

    def lesson_state(self, request, page):
        current = visitor(request)
        if current.code is None:
            return None
        blocks = list(page.body)
        dilemma_ids = [block.value.pk for block in blocks if block.block_type == "dilemma" and block.value]
        with_reflections = any(block.block_type == "reflection" for block in blocks)
        code_hash = codes.code_hash(current.code)
        rows = lesson_rows(code_hash, page.id, dilemma_ids, with_reflections)
        current.found(next((participant_from_row(row, code_hash) for row in rows if row[0] == "participant"), None))
        participant = current.participant
        if participant is None:
            return None
        state = LessonState(actions=lesson_actions(get_language()))
        started = False
        key = crypto.derive_key(current.code) if with_reflections else None
        for kind, number, option_id, text, sealed, _day, _other_day in rows:
            if kind == "progress":
                started, state.completed = True, bool(number)
            elif kind == "choice":
                state.choices[number] = option_id
            elif kind == "reflection":
                state.reflections[text] = open_reflection(key, participant.pk, page.id, text, sealed)
        if not started and request.method == "GET":
            # Opening a lesson marks it started; a concurrent first visit makes no second row.
            # (A refused answer shows the page again, but opens nothing.)
            LessonProgress.objects.bulk_create(
                [LessonProgress(participant=participant, page_id=page.id, started_on=date.today())],
                ignore_conflicts=True,
            )
        state.rejected = getattr(request, "rejected_reflection", {})
        saved = request.GET.get("saved")
        if state.reflections.get(saved):
            state.saved = saved
        return state

    def lesson_post(self, request, page):
        from course.views import lesson_post  # imported here: course.views imports course.journey, which imports us

        return lesson_post(request, page)


@lru_cache(maxsize=16)
def lesson_actions(language):
    """Where a lesson's forms post to, in `language` (the active one)."""
    return {name: reverse(f"course:{view}") for name, view in LESSON_ACTIONS}


LESSON_ACTIONS = (("choose", "choose_option"),)  # answers and "I'm done" post to the lesson itself
PARTICIPANT_FIELDS = ("id", "code_hash", "language", "started_on", "last_active_on")


def lesson_rows(code_hash, page_id, dilemma_ids, with_reflections):
    """The participant with this code hash, with their progress, dilemma choices and sealed
    reflections on one lesson: one round trip for everything a lesson page shows them.

    Rows are (kind, number, option id, text, sealed, day, other day):
    ("participant", id, -, language, -, started on, last active on), ("progress", 1 if completed
    else 0, ...), ("choice", dilemma id, option id, ...) and ("reflection", -, -, block id, sealed, ...).
    The SQL holds only table names and placeholders; the values go as parameters.
    """
    no_int, no_text, no_bytes, no_day = (f"CAST(NULL AS {t})" for t in ("INTEGER", "VARCHAR(64)", "BYTEA", "DATE"))
    selects = [
        f"WITH p AS (SELECT id, language, started_on, last_active_on FROM {Participant._meta.db_table} "  # noqa: S608  # table names and placeholders only  # nosec B608
        f"WHERE code_hash = %s) SELECT 'participant', id, {no_int}, language, {no_bytes}, started_on, last_active_on "
        f"FROM p",
        f"SELECT 'progress', CASE WHEN lp.completed_on IS NULL THEN 0 ELSE 1 END, {no_int}, {no_text}, {no_bytes}, "  # noqa: S608  # table names and placeholders only  # nosec B608
        f"{no_day}, {no_day} FROM {LessonProgress._meta.db_table} lp JOIN p ON lp.participant_id = p.id "
        f"WHERE lp.page_id = %s",
    ]
    params = [code_hash, page_id]
    if dilemma_ids:
        selects.append(
            f"SELECT 'choice', dc.dilemma_id, dc.option_id, {no_text}, {no_bytes}, {no_day}, {no_day} "  # noqa: S608  # table names and placeholders only  # nosec B608
            f"FROM {DilemmaChoice._meta.db_table} dc JOIN p ON dc.participant_id = p.id "
            f"WHERE dc.dilemma_id IN ({', '.join(['%s'] * len(dilemma_ids))})"
        )
        params += dilemma_ids
    if with_reflections:
        selects.append(
            f"SELECT 'reflection', {no_int}, {no_int}, r.block_id, r.sealed, {no_day}, {no_day} "  # noqa: S608  # table names and placeholders only  # nosec B608
            f"FROM {Reflection._meta.db_table} r JOIN p ON r.participant_id = p.id WHERE r.page_id = %s"
        )
        params.append(page_id)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return cursor.fetchall()


def participant_from_row(row, code_hash):
    _kind, pk, _none, language, _no_bytes, started_on, last_active_on = row
    values = [pk, code_hash, language, _date(started_on), _date(last_active_on)]
    return Participant.from_db(connection.alias, PARTICIPANT_FIELDS, values)


def _date(value):
    """SQLite hands raw queries' dates back as text."""
    return date.fromisoformat(value) if isinstance(value, str) else value
