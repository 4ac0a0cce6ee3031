"""Charts drawn on the server with matplotlib's object API (Agg), safe across threads.

A hidden (suppressed) count is drawn as a hatched, empty bar labelled as the table
shows it ("<k" for a small count, "–" for one hidden so that a small one cannot be
worked out), never at its real height.
"""

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

COLOURS = ["#1f5f8b", "#c06014", "#2b7a3d", "#6b3d8f", "#8a6d00", "#a4262c", "#3a6f7f", "#555555"]


def draw(table, size=(8, 4.2)):
    """A Figure for a table: grouped horizontal bars for long labels, vertical for weeks."""
    figure = Figure(figsize=size, dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [str(label) for label in table.row_labels]
    horizontal = len(labels) > 0 and max(len(label) for label in labels) > 12
    columns = table.columns
    width = 0.8 / max(len(columns), 1)
    for c, column in enumerate(columns):
        positions = [i + (c - (len(columns) - 1) / 2) * width for i in range(len(labels))]
        values = [table.cell(r, c) for r in range(len(labels))]
        heights = [v if v is not None else 0 for v in values]
        bar = axes.barh if horizontal else axes.bar
        bars = bar(positions, heights, width, label=str(column), color=COLOURS[c % len(COLOURS)])
        for r, (rect, value) in enumerate(zip(bars, values, strict=True)):
            if value is None:
                rect.set_hatch("//")
                x, y = (
                    (rect.get_x(), rect.get_y() + rect.get_height() / 2)
                    if horizontal
                    else (
                        rect.get_x() + rect.get_width() / 2,
                        0,
                    )
                )
                axes.annotate(
                    table.shown(r, c),
                    (x, y),
                    fontsize=7,
                    ha="left" if horizontal else "center",
                    va="center" if horizontal else "bottom",
                )
    short = [label if len(label) <= 48 else label[:45] + "…" for label in labels]
    if horizontal:
        axes.set_yticks(range(len(labels)), short, fontsize=7)
        axes.invert_yaxis()
    else:
        axes.set_xticks(range(len(labels)), short, fontsize=7, rotation=45, ha="right")
    axes.set_title(str(table.title), fontsize=10)
    if len(columns) > 1:
        axes.legend(fontsize=7)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def png(table):
    buffer = io.BytesIO()
    draw(table).savefig(buffer, format="png")
    return buffer.getvalue()
