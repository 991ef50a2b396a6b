"""Plans per second on one core: a year of days for runners of every level and phase.

The first figure is the planner's own speed (its memos off); the second, with the memos on,
shows what repeated inputs cost (every plan is then a lookup).

Run: .venv/bin/python bench/bench_planner.py
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, timedelta

from bot.core.content import load_content
from bot.core.phases import PhaseState
from bot.core.planner import Planner
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.vocabulary import Area, Category, Equipment, Level, Phase, ReportKind, Side

START = date(2027, 1, 4)
PHASES = (Phase.BASE, Phase.DYNAMIC_BLOCK, Phase.REST_PHASE, Phase.RACE_SEASON)


def cases() -> list[tuple[RunnerProfile, PhaseState, list[Completion], list[BodyReport], date]]:
    """A mix of runners, phases, three weeks of history and a few reports."""
    out = []
    for index in range(400):
        level = list(Level)[index % 3]
        profile = RunnerProfile(
            level=level,
            desk_job=index % 2 == 0,
            equipment=frozenset({Equipment.BAND}) if index % 4 == 0 else frozenset(),
        )
        phase = PHASES[index % len(PHASES)]
        state = PhaseState(phase, started_on=START - timedelta(days=index % 40), block_number=1)
        if phase is Phase.RACE_SEASON:
            state = replace(state, race_date=START + timedelta(days=10))
        today = START + timedelta(days=index % 7)
        history = [
            Completion(today - timedelta(days=d), list(Category)[d % 3], "x") for d in range(1, 21)
        ]
        reports = (
            [BodyReport(today, Area.CALVES, ReportKind.SORENESS, Side.LEFT, 5)]
            if index % 5 == 0
            else []
        )
        out.append((profile, state, history, reports, today))
    return out


def main() -> None:
    content, work = load_content(), cases()
    for memo, label in ((False, "worked out afresh"), (True, "memoised, inputs repeating")):
        planner = Planner(content, memo=memo)
        for args in work:  # warm up
            planner.plan_for(*args)
        rounds = 25
        started = time.perf_counter()
        for _ in range(rounds):
            for args in work:
                planner.plan_for(*args)
        elapsed = time.perf_counter() - started
        count = rounds * len(work)
        rate = count / elapsed
        print(f"planner, {label}: {count} plans in {elapsed:.2f} s = {rate:,.0f} plans/s")


if __name__ == "__main__":
    main()
