"""Any date the core can be given, up to ``date.max``: no overflow, far dates refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.content import load_content
from bot.core.phases import (
    MAX_DAYS_AHEAD,
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
    next_change,
    phase_on,
    transition,
)
from bot.core.phases.timeline import _phase_end
from bot.core.planner import Planner
from bot.core.records import RunnerProfile
from bot.core.vocabulary import Area, Level, Phase

PLANNER = Planner(load_content())
TODAY = date(2026, 12, 1)

any_day = st.dates()
#: Today anywhere in the calendar, its last days included.
todays = st.one_of(st.dates(), st.dates(min_value=date.max - timedelta(days=60)))
events = st.one_of(
    st.builds(DayPassed),
    st.builds(OnboardingFinished, newcomer=st.booleans()),
    st.builds(RaceDateSet, race_date=any_day, weeks_before=st.integers(0, 8)),
    st.builds(RaceDateCleared),
    st.builds(ReportReceived, area=st.sampled_from(Area), red_flag=st.booleans()),
    st.builds(Cleared, area=st.none() | st.sampled_from(Area)),
    st.builds(PauseRequested, until=any_day),
    st.builds(ResumeRequested),
    st.builds(PhaseChangeRequested, target=st.sampled_from(Phase)),
)


@st.composite
def states_and_days(draw: st.DrawFn) -> tuple[PhaseState, date]:
    """A stored state (dates anywhere, as an older bot may have stored them) and a today."""
    today = draw(todays)
    back = draw(st.integers(0, 400))
    started = date.min if back > (today - date.min).days else today - timedelta(days=back)
    phase = draw(st.sampled_from(Phase))
    state = PhaseState(
        phase=phase,
        started_on=started,
        block_number=draw(st.integers(0, 5)),
        race_date=draw(st.none() | any_day),
        race_weeks_before=draw(st.integers(2, 8)),
        paused_until=draw(any_day) if phase is Phase.PAUSED else None,
        resume_phase=Phase.BASE if phase in {Phase.PAUSED, Phase.RECOVERY_HOLD} else None,
        resume_started_on=started if phase in {Phase.PAUSED, Phase.RECOVERY_HOLD} else None,
        held_areas=frozenset({Area.KNEE}) if phase is Phase.RECOVERY_HOLD else frozenset(),
    )
    return state, today


@settings(max_examples=100, deadline=None)
@given(states_and_days(), events, st.sampled_from(Level))
def test_no_date_overflows_the_core(
    state_and_day: tuple[PhaseState, date], event: Event, level: Level
) -> None:
    state, today = state_and_day
    phase_on(state, today)
    next_change(state, today)
    try:
        result = transition(state, event, today)
    except InvalidTransition:
        result = transition(state, DayPassed(), today)
    next_change(result.state, today)
    profile = RunnerProfile(level=level)
    PLANNER.plan_for(profile, result.state, [], [], today)
    PLANNER.week_ahead(profile, result.state, [], [], today)


@given(st.dates(min_value=TODAY), st.sampled_from(["pause", "race"]))
def test_a_date_more_than_two_years_ahead_is_refused(day: date, what: str) -> None:
    state = transition(PhaseState(Phase.ONBOARDING, TODAY), OnboardingFinished(False), TODAY).state
    event: Event = PauseRequested(day) if what == "pause" else RaceDateSet(day)
    if (day - TODAY).days <= MAX_DAYS_AHEAD:
        transition(state, event, TODAY)
        return
    with pytest.raises(InvalidTransition, match="more than two years away"):
        transition(state, event, TODAY)


def test_a_phase_started_late_in_9999_has_no_end_to_compute() -> None:
    block = PhaseState(Phase.DYNAMIC_BLOCK, date(9999, 12, 1), block_weeks=8)
    assert _phase_end(block) is None
    assert next_change(block, date(9999, 12, 31)) is None


def test_a_pause_into_another_year_says_the_year() -> None:
    paused = PhaseState(Phase.PAUSED, TODAY, paused_until=date(2999, 1, 1))
    plan = PLANNER.plan_for(RunnerProfile(), paused, [], [], TODAY)
    assert "Tue 01 Jan 2999" in plan.why
    this_year = PhaseState(Phase.PAUSED, TODAY, paused_until=date(2026, 12, 20))
    assert "Sun 20 Dec." in PLANNER.plan_for(RunnerProfile(), this_year, [], [], TODAY).why
