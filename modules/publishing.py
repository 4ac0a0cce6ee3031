"""How an approved review goes live (WAGTAIL_FINISH_WORKFLOW_ACTION).

Imported by Wagtail while its workflow models are defined, so it imports nothing at the top.
"""


def publish_approved(workflow_state, user=None):
    """The approved revision goes live.

    Reviewers have no publish permission of their own (they could skip the workflow with it).
    Approving through the workflow is what allows publishing: the "Professional review" task
    (`modules.models.review_task`) checked its rules before it let the reviewer approve, so the
    permission check is skipped here.
    """
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
