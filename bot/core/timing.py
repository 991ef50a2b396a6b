"""When a local wall-clock time next happens, as a UTC instant (pure: no clock, no I/O).

Daylight saving rules: an ambiguous local time (clocks go back) fires at its first
occurrence only; a local time that does not exist (clocks go forward) fires at the first
valid instant after the gap (02:30 on Berlin's spring night → 03:00 CEST). A day the zone
skipped entirely (a date-line move, e.g. Kiritimati on 1994-12-31) has no occurrence, so a
local date never gets two.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "CHECKIN_TIME",
    "CHECKIN_WEEKDAY",
    "Due",
    "DueMessage",
    "due_status",
    "is_paused",
    "local_date_of",
    "next_checkin",
    "next_occurrence",
    "occurrence_on",
    "weekly_occurrence",
    "zone",
]

_DAY = timedelta(days=1)
#: The weekly check-in: Sunday (Mon=0) at 19:00, runner-local.
CHECKIN_WEEKDAY = 6
CHECKIN_TIME = time(19, 0)
#: Days searched forward before giving up; a daily time exists on at least one of them.
_SEARCH_DAYS = 16


@lru_cache(maxsize=1024)
def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name`` (UTC when the name is unknown or malformed)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_date_of(instant: datetime, zone_name: str) -> date:
    """The calendar date in ``zone_name`` at ``instant`` (aware)."""
    return instant.astimezone(zone(zone_name)).date()


def occurrence_on(day: date, local_time: time, zone_name: str) -> datetime | None:
    """The UTC instant ``local_time`` happens on local ``day``, by the DST rules above.

    None when the zone skipped the whole day or the gap pushes the time into the next day.
    """
    tz = zone(zone_name)
    wall = datetime.combine(day, local_time.replace(tzinfo=None, fold=0))
    first = wall.replace(tzinfo=tz).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == wall:
        return first  # exists; fold=0 is the first of two when ambiguous
    instant = _end_of_gap(wall, tz)
    return instant if instant.astimezone(tz).date() == day else None


def _end_of_gap(wall: datetime, tz: ZoneInfo) -> datetime:
    """The first instant whose local wall time is at or after ``wall`` (inside a gap)."""
    a = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    b = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    low, high = int(min(a, b).timestamp()) - 1, int(max(a, b).timestamp()) + 1
    while high - low > 1:  # invariant: wall(low) < wall <= wall(high)
        middle = (low + high) // 2
        local = datetime.fromtimestamp(middle, tz).replace(tzinfo=None)
        if local >= wall:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


def _days_from(after: datetime, tz_name: str) -> Iterator[date]:
    """Local dates from the day before ``after``'s local date, forward."""
    start = local_date_of(after, tz_name) - _DAY
    return (start + offset * _DAY for offset in range(_SEARCH_DAYS))


@lru_cache(maxsize=8192)  # a fan-out asks the same (time, zone, instant) for many runners
def next_occurrence(local_time: time, zone_name: str, after: datetime) -> datetime:
    """The first UTC instant strictly after ``after`` at which local ``local_time`` happens."""
    _require_aware(after)
    for day in _days_from(after, zone_name):
        instant = occurrence_on(day, local_time, zone_name)
        if instant is not None and instant > after:
            return instant
    raise AssertionError(f"no {local_time} in {zone_name} after {after}")  # pragma: no cover


def weekly_occurrence(weekday: int, local_time: time, zone_name: str, after: datetime) -> datetime:
    """The first UTC instant after ``after`` that is ``local_time`` on ``weekday`` (Mon=0)."""
    _require_aware(after)
    start = local_date_of(after, zone_name) - _DAY
    for offset in range(3 * 7):
        day = start + offset * _DAY
        if day.weekday() != weekday:
            continue
        instant = occurrence_on(day, local_time, zone_name)
        if instant is not None and instant > after:
            return instant
    raise AssertionError(f"no weekday {weekday} {local_time} in {zone_name}")  # pragma: no cover


def _require_aware(instant: datetime) -> None:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"naive datetime {instant.isoformat()} given; use an aware one")


def next_checkin(zone_name: str, after: datetime) -> datetime:
    """The first check-in instant (Sunday 19:00 local) strictly after ``after``."""
    return weekly_occurrence(CHECKIN_WEEKDAY, CHECKIN_TIME, zone_name, after)


def is_paused(paused_until: date | None, day: date) -> bool:
    """Whether a runner paused until ``paused_until`` (inclusive) is on a break on ``day``."""
    return paused_until is not None and day <= paused_until


class Due(StrEnum):
    """What becomes of a scheduled message that fell due."""

    SEND = "send"
    MISSED = "missed"  # due longer ago than the grace: the bot was down
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class DueMessage:
    """A due message's fate and the instant after which its next occurrence is looked for."""

    fate: Due
    after: datetime


def due_status(
    due_at: datetime, now: datetime, grace: timedelta, paused_until: date | None, day: date
) -> DueMessage:
    """The grace and pause rules for a message due at ``due_at`` (local ``day``).

    Later than ``grace`` is missed, and the next occurrence is looked for after the start
    of the grace window (so one within it is still sent); otherwise it is sent unless the
    runner is paused that day, and the next occurrence comes after now.
    """
    if due_at < now - grace:
        return DueMessage(Due.MISSED, max(due_at, now - grace))
    after = max(due_at, now)
    return DueMessage(Due.PAUSED if is_paused(paused_until, day) else Due.SEND, after)
