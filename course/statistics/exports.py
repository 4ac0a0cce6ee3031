"""The figures as files: a zip of CSVs, one JSON document, or a PDF report."""

import csv
import io
import json
import textwrap
import zipfile
from datetime import date

from django.utils.translation import gettext as _

from course.statistics.disclosure import rule_text

FORMATS = ("csv", "json", "pdf")
CONTENT_TYPES = {"csv": "application/zip", "json": "application/json", "pdf": "application/pdf"}


def filename(filters, export_format):
    extension = "zip" if export_format == "csv" else export_format
    weeks = filters.period.weeks
    return f"samspel-usage-{weeks[0]}-{weeks[-1]}.{extension}"


def as_csv_zip(tables, filters):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow([str(rule_text())])
            writer.writerow([_("Period"), str(filters.period), _("Language"), filters.locale or _("all")])
            writer.writerow([str(heading) for heading in table.header()])
            writer.writerows([[str(cell) for cell in row] for row in table.display_rows()])
            archive.writestr(f"{table.key}.csv", text.getvalue())
    return buffer.getvalue()


def as_json(tables, filters):
    document = {
        "disclosure_rule": str(rule_text()),
        "filters": filters.as_dict(),
        "figures": {
            table.key: {
                "title": str(table.title),
                "header": [str(heading) for heading in table.header()],
                "rows": [[str(row[0]), *row[1:]] for row in table.display_rows()],
            }
            for table in tables
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def as_pdf(tables, filters):
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from course.statistics.charts import draw

    buffer = io.BytesIO()
    rule = str(rule_text())
    with PdfPages(buffer, metadata={"Title": _("Samspel: usage statistics"), "CreationDate": None}) as pdf:
        title_page = Figure(figsize=(8.27, 11.69))
        title_page.text(0.1, 0.85, _("Samspel: usage statistics"), fontsize=20, weight="bold")
        lines = [
            _("Period: %(period)s") % {"period": filters.period},
            _("Language: %(language)s") % {"language": filters.locale or _("all")},
            _("Part of the course: %(scope)s") % {"scope": filters.scope_title or _("all")},
            _("Made on %(day)s") % {"day": date.today().isoformat()},
        ]
        for i, line in enumerate(lines):
            title_page.text(0.1, 0.78 - i * 0.03, line, fontsize=11)
        title_page.text(0.1, 0.45, _wrap(rule, 90), fontsize=9, va="top")
        pdf.savefig(title_page)
        for table in tables:
            figure = draw(table, size=(8.27, 11.69))
            figure.get_layout_engine().set(rect=(0, 0.42, 1, 0.58))
            rows = table.display_rows()[:30]
            figure.text(
                0.06,
                0.38,
                _wrap("  |  ".join(str(h) for h in table.header()), 110),
                fontsize=7,
                weight="bold",
                va="top",
            )
            body = "\n".join(_wrap(" | ".join(str(cell) for cell in row), 120) for row in rows)
            figure.text(0.06, 0.355, body, fontsize=6.5, va="top", family="monospace")
            figure.text(0.06, 0.02, _wrap(rule, 130), fontsize=6, va="bottom", style="italic")
            pdf.savefig(figure)
    return buffer.getvalue()


def _wrap(text, width):
    return "\n".join(textwrap.wrap(text, width))


def render(tables, filters, export_format):
    return {"csv": as_csv_zip, "json": as_json, "pdf": as_pdf}[export_format](tables, filters)
