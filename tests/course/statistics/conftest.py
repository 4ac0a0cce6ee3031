"""What the statistics tests share: the English clock-fixed setting, hand-built usage, an evaluator."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.users.models import UserProfile

from cms.weeks import iso_week
from course.models import DilemmaChoice, LessonProgress, Participant, ParticipantWeek
from course.statistics.period import Period


@pytest.fixture(autouse=True)
def english():
    """Figures and files are written in the active language; these tests read English."""
    with translation.override("en"):
        yield


@pytest.fixture
def december(monkeypatch):
    """The statistics' clock on 10 December 2026: October and November are closed, December is not."""
    monkeypatch.setattr("course.statistics.period.today", lambda: date(2026, 12, 10))


MONDAY = date(2026, 10, 5)  # ISO week 2026-W41
PERIOD = Period.parse("2026-10")


@pytest.fixture
def usage(course):
    """12 participants start in October (sv), 3 a week later (da); 2 of the first come back a week later."""
    tree = course["sv"]
    lessons = tree["lessons"]
    dilemma = tree["dilemma"]
    options = list(dilemma.options.all())
    people = []
    for i in range(15):
        language, started = ("sv", MONDAY) if i < 12 else ("da", MONDAY + timedelta(weeks=1))
        p = Participant.objects.create(
            code_hash=f"{i:064x}", language=language, started_on=started, last_active_on=started
        )
        ParticipantWeek.objects.create(participant=p, week=iso_week(started))
        people.append(p)
    for p in people[:2]:
        ParticipantWeek.objects.create(participant=p, week="2026-W42", returning=True)
    for p in people[12:]:  # the da starters open a lesson of the second module (only then have they started)
        LessonProgress.objects.create(participant=p, page=lessons[2], started_on=p.started_on)
    for i, p in enumerate(people[:12]):
        LessonProgress.objects.create(participant=p, page=lessons[0], started_on=MONDAY, completed_on=MONDAY)
        if i < 7:
            LessonProgress.objects.create(
                participant=p, page=lessons[1], started_on=MONDAY, completed_on=MONDAY if i < 3 else None
            )
        # 9 choose the last option, 2 the first, 1 the second
        option = options[2] if i < 9 else options[0] if i < 11 else options[1]
        DilemmaChoice.objects.create(participant=p, dilemma=dilemma, option=option, chosen_on=MONDAY)
    return course


def exported(client, export_format, query="period=2026-10"):
    response = client.get(f"/admin/usage-statistics/export/{export_format}/?{query}")
    assert response.status_code == 200, response.content[:300]
    return response.content


def evaluator(language="en"):
    user = get_user_model().objects.create_user(f"evaluator-{language}", password="x" * 20)
    user.groups.add(Group.objects.get(name="Evaluators"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language  # the admin's language, and so the files'
    profile.save()
    return user


@pytest.fixture
def evaluator_client(client):
    client.force_login(evaluator("en"))
    return client
