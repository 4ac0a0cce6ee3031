"""Help lines and child characters are previewed as readers see them, and scheduled like pages."""

import pytest

from safety.models import HelpLine
from tests.childmodule.factories import CharacterFactory
from tests.modules.test_four_eyes import logged_in

pytestmark = pytest.mark.django_db


def test_a_help_line_is_previewed_in_the_help_boxes_it_appears_in(lines):
    editor = logged_in("Editors", "editor1")
    for audience, for_children in ((HelpLine.CHILD, True), (HelpLine.PARENT, False)):
        line = HelpLine.objects.filter(audience=audience).first()
        edit = editor.get(f"/admin/snippets/safety/helpline/edit/{line.pk}/").content.decode()
        assert "w-preview" in edit and 'name="go_live_at"' in edit  # the preview panel and the publishing dates
        html = line.make_preview_request().content.decode()
        assert line.phone in html and 'class="help-box"' in html
        assert ('class="help-box help-box-child"' in html) is for_children


def test_a_character_is_previewed_as_a_chapter_introduces_them(db):
    editor = logged_in("Editors", "editor1")
    character = CharacterFactory(name="Alva", description="Alva är åtta år och bor i två hem.")
    edit = editor.get(f"/admin/snippets/childmodule/character/edit/{character.pk}/").content.decode()
    assert "w-preview" in edit and 'name="go_live_at"' in edit
    html = character.make_preview_request().content.decode()
    assert "Alva är åtta år och bor i två hem." in html and "characters.svg#fox" in html
