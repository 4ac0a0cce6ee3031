"""The page editors' forms: content of one language only, and evidence that counts."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.fields import StreamField

from modules.review import evidence_problem, foreign_problem
from modules.translation import references


class SourceChoices(forms.CheckboxSelectMultiple):
    """The module's evidence sources as a list to tick, each with its status, filterable by a search box."""

    template_name = "modules/admin/source_choices.html"


class SameLocalePageForm(WagtailAdminPageForm):
    """Refuses stories, dilemmas, sources and pages chosen from another language than the page's."""

    @property
    def page_locale_id(self):
        return self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)

    def clean(self):
        cleaned_data = super().clean()
        locale_id = self.page_locale_id

        def value_of(field):
            return cleaned_data.get(field.name)

        for field, item in references(type(self.instance), value_of):
            if item.locale_id == locale_id:
                continue
            message = foreign_problem(field, item)
            if isinstance(field, StreamField) or field.name not in self.fields:
                self.add_error(None, message)
            else:
                self.add_error(field.name, message)
        return cleaned_data


class ModulePageForm(SameLocalePageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("sources")
        if field is not None:
            field.error_messages["required"] = evidence_problem([], None)
            field.widget = SourceChoices()
            field.label_from_instance = source_label
            field.queryset = field.queryset.filter(locale_id=self.page_locale_id).order_by("authors", "year")

    def clean(self):
        cleaned_data = super().clean()
        sources = cleaned_data.get("sources")
        if not self.is_deferred_validation and sources is not None and "sources" not in self.errors:
            problem = evidence_problem(list(sources), self.page_locale_id)
            if problem:
                self.add_error("sources", problem)
        return cleaned_data


def source_label(source):
    label = f"{source.authors} ({source.year}): {source.title}"
    return label if source.live else f"{label} [{_('draft, not yet approved')}]"
