"""Template tags for course pages that keep per-request work small (see `modules.page_cache.memo`)."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from modules.page_cache import memo

register = template.Library()

# Blocks that show the reader's own answers; every other block is the same for everyone.
PERSONAL_BLOCKS = {"dilemma", "reflection"}


@register.simple_tag(takes_context=True)
def content_block(context, block):
    """One block of a page body, like `include_block`; shared blocks are rendered once per process and publish."""

    def render():
        return mark_safe(block.render_as_block(context=context.flatten() | {"block_id": block.id}))  # noqa: S308

    if block.block_type in PERSONAL_BLOCKS or not is_published_view(context):
        return render()
    return memo(("block", context["page"].pk, block.id, get_language()), render)


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page):
    """The pages above this one, from the course home down (the tree's root left out)."""
    if not is_published_view(context):
        return list(page.get_ancestors()[1:])
    return memo(("ancestors", page.pk), lambda: list(page.get_ancestors()[1:]))


def is_published_view(context):
    """Not a preview of a draft, whose content must never be shared with readers."""
    request = context.get("request")
    return context["page"].pk is not None and not getattr(request, "is_preview", False)
