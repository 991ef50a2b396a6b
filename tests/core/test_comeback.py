"""The graded way back (bot/core/comeback.py; docs/coaching.md, "Graded way back").

After a hold, a pause over 7 days or a break over 7 days without logs: mobility only, then
static strength, then a few low hops (at most 30 contacts), then the normal dose; each step
only after a session at the stage went at pain 2/10 or less and settled by next morning.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import comeback
from bot.core.comeback import LOW_HOP_CONTACTS, LOW_HOPS, Feel, Stage, stage_of
from bot.core.phases import (
    Cleared,
    DayPassed,
    PauseRequested,
    PhaseState,
    ReportReceived,
    transition,
)
from bot.core.planner import LOW_HOPS_TITLE, DailyPlan, Planner
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.vocabulary import Area, Category, Equipment, Level, Phase, ReportKind

from .conftest import shipped_content

D = date(2027, 3, 1)  # a Monday


def day(n: int) -> date:
    return D + timedelta(days=n)


def block(**extra: object) -> PhaseState:
    """Week 1 of a first dynamic block from D."""
    values: dict[str, object] = {"block_number": 1} | extra
    return PhaseState(Phase.DYNAMIC_BLOCK, D, **values)  # type: ignore[arg-type]


def no_jumps(plan: DailyPlan) -> bool:
    content = shipped_content()
    return all(
        not content.exercises[item.exercise_id].impact
        and content.exercises[item.exercise_id].category is not Category.DYNAMIC
        for item in plan.exercises
    )


def walk(state: PhaseState, on: date) -> PhaseState:
    return transition(state, DayPassed(), on).state


# --- the review's cases ---------------------------------------------------------------------


def test_an_18_day_hold_mid_block_comes_back_at_mobility_not_week_6(planner: Planner) -> None:
    profile = RunnerProfile(level=Level.ADVANCED)
    state = walk(block(), day(20))
    state = transition(state, ReportReceived(Area.KNEE, red_flag=True), day(20)).state
    assert state.phase is Phase.RECOVERY_HOLD
    back = transition(state, Cleared(None), day(38)).state  # 18 days on hold
    assert back.phase is Phase.DYNAMIC_BLOCK
    assert stage_of(back) is Stage.MOBILITY
    for offset in range(7):  # silent: the stage holds, and no jump comes back on its own
        on = day(38 + offset)
        plan = planner.plan_for(profile, walk(back, on), [], [], on)
        assert plan.is_rest or plan.category is Category.MOBILITY
        assert no_jumps(plan)


def test_a_20_day_pause_puts_no_plyometrics_on_the_second_day_back(planner: Planner) -> None:
    profile = RunnerProfile(level=Level.INTERMEDIATE)
    state = walk(block(), day(28))  # week 5
    state = transition(state, PauseRequested(until=day(47)), day(28)).state
    back = walk(state, day(48))  # 20 days away
    assert back.phase is Phase.DYNAMIC_BLOCK
    assert stage_of(back) is Stage.MOBILITY
    for on in (day(48), day(49)):
        plan = planner.plan_for(profile, back, [], [], on)
        assert no_jumps(plan), plan.exercises


def test_a_short_pause_needs_no_way_back() -> None:
    state = transition(block(), PauseRequested(until=day(14)), day(10)).state
    back = walk(state, day(15))  # 5 days away
    assert stage_of(back) is Stage.FULL


def test_a_pause_from_a_hold_keeps_the_hold_and_no_stage_yet() -> None:
    held = transition(block(), ReportReceived(Area.CALVES, red_flag=True), day(3)).state
    paused = transition(held, PauseRequested(until=day(20)), day(4)).state
    back = walk(paused, day(21))
    assert back.phase is Phase.RECOVERY_HOLD
    assert stage_of(back) is Stage.FULL  # the stage starts when the hold ends


def test_a_break_without_logs_over_a_week_starts_the_way_back() -> None:
    state = walk(block(), day(20))
    assert comeback.after_break(state, day(13), day(20)) is None  # 7 days: an ordinary week
    started = comeback.after_break(state, day(12), day(20))  # 8 days
    assert started is not None
    assert stage_of(started) is Stage.MOBILITY
    assert started.way_back_since == day(20)
    assert comeback.after_break(state, None, day(20)) is None  # never logged: nothing to judge
    assert comeback.after_break(started, day(1), day(30)) is None  # already on the way back


# --- stages --------------------------------------------------------------------------------


def staged(stage: Stage, since: date = D) -> PhaseState:
    return replace(block(), way_back_stage=int(stage), way_back_since=since)


def test_each_step_needs_a_reported_pain_of_2_or_less_that_settled() -> None:
    state = staged(Stage.MOBILITY)
    assert comeback.after_morning(state, Feel.BETTER, day(1)) == state  # nothing reported
    reported = comeback.after_session(state, day(0), 2)
    assert reported.way_back_passed_on == day(0)
    assert comeback.after_morning(reported, Feel.BETTER, day(0)) == reported  # not next morning
    moved = comeback.after_morning(reported, Feel.BETTER, day(1))
    assert stage_of(moved) is Stage.STATIC
    assert moved.way_back_since == day(1)
    assert moved.way_back_passed_on is None


@pytest.mark.parametrize("feel", [Feel.SAME, Feel.WORSE])
def test_not_settled_keeps_the_stage(feel: Feel) -> None:
    reported = comeback.after_session(staged(Stage.STATIC), day(0), 1)
    kept = comeback.after_morning(reported, feel, day(1))
    assert stage_of(kept) is Stage.STATIC
    assert kept.way_back_passed_on is None


def test_pain_above_2_keeps_the_stage() -> None:
    state = comeback.after_session(staged(Stage.LOW_HOPS), day(0), 3)
    assert state.way_back_passed_on is None
    assert stage_of(comeback.after_morning(state, Feel.BETTER, day(1))) is Stage.LOW_HOPS


def test_a_session_before_the_stage_began_does_not_count() -> None:
    state = staged(Stage.STATIC, since=day(5))
    assert comeback.after_session(state, day(4), 0) == state


def test_a_later_session_at_the_stage_must_be_rated_too() -> None:
    reported = comeback.after_session(staged(Stage.STATIC), day(0), 1)
    assert comeback.session_logged(reported, day(0)) == reported
    later = comeback.session_logged(reported, day(1))  # done again before the morning check
    assert later.way_back_passed_on is None
    assert stage_of(comeback.after_morning(later, Feel.BETTER, day(2))) is Stage.STATIC


def test_the_last_step_ends_the_way_back() -> None:
    reported = comeback.after_session(staged(Stage.LOW_HOPS), day(0), 0)
    done = comeback.after_morning(reported, Feel.BETTER, day(1))
    assert stage_of(done) is Stage.FULL
    assert (done.way_back_stage, done.way_back_since, done.way_back_passed_on) == (None,) * 3


def test_the_pain_question_is_asked_after_dynamic_way_back_or_reported_days() -> None:
    normal = block()
    assert comeback.asks_pain(Category.DYNAMIC, normal, [], D)
    assert not comeback.asks_pain(Category.MOBILITY, normal, [], D)
    assert comeback.asks_pain(Category.MOBILITY, staged(Stage.MOBILITY), [], D)
    sore = BodyReport(day(-2), Area.CALVES, ReportKind.SORENESS, severity=2)
    assert comeback.asks_pain(Category.STATIC, normal, [sore], D)
    old = replace(sore, on=day(-3))
    assert not comeback.asks_pain(Category.STATIC, normal, [old], D)


@pytest.mark.parametrize("level", list(Level))
def test_stage_3_is_low_hops_only_and_few_contacts(planner: Planner, level: Level) -> None:
    kit = frozenset(e for e in Equipment if e is not Equipment.NONE)
    for profile in (RunnerProfile(level=level), RunnerProfile(level=level, equipment=kit)):
        for block_number in (1, 2, 3):
            state = replace(staged(Stage.LOW_HOPS, day(14)), block_number=block_number)
            for offset in range(14, 28):
                plan = planner.plan_for(profile, state, [], [], day(offset))
                impact = [item for item in plan.exercises if item.impact]
                assert {item.exercise_id for item in impact} <= LOW_HOPS
                assert sum(item.contacts for item in impact) <= LOW_HOP_CONTACTS
    plans = [planner.plan_for(RunnerProfile(level=level), staged(Stage.LOW_HOPS), [], [], day(2))]
    assert any(item.impact for plan in plans for item in plan.exercises)  # the hops are there


def test_stage_2_is_strength_without_impact(planner: Planner) -> None:
    plan = planner.plan_for(RunnerProfile(), staged(Stage.STATIC), [], [], day(2))
    assert plan.category is Category.STATIC
    assert no_jumps(plan)
    assert plan.way_back == Stage.STATIC


# --- random lives ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Return:
    """A runner's way back: how they left, and what they say (or not) on each day."""

    profile: RunnerProfile
    block_week: int
    away: str
    days_away: int
    pains: tuple[int | None, ...]
    mornings: tuple[Feel | None, ...]


returns = st.builds(
    Return,
    profile=st.builds(
        RunnerProfile,
        level=st.sampled_from(Level),
        equipment=st.frozensets(st.sampled_from([e for e in Equipment if e is not Equipment.NONE])),
        dynamic_days=st.sampled_from([1, 2]),
    ),
    block_week=st.integers(1, 6),
    away=st.sampled_from(["hold", "pause", "break"]),
    days_away=st.integers(8, 30),
    pains=st.lists(st.none() | st.integers(0, 10), min_size=21, max_size=21).map(tuple),
    mornings=st.lists(st.none() | st.sampled_from(Feel), min_size=21, max_size=21).map(tuple),
)


def _left(life: Return) -> tuple[PhaseState, date, list[Completion]]:
    """The state on the first day back, that day, and the history before."""
    left = day(7 * (life.block_week - 1) + 1)
    state = walk(block(), left)
    back = left + timedelta(days=life.days_away)
    history = [Completion(left - timedelta(days=1), Category.STATIC, "x")]
    if life.away == "hold":
        state = transition(state, ReportReceived(Area.ACHILLES, red_flag=True), left).state
        state = transition(state, Cleared(None), back).state
    elif life.away == "pause":
        until = back - timedelta(days=1)
        state = transition(state, PauseRequested(until=until), left).state
        state = walk(state, back)
    else:
        state = walk(state, back)
        started = comeback.after_break(state, history[-1].on, back)
        assert started is not None
        state = started
    return state, back, history


@settings(max_examples=60, deadline=None)
@given(returns)
def test_no_jump_in_the_first_days_back_and_each_step_is_earned(life: Return) -> None:
    planner = Planner(shipped_content())
    state, back, history = _left(life)
    assert stage_of(state) is Stage.MOBILITY
    last: tuple[date, Stage, int | None] | None = None  # the latest session: day, stage, pain
    for offset in range(21):
        today = back + timedelta(days=offset)
        before = walk(state, today)
        assert stage_of(before) is stage_of(state)  # the calendar never moves the stage
        feel = life.mornings[offset]
        state = before if feel is None else comeback.after_morning(before, feel, today)
        if stage_of(state) is not stage_of(before):  # a step: earned, and only one
            assert stage_of(state) == stage_of(before) + 1
            assert feel is Feel.BETTER
            assert last is not None
            on, stage, pain = last  # the stage's last session went at 2/10 or less
            assert stage is stage_of(before)
            assert pain is not None
            assert pain <= comeback.PASSING_PAIN
            assert on < today
        plan = planner.plan_for(life.profile, state, history, [], today)
        stage = stage_of(state)
        if offset < 2 or stage < Stage.LOW_HOPS:  # no jump in the first days back
            assert no_jumps(plan), (offset, stage, plan.exercises)
        if stage is Stage.LOW_HOPS:
            impact = [item for item in plan.exercises if item.impact]
            assert {item.exercise_id for item in impact} <= LOW_HOPS
            assert sum(item.contacts for item in impact) <= LOW_HOP_CONTACTS
        if plan.is_rest or plan.session_id is None or plan.category is None:
            continue
        history.append(Completion(today, plan.category, plan.session_id))
        state = comeback.session_logged(state, today)
        pain = life.pains[offset]
        last = (today, stage, pain)
        if pain is not None:
            state = comeback.after_session(state, today, pain)


@pytest.mark.parametrize("level", list(Level))
def test_the_first_day_of_stage_3_brings_its_low_hops(planner: Planner, level: Level) -> None:
    """Days before the stage began held no hops, whatever the rhythm fills in for them."""
    state = replace(staged(Stage.LOW_HOPS, since=day(11)), block_number=2)
    plan = planner.plan_for(RunnerProfile(level=level), state, [], [], day(11))
    assert plan.category is Category.DYNAMIC
    assert plan.title == LOW_HOPS_TITLE
    assert any(item.exercise_id in LOW_HOPS for item in plan.exercises)
    assert len(set(plan.adjustments)) == len(plan.adjustments)
