from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from course.statistics import views
from course.statistics.export_log import ExportLogView


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission=None, superuser=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission
        self.superuser = superuser

    def is_shown(self, request):
        if self.superuser:
            return request.user.is_superuser
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [
        path("usage-statistics/", views.UsageStatisticsView.as_view(), name="usage_statistics"),
        path("usage-statistics/export/<str:export_format>/", views.export, name="usage_statistics_export"),
        path("usage-statistics/chart/<slug:key>/", views.chart, name="usage_statistics_chart"),
        path("usage-statistics/exports/", ExportLogView.as_view(), name="usage_export_log"),
        path(
            "usage-statistics/exports/results/",
            ExportLogView.as_view(results_only=True),
            name="usage_export_log_results",
        ),
        path("usage-statistics/method/", views.MethodView.as_view(), name="usage_statistics_method"),
    ]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return PermissionMenuItem(
        _("Usage statistics"), reverse("usage_statistics"), icon_name="table", order=900, permission=views.PERMISSION
    )


@hooks.register("register_settings_menu_item")
def register_export_log_menu_item():
    return PermissionMenuItem(
        _("Export log"), reverse("usage_export_log"), icon_name="list-ul", order=900, superuser=True
    )
