"""Personal pages assembled from a shared skeleton and a few personal holes.

A participant's lesson page differs from everyone else's in a handful of places:
the course link in the header, flash messages, their own dilemma choices and
reflections, and the "I'm done" button. Everything else (the frame, the
breadcrumbs, the lesson's text) is the same for every participant.

So the page's template is rendered once per process, page, language and content
generation with each personal place left as a *hole*: the `{% personal %}` tag
and personal content blocks (see `page_tags`) register what they would render
and leave a marker instead. Each request then renders only the holes, with its
own context, and joins them with the shared text in between.

Holes see the page's context (and the context processors'), and what the template
set around them. The skeleton itself is rendered without the personal context (the
lesson or course state), so nothing personal can end up in the shared text even if
a template forgets a hole; tests compare assembled pages with fully rendered ones.
"""

import re
import secrets

from django.template.context import make_context

# Per process and unguessable, so no authored text can fake a hole.
MARKER = f"\x00samspel-hole-{secrets.token_hex(8)}-"
MARKER_PATTERN = re.compile(re.escape(MARKER) + r"(\d+)\x00")
HOLES = "_samspel_skeleton_holes"  # the context variable that holds the holes while a skeleton is rendered
# What the context processors give each request that must never be baked into a skeleton:
# outside a hole, a form gets no CSRF token and the header no participant, which tests notice.
# "NOTPROVIDED" is Django's own marker for "no token", not a secret.
REQUEST_PERSONAL = {"csrf_token": "NOTPROVIDED", "messages": (), "has_participant": False}  # nosec B105


def hole(context, render):
    """In a skeleton, remember `render(context)` for later and return a marker; else render now.

    What the template set around the hole (loop variables, `with`, an include's arguments) is
    remembered with it: shared values only, as the skeleton is rendered without personal ones.
    """
    holes = context.get(HOLES)
    if holes is None:
        return render(context)
    page_level = max(index for index, scope in enumerate(context.dicts) if HOLES in scope)
    around = {name: value for scope in context.dicts[page_level + 1 :] for name, value in scope.items()}
    holes.append((render, around))
    return f"{MARKER}{len(holes) - 1}\x00"


def build(template, context, request, personal=()):
    """The page as a list of shared strings and hole renderers, from a Django template backend's template.

    The context variables named in `personal` are left out of the skeleton's rendering.
    """
    holes = []
    shared = {**context, **dict.fromkeys(personal), **REQUEST_PERSONAL, HOLES: holes}
    html = template.render(shared, request)
    pieces = MARKER_PATTERN.split(html)
    return [piece if index % 2 == 0 else holes[int(piece)] for index, piece in enumerate(pieces)]


def assemble(skeleton, template, context, request):
    """The page for this request: the skeleton's shared strings with its holes rendered for `context`."""
    base = template.template
    request_context = make_context(context, request)
    with request_context.render_context.push_state(base), request_context.bind_template(base):
        return "".join(part if isinstance(part, str) else fill(part, request_context) for part in skeleton)


def fill(part, context):
    render, around = part
    if not around:
        return render(context)
    with context.push(around):
        return render(context)
