"""The planner never prescribes what loads a protected area (docs/coaching.md, "Loads").

An area is protected while it is on a recovery hold, or while its latest report of the last
few days is a warning sign or pain or soreness above 5/10. Impact work (every hop, jump,
skip and bound) stays out of every plan while a warning sign blocks dynamic work.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import planner as planner_module
from bot.core.content import Content
from bot.core.phases import (
    Cleared,
    DayPassed,
    InvalidTransition,
    PhaseState,
    ReportReceived,
    transition,
)
from bot.core.planner import DailyPlan, Planner
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.restrictions import REPORT_MEMORY_DAYS
from bot.core.vocabulary import Area, Category, Equipment, Level, Phase, RedFlag, ReportKind, Side

from .conftest import shipped_content

# --- random runner lives (hypothesis) -----------------------------------------------------


@dataclass(frozen=True)
class Felt:
    """What a runner tells the coach on one day: a report, or that an area is fine again."""

    area: Area
    kind: ReportKind | None  # None: "it's fine now" (clears a hold, when one is on)
    severity: int | None = None
    red_flag: RedFlag | None = None


felt = st.builds(
    Felt,
    area=st.sampled_from(Area),
    kind=st.sampled_from(ReportKind) | st.none(),
    severity=st.none() | st.integers(0, 10) | st.sampled_from([4, 5, 6]),
    red_flag=st.none() | st.none() | st.sampled_from(RedFlag),
)


@dataclass(frozen=True)
class Life:
    """A runner, where they start, and what they say on which of the 35 days."""

    profile: RunnerProfile
    start: date
    phase: Phase
    block_number: int
    said: dict[int, list[Felt]]


lives = st.builds(
    Life,
    profile=st.builds(
        RunnerProfile,
        level=st.sampled_from(Level),
        desk_job=st.booleans(),
        equipment=st.frozensets(st.sampled_from([e for e in Equipment if e is not Equipment.NONE])),
        dynamic_days=st.sampled_from([1, 2]),
    ),
    start=st.dates(date(2025, 1, 1), date(2029, 12, 31)),
    phase=st.sampled_from([Phase.BASE, Phase.DYNAMIC_BLOCK, Phase.REST_PHASE]),
    block_number=st.integers(1, 3),
    said=st.dictionaries(st.integers(0, 34), st.lists(felt, max_size=3), max_size=12),
)


@dataclass
class Day:
    today: date
    state: PhaseState
    reports: tuple[BodyReport, ...]
    plan: DailyPlan


def live(life: Life, planner: Planner) -> list[Day]:
    """Walk one runner through 35 days, telling the coach what they feel on some of them."""
    state = PhaseState(
        life.phase, started_on=life.start, block_number=life.block_number, newcomer=False
    )
    history: list[Completion] = []
    reports: list[BodyReport] = []
    days: list[Day] = []
    for offset in range(35):
        today = life.start + timedelta(days=offset)
        if offset:
            state = transition(state, DayPassed(), today).state
        for said in life.said.get(offset, []):
            state = _tell(state, said, today, reports)
        plan = planner.plan_for(life.profile, state, history, reports, today)
        days.append(Day(today, state, tuple(reports), plan))
        if plan.category is not None and plan.session_id is not None:
            history.append(Completion(today, plan.category, plan.session_id))
    return days


def _tell(state: PhaseState, said: Felt, today: date, reports: list[BodyReport]) -> PhaseState:
    try:
        if said.kind is None:
            return transition(state, Cleared(said.area), today).state
        flags = frozenset({said.red_flag}) if said.red_flag else frozenset()
        reports.append(BodyReport(today, said.area, said.kind, Side.LEFT, said.severity, flags))
        return transition(state, ReportReceived(said.area, bool(flags)), today).state
    except InvalidTransition:
        return state


def latest_reports(reports: tuple[BodyReport, ...], today: date) -> dict[Area, BodyReport]:
    """Each area's latest report of the last few days (a later one the same day wins)."""
    since = today - timedelta(days=REPORT_MEMORY_DAYS - 1)
    latest: dict[Area, BodyReport] = {}
    for report in reports:
        if since <= report.on <= today:
            current = latest.get(report.area)
            if current is None or report.on >= current.on:
                latest[report.area] = report
    return latest


def protected(day: Day) -> set[Area]:
    """Areas nothing may load today, worked out from the rules, not from the planner."""
    areas = set(day.state.held_areas)
    for area, report in latest_reports(day.reports, day.today).items():
        too_much = report.severity is not None and report.severity > 5
        if report.red_flags or (report.kind is not ReportKind.TIGHTNESS and too_much):
            areas.add(area)
    return areas


def warning_sign_on(day: Day) -> bool:
    recent = latest_reports(day.reports, day.today).values()
    return bool(day.state.held_areas) or any(report.red_flags for report in recent)


#: One planner across examples, so its memos also hold other lives' days.
SHARED = Planner(shipped_content())


@settings(max_examples=120, deadline=None)
@given(lives)
def test_no_plan_loads_a_held_or_too_painful_area(life: Life) -> None:
    content = shipped_content()
    for day in live(life, SHARED):
        guarded = protected(day)
        for planned in day.plan.exercises:
            loads = set(content.exercises[planned.exercise_id].loads)
            assert not loads & guarded, (day.today, planned.exercise_id, planned.part, guarded)


@settings(max_examples=120, deadline=None)
@given(lives)
def test_no_landing_while_a_warning_sign_blocks_dynamic_work(life: Life) -> None:
    content = shipped_content()
    for day in live(life, SHARED):
        if warning_sign_on(day):
            assert day.plan.category is not Category.DYNAMIC
            landings = [
                e.exercise_id for e in day.plan.exercises if content.exercises[e.exercise_id].impact
            ]
            assert not landings, (day.today, landings)


# --- scenarios --------------------------------------------------------------------------------

TUESDAY = date(2026, 12, 1)
BLOCK = PhaseState(Phase.DYNAMIC_BLOCK, started_on=TUESDAY - timedelta(days=15), block_number=1)
RUNNERS = [
    RunnerProfile(level=level, desk_job=desk, equipment=kit)
    for level in Level
    for desk in (False, True)
    for kit in (frozenset(), frozenset(Equipment) - {Equipment.NONE})
]
RUNNER_IDS = [
    f"{r.level}{'-desk' if r.desk_job else ''}{'-kit' if r.equipment else ''}" for r in RUNNERS
]
GROIN_SENSITIVE_JUMPS = {
    "pogo-hops",
    "single-leg-pogo-hops",
    "power-skips",
    "lateral-line-hops",
    "single-leg-lateral-hops",
    "skater-bounds",
}
HIP_MOBILITY = {
    "hip-90-90-switches",
    "seated-90-90-hold",
    "frog-rock-backs",
    "adductor-rock-backs",
    "pigeon-stretch",
    "figure-4-stretch",
    "deep-squat-hold",
    "hip-cars",
    "standing-hip-flexor-stretch",
    "half-kneeling-hip-flexor-stretch",
    "couch-stretch",
}


def ids(plan: DailyPlan) -> set[str]:
    return {e.exercise_id for e in plan.exercises}


def loaded(plan: DailyPlan, content: Content) -> set[Area]:
    return {area for e in plan.exercises for area in content.exercises[e.exercise_id].loads}


@pytest.mark.parametrize("runner", RUNNERS, ids=RUNNER_IDS)
@pytest.mark.parametrize("block_number", [1, 2, 3])
@pytest.mark.parametrize(
    "groin",
    [
        BodyReport(TUESDAY, Area.GROIN, ReportKind.PAIN, Side.RIGHT, 5),
        BodyReport(TUESDAY, Area.GROIN, ReportKind.PAIN, Side.BOTH, 3),
        BodyReport(TUESDAY, Area.GROIN, ReportKind.SORENESS, Side.LEFT, 7),
        BodyReport(TUESDAY - timedelta(days=2), Area.GROIN, ReportKind.PAIN, Side.LEFT, 5),
    ],
    ids=["pain-5-today", "pain-3", "sore-7", "pain-5-two-days-ago"],
)
def test_a_sore_groin_keeps_every_hop_off_the_jump_day(
    planner: Planner, content: Content, runner: RunnerProfile, block_number: int, groin: BodyReport
) -> None:
    plan = planner.plan_for(runner, replace(BLOCK, block_number=block_number), [], [groin], TUESDAY)
    assert not ids(plan) & GROIN_SENSITIVE_JUMPS
    assert not any(content.exercises[e].impact for e in ids(plan))
    assert Area.GROIN not in loaded(plan, content)
    assert any("groin" in line and "nothing today loads it" in line for line in plan.adjustments)


def test_without_the_groin_report_the_same_day_has_hops(planner: Planner, content: Content) -> None:
    # The week's first jump day (placement moves it: docs/coaching.md, "Programme: placement").
    for block_number in (1, 2, 3):
        week = planner.week_ahead(
            RUNNERS[0], replace(BLOCK, block_number=block_number), [], [], TUESDAY
        )
        plan = next(plan for plan in week if plan.category is Category.DYNAMIC)
        assert any(content.exercises[e].impact for e in ids(plan))


def test_the_groin_stays_spared_for_the_days_the_report_counts(
    planner: Planner, content: Content
) -> None:
    groin = BodyReport(TUESDAY, Area.GROIN, ReportKind.PAIN, Side.LEFT, 5)
    for runner in RUNNERS:
        week = planner.week_ahead(runner, BLOCK, [], [groin], TUESDAY, days=REPORT_MEMORY_DAYS)
        for plan in week:
            assert Area.GROIN not in loaded(plan, content), (runner, plan.on)
            assert not ids(plan) & GROIN_SENSITIVE_JUMPS


@pytest.mark.parametrize("runner", RUNNERS, ids=RUNNER_IDS)
@pytest.mark.parametrize("area", [Area.HIPS, Area.GROIN])
@pytest.mark.parametrize("flag", [RedFlag.PAIN_ON_WALKING, RedFlag.SHARP_PAIN, RedFlag.NIGHT_PAIN])
def test_a_hip_hold_takes_hip_mobility_out_of_every_session(
    planner: Planner, content: Content, runner: RunnerProfile, area: Area, flag: RedFlag
) -> None:
    walking_hurts = BodyReport(TUESDAY, area, ReportKind.PAIN, Side.RIGHT, 4, frozenset({flag}))
    hold = transition(BLOCK, ReportReceived(area, red_flag=True), TUESDAY).state
    assert hold.phase is Phase.RECOVERY_HOLD
    for plan in planner.week_ahead(runner, hold, [], [walking_hurts], TUESDAY, days=10):
        assert not ids(plan) & HIP_MOBILITY, plan.on
        assert area not in loaded(plan, content), plan.on
        assert not any(content.exercises[e].impact for e in ids(plan))
        assert not any("desk hours" in (e.note or "") for e in plan.exercises)


def test_a_hip_hold_long_after_the_report_still_spares_the_hip(
    planner: Planner, content: Content
) -> None:
    hold = transition(BLOCK, ReportReceived(Area.HIPS, red_flag=True), TUESDAY).state
    later = TUESDAY + timedelta(days=20)
    for runner in RUNNERS:
        for plan in planner.week_ahead(runner, hold, [], [], later):
            assert not ids(plan) & HIP_MOBILITY
            assert Area.HIPS not in loaded(plan, content)


def test_a_warning_sign_keeps_landings_out_even_if_the_day_were_a_jump_day(
    monkeypatch: pytest.MonkeyPatch, content: Content
) -> None:
    """The rhythm already refuses a jump day; the exercise filter refuses landings as well."""
    monkeypatch.setattr(
        planner_module, "choose_category", lambda *_: (Category.DYNAMIC, "Dynamic day")
    )
    fresh = Planner(content, memo=False)
    # a warning sign in an area no pogo or ankle hop loads: only the flag itself can stop them
    tingling = BodyReport(
        TUESDAY,
        Area.LOWER_BACK,
        ReportKind.PAIN,
        Side.LEFT,
        3,
        frozenset({RedFlag.NUMBNESS_TINGLING}),
    )
    for runner in RUNNERS:
        plan = fresh.plan_for(runner, BLOCK, [], [tingling], TUESDAY)
        assert plan.category is not Category.DYNAMIC
        assert not {e for e in ids(plan) if content.exercises[e].category is Category.DYNAMIC}
        assert plan.advice is not None
