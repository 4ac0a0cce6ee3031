"""Translation status of the published content, for editors.

For every locale: how much is published. For every live page and snippet in the source
language (the default locale), and every other locale, what stands between it and an
up-to-date live translation:

- "missing": no translation at all (the link starts one);
- "draft": a translation that has never been published and is not in review;
- "in review": a translation waiting in the "Professional review" workflow;
- "outdated": a live translation last worked on before the source's latest publication.

Links go to the translation, where there is one. A locale is complete when it has no gaps.
"""

from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, WorkflowState

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
    problem: str  # "missing", "draft", "in review" or "outdated"
    admin_url: str = ""  # the translation's edit view, or for a missing one, where to start it
    translation_id: int | None = None


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
    """Gaps for `objects` (in the source locale) against their translations in `locales`."""
    gaps = []
    if not objects:
        return gaps
    model = type(objects[0])
    keys = [obj.translation_key for obj in objects]
    translations = {}
    query = model.objects.filter(translation_key__in=keys, locale__in=locales)
    if not issubclass(model, Page):
        query = query.select_related("latest_revision")
    for translation in query:
        translations[(translation.translation_key, translation.locale_id)] = translation
    in_review = _in_review(model, [translation.pk for translation in translations.values()])
    for obj in objects:
        required = getattr(obj, "translation_languages", None)  # e.g. the child module: sv and da only
        for locale in locales:
            if required is not None and locale.language_code not in required:
                continue
            translation = translations.get((obj.translation_key, locale.id))
            problem = _problem(obj, translation, in_review)
            if problem is None:
                continue
            url = _admin_url(translation) if translation is not None else _translate_url(obj)
            kind = str(obj._meta.verbose_name)
            translation_id = translation.pk if translation is not None else None
            gaps.append(Gap(kind, str(obj.title), obj.id, locale.language_code, problem, url, translation_id))
    return gaps


def _problem(source, translation, in_review):
    if translation is None:
        return "missing"
    if not translation.live:
        return "in review" if translation.pk in in_review else "draft"
    if isinstance(translation, Page):
        made = translation.latest_revision_created_at
    else:
        made = translation.latest_revision.created_at if translation.latest_revision else None
    if source.last_published_at and made and made < source.last_published_at:
        return "outdated"  # (an update may be in review; readers still see the old one)
    return None


def _in_review(model, pks):
    """The primary keys among `pks` whose objects are in a workflow now."""
    if not pks:
        return set()
    base = Page if issubclass(model, Page) else model
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(base),
        object_id__in=[str(pk) for pk in pks],
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return {int(pk) for pk in states.values_list("object_id", flat=True)}


def _translate_url(obj):
    if isinstance(obj, Page):
        return reverse("simple_translation:submit_page_translation", args=[obj.pk])
    meta = obj._meta
    return reverse("simple_translation:submit_snippet_translation", args=[meta.app_label, meta.model_name, obj.pk])


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
