"""Versioned, validated callback data for inline buttons (Telegram allows 64 bytes).

Format: ``v1|<code>|<arg>|<arg>...`` where ``<code>`` is the :class:`Action` value (two
letters) and each argument has a fixed shape per action:

* dates as ``YYMMDD`` (years 2000-2099), e.g. ``261125`` for 2026-11-25;
* session ids as in the content (``^[a-z0-9][a-z0-9_-]{1,63}$``);
* small integers in decimal without leading zeros; a missing severity as ``-``;
* vocabulary members by value (``calves``, ``left``, ``soreness``), times as ``HHMM``.

Example: ``v1|dn|261125|intermediate-jumps-and-landings``. :func:`decode` accepts only
what :func:`encode` produces (one canonical spelling per value) and returns None for
anything else, so an old or forged button gets a polite "out of date" answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.comeback import Feel
from bot.core.health import Screen
from bot.core.understanding.suggest import Suggestion
from bot.core.vocabulary import Area, Equipment, Level, RedFlag, ReportKind, Side

__all__ = [
    "MAX_BYTES",
    "VERSION",
    "Action",
    "Answer",
    "Arg",
    "Callback",
    "OnboardingStep",
    "Snooze",
    "decode",
    "encode",
]

VERSION = "v1"
MAX_BYTES = 64
SEP = "|"

_T = TypeVar("_T")

Arg = date | time | int | str | None
"""A decoded argument: a date, a time, an int, a str (or vocabulary member) or None."""


class Action(StrEnum):
    """Every inline-button action; the value is the code written into the data."""

    DONE = "dn"  # date, session id
    SKIP = "sk"  # date, session id
    SORE = "so"  # date: opens the guided report
    EFFORT = "ef"  # date, session id, rpe 1-10
    REPORT_AREA = "ra"  # Area
    REPORT_SIDE = "rs"  # Side
    REPORT_KIND = "rk"  # ReportKind
    REPORT_SEVERITY = "rv"  # 0-10 or None
    REPORT_FLAG = "rf"  # RedFlag, toggled
    REPORT_FINISH = "rz"  # no args: the red-flag question is answered
    ONBOARDING_LEVEL = "ol"  # Level
    ONBOARDING_DESK = "od"  # Answer
    ONBOARDING_EQUIPMENT = "oe"  # Equipment, toggled
    ONBOARDING_EQUIPMENT_DONE = "oz"  # no args
    ONBOARDING_REMINDER = "or"  # time of day
    ONBOARDING_TIMEZONE = "ot"  # IANA zone name
    ONBOARDING_SKIP = "os"  # OnboardingStep
    ONBOARDING_HEALTH = "oh"  # Screen (injury or bone_stress), toggled
    ONBOARDING_HEALTH_DONE = "oy"  # no args
    ONBOARDING_PREGNANCY = "op"  # Screen (pregnant, postpartum or none)
    ONBOARDING_LONG_RUN = "ow"  # weekday 0-6 (0 = Monday): the long run's day
    HEALTH_END = "he"  # Screen: /settings ends a health-screen entry
    HEALTH_BIRTH = "hb"  # no args: /settings, pregnant → had the baby (today)
    CONFIRM_DELETE = "cd"  # Answer
    CONFIRM_RESTART = "cr"  # Answer: /start again after set-up, start over?
    HISTORY_PAGE = "hp"  # page number 1-9999
    SNOOZE = "sn"  # date of the reminder, Snooze
    CANCEL = "cx"  # no args: leave the current flow
    CLEAR_CLINICIAN = "cc"  # Answer: has a clinician cleared you?
    CLEAR_CHECK = "ck"  # return check number 0-9, Answer: done at pain 2/10 or less?
    CLEAR_PICK = "cp"  # Area: which of several holds to clear
    CLEAR_SIGN = "cs"  # Answer: has the sign (giving way, pins and needles) stayed away?
    TIMEZONE = "tz"  # IANA zone name: the city the runner meant
    PAIN = "pn"  # date of the session, pain during it 0-10
    MORNING = "mf"  # date of the session, Feel: how it feels the morning after
    SUGGEST = "sg"  # Suggestion: a "did you mean" button under a message not understood


class Answer(StrEnum):
    """A yes/no button."""

    YES = "yes"
    NO = "no"


class OnboardingStep(StrEnum):
    """An onboarding question that can be skipped."""

    LEVEL = "level"
    DESK = "desk"
    EQUIPMENT = "equipment"
    RACE = "race"
    WEEK = "week"
    REMINDER = "reminder"
    TIMEZONE = "timezone"
    HEALTH = "health"
    PREGNANCY = "pregnancy"


class Snooze(StrEnum):
    """How long a reminder is put off."""

    HOUR = "1h"
    EVENING = "evening"


@dataclass(frozen=True, slots=True)
class Callback:
    """A decoded button press: the action and its typed arguments."""

    action: Action
    args: tuple[Arg, ...] = ()

    def date_arg(self, index: int) -> date:
        """Argument ``index`` as a date (TypeError if it is not one)."""
        return _typed(self.args[index], date)

    def int_arg(self, index: int) -> int:
        """Argument ``index`` as an int."""
        return _typed(self.args[index], int)

    def str_arg(self, index: int) -> str:
        """Argument ``index`` as a str (vocabulary members are str)."""
        return _typed(self.args[index], str)


def _typed(value: Arg, kind: type[_T]) -> _T:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"expected {kind.__name__}, got {value!r}")
    return value


# ---------------------------------------------------------------- argument shapes


@dataclass(frozen=True, slots=True)
class _Shape:
    """How one argument is written and read back."""

    write: Callable[[Arg], str]  # raises ValueError/TypeError on a bad value
    read: Callable[[str], Arg]  # raises ValueError on bad text


SESSION_ID = re.compile(r"[a-z0-9][a-z0-9_-]{1,63}")
_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}")
_NUMBER = re.compile(r"0|[1-9][0-9]{0,3}")


def _write_date(value: Arg) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if not isinstance(value, date) or not 2000 <= value.year <= 2099:
        raise ValueError(f"not a date in 2000-2099: {value!r}")
    return f"{value.year % 100:02d}{value.month:02d}{value.day:02d}"


def _read_date(text: str) -> Arg:
    if len(text) != 6 or not text.isascii() or not text.isdigit():
        raise ValueError(text)
    return date(2000 + int(text[:2]), int(text[2:4]), int(text[4:]))


def _write_session(value: Arg) -> str:
    if not isinstance(value, str) or not SESSION_ID.fullmatch(value):
        raise ValueError(f"not a session id: {value!r}")
    return value


def _read_session(text: str) -> Arg:
    return _write_session(text)


def _ints(low: int, high: int, *, optional: bool = False) -> _Shape:
    def write(value: Arg) -> str:
        if optional and value in (None, "none"):
            return "-"
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"not a number {low}-{high}: {value!r}")
        return str(value)

    def read(text: str) -> Arg:
        if optional and text == "-":
            return None
        if not _NUMBER.fullmatch(text):
            raise ValueError(text)
        value = int(text)
        write(value)
        return value

    return _Shape(write, read)


def _member(enum: type[StrEnum]) -> _Shape:
    def write(value: Arg) -> str:
        if not isinstance(value, str):
            raise TypeError(f"not a {enum.__name__}: {value!r}")
        return enum(value).value

    def read(text: str) -> Arg:
        return enum(text)

    return _Shape(write, read)


def _write_time(value: Arg) -> str:
    if isinstance(value, str):
        value = time.fromisoformat(value) if len(value) == 5 else None
    if not isinstance(value, time) or value.second or value.microsecond or value.tzinfo:
        raise ValueError(f"not a time HH:MM: {value!r}")
    return f"{value.hour:02d}{value.minute:02d}"


def _read_time(text: str) -> Arg:
    if len(text) != 4 or not text.isascii() or not text.isdigit():
        raise ValueError(text)
    return time(int(text[:2]), int(text[2:]))


def _write_zone(value: Arg) -> str:
    if not isinstance(value, str) or not _ZONE.fullmatch(value):
        raise ValueError(f"not a time zone: {value!r}")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone: {value!r}") from error
    return value


def _read_zone(text: str) -> Arg:
    return _write_zone(text)


_DATE = _Shape(_write_date, _read_date)
_SESSION = _Shape(_write_session, _read_session)
_TIME = _Shape(_write_time, _read_time)
_TIMEZONE = _Shape(_write_zone, _read_zone)

SHAPES: dict[Action, tuple[_Shape, ...]] = {
    Action.DONE: (_DATE, _SESSION),
    Action.SKIP: (_DATE, _SESSION),
    Action.SORE: (_DATE,),
    Action.EFFORT: (_DATE, _SESSION, _ints(1, 10)),
    Action.REPORT_AREA: (_member(Area),),
    Action.REPORT_SIDE: (_member(Side),),
    Action.REPORT_KIND: (_member(ReportKind),),
    Action.REPORT_SEVERITY: (_ints(0, 10, optional=True),),
    Action.REPORT_FLAG: (_member(RedFlag),),
    Action.REPORT_FINISH: (),
    Action.ONBOARDING_LEVEL: (_member(Level),),
    Action.ONBOARDING_DESK: (_member(Answer),),
    Action.ONBOARDING_EQUIPMENT: (_member(Equipment),),
    Action.ONBOARDING_EQUIPMENT_DONE: (),
    Action.ONBOARDING_REMINDER: (_TIME,),
    Action.ONBOARDING_TIMEZONE: (_TIMEZONE,),
    Action.TIMEZONE: (_TIMEZONE,),
    Action.ONBOARDING_SKIP: (_member(OnboardingStep),),
    Action.ONBOARDING_HEALTH: (_member(Screen),),
    Action.ONBOARDING_HEALTH_DONE: (),
    Action.ONBOARDING_PREGNANCY: (_member(Screen),),
    Action.ONBOARDING_LONG_RUN: (_ints(0, 6),),
    Action.HEALTH_END: (_member(Screen),),
    Action.HEALTH_BIRTH: (),
    Action.CONFIRM_DELETE: (_member(Answer),),
    Action.CONFIRM_RESTART: (_member(Answer),),
    Action.HISTORY_PAGE: (_ints(1, 9999),),
    Action.SNOOZE: (_DATE, _member(Snooze)),
    Action.CANCEL: (),
    Action.CLEAR_CLINICIAN: (_member(Answer),),
    Action.CLEAR_CHECK: (_ints(0, 9), _member(Answer)),
    Action.CLEAR_PICK: (_member(Area),),
    Action.CLEAR_SIGN: (_member(Answer),),
    Action.PAIN: (_DATE, _ints(0, 10)),
    Action.MORNING: (_DATE, _member(Feel)),
    Action.SUGGEST: (_member(Suggestion),),
}


# ---------------------------------------------------------------- the codec


def encode(action: Action, *args: Arg) -> str:
    """The callback data for ``action`` with ``args``.

    Dates may be given as ``date`` or ISO text, times as ``time`` or ``"HH:MM"``. Raises
    ValueError when an argument does not fit its action or the data would exceed 64 bytes.
    """
    shapes = SHAPES[Action(action)]
    if len(args) != len(shapes):
        raise ValueError(f"{action.name} takes {len(shapes)} argument(s), got {len(args)}")
    try:
        parts = [shape.write(arg) for shape, arg in zip(shapes, args, strict=True)]
    except TypeError as error:
        raise ValueError(str(error)) from error
    data = SEP.join([VERSION, action.value, *parts])
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: object) -> Callback | None:
    """The button press in ``data``, or None when it is not valid current callback data."""
    if not isinstance(data, str) or len(data) > MAX_BYTES or not data.isascii():
        return None
    version, _, rest = data.partition(SEP)
    if version != VERSION:
        return None
    code, *texts = rest.split(SEP)
    try:
        action = Action(code)
        args = _read_all(SHAPES[action], texts)
        canonical = encode(action, *args)
    except (ValueError, TypeError):
        return None
    return Callback(action, args) if canonical == data else None


def _read_all(shapes: Sequence[_Shape], texts: Sequence[str]) -> tuple[Arg, ...]:
    if len(texts) != len(shapes):
        raise ValueError("wrong number of arguments")
    return tuple(shape.read(text) for shape, text in zip(shapes, texts, strict=True))
