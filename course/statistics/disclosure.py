"""Disclosure control: no figure may reveal a small group, directly or by subtraction.

The rule, applied to every table on screen and in every file:

1. Primary suppression: every count from 1 to k-1 (k = STATS_MIN_CELL, default 5)
   is shown as "<k". Zero is shown: it describes nobody.
2. Totals are published only per column, so every cell belongs to exactly one
   sum. In a column with a total, the hidden cells must still be uncertain to
   someone who knows the rule (a "<k" cell lies between 1 and k-1, a cell hidden
   to protect it is at least k, and every visible cell is exact): if any hidden
   cell would be pinned to a single value, the next smallest visible cell of the
   column is hidden too (shown as "–"), and if there is none, the total is.
3. A total below k is itself shown as "<k".
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SECONDARY_MARK = "–"
UNBOUNDED = 10**12


def min_cell():
    return getattr(settings, "STATS_MIN_CELL", 5)


def rule_text():
    k = min_cell()
    return _(
        "Disclosure control: every count from 1 to %(below)s is shown as “<%(k)s”. Where a column has a "
        "total, more cells of that column (the next smallest) are hidden as “–” until no hidden count "
        "can be worked out from the total and the other cells; a total below %(k)s is shown as “<%(k)s”. "
        "Weeks are the finest unit of time, and no file holds anything about a single participant."
    ) % {"below": k - 1, "k": k}


def feasible_range(index, bounds, remainder):
    """The values hidden cell `index` can take, given every hidden cell's bounds and their known sum."""
    low, high = bounds[index]
    others_low = sum(b[0] for i, b in enumerate(bounds) if i != index)
    others_high = sum(b[1] for i, b in enumerate(bounds) if i != index)
    return max(low, remainder - others_high), min(high, remainder - others_low)


@dataclass
class Table:
    """A table of counts, `values[row][column]`; column totals (if any) are derived here."""

    key: str
    title: str
    row_heading: str
    columns: list
    row_labels: list
    values: list
    column_totals: bool = False
    subject: str = ""  # what a file of this table names, besides its key (a dilemma's title)
    primary: set = field(default_factory=set)  # (row, column), row -1 being the totals row
    secondary: set = field(default_factory=set)

    def __post_init__(self):
        self.apply_disclosure_control()

    @property
    def hidden(self):
        return self.primary | self.secondary

    def _value(self, row, column):
        if row == -1:
            return sum(r[column] for r in self.values)
        return self.values[row][column]

    def cell(self, row, column):
        """The count to show, or None when it is hidden."""
        return None if (row, column) in self.hidden else self._value(row, column)

    def shown(self, row, column):
        if (row, column) in self.primary:
            return f"<{min_cell()}"
        if (row, column) in self.secondary:
            return SECONDARY_MARK
        return self._value(row, column)

    def hidden_as(self, row, column):
        """Why a cell is hidden, for files: "small" (1 to k-1), "protecting" (hidden so that no
        small one can be worked out), or None for a cell that is shown."""
        if (row, column) in self.primary:
            return "small"
        if (row, column) in self.secondary:
            return "protecting"
        return None

    def rows(self):
        """(label, row index) for every row, the totals row (-1) last where there is one."""
        return [
            *((label, r) for r, label in enumerate(self.row_labels)),
            *([(_("Total"), -1)] if self.column_totals else []),
        ]

    def display_rows(self):
        rows = [
            [label, *(self.shown(r, c) for c in range(len(self.columns)))] for r, label in enumerate(self.row_labels)
        ]
        if self.column_totals:
            rows.append([_("Total"), *(self.shown(-1, c) for c in range(len(self.columns)))])
        return rows

    def header(self):
        return [self.row_heading, *self.columns]

    def bounds(self, cell):
        """What the rule tells anyone about a hidden cell."""
        return (1, min_cell() - 1) if cell in self.primary else (min_cell(), UNBOUNDED)

    def apply_disclosure_control(self):
        k = min_cell()
        rows = range(len(self.values))
        self.primary = {(r, c) for r in rows for c in range(len(self.columns)) if 0 < self.values[r][c] < k}
        if not self.column_totals:
            return
        for c in range(len(self.columns)):
            total = (-1, c)
            if 0 < self._value(*total) < k:
                self.primary.add(total)
                continue
            members = [(r, c) for r in rows]
            while not self._column_is_safe(total, members):
                visible = [m for m in members if m not in self.hidden and self._value(*m) > 0]
                if not visible:
                    self.secondary.add(total)
                    break
                self.secondary.add(min(visible, key=lambda m: self._value(*m)))

    def _column_is_safe(self, total, members):
        hidden = [m for m in members if m in self.hidden]
        if not hidden:
            return True
        remainder = self._value(*total) - sum(self._value(*m) for m in members if m not in self.hidden)
        bounds = [self.bounds(m) for m in hidden]
        for index in range(len(hidden)):
            low, high = feasible_range(index, bounds, remainder)
            if high - low < 1:
                return False
        return True
