from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="course", model="participant")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_usage_statistics",
        defaults={"name": "Can view and export aggregate usage statistics"},
    )
    Group.objects.get_or_create(name="Evaluators")[0].permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("course", "0001_participants"),
        ("modules", "0002_groups_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
