"""Help lines are edited by Editors, published by Reviewers, through "Professional review"."""

from django.db import migrations

from modules.review_grants import review_grant


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0001_help_lines"),
        ("modules", "0002_groups_and_review_workflow"),
    ]

    operations = [migrations.RunPython(review_grant("safety", "helpline", "help line"), migrations.RunPython.noop)]
