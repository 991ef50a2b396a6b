"""What the coach knows about a runner: profile, completion logs and body reports.

Plain frozen values; storage maps its rows onto these before calling the core.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from bot.core.health import Health
from bot.core.vocabulary import (
    Area,
    Category,
    Equipment,
    Level,
    RaceDistance,
    RedFlag,
    ReportKind,
    Side,
)

__all__ = [
    "DEFAULT_MINUTES",
    "SESSION_MINUTES",
    "BodyReport",
    "Completion",
    "CompletionStatus",
    "RunnerProfile",
]

MAX_REST_DAYS = 3
#: The session lengths a runner may choose (minutes); 20 when they skip the question.
SESSION_MINUTES = (10, 20, 30)
DEFAULT_MINUTES = 20


@dataclass(frozen=True, slots=True)
class RunnerProfile:
    """The runner's choices that shape their plan.

    ``equipment`` is the kit they own beyond body weight; ``rest_days`` are weekday
    numbers (0 = Monday) with no session, at most three; ``dynamic_days`` caps dynamic
    sessions a week at 1 or 2; ``health`` is what the health screen at onboarding said.

    The running week (weekday numbers too): ``run_days`` the days they run,
    ``long_run_day`` the day of the long run, ``hard_days`` the days of hard sessions
    (intervals, tempo, hills); ``race_distance`` the distance they race, and ``minutes``
    the session length they chose (10, 20 or 30). Empty or None: not said.
    """

    level: Level = Level.BEGINNER
    desk_job: bool = False
    equipment: frozenset[Equipment] = field(default_factory=frozenset)
    rest_days: frozenset[int] = field(default_factory=frozenset)
    dynamic_days: int = 2
    health: Health = field(default_factory=Health)
    run_days: frozenset[int] = field(default_factory=frozenset)
    long_run_day: int | None = None
    hard_days: frozenset[int] = field(default_factory=frozenset)
    race_distance: RaceDistance | None = None
    minutes: int = DEFAULT_MINUTES
    #: Weekdays of the long run and the hard sessions: the days kept hard (worked out once).
    key_days: frozenset[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.rest_days) > MAX_REST_DAYS or not self.rest_days <= set(range(7)):
            raise ValueError("rest days are weekday numbers 0-6, at most three of them")
        if self.dynamic_days not in (1, 2):
            raise ValueError("dynamic days a week must be 1 or 2")
        if not (self.run_days | self.hard_days) <= set(range(7)):
            raise ValueError("run and hard-session days are weekday numbers 0-6")
        if self.long_run_day is not None and self.long_run_day not in range(7):
            raise ValueError("the long-run day is a weekday number 0-6")
        if self.long_run_day is not None and self.long_run_day in self.hard_days:
            raise ValueError("the long run and a hard session fall on different days")
        if self.minutes not in SESSION_MINUTES:
            raise ValueError("a session lasts 10, 20 or 30 minutes")
        long_run = frozenset() if self.long_run_day is None else frozenset({self.long_run_day})
        object.__setattr__(self, "key_days", self.hard_days | long_run)

    def __hash__(self) -> int:
        """From the fields that tell most profiles apart (equal profiles hash alike): plans
        are memoised on profiles, so this runs often."""
        return hash((self.level, self.equipment, self.desk_job, self.key_days, self.rest_days))

    def has(self, kit: frozenset[Equipment]) -> bool:
        """Whether the runner owns all of ``kit``."""
        return kit <= self.equipment


class CompletionStatus(StrEnum):
    """How a planned session ended."""

    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Completion:
    """One logged session (done or skipped) on the runner's local date."""

    on: date
    category: Category
    session_id: str
    status: CompletionStatus = CompletionStatus.DONE
    rpe: int | None = None
    note: str | None = None
    #: Pain during the session, 0-10, when the runner answered the Done flow's question.
    pain: int | None = None

    def __hash__(self) -> int:
        """From the day and the session (equal logs hash alike): plans are memoised on a
        runner's logs, ten or so each time."""
        return hash((self.on, self.session_id, self.rpe))

    @property
    def done(self) -> bool:
        """True when the session was done rather than skipped."""
        return self.status is CompletionStatus.DONE


@dataclass(frozen=True, slots=True)
class BodyReport:
    """Tightness, soreness or pain in one area, as the runner reported it.

    ``worse``: the runner said it is worse by the morning, or than before ("achilles pain
    4/10, worse next morning"); the pain-monitoring model reduces load on it.
    """

    on: date
    area: Area
    kind: ReportKind
    side: Side = Side.NONE
    severity: int | None = None
    red_flags: frozenset[RedFlag] = field(default_factory=frozenset)
    worse: bool = False
