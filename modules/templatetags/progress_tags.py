from django import template

register = template.Library()


@register.filter
def module_progress(course_state, module_id):
    """`{% with p=course_state|module_progress:module.id %}`: done and total lessons of a module."""
    return course_state.for_module(module_id) if course_state else None


@register.filter
def lesson_status(course_state, lesson_id):
    """'completed', 'started' or '' for a lesson in the participant's course state."""
    if not course_state:
        return ""
    if lesson_id in course_state.completed:
        return "completed"
    return "started" if lesson_id in course_state.started else ""
