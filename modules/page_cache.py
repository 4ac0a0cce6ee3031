"""Pages and routes cached until anything is published.

Page types with `AnonymousPageCacheMixin` mark their responses as cacheable;
`AnonymousPageCacheMiddleware` stores them and answers the next anonymous GET of
the same address from the cache before Wagtail even looks for the page. Every
entry carries the content generation it was rendered in; every publish,
unpublish, move or delete of a page or reviewed snippet replaces the
generation, so a change is visible on the very next request, in every app
process sharing the cache (Redis in production). One cache round trip reads
both the generation and the entry.

Personal pages are rendered for each request, but `PageRouteCacheMiddleware`
spares them Wagtail's walk down the page tree (a query per level): the route
from an address to a page is cached the same way. What such pages derive from
published content alone (the page itself with its converted body, the course
outline, translations, rendered content blocks, the skeletons of personal pages
in `modules.skeleton`) is kept in each process's memory by `memo()`, for as long
as the generation stays the same. The generation is kept per release, so pages
rendered by the code before a deploy are not served after it.
"""

import functools
import hashlib
import uuid
from contextvars import ContextVar
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.template.loader import get_template
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from modules import skeleton
from modules.progress import progress_provider

TIMEOUT = 24 * 3600
# Any other cookie (a participant's code, a staff session, a flash message) makes a page personal.
NEUTRAL_COOKIES = {"csrftoken"}
LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
_request_generation = ContextVar("samspel_generation", default=None)
_memo = {"generation": None, "values": {}}
RELEASE_FILES = {".py", ".html", ".mo", ".svg"}
REPLAYED_HEADERS = ("Content-Type", "Content-Length", "Content-Language", "Vary", "X-Frame-Options", "Cache-Control")


@functools.cache
def release():
    """A fingerprint of what renders pages besides their content: our apps' code and templates,
    the compiled translations and the static files' hashed names. A deploy that changes any of
    them starts from fresh pages, as a publish does, though Redis outlives the app processes."""
    base = Path(settings.BASE_DIR)
    ours = [Path(app.path) for app in apps.get_app_configs() if base in Path(app.path).parents]
    roots = [path for path in ours if "site-packages" not in path.parts]  # a virtualenv may live in BASE_DIR
    roots += [Path(path) for path in settings.LOCALE_PATHS]
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in RELEASE_FILES and path.is_file():
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def generation_key():
    return f"samspel:content-generation:{release()}"


def new_generation():
    value = uuid.uuid4().hex
    cache.set(generation_key(), value, None)
    return value


def content_changed(**kwargs):
    new_generation()


def template_changed(sender, file_path, **kwargs):
    """In development: an edited template or translation shows on the next request, not at the next publish."""
    if file_path.suffix in RELEASE_FILES:
        release.cache_clear()


def generation():
    """The current content generation: as read at the start of this request, or from the cache."""
    return _request_generation.get() or cache.get(generation_key()) or new_generation()


def memo(key, compute):
    """A value derived from published content only, computed once per process and generation.

    Nothing found (None) is not kept: keys that name nothing, such as a page id posted by
    anyone, must not fill a process's memory.
    """
    current = generation()
    if _memo["generation"] != current:
        _memo.update(generation=current, values={})
    values = _memo["values"]
    if key in values:
        return values[key]
    value = compute()
    if value is not None:
        values[key] = value
    return value


def _read(key):
    """The current generation and the entry under `key` if it was made in that generation."""
    generation_at = generation_key()
    found = cache.get_many([generation_at, key])
    generation = found.get(generation_at) or new_generation()
    entry = found.get(key)
    return generation, (entry[1:] if entry and entry[0] == generation else None)


def site_for(request):
    """The Wagtail site that answers this request (`Site.find_for_request`), kept in memory per
    host name and server port: the two things Wagtail matches on. So a Host header that varies
    by port, case or a trailing dot makes no new entry, and ALLOWED_HOSTS bounds the names.

    Every key that depends on the site names the site, never the Host header.
    """
    hostname = split_domain_port(request.get_host())[0]
    return memo(("site", hostname, request.get_port()), lambda: Site.find_for_request(request))


def site_key(request):
    site = site_for(request)
    return f"site{site.pk}" if site else "nosite"


def _key(request):
    """The cache key for an anonymous GET of a cacheable address, else None.

    Never for Wagtail's previews (a dummy request to the page's own address) nor for
    addresses outside the languages' trees (/healthz, /admin/ ...).
    """
    if request.method != "GET" or not set(request.COOKIES) <= NEUTRAL_COOKIES or getattr(request, "is_dummy", False):
        return None
    if not request.path.startswith(LANGUAGE_PREFIXES):
        return None
    if request.META.get("QUERY_STRING"):  # only plain addresses, so odd ones cannot fill the cache
        return None
    return f"samspel:page:{site_key(request)}:{request.path}?"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request)
        if key is None:
            return self.get_response(request)
        generation, entry = _read(key)
        if entry:
            content, headers = entry
            return HttpResponse(content, headers=headers)
        response = self.get_response(request)
        if getattr(response, "samspel_cacheable", False) and response.status_code == 200 and not response.cookies:
            headers = {name: response[name] for name in REPLAYED_HEADERS if response.has_header(name)}
            cache.set(key, (generation, response.content, headers), TIMEOUT)
        return response


def published_page(pk):
    """The page (of its specific type) as it is published now, or None."""
    return memo(("page", pk), lambda: Page.objects.live().filter(pk=pk).specific().first())


class PageRouteCacheMiddleware:
    """Only for GETs that Django's URLs hand to Wagtail's page view; other views never pay for it."""

    def __init__(self, get_response):
        from wagtail.views import serve  # needs the app registry, ready by the time middleware is built

        self.get_response = get_response
        self.wagtail_serve = serve

    def __call__(self, request):
        response = self.get_response(request)
        lookup = getattr(request, "_samspel_route", None)
        if lookup is None:
            return response
        key, current, entry, token = lookup
        _request_generation.reset(token)
        route = getattr(request, "_wagtail_route_for_request", None)
        if not entry and route and not (route.args or route.kwargs) and response.status_code == 200:
            cache.set(key, (current, route.page.pk), TIMEOUT)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "GET" or view_func is not self.wagtail_serve:
            return None
        key = f"samspel:route:{site_key(request)}:{request.path}"
        current, entry = _read(key)
        request._samspel_route = (key, current, entry, _request_generation.set(current))
        if entry:
            page = published_page(entry[0])
            if page is not None:
                request._wagtail_route_for_request = RouteResult(page)
                request._wagtail_site = site_for(request)
        return None


class AnonymousPageCacheMixin:
    """For page types whose HTML depends only on the page, the language and the query string.

    Their view restrictions (the page's own and its ancestors') are read once per
    process and generation too; saving or deleting a restriction starts a new one.
    """

    def get_view_restrictions(self):
        if self.pk is None:
            return super().get_view_restrictions()
        rows = memo(
            ("restrictions", self.pk), lambda: list(super(AnonymousPageCacheMixin, self).get_view_restrictions())
        )
        restrictions = PageViewRestriction.objects
        restrictions = restrictions.filter(pk__in=[row.pk for row in rows]) if rows else restrictions.none()
        restrictions._result_cache = rows  # evaluated already; any further filtering queries afresh
        return restrictions

    # Context variables that differ per participant; a page type that names them here
    # serves participants from a skeleton (see `modules.skeleton`).
    personal_context = ()

    def serve(self, request, *args, **kwargs):
        personal = progress_provider().is_personal(request)
        if personal and self.personal_context and request.method == "GET":
            return self.serve_from_skeleton(request, *args, **kwargs)
        response = super().serve(request, *args, **kwargs)
        response.samspel_cacheable = not (getattr(request, "is_preview", False) or personal)
        if response.samspel_cacheable:
            # Our own cache answers in well under a millisecond; a shared device keeps no copy
            # of what was read, and no proxy hands one reader's page to someone with a code.
            patch_cache_control(response, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response

    def serve_from_skeleton(self, request, *args, **kwargs):
        request.is_preview = False
        template = get_template(self.get_template(request, *args, **kwargs))
        context = self.get_context(request, *args, **kwargs)
        parts = memo(
            ("skeleton", site_key(request), self.pk, template.origin.name, get_language()),
            lambda: skeleton.build(template, context, request, self.personal_context),
        )
        return HttpResponse(skeleton.assemble(parts, template, context, request))
