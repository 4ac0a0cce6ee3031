"""Help is never more than a tap away: the directory's lines on every page a parent or child meets."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from childmodule.models import AgeBandPage, ChapterPage, ChildHomePage
from safety.models import HelpLine
from tests.course.conftest import start

pytestmark = pytest.mark.django_db


def tel_links(html):
    return re.findall(r'href="tel:([+0-9]+)"', html)


def test_parents_pages_show_the_countrys_lines_with_tap_to_call(client, course, lines):
    pages = {
        "course home": course["sv"]["home"].url,
        "start": "/sv/start/",
        "help page": "/sv/help/",
    }
    for name, url in pages.items():
        html = client.get(url).content.decode()
        assert {"112", "020505050", "90101"} <= set(tel_links(html)), name
        assert "1888" not in tel_links(html), name  # Denmark's line is not offered in Sweden
        assert 'class="help-link" href="/sv/help/"' in html, name  # "If it isn't safe", in the header
    danish = client.get(course["da"]["home"].url).content.decode()
    assert {"112", "1888"} <= set(tel_links(danish)) and "020505050" not in tel_links(danish)
    english = client.get("/en/help/").content.decode()
    assert "020505050" in tel_links(english) and "Kvinnofridslinjen" in english  # the site runs in Sweden


def test_the_help_box_follows_a_dilemma_and_is_on_my_progress(client, course, lines):
    lesson = next(lesson for lesson in course["sv"]["lessons"] if any(b.block_type == "dilemma" for b in lesson.body))
    html = client.get(lesson.url).content.decode()
    answers = html.split("data-dilemma-answers", 1)[1].split("</section>", 1)[0]
    assert tel_links(answers)  # the feedback, opened in the page, is followed by where help is
    start(client)
    assert "90101" in tel_links(client.get("/sv/my-progress/").content.decode())


def test_every_child_page_has_the_childrens_help_box(client, lines):
    call_command("load_demo_course", stdout=StringIO())
    call_command("load_demo_child_module", stdout=StringIO())
    for code, child_line in (("sv", "BRIS"), ("da", "BørneTelefonen")):
        pages = [
            *ChildHomePage.objects.live().filter(locale__language_code=code),
            *AgeBandPage.objects.live().filter(locale__language_code=code),  # 3–5 included
            *ChapterPage.objects.live().filter(locale__language_code=code)[:4],
        ]
        assert any(getattr(page.specific, "band", "") == "3-5" for page in pages)
        for page in pages:
            html = client.get(page.url).content.decode()
            box = html[html.index('class="help-box help-box-child"') :]
            assert child_line in box and {"116111", "112"} <= set(tel_links(box)), page.url


def test_a_line_not_checked_for_six_months_is_listed_for_editors(client, lines):
    HelpLine.objects.filter(title="Kvinnofridslinjen").update(last_verified=timezone.localdate() - timedelta(days=200))
    editor = get_user_model().objects.create_user("editor1", password="x" * 20)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = client.get("/admin/reports/help-lines-to-check/").content.decode()
    assert "Kvinnofridslinjen" in html  # checked too long ago
    assert "Livslinien" in html  # never confirmed from a current source
    assert "BRIS" not in html  # checked today


def test_a_change_to_a_line_waits_for_review(client, course, lines):
    line = HelpLine.objects.get(title="Kvinnofridslinjen")
    line.phone = "020-00 00 00"
    line.save_revision()  # an editor's draft
    assert HelpLine.objects.get(pk=line.pk).phone == "020-50 50 50"  # readers still see the reviewed number
    unreviewed = HelpLine(
        title="Unreviewed line", country="SE", audience=HelpLine.VIOLENCE, description="-", phone="0700 00 00 00"
    )
    unreviewed.locale = line.locale
    unreviewed.live = False
    unreviewed.save()
    unreviewed.save_revision()
    page = client.get("/sv/help/").content.decode()
    assert "020505050" in tel_links(page) and "020000000" not in tel_links(page)
    assert "Unreviewed line" not in page and "070000000000" not in tel_links(page)


def test_the_help_page_stores_nothing(client, course, lines):
    def rows():
        return {model._meta.label: model.objects.count() for model in apps.get_models()}

    before = rows()
    assert client.get("/sv/help/").status_code == 200
    assert client.get("/da/help/").status_code == 200
    assert rows() == before
    assert not client.cookies  # no cookie set for looking
