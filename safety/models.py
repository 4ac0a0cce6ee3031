"""Where help is: the help-line directory editors keep, per language, under the review workflow.

Entries are content like a story or a dilemma: a change reaches readers only once a
reviewer approves it. Each entry says when someone last checked its number against
the organisation's own page; an entry not checked for six months is listed for editors.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin

from modules.models.snippets import PreviewedAsShown, ReviewedSnippet, reviewed_relations
from modules.page_cache import memo

STALE_AFTER = timedelta(days=183)  # six months


class HelpLine(PreviewedAsShown, ReviewedSnippet):
    EMERGENCY = "emergency"
    PARENT = "parent"
    CHILD = "child"
    VIOLENCE = "violence"
    USES_VIOLENCE = "uses-violence"
    SUICIDE = "suicide"
    AUDIENCES = [
        (EMERGENCY, _("Emergencies")),
        (VIOLENCE, _("You, if you are subjected to violence, threats or control")),
        (PARENT, _("You, as a parent")),
        (SUICIDE, _("Someone thinking of suicide")),
        (USES_VIOLENCE, _("Someone who uses violence and wants to stop")),
        (CHILD, _("Your child")),
    ]
    CHILD_BOX = [CHILD, EMERGENCY]  # the audiences the children's help box shows
    COUNTRIES = [("SE", _("Sweden")), ("DK", _("Denmark"))]

    title = models.CharField(_("name"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    audience = models.CharField(_("who it is for"), max_length=20, choices=AUDIENCES)
    description = models.CharField(
        _("what it offers"), max_length=300, help_text=_("One sentence, for example who answers and what about.")
    )
    child_text = models.CharField(
        _("for children"),
        max_length=200,
        blank=True,
        help_text=_("Only for lines shown to children: one short sentence a child can read."),
    )
    phone = models.CharField(
        _("phone number"), max_length=30, help_text=_("As the organisation writes it, e.g. 020-50 50 50.")
    )
    hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    web_address = models.CharField(
        _("web address"), max_length=200, blank=True, help_text=_("Shown as text, e.g. kvinnofridslinjen.se.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("The day someone checked the number and hours against the organisation's own page."),
    )
    verified_at = models.URLField(_("checked at"), blank=True, help_text=_("The page the details were checked on."))

    _revisions, workflow_states = reviewed_relations("helpline")

    snippet_template = "safety/line_preview.html"
    shown_in = _("How it looks in the help box, for parents and for children")
    panels = ReviewedSnippet.reviewed_panels(
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("audience"), FieldPanel("sort_order")]),
        FieldPanel("description"),
        FieldPanel("child_text"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("hours")]),
        FieldPanel("web_address"),
        MultiFieldPanel([FieldPanel("last_verified"), FieldPanel("verified_at")], heading=_("Checked")),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("help line")
        verbose_name_plural = _("help lines")
        ordering = ["sort_order", "title"]

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["lines"] = [self]
        context["for_children"] = self.audience in self.CHILD_BOX
        return context

    @property
    def tel(self):
        """The number for a tel: link: digits only (a leading + kept)."""
        return ("+" if self.phone.strip().startswith("+") else "") + re.sub(r"\D", "", self.phone)

    @property
    def is_stale(self):
        return self.last_verified is None or timezone.localdate() - self.last_verified > STALE_AFTER


def country_for(language_code):
    """Swedish pages show Sweden's lines, Danish pages Denmark's; English pages the country the
    site is run in (setting SAMSPEL_COUNTRY)."""
    return {"sv": "SE", "da": "DK"}.get(language_code, getattr(settings, "SAMSPEL_COUNTRY", "SE"))


def lines_for(language_code, audiences=None):
    """The live lines a page in this language shows, in the editors' order: read once per process
    until the next publish (a help line is a reviewed snippet, so publishing one starts afresh)."""

    def read():
        locale = Locale.objects.filter(language_code=language_code).first()
        lines = HelpLine.objects.filter(live=True, locale=locale, country=country_for(language_code))
        if audiences is not None:
            lines = lines.filter(audience__in=audiences)
        return list(lines)

    return memo(("help-lines", language_code, None if audiences is None else tuple(audiences)), read)


def stale_lines():
    cutoff = timezone.localdate() - STALE_AFTER
    return HelpLine.objects.filter(models.Q(last_verified__isnull=True) | models.Q(last_verified__lt=cutoff))
