"""Staff accounts only: nobody signs themselves up, limits know the client as the rest of the
site does, a mail server that fails never turns a password reset into a 500, and setting up TOTP
counts as using it in that session; the admin's account page links to the two-factor settings."""

import logging
import smtplib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.clients import client_address

logger = logging.getLogger("samspel.mail")


class StaffOnlyAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        """The address allauth's login limits count by: the client's, not the proxy's (cms.clients)."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def send_mail(self, template_prefix, email, context):
        try:
            super().send_mail(template_prefix, email, context)
        except (smtplib.SMTPException, OSError) as error:
            # The page says what it always says (no hint whether the address is known).
            logger.warning("an e-mail could not be sent: %s", type(error).__name__)


def record_totp_activation(request, user, authenticator, **kwargs):
    """Setting up TOTP means typing a valid code: this session has used its second factor."""
    if authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type, activated=True)


def two_factor_menu_item(request):
    """The Wagtail account page's link to allauth's two-factor settings (`register_account_menu_item`)."""
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _(
            "An authenticator app and recovery codes: signing in asks for a code as well as your password."
        ),
    }
