from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from modules.models import Dilemma, Source, Story


class StoryViewSet(SnippetViewSet):
    model = Story
    icon = "user"
    list_display = ["title", "teller"]
    search_fields = ["title", "teller", "text"]


class DilemmaViewSet(SnippetViewSet):
    model = Dilemma
    icon = "help"
    list_display = ["title"]
    search_fields = ["title", "situation"]


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "doc-full"
    list_display = ["authors", "year", "title"]
    search_fields = ["authors", "title"]


class CourseContentGroup(SnippetViewSetGroup):
    menu_label = _("Course content")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (StoryViewSet, DilemmaViewSet, SourceViewSet)


register_snippet(CourseContentGroup)
