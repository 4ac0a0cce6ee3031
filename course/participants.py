"""Finding the participant behind a request, from the resume code in their cookie.

The cookie holds the device mode and the code (``own.CODE`` or
``shared.CODE``). "Own device" keeps it for the retention period; "shared
device" only for the browser session. It is HttpOnly, SameSite=Lax, and
Secure wherever session cookies are.
"""

from datetime import date

from django.conf import settings

from cms.weeks import iso_week
from course import codes
from course.models import Participant, ParticipantWeek

COOKIE = "samspel_code"
OWN = "own"
SHARED = "shared"
MODES = (OWN, SHARED)


def find(normalized_code, legacy=False):
    """The participant with this code; with `legacy`, only among codes issued with the old check symbol."""
    found = Participant.objects.filter(code_hash=codes.code_hash(normalized_code))
    return (found.filter(legacy_check=True) if legacy else found).first()


def record_activity(participant):
    """Once a day at most: the date for the retention clock, and the ISO week for evaluators' returns."""
    today = date.today()
    Participant.objects.filter(pk=participant.pk).update(last_active_on=today)
    participant.last_active_on = today
    week = iso_week(today)
    ParticipantWeek.objects.bulk_create(
        [ParticipantWeek(participant=participant, week=week, returning=week != iso_week(participant.started_on))],
        ignore_conflicts=True,
    )


class Visitor:
    """A request's participant (or None), its code and device mode, looked up once, when first needed.

    A page that reads the participant together with other rows in one query hands it over with `found()`.
    """

    def __init__(self, request):
        self.code = None
        self.mode = None
        self._participant = None
        self._looked_up = False
        raw = request.COOKIES.get(COOKIE, "")
        mode, _, typed = raw.partition(".")
        if mode not in MODES:
            return
        try:
            self.code = codes.normalize(typed)
        except codes.TypoInCode:
            try:  # a code issued with the old check symbol: the cookie holds it as we set it
                self.code = codes.legacy_normalize(typed)
            except ValueError:
                return
        except ValueError:
            return
        self.mode = mode

    @property
    def participant(self):
        if not self._looked_up:
            self.found(find(self.code) if self.code else None)
        return self._participant

    def found(self, participant):
        """The participant behind this code (or None), as looked up by the caller; the first lookup counts."""
        if self._looked_up:
            return
        self._participant, self._looked_up = participant, True
        if participant and participant.last_active_on != date.today():
            record_activity(participant)

    def gone(self):
        """The participant was forgotten while this request ran."""
        self._participant, self._looked_up = None, True

    @property
    def had_cookie(self):
        return self.mode is not None


def visitor(request):
    if not hasattr(request, "_samspel_visitor"):
        request._samspel_visitor = Visitor(request)
    return request._samspel_visitor


def set_code_cookie(response, code, mode):
    max_age = settings.PARTICIPANT_RETENTION_DAYS * 86400 if mode == OWN else None
    response.set_cookie(
        COOKIE,
        f"{mode}.{code}",
        max_age=max_age,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def clear_code_cookie(response):
    response.delete_cookie(COOKIE, samesite="Lax")
