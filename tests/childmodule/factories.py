"""Factories for the child module: a home, the four age bands and a chapter each, in sv and da."""

import factory
from wagtail.test.utils import wagtail_factories

from childmodule.models import AgeBandPage, ChapterPage, Character, ChildHomePage, ParentsGuidePage
from tests.modules.factories import LocaleFactory

FEELINGS = ["happy", "sad", "angry", "worried", "calm", "confused"]


class CharacterFactory(factory.django.DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)
    live = True
    name = "Alva"
    description = "Alva är åtta år."
    avatar = "fox"

    class Meta:
        model = Character


class ChildHomePageFactory(wagtail_factories.PageFactory):
    title = "För barn"
    intro = "Välj din ålder."

    class Meta:
        model = ChildHomePage


class ParentsGuidePageFactory(wagtail_factories.PageFactory):
    title = "Så använder ni barnens sidor"
    text = "Sitt tillsammans.\n\nLåt barnet välja."

    class Meta:
        model = ParentsGuidePage


class AgeBandPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda page: f"{page.band} år")
    band = "6-8"
    intro = "Här finns saker för dig."

    class Meta:
        model = AgeBandPage


class ChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kapitel {n}")

    class Meta:
        model = ChapterPage


def feelings_block(selection=None, question="Hur känner du dig?"):
    """A check-in as the body stores it; without `selection`, as saved before editors could choose."""
    value = {"question": question, "feelings": FEELINGS}
    return ("feelings", value if selection is None else {**value, "selection": selection})


def chapter_body(character, text="Mamma och pappa bor inte ihop längre. Det är inte ditt fel."):
    return [
        ("text", text),
        ("story", {"character": character, "text": "Jag var ledsen först. Nu går det bättre."}),
        ("fact", {"text": "Många barn har föräldrar som inte bor ihop."}),
        feelings_block(),
        (
            "message",
            {"intro": "Vad vill du säga?", "suggestions": ["Jag älskar er båda.", "Bråka inte.", "Prata med mig."]},
        ),
    ]


def build_child_module(course, languages=("sv", "da")):
    """Adds a child module under each course home of `course` (from build_course)."""
    trees, first = {}, None
    for code in languages:
        locale = LocaleFactory(language_code=code)
        character = CharacterFactory(locale=locale)

        def key(page, first=first):
            return {"translation_key": page.translation_key} if first else {}

        home_parent = course[code]["home"]
        home = ChildHomePageFactory(parent=home_parent, locale=locale, **key(first and first["home"]))
        guide = ParentsGuidePageFactory(parent=home_parent, locale=locale, **key(first and first["guide"]))
        tree = {"home": home, "guide": guide, "bands": [], "chapters": [], "character": character}
        for index, band in enumerate(["3-5", "6-8", "9-12", "13-17"]):
            band_page = AgeBandPageFactory(
                parent=home, locale=locale, band=band, **key(first and first["bands"][index])
            )
            chapter = ChapterPageFactory(
                parent=band_page,
                locale=locale,
                body=chapter_body(character),
                **key(first and first["chapters"][index]),
            )
            tree["bands"].append(band_page)
            tree["chapters"].append(chapter)
        trees[code] = tree
        first = first or tree
    return trees
