"""The true counts of one closed month, straight from the database, as a release's basis.

Every count is dated by the day (or ISO week) it happened, so months add up into
quarters, half-years and years, and the languages add up into "all". The result is
{item: {language: count}}, "all" included, with items named by the content's
translation key so that renaming or translating a page changes no figure:

    started, returned                      participants (by their language)
    lesson:<key>:started|completed         lessons read (by the page's language)
    module:<key>:started|completed         participants (by their language)
    dilemma:<key>:<option>|total           choices (by the dilemma's language)
    child:<band>                           child-module chapter views (sv, da)
    erased:forgotten|purged                codes erased (no language)
"""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Subquery, Sum
from wagtail.models import Locale, Site

from childmodule.models import ChapterView
from course.models import DilemmaChoice, ErasureCount, LessonProgress, Participant, ParticipantWeek
from modules.models import CourseHomePage
from modules.outline import CourseOutline

LANGUAGES = ("sv", "da", "en")
CHILD_LANGUAGES = ("sv", "da")
ALL = "all"


def parts_of(item):
    """The languages an item is broken down into ("all" is their sum)."""
    if item.startswith("erased:"):
        return ()
    if item.startswith("child:"):
        return CHILD_LANGUAGES
    return LANGUAGES


def family_of(item):
    """Items linked by an equation beyond languages and periods: a dilemma's options and its total."""
    return item.rsplit(":", 1)[0] if item.startswith("dilemma:") else item


def course_outline():
    """The default language's course: which modules there are and which lessons each holds."""
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else CourseHomePage.objects.first()
    if home is None:
        return None
    return CourseOutline.for_home(home.get_translation_or_none(Locale.get_default()) or home)


def month_basis(month):
    counts = defaultdict(lambda: defaultdict(int))
    days = (month.first_day, month.last_day)

    def add(item, language, number):
        if number and (language in parts_of(item) or not parts_of(item)):
            counts[item][language or ALL] += number

    first_lesson = LessonProgress.objects.filter(participant=OuterRef("pk")).order_by("started_on")
    started = (
        Participant.objects.filter(
            Exists(LessonProgress.objects.filter(participant=OuterRef("pk"), started_on__range=days))
        )
        .annotate(first=Subquery(first_lesson.values("started_on")[:1]))
        .filter(first__range=days)
    )
    for row in started.values("language").annotate(n=Count("id")):
        add("started", row["language"], row["n"])

    first_return = ParticipantWeek.objects.filter(participant=OuterRef("pk"), returning=True).order_by("week")
    returned = (
        Participant.objects.filter(
            Exists(ParticipantWeek.objects.filter(participant=OuterRef("pk"), returning=True, week__in=month.weeks))
        )
        .annotate(first=Subquery(first_return.values("week")[:1]))
        .filter(first__in=month.weeks)
    )
    for row in returned.values("language").annotate(n=Count("id")):
        add("returned", row["language"], row["n"])

    for field, step in (("started_on", "started"), ("completed_on", "completed")):
        rows = (
            LessonProgress.objects.filter(**{f"{field}__range": days})
            .values("page__translation_key", "page__locale__language_code")
            .annotate(n=Count("id"))
        )
        for row in rows:
            add(f"lesson:{row['page__translation_key']}:{step}", row["page__locale__language_code"], row["n"])

    outline = course_outline()
    for module in outline.modules if outline else []:
        for step, rows in module_counts(module, days).items():
            for row in rows:
                add(f"module:{module.page.translation_key}:{step}", row["language"], row["n"])

    choices = (
        DilemmaChoice.objects.filter(chosen_on__range=days)
        .values("dilemma__translation_key", "dilemma__locale__language_code", "option__sort_order")
        .annotate(n=Count("id"))
    )
    for row in choices:
        key, language = row["dilemma__translation_key"], row["dilemma__locale__language_code"]
        add(f"dilemma:{key}:{row['option__sort_order']}", language, row["n"])
        add(f"dilemma:{key}:total", language, row["n"])

    views = ChapterView.objects.filter(week__in=month.weeks).values("locale", "band").annotate(n=Sum("count"))
    for row in views:
        add(f"child:{row['band']}", row["locale"], row["n"])

    erased = ErasureCount.objects.filter(week__in=month.weeks).values("kind").annotate(n=Sum("count"))
    for row in erased:
        add(f"erased:{row['kind']}", "", row["n"])

    for languages in counts.values():
        if set(languages) - {ALL}:
            languages[ALL] = sum(languages.values())
    return {item: dict(languages) for item, languages in counts.items()}


def module_counts(module, days):
    """Participants who started a module (first opened one of its lessons) or completed it (the last
    of its lessons marked done) within the days, by their language: two queries, counted in SQL."""
    keys = [lesson.translation_key for lesson in module.lessons]
    progress = LessonProgress.objects.filter(participant=OuterRef("pk"), page__translation_key__in=keys)
    first = progress.order_by("started_on").values("started_on")[:1]
    started = (
        Participant.objects.filter(Exists(progress.filter(started_on__range=days)))
        .annotate(first=Subquery(first))
        .filter(first__range=days)
    )
    done = progress.filter(completed_on__isnull=False)
    lessons_done = done.values("participant").annotate(n=Count("page__translation_key", distinct=True)).values("n")
    completed = (
        Participant.objects.filter(Exists(done.filter(completed_on__range=days)))
        .annotate(
            done=Subquery(lessons_done), last=Subquery(done.order_by("-completed_on").values("completed_on")[:1])
        )
        .filter(done=len(keys), last__range=days)
    )
    return {
        "started": started.values("language").annotate(n=Count("id")),
        "completed": completed.values("language").annotate(n=Count("id")),
    }


def add_up(bases):
    """The basis of a coarser period: the sum of its parts' bases."""
    total = defaultdict(lambda: defaultdict(int))
    for basis in bases:
        for item, languages in basis.items():
            for language, number in languages.items():
                total[item][language] += number
    return {item: dict(languages) for item, languages in total.items()}
