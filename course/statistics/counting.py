"""The true counts of closed months, straight from the database, as releases' bases.

Every count is dated by the day (or ISO week) it happened, so months add up into
quarters, half-years and years, and the languages add up into "all". A basis is
{item: {language: count}}, "all" included, with items named by the content's
translation key so that renaming or translating a page changes no figure:

    started, returned                      participants (by their language)
    lesson:<key>:started|completed         lessons read (by the page's language)
    module:<key>:started|completed         participants (by their language)
    dilemma:<key>:<option>|total           choices (by the dilemma's language)
    child:<band>                           child-module chapter views (sv, da)
    erased:forgotten|purged                codes erased (no language)

All the months asked for are counted together: each query reads its table once and
groups by the day or week, and the days and weeks are then given to their months. So
the twelve months of a year cost what one does (see bench/stats_bench.py).
"""

from collections import defaultdict
from datetime import date

from django.db import connection
from django.db.models import Case, Count, IntegerField, Max, Min, Q, Sum, Value, When
from wagtail.models import Locale, Page, Site

from childmodule.models import ChapterView
from course.models import DilemmaChoice, ErasureCount, LessonProgress, Participant, ParticipantWeek
from course.statistics.period import week_thursday
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


def month_of(day):
    day = day if isinstance(day, date) else date.fromisoformat(str(day))  # SQLite's raw rows hold text
    return f"{day.year}-{day.month:02d}"


def week_month(week):
    return month_of(week_thursday(week))


class Tally:
    """Counts for the months being made: add(item, language, day_or_month, n)."""

    def __init__(self, months):
        self.months = [str(month) for month in months]
        self.first_day = min(month.first_day for month in months)
        self.last_day = max(month.last_day for month in months)
        self.weeks = [week for month in months for week in month.weeks]
        self.counts = {month: defaultdict(lambda: defaultdict(int)) for month in self.months}

    def add(self, item, language, month, number):
        if number and month in self.counts and (language in parts_of(item) or not parts_of(item)):
            self.counts[month][item][language or ALL] += number

    def bases(self):
        result = {}
        for month, counts in self.counts.items():
            for languages in counts.values():
                if set(languages) - {ALL}:
                    languages[ALL] = sum(languages.values())
            result[month] = {item: dict(languages) for item, languages in counts.items()}
        return result


def month_bases(months):
    """{month: basis} for closed months (Period objects), counted together."""
    tally = Tally(months)
    days = (tally.first_day, tally.last_day)

    firsts = LessonProgress.objects.values("participant_id").annotate(day=Min("started_on"))
    for language, day, n in per_participant(firsts, "day", days):
        tally.add("started", language, month_of(day), n)

    returns = ParticipantWeek.objects.filter(returning=True).values("participant_id").annotate(week=Min("week"))
    for language, week, n in per_participant(returns, "week", (min(tally.weeks), max(tally.weeks))):
        tally.add("returned", language, week_month(week), n)

    for field, step in (("started_on", "started"), ("completed_on", "completed")):
        rows = (
            LessonProgress.objects.filter(**{f"{field}__range": days})
            .values(field, "page__translation_key", "page__locale__language_code")
            .annotate(n=Count("id"))
        )
        for row in rows:
            key, language = row["page__translation_key"], row["page__locale__language_code"]
            tally.add(f"lesson:{key}:{step}", language, month_of(row[field]), row["n"])

    outline = course_outline()
    if outline and outline.modules:
        count_modules(tally, outline.modules, days)

    choices = (
        DilemmaChoice.objects.filter(chosen_on__range=days)
        .values("chosen_on", "dilemma__translation_key", "dilemma__locale__language_code", "option__sort_order")
        .annotate(n=Count("id"))
    )
    for row in choices:
        key, language, month = row["dilemma__translation_key"], row["dilemma__locale__language_code"], row["chosen_on"]
        tally.add(f"dilemma:{key}:{row['option__sort_order']}", language, month_of(month), row["n"])
        tally.add(f"dilemma:{key}:total", language, month_of(month), row["n"])

    views = ChapterView.objects.filter(week__in=tally.weeks).values("week", "locale", "band").annotate(n=Sum("count"))
    for row in views:
        tally.add(f"child:{row['band']}", row["locale"], week_month(row["week"]), row["n"])

    erased = ErasureCount.objects.filter(week__in=tally.weeks).values("week", "kind").annotate(n=Sum("count"))
    for row in erased:
        tally.add(f"erased:{row['kind']}", "", week_month(row["week"]), row["n"])
    return tally.bases()


def per_participant(aggregate, column, bounds, group=()):
    """Participants counted by their language and by a value of their own aggregate row.

    `aggregate` is a queryset of one row per participant (values("participant_id") then
    annotate), built by the ORM; the counting over it, which the ORM cannot express, is one
    plain SELECT around it. Rows are (language, *group, value, n) for values within bounds.
    """
    inner, params = aggregate.query.sql_with_params()
    quote = connection.ops.quote_name
    person = quote(Participant._meta.db_table)
    grouped = ", ".join([f"a.{quote(name)}" for name in (*group, column)])
    sql = (
        f"SELECT p.{quote('language')}, {grouped}, COUNT(*) FROM ({inner}) a "  # noqa: S608  # nosec B608: names from _meta
        f"JOIN {person} p ON p.{quote('id')} = a.{quote('participant_id')} "
        f"WHERE a.{quote(column)} BETWEEN %s AND %s GROUP BY p.{quote('language')}, {grouped}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *bounds])
        return cursor.fetchall()


def count_modules(tally, modules, days):
    """Participants who started a module (first opened one of its lessons) or completed it (the last
    of its lessons marked done), by their language: two queries over the progress of every module."""
    lessons = {lesson.translation_key: i for i, module in enumerate(modules) for lesson in module.lessons}
    pages = Page.objects.filter(translation_key__in=lessons).values_list("pk", "translation_key")
    module_of = Case(*(When(page_id=pk, then=Value(lessons[key])) for pk, key in pages), output_field=IntegerField())
    per_module = (
        LessonProgress.objects.filter(page__translation_key__in=lessons)
        .annotate(module=module_of)
        .values("participant_id", "module")
        .annotate(
            first_day=Min("started_on"),
            last_day=Max("completed_on"),
            done=Count("page__translation_key", filter=Q(completed_on__isnull=False), distinct=True),
        )
    )
    for language, index, day, n in per_participant(per_module, "first_day", days, group=("module",)):
        tally.add(f"module:{modules[index].page.translation_key}:started", language, month_of(day), n)
    for language, index, done, day, n in per_participant(per_module, "last_day", days, group=("module", "done")):
        if done == len(modules[index].lessons):
            tally.add(f"module:{modules[index].page.translation_key}:completed", language, month_of(day), n)


def add_up(bases):
    """The basis of a coarser period: the sum of its parts' bases."""
    total = defaultdict(lambda: defaultdict(int))
    for basis in bases:
        for item, languages in basis.items():
            for language, number in languages.items():
                total[item][language] += number
    return {item: dict(languages) for item, languages in total.items()}
