"""Charts drawn on the server as SVG with matplotlib's object API, safe across threads.

A chart draws a table's count columns (not its percentages). Its title is the page's
heading, not repeated in the image. A hidden count is a gap: an empty hatched outline
on the axis, explained in the legend, never a bar of any height or a label on top.

A chart depends only on its table, and a table only on a stored release, so a drawn
chart is cached under a digest of everything drawn: the page for a released period
draws each chart once.
"""

import hashlib
import io
import json

import matplotlib
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from course.statistics.disclosure import HIDDEN_MARK

COLOURS = ["#1f5f8b", "#c06014", "#2b7a3d", "#6b3d8f", "#8a6d00", "#a4262c", "#3a6f7f", "#555555"]
FONT = 10


def draw(table, size=(8, 4.2)):
    """A Figure for a table: grouped horizontal bars for long labels, vertical ones for periods."""
    figure = Figure(figsize=size, dpi=100, layout="constrained")
    FigureCanvasSVG(figure)
    axes = figure.add_subplot()
    labels = [str(label) for label in table.row_labels]
    horizontal = len(labels) > 0 and max(len(label) for label in labels) > 12
    columns = table.charted or list(range(len(table.columns)))
    width = 0.8 / max(len(columns), 1)
    bar = axes.barh if horizontal else axes.bar
    gaps, highest = [], 1
    for position, c in enumerate(columns):
        offsets = [i + (position - (len(columns) - 1) / 2) * width for i in range(len(labels))]
        values = [table.cell(r, c) for r in range(len(labels))]
        highest = max([highest, *(v for v in values if v is not None)])
        bars = bar(offsets, [v or 0 for v in values], width, label=str(table.columns[c]), color=COLOURS[position])
        gaps += [rect for r, rect in enumerate(bars) if table.hidden_as(r, c) == "hidden"]
    for rect in gaps:  # a low outline on the axis: there is a figure here, and it is not shown
        rect.set(fill=False, hatch="//", edgecolor="#555555")
        (rect.set_width if horizontal else rect.set_height)(highest * 0.04)
    short = [label if len(label) <= 48 else label[:45] + "…" for label in labels]
    if horizontal:
        axes.set_yticks(range(len(labels)), short, fontsize=FONT)
        axes.invert_yaxis()
        axes.set_xlabel(_("Count"), fontsize=FONT)
    else:
        many = len(labels) > 6
        axes.set_xticks(range(len(labels)), short, rotation=45 if many else 0, ha="right" if many else "center")
        axes.set_xlabel(str(table.row_heading), fontsize=FONT)
        axes.set_ylabel(_("Count"), fontsize=FONT)
    axes.tick_params(labelsize=FONT)
    handles, names = axes.get_legend_handles_labels()
    if gaps:
        handles.append(Patch(fill=False, hatch="//", edgecolor="#555555"))
        names.append(_("Hidden (“%(mark)s” in the table)") % {"mark": HIDDEN_MARK})
    if len(handles) > 1:
        axes.legend(handles, names, fontsize=FONT)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: smaller, selectable, read by the PDF's fonts
matplotlib.rcParams["svg.hashsalt"] = "samspel"  # the same table gives the same bytes
CACHE_SECONDS = 60 * 60 * 24 * 30


def svg(table):
    """The chart of a table as SVG bytes, drawn once per distinct table and language."""
    drawn = [table.title, table.row_heading, table.columns, table.row_labels, table.values, table.charted]
    digest = hashlib.sha256(json.dumps([get_language(), drawn], default=str).encode()).hexdigest()
    key = f"statistics-chart:{digest}"
    image = cache.get(key)
    if image is None:
        buffer = io.BytesIO()
        draw(table).savefig(buffer, format="svg", metadata={"Date": None})
        image = buffer.getvalue()
        cache.set(key, image, CACHE_SECONDS)
    return image
