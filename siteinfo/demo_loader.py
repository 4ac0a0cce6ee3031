"""The demo information pages (siteinfo/demo/pages.toml), under each language's course home."""

import re
from pathlib import Path

from django.utils.html import escape

from modules.demo_loader import DemoLoader, load_toml, translation_key
from modules.models import CourseHomePage
from siteinfo.models import InfoPage

DEMO_DIR = Path(__file__).resolve().parent / "demo"
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
ENGLISH = re.compile(r"\{en\}(.+?)\{/en\}")


def inline_html(text):
    """One line of the demo's light markup: [text](url) links and {en}…{/en} English words."""
    html = escape(" ".join(text.split()))
    html = LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', html)
    return ENGLISH.sub(r'<span lang="en">\1</span>', html)


def text_html(text):
    """Paragraphs separated by blank lines; lines starting with "- " make one list."""
    parts = []
    for block in (block for block in text.strip().split("\n\n") if block.strip()):
        lines = block.strip().splitlines()
        prose = [line for line in lines if not line.startswith("- ")]
        items = [line[2:] for line in lines if line.startswith("- ")]
        if prose:
            parts.append(f"<p>{inline_html(' '.join(prose))}</p>")
        if items:
            parts.append("<ul>" + "".join(f"<li>{inline_html(item)}</li>" for item in items) + "</ul>")
    return "".join(parts)


class InfoPageLoader(DemoLoader):
    def load(self):
        self.use_locales()
        homes = {
            code: CourseHomePage.objects.filter(
                translation_key=translation_key("home", "course"), locale=locale
            ).first()
            for code, locale in self.locales.items()
        }
        if not all(homes.values()):
            raise RuntimeError("Load the demo course first: the information pages go under its home pages.")
        for item in load_toml("pages.toml", DEMO_DIR)["page"]:
            self.page(InfoPage, "info", item, homes, lambda code, item=item: self.fields(item, code))
        self.log(f"Information pages: {self.created} created.")

    @staticmethod
    def fields(item, code):
        sections = [
            ("section", {"heading": section["heading"][code], "text": text_html(section["text"][code])})
            for section in item["sections"]
        ]
        return {"intro": " ".join(item["intro"][code].split()), "body": sections, "show_in_menus": True}
