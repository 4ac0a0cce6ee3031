"""What every reviewed snippet's admin shares (stories, dilemmas, sources, characters, help lines)."""

from django.utils.translation import gettext_lazy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet


class TranslatedChooserViewSet(SnippetChooserViewSet):
    """The chooser's texts in each editor's language.

    Wagtail 8.0.1 defines them with the eager `gettext` at class level
    (wagtail/admin/viewsets/chooser.py), so they come out in the language active at import:
    the default, Swedish. The English and Danish admins' chooser said "Välj".
    """

    choose_one_text = gettext_lazy("Choose")
    choose_another_text = gettext_lazy("Choose another")
    edit_item_text = gettext_lazy("Edit")


class ReviewedSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = TranslatedChooserViewSet
