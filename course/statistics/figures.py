"""The tables evaluators see, read from the protected releases of closed periods.

Nothing here counts or protects: every count comes from a stored release (see
`course.statistics.releases`), the language and part-of-course filters only choose
its columns and rows, a breakdown by month shows the months' own releases, and a
comparison shows the earlier period's release. Percentages are worked out from
published counts only, and are hidden where a count they need is hidden.
"""

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from childmodule.models import BANDS
from course.models import ErasureCount
from course.statistics.counting import ALL, course_outline
from course.statistics.disclosure import NOT_APPLICABLE, Table
from course.statistics.period import Period
from course.statistics.releases import first_day, release
from modules.models import LessonPage
from modules.outline import CourseOutline

LANGUAGE_NAMES = {"sv": "Svenska", "da": "Dansk", "en": "English"}


@dataclass(frozen=True)
class Filters:
    period: Period
    locale: str = ""  # "" for every language
    scope: int | None = None  # a theme or module page: only its lessons, modules and dilemmas

    def as_dict(self):
        return {"period": str(self.period), "locale": self.locale or "all", "scope": self.scope_title or "all"}

    @property
    def scope_page(self):
        return Page.objects.filter(pk=self.scope).specific().first() if self.scope else None

    @property
    def scope_title(self):
        page = self.scope_page
        return page.title if page else ""


def percent(part, whole):
    if part is None or whole is None:
        return None
    return NOT_APPLICABLE if whole == 0 else round(100 * part / whole)


class Figures:
    """The published figures of one period, for one language (or all) and one part of the course.

    `source="basis"` reads the true counts instead: only the tests use it, to know what
    an attacker must not find out.
    """

    def __init__(self, filters, day=None, source="cells"):
        self.filters = filters
        self.day = day
        self.source = source
        self.language = filters.locale or ALL
        self._releases = {}

    def release(self, period):
        if period not in self._releases:
            self._releases[period] = release(period, self.day)
        return self._releases[period]

    def value(self, period, item, language=None):
        counts = getattr(self.release(period), self.source)
        return counts.get(item, {}).get(language or self.language, 0)

    @cached_property
    def compared(self):
        """This period, the one before, and the same one a year before, where there are figures."""
        since = first_day()
        period = self.filters.period
        return [p for p in (period, period.previous(), period.year_before()) if p and p.last_day >= since]

    @cached_property
    def outline(self):
        outline = course_outline()
        if outline is None:
            return None
        code = self.filters.locale or Locale.get_default().language_code
        home = Page.objects.get(path=outline.home_path)
        home = home.get_translation_or_none(Locale.objects.filter(language_code=code).first()) or home
        outline = CourseOutline.for_home(home)
        scope = self.filters.scope_page
        if scope is not None:
            scope = scope.get_translation_or_none(home.locale) or scope
            outline = outline.within(scope.path)
        return outline

    def participants(self):
        measures = [("started", _("Started")), ("returned", _("Came back (first return)"))]
        return Table(
            key="participants",
            title=_("Participants who started, and who came back"),
            row_heading=_("Participants"),
            columns=[str(p) for p in self.compared],
            row_labels=[label for _item, label in measures],
            values=[[self.value(p, item) for p in self.compared] for item, _label in measures],
            charted=list(range(len(self.compared))),
        )

    def by_month(self):
        period = self.filters.period
        months = period.months
        return Table(
            key="months",
            title=_("Participants per month"),
            row_heading=_("Month"),
            columns=[_("Started"), _("Came back (first return)")],
            row_labels=[*(str(m) for m in months), _("Total")],
            values=[[self.value(p, "started"), self.value(p, "returned")] for p in [*months, period]],
            charted=[0, 1],
        )

    def lessons(self):
        period, rows, before = self.filters.period, [], None
        for lesson in self.outline.lessons:
            started = self.value(period, f"lesson:{lesson.translation_key}:started")
            completed = self.value(period, f"lesson:{lesson.translation_key}:completed")
            fall = None if None in (before, started) else before - started
            drop = percent(fall, before) if rows else NOT_APPLICABLE  # the first lesson has none before it
            rows.append([started, completed, percent(completed, started), drop])
            before = started
        return Table(
            key="lessons",
            title=_("Lessons started and completed (the funnel, in course order)"),
            row_heading=_("Lesson"),
            columns=[_("Started"), _("Completed"), _("Completed (%)"), _("Drop-off from the lesson before (%)")],
            row_labels=[
                f"{self.outline.module_of(lesson.id).page.title}: {lesson.title}" for lesson in self.outline.lessons
            ],
            values=rows,
            charted=[0, 1],
        )

    def modules(self):
        period, rows = self.filters.period, []
        for module in self.outline.modules:
            started = self.value(period, f"module:{module.page.translation_key}:started")
            completed = self.value(period, f"module:{module.page.translation_key}:completed")
            rows.append([started, completed, percent(completed, started)])
        return Table(
            key="modules",
            title=_("Modules started and completed"),
            row_heading=_("Module"),
            columns=[_("Started"), _("Completed"), _("Completed (%)")],
            row_labels=[module.page.title for module in self.outline.modules],
            values=rows,
            charted=[0, 1],
        )

    def dilemmas(self):
        """One table per dilemma used in the outline's lessons, in course order."""
        seen, order = set(), []
        for lesson in LessonPage.objects.filter(pk__in=[lesson.id for lesson in self.outline.lessons]).order_by(
            "path"
        ):
            for block in lesson.body:
                if block.block_type == "dilemma" and block.value and block.value.translation_key not in seen:
                    seen.add(block.value.translation_key)
                    order.append(block.value)
        tables, period = [], self.filters.period
        for index, dilemma in enumerate(order, start=1):
            options = list(dilemma.options.all())
            total = self.value(period, f"dilemma:{dilemma.translation_key}:total")
            chosen = [self.value(period, f"dilemma:{dilemma.translation_key}:{o.sort_order}") for o in options]
            tables.append(
                Table(
                    key=f"dilemma-{index}",
                    title=_("Dilemma: %(title)s") % {"title": dilemma.title},
                    subject=dilemma.title,
                    row_heading=_("Option"),
                    columns=[_("Chosen"), _("Share (%)")],
                    row_labels=[*(option.label for option in options), _("Total")],
                    values=[*([n, percent(n, total)] for n in chosen), [total, percent(total, total)]],
                    charted=[0],
                )
            )
        return tables

    def child_views(self):
        languages = {"": ["sv", "da", ALL], "sv": ["sv"], "da": ["da"]}.get(self.filters.locale)
        if not languages:
            return []  # the child module is in Swedish and Danish
        period = self.filters.period
        return [
            Table(
                key="child",
                title=_("Child module: chapter views per age band"),
                row_heading=_("Age band"),
                columns=[LANGUAGE_NAMES.get(code, _("All languages")) for code in languages],
                row_labels=[label for _band, label in BANDS],
                values=[[self.value(period, f"child:{band}", code) for code in languages] for band, _label in BANDS],
                charted=list(range(len(languages))),
            )
        ]

    def erasures(self):
        return Table(
            key="erasures",
            title=_("Codes erased (Forget me, and purged after inactivity), all languages"),
            row_heading=_("Erased"),
            columns=[str(p) for p in self.compared],
            row_labels=[label for _kind, label in ErasureCount.KINDS],
            values=[
                [self.value(p, f"erased:{kind}", ALL) for p in self.compared] for kind, _label in ErasureCount.KINDS
            ],
            charted=list(range(len(self.compared))),
        )

    def tables(self):
        tables = [self.participants()]
        if self.filters.period.kind != "month":
            tables.append(self.by_month())
        if self.outline is not None:
            tables += [self.lessons(), self.modules(), *self.dilemmas()]
        return [*tables, *self.child_views(), self.erasures()]


def all_figures(filters, day=None):
    return Figures(filters, day).tables()
