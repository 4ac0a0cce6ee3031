"""The PDF report as a municipality hands it on: tagged PDF/UA-1, every row, every page printable."""

import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from course.models import ReportSettings
from tests.course.statistics.conftest import evaluator, exported

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("december")]


def structure(node, found):
    """Every structure element under a node, as (tag, element), in reading order."""
    kids = node.get("/K")
    if kids is None:
        return found
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and kid.get("/Type") == "/StructElem":
            found.append((kid["/S"], kid))
            structure(kid, found)
    return found


@pytest.fixture
def report(usage, evaluator_client, tmp_path, monkeypatch):
    monkeypatch.setattr("course.statistics.period.today", lambda: date(2027, 1, 10))  # the quarter has closed
    settings = ReportSettings.load()
    settings.organisation = "Ölands kommun"
    settings.save()
    path = tmp_path / "report.pdf"
    path.write_bytes(exported(evaluator_client, "pdf", "period=2026-Q4"))
    return path


def test_the_report_is_tagged_pdf_ua(report):
    reader = PdfReader(report)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert "Samspel" in reader.metadata.title
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp  # PDF/UA-1 declared
    elements = structure(root["/StructTreeRoot"], [])
    tags = [tag for tag, _element in elements]
    for tag in ("/H1", "/H2", "/P", "/Table", "/TR", "/TH", "/TD", "/Figure"):
        assert tag in tags, tag
    figures = [element for tag, element in elements if tag == "/Figure"]
    assert len(figures) >= 6  # one chart per table
    assert all(str(element.get("/Alt", "")).startswith("Bar chart: ") for element in figures)
    for page in reader.pages:  # every font is in the file, or a reader substitutes its own
        for font in page["/Resources"].get("/Font", {}).values():
            descendant = font.get_object().get("/DescendantFonts", [font])[0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_every_page_renders_and_nothing_is_cut(report, tmp_path):
    pages = len(PdfReader(report).pages)
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(report), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == pages > 4
    text = subprocess.run(["pdftotext", str(report), "-"], capture_output=True, text=True, check=True).stdout
    assert "Ölands kommun" in text and "2026-Q4" in text  # the cover names the organisation and the period
    assert "Definitions" in text and "Drop-off" in text
    for month in ("2026-10", "2026-11", "2026-12"):  # the breakdown by month, to its total row
        assert month in text
    assert text.count("Total") >= 2


def test_the_report_is_in_the_admins_language(usage, client, tmp_path):
    client.force_login(evaluator("da"))
    path = tmp_path / "rapport.pdf"
    path.write_bytes(exported(client, "pdf"))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "brugsstatistik" in text and "Periode" in text and "Definitioner" in text
    assert PdfReader(path).trailer["/Root"]["/Lang"] == "da"
