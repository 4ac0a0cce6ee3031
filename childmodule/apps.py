from django.apps import AppConfig


class ChildmoduleConfig(AppConfig):
    name = "childmodule"
    verbose_name = "Child module"

    def ready(self):
        from childmodule.models import AgeBandPage, ChapterPage, Character
        from modules import content_status

        content_status.COUNTED.update({"age bands": AgeBandPage, "chapters": ChapterPage, "characters": Character})
        content_status.TRANSLATED_SNIPPETS.append(Character)
