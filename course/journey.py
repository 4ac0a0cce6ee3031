"""What a participant can do, apart from HTTP: start, record progress, reflect, be forgotten."""

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F

from cms.weeks import iso_week
from course import codes, crypto
from course.models import (
    DilemmaChoice,
    ErasureCount,
    LessonProgress,
    Participant,
    ParticipantWeek,
    Reflection,
    random_id,
)
from course.progress import open_reflection, reflection_context


def start(language):
    """A new participant and their code (shown once, never stored)."""
    while True:
        code = codes.generate()
        normalized = codes.normalize(code)
        try:
            with transaction.atomic():
                participant = Participant.objects.create(
                    code_hash=codes.code_hash(normalized),
                    language=language,
                    started_on=date.today(),
                    last_active_on=date.today(),
                )
                ParticipantWeek.objects.create(participant=participant, week=iso_week())
        except IntegrityError:  # 2^-80: another participant already has this code
            continue
        return participant, code


def complete_lesson(participant, page_id):
    """Idempotent: however often or concurrently, one row, completed on the first day it was.

    One statement (PostgreSQL and SQLite both know this upsert), so one round trip and no
    transaction of our own around it.
    """
    today = date.today()
    table = LessonProgress._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (id, participant_id, page_id, started_on, completed_on) "  # noqa: S608  # a model's table name; values are parameters  # nosec B608
            f"VALUES (%s, %s, %s, %s, %s) ON CONFLICT (participant_id, page_id) "
            f"DO UPDATE SET completed_on = COALESCE({table}.completed_on, excluded.completed_on)",
            [random_id(), participant.pk, page_id, today, today],
        )


def choose(participant, dilemma_id, option_id):
    DilemmaChoice.objects.bulk_create(
        [DilemmaChoice(participant=participant, dilemma_id=dilemma_id, option_id=option_id, chosen_on=date.today())],
        update_conflicts=True,
        unique_fields=["participant", "dilemma"],
        update_fields=["option", "chosen_on"],
    )


def reflect(participant, code, page_id, block_id, text):
    """Seal and store an answer; an empty answer removes the earlier one."""
    if not text.strip():
        Reflection.objects.filter(participant=participant, page_id=page_id, block_id=block_id).delete()
        return
    sealed = crypto.seal(crypto.derive_key(code), text, reflection_context(participant.pk, page_id, block_id))
    Reflection.objects.bulk_create(
        [
            Reflection(
                participant=participant, page_id=page_id, block_id=block_id, sealed=sealed, written_on=date.today()
            )
        ],
        update_conflicts=True,
        unique_fields=["participant", "page", "block_id"],
        update_fields=["sealed", "written_on"],
    )


def reflect_all(participant, code, page_id, texts):
    """Store the answers of one lesson ({block id: text}) that differ from those stored: an
    answer sent again unchanged, as every save of the lesson's form sends them all, keeps its
    day and its sealed text."""
    if not texts:
        return
    key = crypto.derive_key(code)
    stored = {
        block_id: open_reflection(key, participant.pk, page_id, block_id, sealed)
        for block_id, sealed in Reflection.objects.filter(
            participant=participant, page_id=page_id, block_id__in=list(texts)
        ).values_list("block_id", "sealed")
    }
    for block_id, text in texts.items():
        if text.strip() != (stored.get(block_id) or "").strip():
            reflect(participant, code, page_id, block_id, text)


def count_erasures(kind, number, week=None):
    """Adds to the weekly total of erased participants (the only trace an erasure leaves)."""
    if not number:
        return
    week = week or iso_week()
    ErasureCount.objects.get_or_create(week=week, kind=kind)
    ErasureCount.objects.filter(week=week, kind=kind).update(count=F("count") + number)


@transaction.atomic
def forget(participant):
    """Everything tied to the code, gone at once; only a weekly total remembers that it happened.

    The participant's row is locked first. A write of theirs that is under way finishes
    before, and its rows are deleted with the rest; one that comes later waits for the
    lock, then finds nobody to write for (an IntegrityError, which the participant
    middleware answers as "no code"). So no concurrent write can leave a row behind
    or make the delete fail.
    """
    if not Participant.objects.select_for_update().filter(pk=participant.pk).exists():
        return  # forgotten a moment ago by a request of their own
    Participant.objects.filter(pk=participant.pk).delete()  # their rows first, each table in one statement
    count_erasures(ErasureCount.FORGOTTEN, 1)


@transaction.atomic
def purge_inactive(today=None):
    cutoff = (today or date.today()) - timedelta(days=settings.PARTICIPANT_RETENTION_DAYS)
    # Locked as forget() locks one participant, so that a late return cannot make the purge fail.
    stale = list(
        Participant.objects.select_for_update().filter(last_active_on__lt=cutoff).values_list("pk", flat=True)
    )
    number = len(stale)
    Participant.objects.filter(pk__in=stale).delete()
    count_erasures(ErasureCount.PURGED, number)
    return number
