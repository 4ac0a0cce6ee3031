"""One way in for staff: django-allauth's, with its rate limits and TOTP step.

Wagtail routes its own login and password-reset views under /admin/. They would
sign a password straight into the admin, past allauth's limits and MFA, so
these patterns, placed before Wagtail's, send every such address to allauth's
own view instead. Nothing posted to them is read.
"""

from allauth.account.views import LogoutView
from django.http import HttpResponseRedirect
from django.urls import path, re_path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def safe_next(request):
    """The `next` address if it is a path on this site, else None."""
    target = request.GET.get("next", "")
    on_site = target.startswith("/") and not target.startswith(("//", "/\\"))
    if on_site and url_has_allowed_host_and_scheme(target, allowed_hosts=None, require_https=request.is_secure()):
        return target
    return None


def to_allauth(url_name):
    def view(request, *args, **kwargs):
        url = reverse(url_name)
        target = safe_next(request)
        if target:
            url += "?" + urlencode({"next": target})
        # 303: a POST (a password sent to Wagtail's old form) is answered with a GET of allauth's page.
        return HttpResponseRedirect(url, status=303)

    return view


urlpatterns = [
    path("admin/login/", to_allauth("account_login"), name="wagtailadmin_login"),
    re_path(r"^admin/password_reset/", to_allauth("account_reset_password")),
    path("admin/logout/", LogoutView.as_view(), name="wagtailadmin_logout"),
]
