"""Site-wide views: the root redirect, health check and error pages."""

import functools
import logging
import sys

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


def root_redirect(request):
    """`/` goes to the language the browser prefers among ours."""
    language = get_language_from_request(request)
    response = redirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("healthz: the database does not answer")
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def _error(request, status, heading, message):
    context = {"heading": heading, "message": message}
    return render(request, "errors/error.html", context, status=status)


def body_read_once(handler):
    """An error page must not read a body Django could not read: `requires_csrf_token` would
    read `request.POST` again, fail again inside the handler, and leave the server's bare 500
    (no headers, a traceback per middleware) as the answer. What could not be read is empty."""

    @functools.wraps(handler)
    def wrapper(request, *args, **kwargs):
        try:
            request.POST  # noqa: B018 (parsed once here, or marked unreadable)
        except (BadRequest, SuspiciousOperation, OSError):
            request._mark_post_parse_error()
        return handler(request, *args, **kwargs)

    return wrapper


def bad_request_page(request):
    return _error(
        request,
        400,
        _("We could not understand that request"),
        _("Something in what was sent was not as expected. Nothing has been saved. Please go back and try again."),
    )


@body_read_once
@requires_csrf_token
def bad_request(request, exception=None):
    return bad_request_page(request)


@body_read_once
@requires_csrf_token
def permission_denied(request, exception=None):
    return _error(request, 403, _("This page is not open to you"), _("You do not have access to this page."))


@body_read_once
@requires_csrf_token
def page_not_found(request, exception=None):
    return _error(
        request,
        404,
        _("We could not find that page"),
        _("The page may have moved, or the address may be mistyped."),
    )


@body_read_once
@requires_csrf_token
def server_error(request):
    """Django calls this while handling the exception: a database that does not answer gets a 503."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        logger.warning("database unavailable: %s", type(sys.exc_info()[1]).__name__)
        response = service_unavailable(request)
        response["Retry-After"] = "30"
        return response
    return _error(
        request,
        500,
        _("Something went wrong on our side"),
        _("Nothing you did caused this. Please try again in a little while."),
    )


def csrf_failure(request, reason=""):
    return _error(
        request,
        403,
        _("The form had expired"),
        _(
            "For your safety, forms only work for a while and only from this site. "
            "Nothing has been saved. Please go back, reload the page and try again."
        ),
    )


def service_unavailable(request):
    return _error(
        request,
        503,
        _("The service is briefly unavailable"),
        _("We are having trouble reaching our database. Nothing has been lost. Please try again in a few minutes."),
    )
