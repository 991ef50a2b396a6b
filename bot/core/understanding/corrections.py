"""A runner correcting themselves in one message: the last value said wins.

"remind me at 6am. actually make that 6:30", "i'm in berlin now, sorry i mean munich",
"skipping thursday. oh wait no, friday", "effort 7, no wait more like 6", "left calf
tight. sorry i mean the right calf", "scratch that, race is the 14th".

``correction`` cuts a message at its correction words into what was said first and what
replaces it (words after "not" dropped: "6:30 not 6"). ``parts`` reads the first part on
its own and puts the new value in the slot of the same kind (a time for a reminder, a
city for a time zone, a number for an effort or a severity, a side for a report, a date
for a race); a correction with no value of that kind changes nothing. Nothing before
"scratch that" counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from bot.core.places import name_key, places_named
from bot.core.understanding.cities import BARE_CITY_POPULATION
from bot.core.understanding.clock import parse_time
from bot.core.understanding.dates import MONTH_PATTERN, last_date
from bot.core.understanding.model import Intent, IntentKind
from bot.core.vocabulary import Side

__all__ = [
    "Correction",
    "corrected_value",
    "correction",
    "day_replaced",
    "not_todays",
    "undoes_todays_log",
]

_MARK_RE: Final = re.compile(
    r"(?:^|[,.;!:\-]+\s*|\s+)"
    r"(?:(?:sorry|sry|oops|soz|wait|no|oh)[,.!]?\s+)*"
    r"(?:i\s+mean[t]?|i\s+meant|no\s+wait|wait\s+no|oh\s+wait(?:\s+no)?|actually\s+no"
    r"|(?:actually\s+)?make\s+(?:that|it)"
    r"(?=\s+(?:\d|at\b|the\b|[a-z]+day\b|my\b|an?\s+\d|(?:half|quarter|ten|twenty|five)\s+(?:past|to)\b))"
    r"|scratch\s+that|correction|typo|(?:but\s+)?(?:it'?s|its|it\s+is)\s+actually"
    r"|actually\s+more\s+like|no\s+more\s+like|actually(?=\s+(?:at\s+)?\d))"
    r"\b[,.!:\-]*\s*",
    re.IGNORECASE,
)
#: A day as said: a weekday, "the 6th", "14 march", "march 14", "jan 3", "24/12".
_DAY_PHRASE: Final = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs"
    r"|fri|sat|sun)(?:'?s)?(?![\w'])"
    rf"|(?:the\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)(?:\s+(?:of\s+)?(?:{MONTH_PATTERN})\b)?"
    rf"|[0-9]{{1,2}}\s+(?:of\s+)?(?:{MONTH_PATTERN})\b|(?:{MONTH_PATTERN})\s+[0-9]{{1,2}}(?:st|nd|rd|th)?\b"
    r"|the\s+[0-9]{1,2}\b|[0-9]{1,2}/[0-9]{1,2}\b"
    r"|today|tonight|tomorrow|tmrw|yesterday|yday"
)
_DAY_PHRASE_RE: Final = re.compile(rf"\b(?:{_DAY_PHRASE})", re.IGNORECASE)
#: A bare "no" or "actually" between a day and the day that replaces it ("did it on
#: saturday, no, sunday", "back on the 5th... no the 6th", "till friday, actually
#: saturday").
_NO_DAY_RE: Final = re.compile(
    rf"[,.;!\-…]+\s*(?:no|actually)[,.!]?\s+(?=(?:it'?s\s+|its\s+)?(?:{_DAY_PHRASE})"
    r"(?!\s+(?:session|sesh|one|workout|either|too|run|jumps|hips?|mobility|plyos?)\b))",
    re.IGNORECASE,
)
#: The replacing day opens what follows the mark ("its the 21st", "friday, until sunday").
_OPENING_DAY_RE: Final = re.compile(
    rf"^(?:(?:it'?s|its|it\s+was|twas|was|i\s+did\s+it|did\s+it|on|the|from|to|until|till|til)\s+)*"
    rf"({_DAY_PHRASE})",
    re.IGNORECASE,
)
_MONTH_RE: Final = re.compile(rf"\b(?:{MONTH_PATTERN})\b", re.IGNORECASE)
_ORDINAL_ONLY_RE: Final = re.compile(r"(?:the\s+)?([0-9]{1,2})(?:st|nd|rd|th)?", re.IGNORECASE)
#: Words one of which every correction mark holds: a cheap test before ``_MARK_RE``.
#: Every ``_MARK_RE`` match holds one of these (looked for in the lowered text).
_MARK_WORDS: Final = (
    "mean", "wait", "actually", "make", "scratch", "correction", "typo", "more like"
)  # fmt: skip
_NOT_RE: Final = re.compile(
    r"\b(?:not|instead\s+of|rather\s+than|than)\s+(?:an?\s+)?\S+(?:\s*(?:am|pm))?", re.IGNORECASE
)
_NUMBER_RE: Final = re.compile(
    r"(?<![\d:/.-])(\d{1,2})(?![\d:]|\s*(?:am|pm|st|nd|rd|th))", re.IGNORECASE
)
_SIDE_RE: Final = re.compile(r"\b(left|right|both)\b", re.IGNORECASE)
_WORD_RE: Final = re.compile(r"[^\W\d_][\w'.-]*", re.UNICODE)
_SCRATCH_RE: Final = re.compile(r"scratch\s+that", re.IGNORECASE)


#: "race was 14 march last year, this year it's the 13th": this year's day replaces it.
_THIS_YEAR_RE: Final = re.compile(
    r"\s*\blast\s+year\b[,.;!]*\s*(?:but\s+|and\s+|so\s+)?this\s+year\b[,:]?\s*", re.IGNORECASE
)
_WAS_RE: Final = re.compile(r"\bwas\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Correction:
    """What a message said first (``before``) and what replaces it (``after``)."""

    before: str
    after: str
    scratched: bool


def correction(text: str) -> Correction | None:
    """The message cut at its last correction words, else None."""
    if "year" in text and (yearly := _THIS_YEAR_RE.search(text)) is not None:
        before = _WAS_RE.sub("is", text[: yearly.start()]).strip()  # last year's, now this
        return Correction(before, text[yearly.end() :].strip(), scratched=False)
    lowered = text.lower()
    marked = any(word in lowered for word in _MARK_WORDS)
    found = list(_MARK_RE.finditer(text)) if marked else []
    if "no " in text or "no," in text or "actually " in text:  # "on saturday, no, sunday"
        found += _NO_DAY_RE.finditer(text)
    if not found:
        return None
    mark = max(found, key=lambda m: m.start())
    after = _NOT_RE.sub(" ", text[mark.end() :]).strip()
    if not after:
        return None
    before = text[: mark.start()].strip()
    return Correction(before, after, _SCRATCH_RE.search(mark.group(0)) is not None)


def _city(after: str) -> str | None:
    words = _WORD_RE.findall(after)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            said = " ".join(words[start : start + size])
            places = places_named(said)
            if len(places) != 1 or places[0].population < BARE_CITY_POPULATION:
                continue
            if said[:1].isupper() or name_key(said) == name_key(places[0].name):
                return places[0].name  # not "the", another name of Teresina
    return None


def _number(after: str) -> int | None:
    numbers = [int(n) for n in _NUMBER_RE.findall(after)]
    return numbers[-1] if len(numbers) == 1 and 0 <= numbers[-1] <= 10 else None


def corrected_value(intent: Intent, after: str, today: date | None) -> Intent | None:
    """``intent`` with the value ``after`` says instead, or None when it says none of
    that kind."""
    low = after.lower()
    kind = intent.kind
    if kind is IntentKind.SET_REMINDER:
        at = parse_time(low)
        if at is None and (n := _NUMBER_RE.search(low)) is not None and 1 <= int(n[1]) <= 12:
            at = parse_time(f"{n[1]}am") if int(n[1]) >= 5 else parse_time(f"{n[1]}pm")
        return None if at is None else replace(intent, reminder_time=at, reminder_off=False)
    if kind is IntentKind.SET_TIMEZONE:
        city = _city(after)
        return None if city is None else replace(intent, timezone_text=city)
    if kind is IntentKind.RACE_DATE and today is not None:
        day = last_date(low, today)
        return None if day is None else replace(intent, race_date=day, race_off=False)
    if kind is IntentKind.DONE:
        effort = _number(low)
        return None if effort is None else replace(intent, effort=effort, effort_label=None)
    if kind is IntentKind.BODY_REPORT and intent.report is not None:
        side = _SIDE_RE.search(low)
        number = _number(low)
        report = intent.report
        if side is not None:
            report = replace(report, side=Side(side[1].lower()))
        if number is not None:
            report = replace(report, severity=number)
        return None if report == intent.report else replace(intent, report=report)
    return None


def day_replaced(said: Correction) -> str | None:
    """The message with its last day said before the correction replaced by the day said
    after it ("pause from thursday, no wait, friday, until sunday" → "pause from friday,
    until sunday"); a bare day keeps the month said first ("14 march... actually no its
    the 21st" → "21st of march"). None when either part names no day."""
    opening = _OPENING_DAY_RE.match(said.after)
    days = list(_DAY_PHRASE_RE.finditer(said.before))
    if opening is None or not days:
        return None
    old, new = days[-1], opening.group(1)
    month = _MONTH_RE.search(old.group(0))
    bare = _ORDINAL_ONLY_RE.fullmatch(new)
    if month is not None and bare is not None:
        new = f"{bare.group(1)}{_suffix(int(bare.group(1)))} of {month.group(0)}"
    elif bare is not None and old.group(0).lower().startswith("the "):
        new = f"the {bare.group(1)}{_suffix(int(bare.group(1)))}"  # "on the 9th, no the 10th"
    return f"{said.before[: old.start()]}{new}{said.after[opening.end() :]}"


def _suffix(day: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10 if day // 10 != 1 else 0, "th")


#: A log said to be for another day than today's ("undo that, i did yesterdays not todays",
#: "it was yesterday's not today's").
_NOT_TODAYS_RE: Final = re.compile(
    r"\bnot\s+(?:today'?s?|todays|2day'?s?|this\s+morning'?s?)\b(?!\s+(?:as\s+well|too))"
    r"|\bundo\s+(?:that|it|today'?s?)\b|\bwrong\s+day\b"
)


def not_todays(low: str) -> bool:
    """Whether a log of a day gone by says it is not today's ("i did yesterdays not
    todays", "undo that, it was monday's"): today's log, if typed, was a mistake."""
    return _NOT_TODAYS_RE.search(low) is not None


#: Today's log taken back, said alone: "undo that skip", "cancel the skip", "remove today's
#: log", "delete that done".
_UNDO_LOG_RE: Final = re.compile(
    r"^\W*(?:(?:please|pls|can\s+you|could\s+you|oops|sorry)[\s,]+)*"
    r"(?:undo|cancel|remove|delete|scrap|take\s+(?:back|off)|unlog|untick)\s+"
    r"(?:(?:that|the|my|today'?s|todays)\s+)?(?:skip|skipped|log|logged|done|entry|tick)"
    r"(?:\s+(?:please|pls|thanks|for\s+today|today))*\W*$"
)


def undoes_todays_log(low: str) -> bool:
    """Whether ``low`` only asks to take today's log back ("undo that skip"): never a new
    log of what it names."""
    return _UNDO_LOG_RE.search(low.strip()) is not None
