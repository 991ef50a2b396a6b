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

from bot.core.places import places_named
from bot.core.understanding.cities import BARE_CITY_POPULATION
from bot.core.understanding.clock import parse_time
from bot.core.understanding.dates import last_date
from bot.core.understanding.model import Intent, IntentKind
from bot.core.vocabulary import Side

__all__ = ["Correction", "corrected_value", "correction"]

_MARK_RE = re.compile(
    r"(?:^|[,.;!:\-]+\s*|\s+)"
    r"(?:(?:sorry|sry|oops|soz|wait|no|oh)[,.!]?\s+)*"
    r"(?:i\s+mean[t]?|i\s+meant|no\s+wait|wait\s+no|oh\s+wait(?:\s+no)?|actually\s+no"
    r"|(?:actually\s+)?make\s+(?:that|it)(?=\s+(?:\d|at\b|the\b|[a-z]+day\b|my\b))"
    r"|scratch\s+that|correction|typo)"
    r"\b[,.!:\-]*\s*",
    re.IGNORECASE,
)
#: Words one of which every correction mark holds: a cheap test before ``_MARK_RE``.
_MARK_WORDS_RE = re.compile(r"mean|wait|actually|make|scratch|correction|typo", re.IGNORECASE)
_NOT_RE = re.compile(r"\b(?:not|instead\s+of|rather\s+than)\s+\S+(?:\s*(?:am|pm))?", re.IGNORECASE)
_NUMBER_RE = re.compile(r"(?<![\d:/.-])(\d{1,2})(?![\d:]|\s*(?:am|pm|st|nd|rd|th))", re.IGNORECASE)
_SIDE_RE = re.compile(r"\b(left|right|both)\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_][\w'.-]*", re.UNICODE)
_SCRATCH_RE = re.compile(r"scratch\s+that", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Correction:
    """What a message said first (``before``) and what replaces it (``after``)."""

    before: str
    after: str
    scratched: bool


def correction(text: str) -> Correction | None:
    """The message cut at its last correction words, else None."""
    if _MARK_WORDS_RE.search(text) is None:
        return None
    found = list(_MARK_RE.finditer(text))
    if not found:
        return None
    mark = found[-1]
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
            if len(places) == 1 and places[0].population >= BARE_CITY_POPULATION:
                return places[0].name
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
