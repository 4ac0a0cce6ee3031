import json

from django.core.management.base import BaseCommand

from modules.content_status import content_status


class Command(BaseCommand):
    help = "Per locale: what is published, and which pages or snippets lack a live or up-to-date translation."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print JSON instead of text.")

    def handle(self, *args, as_json=False, **options):
        status = content_status()
        if as_json:
            self.stdout.write(json.dumps(status.as_dict(), indent=2, ensure_ascii=False))
            return
        kinds = list(next(iter(status.counts.values()), {}))
        self.stdout.write(f"Published per locale (source: {status.source_locale})")
        self.stdout.write("  locale  " + "  ".join(f"{kind:>9}" for kind in kinds) + "  complete")
        for code, counts in status.counts.items():
            cells = "  ".join(f"{counts[kind]:>9}" for kind in kinds)
            self.stdout.write(f"  {code:<6}  {cells}  {'yes' if status.complete.get(code) else 'NO'}")
        if not status.gaps:
            self.stdout.write("Every live page and snippet has an up-to-date live translation.")
            return
        self.stdout.write("Translations to do:")
        for gap in status.gaps:
            self.stdout.write(f"  [{gap.locale}] {gap.problem:<8} {gap.kind}: {gap.title} ({gap.admin_url})")
