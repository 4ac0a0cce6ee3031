"""Disclosure control: small cells hidden, and no hidden cell recoverable from what is shown."""

import itertools

import pytest

from course.statistics.disclosure import SECONDARY_MARK, Table

K = 5


def table(values, column_totals=True):
    return Table(
        key="t",
        title="t",
        row_heading="r",
        columns=[f"c{i}" for i in range(len(values[0]))],
        row_labels=[f"r{i}" for i in range(len(values))],
        values=values,
        column_totals=column_totals,
    )


def column(t, c=0):
    return [row[1 + c] for row in t.display_rows()]


def test_cells_at_or_above_k_are_exact_and_below_are_hidden():
    t = table([[12], [5], [3], [0]], column_totals=False)
    assert column(t) == [12, 5, "<5", 0]
    assert t.cell(0, 0) == 12 and t.cell(2, 0) is None and t.cell(3, 0) == 0


def test_a_lone_hidden_cell_takes_the_next_smallest_with_it():
    t = table([[40], [7], [2], [9]])
    assert column(t) == [40, SECONDARY_MARK, "<5", 9, 58]


def test_a_total_is_hidden_when_nothing_else_can_be():
    assert column(table([[3], [0]])) == ["<5", 0, "<5"]
    assert column(table([[3], [0], [0]], column_totals=False)) == ["<5", 0, 0]


def attacker_recovers(t):
    """An attacker who knows the rule: a "<k" cell is 1..k-1, a "–" cell is at least k, visible cells are exact.
    Brute force, per column: every hidden cell whose value is forced by the column total is returned."""
    recovered = []
    for c in range(len(t.columns)):
        total = t.cell(-1, c) if t.column_totals else None
        if total is None:
            continue
        hidden = [(r, c) for r in range(len(t.values)) if t.cell(r, c) is None]
        remainder = total - sum(t.cell(r, c) for r in range(len(t.values)) if t.cell(r, c) is not None)
        ranges = [range(1, K) if t.shown(*cell) == f"<{K}" else range(K, remainder + 1) for cell in hidden]
        solutions = [combo for combo in itertools.product(*ranges) if sum(combo) == remainder]
        for i, cell in enumerate(hidden):
            if len({solution[i] for solution in solutions}) == 1:
                recovered.append(cell)
    return recovered


@pytest.mark.parametrize(
    "values",
    [
        [[40], [7], [2], [9]],
        [[1], [30], [30]],
        [[4, 10], [10, 1], [20, 20]],
        [[2, 0, 9], [0, 0, 0], [6, 3, 12]],
        [[5, 5], [5, 4]],
        [[1], [5]],
        [[4], [5], [6], [100]],
        [[1], [1], [1], [50]],
    ],
)
def test_no_hidden_cell_can_be_recovered(values):
    t = table(values)
    assert attacker_recovers(t) == []
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if 0 < value < K:
                assert t.shown(r, c) == "<5"
            elif value >= K and (r, c) not in t.secondary:
                assert t.shown(r, c) == value


def test_random_tables_never_leak():
    import random

    rng = random.Random(7)
    for _ in range(300):
        values = [
            [rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 30]) for _c in range(2)] for _r in range(rng.randint(1, 5))
        ]
        assert attacker_recovers(table(values)) == [], values
