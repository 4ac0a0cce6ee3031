"""`manage.py check --deploy`: settings that would quietly weaken what the site promises."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def trusted_proxies(app_configs, **kwargs):
    if settings.SAMSPEL_TRUSTED_PROXIES and "*" in settings.SAMSPEL_TRUSTED_PROXY_ADDRESSES:
        return [
            Warning(
                "X-Forwarded-For is believed from any address (TRUSTED_PROXY_ADDRESSES=*).",
                hint="Anyone who reaches the app directly can then pick the address that rate limits count: "
                "name the proxy's own address in TRUSTED_PROXY_ADDRESSES (docs/deploy.md).",
                id="samspel.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def mail_server(app_configs, **kwargs):
    if settings.EMAIL_BACKEND == "cms.mail.NoMailServerBackend":
        return [
            Warning(
                "No mail server is configured: staff password resets send nothing.",
                hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) (README).",
                id="samspel.W002",
            )
        ]
    return []
