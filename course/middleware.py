import logging

from django.db import IntegrityError
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from course.participants import COOKIE, clear_code_cookie, find, visitor

logger = logging.getLogger("samspel.course")


class ParticipantMiddleware:
    """Pages seen with a resume code are personal: never stored by any cache.

    A cookie whose code no longer resumes anyone (forgotten, purged) is removed, and a
    write that arrives for a participant forgotten a moment earlier (a second tab, a
    double click) is answered as a request without a code, not with an error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if COOKIE in request.COOKIES:
            patch_cache_control(response, no_store=True, private=True)
            if response.status_code < 500 and visitor(request).participant is None and COOKIE not in response.cookies:
                clear_code_cookie(response)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, IntegrityError) or COOKIE not in request.COOKIES:
            return None
        current = visitor(request)
        if current.code is None or find(current.code) is not None:
            return None  # a real fault: Django's handler logs it
        logger.info("a write arrived for a participant who had just been forgotten")  # no id, no code
        current.gone()
        response = render(request, "course/no_participant.html", status=403)
        clear_code_cookie(response)
        return response
