from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import get_language

from modules.page_cache import memo, site_key

register = template.Library()


def _translation_urls(page, request):
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {translation.locale.language_code: translation.get_url(request=request) for translation in translations}


def _same_address_in(code, path):
    """This address under another language's prefix, if Django knows it; else that language's home.

    `path` is whatever the visitor asked for (on a 404 page, `//evil.example/` or worse), so
    only an address Django itself translated is used, and only as a path on this site.
    """
    try:
        resolve(path)
    except Resolver404:
        return f"/{code}/"
    translated = translate_url(path, code)
    if not translated.startswith("/") or translated.startswith(("//", "/\\")):
        return f"/{code}/"
    return translated


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
            urls = memo(("translations", site_key(request), page.pk), lambda: _translation_urls(page, request))
    else:
        for code, _name in settings.LANGUAGES:
            urls[code] = _same_address_in(code, request.path)
    links = [
        {"code": code, "name": name, "url": urls.get(code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
    return {"links": links, "current": current}
