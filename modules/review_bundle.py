"""A module's review bundle: the module, its lessons and the snippets they use, on one screen.

A reviewer sees each item's state (live, draft, in review, sent back), why approval is not
offered where it is not, and approves what is ready: one item, or everything they may approve
at once, lessons and snippets before the module (the module's rules look at its lessons).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from modules.models import FourEyesApprovalTask, LessonPage, ModulePage
from modules.review import approval_blockers, requested_changes, under_review
from modules.translation import references


class ReviewItem:
    def __init__(self, obj, user, finder):
        self.obj = obj.specific if isinstance(obj, Page) else obj
        self.key = f"{type(self.obj)._meta.label_lower}:{self.obj.pk}"
        self.kind = type(self.obj)._meta.verbose_name
        self.title = str(under_review(self.obj))  # as submitted, not as it is live
        self.edit_url = finder.get_edit_url(self.obj)
        self.draft_url = (
            reverse("wagtailadmin_pages:view_draft", args=[self.obj.pk]) if isinstance(self.obj, Page) else ""
        )
        workflow_state = self.obj.current_workflow_state
        self.task_state = workflow_state.current_task_state if workflow_state else None
        task = self.obj.current_workflow_task
        self.changes = requested_changes(self.obj)
        self.reasons = []
        self.can_approve = False
        if isinstance(task, FourEyesApprovalTask):
            self.reasons = task.approval_refusal(self.obj, user)
            self.can_approve = not self.reasons and task.moderates(self.obj, user)
        elif self.task_state is None:
            self.reasons = approval_blockers(under_review(self.obj)) if self.obj.has_unpublished_changes else []
        self.in_review = self.task_state is not None

    @property
    def state(self):
        if self.in_review:
            return _("in review")
        if self.changes is not None:
            return _("sent back for changes")
        if not self.obj.live:
            return _("draft")
        if self.obj.has_unpublished_changes:
            return _("live, with unpublished changes")
        return _("live")

    def approve(self, user):
        self.obj.current_workflow_task.on_action(self.task_state, user, "approve")


class ModuleReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "modules/admin/review_bundle.html"
    page_title = gettext_lazy("Review a module")
    header_icon = "tasks"

    def dispatch(self, request, module_id):
        self.module = get_object_or_404(ModulePage, pk=module_id)
        if not self.module.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, module_id)

    def get_page_subtitle(self):
        return self.module.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailadmin_pages:edit", args=[self.module.pk]), "label": self.module.title},
            {"url": "", "label": self.page_title},
        ]

    def items(self):
        """The module, then each lesson, then each snippet they use (once each), with their review state."""
        finder = AdminURLFinder(self.request.user)
        lessons = [lesson.get_latest_revision_as_object() for lesson in LessonPage.objects.child_of(self.module)]
        module = under_review(self.module)
        snippets, seen = [], set()
        for page in (module, *lessons):
            for _field, item in references(type(page), lambda field, page=page: _value(page, field)):
                if isinstance(item, Page) or (type(item), item.pk) in seen:
                    continue
                seen.add((type(item), item.pk))
                snippets.append(item)
        user = self.request.user
        return {
            "module": ReviewItem(self.module, user, finder),
            "lessons": [ReviewItem(lesson, user, finder) for lesson in lessons],
            "snippets": [ReviewItem(snippet, user, finder) for snippet in snippets],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        bundle = self.items()
        context["sections"] = [
            (_("Module"), [bundle["module"]]),
            (_("Lessons"), bundle["lessons"]),
            (_("Stories, dilemmas and sources they use"), bundle["snippets"]),
        ]
        context["ready"] = any(item.can_approve for items in bundle.values() for item in _listed(items))
        return context

    def post(self, request, module_id):
        wanted = request.POST.get("approve", "")
        bundle = self.items()
        approved = []
        for item in [*bundle["snippets"], *bundle["lessons"]]:
            if item.can_approve and wanted in ("all", item.key):
                item.approve(request.user)
                approved.append(item.title)
        # The module last, looked at afresh: its rules depend on its lessons.
        module = ReviewItem(self.module, request.user, AdminURLFinder(request.user))
        if module.can_approve and wanted in ("all", module.key):
            module.approve(request.user)
            approved.append(module.title)
        if approved:
            messages.success(request, _("Approved: %(items)s") % {"items": ", ".join(approved)})
        else:
            messages.warning(request, _("Nothing was approved: nothing you chose is ready for your approval."))
        return redirect(request.path)


def _listed(items):
    return items if isinstance(items, list) else [items]


def _value(page, field):
    value = getattr(page, field.name)
    return value.all() if hasattr(value, "all") else value
