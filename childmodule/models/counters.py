from django.db import models
from django.db.models import F


class ChapterView(models.Model):
    """Anonymous, aggregate: how often a chapter was opened, per locale, age band and ISO week.

    No cookie, no code, no participant: just a counter.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.CharField(max_length=8)
    band = models.CharField(max_length=8)
    week = models.CharField(max_length=8)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "locale", "band", "week"], name="one_counter_per_chapter_week")
        ]

    def __str__(self):
        return f"{self.week} {self.locale} {self.band}: {self.count}"

    @classmethod
    def count_view(cls, page_id, locale, band, week):
        key = {"page_id": page_id, "locale": locale, "band": band, "week": week}
        if cls.objects.filter(**key).update(count=F("count") + 1):
            return
        counter, created = cls.objects.get_or_create(**key, defaults={"count": 1})
        if not created:  # another request made the row first
            cls.objects.filter(pk=counter.pk).update(count=F("count") + 1)
