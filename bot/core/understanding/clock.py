"""Times of day for reminders: "7:30", "07:30", "7am", "7.30pm", "19:00", "half past 6",
"quarter to seven", "half 7" (British: 7:30), "7ish" (7:00).

``impossible_time`` finds what looks like a time but cannot be one ("25:00", "7:75",
"13pm"): the coach asks about it instead of guessing or clamping.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Final

from bot.core.understanding.text import has_digit

__all__ = ["impossible_time", "parse_time", "time_range"]

_HOUR_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_HOUR_WORD: Final = "|".join(_HOUR_WORDS)
_AMPM: Final = r"(?:\s*(a\.?m\.?|p\.?m\.?)(?![a-z]))?"
#: A pattern whose every match starts with a digit opens with "(?=[0-9])" (here and in
#: dates, numbers, questions, rules): the search then skips to the digits, 2-3x faster.
_CLOCK_RE: Final = re.compile(
    r"(?=[0-9])(?<![0-9:./-])([01]?[0-9]|2[0-3])\s*[:.h]\s*([0-5][0-9])(?![0-9:./])" + _AMPM
)
_HOUR_AMPM_RE: Final = re.compile(
    r"(?=[0-9])(?<![0-9:./-])(1[0-2]|0?[0-9])\s*(a\.?m\.?|p\.?m\.?)(?![a-z])"
)
_HALF_RE: Final = re.compile(
    rf"\b(half|quarter|twenty[\s-]five|twenty|ten|five)\s+(past|to)\s+(1[0-2]|0?[1-9]|{_HOUR_WORD})\b"
    + _AMPM
)
#: "20 past 6", "10 to 7": minutes in digits (5 past, 10, 15, 20 or 25 past or to), never
#: a range ("from 5 to 7") or a count ("10 to 15 reps").
_DIGIT_MINUTES_RE: Final = re.compile(
    r"(?=[125])(?<![0-9:./-])(?<!from\s)(?<!between\s)(10|15|20|25|5(?=\s+past))\s+(?:mins?\s+)?(past|to)\s+"
    rf"(1[0-2]|0?[1-9]|{_HOUR_WORD})\b(?![0-9:.]|\s*(?:reps|mins?|minutes|k\b|km|x\b|times|%|/))"
    + _AMPM
)
_PAST_MINUTES: Final = {
    "half": 30,
    "quarter": 15,
    "twenty five": 25,
    "twenty": 20,
    "ten": 10,
    "five": 5,
}
#: "7 30", "6 45": a time typed with a space for the colon, after a word that leads to a
#: time ("at", "to", "be", "make it"), never a number of minutes or reps.
_SPACED_RE: Final = re.compile(
    r"(?:^\s*|\b(?:at|to|for|be|it|do|around|about|by|till|until|of|from|than)\s+)"
    r"([01]?[0-9]|2[0-3])\s([0-5][05])\b"
    r"(?!\s*(?:mins?|minutes?|k\b|km|reps|x\b|secs?|seconds?|/|%|out\s+of))" + _AMPM
)
_OCLOCK_RE: Final = re.compile(rf"\b(1[0-2]|0?[0-9]|{_HOUR_WORD})\s*o'?\s?clock\b" + _AMPM)
_HALF_BRITISH_RE: Final = re.compile(
    rf"\bhalf\s+(1[0-2]|0?[1-9]|{_HOUR_WORD})\b(?!\s*(?:hours?|hrs?|an?\b|days?|[:./]))" + _AMPM
)
_AND_HALF_RE: Final = re.compile(
    rf"\b(1[0-2]|0?[1-9]|{_HOUR_WORD})\s+and\s+(?:a\s+)?half\b(?!\s*(?:marathon|hours?|hrs?|k\b|km|mile))"
)
_ISH_RE: Final = re.compile(rf"\b(1[0-9]|2[0-3]|0?[0-9]|{_HOUR_WORD})\s*-?\s*ish\b")
_IMPOSSIBLE_RE: Final = re.compile(
    r"(?=[0-9])(?<![0-9:./-])(?:([0-9]{1,2})\s*:\s*([0-9]{2})|(1[3-9]|2[0-9])\s*(?:am|pm))(?![0-9])"
)
_CLOCKISH: Final = rf"(?:[01]?[0-9]|2[0-3]|{_HOUR_WORD})(?:[:.][0-5][0-9])?"
_RANGE_RE: Final = re.compile(
    rf"(?<![0-9:./-])(?:between\s+)?({_CLOCKISH})\s*(?:-|–|or|and)\s*({_CLOCKISH})(?![0-9])"
    r"(?:\s*(?:a\.?m\.?|p\.?m\.?)(?![a-z])|\s*o'?\s?clock|\s*-?ish\b|(?![a-z]))"
    r"(?!\s*(?:[0-9/]|k\b|km|mi|min|hour|hrs?|days?|weeks?|x\b|reps|sets|out\s+of))"
)
_NAMED_RE: Final = re.compile(r"\b(noon|midday|midnight)\b")
#: "0630" anywhere; "1930" after a word that introduces a time ("at", "reminder"), so a
#: year ("in 2027") is never a time.
_MILITARY_RE: Final = re.compile(
    r"(?:\b(?:at|to|for|around|about|by|reminder|reminders|alarm|nudge|ping|till|until)\s+"
    r"|@\s*|(?<![0-9:./-])(?=0))([01][0-9]|2[0-3])([0-5][0-9])(?:\s*(?:h|hrs|hours))?(?![0-9:./])\b"
)
_HOUR_H_RE: Final = re.compile(r"(?=[0-9])(?<![0-9:./-])([01]?[0-9]|2[0-3])\s?h\b(?!\s*[0-9])")
_MINUTE_WORDS: Final = {"oh five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30,
                 "forty": 40, "forty five": 45, "fifty": 50}  # fmt: skip
_WORD_TIME_RE: Final = re.compile(
    rf"\b({_HOUR_WORD})[\s-]+(oh[\s-]five|fifteen|twenty|thirty|forty[\s-]five|forty|fifty|ten)\b"
    r"(?!\s*(?:min|minutes|mins|k\b|km|reps|seconds|secs))" + _AMPM
)
_AT_RE: Final = re.compile(
    rf"(?:\b(?:at|to|for|around|about|by)|@)\s*([01]?[0-9]|2[0-3]|{_HOUR_WORD})\b"
    r"(?!\s*(?:[:./,-]?[0-9]|days?|weeks?|months?|mins?|minutes?|hours?|hrs?|k\b|km|miles?"
    r"|x\b|times|reps|sets|out\s+of|of\b|/))"
)
_EVENING_RE: Final = re.compile(
    r"\s*(?:in\s+the\s+(?:evening|afternoon|arvo|avo)|this\s+(?:evening|afternoon|arvo)"
    r"|at\s+night|tonight|pm\b)"
)
_MORNING_RE: Final = re.compile(r"\s*(?:in\s+the\s+morning|am\b)")
_NAMED: Final = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}


def _hour(text: str) -> int:
    return _HOUR_WORDS[text] if text in _HOUR_WORDS else int(text)


def _with_ampm(hour: int, minute: int, ampm: str | None) -> time | None:
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def _day_part(low: str, end: int, hour: int) -> int:
    """Shift a bare hour by a following "in the evening"/"tonight"."""
    if hour < 12 and _EVENING_RE.match(low, end):
        return hour + 12
    if hour == 12 and _MORNING_RE.match(low, end):
        return 0
    return hour


def _past_or_to(low: str, m: re.Match[str], minute: int) -> time | None:
    """The time ``minute`` past or to the hour a match names (groups: minutes, "past" or
    "to", the hour, am or pm)."""
    hour = _hour(m.group(3))
    if m.group(2) == "to":
        hour, minute = (hour - 1) % 24, 60 - minute
    hour = hour if m.group(4) else _day_part(low, m.end(), hour)
    return _with_ampm(hour, minute, m.group(4))


def _candidates(low: str) -> list[tuple[int, time | None]]:
    # Each pattern runs only when what it cannot match without is there (cheap tests).
    found: list[tuple[int, time | None]] = []
    digit = has_digit(low)
    if digit:
        for m in _CLOCK_RE.finditer(low):
            hour = int(m.group(1)) if m.group(3) else _day_part(low, m.end(), int(m.group(1)))
            found.append((m.start(), _with_ampm(hour, int(m.group(2)), m.group(3))))
        for m in _HOUR_AMPM_RE.finditer(low):
            found.append((m.start(), _with_ampm(int(m.group(1)), 0, m.group(2))))
    if "half" in low or "quarter" in low or "twenty" in low or "ten" in low or "five" in low:
        for m in _HALF_RE.finditer(low):
            minute = _PAST_MINUTES[" ".join(m.group(1).split("-"))]
            found.append((m.start(), _past_or_to(low, m, minute)))
    if digit and (" past " in low or " to " in low):
        for m in _DIGIT_MINUTES_RE.finditer(low):  # "20 past 6", "10 to 7"
            found.append((m.start(), _past_or_to(low, m, int(m.group(1)))))
    if "clock" in low:
        for m in _OCLOCK_RE.finditer(low):
            hour = _hour(m.group(1)) if m.group(2) else _day_part(low, m.end(), _hour(m.group(1)))
            found.append((m.start(), _with_ampm(hour, 0, m.group(2))))
    if "half" in low and " and " in low:
        for m in _AND_HALF_RE.finditer(low):  # "like 7 and half": 7:30
            hour = _day_part(low, m.end(), _hour(m.group(1)))
            found.append((m.start(), _with_ampm(hour, 30, None)))
    if "half" in low:
        for m in _HALF_BRITISH_RE.finditer(low):
            hour = _hour(m.group(1)) if m.group(2) else _day_part(low, m.end(), _hour(m.group(1)))
            found.append((m.start(), _with_ampm(hour, 30, m.group(2))))
    if "ish" in low:
        for m in _ISH_RE.finditer(low):
            hour = _day_part(low, m.end(), _hour(m.group(1)))
            found.append((m.start(), _with_ampm(hour, 0, None)))
    if "noon" in low or "mid" in low:
        found.extend((m.start(), _NAMED[m.group(1)]) for m in _NAMED_RE.finditer(low))
    if digit:
        for m in _MILITARY_RE.finditer(low):
            found.append((m.start(1), _with_ampm(int(m.group(1)), int(m.group(2)), None)))
        for m in _HOUR_H_RE.finditer(low):
            found.append((m.start(), _with_ampm(int(m.group(1)), 0, None)))
        for m in _SPACED_RE.finditer(low):
            hour = int(m.group(1)) if m.group(3) else _day_part(low, m.end(), int(m.group(1)))
            found.append((m.start(1), _with_ampm(hour, int(m.group(2)), m.group(3))))
    if (
        "five" in low
        or "fif" in low
        or "twenty" in low
        or "thirty" in low
        or "forty" in low
        or "ten" in low
    ):
        for m in _WORD_TIME_RE.finditer(low):
            minute = _MINUTE_WORDS[" ".join(m.group(2).replace("-", " ").split())]
            hour = _HOUR_WORDS[m.group(1)]
            hour = hour if m.group(3) else _day_part(low, m.end(), hour)
            found.append((m.start(), _with_ampm(hour, minute, m.group(3))))
    return found or _at_times(low)


def parse_time(low: str) -> time | None:
    """The first valid time of day in ``low`` (lower-case text), else None; a time said as
    the one to change ("from 7am to 8", "the 7am reminder to 8", "instead of 6") gives way
    to the new one."""
    found = sorted(_candidates(low), key=lambda c: c[0])
    reason = len(found) > 0 and _BECAUSE_RE.search(low) is not None
    if reason:  # "at 6 now cos I go at half 6": the bare hour before the reason counts too
        # In order, not a set: of two readings at one place ("at five forty five"), the
        # fuller one found first wins whatever the hash seed.
        found = sorted(dict.fromkeys([*found, *_at_times(low)]), key=lambda c: c[0])
    if len(found) > 1 or (found and ("to " in low or "instead" in low)):
        kept = [c for c in found if not _old_time(low, c[0])]
        if len(kept) < len(found) and not any(v is not None for _, v in kept):
            old = min(p for p, _ in found)
            # "from 7am to 8": the hour after; "at 8 instead of 7 30": one not itself changed
            kept = [c for c in _at_times(low) if c[0] > old or not _old_time(low, c[0])]
        found = kept or found
    if found and all(_old_time(low, c[0]) for c in found):
        return None  # "the reminder keeps coming at 6": the time now, no new one asked
    if reason and len(found) > 1:
        found = _before_the_reason(low, found)
    for _, value in found:
        if value is not None:
            return value
    return None


_OLD_BEFORE_RE: Final = re.compile(
    r"\b(?:from|instead\s+of|not|rather\s+than|(?:comes|coming|came|arrives|arriving|arrived"
    r"|goes\s+off|going\s+off|went\s+off|currently|still)(?:\s+through)?\s+at)\s+$"
)
#: A reason given after the time asked for ("to 6:45 cos the kids are up at 7", "at 6 now
#: because I go before work at half 6"): the times in it are not asked for.
_BECAUSE_RE: Final = re.compile(r"\b(?:cos|coz|cuz|because|bc|since|as)\b")


def _before_the_reason(
    low: str, found: list[tuple[int, time | None]]
) -> list[tuple[int, time | None]]:
    """The times said before a reason that follows the first valid one ("to 6:45 cos the
    kids are up at 7": 6:45)."""
    first = next((pos for pos, value in found if value is not None), None)
    if first is None:
        return found
    reason = _BECAUSE_RE.search(low, first)
    if reason is None:
        return found
    return [c for c in found if c[0] < reason.start()]


_OLD_NAMED_RE: Final = re.compile(r"\b(?:the|my|your|that|this|those)\s+$")
_NAMES_REMINDER_RE: Final = re.compile(
    r"[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s+"
    r"(?:reminders?|messages?|nudges?|pings?|alarms?|notifications?)\b"
)


#: A time said to be wrong ("5am reminder is way too early", "7 doesn't work"): the old one.
_OLD_AFTER_RE: Final = re.compile(
    r"[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s+"
    r"(?:(?:reminders?|messages?|nudges?|pings?|alarms?|notifications?|one)\s+)?"
    r"(?:is|'s|was|are)\s+(?:(?:way|far|much|a\s+bit|bit|just|too|so|really)\s+)*"
    r"(?:too\s+(?:early|late|soon)|no\s+good|not\s+working)\b"
    r"|[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s+(?:doesn'?t|does\s+not)\s+work\b"
)


def _old_time(low: str, start: int) -> bool:
    """Whether the time at ``start`` is the one being changed: "from 7am", "instead of
    6", "the 7am reminder", "5am is way too early"."""
    window = max(start - 14, 0)
    if _OLD_BEFORE_RE.search(low, window, start) or _OLD_AFTER_RE.match(low, start):
        return True
    return bool(_OLD_NAMED_RE.search(low, window, start) and _NAMES_REMINDER_RE.match(low, start))


def _at_times(low: str) -> list[tuple[int, time | None]]:
    """Bare hours after "at", "to", "for" ("move it to 8")."""
    return [
        (m.start(1), _with_ampm(_day_part(low, m.end(), _hour(m.group(1))), 0, None))
        for m in _AT_RE.finditer(low)
    ]


def impossible_time(low: str) -> str | None:
    """A time as written that no clock shows ("25:00", "7:75", "13pm"), else None."""
    for m in _IMPOSSIBLE_RE.finditer(low):
        if m.group(3) is not None:
            return m.group(0)
        if int(m.group(1)) >= 24 or int(m.group(2)) > 59:  # "24:00" too: which day's?
            return m.group(0)
    return None


def time_range(low: str) -> str | None:
    """Two times offered as one ("6-7am", "between 6 and 7", "7 or 8"), else None: the
    coach asks which rather than picking one."""
    for m in _RANGE_RE.finditer(low):
        said = m.group(0)
        if "and" in said and not said.startswith("between"):
            continue  # "at 7 and I'm in Berlin": two requests, not a range
        return " ".join(said.split())
    return None
