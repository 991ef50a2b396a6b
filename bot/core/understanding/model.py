"""The result types of message understanding: what a runner asked for, with its slots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import Final

from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

__all__ = ["EffortLabel", "Intent", "IntentKind", "PlanTopic", "ReportSlots", "Unclear"]


class IntentKind(StrEnum):
    """What a message asks the coach to do."""

    TODAY = "today"
    DONE = "done"
    SKIPPED = "skipped"
    BODY_REPORT = "body_report"
    SET_REMINDER = "set_reminder"
    SET_TIMEZONE = "set_timezone"
    RACE_DATE = "race_date"
    PAUSE = "pause"
    RESUME = "resume"
    PROGRESS = "progress"
    HISTORY = "history"
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"
    FEELS_FINE = "feels_fine"
    NOT_FINE = "not_fine"
    WARNING_SIGN = "warning_sign"
    PLAN_QUESTION = "plan_question"
    UNKNOWN = "unknown"


class Unclear(StrEnum):
    """Which value of a message cannot be right (``Intent.unclear_slot``)."""

    EFFORT = "effort"  # "done, effort 12/10"
    SEVERITY = "severity"  # "hamstring niggle 11/10"
    RATING = "rating"  # "11/10" with nothing it rates
    LOG_DAY = "log_day"  # "did it on the 31st of april"
    TIME = "time"  # "remind me at 25:00", "6-7am"
    ONE_DAY = "one_day"  # "remind me at 8 tomorrow only": the time is one for every day
    SOME_DAYS = "some_days"  # "no reminders at weekends": the time is one for every day
    DATE = "date"  # a pause "from the 21st to the 14th", a race "on 12/06" or just gone
    CITY = "city"  # "I'm in Springfield": several cities in other zones bear the name
    LENGTH = "length"  # "pause it for a bit": a break of no length said, asked how long


class PlanTopic(StrEnum):
    """What a question about the plan asks (``Intent.topic``)."""

    DAY = "day"  # a day's session: tomorrow, Saturday (``Intent.ask_day``)
    WEEK = "week"  # the rest of the week
    BLOCK = "block"  # the whole block: the week plus what changes next
    PHASE = "phase"  # which phase, and what comes next
    JUMPS = "jumps"  # when the jumps (plyometrics) start
    WHY = "why"  # why a session looks the way it does


class EffortLabel(StrEnum):
    """How hard a finished session felt, in words; ``effort`` is its 1-10 number."""

    EASY = "easy"
    MODERATE = "moderate"
    HARD = "hard"
    BRUTAL = "brutal"

    @property
    def effort(self) -> int:
        """The effort number (1-10) the label stands for."""
        return _LABEL_EFFORT[self]


_LABEL_EFFORT: Final = {
    EffortLabel.EASY: 3,
    EffortLabel.MODERATE: 5,
    EffortLabel.HARD: 8,
    EffortLabel.BRUTAL: 9,
}


@dataclass(init=False, unsafe_hash=True, slots=True)
class ReportSlots:
    """One body report: where, which side, what is felt, how bad, and any red flags.

    ``severity`` is 0-10 when the runner gave a number, else None. Any red flag makes
    ``kind`` PAIN. ``worse``: the runner said it is worse by the morning, or than before
    ("worse next morning", "stiffer this morning": ``understanding.morning``). A value,
    built as ``Intent`` is (its fields ``Final``).
    """

    area: Final[Area]
    side: Final[Side]
    kind: Final[ReportKind]
    severity: Final[int | None]
    red_flags: Final[frozenset[RedFlag]]
    worse: Final[bool]

    def __init__(  # noqa: PLR0917 (positional, as the dataclass it replaces took them)
        self,
        area: Area,
        side: Side,
        kind: ReportKind,
        severity: int | None = None,
        red_flags: frozenset[RedFlag] = frozenset(),
        worse: bool = False,
    ) -> None:
        self.area = area
        self.side = side
        self.kind = kind
        self.severity = severity
        self.red_flags = red_flags
        self.worse = worse


@dataclass(init=False, unsafe_hash=True, slots=True)
class Intent:
    """A message's meaning: its ``kind`` plus the slots that kind uses (None when unsaid).

    ``report`` is filled whenever the message carries a body report, whatever its kind,
    so "done, but my calves are tight" is DONE with both ``note`` and ``report``.

    A value: every field is ``Final`` (mypy rejects a change; compiled, so does the
    runtime), equal and hashed by its fields, changed copies made with
    ``dataclasses.replace``. Not ``frozen=True``: a frozen dataclass's ``__init__`` sets
    each field through ``object.__setattr__``, about 30 times slower compiled than this
    one, and an intent is built many times a message (``bench/bench_understanding.py``).
    """

    kind: Final[IntentKind]
    effort: Final[int | None]
    effort_label: Final[EffortLabel | None]
    note: Final[str | None]
    reason: Final[str | None]
    report: Final[ReportSlots | None]
    reminder_time: Final[time | None]
    reminder_off: Final[bool]
    timezone_text: Final[str | None]
    race_date: Final[date | None]
    race_off: Final[bool]
    pause_until: Final[date | None]
    #: FEELS_FINE / NOT_FINE: the areas the runner named (none: everything).
    fine_areas: Final[tuple[Area, ...]]
    #: FEELS_FINE: a clinician's go-ahead said ("physio checked me and said I'm ok to hop
    #: again"): the answer to "has a clinician cleared you?" (``cleared``).
    cleared: Final[bool]
    #: Warning signs said without a body area ("I think I have a stress fracture").
    signs: Final[frozenset[RedFlag]]
    #: DONE / SKIPPED: the past day the log is for ("did it yesterday"); None: today.
    log_day: Final[date | None]
    #: PAUSE: the first day of a pause that starts later ("from the 14th"); None: today.
    pause_from: Final[date | None]
    #: A value as written that cannot be right ("11/10", "-5/10", "25:00"): the coach asks
    #: about it and stores nothing from this message's ratings or time.
    unclear: Final[str | None]
    #: Which value ``unclear`` is: an odd severity keeps its ``report`` (without the number).
    unclear_slot: Final[Unclear | None]
    #: PLAN_QUESTION: what is asked, and the day for ``PlanTopic.DAY``.
    topic: Final[PlanTopic | None]
    ask_day: Final[date | None]

    def __init__(
        self,
        kind: IntentKind,
        *,
        effort: int | None = None,
        effort_label: EffortLabel | None = None,
        note: str | None = None,
        reason: str | None = None,
        report: ReportSlots | None = None,
        reminder_time: time | None = None,
        reminder_off: bool = False,
        timezone_text: str | None = None,
        race_date: date | None = None,
        race_off: bool = False,
        pause_until: date | None = None,
        fine_areas: tuple[Area, ...] = (),
        cleared: bool = False,
        signs: frozenset[RedFlag] = frozenset(),
        log_day: date | None = None,
        pause_from: date | None = None,
        unclear: str | None = None,
        unclear_slot: Unclear | None = None,
        topic: PlanTopic | None = None,
        ask_day: date | None = None,
    ) -> None:
        self.kind = kind
        self.effort = effort
        self.effort_label = effort_label
        self.note = note
        self.reason = reason
        self.report = report
        self.reminder_time = reminder_time
        self.reminder_off = reminder_off
        self.timezone_text = timezone_text
        self.race_date = race_date
        self.race_off = race_off
        self.pause_until = pause_until
        self.fine_areas = fine_areas
        self.cleared = cleared
        self.signs = signs
        self.log_day = log_day
        self.pause_from = pause_from
        self.unclear = unclear
        self.unclear_slot = unclear_slot
        self.topic = topic
        self.ask_day = ask_day

    @property
    def city_said(self) -> str | None:
        """SET_TIMEZONE: the city as understood, or as said when several bear the name."""
        if self.unclear_slot is Unclear.CITY:
            return self.unclear
        return self.timezone_text
