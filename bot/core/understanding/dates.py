"""Calendar dates in text, absolute or relative to ``today``.

Handles ISO ("2027-04-12"), day/month ("12/4/2027", "12/4": day first unless that cannot
be; "20.12" when the month has two digits), month names ("May 3", "3rd of May 2027"),
weekdays ("next Saturday": the first Saturday after today), and spans ("in 2 weeks", "for
10 days", "6 weeks away", "tomorrow", "next week": next Monday, "next month": its 1st,
"the end of the year": 31 December). A date without a year is the next such date on or
after today. Without ``today`` only dates with a year resolve.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Final

from bot.core.understanding.text import has_digit
from bot.core.understanding.words import WEEKDAY_ABBREVIATIONS, WEEKDAYS

__all__ = [
    "MONTHS",
    "MONTH_PATTERN",
    "NOT_A_DAY",
    "find_dates",
    "last_date",
    "names_a_date",
    "weekday_date_clash",
    "years_later",
]

MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS: Final = {**{name: n for n, name in enumerate(WEEKDAYS)}, **WEEKDAY_ABBREVIATIONS}
_COUNTS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2, "a few": 3, "few": 3,
}  # fmt: skip
#: A month's name, long or short, as a regex alternation (every key of ``MONTHS``).
MONTH_PATTERN: Final = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_COUNT: Final = r"a\s+couple\s+of|couple\s+of|a\s+few|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,3}"  # noqa: E501
_UNIT: Final = r"days?|weeks?|wks?|months?"

_ISO_RE: Final = re.compile(
    r"(?=[0-9])(?<![0-9])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])"
)
_DMY_RE: Final = re.compile(
    r"(?=[0-9])(?<![0-9/.:-])([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![0-9/.:-])"
)
_DM_RE: Final = re.compile(r"(?=[0-9])(?<![0-9/.:-])([0-9]{1,2})/([0-9]{1,2})(?![0-9/.:-])")
#: A day and month with a dot, the month in two digits ("20.12", "03.01"), never a time
#: ("at 7.05", "6.10pm"), a distance or a pace ("5.10 km", "4.05/km").
_DOTTED_RE: Final = re.compile(
    r"(?=[0-9])(?<![0-9/.:-])(?<!\bat\s)(?<!@)(?<!@\s)([0-9]{1,2})\.(0[1-9]|1[0-2])"
    r"(?![0-9/.:-]|\s*(?:am|pm|h\b|hrs?\b|km|k\b|mi|min|kg|%))"
)
_DAY_MONTH_RE: Final = re.compile(
    rf"\b([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})\b\.?(?:,?\s+([0-9]{{4}})\b)?"
)
_MONTH_DAY_RE: Final = re.compile(
    rf"\b({MONTH_PATTERN})\.?\s+(?:the\s+)?([0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+([0-9]{{4}})\b)?"
)
#: A month, then its day a few words on ("half in april, the 12th", "may - on the 3rd").
_MONTH_THEN_DAY_RE: Final = re.compile(
    rf"\b({MONTH_PATTERN})\b\.?(?:\s*[,–-]\s*(?:on\s+)?|\s+on\s+)(the\s+([0-9]{{1,2}})(?:st|nd|rd|th))\b"
    rf"(?:,?\s+([0-9]{{4}})\b)?"
)
_WEEKDAY_RE: Final = re.compile(
    r"\b(?:(?:next|this|coming|on|until|till|til|by)\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_WEEKDAY_SHORT_RE: Final = re.compile(
    r"\b(?:next|this|coming|on|until|till|til|by)\s+(mon|tues?|weds?|thu|thurs|fri|sat|sun)\b"
)
_RELATIVE_RE: Final = re.compile(rf"\b(?:in|for|another)\s+({_COUNT})\s+({_UNIT})\b")
_AWAY_RE: Final = re.compile(rf"\b({_COUNT})\s+({_UNIT})\s+(?:away|from\s+now|from\s+today|out)\b")
_FORTNIGHT_RE: Final = re.compile(r"\b(?:in|for)\s+a\s+fortnight\b")
_KEYWORD_RE: Final = re.compile(
    r"\b(day\s+after\s+tomorrow|tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|next\s+week|next\s+month"
    r"|(?:end|rest)\s+of\s+(?:the\s+|this\s+)?month|end\s+of\s+(?:the\s+|this\s+)?year|weekend"
    rf"|rest\s+of\s+(?:{MONTH_PATTERN})|rest\s+of\s+(?:the\s+|this\s+)?week"
    rf"|(?:until|till|til|to|through|thru)\s+(?:the\s+)?end\s+of\s+(?:{MONTH_PATTERN}))\b"
)
#: What an ordinal may count instead of a day of the month ("the 3rd floor", "the 2nd set").
NOT_A_DAY: Final = (
    r"(?:floor|storey|story|place|time|attempt|round|set|rep|lap|try|go|week|km|mile|row"
    r"|grade|year|kid|child|baby|marathon|race|session|one)s?\b"
)
_ORDINAL_RE: Final = re.compile(
    rf"\bthe\s+([0-9]{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:{MONTH_PATTERN})\b)"
    rf"(?!\s+{NOT_A_DAY})"
)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _infer(month: int, day: int, year: str | None, today: date | None) -> date | None:
    """The date with that month and day: in ``year`` if given, else next on or after today."""
    if year:
        return _make(_year(year), month, day)
    if today is None:
        return None
    for offset in range(2):  # within a year: "29 feb" said in 2027 is asked, not 2028's
        found = _make(today.year + offset, month, day)
        if found is not None and found >= today:
            return found if found <= years_later(today, 1) else None
    return None


def years_later(day: date, years: int) -> date:
    """``day`` so many years on (or back, for a negative number); 29 February becomes the
    28th in a year without it."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _add_months(start: date, months: int) -> date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _span(today: date, count: str, unit: str) -> date | None:
    number = _COUNTS.get(" ".join(count.split())) or int(count)
    if unit.startswith("month"):
        return _add_months(today, number) if number <= 120 else None
    days = number * (7 if unit.startswith("w") else 1)
    return today + timedelta(days=days) if days <= 3660 else None


def _keyword(word: str, today: date) -> date:
    word = " ".join(word.split())
    if word == "day after tomorrow":
        return today + timedelta(days=2)
    if word in {"tomorrow", "tomorow", "tommorow", "tommorrow", "tmrw", "tmr"}:
        return today + timedelta(days=1)
    if word.startswith("rest of") and word.endswith("week"):  # its Sunday
        return today + timedelta(days=6 - today.weekday())
    if word == "next week":
        return today + timedelta(days=7 - today.weekday())
    if word == "next month":
        return _add_months(today.replace(day=1), 1)
    if word == "weekend":
        return today + timedelta(days=(5 - today.weekday()) % 7)
    if word.endswith("year"):  # "till the end of the year": its 31 December
        return today.replace(month=12, day=31)
    if (month := MONTHS.get(word.split()[-1])) is not None:  # "till the end of march"
        year = today.year + (month < today.month)
        return date(year, month, calendar.monthrange(year, month)[1])
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def _weekday(name: str, today: date) -> date:
    ahead = (_WEEKDAYS[name] - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)


def _ordinal(day: int, today: date) -> date | None:
    for offset in range(3):
        year, month = divmod(today.year * 12 + today.month - 1 + offset, 12)
        found = _make(year, month + 1, day)
        if found is not None and found > today:
            return found
    return None


def _absolute(low: str, today: date | None) -> Iterator[tuple[int, date | None]]:
    if not has_digit(low):
        return  # every pattern below needs a digit
    for m in _ISO_RE.finditer(low):
        yield m.start(), _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in _DMY_RE.finditer(low):
        day, month = _day_first(int(m.group(1)), int(m.group(3)))
        yield m.start(), _infer(month, day, m.group(4), today)
    for m in _DM_RE.finditer(low):
        if _rating(m):
            continue  # "5/10": how it felt, not 5 October
        day, month = _day_first(int(m.group(1)), int(m.group(2)))
        yield m.start(), _infer(month, day, None, today)
    for m in _DOTTED_RE.finditer(low):
        yield m.start(), _infer(int(m.group(2)), int(m.group(1)), None, today)
    for m in _DAY_MONTH_RE.finditer(low):
        yield m.start(), _infer(MONTHS[m.group(2)], int(m.group(1)), m.group(3), today)
    for m in _MONTH_DAY_RE.finditer(low):
        yield m.start(), _infer(MONTHS[m.group(1)], int(m.group(2)), m.group(3), today)
    # "april, the 12th": at the ordinal's place, so the ordinal is this day
    for m in _MONTH_THEN_DAY_RE.finditer(low) if "the " in low else ():
        yield m.start(2), _infer(MONTHS[m.group(1)], int(m.group(3)), m.group(4), today)


_DATE_LEAD_RE: Final = re.compile(r"\b(?:on|from|until|till|til|to|by|before|after|is|the)\s+$")


def _rating(m: re.Match[str]) -> bool:
    """ "5/10", "4/5" not led by a date word ("on", "until"): a rating, not a date."""
    if m.group(2) not in ("10", "5") or int(m.group(1)) > int(m.group(2)):
        return False
    return _DATE_LEAD_RE.search(m.string, max(m.start() - 7, 0), m.start()) is None


def _day_first(first: int, second: int) -> tuple[int, int]:
    """(day, month) from "first/second": day first unless only month first can be right."""
    return (second, first) if second > 12 >= first else (first, second)


def _ordinal_after(m: re.Match[str], today: date) -> date | None:
    """ "the 12th": the next 12th, unless a month is said just before ("april the 12th",
    read as that month's day)."""
    before = m.string[max(m.start() - 12, 0) : m.start()].rstrip(" ,-–").split()
    if before and before[-1].rstrip(".") in MONTHS:
        return None
    return _ordinal(int(m.group(1)), today)


_Relative = Callable[[re.Match[str], date], "date | None"]
_UNITS: Final = ("day", "week", "wk", "month")
#: Each relative pattern, how it resolves, and what it cannot match without: one of these
#: words (None: a digit), tested first as it is much cheaper than the pattern.
_RELATIVE: Final[tuple[tuple[re.Pattern[str], _Relative, tuple[str, ...] | None], ...]] = (
    (_WEEKDAY_RE, lambda m, t: _weekday(m.group(1), t), ("day",)),
    (
        _WEEKDAY_SHORT_RE,
        lambda m, t: _weekday(m.group(1), t),
        ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    ),
    (_RELATIVE_RE, lambda m, t: _span(t, m.group(1), m.group(2)), _UNITS),
    (_AWAY_RE, lambda m, t: _span(t, m.group(1), m.group(2)), _UNITS),
    (_FORTNIGHT_RE, lambda m, t: t + timedelta(days=14), ("fortnight",)),
    (_KEYWORD_RE, lambda m, t: _keyword(m.group(1), t), ("tom", "tmr", "next", "end", "rest")),
    (_ORDINAL_RE, _ordinal_after, None),
)


def _may_match(needs: tuple[str, ...] | None, low: str, digit: bool) -> bool:
    """Whether ``low`` holds what a pattern needs (``_RELATIVE``'s third item)."""
    if needs is None:
        return digit
    return any(word in low for word in needs)


_SPAN_THEN_DAY_RE: Final = re.compile(
    rf"\b(?:in\s+)?({_COUNT})\s+(weeks?|wks?)(?:'?\s*time)?\s*,?\s+on\s+(?:the\s+|a\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


#: "a week on saturday", "a week tomorrow", "a fortnight on sunday" (British): that day a
#: week (or two) further on.
_WEEK_ON_RE: Final = re.compile(
    r"\ba\s+(week|fortnight)\s+(?:on\s+|from\s+)?(?:this\s+)?(tomorrow|tmrw|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs|fri|sat"
    r"|sun)\b"
)


#: "saturday week", "tuesday fortnight" (British): that day a week (or two) after its next.
_DAY_WEEK_RE: Final = re.compile(
    r"\b(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)"
    r"\s+(week|fortnight)\b"
)
_TOMORROWS: Final = frozenset({"tomorrow", "tmrw"})


def _weeks_on(day: str, span: str, today: date) -> date:
    """``day`` (a weekday's next, or tomorrow) a ``span`` ("week", "fortnight") further on."""
    start = today + timedelta(days=1) if day in _TOMORROWS else _weekday(day, today)
    return start + timedelta(days=7 if span == "week" else 14)


def _one_date(found: dict[int, date | None], m: re.Match[str], day: date) -> None:
    """``day`` as the one date of the words ``m`` matched ("a week on saturday")."""
    for pos in [p for p in found if m.start() <= p < m.end()]:
        del found[pos]
    found[m.start()] = day


def find_dates(low: str, today: date | None) -> list[tuple[int, date]]:
    """Every date in ``low`` (lower-case text) as (position, date), in text order; "in 3
    weeks on the saturday" is that week's Saturday."""
    found = dict(_absolute(low, today))
    if today is not None:
        for m in _SPAN_THEN_DAY_RE.finditer(low):
            week = _span(today, m.group(1), m.group(2))
            if week is not None:
                monday = week - timedelta(days=week.weekday())
                found[m.start()] = monday + timedelta(days=_WEEKDAYS[m.group(3)])
        digit = has_digit(low)
        for regex, resolve, needs in _RELATIVE:
            if not _may_match(needs, low, digit):
                continue
            for m in regex.finditer(low):
                found.setdefault(m.start(), resolve(m, today))
        for m in _SPAN_THEN_DAY_RE.finditer(low):  # the weekday is that week's, not the next
            for pos in [p for p in found if m.start() < p < m.end()]:
                found[pos] = found[m.start()]
        if "day week" in low or "day fortnight" in low or "tomorrow week" in low:
            for m in _DAY_WEEK_RE.finditer(low):  # "saturday week": one date, a week on
                _one_date(found, m, _weeks_on(m.group(1), m.group(2), today))
        if "a week" in low or "a fortnight" in low:
            for m in _WEEK_ON_RE.finditer(low):  # "a week on saturday": one date, a week on
                _one_date(found, m, _weeks_on(m.group(2), m.group(1), today))
        if digit:
            for m in _WEEKDAY_THE_NTH_RE.finditer(low):  # "sunday the 23rd": the 23rd that is
                if (nth := _weekday_nth(m.group(1), int(m.group(2)), today)) is not None:
                    _one_date(found, m, nth)  # a Sunday, not this Sunday nor the 23rd of now
    return sorted((pos, value) for pos, value in found.items() if value is not None)


#: A weekday and a day of the month with no month ("sunday the 23rd", "sat 9th").
_WEEKDAY_THE_NTH_RE: Final = re.compile(
    r"\b(?:(?:on|this|next|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\s+(?:the\s+)?"
    rf"([0-9]{{1,2}})(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?(?:{MONTH_PATTERN})\b)"
)
#: How many months on a weekday and its day of the month may first agree ("sunday the 23rd"
#: in March 2028: April's); further, the two are asked about (``weekday_date_clash``).
_NTH_REACH_MONTHS: Final = 3


def weekday_date_clash(low: str, today: date) -> str | None:
    """A weekday and day of the month said together that no month soon has ("sunday the
    23rd" when the next Sunday the 23rd is months away), as written; else None."""
    if not has_digit(low):
        return None
    for m in _WEEKDAY_THE_NTH_RE.finditer(low):
        if _weekday_nth(m.group(1), int(m.group(2)), today) is None:
            return " ".join(m.group(0).split())
    return None


def _weekday_nth(weekday: str, nth: int, today: date) -> date | None:
    """The day numbered ``nth`` that falls on ``weekday``: this month's (past or to come:
    "did it on monday the 13th"), else the next one within a year; None when none does."""
    year, month = today.year, today.month
    for _ in range(_NTH_REACH_MONTHS):
        try:
            day = date(year, month, nth)
        except ValueError:
            day = None
        if day is not None and day.weekday() == _WEEKDAYS[weekday]:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


_DENIED_RE: Final = re.compile(
    r"\b(?:not|no\s+longer|instead\s+of|rather\s+than|isnt|isn't)\s+(?:on\s+)?(?:the\s+)?$"
)


def last_date(low: str, today: date | None) -> date | None:
    """The last date the text names ("moved from 3 May to 7 June" → 7 June), else None; a
    date said not to be the one ("2 May not 9 May", "the 3rd instead of the 5th") is left
    out."""
    dates = dates_meant(low, today)
    return dates[-1][1] if dates else None


def dates_meant(low: str, today: date | None) -> list[tuple[int, date]]:
    """Every date in ``low`` as (position, date), in text order, but one said not to be the
    one ("2 May not 9 May")."""
    return [(pos, day) for pos, day in find_dates(low, today) if not _DENIED_RE.search(low, 0, pos)]


_ALL_PATTERNS: Final = (
    _ISO_RE,
    _DMY_RE,
    _DM_RE,
    _DOTTED_RE,
    _DAY_MONTH_RE,
    _MONTH_DAY_RE,
    _MONTH_THEN_DAY_RE,
    *(regex for regex, _, _ in _RELATIVE),
)


def names_a_date(low: str) -> bool:
    """Whether the text names a date at all, even one it cannot resolve (no ``today``,
    "30 February")."""
    return any(regex.search(low) for regex in _ALL_PATTERNS)
