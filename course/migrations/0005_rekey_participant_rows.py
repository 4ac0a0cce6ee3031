"""Rows made before 0004 still carry sequential ids: give them random ones.

Participants keep theirs. Each sealed reflection is bound to its participant's id
(course.progress.reflection_context), and its key exists only while the participant
holds their code, so a new participant id would make every reflection unreadable.
The rows that record what they did (weeks, progress, choices, reflections) carry
nothing that depends on their own id, and get new ones.
"""

import secrets

from django.db import migrations

REKEYED = ("ParticipantWeek", "LessonProgress", "DilemmaChoice", "Reflection")


def rekey(apps, schema_editor):
    for name in REKEYED:
        model = apps.get_model("course", name)
        for pk in list(model.objects.values_list("pk", flat=True)):
            model.objects.filter(pk=pk).update(id=secrets.randbelow(2**63 - 1) + 1)


class Migration(migrations.Migration):
    dependencies = [("course", "0004_random_ids_for_participant_rows")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
