from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from modules.admin_views import ContentStatusView
from modules.editor_notices import ChangesRequestedPanel, notices_for
from modules.explorer_start import start_at_course_home
from modules.models import Dilemma, ModulePage, Source, Story
from modules.review_bundle import ModuleReviewView
from modules.snippet_admin import ReviewedSnippetViewSet


class StoryViewSet(ReviewedSnippetViewSet):
    model = Story
    icon = "user"
    list_display = ["title", "teller"]
    search_fields = ["title", "teller", "text"]
    chooser_form_fields = ["title", "teller", "text"]


class DilemmaViewSet(ReviewedSnippetViewSet):
    model = Dilemma
    icon = "help"
    list_display = ["title"]
    search_fields = ["title", "situation"]
    chooser_form_fields = ["title", "situation"]  # its options are added in the dilemma's own editor


class SourceViewSet(ReviewedSnippetViewSet):
    model = Source
    icon = "doc-full"
    list_display = ["authors", "year", "title"]
    search_fields = ["authors", "title"]
    chooser_form_fields = ["authors", "title", "title_language", "year", "publication", "doi", "url", "summary"]


class CourseContentGroup(SnippetViewSetGroup):
    menu_label = _("Course content")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (StoryViewSet, DilemmaViewSet, SourceViewSet)


register_snippet(CourseContentGroup)


hooks.register("construct_main_menu", start_at_course_home)


@hooks.register("register_admin_urls")
def register_content_status_url():
    return [
        path("reports/translation-status/", ContentStatusView.as_view(), name="content_status"),
        path(
            "reports/translation-status/results/",
            ContentStatusView.as_view(results_only=True),
            name="content_status_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_content_status_menu_item():
    return MenuItem(_("Translation status"), reverse("content_status"), icon_name="globe", order=700)


@hooks.register("before_edit_page")
def page_notices(request, page):
    notices_for(request, page)


@hooks.register("before_edit_snippet")
def snippet_notices(request, instance):
    notices_for(request, instance)


@hooks.register("construct_homepage_panels")
def changes_requested_panel(request, panels):
    panels.append(ChangesRequestedPanel(request))


@hooks.register("insert_editor_js")
def editor_js():
    return format_html('<script src="{}" defer></script>', static("modules/js/editor.js"))


@hooks.register("register_admin_urls")
def register_review_bundle_url():
    return [path("review/module/<int:module_id>/", ModuleReviewView.as_view(), name="module_review")]


@hooks.register("register_page_header_buttons")
def review_bundle_button(page, user, view_name, next_url=None):
    if page.specific_class and issubclass(page.specific_class, ModulePage):
        url = reverse("module_review", args=[page.pk])
        yield Button(_("Review with its lessons"), url, icon_name="tasks", priority=5)
