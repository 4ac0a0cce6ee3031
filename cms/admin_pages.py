"""Our own admin pages (reports) carry their own name as heading, after Wagtail's "Home" crumb."""

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class AdminPageMixin(WagtailAdminTemplateMixin):
    """Wagtail's admin frame; its header shows the breadcrumbs, so the page's title is the last crumb."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]
