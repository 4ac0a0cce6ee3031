from django.utils.cache import patch_cache_control

from course.participants import COOKIE, clear_code_cookie, visitor


class ParticipantMiddleware:
    """Pages seen with a resume code are personal: never stored by any cache.

    A cookie whose code no longer resumes anyone (forgotten, purged) is removed.
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
