"""Our groups, the review workflow and its task are named in each staff member's language."""

import pytest
from django.contrib.auth.models import Group
from django.forms import modelform_factory
from django.utils import translation
from wagtail.models import Task, Workflow

from cms.staff_names import translated_names
from tests.cms.test_admin_language import staff_client

pytestmark = pytest.mark.django_db


def test_names_are_read_in_the_active_language_and_stored_in_english():
    workflow = Workflow.objects.get(name="Professional review")
    task = workflow.tasks.get()
    with translation.override("sv"):
        assert workflow.name == "Professional review"  # outside a request: as stored
    with translated_names(), translation.override("sv"):
        assert (workflow.name, task.name, task.specific.name) == ("Fackgranskning",) + ("Granskarens godkännande",) * 2
        assert Group.objects.get(name="Editors").name == "Redaktörer"
        assert str(Group.objects.get(name="Reviewers")) == "Granskare"
    with translated_names(), translation.override("da"):
        assert workflow.name == "Faglig gennemgang"
        assert Group.objects.get(name="Evaluators").natural_key() == ("Evaluators",)
    assert Workflow.objects.filter(name="Professional review").exists()
    assert set(Task.objects.values_list("name", flat=True)) >= {"Reviewer approval"}


def test_the_names_serialise_in_english_whatever_the_language():
    """The tests' migrated state, dumpdata and fixtures hold the stored names."""
    from django.core import serializers

    with translated_names(), translation.override("sv"):
        dumped = serializers.serialize("json", Group.objects.filter(name="Editors"))
    assert '"name": "Editors"' in dumped and "Redaktörer" not in dumped


def test_a_form_saved_with_the_name_as_shown_keeps_the_english_name():
    """A Swedish administrator saves the group form: the row must still be "Editors", or every
    lookup by name (and every other language's translation) would break."""
    GroupForm = modelform_factory(Group, fields=["name"])
    group = Group.objects.get(name="Editors")
    with translated_names(), translation.override("sv"):
        assert GroupForm(instance=group)["name"].value() == "Editors"  # the form edits what is stored
        form = GroupForm({"name": "Redaktörer"}, instance=group)
        assert form.is_valid(), form.errors
        form.save()
    assert Group.objects.filter(name="Editors").exists()
    assert not Group.objects.filter(name="Redaktörer").exists()


def test_a_name_the_administrator_changes_is_stored_and_shown_as_typed():
    GroupForm = modelform_factory(Group, fields=["name"])
    group = Group.objects.get(name="Reviewers")
    with translated_names(), translation.override("da"):
        GroupForm({"name": "Fagpanel"}, instance=group).save()
    with translated_names(), translation.override("sv"):
        assert Group.objects.get(pk=group.pk).name == "Fagpanel"
    # And another group renamed to a translation of an existing name is not merged into it.
    with translated_names(), translation.override("sv"):
        form = GroupForm({"name": "Redaktörer"}, instance=Group.objects.get(name="Evaluators"))
        assert form.is_valid(), form.errors
        form.save()
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editors", "Redaktörer", "Fagpanel"}


def test_the_danish_editor_is_offered_the_danish_workflow(course):
    html = staff_client("dansk1", "da").get(f"/admin/pages/{course['da']['lessons'][0].id}/edit/").content.decode()
    assert "Faglig gennemgang" in html
    assert "Professional review" not in html
