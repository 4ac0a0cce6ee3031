"""The PDF report: the figures as an HTML document, printed by WeasyPrint as tagged PDF/UA-1.

A cover names the period, the organisation (setting "Statistics reports"), the filters,
the release and the disclosure rule, with a glossary; then each table with its chart (SVG,
with alternative text) and every one of its rows: long tables continue over pages with
their header row repeated, nothing is cut.
"""

import base64

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from course.models import ReportSettings
from course.statistics.charts import svg
from course.statistics.disclosure import rule_text
from course.statistics.glossary import glossary


def chart_summary(table):
    """A text alternative for a chart: what it shows; the numbers are in the table beside it."""
    return _("Bar chart: %(title)s. The same numbers are in the table below.") % {"title": table.title}


def figures_with_charts(tables):
    """Each table with its chart as a data URI: the report is one self-contained document."""
    return [
        {
            "table": table,
            "chart": "data:image/svg+xml;base64," + base64.b64encode(svg(table)).decode(),
            "summary": chart_summary(table),
        }
        for table in tables
    ]


def as_pdf(tables, filters, made_on):
    from weasyprint import HTML

    html = render_to_string(
        "course/statistics/report.html",
        {
            "language": get_language(),
            "organisation": ReportSettings.load().organisation,
            "filters": filters,
            "made_on": made_on,
            "rule": rule_text(),
            "glossary": glossary(),
            "figures": figures_with_charts(tables),
        },
    )
    return HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")
