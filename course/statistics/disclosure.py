"""Disclosure control: no figure may reveal a small group, directly or by subtraction.

The rule, applied to every table on screen and in every file:

1. Primary suppression: every count from 1 to k-1 (k = STATS_MIN_CELL, default 5)
   is shown as "<k". Zero is shown: it describes nobody.
2. Secondary suppression: wherever a total is published (a column's total row,
   or a row's total column), a group of cells that sums to it must not contain
   exactly one hidden cell, or that cell could be recovered by subtraction. So
   the smallest other non-zero cell in the group is hidden too; if there is none,
   the total itself is hidden. This repeats until no group has a single hidden cell.
3. A total below k is itself hidden.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _


def min_cell():
    return getattr(settings, "STATS_MIN_CELL", 5)


def rule_text():
    k = min_cell()
    return _(
        "Disclosure control: every count from 1 to %(below)s is shown as \u201c<%(k)s\u201d. Where a total is "
        "shown, one more cell in the same row or column (the next smallest) is hidden as well, so no hidden count "
        "can be worked out from the total or the other cells; a total below %(k)s is hidden too. Weeks are the "
        "finest unit of time, and no file holds anything about a single participant."
    ) % {"below": k - 1, "k": k}


@dataclass
class Table:
    """A table of counts. `values[r][c]`; totals (if any) are derived here, never passed in."""

    key: str
    title: str
    row_heading: str
    columns: list
    row_labels: list
    values: list
    column_totals: bool = False
    row_totals: bool = False
    hidden: set = field(
        default_factory=set
    )  # (row, column); row == -1 is the totals row, column == -1 the totals column

    def __post_init__(self):
        self.apply_disclosure_control()

    # --- what may be shown -------------------------------------------------------

    def cell(self, row, column):
        """The count to show, or None when it is hidden."""
        return None if (row, column) in self.hidden else self._value(row, column)

    def _value(self, row, column):
        if row == -1 and column == -1:
            return sum(sum(r) for r in self.values)
        if row == -1:
            return sum(r[column] for r in self.values)
        if column == -1:
            return sum(self.values[row])
        return self.values[row][column]

    def shown(self, row, column):
        value = self.cell(row, column)
        return f"<{min_cell()}" if value is None else value

    def display_rows(self):
        """Rows for screens and files: label, then shown cells (and the row total)."""
        rows = []
        for r, label in enumerate(self.row_labels):
            cells = [self.shown(r, c) for c in range(len(self.columns))]
            if self.row_totals:
                cells.append(self.shown(r, -1))
            rows.append([label, *cells])
        if self.column_totals:
            cells = [self.shown(-1, c) for c in range(len(self.columns))]
            if self.row_totals:
                cells.append(self.shown(-1, -1))
            rows.append([_("Total"), *cells])
        return rows

    def header(self):
        return [self.row_heading, *self.columns, *([_("Total")] if self.row_totals else [])]

    # --- the rule ------------------------------------------------------------------

    def apply_disclosure_control(self):
        k = min_cell()
        n_rows, n_cols = len(self.values), len(self.columns)
        cells = [(r, c) for r in range(n_rows) for c in range(n_cols)]
        totals = []
        if self.column_totals:
            totals += [(-1, c) for c in range(n_cols)]
        if self.row_totals:
            totals += [(r, -1) for r in range(n_rows)]
        if self.column_totals and self.row_totals:
            totals.append((-1, -1))
        self.hidden = {cell for cell in [*cells, *totals] if 0 < self._value(*cell) < k}

        groups = []  # (total cell, member cells) whose members add up to the total
        if self.column_totals:
            groups += [((-1, c), [(r, c) for r in range(n_rows)]) for c in range(n_cols)]
            if self.row_totals:
                groups.append(((-1, -1), [(-1, c) for c in range(n_cols)]))
        if self.row_totals:
            groups += [((r, -1), [(r, c) for c in range(n_cols)]) for r in range(n_rows)]
            if self.column_totals:
                groups.append(((-1, -1), [(r, -1) for r in range(n_rows)]))

        changed = True
        while changed:
            changed = False
            for total, members in groups:
                if total in self.hidden:
                    continue
                hidden_members = [m for m in members if m in self.hidden]
                if len(hidden_members) != 1:
                    continue
                candidates = [m for m in members if m not in self.hidden and self._value(*m) > 0]
                if candidates:
                    self.hidden.add(min(candidates, key=lambda m: self._value(*m)))
                else:
                    self.hidden.add(total)
                changed = True
