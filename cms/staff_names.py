"""The names of our staff groups, the review workflow and its task, in each staff member's language.

They are rows made by our migrations ("Editors", "Professional review"...), and Django and Wagtail
show a row's `name` as it is stored: a Danish editor read "Submit to Professional review". Here
reading `name` gives the translation of a name we made, in the active language; the row keeps the
English name, so lookups by name, data migrations and natural keys keep working. A form that saves
the name as it was shown (translated) keeps the English name; a name an administrator types is
stored, and shown, as typed.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.query_utils import DeferredAttribute
from django.utils import translation
from django.utils.translation import gettext_noop
from wagtail.models import Task, Workflow

NAMES = frozenset(
    {
        gettext_noop("Editors"),
        gettext_noop("Reviewers"),
        gettext_noop("Evaluators"),
        gettext_noop("Professional review"),
        gettext_noop("Reviewer approval"),
        gettext_noop("Reviewer approval (before four eyes)"),
    }
)


def translations_of(name):
    """`name` in every language of the site."""
    shown = set()
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            shown.add(translation.gettext(name))
    return shown


class TranslatedName(DeferredAttribute):
    """A model's `name`, read in the active language when it is one of `NAMES`."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None or value not in NAMES:
            return value
        return translation.gettext(value)

    def __set__(self, instance, value):
        stored = instance.__dict__.get(self.field.attname)
        if stored in NAMES and value != stored and value in translations_of(stored):
            value = stored  # saved as it was shown: the same name
        instance.__dict__[self.field.attname] = value


def stored_name(instance, add=False):
    return instance.__dict__["name"]


def translate_staff_names():
    for model in (Group, Workflow, Task):
        field = model._meta.get_field("name")
        setattr(model, field.attname, TranslatedName(field))
        field.pre_save = stored_name  # what is saved is the stored name, never the translation
    Group.natural_key = lambda group: (stored_name(group),)
