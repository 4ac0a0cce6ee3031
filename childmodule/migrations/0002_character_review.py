"""Child characters are edited by Editors, published by Reviewers, through "Professional review"."""

from django.db import migrations

from modules.review_grants import review_grant


class Migration(migrations.Migration):
    dependencies = [
        ("childmodule", "0001_child_module"),
        ("modules", "0002_groups_and_review_workflow"),
    ]

    operations = [migrations.RunPython(review_grant("childmodule", "character", "character"), migrations.RunPython.noop)]
