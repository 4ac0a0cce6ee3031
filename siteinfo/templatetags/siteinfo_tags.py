from django import template
from django.utils.translation import get_language

from modules.page_cache import memo
from siteinfo.models import InfoPage

register = template.Library()


@register.inclusion_tag("siteinfo/footer_links.html")
def footer_links():
    """The live information pages of this language shown in menus, in tree order; read once per
    process until the next publish."""

    def read():
        pages = InfoPage.objects.live().in_menu().filter(locale__language_code=get_language()).order_by("path")
        return [{"url": page.url, "title": page.title} for page in pages]

    return {"pages": memo(("footer links", get_language()), read)}
