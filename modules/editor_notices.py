"""What editors and reviewers are told in the admin, where they work.

- In the edit view of a page or snippet: the reviewer's request for changes with its comment;
  to a reviewer, why approval is not offered; to a superuser, that publishing skips review.
- On the dashboard: the editor's items sent back for changes, with the reviewers' comments.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowMixin, WorkflowState

from modules.models import FourEyesApprovalTask
from modules.review import requested_changes


def changes_requested_text(task_state):
    reviewer = task_state.finished_by
    who = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else ""
    when = date_format(task_state.finished_at, "SHORT_DATE_FORMAT") if task_state.finished_at else ""
    comment = task_state.comment.strip() or _("(no comment)")
    return _("A reviewer asked for changes (%(who)s, %(when)s): “%(comment)s”") % {
        "who": who,
        "when": when,
        "comment": comment,
    }


def notices_for(request, obj):
    """Add the edit view's notices for `obj` to the request's messages (shown on this page)."""
    if request.method != "GET" or not isinstance(obj, WorkflowMixin):
        return
    obj = obj.specific if isinstance(obj, Page) else obj
    task_state = requested_changes(obj)
    if task_state is not None:
        messages.warning(request, changes_requested_text(task_state))
    task = obj.current_workflow_task
    if isinstance(task, FourEyesApprovalTask) and (request.user.is_superuser or task._user_in_groups(request.user)):
        for reason in task.approval_refusal(obj, request.user):
            messages.info(request, _("Approval is not offered: %(reason)s") % {"reason": reason})
    if request.user.is_superuser:
        messages.warning(
            request,
            _(
                "You are an administrator: Publish puts this live without the professional review. "
                "Use “Submit to Professional review” unless it cannot wait."
            ),
        )


class ChangesRequestedPanel(Component):
    """The dashboard's list of the user's items that a reviewer sent back, with the comments."""

    name = "samspel_changes_requested"
    template_name = "modules/admin/changes_requested_panel.html"
    order = 205

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        states = (
            WorkflowState.objects.filter(requested_by=self.request.user, status=WorkflowState.STATUS_NEEDS_CHANGES)
            .prefetch_related("content_object")
            .order_by("-created_at")
        )
        finder = AdminURLFinder(self.request.user)
        items = []
        for state in states:
            obj = state.content_object
            if obj is None:
                continue
            rejection = state.task_states.filter(status=TaskState.STATUS_REJECTED).order_by("-finished_at").first()
            items.append(
                {
                    "title": str(obj.specific if isinstance(obj, Page) else obj),
                    "url": finder.get_edit_url(obj),
                    "text": changes_requested_text(rejection) if rejection else "",
                }
            )
        return {"items": items}
