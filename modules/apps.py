from django.apps import AppConfig


class ModulesConfig(AppConfig):
    name = "modules"
    verbose_name = "Course content"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from django.utils.autoreload import file_changed
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
            published,
            unpublished,
        )

        from modules.page_cache import content_changed, template_changed

        for signal in (page_published, page_unpublished, published, unpublished, page_slug_changed, post_page_move):
            signal.connect(content_changed, dispatch_uid=f"samspel-content-changed-{id(signal)}")
        post_delete.connect(content_changed, sender=Page, dispatch_uid="samspel-content-deleted")
        # Who may see a page, and which site answers a host, are part of what is cached.
        for sender in (PageViewRestriction, Site):
            post_save.connect(content_changed, sender=sender, dispatch_uid=f"samspel-saved-{sender.__name__}")
            post_delete.connect(content_changed, sender=sender, dispatch_uid=f"samspel-deleted-{sender.__name__}")
        file_changed.connect(template_changed, dispatch_uid="samspel-template-changed")

        import modules.translation  # noqa: F401  (translations start as drafts of their own language)
        from modules.snippet_permissions import register_reviewed_snippet_policies

        register_reviewed_snippet_policies()
