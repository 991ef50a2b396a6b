"""Which kind of session a day is: the weekly rhythm of dynamic, static and mobility days.

Runners do not always tap Done. A past day with no log counts as done as planned; a day
logged as skipped counts as not done, so the missed work moves to the next suitable day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.core.comeback import SESSION_OF, Stage, stage_of
from bot.core.content import PHASE_CATEGORIES
from bot.core.phases import PhaseState, in_race_window, week_of_phase
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.restrictions import Restrictions, restrictions_for
from bot.core.vocabulary import Category, Level, Phase

__all__ = ["Rhythm", "choose_category", "is_rest_day", "rhythm_before"]

#: Days between static strength sessions by phase (keeps one in every 10-day window).
STATIC_INTERVAL = {
    Phase.BASE: 3,
    Phase.DYNAMIC_BLOCK: 6,
    Phase.REST_PHASE: 3,
    Phase.RACE_SEASON: 4,
    Phase.RECOVERY_HOLD: 3,
}
#: After this many days without static work it comes before a dynamic day.
STATIC_OVERDUE_DAYS = 8
#: Earliest weekday (0 = Monday) for the k-th dynamic session of a week, by sessions a week.
DYNAMIC_SLOTS = {1: (2,), 2: (1, 4)}
MIN_DAYS_BETWEEN_DYNAMIC = 2
#: No strength work in the last days before a race.
RACE_TAPER_DAYS = 2
#: How far back unlogged days are filled in with what was planned.
LOOKBACK_DAYS = 14


@dataclass(slots=True)
class Rhythm:
    """When static and dynamic work last happened."""

    last_static: date | None = None
    dynamic_days: list[date] = field(default_factory=list)

    def record(self, category: Category, on: date) -> None:
        """Note a session of ``category`` done on ``on``."""
        if category is Category.STATIC:
            self.last_static = max(on, self.last_static or on)
        elif category is Category.DYNAMIC:
            self.dynamic_days.append(on)


def is_rest_day(profile: RunnerProfile, state: PhaseState, on: date) -> bool:
    """A day without a session: paused, race day, or one of the runner's rest days."""
    return state.phase is Phase.PAUSED or state.race_date == on or on.weekday() in profile.rest_days


def rhythm_before(
    profile: RunnerProfile,
    state: PhaseState,
    history: Sequence[Completion],
    reports: Sequence[BodyReport],
    today: date,
) -> Rhythm:
    """The rhythm up to yesterday: logged sessions, and planned ones on unlogged days."""
    start = max(today - timedelta(days=LOOKBACK_DAYS), state.started_on)
    rhythm = Rhythm()
    logged_days: set[date] = set()
    for completion in history:  # Rhythm.record does not depend on order
        if completion.on >= today:
            continue
        logged_days.add(completion.on)
        if completion.done:
            rhythm.record(completion.category, completion.on)
    day = start
    while day < today:
        if day not in logged_days and not is_rest_day(profile, state, day):
            limits = restrictions_for(reports, state.held_areas, day) if reports else _NONE
            category, _ = choose_category(profile, state, limits, rhythm, day)
            rhythm.record(category, day)
        day += timedelta(days=1)
    return rhythm


_NONE = Restrictions()


def choose_category(
    profile: RunnerProfile, state: PhaseState, limits: Restrictions, rhythm: Rhythm, today: date
) -> tuple[Category, str]:
    """Today's kind of session and the lead of its one-line why."""
    allowed = set(PHASE_CATEGORIES[state.phase])
    if limits.blocks_dynamic or in_race_window(state, today):
        allowed.discard(Category.DYNAMIC)
    if state.race_date and 0 < (state.race_date - today).days <= RACE_TAPER_DAYS:
        allowed.discard(Category.STATIC)
    stage = stage_of(state)
    if stage is not Stage.FULL:
        return _way_back_category(stage, allowed, rhythm, state.way_back_since or today, today)
    since_static = _days_since_static(rhythm, state, today)
    if Category.STATIC in allowed and since_static >= STATIC_OVERDUE_DAYS:
        return Category.STATIC, f"Strength day, {since_static} days since the last one"
    if Category.DYNAMIC in allowed and (slot := _dynamic_slot(profile, state, rhythm, today)):
        number, target = slot
        return Category.DYNAMIC, f"Dynamic day {number} of {target} this week"
    if Category.STATIC in allowed and since_static >= STATIC_INTERVAL[state.phase]:
        return Category.STATIC, "Strength day"
    return Category.MOBILITY, "Mobility day"


_WAY_BACK_LEADS = {
    Category.MOBILITY: "Way back, mobility only",
    Category.STATIC: "Way back, strength without impact",
    Category.DYNAMIC: "Way back, a few low hops",
}


def _way_back_category(
    stage: Stage, allowed: set[Category], rhythm: Rhythm, since: date, today: date
) -> tuple[Category, str]:
    """The way back's session: the stage's kind where the phase allows it, one down
    otherwise; low hops keep two days between them (hop days from ``since``, the stage's
    first day: days before it held no hops, whatever the rhythm fills in for them)."""
    kind = SESSION_OF[stage]
    if kind is Category.DYNAMIC:
        last = max((on for on in rhythm.dynamic_days if on >= since), default=None)
        recent = last is not None and (today - last).days < MIN_DAYS_BETWEEN_DYNAMIC
        if Category.DYNAMIC not in allowed or recent:
            kind = Category.STATIC
    if kind is Category.STATIC and Category.STATIC not in allowed:
        kind = Category.MOBILITY
    return kind, _WAY_BACK_LEADS[kind]


def _days_since_static(rhythm: Rhythm, state: PhaseState, today: date) -> int:
    if rhythm.last_static is not None:
        return (today - rhythm.last_static).days
    interval = STATIC_INTERVAL.get(state.phase, 3)
    return (today - state.started_on).days + interval - 1


def _dynamic_slot(
    profile: RunnerProfile, state: PhaseState, rhythm: Rhythm, today: date
) -> tuple[int, int] | None:
    """(number this week, sessions this week) when today can be a dynamic day, else None."""
    week = week_of_phase(state, today)
    easing_in = profile.level is Level.BEGINNER and state.block_number <= 1 and week <= 2
    target = min(profile.dynamic_days, 1 if easing_in else 2)
    monday = today - timedelta(days=today.weekday())
    done = sum(1 for day in rhythm.dynamic_days if monday <= day < today)
    if done >= target:
        return None
    last = max(rhythm.dynamic_days, default=None)
    if last is not None and (today - last).days < MIN_DAYS_BETWEEN_DYNAMIC:
        return None
    if today.weekday() < DYNAMIC_SLOTS[target][done]:
        return None
    return done + 1, target
