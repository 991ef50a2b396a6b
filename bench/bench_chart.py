"""How long /progress takes for a runner with a year of logs: planning the days, the numbers,
and the chart (warm, median of 20 renders).

Run: .venv/bin/python bench/bench_chart.py [out.png]
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from bot.core.content import load_content
from bot.core.phases import PhaseState
from bot.core.planner import Planner
from bot.core.progress import planned_days, progress, progress_summary
from bot.core.records import BodyReport, Completion, CompletionStatus, RunnerProfile
from bot.core.vocabulary import Area, Category, Level, Phase, ReportKind
from bot.presentation.charts import render_progress_png

TODAY = date(2027, 6, 30)
START = TODAY - timedelta(days=364)
RENDERS = 20


def year_of_logs() -> tuple[list[Completion], list[BodyReport]]:
    """Nearly daily logs (every 9th day skipped, every 13th forgotten) and weekly reports."""
    completions: list[Completion] = []
    reports: list[BodyReport] = []
    for offset in range(365):
        day = START + timedelta(days=offset)
        category = list(Category)[offset % 3]
        if offset % 13 == 5:
            continue
        status = CompletionStatus.SKIPPED if offset % 9 == 4 else CompletionStatus.DONE
        completions.append(Completion(day, category, "bench", status, rpe=5))
        if offset % 7 == 2:
            area = (Area.HAMSTRINGS, Area.CALVES, Area.HIP_FLEXORS, Area.KNEE)[offset % 4]
            kind = ReportKind.TIGHTNESS if offset % 2 else ReportKind.SORENESS
            reports.append(BodyReport(day, area, kind, severity=2 + offset % 5))
    return completions, reports


def main() -> None:
    planner = Planner(load_content())
    profile = RunnerProfile(level=Level.INTERMEDIATE, rest_days=frozenset({6}))
    state = PhaseState(Phase.DYNAMIC_BLOCK, started_on=TODAY - timedelta(days=20), block_number=2)
    completions, reports = year_of_logs()

    started = time.perf_counter()
    planned = planned_days(planner, profile, state, completions, reports, start=START, end=TODAY)
    planning = time.perf_counter() - started

    started = time.perf_counter()
    numbers = progress(planned, completions, reports, TODAY)
    summary = progress_summary(numbers)
    maths = time.perf_counter() - started

    png = render_progress_png(numbers)  # warm up: fonts, caches
    assert png is not None
    times, cpu = [], []
    for _ in range(RENDERS):
        started, started_cpu = time.perf_counter(), time.process_time()
        render_progress_png(numbers)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_bytes(png)

    print(f"planned_days, 365 days: {planning * 1000:.0f} ms")
    print(f"progress + summary: {maths * 1000:.1f} ms ({len(summary)} characters)")
    print(
        f"chart: median {statistics.median(times) * 1000:.0f} ms wall "
        f"({statistics.median(cpu) * 1000:.0f} ms CPU), max {max(times) * 1000:.0f} ms "
        f"over {RENDERS} renders, {len(png) // 1024} KB"
    )


if __name__ == "__main__":
    main()
