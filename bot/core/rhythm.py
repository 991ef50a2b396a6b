"""Which kind of session a day is: the weekly rhythm of dynamic, static and mobility days.

Placement around the runner's own week (docs/coaching.md, "Programme: placement"; facts:
"Programme design", where strength goes in a runner's week, and the 48-72 h between
plyometric sessions): at most ``target`` dynamic days in any rolling 7 days (2; 1 in a
beginner's first two weeks or when the runner asked for 1), at least 48 h apart, never
the day before the long run, a hard session or a race, never on the long-run day; static
strength never the day before the long run or a hard session, nor on the long-run day;
rest days stay free. A day
that keeps every rule but is only 48 h after the last jumps waits a day when tomorrow
keeps every rule too (72 h spreads the work). When the runner's week leaves fewer days
than ``target`` that keep every rule, there are fewer dynamic days, never a broken rule.

Runners do not always tap Done. A past day with no log counts as done as planned; a day
logged as skipped counts as not done, so the missed work moves to the next suitable day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import count

from bot.core.comeback import SESSION_OF, Stage, stage_of
from bot.core.content import PHASE_CATEGORIES
from bot.core.memo import Memo
from bot.core.phases import (
    POST_RACE_MOBILITY_DAYS,
    PhaseState,
    block_length,
    in_race_window,
    week_of_phase,
)
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.restrictions import NO_RESTRICTIONS, Restrictions, restrictions_for
from bot.core.vocabulary import Category, Level, Phase

__all__ = [
    "FillMemo",
    "Rhythm",
    "blocked_for_dynamic",
    "choose_category",
    "dynamic_target",
    "is_rest_day",
    "rhythm_before",
    "second_day_arrives",
    "weekly_capacity",
]

#: Days between static strength sessions by phase (keeps one in every 10-day window).
STATIC_INTERVAL = {
    Phase.BASE: 3,
    Phase.DYNAMIC_BLOCK: 6,
    Phase.REST_PHASE: 3,
    Phase.RACE_SEASON: 4,
    Phase.RECOVERY_HOLD: 3,
    Phase.POST_RACE_RECOVERY: 4,  # light strength from the second week, twice a week or so
}
#: The why of a strength day late in post-race recovery.
POST_RACE_STRENGTH = "Light strength: it may come back after the first week, jumps not yet"
#: After this many days without static work it comes before a dynamic day.
STATIC_OVERDUE_DAYS = 8
#: Static work at least once in every this many days: when the next day of the runner's
#: week that may carry it would come later, today's allowed slot takes it.
MAX_DAYS_WITHOUT_STATIC = 10
MIN_DAYS_BETWEEN_DYNAMIC = 2
#: Strength days on the way back keep at least this gap (48 h: never two days running).
MIN_DAYS_BETWEEN_STATIC = 2
#: The gap preferred when tomorrow keeps every rule too (72 h, the facts' upper end).
PREFERRED_DAYS_BETWEEN_DYNAMIC = 3
#: Dynamic days in any rolling window of this many days are counted against the target.
ROLLING_DAYS = 7
#: A block's first weeks of jump work (after weeks without): one dynamic day in 7, two
#: weeks for a beginner, one for anyone else.
EASING_IN_WEEKS = 2
EASING_IN_WEEKS_TRAINED = 1
#: No strength work in the last days before a race.
RACE_TAPER_DAYS = 2
#: How far back unlogged days are filled in with what was planned.
LOOKBACK_DAYS = 14
_ONE_DAY = timedelta(days=1)
#: A day's rolling window starts this long before it.
_WINDOW = timedelta(days=ROLLING_DAYS - 1)


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
    *,
    memo: FillMemo | None = None,
) -> Rhythm:
    """The rhythm up to yesterday: logged sessions, and planned ones on unlogged days, each
    worked out from the days before it, as it was planned then (their kinds remembered in
    ``memo`` when given: see ``_filled_kind``)."""
    # From a Monday: the filled-in days then follow the same weekly pattern whichever day
    # asks (a window sliding with ``today`` would give every day of a runner who never logs
    # the same answer).
    earliest = today - timedelta(days=LOOKBACK_DAYS)
    start = max(earliest - timedelta(days=earliest.weekday()), state.started_on)
    rhythm = Rhythm()
    if start > state.started_on:  # strength before the window is unknown: not overdue
        rhythm.last_static = start - timedelta(days=1)
    logged: dict[date, list[Completion]] = {}
    for completion in history:
        if completion.on < start:  # before the window: only what was done counts
            if completion.done:
                rhythm.record(completion.category, completion.on)
        elif completion.on < today:
            logged.setdefault(completion.on, []).append(completion)
    # a day before every report and with no hold has no limits (restrictions_for's answer)
    limited_from = min((r.on for r in reports), default=date.max)
    if state.held_areas:
        limited_from = date.min
    walk = None if memo is None else memo.walk(profile, state)
    day = start
    quiet = min(min(logged, default=today), limited_from, today)
    if memo is not None and day < quiet:
        # Up to the first log and the first limit, the days are filled in from the profile,
        # the state and the rhythm before them alone: runners alike share the rhythm after.
        key = (walk, day, quiet, rhythm.last_static, tuple(rhythm.dynamic_days))
        before = Rhythm(rhythm.last_static, list(rhythm.dynamic_days))
        last_static, dynamic = memo.quiet.remember(
            key, lambda _: _quiet_days(profile, state, before, day, quiet, memo, walk)
        )
        rhythm, day = Rhythm(last_static, list(dynamic)), quiet
    while day < today:  # in order: a filled-in day sees only the days before it
        if day in logged:
            for completion in logged[day]:
                if completion.done:
                    rhythm.record(completion.category, day)
        elif not is_rest_day(profile, state, day):
            limits = (
                restrictions_for(reports, state.held_areas, day)
                if day >= limited_from
                else NO_RESTRICTIONS
            )
            rhythm.record(_filled_kind(profile, state, limits, rhythm, day, memo, walk), day)
        day += _ONE_DAY
    return rhythm


def _quiet_days(  # noqa: PLR0917 - the walk's values, each one value
    profile: RunnerProfile,
    state: PhaseState,
    rhythm: Rhythm,
    day: date,
    end: date,
    memo: FillMemo,
    walk: int | None,
) -> tuple[date | None, tuple[date, ...]]:
    """The rhythm after the days from ``day`` up to ``end``, none logged and none limited,
    each filled in (``rhythm`` is the rhythm before them, and is changed)."""
    while day < end:
        if not is_rest_day(profile, state, day):
            kind = _filled_kind(profile, state, NO_RESTRICTIONS, rhythm, day, memo, walk)
            rhythm.record(kind, day)
        day += _ONE_DAY
    return rhythm.last_static, tuple(rhythm.dynamic_days)


class FillMemo:
    """Filled-in days' kinds by what decides them (see ``_filled_kind``), kept across the
    runners a planner plans for.

    The runner's profile and phase state, the same for every day of a walk, are hashed
    once a walk: the keys hold a number given to each distinct pair instead (never given
    again, so a forgotten pair's old kinds are never read for another pair). ``quiet``
    holds the rhythm after a walk's first days with no log and no limit, by the number,
    the days and the rhythm before them.
    """

    def __init__(self, size: int) -> None:
        """At most ``size`` of each remembered (0: none)."""
        self.kinds: Memo[tuple[object, ...], Category] = Memo(size)
        self.quiet: Memo[tuple[object, ...], tuple[date | None, tuple[date, ...]]] = Memo(size)
        self._walks: Memo[tuple[RunnerProfile, PhaseState], int] = Memo(size)
        self._numbers = count(1)

    def walk(self, profile: RunnerProfile, state: PhaseState) -> int:
        """The number standing for this profile and phase state in the keys."""
        return self._walks.remember((profile, state), lambda _: next(self._numbers))


def _filled_kind(  # noqa: PLR0917 - the walk's day, each one value
    profile: RunnerProfile,
    state: PhaseState,
    limits: Restrictions,
    rhythm: Rhythm,
    day: date,
    memo: FillMemo | None,
    walk: int | None,
) -> Category:
    """The kind planned for an unlogged past day, from the days before it (``rhythm_before``
    walks them in order). It depends on the rhythm only through the dynamic days of the 7
    days before it and the days since strength (up to ``STATIC_OVERDUE_DAYS``), so runners
    whose older logs differ share the answer; ``walk`` stands for the profile and state
    (``FillMemo.walk``)."""
    if memo is None:
        return _decide(profile, state, limits, rhythm, day)[0]
    window = day - _WINDOW
    key = (
        walk,
        limits,
        day,
        min(_days_since_static(rhythm, state, day), STATIC_OVERDUE_DAYS),
        tuple([on for on in rhythm.dynamic_days if on >= window]),  # all before ``day``
    )
    return memo.kinds.remember(key, lambda _: _decide(profile, state, limits, rhythm, day)[0])


def choose_category(
    profile: RunnerProfile, state: PhaseState, limits: Restrictions, rhythm: Rhythm, today: date
) -> tuple[Category, str]:
    """Today's kind of session and the lead of its one-line why."""
    category, lead = _decide(profile, state, limits, rhythm, today)
    return category, lead()


def _decide(
    profile: RunnerProfile, state: PhaseState, limits: Restrictions, rhythm: Rhythm, today: date
) -> tuple[Category, Callable[[], str]]:
    """``choose_category`` with the lead left to write: days filled in from the past need
    only their kind."""
    # no hard running while recovering from a race: the why lines never mention it (the
    # placement still keeps strength off the days before the runner's usual hard days)
    said = profile
    if state.phase is Phase.POST_RACE_RECOVERY and profile.hard_days:
        said = replace(profile, hard_days=frozenset())
    allowed = set(PHASE_CATEGORIES[state.phase])
    if state.phase is Phase.POST_RACE_RECOVERY and (
        (today - state.started_on).days >= POST_RACE_MOBILITY_DAYS
    ):
        allowed.add(Category.STATIC)  # light strength after the first week; no jumps yet
    if limits.blocks_dynamic or in_race_window(state, today):
        allowed.discard(Category.DYNAMIC)
    if state.race_date and 0 < (state.race_date - today).days <= RACE_TAPER_DAYS:
        allowed.discard(Category.STATIC)
    tomorrow = (today.weekday() + 1) % 7
    static_note = None
    if Category.STATIC in allowed and tomorrow in profile.key_days:
        allowed.discard(Category.STATIC)  # keep the hard days hard: nothing heavy before
        static_note = _before(said, tomorrow) if tomorrow in said.key_days else "recovery first"
    elif Category.STATIC in allowed and today.weekday() == profile.long_run_day:
        allowed.discard(Category.STATIC)  # no strength on the long run's tired legs
        static_note = "it is your long-run day"
    stage = stage_of(state)
    if stage is not Stage.FULL:
        if blocked_for_dynamic(profile, state, today) is not None:
            allowed.discard(Category.DYNAMIC)
        kind, lead = _way_back_category(
            stage, allowed, rhythm, state.way_back_since or today, today
        )
        return kind, lambda: lead
    since_static = _days_since_static(rhythm, state, today)
    if Category.STATIC in allowed and (
        since_static >= STATIC_OVERDUE_DAYS
        or since_static + _days_to_next_strength_slot(said, state, today) > MAX_DAYS_WITHOUT_STATIC
    ):
        if state.phase is Phase.POST_RACE_RECOVERY:
            return Category.STATIC, lambda: POST_RACE_STRENGTH
        return Category.STATIC, lambda: f"Strength day, {since_static} days since the last one"
    blocked = None
    if Category.DYNAMIC in allowed:
        slot = _dynamic_slot(profile, state, rhythm, today)
        if isinstance(slot, int):
            last = max(rhythm.dynamic_days, default=None)
            gap = None if last is None else (today - last).days
            return Category.DYNAMIC, lambda: _jumps_lead(profile, state, today, gap)
        blocked = slot
    if Category.STATIC in allowed and since_static >= STATIC_INTERVAL.get(state.phase, 3):
        if state.phase is Phase.POST_RACE_RECOVERY:
            return Category.STATIC, lambda: POST_RACE_STRENGTH
        return Category.STATIC, lambda: _other_lead("Strength day", said, state, today, blocked)
    if static_note and blocked is None and since_static >= STATIC_INTERVAL.get(state.phase, 3):
        return Category.MOBILITY, lambda: f"Mobility day, strength waits: {static_note}"
    return Category.MOBILITY, lambda: _other_lead("Mobility day", said, state, today, blocked)


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
    last_static = rhythm.last_static
    if (
        kind is Category.STATIC
        and last_static is not None
        and last_static >= since
        and (today - last_static).days < MIN_DAYS_BETWEEN_STATIC
    ):
        kind = Category.MOBILITY  # strength days keep a day between them, way back too
    return kind, _WAY_BACK_LEADS[kind]


def _days_to_next_strength_slot(profile: RunnerProfile, state: PhaseState, today: date) -> int:
    """Days from ``today`` to the next day of the runner's week that may carry strength: no
    rest day, not the long run's day nor the day before a key day (0 when the week has one
    such day or none: then strength and jumps take turns, ``STATIC_OVERDUE_DAYS``)."""
    free = _free_weekdays(profile)
    if len(free) < 2:
        return 0  # one free day a week: strength and jumps take turns on it (overdue at 8)
    return min((day - today.weekday() - 1) % 7 + 1 for day in free)


def _days_since_static(rhythm: Rhythm, state: PhaseState, today: date) -> int:
    if rhythm.last_static is not None:
        return (today - rhythm.last_static).days
    interval = STATIC_INTERVAL.get(state.phase, 3)
    return (today - state.started_on).days + interval - 1


def dynamic_target(profile: RunnerProfile, state: PhaseState, today: date) -> int:
    """Dynamic days allowed in any rolling 7 days: 1 while a block eases in (a beginner's
    first ``EASING_IN_WEEKS`` weeks of every block, anyone else's first
    ``EASING_IN_WEEKS_TRAINED`` week: each block follows weeks without jumps), in a lighter
    last week that follows them (never more jump days than the week before), or when the
    runner asked for 1; else 2."""
    if state.phase is Phase.DYNAMIC_BLOCK:
        weeks = _easing_weeks(profile)
        week = week_of_phase(state, today)
        last = block_length(state)
        if week <= weeks or (last >= 2 and week >= last and week - 1 <= weeks):
            return 1
    return profile.dynamic_days


def _easing_weeks(profile: RunnerProfile) -> int:
    """How many weeks a block eases in with one jump day: two for a beginner, else one."""
    return EASING_IN_WEEKS if profile.level is Level.BEGINNER else EASING_IN_WEEKS_TRAINED


def second_day_arrives(profile: RunnerProfile, state: PhaseState, today: date) -> int | None:
    """Which week (0, 1) of the ramp after the easing in ``today`` is in, when a block goes
    from one jump day a week to two (None: not in it): its sessions are dosed lighter so the
    week's landings grow step by step rather than doubling."""
    if state.phase is not Phase.DYNAMIC_BLOCK or profile.dynamic_days < 2:
        return None
    if weekly_capacity(profile, 2) < 2:
        return None  # the runner's week holds one jump day: no second one arrives
    weeks = _easing_weeks(profile)
    into = week_of_phase(state, today) - weeks - 1
    if into not in (0, 1) or dynamic_target(profile, state, today) != 2:
        return None
    return into


def blocked_for_dynamic(profile: RunnerProfile, state: PhaseState, day: date) -> str | None:
    """Why the runner's week rules ``day`` out for jumps (None: it does not).

    Rest days, the long-run day, and the day before the long run, a hard session or a
    race."""
    weekday, tomorrow = day.weekday(), (day.weekday() + 1) % 7
    if weekday in profile.rest_days:
        return "it is your rest day"
    if state.race_date is not None and (state.race_date - day).days == 1:
        return "your race is tomorrow"
    if weekday == profile.long_run_day:
        return "it is your long-run day"
    if tomorrow in profile.key_days:
        return _before(profile, tomorrow)
    return None


def _before(profile: RunnerProfile, tomorrow: int) -> str:
    """Why nothing heavy goes on the day before ``tomorrow``, a key day."""
    if tomorrow == profile.long_run_day:
        return "your long run is tomorrow"
    return "your hard session is tomorrow"


def weekly_capacity(profile: RunnerProfile, wanted: int) -> int:
    """How many dynamic days (at most ``wanted``) a repeating week of this runner can hold
    while keeping every placement rule: allowed weekdays, at least two days apart round the
    week, and at most ``wanted`` in any 7 days."""
    free = _free_weekdays(profile)
    if wanted >= 2 and len(free) > 2:  # a pair at least two days apart both ways round the
        # week, and a day left for strength (two jump days on the only two free days would
        # leave strength more than ``MAX_DAYS_WITHOUT_STATIC`` days apart)
        for first in free:
            for second in free:
                if MIN_DAYS_BETWEEN_DYNAMIC <= (second - first) % 7 <= 7 - MIN_DAYS_BETWEEN_DYNAMIC:
                    return 2
    return min(1, len(free), wanted)


def _free_weekdays(profile: RunnerProfile) -> list[int]:
    """The weekdays that may carry jumps or strength: no rest day, not the long run's day,
    not the day before the long run or a hard session."""
    return [
        day
        for day in range(7)
        if day not in profile.rest_days
        and day != profile.long_run_day
        and (day + 1) % 7 not in profile.key_days
    ]


def _dynamic_slot(
    profile: RunnerProfile, state: PhaseState, rhythm: Rhythm, today: date
) -> int | str | None:
    """How many dynamic days (today's included) the last 7 days hold when today can be a
    dynamic day; else why not in the runner's week (a str), or None for the count or the
    gap since the last jumps."""
    target = dynamic_target(profile, state, today)
    if not _free_for_dynamic(profile, state, rhythm, today, target):
        return blocked_for_dynamic(profile, state, today)
    last = max(rhythm.dynamic_days, default=None)
    tomorrow = today + timedelta(days=1) if today < date.max else today
    if (
        tomorrow > today
        and last is not None
        and (today - last).days < PREFERRED_DAYS_BETWEEN_DYNAMIC
        and dynamic_target(profile, state, tomorrow) == target
        and _free_for_dynamic(profile, state, rhythm, tomorrow, target)
    ):
        return None  # tomorrow keeps every rule too: 72 h spreads the work
    window = today - timedelta(days=ROLLING_DAYS - 1)
    return 1 + sum(1 for day in rhythm.dynamic_days if window <= day < today)


def _free_for_dynamic(
    profile: RunnerProfile, state: PhaseState, rhythm: Rhythm, day: date, target: int
) -> bool:
    """Whether ``day`` keeps every placement rule, given the dynamic days before it."""
    if blocked_for_dynamic(profile, state, day) is not None:
        return False
    if state.race_date is not None and state.race_date == day:
        return False
    window = day - timedelta(days=ROLLING_DAYS - 1)
    if sum(1 for done in rhythm.dynamic_days if window <= done < day) >= target:
        return False
    last = max((done for done in rhythm.dynamic_days if done < day), default=None)
    return last is None or (day - last).days >= MIN_DAYS_BETWEEN_DYNAMIC


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_COUNTS = {1: "one", 2: "two"}


def _days(n: int) -> str:
    return {1: "tomorrow", 2: "in two days", 3: "in three days"}.get(n, f"in {n} days")


def _jumps_lead(profile: RunnerProfile, state: PhaseState, today: date, gap: int | None) -> str:
    """The why of a dynamic day: where it sits in the runner's week."""
    weekday = today.weekday()
    reasons: list[str] = []
    lead = "Jumps today"
    if weekday in profile.hard_days:
        lead = "Jumps today, after your hard session (ideally about 6 hours later)"
    elif (weekday - 1) % 7 in profile.hard_days:
        reasons.append("your hard session was yesterday")
    elif profile.long_run_day is not None and (weekday - 1) % 7 == profile.long_run_day:
        reasons.append("the long run was yesterday (legs still heavy? move this a day)")
    elif profile.run_days and weekday in profile.run_days:
        reasons.append("an easy run day")
    if profile.long_run_day is not None and (weekday - 1) % 7 != profile.long_run_day:
        ahead = (profile.long_run_day - weekday) % 7
        reasons.append(f"the long run is {_days(ahead)}")
    target = dynamic_target(profile, state, today)
    capacity = weekly_capacity(profile, target)
    if reasons:
        lead += ": " + " and ".join(reasons)
    elif gap is not None and gap <= ROLLING_DAYS and lead == "Jumps today":
        lead += f", {gap} days after the last ones"
    if capacity < target and len(_free_weekdays(profile)) == 2:
        lead += (
            f" (one jump day a week, not {_COUNTS[target]}: only two days keep clear of your "
            "long run and hard sessions, and strength needs the other)"
        )
    elif capacity < target:
        lead += (
            f" (one jump day a week, not {_COUNTS[target]}: no other day keeps clear of "
            "your long run and hard sessions)"
        )
    return lead


def _other_lead(
    lead: str, profile: RunnerProfile, state: PhaseState, today: date, blocked: str | None
) -> str:
    """A strength or mobility day's why; in a dynamic block, why no jumps when the
    runner's week is the reason."""
    if blocked is None or state.phase is not Phase.DYNAMIC_BLOCK:
        return lead
    if weekly_capacity(profile, dynamic_target(profile, state, today)) == 0:
        return f"{lead}, no jumps this week: no day keeps clear of your long run and hard sessions"
    return f"{lead}, no jumps today: {blocked}"
