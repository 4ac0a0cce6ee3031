from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Samspel site"

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from cms import checks  # noqa: F401 (registers the deploy checks)
        from cms.accounts import record_totp_activation
        from cms.i18n import use_english_fallback
        from cms.staff_names import translate_staff_names

        use_english_fallback()
        translate_staff_names()

        authenticator_added.connect(record_totp_activation, dispatch_uid="samspel-record-totp-activation")
