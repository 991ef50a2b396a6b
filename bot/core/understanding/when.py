"""Days as people say them for logs and pauses, resolved by dateparser under our rules.

dateparser (a well-kept parser) turns a phrase into a date relative to ``today`` (passed
as its ``RELATIVE_BASE``: it never reads the clock). Our rules pick the phrases and settle
what dateparser leaves open:

- A log's day is in the past: "yesterday", "last night" (yesterday), "Monday's session",
  "on Tuesday", "2 days ago", "the 2nd". A weekday name that is today's weekday is today.
  Anything after today is no log day.
- A pause's days are ahead: a day with no month is the next one on or after today ("the
  14th" on the 20th is next month's), one with no year the next such date. "back on the
  20th" means paused to the 19th; "from the 14th to the 21st" or "14-21 Dec" is a pause
  that starts later; "next week" is next Monday to Sunday.
- Only short phrases found by the patterns below reach dateparser, so a message with no
  day phrase costs one regex search.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

import dateparser

__all__ = ["log_day", "pause_span"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thurs": 3,
          "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
_WEEKDAY = "|".join(_WEEKDAYS)
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_LOG_DAY_RE = re.compile(
    r"\b(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|yday|yesterdays|last\s+night"
    rf"|(?:(?:on|last)\s+)?(?:{_WEEKDAY})(?:'?s)?"
    r"|(?:on|last)\s+(?:mon|tues?|weds?|thu|thurs|fri|sat|sun)"
    r"|(?:[0-9]{1,2}|a\s+couple\s+of|two|three|four|five|six)\s+days?\s+ago"
    r"|on\s+the\s+[0-9]{1,2}(?:st|nd|rd|th))\b"
)
_ORD = r"[0-9]{1,2}(?:st|nd|rd|th)"
_DAY = (
    rf"(?:(?:the\s+)?{_ORD}(?:\s+(?:of\s+)?(?:{_MONTH}))?|the\s+[0-9]{{1,2}}"
    rf"|[0-9]{{1,2}}\s+(?:of\s+)?(?:{_MONTH})|(?:{_MONTH})\s+[0-9]{{1,2}}(?:st|nd|rd|th)?"
    rf"|(?:{_WEEKDAY}))"
)
_RANGE_RE = re.compile(
    rf"\b(?:from\s+|between\s+)?({_DAY})\s*(?:-|–|to|till|til|until|and)\s*({_DAY})\b"
)
_BACK_RE = re.compile(
    rf"\b(?:back|home|return|returning|get\s+back|gets\s+back)\s+(?:on\s+|by\s+)?({_DAY})\b"
)
_NEXT_WEEK_RE = re.compile(r"\bnext\s+week\b(?!\s*(?:-|to|till|until))")
_SPAN_RE = re.compile(r"\b(?:for|another)\s+(?:a|an|one|two|three|[0-9]{1,2})\s+(?:days?|weeks?)")
_MONTH_RE = re.compile(rf"\b(?:{_MONTH})\b")
_LANGUAGES = ["en"]


def _parse(phrase: str, today: date, prefer: str) -> date | None:
    settings: Any = {
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),  # noqa: DTZ001 - a calendar day, no instant
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
    }
    found = dateparser.parse(phrase, languages=_LANGUAGES, settings=settings)
    return None if found is None else found.date()


def log_day(low: str, today: date) -> date | None:
    """The past day a done or skip message is about ("did it yesterday"), else None."""
    match = _LOG_DAY_RE.search(low)
    if match is None:
        return None
    phrase = " ".join(match.group(0).split()).replace("'s", "").removesuffix("s")
    if phrase in {"last night", "yday", "yesterday"}:
        return today - timedelta(days=1)
    bare = phrase.removeprefix("on ")
    weekday = _SHORT.get(bare, _WEEKDAYS.index(bare) if bare in _WEEKDAYS else None)
    if weekday is not None:  # "Monday's session": the latest Monday, today if it is one
        return today - timedelta(days=(today.weekday() - weekday) % 7)
    day = _parse(phrase.removeprefix("on ").removeprefix("last "), today, "past")
    return day if day is not None and day <= today else None


def _ahead(phrase: str, today: date) -> date | None:
    """A day on or after today, as our rules read one without month or year."""
    phrase = " ".join(phrase.split()).removeprefix("the ")
    if phrase in _WEEKDAYS:
        return today + timedelta(days=(_WEEKDAYS.index(phrase) - today.weekday()) % 7 or 7)
    day = _parse(phrase, today, "future")
    if day is None or day >= today:
        return day
    if _MONTH_RE.search(phrase):  # "3 May" said in June: next year's
        return _plus_years(day, 1)
    month = day.month % 12 + 1  # "the 3rd" said on the 20th: next month's
    year = day.year + (day.month == 12)
    for _ in range(3):
        try:
            return date(year, month, day.day)
        except ValueError:  # the 31st in a month without one
            month, year = month % 12 + 1, year + (month == 12)
    return None


def _plus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def back_on(low: str, today: date) -> date | None:
    """The last day away when the runner says when they are back ("I'm back on the 20th":
    the 19th), or None when no day ahead is named."""
    if (match := _BACK_RE.search(low)) is None:
        return None
    back = _ahead(match.group(1), today)
    return back - timedelta(days=1) if back is not None and back > today else None


def pause_span(low: str, today: date) -> tuple[date | None, date | None] | None:
    """The days of a pause as said ("back on the 20th", "14th to 21st", "next week"), or
    None when the message says none of these (the plain date rules then apply)."""
    if (match := _RANGE_RE.search(low)) is not None:
        first = _ahead(match.group(1), today)
        second = match.group(2)
        if first is not None and not _MONTH_RE.search(second) and _MONTH_RE.search(match.group(1)):
            second = f"{second} {_MONTH_RE.findall(match.group(1))[-1]}"
        last = _ahead(second, first or today)
        if first is not None and last is not None and last >= first:
            return (None if first <= today else first), last
    if (last := back_on(low, today)) is not None:
        return None, last
    if _NEXT_WEEK_RE.search(low) and not _SPAN_RE.search(low):
        monday = today + timedelta(days=7 - today.weekday())
        return monday, monday + timedelta(days=6)
    return None
