"""What the course remembers about a participant: only what the journey needs.

No name, address, user agent or time of day: a keyed hash of the resume
code, dates, page and option ids, and sealed reflections.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def random_id():
    """A key that says nothing: not when a row was made, nor which came first. Sequential ids
    set beside a web server's timestamped log would give back the time of day we never keep."""
    return secrets.randbelow(2**63 - 1) + 1


class RandomIdModel(models.Model):
    """Every row tied to a participant has a random key."""

    id = models.BigIntegerField(primary_key=True, default=random_id, editable=False)

    class Meta:
        abstract = True


class Participant(RandomIdModel):
    code_hash = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=8)
    started_on = models.DateField()
    last_active_on = models.DateField(db_index=True)
    # Issued with Crockford's mod-37 check symbol, before the GF(32) one (course.codes): only these
    # codes are looked up when what someone typed passes the old check and not the new one.
    legacy_check = models.BooleanField(default=False)

    class Meta:
        permissions = [("view_usage_statistics", _("Can view and export aggregate usage statistics"))]

    def __str__(self):
        return "participant"  # no id: not even logs may tell participants apart


class ParticipantWeek(RandomIdModel):
    """An ISO week in which a participant used the course: enough to count returns, nothing finer."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="weeks")
    week = models.CharField(max_length=8)  # e.g. 2026-W48
    returning = models.BooleanField(default=False)  # a later week than the one they started in

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "week"], name="one_row_per_active_week")]
        indexes = [models.Index(fields=["week", "returning"])]

    def __str__(self):
        return f"active in {self.week}"


class LessonProgress(RandomIdModel):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="lessons")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    started_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "page"], name="one_progress_per_lesson")]

    def __str__(self):
        return f"progress on page {self.page_id}"


class DilemmaChoice(RandomIdModel):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="choices")
    dilemma = models.ForeignKey("modules.Dilemma", on_delete=models.CASCADE, related_name="+")
    option = models.ForeignKey("modules.DilemmaOption", on_delete=models.CASCADE, related_name="+")
    chosen_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "dilemma"], name="one_choice_per_dilemma")]

    def __str__(self):
        return f"choice in dilemma {self.dilemma_id}"


class Reflection(RandomIdModel):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reflections")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    sealed = models.BinaryField()
    written_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "page", "block_id"], name="one_reflection_per_prompt")
        ]

    def __str__(self):
        return f"sealed reflection on page {self.page_id}"


class ExportLog(models.Model):
    """Who exported which aggregate figures, when: the only record of evaluators' use."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(max_length=150)
    exported_at = models.DateTimeField(auto_now_add=True)
    export_format = models.CharField(max_length=8)
    filters = models.JSONField(default=dict)
    via = models.CharField(max_length=20, default="admin")  # "admin" or "command"

    class Meta:
        ordering = ["-exported_at"]

    def __str__(self):
        return f"{self.username} {self.export_format} {self.exported_at:%Y-%m-%d}"


class ErasureCount(models.Model):
    """How many participants were erased in an ISO week: totals only, for evaluators."""

    FORGOTTEN = "forgotten"
    PURGED = "purged"
    KINDS = [(FORGOTTEN, _("forgotten on request")), (PURGED, _("purged after inactivity"))]

    week = models.CharField(max_length=8)  # ISO week, e.g. 2026-W48
    kind = models.CharField(max_length=10, choices=KINDS)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["week", "kind"], name="one_count_per_week_and_kind")]

    def __str__(self):
        return f"{self.week} {self.kind}: {self.count}"


class StatisticsRelease(models.Model):
    """The protected figures of one closed period, made once and then only read.

    `cells` is what evaluators may see: {item: {language: count or None (hidden)}}.
    `basis` holds the true counts the release was made from (aggregates, never shown):
    coarser periods are summed from their months' bases, and later releases are
    protected against this one, so nothing published ever changes.
    """

    period = models.CharField(max_length=8, unique=True)  # 2026-07, 2026-Q3, 2026-H2, 2026
    made_on = models.DateField()
    cells = models.JSONField(default=dict)
    basis = models.JSONField(default=dict)

    class Meta:
        ordering = ["period"]

    def __str__(self):
        return f"statistics release {self.period}"


@register_setting(icon="doc-full")
class ReportSettings(BaseGenericSetting):
    """What the evaluators' reports say about who runs the service."""

    organisation = models.CharField(
        _("municipality or organisation"),
        max_length=120,
        blank=True,
        help_text=_("Named on the cover of every PDF report, e.g. “Helsingborgs stad”."),
    )

    class Meta:
        verbose_name = _("statistics reports")

    def __str__(self):
        return self.organisation or "statistics reports"
