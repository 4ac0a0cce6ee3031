"""The participant's pages: start, resume, my progress, forget me, and the progress POSTs."""

import contextlib
import functools
import re
from urllib.parse import urlencode

from django.core.exceptions import BadRequest, PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Site

from course import codes, journey, ratelimit
from course.forms import DeviceForm, ResumeForm, StartForm
from course.participants import clear_code_cookie, find, set_code_cookie, visitor
from course.summary import progress_summary
from modules.blocks import REFLECTION_MAX_LENGTH
from modules.models import LessonPage
from modules.page_cache import published_page


def participant_form(view):
    """Our forms post each field once, as text someone could have typed. A body with a field
    sent twice, a file, a control character or bytes that were not UTF-8 (U+FFFD once parsed)
    did not come from them: it is refused before anything is written."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and not _typed_form(request):
            raise BadRequest("form")
        return view(request, *args, **kwargs)

    return wrapper


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
UNTYPED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def _typed_form(request):
    if request.content_type not in FORM_TYPES and request.META.get("CONTENT_LENGTH") not in (None, "", "0"):
        return False
    if request.FILES:
        return False
    return all(
        len(values) == 1 and not UNTYPED.search(name) and not UNTYPED.search(values[0])
        for name, values in request.POST.lists()
    )


def course_home(request):
    site = Site.find_for_request(request)
    return site.root_page.localized.specific if site else None


def current_participant(request):
    participant = visitor(request).participant
    if participant is None:
        raise PermissionDenied
    return participant


def too_many(request, template, context, limit):
    response = render(request, template, {**context, "blocked": True}, status=429)
    response["Retry-After"] = str(limit.retry_after())
    return response


@never_cache
@participant_form
def start(request):
    """A new code on POST, then a redirect to the page that shows it (a reload never makes another)."""
    participant = visitor(request).participant
    form = StartForm(request.POST if request.method == "POST" else None, holds_code=participant is not None)
    if request.method == "POST" and form.is_valid():
        if ratelimit.CODES_ISSUED.is_blocked(request):
            context = {"form": StartForm(holds_code=participant is not None), "participant": participant}
            return too_many(request, "course/start.html", context, ratelimit.CODES_ISSUED)
        ratelimit.CODES_ISSUED.record(request)
        _participant, code = journey.start(get_language())
        response = redirect("course:code_issued")
        set_code_cookie(response, codes.normalize(code), form.cleaned_data["device"])
        return response
    return render(request, "course/start.html", {"form": form, "participant": participant})


@never_cache
def code_issued(request):
    """The code this device holds, shown after it was issued (and on a reload: the same code)."""
    current = visitor(request)
    if current.participant is None:
        return redirect("course:start")
    context = {"code": codes.format_code(current.code), "mode": current.mode, "home": course_home(request)}
    return render(request, "course/code_issued.html", context)


@never_cache
@participant_form
def resume(request):
    """Only a well-formed code that is not found counts toward the limit: an empty field, a code
    of the wrong length or a typing mistake (the check symbol) is answered, and not counted."""
    form = ResumeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if ratelimit.RESUME_FAILURES.is_blocked(request):
            return too_many(request, "course/resume.html", {"form": ResumeForm()}, ratelimit.RESUME_FAILURES)
        if form.is_valid():
            participant = find(form.cleaned_data["code"], legacy=form.legacy)
            if participant is not None:
                response = redirect("course:my_progress")
                set_code_cookie(response, form.cleaned_data["code"], form.cleaned_data["device"])
                return response
            ratelimit.RESUME_FAILURES.record(request)
            form.add_error("code", _("We could not find that code. Please check it and try again."))
    return render(request, "course/resume.html", {"form": form})


@never_cache
@participant_form
def my_progress(request):
    current = visitor(request)
    if current.participant is None:
        return render(request, "course/no_participant.html", status=403 if current.had_cookie else 200)
    if request.method == "POST":
        form = DeviceForm(request.POST)
        if not form.is_valid():
            raise BadRequest
        response = redirect("course:my_progress")
        set_code_cookie(response, current.code, form.cleaned_data["device"])
        return response
    home = course_home(request)
    context = {
        "summary": progress_summary(request, home, current),
        "mode": current.mode,
        "device_form": DeviceForm(initial={"device": current.mode}),
        "code": codes.format_code(current.code) if request.GET.get("show") == "code" else None,
        "home": home,
    }
    return render(request, "course/my_progress.html", context)


@never_cache
@participant_form
def forget(request):
    current = visitor(request)
    if current.participant is None:
        return redirect("course:my_progress")
    if request.method == "POST":
        journey.forget(current.participant)
        response = render(request, "course/forgotten.html")
        clear_code_cookie(response)
        return response
    return render(request, "course/forget_confirm.html")


# --- progress POSTs: each validates everything before it writes anything -------------------


def _posted_id(request, name):
    """A row id: ASCII digits only ("²" and "①" pass str.isdigit() but not int()), and small
    enough for a database integer."""
    value = request.POST.get(name, "")
    if not ID.fullmatch(value):
        raise BadRequest(name)
    return int(value)


ID = re.compile(r"[0-9]{1,18}", re.ASCII)


def _posted_lesson(request):
    """The published lesson a progress POST is about, if this request may see it, exactly as
    the page itself would decide (a password, a login, a group)."""
    lesson = published_page(_posted_id(request, "page"))
    if not isinstance(lesson, LessonPage):
        raise BadRequest("page")
    if not all(restriction.accept_request(request) for restriction in lesson.get_view_restrictions()):
        raise PermissionDenied
    return lesson


@require_POST
@participant_form
def complete_lesson(request):
    return _lesson_post(request, current_participant(request), _posted_lesson(request))


@require_POST
@participant_form
def choose_option(request):
    participant = current_participant(request)
    lesson = _posted_lesson(request)
    dilemma_id, option_id = _posted_id(request, "dilemma"), _posted_id(request, "option")
    block = next((b for b in lesson.body if b.block_type == "dilemma" and b.value and b.value.pk == dilemma_id), None)
    if block is None or not block.value.options.filter(pk=option_id).exists():
        raise BadRequest("dilemma")
    journey.choose(participant, dilemma_id, option_id)
    return redirect(f"{lesson.url}#dilemma-{block.id}")


@require_POST
@participant_form
def save_reflection(request):
    if not request.POST.get("block"):
        raise BadRequest("block")
    return _lesson_post(request, current_participant(request), _posted_lesson(request))


@participant_form
def lesson_post(request, lesson):
    """A lesson's own form, posted to the lesson's address: "Save my answer" (`reflect` names the
    answer's block) or "I'm done" (`complete`). Either saves every answer typed on the page, so
    nothing typed is lost, and a refused answer shows the lesson again at its own address."""
    participant = current_participant(request)
    if _posted_id(request, "page") != lesson.pk or not isinstance(lesson, LessonPage):
        raise BadRequest("page")
    return _lesson_post(request, participant, lesson)


def _lesson_post(request, participant, lesson):
    code = visitor(request).code
    saved_block = request.POST.get("reflect") or request.POST.get("block")
    known = _reflection_blocks(lesson)
    texts = _posted_reflections(request, known)
    if saved_block is not None and saved_block not in known:
        raise BadRequest("block")
    too_long = {block_id for block_id, text in texts.items() if len(text) > REFLECTION_MAX_LENGTH}
    if too_long:
        message = _("Your answer is longer than %(limit)s characters, so it was not saved. Please shorten it.") % {
            "limit": f"{REFLECTION_MAX_LENGTH:,}".replace(",", "\u00a0")
        }
        request.rejected_reflection = {
            block_id: (text, message if block_id in too_long else None) for block_id, text in texts.items()
        }
        return lesson.serve_refused(request)
    # Answers and "done" together or not at all; "done" alone is one statement, needing no transaction.
    with transaction.atomic() if texts else contextlib.nullcontext():
        journey.reflect_all(participant, code, lesson.pk, texts)
        if saved_block is None:
            journey.complete_lesson(participant, lesson.pk)
    if saved_block is None:
        return redirect(lesson.url + "#lesson-done-title")
    # To the note itself: a fragment naming something that cannot take the focus takes it away.
    return redirect(f"{lesson.url}?{urlencode({'saved': saved_block})}#saved-{saved_block}")


def _reflection_blocks(lesson):
    return {block.id for block in lesson.body if block.block_type == "reflection"}


def _posted_reflections(request, known):
    """{block id: text} of the answers posted: `reflection-<block id>` fields (the lesson's form)
    or one `text` with its `block` (the older single-answer form); only blocks in `known`."""
    texts = {
        name.removeprefix(REFLECTION_FIELD): value
        for name, value in request.POST.items()
        if name.startswith(REFLECTION_FIELD)
    }
    if "text" in request.POST:
        texts[request.POST.get("block", "")] = request.POST["text"]
    if not set(texts) <= known:
        raise BadRequest("block")
    return texts


REFLECTION_FIELD = "reflection-"
