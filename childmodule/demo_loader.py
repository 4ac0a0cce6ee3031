"""Loads the child module's demo content (childmodule/demo/child.toml), in Swedish and Danish."""

from pathlib import Path

from django.db import transaction

from childmodule.models import AgeBandPage, ChapterPage, Character, ChildHomePage, ParentsGuidePage
from childmodule.models.snippets import AVATARS
from modules.demo_loader import DemoLoader, load_toml, plain_paragraphs, translation_key
from modules.models import CourseHomePage

CHILD_DEMO_DIR = Path(__file__).resolve().parent / "demo"


class ChildModuleLoader(DemoLoader):
    languages = ("sv", "da")

    def __init__(self, directory=CHILD_DEMO_DIR, stdout=None):
        super().__init__(directory, stdout)

    @transaction.atomic
    def load(self, reset=False):
        data = load_toml("child.toml", self.directory)
        self.use_locales()
        homes = {
            code: CourseHomePage.objects.get(translation_key=translation_key("home", "course"), locale=locale)
            for code, locale in self.locales.items()
        }
        if reset:
            for page in ChildHomePage.objects.filter(translation_key=translation_key("child-home", "home")):
                page.get_descendants(inclusive=True).delete()
            ParentsGuidePage.objects.filter(translation_key=translation_key("child-guide", "guide")).delete()
            self.delete_snippets(Character, "character", [item["key"] for item in data["characters"]])

        characters = {
            item["key"]: self.snippet(Character, "character", item["key"], self.character_builder(item, index))
            for index, item in enumerate(data["characters"])
        }
        home = {**data["home"], "key": "home"}
        child_homes = self.page(
            ChildHomePage, "child-home", home, homes, lambda code: {"intro": plain_paragraphs(home["intro"][code])}
        )
        guide = {**data["guide"], "key": "guide"}
        self.page(
            ParentsGuidePage, "child-guide", guide, homes, lambda code: {"text": plain_paragraphs(guide["text"][code])}
        )
        for band in data["bands"]:
            band_pages = self.page(
                AgeBandPage,
                "band",
                band,
                child_homes,
                lambda code, band=band: {"band": band["key"], "intro": plain_paragraphs(band["intro"][code])},
            )
            for chapter in band["chapters"]:
                self.page(
                    ChapterPage,
                    "chapter",
                    chapter,
                    band_pages,
                    lambda code, chapter=chapter: {"body": self.body(chapter["body"], code, characters)},
                )
        self.log(f"Child module: {self.created} new pages and snippets.")
        return self.created

    @staticmethod
    def character_builder(item, index):
        avatar = AVATARS[index % len(AVATARS)][0]

        def build(code):
            return Character(name=item["name"][code], description=item["description"][code], avatar=avatar)

        return build

    @staticmethod
    def body(blocks, code, characters):
        stream = []
        for block in blocks:
            kind = block["type"]
            if kind == "text":
                stream.append(("text", plain_paragraphs(block["text"][code])))
            elif kind == "story":
                character = characters[block["character"]][code]
                stream.append(("story", {"character": character, "text": plain_paragraphs(block["text"][code])}))
            elif kind == "fact":
                stream.append(("fact", {"text": plain_paragraphs(block["text"][code])}))
            elif kind == "feelings":
                feelings = {"question": block["question"][code], "feelings": block["feelings"]}
                stream.append(("feelings", {**feelings, "selection": block.get("selection", "single")}))
            elif kind == "message":
                suggestions = [item[code] for item in block["suggestions"]]
                stream.append(
                    ("message", {"intro": plain_paragraphs(block["intro"][code]), "suggestions": suggestions})
                )
            else:
                raise ValueError(f"unknown child module block type {kind!r}")
        return stream
