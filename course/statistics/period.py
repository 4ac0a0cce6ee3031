"""The fixed period grid the statistics are published on: months, quarters, half-years, years.

No free ranges: a period is one cell of the grid, written 2026-07, 2026-Q3, 2026-H2 or
2026. Only closed periods are published. Counters kept per ISO week belong to the month
of the week's Thursday (the ISO 8601 rule that also gives a week its year), so weekly
counts add up exactly into months, and a month is closed only when the last of its
weeks has ended too.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

FIRST_YEAR = 2020  # no figures can be older than the course
KINDS = ("month", "quarter", "half", "year")
MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12}
PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$")


def today():
    """The statistics' clock (a function, so that tests can move it)."""
    return date.today()


def week_thursday(week):
    """The Thursday of an ISO week written 2026-W48."""
    year, number = week.split("-W")
    return date.fromisocalendar(int(year), int(number), 4)


@dataclass(frozen=True, order=True)
class Period:
    kind: str
    year: int
    index: int = 1  # the month (1-12), quarter (1-4) or half (1-2); 1 for a year

    @classmethod
    def parse(cls, text):
        match = PATTERN.match(str(text).strip().upper())
        if not match:
            raise ValueError(f"not a period like 2026-07, 2026-Q3, 2026-H2 or 2026: {text!r}")
        year, month, quarter, half = match.groups()
        if month is not None:
            if not 1 <= int(month) <= 12:
                raise ValueError(f"no such month: {text!r}")
            period = cls("month", int(year), int(month))
        elif quarter is not None:
            period = cls("quarter", int(year), int(quarter))
        elif half is not None:
            period = cls("half", int(year), int(half))
        else:
            period = cls("year", int(year))
        if period.year < FIRST_YEAR:
            raise ValueError(f"no figures before {FIRST_YEAR}")
        return period

    def __str__(self):
        return {
            "month": f"{self.year}-{self.index:02d}",
            "quarter": f"{self.year}-Q{self.index}",
            "half": f"{self.year}-H{self.index}",
            "year": f"{self.year}",
        }[self.kind]

    @property
    def first_month(self):
        return (self.index - 1) * MONTHS_IN[self.kind] + 1 if self.kind != "year" else 1

    @property
    def months(self):
        return [
            Period("month", self.year, m) for m in range(self.first_month, self.first_month + MONTHS_IN[self.kind])
        ]

    @property
    def children(self):
        """The periods one level down, which add up to this one."""
        if self.kind == "month":
            return []
        if self.kind == "quarter":
            return self.months
        if self.kind == "half":
            return [Period("quarter", self.year, 2 * self.index - 1), Period("quarter", self.year, 2 * self.index)]
        return [Period("half", self.year, 1), Period("half", self.year, 2)]

    @property
    def first_day(self):
        return date(self.year, self.first_month, 1)

    @property
    def last_day(self):
        last_month = self.first_month + MONTHS_IN[self.kind] - 1
        following = date(self.year + 1, 1, 1) if last_month == 12 else date(self.year, last_month + 1, 1)
        return following - timedelta(days=1)

    @property
    def weeks(self):
        """The ISO weeks that belong to this period (by their Thursday)."""
        thursday = self.first_day + timedelta(days=(3 - self.first_day.weekday()) % 7)
        weeks = []
        while thursday <= self.last_day:
            year, number, _day = thursday.isocalendar()
            weeks.append(f"{year}-W{number:02d}")
            thursday += timedelta(weeks=1)
        return weeks

    @property
    def closes_on(self):
        """The first day the period is closed: after its last day and after its last week's Sunday."""
        last_sunday = week_thursday(self.weeks[-1]) + timedelta(days=3)
        return max(self.last_day, last_sunday) + timedelta(days=1)

    def is_closed(self, day=None):
        return (day or today()) >= self.closes_on

    def previous(self):
        """The period of the same kind just before this one."""
        per_year = 12 // MONTHS_IN[self.kind]
        if self.index > 1:
            return Period(self.kind, self.year, self.index - 1)
        return Period(self.kind, self.year - 1, per_year) if self.year > FIRST_YEAR else None

    def year_before(self):
        return Period(self.kind, self.year - 1, self.index) if self.year > FIRST_YEAR else None


def year_periods(year):
    """Every period of a year's hierarchy, finest first."""
    months = [Period("month", year, m) for m in range(1, 13)]
    quarters = [Period("quarter", year, q) for q in range(1, 5)]
    halves = [Period("half", year, h) for h in (1, 2)]
    return [*months, *quarters, *halves, Period("year", year)]


def closed_periods(since, day=None):
    """Every closed period from the year of `since` on, newest first, years before months."""
    day = day or today()
    found = []
    for year in range(max(since.year, FIRST_YEAR), day.year + 1):
        found.extend(p for p in year_periods(year) if p.is_closed(day) and p.last_day >= since)
    order = {kind: i for i, kind in enumerate(reversed(KINDS))}
    return sorted(found, key=lambda p: (-p.year, order[p.kind], -p.index))
