"""The public help page: every help line of the page's language, and nothing stored about who looks."""

from django.shortcuts import render
from django.utils.translation import get_language

from safety.models import HelpLine, lines_for


def help_lines(request):
    lines = lines_for(get_language())
    groups = [(label, [line for line in lines if line.audience == key]) for key, label in HelpLine.AUDIENCES]
    return render(request, "safety/help.html", {"groups": [(label, found) for label, found in groups if found]})
