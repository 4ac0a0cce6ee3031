from django.core.management.base import BaseCommand

from childmodule.demo_loader import ChildModuleLoader


class Command(BaseCommand):
    help = "Loads the child module's demo content in sv and da (after load_demo_course). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete the demo's own child pages first.")

    def handle(self, *args, reset=False, **options):
        ChildModuleLoader(stdout=self.stdout).load(reset=reset)
