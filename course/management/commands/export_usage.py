from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from course.models import ExportLog
from course.statistics import exports
from course.statistics.figures import Filters, all_figures
from course.statistics.period import Period


class Command(BaseCommand):
    help = "Writes the aggregate usage figures (disclosure-controlled) as CSV (zip), JSON or PDF, for scheduled jobs."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="first", required=True, help="First ISO week, e.g. 2026-W01")
        parser.add_argument("--to", dest="last", required=True, help="Last ISO week, e.g. 2026-W12")
        parser.add_argument("--locale", default="", choices=["", "sv", "da", "en"])
        parser.add_argument("--format", dest="export_format", required=True, choices=exports.FORMATS)
        parser.add_argument("--output", required=True, help="File to write")
        parser.add_argument("--language", default="sv", choices=["sv", "da", "en"], help="Language of the report")

    def handle(self, *args, first, last, locale, export_format, output, language, **options):
        try:
            period = Period.from_weeks(first, last)
        except ValueError as error:
            raise CommandError(str(error)) from error
        filters = Filters(period=period, locale=locale)
        with translation.override(language):
            body = exports.render(all_figures(filters), filters, export_format)
        Path(output).write_bytes(body)
        ExportLog.objects.create(
            username="manage.py", export_format=export_format, filters=filters.as_dict(), via="command"
        )
        self.stdout.write(f"Wrote {len(body)} bytes to {output}.")
