"""An evaluator signs in, opens Usage statistics, finds charts that pass axe-core, and downloads every file."""

import io
import json
import zipfile
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_admin_csp import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_evaluator_sees_the_charts(browser, live_server, axe):
    call_command("load_demo_course", stdout=StringIO())
    call_command("load_demo_child_module", stdout=StringIO())
    call_command("simulate_usage", participants=200, weeks=6, seed=3, stdout=StringIO())
    user = get_user_model().objects.create_user("evaluator1", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Evaluators"))

    page = browser.new_context(locale="sv-SE").new_page()
    sign_in(page, live_server, "evaluator1")
    page.locator("a[href='/admin/usage-statistics/']").first.click()
    page.wait_for_url(f"{live_server.url}/admin/usage-statistics/**")
    page.locator("#id_period").select_option(index=0)  # the first closed period offered
    page.locator(".usage-filters button[type=submit]").click()
    page.wait_for_load_state()
    charts = page.locator(".usage-figure img")
    assert charts.count() >= 6
    assert all(image.get_attribute("alt") for image in charts.all())
    for image in charts.all():  # charts load beside the page, as they come into view
        image.scroll_into_view_if_needed()
        image.evaluate("i => i.complete && i.naturalWidth > 0 || new Promise(done => i.onload = done)")
    assert page.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    assert page.locator(".usage-figure table").count() == charts.count()
    page.locator(".usage-glossary summary").click()
    assert page.locator(".usage-glossary dt").count() >= 8
    assert_no_axe_violations(axe, page)

    period = page.locator("#id_period").input_value()
    files = {}
    for link in page.locator("a[href*='/usage-statistics/export/']").all():
        with page.expect_download() as download:
            link.click()
        files[download.value.suggested_filename] = download.value.path().read_bytes()
    names = [f"samspel-usage-{period}.{extension}" for extension in ("zip", "json", "xlsx", "pdf")]
    assert sorted(files) == sorted(names)
    assert "README.txt" in zipfile.ZipFile(io.BytesIO(files[names[0]])).namelist()
    assert json.loads(files[names[1]])["filters"]["period"] == period
    assert files[names[2]].startswith(b"PK") and files[names[3]].startswith(b"%PDF")
