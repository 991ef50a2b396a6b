"""Placement around the runner's own week (docs/coaching.md, "Programme: placement").

Property tests over random runner weeks: every rule holds on every day of a block; hand
cases for the why lines and the week that has one dynamic day fewer.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.phases import (
    POST_RACE_DAYS,
    POST_RACE_DAYS_BY_DISTANCE,
    POST_RACE_MOBILITY_DAYS,
    DayPassed,
    OnboardingFinished,
    PhaseState,
    RaceDateSet,
    new_runner,
    post_race_days,
    transition,
)
from bot.core.planner import RAMP_TIP, DailyPlan, Planner
from bot.core.records import Completion, CompletionStatus, RunnerProfile
from bot.core.rhythm import second_day_arrives, weekly_capacity
from bot.core.vocabulary import Category, Level, Phase, RaceDistance

from .conftest import shipped_content

PLANNER = Planner(shipped_content())
BLOCK_WEEKS = 8


@st.composite
def runner_weeks(draw: st.DrawFn) -> RunnerProfile:
    """A runner with a random running week (any of it may be missing)."""
    rest = draw(st.frozensets(st.integers(0, 6), max_size=3))
    long_run = draw(st.none() | st.integers(0, 6))
    hard = draw(st.frozensets(st.integers(0, 6), max_size=4))
    if long_run is not None:
        hard -= {long_run}
    runs = draw(st.frozensets(st.integers(0, 6)))
    return RunnerProfile(
        level=draw(st.sampled_from(Level)),
        rest_days=rest,
        dynamic_days=draw(st.sampled_from([1, 2])),
        run_days=runs,
        long_run_day=long_run,
        hard_days=hard,
        race_distance=draw(st.none() | st.sampled_from(RaceDistance)),
        minutes=draw(st.sampled_from([10, 20, 30])),
    )


starts = st.dates(date(2025, 1, 1), date(2030, 12, 31))
#: One remembering planner for every example: a fill remembered for one runner must fit
#: every other runner it is handed to.
REMEMBERING = Planner(shipped_content())


def block_plans(profile: RunnerProfile, start: date, block_number: int) -> list[DailyPlan]:
    """Every day of a dynamic block from ``start``, each session done."""
    state = PhaseState(
        Phase.DYNAMIC_BLOCK, started_on=start, block_number=block_number, block_weeks=BLOCK_WEEKS
    )
    return PLANNER.week_ahead(profile, state, [], [], start, days=BLOCK_WEEKS * 7)


def target(profile: RunnerProfile, plan: DailyPlan, block_number: int) -> int:
    """Every block eases in: a beginner's first two weeks, anyone else's first week."""
    del block_number  # every block alike
    easing_weeks = 2 if profile.level is Level.BEGINNER else 1
    return 1 if plan.week <= easing_weeks else profile.dynamic_days


def tomorrow_is_key(profile: RunnerProfile, day: date) -> bool:
    return (day.weekday() + 1) % 7 in profile.key_days


@settings(max_examples=60, deadline=None)
@given(runner_weeks(), starts, st.integers(1, 3))
def test_every_placement_rule_holds_on_every_day(
    profile: RunnerProfile, start: date, block_number: int
) -> None:
    plans = block_plans(profile, start, block_number)
    jump_days = [plan.on for plan in plans if plan.category is Category.DYNAMIC]
    for plan in plans:
        weekday = plan.on.weekday()
        if weekday in profile.rest_days:  # rest days kept free
            assert plan.is_rest
        if plan.category is Category.DYNAMIC:
            # never the long-run day, nor the day before the long run or a hard session
            assert weekday != profile.long_run_day
            assert not tomorrow_is_key(profile, plan.on)
            # at most the target in any rolling 7 days (those ending on this day)
            window = [day for day in jump_days if plan.on - timedelta(days=6) <= day <= plan.on]
            assert len(window) <= target(profile, plan, block_number)
        if plan.category is Category.STATIC:  # static not before the long run or hard days
            assert not tomorrow_is_key(profile, plan.on)
            assert weekday != profile.long_run_day  # nor on the long run's tired legs
    for earlier, later in itertools.pairwise(jump_days):
        assert (later - earlier).days >= 2  # at least 48 h apart


@settings(max_examples=40, deadline=None)
@given(runner_weeks(), starts)
def test_a_week_that_can_hold_jumps_gets_them_and_one_that_cannot_says_why(
    profile: RunnerProfile, start: date
) -> None:
    plans = block_plans(profile, start, 2)
    jumps = [plan for plan in plans if plan.category is Category.DYNAMIC]
    capacity = weekly_capacity(profile, profile.dynamic_days)
    if capacity == 0:
        assert not jumps
        assert any("no jumps this week" in plan.why for plan in plans if not plan.is_rest)
    else:
        assert jumps
        # no 14 days without jumps once the block runs
        days = [plan.on for plan in jumps]
        assert all((b - a).days <= 14 for a, b in itertools.pairwise(days))
    if 0 < capacity < profile.dynamic_days:  # once the block has eased in
        eased = [plan for plan in jumps if target(profile, plan, 2) == profile.dynamic_days]
        assert all("one jump day a week, not two" in plan.why for plan in eased)


TUESDAY = date(2026, 12, 1)
INTERVALS_TUE_LONG_SUN = RunnerProfile(
    level=Level.INTERMEDIATE,
    run_days=frozenset({1, 3, 4, 6}),
    long_run_day=6,
    hard_days=frozenset({1}),
)


def test_the_why_line_gives_the_reason() -> None:
    plans = block_plans(INTERVALS_TUE_LONG_SUN, TUESDAY - timedelta(days=1), 2)
    jumps = [plan for plan in plans if plan.category is Category.DYNAMIC]
    assert {plan.on.weekday() for plan in jumps} <= {1, 2, 3, 4}
    friday = next(plan for plan in jumps if plan.on.weekday() == 4)
    assert friday.why.startswith("Jumps today: an easy run day and the long run is in two days")
    tuesday = next(plan for plan in jumps if plan.on.weekday() == 1)
    assert tuesday.why.startswith(
        "Jumps today, after your hard session (ideally about 6 hours later): "
        "the long run is in 5 days"
    )
    monday = next(plan for plan in plans if plan.on.weekday() == 0)
    assert monday.category is Category.MOBILITY
    assert "your hard session is tomorrow" in monday.why
    saturday = next(plan for plan in plans if plan.on.weekday() == 5)
    assert saturday.category is not Category.DYNAMIC
    assert "your long run is tomorrow" in saturday.why


@settings(max_examples=40, deadline=None)
@given(runner_weeks(), starts, st.sampled_from([Phase.BASE, Phase.REST_PHASE, Phase.RACE_SEASON]))
def test_no_strength_on_the_long_run_day_in_any_phase(
    profile: RunnerProfile, start: date, phase: Phase
) -> None:
    race = start + timedelta(days=20) if phase is Phase.RACE_SEASON else None
    state = PhaseState(phase, started_on=start, race_date=race)
    plans = PLANNER.week_ahead(profile, state, [], [], start, days=20)
    for plan in plans:
        if plan.on.weekday() == profile.long_run_day:
            assert plan.category is not Category.STATIC
            if not plan.is_rest:
                assert plan.category is Category.MOBILITY


def test_the_long_run_day_says_strength_waits() -> None:
    profile = RunnerProfile(level=Level.BEGINNER, run_days=frozenset({1, 3, 6}), long_run_day=6)
    state = PhaseState(Phase.BASE, started_on=TUESDAY - timedelta(days=1))
    plans = PLANNER.week_ahead(profile, state, [], [], TUESDAY - timedelta(days=1), days=28)
    sundays = [plan for plan in plans if plan.on.weekday() == 6]
    assert all(plan.category is Category.MOBILITY for plan in sundays)
    assert any("strength waits: it is your long-run day" in plan.why for plan in sundays)


def test_hard_days_most_of_the_week_leave_one_jump_day_and_say_so() -> None:
    # Long run Sun, hard Tue to Fri: only Fri keeps clear (Sat is the day before the long run)
    profile = RunnerProfile(level=Level.ADVANCED, long_run_day=6, hard_days=frozenset({1, 2, 3, 4}))
    capacity = weekly_capacity(profile, 2)
    plans = block_plans(profile, TUESDAY, 2)
    jumps = [plan for plan in plans if plan.category is Category.DYNAMIC]
    assert capacity == 1
    assert jumps
    assert all("one jump day a week, not two" in plan.why for plan in jumps)


def test_no_day_for_jumps_means_none_and_the_why_says_so() -> None:
    profile = RunnerProfile(long_run_day=6, hard_days=frozenset({0, 1, 2, 3, 4, 5}))
    assert weekly_capacity(profile, 2) == 0
    plans = block_plans(profile, TUESDAY, 2)
    assert not any(plan.category is Category.DYNAMIC for plan in plans)
    assert "no jumps this week" in plans[0].why


def test_no_jumps_the_day_before_a_race() -> None:
    race = TUESDAY + timedelta(days=20)
    state = PhaseState(Phase.DYNAMIC_BLOCK, started_on=TUESDAY, block_number=2, race_date=race)
    plans = PLANNER.week_ahead(RunnerProfile(), state, [], [], TUESDAY, days=20)
    assert all(
        plan.category is not Category.DYNAMIC for plan in plans if plan.on == race - timedelta(1)
    )


# ---------------------------------------------------------------- post-race recovery


def test_recovery_scales_with_the_distance() -> None:
    assert post_race_days(None) == POST_RACE_DAYS == 7
    assert POST_RACE_DAYS_BY_DISTANCE == {
        RaceDistance.FIVE_K: 3,
        RaceDistance.TEN_K: 7,
        RaceDistance.HALF: 14,
        RaceDistance.MARATHON: 28,
        RaceDistance.ULTRA: 35,
    }
    assert post_race_days(RaceDistance.ULTRA) >= post_race_days(RaceDistance.MARATHON)


def race_then_recovery(distance: RaceDistance | None, race: date) -> list[tuple[date, Phase]]:
    start = race - timedelta(days=60)
    state = new_runner(start)
    state = transition(state, RaceDateSet(race), start).state
    state = transition(state, OnboardingFinished(), start).state
    state = replace(state, race_distance=distance)
    days: list[tuple[date, Phase]] = []
    day = start
    while day <= race + timedelta(days=50):
        day += timedelta(days=1)
        state = transition(state, DayPassed(), day).state
        days.append((day, state.phase))
    return days


@settings(max_examples=30, deadline=None)
@given(st.none() | st.sampled_from(RaceDistance), starts)
def test_post_race_recovery_lasts_its_days_then_training_resumes(
    distance: RaceDistance | None, race: date
) -> None:
    phases = dict(race_then_recovery(distance, race))
    days = post_race_days(distance)
    for offset in range(1, days + 1):
        assert phases[race + timedelta(days=offset)] is Phase.POST_RACE_RECOVERY
    assert phases[race + timedelta(days=days + 1)] is not Phase.POST_RACE_RECOVERY


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(RaceDistance), runner_weeks())
def test_post_race_no_jumps_and_strength_only_after_the_first_week(
    distance: RaceDistance, profile: RunnerProfile
) -> None:
    after = TUESDAY + timedelta(days=1)
    state = PhaseState(
        Phase.POST_RACE_RECOVERY, started_on=after, block_number=2, race_distance=distance
    )
    plans = PLANNER.week_ahead(profile, state, [], [], after, days=post_race_days(distance))
    for plan in plans:
        assert plan.phase is Phase.POST_RACE_RECOVERY
        assert plan.category is not Category.DYNAMIC
        if (plan.on - after).days < POST_RACE_MOBILITY_DAYS:
            assert plan.category in {None, Category.MOBILITY}
    room = any(
        day not in profile.rest_days
        and day != profile.long_run_day
        and (day + 1) % 7 not in profile.key_days
        for day in range(7)
    )  # no day for strength (each rests, is the long run's or comes before a key day): none
    if post_race_days(distance) > POST_RACE_MOBILITY_DAYS + 7 and room:
        strength = [plan for plan in plans if plan.category is Category.STATIC]
        assert strength
        assert all(plan.why.startswith("Light strength") for plan in strength)


@settings(max_examples=40, deadline=None)
@given(
    runner_weeks(),
    starts,
    st.lists(st.tuples(st.integers(1, 20), st.sampled_from(Category), st.booleans()), max_size=12),
)
def test_the_fill_memo_never_changes_a_plan(
    profile: RunnerProfile, start: date, logs: list[tuple[int, Category, bool]]
) -> None:
    """Past days with no log are filled in with what was planned; remembering those kinds
    (``FillMemo``) gives the very plan working them out afresh does."""
    today = start + timedelta(days=30)
    state = PhaseState(Phase.DYNAMIC_BLOCK, started_on=start, block_number=1)
    history = sorted(
        {
            back: Completion(
                today - timedelta(days=back),
                category,
                "s",
                status=CompletionStatus.DONE if done else CompletionStatus.SKIPPED,
            )
            for back, category, done in logs
        }.values(),
        key=lambda c: c.on,
    )
    afresh = Planner(shipped_content(), memo=False)
    for offset in range(7):  # later days and other runners meet the memo's earlier fills
        day = today + timedelta(days=offset)
        remembered = REMEMBERING.plan_for(profile, state, history, [], day)
        assert remembered == afresh.plan_for(profile, state, history, [], day)


@settings(max_examples=30, deadline=None)
@given(runner_weeks(), starts)
def test_the_ramp_tip_is_on_the_ramp_weeks_jump_sessions_only(
    profile: RunnerProfile, start: date
) -> None:
    state = PhaseState(
        Phase.DYNAMIC_BLOCK, started_on=start, block_number=2, block_weeks=BLOCK_WEEKS
    )
    for plan in block_plans(profile, start, 2):
        ramping = second_day_arrives(profile, state, plan.on) is not None
        lands = plan.category is Category.DYNAMIC and any(e.impact for e in plan.exercises)
        assert (RAMP_TIP in plan.tips) is (ramping and lands)


def test_a_beginners_lighter_jump_sessions_say_why() -> None:
    # a beginner eases in for two weeks, then two weeks of lighter sessions as the second
    # jump day arrives: below the range's low end (80), and the tip says why
    monday = date(2026, 12, 7)
    profile = RunnerProfile(level=Level.BEGINNER, run_days=frozenset({1, 3, 6}), long_run_day=6)
    jumps = [p for p in block_plans(profile, monday, 1) if p.category is Category.DYNAMIC]
    for plan in jumps:
        contacts = sum(e.contacts for e in plan.exercises)
        if plan.week in {3, 4}:
            assert contacts < 80
            assert RAMP_TIP in plan.tips
        else:
            assert RAMP_TIP not in plan.tips


def free_weekdays(profile: RunnerProfile) -> list[int]:
    """Weekdays that may carry strength or jumps (as ``rhythm`` places them)."""
    return [
        day
        for day in range(7)
        if day not in profile.rest_days
        and day != profile.long_run_day
        and not tomorrow_is_key(profile, date(2024, 1, 1) + timedelta(days=day))
    ]


@settings(max_examples=60, deadline=None)
@given(runner_weeks(), starts, st.integers(1, 3))
def test_strength_comes_at_least_every_ten_days_when_the_week_has_room(
    profile: RunnerProfile, start: date, block_number: int
) -> None:
    # README: static strength at least once in every 10 days. A week with one free day only
    # lets strength and jumps take turns on it.
    if len(free_weekdays(profile)) < 2:
        return
    plans = block_plans(profile, start, block_number)
    strength = [plan.on for plan in plans if plan.category is Category.STATIC]
    assert strength
    assert (strength[0] - start).days <= 10
    for earlier, later in itertools.pairwise(strength):
        assert (later - earlier).days <= 10


def test_two_free_days_a_week_give_one_jump_day_and_one_strength_day() -> None:
    # hard Tue and Thu, rest Fri, long run Sun: only Tue and Thu keep clear
    profile = RunnerProfile(
        level=Level.ADVANCED,
        long_run_day=6,
        hard_days=frozenset({1, 3}),
        rest_days=frozenset({4}),
        dynamic_days=2,
    )
    assert weekly_capacity(profile, 2) == 1
    plans = block_plans(profile, TUESDAY, 2)
    jumps = [plan for plan in plans if plan.category is Category.DYNAMIC]
    assert jumps
    assert all("strength needs the other" in plan.why for plan in jumps[1:])
