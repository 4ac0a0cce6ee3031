"""Secondary cell suppression for linked, hierarchical tables, audited by linear programming.

A new release is protected against everything already published in its year. Cells are
(item, language, period); they are linked by the equations the figures satisfy by
construction: all languages = the sum of the languages, a quarter = its months, a
half-year = its quarters, a year = its half-years, a dilemma's total = its options.

Every count from 1 to k-1 is hidden (primary suppression). Then, for every hidden count
from 1 to k-1 of the year, released before or now, the attacker's feasible interval is
found with linear programming (HiGHS): minimise and maximise the cell given every published
value and equation, with every hidden or unpublished cell at least 0. A cell is safe
when its minimum is 0 or less and its maximum k or more. While it is not, one more cell
of the new release is hidden. Hiding only ever widens intervals, so a cell found safe
stays safe, and at worst every new cell is hidden, which publishes nothing new.
"""

from collections import defaultdict

import highspy
import numpy as np

from course.statistics.counting import ALL, family_of, parts_of
from course.statistics.disclosure import min_cell


class Family:
    """One family's published cells in one year: the attacker's equations, split into components.

    Only cells of published periods (the earlier releases and the new one) take part: a period
    not published yet can always be filled in as the sum of its parts (and a month not
    published yet as zeros), so equations that involve one constrain nothing. Releases are
    made children first, so a month stands alone until its quarter is published.
    """

    def __init__(self, items, periods):
        self.items = sorted(items)
        self.languages = [ALL, *parts_of(self.items[0])]
        present = set(periods)
        self.cells = [(i, lang, p) for i in self.items for lang in self.languages for p in periods]
        rows = []
        for item in self.items:
            for period in periods:
                if len(self.languages) > 1:
                    rows.append(
                        [((item, ALL, period), 1), *(((item, lang, period), -1) for lang in self.languages[1:])]
                    )
                if period.children and set(period.children) <= present:
                    for language in self.languages:
                        parts = [((item, language, child), -1) for child in period.children]
                        rows.append([((item, language, period), 1), *parts])
        total = next((item for item in self.items if item.endswith(":total")), None)
        options = [item for item in self.items if item != total]
        for language in self.languages if total else []:
            for period in periods:
                rows.append([((total, language, period), 1), *(((o, language, period), -1) for o in options)])
        self.rows = rows
        self.component = self._components()
        self._programmes = {}

    def _components(self):
        parent = {cell: cell for cell in self.cells}

        def find(cell):
            while parent[cell] != cell:
                parent[cell] = parent[parent[cell]]
                cell = parent[cell]
            return cell

        for row in self.rows:
            first = find(row[0][0])
            for cell, _weight in row[1:]:
                parent[find(cell)] = first
        return {cell: find(cell) for cell in self.cells}

    def determined(self, shown):
        """Every cell whose value follows from the shown ones by the equations, one unknown at a time."""
        known = set(shown)
        changed = True
        while changed:
            changed = False
            for row in self.rows:
                unknown = [cell for cell, _weight in row if cell not in known]
                if len(unknown) == 1:
                    known.add(unknown[0])
                    changed = True
        return known

    def programme(self, root):
        """The linear programme of one component (built once, then re-solved with other bounds)."""
        if root not in self._programmes:
            cells = [cell for cell in self.cells if self.component[cell] == root]
            rows = [row for row in self.rows if self.component[row[0][0]] == root]
            self._programmes[root] = Programme(cells, rows)
        return self._programmes[root]

    def unsafe(self, cells, shown):
        """The cells (of one component) whose interval does not reach both 0 and k. A solution found
        for one cell also shows every other cell it puts at 0, or at k or more."""
        k = min_cell()
        low_enough, high_enough = set(), set()
        for cell in cells:
            programme = self.programme(self.component[cell])
            if cell not in low_enough:
                _low, values = programme.solve(cell, shown, maximise=False)
                low_enough |= {c for c in cells if values[programme.index[c]] <= 0.5}
            if cell not in high_enough:
                _high, values = programme.solve(cell, shown, maximise=True)
                if values is None:
                    high_enough.add(cell)
                else:
                    high_enough |= {c for c in cells if values[programme.index[c]] >= k - 0.5}
        return [cell for cell in cells if cell not in low_enough or cell not in high_enough]

    def interval(self, cell, shown):
        """The least and greatest value a cell can take, given the shown cells {cell: value}."""
        programme = self.programme(self.component[cell])
        return programme.solve(cell, shown, maximise=False)[0], programme.solve(cell, shown, maximise=True)[0]


class Programme:
    """A HiGHS model of one component: every cell at least 0, every equation a row equal to 0."""

    def __init__(self, cells, rows):
        self.size = len(cells)
        self.index = {cell: i for i, cell in enumerate(cells)}
        self.columns = np.arange(self.size, dtype=np.int32)
        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.addVars(self.size, np.zeros(self.size), np.full(self.size, highspy.kHighsInf))
        for row in rows:
            columns = np.array([self.index[cell] for cell, _weight in row], dtype=np.int32)
            self.highs.addRow(0, 0, len(row), columns, np.array([weight for _cell, weight in row], dtype=float))

    def solve(self, cell, shown, maximise):
        """The least (or greatest) value of one cell, and the values of all cells where it is reached
        (None where there is no greatest)."""
        lower, upper = np.zeros(self.size), np.full(self.size, highspy.kHighsInf)
        for known, i in self.index.items():
            if known in shown:
                lower[i] = upper[i] = shown[known]
        objective = np.zeros(self.size)
        objective[self.index[cell]] = 1
        self.highs.changeColsBounds(self.size, self.columns, lower, upper)
        self.highs.changeColsCost(self.size, self.columns, objective)
        self.highs.changeObjectiveSense(highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize)
        status = self.run()
        if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return float("inf"), None  # the true counts always fit the equations, so this is unbounded
        if status != highspy.HighsModelStatus.kOptimal:
            raise ValueError(f"the published figures could not be audited: {status}")
        values = self.highs.getSolution().col_value
        return values[self.index[cell]], values

    def run(self):
        """Solves, warm from the last basis; when that ends without an answer (HiGHS can report
        "unknown" after a warm start), solves again from scratch, then without presolve."""
        conclusive = {
            highspy.HighsModelStatus.kOptimal,
            highspy.HighsModelStatus.kUnbounded,
            highspy.HighsModelStatus.kUnboundedOrInfeasible,
            highspy.HighsModelStatus.kInfeasible,
        }
        self.highs.run()
        if self.highs.getModelStatus() not in conclusive:
            self.highs.clearSolver()
            self.highs.run()
        if self.highs.getModelStatus() not in conclusive:
            self.highs.clearSolver()
            self.highs.setOptionValue("presolve", "off")
            self.highs.run()
            self.highs.setOptionValue("presolve", "choose")
        return self.highs.getModelStatus()


def is_safe(interval):
    low, high = interval
    return low <= 0.5 and high >= min_cell() - 0.5  # half a count of slack for the solver's rounding


def protect(period, basis, earlier):
    """The cells of a new release for `period`: {item: {language: count or None}}.

    `basis` holds its true counts; `earlier` is [(period, cells, basis)] for every
    release already made in the same year.
    """
    k = min_cell()
    releases = [*earlier, (period, None, basis)]
    families = defaultdict(set)
    for _period, _cells, counts in releases:
        for item in counts:
            families[family_of(item)].add(item)
    cells = {}
    for name in sorted(families):
        family = Family(families[name], [released for released, _cells, _counts in releases])
        truth, shown = {}, {}
        for released, published, counts in releases:
            for item in family.items:
                for language in family.languages:
                    cell = (item, language, released)
                    truth[cell] = counts.get(item, {}).get(language, 0)
                    value = None if published is None else published.get(item, {}).get(language, 0)
                    if value is not None:  # the new release (published None) is decided below
                        shown[cell] = value
        new = [(item, language, period) for item in family.items for language in family.languages]
        known_before = family.determined(shown)
        for cell in new:
            if not 0 < truth[cell] < k:
                shown[cell] = truth[cell]
        # Only components where the new release tells something not known before can change.
        changed = {family.component[c] for c in new if (c in shown and c not in known_before) or c not in shown}
        sensitive = defaultdict(list)
        for cell in truth:
            if 0 < truth[cell] < k and family.component[cell] in changed:
                sensitive[family.component[cell]].append(cell)
        hidden_to_protect = []
        for group in sensitive.values():
            for cell in family.unsafe(group, shown):
                while not is_safe(family.interval(cell, shown)):
                    partner = choose_partner(cell, [c for c in new if c in shown], shown)
                    if partner is None:
                        break  # everything new is hidden: this release adds nothing to what is known
                    hidden_to_protect.append(partner)
                    del shown[partner]
        # The search above can hide more than it needs: show again, last hidden first, what can be shown.
        for cell in reversed(hidden_to_protect):
            shown[cell] = truth[cell]
            if family.unsafe(sensitive[family.component[cell]], shown):
                del shown[cell]
        for item, language, _period in new:
            cells.setdefault(item, {})[language] = shown.get((item, language, period))
    return cells


def choose_partner(cell, candidates, shown):
    """The shown new cell to hide next: a count of at least k before a zero (it can give way in both
    directions), in the same item, then the same language, if possible, the smallest first."""
    item, language, _period = cell

    def cost(candidate):
        other_item, other_language, _ = candidate
        value = shown[candidate]
        return (value == 0, other_item != item, other_language != language, value)

    return min(candidates, key=cost, default=None)
