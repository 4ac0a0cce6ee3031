from django.apps import AppConfig


class SiteInfoConfig(AppConfig):
    name = "siteinfo"
    verbose_name = "About the service"
