from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from modules.models.snippets import PreviewedAsShown, ReviewedSnippet, reviewed_relations

AVATARS = [
    ("fox", _("Fox")),
    ("bear", _("Bear")),
    ("owl", _("Owl")),
    ("rabbit", _("Rabbit")),
]


class Character(PreviewedAsShown, ReviewedSnippet):
    """A recurring child character whose stories appear across chapters."""

    name = models.CharField(_("name"), max_length=60)
    description = models.CharField(_("description"), max_length=300, help_text=_("One sentence about the character."))
    avatar = models.CharField(_("picture"), max_length=20, choices=AVATARS, default="fox")

    _revisions, workflow_states = reviewed_relations("character")
    translation_languages = ("sv", "da")

    snippet_template = "childmodule/character_preview.html"
    shown_in = _("How it looks in a chapter")
    panels = ReviewedSnippet.reviewed_panels(FieldPanel("name"), FieldPanel("description"), FieldPanel("avatar"))

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("child character")
        verbose_name_plural = _("child characters")

    def __str__(self):
        return self.name

    @property
    def title(self):
        return self.name
