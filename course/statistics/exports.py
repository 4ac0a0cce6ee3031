"""The figures as files: a zip of CSVs, one JSON document, an XLSX workbook, or a PDF report.

Every file names its table (a dilemma's file names its dilemma), starts with its header
row, and marks hidden cells the same way: "<k" and "–" where text is shown, `null` plus a
flag ("small", "protecting") in JSON. The disclosure rule travels with every file: in
README.txt beside the CSVs, in the JSON document, on the workbook's first sheet.
"""

import csv
import io
import json
import textwrap
import zipfile
from datetime import date

from django.utils.text import slugify
from django.utils.translation import gettext as _

from course.statistics.disclosure import min_cell, rule_text

FORMATS = ("csv", "json", "xlsx", "pdf")
CONTENT_TYPES = {
    "csv": "application/zip",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def filename(filters, export_format):
    extension = "zip" if export_format == "csv" else export_format
    weeks = filters.period.weeks
    return f"samspel-usage-{weeks[0]}-{weeks[-1]}.{extension}"


def table_name(table):
    """What a table's file (or sheet) is called: its key, and for a dilemma the dilemma's title."""
    subject = slugify(table.subject)[:40].strip("-")
    return f"{table.key}-{subject}" if subject else table.key


def about(filters):
    """The lines that say what the figures are: the rule, the period and the filters."""
    return [
        str(_("Samspel: usage statistics")),
        _("Period: %(period)s") % {"period": filters.period},
        _("Language: %(language)s") % {"language": filters.locale or _("all")},
        _("Part of the course: %(scope)s") % {"scope": filters.scope_title or _("all")},
        _("Made on %(day)s") % {"day": date.today().isoformat()},
        str(rule_text()),
    ]


def as_csv_zip(tables, filters):
    """One CSV per table for Swedish and Danish Excel: UTF-8 with a BOM, semicolons, header row first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", "\ufeff" + "\r\n\r\n".join(about(filters)) + "\r\n")
        for table in tables:
            text = io.StringIO()
            writer = csv.writer(text, delimiter=";")
            writer.writerow([str(heading) for heading in table.header()])
            writer.writerows([[str(cell) for cell in row] for row in table.display_rows()])
            archive.writestr(f"{table_name(table)}.csv", "\ufeff" + text.getvalue())
    return buffer.getvalue()


def as_json(tables, filters):
    document = {
        "disclosure_rule": str(rule_text()),
        "hidden_flags": {
            "small": str(_("a count from 1 to %(below)s") % {"below": min_cell() - 1}),
            "protecting": str(_("hidden so that no small count can be worked out from the others")),
        },
        "filters": filters.as_dict(),
        "figures": {
            table.key: {
                "title": str(table.title),
                "name": table_name(table),
                "header": [str(heading) for heading in table.header()],
                "rows": [
                    {
                        "label": str(label),
                        "values": [table.cell(r, c) for c in range(len(table.columns))],
                        "hidden": [table.hidden_as(r, c) for c in range(len(table.columns))],
                    }
                    for label, r in table.rows()
                ],
            }
            for table in tables
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def as_xlsx(tables, filters):
    """A workbook: what the figures are on the first sheet, then one sheet per table, header row first,
    counts as numbers and hidden cells as the tables show them."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("About")[:31]
    for line in about(filters):
        sheet.append([line])
    sheet.append([])
    sheet.append([str(_("Sheet")), str(_("Table"))])
    for table in tables:
        sheet.append([table.key, str(table.title)])
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80
    for table in tables:
        sheet = workbook.create_sheet(table.key[:31])
        sheet.append([str(heading) for heading in table.header()])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.display_rows():
            sheet.append([str(row[0]), *row[1:]])
        sheet.freeze_panes = "B2"
        sheet.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_pdf(tables, filters):
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from course.statistics.charts import draw

    buffer = io.BytesIO()
    rule = str(rule_text())
    with PdfPages(buffer, metadata={"Title": _("Samspel: usage statistics"), "CreationDate": None}) as pdf:
        title_page = Figure(figsize=(8.27, 11.69))
        title_page.text(0.1, 0.85, _("Samspel: usage statistics"), fontsize=20, weight="bold")
        for i, line in enumerate(about(filters)[1:-1]):  # period, filters, day; the rule comes below
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
    return {"csv": as_csv_zip, "json": as_json, "xlsx": as_xlsx, "pdf": as_pdf}[export_format](tables, filters)
