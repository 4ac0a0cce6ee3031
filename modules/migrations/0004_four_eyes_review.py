"""Four eyes: "Professional review" gets a task that never lets anyone approve their own
submission, and Reviewers lose their publish permissions, so that everything they publish
goes through that task (approval publishes, see `modules.publishing`). Superusers keep
publishing directly, with a reminder in the editor.
"""

import django.db.models.deletion
from django.db import migrations, models


def four_eyes(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    FourEyesApprovalTask = apps.get_model("modules", "FourEyesApprovalTask")

    reviewers = Group.objects.get(name="Reviewers")
    reviewers.permissions.remove(*reviewers.permissions.filter(codename__startswith="publish_"))
    GroupPagePermission.objects.filter(group=reviewers, permission__codename="publish_page").delete()

    workflow = Workflow.objects.get(name="Professional review")
    old = GroupApprovalTask.objects.filter(name="Reviewer approval").first()
    task = FourEyesApprovalTask.objects.create(
        name="Reviewer approval",
        content_type=ContentType.objects.get_or_create(app_label="modules", model="foureyesapprovaltask")[0],
        active=True,
    )
    task.groups.set([reviewers])
    if old is not None:
        WorkflowTask.objects.filter(workflow=workflow, task_id=old.pk).update(task=task)
        old.name = "Reviewer approval (before four eyes)"
        old.active = False
        old.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('modules', '0003_safety_notes'),
        ('wagtailcore', '0098_apitoken'),
        ('childmodule', '0002_character_review'),
        ('safety', '0002_help_line_review'),
    ]

    operations = [
        migrations.CreateModel(
            name='FourEyesApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'Four-eyes approval task',
                'verbose_name_plural': 'Four-eyes approval tasks',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.RunPython(four_eyes, migrations.RunPython.noop),
    ]
