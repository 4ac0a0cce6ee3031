from django.conf import settings
from django.core.management.base import BaseCommand

from course import journey


class Command(BaseCommand):
    help = (
        "Deletes every participant inactive for longer than PARTICIPANT_RETENTION_DAYS, with all their "
        "progress and reflections. Meant for a daily timer."
    )

    def handle(self, *args, **options):
        number = journey.purge_inactive()
        days = settings.PARTICIPANT_RETENTION_DAYS
        self.stdout.write(f"Purged {number} participant(s) inactive for more than {days} days.")
