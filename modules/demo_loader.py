"""Loads the demo course from modules/demo/*.toml into Wagtail, idempotently.

Each piece of content has a stable key in the TOML files; its Wagtail
translation_key is derived from that key, so running the loader again finds
what it made before and leaves it alone (or replaces it with `reset=True`).
"""

import tomllib
import uuid
from pathlib import Path

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from modules.models import CourseHomePage, Dilemma, DilemmaOption, LessonPage, ModulePage, Source, Story, ThemePage

DEMO_DIR = Path(__file__).resolve().parent / "demo"
NAMESPACE = uuid.UUID("6b1f2a8e-5d0c-4c1e-9a57-2f4c0d9e7a11")
LANGUAGES = ("sv", "da", "en")  # sv first: the source language
SAFETY_THEME = "cooperation"


def load_toml(name, directory=DEMO_DIR):
    with open(directory / name, "rb") as handle:
        return tomllib.load(handle)


def translation_key(kind, key):
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


# Letters written out in addresses as each language does: "for-boern", "3-5-ar".
DASHES = {"–": "-", "—": "-"}
TRANSLITERATION = {
    "da": str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", **DASHES}),
    "sv": str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O", **DASHES}),
}


def slug_for(title, language):
    """An ASCII address from a title: letters transliterated, dashes kept (3–5 år → 3-5-ar)."""
    table = TRANSLITERATION.get(language, TRANSLITERATION["sv"])
    return slugify(title.translate(table).translate(TRANSLITERATION["da"]))


def paragraphs_html(text):
    """Plain paragraphs (blank-line separated) as rich text HTML."""
    return "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in text.strip().split("\n\n") if p.strip())


def plain_paragraphs(text):
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip())


class DemoLoader:
    """Creates pages and reviewed snippets in every language of `languages`, unless they exist."""

    languages = LANGUAGES

    def __init__(self, directory=DEMO_DIR, stdout=None):
        self.directory = directory
        self.stdout = stdout
        self.created = 0
        self.locales = {}

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def use_locales(self):
        self.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in self.languages}

    def delete_snippets(self, model, kind, keys):
        model.objects.filter(translation_key__in=[translation_key(kind, key) for key in keys]).delete()

    # --- snippets and pages in every language ---------------------------------------

    def snippet(self, model, kind, key, build):
        result = {}
        for code, locale in self.locales.items():
            tkey = translation_key(kind, key)
            existing = model.objects.filter(translation_key=tkey, locale=locale).first()
            if existing:
                result[code] = existing
                continue
            obj = build(code)
            obj.translation_key = tkey
            obj.locale = locale
            obj.live = True
            obj.save()
            obj.save_revision().publish()
            self.created += 1
            result[code] = obj
        return result

    def page(self, model, kind, item, parents, fields):
        """The page for `item` in every language, made from `fields(language)` where missing."""
        pages = {}
        tkey = translation_key(kind, item["key"])
        for code, locale in self.locales.items():
            page = model.objects.filter(translation_key=tkey, locale=locale).first()
            if page is not None:
                self.readdress(page, item, code)
            else:
                values = fields(code)
                many = {name: values.pop(name) for name in ("sources",) if name in values}
                page = model(
                    title=item["title"][code],
                    slug=item.get("slug", {}).get(code) or slug_for(item["title"][code], code) or item["key"],
                    translation_key=tkey,
                    locale=locale,
                    **values,
                )
                parents[code].add_child(instance=page)
                for name, objects in many.items():
                    getattr(page, name).set(objects)
                page.save_revision().publish()
                self.created += 1
            pages[code] = page
        return pages

    def readdress(self, page, item, code):
        """A demo page still at the address older loaders gave it (letters such as ø and å
        dropped, "3–5" run together as "35") moves to its new one; Wagtail's redirects app
        sends the old address there."""
        new = item.get("slug", {}).get(code) or slug_for(item["title"][code], code)
        if page.slug != slugify(item["title"][code]) or not new or new == page.slug:
            return
        if page.has_unpublished_changes:  # an editor's draft is never published by a loader
            self.log(f"Left /{page.slug}/ where it is: it has a draft.")
            return
        old, page.slug = page.slug, new
        page.save_revision().publish()
        self.log(f"Moved /{old}/ to /{new}/")


class DemoCourseLoader(DemoLoader):
    @transaction.atomic
    def load(self, reset=False):
        course = load_toml("course.toml", self.directory)
        safety = load_toml("safety.toml", self.directory)
        stories, dilemmas, sources = (self.snippet_items(name) for name in ("stories", "dilemmas", "sources"))
        # The safety module opens the co-operation theme: the first thing to read if co-operating isn't safe.
        cooperation = next(theme for theme in course["themes"] if theme["key"] == SAFETY_THEME)
        cooperation["modules"] = [safety["module"], *cooperation["modules"]]
        self.use_locales()
        if reset:
            self.reset()
        snippets = {
            "story": {item["key"]: self.story(item) for item in stories},
            "dilemma": {item["key"]: self.dilemma(item) for item in dilemmas},
            "source": {item["key"]: self.source(item) for item in sources},
        }
        homes = self.home(course["home"])
        for theme in course["themes"]:
            theme_pages = self.page(
                ThemePage, "theme", theme, homes, lambda c, t=theme: {"intro": paragraphs_html(t["intro"][c])}
            )
            for module in theme["modules"]:
                module_pages = self.page(
                    ModulePage, "module", module, theme_pages, self.module_fields(module, snippets)
                )
                if module is safety["module"]:
                    self.point_to_safety_module(homes, module_pages)
                for lesson in module["lessons"]:
                    self.page(
                        LessonPage,
                        "lesson",
                        lesson,
                        module_pages,
                        lambda c, item=lesson: {
                            "intro": item["intro"][c],
                            "assumes_safety": item.get("assumes_safety", False),
                            "body": self.body(item["body"], c, snippets),
                        },
                    )
        self.log(f"Demo course: {self.created} new pages and snippets.")
        return self.created

    @staticmethod
    def point_to_safety_module(homes, module_pages):
        for code, home in homes.items():
            if home.safety_module_id is None:
                home.safety_module = module_pages[code]
                home.save_revision().publish()

    @staticmethod
    def module_fields(module, snippets):
        """A module's fields; its evidence is every source its lessons cite."""
        keys = sorted(
            {key for lesson in module["lessons"] for block in lesson["body"] for key in block.get("sources", [])}
        )

        def fields(code):
            return {
                "summary": module["summary"][code],
                "minutes": module["minutes"],
                "icon": module["icon"],
                "sources": [snippets["source"][key][code] for key in keys],
            }

        return fields

    def reset(self):
        """Deletes only what this loader made (by translation key), never anything else."""
        for model in (CourseHomePage,):
            for page in model.objects.filter(translation_key=translation_key("home", "course")):
                page.get_descendants(inclusive=True).delete()
        for model, kind, name in (
            (Story, "story", "stories"),
            (Dilemma, "dilemma", "dilemmas"),
            (Source, "source", "sources"),
        ):
            self.delete_snippets(model, kind, [item["key"] for item in self.snippet_items(name)])

    def snippet_items(self, name):
        """Every item of one kind of snippet: the course's own file's, then the safety module's."""
        return load_toml(f"{name}.toml", self.directory)[name] + load_toml("safety.toml", self.directory)[name]

    def story(self, item):
        return self.snippet(
            Story,
            "story",
            item["key"],
            lambda c: Story(title=item["title"][c], teller=item["teller"][c], text=plain_paragraphs(item["text"][c])),
        )

    def dilemma(self, item):
        def build(code):
            dilemma = Dilemma(title=item["title"][code], situation=plain_paragraphs(item["situation"][code]))
            dilemma.options = [
                DilemmaOption(
                    label=o["label"][code],
                    reflection=plain_paragraphs(o["reflection"][code]),
                    assumes_safety=o.get("assumes_safety", False),
                    sort_order=i,
                )
                for i, o in enumerate(item["options"])
            ]
            return dilemma

        return self.snippet(Dilemma, "dilemma", item["key"], build)

    def source(self, item):
        def build(code):
            return Source(
                authors=item["authors"],
                title=item["title"],
                title_language=item.get("title_language", "en"),
                year=item["year"],
                publication=item.get("publication", ""),
                doi=item.get("doi", ""),
                url=item.get("url", ""),
                summary=item["summary"][code],
            )

        return self.snippet(Source, "source", item["key"], build)

    # --- pages ------------------------------------------------------------------

    def home(self, item):
        homes = {}
        root = Page.get_first_root_node()
        for code, locale in self.locales.items():
            tkey = translation_key("home", "course")
            page = CourseHomePage.objects.filter(translation_key=tkey, locale=locale).first()
            if page is None:
                page = CourseHomePage(
                    title=item["title"][code],
                    slug=f"samspel-{code}",
                    intro=paragraphs_html(item["intro"][code]),
                    translation_key=tkey,
                    locale=locale,
                )
                root.add_child(instance=page)
                page.save_revision().publish()
                self.created += 1
            homes[code] = page
        self._make_site_root(homes["sv"])
        return homes

    def _make_site_root(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Samspel"
            )
            return
        if site.root_page_id != home.id:
            previous = site.root_page.specific
            site.root_page = home
            site.site_name = "Samspel"
            site.save()
            # Wagtail's placeholder welcome page is of no use once the course is the site.
            if type(previous) is Page and previous.depth == 2 and not previous.get_children().exists():
                previous.delete()

    def body(self, blocks, code, snippets):
        stream = []
        for block in blocks:
            kind = block["type"]
            if kind == "text":
                stream.append(("text", paragraphs_html(block["text"][code])))
            elif kind == "advice":
                stream.append(("advice", {"text": paragraphs_html(block["text"][code]), "role": block["role"][code]}))
            elif kind == "story":
                stream.append(("story", snippets["story"][block["story"]][code]))
            elif kind == "dilemma":
                stream.append(("dilemma", snippets["dilemma"][block["dilemma"]][code]))
            elif kind == "reflection":
                stream.append(("reflection", {"question": block["question"][code], "hint": ""}))
            elif kind == "checklist":
                stream.append(
                    ("checklist", {"title": block["title"][code], "items": [i[code] for i in block["items"]]})
                )
            elif kind == "sources":
                stream.append(("evidence", {"sources": [snippets["source"][k][code] for k in block["sources"]]}))
            else:
                raise ValueError(f"unknown demo block type {kind!r}")
        return stream
