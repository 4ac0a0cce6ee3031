"""The feelings a child can pick in a check-in, each with a face and a kind answer."""

from django.utils.translation import gettext_lazy as _

FEELINGS = {
    "happy": (_("happy"), _("How good that you feel happy. Happy days are worth remembering.")),
    "sad": (_("sad"), _("It is OK to be sad. Sadness gets smaller when you share it with someone you trust.")),
    "angry": (_("angry"), _("It is OK to be angry. Anger is a feeling, not something bad about you.")),
    "worried": (
        _("worried"),
        _("Many children worry. Tell a grown-up what you worry about: you do not have to carry it alone."),
    ),
    "calm": (_("calm"), _("How nice that you feel calm. Notice what helps you feel like this.")),
    "confused": (
        _("confused"),
        _("It can be confusing when a lot changes. It is OK to ask questions, again and again."),
    ),
    "tired": (_("tired"), _("Big changes make you tired. Rest is allowed.")),
    "lonely": (
        _("lonely"),
        _("Feeling lonely is hard. You can tell a grown-up you trust, or call a helpline for children."),
    ),
}

FEELING_CHOICES = [(key, label) for key, (label, _answer) in FEELINGS.items()]
