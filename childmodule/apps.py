from django.apps import AppConfig


class ChildmoduleConfig(AppConfig):
    name = "childmodule"
    verbose_name = "Child module"
