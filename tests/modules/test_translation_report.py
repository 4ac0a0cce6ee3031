"""The translation status report is a Wagtail report: filters, paging, CSV and XLSX download."""

import csv
import io
import re

import openpyxl
import pytest
from wagtail.models import Locale

from tests.cms.test_admin_language import staff_client
from tests.modules.factories import StoryFactory

pytestmark = pytest.mark.django_db
URL = "/admin/reports/translation-status/"


def rows(html):
    """The rows of the report's table of gaps (the last table on the page)."""
    body = html.rsplit("<tbody", 1)[-1].split("</tbody>", 1)[0]
    return body.count("<tr")


@pytest.fixture
def untranslated(course):
    """60 Swedish stories without a Danish or English translation: 120 gaps, more than a page."""
    swedish = Locale.objects.get(language_code="sv")
    stories = [StoryFactory(locale=swedish, title=f"Otranslaterad berättelse {n:02}") for n in range(60)]
    for story in stories:
        story.save_revision().publish()
    return stories


def test_the_report_pages_and_filters_what_is_left_to_translate(untranslated):
    editor = staff_client("english5", "en")
    assert "p=2" in editor.get(URL).content.decode()  # 120 gaps and more: pages of 50
    missing = {"locale": "da", "problem": "missing"}
    danish = editor.get(URL, missing).content.decode()
    matches = int(re.search(r"There are (\d+) matches", danish).group(1))
    assert matches >= 60 and rows(danish) == 50
    second = editor.get(URL, {**missing, "p": 2}).content.decode()
    assert rows(second) == matches - 50
    assert (danish + second).count("Otranslaterad berättelse") == 60
    assert editor.get(URL, {"locale": "da", "problem": "outdated"}).content.decode().count("Otranslaterad") == 0
    # The results alone, as the filters refresh them without reloading the page.
    results = editor.get(URL + "results/", {"locale": "en", "problem": "missing", "p": 2}).content.decode()
    assert rows(results) == matches - 50 and "<html" not in results


def test_the_report_downloads_as_csv_and_xlsx_with_every_row(untranslated):
    editor = staff_client("english6", "en")
    rows = list(csv.reader(io.StringIO(editor.get(URL, {"export": "csv", "locale": "da"}).getvalue().decode())))
    assert rows[0] == ["Language", "What", "Title", "Problem", "Link"]
    stories = [row for row in rows[1:] if row[2].startswith("Otranslaterad")]
    assert len(stories) == 60 and all(row[0] == "da" for row in rows[1:])
    assert stories[0][3] == "not translated yet (the link starts a translation)"
    assert stories[0][4].startswith("/admin/translation/submit/snippet/modules/story/")
    workbook = openpyxl.load_workbook(io.BytesIO(editor.get(URL, {"export": "xlsx"}).getvalue()))
    sheet = workbook.active
    assert [cell.value for cell in sheet[1]] == ["Language", "What", "Title", "Problem", "Link"]
    assert sum(1 for row in sheet.iter_rows(min_row=2, values_only=True) if row[2].startswith("Otranslaterad")) == 120


def test_a_bad_filter_is_answered_without_an_error(untranslated):
    response = staff_client("english7", "en").get(URL, {"locale": "xx", "problem": "<script>", "p": "9999"})
    assert response.status_code == 200
    assert "&lt;script&gt;" in response.content.decode() or "<script>" not in response.content.decode()
