"""Phase state, events and the rules' constants: the values the machine works on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.core.vocabulary import Area, Phase, RaceDistance

BASE_WEEKS_NEWCOMER = 2


BASE_WEEKS_EXPERIENCED = 1


RETURN_BASE_WEEKS = 1


MIN_BLOCK_WEEKS = 6


MAX_BLOCK_WEEKS = 8


DEFAULT_BLOCK_WEEKS = 7


REST_PHASE_WEEKS = 2


#: A dynamic block that race season would cut shorter than this is not started: static
#: work carries on until race season (coaching-facts.md: differences show in about 4 to 6
#: weeks; race season stops dynamic work), so no one-off jump week comes just before it.
SHORTEST_BLOCK_WEEKS = 3


POST_RACE_DAYS = 7
#: Days of post-race recovery by race distance: about one easy day per mile raced
#: (coaching-facts.md, "Programme design"), rounded to the rule of thumb's own figures:
#: 3 after a 5k (3.1 mi), a week after a 10k (6.2), two weeks after a half (13.1), four
#: after a marathon (26.2, the rule's "three to four" taken at its cautious end) and five
#: after an ultra (at least as long as a marathon: a 50 km race is already 31 miles).
#: Without a distance: ``POST_RACE_DAYS``.
POST_RACE_DAYS_BY_DISTANCE = {
    RaceDistance.FIVE_K: 3,
    RaceDistance.TEN_K: 7,
    RaceDistance.HALF: 14,
    RaceDistance.MARATHON: 28,
    RaceDistance.ULTRA: 35,
}
#: After this many days of post-race recovery, light static strength may come back.
POST_RACE_MOBILITY_DAYS = 7


def post_race_days(distance: RaceDistance | None) -> int:
    """How many days post-race recovery lasts after a race of ``distance``."""
    return POST_RACE_DAYS if distance is None else POST_RACE_DAYS_BY_DISTANCE[distance]


MIN_RACE_WEEKS_BEFORE = 1


MAX_RACE_WEEKS_BEFORE = 8


DEFAULT_RACE_WEEKS_BEFORE = 3


LONG_BREAK_DAYS = 21
#: How far ahead a race or the end of a pause may be: the plan looks two years ahead.
MAX_DAYS_AHEAD = 730


@dataclass(frozen=True, slots=True)
class PhaseState:
    """One runner's place in the training cycle.

    ``block_number`` counts dynamic blocks begun (1 = first block); a new block is a step
    harder only when the last one's jump sessions were rated easy (``block_start_step``).
    ``resume_phase``/``resume_started_on`` remember what a pause or a recovery hold
    interrupted, and ``interrupted_on`` the day it was interrupted (None reads as
    ``started_on``). ``held_areas`` are the areas a red-flag report took out of loading.
    ``base_weeks`` is the length of the current base phase (None: two weeks for newcomers,
    one otherwise; one after a long break).
    ``way_back_stage`` is the stage of the graded way back (1-3; None: the normal dose),
    ``way_back_since`` the day it began and ``way_back_passed_on`` the day of a session at
    it that went at pain 2/10 or less, waiting for the next morning's check
    (``bot.core.comeback``).
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
    way_back_stage: int | None = None
    way_back_since: date | None = None
    way_back_passed_on: date | None = None
    #: The distance of the race set (kept through its post-race recovery, which it scales).
    race_distance: RaceDistance | None = None
    #: A break that starts later ("away from the 14th to the 21st"): its first and last
    #: day. The calendar starts it on its first day (``DayPassed``); until then the plan runs.
    pause_planned_from: date | None = None
    pause_planned_until: date | None = None
    #: Whether the way back began after days without logs (``comeback.after_break``), not
    #: after a hold or a pause: logs of those days, told late, call it off.
    way_back_from_gap: bool = False

    def __hash__(self) -> int:
        """From the fields that tell most states apart (equal states hash alike): plans are
        memoised on states, and hashing all twenty fields each time showed in the benches."""
        return hash((self.phase, self.started_on, self.block_number, self.race_date))


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
    """A break (holiday, illness) until and including ``until``; from ``start`` when it
    starts later (None or today: now)."""

    until: date
    start: date | None = None
    #: False: a planned break that this one only meets (it ends the day before) is kept
    #: apart, not joined (a pause of the default length, cut short before it).
    join: bool = True


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
