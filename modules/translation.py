"""Translations start as drafts in their own language, and point only at content of that language.

Wagtail's `simple_translation` copies a page as a draft, but a snippet keeps the source's
live state: a Danish copy of a reviewed Swedish dilemma was live at once, still in Swedish.
And a translated page kept pointing at the source language's stories, dilemmas and sources.
Both are fixed here, on Wagtail's `copy_for_translation_done` signal, which is sent for
every page (also each page of a translated subtree) and every snippet copied for
translation, inside the same transaction:

- a reviewed snippet's copy is saved as a never-published draft;
- a page's copy has every reference to translatable content (snippet choosers in
  StreamFields, foreign keys and many-to-many fields) replaced by that content's translation
  in the page's locale. A snippet not yet translated is copied there as a draft; a page not
  yet translated is left out, never shown in another language.
"""

from django.db import models
from django.dispatch import receiver
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.actions.copy_for_translation import CopyForTranslationAction, CopyPageForTranslationAction
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.signals import copy_for_translation_done
from wagtail.snippets.blocks import SnippetChooserBlock

OUR_APPS = ("modules", "childmodule")


@receiver(copy_for_translation_done, sender=CopyForTranslationAction)
def translated_snippet_starts_as_draft(sender, source_obj, target_obj, **kwargs):
    """The copy is unsaved here; simple_translation (or `translation_in`) saves it next."""
    if isinstance(target_obj, DraftStateMixin):
        target_obj.live = False
        target_obj.has_unpublished_changes = True
        target_obj.live_revision = None
        target_obj.first_published_at = None
        target_obj.last_published_at = None
        target_obj.go_live_at = None
        target_obj.expire_at = None
        target_obj.expired = False
        if hasattr(target_obj, "locked"):
            target_obj.locked, target_obj.locked_by, target_obj.locked_at = False, None, None


@receiver(copy_for_translation_done, sender=CopyPageForTranslationAction)
def translated_page_uses_its_locale(sender, source_obj, target_obj, **kwargs):
    page = target_obj.specific
    if localize_references(page, page.locale):
        page.save()
        page.save_revision(changed=False, log_action=False, clean=False)


def translation_in(obj, locale):
    """`obj`'s translation in `locale`: the existing one, a new draft copy of a snippet, or None for a page."""
    if obj is None or obj.locale_id == locale.id:
        return obj
    found = type(obj).objects.filter(translation_key=obj.translation_key, locale=locale).first()
    if found is not None or isinstance(obj, Page):
        return found
    copy = obj.copy_for_translation(locale)
    copy.save()
    return copy


def localize_references(obj, locale):
    """Point `obj`'s references to translatable content at `locale`'s versions; True if any changed."""
    changed = False
    for field in type(obj)._meta.get_fields():
        if field.model._meta.app_label not in OUR_APPS:
            continue
        if isinstance(field, StreamField):
            mapped, field_changed = _map_block(field.stream_block, getattr(obj, field.name), locale)
            if field_changed:
                setattr(obj, field.name, mapped)
                changed = True
        elif not _translatable(getattr(field, "related_model", None)):
            continue
        elif isinstance(field, ParentalManyToManyField):
            current = list(getattr(obj, field.name).all())
            mapped = [target for target in (translation_in(item, locale) for item in current) if target is not None]
            if [item.pk for item in mapped] != [item.pk for item in current]:
                getattr(obj, field.name).set(mapped)
                changed = True
        elif isinstance(field, models.ForeignKey):
            current = getattr(obj, field.name)
            mapped = translation_in(current, locale)
            if mapped != current:
                setattr(obj, field.name, mapped)
                changed = True
    return changed


def references(model, value_of):
    """Translatable content referred to by a `model` instance: [(field, item)].

    `value_of(field)` gives a field's value: a StreamValue, one object, or an iterable of objects.
    """
    found = []
    for field in model._meta.get_fields():
        if field.model._meta.app_label not in OUR_APPS:
            continue
        if isinstance(field, StreamField):
            value = value_of(field)
            found += [(field, item) for item in _snippets_in(field.stream_block, value)] if value else []
        elif _translatable(getattr(field, "related_model", None)) and not field.auto_created:
            if isinstance(field, ParentalManyToManyField):
                found += [(field, item) for item in value_of(field) or ()]
            elif isinstance(field, models.ForeignKey) and value_of(field) is not None:
                found.append((field, value_of(field)))
    return found


def foreign_references(obj, locale_id=None):
    """Translatable content that `obj` refers to in another locale than its own: [(field, item)]."""
    locale_id = locale_id or obj.locale_id

    def value_of(field):
        value = getattr(obj, field.name)
        return value.all() if isinstance(field, ParentalManyToManyField) else value

    return [(field, item) for field, item in references(type(obj), value_of) if item.locale_id != locale_id]


def _translatable(model):
    return model is not None and issubclass(model, TranslatableMixin)


def _snippets_in(block, value):
    """Every translatable snippet chosen anywhere inside a block's value."""
    found = []
    _walk_snippets(block, value, lambda snippet: found.append(snippet) or snippet)
    return found


def _map_block(block, value, locale):
    """A block's value with every translatable snippet replaced by its translation; and whether any was."""
    return _walk_snippets(block, value, lambda snippet: translation_in(snippet, locale))


def _walk_snippets(block, value, replace):
    """A block's value with every translatable snippet chosen inside it passed through `replace`
    (a snippet in, a snippet out); and whether any came out different."""
    if isinstance(block, SnippetChooserBlock):
        if value is None or not _translatable(block.target_model):
            return value, False
        mapped = replace(value)
        return mapped, mapped != value
    if isinstance(block, blocks.StreamBlock):
        items, changed = [], False
        for child in value:
            mapped, child_changed = _walk_snippets(child.block, child.value, replace)
            items.append((child.block_type, mapped, child.id))
            changed |= child_changed
        return (blocks.StreamValue(block, items) if changed else value), changed
    if isinstance(block, blocks.ListBlock):
        mapped = [_walk_snippets(block.child_block, child, replace) for child in value]
        changed = any(child_changed for _value, child_changed in mapped)
        return (blocks.list_block.ListValue(block, values=[v for v, _c in mapped]) if changed else value), changed
    if isinstance(block, blocks.StructBlock):
        mapped = {name: _walk_snippets(child, value.get(name), replace) for name, child in block.child_blocks.items()}
        changed = any(child_changed for _value, child_changed in mapped.values())
        if changed:
            value = block._to_struct_value([(name, v) for name, (v, _c) in mapped.items()])
        return value, changed
    return value, False
