"""The child module: a home per locale, age bands, and chapters for children."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.fields import StreamField
from wagtail.models import Page

from childmodule.blocks import ChapterBodyBlock, plain_text
from childmodule.models.counters import ChapterView
from childmodule.readability import hard_sentences, lix
from cms.weeks import iso_week
from modules.forms import SameLocalePageForm

BANDS = [
    ("3-5", _("3-5 years, together with an adult")),
    ("6-8", _("6-8 years")),
    ("9-12", _("9-12 years")),
    ("13-17", _("13-17 years")),
]
# Highest LIX a chapter should have, per age band; "far above" is more than the margin over it.
LIX_TARGETS = {"3-5": 25, "6-8": 25, "9-12": 30, "13-17": 40}
LIX_MARGIN = 5
# The child module is written in Swedish and Danish; English is optional.
CHILD_LANGUAGES = ("sv", "da")


class ChildModulePage(Page):
    """What every page of the child module shares."""

    translation_languages = CHILD_LANGUAGES

    class Meta:
        abstract = True

    @cached_property
    def band_page(self):
        if isinstance(self, AgeBandPage):
            return self
        if not self.path:  # not in the tree yet
            return None
        return AgeBandPage.objects.filter(path=self.path[: -self.steplen]).first() if self.depth else None

    @cached_property
    def child_home(self):
        """The child module's home this page belongs to: where the child's name mark leads."""
        if isinstance(self, ChildHomePage):
            return self
        return ChildHomePage.objects.ancestor_of(self).first() if self.path else None

    @property
    def trail(self):
        """The child module's pages above this one, from its home down: the child's way back."""
        return [page for page in (self.child_home, self.band_page) if page is not None and page.pk != self.pk]

    @cached_property
    def parents_guide(self):
        """The grown-ups' guide to the child module, in this page's language."""
        home = self.child_home
        return ParentsGuidePage.objects.sibling_of(home).live().first() if home else None


class ChildHomePage(ChildModulePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["modules.CourseHomePage"]
    subpage_types = ["childmodule.AgeBandPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("child module home")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bands"] = AgeBandPage.objects.child_of(self).live().order_by("path")
        return context


class ParentsGuidePage(ChildModulePage):
    """For parents: how to use the child module together with a child."""

    text = models.TextField(_("text"), help_text=_("Separate paragraphs with a blank line."))

    content_panels = [*Page.content_panels, FieldPanel("text")]
    parent_page_types = ["modules.CourseHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("parents' guide to the child module")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_home"] = ChildHomePage.objects.sibling_of(self).live().first()
        return context


class AgeBandPage(ChildModulePage):
    band = models.CharField(_("age band"), max_length=8, choices=BANDS)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("band"), FieldPanel("intro")]
    parent_page_types = ["childmodule.ChildHomePage"]
    subpage_types = ["childmodule.ChapterPage"]

    class Meta:
        verbose_name = _("age band")

    @property
    def lix_target(self):
        return LIX_TARGETS[self.band]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = ChapterPage.objects.child_of(self).live().order_by("path")
        return context


class ReadabilityPanel(Panel):
    """Shows editors the chapter's LIX beside its age band's target."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "childmodule/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["readability"] = self.instance.readability_report
            return context


class ChapterPage(ChildModulePage):
    body = StreamField(ChapterBodyBlock(), verbose_name=_("chapter"))

    content_panels = [*Page.content_panels, ReadabilityPanel(heading=_("Readability (LIX)")), FieldPanel("body")]
    base_form_class = SameLocalePageForm
    parent_page_types = ["childmodule.AgeBandPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("chapter")

    @property
    def readability(self):
        return lix(plain_text(self.body))

    @property
    def lix_target(self):
        band = self.band_page
        return band.lix_target if band else None

    @property
    def too_hard(self):
        score, target = self.readability, self.lix_target
        return score is not None and target is not None and score > target + LIX_MARGIN

    @property
    def readability_report(self):
        """The chapter's LIX, its band's target, how far it is from it, and the sentences that push it up.

        Shown in the editor's readability panel, and given to the admin's preview (see
        chapter_page.html), whose script updates the panel from it as the editor types.
        """
        score, target = self.readability, self.lix_target
        if score is None or target is None or score <= target:
            distance = "within"
        else:
            distance = "far" if score > target + LIX_MARGIN else "near"
        return {
            "score": score,
            "target": target,
            "distance": distance,
            "hard": [{"sentence": s, "score": v} for s, v in hard_sentences(plain_text(self.body), target)],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        band = self.band_page
        context["band"] = band
        siblings = list(ChapterPage.objects.sibling_of(self).live().order_by("path").only("id", "title", "url_path"))
        index = next((i for i, page in enumerate(siblings) if page.id == self.id), None)
        context["next_chapter"] = siblings[index + 1] if index is not None and index + 1 < len(siblings) else None
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.method == "GET" and not getattr(request, "is_preview", False):
            band = self.band_page
            ChapterView.count_view(self.id, self.locale.language_code, band.band if band else "", iso_week())
        return response
