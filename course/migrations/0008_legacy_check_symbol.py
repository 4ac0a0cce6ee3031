"""Every code issued so far carries Crockford's mod-37 check symbol; new ones carry the GF(32) one
(course.codes). Existing participants are marked, so that their codes keep working."""

from django.db import migrations, models


def mark_existing_codes(apps, schema_editor):
    apps.get_model("course", "Participant").objects.update(legacy_check=True)


class Migration(migrations.Migration):

    dependencies = [
        ('course', '0007_report_settings'),
    ]

    operations = [
        migrations.AddField(
            model_name='participant',
            name='legacy_check',
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(mark_existing_codes, migrations.RunPython.noop),
    ]
