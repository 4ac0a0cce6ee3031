from django.conf import settings
from django.urls import reverse

from course.participants import visitor


def site_chrome(request):
    """What every public page's frame needs: the quick exit, and the way into the course."""
    links = {name: reverse(f"course:{name}") for name in ("start", "resume", "my_progress")}
    return {
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "course_links": links,
        "has_participant": lambda: visitor(request).participant is not None,
    }
