"""Help lines are edited by Editors, published by Reviewers, through "Professional review"."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    content_type, _ = ContentType.objects.get_or_create(app_label="safety", model="helpline")

    def perm(action):
        return Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_helpline", defaults={"name": f"Can {action} help line"}
        )[0]

    for group_name, actions in (("Editors", ["add", "change"]), ("Reviewers", ["add", "change", "publish"])):
        group = Group.objects.get(name=group_name)
        group.permissions.add(*[perm(action) for action in actions])
    workflow = Workflow.objects.get(name="Professional review")
    WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0001_help_lines"),
        ("modules", "0002_groups_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
