"""Rules the planner must keep on every day of any training history (hypothesis)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.content import PHASE_CATEGORIES
from bot.core.phases import (
    DayPassed,
    InvalidTransition,
    PhaseState,
    RaceDateSet,
    ReportReceived,
    transition,
)
from bot.core.planner import DailyPlan, Planner
from bot.core.records import BodyReport, Completion, CompletionStatus, RunnerProfile
from bot.core.restrictions import restrictions_for
from bot.core.vocabulary import Area, Category, Equipment, Level, Phase, RedFlag, ReportKind

from .conftest import shipped_content

NORMAL_TRAINING = {Phase.BASE, Phase.DYNAMIC_BLOCK, Phase.REST_PHASE, Phase.RACE_SEASON}

profiles = st.builds(
    RunnerProfile,
    level=st.sampled_from(Level),
    desk_job=st.booleans(),
    equipment=st.frozensets(st.sampled_from([e for e in Equipment if e is not Equipment.NONE])),
    rest_days=st.frozensets(st.integers(0, 6), max_size=3),
    dynamic_days=st.sampled_from([1, 2]),
)
starts = st.dates(date(2024, 1, 1), date(2030, 12, 31))
reports = st.builds(
    BodyReport,
    on=st.just(date.min),
    area=st.sampled_from(Area),
    kind=st.sampled_from(ReportKind),
    severity=st.none() | st.integers(0, 10),
    red_flags=st.frozensets(st.sampled_from(RedFlag), max_size=1),
)


@dataclass
class Run:
    """One simulated runner: each day's phase, plan and what they did."""

    days: list[tuple[date, PhaseState, DailyPlan]] = field(default_factory=list)
    history: list[Completion] = field(default_factory=list)
    reports: list[BodyReport] = field(default_factory=list)


def simulate(
    profile: RunnerProfile,
    start: date,
    days: int,
    *,
    race_in: int | None = None,
    skips: frozenset[int] = frozenset(),
    report_days: dict[int, BodyReport] | None = None,
    planner: Planner | None = None,
) -> Run:
    """Walk a runner from a base phase day by day, doing every plan except on ``skips``."""
    planner = planner or Planner(shipped_content())
    state = PhaseState(Phase.BASE, started_on=start, newcomer=False)
    run = Run()
    for offset in range(days):
        today = start + timedelta(days=offset)
        if offset:
            state = transition(state, DayPassed(), today).state
        if race_in is not None and offset == 0:
            state = transition(state, RaceDateSet(start + timedelta(days=race_in)), today).state
        if report_days and offset in report_days:
            sent = replace(report_days[offset], on=today)
            run.reports.append(sent)
            try:
                flagged = bool(sent.red_flags)
                state = transition(state, ReportReceived(sent.area, flagged), today).state
            except InvalidTransition:
                pass
        plan = planner.plan_for(profile, state, run.history, run.reports, today)
        run.days.append((today, state, plan))
        if plan.category is not None and plan.session_id is not None:
            status = CompletionStatus.SKIPPED if offset in skips else CompletionStatus.DONE
            run.history.append(Completion(today, plan.category, plan.session_id, status))
    return run


@settings(max_examples=60, deadline=None)
@given(profiles, starts, st.none() | st.integers(5, 120))
def test_plans_respect_phase_kit_and_race(
    profile: RunnerProfile, start: date, race_in: int | None
) -> None:
    content = shipped_content()
    run = simulate(profile, start, 140, race_in=race_in)
    for today, state, plan in run.days:
        if plan.category is not None:
            assert plan.category in PHASE_CATEGORIES[state.phase]
        if state.phase is Phase.RACE_SEASON:
            assert plan.category is not Category.DYNAMIC
        if state.race_date and 0 <= (state.race_date - today).days < 21:
            assert plan.category is not Category.DYNAMIC
        for exercise in plan.exercises:
            needs = content.exercises[exercise.exercise_id].needs
            assert needs <= profile.equipment


@settings(max_examples=60, deadline=None)
@given(profiles, starts, st.frozensets(st.integers(0, 139)), st.none() | st.integers(5, 120))
def test_dynamic_sessions_are_at_least_48_hours_apart(
    profile: RunnerProfile, start: date, skips: frozenset[int], race_in: int | None
) -> None:
    run = simulate(profile, start, 140, skips=skips, race_in=race_in)
    done = sorted(c.on for c in run.history if c.done and c.category is Category.DYNAMIC)
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(done))
    planned = [d for d, _, p in run.days if p.category is Category.DYNAMIC]
    if not skips:
        assert all((b - a).days >= 2 for a, b in itertools.pairwise(planned))


@settings(max_examples=60, deadline=None)
@given(profiles, starts, st.none() | st.integers(5, 120))
def test_static_strength_in_every_ten_day_window(
    profile: RunnerProfile, start: date, race_in: int | None
) -> None:
    run = simulate(profile, start, 140, race_in=race_in)
    for first in range(len(run.days) - 9):
        window = run.days[first : first + 10]
        if all(state.phase in NORMAL_TRAINING for _, state, _ in window):
            assert any(plan.category is Category.STATIC for _, _, plan in window), window[0][0]


@settings(max_examples=60, deadline=None)
@given(profiles, starts, st.dictionaries(st.integers(0, 59), reports, max_size=6))
def test_reported_areas_are_spared(
    profile: RunnerProfile, start: date, report_days: dict[int, BodyReport]
) -> None:
    content = shipped_content()
    run = simulate(profile, start, 60, report_days=report_days)
    for today, state, plan in run.days:
        limits = restrictions_for(run.reports, state.held_areas, today)
        for exercise in plan.exercises:
            spec = content.exercises[exercise.exercise_id]
            assert not set(spec.loads) & limits.no_load
            if spec.category is Category.DYNAMIC:
                assert not set(spec.loads) & limits.caution
                assert not limits.blocks_dynamic
        if limits.blocks_dynamic:
            assert plan.advice is not None or plan.is_rest


@settings(max_examples=30, deadline=None)
@given(profiles, starts)
def test_planning_is_deterministic(profile: RunnerProfile, start: date) -> None:
    assert simulate(profile, start, 30).days == simulate(profile, start, 30).days


#: One memoised planner for every example below, so its memos fill with other lives' days.
SHARED = Planner(shipped_content())


@settings(max_examples=40, deadline=None)
@given(
    profiles,
    starts,
    st.frozensets(st.integers(0, 27)),
    st.dictionaries(st.integers(0, 27), reports, max_size=4),
)
def test_memoised_plans_equal_plans_worked_out_afresh(
    profile: RunnerProfile, start: date, skips: frozenset[int], felt: dict[int, BodyReport]
) -> None:
    fresh = Planner(shipped_content(), memo=False)
    lives = {
        planner: simulate(profile, start, 28, skips=skips, report_days=felt, planner=planner)
        for planner in (SHARED, fresh)
    }
    assert lives[SHARED].days == lives[fresh].days
