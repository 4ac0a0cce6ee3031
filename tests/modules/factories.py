"""Factories for the parents' course: a small, real page tree in three languages."""

import factory
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import wagtail_factories

from modules.models import CourseHomePage, Dilemma, DilemmaOption, LessonPage, ModulePage, Source, Story, ThemePage


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "sv"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class ReviewedSnippetFactory(factory.django.DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)
    live = True


class SourceFactory(ReviewedSnippetFactory):
    authors = "Amato, P. R."
    title = factory.Sequence(lambda n: f"A study of families {n}")
    year = 2001
    doi = factory.Sequence(lambda n: f"10.1037/0893-3200.15.3.{355 + n}")  # one study each: DOIs are unique

    class Meta:
        model = Source


class StoryFactory(ReviewedSnippetFactory):
    title = factory.Sequence(lambda n: f"Story {n}")
    teller = "mamma till två"
    text = "Det var svårt i början.\n\nNu går det bättre."

    class Meta:
        model = Story


class DilemmaOptionFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Option {n}")
    reflection = factory.Sequence(lambda n: f"Reflection on option {n}")

    class Meta:
        model = DilemmaOption


class DilemmaFactory(ReviewedSnippetFactory):
    title = factory.Sequence(lambda n: f"Dilemma {n}")
    situation = "Ditt barn vill inte gå till andra föräldern."

    class Meta:
        model = Dilemma
        skip_postgeneration_save = True

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        for i in range(extracted or 3):
            DilemmaOptionFactory(dilemma=self, sort_order=i)


class CourseHomePageFactory(wagtail_factories.PageFactory):
    title = "Samspel"
    intro = "<p>En kurs för föräldrar som separerar.</p>"

    class Meta:
        model = CourseHomePage


class ThemePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tema {n}")

    class Meta:
        model = ThemePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Modul {n}")
    summary = "Om att berätta för barnen."
    minutes = 20

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lektion {n}")
    intro = "En kort lektion."

    class Meta:
        model = LessonPage


def lesson_body(story=None, dilemma=None, sources=()):
    """A lesson body that uses every kind of block the demo uses."""
    body = [
        ("text", "<p>Barn märker mer än vi tror.</p>"),
        ("advice", {"text": "<p>Berätta tillsammans.</p>", "role": "familjebehandlare", "portrait": None}),
        ("reflection", {"question": "Vad behöver ditt barn mest just nu?", "hint": ""}),
        ("checklist", {"title": "Före överlämningen", "items": ["Packa tillsammans", "Säg hej då lugnt"]}),
    ]
    if story:
        body.append(("story", story))
    if dilemma:
        body.append(("dilemma", dilemma))
    if sources:
        body.append(("evidence", {"sources": list(sources)}))
    return body


def build_course(languages=("sv", "da", "en"), themes=3, modules_per_theme=2, lessons_per_module=2):
    """A published course in each language, the first language's home as the site root.

    Returns {language: {"home": ..., "themes": [...], "modules": [...], "lessons": [...]}}.
    """
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    trees = {}
    source_tree = None
    for code in languages:
        locale = LocaleFactory(language_code=code)
        source = SourceFactory(locale=locale)
        story = StoryFactory(locale=locale)
        dilemma = DilemmaFactory(locale=locale)

        def key(page):
            return {"translation_key": page.translation_key} if page is not None else {}

        src = source_tree
        home = CourseHomePageFactory(parent=root, locale=locale, slug=f"samspel-{code}", **key(src and src["home"]))
        tree = {"home": home, "themes": [], "modules": [], "lessons": [], "dilemma": dilemma, "story": story}
        for t in range(themes):
            theme = ThemePageFactory(parent=home, locale=locale, **key(src and src["themes"][t]))
            tree["themes"].append(theme)
            for _ in range(modules_per_theme):
                index = len(tree["modules"])
                module = ModulePageFactory(parent=theme, locale=locale, **key(src and src["modules"][index]))
                module.sources.set([source])
                module.save_revision().publish()
                tree["modules"].append(module)
                for _ in range(lessons_per_module):
                    index = len(tree["lessons"])
                    lesson = LessonPageFactory(
                        parent=module,
                        locale=locale,
                        body=lesson_body(story, dilemma, [source]),
                        **key(src and src["lessons"][index]),
                    )
                    tree["lessons"].append(lesson)
        trees[code] = tree
        source_tree = source_tree or tree
    site = Site.objects.filter(is_default_site=True).first()
    first = trees[languages[0]]["home"]
    if site:
        site.root_page = first
        site.save()
    else:
        Site.objects.create(hostname="localhost", root_page=first, is_default_site=True)
    return trees
