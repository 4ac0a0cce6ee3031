from django.core.management.base import BaseCommand

from siteinfo.demo_loader import InfoPageLoader


class Command(BaseCommand):
    help = "Loads the demo information pages (about, privacy, accessibility, contact) in sv, da and en."

    def handle(self, *args, **options):
        InfoPageLoader(stdout=self.stdout).load()
