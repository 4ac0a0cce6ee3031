"""The export log in the admin, for superusers: a Wagtail report of every view and download of usage
statistics, with filters (who, format, dates), paging, and CSV or XLSX download for an audit."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from cms.admin_pages import SpreadsheetInStaffLanguageMixin
from course.models import ExportLog


class ExportLogFilterSet(WagtailFilterSet):
    exported_at = django_filters.DateFromToRangeFilter(label=_("When"), widget=DateRangePickerWidget)
    username = django_filters.CharFilter(label=_("Who"), lookup_expr="icontains")
    export_format = django_filters.ChoiceFilter(label=_("Format"), empty_label=_("All"))

    class Meta:
        model = ExportLog
        fields = ["exported_at", "username", "export_format"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = ExportLog.objects.order_by("export_format").values_list("export_format", flat=True).distinct()
        self.filters["export_format"].extra["choices"] = [(name, name) for name in formats]


class FiltersColumn(Column):
    def get_value(self, instance):
        return ", ".join(f"{key}: {value}" for key, value in instance.filters.items())


class ExportLogView(SpreadsheetInStaffLanguageMixin, ReportView):
    template_name = "course/admin/export_log.html"
    results_template_name = "course/admin/export_log_results.html"
    page_title = _("Export log")
    header_icon = "list-ul"
    model = ExportLog
    index_url_name = "usage_export_log"
    index_results_url_name = "usage_export_log_results"
    filterset_class = ExportLogFilterSet
    paginate_by = 100
    columns = [
        DateColumn("exported_at", label=_("When")),
        Column("username", label=_("Who")),
        Column("export_format", label=_("Format")),
        FiltersColumn("filters", label=_("Filters")),
        Column("via", label=_("Via")),
    ]
    list_export = ["exported_at", "username", "export_format", "filters", "via"]
    export_headings = {
        "exported_at": _("When"),
        "username": _("Who"),
        "export_format": _("Format"),
        "filters": _("Filters"),
        "via": _("Via"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return ExportLog.objects.order_by("-exported_at", "-pk")

    def get_filename(self):
        return "usage-statistics-export-log"
