"""Inactive participants are purged by a management command meant for a daily timer."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from course.models import ErasureCount, LessonProgress, Participant

pytestmark = pytest.mark.django_db


def make(days_ago, course):
    day = date.today() - timedelta(days=days_ago)
    participant = Participant.objects.create(
        code_hash=f"{days_ago:064d}", language="sv", started_on=day, last_active_on=day
    )
    LessonProgress.objects.create(participant=participant, page=course["sv"]["lessons"][0], started_on=day)
    return participant


def test_purge_inactive_deletes_only_the_stale(course, settings):
    settings.PARTICIPANT_RETENTION_DAYS = 365
    stale, fresh = make(400, course), make(10, course)
    out = StringIO()
    call_command("purge_inactive", stdout=out)
    assert "Purged 1 participant" in out.getvalue()
    assert list(Participant.objects.all()) == [fresh]
    assert LessonProgress.objects.filter(participant_id=stale.pk).count() == 0
    assert ErasureCount.objects.get(kind="purged").count == 1


def test_retention_is_configurable(course, settings):
    settings.PARTICIPANT_RETENTION_DAYS = 7
    make(10, course)
    call_command("purge_inactive", stdout=StringIO())
    assert not Participant.objects.exists()
