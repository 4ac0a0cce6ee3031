"""Statistics at scale: 1,000,000 progress rows for 100,000 synthetic participants.

Builds the data in a fresh database (SQLite file, or PostgreSQL when DATABASE_URL
is set), dated in the autumn of 2025, then times making the protected releases of
the whole year 2025 (every month, quarter, half-year and the year: what happens once,
when the year closes), reading the year's figures from its release, writing every file,
and the statistics page for the released year as an evaluator sees it. It prints the
figures; nothing here is a test. The page loads its charts beside it (one request each).

    .venv/bin/python bench/stats_bench.py [--participants 100000] [--lessons-each 10]
"""

import argparse
import os
import random
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

BATCH = 20000
TODAY = date(2025, 12, 20)  # the data lie in 2025, a closed year


def build(participants, lessons_each, seed):
    from cms.weeks import iso_week
    from course.models import DilemmaChoice, LessonProgress, Participant, ParticipantWeek
    from course.simulation import _course

    rng = random.Random(seed)
    course = _course("sv")
    lessons = [lesson_id for lesson_id, _dilemmas in course]
    dilemmas = [d for _lesson, ds in course for d in ds]
    if len(lessons) < lessons_each:
        sys.exit(f"the demo course has only {len(lessons)} lessons")
    lessons = lessons[:lessons_each]
    today = TODAY
    progress_rows = 0
    for start in range(0, participants, BATCH):
        with transaction.atomic():
            size = min(BATCH, participants - start)
            people = [
                Participant(
                    code_hash=f"{start + i:064x}",
                    language="sv",
                    started_on=today - timedelta(days=rng.randrange(84)),
                    last_active_on=today,
                )
                for i in range(size)
            ]
            Participant.objects.bulk_create(people, batch_size=5000)  # random ids are set before the insert
            rows, choices, weeks = [], [], []
            for person in people:
                for index, lesson_id in enumerate(lessons):
                    day = min(today, person.started_on + timedelta(days=index))
                    rows.append(
                        LessonProgress(participant=person, page_id=lesson_id, started_on=day, completed_on=day)
                    )
                for dilemma_id, options in dilemmas[:3]:
                    choices.append(
                        DilemmaChoice(
                            participant=person, dilemma_id=dilemma_id, option_id=rng.choice(options), chosen_on=today
                        )
                    )
                weeks.append(ParticipantWeek(participant=person, week=iso_week(person.started_on)))
            LessonProgress.objects.bulk_create(rows, batch_size=5000)
            DilemmaChoice.objects.bulk_create(choices, batch_size=5000)
            ParticipantWeek.objects.bulk_create(weeks, batch_size=5000)
            progress_rows += len(rows)
    return progress_rows


def timed(label, function):
    started = time.perf_counter()
    result = function()
    print(f"  {label:<34} {time.perf_counter() - started:7.2f} s")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--lessons-each", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    print(f"Statistics benchmark on {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    call_command("load_demo_course", stdout=StringIO())
    call_command("load_demo_child_module", stdout=StringIO())
    from django.contrib.auth import get_user_model
    from django.test import Client

    from course.models import LessonProgress
    from course.statistics import exports
    from course.statistics.figures import Filters, all_figures
    from course.statistics.period import Period
    from course.statistics.releases import release

    rows = timed("build data", lambda: build(args.participants, args.lessons_each, args.seed))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"  {LessonProgress.objects.count():,} progress rows ({rows:,} written) for {args.participants:,} participants"
    )
    year = Period("year", 2025)
    made = timed("protected releases of 2025 (19)", lambda: release(year))
    filters = Filters(year)
    tables = timed("the year's figures, from its release", lambda: all_figures(filters))
    for export_format in exports.FORMATS:
        body = timed(
            f"write {export_format}", lambda f=export_format: exports.render(tables, filters, f, made.made_on)
        )
        print(f"  {'':<34} {len(body):,} bytes")
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("bench", password="x" * 20))
    timed("statistics page for 2025 (first)", lambda: client.get("/admin/usage-statistics/?period=2025"))
    page = timed("statistics page for 2025 (again)", lambda: client.get("/admin/usage-statistics/?period=2025"))
    assert page.status_code == 200, page.status_code
    charts = re.findall(r'<img src="(/admin/usage-statistics/chart/[^"]+)"', page.content.decode())
    timed(
        f"its {len(charts)} charts, drawn (first)", lambda: [client.get(url.replace("&amp;", "&")) for url in charts]
    )
    timed(f"its {len(charts)} charts (again)", lambda: [client.get(url.replace("&amp;", "&")) for url in charts])
    print("  targets: the year's releases in under 5 s on PostgreSQL; a released period's page in under 0.2 s")


if __name__ == "__main__":
    main()
