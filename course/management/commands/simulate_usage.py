from django.core.management.base import BaseCommand

from course.models import Participant
from course.simulation import simulate


class Command(BaseCommand):
    help = (
        "Creates realistic synthetic usage of the live course, for demos and benchmarks. Never run it in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=500)
        parser.add_argument("--weeks", type=int, default=12)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if there are participants already.")

    def handle(self, *args, participants, weeks, seed, if_empty=False, **options):
        if if_empty and Participant.objects.exists():
            self.stdout.write("There is usage already; nothing simulated.")
            return
        created = simulate(participants, weeks, seed)
        self.stdout.write(f"Simulated {created} participants over {weeks} weeks (seed {seed}).")
