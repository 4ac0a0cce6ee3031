"""The pages where the service explains itself: about, privacy, accessibility, contact.

Editors write them in the admin like any page, in every language; those marked "Show in
menus" are linked from every page's footer, in the order of the page tree.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from modules.page_cache import AnonymousPageCacheMixin

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "lang-en"]


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "siteinfo/section.html"


class InfoPage(AnonymousPageCacheMixin, Page):
    intro = models.TextField(_("introduction"), max_length=400, help_text=_("One or two sentences."))
    body = StreamField([("section", SectionBlock())], verbose_name=_("sections"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["modules.CourseHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
