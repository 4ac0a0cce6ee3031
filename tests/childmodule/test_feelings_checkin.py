"""The feelings check-in: an editor chooses whether a child picks one feeling or several."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase

from childmodule.blocks import FeelingsBlock
from childmodule.models import ChapterPage
from tests.childmodule.factories import FEELINGS, build_child_module, feelings_block
from tests.childmodule.test_pages import chapter_form_data
from tests.modules.factories import build_course


def render(value):
    block = FeelingsBlock()
    html = block.render(block.to_python(value), context={"block_id": "abc"})
    return BeautifulSoup(html, "html.parser")


def test_a_check_in_saved_before_the_choice_existed_stays_single():
    block = FeelingsBlock()
    value = block.to_python({"question": "Hur känner du dig?", "feelings": FEELINGS})
    assert value["selection"] == "single"
    assert block.get_default()["selection"] == "single"


@pytest.mark.parametrize(("selection", "input_type"), [("single", "radio"), ("multiple", "checkbox")])
def test_the_faces_are_radios_or_checkboxes_in_a_fieldset_with_a_legend(selection, input_type):
    html = render({"question": "Hur känner du dig?", "feelings": FEELINGS, "selection": selection})
    fieldset = html.select_one(".feelings fieldset")
    assert fieldset.legend.get_text(strip=True) == "Hur känner du dig?"
    inputs = fieldset.select("input.feeling-input")
    assert [each["value"] for each in inputs] == FEELINGS
    assert {each["type"] for each in inputs} == {input_type}
    for each in inputs:
        assert fieldset.select_one(f"label[for={each['id']}]")


def test_every_feeling_has_its_answer_inside_a_live_region_that_is_always_there():
    html = render({"question": "Hur känner du dig?", "feelings": FEELINGS, "selection": "multiple"})
    regions = html.select('.feelings [role="status"][aria-live="polite"]')
    assert len(regions) == 1
    answers = regions[0].select(".feeling-answer")
    assert [answer["data-feeling"] for answer in answers] == FEELINGS
    assert all(answer.get_text(strip=True) for answer in answers)


class FeelingsCheckInEditorTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        course = build_course(languages=("sv",), themes=1, modules_per_theme=1, lessons_per_module=1)
        cls.tree = build_child_module(course, languages=("sv",))["sv"]

    def setUp(self):
        self.login()

    def test_the_editor_sees_the_choice_with_single_as_default(self):
        selection = FeelingsBlock().child_blocks["selection"]
        assert selection.get_default() == "single"
        assert selection.label and selection.field.help_text
        band = self.tree["bands"][1]
        html = self.client.get(f"/admin/pages/add/childmodule/chapterpage/{band.id}/").content.decode()
        assert "selection" in html and "multiple" in html

    def test_the_editor_makes_a_check_in_multiple_and_the_page_shows_checkboxes(self):
        data = chapter_form_data(self.tree, "Många känslor", "manga-kanslor")
        prefix = next(key for key in data if key.endswith("-value-question"))[: -len("question")]
        data[f"{prefix}selection"] = "multiple"
        self.assertCanCreate(self.tree["bands"][2], ChapterPage, data)
        chapter = ChapterPage.objects.get(slug="manga-kanslor")
        feelings = next(block for block in chapter.body if block.block_type == "feelings")
        assert feelings.value["selection"] == "multiple"

        chapter.save_revision().publish()
        html = BeautifulSoup(self.client.get(chapter.url).content, "html.parser")
        assert {each["type"] for each in html.select(".feelings input.feeling-input")} == {"checkbox"}

    def test_an_unknown_selection_is_refused(self):
        data = chapter_form_data(self.tree, "Fel", "fel")
        prefix = next(key for key in data if key.endswith("-value-question"))[: -len("question")]
        data[f"{prefix}selection"] = "all"
        self.client.post(f"/admin/pages/add/childmodule/chapterpage/{self.tree['bands'][2].id}/", data)
        assert not ChapterPage.objects.filter(slug="fel").exists()


@pytest.mark.django_db
def test_a_chapter_page_renders_single_and_multiple_check_ins(client, course):
    tree = build_child_module(course, languages=("sv",))["sv"]
    chapter = tree["chapters"][0]
    chapter.body.append(feelings_block("multiple"))
    chapter.save_revision().publish()
    html = BeautifulSoup(client.get(chapter.url).content, "html.parser")
    types = [{each["type"] for each in checkin.select("input")} for checkin in html.select(".feelings")]
    assert types == [{"radio"}, {"checkbox"}]
    names = [{each["name"] for each in checkin.select("input")} for checkin in html.select(".feelings")]
    assert len(names[0]) == 1 and names[0] != names[1]
