"""Our own admin pages: headed by their own name after Wagtail's "Home" crumb; reports whose downloads speak
the staff member's language."""

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class AdminPageMixin(WagtailAdminTemplateMixin):
    """Wagtail's admin frame; its header shows the breadcrumbs, so the page's title is the last crumb."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class SpreadsheetInStaffLanguageMixin:
    """For a Wagtail report: its CSV and XLSX headings in the staff member's language.

    Wagtail streams the download after the view has returned, when the staff member's language
    is no longer active, so lazy headings would come out in the site's default language."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        self.export_headings = {field: str(heading) for field, heading in self.export_headings.items()}
        return super().as_spreadsheet(queryset, spreadsheet_format)
