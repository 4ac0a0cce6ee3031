"""The "Professional review" task: a reviewer approves, never the one who submitted."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, with four eyes and the course's rules (see `modules.review`).

    Approval is not offered to whoever submitted the item under review, nor while the item
    breaks a rule (another language's content, no live evidence, a lesson sent back), and a
    posted approval is refused in those cases too. Requesting changes stays possible.
    """

    class Meta:
        verbose_name = _("Four-eyes approval task")
        verbose_name_plural = _("Four-eyes approval tasks")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, but never their own submission, and only content that "
            "meets the course's rules."
        )

    def approval_refusal(self, obj, user):
        """Why `user` may not approve `obj` now: a list of reasons, empty if they may."""
        from modules.review import approval_blockers, submitters, under_review

        obj = obj.specific if isinstance(obj, Page) else obj
        if user.pk in submitters(obj):
            return [_("You submitted this yourself, so another reviewer approves it.")]
        return approval_blockers(under_review(obj))

    def moderates(self, obj, user):
        """Whether `user` may act on `obj` at this task at all (Wagtail's test: one of its groups)."""
        return bool(super().get_actions(obj, user))

    def get_actions(self, obj, user):
        from modules.review import submitters

        actions = super().get_actions(obj, user)
        if not actions:
            return actions
        if user.pk in submitters(obj.specific if isinstance(obj, Page) else obj):
            return []
        if self.approval_refusal(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and self.approval_refusal(task_state.workflow_state.content_object, user):
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)
