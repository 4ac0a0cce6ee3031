"""Translation status of the published content, for editors.

For every locale: how much is published. For every live page and snippet in
the source language (the default locale): which locales have no live
translation, and which have one published before the source's latest change.
"""

from dataclasses import asdict, dataclass, field

from django.conf import settings
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale

from modules.models import CourseHomePage, Dilemma, LessonPage, ModulePage, Source, Story, ThemePage

# What is counted per locale; other apps (the child module) add their own kinds.
COUNTED = {
    "themes": ThemePage,
    "modules": ModulePage,
    "lessons": LessonPage,
    "stories": Story,
    "dilemmas": Dilemma,
    "sources": Source,
}
# Page trees whose pages must exist in every language.
TRANSLATED_PAGE_ROOTS = [CourseHomePage]
TRANSLATED_SNIPPETS = [Story, Dilemma, Source]


@dataclass
class Gap:
    kind: str
    title: str
    id: int
    locale: str
    problem: str  # "missing" or "outdated"
    admin_url: str = ""


@dataclass
class ContentStatus:
    source_locale: str
    counts: dict = field(default_factory=dict)
    gaps: list = field(default_factory=list)

    @property
    def complete(self):
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return {code: not any(gap.locale == code for gap in self.gaps) for code in languages}

    def as_dict(self):
        return {
            "source_locale": self.source_locale,
            "counts": self.counts,
            "complete": self.complete,
            "gaps": [asdict(gap) for gap in self.gaps],
        }


def _source_pages(source_locale):
    pages = []
    for root_model in TRANSLATED_PAGE_ROOTS:
        for root in root_model.objects.filter(locale=source_locale).live():
            pages.extend(root.get_descendants(inclusive=True).live().specific())
    return pages


def _compare(objects, locales):
    """Gaps for `objects` (in the source locale) against their live translations in `locales`."""
    gaps = []
    if not objects:
        return gaps
    model = type(objects[0])
    keys = [obj.translation_key for obj in objects]
    translations = {}
    query = model.objects.filter(translation_key__in=keys, locale__in=locales, live=True)
    for translation in query.only("translation_key", "locale_id", "last_published_at"):
        translations[(translation.translation_key, translation.locale_id)] = translation
    for obj in objects:
        required = getattr(obj, "translation_languages", None)  # e.g. the child module: sv and da only
        for locale in locales:
            if required is not None and locale.language_code not in required:
                continue
            translation = translations.get((obj.translation_key, locale.id))
            if translation is None:
                problem = "missing"
            elif (
                obj.last_published_at
                and translation.last_published_at
                and translation.last_published_at < obj.last_published_at
            ):
                problem = "outdated"
            else:
                continue
            kind = str(obj._meta.verbose_name)
            gaps.append(Gap(kind, str(obj.title), obj.id, locale.language_code, problem, _admin_url(obj)))
    return gaps


def content_status():
    source = Locale.get_default()
    others = list(Locale.objects.exclude(id=source.id).order_by("language_code"))
    all_locales = [source, *others]
    status = ContentStatus(source_locale=source.language_code)

    for locale in all_locales:
        status.counts[locale.language_code] = {
            name: model.objects.filter(locale=locale, live=True).count() for name, model in COUNTED.items()
        }

    pages = _source_pages(source)
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for objects in by_model.values():
        status.gaps += _compare(objects, others)
    for model in TRANSLATED_SNIPPETS:
        status.gaps += _compare(list(model.objects.filter(locale=source, live=True)), others)
    return status


def _admin_url(obj):
    return AdminURLFinder().get_edit_url(obj) or ""
