"""Usage statistics in the Wagtail admin: figures, charts, downloads, and the export log."""

import base64

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from course.models import ExportLog
from course.statistics import exports
from course.statistics.disclosure import rule_text
from course.statistics.figures import Filters, all_figures
from course.statistics.period import Period, parse_week
from modules.models import ModulePage, ThemePage

PERMISSION = "course.view_usage_statistics"


def scope_choices():
    pages = Page.objects.type(ThemePage, ModulePage).filter(locale__language_code="sv").live().order_by("path")
    return [("", gettext_lazy("The whole course"))] + [
        (str(page.pk), ("— " if page.depth > 3 else "") + page.title) for page in pages
    ]


class FilterForm(forms.Form):
    first = forms.CharField(label=gettext_lazy("From week"), help_text=gettext_lazy("For example 2026-W01"))
    last = forms.CharField(label=gettext_lazy("To week"))
    locale = forms.ChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        choices=[("", gettext_lazy("All")), ("sv", "Svenska"), ("da", "Dansk"), ("en", "English")],
    )
    scope = forms.ChoiceField(label=gettext_lazy("Part of the course"), required=False, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = scope_choices()

    def clean_first(self):
        return self._week("first")

    def clean_last(self):
        return self._week("last")

    def _week(self, name):
        try:
            parse_week(self.cleaned_data[name])
        except ValueError as error:
            raise forms.ValidationError(_("Write a week like 2026-W01.")) from error
        return self.cleaned_data[name].strip().upper()

    def clean(self):
        data = super().clean()
        if "first" in data and "last" in data:
            try:
                data["period"] = Period.from_weeks(data["first"], data["last"])
            except ValueError as error:
                raise forms.ValidationError(
                    _("A period must end after it starts, lie between 2020 and next year, and last two years at most.")
                ) from error
        return data

    def filters(self):
        data = self.cleaned_data
        return Filters(
            period=data["period"], locale=data["locale"], scope=int(data["scope"]) if data["scope"] else None
        )


def filter_form(request):
    default = Period.last_weeks()
    data = request.GET.copy()
    data.setdefault("first", default.weeks[0])
    data.setdefault("last", default.weeks[-1])
    return FilterForm(data)


def require_permission(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


class UsageStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "course/admin/usage_statistics.html"
    page_title = gettext_lazy("Usage statistics")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        require_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from course.statistics.charts import png

        context = super().get_context_data(**kwargs)
        form = filter_form(self.request)
        context["form"] = form
        context["rule"] = rule_text()
        if form.is_valid():
            filters = form.filters()
            tables = all_figures(filters)
            log_use(self.request, filters, SCREEN)
            context["figures"] = [
                {"table": table, "chart": base64.b64encode(png(table)).decode(), "summary": chart_summary(table)}
                for table in tables
            ]
            context["query"] = self.request.GET.urlencode()
        return context


SCREEN = "screen"  # figures viewed in the admin, logged like a download


def log_use(request, filters, export_format):
    """Seeing figures is using them: every view and every download is logged alike."""
    ExportLog.objects.create(
        user=request.user, username=request.user.get_username(), export_format=export_format, filters=filters.as_dict()
    )


def chart_summary(table):
    """A text alternative for a chart: what it shows; the numbers are in the table beside it."""
    return _("Bar chart: %(title)s. The same numbers are in the table below.") % {"title": table.title}


def export(request, export_format):
    require_permission(request)
    if export_format not in exports.FORMATS:
        raise PermissionDenied
    form = filter_form(request)
    if not form.is_valid():
        return HttpResponse(_("The filters are not valid."), status=400, content_type="text/plain; charset=utf-8")
    filters = form.filters()
    body = exports.render(all_figures(filters), filters, export_format)
    log_use(request, filters, export_format)
    response = HttpResponse(body, content_type=exports.CONTENT_TYPES[export_format])
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(filters, export_format)}"'
    return response


class ExportLogView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "course/admin/export_log.html"
    page_title = gettext_lazy("Export log")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = ExportLog.objects.all()[:500]
        return context
