"""Usage statistics in the Wagtail admin: figures, charts, downloads, and the export log."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.models import Page

from cms.admin_pages import AdminPageMixin
from course.models import ExportLog
from course.statistics import exports
from course.statistics.charts import svg
from course.statistics.disclosure import rule_text
from course.statistics.figures import Filters, all_figures
from course.statistics.glossary import glossary
from course.statistics.period import Period
from course.statistics.releases import published_periods, release
from course.statistics.report import chart_summary
from modules.models import ModulePage, ThemePage

PERMISSION = "course.view_usage_statistics"


def scope_choices():
    pages = Page.objects.type(ThemePage, ModulePage).filter(locale__language_code="sv").live().order_by("path")
    return [("", gettext_lazy("The whole course"))] + [
        (str(page.pk), ("— " if page.depth > 3 else "") + page.title) for page in pages
    ]


KIND_NAMES = {
    "year": gettext_lazy("Years"),
    "half": gettext_lazy("Half-years"),
    "quarter": gettext_lazy("Quarters"),
    "month": gettext_lazy("Months"),
}


def period_choices(periods):
    """Closed periods grouped by kind, years first, each group newest first."""
    return [
        (KIND_NAMES[kind], [(str(p), str(p)) for p in periods if p.kind == kind])
        for kind in KIND_NAMES
        if any(p.kind == kind for p in periods)
    ]


class FilterForm(forms.Form):
    period = forms.ChoiceField(
        label=gettext_lazy("Period"),
        help_text=gettext_lazy("Only closed months, quarters, half-years and years are published."),
        choices=(),
    )
    locale = forms.ChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        choices=[("", gettext_lazy("All")), ("sv", "Svenska"), ("da", "Dansk"), ("en", "English")],
    )
    scope = forms.ChoiceField(label=gettext_lazy("Part of the course"), required=False, choices=())

    def __init__(self, *args, periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = period_choices(periods)
        self.fields["scope"].choices = scope_choices()

    def filters(self):
        data = self.cleaned_data
        return Filters(
            period=Period.parse(data["period"]),
            locale=data["locale"],
            scope=int(data["scope"]) if data["scope"] else None,
        )


def filter_form(request):
    periods = published_periods()
    data = request.GET.copy()
    months = [p for p in periods if p.kind == "month"]
    if months:
        data.setdefault("period", str(months[0]))  # the latest closed month
    return FilterForm(data, periods=periods)


def require_permission(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


class EvaluatorView(AdminPageMixin, TemplateView):
    """An admin page for those who may see the usage statistics."""

    def dispatch(self, request, *args, **kwargs):
        require_permission(request)
        return super().dispatch(request, *args, **kwargs)


class UsageStatisticsView(EvaluatorView):
    template_name = "course/admin/usage_statistics.html"
    page_title = gettext_lazy("Usage statistics")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = filter_form(self.request)
        context["form"] = form
        context["rule"] = rule_text()
        if form.is_valid():
            filters = form.filters()
            context["release"] = release(filters.period)
            tables = all_figures(filters)
            log_use(self.request, filters, SCREEN)
            token = signing.dumps({"user": self.request.user.pk, "query": form.data.urlencode()}, salt=CHART_SALT)
            context["figures"] = [
                {
                    "table": table,
                    "chart": reverse("usage_statistics_chart", args=[table.key]) + "?" + urlencode({"t": token}),
                    "summary": chart_summary(table),
                }
                for table in tables
            ]
            context["glossary"] = glossary()
            context["query"] = self.request.GET.urlencode()
        return context


CHART_SALT = "usage-statistics-chart"
CHART_TOKEN_SECONDS = 60 * 60


def chart(request, key):
    """One chart of a page just shown, as SVG: the page loads its charts beside it, so it appears at
    once. Only the evaluator the page was shown to, for a while, with the page's filters (a signed
    token), so a chart shows nothing that was not logged as seen."""
    require_permission(request)
    try:
        token = signing.loads(request.GET.get("t", ""), salt=CHART_SALT, max_age=CHART_TOKEN_SECONDS)
    except signing.BadSignature:
        raise PermissionDenied from None
    if token.get("user") != request.user.pk:
        raise PermissionDenied
    form = FilterForm(QueryDict(token["query"]), periods=published_periods())
    table = next((t for t in all_figures(form.filters()) if t.key == key), None) if form.is_valid() else None
    if table is None:
        raise Http404
    response = HttpResponse(svg(table), content_type="image/svg+xml")
    response["Cache-Control"] = f"private, max-age={CHART_TOKEN_SECONDS}"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


SCREEN = "screen"  # figures viewed in the admin, logged like a download


def log_use(request, filters, export_format):
    """Seeing figures is using them: every view and every download is logged alike."""
    ExportLog.objects.create(
        user=request.user, username=request.user.get_username(), export_format=export_format, filters=filters.as_dict()
    )


def export(request, export_format):
    require_permission(request)
    if export_format not in exports.FORMATS:
        raise PermissionDenied
    form = filter_form(request)
    if not form.is_valid():
        return HttpResponse(_("The filters are not valid."), status=400, content_type="text/plain; charset=utf-8")
    filters = form.filters()
    body = exports.render(all_figures(filters), filters, export_format, release(filters.period).made_on)
    log_use(request, filters, export_format)
    response = HttpResponse(body, content_type=exports.CONTENT_TYPES[export_format])
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(filters, export_format)}"'
    return response


class MethodView(EvaluatorView):
    """docs/statistics.md, the evaluators' account of the method, as it is kept in the repository."""

    template_name = "course/admin/statistics_method.html"
    page_title = gettext_lazy("How the figures are made and protected")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["text"] = (Path(settings.BASE_DIR) / "docs" / "statistics.md").read_text(encoding="utf-8")
        return context
