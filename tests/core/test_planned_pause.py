"""A break that starts later ("away from the 14th to the 21st"): planned now, started by
the calendar on its first day, ended the day after its last; /resume calls it off."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.phases import (
    DayPassed,
    InvalidTransition,
    PauseRequested,
    PhaseState,
    ResumeRequested,
    transition,
)
from bot.core.vocabulary import Phase

TODAY = date(2026, 12, 4)
BASE = PhaseState(phase=Phase.BASE, started_on=date(2026, 12, 1), base_weeks=6)


def _planned(start: date, until: date) -> PhaseState:
    return transition(BASE, PauseRequested(until, start=start), TODAY).state


def test_planning_keeps_the_plan_running() -> None:
    result = transition(BASE, PauseRequested(date(2026, 12, 21), start=date(2026, 12, 14)), TODAY)
    assert not result.changed
    assert result.state.phase is Phase.BASE
    assert result.state.paused_until is None  # reminders go on: the runner's mirror is empty
    assert (result.state.pause_planned_from, result.state.pause_planned_until) == (
        date(2026, 12, 14),
        date(2026, 12, 21),
    )
    assert "14" in result.reason


def test_the_calendar_starts_and_ends_it() -> None:
    state = _planned(date(2026, 12, 14), date(2026, 12, 21))
    assert transition(state, DayPassed(), date(2026, 12, 13)).state.phase is Phase.BASE
    first = transition(state, DayPassed(), date(2026, 12, 14))
    assert first.changed
    assert (first.state.phase, first.state.paused_until) == (Phase.PAUSED, date(2026, 12, 21))
    assert first.state.pause_planned_from is None
    back = transition(first.state, DayPassed(), date(2026, 12, 22))
    assert back.state.phase is not Phase.PAUSED


def test_a_break_missed_entirely_is_forgotten() -> None:
    state = _planned(date(2026, 12, 14), date(2026, 12, 21))
    later = transition(state, DayPassed(), date(2027, 1, 5)).state
    assert later.phase is not Phase.PAUSED
    assert later.pause_planned_from is None


def test_resume_calls_a_planned_break_off() -> None:
    state = _planned(date(2026, 12, 14), date(2026, 12, 21))
    off = transition(state, ResumeRequested(), TODAY)
    assert off.state.pause_planned_from is None
    assert transition(off.state, DayPassed(), date(2026, 12, 15)).state.phase is Phase.BASE


def test_refused_when_it_makes_no_sense() -> None:
    with pytest.raises(InvalidTransition):
        _planned(date(2026, 12, 14), date(2026, 12, 10))
    paused = transition(BASE, PauseRequested(date(2026, 12, 10)), TODAY).state
    with pytest.raises(InvalidTransition):
        transition(paused, PauseRequested(date(2026, 12, 21), start=date(2026, 12, 14)), TODAY)


@given(st.integers(1, 60), st.integers(0, 30), st.integers(0, 120))
def test_paused_exactly_on_the_planned_days(ahead: int, length: int, later: int) -> None:
    start = TODAY + timedelta(days=ahead)
    until = start + timedelta(days=length)
    state = _planned(start, until)
    day = TODAY + timedelta(days=later)
    seen = transition(state, DayPassed(), day).state
    if start <= day <= until:
        assert (seen.phase, seen.paused_until) == (Phase.PAUSED, until)
    else:
        assert seen.phase is not Phase.PAUSED


def test_a_pause_now_that_reaches_a_planned_break_takes_it_in() -> None:
    state = _planned(date(2026, 12, 14), date(2026, 12, 21))
    result = transition(state, PauseRequested(date(2026, 12, 15)), TODAY)
    assert (result.state.phase, result.state.paused_until) == (Phase.PAUSED, date(2026, 12, 21))
    assert result.state.pause_planned_from is None
    assert "planned" in result.reason


def test_a_pause_now_that_ends_before_a_planned_break_keeps_it_and_says_so() -> None:
    state = _planned(date(2026, 12, 20), date(2026, 12, 27))
    result = transition(state, PauseRequested(date(2026, 12, 8)), TODAY)
    assert result.state.paused_until == date(2026, 12, 8)
    assert result.state.pause_planned_from == date(2026, 12, 20)
    assert "still stands" in result.reason


def test_a_second_planned_break_joins_or_replaces_the_first_and_says_which() -> None:
    state = _planned(date(2026, 12, 14), date(2026, 12, 21))
    joined = transition(state, PauseRequested(date(2026, 12, 24), start=date(2026, 12, 22)), TODAY)
    assert (joined.state.pause_planned_from, joined.state.pause_planned_until) == (
        date(2026, 12, 14),
        date(2026, 12, 24),
    )
    assert "joins" in joined.reason
    later = transition(state, PauseRequested(date(2027, 1, 10), start=date(2027, 1, 5)), TODAY)
    assert later.state.pause_planned_from == date(2027, 1, 5)
    assert "replaces" in later.reason
    assert "14" in later.reason


@given(st.integers(1, 40), st.integers(0, 20), st.integers(0, 40))
def test_no_pause_ever_overlaps_a_planned_break(first: int, first_len: int, now_len: int) -> None:
    """Whatever is asked, the state never holds a pause and a planned break that overlap."""
    start = TODAY + timedelta(days=first)
    state = _planned(start, start + timedelta(days=first_len))
    paused = transition(state, PauseRequested(TODAY + timedelta(days=now_len)), TODAY).state
    if paused.pause_planned_from is not None:
        assert paused.paused_until is not None
        assert paused.paused_until < paused.pause_planned_from - timedelta(days=1)
