"""Site-wide response headers, unreadable bodies and the staff MFA gate."""

import logging

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from cms.views import bad_request_page
from modules.page_cache import LANGUAGE_PREFIXES

logger = logging.getLogger("samspel.requests")


def is_admin_path(path):
    return path.startswith(settings.ADMIN_PATH_PREFIXES)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if is_admin_path(request.path_info) or getattr(request, "is_dummy", False):
            # The admin previews pages in a frame of its own origin.
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class RefuseUnreadableBodyMiddleware:
    """A form body that is not UTF-8 (or a participant's multipart body cut short) gets a
    translated 400 before anything reads it.

    Django would otherwise decode a declared Latin-1 or UTF-16 body as such, or fail on it
    in the CSRF check with a traceback.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("POST", "PUT", "PATCH") and not self.readable(request):
            logger.warning("refused a %s body it cannot read as UTF-8", request.content_type or "form")
            return bad_request_page(request)
        return self.get_response(request)

    @staticmethod
    def readable(request):
        names = [part.split("=", 1)[0].strip().lower() for part in request.META.get("CONTENT_TYPE", "").split(";")[1:]]
        if names.count("charset") > 1:
            return False  # which one would count?
        charset = request.content_params.get("charset")
        if charset is not None and charset.strip().lower().replace("_", "-") not in ("utf-8", "utf8"):
            return False
        if request.content_type == "multipart/form-data":
            return RefuseUnreadableBodyMiddleware.whole_multipart(request)
        if request.content_type != "application/x-www-form-urlencoded":
            return True
        try:
            request.body.decode("utf-8")  # Django would read raw non-UTF-8 bytes as Latin-1, silently
        except UnicodeDecodeError:
            return False
        return True  # percent-encoded bytes that are not UTF-8 arrive as U+FFFD: course.views refuses them

    @staticmethod
    def whole_multipart(request):
        """A participant's multipart body must end with its closing boundary: Django would take a
        body cut short as it is. (Editors' uploads under /admin/ are streamed, and not read here.)"""
        if not request.path.startswith(LANGUAGE_PREFIXES):
            return True
        boundary = request.content_params.get("boundary", "").encode()
        return bool(boundary) and request.body.rstrip(b"\r\n").endswith(b"--" + boundary + b"--")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A strict policy for public pages; the admin gets the strictest one it works with.

    A page previewed in the admin is rendered by Wagtail through this middleware again, with a
    dummy request for the page's public address (`request.is_dummy`). Its response is shown in
    the editor's preview pane, where Wagtail's userbar runs the Checks panel, so it gets the
    admin's policy: framed by the admin's own origin only.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            if is_admin_path(request.path_info) or getattr(request, "is_dummy", False):
                parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
            elif request.path_info.startswith("/accounts/"):
                parts.config = settings.ACCOUNTS_CONTENT_SECURITY_POLICY
        return parts


def used_mfa_in_session(request):
    """Whether this session's own authentication record shows a second factor used in it.

    allauth keeps what a session authenticated with, bound to the user; an authenticator
    merely existing says nothing about whether this session passed it.
    """
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class RequireStaffMFAMiddleware:
    """Under production settings the admin opens only for a session that used TOTP.

    A staff member without TOTP sets it up first; one whose session signed in with a
    password alone (however it did) is sent to allauth's TOTP step.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.SAMSPEL_REQUIRE_STAFF_MFA
            and request.path_info.startswith("/admin/")
            and request.user.is_authenticated
            and not used_mfa_in_session(request)
        ):
            if not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists():
                return redirect("mfa_activate_totp")
            return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.path})}")
        return self.get_response(request)
