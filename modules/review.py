"""What must hold before a reviewer's approval lets content go live.

Used by the page forms (so an editor hears it before submitting), by the "Professional review"
task (so approval is not offered, and refused if posted anyway) and by the edit views' banners.

- Nothing refers to content in another language than its own.
- A module has at least one live evidence source in its own language.
- A module does not go live while one of its lessons has been sent back for changes.
- Nobody approves what they submitted themselves.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState, WorkflowState

from modules.translation import foreign_references


def foreign_problem(field, item):
    return _("%(field)s uses “%(item)s”, which is in another language (%(language)s).") % {
        "field": str(field.verbose_name).capitalize(),
        "item": item,
        "language": item.locale.get_display_name(),
    }


def evidence_problem(sources, locale_id):
    """Why `sources` do not satisfy the evidence rule for a page in `locale_id`, or None."""
    own = [source for source in sources if source.locale_id == locale_id]
    if not own:
        return _("A module needs at least one evidence source before it can be published or sent for review.")
    if not any(source.live for source in own):
        return _(
            "None of the chosen evidence sources is published yet. A source counts once a reviewer has approved it."
        )
    return None


def rejected_lessons(module):
    """The module's lessons whose review ended with a request for changes that is still open."""
    from modules.models import LessonPage

    ids = [str(pk) for pk in LessonPage.objects.child_of(module).values_list("pk", flat=True)]
    rejected = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=ids,
        status=WorkflowState.STATUS_NEEDS_CHANGES,
    ).values_list("object_id", flat=True)
    return list(LessonPage.objects.filter(pk__in=[int(pk) for pk in rejected]).order_by("path"))


def approval_blockers(obj):
    """Why `obj` (a page or snippet, as it is under review) may not go live now; empty if it may."""
    from modules.models import ModulePage

    if isinstance(obj, Page):
        obj = obj.specific
    problems = [foreign_problem(field, item) for field, item in foreign_references(obj)]
    if isinstance(obj, ModulePage):
        problem = evidence_problem(list(obj.sources.all()), obj.locale_id)
        if problem:
            problems.append(problem)
        for lesson in rejected_lessons(obj):
            problems.append(
                _("The lesson “%(lesson)s” was sent back for changes; the module can go live once it is approved.")
                % {"lesson": lesson.title}
            )
    return problems


def submitters(obj):
    """Ids of the people who submitted `obj`'s current review: they may not approve it."""
    state = obj.current_workflow_state
    if state is None:
        return set()
    ids = {state.requested_by_id}
    task_state = state.current_task_state
    if task_state is not None:
        ids.add(task_state.revision.user_id)
    return ids - {None}


def under_review(obj):
    """The content as it was submitted: the latest revision, which the reviewer approves."""
    return obj.get_latest_revision_as_object()


def requested_changes(obj):
    """The reviewer's request for changes still open on `obj`, as a TaskState with its comment, or None."""
    workflow_state = WorkflowState.objects.for_instance(obj).filter(status=WorkflowState.STATUS_NEEDS_CHANGES).first()
    if workflow_state is None:
        return None
    return (
        workflow_state.task_states.filter(status=TaskState.STATUS_REJECTED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
