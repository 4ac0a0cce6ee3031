from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_ACCOUNTS = [
    # username, group, superuser
    ("admin", None, True),
    ("editor", "Editors", False),
    ("reviewer", "Reviewers", False),
    ("evaluator", "Evaluators", False),
]
DEMO_PASSWORD = "samspel-demo"  # noqa: S105  # demo accounts exist under dev settings only  # nosec B105


class Command(BaseCommand):
    help = "Creates demo staff accounts (development settings only) and prints how to sign in."

    def handle(self, *args, **options):
        if not getattr(settings, "SAMSPEL_DEMO_ACCOUNTS", False):
            raise CommandError("Demo accounts exist only under development settings (SAMSPEL_DEMO_ACCOUNTS).")
        users = get_user_model()
        for username, group, superuser in DEMO_ACCOUNTS:
            user, created = users.objects.get_or_create(
                username=username, defaults={"is_staff": superuser, "is_superuser": superuser}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
        names = ", ".join(username for username, _group, _superuser in DEMO_ACCOUNTS)
        self.stdout.write(
            f"Demo staff accounts: {names}; password '{DEMO_PASSWORD}'. Sign in at /admin/ (development only)."
        )
