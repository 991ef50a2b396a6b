"""Example-based tests of the training-phase state machine (bot/core/phases/)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.core.phases import (
    ALLOWED_TRANSITIONS,
    SHORTEST_BLOCK_WEEKS,
    Cleared,
    DayPassed,
    Event,
    InvalidTransition,
    OnboardingFinished,
    PauseRequested,
    PhaseChangeRequested,
    PhaseState,
    RaceDateCleared,
    RaceDateSet,
    ReportReceived,
    ResumeRequested,
    Transition,
    in_race_window,
    new_runner,
    next_change,
    phase_on,
    race_window,
    transition,
    week_of_phase,
)
from bot.core.vocabulary import Area, Phase

D = date(2026, 3, 2)  # a Monday
ONB, BASE, DYN, REST = Phase.ONBOARDING, Phase.BASE, Phase.DYNAMIC_BLOCK, Phase.REST_PHASE
RACE, POST = Phase.RACE_SEASON, Phase.POST_RACE_RECOVERY
HOLD, PAUSED = Phase.RECOVERY_HOLD, Phase.PAUSED
DIAGRAM = Path(__file__).resolve().parents[2] / "docs" / "phases.md"


def day(n: int) -> date:
    """The day ``n`` days after D."""
    return D + timedelta(days=n)


def make(phase: Phase, started: int = 0, **kw: Any) -> PhaseState:
    """A state in ``phase`` that started on day(started)."""
    return PhaseState(phase=phase, started_on=day(started), **kw)


def away(phase: Phase, was: Phase, was_started: int, since: int, **kw: Any) -> PhaseState:
    """A paused or held state that interrupted ``was`` on day(since)."""
    extra: dict[str, Any] = {"held_areas": frozenset({Area.KNEE})} if phase is HOLD else {}
    extra.update(kw)
    if phase is PAUSED and "paused_until" not in extra:
        extra["paused_until"] = day(since + 6)
    return PhaseState(
        phase=phase,
        started_on=day(since),
        resume_phase=was,
        resume_started_on=day(was_started),
        interrupted_on=day(since),
        **extra,
    )


def step(state: PhaseState, event: Event, n: int) -> Transition:
    """Apply ``event`` on day(n)."""
    return transition(state, event, day(n))


def walk(state: PhaseState, first: int, last: int) -> PhaseState:
    """DayPassed for every day from day(first) to day(last)."""
    for n in range(first, last + 1):
        state = step(state, DayPassed(), n).state
    return state


def assert_readable(reason: str) -> None:
    """Reasons never show raw enum values."""
    assert reason
    for phase in Phase:
        if "_" in phase.value:
            assert phase.value not in reason
    assert "Phase." not in reason
    assert "Area." not in reason


# ---------------------------------------------------------------- helpers


def test_new_runner_is_onboarding_today() -> None:
    state = new_runner(D)
    assert state.phase is ONB
    assert state.started_on == D
    assert state.block_number == 0
    assert state.block_weeks == 7


@pytest.mark.parametrize(("asked", "got"), [(3, 6), (6, 6), (7, 7), (8, 8), (12, 8)])
def test_new_runner_clamps_block_weeks(asked: int, got: int) -> None:
    assert new_runner(D, block_weeks=asked).block_weeks == got


@pytest.mark.parametrize(("n", "week"), [(0, 1), (6, 1), (7, 2), (13, 2), (14, 3), (-3, 1)])
def test_week_of_phase(n: int, week: int) -> None:
    assert week_of_phase(make(BASE), day(n)) == week


def test_race_window_and_in_race_window() -> None:
    state = make(BASE, race_date=day(40))
    assert race_window(state) == (day(19), day(40))
    assert not in_race_window(state, day(18))
    assert in_race_window(state, day(19))
    assert in_race_window(state, day(40))
    assert not in_race_window(state, day(41))
    assert race_window(make(BASE)) is None
    assert not in_race_window(make(BASE), D)


def test_phase_on_looks_ahead() -> None:
    state = make(BASE, newcomer=True)
    assert phase_on(state, day(13)) is BASE
    assert phase_on(state, day(14)) is DYN
    assert phase_on(state, day(14 + 49)) is REST


def test_next_change() -> None:
    assert next_change(new_runner(D), D) is None
    assert next_change(make(BASE, newcomer=True), D) == (DYN, day(14))
    assert next_change(make(BASE, newcomer=False), D) == (DYN, day(7))
    assert next_change(make(DYN, block_number=1), D) == (REST, day(49))
    assert next_change(make(DYN, block_number=1, race_date=day(40)), D) == (RACE, day(19))
    assert next_change(make(REST, block_number=1), D) == (DYN, day(14))
    assert next_change(make(RACE, race_date=day(10)), D) == (POST, day(11))
    assert next_change(make(POST, block_number=1), D) == (DYN, day(7))
    assert next_change(make(POST), D) == (BASE, day(7))
    assert next_change(away(HOLD, DYN, 0, 3), day(3)) is None
    paused = away(PAUSED, DYN, 0, 3, paused_until=day(9), block_number=1)
    assert next_change(paused, day(3)) == (DYN, day(10))
    held = replace(paused, held_areas=frozenset({Area.ACHILLES}))
    assert next_change(held, day(3)) == (HOLD, day(10))


def test_next_change_catches_up_first() -> None:
    # Ten weeks without a DayPassed: next_change answers from where the runner is today.
    assert next_change(make(BASE, newcomer=False), day(69)) == (DYN, day(7 + 49 + 14))
    assert next_change(make(BASE, newcomer=False), day(70)) == (REST, day(70 + 49))


# ---------------------------------------------------------------- onboarding


def test_onboarding_finished_newcomer_gets_two_base_weeks() -> None:
    result = step(new_runner(D), OnboardingFinished(newcomer=True), 3)
    assert result.changed
    assert result.state.phase is BASE
    assert result.state.started_on == day(3)
    assert result.state.newcomer
    assert "two weeks" in result.reason
    assert phase_on(result.state, day(16)) is BASE
    assert phase_on(result.state, day(17)) is DYN


def test_onboarding_finished_experienced_gets_one_base_week() -> None:
    result = step(new_runner(D), OnboardingFinished(newcomer=False), 0)
    assert not result.state.newcomer
    assert "one week" in result.reason
    assert phase_on(result.state, day(6)) is BASE
    assert phase_on(result.state, day(7)) is DYN


def test_onboarding_finished_inside_race_window_goes_to_race_season() -> None:
    state = replace(new_runner(D), race_date=day(10))
    result = step(state, OnboardingFinished(), 0)
    assert result.state.phase is RACE
    assert result.state.race_date == day(10)


def test_onboarding_finished_drops_a_race_that_already_passed() -> None:
    state = replace(new_runner(D), race_date=day(2))
    result = step(state, OnboardingFinished(), 5)
    assert result.state.phase is BASE
    assert result.state.race_date is None


@pytest.mark.parametrize("phase", [BASE, DYN, REST, POST])
def test_onboarding_finished_twice_is_invalid(phase: Phase) -> None:
    with pytest.raises(InvalidTransition, match="already"):
        step(make(phase, block_number=1), OnboardingFinished(), 1)


def test_onboarding_finished_while_on_hold_is_invalid() -> None:
    with pytest.raises(InvalidTransition):
        step(away(HOLD, ONB, 0, 1), OnboardingFinished(), 2)


# ---------------------------------------------------------------- the calendar


def test_day_passed_in_onboarding_changes_nothing() -> None:
    result = step(new_runner(D), DayPassed(), 30)
    assert not result.changed
    assert result.state == new_runner(D)


def test_day_passed_within_base_changes_nothing() -> None:
    result = step(make(BASE), DayPassed(), 8)
    assert not result.changed
    assert result.reason == "Week 2 of your base phase."


def test_base_over_starts_first_dynamic_block() -> None:
    result = step(make(BASE), DayPassed(), 14)
    assert result.changed
    assert result.state.phase is DYN
    assert result.state.block_number == 1
    assert result.state.started_on == day(14)
    assert "first dynamic block" in result.reason
    assert_readable(result.reason)


@pytest.mark.parametrize("weeks", [6, 7, 8])
def test_dynamic_block_lasts_block_weeks_then_rest(weeks: int) -> None:
    state = make(DYN, block_number=1, block_weeks=weeks)
    assert step(state, DayPassed(), 7 * weeks - 1).state.phase is DYN
    result = step(state, DayPassed(), 7 * weeks)
    assert result.state.phase is REST
    assert result.state.started_on == day(7 * weeks)
    assert result.reason == (
        f"Your {weeks}-week dynamic block is done: two weeks of static work now so your "
        "tendons and muscles recover."
    )


def test_block_weeks_out_of_range_are_clamped() -> None:
    state = make(DYN, block_number=1, block_weeks=12)
    assert step(state, DayPassed(), 55).state.phase is DYN
    assert step(state, DayPassed(), 56).state.phase is REST


def test_rest_phase_over_starts_next_harder_block() -> None:
    state = make(REST, block_number=2)
    assert step(state, DayPassed(), 13).state.phase is REST
    result = step(state, DayPassed(), 14)
    assert result.state.phase is DYN
    assert result.state.block_number == 3
    assert "dynamic block 3" in result.reason
    assert "a step harder if your last jump sessions felt easy" in result.reason


@pytest.mark.parametrize("phase", [BASE, DYN, REST])
def test_race_window_start_brings_race_season(phase: Phase) -> None:
    state = make(phase, block_number=1, race_date=day(30))  # window opens on day 9
    assert step(state, DayPassed(), 8).state.phase is phase
    result = step(state, DayPassed(), 9)
    assert result.state.phase is RACE
    assert result.state.started_on == day(9)
    assert "no jumps" in result.reason.lower()
    assert_readable(result.reason)


def test_race_season_ends_the_day_after_race_day() -> None:
    state = make(RACE, block_number=1, race_date=day(10))
    assert step(state, DayPassed(), 10).state.phase is RACE
    result = step(state, DayPassed(), 11)
    assert result.state.phase is POST
    assert result.state.started_on == day(11)
    assert result.state.race_date is None
    assert "mobility" in result.reason


def test_post_race_recovery_then_next_block_if_a_block_was_done() -> None:
    state = make(POST, block_number=2)
    assert step(state, DayPassed(), 6).state.phase is POST
    result = step(state, DayPassed(), 7)
    assert result.state.phase is DYN
    assert result.state.block_number == 3


def test_post_race_recovery_then_base_without_a_block() -> None:
    result = step(make(POST, newcomer=False), DayPassed(), 7)
    assert result.state.phase is BASE
    assert result.state.block_number == 0
    assert "one week of base work" in result.reason


def test_post_race_recovery_then_race_season_if_next_window_is_open() -> None:
    state = make(POST, block_number=1, race_date=day(15))  # window opens on day -6
    assert step(state, DayPassed(), 6).state.phase is POST
    assert step(state, DayPassed(), 7).state.phase is RACE


def test_racing_again_during_recovery_restarts_the_week() -> None:
    state = make(POST, block_number=1, race_date=day(4))
    result = step(state, DayPassed(), 5)
    assert result.state.phase is POST
    assert result.state.started_on == day(5)
    assert result.state.race_date is None
    assert step(result.state, DayPassed(), 11).state.phase is POST
    assert step(result.state, DayPassed(), 12).state.phase is DYN


def test_one_day_passed_over_a_gap_equals_a_day_by_day_walk() -> None:
    state = make(BASE, newcomer=True, race_date=day(120))
    for last in (20, 70, 99, 100, 121, 127, 128, 200):
        assert step(state, DayPassed(), last).state == walk(state, 1, last), last


def test_day_passed_never_ends_a_hold() -> None:
    state = away(HOLD, DYN, 0, 10, block_number=1)
    for n in (11, 60, 400):
        result = step(state, DayPassed(), n)
        assert not result.changed
        assert result.state == state


def test_day_passed_while_paused_before_the_end_changes_nothing() -> None:
    state = away(PAUSED, DYN, 0, 10, block_number=1, paused_until=day(15))
    result = step(state, DayPassed(), 15)
    assert not result.changed
    assert "Still paused" in result.reason


def test_pause_ends_the_day_after_paused_until() -> None:
    state = away(PAUSED, DYN, 0, 10, block_number=1, paused_until=day(15))
    result = step(state, DayPassed(), 16)
    assert result.changed
    assert result.state.phase is DYN
    assert result.state.started_on == D  # time paused counts toward the block
    assert result.state.paused_until is None
    assert result.state.resume_phase is None
    assert result.reason.startswith("Welcome back!")


def test_pause_that_outlasts_the_block_lands_in_rest_phase() -> None:
    state = away(PAUSED, DYN, 0, 40, block_number=1, paused_until=day(55))  # 16 days
    result = step(state, DayPassed(), 56)
    assert result.state.phase is REST
    assert result.state.started_on == day(49)
    assert result.state.block_number == 1


def test_pause_of_21_days_resumes_the_block() -> None:
    state = away(PAUSED, DYN, 0, 10, block_number=1, paused_until=day(30))
    assert step(state, DayPassed(), 31).state.phase is DYN


def test_pause_over_21_days_returns_to_one_base_week() -> None:
    state = away(PAUSED, DYN, 0, 10, block_number=1, paused_until=day(31))
    result = step(state, DayPassed(), 32)
    assert result.state.phase is BASE
    assert result.state.started_on == day(32)
    assert result.state.base_weeks == 1
    assert "22 days" in result.reason
    after = step(result.state, DayPassed(), 39)
    assert after.state.phase is DYN
    assert after.state.block_number == 2
    assert after.state.base_weeks is None


def test_skipped_days_after_a_pause_count_from_the_pause_end() -> None:
    # Returning on day 31 is 21 days away; a scheduler that first runs on day 40 must agree.
    state = away(PAUSED, DYN, 0, 10, block_number=1, paused_until=day(30))
    assert step(state, DayPassed(), 40).state == walk(state, 11, 40)
    assert step(state, DayPassed(), 40).state.phase is DYN


def test_pause_return_inside_race_window_is_race_season() -> None:
    state = away(PAUSED, DYN, 0, 5, block_number=1, paused_until=day(20), race_date=day(30))
    result = step(state, DayPassed(), 21)
    assert result.state.phase is RACE


def test_pause_return_after_race_day_is_post_race_recovery() -> None:
    state = away(PAUSED, REST, 0, 5, block_number=1, paused_until=day(20), race_date=day(18))
    result = step(state, DayPassed(), 21)
    assert result.state.phase is POST
    assert result.state.started_on == day(19)
    assert result.state.race_date is None


def test_long_pause_into_race_season_stays_race_season() -> None:
    state = away(PAUSED, DYN, 0, 5, block_number=1, paused_until=day(40), race_date=day(50))
    assert step(state, DayPassed(), 41).state.phase is RACE


def test_pause_from_onboarding_returns_to_onboarding() -> None:
    state = step(new_runner(D), PauseRequested(day(5)), 0).state
    result = step(state, DayPassed(), 6)
    assert result.state.phase is ONB
    assert result.state.started_on == D


# ---------------------------------------------------------------- race dates


def test_race_date_in_the_past_is_invalid() -> None:
    with pytest.raises(InvalidTransition, match="in the past"):
        step(make(BASE), RaceDateSet(day(-1)), 0)


def test_race_date_outside_window_is_recorded() -> None:
    result = step(make(DYN, block_number=1), RaceDateSet(day(60)), 3)
    assert not result.changed
    assert result.state.phase is DYN
    assert result.state.race_date == day(60)
    assert "Race saved" in result.reason


@pytest.mark.parametrize("phase", [BASE, DYN, REST])
def test_race_date_inside_window_starts_race_season_at_once(phase: Phase) -> None:
    result = step(make(phase, block_number=1), RaceDateSet(day(20)), 3)
    assert result.changed
    assert result.state.phase is RACE
    assert result.state.started_on == day(3)
    assert "in 17 days" in result.reason


def test_race_today_starts_race_season() -> None:
    result = step(make(BASE), RaceDateSet(day(3)), 3)
    assert result.state.phase is RACE
    assert "is today" in result.reason


@pytest.mark.parametrize(
    "state",
    [
        new_runner(D),
        away(PAUSED, DYN, 0, 1, block_number=1),
        away(HOLD, DYN, 0, 1, block_number=1),
        make(POST, block_number=1),
    ],
    ids=["onboarding", "paused", "hold", "post-race"],
)
def test_race_date_only_recorded_when_not_training(state: PhaseState) -> None:
    result = step(state, RaceDateSet(day(10)), 2)
    assert not result.changed
    assert result.state == replace(state, race_date=day(10))


def test_race_date_weeks_before_is_used_and_clamped() -> None:
    assert step(make(BASE), RaceDateSet(day(30), weeks_before=5), 0).state.phase is RACE
    short = step(make(BASE), RaceDateSet(day(30), weeks_before=0), 0).state
    assert short.race_weeks_before == 1
    assert step(make(BASE), RaceDateSet(day(90), weeks_before=20), 0).state.race_weeks_before == 8


def test_race_moved_within_window_stays_race_season() -> None:
    state = make(RACE, block_number=1, race_date=day(10))
    result = step(state, RaceDateSet(day(12)), 2)
    assert not result.changed
    assert result.state.phase is RACE
    assert result.state.race_date == day(12)


def test_race_moved_out_of_window_leaves_race_season() -> None:
    state = make(RACE, block_number=1, race_date=day(10))
    result = step(state, RaceDateSet(day(60)), 2)
    assert result.state.phase is DYN
    assert result.state.block_number == 2
    assert result.state.race_date == day(60)
    without_block = step(make(RACE, race_date=day(10)), RaceDateSet(day(60)), 2).state
    assert without_block.phase is BASE


def test_race_date_cleared_without_one_is_invalid() -> None:
    with pytest.raises(InvalidTransition, match="no race date"):
        step(make(BASE), RaceDateCleared(), 0)


def test_race_date_cleared_in_race_season_goes_to_next_block() -> None:
    result = step(make(RACE, block_number=1, race_date=day(10)), RaceDateCleared(), 2)
    assert result.changed
    assert result.state.phase is DYN
    assert result.state.block_number == 2
    assert result.state.started_on == day(2)
    assert result.state.race_date is None


def test_race_date_cleared_in_race_season_goes_to_base_without_a_block() -> None:
    result = step(make(RACE, race_date=day(10)), RaceDateCleared(), 2)
    assert result.state.phase is BASE


@pytest.mark.parametrize(
    "state",
    [
        make(BASE, race_date=day(60)),
        make(POST, race_date=day(60)),
        new_runner(D),
        away(HOLD, BASE, 0, 1),
        away(PAUSED, BASE, 0, 1),
    ],
    ids=["base", "post-race", "onboarding", "hold", "paused"],
)
def test_race_date_cleared_elsewhere_just_clears(state: PhaseState) -> None:
    state = replace(state, race_date=day(60))
    result = step(state, RaceDateCleared(), 2)
    assert not result.changed
    assert result.state == replace(state, race_date=None)


# ---------------------------------------------------------------- reports and holds


def test_plain_report_changes_nothing() -> None:
    state = make(DYN, block_number=1)
    result = step(state, ReportReceived(Area.CALVES, red_flag=False), 3)
    assert not result.changed
    assert result.state == state
    assert result.reason == "Noted; the plan adapts."


@pytest.mark.parametrize("phase", [ONB, BASE, DYN, REST, RACE, POST])
def test_red_flag_starts_a_hold(phase: Phase) -> None:
    state = make(phase, block_number=1, race_date=day(10) if phase is RACE else None)
    result = step(state, ReportReceived(Area.HIP_FLEXORS, red_flag=True), 4)
    assert result.changed
    held = result.state
    assert held.phase is HOLD
    assert held.started_on == day(4)
    assert held.resume_phase is phase
    assert held.resume_started_on == D
    assert held.held_areas == {Area.HIP_FLEXORS}
    assert "physiotherapist" in result.reason
    assert "hip flexors" in result.reason
    assert_readable(result.reason)


def test_another_red_flag_on_hold_adds_the_area() -> None:
    state = away(HOLD, DYN, 0, 3, block_number=1)
    result = step(state, ReportReceived(Area.ACHILLES, red_flag=True), 5)
    assert not result.changed
    assert result.state.held_areas == {Area.KNEE, Area.ACHILLES}
    assert result.state.started_on == day(3)


def test_red_flag_while_paused_is_recorded_and_becomes_a_hold_on_return() -> None:
    state = away(PAUSED, DYN, 0, 3, block_number=1, paused_until=day(8))
    result = step(state, ReportReceived(Area.SHINS, red_flag=True), 4)
    assert not result.changed
    assert result.state.phase is PAUSED
    assert result.state.held_areas == {Area.SHINS}
    back = step(result.state, DayPassed(), 9)
    assert back.state.phase is HOLD
    assert back.state.paused_until is None
    assert back.state.resume_phase is DYN
    assert back.state.held_areas == {Area.SHINS}


def test_clear_with_nothing_held_is_invalid() -> None:
    with pytest.raises(InvalidTransition, match="Nothing is on hold"):
        step(make(BASE), Cleared(), 0)
    with pytest.raises(InvalidTransition, match="Nothing is on hold"):
        step(make(BASE), Cleared(Area.KNEE), 0)


def test_clear_of_an_area_not_held_is_invalid() -> None:
    with pytest.raises(InvalidTransition, match="isn't on hold"):
        step(away(HOLD, BASE, 0, 1), Cleared(Area.FOOT), 2)


def test_clear_of_a_held_neighbour_says_its_loading_stays_out() -> None:
    """A shin hold's calves are not "not on hold" and nothing more (trial: "calf fine now"
    under a shin hold was told the calves were not held, though their loading is out)."""
    state = away(HOLD, BASE, 0, 1, held_areas=frozenset({Area.SHINS}))
    with pytest.raises(InvalidTransition, match="right next to") as refused:
        step(state, Cleared(Area.CALVES), 2)
    assert "stay out until that hold is cleared" in str(refused.value)
    assert "themselves" in str(refused.value)
    state = away(HOLD, BASE, 0, 1, held_areas=frozenset({Area.LEG}))
    with pytest.raises(InvalidTransition, match="right next to"):
        step(state, Cleared(Area.HIPS), 2)


def test_clearing_one_of_two_areas_keeps_the_hold() -> None:
    state = away(HOLD, DYN, 0, 3, block_number=1, held_areas=frozenset({Area.KNEE, Area.FOOT}))
    result = step(state, Cleared(Area.KNEE), 5)
    assert not result.changed
    assert result.state.held_areas == {Area.FOOT}
    assert "your foot" in result.reason


def test_clearing_the_last_area_resumes_the_interrupted_phase() -> None:
    state = away(HOLD, DYN, 0, 10, block_number=1)
    result = step(state, Cleared(Area.KNEE), 15)
    assert result.changed
    assert result.state.phase is DYN
    assert result.state.started_on == D
    assert result.state.held_areas == frozenset()
    assert result.state.resume_phase is None
    assert result.state.interrupted_on is None


def test_clear_all_ends_the_hold() -> None:
    state = away(HOLD, REST, 0, 3, block_number=1, held_areas=frozenset({Area.KNEE, Area.FOOT}))
    result = step(state, Cleared(), 5)
    assert result.state.phase is REST
    assert result.reason.startswith("Glad you're fine again!")


def test_hold_past_the_end_of_the_block_resumes_in_rest_phase() -> None:
    state = away(HOLD, DYN, 0, 40, block_number=1)
    assert step(state, Cleared(), 55).state.phase is REST


def test_hold_over_21_days_returns_to_one_base_week() -> None:
    state = away(HOLD, DYN, 0, 10, block_number=1)
    result = step(state, Cleared(), 32)
    assert result.state.phase is BASE
    assert result.state.base_weeks == 1


def test_hold_ending_inside_race_window_is_race_season() -> None:
    state = away(HOLD, BASE, 0, 3, race_date=day(20))
    assert step(state, Cleared(), 5).state.phase is RACE


def test_hold_ending_after_race_day_is_post_race_recovery() -> None:
    state = away(HOLD, RACE, 0, 3, block_number=1, race_date=day(10))
    result = step(state, Cleared(), 14)
    assert result.state.phase is POST
    assert result.state.started_on == day(11)


def test_hold_from_onboarding_returns_to_onboarding() -> None:
    state = step(new_runner(D), ReportReceived(Area.GROIN, red_flag=True), 1).state
    assert step(state, Cleared(), 4).state.phase is ONB


def test_clear_while_paused_stays_paused_and_return_is_training() -> None:
    state = away(PAUSED, DYN, 0, 3, block_number=1, held_areas=frozenset({Area.KNEE}))
    result = step(state, Cleared(), 4)
    assert not result.changed
    assert result.state.phase is PAUSED
    assert result.state.held_areas == frozenset()
    assert step(result.state, DayPassed(), 10).state.phase is DYN


# ---------------------------------------------------------------- pauses


def test_pause_in_the_past_is_invalid() -> None:
    with pytest.raises(InvalidTransition, match="that date is in the past"):
        step(make(BASE), PauseRequested(day(-1)), 0)


@pytest.mark.parametrize("phase", [ONB, BASE, DYN, REST, RACE, POST])
def test_pause_from_any_training_phase(phase: Phase) -> None:
    state = make(phase, block_number=1, race_date=day(10) if phase is RACE else None)
    result = step(state, PauseRequested(day(3)), 3)  # a pause for today only is fine
    assert result.changed
    assert result.state.phase is PAUSED
    assert result.state.paused_until == day(3)
    assert result.state.resume_phase is phase
    assert result.state.resume_started_on == D
    assert result.state.interrupted_on == day(3)


def test_pause_while_paused_moves_the_end() -> None:
    state = away(PAUSED, DYN, 0, 3, block_number=1, paused_until=day(8))
    result = step(state, PauseRequested(day(12)), 4)
    assert not result.changed
    assert result.state == replace(state, paused_until=day(12))


def test_pause_from_a_hold_keeps_the_hold_for_the_return() -> None:
    state = away(HOLD, DYN, 0, 3, block_number=1)
    result = step(state, PauseRequested(day(8)), 5)
    assert result.state.phase is PAUSED
    assert result.state.held_areas == {Area.KNEE}
    assert result.state.resume_phase is DYN
    assert result.state.interrupted_on == day(3)
    assert step(result.state, DayPassed(), 9).state.phase is HOLD


def test_resume_when_not_paused_is_invalid() -> None:
    with pytest.raises(InvalidTransition, match="aren't paused"):
        step(make(BASE), ResumeRequested(), 0)


def test_resume_ends_the_pause_early() -> None:
    state = away(PAUSED, REST, 0, 3, block_number=1, paused_until=day(20))
    result = step(state, ResumeRequested(), 5)
    assert result.changed
    assert result.state.phase is REST
    assert result.state.started_on == D
    assert result.state.paused_until is None


# ---------------------------------------------------------------- phase requests


@pytest.mark.parametrize(
    ("current", "target"),
    [(c, t) for c in (BASE, DYN, REST, POST) for t in (BASE, DYN, REST) if c is not t],
)
def test_requested_phase_change(current: Phase, target: Phase) -> None:
    result = step(make(current, block_number=1), PhaseChangeRequested(target), 5)
    assert result.changed
    assert result.state.phase is target
    assert result.state.started_on == day(5)
    assert result.state.block_number == (2 if target is DYN else 1)
    assert_readable(result.reason)


@pytest.mark.parametrize("phase", [BASE, DYN, REST, POST])
def test_requesting_the_current_phase_is_invalid(phase: Phase) -> None:
    with pytest.raises(InvalidTransition, match="already in"):
        step(make(phase, block_number=1), PhaseChangeRequested(phase), 1)


def test_requesting_race_season_in_race_season_is_invalid() -> None:
    with pytest.raises(InvalidTransition, match="already in race season"):
        step(make(RACE, race_date=day(9)), PhaseChangeRequested(RACE), 1)


@pytest.mark.parametrize(
    ("target", "hint"),
    [(PAUSED, "/pause"), (RACE, "/race"), (HOLD, "report"), (POST, "race"), (ONB, "only once")],
)
def test_requests_for_event_driven_phases_explain_the_way(target: Phase, hint: str) -> None:
    with pytest.raises(InvalidTransition, match=hint):
        step(make(BASE), PhaseChangeRequested(target), 1)


def test_dynamic_block_refused_in_race_season() -> None:
    with pytest.raises(InvalidTransition, match="No dynamic work in race season"):
        step(make(RACE, race_date=day(9)), PhaseChangeRequested(DYN), 1)


def test_dynamic_block_refused_inside_race_window_after_a_race() -> None:
    state = make(POST, block_number=1, race_date=day(10))
    with pytest.raises(InvalidTransition, match="No dynamic work in race season"):
        step(state, PhaseChangeRequested(DYN), 1)


@pytest.mark.parametrize("target", [BASE, REST])
def test_static_request_inside_race_window_after_a_race_means_race_season(target: Phase) -> None:
    result = step(make(POST, block_number=1, race_date=day(10)), PhaseChangeRequested(target), 1)
    assert result.state.phase is RACE


@pytest.mark.parametrize("target", [BASE, REST])
def test_leaving_race_season_by_request_points_to_race_command(target: Phase) -> None:
    with pytest.raises(InvalidTransition, match="/race"):
        step(make(RACE, race_date=day(9)), PhaseChangeRequested(target), 1)


def test_dynamic_block_refused_on_hold() -> None:
    with pytest.raises(InvalidTransition, match="No dynamic work during a recovery hold"):
        step(away(HOLD, BASE, 0, 1), PhaseChangeRequested(DYN), 2)


@pytest.mark.parametrize("target", [BASE, REST])
def test_leaving_a_hold_by_request_needs_a_clear(target: Phase) -> None:
    with pytest.raises(InvalidTransition, match="/clear"):
        step(away(HOLD, DYN, 0, 1, block_number=1), PhaseChangeRequested(target), 2)


def test_requests_during_onboarding_are_invalid() -> None:
    with pytest.raises(InvalidTransition, match="finish getting started"):
        step(new_runner(D), PhaseChangeRequested(BASE), 1)


def test_requests_while_paused_are_invalid() -> None:
    with pytest.raises(InvalidTransition, match="/resume"):
        step(away(PAUSED, BASE, 0, 1), PhaseChangeRequested(DYN), 2)


def test_already_paused_request_is_invalid() -> None:
    with pytest.raises(InvalidTransition, match="already paused until"):
        step(away(PAUSED, BASE, 0, 1), PhaseChangeRequested(PAUSED), 2)


# ---------------------------------------------------------------- the whole journey


def journey() -> list[Transition]:
    """One runner through every phase, in order of a plausible year."""
    state = new_runner(D)
    plan: list[tuple[Event, int]] = [
        (ReportReceived(Area.GROIN, red_flag=True), 1),  # hold from onboarding
        (Cleared(), 3),
        (PauseRequested(day(6)), 4),
        (ResumeRequested(), 5),
        (OnboardingFinished(newcomer=True), 6),  # base
        (DayPassed(), 20),  # dynamic block 1
        (DayPassed(), 69),  # rest phase
        (RaceDateSet(day(130)), 70),
        (DayPassed(), 83),  # dynamic block 2 (race season more than 3 weeks away)
        (DayPassed(), 109),  # race season
        (DayPassed(), 131),  # post-race recovery
        (DayPassed(), 138),  # dynamic block 3
    ]
    results = []
    for event, n in plan:
        result = step(state, event, n)
        results.append(result)
        state = result.state
    return results


def test_journey_visits_every_phase() -> None:
    results = journey()
    seen = [r.state.phase for r in results]
    assert seen == [HOLD, ONB, PAUSED, ONB, BASE, DYN, REST, REST, DYN, RACE, POST, DYN]
    assert set(seen) == set(Phase)
    assert results[-1].state.block_number == 3


def test_every_reason_is_runner_readable() -> None:
    for result in journey():
        assert_readable(result.reason)


# ---------------------------------------------------------------- the diagram


def diagram_pairs() -> set[tuple[Phase, Phase]]:
    """The (from, to) arrows drawn in docs/phases.md, [*] left out."""
    text = DIAGRAM.read_text(encoding="utf-8")
    block = text.split("```mermaid", 1)[1].split("```", 1)[0]
    arrows = re.findall(r"^\s*(\S+)\s*-->\s*(\S+?)\s*(?::.*)?$", block, re.MULTILINE)
    return {(Phase[a], Phase[b]) for a, b in arrows if "[*]" not in (a, b)}


def test_diagram_draws_exactly_the_allowed_transitions() -> None:
    drawn = diagram_pairs()
    assert drawn - ALLOWED_TRANSITIONS == set(), "drawn but not allowed"
    assert ALLOWED_TRANSITIONS - drawn == set(), "allowed but not drawn"


def test_diagram_names_every_phase() -> None:
    named = {p for pair in diagram_pairs() for p in pair}
    assert named == set(Phase)


# ---------------------------------------------------------------- events between days


def test_an_event_sees_the_calendar_first() -> None:
    # The runner writes on the day the block ends, before the scheduler's DayPassed.
    result = step(make(DYN, block_number=1), RaceDateSet(day(100)), 49)
    assert result.changed
    assert result.state.phase is REST
    assert result.state.race_date == day(100)
    assert result.reason.startswith("Your 7-week dynamic block is done")
    assert "Race saved" in result.reason


def test_resume_after_the_pause_already_ended_is_invalid() -> None:
    state = away(PAUSED, DYN, 0, 3, block_number=1, paused_until=day(8))
    with pytest.raises(InvalidTransition, match="aren't paused"):
        step(state, ResumeRequested(), 9)


def test_hold_message_speaks_of_several_areas() -> None:
    state = away(HOLD, BASE, 0, 1, held_areas=frozenset({Area.KNEE, Area.IT_BAND}))
    with pytest.raises(InvalidTransition, match="your IT band and knee feel fine"):
        step(state, PhaseChangeRequested(REST), 2)


def test_race_cleared_while_paused_in_race_season_ends_it_on_return() -> None:
    state = away(PAUSED, RACE, 0, 2, block_number=1, paused_until=day(4), race_date=day(10))
    cleared = step(state, RaceDateCleared(), 3).state
    result = step(cleared, DayPassed(), 5)
    assert result.state.phase is DYN
    assert result.state.block_number == 2
    assert result.state.started_on == day(5)


def test_race_moved_out_while_on_hold_in_race_season_ends_it_on_return() -> None:
    state = away(HOLD, RACE, 0, 2, race_date=day(10))
    moved = step(state, RaceDateSet(day(80)), 3).state
    result = step(moved, Cleared(), 5)
    assert result.state.phase is BASE
    assert result.state.race_date == day(80)


@pytest.mark.parametrize("phase", [REST, BASE])
def test_no_block_starts_that_race_season_would_cut_short(phase: Phase) -> None:
    """A new runner's trial: a rest phase ending six days before race season began a block
    of one jump session. Static work now carries on to race season."""
    ends = 14 if phase is REST else 7  # a rest phase is two weeks, a trained runner's base one
    season = ends + 6
    state = make(phase, block_number=1 if phase is REST else 0, race_date=day(season + 21))
    assert race_window(state) == (day(season), day(season + 21))
    assert next_change(state, D) == (RACE, day(season))
    assert phase_on(state, day(season - 1)) is phase
    assert phase_on(state, day(season)) is RACE


def test_a_block_with_room_before_race_season_still_starts() -> None:
    season = 14 + 7 * SHORTEST_BLOCK_WEEKS
    state = make(REST, block_number=1, race_date=day(season + 21))
    assert next_change(state, D) == (DYN, day(14))


def test_a_block_the_calendar_began_during_a_long_break_starts_on_the_return() -> None:
    # base from day 0; paused on day 6 until day 15; the base would have ended meanwhile
    state = away(PAUSED, BASE, 0, 6, paused_until=day(15))
    result = step(state, ResumeRequested(), 15)
    assert result.state.phase is DYN
    assert result.state.started_on == day(15)
    assert result.state.way_back_stage == 1
    assert "starts today" in result.reason
