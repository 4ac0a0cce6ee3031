"""Who may delete a reviewed snippet: an editor may delete the drafts they started that never went live.

Editors have no delete permission: what readers have seen is withdrawn through review. But an editor
who starts a story, a source or a dilemma and gives up on it must be able to throw it away, as
Wagtail lets the owner of a never-published page delete it. Everything else stays as Django's
permissions say.
"""

from django.apps import apps
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


def is_own_unpublished_draft(user, instance):
    if instance.live or instance.first_published_at is not None or instance.pk is None:
        return False
    first = instance.revisions.order_by("created_at", "pk").only("user_id").first()
    return first is not None and first.user_id == user.pk


class ReviewedSnippetPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "delete" and super().user_has_permission(user, "add"):
            return True  # may delete some: their own drafts (checked per item below)
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and not super().user_has_permission(user, "delete"):
            return super().user_has_permission(user, "add") and is_own_unpublished_draft(user, instance)
        return super().user_has_permission_for_instance(user, action, instance)


def register_reviewed_snippet_policies():
    from modules.models.snippets import ReviewedSnippet

    for model in apps.get_models():
        if issubclass(model, ReviewedSnippet):
            register_permission_policy(model, ReviewedSnippetPermissionPolicy(model), exact_class=True)
