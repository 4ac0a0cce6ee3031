"""For data migrations: put a reviewed snippet under the "Professional review" workflow.

Editors and Reviewers may add and change it; it goes live only by approval in the workflow
(nobody but a superuser has a publish permission, see modules migration 0004).
Used by the apps whose snippets join the workflow after modules' own migration 0002.
"""


def review_grant(app_label, model, verbose_name):
    """A RunPython function granting the review permissions on `app_label.model`."""

    def grant(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        Group = apps.get_model("auth", "Group")
        Workflow = apps.get_model("wagtailcore", "Workflow")
        WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)

        def perm(action):
            return Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )[0]

        for group_name in ("Editors", "Reviewers"):
            Group.objects.get(name=group_name).permissions.add(perm("add"), perm("change"))
        workflow = Workflow.objects.get(name="Professional review")
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})

    return grant
