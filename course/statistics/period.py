"""Periods of ISO weeks, the only time unit the statistics know."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from cms.weeks import iso_week

WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
FIRST_YEAR = 2020  # no figures can be older than the course
MAX_WEEKS = 106  # two years: a yearly report and the year before it, never a range that stalls a worker


def parse_week(text):
    match = WEEK.match(text.strip().upper())
    if not match:
        raise ValueError(f"not an ISO week like 2026-W01: {text!r}")
    year, week = int(match.group(1)), int(match.group(2))
    return date.fromisocalendar(year, week, 1)  # raises ValueError for a week the year does not have


@dataclass(frozen=True)
class Period:
    first: date  # a Monday
    last: date  # a Monday

    @classmethod
    def from_weeks(cls, first, last, today=None):
        period = cls(parse_week(first), parse_week(last))
        if period.last < period.first:
            raise ValueError("the period ends before it starts")
        if period.first.year < FIRST_YEAR or period.last.year > (today or date.today()).year + 1:
            raise ValueError(f"the period must lie between {FIRST_YEAR} and next year")
        if (period.last - period.first).days // 7 + 1 > MAX_WEEKS:
            raise ValueError(f"the period is longer than {MAX_WEEKS} weeks")
        return period

    @classmethod
    def last_weeks(cls, count=12, today=None):
        this_monday = (today or date.today()) - timedelta(days=(today or date.today()).weekday())
        return cls(this_monday - timedelta(weeks=count - 1), this_monday)

    @property
    def first_day(self):
        return self.first

    @property
    def last_day(self):
        return self.last + timedelta(days=6)

    @property
    def weeks(self):
        monday, weeks = self.first, []
        while monday <= self.last:
            weeks.append(iso_week(monday))
            monday += timedelta(weeks=1)
        return weeks

    def __str__(self):
        return f"{iso_week(self.first)} – {iso_week(self.last)}"
