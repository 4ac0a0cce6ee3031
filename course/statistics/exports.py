"""The figures as files: a zip of CSVs, one JSON document, an XLSX workbook, or a PDF report
(`course.statistics.report`).

Every file names its table (a dilemma's file names its dilemma), starts with its header
row, and marks hidden cells the same way: ".." where text is shown, `null` plus the flag
"hidden" in JSON (a percentage of nothing is "–", or `null` with "not applicable"). The
disclosure rule travels with every file: in README.txt beside the CSVs, in the JSON document,
on the workbook's first sheet.
"""

import csv
import io
import json
import zipfile

from django.utils.text import slugify
from django.utils.translation import gettext as _

from course.statistics.disclosure import HIDDEN_MARK, rule_text
from course.statistics.report import as_pdf

FORMATS = ("csv", "json", "xlsx", "pdf")
CONTENT_TYPES = {
    "csv": "application/zip",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def filename(filters, export_format):
    extension = "zip" if export_format == "csv" else export_format
    return f"samspel-usage-{filters.period}.{extension}"


def table_name(table):
    """What a table's file (or sheet) is called: its key, and for a dilemma the dilemma's title."""
    subject = slugify(table.subject)[:40].strip("-")
    return f"{table.key}-{subject}" if subject else table.key


def about(filters, made_on):
    """The lines that say what the figures are: the rule, the period, the filters and the release."""
    return [
        str(_("Samspel: usage statistics")),
        _("Period: %(period)s") % {"period": filters.period},
        _("Language: %(language)s") % {"language": filters.locale or _("all")},
        _("Part of the course: %(scope)s") % {"scope": filters.scope_title or _("all")},
        _("Release made on %(day)s") % {"day": made_on.isoformat()},
        str(rule_text()),
    ]


def as_csv_zip(tables, filters, made_on):
    """One CSV per table for Swedish and Danish Excel: UTF-8 with a BOM, semicolons, header row first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", "\ufeff" + "\r\n\r\n".join(about(filters, made_on)) + "\r\n")
        for table in tables:
            text = io.StringIO()
            writer = csv.writer(text, delimiter=";")
            writer.writerow([str(heading) for heading in table.header()])
            writer.writerows([[str(cell) for cell in row] for row in table.display_rows()])
            archive.writestr(f"{table_name(table)}.csv", "\ufeff" + text.getvalue())
    return buffer.getvalue()


def as_json(tables, filters, made_on):
    document = {
        "disclosure_rule": str(rule_text()),
        "hidden_flags": {
            "hidden": str(_("not published (shown as “%(mark)s”)") % {"mark": HIDDEN_MARK}),
            "not applicable": str(_("a percentage of nothing: nobody to count")),
        },
        "filters": filters.as_dict(),
        "release_made_on": made_on.isoformat(),
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
                    for r, label in table.rows()
                ],
            }
            for table in tables
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def as_xlsx(tables, filters, made_on):
    """A workbook: what the figures are on the first sheet, then one sheet per table, header row first,
    counts as numbers and hidden cells as the tables show them."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("About")[:31]
    for line in about(filters, made_on):
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


def render(tables, filters, export_format, made_on):
    writer = {"csv": as_csv_zip, "json": as_json, "xlsx": as_xlsx, "pdf": as_pdf}[export_format]
    return writer(tables, filters, made_on)
