"""The per-runner training-phase state machine, as pure functions of (state, event, date).

Diagram: docs/phases.md (keep it in step with this module; a test checks that every
arrow there is in ``ALLOWED_TRANSITIONS`` and back).

The cycle is onboarding → base → dynamic block → rest phase → next dynamic block (a
step harder when the last one's jumps were rated easy) → rest phase → ... Time-based moves
happen when the calendar is brought up to date: on each ``DayPassed`` and before every
other event (something the runner said or did). Rules the design leaves open, and the
choice made here:

* Every phase's ``started_on`` is the calendar day it began, also when a ``DayPassed``
  catches up on skipped days, so one ``DayPassed`` over a gap lands exactly where a
  day-by-day walk would.
* Race season starts ``race_weeks_before`` weeks (1-8, default 3) before race day, or at
  once when the window has already begun; it ends the day after race day with a week of
  post-race recovery. The race date is dropped then (the race is done).
* After post-race recovery (or when the race date is cleared in race season) the runner
  goes to the next dynamic block if they have begun one before (``block_number >= 1``),
  else to base. Post-race recovery finishes its week even when the next race's window has
  begun, then goes straight to race season. Racing again inside the recovery week restarts
  the week.
* A pause or a hold keeps the calendar running: on the way back the interrupted phase is
  resumed as if it had gone on, so a dynamic block that ended meanwhile is followed by its
  rest phase, a race window that opened means race season, and so on. A pause or a hold
  that kept the runner from full training for more than 21 days sends them to one base
  week first when the calendar says base, dynamic block or rest phase (tendons detrain);
  race season and post-race recovery win over that, as they hold no jumps anyway.
* So a message that arrives before the scheduler's daily tick sees the real phase.
* A requested dynamic block is a new block, one step on (``block_number + 1``); so is the
  block after a return-from-a-long-break base week.
* Race season interrupted by a pause or hold ends on the way back if the race date was
  cleared or moved out of reach meanwhile (as if it had happened that day).
* Leaving a hold, or a pause of more than 7 days, starts the graded way back
  (``way_back_stage`` 1, ``bot.core.comeback``): the phase resumes as above, and the
  planner holds impact back until the runner has come through the stages.
* A pause from a hold keeps the held areas: when the pause ends the runner is back on the
  hold. A red flag while paused is recorded and handled the same way.
* Asking for base or rest phase during post-race recovery while the next race's window
  is open moves the runner into race season, which is that same static work.
* A race date that passed during onboarding is dropped when onboarding ends.
"""

from __future__ import annotations

from bot.core.phases.machine import next_change, phase_on, transition
from bot.core.phases.state import (
    ALLOWED_TRANSITIONS,
    BASE_WEEKS_EXPERIENCED,
    BASE_WEEKS_NEWCOMER,
    DEFAULT_BLOCK_WEEKS,
    DEFAULT_RACE_WEEKS_BEFORE,
    LONG_BREAK_DAYS,
    MAX_BLOCK_WEEKS,
    MAX_DAYS_AHEAD,
    MAX_RACE_WEEKS_BEFORE,
    MIN_BLOCK_WEEKS,
    MIN_RACE_WEEKS_BEFORE,
    POST_RACE_DAYS,
    POST_RACE_DAYS_BY_DISTANCE,
    POST_RACE_MOBILITY_DAYS,
    REST_PHASE_WEEKS,
    RETURN_BASE_WEEKS,
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
    post_race_days,
)
from bot.core.phases.timeline import (
    as_of,
    block_length,
    in_race_window,
    new_runner,
    race_window,
    week_of_phase,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "BASE_WEEKS_EXPERIENCED",
    "BASE_WEEKS_NEWCOMER",
    "DEFAULT_BLOCK_WEEKS",
    "DEFAULT_RACE_WEEKS_BEFORE",
    "LONG_BREAK_DAYS",
    "MAX_BLOCK_WEEKS",
    "MAX_DAYS_AHEAD",
    "MAX_RACE_WEEKS_BEFORE",
    "MIN_BLOCK_WEEKS",
    "MIN_RACE_WEEKS_BEFORE",
    "POST_RACE_DAYS",
    "POST_RACE_DAYS_BY_DISTANCE",
    "POST_RACE_MOBILITY_DAYS",
    "REST_PHASE_WEEKS",
    "RETURN_BASE_WEEKS",
    "SHORTEST_BLOCK_WEEKS",
    "Cleared",
    "DayPassed",
    "Event",
    "InvalidTransition",
    "OnboardingFinished",
    "PauseRequested",
    "PhaseChangeRequested",
    "PhaseState",
    "RaceDateCleared",
    "RaceDateSet",
    "ReportReceived",
    "ResumeRequested",
    "Transition",
    "as_of",
    "block_length",
    "in_race_window",
    "new_runner",
    "next_change",
    "phase_on",
    "post_race_days",
    "race_window",
    "transition",
    "week_of_phase",
]
