"""Every figure evaluators see, counted in the database and put under disclosure control.

Each query groups and counts in SQL (no loop over rows in Python), so the cost
grows with the number of lessons and weeks shown, not with the number of
participants.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Sum, prefetch_related_objects
from django.db.models.functions import ExtractIsoYear, ExtractWeek
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from childmodule.models import BANDS, ChapterView
from course.models import DilemmaChoice, ErasureCount, LessonProgress, Participant, ParticipantWeek
from course.statistics.disclosure import Table
from modules.models import CourseHomePage, LessonPage
from modules.outline import CourseOutline


@dataclass(frozen=True)
class Filters:
    period: object
    locale: str = ""  # "" for every language
    scope: int | None = None  # a theme or module page: only its lessons, modules and dilemmas

    def as_dict(self):
        return {
            "from": self.period.weeks[0],
            "to": self.period.weeks[-1],
            "locale": self.locale or "all",
            "scope": self.scope_title or "all",
        }

    @property
    def scope_page(self):
        return Page.objects.filter(pk=self.scope).specific().first() if self.scope else None

    @property
    def scope_title(self):
        page = self.scope_page
        return page.title if page else ""


def _outline(filters):
    """The course outline (in the chosen language, else the default) that gives figures their order and names."""
    code = filters.locale or Locale.get_default().language_code
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else CourseHomePage.objects.first()
    home = home.get_translation_or_none(Locale.objects.get(language_code=code)) or home
    outline = CourseOutline.for_home(home)
    scope = filters.scope_page
    if scope is not None:
        scope = scope.get_translation_or_none(home.locale) or scope
        outline = outline.within(scope.path)
    return outline


def _week_label(year, week):
    return f"{year}-W{week:02d}"


def starts_and_returns(filters):
    period = filters.period
    # A code nobody used to open a lesson is not a participant who started: anyone can ask
    # for codes (within the limit), and empty ones must not pad the figures.
    started = Participant.objects.filter(
        Exists(LessonProgress.objects.filter(participant=OuterRef("pk"))),
        started_on__range=(period.first_day, period.last_day),
    )
    active = ParticipantWeek.objects.filter(week__in=period.weeks, returning=True)
    if filters.locale:
        started = started.filter(language=filters.locale)
        active = active.filter(participant__language=filters.locale)
    started_by_week = {
        _week_label(row["y"], row["w"]): row["n"]
        for row in started.annotate(y=ExtractIsoYear("started_on"), w=ExtractWeek("started_on"))
        .values("y", "w")
        .annotate(n=Count("id"))
    }
    returning_by_week = dict(active.values("week").annotate(n=Count("id")).values_list("week", "n"))
    weeks = period.weeks
    return Table(
        key="starts",
        title=_("Participants who started, and who came back, per week"),
        row_heading=_("Week"),
        columns=[_("Started"), _("Came back")],
        row_labels=weeks,
        values=[[started_by_week.get(week, 0), returning_by_week.get(week, 0)] for week in weeks],
        column_totals=True,
    )


def _progress(filters):
    period = filters.period
    progress = LessonProgress.objects.all()
    if filters.locale:
        progress = progress.filter(page__locale__language_code=filters.locale)
    return (
        progress,
        Q(started_on__range=(period.first_day, period.last_day)),
        Q(completed_on__range=(period.first_day, period.last_day)),
    )


def lessons(filters, outline):
    progress, started_in, completed_in = _progress(filters)
    keys = [lesson.translation_key for lesson in outline.lessons]
    counts = {
        row["page__translation_key"]: (row["started"], row["completed"])
        for row in progress.filter(page__translation_key__in=keys)
        .values("page__translation_key")
        .annotate(started=Count("id", filter=started_in), completed=Count("id", filter=completed_in))
    }
    return Table(
        key="lessons",
        title=_("Lessons started and completed (the funnel, in course order)"),
        row_heading=_("Lesson"),
        columns=[_("Started"), _("Completed")],
        row_labels=[f"{outline.module_of(lesson.id).page.title}: {lesson.title}" for lesson in outline.lessons],
        values=[list(counts.get(key, (0, 0))) for key in keys],
    )


def modules(filters, outline):
    progress, started_in, completed_in = _progress(filters)
    rows = []
    for module in outline.modules:
        keys = [lesson.translation_key for lesson in module.lessons]
        per_participant = (
            progress.filter(page__translation_key__in=keys)
            .values("participant")
            .annotate(
                done=Count("id", filter=Q(completed_on__isnull=False)),
                started_now=Count("id", filter=started_in),
                completed_now=Count("id", filter=completed_in),
            )
        )
        totals = per_participant.aggregate(
            started=Count("participant", filter=Q(started_now__gt=0)),
            completed=Count("participant", filter=Q(done__gte=len(keys), completed_now__gt=0)),
        )
        rows.append([totals["started"] or 0, totals["completed"] or 0])
    return Table(
        key="modules",
        title=_("Modules started and completed"),
        row_heading=_("Module"),
        columns=[_("Started"), _("Completed")],
        row_labels=[module.page.title for module in outline.modules],
        values=rows,
    )


def dilemmas(filters, outline):
    """One table per dilemma used in the outline's lessons, in course order."""
    period = filters.period
    seen, order = set(), []
    for lesson in LessonPage.objects.filter(pk__in=[lesson.id for lesson in outline.lessons]).order_by("path"):
        for block in lesson.body:
            if block.block_type == "dilemma" and block.value and block.value.translation_key not in seen:
                seen.add(block.value.translation_key)
                order.append(block.value)
    choices = DilemmaChoice.objects.filter(
        chosen_on__range=(period.first_day, period.last_day), dilemma__translation_key__in=seen
    )
    if filters.locale:
        choices = choices.filter(dilemma__locale__language_code=filters.locale)
    counts = {
        (row["dilemma__translation_key"], row["option__sort_order"]): row["n"]
        for row in choices.values("dilemma__translation_key", "option__sort_order").annotate(n=Count("id"))
    }
    prefetch_related_objects(order, "options")
    tables = []
    for index, dilemma in enumerate(order, start=1):
        options = list(dilemma.options.all())
        tables.append(
            Table(
                key=f"dilemma-{index}",
                title=_("Dilemma: %(title)s") % {"title": dilemma.title},
                subject=dilemma.title,
                row_heading=_("Option"),
                columns=[_("Chosen")],
                row_labels=[option.label for option in options],
                values=[[counts.get((dilemma.translation_key, option.sort_order), 0)] for option in options],
                column_totals=True,
            )
        )
    return tables


def child_views(filters):
    views = ChapterView.objects.filter(week__in=filters.period.weeks)
    locales = [filters.locale] if filters.locale else ["sv", "da"]
    views = views.filter(locale__in=locales)
    counts = {
        (row["week"], row["locale"], row["band"]): row["n"]
        for row in views.values("week", "locale", "band").annotate(n=Sum("count"))
    }
    columns = [(code, band) for code in locales for band, _label in BANDS]
    return Table(
        key="child",
        title=_("Child module: chapter views per age band, language and week"),
        row_heading=_("Week"),
        columns=[f"{code} {band}" for code, band in columns],
        row_labels=filters.period.weeks,
        values=[[counts.get((week, code, band), 0) for code, band in columns] for week in filters.period.weeks],
        column_totals=True,
    )


def erasures(filters):
    rows = ErasureCount.objects.filter(week__in=filters.period.weeks).values("week", "kind").annotate(n=Sum("count"))
    counts = {(row["week"], row["kind"]): row["n"] for row in rows}
    kinds = [ErasureCount.FORGOTTEN, ErasureCount.PURGED]
    return Table(
        key="erasures",
        title=_("Codes erased per week (Forget me, and purged after inactivity)"),
        row_heading=_("Week"),
        columns=[_("Forgotten on request"), _("Purged after inactivity")],
        row_labels=filters.period.weeks,
        values=[[counts.get((week, kind), 0) for kind in kinds] for week in filters.period.weeks],
        column_totals=True,
    )


def all_figures(filters):
    outline = _outline(filters)
    return [
        starts_and_returns(filters),
        lessons(filters, outline),
        modules(filters, outline),
        *dilemmas(filters, outline),
        child_views(filters),
        erasures(filters),
    ]
