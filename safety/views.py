"""The public safety pages. None of them stores, counts or logs anything about who reads or answers them."""

from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from modules.models import safety_module
from safety.models import HelpLine, lines_for

QUESTIONS = [
    ("afraid", _("Are you afraid of the other parent?")),
    (
        "violence",
        _("Has the other parent hurt, threatened or forced you or the children, or broken things to scare you?"),
    ),
    (
        "control",
        _(
            "Does the other parent control you: what you do, whom you see, your money or your phone, "
            "or do they use the children to do it?"
        ),
    ),
    ("children", _("Are the children afraid of the other parent, or have they seen or heard violence at home?")),
]
ANSWERS = [("yes", _("Yes")), ("unsure", _("I'm not sure")), ("no", _("No"))]
SAFETY_BOX = [HelpLine.EMERGENCY, HelpLine.VIOLENCE]


def help_lines(request):
    lines = lines_for(get_language())
    groups = [(label, [line for line in lines if line.audience == key]) for key, label in HelpLine.AUDIENCES]
    return render(request, "safety/help.html", {"groups": [(label, found) for label, found in groups if found]})


# Nothing here changes state, so there is nothing to forge: without CSRF the page sets no cookie.
@csrf_exempt
def safety_check(request):
    """ "Is it safe for you?": the answers shape this one response and are then gone.

    Sent by POST so they never appear in an address, the browser's history or a log line.
    """
    answers = {}
    if request.method == "POST":
        valid = {value for value, _label in ANSWERS}
        answers = {key: request.POST.get(key) for key, _question in QUESTIONS if request.POST.get(key) in valid}
    worried = any(answer in ("yes", "unsure") for answer in answers.values())
    response = render(
        request,
        "safety/check.html",
        {
            "questions": [(key, question, answers.get(key)) for key, question in QUESTIONS],
            "answer_choices": ANSWERS,
            "answered": bool(answers),
            "worried": worried,
            "safety_module": safety_module(get_language()),
            "lines": lines_for(get_language(), SAFETY_BOX) if worried else [],
        },
    )
    if answers:
        patch_cache_control(response, no_store=True)
    return response


def using_safely(request):
    return render(request, "safety/using_safely.html")
