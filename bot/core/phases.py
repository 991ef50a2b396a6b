"""The per-runner training-phase state machine, as pure functions of (state, event, date).

Diagram: docs/phases.md (keep it in step with this module; a test checks that every
arrow there is in ``ALLOWED_TRANSITIONS`` and back).

The cycle is onboarding → base → dynamic block → rest phase → next dynamic block (one
step harder) → rest phase → ... Time-based moves happen when the calendar is brought up
to date: on each ``DayPassed`` and before every other event (something the runner said or
did). Rules the issue left open, and the choice made here:

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
* A pause from a hold keeps the held areas: when the pause ends the runner is back on the
  hold. A red flag while paused is recorded and handled the same way.
* Asking for base or rest phase during post-race recovery while the next race's window
  is open moves the runner into race season, which is that same static work.
* A race date that passed during onboarding is dropped when onboarding ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from bot.core.vocabulary import Area, Phase

__all__ = [
    "ALLOWED_TRANSITIONS",
    "BASE_WEEKS_EXPERIENCED",
    "BASE_WEEKS_NEWCOMER",
    "DEFAULT_BLOCK_WEEKS",
    "DEFAULT_RACE_WEEKS_BEFORE",
    "LONG_BREAK_DAYS",
    "MAX_BLOCK_WEEKS",
    "MAX_RACE_WEEKS_BEFORE",
    "MIN_BLOCK_WEEKS",
    "MIN_RACE_WEEKS_BEFORE",
    "POST_RACE_DAYS",
    "REST_PHASE_WEEKS",
    "RETURN_BASE_WEEKS",
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
    "in_race_window",
    "new_runner",
    "next_change",
    "phase_on",
    "race_window",
    "transition",
    "week_of_phase",
]

BASE_WEEKS_NEWCOMER = 2
BASE_WEEKS_EXPERIENCED = 1
RETURN_BASE_WEEKS = 1
MIN_BLOCK_WEEKS = 6
MAX_BLOCK_WEEKS = 8
DEFAULT_BLOCK_WEEKS = 7
REST_PHASE_WEEKS = 2
POST_RACE_DAYS = 7
MIN_RACE_WEEKS_BEFORE = 1
MAX_RACE_WEEKS_BEFORE = 8
DEFAULT_RACE_WEEKS_BEFORE = 3
LONG_BREAK_DAYS = 21


@dataclass(frozen=True, slots=True)
class PhaseState:
    """One runner's place in the training cycle.

    ``block_number`` counts dynamic blocks begun (1 = first block); each new block is one
    step harder. ``resume_phase``/``resume_started_on`` remember what a pause or a recovery
    hold interrupted, and ``interrupted_on`` the day it was interrupted (None reads as
    ``started_on``). ``held_areas`` are the areas a red-flag report took out of loading.
    ``base_weeks`` is the length of the current base phase (None: two weeks for newcomers,
    one otherwise; one after a long break).
    """

    phase: Phase
    started_on: date
    block_number: int = 0
    block_weeks: int = DEFAULT_BLOCK_WEEKS
    race_date: date | None = None
    race_weeks_before: int = DEFAULT_RACE_WEEKS_BEFORE
    paused_until: date | None = None
    resume_phase: Phase | None = None
    resume_started_on: date | None = None
    held_areas: frozenset[Area] = field(default_factory=frozenset)
    newcomer: bool = True
    interrupted_on: date | None = None
    base_weeks: int | None = None


class InvalidTransition(ValueError):
    """An event that makes no sense in the current state; the message is for the runner."""


@dataclass(frozen=True, slots=True)
class Transition:
    """The result of an event: the new state and a reason the runner can read.

    ``changed`` is False when the event left the phase as it was (the state may still
    have recorded something, such as a race date).
    """

    state: PhaseState
    reason: str
    changed: bool


@dataclass(frozen=True, slots=True)
class DayPassed:
    """A new local day began; time-based transitions happen here."""


@dataclass(frozen=True, slots=True)
class OnboardingFinished:
    """Onboarding is over; ``newcomer`` runners get two base weeks, others one."""

    newcomer: bool = True


@dataclass(frozen=True, slots=True)
class RaceDateSet:
    """The runner set (or moved) a race date."""

    race_date: date
    weeks_before: int = DEFAULT_RACE_WEEKS_BEFORE


@dataclass(frozen=True, slots=True)
class RaceDateCleared:
    """The runner removed their race date."""


@dataclass(frozen=True, slots=True)
class ReportReceived:
    """A body report arrived; only a red flag changes the phase (to a recovery hold)."""

    area: Area
    red_flag: bool


@dataclass(frozen=True, slots=True)
class Cleared:
    """The runner says an area (or, with ``area=None``, everything) is fine again."""

    area: Area | None = None


@dataclass(frozen=True, slots=True)
class PauseRequested:
    """A break (holiday, illness) until and including ``until``."""

    until: date


@dataclass(frozen=True, slots=True)
class ResumeRequested:
    """The runner is back before the pause ends."""


@dataclass(frozen=True, slots=True)
class PhaseChangeRequested:
    """The runner asks to move to another phase."""

    target: Phase


Event = (
    DayPassed
    | OnboardingFinished
    | RaceDateSet
    | RaceDateCleared
    | ReportReceived
    | Cleared
    | PauseRequested
    | ResumeRequested
    | PhaseChangeRequested
)

_ONB, _BASE, _DYN, _REST = Phase.ONBOARDING, Phase.BASE, Phase.DYNAMIC_BLOCK, Phase.REST_PHASE
_RACE, _POST = Phase.RACE_SEASON, Phase.POST_RACE_RECOVERY
_HOLD, _PAUSED = Phase.RECOVERY_HOLD, Phase.PAUSED

_TRAINING = frozenset({_BASE, _DYN, _REST})
"""Phases a runner may ask for, and the ones a long break sends back to base."""
_AWAY = frozenset({_PAUSED, _HOLD})
_RESUMABLE = frozenset(Phase) - _AWAY

ALLOWED_TRANSITIONS: frozenset[tuple[Phase, Phase]] = frozenset(
    {
        (_ONB, _BASE),
        (_ONB, _RACE),
        (_BASE, _DYN),
        (_BASE, _REST),
        (_BASE, _RACE),
        (_DYN, _REST),
        (_DYN, _BASE),
        (_DYN, _RACE),
        (_REST, _DYN),
        (_REST, _BASE),
        (_REST, _RACE),
        (_RACE, _POST),
        (_RACE, _DYN),
        (_RACE, _BASE),
        (_POST, _POST),
        (_POST, _DYN),
        (_POST, _BASE),
        (_POST, _REST),
        (_POST, _RACE),
        (_HOLD, _PAUSED),
        (_PAUSED, _HOLD),
    }
    | {(p, _HOLD) for p in _RESUMABLE}
    | {(p, _PAUSED) for p in _RESUMABLE}
    | {(_HOLD, p) for p in _RESUMABLE}
    | {(_PAUSED, p) for p in _RESUMABLE}
)
"""Every (from, to) phase change the machine can make; docs/phases.md draws exactly these."""

_WHAT = {
    _ONB: "gentle mobility while we get to know you",
    _BASE: "mobility and static strength",
    _DYN: "light jumps and hops once or twice a week, with static and mobility work",
    _REST: "static strength and mobility, no jumps",
    _RACE: "static strength and mobility, no jumps or hops until race day",
    _POST: "gentle mobility only",
    _HOLD: "mobility and static work that spares the sore area, no jumps",
    _PAUSED: "nothing at all",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_Step = tuple[date, PhaseState, str]


# ---------------------------------------------------------------- public helpers


def new_runner(today: date, *, block_weeks: int = DEFAULT_BLOCK_WEEKS) -> PhaseState:
    """A runner who has just said hello: onboarding, starting today."""
    return PhaseState(phase=_ONB, started_on=today, block_weeks=_clamp_block(block_weeks))


def week_of_phase(state: PhaseState, today: date) -> int:
    """Which week of the current phase ``today`` falls in, counting from 1."""
    return max(0, (today - state.started_on).days) // 7 + 1


def race_window(state: PhaseState) -> tuple[date, date] | None:
    """First and last day of race season (both inclusive), or None without a race date."""
    if state.race_date is None:
        return None
    return state.race_date - timedelta(weeks=state.race_weeks_before), state.race_date


def in_race_window(state: PhaseState, day: date) -> bool:
    """Whether ``day`` lies in the race window (no dynamic work then)."""
    window = race_window(state)
    return window is not None and window[0] <= day <= window[1]


def phase_on(state: PhaseState, day: date) -> Phase:
    """The phase the calendar puts the runner in on ``day`` if nothing else happens."""
    return transition(state, DayPassed(), day).state.phase


def next_change(state: PhaseState, today: date) -> tuple[Phase, date] | None:
    """The next phase the calendar brings and the day it starts.

    None when the next change is up to the runner (onboarding, a recovery hold).
    """
    state = transition(state, DayPassed(), today).state
    if state.phase is _PAUSED and state.paused_until is not None:
        back = state.paused_until + timedelta(days=1)
        return _come_back(state, back)[0].phase, back
    step = _scheduled(state)
    return None if step is None else (step[1].phase, step[0])


# ---------------------------------------------------------------- the machine


def transition(state: PhaseState, event: Event, today: date) -> Transition:
    """Apply ``event`` on ``today`` to ``state``; raise InvalidTransition if it makes no sense.

    The calendar is brought up to ``today`` first, so an event that arrives before the
    day's ``DayPassed`` (or after days without one) sees the phase the runner is really in.
    """
    state = replace(state, block_weeks=_clamp_block(state.block_weeks))
    caught = _day_passed(state, today)
    if isinstance(event, DayPassed):
        return caught
    result = _apply(caught.state, event, today)
    if not caught.changed:
        return result
    return Transition(result.state, f"{caught.reason} {result.reason}", changed=True)


def _apply(state: PhaseState, event: Event, today: date) -> Transition:
    """Apply a runner's event to a state the calendar has brought up to ``today``."""
    match event:
        case OnboardingFinished(newcomer=newcomer):
            return _onboarding_finished(state, newcomer, today)
        case RaceDateSet(race_date=race_date, weeks_before=weeks):
            return _race_date_set(state, race_date, weeks, today)
        case RaceDateCleared():
            return _race_date_cleared(state, today)
        case ReportReceived(area=area, red_flag=red_flag):
            return _report(state, area, red_flag, today)
        case Cleared(area=area):
            return _cleared(state, area, today)
        case PauseRequested(until=until):
            return _pause(state, until, today)
        case ResumeRequested():
            return _resume(state, today)
        case PhaseChangeRequested(target=target):
            return _requested(state, target, today)
    raise TypeError(f"unknown event {event!r}")  # pragma: no cover


def _moved(old: PhaseState, new: PhaseState, reason: str) -> Transition:
    """A Transition that changed the phase in one step (checked against the diagram)."""
    _check(old.phase, new.phase)
    return Transition(new, reason, changed=True)


def _walked(new: PhaseState, reason: str) -> Transition:
    """A Transition made of calendar steps that were each checked on the way."""
    return Transition(new, reason, changed=True)


def _stayed(new: PhaseState, reason: str) -> Transition:
    """A Transition that kept the phase (the state may have recorded something)."""
    return Transition(new, reason, changed=False)


def _check(old: Phase, new: Phase) -> None:
    """Guard: every phase change the code makes is one the diagram draws."""
    assert old is new or (old, new) in ALLOWED_TRANSITIONS, f"{old} -> {new}"


# ---------------------------------------------------------------- the calendar


def _day_passed(state: PhaseState, today: date) -> Transition:
    """Let the calendar move the runner on, catching up on any skipped days."""
    if state.phase is _PAUSED:
        if state.paused_until is None or today <= state.paused_until:
            return _stayed(state, f"Still paused until {_day(state.paused_until)}. Enjoy it.")
        back = state.paused_until + timedelta(days=1)
        state_back, reason = _come_back(state, back)
        walked, reasons = _walk(state_back, today)
        return _walked(walked, f"Welcome back! {reasons[-1] if reasons else reason}")
    walked, reasons = _walk(state, today)
    if not reasons:
        return _stayed(state, f"Week {week_of_phase(state, today)} of {_in(state)}.")
    return _walked(walked, reasons[-1])


def _walk(state: PhaseState, today: date) -> tuple[PhaseState, list[str]]:
    """Follow the calendar from ``state`` up to and including ``today``."""
    reasons: list[str] = []
    while (step := _scheduled(state)) is not None and step[0] <= today:
        _check(state.phase, step[1].phase)
        state = step[1]
        reasons.append(step[2])
    return state, reasons


def _scheduled(state: PhaseState) -> _Step | None:
    """The calendar's next move from ``state``: the day, the new state and why."""
    if state.phase is _RACE:
        return _race_over(state)
    end = _phase_end(state)
    if end is None:
        return None
    if state.phase is _POST:
        return _after_recovery(state, end)
    start = _race_season_start(state, end)
    if start is not None:
        return start, _enter(state, _RACE, start), _race_season_reason(state, start)
    if state.phase is _DYN:
        reason = (
            f"Your {state.block_weeks}-week dynamic block is done: two weeks of static work "
            "now so your tendons and muscles recover."
        )
        return end, _enter(state, _REST, end), reason
    lead = "Your base phase is done" if state.phase is _BASE else "Your rest phase is done"
    return end, *_new_block(state, end, lead)


def _after_recovery(state: PhaseState, end: date) -> _Step | None:
    """Post-race recovery runs its full week; racing again inside it restarts the week."""
    window = race_window(state)
    if window is not None and window[1] < end:
        return _race_over(state)
    if window is not None and window[0] <= end:
        return end, _enter(state, _RACE, end), _race_season_reason(state, end)
    return (end, *_back_to_training(state, end, "Your recovery week is done"))


def _race_season_start(state: PhaseState, end: date) -> date | None:
    """The day race season cuts into a training phase that would end on ``end``, if it does."""
    window = race_window(state)
    if window is None:
        return None
    start = max(window[0], state.started_on)
    return start if start <= min(end, window[1]) else None


def _phase_end(state: PhaseState) -> date | None:
    """The first day after the current phase's planned length, if it has one."""
    weeks = {
        _BASE: _base_weeks(state),
        _DYN: state.block_weeks,
        _REST: REST_PHASE_WEEKS,
    }.get(state.phase)
    if weeks is not None:
        return state.started_on + timedelta(weeks=weeks)
    if state.phase is _POST:
        return state.started_on + timedelta(days=POST_RACE_DAYS)
    return None


def _race_over(state: PhaseState) -> _Step | None:
    """The day after race day: a week of post-race recovery; the race date is done with."""
    if state.race_date is None:
        return None
    start = state.race_date + timedelta(days=1)
    reason = (
        "Race day is behind you, well done! A week of gentle mobility now while your legs recover."
    )
    return start, replace(_enter(state, _POST, start), race_date=None), reason


def _back_to_training(state: PhaseState, day: date, lead: str) -> tuple[PhaseState, str]:
    """After a race: the next dynamic block if the runner has done one, else base."""
    if state.block_number >= 1:
        return _new_block(state, day, lead)
    base = _enter(state, _BASE, day)
    weeks = _base_weeks(base)
    return base, f"{lead}: {_weeks(weeks)} of base work now, {_WHAT[_BASE]}, before any jumps."


def _new_block(state: PhaseState, day: date, lead: str) -> tuple[PhaseState, str]:
    """Begin the next dynamic block, one step harder than the last."""
    block = replace(_enter(state, _DYN, day), block_number=state.block_number + 1)
    if block.block_number == 1:
        what = "your first dynamic block starts today"
    else:
        what = f"dynamic block {block.block_number} starts today, one step harder than the last"
    return block, (
        f"{lead}: {what}. For {block.block_weeks} weeks: light jumps and hops once or twice "
        "a week, next to your static work."
    )


def _race_season_reason(state: PhaseState, start: date) -> str:
    """Why race season starts on ``start``."""
    assert state.race_date is not None
    days = (state.race_date - start).days
    when = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
    return (
        f"Race season starts: your race on {_day(state.race_date)} is {when}. No jumps or "
        "hops until then; static strength and mobility keep your base."
    )


# ---------------------------------------------------------------- onboarding and races


def _onboarding_finished(state: PhaseState, newcomer: bool, today: date) -> Transition:
    """Onboarding → base (or straight to race season when the race is close)."""
    if state.phase is not _ONB:
        raise InvalidTransition(f"You finished getting started already; you're in {_in(state)}.")
    race = state.race_date if state.race_date is not None and state.race_date >= today else None
    base = replace(_enter(state, _BASE, today), newcomer=newcomer, race_date=race)
    if in_race_window(base, today):
        return _moved(state, _enter(base, _RACE, today), _race_season_reason(base, today))
    reason = (
        f"You're all set! We start with {_weeks(_base_weeks(base))} of base work: "
        f"{_WHAT[_BASE]}, so your hips and tendons are ready before any jumps."
    )
    return _moved(state, base, reason)


def _race_date_set(state: PhaseState, race_date: date, weeks: int, today: date) -> Transition:
    """Record a race date; enter (or leave) race season when the window says so."""
    if race_date < today:
        raise InvalidTransition(
            f"{_day(race_date)} is in the past: which race are you training for?"
        )
    weeks = min(MAX_RACE_WEEKS_BEFORE, max(MIN_RACE_WEEKS_BEFORE, weeks))
    new = replace(state, race_date=race_date, race_weeks_before=weeks)
    saved = f"Race saved for {_day(race_date)}."
    window = race_window(new)
    assert window is not None
    inside = window[0] <= today
    if state.phase is _RACE and not inside:
        lead = f"{saved} Race season starts on {_day(window[0])}, so for now"
        return _moved(state, *_back_to_training(new, today, lead))
    if state.phase in _TRAINING and inside:
        return _moved(state, _enter(new, _RACE, today), _race_season_reason(new, today))
    if inside or state.phase is _RACE:
        return _stayed(new, f"{saved} No jumps or hops from now until race day.")
    return _stayed(new, f"{saved} Race season, with no jumps, starts on {_day(window[0])}.")


def _race_date_cleared(state: PhaseState, today: date) -> Transition:
    """Forget the race date; race season gives way to training."""
    if state.race_date is None:
        raise InvalidTransition("You have no race date set, so there is nothing to clear.")
    new = replace(state, race_date=None)
    if state.phase is _RACE:
        return _moved(state, *_back_to_training(new, today, "Race date removed"))
    return _stayed(new, "Race date removed; your plan carries on as it was.")


# ---------------------------------------------------------------- holds and pauses


def _report(state: PhaseState, area: Area, red_flag: bool, today: date) -> Transition:
    """A red flag puts the area on hold; anything else only adapts the plan."""
    if not red_flag:
        return _stayed(state, "Noted; the plan adapts.")
    see = (
        f"That sounds like more than training soreness, so nothing will load your {area.label} "
        "for now. Please see a physiotherapist or doctor about it."
    )
    held = state.held_areas | {area}
    if state.phase in _AWAY:
        return _stayed(replace(state, held_areas=held), see)
    hold = replace(_away_from(state, _HOLD, today), held_areas=held)
    return _moved(state, hold, f"{see} Until it's fine again: {_WHAT[_HOLD]}.")


def _cleared(state: PhaseState, area: Area | None, today: date) -> Transition:
    """An area (or all) is fine again; with none left on hold, training resumes."""
    if not state.held_areas:
        raise InvalidTransition("Nothing is on hold right now, so there is nothing to clear.")
    if area is not None and area not in state.held_areas:
        raise InvalidTransition(
            f"Your {area.label} isn't on hold; still on hold: {_areas(state.held_areas)}."
        )
    held = frozenset() if area is None else state.held_areas - {area}
    new = replace(state, held_areas=held)
    if held:
        return _stayed(new, f"Glad to hear it. Still on hold: {_areas(held)}.")
    if state.phase is _PAUSED:
        return _stayed(new, "Glad to hear it. Nothing is on hold any more.")
    back, reason = _come_back(new, today)
    return _walked(back, f"Glad you're fine again! {reason}")


def _pause(state: PhaseState, until: date, today: date) -> Transition:
    """Pause (or move the end of a pause); the calendar keeps running meanwhile."""
    if until < today:
        raise InvalidTransition(f"{_day(until)}: that date is in the past.")
    reason = f"Paused until {_day(until)} (last day). Enjoy the break; I'll be here."
    if state.phase is _PAUSED:
        return _stayed(replace(state, paused_until=until), reason)
    if state.phase is _HOLD:
        new = replace(state, phase=_PAUSED, started_on=today, paused_until=until)
    else:
        new = replace(_away_from(state, _PAUSED, today), paused_until=until)
    return _moved(state, new, reason)


def _resume(state: PhaseState, today: date) -> Transition:
    """Come back from a pause early."""
    if state.phase is not _PAUSED:
        raise InvalidTransition(f"You aren't paused; you're in {_in(state)}.")
    back, reason = _come_back(state, today)
    return _walked(back, f"Welcome back! {reason}")


def _away_from(state: PhaseState, phase: Phase, today: date) -> PhaseState:
    """Leave an active phase for a pause or hold, remembering what was interrupted."""
    return replace(
        state,
        phase=phase,
        started_on=today,
        resume_phase=state.phase,
        resume_started_on=state.started_on,
        interrupted_on=today,
    )


def _come_back(state: PhaseState, day: date) -> tuple[PhaseState, str]:
    """Leave a pause or hold on ``day``: where the calendar says, from the interrupted phase."""
    if state.phase is _PAUSED and state.held_areas:
        hold = replace(state, phase=_HOLD, started_on=day, paused_until=None)
        _check(state.phase, hold.phase)
        return hold, f"Still on hold: {_areas(state.held_areas)}; {_WHAT[_HOLD]}."
    resumed = replace(
        state,
        phase=state.resume_phase or _BASE,
        started_on=state.resume_started_on or state.started_on,
        paused_until=None,
        resume_phase=None,
        resume_started_on=None,
        interrupted_on=None,
        held_areas=frozenset(),
    )
    _check(state.phase, resumed.phase)
    if resumed.phase is _ONB:
        return resumed, "Let's finish getting you set up."
    walked, reason = _calendar_after_break(resumed, day)
    away = (day - (state.interrupted_on or state.started_on)).days
    if away > LONG_BREAK_DAYS and walked.phase in _TRAINING:
        base = replace(
            _enter(walked, _BASE, day),
            block_number=resumed.block_number,
            base_weeks=RETURN_BASE_WEEKS,
        )
        _check(state.phase, base.phase)
        return base, (
            f"After {away} days away tendons lose some spring, so one week of "
            f"base work first: {_WHAT[_BASE]}."
        )
    return walked, reason


def _calendar_after_break(resumed: PhaseState, day: date) -> tuple[PhaseState, str]:
    """Where the calendar puts a runner on ``day``, from the phase a break interrupted.

    A race season whose race was cleared or moved out of reach meanwhile ends on ``day``.
    """
    window = race_window(resumed)
    if resumed.phase is _RACE and (window is None or day < window[0]):
        back, reason = _back_to_training(resumed, day, "Race season is off for now")
        _check(resumed.phase, back.phase)
        return back, reason
    walked, reasons = _walk(resumed, day)
    if reasons:
        return walked, reasons[-1]
    return walked, f"On with {_in(walked)}, week {week_of_phase(walked, day)}."


# ---------------------------------------------------------------- requests


_REQUEST_HINTS = {
    _ONB: "Getting started happens only once; you're past it.",
    _PAUSED: "To take a break, use /pause with the last day of your break.",
    _HOLD: "A recovery hold starts from a report: tell me what hurts and how.",
    _POST: "Post-race recovery starts by itself the day after your race.",
    _RACE: "Race season starts by itself: set your race date with /race.",
}


def _requested(state: PhaseState, target: Phase, today: date) -> Transition:
    """The runner asks for base, a dynamic block or a rest phase."""
    if target is state.phase:
        if state.phase is _PAUSED:
            raise InvalidTransition(f"You are already paused until {_day(state.paused_until)}.")
        raise InvalidTransition(f"You are already in {_in(state)}.")
    if target in _REQUEST_HINTS:
        raise InvalidTransition(_REQUEST_HINTS[target])
    _refuse_request(state, target, today)
    if in_race_window(state, today):
        return _moved(state, _enter(state, _RACE, today), _race_season_reason(state, today))
    if target is _DYN:
        new, reason = _new_block(state, today, "As you asked")
        return _moved(state, new, reason)
    new = _enter(state, target, today)
    return _moved(state, new, f"As you asked: your {target.label} starts today, {_WHAT[target]}.")


def _refuse_request(state: PhaseState, target: Phase, today: date) -> None:
    """Raise InvalidTransition when the current phase rules the request out."""
    if state.phase is _ONB:
        raise InvalidTransition("Let's finish getting started first; your base phase follows.")
    if state.phase is _PAUSED:
        raise InvalidTransition(
            f"You're paused until {_day(state.paused_until)}. Send /resume when you're back."
        )
    if target is _DYN and (state.phase is _RACE or in_race_window(state, today)):
        raise InvalidTransition(
            f"No dynamic work in race season: jumps and hops wait until after your race on "
            f"{_day(state.race_date)}."
        )
    if state.phase is _HOLD:
        if target is _DYN:
            raise InvalidTransition(
                f"No dynamic work during a recovery hold: {_areas(state.held_areas)} "
                "must settle first."
            )
        raise InvalidTransition(
            f"The recovery hold ends when {_areas(state.held_areas)} "
            f"{'feel' if len(state.held_areas) > 1 else 'feels'} fine again: tell me with /clear."
        )
    if state.phase is _RACE:
        raise InvalidTransition(
            f"Race season keeps your static work until race day, {_day(state.race_date)}. "
            "To leave it, move or clear your race date with /race."
        )


# ---------------------------------------------------------------- small helpers


def _enter(state: PhaseState, phase: Phase, day: date) -> PhaseState:
    """``state`` moved into ``phase`` from ``day`` on."""
    return replace(state, phase=phase, started_on=day, base_weeks=None)


def _base_weeks(state: PhaseState) -> int:
    """How long a base phase lasts for this runner."""
    if state.base_weeks is not None:
        return state.base_weeks
    return BASE_WEEKS_NEWCOMER if state.newcomer else BASE_WEEKS_EXPERIENCED


def _clamp_block(weeks: int) -> int:
    """Dynamic blocks last 6 to 8 weeks."""
    return min(MAX_BLOCK_WEEKS, max(MIN_BLOCK_WEEKS, weeks))


def _in(state: PhaseState) -> str:
    """'your base phase', 'race season', ... for messages."""
    if state.phase is _PAUSED:
        return f"a pause until {_day(state.paused_until)}"
    if state.phase in {_ONB, _RACE, _POST}:
        return state.phase.label
    return f"your {state.phase.label}"


def _day(day: date | None) -> str:
    """'Sat 12 May 2027'."""
    if day is None:
        return "further notice"
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _weeks(n: int) -> str:
    """'one week', 'two weeks'."""
    words = {1: "one week", 2: "two weeks"}
    return words.get(n, f"{n} weeks")


def _areas(areas: frozenset[Area]) -> str:
    """'your knee and hip flexors'."""
    names = sorted(a.label for a in areas)
    joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"your {joined}"
