"""How protected figures are shown: every hidden cell alike, and the rule that travels with them.

The protection itself happens once per closed period, when its release is made
(`course.statistics.protection`); a table here only shows what a release holds.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

HIDDEN_MARK = ".."
NOT_APPLICABLE = ""  # a percentage of nothing (no one started): shown as "–", null in JSON
NOT_APPLICABLE_MARK = "–"


def min_cell():
    return getattr(settings, "STATS_MIN_CELL", 5)


def rule_text():
    k = min_cell()
    return _(
        "Disclosure control: figures are published only for closed months, quarters, half-years and years, "
        "each made once and never changed. Every count from 1 to %(below)s is hidden, and so are as many "
        "other cells (zeros included) as it takes for no hidden count to be worked out, or narrowed down, "
        "from everything published, across languages, periods and a dilemma's total (checked by linear "
        "programming). All hidden cells are shown as “%(mark)s”. Percentages are worked out from the "
        "published counts only."
    ) % {"below": k - 1, "mark": HIDDEN_MARK}


@dataclass
class Table:
    """A table of published figures, `values[row][column]`: a number, or None where it is hidden."""

    key: str
    title: str
    row_heading: str
    columns: list
    row_labels: list
    values: list
    subject: str = ""  # what a file of this table names, besides its key (a dilemma's title)
    charted: list = field(default_factory=list)  # the columns the chart draws (counts, not percentages)

    def cell(self, row, column):
        """The number, or None where it is hidden or not applicable."""
        value = self.values[row][column]
        return None if value == NOT_APPLICABLE else value

    def shown(self, row, column):
        value = self.values[row][column]
        return HIDDEN_MARK if value is None else NOT_APPLICABLE_MARK if value == NOT_APPLICABLE else value

    def hidden_as(self, row, column):
        """The flag files give a cell without a number: "hidden" (not published) or "not applicable"
        (a percentage of nothing); None for a published number."""
        value = self.values[row][column]
        return "hidden" if value is None else "not applicable" if value == NOT_APPLICABLE else None

    def rows(self):
        return list(enumerate(self.row_labels))

    def display_rows(self):
        return [[label, *(self.shown(r, c) for c in range(len(self.columns)))] for r, label in self.rows()]

    def header(self):
        return [self.row_heading, *self.columns]
