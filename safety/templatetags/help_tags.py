"""The help boxes: where help is, on the parents' pages and, in child language, on the children's."""

from django import template
from django.utils.translation import get_language

from safety.models import HelpLine, lines_for

register = template.Library()

PARENT_BOX = [HelpLine.EMERGENCY, HelpLine.VIOLENCE, HelpLine.SUICIDE]


@register.inclusion_tag("safety/help_box.html")
def help_box():
    return {"lines": lines_for(get_language(), PARENT_BOX)}


@register.inclusion_tag("safety/child_help_box.html")
def child_help_box():
    lines = lines_for(get_language(), HelpLine.CHILD_BOX)
    return {"lines": sorted(lines, key=lambda line: line.audience != HelpLine.CHILD)}  # the child's line first
