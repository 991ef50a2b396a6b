"""Days as people say them for logs and pauses, resolved by dateparser under our rules.

dateparser (a well-kept parser) turns a phrase into a date relative to ``today`` (passed
as its ``RELATIVE_BASE``: it never reads the clock). Our rules pick the phrases and settle
what dateparser leaves open:

- A done's day is in the past: "yesterday", "last night"/"last nite" (yesterday),
  "Monday's session", "on Tuesday", "2 days ago", "the 2nd". A weekday name that is
  today's weekday is today. Anything after today is no done's day.
- A skip said in the past tense is the same; otherwise it may be ahead, within the week
  ("friday is a no go": this coming Friday, "gonna skip tmrw"), the first day named
  winning ("skip today, do it tomorrow": today). Weekdays named together ("missed sat and
  sun", "thursday or friday") are one log each (``log_days``).
- A pause's days are ahead: a day with no month is the next one on or after today ("the
  14th" on the 20th is next month's), one with no year the next such date. "back on the
  20th" means paused to the 19th; "from the 14th to the 21st", "thurs to sun", "the
  fifteenth until the eighteenth" is a pause that starts later; a length counts today
  ("for a week": today and six more days, "a fortnight off from saturday"); "this
  weekend", "till new year" (31 December), "until Sunday" (Sunday included; "hold off till
  Monday": back on Monday); "next week" is next Monday to Sunday. A range that ends before
  it starts (beyond a short break over a month end) or names no real day is ``unclear``:
  the coach asks, nothing is stored (``pause_said``).
- Only short phrases found by the patterns below reach dateparser, and the plain ones
  ("15th", "3 May") are read without it, so a message with no day phrase costs a few
  regex searches.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any, Final, NamedTuple

import dateparser

from bot.core.understanding.dates import MONTH_PATTERN, NOT_A_DAY, years_later
from bot.core.understanding.text import SENTENCE_GAP_RE, has_digit
from bot.core.understanding.words import NUMBER_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

__all__ = [
    "PauseSaid",
    "back_on",
    "day_first_logs",
    "day_said",
    "listed_tail",
    "log_day",
    "log_days",
    "pause_said",
    "pause_sentence",
    "pause_span",
    "rated_days",
    "said_in_past",
    "unclear_log_day",
    "vague_day",
]

_WEEKDAYS: Final = WEEKDAYS
_SHORT: Final = WEEKDAY_ABBREVIATIONS
_WEEKDAY: Final = "|".join(_WEEKDAYS)
_SHORT_NAME: Final = r"mon|tues?|weds?|thu|thurs?|fri|sat|sun"
#: What follows a short day name that makes it one ("tues session", "sat's jumps"), so a
#: bare "sat" or "sun" stays a word.
_SESSION_AFTER: Final = r"(?=\s+(?:session|sesh|one|workout|routine|jumps|plyos?|mobility|hips?)\b)"
#: A log verb before a short day name makes it one ("missed sat, did sun").
_LOG_VERB: Final = r"missed|did|skipped|done|finished"
_LOG_VERB_RE: Final = re.compile(rf"^(?:{_LOG_VERB})\s+(?:it\s+)?")
_LOG_DAY_RE: Final = re.compile(
    r"\b(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|yday|yesterdays|last\s*(?:night|nite)"
    rf"|(?:(?:on|last)\s+)?(?:{_WEEKDAY})(?:'?s)?"
    rf"|(?:on|last)\s+(?:{_SHORT_NAME})|(?:{_SHORT_NAME})(?:'s)?{_SESSION_AFTER}"
    rf"|(?:{_LOG_VERB})\s+(?:it\s+)?(?:{_SHORT_NAME})(?:'s)?(?![\w'])"
    r"|(?:[0-9]{1,2}|a\s+couple\s+of|two|three|four|five|six)\s+days?\s+ago"
    rf"|on\s+(?:the\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_PATTERN})"
    rf"|on\s+(?:{MONTH_PATTERN})\s+[0-9]{{1,2}}(?:st|nd|rd|th)?"
    rf"|on\s+the\s+[0-9]{{1,2}}(?:st|nd|rd|th)(?!\s+{NOT_A_DAY})"
    r"|the\s+[0-9]{1,2}(?:st|nd|rd|th)(?='s\b)"
    r"|on\s+[0-9]{1,2}/(?!10\b|5\b)[0-9]{1,2}(?![0-9/])"
    rf"|(?:{MONTH_PATTERN})\s+[0-9]{{1,2}}(?:st|nd|rd|th)?)\b"
)
_ORD: Final = r"[0-9]{1,2}(?:st|nd|rd|th)"
_SHORT_DAY: Final = "|".join(sorted(_SHORT, key=len, reverse=True))
_TOMORROW: Final = r"tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow|2moro|2morrow"
_YEAR: Final = r"(?:,?\s+[0-9]{4})?"
#: "24/12", "2/1", "24.12.2027": day first (month first only when it cannot be a day).
_NUMERIC: Final = (
    r"[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?|[0-9]{1,2}\.(?:0?[1-9]|1[0-2])(?:\.[0-9]{2,4})?"
)
_NUMERIC_RE: Final = re.compile(r"([0-9]{1,2})[/.]([0-9]{1,2})(?:[/.]([0-9]{2,4}))?")
#: A weekday said before its date ("monday the 28th", "fri 3rd jan"): the date counts.
_NAMED_BEFORE: Final = rf"(?:(?:{_WEEKDAY}|{_SHORT_DAY}),?\s+(?:the\s+)?(?=[0-9]))?"
_NAMED_BEFORE_RE: Final = re.compile(rf"^(?:{_WEEKDAY}|{_SHORT_DAY}),?\s+(?:the\s+)?(?=[0-9])")
_DAY: Final = (
    rf"(?:{_NAMED_BEFORE}(?:(?<![0-9/.:])(?:{_NUMERIC})(?![0-9/.:])|(?:the\s+)?{_ORD}(?:\s+(?:of\s+)?(?:{MONTH_PATTERN}){_YEAR})?|the\s+[0-9]{{1,2}}"
    rf"|[0-9]{{1,2}}\s+(?:of\s+)?(?:{MONTH_PATTERN}){_YEAR})"
    rf"|(?:{MONTH_PATTERN})\s+[0-9]{{1,2}}(?:st|nd|rd|th)?{_YEAR}"
    rf"|(?:{_WEEKDAY})|(?:{_SHORT_DAY})|{_TOMORROW})"
)
_RANGE_RE: Final = re.compile(
    rf"\b(?:from\s+|between\s+)?({_DAY})\s*(?:-|–|to|till|til|until|and|through|thru)\s*"
    rf"({_DAY})\b"
)
_BACK_RE: Final = re.compile(
    rf"\b(?:back|(?<!\bat\s)(?<!\bfrom\s)home|return|returning|get\s+back|gets\s+back"
    r"|start\s+(?:again|back|back\s+up|up\s+again)|restart|resume|pick\s+(?:it\s+)?up\s+again)\s+"
    # "back in dublin on the 29th", "home to cork by the 3rd": the place between
    rf"(?:(?:in|to|at|from)\s+[a-z']+(?:\s+[a-z']+)?\s+(?=on\s|by\s))?(?:on\s+|by\s+)?"
    rf"(?:the\s+(?=(?:mon|tue|wed|thu|fri|sat|sun)))?({_DAY})\b"
)
_NEXT_WEEK_RE: Final = re.compile(r"\bnext\s+week\b(?!\s*(?:-|to\b|till\b|until\b))")
_TILL_NEXT_WEEK_RE: Final = re.compile(r"\b(?:until|till|til|untill)\s+next\s+week\b")
_COUNT: Final = (
    r"an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|couple\s+of|[0-9]{1,2}"
)
_COUNTS: Final = {**NUMBER_WORDS, "a": 1, "an": 1, "a couple of": 2, "couple of": 2}
_DURATION_RE: Final = re.compile(
    rf"\b(?:(?:for|another)\s+(?:the\s+next\s+)?({_COUNT})\s+(days?|weeks?|wks?|fortnights?)"
    rf"|({_COUNT})\s+(days?|weeks?|wks?|fortnights?)\s+off"
    r"|(?:for\s+)?a\s+(fortnight))\b"
)
_UNIT_DAYS: Final = {"d": 1, "w": 7, "f": 14}
_FROM_RE: Final = re.compile(
    rf"\b(?:from|starting|starting\s+from|as\s+of|beginning)\s+(?:on\s+)?"
    rf"(?:(?:next|this|coming|this\s+coming)\s+)?({_DAY})\b"
)
_UNTIL_RE: Final = re.compile(
    rf"\b(?:until|till|til|untill|up\s+to|through|thru)\s+(?:the\s+end\s+of\s+)?"
    r"(?:this\s+|next\s+|the\s+following\s+|the\s+next\s+)?"
    rf"({_DAY}|new\s+years?(?:'?s)?(?:\s+(?:day|eve))?|the\s+new\s+year)\b"
)
_OPEN_END_RE: Final = re.compile(
    r"\b(?:until|till|til)\s+(?:i'?m|i\s+am|im|i|we'?re|we)\s+(?:back|home|better|return|get\s+back)"
    r"|\buntil\s+further\s+notice\b"
    r"|\b(?:not\s+sure|unsure|don'?t\s+know|dunno|no\s+idea)\s+(?:when|how\s+long)\b"
)
#: "hold off till monday", "pause till the 1st and start me again then": back on that day.
_HOLD_OFF_RE: Final = re.compile(
    r"\bhold\s+off\b|\bwait\b|\b(?:start|restart|resume|begin|pick\s+up)\s+"
    r"(?:(?:me|it|us|again|back|things)\s+){0,2}(?:then|that\s+day|from\s+then)\b"
)
#: "june 21-25": the month said once, before the first day.
_MONTH_FIRST_RANGE_RE: Final = re.compile(
    rf"\b(?:from\s+)?((?:{MONTH_PATTERN})\s+[0-9]{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|till|until)\s*"
    r"([0-9]{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:[:/.]|am\b|pm\b))"
)
#: "14-20 may": the month said once, after the second day.
_NUMBER_RANGE_RE: Final = re.compile(
    rf"\b(?:from\s+)?([0-9]{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|till|until)\s*"
    rf"([0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_PATTERN}))\b"
)
_WEEKEND_RE: Final = re.compile(r"\b(?:this|the|over\s+the|on\s+the|for\s+the)\s+weekend\b")
#: "next weekend" is the Saturday and Sunday after today's, like "next Saturday".
_NEXT_WEEKEND_RE: Final = re.compile(r"\b(?:(till|til|until|to)\s+)?next\s+weekend\b")
_ORDINAL_WORDS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_ORDINAL_WORD_RE: Final = re.compile(
    rf"\bthe\s+(?:(twenty|thirty)[\s-]?)?({'|'.join(_ORDINAL_WORDS)})\b"
)
#: A range whose end comes before its start as written ("the 28th to the 3rd") is read
#: across the month end only when that makes a break this long at most; else it is asked.
MAX_WRAPPED_DAYS: Final = 14
_MONTH_RE: Final = re.compile(rf"\b(?:{MONTH_PATTERN})\b")
_LANGUAGES: Final = ["en"]


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
    """The past day a done or skip message is about ("did it yesterday"), else None; a day
    that dates something else ("sore after saturday's race", "since sunday's long run") is
    not the log's; a day's session done on another day is logged on the day it was done
    ("did saturday's session on sunday")."""
    found = (
        m
        for m in _LOG_DAY_RE.finditer(low)
        if not _dates_an_event(low, m) and not _this_day_ahead(low, m, today)
    )
    if (match := next(found, None)) is None:
        return None
    if _POSSESSIVE_RE.search(match.group(0)):  # "did saturday's session on sunday": sunday
        match = next((m for m in found if m.group(0).startswith("on ")), match)
    phrase = " ".join(match.group(0).split()).replace("'s", "")
    if phrase.rsplit(" ", 1)[-1] not in _SHORT:
        phrase = phrase.removesuffix("s")  # "yesterdays", "mondays"; not "tues", "thurs"
    if phrase in {"last night", "last nite", "lastnight", "lastnite", "yday", "yesterday"}:
        return today - timedelta(days=1)
    bare = _LOG_VERB_RE.sub("", phrase).removeprefix("on ").removeprefix("last ")
    weekday = _weekday_of(bare)
    if weekday is not None:  # "Monday's session": the latest Monday, today if it is one
        if "week" in low and _LAST_WEEK_RE.search(low):  # "did monday last week"
            return today - timedelta(days=today.weekday() + 7 - weekday)
        back = (today.weekday() - weekday) % 7
        return today - timedelta(days=back or 7 if phrase.startswith("last ") else back)
    if (said := _past_day_month(bare.removeprefix("the "), today)) is not None:
        return said if isinstance(said, date) else None
    day = _parse(bare, today, "past")
    return day if day is not None and day <= today else None


def _this_day_ahead(low: str, match: re.Match[str], today: date) -> bool:
    """Whether a weekday is said as "this <day>" and is still to come this week ("btw
    going for a parkrun PB this Saturday"): a day ahead, never a log's."""
    if not _THIS_BEFORE_RE.search(low, 0, match.start()):
        return False
    weekday = _weekday_of(match.group(0).split()[-1].replace("'s", "").removesuffix("s"))
    return weekday is not None and weekday > today.weekday()


def _weekday_of(name: str) -> int | None:
    """The weekday (0 = Monday) a day's name or its short form names ("friday", "fri")."""
    return _SHORT.get(name, _WEEKDAYS.index(name) if name in _WEEKDAYS else None)


_THIS_BEFORE_RE: Final = re.compile(r"\bthis\s+$")
#: A day said as whose session it was ("saturday's", "yesterdays").
_POSSESSIVE_RE: Final = re.compile(r"(?:'s|[dy]s)$")
#: A day that dates an event or a feeling, not the log: "sore after saturday",
#: "sunday's long run", "my long run sunday".
_EVENT_BEFORE_RE: Final = re.compile(r"\b(?:after|before)\s+$")
_NEXT_BEFORE_RE: Final = re.compile(r"\b(?:next|coming)\s+$")
#: A run just before the day ("my long run sunday"): that day is the run's when the
#: message says the session was today ("... did the hips this morning").
_RUN_BEFORE_RE: Final = re.compile(r"\b(?:run|race|parkrun|marathon|half|10k|5k|hike|ride)\s+$")
_TODAY_SAID_RE: Final = re.compile(r"\b(?:this\s+(?:morning|afternoon|evening)|today|tonight)\b")
_EVENT_AFTER_RE: Final = re.compile(
    r"\s+(?:long\s+)?(?:race|run|parkrun|marathon|half|10k|5k|game|match|hike|ride|tempo|"
    r"intervals|workout\s+at\s+the\s+gym)\b"
)


def _dates_an_event(low: str, match: re.Match[str]) -> bool:
    """Whether the day phrase at ``match`` dates something other than the session."""
    if _EVENT_BEFORE_RE.search(low, max(match.start() - 8, 0), match.start()):
        return True
    if _NEXT_BEFORE_RE.search(low, max(match.start() - 7, 0), match.start()):
        return True  # "done. next monday off": a day to come, no done's day
    if (
        _RUN_BEFORE_RE.search(low, max(match.start() - 9, 0), match.start())
        and "after" not in low[max(match.start() - 24, 0) : match.start()]
        and _TODAY_SAID_RE.search(low)
    ):
        return True  # not "did it after my long run sunday, sore today": sunday's
    if (
        "since" in low
        and _SINCE_BEFORE_RE.search(low, max(match.start() - 40, 0), match.start())
        and _TODAY_SAID_RE.search(low, match.end())
    ):
        return True  # "like this since the track session tuesday, skipped today": today's
    if _HABIT_RE.fullmatch(" ".join(match.group(0).split())) and not _SESSION_AFTER_RE.match(
        low, match.end()
    ):
        return True  # "my long runs are on saturdays": a habit, no day of the log
    if "since" in low and _SINCE_BEFORE_RE.search(low, max(match.start() - 12, 0), match.start()):
        return True  # "i have a cold since monday": the day it started
    if _WEEK_FACT_BEFORE_RE.search(low, max(match.start() - 16, 0), match.start()):
        return True  # "my long run is on sunday, skipped today": the running week, not the log
    if _VISIT_BEFORE_RE.search(low, max(match.start() - 40, 0), match.start()) and (
        _TODAY_SAID_RE.search(low, match.end())
    ):
        return True  # "saw the physio yesterday about my hip. did today's session": today's
    return _EVENT_AFTER_RE.match(low, match.end()) is not None


#: A visit just before the day ("saw the physio yesterday", "had the gp on monday").
_VISIT_BEFORE_RE: Final = re.compile(
    r"\b(?:saw|seen|visited|had|went\s+to(?:\s+see)?)\s+(?:the\s+|my\s+|a\s+)?(?:physio|gp|doctor|doc"
    r"|podiatrist|osteo|consultant|specialist|dentist)\w*(?:\s+(?:appointment|appt))?\s+(?:on\s+)?$"
)


#: A day of the running week told just before the day ("my long run is on sunday").
_WEEK_FACT_BEFORE_RE: Final = re.compile(
    r"\b(?:run|runs|intervals|tempo|club|rest\s+day|rest\s+days)\s+(?:is|are)\s+$"
)


#: Weekdays said as a habit: "on saturdays", "on sundays" (no apostrophe, after "on").
_HABIT_RE: Final = re.compile(r"on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days")
#: A session named after a weekday: "on saturdays session" is Saturday's.
_SESSION_AFTER_RE: Final = re.compile(r"\s+(?:session|one|workout|hips?|hip\s+work|routine)\b")


#: "since" a few words before a day: the day something started, not the log's.
_SINCE_BEFORE_RE: Final = re.compile(r"\bsince\s+(?:[\w']+\s+){0,4}$")


#: A done's day said without a year ahead of today is last year's only this near.
_RECENT_DAYS: Final = 62


#: Two days said as either one ("thursday or friday", "the 12th or 13th"): which is asked.
_EITHER_DAY_RE: Final = re.compile(
    r"\b(?:did|done|missed|skipped|made|finished|completed)\b(?:(?!\b(?:will|gonna|ill|going|next"
    r"|and)\b)[^.,;!?]){0,25}?"
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|(?:the\s+)?[0-9]{1,2}(?:st|nd|rd|th))"
    r"\s+or\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+day\s+before|(?:the\s+)?[0-9]{1,2}"
    r"(?:st|nd|rd|th)?)\b"
)
#: A bare day of the month ("12th") and how many days ahead of today it may be and still
#: be asked about as a slip rather than logged a month back.
_DAY_OF_MONTH_RE: Final = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?")
_DAYS_AHEAD_ASKED: Final = 3


def unclear_log_day(low: str, today: date, *, ahead: bool = False) -> str | None:
    """The day a done or skip names as written when it cannot be the log's ("on the 31st
    of april", "on 30th feb", "on the 35th", a done "on 20th june" said on the 10th), else
    None: the coach asks rather than log it on another day. A skip (``ahead``) not said in
    the past tense may name a day to come ("can't make it on the 20th")."""
    low = holidays_as_dates(low)
    past = not ahead or _SKIPPED_RE.search(low) is not None  # "missed it on the weekend"
    if (vague := vague_day(low, done=past)) is not None:
        return vague  # "did it the other day": which day is asked, nothing stored
    if past and " or " in low and (either := _EITHER_DAY_RE.search(low)) is not None:
        return either.group(0)  # "did it thursday or friday, can't remember which": asked
    soon = "tom" in low or "tm" in low or "2mo" in low or "next " in low
    later = _DONE_LATER_RE.search(low) if soon and not ahead else None
    if later is not None:
        return later.group(1)  # "did it tomorrow": no day a done can have
    if not has_digit(low):  # the cheap test first: no number, no such day
        return None
    if (
        "/" in low
        and (numeric := _DATE_NUMERIC_RE.search(low)) is not None
        and (
            (parts := _NUMERIC_RE.fullmatch(numeric.group(1))) is None
            or _numeric_day(parts, today) is None
        )
    ):
        return numeric.group(1)  # "skip 30/02"
    if (match := _LOG_DAY_RE.search(low)) is None or not has_digit(match[0]):
        return _no_such_day(low)  # "logged the 31st of november as done": asked
    said = " ".join(match.group(0).split()).removeprefix("on ")
    bare = said.removeprefix("the ")
    if not ahead and (dom := _DAY_OF_MONTH_RE.fullmatch(bare)) is not None:
        ahead_by = int(dom.group(1)) - today.day
        if 0 < ahead_by <= _DAYS_AHEAD_ASKED:
            return said  # "did the session on the 12th" on the 11th: last month's? asked
    if ahead and _SKIPPED_RE.search(low) is None:
        return said if _ahead(bare, today, same_day=True) is None else None
    return said if _past_day_month(bare, today) is False else None


#: A past day said without saying which ("the other day", "a few days ago", "earlier this
#: week", "sometime last week"): the coach asks which day rather than log today.
#: A done "over the weekend", "on the weekend", "last weekend": Saturday or Sunday, asked.
_WEEKEND_GONE_RE: Final = re.compile(
    r"\b(?:over|at|during|on)\s+the\s+weekend\b|\b(?:last|past)\s+weekend\b"
)
_VAGUE_DAY_RE: Final = re.compile(
    r"\bthe\s+other\s+(?:day|night|evening|morning)\b"
    r"|\b(?:a\s+few|few|some|several)\s+(?:of\s+)?days?\s+(?:ago|back)\b"
    r"|\b(?:earlier|sometime|some\s+time|at\s+some\s+point|one\s+day)\s+"
    r"(?:this|last|in\s+the|the)\s+week\b"
    r"|\b(?:earlier|sometime|some\s+time)\s+in\s+the\s+week\b"
)


_SENTENCE_END_RE: Final = re.compile(r"[.!?;]")
_ASKING_RE: Final = re.compile(r"\b(?:what|whats|what's|when|how|which|why|where|did\s+i)\b|\?")


def _asked_in(low: str, at: int) -> bool:
    """Whether the sentence holding ``at`` is a question."""
    start = max((m.end() for m in _SENTENCE_END_RE.finditer(low, 0, at)), default=0)
    end_mark = _SENTENCE_END_RE.search(low, at)
    end = end_mark.end() if end_mark is not None else len(low)
    return _ASKING_RE.search(low, start, end) is not None


_NOW_SAID_RE: Final = re.compile(
    r"\b(?:today|todays|tonight|tdy|this\s+(?:morning|afternoon|evening)|just\s+now)\b"
)
_CLAUSE_EDGE_RE: Final = re.compile(r"[,.;!?]|\b(?:but|and|though|tho)\b")
_LOG_WORD_RE: Final = re.compile(
    r"\b(?:did|done|finished|completed|skipped|missed|smashed|nailed|managed|logged|log"
    r"|couldn'?t|didn'?t)\b"
)


def _logged_in(low: str, at: int) -> bool:
    """Whether the clause holding ``at`` has a log word ("did it a few days ago"), not
    another story ("a few days ago my hip was sore")."""
    start = max((m.end() for m in _CLAUSE_EDGE_RE.finditer(low, 0, at)), default=0)
    edge = _CLAUSE_EDGE_RE.search(low, at)
    end = edge.start() if edge is not None else len(low)
    return _LOG_WORD_RE.search(low, start, end) is not None


def vague_day(low: str, *, done: bool = False) -> str | None:
    """The words of a past day said without saying which ("the other day", "a few days
    ago"; for a ``done`` also "last week"), when no day is named beside them ("the other
    day, tuesday": tuesday), else None."""
    if "day" not in low and "week" not in low and "night" not in low:
        return None
    vague = _VAGUE_DAY_RE.search(low) or (
        (_LAST_WEEK_RE.search(low) or _WEEKEND_GONE_RE.search(low)) if done else None
    )
    if vague is None or _asked_in(low, vague.start()):
        return None  # "finished. what did i do last week?": a question, not the log's day
    if _NOW_SAID_RE.search(low) or not _logged_in(low, vague.start()):
        return None  # "did it this morning, first since a few days ago": today's
    rest = low[: vague.start()] + " " + low[vague.end() :]
    if any(not _dates_an_event(rest, m) for m in _LOG_DAY_RE.finditer(rest)):
        return None
    return " ".join(vague.group(0).split())


#: A done said of a day to come ("did it tomorrow", "did the session next monday").
_DONE_LATER_RE: Final = re.compile(
    rf"\b(?:did|done|finished|completed)\s+(?:it|the\s+session|my\s+session|the\s+hips?)?"
    rf"\s*({_TOMORROW}|next\s+(?:week|month|{_WEEKDAY}|{_SHORT_NAME}))\b"
)
#: A day and month in numbers as a log's day ("skip 30/02", "on 24/12"), never a rating
#: ("6/10", "4/5").
_DATE_NUMERIC_RE: Final = re.compile(
    r"\b(?:on|skip|skipping|missed|miss|do|did|make)\s+"
    r"([0-9]{1,2}/(?!10\b|5\b)[0-9]{1,2}(?:/[0-9]{2,4})?)(?![0-9/])"
)


def _past_day_month(phrase: str, today: date) -> date | bool | None:
    """ "4th may", "1st", "feb 3" as the latest such day on or before today; False for no
    such day ("31st of april", "35th"); None for a phrase of another shape."""
    if (bare := _BARE_ORDINAL_RE.fullmatch(phrase)) is not None:
        year, month = today.year, today.month
        for _ in range(12):
            try:
                found: date | None = date(year, month, int(bare.group(1)))
            except ValueError:
                found = None
            if found is not None and found <= today:
                return found
            month, year = (month - 2) % 12 + 1, year - (month == 1)
        return False
    if (numeric := _NUMERIC_RE.fullmatch(phrase)) is not None:  # "24/12", day first
        first, second = int(numeric.group(1)), int(numeric.group(2))
        day, month = (second, first) if second > 12 >= first else (first, second)
        given = numeric.group(3)
        year = (int(given) + (2000 if len(given) == 2 else 0)) if given else today.year
    elif (named := _DAY_MONTH_RE.fullmatch(phrase)) is not None:
        month = _MONTH_NUMBERS[(named.group(2) or named.group(3))[:3]]
        given = named.group(5)
        year, day = int(given) if given else today.year, int(named.group(1) or named.group(4))
    else:
        return None
    try:
        said = date(year, month, day)
        if said > today and not given:  # "30th dec" said on 2 January
            said = said.replace(year=year - 1)
            if (today - said).days > _RECENT_DAYS:
                return False  # "on 20th june" said on the 10th: not done yet, asked
    except ValueError:
        return False
    return said if said <= today else False


_DAY_NAME: Final = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs?|fri|sat|sun"  # noqa: E501
_DAY_NAME_RE: Final = re.compile(rf"\b(?:(last|this|next|on)\s+)?({_DAY_NAME})(?:'?s)?\b")
_DAY_LIST_RE: Final = re.compile(
    rf"\b(?:{_DAY_NAME})(?:'?s)?(?:\s*(?:,|&|/|\+|,?\s*\band\b|,?\s*\bor\b|\bn\b|(?<=\w)\s(?=\w))\s*"
    rf"(?:{_DAY_NAME})(?:'?s)?\b)+"
)
_SOON_RE: Final = re.compile(
    r"\b(?:((?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow|2moro|2morrow|tomoz)(?:'?s)?)"
    r"|today|todays|tonight|tonite|2nite|2day|tdy|this\s+(?:morning|evening|afternoon))\b"
)
_PAST_TENSE_RE: Final = re.compile(
    r"\b(?:missed|skipped|skipt|didn'?t|did\s+not|couldn'?t|could\s+not|bailed|ditched"
    r"|wasn'?t|was|were|had\s+to|blew|sacked|forgot|got\s+away|did|done|finished"
    r"|completed|managed)\b"
)


_BARE_ORDINAL_RE: Final = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?")
_MONTH_NUMBERS: Final = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DAY_MONTH_RE: Final = re.compile(
    rf"(?:([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})"
    rf"|({MONTH_PATTERN})\s+([0-9]{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+([0-9]{{4}}))?"
)
#: Days no month has past: 29 February is left to the day rules (a leap year has it).
_MONTH_DAYS: Final = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _no_such_day(low: str) -> str | None:
    """A day and month as written that no calendar has ("the 31st of november", "30th
    feb", "april 31"), else None."""
    for found in _DAY_MONTH_RE.finditer(low):
        day = found.group(1) or found.group(4)
        month = _MONTH_NUMBERS[(found.group(2) or found.group(3))[:3]]
        if not 1 <= int(day) <= _MONTH_DAYS[month - 1]:
            return " ".join(found.group(0).split())
    return None


_MOVED_TO_RE: Final = re.compile(
    # not "can't do it tmrw", "won't do the session tomorrow": the day skipped
    r"(?:(?<!cant\s)(?<!can't\s)(?<!cannot\s)(?<!wont\s)(?<!won't\s)(?<!couldnt\s)(?<!not\s)"
    r"\bdo\s+(?:it|(?:the\s+)?session)|\bdo\s+that|\bto|\btill?|\buntil|\bfor|\binstead"
    r"|\bback(?:\s+(?:on|at|into)\s+it)?)\s+$"
)


_YDAY: Final = r"yesterday'?s?|yday'?s?"
_TODAY: Final = r"today'?s?|tdy"
_TMRW: Final = r"(?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow|2moro|2morrow|tomoz)(?:'?s)?"
_BEFORE_YDAY: Final = r"(?:the\s+)?day\s+before(?:\s+(?:that|yesterday))?(?:'?s)?"
_AND: Final = r"\s*(?:,|and|&|\+|n)\s*(?:also\s+|then\s+)?"
#: A weekday and a near day said together ("done mondays and yesterdays").
_WEEKDAY_AND_NEAR_RE: Final = re.compile(
    rf"\b({_DAY_NAME})(?:'?s)?{_AND}({_YDAY}|{_TODAY})(?![\w'])"
)
#: Two near days said together ("yesterday and today", "today and tmrw", "yday and the
#: day before"): the groups name which.
_NEAR_LIST_RE: Final = re.compile(
    rf"\b(?:({_YDAY}){_AND}({_TODAY})|({_TODAY}){_AND}({_TMRW})"
    rf"|({_YDAY}){_AND}({_BEFORE_YDAY})|({_BEFORE_YDAY}){_AND}({_YDAY}))(?![\w'])"
)
# Cheap tests first: every match of ``_DAY_LIST_RE`` holds a day's first letters, and of
# ``_NEAR_LIST_RE`` yesterday, or today with tomorrow.


def _day_list(low: str) -> re.Match[str] | None:
    """``_DAY_LIST_RE`` in ``low``, looked for only when a day's name may be there."""
    if not (
        "sat" in low
        or "sun" in low
        or "mon" in low
        or "fri" in low
        or "tue" in low
        or "wed" in low
        or "thu" in low
    ):
        return None
    return _DAY_LIST_RE.search(low)


def _near_list(low: str) -> re.Match[str] | None:
    """``_NEAR_LIST_RE`` in ``low``, looked for only when its days may be there."""
    if not (
        "yesterday" in low
        or "yday" in low
        or (("today" in low or "tdy" in low) and ("tom" in low or "tmr" in low or "2mor" in low))
    ):
        return None
    return _NEAR_LIST_RE.search(low)


#: A skip said in the past tense ("missed", "wasn't up to it"); "did" and "done" are not
#: one ("skipping today, did a long run yesterday": the skip is today's).
_SKIPPED_RE: Final = re.compile(
    r"\b(?:missed|skipped|skipt|didn'?t|did\s+not|couldn'?t|could\s+not|bailed|ditched"
    r"|wasn'?t|was|were|had\s+to|blew|sacked|forgot|got\s+away|nothing\s+done|done\s+nothing"
    r"|did\s+nothing|been\s+in\s+bed)\b"
)


_ON_DATE_RE: Final = re.compile(
    rf"\b(?:on|do|make|miss|skip|skipping|missing)\s+(?:the\s+)?([0-9]{{1,2}}(?:st|nd|rd|th)(?:\s+(?:of\s+)?(?:{MONTH_PATTERN}))?"
    rf"|[0-9]{{1,2}}\s+(?:of\s+)?(?:{MONTH_PATTERN})|(?:{MONTH_PATTERN})\s+[0-9]{{1,2}}(?:st|nd|rd|th)?"
    r"|[0-9]{1,2}/(?!10\b|5\b)[0-9]{1,2}(?![0-9/]))\b"
)


#: A weekday with its own rating ("thurs 5/10", "sat's, 6/10", "on monday was a 7/10").
_RATED_DAY_RE: Final = re.compile(
    rf"\b({_DAY_NAME})(?:'?s)?\b(?:\s+(?:one|session|sesh))?,?\s+(?:was\s+)?(?:an?\s+)?"
    r"([0-9]|10)\s*(?:/|out\s+of)\s*10\b"
)


#: A day said straight before its own effort ("friday effort 4 and saturday effort 5",
#: "monday rpe 5 tuesday rpe 6", "yesterday effort five and today effort six").
_EFFORT_DAY_RE: Final = re.compile(
    rf"\b({_DAY_NAME}|yesterday|today)(?:'?s)?\b(?:\s+(?:one|session|sesh))?,?\s+"
    r"(?:(?:was|at|an?|both|done)\s+)?(?:effort|rpe)\s+(?:(?:of|was|at|like|an?)\s+)?"
    r"(10|[0-9]|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b(?!\s*(?:/|out\s+of)\s*(?!10\b)[0-9])"
)


#: A day name and a bare number straight after it ("thursday 5 and friday 6").
_BARE_DAY_RATED_RE: Final = re.compile(
    rf"\b({_DAY_NAME}|yesterday|yday|today)(?:'?s)?\s*[(:-]?\s*([0-9]|10)\b\)?"
    r"(?!\s*(?:[:./0-9]|am\b|pm\b|th\b|st\b|nd\b|rd\b|k\b|km|mi|min|hour|hr|x\b|rep|set"
    r"|week|day|of\b))"
)


def rated_days(low: str, today: date) -> list[tuple[date, int]]:
    """Past days each said with a rating of its own ("done thurs 5/10 and sat 6/10",
    "friday effort 4 and saturday effort 5"), in order; fewer than two is none."""
    found: dict[date, int] = {}
    if "10" in low:
        found = {
            _named_day(m.group(1), today, past=True): int(m.group(2))
            for m in _RATED_DAY_RE.finditer(low)
        }
    if not found and ("done" in low or "did" in low):  # "done thursday 5 and friday 6"
        bare = {  # "did tuesday 5 and yesterday 6"
            _past_day(m.group(1), today): int(m.group(2)) for m in _BARE_DAY_RATED_RE.finditer(low)
        }
        found = bare if len(bare) > 1 else {}
    if "effort" in low or "rpe" in low:
        for m in _EFFORT_DAY_RE.finditer(low):
            value = m.group(2)
            found.setdefault(
                _past_day(m.group(1), today), int(value) if value.isdigit() else NUMBER_WORDS[value]
            )
    return sorted(found.items()) if len(found) > 1 else []


#: A day said with "done" after it, and maybe its effort ("monday done (5), yesterday done
#: (6)", "sat done 4/10"): one such day each.
_DONE_DAY_RE: Final = re.compile(
    rf"\b({_DAY_NAME}|today|yesterday|yday)(?:'?s)?\s+(?:done|did|completed|complete|ticked)\b"
    r"(?:\s*[(\-:,]?\s*([0-9]|10)(?:\s*(?:/|out\s+of)\s*10)?\b\)?)?"
)


def done_days(low: str, today: date) -> list[tuple[date, int | None]]:
    """Past days each said with "done" after it, with the effort said with it ("monday done
    (5), yesterday done (6)"), in order; fewer than two is none."""
    if "done" not in low and "did" not in low and "complete" not in low and "ticked" not in low:
        return []
    found: dict[date, int | None] = {}
    for m in _DONE_DAY_RE.finditer(low):
        if (day := day_said(m.group(1), today)) is not None:
            found.setdefault(day, int(m.group(2)) if m.group(2) else None)
    return sorted(found.items()) if len(found) > 1 else []


#: A day said with "skipped" or "missed" after it ("monday skipped (work)").
_SKIPPED_DAY_RE: Final = re.compile(
    rf"\b({_DAY_NAME}|today|yesterday|yday)(?:'?s)?\s+(?:was\s+)?(?:skipped|missed)"
    r"(?=\s*(?:[,.;!(-]|$|\band\b|\bbut\b))"
)


def day_first_logs(low: str, today: date) -> list[tuple[date, bool, int | None]]:
    """(day, done, effort) of each past day said first with "done" or "skipped" after it
    when both are said ("monday skipped (work), tuesday done 7"), in order; else none."""
    if "skipped" not in low and "missed" not in low:
        return []
    found: dict[date, tuple[bool, int | None]] = {}
    for m in _SKIPPED_DAY_RE.finditer(low):
        if (day := day_said(m.group(1), today)) is not None and day <= today:
            found.setdefault(day, (False, None))
    skipped = len(found)
    for m in _DONE_DAY_RE.finditer(low):
        if (day := day_said(m.group(1), today)) is not None and day <= today:
            found.setdefault(day, (True, int(m.group(2)) if m.group(2) else None))
    if not skipped or len(found) == skipped:
        return []
    return [(day, done, effort) for day, (done, effort) in sorted(found.items())]


def _days_listed(low: str) -> re.Match[str] | None:
    """The days said together: weekdays ("wed and thu") or near days ("yesterday and
    today")."""
    return _day_list(low) or _near_list(low)


def listed_tail(low: str) -> str:
    """What follows the days said together ("did wed and thu, 5 and 6": ", 5 and 6"),
    to the end of its sentence; "" when no days are listed."""
    listed = _days_listed(low)
    if listed is None:
        return ""
    tail = low[listed.end() :]
    end = _SENTENCE_END_RE.search(tail)
    return tail if end is None else tail[: end.start()]


#: A word of a session done, and the stops between clauses.
_DONE_WORD_RE: Final = re.compile(
    r"\b(?:did|done|finished|completed?|smashed|ticked|knocked|got\s+through|managed)\b"
)
_CLAUSE_STOP_RE: Final = re.compile(r"[.,;!?]|\b(?:so|but|because|cos|then)\b")


def days_done_apart(low: str) -> bool:
    """Whether the days said together stand in a clause with no done word ("on nights
    thursday friday saturday so those are a write off, did today's though"): they are not
    the days done."""
    listed = _days_listed(low)
    if listed is None:
        return False
    stops = [m.end() for m in _CLAUSE_STOP_RE.finditer(low, 0, listed.start())]
    start = stops[-1] if stops else 0
    after = _CLAUSE_STOP_RE.search(low, listed.end())
    end = after.start() if after else len(low)
    return _DONE_WORD_RE.search(low, start, end) is None


def names_days(low: str) -> bool:
    """Whether ``low`` names several days together ("sat and sun", "thu or fri", "yesterday
    and today")."""
    return (
        _days_listed(low) is not None
        or _LAST_FEW_DAYS_RE.search(low) is not None
        or ("y" in low and _WEEKDAY_AND_NEAR_RE.search(low) is not None)
    )


#: The last two or three days ("missed the last two days", "the past couple of days"):
#: each of them, up to yesterday.
_LAST_FEW_DAYS_RE: Final = re.compile(
    r"\b(?:the\s+)?(?:last|past)\s+(two|2|couple(?:\s+of)?|three|3)\s+days\b"
)
_FEW: Final = {"two": 2, "2": 2, "couple of": 2, "couple": 2, "three": 3, "3": 3}


def _near_offset(said: str) -> int:
    """Days from today of a near day as said ("yday's" -1, "the day before" -2, "tmrw" 1)."""
    if "before" in said:
        return -2
    if said.startswith(("yesterday", "yday")):
        return -1
    return 0 if said.startswith(("today", "tdy")) else 1


def day_said(said: str, today: date) -> date | None:
    """A past or near day as one word says it ("yday's", "the day before", "today", "thurs",
    "wednesday's": the latest such day), else None."""
    word = said.replace("'", "").removeprefix("the ").strip()
    if word.startswith(("yesterday", "yday", "day before", "today", "tdy")):
        return today + timedelta(days=_near_offset(word))
    name = word.removesuffix("s") if word.removesuffix("s") in _WEEKDAYS else word
    if name not in _WEEKDAYS and name not in _SHORT:
        return None
    return _named_day(name, today, past=True)


def said_in_past(low: str) -> bool:
    """Whether the message speaks of what happened ("missed", "didn't", "was")."""
    return _PAST_TENSE_RE.search(low) is not None


def _weekday_index(name: str) -> int:
    return _WEEKDAYS.index(name) if name in _WEEKDAYS else _SHORT[name]


def _past_day(name: str, today: date) -> date:
    """A day said for a log: today, yesterday or the latest such weekday."""
    if name == "today":
        return today
    if name in ("yesterday", "yday"):
        return today - timedelta(days=1)
    return _named_day(name, today, past=True)


def _named_day(name: str, today: date, past: bool) -> date:
    """A weekday as a log's day: the latest one (today if it is one) for what was done or
    missed, the next one (today if it is one) for a skip ahead."""
    index = _weekday_index(name)
    if past:
        return today - timedelta(days=(today.weekday() - index) % 7)
    return today + timedelta(days=(index - today.weekday()) % 7)


_HOLIDAYS: Final = {"christmas day": "25 dec", "xmas day": "25 dec", "christmas eve": "24 dec",
             "xmas eve": "24 dec", "boxing day": "26 dec", "new years day": "1 jan",
             "new year's day": "1 jan", "new years eve": "31 dec", "new year's eve": "31 dec",
             "nye": "31 dec", "nyd": "1 jan"}  # fmt: skip
_HOLIDAY_RE: Final = re.compile(
    r"\b(?:(on)\s+)?(christmas\s+(?:day|eve)|xmas\s+(?:day|eve)|boxing\s+day"
    r"|new\s+year'?s\s+(?:day|eve)|nye|nyd)\b"
)


def holidays_as_dates(low: str, lead: str = "on ") -> str:
    """ "on christmas day" → "on 25 dec", "boxing day" → "on 26 dec" (``lead`` "": "26
    dec", for a break, whose "new year" the pause rules read): named days as dates, so
    the day rules read them (a plain "christmas" is a season, left as it is)."""
    if not ("mas " in low or "boxing" in low or "year" in low or "nye" in low or "nyd" in low):
        return low

    def day(m: re.Match[str]) -> str:
        name = " ".join(m.group(2).split())
        if not lead and name.startswith(("new", "ny")):
            return m.group(0)  # a break "till new year's day" ends on 31 December
        return f"{lead if lead or not m.group(1) else 'on '}{_HOLIDAYS[name]}"

    return _HOLIDAY_RE.sub(day, low)


def log_days(low: str, today: date, *, ahead: bool = False) -> tuple[date, ...]:
    """The days a done (``ahead`` False) or skip message is about, in order; empty when
    none is said (today).

    A done is always about a past day (``log_day``). A skip is about a past day when said
    in the past tense ("missed sat and sun": last weekend's), else about one ahead
    ("friday is a no go": this coming Friday, "gonna skip tmrw"), the first day named
    winning ("skip today, do it tomorrow": today). Several weekdays named together
    ("thursday or friday") give one day each; "on boxing day" is 26 December.
    """
    low = holidays_as_dates(low)
    past = not ahead or _SKIPPED_RE.search(low) is not None
    if (listed := _day_list(low)) is not None and not (past and _planned(low, listed.start())):
        names = [m.group(2) for m in _DAY_NAME_RE.finditer(listed.group(0))]
        if past and _LAST_WEEK_RE.search(low):  # "did monday and tuesday last week"
            monday = today - timedelta(days=today.weekday() + 7)
            return tuple(sorted({monday + timedelta(days=_weekday_index(n)) for n in names}))
        return _listed_past(names, today) if past else _listed_ahead(names, today)
    if (near := _near_list(low)) is not None:  # "missed yesterday and today"
        offsets = {_near_offset(g) for g in near.groups() if g}
        return tuple(sorted(today + timedelta(days=n) for n in offsets if ahead or n <= 0))
    if past and (few := _LAST_FEW_DAYS_RE.search(low)) is not None:  # "the last two days"
        count = _FEW[" ".join(few.group(1).split())]
        return tuple(today - timedelta(days=n) for n in range(count, 0, -1))
    if past and "y" in low and (mixed := _WEEKDAY_AND_NEAR_RE.search(low)) is not None:
        other = mixed.group(2)
        close = today if other.startswith(("today", "tdy")) else log_day(other, today)
        days = {log_day(f"on {mixed.group(1)}", today), close}
        if None not in days and len(days) == 2:  # "done mondays and yesterdays"
            return tuple(sorted(d for d in days if d is not None))
    if past and _TODAY_LOGGED_RE.search(low):
        return ()  # "Skipped today. Went out last night for my birthday": today's
    if past:
        day = log_day(_BACK_ON_DAY_RE.sub(" ", low), today)  # not the day they are back
        return () if day is None else (day,)
    said: list[tuple[int, date]] = []
    for soon in _SOON_RE.finditer(low):
        if soon.group(1) and _MOVED_TO_RE.search(low, 0, soon.start()) is not None:
            continue  # "do it tomorrow instead": the day it moves to, not the day skipped
        if soon.group(1) and low.startswith(" instead", soon.end()):
            continue
        said.append((soon.start(), today + timedelta(days=1) if soon.group(1) else today))
        break
    gone = None if said else _GONE_DAY_RE.search(low)  # not "hurt it last night, skipping today"
    if gone is not None and (day := log_day(gone.group(0), today)) is not None:
        said.append((gone.start(), day))  # "no time yesterday, work ran late": yesterday's
    dated = _ON_DATE_RE.search(low)  # "can't make it on the 20th"
    if dated is not None and (day := _ahead(dated.group(1), today, same_day=True)) is not None:
        if _JUST_GONE_DAYS >= (today - years_later(day, -1)).days > 0:
            day = years_later(day, -1)  # "missing new year's eve" said on 1 January: last night's
        said.append((dated.start(), day))
    for named in _DAY_NAME_RE.finditer(low):
        short = named.group(2) not in _WEEKDAYS
        if named.group(1) == "last" or (
            short and named.group(1) is None and not _plain_short(low, named)
        ):
            continue  # "last friday" is no skip ahead; a bare "sat" may be the verb
        if _END_OF_STAY_RE.search(low, max(named.start() - 8, 0), named.start()):
            continue  # "in Lisbon till wednesday, skip today's": the stay's end, not the skip
        if _SINCE_BEFORE_RE.search(low, max(named.start() - 12, 0), named.start()):
            continue  # "had a cold since monday": the day it started, no day ahead
        said.append((named.start(), _named_day(named.group(2), today, past=False)))
        break
    return (min(said)[1],) if said else ()


#: Today named right after the log's verb ("skipped today", "did today's"): today's log,
#: whatever other day the message tells of.
_TODAY_LOGGED_RE: Final = re.compile(
    r"^\W*(?:i\s+)?(?:skipped|missed|did|done|finished|completed)\s+(?:today|todays|today'?s"
    r"|this\s+morning|tonight)\b"
)
_LAST_WEEK_RE: Final = re.compile(r"\b(?:last|previous|past)\s+week(?:'?s)?\b")
#: Words that make the days after them a plan, not a log ("did monday, will do wednesday
#: or thursday").
_PLANNED_RE: Final = re.compile(
    r"\b(?:will|i'll|gonna|going\s+to|plan\s+to|planning\s+to|hope\s+to|aim\s+to"
    r"|try\s+to|next)\b[^.,;!?]*$"
)


def _planned(low: str, at: int) -> bool:
    """Whether the days said at ``at`` are planned in their clause, not done."""
    return _PLANNED_RE.search(low, 0, at) is not None


#: A skip's date a year but these few days ahead is the one just gone by.
_JUST_GONE_DAYS: Final = 6
#: A day that can only have gone by ("yesterday", "last night"): a skip said of it is
#: that day's whatever the verb ("no time yesterday", "not a chance last night").
_GONE_DAY_RE: Final = re.compile(
    r"\b(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|yday|last\s*(?:night|nite))\b"
)


def _listed_ahead(names: list[str], today: date) -> tuple[date, ...]:
    return tuple(sorted({_named_day(name, today, past=False) for name in names}))


def _listed_past(names: list[str], today: date) -> tuple[date, ...]:
    """Past weekdays said together, each the latest such day; but a runner names them in
    the order they came, so today's name said before a day that has been this week is last
    week's ("did monday and tuesday" on a Monday: the 7th and the 8th, never today)."""
    days = [_named_day(name, today, past=True) for name in dict.fromkeys(names)]
    if today in days:
        at = days.index(today)
        if any(day < today for day in days[at + 1 :]):
            days[at] = today - timedelta(days=7)
    return tuple(sorted(set(days)))


#: Short day names that are no other word ("not gonna do it wed"); "sat", "sun" and "mon"
#: are days only after "do it", "make it" or "do" ("can't make it sat").
_PLAIN_SHORT: Final = frozenset({"tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri"})
_DO_IT_BEFORE_RE: Final = re.compile(r"\b(?:do|make|manage|doing|making)(?:\s+it)?\s+$")


def _plain_short(low: str, named: re.Match[str]) -> bool:
    if named.group(2) in _PLAIN_SHORT:
        return True
    return _DO_IT_BEFORE_RE.search(low, max(named.start() - 12, 0), named.start()) is not None


_BACK_ON_DAY_RE: Final = re.compile(
    rf"\bback\s+(?:(?:on|at|into|to)\s+it\s+)?(?:on\s+)?(?:{_WEEKDAY}|{_SHORT_NAME})(?:'?s)?\b"
)
_END_OF_STAY_RE: Final = re.compile(r"\b(?:till|til|until|untill|through|thru|by)\s+$")


def _ahead(phrase: str, today: date, *, same_day: bool = False) -> date | None:
    """A day on or after today, as our rules read one without month or year: a weekday is
    the next one (today's only with ``same_day``)."""
    phrase = _NAMED_BEFORE_RE.sub("", " ".join(phrase.split())).removeprefix("the ")
    if phrase in _WEEKDAYS or phrase in _SHORT:
        ahead = (_weekday_index(phrase) - today.weekday()) % 7
        return today + timedelta(days=ahead if same_day else ahead or 7)
    if re.fullmatch(_TOMORROW, phrase):
        return today + timedelta(days=1)
    if (bare := _BARE_ORDINAL_RE.fullmatch(phrase)) is not None:  # "15th": no parser needed
        return _day_of_month(int(bare.group(1)), today)
    if (numeric := _NUMERIC_RE.fullmatch(phrase)) is not None:  # "24/12": the next one
        return _numeric_day(numeric, today)
    if (named := _DAY_MONTH_RE.fullmatch(phrase)) is not None:  # "3 may", "dec 22nd" too
        number = named.group(1) or named.group(4)
        month = _MONTH_NUMBERS[(named.group(2) or named.group(3))[:3]]
        year = named.group(5)
        try:
            said = date(int(year) if year else today.year, month, int(number))
        except ValueError:
            return None  # "31st june": no such day
        return said if said >= today or year else years_later(said, 1)
    day = _parse(phrase, today, "future")
    if day is None or day >= today:
        return day
    if _MONTH_RE.search(phrase):  # "3 May" said in June: next year's
        return years_later(day, 1)
    return _day_of_month(day.day, today)


def _numeric_day(numeric: re.Match[str], today: date) -> date | None:
    """ "24/12" (day first; "12/24" only as month first), the next such day on or after
    today unless a year is said; None for no such day ("31/2")."""
    first, second = int(numeric.group(1)), int(numeric.group(2))
    day, month = (second, first) if second > 12 >= first else (first, second)
    year = numeric.group(3)
    try:
        if year:
            return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        said = date(today.year, month, day)
    except ValueError:
        return None
    return said if said >= today else years_later(said, 1)


def _day_of_month(number: int, today: date) -> date | None:
    """The next day numbered ``number`` on or after today ("the 3rd" said on the 20th:
    next month's; the 31st skips months without one)."""
    year, month = today.year, today.month
    for _ in range(4):
        try:
            found = date(year, month, number)
        except ValueError:  # the 31st in a month without one, or no such day at all
            found = None
        if found is not None and found >= today:
            return found
        month, year = month % 12 + 1, year + (month == 12)
    return None


def day_ahead(phrase: str, today: date) -> date | None:
    """A day said without month or year ("the 15th", "friday"), read ahead: today or later."""
    return _ahead(phrase, today, same_day=True)


#: A return told in the past tense ("flew back", "got back", "came home").
_CAME_BACK_RE: Final = re.compile(
    r"\b(?:flew|got|came|arrived|returned|drove|made\s+it|was|were|been)\s+(?:back|home)\b"
)


def back_on(low: str, today: date) -> date | None:
    """The last day away when the runner says when they are back ("I'm back on the 20th":
    the 19th), or None when no day ahead is named."""
    if (match := _BACK_RE.search(low)) is None:
        return None
    if _CAME_BACK_RE.search(low, max(match.start() - 12, 0), match.start() + 5):
        return None  # "flew back from sydney on monday": a return gone by, no break ahead
    back = _ahead(match.group(1), today)
    return back - timedelta(days=1) if back is not None and back > today else None


#: A break said to end on a day gone by ("pause until last week"): asked.
_UNTIL_GONE_RE: Final = re.compile(
    r"\b(?:until|till|til|untill|up\s+to)\s+(?:last\s+(?:week|month|night|[a-z]+day)"
    r"|yesterday|the\s+day\s+before)\b"
)


#: Away on one day ("i'm away wednesday", "away on the 3rd"): a break of that day.
_AWAY_ON_RE: Final = re.compile(rf"\baway\s+(?:on\s+)?(?:this\s+|this\s+coming\s+)?({_DAY})\b")


#: What every pattern of a day (``_DAY``) needs: a digit, or the start of a weekday's or a
#: month's name or of "tomorrow" (a cheap test before the day patterns, which are slow).
_DAYISH_RE: Final = re.compile(
    r"[0-9]|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tom|tmr"
)


class PauseSaid(NamedTuple):
    """A pause's days as said: ``first`` (None: today), ``last`` (None: not said), and
    ``unclear``, the range as written when it cannot be right (reversed, impossible)."""

    first: date | None
    last: date | None
    unclear: str | None = None
    ranged: bool = False  # both ends said ("23rd to 28th", "thurs to sun")


def _words_to_ordinals(low: str) -> str:
    """ "the fifteenth" → "the 15th", "the twenty-first" → "the 21st"."""

    def number(m: re.Match[str]) -> str:
        value = _ORDINAL_WORDS[m.group(2)] + {"twenty": 20, "thirty": 30}.get(m.group(1) or "", 0)
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(value % 10 if value // 10 != 1 else 0, "th")
        return f"the {value}{suffix}"

    return _ORDINAL_WORD_RE.sub(number, low)


#: "since" just before a range: its first day has gone by ("paused since the 3rd until the
#: 28th"), so the break runs from today.
_SINCE_END_RE: Final = re.compile(r"\bsince\s*$")


def _range(match: re.Match[str], today: date) -> PauseSaid:
    said = " ".join(match.group(0).split())
    if _SINCE_END_RE.search(match.string, 0, match.start()) is not None:
        last = _ahead(match.group(2), today, same_day=True)
        return PauseSaid(None, last) if last is not None else PauseSaid(None, None, unclear=said)
    opening = match.group(1)
    bare_day = opening.isdigit() or (
        "/" not in opening
        and any(c.isdigit() for c in opening)
        and _MONTH_RE.search(opening) is None
    )
    month = _MONTH_RE.search(match.group(2)) if bare_day else None
    if month is not None:
        # "14-20 may", "from the 1st to the 5th of may": the first day in that month too;
        # not "the 28th to the 3rd of march", which starts the month before
        in_month = _ahead(f"{opening} {month.group(0)}", today, same_day=True)
        until = _ahead(match.group(2), today, same_day=True)
        if in_month is not None and until is not None and in_month <= until:
            opening = f"{opening} {month.group(0)}"
    first = _ahead(opening, today, same_day=True)
    second = match.group(2)
    if first is not None and not _MONTH_RE.search(second) and _MONTH_RE.search(match.group(1)):
        second = f"{second} {_MONTH_RE.findall(match.group(1))[-1]}"
    last = _ahead(second, first or today, same_day=True)
    if first is None or last is None or last < first:
        return PauseSaid(None, None, unclear=said)
    wrapped = (last.month, last.day) < (first.month, first.day) or (
        not _MONTH_RE.search(second) and "/" not in second and last.day < first.day
    )  # "the 20th to the 15th": next month's 15th only for a short break
    if wrapped and (last - first).days > MAX_WRAPPED_DAYS:
        return PauseSaid(None, None, unclear=said)  # "from the 21st to the 14th"
    listed = re.search(r"\sand\s", said) is not None and not said.startswith("between")
    return PauseSaid(None if first <= today else first, last, ranged=not listed)


def _start(low: str, today: date) -> tuple[date | None, str | None]:
    """The first day of a break said to start later ("from saturday"), else None; and the
    first day as written when it names no real day ("from the 31st of september")."""
    if (match := _FROM_RE.search(low)) is None:
        return None, None
    first = _ahead(match.group(1), today, same_day=True)
    if first is None and any(c.isdigit() for c in match.group(1)):
        return None, " ".join(match.group(0).split())
    return (first if first is not None and first > today else None), None


_ON_DAY_RE: Final = re.compile(
    rf"\b(?:on|from|leaving|leave|off|doing|skipping|skip|missing|miss)\s+({_DAY})\b"
)


def _said_before(low: str, end: int, today: date) -> date | None:
    """A day said before the return ("travelling on the 1st of March and back on the
    15th", "not doing friday, away for the weekend, back monday"): the first day away."""
    if _AWAY_NEXT_WEEK_RE.search(low, 0, end) is not None:  # "away next week, back on the 3rd"
        return today + timedelta(days=7 - today.weekday())
    soon = "tom" in low or "tm" in low or "2mo" in low
    if soon and _LEAVING_TOMORROW_RE.search(low, 0, end) is not None:  # "off to cork tomorrow"
        return today + timedelta(days=1)
    for regex in (_LEAVING_ON_RE, _ON_DAY_RE, _OFF_ON_RE):  # "flying out saturday" first
        for match in regex.finditer(low, 0, end):
            first = _ahead(match.group(1), today, same_day=True)
            if first is not None and first > today:
                return first
    return None


def _leaving(low: str, start: int, today: date) -> date | None:
    """The day the runner leaves, said from ``start`` on ("off to japan tomorrow", "we're
    flying out saturday"), else None."""
    if ("tom" in low or "tm" in low or "2mo" in low) and _LEAVING_TOMORROW_RE.search(low, start):
        return today + timedelta(days=1)
    for match in _LEAVING_ON_RE.finditer(low, start):
        first = _ahead(match.group(1), today, same_day=True)
        if first is not None and first > today:
            return first
    return None


#: Leaving tomorrow: "off to my parents in Galway tomorrow", "flying out tmrw".
_LEAVING_TOMORROW_RE: Final = re.compile(
    r"\b(?:off|away|flying|fly|leaving|leave|heading|going|travelling|traveling|driving|gone)\b"
    r"[^.!?]{0,40}?\b(?:tomorrow|tomorow|tommorow|tmrw|tmr|2moro|2morrow|tomoz)\b"
    # "tomorrow I travel to Lisbon": the day first
    r"|\b(?:tomorrow|tomorow|tommorow|tmrw|tmr|2moro|2morrow|tomoz)\s+(?:i|we)(?:'?m|'?re"
    r"|\s+am|\s+are|\s+will)?\s+(?:travel|travelling|traveling|fly|flying|leave|leaving|go"
    r"|going|head|heading|drive|driving)\b"
)
#: A return next week: "back next week", "home next week", "returning next week".
_BACK_NEXT_WEEK_RE: Final = re.compile(
    r"\b(?:back|home|return|returning)\s+(?:again\s+)?(?:on\s+|from\s+|by\s+)?next\s+week\b"
)
#: A break from next week: "away next week", "off from next week".
_AWAY_NEXT_WEEK_RE: Final = re.compile(
    r"\b(?:away|off|travelling|traveling|gone|abroad|on\s+holiday|pause|paused|pausing|hold|freeze"
    r"|break)\s+(?:(?:me|it|us|things|everything|the\s+plan|my\s+plan|the\s+sessions)\s+)?"
    r"(?:from\s+|for\s+)?next\s+week\b"
)
#: A leaving day said without a subject, a few words after the verb: "heading off skiing
#: sat", "flying out sat", "driving home to kerry on tuesday".
_OFF_ON_RE: Final = re.compile(
    rf"\b(?:flying|fly|leaving|leave|heading|head|driving|travelling|traveling|off)\s+"
    rf"(?:[a-z']+\s+){{0,3}}?(?:on\s+)?({_DAY})\b"
)
#: The runner's own leaving day: "flying out saturday", "we leave on the 3rd".
_LEAVING_ON_RE: Final = re.compile(
    rf"\b(?:i'?m|im|we'?re|i|we)\s+(?:(?:am|are)\s+)?(?:flying|fly|leaving|leave|heading|head"
    rf"|driving|travelling|traveling|going)\s+(?:out\s+|off\s+|away\s+)?(?:on\s+)?({_DAY})\b"
)


_WEEKDAY_WORD: Final = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs"
    r"|fri|sat|sun)(?:'?s)?"
)
#: Days said as logged ("did monday tuesday and wednesday", "missed sat and sun").
_LOGGED_DAYS_RE: Final = re.compile(
    rf"\b(?:did|done|missed|skipped)\s+(?:it\s+|them\s+|the\s+sessions?\s+)?(?:on\s+)?"
    rf"{_WEEKDAY_WORD}(?:\s*(?:,|\band\b|&|\+)?\s*{_WEEKDAY_WORD})*\b"
)


#: "till after christmas", "until after new year": the break runs through the holiday.
_UNTIL_AFTER_HOLIDAY_RE: Final = re.compile(
    r"\b(?:until|till|til|untill)\s+after\s+(?:the\s+)?(christmas|xmas|boxing\s+day|new\s+year)"
)


def _holiday_break_end(holiday: str, today: date) -> date:
    """The last day of a break "till after" ``holiday``: Boxing Day after Christmas (the
    two days together), New Year's Day after the new year; the next one to come."""
    if holiday.startswith("new"):
        return date(today.year + 1, 1, 1) if today.month > 1 or today.day > 1 else today
    boxing = date(today.year, 12, 26)
    return boxing if today <= boxing else date(today.year + 1, 12, 26)


def _weekend_break(low: str, today: date, start: date | None) -> PauseSaid | None:
    """ "this weekend" (Saturday and Sunday), "next weekend" (the first Saturday after
    today and its Sunday; "till next weekend": back that Saturday), else None."""
    if _WEEKEND_RE.search(low) and "next weekend" not in low:
        saturday = today + timedelta(days=(5 - today.weekday()) % 7 if today.weekday() < 6 else 0)
        sunday = saturday + timedelta(days=6 - saturday.weekday())
        first = start or (saturday if saturday > today else None)
        return PauseSaid(first, sunday)
    if (weekend := _NEXT_WEEKEND_RE.search(low)) is not None:
        saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
        if weekend.group(1):
            return PauseSaid(start, saturday - timedelta(days=1))
        return PauseSaid(start or saturday, saturday + timedelta(days=1))
    return None


def pause_said(low: str, today: date) -> PauseSaid | None:
    """The days of a pause as said, or None when the message names none of these (the
    plain date rules then apply). Read in this order:

    - a range, "from the 14th to the 21st", "thurs to sun", "23rd to 28th" (ordinal words
      too: "the fifteenth"); one ending before it starts, or on a day that does not exist,
      is ``unclear``;
    - "back on the 20th" (paused to the 19th), after any "from the 14th";
    - a length, "for a week" (today and six more days), "a fortnight off from saturday";
    - "this weekend" (Saturday and Sunday), "next weekend" (the first Saturday after today
      and its Sunday), "till new year" (31 December);
    - "until sunday" (that day included; "hold off till monday": back on Monday);
    - "next week" (Monday to Sunday); "from the 14th", "away wednesday" (that day), or a
      day with "until I'm back".
    """
    if (asked := pause_sentence(low)) is not None:
        alone = _pause_said(asked, today)
        if alone is not None and alone.first is not None and alone.last is not None:
            return alone  # "moving thursday and friday. pause me from tomorrow, back on monday"
    return _pause_said(low, today)


def _pause_said(low: str, today: date) -> PauseSaid | None:
    """``pause_said`` of the whole text."""
    if "the " in low:
        low = _words_to_ordinals(low)
    low = holidays_as_dates(low, lead="")  # "until boxing day": until 26 dec
    dayish = _DAYISH_RE.search(low) is not None  # what every pattern naming a day needs
    if dayish and ("did" in low or "done" in low or "missed" in low or "skipped" in low):
        # "did monday tuesday and wednesday, ... pause till I'm back": logged days, no break's
        low = _LOGGED_DAYS_RE.sub(lambda m: " " * len(m.group(0)), low)
        dayish = _DAYISH_RE.search(low) is not None
    if ("last " in low or "yesterday" in low) and (gone := _UNTIL_GONE_RE.search(low)):
        return PauseSaid(None, None, unclear=" ".join(gone.group(0).split()))
    if dayish and (match := _RANGE_RE.search(low)) is not None:
        return _range(match, today)
    if (
        dayish
        and (match := _NUMBER_RANGE_RE.search(low) or _MONTH_FIRST_RANGE_RE.search(low)) is not None
    ):
        return _range(match, today)
    start, odd = _start(low, today) if dayish else (None, None)
    back = (
        _BACK_RE.search(low)
        if dayish and ("back" in low or "home" in low or "return" in low)
        else None
    )
    if odd is not None:
        return PauseSaid(None, None, unclear=odd)  # "from the 31st of september": asked
    if start is None and back is not None:  # "away on the 1st, back on the 15th"; "back on
        # the 3rd, off to japan tomorrow"
        start = _said_before(low, back.start(), today) or _leaving(low, back.end(), today)
    if back is not None and has_digit(back[1]) and _ahead(back[1], today) is None:
        return PauseSaid(None, None, unclear=" ".join(back.group(0).split()))  # "31st of nov"
    if dayish and (last := back_on(low, start or today)) is not None:
        return PauseSaid(start if start is not None and start <= last else None, last)
    spans = "day" in low or "week" in low or "wk" in low or "fortnight" in low
    if spans and (length := _DURATION_RE.search(low)) is not None:
        count = length.group(1) or length.group(3) or "a"
        unit = length.group(2) or length.group(4) or length.group(5)
        days = _COUNTS.get(" ".join(count.split())) or int(count)
        start = start or (_leaving(low, 0, today) if dayish else None)  # "off tomorrow for a week"
        begins = start or today
        return PauseSaid(start, begins + timedelta(days=days * _UNIT_DAYS[unit[0]] - 1))
    if "weekend" in low and (weekend := _weekend_break(low, today, start)) is not None:
        return weekend
    till = "til" in low
    if till and "after" in low and (holiday := _UNTIL_AFTER_HOLIDAY_RE.search(low)) is not None:
        return PauseSaid(start, _holiday_break_end(holiday.group(1), today))
    if (
        (till or "up" in low or "thr" in low)
        and (until := _UNTIL_RE.search(low)) is not None
        and (said_until := _until_said(low, until, start, today)) is not None
    ):
        return said_until
    next_said = "next" in low
    if next_said and _BACK_NEXT_WEEK_RE.search(low) and not _AWAY_NEXT_WEEK_RE.search(low):
        # "pause please, back next week": from now to the Sunday before
        return PauseSaid(start, today + timedelta(days=6 - today.weekday()))
    if till and next_said and _TILL_NEXT_WEEK_RE.search(low):
        return PauseSaid(start, today + timedelta(days=7 - today.weekday()))
    if next_said and _NEXT_WEEK_RE.search(low):
        monday = today + timedelta(days=7 - today.weekday())
        return PauseSaid(monday, monday + timedelta(days=6))
    if start is not None:
        return PauseSaid(start, None)
    if dayish and (leaving := _leaving(low, 0, today)) is not None:
        return PauseSaid(leaving, None)  # "off to japan tomorrow, pause pls": from tomorrow
    if dayish and "away" in low and (away := _AWAY_ON_RE.search(low)) is not None:
        day = _ahead(away.group(1), today, same_day=True)  # "away wednesday": that day
        if day is not None:
            return PauseSaid(day if day > today else None, day)
    if (
        till or "sure" in low or "know" in low or "dunno" in low or "idea" in low
    ) and _OPEN_END_RE.search(low):  # "in hospital from tuesday, not sure when I'm back"
        if re.search(rf"\b(?:{_TOMORROW})\b", low):
            return PauseSaid(today + timedelta(days=1), None)
        if (first := _said_before(low, len(low), today)) is not None:
            return PauseSaid(first, None)
    return None


def _until_said(
    low: str, until: re.Match[str], start: date | None, today: date
) -> PauseSaid | None:
    """A break said to last until a day ("till friday", "until the following monday")."""
    said = until.group(1)
    if "new year" in said:  # "till new year's day": back on it; "through": it too
        through = until.group(0).startswith("thr") and "day" in said
        return PauseSaid(
            start, date(today.year + through, 1, 1) if through else date(today.year, 12, 31)
        )
    # "from next tues until the following monday"; "on saturday till the following
    # saturday": from that saturday
    start = start or _said_before(low, until.start(), today)
    last = _ahead(said, start or today)
    if last is None and any(c.isdigit() for c in said):  # "until the 35th": asked
        return PauseSaid(None, None, unclear=" ".join(until.group(0).split()))
    if last is not None and _HOLD_OFF_RE.search(low):
        last -= timedelta(days=1)
    if last is not None and last >= today:
        return PauseSaid(start if start is not None and start <= last else None, last)
    return None


_PAUSE_ASKED_RE: Final = re.compile(r"\b(?:pause|break|hold\s+off|freeze)\b")


def pause_sentence(low: str) -> str | None:
    """The one sentence of several that asks for the pause, else None."""
    if "." not in low and "!" not in low and "?" not in low:
        return None
    sentences = [s for s in SENTENCE_GAP_RE.split(low) if s.strip()]
    asking = [s for s in sentences if _PAUSE_ASKED_RE.search(s)]
    return asking[0] if len(sentences) > 1 and len(asking) == 1 else None


def pause_span(low: str, today: date) -> tuple[date | None, date | None] | None:
    """``pause_said``'s (first, last), or None when no days are said or they are unclear."""
    said = pause_said(low, today)
    return None if said is None or said.unclear is not None else (said.first, said.last)
