from django.core.management.base import BaseCommand

from course.statistics.releases import make_all


class Command(BaseCommand):
    help = "Makes the protected statistics release of every closed period that has none yet (for a monthly job)."

    def handle(self, *args, **options):
        self.stdout.write(f"Made {make_all()} statistics releases.")
