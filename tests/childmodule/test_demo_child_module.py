"""The child module's demo: four age bands in Swedish and Danish, readable for each age."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from childmodule.models import LIX_TARGETS, AgeBandPage, ChapterPage, Character, ChildHomePage, ParentsGuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_course", stdout=StringIO())
    call_command("load_demo_child_module", stdout=StringIO())


def test_every_band_in_both_languages(demo):
    for code in ("sv", "da"):
        assert ChildHomePage.objects.filter(locale__language_code=code, live=True).count() == 1
        assert ParentsGuidePage.objects.filter(locale__language_code=code, live=True).count() == 1
        bands = AgeBandPage.objects.filter(locale__language_code=code, live=True).order_by("path")
        assert [band.band for band in bands] == ["3-5", "6-8", "9-12", "13-17"]
        for band in bands:
            chapters = ChapterPage.objects.child_of(band).live()
            assert chapters.count() >= 3
            kinds = {block.block_type for chapter in chapters for block in chapter.body}
            assert {"story", "feelings", "message", "fact"} <= kinds, (code, band.band, kinds)
        assert Character.objects.filter(locale__language_code=code).exists()


def test_every_chapter_is_within_its_bands_lix_target(demo):
    chapters = ChapterPage.objects.live()
    assert chapters.count() >= 24
    for chapter in chapters:
        assert chapter.readability <= LIX_TARGETS[chapter.band_page.band], (chapter.title, chapter.readability)
        assert not chapter.too_hard


def test_loading_again_creates_nothing(demo):
    out = StringIO()
    call_command("load_demo_child_module", stdout=out)
    assert "0 new pages" in out.getvalue()


def test_content_status_covers_the_child_module(demo):
    out = StringIO()
    call_command("content_status", json=True, stdout=out)
    status = json.loads(out.getvalue())
    assert status["complete"] == {"sv": True, "da": True, "en": True}
    for code in ("sv", "da"):
        assert status["counts"][code]["age bands"] == 4
        assert status["counts"][code]["chapters"] >= 12
    chapter = ChapterPage.objects.filter(locale__language_code="da").first()
    chapter.unpublish()
    out = StringIO()
    call_command("content_status", json=True, stdout=out)
    status = json.loads(out.getvalue())
    assert status["complete"]["da"] is False and status["complete"]["en"] is True


INVITES_SEVERAL = re.compile(r"flera|flere|allt som passar|alt det, der passer", re.IGNORECASE)


def test_check_ins_that_invite_several_feelings_let_the_child_choose_several(demo):
    multiple = set()
    for chapter in ChapterPage.objects.live():
        for block in chapter.body:
            if block.block_type != "feelings":
                continue
            says_several = bool(INVITES_SEVERAL.search(block.value["question"]))
            assert (block.value["selection"] == "multiple") == says_several, (chapter.title, block.value["question"])
            if says_several:
                multiple.add((chapter.locale.language_code, chapter.translation_key))
    assert len(multiple) == 6  # three chapters, in Swedish and Danish
