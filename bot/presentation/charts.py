"""The /progress picture: weekly sessions against the plan, and how the body felt.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no GUI, no rcParams
changes), as an 800×500 PNG. Labels are plain texts rather than tick objects and legends,
which halves the drawing time (bench/bench_chart.py).

Memory stays flat under a steady stream of renders: ``render_progress_chart`` renders on one
long-lived worker thread of its own (matplotlib caches fonts per thread, and every thread
that renders also grows its own malloc arena), and every render redraws one reused figure,
cleared first, so its Agg pixel buffer is allocated once instead of a figure and buffer per
render left for the cyclic garbage collector. A lock lets one render run at a time, as
matplotlib does not promise thread safety.
"""

from __future__ import annotations

import asyncio
import io
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.transforms import offset_copy

from bot.core.progress import Progress, Week
from bot.core.vocabulary import Area, Category

__all__ = ["render_progress_chart", "render_progress_png"]

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 5.0, 100
#: Lines in the body panel; more areas than this make it unreadable.
MAX_AREAS = 5
COLOURS = {
    Category.MOBILITY: "#4c9f8a",
    Category.DYNAMIC: "#e07a3f",
    Category.STATIC: "#5b6fb5",
}
PLAN_COLOUR = "#333333"
AREA_COLOURS = ("#c0392b", "#8e44ad", "#2c7fb8", "#d4a017", "#555555")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LOCK = threading.Lock()
#: The one thread /progress charts are drawn on (started on first use, idle otherwise).
_RENDERER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hipcoach-chart")
_figure: Figure | None = None


async def render_progress_chart(progress: Progress) -> bytes | None:
    """The chart as PNG bytes, rendered off the event loop; None when there is no data."""
    if not progress.has_data:
        return None
    return await asyncio.get_running_loop().run_in_executor(
        _RENDERER, render_progress_png, progress
    )


def render_progress_png(progress: Progress) -> bytes | None:
    """The chart as PNG bytes (blocking); None when there is nothing to draw."""
    if not progress.has_data:
        return None
    with _LOCK:
        figure = _blank_figure()
        score = "early days" if progress.early else f"{round(progress.score)}/100"
        figure.text(
            0.5, 0.96, f"Your last {len(progress.weeks)} weeks · consistency {score}",
            ha="center", va="center", fontsize=12,
        )  # fmt: skip
        sessions = figure.add_axes((0.06, 0.47, 0.74, 0.41))
        body = figure.add_axes((0.06, 0.08, 0.74, 0.27))
        _draw_sessions(sessions, progress.weeks)
        _draw_body(body, progress)
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
        figure.clear()  # the artists go now, not at the next full garbage collection
        return out.getvalue()


def _blank_figure() -> Figure:
    """The reused figure, empty (call with ``_LOCK`` held)."""
    global _figure  # noqa: PLW0603 - one figure for the process, guarded by the lock
    if _figure is None:
        _figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
        FigureCanvasAgg(_figure)
    _figure.clear()
    return _figure


def _draw_sessions(ax: Axes, weeks: tuple[Week, ...]) -> None:
    """Stacked bars of sessions done by kind, with the plan (up to today) as an outline."""
    bottom = [0] * len(weeks)
    for category in (Category.MOBILITY, Category.DYNAMIC, Category.STATIC):
        heights = [w.done.get(category, 0) for w in weeks]
        ax.add_collection(
            PolyCollection(_boxes(bottom, heights, 0.6), facecolors=COLOURS[category]),
            autolim=False,
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    planned = [w.planned for w in weeks]
    plan = PolyCollection(
        _boxes([0] * len(weeks), planned, 0.78),
        facecolors="none",
        edgecolors=PLAN_COLOUR,
        linestyles="--",
        linewidths=1,
    )
    ax.add_collection(plan, autolim=False)
    top = max([*bottom, *planned, 1])
    ax.set_xlim(-0.6, len(weeks) - 0.4)
    ax.set_ylim(0, top + 1)
    ax.set_xticks([])
    _y_labels(ax, range(0, top + 2, 1 if top < 5 else 2))
    _frame(ax, "Sessions done each week, against the plan")
    stacked_top_down = (Category.STATIC, Category.DYNAMIC, Category.MOBILITY)
    key = [(f"■ {c.value}", COLOURS[c]) for c in stacked_top_down]
    _key(ax, [*key, ("□ planned", PLAN_COLOUR)])


def _draw_body(ax: Axes, progress: Progress) -> None:
    """One line per reported area through the weeks it was reported: the worst severity
    the runner gave; a week reported only without a number is a hollow mark on the axis."""
    weeks = progress.weeks
    ax.set_xlim(-0.6, len(weeks) - 0.4)
    ax.set_ylim(0, 10.5)
    ax.set_xticks([])
    under = ax.get_xaxis_transform()  # x in weeks, y in axes fractions
    for x, week in enumerate(weeks):  # plain texts: much cheaper than twelve tick objects
        ax.text(x, -0.06, _label(week), transform=under, ha="center", va="top", fontsize=7)
    _y_labels(ax, (0, 5, 10))
    _frame(ax, "Tightness and soreness (worst of the week, 0-10)")
    areas: tuple[Area, ...] = progress.areas[:MAX_AREAS]
    if not areas:
        ax.text(
            0.5, 0.7, "Nothing reported: your body kept quiet.", ha="center", va="center",
            transform=ax.transAxes, fontsize=9, color="#666666",
        )  # fmt: skip
        return
    shown = list(zip(areas, AREA_COLOURS, strict=False))
    unrated = False
    for area, colour in shown:
        points = [(x, w.severity[area]) for x, w in enumerate(weeks) if area in w.severity]
        ax.plot(
            [x for x, _ in points], [y for _, y in points], marker="o", markersize=4,
            linewidth=1.5, color=colour,
        )  # fmt: skip
        # reported without a number: a hollow mark on the axis, never a made-up score
        bare = [x for x, w in enumerate(weeks) if area in w.unrated and area not in w.severity]
        unrated = unrated or bool(bare)
        ax.plot(
            bare, [0] * len(bare), linestyle="none", marker="o", markersize=6,
            markerfacecolor="white", markeredgecolor=colour, clip_on=False,
        )  # fmt: skip
    key = [(f"● {area.label}", colour) for area, colour in shown]
    _key(ax, [*key, ("○ no number given", PLAN_COLOUR)] if unrated else key)


def _boxes(bottom: list[int], heights: list[int], width: float) -> list[list[tuple[float, float]]]:
    """Rectangles (as polygons) for bars at x = 0, 1, ... that have a height."""
    half = width / 2
    return [
        [(x - half, b), (x - half, b + h), (x + half, b + h), (x + half, b)]
        for x, (b, h) in enumerate(zip(bottom, heights, strict=True))
        if h
    ]


def _frame(ax: Axes, title: str) -> None:
    """A left-aligned title and a light frame."""
    ax.text(0, 1.04, title, transform=ax.transAxes, fontsize=10, va="bottom")
    ax.spines[["top", "right"]].set_visible(False)


def _key(ax: Axes, entries: list[tuple[str, str]]) -> None:
    """Coloured labels beside the panel, top down (much cheaper to draw than a legend)."""
    figure = ax.get_figure(root=True)
    for row, (label, colour) in enumerate(entries):
        where = offset_copy(ax.transAxes, figure, y=-14 * row, units="points")
        ax.text(1.02, 1, label, transform=where, color=colour, fontsize=9, va="top")


def _y_labels(ax: Axes, values: Iterable[int]) -> None:
    """Light guide lines with their numbers (plain texts, cheaper than tick objects)."""
    rows = list(values)
    ax.set_yticks([])
    low, high = ax.get_xlim()
    ax.hlines(rows, low, high, colors="#e4e4e4", linewidths=0.8, zorder=0)
    left = ax.get_yaxis_transform()  # x in axes fractions, y in data
    for value in rows:
        ax.text(-0.012, value, str(value), transform=left, ha="right", va="center", fontsize=8)


def _label(week: Week) -> str:
    return f"{week.start.day} {_MONTHS[week.start.month - 1]}"
