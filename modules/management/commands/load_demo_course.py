from django.core.management.base import BaseCommand

from modules.demo_loader import DemoCourseLoader


class Command(BaseCommand):
    help = "Loads the demo course in sv, da and en. Safe to run again; --reset replaces only the demo's own content."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete the demo content first, then load it anew.")

    def handle(self, *args, reset=False, **options):
        DemoCourseLoader(stdout=self.stdout).load(reset=reset)
