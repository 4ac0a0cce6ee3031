from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from modules.page_cache import memo

register = template.Library()


def _translation_urls(page, request):
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {translation.locale.language_code: translation.get_url(request=request) for translation in translations}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages: the live translation of a
    Wagtail page, or the same address under another language prefix."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    urls = {}
    if page is not None and hasattr(page, "get_translations"):
        if page.pk is None or getattr(request, "is_preview", False):
            urls = _translation_urls(page, request)
        else:
            urls = memo(("translations", request.get_host(), page.pk), lambda: _translation_urls(page, request))
    else:
        for code, _name in settings.LANGUAGES:
            urls[code] = translate_url(request.path, code)
    links = [
        {"code": code, "name": name, "url": urls.get(code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
    return {"links": links, "current": current}
