"""Synthetic usage for demos and benchmarks: realistic, reproducible, and clearly not real.

Participants start over the given weeks, mostly in Swedish; each goes through
the course in order and drops off along the way; dilemma choices lean towards
the option professionals recommend; some come back in later weeks, a few use
Forget me. Rows are written in bulk, with the same models, dates and ISO weeks
that real use writes.
"""

import random
from datetime import date, timedelta

from django.db import transaction
from wagtail.models import Locale, Site

from childmodule.models import ChapterPage, ChapterView
from cms.weeks import iso_week
from course import codes
from course.journey import count_erasures
from course.models import DilemmaChoice, ErasureCount, LessonProgress, Participant, ParticipantWeek
from modules.models import LessonPage
from modules.outline import CourseOutline

LANGUAGE_WEIGHTS = {"sv": 6, "da": 3, "en": 1}
BATCH = 5000


def _course(code):
    """Lessons in order, each with its dilemmas' option ids, for one language."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific.get_translation_or_none(Locale.objects.get(language_code=code))
    if home is None:
        return []
    outline = CourseOutline.for_home(home)
    bodies = LessonPage.objects.in_bulk([lesson.id for lesson in outline.lessons])
    course = []
    for lesson in outline.lessons:
        dilemmas = [
            (block.value.pk, [option.pk for option in block.value.options.all()])
            for block in bodies[lesson.id].body
            if block.block_type == "dilemma" and block.value
        ]
        course.append((lesson.id, dilemmas))
    return course


def _flush(buffers, model):
    if buffers[model]:
        model.objects.bulk_create(buffers[model], batch_size=BATCH)
        buffers[model] = []


@transaction.atomic
def simulate(participants, weeks, seed, today=None):
    rng = random.Random(seed)  # synthetic demo data, reproducible by seed  # nosec B311
    today = today or date.today()
    first_day = today - timedelta(weeks=weeks) + timedelta(days=1)
    courses = {code: _course(code) for code in LANGUAGE_WEIGHTS}
    languages = [code for code in LANGUAGE_WEIGHTS if courses[code]]
    weights = [LANGUAGE_WEIGHTS[code] for code in languages]
    forgotten = {}
    created = 0
    for start in range(0, participants, BATCH):
        batch = []
        for _ in range(min(BATCH, participants - start)):
            started_on = first_day + timedelta(days=rng.randrange((today - first_day).days + 1))
            batch.append(
                Participant(
                    code_hash=codes.code_hash(codes.normalize(codes.generate())),
                    language=rng.choices(languages, weights)[0],
                    started_on=started_on,
                    last_active_on=started_on,
                )
            )
        Participant.objects.bulk_create(batch, batch_size=BATCH)
        batch = list(Participant.objects.order_by("-pk")[: len(batch)])  # pks on every database
        buffers = {LessonProgress: [], DilemmaChoice: [], ParticipantWeek: []}
        erase = []
        for participant in batch:
            day, weeks_active = participant.started_on, {iso_week(participant.started_on)}
            keep_going = rng.uniform(0.70, 0.95)
            for lesson_id, dilemmas in courses[participant.language]:
                completed = rng.random() < 0.9
                buffers[LessonProgress].append(
                    LessonProgress(
                        participant=participant,
                        page_id=lesson_id,
                        started_on=day,
                        completed_on=day if completed else None,
                    )
                )
                for dilemma_id, options in dilemmas:
                    if options and rng.random() < 0.8:
                        option = options[-1] if rng.random() < 0.55 else rng.choice(options)
                        buffers[DilemmaChoice].append(
                            DilemmaChoice(
                                participant=participant, dilemma_id=dilemma_id, option_id=option, chosen_on=day
                            )
                        )
                weeks_active.add(iso_week(day))
                if not completed or rng.random() > keep_going:
                    break
                if rng.random() < 0.3:  # comes back another day
                    day = min(today, day + timedelta(days=rng.randint(1, 10)))
            participant.last_active_on = day
            start_week = iso_week(participant.started_on)
            buffers[ParticipantWeek] += [
                ParticipantWeek(participant=participant, week=week, returning=week != start_week)
                for week in weeks_active
            ]
            if rng.random() < 0.03:
                erase.append(participant.pk)
                forgotten[iso_week(day)] = forgotten.get(iso_week(day), 0) + 1
        Participant.objects.bulk_update(batch, ["last_active_on"], batch_size=BATCH)
        for model in buffers:
            _flush(buffers, model)
        Participant.objects.filter(pk__in=erase).delete()
        created += len(batch) - len(erase)
    for week, number in forgotten.items():
        count_erasures(ErasureCount.FORGOTTEN, number, week)
    _simulate_child_views(rng, weeks, today, participants)
    return created


def _simulate_child_views(rng, weeks, today, participants):
    chapters = list(ChapterPage.objects.live().select_related("locale"))
    bands = {chapter.id: chapter.band_page.band for chapter in chapters}
    for offset in range(weeks):
        week = iso_week(today - timedelta(weeks=offset))
        rows = [
            ChapterView(
                page=chapter,
                locale=chapter.locale.language_code,
                band=bands[chapter.id],
                week=week,
                count=rng.randint(0, max(1, participants // 200)),
            )
            for chapter in chapters
        ]
        ChapterView.objects.bulk_create([row for row in rows if row.count], ignore_conflicts=True)
