"""Reusable, translatable pieces of the course that reviewers approve like pages."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PublishingPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)


class ReviewedSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, ClusterableModel
):
    """A snippet whose changes go live only through the review workflow."""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @classmethod
    def reviewed_panels(cls, *panels):
        """The editing panels, and the publishing panel (go-live and expiry dates, applied on approval)."""
        return [*panels, PublishingPanel()]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions


def reviewed_relations(name):
    """The generic relations Wagtail's revision and workflow mixins expect."""
    return (
        GenericRelation("wagtailcore.Revision", related_query_name=name),
        GenericRelation(
            "wagtailcore.WorkflowState",
            content_type_field="base_content_type",
            object_id_field="object_id",
            related_query_name=name,
            for_concrete_model=False,
        ),
    )


class PreviewedAsShown(PreviewableMixin):
    """A snippet previewed in the editor as readers see it (`snippet_template`, given `value`), with the
    site's styles, under `shown_in` ("How it looks in a lesson")."""

    snippet_template = None
    shown_in = _("How it looks in a lesson")

    def get_preview_template(self, request, mode_name):
        return "modules/snippet_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["snippet_template"] = self.snippet_template
        context["shown_in"] = self.shown_in
        self.shown_as_edited = True  # `readable_snippet` shows it as it is in the form, not its last revision
        return context


class Story(PreviewedAsShown, ReviewedSnippet):
    title = models.CharField(_("title"), max_length=200)
    teller = models.CharField(
        _("who is telling"),
        max_length=200,
        help_text=_("In general terms only, for example 'father of two, separated 2023'. Never a name."),
    )
    text = models.TextField(
        _("story"), help_text=_("Told in the first person. Separate paragraphs with a blank line.")
    )

    _revisions, workflow_states = reviewed_relations("story")

    snippet_template = "modules/blocks/story.html"
    panels = ReviewedSnippet.reviewed_panels(FieldPanel("title"), FieldPanel("teller"), FieldPanel("text"))

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("parent's story")
        verbose_name_plural = _("parents' stories")


class Dilemma(PreviewedAsShown, ReviewedSnippet):
    title = models.CharField(_("title"), max_length=200)
    situation = models.TextField(
        _("situation"), help_text=_("An everyday situation that ends with what the parent has to decide.")
    )

    _revisions, workflow_states = reviewed_relations("dilemma")

    snippet_template = "modules/blocks/dilemma.html"
    panels = ReviewedSnippet.reviewed_panels(
        FieldPanel("title"),
        FieldPanel("situation"),
        InlinePanel("options", label=_("options"), min_num=2, max_num=4),
    )

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["options"] = list(self.options.all())
        return context

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("dilemma")
        verbose_name_plural = _("dilemmas")


class DilemmaOption(Orderable):
    dilemma = ParentalKey(Dilemma, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("what the parent might do"), max_length=300)
    reflection = models.TextField(
        _("professional's reflection"),
        help_text=_("What this choice may lead to for the child and the co-operation. Shown after choosing."),
    )
    assumes_safety = models.BooleanField(
        _("assumes it is safe to co-operate"),
        default=False,
        help_text=_("Tick if this option is only good advice where there is no violence, threat or control."),
    )

    panels = [FieldPanel("label"), FieldPanel("reflection"), FieldPanel("assumes_safety")]

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.label


TITLE_LANGUAGES = [("en", _("English")), ("sv", _("Swedish")), ("da", _("Danish")), ("no", _("Norwegian"))]


class Source(PreviewedAsShown, ReviewedSnippet):
    authors = models.CharField(_("authors"), max_length=300)
    title = models.CharField(_("title"), max_length=400)
    title_language = models.CharField(
        _("language of the title"),
        max_length=8,
        choices=TITLE_LANGUAGES,
        default="en",
        help_text=_("Screen readers read the title in this language, whatever the page's language."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    publication = models.CharField(
        _("published in"), max_length=300, blank=True, help_text=_("Journal, volume and pages, or the publisher.")
    )
    doi = models.CharField(_("DOI"), max_length=200, blank=True, help_text=_("For example 10.1037/0893-3200.15.3.355"))
    url = models.URLField(_("link"), blank=True)
    summary = models.TextField(_("what it shows"), blank=True, help_text=_("One sentence in plain language."))

    _revisions, workflow_states = reviewed_relations("source")

    snippet_template = "modules/includes/sources.html"
    panels = ReviewedSnippet.reviewed_panels(
        FieldPanel("authors"),
        FieldPanel("title"),
        FieldPanel("title_language"),
        FieldPanel("year"),
        FieldPanel("publication"),
        FieldPanel("doi"),
        FieldPanel("url"),
        FieldPanel("summary"),
    )

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["sources"] = [self]
        return context

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("evidence source")
        verbose_name_plural = _("evidence sources")

    @property
    def link(self):
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.url

    def clean(self):
        super().clean()
        if self.doi.lower().startswith(("http://", "https://", "doi:")):
            raise ValidationError({"doi": _("Enter the DOI itself, such as 10.1037/0893-3200.15.3.355.")})
        others = Source.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        for field, value in (("doi", self.doi.strip()), ("url", self.url.strip())):
            duplicate = value and others.filter(**{f"{field}__iexact": value}).first()
            if duplicate:
                raise ValidationError(
                    {
                        field: _("This source is already in the library: “%(source)s”. Choose that one instead.")
                        % {"source": duplicate}
                    }
                )
