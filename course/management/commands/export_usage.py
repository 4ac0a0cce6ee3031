from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from course.models import ExportLog
from course.statistics import exports
from course.statistics.figures import Filters, all_figures
from course.statistics.period import Period
from course.statistics.releases import NotPublished, published_periods, release


class Command(BaseCommand):
    help = (
        "Writes the protected usage figures of one closed period (a month 2026-07, quarter 2026-Q3, "
        "half-year 2026-H2 or year 2026) as CSV (zip), JSON, XLSX or PDF, for scheduled jobs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="A closed period: 2026-07, 2026-Q3, 2026-H2 or 2026")
        parser.add_argument("--locale", default="", choices=["", "sv", "da", "en"])
        parser.add_argument("--format", dest="export_format", required=True, choices=exports.FORMATS)
        parser.add_argument("--output", required=True, help="File to write")
        parser.add_argument("--language", default="sv", choices=["sv", "da", "en"], help="Language of the report")

    def handle(self, *args, period, locale, export_format, output, language, **options):
        try:
            period = Period.parse(period)
            if period not in published_periods():
                raise NotPublished(f"{period} is not closed yet, or there are no figures for it")
        except ValueError as error:
            raise CommandError(str(error)) from error
        filters = Filters(period=period, locale=locale)
        with translation.override(language):
            body = exports.render(all_figures(filters), filters, export_format, release(period).made_on)
        Path(output).write_bytes(body)
        ExportLog.objects.create(
            username="manage.py", export_format=export_format, filters=filters.as_dict(), via="command"
        )
        self.stdout.write(f"Wrote {len(body)} bytes to {output}.")
