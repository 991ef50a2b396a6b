"""The /progress chart is a sensible PNG, drawn off the event loop, or None without data."""

from __future__ import annotations

import asyncio
import struct
from datetime import date, timedelta
from typing import Any

import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.core.progress import Progress, progress
from bot.core.records import BodyReport, Completion, CompletionStatus
from bot.core.vocabulary import Area, Category, ReportKind
from bot.presentation.charts import render_progress_chart, render_progress_png

TODAY = date(2027, 6, 30)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def history(days: int, *, areas: tuple[Area, ...] = (Area.HAMSTRINGS,)) -> Progress:
    """``days`` days up to today: Sundays off, nearly every session done, reports on ``areas``."""
    planned: dict[date, Category | None] = {}
    logs: list[Completion] = []
    reports: list[BodyReport] = []
    for n in range(days):
        day = TODAY - timedelta(days=n)
        category = list(Category)[n % 3]
        planned[day] = None if day.weekday() == 6 else category
        if n % 11 == 4:
            logs.append(Completion(day, category, "s", CompletionStatus.SKIPPED))
        elif n % 13 != 6:
            logs.append(Completion(day, category, "s"))
        if areas and n % 3 == 0:
            area = areas[n % len(areas)]
            reports.append(BodyReport(day, area, ReportKind.SORENESS, severity=n % 8))
    return progress(planned, logs, reports, TODAY)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, after checking the PNG signature."""
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def assert_sensible_png(data: bytes | None) -> None:
    assert data is not None
    width, height = png_size(data)
    assert 600 <= width <= 1600
    assert 300 <= height <= 1200
    assert len(data) < 300 * 1024
    assert data.endswith(b"IEND\xaeB`\x82")


async def test_no_data_means_no_chart() -> None:
    empty = progress({TODAY: Category.MOBILITY}, [], [], TODAY)
    assert render_progress_png(empty) is None
    assert await render_progress_chart(empty) is None


@pytest.mark.parametrize(
    ("days", "areas"),
    [
        pytest.param(3, (Area.HAMSTRINGS,), id="three days"),
        pytest.param(1, (), id="one day, no reports"),
        pytest.param(20, tuple(Area), id="every area"),
        pytest.param(365, (Area.CALVES, Area.HIP_FLEXORS, Area.KNEE), id="a year"),
    ],
)
async def test_a_chart_is_a_sensible_png(days: int, areas: tuple[Area, ...]) -> None:
    numbers = history(days, areas=areas)
    assert numbers.has_data
    data = await render_progress_chart(numbers)
    assert_sensible_png(data)
    assert data is not None
    assert png_size(data) == (800, 500)


async def test_renders_at_once_are_all_whole_and_identical() -> None:
    numbers = history(120, areas=(Area.CALVES, Area.GLUTES))
    results = await asyncio.gather(*(render_progress_chart(numbers) for _ in range(4)))
    for data in results:
        assert_sensible_png(data)
    assert len(set(results)) == 1


async def test_the_event_loop_keeps_running_while_a_chart_renders() -> None:
    numbers = history(365)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.001)
            ticks += 1

    task = asyncio.create_task(ticker())
    try:
        assert_sensible_png(await render_progress_chart(numbers))
    finally:
        task.cancel()
    assert ticks > 0


def test_a_report_without_a_number_is_a_hollow_mark_on_the_axis(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue: an unrated pain report was drawn at 6/10 (a number never given), and another
    not at all. Only the runner's own numbers are plotted; a report without one is a
    hollow mark at 0, keyed as such."""
    drawn: list[tuple[list[float], list[float], dict[str, object]]] = []
    plot = Axes.plot

    def spy(self: Axes, xs: list[float], ys: list[float], **kwargs: object) -> object:
        drawn.append((list(xs), list(ys), kwargs))
        return plot(self, xs, ys, **kwargs)

    monkeypatch.setattr(Axes, "plot", spy)
    reports = [
        BodyReport(TODAY, Area.KNEE, ReportKind.PAIN, severity=None),
        BodyReport(TODAY - timedelta(days=7), Area.KNEE, ReportKind.PAIN, severity=3),
    ]
    shown = progress({TODAY: Category.MOBILITY}, [], reports, TODAY)
    assert_sensible_png(render_progress_png(shown))
    values = [y for _, ys, _ in drawn for y in ys]
    assert 6 not in values  # the planner's stand-in for unrated pain is never shown
    rated = [(xs, ys) for xs, ys, kw in drawn if kw.get("markerfacecolor") != "white"]
    hollow = [(xs, ys) for xs, ys, kw in drawn if kw.get("markerfacecolor") == "white"]
    assert rated == [([10], [3])]  # last week's 3/10, as said
    assert hollow == [([11], [0])]  # this week's report, without a number, on the axis


def test_every_key_label_fits_inside_the_picture(monkeypatch: pytest.MonkeyPatch) -> None:
    """A trial finding: the key's "no number" line was cut at the picture's edge. Each key
    text, drawn beside the panel, ends inside the figure (the longest area name too)."""
    ends: dict[str, tuple[float, float]] = {}
    save = Figure.savefig

    def measure(self: Figure, *args: Any, **kwargs: Any) -> None:
        save(self, *args, **kwargs)  # laid out: each text's place is known now
        renderer = self.canvas.get_renderer()  # type: ignore[attr-defined]
        for axes in self.axes:
            for text in axes.texts:
                if text.get_text()[:1] in "■□●○":
                    ends[text.get_text()] = (text.get_window_extent(renderer).x1, self.bbox.width)

    monkeypatch.setattr(Figure, "savefig", measure)
    longest = max(Area, key=lambda area: len(area.label))
    reports = [
        BodyReport(TODAY, longest, ReportKind.PAIN, severity=None),
        BodyReport(TODAY - timedelta(days=7), longest, ReportKind.PAIN, severity=3),
    ]
    shown = progress({TODAY: Category.MOBILITY}, [], reports, TODAY)
    assert_sensible_png(render_progress_png(shown))
    assert any(label.startswith("○") for label in ends)
    for label, (end, width) in ends.items():
        assert end <= width, label
