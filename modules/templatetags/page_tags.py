"""Template tags for course pages that keep per-request work small (see `modules.page_cache.memo`)."""

import secrets

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from modules import skeleton
from modules.models import safety_module
from modules.page_cache import memo

register = template.Library()

# Stands in for the CSRF token in personal blocks rendered once for many participants.
CSRF_PLACEHOLDER = secrets.token_hex(16)


@register.simple_tag(takes_context=True)
def content_block(context, block):
    """One block of a page body, like `include_block`; shared blocks are rendered once per process and publish.

    Blocks that show the reader's own answers have a `personal_variant` method and are holes in a skeleton.
    """

    def render(context, **extra):
        return mark_safe(block.render_as_block(context=context.flatten() | {"block_id": block.id, **extra}))  # noqa: S308  # Wagtail's own block rendering, escaped by its templates  # nosec B308, B703

    if hasattr(block.block, "personal_variant"):
        return skeleton.hole(context, lambda context: personal_block(context, block, render))
    if not is_published_view(context):
        return render(context)
    return memo(("block", context["page"].pk, block.id, get_language()), lambda: render(context))


def personal_block(context, block, render):
    """A personal block, rendered once per variant (e.g. which option was chosen) where its block allows it.

    A variant's HTML is the same for every participant in it but for the CSRF token, put in afterwards.
    """
    variant = None
    if is_published_view(context):
        variant = block.block.personal_variant(block.value, context.get("lesson_state"), block.id)
    if variant is None:
        return render(context)
    key = ("personal block", context["page"].pk, block.id, get_language(), variant)
    html = memo(key, lambda: render(context, csrf_token=CSRF_PLACEHOLDER))
    return mark_safe(html.replace(CSRF_PLACEHOLDER, str(context.get("csrf_token", ""))))  # noqa: S308  # our rendered block and Django's token  # nosec B308, B703


class PersonalNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return skeleton.hole(context, self.nodelist.render)


@register.tag
def personal(parser, token):
    """`{% personal %}…{% endpersonal %}`: a part of the page that differs per participant (see `modules.skeleton`)."""
    nodelist = parser.parse(("endpersonal",))
    parser.delete_first_token()
    return PersonalNode(nodelist)


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


@register.inclusion_tag("modules/includes/safety_note.html")
def safety_note(about="lesson"):
    """A note that advice assumes safety, pointing to the safety module (or the safety questions)."""
    module = safety_module(get_language())
    if module is not None:
        return {"about": about, "url": module.url, "title": module.title}
    return {"about": about, "url": reverse("safety:check"), "title": gettext("Is it safe for you?")}


def readable_snippet(snippet, request):
    """A reviewed snippet as this request may see it: live, or None. In the admin's preview of a
    page (`request.is_preview`, set only by Wagtail's preview), its latest draft, so that
    reviewers see the story or source in review inside the page that uses it."""
    if snippet is None or getattr(snippet, "shown_as_edited", False):
        return snippet
    if getattr(request, "is_preview", False):
        return snippet.get_latest_revision_as_object()
    return snippet if snippet.live else None


@register.filter
def readable(snippets, request):
    """The snippets of a list (a block's sources, a module's) this request may see."""
    return [shown for shown in (readable_snippet(snippet, request) for snippet in snippets) if shown is not None]
