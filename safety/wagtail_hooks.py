from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from cms.admin_pages import AdminPageMixin
from modules.snippet_admin import ReviewedSnippetViewSet
from safety.models import HelpLine, stale_lines


class HelpLineViewSet(ReviewedSnippetViewSet):
    model = HelpLine
    icon = "mobile-alt"
    menu_label = _("Help lines")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "phone", "country", "audience", "last_verified"]
    list_filter = ["country", "audience", "locale"]
    search_fields = ["title", "phone"]


register_snippet(HelpLineViewSet)


class HelpLinesToCheckView(AdminPageMixin, TemplateView):
    """Every help line, in every language, not checked against its organisation for six months."""

    template_name = "safety/admin/lines_to_check.html"
    page_title = _("Help lines to check")
    header_icon = "mobile-alt"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lines"] = stale_lines().select_related("locale").order_by("country", "locale", "sort_order")
        return context


@hooks.register("register_admin_urls")
def register_lines_to_check_url():
    return [path("reports/help-lines-to-check/", HelpLinesToCheckView.as_view(), name="help_lines_to_check")]


@hooks.register("register_reports_menu_item")
def register_lines_to_check_menu_item():
    return MenuItem(_("Help lines to check"), reverse("help_lines_to_check"), icon_name="mobile-alt", order=710)
