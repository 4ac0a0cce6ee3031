from django import forms
from django.utils.translation import gettext_lazy as _

from course import codes
from course.models import Participant
from course.participants import OWN, SHARED

DEVICE_CHOICES = [
    (OWN, _("This is my own device: remember my code here")),
    (SHARED, _("This is a shared device: forget my code when I close the browser")),
]
DEVICE_HINTS = {
    OWN: _(
        "Only if nobody else uses this phone or computer, or could look at it. You will not need to type "
        "the code here again for a year. You can change this on My progress."
    ),
    SHARED: _(
        "The safer choice if someone else may use or check this device: nothing of the course stays on it "
        "once the browser is closed, and you type your code the next time."
    ),
}


class ErrorSummaryMixin:
    def error_links(self):
        """(the id to link to, the message) for each error, for the error summary: a group of
        radios links to its first radio."""
        links = []
        for name, errors in self.errors.items():
            field = self[name]
            anchor = f"{field.auto_id}_0" if isinstance(field.field.widget, forms.RadioSelect) else field.auto_id
            links += [(anchor, error) for error in errors]
        return links


class DeviceForm(ErrorSummaryMixin, forms.Form):
    """Nothing is chosen beforehand: remembering the code is a choice, and a risky one for some."""

    device = forms.ChoiceField(
        label=_("Which device are you using?"),
        choices=DEVICE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether this is your own device or a shared one.")},
    )

    def device_options(self):
        """(radio, hint) for each choice, for a template that explains both."""
        return [(radio, DEVICE_HINTS[radio.data["value"]]) for radio in self["device"]]


class StartForm(DeviceForm):
    """A new code. Where this device already holds one, only with `replace` ticked: the old code
    still works, but this device will then forget it."""

    replace = forms.ChoiceField(  # a ticked box sends "on"; anything else did not come from this form
        required=False,
        choices=[("on", "on")],
        label=_("Yes, give me a new code. I have written down my old code, or I do not need it."),
    )

    def __init__(self, *args, holds_code=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.holds_code = holds_code

    def clean(self):
        cleaned = super().clean()
        if self.holds_code and cleaned.get("replace") != "on" and "replace" not in self.errors:
            self.add_error(
                "replace",
                _("This device already has a code. Continue with it, or tick the box to get a new one."),
            )
        return cleaned


class ResumeForm(DeviceForm):
    code = forms.CharField(
        label=_("Your code"),
        max_length=64,
        help_text=_(
            "17 letters and digits, shown in groups, like K7QX-4M2P-9DHT-W3RB-G. "
            "Dashes, spaces and small letters are fine."
        ),
        error_messages={"required": _("Type the code you were given, like K7QX-4M2P-9DHT-W3RB-G.")},
    )

    legacy = False  # the code carries the old check symbol (course.codes): looked up among those only

    def clean_code(self):
        typed = self.cleaned_data["code"]
        try:
            return codes.normalize(typed)
        except codes.TypoInCode as error:
            legacy = _legacy(typed)
            if legacy is not None:
                self.legacy = True
                return legacy
            raise forms.ValidationError(
                _("There seems to be a typing mistake in the code: please check each character."), code="typo"
            ) from error
        except codes.MalformedCode as error:
            raise forms.ValidationError(
                _("A code has 17 letters and digits, like K7QX-4M2P-9DHT-W3RB-G. Please check what you typed."),
                code="malformed",
            ) from error


def _legacy(typed):
    """What was typed, as a code with the old check symbol, while any such code is still in use."""
    try:
        normalized = codes.legacy_normalize(typed)
    except ValueError:
        return None
    return normalized if Participant.objects.filter(legacy_check=True).exists() else None
