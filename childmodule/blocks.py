"""The blocks a chapter for children is built from."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from childmodule.feelings import FEELING_CHOICES, FEELINGS


def _first_character():
    from childmodule.models import Character

    character = Character.objects.first()
    return {"character": character, "text": "Det var konstigt i början."} if character else None


class PictureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("picture"))
    alt = blocks.CharBlock(
        label=_("text alternative"),
        max_length=250,
        help_text=_("What the picture shows, for children who cannot see it. Required."),
    )

    class Meta:
        icon = "image"
        template = "childmodule/blocks/picture.html"
        label = _("Picture")
        description = _("A picture with a text alternative.")


class StoryBlock(blocks.StructBlock):
    character = SnippetChooserBlock("childmodule.Character", label=_("character"))
    text = blocks.TextBlock(label=_("story"), help_text=_("Short sentences. Separate paragraphs with a blank line."))

    class Meta:
        icon = "user"
        template = "childmodule/blocks/story.html"
        label = _("Story with a character")
        description = _("A short story told by one of the recurring child characters.")
        preview_value = _first_character


class FactBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("fact"))

    class Meta:
        icon = "help"
        template = "childmodule/blocks/fact.html"
        label = _("Did you know?")
        description = _("A short fact, for example that a separation is never the child's fault.")
        preview_value = {"text": "Det är aldrig barnets fel när föräldrar separerar."}


class FeelingsValue(blocks.StructValue):
    @property
    def multiple(self):
        return self.get("selection") == "multiple"

    @property
    def faces(self):
        """(key, label, answer) of each feeling offered, in the editor's order."""
        return [(key, *FEELINGS[key]) for key in self["feelings"] if key in FEELINGS]


class FeelingsBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=200)
    feelings = blocks.MultipleChoiceBlock(
        choices=FEELING_CHOICES, label=_("feelings to choose from"), help_text=_("Choose 5 to 8.")
    )
    selection = blocks.ChoiceBlock(
        choices=[("single", _("One feeling")), ("multiple", _("One or more feelings"))],
        default="single",
        widget=forms.RadioSelect,
        label=_("how many feelings a child can choose"),
        help_text=_(
            'Choose "One or more feelings" when the question invites several, for example "You can choose several".'
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        if not 5 <= len(value["feelings"]) <= 8:
            raise blocks.StructBlockValidationError(
                block_errors={"feelings": ValidationError(_("Choose between 5 and 8 feelings."))}
            )
        return value

    class Meta:
        icon = "pick"
        template = "childmodule/blocks/feelings.html"
        label = _("Feelings check-in")
        description = _("The child picks how they feel among simple faces. Nothing is sent or saved.")
        value_class = FeelingsValue
        preview_value = {
            "question": "Hur känner du dig i dag?",
            "feelings": ["happy", "sad", "angry", "worried", "calm"],
            "selection": "single",
        }


class MessageBlock(blocks.StructBlock):
    intro = blocks.TextBlock(label=_("introduction"))
    suggestions = blocks.ListBlock(
        blocks.CharBlock(label=_("sentence"), max_length=200), min_num=3, max_num=6, label=_("sentences to pick from")
    )

    class Meta:
        icon = "mail"
        template = "childmodule/blocks/message.html"
        label = _("What I want my parents to know")
        description = _("The child picks or writes sentences and can print or show them. Nothing leaves the device.")
        preview_value = {
            "intro": "Vad vill du att dina föräldrar ska veta?",
            "suggestions": ["Jag vill inte välja.", "Jag älskar er båda.", "Prata med mig."],
        }


class ChapterBodyBlock(blocks.StreamBlock):
    text = blocks.TextBlock(
        icon="pilcrow",
        template="childmodule/blocks/text.html",
        label=_("Short text"),
        description=_("Short sentences. Separate paragraphs with a blank line."),
        preview_value="Ibland bor mamma och pappa inte ihop längre.",
    )
    picture = PictureBlock()
    story = StoryBlock()
    fact = FactBlock()
    feelings = FeelingsBlock()
    message = MessageBlock()


def plain_text(body):
    """All the words a child reads in a chapter body, paragraph by paragraph (for readability)."""
    parts = []
    for block in body:
        value = block.value
        if block.block_type == "text":
            parts.append(value)
        elif block.block_type in ("story", "fact"):
            parts.append(value["text"])
        elif block.block_type == "feelings":
            parts.append(value["question"])
        elif block.block_type == "message":
            parts.append(value["intro"])
            parts.extend(value["suggestions"])
    return "\n\n".join(part.strip() for part in parts if part and part.strip())
