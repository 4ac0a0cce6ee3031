"""What each figure means, in the evaluators' words: on the statistics page and on a report's cover."""

from django.utils.translation import gettext_lazy as _

from course.statistics.disclosure import HIDDEN_MARK, NOT_APPLICABLE_MARK


def glossary():
    return [
        (_("Started"), _("Participants who opened their first lesson in the period.")),
        (
            _("Came back (first return)"),
            _(
                "Participants who used the course again in a later week than the one they began in, "
                "counted once, in the period of their first return."
            ),
        ),
        (
            _("Lesson started, completed"),
            _("Lessons opened for the first time, and lessons marked as done, in the period."),
        ),
        (
            _("Module started, completed"),
            _(
                "Participants who opened the first of a module's lessons, and who marked the last of its "
                "lessons as done, in the period."
            ),
        ),
        (
            _("Completed (%)"),
            _(
                "Completed as a share of started, in the same period. Both count what happened in the period, "
                "not one group of people, so it can exceed 100 %."
            ),
        ),
        (
            _("Drop-off"),
            _("How many fewer started a lesson than the lesson before it, as a share of those who started that one."),
        ),
        (_("Dilemma: share"), _("Each option's share of all the choices made in that dilemma in the period.")),
        (_("Child module"), _("Chapters of the children's module opened, per age band and language.")),
        (
            _("Codes erased"),
            _("Resume codes erased by the participant (“Forget me”) or after long inactivity."),
        ),
        (HIDDEN_MARK, _("Hidden: a small count, or a figure it could be worked out from.")),
        (NOT_APPLICABLE_MARK, _("Not applicable: a percentage of nothing.")),
    ]
