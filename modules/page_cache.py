"""Rendered pages that are the same for every anonymous reader, cached until anything is published.

Page types with `AnonymousPageCacheMixin` mark their responses as cacheable;
`AnonymousPageCacheMiddleware` stores them and answers the next anonymous GET of
the same address from the cache before Wagtail even looks for the page. Every
entry carries the content generation it was rendered in; every publish,
unpublish, move or delete of a page or reviewed snippet replaces the
generation, so a change is visible on the very next request, in every app
process sharing the cache (Redis in production). One cache round trip reads
both the generation and the entry.
"""

import re
import uuid

from django.core.cache import cache
from django.http import HttpResponse

from modules.progress import progress_provider

GENERATION_KEY = "samspel:content-generation"
TIMEOUT = 24 * 3600
# Only these query strings are cached (the no-script dilemma answer), so odd
# addresses cannot fill the cache.
CACHEABLE_QUERY = re.compile(r"(choice=\d{1,9})?")
# Any other cookie (a participant's code, a staff session, a flash message) makes a page personal.
NEUTRAL_COOKIES = {"csrftoken"}
REPLAYED_HEADERS = ("Content-Type", "Content-Length", "Content-Language", "Vary", "X-Frame-Options", "Cache-Control")


def new_generation():
    value = uuid.uuid4().hex
    cache.set(GENERATION_KEY, value, None)
    return value


def content_changed(**kwargs):
    new_generation()


def _key(request):
    """The cache key for an anonymous GET of a cacheable address, else None."""
    if request.method != "GET" or not set(request.COOKIES) <= NEUTRAL_COOKIES:
        return None
    query = request.META.get("QUERY_STRING", "")
    if not CACHEABLE_QUERY.fullmatch(query):
        return None
    return f"samspel:page:{request.get_host()}:{request.path}?{query}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request)
        if key is None:
            return self.get_response(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or new_generation()
        entry = found.get(key)
        if entry and entry[0] == generation:
            return HttpResponse(entry[1], headers=entry[2])
        response = self.get_response(request)
        if getattr(response, "samspel_cacheable", False) and response.status_code == 200 and not response.cookies:
            headers = {name: response[name] for name in REPLAYED_HEADERS if response.has_header(name)}
            cache.set(key, (generation, response.content, headers), TIMEOUT)
        return response


class AnonymousPageCacheMixin:
    """For page types whose HTML depends only on the page, the language and the query string."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.samspel_cacheable = not (
            getattr(request, "is_preview", False) or progress_provider().is_personal(request)
        )
        return response
