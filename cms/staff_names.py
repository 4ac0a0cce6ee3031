"""The names of our staff groups, the review workflow and its task, in each staff member's language.

They are rows made by our migrations ("Editors", "Professional review"...), and Django and Wagtail
show a row's `name` as it is stored: a Danish editor read "Submit to Professional review". Here
reading `name` gives the translation of a name we made, in the active language; the row keeps the
English name, so lookups by name, data migrations, serialisation and natural keys keep working. A
form edits the stored name; one saved with the translated name (as shown in a list) keeps the
English one; a name an administrator types is stored, and shown, as typed.

Names are translated only while a request is served (`TranslateStaffNamesMiddleware`): Django's
raw saves (loaddata, deserialising a test database) read a field through its attribute, and must
read what is stored.
"""

import contextvars
from contextlib import contextmanager

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


_translating = contextvars.ContextVar("samspel_translate_staff_names", default=False)


@contextmanager
def translated_names():
    """Within it, our names read in the active language."""
    token = _translating.set(True)
    try:
        yield
    finally:
        _translating.reset(token)


class TranslateStaffNamesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with translated_names():
            return self.get_response(request)


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
        if instance is None or value not in NAMES or not _translating.get():
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
        # What is saved, serialised (dumpdata, the tests' migrated state) and edited in a form is
        # the stored name, never a translation.
        field.pre_save = stored_name
        field.value_from_object = stored_name
    Group.natural_key = lambda group: (stored_name(group),)
