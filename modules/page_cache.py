"""Rendered pages that are the same for every anonymous reader, cached until anything is published.

The cache key carries a content generation that every publish, unpublish, move or
delete of a page or reviewed snippet replaces, so a change is visible on the very
next request, in every app process sharing the cache (Redis in production).
"""

import uuid

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from modules.progress import progress_provider

GENERATION_KEY = "samspel:content-generation"
TIMEOUT = 24 * 3600


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY, value)
    return value


def content_changed(**kwargs):
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


class AnonymousPageCacheMixin:
    """For page types whose HTML depends only on the page, the language and the query string."""

    def serve(self, request, *args, **kwargs):
        if (
            request.method != "GET"
            or getattr(request, "is_preview", False)
            or progress_provider().is_personal(request)
        ):
            return super().serve(request, *args, **kwargs)
        key = f"samspel:page:{generation()}:{self.pk}:{get_language()}:{request.GET.urlencode()}"
        html = cache.get(key)
        if html is None:
            response = super().serve(request, *args, **kwargs)
            if response.status_code != 200 or response.cookies:
                return response
            response.render()
            cache.set(key, response.content, TIMEOUT)
            return response
        return HttpResponse(html)
