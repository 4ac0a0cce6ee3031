from django import forms
from django.utils.translation import gettext_lazy as _

from course import codes
from course.participants import OWN, SHARED

DEVICE_CHOICES = [
    (OWN, _("This is my own device: remember my code here")),
    (SHARED, _("This is a shared device: forget my code when I close the browser")),
]


class DeviceForm(forms.Form):
    device = forms.ChoiceField(
        label=_("Which device are you using?"), choices=DEVICE_CHOICES, widget=forms.RadioSelect, initial=OWN
    )


class ResumeForm(DeviceForm):
    code = forms.CharField(
        label=_("Your code"),
        max_length=64,
        help_text=_("For example K7QX-4M2P-9DHT-W3RB-U. Dashes, spaces and small letters are fine."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self):
        try:
            return codes.normalize(self.cleaned_data["code"])
        except codes.TypoInCode as error:
            raise forms.ValidationError(
                _("There seems to be a typing mistake in the code: please check each character."), code="typo"
            ) from error
        except codes.MalformedCode as error:
            raise forms.ValidationError(
                _("A code has 17 characters, like K7QX-4M2P-9DHT-W3RB-U. Please check what you typed."),
                code="malformed",
            ) from error
