"""Figures from hand-built usage: exact where allowed, hidden where small, and nothing recoverable."""

import csv
import io
import json
import os
import subprocess
import zipfile
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.text import slugify
from wagtail.users.models import UserProfile

from cms.weeks import iso_week
from course.models import DilemmaChoice, ExportLog, LessonProgress, Participant, ParticipantWeek
from course.statistics import exports
from course.statistics.figures import Filters, all_figures
from course.statistics.period import Period
from tests.course.statistics.test_disclosure import attacker_recovers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Figures and files are written in the active language; these tests read English."""
    with translation.override("en"):
        yield


MONDAY = date(2026, 11, 2)  # ISO week 2026-W45
PERIOD = Period.from_weeks("2026-W44", "2026-W47")


@pytest.fixture
def usage(course):
    """12 participants start in W45 (sv), 3 in W46 (da); 2 of the W45 ones come back in W46."""
    tree = course["sv"]
    lessons = tree["lessons"]
    dilemma = tree["dilemma"]
    options = list(dilemma.options.all())
    people = []
    for i in range(15):
        language, started = ("sv", MONDAY) if i < 12 else ("da", MONDAY + timedelta(weeks=1))
        p = Participant.objects.create(
            code_hash=f"{i:064x}", language=language, started_on=started, last_active_on=started
        )
        ParticipantWeek.objects.create(participant=p, week=iso_week(started))
        people.append(p)
    for p in people[:2]:
        ParticipantWeek.objects.create(participant=p, week="2026-W46", returning=True)
    for p in people[12:]:  # the da starters open a lesson of the second module (only then have they started)
        LessonProgress.objects.create(participant=p, page=lessons[2], started_on=p.started_on)
    for i, p in enumerate(people[:12]):
        LessonProgress.objects.create(participant=p, page=lessons[0], started_on=MONDAY, completed_on=MONDAY)
        if i < 7:
            LessonProgress.objects.create(
                participant=p, page=lessons[1], started_on=MONDAY, completed_on=MONDAY if i < 3 else None
            )
        # 9 choose the last option, 2 the first, 1 the second
        option = options[2] if i < 9 else options[0] if i < 11 else options[1]
        DilemmaChoice.objects.create(participant=p, dilemma=dilemma, option=option, chosen_on=MONDAY)
    return course


def by_key(tables):
    return {table.key: table for table in tables}


def test_exact_figures_and_suppressed_cells(usage):
    tables = by_key(all_figures(Filters(PERIOD)))
    starts = tables["starts"].display_rows()
    # 3 starters in W46 are hidden, and so are the 12 of W45, or 15 - 12 would give the 3 away.
    assert starts[1] == ["2026-W45", "–", 0]
    assert starts[2] == ["2026-W46", "<5", "<5"]
    assert starts[-1] == ["Total", 15, "<5"]
    lessons = tables["lessons"].display_rows()
    assert lessons[0][1:] == [12, 12]
    assert lessons[1][1:] == [7, "<5"]
    modules = tables["modules"].display_rows()
    assert modules[0][1:] == [12, "<5"]  # 3 completed both lessons of the first module
    dilemma = tables["dilemma-1"].display_rows()
    assert dilemma[2][1] == 9 and dilemma[0][1] == "<5" and dilemma[1][1] == "<5"
    assert dilemma[-1][1] == 12


def test_locale_filter(usage):
    tables = by_key(all_figures(Filters(PERIOD, locale="sv")))
    assert tables["starts"].display_rows()[2][1] == 0  # the da starters are not counted
    assert tables["starts"].display_rows()[-1][1] == 12


def test_nothing_hidden_can_be_recovered_from_any_figure(usage):
    for table in all_figures(Filters(PERIOD)):
        assert attacker_recovers(table) == [], table.key


def exported(client, export_format, query="first=2026-W44&last=2026-W47"):
    response = client.get(f"/admin/usage-statistics/export/{export_format}/?{query}")
    assert response.status_code == 200, response.content[:300]
    return response.content


def evaluator(language="en"):
    user = get_user_model().objects.create_user(f"evaluator-{language}", password="x" * 20)
    user.groups.add(Group.objects.get(name="Evaluators"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language  # the admin's language, and so the files'
    profile.save()
    return user


@pytest.fixture
def evaluator_client(client):
    client.force_login(evaluator("en"))
    return client


def test_the_pdf_report_is_in_the_admins_language(usage, client, tmp_path):
    client.force_login(evaluator("da"))
    path = tmp_path / "rapport.pdf"
    path.write_bytes(exported(client, "pdf"))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "brugsstatistik" in text and "Periode: 2026-W44" in text


def test_evaluators_see_the_page_and_download_every_format(usage, evaluator_client):
    page = evaluator_client.get("/admin/usage-statistics/?first=2026-W44&last=2026-W47")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('<img src="data:image/png;base64,') >= 6
    assert "<5" in html or "&lt;5" in html
    for export_format in ("csv", "json", "xlsx", "pdf"):
        exported(evaluator_client, export_format)
    assert list(ExportLog.objects.order_by("pk").values_list("username", "export_format")) == [
        ("evaluator-en", "screen"),  # seeing the figures is logged like downloading them
        ("evaluator-en", "csv"),
        ("evaluator-en", "json"),
        ("evaluator-en", "xlsx"),
        ("evaluator-en", "pdf"),
    ]
    assert ExportLog.objects.first().filters["from"] == "2026-W44"


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
    assert "starts.csv" in texts and "lessons.csv" in texts
    assert "Disclosure control" in texts["README.txt"]
    document = json.loads(exported(evaluator_client, "json"))
    assert "disclosure_rule" in document
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(exported(evaluator_client, "pdf"))
    pdf_text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    assert "<5" in pdf_text and "Disclosure control" in pdf_text.replace("\n", " ")
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
            "--from",
            "2026-W44",
            "--to",
            "2026-W47",
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
    assert document["filters"] == {"from": "2026-W44", "to": "2026-W47", "locale": "all", "scope": "all"}
    assert ExportLog.objects.filter(via="command").count() == len(exports.FORMATS)


def test_viewing_figures_on_screen_is_logged_like_a_download(usage, evaluator_client):
    evaluator_client.get("/admin/usage-statistics/?first=2026-W44&last=2026-W47&locale=da")
    entry = ExportLog.objects.get()
    assert (entry.username, entry.export_format, entry.via) == ("evaluator-en", "screen", "admin")
    assert entry.filters == {"from": "2026-W44", "to": "2026-W47", "locale": "da", "scope": "all"}


def test_charts_label_hidden_cells_as_the_tables_do(usage):
    from course.statistics.charts import draw

    table = by_key(all_figures(Filters(PERIOD)))["starts"]
    labels = {text.get_text() for text in draw(table).axes[0].texts}
    assert labels == {"<5", "–"}  # W46's few starters, and W45's 12 hidden so they cannot be worked out


@pytest.mark.parametrize(
    ("first", "last"),
    [("2016-W01", "2026-W01"), ("2026-W01", "9999-W52"), ("1900-W01", "1900-W02"), ("2024-W01", "2026-W10")],
)
def test_periods_that_could_stall_a_worker_are_refused(usage, evaluator_client, first, last, tmp_path):
    with pytest.raises(ValueError):
        Period.from_weeks(first, last)
    page = evaluator_client.get(f"/admin/usage-statistics/?first={first}&last={last}")
    assert page.status_code == 200 and "two years at most" in page.content.decode()
    assert evaluator_client.get(f"/admin/usage-statistics/export/json/?first={first}&last={last}").status_code == 400
    result = subprocess.run(
        [
            ".venv/bin/python",
            "manage.py",
            "export_usage",
            "--from",
            first,
            "--to",
            last,
            "--format",
            "json",
            "--output",
            str(tmp_path / "x.json"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr


def test_each_file_names_its_table_and_marks_hidden_cells_alike(usage, evaluator_client):
    from openpyxl import load_workbook

    tables = by_key(all_figures(Filters(PERIOD)))
    dilemma = usage["sv"]["dilemma"]

    raw = zipfile.ZipFile(io.BytesIO(exported(evaluator_client, "csv")))
    name = next(n for n in raw.namelist() if n.startswith("dilemma-1"))
    assert name == f"dilemma-1-{slugify(dilemma.title)}.csv"
    starts = raw.read("starts.csv")
    assert starts.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(starts.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Week", "Started", "Came back"]  # the header row first
    assert rows[2] == ["2026-W45", "–", "0"] and rows[3] == ["2026-W46", "<5", "<5"]

    document = json.loads(exported(evaluator_client, "json"))
    week45, week46 = document["figures"]["starts"]["rows"][1:3]
    assert week45 == {"label": "2026-W45", "values": [None, 0], "hidden": ["protecting", None]}
    assert week46 == {"label": "2026-W46", "values": [None, None], "hidden": ["small", "small"]}
    assert document["figures"]["starts"]["rows"][-1]["label"] == "Total"
    assert document["figures"]["dilemma-1"]["name"] == name.removesuffix(".csv")

    workbook = load_workbook(io.BytesIO(exported(evaluator_client, "xlsx")))
    assert workbook.sheetnames == ["About", *tables]
    sheet = list(workbook["starts"].iter_rows(values_only=True))
    assert sheet[0] == ("Week", "Started", "Came back")
    assert sheet[2] == ("2026-W45", "–", 0) and sheet[3] == ("2026-W46", "<5", "<5")
    assert sheet[-1] == ("Total", 15, "<5")  # counts are numbers, not text
