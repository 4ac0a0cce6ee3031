"""Figures from hand-built usage: exact where allowed, hidden where small, read from stored releases."""

import csv
import io
import json
import re
import subprocess
import zipfile
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.test import Client
from django.utils.text import slugify

from course.models import ExportLog, LessonProgress, Participant
from course.statistics import exports
from course.statistics.figures import Filters, all_figures
from course.statistics.period import Period
from tests.course.statistics.conftest import evaluator, exported

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("december")]
PERIOD = Period.parse("2026-10")


def by_key(tables):
    return {table.key: table for table in tables}


def test_exact_figures_and_hidden_cells(usage):
    tables = by_key(all_figures(Filters(PERIOD)))
    # 3 da starters are hidden, and so are the 12 sv ones, or 15 - 12 - 0 would give the 3 away.
    assert tables["participants"].header() == ["Participants", "2026-10"]  # no figures before October
    assert tables["participants"].display_rows() == [["Started", 15], ["Came back (first return)", ".."]]
    sv = by_key(all_figures(Filters(PERIOD, locale="sv")))
    assert sv["participants"].display_rows()[0] == ["Started", ".."]
    lessons = tables["lessons"].display_rows()
    assert lessons[0][1:] == [12, 12, 100, "–"]
    assert lessons[1][1:] == [7, "..", "..", 42]  # 3 completed: hidden, and the completion rate with it
    assert lessons[2][1] == ".."  # the 3 da readers
    modules = tables["modules"].display_rows()
    assert modules[0][1:] == [12, "..", ".."]  # 3 completed both lessons of the first module
    dilemma = tables["dilemma-1"].display_rows()
    assert [row[1] for row in dilemma] == ["..", "..", "..", 12]  # 2, 1 and the 9 that would give them away
    assert dilemma[-1] == ["Total", 12, 100]


def test_a_release_is_read_not_recounted(usage, django_assert_max_num_queries):
    all_figures(Filters(PERIOD))
    LessonProgress.objects.all().delete()  # whatever happens later, the published month stays as it was
    assert by_key(all_figures(Filters(PERIOD)))["lessons"].display_rows()[0][1:3] == [12, 12]


def test_evaluators_see_the_page_and_download_every_format(usage, evaluator_client):
    page = evaluator_client.get("/admin/usage-statistics/?period=2026-10")
    assert page.status_code == 200
    html = page.content.decode()
    charts = re.findall(r'<img src="(/admin/usage-statistics/chart/[^"]+)"', html)
    assert len(charts) >= 6
    assert "<td>..</td>" in html
    for url in charts:  # the page's charts load beside it, and are not logged again
        chart = evaluator_client.get(url.replace("&amp;", "&"))
        assert chart.status_code == 200 and chart["Content-Type"] == "image/svg+xml"
        assert chart.content.startswith(b"<?xml") and b"<script" not in chart.content
    for export_format in ("csv", "json", "xlsx", "pdf"):
        exported(evaluator_client, export_format)
    assert list(ExportLog.objects.order_by("pk").values_list("username", "export_format")) == [
        ("evaluator-en", "screen"),  # seeing the figures is logged like downloading them
        ("evaluator-en", "csv"),
        ("evaluator-en", "json"),
        ("evaluator-en", "xlsx"),
        ("evaluator-en", "pdf"),
    ]
    assert ExportLog.objects.first().filters["period"] == "2026-10"


def test_a_chart_is_only_for_the_evaluator_its_page_was_logged_for(usage, evaluator_client):
    html = evaluator_client.get("/admin/usage-statistics/?period=2026-10").content.decode()
    url = re.search(r'<img src="(/admin/usage-statistics/chart/lessons/[^"]+)"', html).group(1)
    assert evaluator_client.get(url).status_code == 200
    token = url.split("?t=")[1]
    other = evaluator("sv")
    colleague = Client()
    colleague.force_login(other)
    refused = (302, 403)  # Wagtail's admin answers "no permission" by sending back to the dashboard
    assert colleague.get(url).status_code in refused  # a link passed on: another evaluator, no page seen
    assert evaluator_client.get("/admin/usage-statistics/chart/lessons/").status_code in refused  # no page seen
    forged = signing.dumps({"user": other.pk, "query": "period=2026-10"}, salt="another page")
    assert evaluator_client.get(f"/admin/usage-statistics/chart/lessons/?t={forged}").status_code in refused
    assert evaluator_client.get(f"/admin/usage-statistics/chart/lessons/?t={token[:-3]}abc").status_code in refused
    assert evaluator_client.get(url.replace("/lessons/", "/nonsense/")).status_code in (302, 404)  # no such table
    assert ExportLog.objects.count() == 1  # the one page view


def test_editors_and_anonymous_are_kept_out(usage, client):
    assert client.get("/admin/usage-statistics/").status_code == 302
    assert client.get("/admin/usage-statistics/export/csv/").status_code == 302
    editor = get_user_model().objects.create_user("editor1", password="x" * 20)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/usage-statistics/").status_code in (302, 403)
    assert client.get("/admin/usage-statistics/export/json/").status_code in (302, 403)
    assert "usage-statistics" not in client.get("/admin/").content.decode()
    assert not ExportLog.objects.exists()


def test_export_log_is_for_administrators(usage, evaluator_client, admin_client):
    exported(evaluator_client, "json")
    assert evaluator_client.get("/admin/usage-statistics/exports/").status_code in (302, 403)
    html = admin_client.get("/admin/usage-statistics/exports/").content.decode()
    assert "evaluator-en" in html and "json" in html
    # The results alone, as the filters refresh them: the other staff member's exports are left out.
    assert evaluator_client.get("/admin/usage-statistics/exports/results/").status_code in (302, 403)
    ExportLog.objects.create(username="auditor", export_format="csv", via="command")
    results = admin_client.get("/admin/usage-statistics/exports/results/", {"username": "auditor"}).content.decode()
    assert "auditor" in results and "evaluator-en" not in results and "<html" not in results


def test_export_log_pages_and_downloads_for_an_audit(admin_client):
    ExportLog.objects.bulk_create(
        ExportLog(username=f"evaluator{n}", export_format=("csv", "xlsx")[n % 2], filters={"period": "2026-10"})
        for n in range(130)
    )
    first = admin_client.get("/admin/usage-statistics/exports/").content.decode()
    assert first.count("evaluator") >= 100 and "p=2" in first
    rows = list(
        csv.reader(
            io.StringIO(
                admin_client.get("/admin/usage-statistics/exports/", {"export": "csv", "export_format": "xlsx"})
                .getvalue()
                .decode()
            )
        )
    )
    assert len(rows) == 1 + 65 and all(row[2] == "xlsx" for row in rows[1:])
    assert "2026-10" in rows[1][3]


def participant_values():
    """Everything that would identify a participant or their trace, if it appeared in a file."""
    values = set()
    for p in Participant.objects.all():
        values |= {p.code_hash, p.started_on.isoformat(), p.last_active_on.isoformat()}
    values |= {d.isoformat() for d in LessonProgress.objects.values_list("started_on", flat=True)}
    return values


def test_files_hold_no_participant_level_value(usage, evaluator_client, tmp_path):
    forbidden = participant_values()
    csv_zip = zipfile.ZipFile(io.BytesIO(exported(evaluator_client, "csv")))
    texts = {name: csv_zip.read(name).decode("utf-8-sig") for name in csv_zip.namelist()}
    assert "participants.csv" in texts and "lessons.csv" in texts
    assert "Disclosure control" in texts["README.txt"]
    document = json.loads(exported(evaluator_client, "json"))
    assert "disclosure_rule" in document
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(exported(evaluator_client, "pdf"))
    pdf_text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    assert ".." in pdf_text and "Disclosure control" in pdf_text.replace("\n", " ")
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(exported(evaluator_client, "xlsx")))
    cells = [str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row]
    everything = "\n".join([*texts.values(), json.dumps(document, ensure_ascii=False), pdf_text, *cells])
    for value in forbidden:
        assert value not in everything, value
    for p in Participant.objects.all():
        assert f'"{p.pk}"' not in everything


def test_export_usage_command(usage, tmp_path):
    from django.core.management import call_command

    for export_format in exports.FORMATS:
        output = tmp_path / f"usage.{export_format}"
        call_command(
            "export_usage",
            "--period",
            "2026-10",
            "--format",
            export_format,
            "--output",
            str(output),
            "--language",
            "en",
            stdout=io.StringIO(),
        )
        assert output.stat().st_size > 100
    document = json.loads((tmp_path / "usage.json").read_text())
    assert document["filters"] == {"period": "2026-10", "locale": "all", "scope": "all"}
    assert ExportLog.objects.filter(via="command").count() == len(exports.FORMATS)


def test_viewing_figures_on_screen_is_logged_like_a_download(usage, evaluator_client):
    evaluator_client.get("/admin/usage-statistics/?period=2026-10&locale=da")
    entry = ExportLog.objects.get()
    assert (entry.username, entry.export_format, entry.via) == ("evaluator-en", "screen", "admin")
    assert entry.filters == {"period": "2026-10", "locale": "da", "scope": "all"}


def test_charts_draw_hidden_cells_as_gaps_with_a_legend(usage):
    from course.statistics.charts import draw

    table = by_key(all_figures(Filters(PERIOD)))["lessons"]
    axes = draw(table).axes[0]
    assert not axes.texts and not axes.get_title()  # no "<5" over the bars, the title is the page's
    assert "Hidden (“..” in the table)" in [text.get_text() for text in axes.get_legend().get_texts()]
    hatched = [patch for patch in axes.patches if patch.get_hatch()]
    assert hatched and all(not patch.get_fill() for patch in hatched)


@pytest.mark.parametrize(
    "period",
    ["2026-W44", "2026-12", "2027", "2026-13", "1900", "9999-Q4", "2016-2026", "2026-H3", "2025-06"],
)
def test_periods_off_the_grid_open_or_without_figures_are_refused(usage, evaluator_client, period, tmp_path):
    page = evaluator_client.get(f"/admin/usage-statistics/?period={period}")
    assert page.status_code == 200 and "Select a valid choice" in page.content.decode()
    assert evaluator_client.get(f"/admin/usage-statistics/export/json/?period={period}").status_code == 400
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("export_usage", "--period", period, "--format", "json", "--output", str(tmp_path / "x.json"))
    assert not (tmp_path / "x.json").exists()


def test_the_period_grid():
    quarter = Period.parse("2026-q3")
    assert str(quarter) == "2026-Q3" and [str(m) for m in quarter.months] == ["2026-07", "2026-08", "2026-09"]
    assert quarter.weeks[0] == "2026-W27" and quarter.weeks[-1] == "2026-W39"  # weeks by their Thursday
    assert Period.parse("2026-04").closes_on == date(2026, 5, 4)  # its last week ends on Sunday 3 May
    assert Period.parse("2026-06").closes_on == date(2026, 7, 1)
    assert [str(p) for p in Period.parse("2026").children] == ["2026-H1", "2026-H2"]
    assert str(Period.parse("2026-01").previous()) == "2025-12"
    assert str(Period.parse("2026-Q1").year_before()) == "2025-Q1"
    assert sum(len(Period("month", 2026, m).weeks) for m in range(1, 13)) == 53  # every week in one month


def test_each_file_names_its_table_and_marks_hidden_cells_alike(usage, evaluator_client):
    from openpyxl import load_workbook

    tables = by_key(all_figures(Filters(PERIOD)))
    dilemma = usage["sv"]["dilemma"]

    raw = zipfile.ZipFile(io.BytesIO(exported(evaluator_client, "csv")))
    name = next(n for n in raw.namelist() if n.startswith("dilemma-1"))
    assert name == f"dilemma-1-{slugify(dilemma.title)}.csv"
    lessons = raw.read("lessons.csv")
    assert lessons.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(lessons.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Lesson", "Started", "Completed", "Completed (%)", "Drop-off from the lesson before (%)"]
    assert rows[1][1:] == ["12", "12", "100", "–"] and rows[2][1:] == ["7", "..", "..", "42"]

    document = json.loads(exported(evaluator_client, "json"))
    second = document["figures"]["lessons"]["rows"][1]
    assert second["values"] == [7, None, None, 42] and second["hidden"] == [None, "hidden", "hidden", None]
    first = document["figures"]["lessons"]["rows"][0]
    assert first["values"][3] is None and first["hidden"][3] == "not applicable"
    assert document["figures"]["dilemma-1"]["rows"][-1]["label"] == "Total"
    assert document["figures"]["dilemma-1"]["name"] == name.removesuffix(".csv")

    workbook = load_workbook(io.BytesIO(exported(evaluator_client, "xlsx")))
    assert workbook.sheetnames == ["About", *tables]
    sheet = list(workbook["lessons"].iter_rows(values_only=True))
    assert sheet[0][:3] == ("Lesson", "Started", "Completed")
    assert sheet[2][1:4] == (7, "..", "..")  # counts are numbers, hidden cells marked as in the table


def test_a_release_is_the_same_before_and_after_a_contributor_forgets_themselves(usage, evaluator_client):
    from course import journey
    from course.models import StatisticsRelease

    before = exported(evaluator_client, "json")
    stored = StatisticsRelease.objects.values("period", "cells", "basis", "made_on").get(period="2026-10")
    journey.forget(Participant.objects.filter(language="da").first())  # one of the three few ones
    assert StatisticsRelease.objects.values("period", "cells", "basis", "made_on").get(period="2026-10") == stored
    assert exported(evaluator_client, "json") == before
    # A coarser period made later is summed from the month as it was released, not recounted.
    from course.statistics.releases import release

    assert release(Period.parse("2026-Q4"), date(2027, 1, 10)).basis["started"]["da"] == 3
