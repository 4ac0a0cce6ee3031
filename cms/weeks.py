"""ISO weeks: the finest unit of time Samspel records about use."""

from datetime import date


def iso_week(day=None):
    year, week, _weekday = (day or date.today()).isocalendar()
    return f"{year}-W{week:02d}"
