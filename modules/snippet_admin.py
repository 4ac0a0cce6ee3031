"""What every reviewed snippet's admin shares (stories, dilemmas, sources, characters, help lines)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.models import Locale
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import DeleteView, IndexView, SnippetViewSet


class CreateDraftView(chooser.SnippetCreateView):
    """Created from inside a chooser: a draft in the page's language, with a first revision by its
    author, that reaches readers only when a reviewer approves it."""

    @cached_property
    def locale(self):
        code = self.request.GET.get("locale", "")
        return Locale.objects.filter(language_code=code).first() or Locale.get_default()

    def get_creation_form_kwargs(self):
        # The locale is set before validation: a source's duplicate check looks in that language.
        return {**super().get_creation_form_kwargs(), "instance": self.model_class(locale=self.locale)}

    def save_form(self, form):
        with transaction.atomic():  # the snippet and its first revision, or neither
            instance = form.save(commit=False)
            instance.live = False
            instance.save()
            instance.save_revision(user=self.request.user, log_action=True)
        return instance


class TranslatedChooserViewSet(chooser.SnippetChooserViewSet):
    """The chooser's texts in each editor's language, and a "Create as draft" tab.

    Wagtail 8.0.1 defines the texts with the eager `gettext` at class level
    (wagtail/admin/viewsets/chooser.py), so they come out in the language active at import:
    the default, Swedish. The English and Danish admins' chooser said "Välj".
    """

    create_view_class = CreateDraftView
    # The create form is posted with the locale the chooser was opened in: the page's.
    preserve_url_parameters = ["multiple", "locale"]
    choose_one_text = gettext_lazy("Choose")
    choose_another_text = gettext_lazy("Choose another")
    edit_item_text = gettext_lazy("Edit")
    create_action_label = gettext_lazy("Create as draft")
    creation_tab_label = gettext_lazy("New")


class OwnDraftsIndexView(IndexView):
    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None


class OwnDraftsDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("delete", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReviewedSnippetViewSet(SnippetViewSet):
    """`chooser_form_fields`: the fields of the chooser's "New" tab (none: no tab)."""

    chooser_viewset_class = TranslatedChooserViewSet
    chooser_form_fields = None
    index_view_class = OwnDraftsIndexView
    delete_view_class = OwnDraftsDeleteView

    @property
    def chooser_viewset(self):
        return self.chooser_viewset_class(
            self.get_chooser_admin_url_namespace(),
            model=self.model,
            url_prefix=self.get_chooser_admin_base_path(),
            icon=self.icon,
            per_page=self.chooser_per_page,
            form_fields=self.chooser_form_fields,
        )
