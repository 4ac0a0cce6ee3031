"""The blocks a lesson body is built from. Every block says what it is to editors."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
VIDEO_EXTENSIONS = (".mp4", ".webm")
AUDIO_EXTENSIONS = (".mp3", ".m4a", ".ogg", ".oga", ".opus")
CAPTION_EXTENSIONS = (".vtt",)
REFLECTION_MAX_LENGTH = 10_000


def _first_live(model_name):
    """A preview value for snippet choosers: any live snippet of that kind."""

    def preview():
        from modules.models import Dilemma, Source, Story

        model = {"story": Story, "dilemma": Dilemma, "source": Source}[model_name]
        return model.objects.filter(live=True).first()

    return preview


class AdviceBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("advice"))
    role = blocks.CharBlock(
        label=_("professional's role"), help_text=_("For example 'family therapist'. No personal names.")
    )
    portrait = ImageChooserBlock(required=False, label=_("portrait (optional)"))

    class Meta:
        icon = "openquote"
        template = "modules/blocks/advice.html"
        label = _("Professional's advice")
        description = _("Advice from a professional, shown as a quote with their role.")
        preview_value = {
            "text": "<p>Tell the children together, if you can, and tell them it is not their fault.</p>",
            "role": "Family therapist",
        }


class ReviewedSnippetBlock(SnippetChooserBlock):
    """A chosen story or dilemma: shown to readers only while it is live (see `readable_snippet`)."""

    def get_context(self, value, parent_context=None):
        from modules.templatetags.page_tags import readable_snippet

        context = super().get_context(value, parent_context=parent_context)
        context["value"] = readable_snippet(value, (parent_context or {}).get("request"))
        return context


class StoryBlock(ReviewedSnippetBlock):
    def __init__(self, **kwargs):
        super().__init__("modules.Story", **kwargs)

    class Meta:
        icon = "user"
        template = "modules/blocks/story.html"
        label = _("Parent's story")
        description = _("A reusable story told by another parent (choose or create it under Snippets).")
        preview_value = _first_live("story")


class DilemmaBlock(ReviewedSnippetBlock):
    def __init__(self, **kwargs):
        super().__init__("modules.Dilemma", **kwargs)

    def get_context(self, value, parent_context=None):
        """The options, and the one the participant chose, if any. A reader without a code chooses
        in the page itself (lesson.js), or opens the options' reflections without JavaScript:
        nothing they choose is sent, nor put in the address and the browser's history."""
        context = super().get_context(value, parent_context=parent_context)
        value = context["value"]
        state = (parent_context or {}).get("lesson_state")
        options = list(value.options.all()) if value else []
        chosen_id = state.choices.get(value.pk) if value and state is not None else None
        context["options"] = options
        context["chosen"] = next((option for option in options if option.id == chosen_id), None)
        return context

    def personal_variant(self, value, lesson_state, block_id):
        """A participant's rendering depends only on the option they chose (see `page_tags.personal_block`)."""
        if lesson_state is None or not value:
            return None
        return ("chosen", lesson_state.choices.get(value.pk))

    class Meta:
        icon = "help"
        template = "modules/blocks/dilemma.html"
        label = _("Dilemma")
        description = _(
            "An everyday situation with 2-4 options; the parent sees a professional's reflection after choosing."
        )
        preview_value = _first_live("dilemma")


class ReflectionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    hint = blocks.CharBlock(label=_("hint (optional)"), required=False, max_length=300)

    def get_context(self, value, parent_context=None):
        """The participant's own earlier answer, or the text they just tried to save."""
        context = super().get_context(value, parent_context=parent_context)
        parent_context = parent_context or {}
        block_id = parent_context.get("block_id")
        state = parent_context.get("lesson_state")
        context["max_length"] = REFLECTION_MAX_LENGTH
        context["max_length_text"] = f"{REFLECTION_MAX_LENGTH:,}".replace(",", "\u00a0")
        if state is not None and block_id in state.rejected:
            context["text"], context["error"] = state.rejected[block_id]
        elif state is not None and block_id in state.reflections:
            context["text"] = state.reflections[block_id]
            context["unreadable"] = context["text"] is None
            context["saved"] = state.saved == block_id
        return context

    def personal_variant(self, value, lesson_state, block_id):
        """Only a participant's empty answer box is the same for many (see `page_tags.personal_block`)."""
        if lesson_state is None or block_id in lesson_state.rejected or block_id in lesson_state.reflections:
            return None
        return "empty"

    class Meta:
        icon = "edit"
        template = "modules/blocks/reflection.html"
        label = _("Private reflection")
        description = _("A question the parent answers privately. Answers are encrypted and only they can read them.")
        preview_value = {"question": "What does your child need most from you this week?"}


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label=_("item"), max_length=300), min_num=1, label=_("items"))

    class Meta:
        icon = "list-ul"
        template = "modules/blocks/checklist.html"
        label = _("Checklist or exercise")
        description = _("A short list of things to try or think through.")
        preview_value = {"title": "Before the handover", "items": ["Pack together", "Say goodbye calmly"]}


class MediaValue(blocks.StructValue):
    def is_video(self):
        return self["media"].file.name.lower().endswith(VIDEO_EXTENSIONS)


class MediaBlock(blocks.StructBlock):
    media = DocumentChooserBlock(
        label=_("video or audio file"), help_text=_("Upload the file to the site's own documents (MP4, WebM, MP3).")
    )
    title = blocks.CharBlock(label=_("title"), max_length=200)
    captions = DocumentChooserBlock(required=False, label=_("captions (WebVTT file)"))
    transcript = blocks.RichTextBlock(features=["bold", "italic"], required=False, label=_("transcript"))

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        media = value.get("media")
        if media and not media.file.name.lower().endswith(VIDEO_EXTENSIONS + AUDIO_EXTENSIONS):
            errors["media"] = ValidationError(_("Choose a video (MP4, WebM) or audio file (MP3, M4A, Ogg)."))
        captions = value.get("captions")
        if captions and not captions.file.name.lower().endswith(CAPTION_EXTENSIONS):
            errors["captions"] = ValidationError(_("Captions must be a WebVTT file ending in .vtt."))
        if not captions and not value.get("transcript"):
            errors["transcript"] = ValidationError(
                _("Add a captions file or a transcript, so everyone can follow the recording.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        template = "modules/blocks/media.html"
        label = _("Video or audio")
        description = _("A recording from the site's own library, with captions or a transcript. Nothing embedded.")
        value_class = MediaValue


class EvidenceBlock(blocks.StructBlock):
    sources = blocks.ListBlock(SnippetChooserBlock("modules.Source", label=_("source")), min_num=1, label=_("sources"))

    class Meta:
        icon = "doc-full"
        template = "modules/blocks/evidence.html"
        label = _("Evidence: why we say this")
        description = _("References to the research behind this lesson.")
        preview_value = {"sources": []}


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="modules/blocks/text.html",
        label=_("Text"),
        description=_("Plain paragraphs, headings and lists."),
        preview_value="<p>Children often notice more than we think.</p>",
    )
    advice = AdviceBlock()
    story = StoryBlock()
    dilemma = DilemmaBlock()
    reflection = ReflectionBlock()
    checklist = ChecklistBlock()
    media = MediaBlock()
    evidence = EvidenceBlock()
