"""The parents' course as a page tree: home → themes → modules → lessons."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from modules.blocks import LessonBodyBlock
from modules.forms import ModulePageForm, SameLocalePageForm
from modules.outline import CourseOutline
from modules.page_cache import AnonymousPageCacheMixin, memo
from modules.progress import progress_provider

INTRO_FEATURES = ["bold", "italic", "link"]

MODULE_ICONS = [
    ("chat", _("Speech bubbles")),
    ("heart", _("Heart")),
    ("home", _("Two homes")),
    ("handshake", _("Handshake")),
    ("clock", _("Clock")),
    ("compass", _("Compass")),
    ("leaf", _("Leaf")),
    ("shield", _("Shield")),
]


class CourseHomePage(AnonymousPageCacheMixin, Page):
    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    safety_module = models.ForeignKey(
        "modules.ModulePage",
        verbose_name=_("safety module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The module for parents for whom co-operating isn't safe. Lessons and dilemma options "
            "marked as assuming it is safe to co-operate point to it."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("safety_module")]
    base_form_class = SameLocalePageForm
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["modules.ThemePage", "childmodule.ChildHomePage", "childmodule.ParentsGuidePage"]
    max_count_per_parent = 1
    personal_context = ("course_state",)

    class Meta:
        verbose_name = _("course home")

    @cached_property
    def outline(self):
        return CourseOutline.for_home(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = self.outline
        context["more"] = self.get_children().live().not_type(ThemePage).order_by("path")
        context["course_state"] = progress_provider().course_state(request, self.outline)
        return context


class ThemePage(AnonymousPageCacheMixin, Page):
    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["modules.CourseHomePage"]
    subpage_types = ["modules.ModulePage"]
    personal_context = ("course_state",)

    class Meta:
        verbose_name = _("theme")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = outline = CourseOutline.for_page(self)
        context["course_state"] = progress_provider().course_state(request, outline)
        return context


class ModulePage(AnonymousPageCacheMixin, Page):
    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences."))
    minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(60)],
        help_text=_("How long the whole module takes, usually 15-30 minutes."),
    )
    icon = models.CharField(_("icon"), max_length=20, choices=MODULE_ICONS, default="chat")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture (optional)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sources = ParentalManyToManyField(
        "modules.Source",
        verbose_name=_("evidence sources"),
        related_name="modules",
        help_text=_("The research this module rests on. Required before publishing."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("minutes"),
        FieldPanel("icon"),
        FieldPanel("image"),
        FieldPanel("sources", required_on_save=False),
    ]
    base_form_class = ModulePageForm
    parent_page_types = ["modules.ThemePage"]
    subpage_types = ["modules.LessonPage"]
    personal_context = ("course_state",)

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = outline = CourseOutline.for_page(self)
        context["module"] = outline.module(self.id)
        context["course_state"] = progress_provider().course_state(request, outline)
        return context


class LessonPage(AnonymousPageCacheMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    assumes_safety = models.BooleanField(
        _("assumes it is safe to co-operate"),
        default=False,
        help_text=_(
            "Tick if this lesson's advice only fits parents who can safely be in contact with the other parent. "
            "The lesson then begins with a note pointing to the safety module."
        ),
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("assumes_safety"), FieldPanel("body")]
    base_form_class = SameLocalePageForm
    parent_page_types = ["modules.ModulePage"]
    subpage_types = []
    personal_context = ("lesson_state",)

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        """A POST is the lesson's own form (answers, "I'm done"), handled by the progress provider."""
        if request.method == "POST":
            return progress_provider().lesson_post(request, self)
        return super().serve(request, *args, **kwargs)

    def serve_refused(self, request):
        """The lesson again, at its own address, with what was sent and why it was not saved."""
        response = super().serve(request)
        response.status_code = 400
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = outline = CourseOutline.for_page(self)
        context["next_lesson"] = next_lesson = outline.next_lesson(self.id)
        context["previous_lesson"] = outline.previous_lesson(self.id)
        module = outline.module_of(self.id)
        if module is not None:
            context["lesson_number"] = [lesson.id for lesson in module.lessons].index(self.id) + 1
            context["lesson_total"] = len(module.lessons)
        if next_lesson is not None and outline.module_of(next_lesson.id) is not module:
            context["next_module"] = outline.module_of(next_lesson.id)
        # Every dilemma's options in one query, however many dilemmas the lesson has.
        dilemmas = [block.value for block in self.body if block.block_type == "dilemma" and block.value]
        prefetch_related_objects(dilemmas, "options")
        context["lesson_state"] = progress_provider().lesson_state(request, self)
        return context


def safety_module(language):
    """The live safety module of `language`'s course, or None; read once per process until the next publish."""

    def read():
        home = CourseHomePage.objects.live().filter(locale__language_code=language).order_by("path").first()
        return ModulePage.objects.live().filter(pk=home.safety_module_id).first() if home else None

    return memo(("safety-module", language), read)
