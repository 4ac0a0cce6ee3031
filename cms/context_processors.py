from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from course.participants import visitor


@lru_cache(maxsize=16)
def course_links(language):
    """The ways into the course, in `language` (the active one)."""
    return {name: reverse(f"course:{name}") for name in ("start", "resume", "my_progress")}


def quick_exit_url(language):
    """The neutral site of `language` (Swedish's where a language has none)."""
    return settings.QUICK_EXIT_URLS.get(language) or settings.QUICK_EXIT_URLS["sv"]


def site_chrome(request):
    """What every public page's frame needs: the quick exit, and the way into the course."""
    return {
        "QUICK_EXIT_URL": quick_exit_url(get_language()),
        "course_links": course_links(get_language()),
        "has_participant": lambda: visitor(request).participant is not None,
    }
