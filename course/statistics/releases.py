"""Protected releases: made once per closed period, in a fixed order, then only read.

Within a year, releases are made in one chain: each month as it closes, then the
quarter, half-year and year that end with it. Each is protected against every release
before it in the chain, so any set of published figures, taken together, stays safe.
A month's counts come from the database when its release is made; coarser periods are
summed from their months' stored counts, so erasures after a release change nothing
that has been published, and the difference between two releases shows nobody.
"""

from django.db import IntegrityError, transaction
from django.db.models import Min

import course.statistics.period as grid
from childmodule.models import ChapterView
from course.models import ErasureCount, Participant, StatisticsRelease
from course.statistics.counting import add_up, month_bases
from course.statistics.period import Period, closed_periods, week_thursday
from course.statistics.protection import protect


class NotPublished(ValueError):
    """A period that is not on the grid, not closed yet, or before any figures."""


def chain(year):
    """The order releases of a year are made in."""
    order = []
    for month in range(1, 13):
        order.append(Period("month", year, month))
        if month % 3 == 0:
            order.append(Period("quarter", year, month // 3))
        if month % 6 == 0:
            order.append(Period("half", year, month // 6))
    order.append(Period("year", year))
    return order


def first_day():
    """The first day with any figures: older periods are not offered."""
    days = [
        Participant.objects.aggregate(day=Min("started_on"))["day"],
        *(
            week_thursday(week)
            for week in (
                ChapterView.objects.aggregate(week=Min("week"))["week"],
                ErasureCount.objects.aggregate(week=Min("week"))["week"],
            )
            if week
        ),
    ]
    releases = StatisticsRelease.objects.exclude(basis={}).order_by("period")  # a chain starts in January
    first_release = releases.values_list("period", flat=True).first()
    if first_release:
        days.append(Period.parse(first_release).first_day)
    days = [day for day in days if day]
    return min(days) if days else grid.today()


def published_periods(day=None):
    """The closed periods an evaluator may choose, newest first."""
    return closed_periods(first_day(), day)


def release(period, day=None):
    """The stored release of a closed period, made (with the releases before it) if need be."""
    if not period.is_closed(day):
        raise NotPublished(f"{period} has not closed yet")
    stored = StatisticsRelease.objects.filter(period=str(period)).first()
    if stored:
        return stored
    order = chain(period.year)
    steps = order[: order.index(period) + 1]
    earlier = {r.period: r for r in StatisticsRelease.objects.filter(period__in=[str(p) for p in steps])}
    months = [step for step in steps if step.kind == "month" and str(step) not in earlier]
    counted = month_bases(months) if months else {}  # every missing month in one pass over the data
    for step in steps:
        if str(step) not in earlier:
            earlier[str(step)] = make(step, [earlier[str(p)] for p in order[: order.index(step)]], counted, day)
    return earlier[str(period)]


def make(period, earlier, counted, day=None):
    """Makes one release, protected against the ones before it (its predecessors in the chain).
    A month's basis is its count (in `counted`); a longer period's is the sum of its months'."""
    bases = {r.period: r.basis for r in earlier}
    basis = counted[str(period)] if period.kind == "month" else add_up(bases[str(m)] for m in period.months)
    cells = protect(period, basis, [(Period.parse(r.period), r.cells, r.basis) for r in earlier])
    try:
        with transaction.atomic():
            return StatisticsRelease.objects.create(
                period=str(period), made_on=day or grid.today(), cells=cells, basis=basis
            )
    except IntegrityError:  # made a moment ago by another request: theirs is the release
        return StatisticsRelease.objects.get(period=str(period))


def make_all(day=None):
    """Every closed period's release (for a scheduled job): returns how many were made."""
    before = StatisticsRelease.objects.count()
    for period in published_periods(day):
        release(period, day)
    return StatisticsRelease.objects.count() - before
