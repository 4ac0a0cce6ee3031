"""A participant's own summary for "My progress": progress, choices and reflections."""

from dataclasses import dataclass, field

from course import crypto
from course.models import DilemmaChoice, Reflection
from course.progress import open_reflection
from modules.models import LessonPage
from modules.outline import CourseOutline
from modules.progress import progress_provider


@dataclass
class Summary:
    state: object
    outline: object
    choices: list = field(default_factory=list)  # (dilemma, option)
    reflections: list = field(default_factory=list)  # (lesson, question, text or None)


def progress_summary(request, home, current):
    outline = CourseOutline.for_home(home)
    summary = Summary(progress_provider().course_state(request, outline), outline)
    participant = current.participant
    summary.choices = [
        (choice.dilemma, choice.option)
        for choice in DilemmaChoice.objects.filter(participant=participant)
        .select_related("dilemma", "option")
        .order_by("chosen_on", "pk")
    ]
    rows = list(Reflection.objects.filter(participant=participant).values_list("page_id", "block_id", "sealed"))
    if rows:
        key = crypto.derive_key(current.code)
        lessons = LessonPage.objects.in_bulk({page_id for page_id, _block, _sealed in rows})
        for page_id, block_id, sealed in sorted(rows, key=lambda row: lessons[row[0]].path):
            lesson = lessons[page_id]
            question = next((b.value["question"] for b in lesson.body if b.id == block_id), "")
            text = open_reflection(key, participant.pk, page_id, block_id, sealed)
            summary.reflections.append((lesson, question, text))
    return summary
