"""The machine: ``transition(state, event, today)`` and the handling of each event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bot.core.memo import Memo
from bot.core.phases.state import (
    _AWAY,
    _BASE,
    _DYN,
    _HOLD,
    _ONB,
    _PAUSED,
    _POST,
    _RACE,
    _TRAINING,
    _WHAT,
    MAX_DAYS_AHEAD,
    MAX_RACE_WEEKS_BEFORE,
    MIN_RACE_WEEKS_BEFORE,
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
)
from bot.core.phases.timeline import (
    _areas,
    _away_from,
    _back_to_training,
    _base_weeks,
    _clamp_block,
    _come_back,
    _day,
    _day_passed,
    _enter,
    _in,
    _moved,
    _new_block,
    _plus,
    _race_season_reason,
    _scheduled,
    _stayed,
    _walked,
    _weeks,
    in_race_window,
    race_window,
)
from bot.core.triage import protected
from bot.core.vocabulary import Area, Phase

#: The calendar's walk to a day, remembered: every update brings its runner's phase up to
#: their today, and a runner's state seldom changes between two updates of one day.
_CAUGHT_UP: Memo[tuple[PhaseState, date], Transition] = Memo(4096)


def phase_on(state: PhaseState, day: date) -> Phase:
    """The phase the calendar puts the runner in on ``day`` if nothing else happens."""
    return transition(state, DayPassed(), day).state.phase


def next_change(state: PhaseState, today: date) -> tuple[Phase, date] | None:
    """The next phase the calendar brings and the day it starts.

    None when the next change is up to the runner (onboarding, a recovery hold).
    """
    state = transition(state, DayPassed(), today).state
    if state.phase is _PAUSED and state.paused_until is not None:
        back = _plus(state.paused_until, timedelta(days=1))
        return None if back is None else (_come_back(state, back)[0].phase, back)
    step = _scheduled(state)
    return None if step is None else (step[1].phase, step[0])


def transition(state: PhaseState, event: Event, today: date) -> Transition:
    """Apply ``event`` on ``today`` to ``state``; raise InvalidTransition if it makes no sense.

    The calendar is brought up to ``today`` first, so an event that arrives before the
    day's ``DayPassed`` (or after days without one) sees the phase the runner is really in.
    """
    caught = _CAUGHT_UP.remember((state, today), _catch_up)
    if isinstance(event, DayPassed):
        return caught
    result = _apply(caught.state, event, today)
    if not caught.changed:
        return result
    return Transition(result.state, f"{caught.reason} {result.reason}", changed=True)


def _catch_up(key: tuple[PhaseState, date]) -> Transition:
    """``state`` brought up to ``today`` by the calendar alone."""
    state, today = key
    state = replace(state, block_weeks=_clamp_block(state.block_weeks))
    if state.pause_planned_from is not None and today >= state.pause_planned_from:
        return _planned_pause_begins(state, today)
    return _day_passed(state, today)


def _plan_pause(state: PhaseState, start: date, until: date, today: date) -> Transition:
    """Plan a break that starts later; the plan runs as usual until its first day."""
    if until < start:
        raise InvalidTransition(f"{_day(until)} comes before {_day(start)}.")
    if (until - today).days > MAX_DAYS_AHEAD:
        raise InvalidTransition(
            f"{_day(until)} is more than two years away. Give me a nearer last day. "
            "Nothing was changed."
        )
    if state.phase is _PAUSED:
        raise InvalidTransition(
            f"You're on a break until {_day(state.paused_until)}. Send /resume when you're "
            "back, then tell me about the next one."
        )
    earlier = _planned_break(state)
    note = ""
    if earlier is not None and _touch((start, until), earlier):
        start, until = min(start, earlier[0]), max(until, earlier[1])
        note = " That joins the break you'd already planned."
    elif earlier is not None:
        note = (
            f" It replaces the break you'd planned from {_day(earlier[0])} to "
            f"{_day(earlier[1])}: I keep one planned break at a time."
        )
    planned = replace(state, pause_planned_from=start, pause_planned_until=until)
    reason = (
        f"Break planned from {_day(start)} to {_day(until)} (last day). Your plan runs as "
        f"usual until then; I'll pause it on the day.{note}"
    )
    return _stayed(planned, reason)


def _planned_break(state: PhaseState) -> tuple[date, date] | None:
    """The break planned to start later (first and last day), if any."""
    if state.pause_planned_from is None or state.pause_planned_until is None:
        return None
    return state.pause_planned_from, state.pause_planned_until


def _touch(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """Whether two spans of days overlap or meet (one ends the day before the other starts)."""
    return a[0] <= b[1] + timedelta(days=1) and b[0] <= a[1] + timedelta(days=1)


def _planned_pause_begins(state: PhaseState, today: date) -> Transition:
    """The calendar reached a planned break's first day: pause from that day to its last
    (caught up: a break already over is forgotten, the calendar goes on)."""
    start, until = state.pause_planned_from, state.pause_planned_until
    state = replace(state, pause_planned_from=None, pause_planned_until=None)
    if start is None or until is None or until < today:
        return _day_passed(state, today)
    if state.phase is _PAUSED and (state.paused_until is None or state.paused_until >= start):
        return _day_passed(state, today)  # a pause that runs into it already covers it
    before = _day_passed(state, start)
    if before.state.phase is _PAUSED:
        return _day_passed(state, today)
    paused = _pause(before.state, until, start)
    return Transition(paused.state, paused.reason, changed=True)


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
        case PauseRequested(until=until, start=start, join=join):
            if start is not None and start > today:
                return _plan_pause(state, start, until, today)
            return _pause(state, until, today, join=join)
        case ResumeRequested():
            return _resume(state, today)
        case PhaseChangeRequested(target=target):
            return _requested(state, target, today)
    raise TypeError(f"unknown event {event!r}")  # pragma: no cover


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
    if (race_date - today).days > MAX_DAYS_AHEAD:
        raise InvalidTransition(
            f"{_day(race_date)} is more than two years away, further than I plan. "
            "Tell me the date once the race is within two years; nothing was changed."
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


def _report(state: PhaseState, area: Area, red_flag: bool, today: date) -> Transition:
    """A red flag puts the area on hold; anything else only adapts the plan."""
    if not red_flag:
        return _stayed(state, "Noted; the plan adapts.")
    if area is Area.PELVIC_FLOOR:  # the hold keeps impact out; it loads no other area
        see = (
            "Your pelvic floor needs a pelvic health physio's check before impact work, so "
            "there are no hops, jumps, skips or bounds for now."
        )
        until = "Mobility and strength carry on."
    else:
        see = (
            f"That sounds like more than training soreness, so nothing will load your "
            f"{area.label} for now, and a physiotherapist or doctor should look at it: the "
            "advice with it says how soon."
        )
        until = "Until it's cleared, your sessions spare it: no jumps."
    held = state.held_areas | {area}
    if state.phase in _AWAY:
        return _stayed(replace(state, held_areas=held), see)
    hold = replace(_away_from(state, _HOLD, today), held_areas=held)
    return _moved(state, hold, f"{see} {until}")


def _cleared(state: PhaseState, area: Area | None, today: date) -> Transition:
    """An area (or all) is fine again; with none left on hold, training resumes."""
    if not state.held_areas:
        raise InvalidTransition("Nothing is on hold right now, so there is nothing to clear.")
    if area is not None and area not in state.held_areas:
        verb = "aren" if area.it == "them" else "isn"
        if area in protected(state.held_areas):  # a neighbour: its loading stays out too
            plural = area.it == "them"
            raise InvalidTransition(
                f"Your {area.label} {verb}'t on hold {'themselves' if plural else 'itself'}, "
                f"but {'they sit' if plural else 'it sits'} right next to what is "
                f"({_areas(state.held_areas)}), so the exercises that load {area.it} stay out "
                "until that hold is cleared. Send /clear when it feels fine."
            )
        raise InvalidTransition(
            f"Your {area.label} {verb}'t on hold; still on hold: {_areas(state.held_areas)}."
        )
    held = frozenset() if area is None else state.held_areas - {area}
    new = replace(state, held_areas=held)
    if held:
        return _stayed(new, f"Glad to hear it. Still on hold: {_areas(held)}.")
    if state.phase is _PAUSED:
        return _stayed(new, "Glad to hear it. Nothing is on hold any more.")
    back, reason = _come_back(new, today)
    return _walked(back, f"Glad you're fine again! {reason}")


def _pause(state: PhaseState, until: date, today: date, *, join: bool = True) -> Transition:
    """Pause (or move the end of a pause); the calendar keeps running meanwhile. A planned
    break it overlaps or meets joins it (``join`` False: one it only meets stays apart)."""
    if until < today:
        raise InvalidTransition(f"{_day(until)}: that date is in the past.")
    if (until - today).days > MAX_DAYS_AHEAD:
        raise InvalidTransition(
            f"{_day(until)} is more than two years away. A break can last up to two years: "
            "give me a nearer last day, or /pause for two weeks. Nothing was changed."
        )
    note = ""
    if (planned := _planned_break(state)) is not None:
        apart = not join and until < planned[0]
        if _touch((today, until), planned) and not apart:  # one break: the planned one joins
            until = max(until, planned[1])
            state = replace(state, pause_planned_from=None, pause_planned_until=None)
            note = f" That takes in the break you'd planned from {_day(planned[0])}."
        else:
            note = f" The break you planned from {_day(planned[0])} still stands."
    reason = f"Paused until {_day(until)} (last day). Enjoy the break; I'll be here.{note}"
    if state.phase is _PAUSED:
        return _stayed(replace(state, paused_until=until), reason)
    if state.phase is _HOLD:
        new = replace(state, phase=_PAUSED, started_on=today, paused_until=until)
    else:
        new = replace(_away_from(state, _PAUSED, today), paused_until=until)
    return _moved(state, new, reason)


def _resume(state: PhaseState, today: date) -> Transition:
    """Come back from a pause early; before a planned break starts, call it off."""
    if state.phase is not _PAUSED and state.pause_planned_from is not None:
        off = replace(state, pause_planned_from=None, pause_planned_until=None)
        return _stayed(off, f"Your break from {_day(state.pause_planned_from)} is off.")
    if state.phase is not _PAUSED:
        raise InvalidTransition(f"You aren't paused; you're in {_in(state)}.")
    back, reason = _come_back(state, today)
    return _walked(back, f"Welcome back! {reason}")


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
