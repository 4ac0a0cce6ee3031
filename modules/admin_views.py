"""The translation status report in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cms.admin_pages import AdminPageMixin
from modules.content_status import content_status


class ContentStatusView(AdminPageMixin, TemplateView):
    template_name = "modules/admin/content_status.html"
    page_title = _("Translation status")
    header_icon = "globe"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = content_status()
        context["status"] = status
        complete = status.complete
        context["kinds"] = list(next(iter(status.counts.values()), {}))
        context["rows"] = [
            (code, list(counts.values()), complete.get(code, False)) for code, counts in status.counts.items()
        ]
        return context
