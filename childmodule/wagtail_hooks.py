from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from childmodule.models import ChapterPage, Character
from modules.snippet_admin import ReviewedSnippetViewSet


class CharacterViewSet(ReviewedSnippetViewSet):
    model = Character
    icon = "user"
    list_display = ["name", "description"]
    add_to_admin_menu = False


register_snippet(CharacterViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_hard_chapters(request, page):
    """Publishing (or sending for review) a chapter far above its band's LIX target warns the editor."""
    page = page.specific
    if not isinstance(page, ChapterPage):
        return
    if not ({"action-publish", "action-submit"} & set(request.POST)):
        return
    revision = page.get_latest_revision_as_object()
    if revision.too_hard:
        messages.warning(
            request,
            _("This chapter's LIX is %(score)s, well above the target of %(target)s for its age band.")
            % {"score": revision.readability, "target": revision.lix_target},
        )


@hooks.register("insert_editor_js")
def readability_panel_js():
    return format_html('<script src="{}" defer></script>', static("childmodule/js/readability-panel.js"))
