"""The seam between course content and a participant's progress.

Content pages ask a *progress provider* what the current visitor has done;
the provider is named in settings (``SAMSPEL_PROGRESS_PROVIDER``), so this
app never imports the app that implements it. Without one, every visitor is
an anonymous reader and pages show no personal state.
"""

from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class ModuleProgress:
    done: int
    total: int

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def complete(self):
        return self.total > 0 and self.done == self.total


@dataclass
class CourseState:
    """What a participant has done in one course outline."""

    outline: object
    started: set = field(default_factory=set)
    completed: set = field(default_factory=set)

    def for_module(self, module_id):
        module = self.outline.module(module_id)
        lessons = module.lessons if module else []
        return ModuleProgress(sum(1 for lesson in lessons if lesson.id in self.completed), len(lessons))

    @property
    def overall(self):
        return ModuleProgress(
            len(self.completed & {lesson.id for lesson in self.outline.lessons}), len(self.outline.lessons)
        )

    @property
    def continue_lesson(self):
        """The first lesson, in course order, that is not completed."""
        return next((lesson for lesson in self.outline.lessons if lesson.id not in self.completed), None)


@dataclass
class LessonState:
    """A participant's state on one lesson page. `actions` are the URLs forms post to."""

    completed: bool = False
    choices: dict = field(default_factory=dict)  # dilemma id -> option id
    reflections: dict = field(default_factory=dict)  # block id -> text, or None when it cannot be opened
    rejected: dict = field(default_factory=dict)  # block id -> (text, message or None): answers sent, not saved
    saved: str | None = None  # the block whose answer was just saved
    actions: dict = field(default_factory=dict)

    @property
    def error_links(self):
        """(field id, message) of each answer refused, for the page's error summary."""
        return [
            (f"reflection-text-{block_id}", message) for block_id, (_text, message) in self.rejected.items() if message
        ]


class AnonymousReader:
    """No participant: nothing is remembered."""

    def is_personal(self, request):
        """Whether pages for this request may show anything personal (then they are never cached)."""
        return False

    def course_state(self, request, outline):
        return None

    def lesson_state(self, request, page):
        return None

    def lesson_post(self, request, page):
        """A lesson's form, posted without a participant (no code, or it was forgotten)."""
        raise PermissionDenied


@cache
def _provider(path):
    return import_string(path)() if path else AnonymousReader()


def progress_provider():
    return _provider(getattr(settings, "SAMSPEL_PROGRESS_PROVIDER", ""))
