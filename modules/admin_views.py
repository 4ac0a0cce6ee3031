"""The translation status report in the Wagtail admin: a Wagtail report (filters, paging, CSV and
XLSX download) of what stands between each live page or snippet and its up-to-date translation,
under a table of what is published per language."""

import django_filters
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from cms.admin_pages import SpreadsheetInStaffLanguageMixin
from modules.content_status import content_status

PROBLEMS = {
    "missing": _("not translated yet (the link starts a translation)"),
    "draft": _("draft, not yet submitted for review"),
    "in review": _("waiting for review"),
    "outdated": _("live, but older than the source's latest change"),
}


class GapList(list):
    """The gaps, as django-filters wants a queryset: it asks for `.model` (there is none)."""

    model = None


class TranslationGapFilterSet(WagtailFilterSet):
    locale = django_filters.ChoiceFilter(label=_("Language"), empty_label=_("All"))
    kind = django_filters.ChoiceFilter(label=_("What"), empty_label=_("All"))
    problem = django_filters.ChoiceFilter(label=_("Problem"), choices=list(PROBLEMS.items()), empty_label=_("All"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["locale"].extra["choices"] = list(settings.WAGTAIL_CONTENT_LANGUAGES)
        kinds = sorted({gap.kind for gap in self.queryset})
        self.filters["kind"].extra["choices"] = [(kind, kind) for kind in kinds]

    def filter_queryset(self, gaps):
        wanted = {name: value for name, value in self.form.cleaned_data.items() if value}
        return GapList(gap for gap in gaps if all(getattr(gap, name) == value for name, value in wanted.items()))


class ProblemColumn(Column):
    def get_value(self, instance):
        return PROBLEMS[instance.problem]


class ContentStatusView(SpreadsheetInStaffLanguageMixin, ReportView):
    template_name = "modules/admin/content_status.html"
    results_template_name = "modules/admin/content_status_results.html"
    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "content_status"
    index_results_url_name = "content_status_results"
    filterset_class = TranslationGapFilterSet
    paginate_by = 50
    context_object_name = "gaps"
    any_permission_required = None  # every editor and reviewer; Wagtail's admin access is checked by its URLs
    columns = [
        Column("locale", label=_("Language")),
        Column("kind", label=_("What")),
        TitleColumn("title", label=_("Title"), url_name=None, get_url=lambda gap: gap.admin_url or None),
        ProblemColumn("problem", label=_("Problem")),
    ]
    list_export = ["locale", "kind", "title", "problem_text", "admin_url"]
    export_headings = {
        "locale": _("Language"),
        "kind": _("What"),
        "title": _("Title"),
        "problem_text": _("Problem"),
        "admin_url": _("Link"),
    }

    @cached_property
    def status(self):
        return content_status()

    def get_queryset(self):
        gaps = GapList(self.status.gaps)
        for gap in gaps:
            gap.problem_text = str(PROBLEMS[gap.problem])
        return gaps

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.get_queryset()}

    def get_filename(self):
        return "translation-status"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["status"] = self.status
        complete = self.status.complete
        context["kinds"] = list(next(iter(self.status.counts.values()), {}))
        context["rows"] = [
            (code, list(counts.values()), complete.get(code, False)) for code, counts in self.status.counts.items()
        ]
        return context
