from django.core.management.base import BaseCommand

from safety.demo_loader import HelpLineLoader


class Command(BaseCommand):
    help = "Loads the demo help-line directory (Sweden and Denmark). Safe to run again."

    def handle(self, *args, **options):
        HelpLineLoader(stdout=self.stdout).load()
