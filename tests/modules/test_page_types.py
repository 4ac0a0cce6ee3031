"""Editors can create every page type in the admin, only in the right place, and see it rendered."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from childmodule.models import ChildHomePage, ParentsGuidePage
from modules.models import CourseHomePage, LessonPage, ModulePage, ThemePage
from tests.modules.factories import build_course


def list_block(items):
    """Form data for a ListBlock's items."""
    return {
        "count": len(items),
        **{str(i): {"value": item, "deleted": "", "order": i, "id": ""} for i, item in enumerate(items)},
    }


def lesson_form_data(tree, title="Att berätta", slug="att-beratta"):
    source = tree["modules"][0].sources.first()
    body = streamfield(
        [
            ("text", rich_text("<p>Barn märker mer än vi tror.</p>")),
            (
                "advice",
                {"text": rich_text("<p>Berätta tillsammans.</p>"), "role": "familjebehandlare", "portrait": ""},
            ),
            ("story", tree["story"].pk),
            ("dilemma", tree["dilemma"].pk),
            ("reflection", {"question": "Vad behöver ditt barn?", "hint": ""}),
            ("checklist", {"title": "Före", "items": list_block(["Packa", "Säg hej då"])}),
            ("evidence", {"sources": list_block([source.pk])}),
        ]
    )
    return nested_form_data({"title": title, "slug": slug, "intro": "Kort.", "body": body})


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course(languages=("sv",), themes=1, modules_per_theme=1, lessons_per_module=1)["sv"]

    def setUp(self):
        self.login()

    def test_tree_can_only_be_built_the_right_way(self):
        self.assertAllowedParentPageTypes(CourseHomePage, {Page})
        self.assertAllowedSubpageTypes(CourseHomePage, {ThemePage, ChildHomePage, ParentsGuidePage})
        self.assertAllowedParentPageTypes(ThemePage, {CourseHomePage})
        self.assertAllowedSubpageTypes(ThemePage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {ThemePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_wrong_parent_is_refused(self):
        home, theme = self.tree["home"], self.tree["themes"][0]
        self.assertCanNotCreateAt(CourseHomePage, LessonPage)
        self.assertCanNotCreateAt(ThemePage, LessonPage)
        self.client.post(f"/admin/pages/add/modules/lessonpage/{home.id}/", lesson_form_data(self.tree))
        self.assertFalse(LessonPage.objects.filter(slug="att-beratta").exists())
        data = nested_form_data({"title": "Fel plats", "slug": "fel-plats", "intro": rich_text("")})
        self.client.post(f"/admin/pages/add/modules/themepage/{theme.id}/", data)
        self.assertFalse(ThemePage.objects.filter(slug="fel-plats").exists())

    def test_create_theme(self):
        data = nested_form_data({"title": "Att vara förälder", "slug": "att-vara-foralder", "intro": rich_text("")})
        self.assertCanCreate(self.tree["home"], ThemePage, data)

    def test_create_module(self):
        data = nested_form_data(
            {
                "title": "Överlämningar",
                "slug": "overlamningar",
                "summary": "Om att byta hem.",
                "minutes": 20,
                "icon": "home",
            }
        )
        data["sources"] = [self.tree["modules"][0].sources.first().pk]
        self.assertCanCreate(self.tree["themes"][0], ModulePage, data)

    def test_create_lesson_with_every_block(self):
        self.assertCanCreate(self.tree["modules"][0], LessonPage, lesson_form_data(self.tree))
        lesson = LessonPage.objects.get(slug="att-beratta")
        self.assertEqual(
            [block.block_type for block in lesson.body],
            ["text", "advice", "story", "dilemma", "reflection", "checklist", "evidence"],
        )

    def test_pages_are_renderable_and_previewable(self):
        tree = self.tree
        for page in (tree["home"], tree["themes"][0], tree["modules"][0]):
            self.assertPageIsRenderable(page)
            self.assertPageIsPreviewable(page)
        lesson = tree["lessons"][0]
        self.assertPageIsRenderable(lesson)
        self.assertPageIsPreviewable(lesson, post_data=lesson_form_data(tree, lesson.title, lesson.slug))
