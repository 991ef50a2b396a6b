"""The calendar side of the machine: where a runner's phases go as days pass.

Walking day by day through scheduled ends (block, rest phase, race season, recovery,
pause), coming back from a pause or hold, and the small wording helpers of the reasons.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bot.core.phases.state import (
    _BASE,
    _DYN,
    _HOLD,
    _MONTHS,
    _ONB,
    _PAUSED,
    _POST,
    _RACE,
    _REST,
    _TRAINING,
    _WEEKDAYS,
    _WHAT,
    ALLOWED_TRANSITIONS,
    BASE_WEEKS_EXPERIENCED,
    BASE_WEEKS_NEWCOMER,
    DEFAULT_BLOCK_WEEKS,
    LONG_BREAK_DAYS,
    MAX_BLOCK_WEEKS,
    MIN_BLOCK_WEEKS,
    POST_RACE_MOBILITY_DAYS,
    REST_PHASE_WEEKS,
    RETURN_BASE_WEEKS,
    SHORTEST_BLOCK_WEEKS,
    PhaseState,
    Transition,
    _Step,
    post_race_days,
)
from bot.core.vocabulary import Area, Phase


def new_runner(today: date, *, block_weeks: int = DEFAULT_BLOCK_WEEKS) -> PhaseState:
    """A runner who has just said hello: onboarding, starting today."""
    return PhaseState(phase=_ONB, started_on=today, block_weeks=_clamp_block(block_weeks))


def week_of_phase(state: PhaseState, today: date) -> int:
    """Which week of the current phase ``today`` falls in, counting from 1."""
    return max(0, (today - state.started_on).days) // 7 + 1


def block_length(state: PhaseState) -> int:
    """The weeks the current dynamic block really lasts: its planned length, or fewer when
    race season starts before it ends (its last week is then the one before the season)."""
    weeks = state.block_weeks
    window = race_window(state)
    if window is not None and window[0] > state.started_on:
        weeks = min(weeks, -(-(window[0] - state.started_on).days // 7))
    return weeks


def race_window(state: PhaseState) -> tuple[date, date] | None:
    """First and last day of race season (both inclusive), or None without a race date."""
    if state.race_date is None:
        return None
    start = _plus(state.race_date, timedelta(weeks=-state.race_weeks_before)) or date.min
    return start, state.race_date


def in_race_window(state: PhaseState, day: date) -> bool:
    """Whether ``day`` lies in the race window (no dynamic work then)."""
    window = race_window(state)
    return window is not None and window[0] <= day <= window[1]


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
    start = _race_season_start(state, end) or _block_cut_short(state, end)
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


def _block_cut_short(state: PhaseState, end: date) -> date | None:
    """Race season's first day when it comes less than ``SHORTEST_BLOCK_WEEKS`` after the
    end of a base or rest phase: the phase carries on to it, no block is started."""
    window = race_window(state)
    if state.phase is _DYN or window is None:
        return None
    shortest = _plus(end, timedelta(weeks=SHORTEST_BLOCK_WEEKS))
    return window[0] if shortest is not None and end < window[0] < shortest else None


def _phase_end(state: PhaseState) -> date | None:
    """The first day after the current phase's planned length, if it has one."""
    weeks = {
        _BASE: _base_weeks(state),
        _DYN: state.block_weeks,
        _REST: REST_PHASE_WEEKS,
    }.get(state.phase)
    if weeks is not None:
        return _plus(state.started_on, timedelta(weeks=weeks))
    if state.phase is _POST:
        return _plus(state.started_on, timedelta(days=post_race_days(state.race_distance)))
    return None


def _plus(day: date, delta: timedelta) -> date | None:
    """``day + delta``, or None beyond the calendar's first or last day (never reached)."""
    try:
        return day + delta
    except OverflowError:
        return None


def _race_over(state: PhaseState) -> _Step | None:
    """The day after race day: a week of post-race recovery; the race date is done with."""
    if state.race_date is None:
        return None
    start = _plus(state.race_date, timedelta(days=1))
    if start is None:
        return None
    days = post_race_days(state.race_distance)
    reason = (
        "Race day is behind you, well done! A week of gentle mobility now while your legs recover."
    )
    if state.race_distance is not None:
        reason = (
            f"Race day is behind you, well done! {_span(days)} of recovery after your "
            f"{state.race_distance.label}: gentle mobility"
            + (", light strength after the first week" if days > POST_RACE_MOBILITY_DAYS else "")
            + ", and no jumps until it is over."
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
    """Begin the next dynamic block (a step harder only when the last one's jump sessions
    were rated easy: ``bot.core.planner.block_start_step``)."""
    block = replace(_enter(state, _DYN, day), block_number=state.block_number + 1)
    if block.block_number == 1:
        what = "your first dynamic block starts today"
    else:
        what = (
            f"dynamic block {block.block_number} starts today, a step harder "
            "if your last jump sessions felt easy"
        )
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
    left = state.interrupted_on or state.started_on
    away = (day - left).days
    if state.phase is _HOLD or away > WAY_BACK_AFTER_DAYS:
        if walked.phase is _DYN and left < walked.started_on < day:
            # a block the calendar began while the runner was away starts on the way back:
            # its weeks count jump work, and none was done ("week 2 of 7" on the first day)
            walked = replace(walked, started_on=day)
        walked = _way_back(walked, day)
        reason = f"{reason} {WAY_BACK_NOTE}"
    if away > LONG_BREAK_DAYS and walked.phase in _TRAINING:
        base = replace(
            _enter(walked, _BASE, day),
            block_number=resumed.block_number,
            base_weeks=RETURN_BASE_WEEKS,
        )
        _check(state.phase, base.phase)
        return base, (
            f"After {away} days away tendons lose some spring, so one week of "
            f"base work first: {_WHAT[_BASE]}. {WAY_BACK_NOTE}"
        )
    return walked, reason


#: A pause longer than this (a hold always) starts the graded way back (bot.core.comeback).
WAY_BACK_AFTER_DAYS = 7
WAY_BACK_NOTE = (
    "We build back up in stages: mobility first, then strength, then a few low hops, "
    "then your normal sessions; each step once the last went at pain 2/10 or less and "
    "settled by the next morning."
)


def _way_back(state: PhaseState, day: date) -> PhaseState:
    """``state`` at stage 1 of the graded way back from ``day`` on."""
    return replace(
        state,
        way_back_stage=1,
        way_back_since=day,
        way_back_passed_on=None,
        way_back_from_gap=False,
    )


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


def as_of(reason: str, started_on: date, today: date) -> str:
    """A phase change's reason as told on ``today``, when the phase began earlier (the
    runner was away): "starts today" becomes "began on Mon 21 Dec 2026"."""
    if started_on >= today or "starts today" not in reason:
        return reason
    return reason.replace("starts today", f"began on {_day(started_on)}")


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


def _span(days: int) -> str:
    """'3 days', 'Two weeks', ... for a recovery of ``days`` days."""
    if days % 7:
        return f"{days} days"
    words = {1: "A week", 2: "Two weeks", 3: "Three weeks", 4: "Four weeks", 5: "Five weeks"}
    return words.get(days // 7, f"{days // 7} weeks")
