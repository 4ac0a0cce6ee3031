"""Editors, Reviewers and Evaluators, and the "Professional review" workflow.

Editors write and translate but cannot publish; Reviewers may also publish and
approve; Evaluators may only open the admin (their statistics permission is
added by the course app). The workflow covers the whole page tree (the parents'
course and the child module) and the reviewed snippets.
"""

from django.db import migrations

SNIPPETS = ["story", "dilemma", "source"]


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    def content_type(app_label, model):
        return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]

    def perm(app_label, model, action, codename=None):
        return Permission.objects.get_or_create(
            content_type=content_type(app_label, model),
            codename=codename or f"{action}_{model}",
            defaults={"name": f"Can {action} {model}"},
        )[0]

    access_admin = perm("wagtailadmin", "admin", "access", "access_admin")
    submit_translation = perm("simple_translation", "simpletranslation", "submit", "submit_translation")

    editors, _ = Group.objects.get_or_create(name="Editors")
    reviewers, _ = Group.objects.get_or_create(name="Reviewers")
    evaluators, _ = Group.objects.get_or_create(name="Evaluators")

    for group in (editors, reviewers, evaluators):
        group.permissions.add(access_admin)

    editing = ["add", "change"]
    for group, actions in ((editors, editing), (reviewers, [*editing, "publish"])):
        group.permissions.add(submit_translation)
        for model in SNIPPETS:
            for action in actions:
                group.permissions.add(perm("modules", model, action))
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in ("add", "change", "choose"):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=Collection.objects.get(depth=1),
                    permission=perm(app_label, model, action),
                )

    root = Page.objects.get(depth=1)
    page_actions = {editors: ["add", "change"], reviewers: ["add", "change", "publish", "lock", "unlock"]}
    for group, actions in page_actions.items():
        for action in actions:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm("wagtailcore", "page", action))

    # Wagtail's default "Moderators" group and "Moderators approval" workflow give way to ours.
    Group.objects.filter(name="Moderators").delete()
    Workflow.objects.exclude(name="Professional review").update(active=False)
    WorkflowPage.objects.filter(page=root).delete()

    task = GroupApprovalTask.objects.filter(name="Reviewer approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name="Reviewer approval", content_type=content_type("wagtailcore", "groupapprovaltask"), active=True
        )
    task.groups.set([reviewers])
    workflow, _ = Workflow.objects.get_or_create(name="Professional review", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.create(workflow=workflow, page=root)
    for model in SNIPPETS:
        WorkflowContentType.objects.get_or_create(content_type=content_type("modules", model), defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("simple_translation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
