"""Editors build the child module in the admin, only the right way, and see its readability."""

import pytest
from django.test import Client
from django.utils import formats, translation
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from childmodule.models import AgeBandPage, ChapterPage, ChapterView, ChildHomePage, ParentsGuidePage
from modules.models import CourseHomePage, ModulePage, ThemePage
from tests.childmodule.factories import build_child_module
from tests.modules.factories import build_course
from tests.modules.test_page_types import list_block


def chapter_form_data(tree, title="Två hem", slug="tva-hem", text="Du har två hem nu. Det är okej."):
    body = streamfield(
        [
            ("text", text),
            ("story", {"character": tree["character"].pk, "text": "Jag packar min väska."}),
            ("fact", {"text": "Det är aldrig ditt fel."}),
            (
                "feelings",
                {
                    "question": "Hur känns det?",
                    "feelings": ["happy", "sad", "angry", "worried", "calm"],
                    "selection": "single",
                },
            ),
            ("message", {"intro": "Vad vill du säga?", "suggestions": list_block(["Ett.", "Två.", "Tre."])}),
        ]
    )
    data = nested_form_data({"title": title, "slug": slug, "body": body})
    # A MultipleChoiceBlock posts one field with several values, not an indexed list.
    prefix = next(key for key in data if key.endswith("-value-feelings-0"))[: -len("-0")]
    data[prefix] = [data.pop(f"{prefix}-{i}") for i in range(5)]
    return data


class ChildPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        course = build_course(languages=("sv",), themes=1, modules_per_theme=1, lessons_per_module=1)
        cls.tree = build_child_module(course, languages=("sv",))["sv"]
        cls.course = course["sv"]

    def setUp(self):
        self.login()

    def test_tree_can_only_be_built_the_right_way(self):
        self.assertAllowedParentPageTypes(ChildHomePage, {CourseHomePage})
        self.assertAllowedSubpageTypes(ChildHomePage, {AgeBandPage})
        self.assertAllowedParentPageTypes(AgeBandPage, {ChildHomePage})
        self.assertAllowedSubpageTypes(AgeBandPage, {ChapterPage})
        self.assertAllowedParentPageTypes(ChapterPage, {AgeBandPage})
        self.assertAllowedParentPageTypes(ParentsGuidePage, {CourseHomePage})
        self.assertCanNotCreateAt(ThemePage, ChapterPage)
        self.assertCanNotCreateAt(ModulePage, AgeBandPage)
        self.assertCanNotCreateAt(ChildHomePage, ChapterPage)

    def test_wrong_parent_is_refused_in_the_admin(self):
        self.client.post(
            f"/admin/pages/add/childmodule/chapterpage/{self.tree['home'].id}/", chapter_form_data(self.tree)
        )
        self.assertFalse(ChapterPage.objects.filter(slug="tva-hem").exists())

    def test_create_each_page_type(self):
        self.assertCanCreate(
            self.tree["bands"][1],
            ChapterPage,
            chapter_form_data(self.tree),
        )
        band_data = nested_form_data({"title": "Tonår", "slug": "tonar", "band": "13-17", "intro": "Hej."})
        self.assertCanCreate(self.tree["home"], AgeBandPage, band_data)

    def test_pages_are_renderable_and_previewable(self):
        for page in (self.tree["home"], self.tree["guide"], self.tree["bands"][0]):
            self.assertPageIsRenderable(page)
            self.assertPageIsPreviewable(page)
        chapter = self.tree["chapters"][0]
        self.assertPageIsRenderable(chapter)
        self.assertPageIsPreviewable(chapter, post_data=chapter_form_data(self.tree, chapter.title, chapter.slug))

    def test_edit_view_shows_lix_and_target(self):
        chapter = self.tree["chapters"][1]
        html = self.client.get(f"/admin/pages/{chapter.id}/edit/").content.decode()
        with translation.override("sv"):
            score = formats.number_format(chapter.readability, 1)
        self.assertIn(f"LIX {score}", html)
        self.assertIn("25", html)

    def test_publishing_a_hard_chapter_warns(self):
        band = self.tree["bands"][1]
        hard = (
            "Föräldrarnas separationsprocess innebär förändringar beträffande boendesituationen, "
            "vilket ofrånkomligen påverkar familjemedlemmarnas vardagstillvaro betydligt."
        )
        data = chapter_form_data(self.tree, "Svårt", "svart", text=hard)
        response = self.client.post(
            f"/admin/pages/add/childmodule/chapterpage/{band.id}/", {**data, "action-publish": "x"}, follow=True
        )
        chapter = ChapterPage.objects.get(slug="svart")
        self.assertTrue(chapter.too_hard)
        messages = [str(message) for message in response.context["messages"]]
        self.assertTrue(any(str(chapter.readability) in message for message in messages), messages)


@pytest.mark.django_db
def test_chapter_views_are_counted_anonymously(course):
    tree = build_child_module(course)["da"]
    chapter = tree["chapters"][2]
    client = Client()
    for _ in range(3):
        response = client.get(chapter.url)
        assert response.status_code == 200
        assert not response.cookies
    counter = ChapterView.objects.get()
    assert (counter.locale, counter.band, counter.count) == ("da", "9-12", 3)
    assert counter.week.count("-W") == 1
    assert {field.name for field in ChapterView._meta.concrete_fields} == {
        "id",
        "page",
        "locale",
        "band",
        "week",
        "count",
    }


@pytest.mark.django_db
def test_course_home_links_to_the_parents_guide_which_links_to_the_child_module(client, course):
    tree = build_child_module(course)["sv"]
    home = client.get("/sv/").content.decode()
    assert f'href="{tree["guide"].url}"' in home
    guide = client.get(tree["guide"].url).content.decode()
    assert f'href="{tree["home"].url}"' in guide
