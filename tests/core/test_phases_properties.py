"""Property-based tests of the training-phase state machine: random runners, random lives."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.phases import (
    MAX_BLOCK_WEEKS,
    MIN_BLOCK_WEEKS,
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
    transition,
)
from bot.core.phases.machine import _catch_up
from bot.core.vocabulary import Area, Phase

AWAY = {Phase.PAUSED, Phase.RECOVERY_HOLD}
NOT_BOUND_BY_RACE = AWAY | {Phase.ONBOARDING, Phase.POST_RACE_RECOVERY}
RAW_VALUES = [p.value for p in Phase if "_" in p.value]


@dataclass(frozen=True)
class Run:
    """DayPassed on each of the next ``days`` days."""

    days: int


@dataclass(frozen=True)
class Jump:
    """One DayPassed ``days`` days later, as if the scheduler had been down."""

    days: int


@dataclass(frozen=True)
class Later:
    """``event`` after ``wait`` days (0 or 1); dates inside are offsets from that day."""

    wait: int
    event: Event


def _offset(days: int) -> date:
    """A placeholder date ``days`` after the epoch; made real when the step is played."""
    return date(2000, 1, 1) + timedelta(days=days)


race_dates = st.builds(
    RaceDateSet,
    race_date=st.integers(-3, 70).map(_offset),
    weeks_before=st.integers(0, 6),
)
events = st.one_of(
    st.builds(DayPassed),
    st.builds(OnboardingFinished, newcomer=st.booleans()),
    race_dates,
    race_dates,
    race_dates,
    st.builds(RaceDateCleared),
    st.builds(ReportReceived, area=st.sampled_from(Area), red_flag=st.booleans()),
    st.builds(Cleared, area=st.none() | st.sampled_from(Area)),
    st.builds(PauseRequested, until=st.integers(-2, 40).map(_offset)),
    st.builds(ResumeRequested),
    st.builds(PhaseChangeRequested, target=st.sampled_from(Phase)),
)
steps = st.one_of(
    st.builds(Run, days=st.integers(1, 60)),
    st.builds(Jump, days=st.integers(1, 40)),
    st.builds(Later, wait=st.integers(0, 1), event=events),
)
Step = Run | Jump | Later
Opening = tuple[bool | None, int | None]
"""Finish onboarding at once (as a newcomer or not) or not; a race in so many days or none."""
Life = tuple[date, Opening, list[Step]]

lives = st.tuples(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    st.tuples(st.none() | st.booleans(), st.none() | st.integers(0, 80)),
    st.lists(steps, min_size=4, max_size=25),
)


def _real(event: Event, today: date) -> Event:
    """Turn placeholder offsets into dates relative to ``today``."""
    base = date(2000, 1, 1)
    if isinstance(event, RaceDateSet):
        return RaceDateSet(today + (event.race_date - base), event.weeks_before)
    if isinstance(event, PauseRequested):
        return PauseRequested(today + (event.until - base))
    return event


def check_state(state: PhaseState, today: date) -> None:
    """Invariants every reachable state keeps."""
    assert state.phase in Phase
    assert (state.phase is Phase.PAUSED) == (state.paused_until is not None)
    if state.phase is Phase.RECOVERY_HOLD:
        assert state.held_areas
    if state.held_areas:
        assert state.phase in AWAY
    away = state.phase in AWAY
    assert (state.resume_phase is not None) == away
    assert (state.resume_started_on is not None) == away
    assert (state.interrupted_on is not None) == away
    assert state.resume_phase not in AWAY
    assert MIN_BLOCK_WEEKS <= state.block_weeks <= MAX_BLOCK_WEEKS
    assert state.started_on <= today
    if state.resume_started_on is not None:
        assert state.resume_started_on <= today
    if state.phase is Phase.DYNAMIC_BLOCK:
        assert (today - state.started_on).days < 7 * MAX_BLOCK_WEEKS
        assert (today - state.started_on).days < 7 * state.block_weeks
        assert state.block_number >= 1
    if in_race_window(state, today) and state.phase not in NOT_BOUND_BY_RACE:
        assert state.phase is Phase.RACE_SEASON
    if state.phase is Phase.RACE_SEASON:
        assert in_race_window(state, today)


def check_result(before: PhaseState, result: Transition, today: date) -> None:
    """Invariants of every Transition."""
    check_state(result.state, today)
    assert result.reason
    assert not any(value in result.reason for value in RAW_VALUES), result.reason
    if not result.changed:
        assert result.state.phase is before.phase


def attempt(state: PhaseState, event: Event, today: date) -> Transition | None:
    """Apply ``event``; on InvalidTransition check the refusal and return None."""
    snapshot = replace(state)
    try:
        return transition(state, event, today)
    except InvalidTransition as refused:
        message = str(refused)
    assert message
    assert not any(value in message for value in RAW_VALUES), message
    assert state == snapshot
    return None


@dataclass
class Lived:
    """Where a life ended: the state, the day and every phase seen on the way."""

    state: PhaseState
    today: date
    seen: set[Phase]


def play(start: date, opening: Opening, life: list[Step]) -> Lived:
    """Live one random life, checking every state on the way."""
    finish, race_in = opening
    today, state = start, new_runner(start)
    if finish is not None:
        state = transition(state, OnboardingFinished(newcomer=finish), today).state
    if race_in is not None:
        state = transition(state, RaceDateSet(today + timedelta(days=race_in)), today).state
    lived = Lived(state, today, {state.phase})
    for item in life:
        if isinstance(item, Run):
            for _ in range(item.days):
                _advance(lived, DayPassed(), 1)
        elif isinstance(item, Jump):
            _advance(lived, DayPassed(), item.days)
        else:
            _advance(lived, item.event, item.wait)
    return lived


def _advance(lived: Lived, event: Event, days: int) -> None:
    """Move the clock on ``days`` days and apply ``event`` there, checking the result."""
    lived.today += timedelta(days=days)
    result = attempt(lived.state, _real(event, lived.today), lived.today)
    if result is None:
        return
    check_result(lived.state, result, lived.today)
    lived.state = result.state
    lived.seen.add(result.state.phase)


@settings(max_examples=250, deadline=None)
@given(lives)
def test_every_reachable_state_is_valid(life: Life) -> None:
    play(*life)


@settings(max_examples=100, deadline=None)
@given(lives, st.integers(1, 120))
def test_skipped_days_land_where_a_daily_walk_would(life: Life, gap: int) -> None:
    lived = play(*life)
    jumped = transition(lived.state, DayPassed(), lived.today + timedelta(days=gap)).state
    walked = lived.state
    for n in range(1, gap + 1):
        walked = transition(walked, DayPassed(), lived.today + timedelta(days=n)).state
    assert jumped == walked


@settings(max_examples=100, deadline=None)
@given(lives, st.integers(0, 60))
def test_the_remembered_calendar_walk_is_the_walk(life: Life, gap: int) -> None:
    lived = play(*life)
    day = lived.today + timedelta(days=gap)
    state = replace(lived.state, block_weeks=MAX_BLOCK_WEEKS + 3)  # clamped by the walk too
    for before in (lived.state, state):
        remembered = transition(before, DayPassed(), day)
        assert transition(before, DayPassed(), day) is remembered
        assert remembered == _catch_up((before, day))  # worked out afresh


def test_a_fixed_set_of_lives_visits_every_phase() -> None:
    """Deterministic: scripted lives that together reach every phase."""
    start = date(2026, 1, 5)
    lives: list[tuple[Opening, list[Step]]] = [
        ((None, None), [Later(1, PauseRequested(_offset(3))), Run(5)]),
        ((True, None), [Run(20), Later(1, ReportReceived(Area.KNEE, red_flag=True))]),
        ((False, 80), [Run(100)]),
        ((True, None), [Run(70)]),
    ]
    seen: set[Phase] = set()
    for opening, life in lives:
        seen |= play(start, opening, life).seen
    assert seen == set(Phase)
