"""The progress provider the content pages ask (see modules.progress)."""

from datetime import date

from django.urls import reverse

from course import crypto
from course.models import DilemmaChoice, LessonProgress, Reflection
from course.participants import COOKIE, visitor
from modules.progress import CourseState, LessonState


def reflection_context(participant_id, page_id, block_id):
    """What a sealed reflection is bound to: it opens only in its own place."""
    return f"{participant_id}:{page_id}:{block_id}"


def open_reflection(key, participant_id, page_id, block_id, sealed):
    """The text of a sealed reflection, or None if it cannot be opened (wrong key, altered)."""
    try:
        return crypto.open_sealed(key, sealed, reflection_context(participant_id, page_id, block_id))
    except crypto.CannotOpen:
        return None


class ParticipantProgress:
    def is_personal(self, request):
        return COOKIE in request.COOKIES

    def course_state(self, request, outline):
        participant = visitor(request).participant
        if participant is None:
            return None
        rows = LessonProgress.objects.filter(
            participant=participant, page_id__in=[lesson.id for lesson in outline.lessons]
        ).values_list("page_id", "completed_on")
        state = CourseState(outline)
        for page_id, completed_on in rows:
            state.started.add(page_id)
            if completed_on:
                state.completed.add(page_id)
        return state

    def lesson_state(self, request, page):
        current = visitor(request)
        participant = current.participant
        if participant is None:
            return None
        progress = LessonProgress.objects.filter(participant=participant, page_id=page.id).first()
        if progress is None:
            # Opening a lesson marks it started; a concurrent first visit makes no second row.
            LessonProgress.objects.bulk_create(
                [LessonProgress(participant=participant, page_id=page.id, started_on=date.today())],
                ignore_conflicts=True,
            )
        blocks = list(page.body)
        state = LessonState(
            completed=bool(progress and progress.completed_on),
            actions={
                "complete": reverse("course:complete_lesson"),
                "choose": reverse("course:choose_option"),
                "reflect": reverse("course:save_reflection"),
            },
        )
        dilemma_ids = [block.value.pk for block in blocks if block.block_type == "dilemma" and block.value]
        if dilemma_ids:
            state.choices = dict(
                DilemmaChoice.objects.filter(participant=participant, dilemma_id__in=dilemma_ids).values_list(
                    "dilemma_id", "option_id"
                )
            )
        if any(block.block_type == "reflection" for block in blocks):
            key = crypto.derive_key(current.code)
            for block_id, sealed in Reflection.objects.filter(participant=participant, page_id=page.id).values_list(
                "block_id", "sealed"
            ):
                state.reflections[block_id] = open_reflection(key, participant.pk, page.id, block_id, sealed)
        state.rejected = getattr(request, "rejected_reflection", {})
        return state
