"""Questions about the plan: a day ahead, the week, the block, the phase, the jumps, why.

A question is a message with a question mark or a question word; then the topic is read
from its words, the most specific first: why (a reason asked for), jumps ("when do the
plyos start"), phase, the whole block, the week, a named day. A question that names a body
area or a feeling is left to the body rules ("why does my knee hurt?" is a report).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from bot.core.understanding.dates import last_date
from bot.core.understanding.model import Intent, IntentKind, PlanTopic
from bot.core.understanding.text import has_digit
from bot.core.understanding.when import day_ahead
from bot.core.understanding.words import WEEKDAY_ABBREVIATIONS, WEEKDAYS

__all__ = [
    "asks_getting_back",
    "asks_permission",
    "days_asked",
    "names_the_block",
    "plan_question",
    "plans_to_run",
    "ran_said",
]

_ASK_RE: Final = re.compile(
    r"^(?:so\s+|and\s+|hey\s+|ok\s+|coach\s+|please\s+|pls\s+|plz\s+|kindly\s+)?(?:what|whats|what's|wats|wat|wots|wot|when|whens|wen|which|why|how"
    r"|hows|is|are|will|any|anything|show|tell|give|send\s+me|overview|outline|breakdown|plan\s+for"
    r"|can\s+(?:you|u)\s+(?:show|tell)"
    r"|(?:do|does)\s+(?:i|we|you|u|there|the|my|this)"
    r"|can\s+i\s+(?:see|get|have)|am\s+i|where\s+(?:am|are)\s+(?:i|we))\b"
    r"|\b(?:what|whats|what's|when|why)\b|(?<!,\s)\bwhich\b|\bwhere\s+(?:am|are)\s+(?:i|we)\b"
)
_WHY_RE: Final = re.compile(
    r"\b(?:why|how\s+come|whats\s+the\s+point|what's\s+the\s+point|rationale|reasoning"
    r"|reason\s+(?:for|behind))\b"
)
_JUMPS: Final = (
    r"(?:jumps?|jumping|jumpy|plyos?|plyometrics?|hops?|hopping|bounds?|bounding|impact)"
)
#: Going back to the jumps asked about ("can I get back to the jumpy stuff?"): when they
#: come back, not whether it is allowed in general.
_BACK_TO_JUMPS_RE: Final = re.compile(
    rf"\b(?:get|go|going|getting)\s+back\s+(?:in)?to\s+(?:the\s+|my\s+|doing\s+(?:the\s+)?)?{_JUMPS}"
)
_JUMPS_RE: Final = re.compile(rf"\b{_JUMPS}\b")
_SENTENCE_END_RE: Final = re.compile(r"(?<=[.!?])\s+")
_BARE_ASK: Final = 3
_THEY_RE: Final = re.compile(r"\b(?:they|them|those|these|that|it|em)\b")


def _jumps_asked_together(low: str) -> bool:
    """Whether one sentence names the jumps and asks when ("I passed all the hop tests.
    Can we get back to the normal sessions?" asks of the sessions, not the jumps)."""
    sentences = _SENTENCE_END_RE.split(low)
    if len(sentences) == 1:
        return True
    named = False
    for sentence in sentences:
        jumps = _JUMPS_RE.search(sentence) is not None
        said_before = named and (_THEY_RE.search(sentence) or len(sentence.split()) <= _BARE_ASK)
        if _WHEN_JUMPS_RE.search(sentence) and (jumps or said_before):
            return True  # "the hops look fun. when do they start?", "any jumping? when?"
        named = named or jumps
    return False


_PHASE_RE: Final = re.compile(
    r"\b(?:phase|stage|cycle|mesocycle|block\s+am\s+i|where\s+(?:am\s+i|are\s+we)\s+(?:at|in))\b"
    r"|\b(?:base|build|building|dynamic|taper|recovery|rest)\s+(?:bit|part|period|block)\b"
    r"\s+(?:or|at\s+the\s+moment|now|right\s+now|yet)"
)
#: "when do the jumps start", "jumps start when?": not "when I do the jumps" (a time clause).
_WHEN_JUMPS_RE: Final = re.compile(
    r"\bwhen\b(?!\s+(?:i|im|i'm|we|you|u|[a-z]+ing)\b)|\b(?:start|begin|how\s+long|until|get\s+to"
    r"|back\s+to|back\s+into"
    r"|stop|stops|end|ends)\b"
)
#: Asking to swap a session for something else is advice, not the plan ("can I do yoga
#: instead this week?", "can my pilates class replace one?").
_SWAP_RE: Final = re.compile(r"\b(?:instead|swap|replace|substitute|stand\s+in\s+for)\b")
_SWAP_ASK_RE: Final = re.compile(r"\b(?:can|could|should|may|would)\s+(?:i|that|it|this|a|my)\b")
_BLOCK_RE: Final = re.compile(
    r"\b(?:whole|full|entire|complete|overall|rest\s+of\s+the|all)\s+(?:the\s+|of\s+the\s+)?"
    r"(?:block|plan|programme|program|schedule|[0-9]{1,2}\s+weeks|(?:six|eight|ten|twelve)\s+weeks)\b"
    r"|\b(?:the|this)\s+block\b|\b(?:overview|outline|breakdown)\s+of\s+(?:the|my)\s+"
    r"(?:plan|programme|program|block|schedule)\b"
)
_PERMISSION_RE: Final = re.compile(
    r"\b(?:can|could|should|may)\s+i\b|\bis\s+it\s+(?:ok|okay|safe|fine)\b"
    r"|\b(?:ok|okay|safe|fine|alright)\s+to\b"
)
#: A choice asked to be judged, advice (the FAQ's): "is it bad if I...", "would it be dumb".
_JUDGED_RE: Final = re.compile(
    r"\bis\s+it\s+(?:bad|wise|better|worth\s+it|a\s+good\s+idea|a\s+bad\s+idea|dumb|stupid)\b"
    r"|\bwould\s+(?:it|that)\s+be\b|\bdo\s+you\s+agree\b"
    r"|\b(?:should|would|do|shall)\s+i\s+(?:just\s+)?(?:stop|keep\s+going|push\s+through)\b"
)
#: A race just run, or the time after one: the answer is the FAQ's (after a race).
_AFTER_A_RACE_RE: Final = re.compile(
    r"\b(?:ran|raced|did|finished|completed|after)\s+(?:the\s+|my\s+|a\s+|an\s+)?(?:[\w'-]+\s+)?"
    r"(?:race|marathon|half|10k|5k|ultra|10km|5km)\b"
)
#: Advice asked about a day ("ok to do the jumps on thursday?"), not the day's plan.
_OK_ON_A_DAY_RE: Final = re.compile(
    r"^\W*(?:is\s+it\s+)?(?:ok|okay|fine|alright|safe)\s+to\b|\bshould\s+i\b"
)
#: How to come back after time off, asked as advice: "how do I get back into it?".
_GET_BACK_RE: Final = re.compile(
    r"\b(?:how|where)\s+(?:do|should|can|would)\s+(?:i|we)\s+(?:best\s+)?(?:get\s+back"
    r"|ease\s+back|come\s+back|start\s+again|restart|return|pick\s+(?:it\s+)?up)\b"
)
_POINT_RE: Final = re.compile(
    r"\b(?:what'?s|whats|what\s+is)\s+the\s+(?:point|purpose|idea)\s+of\b|\bhow\s+come\b"
)
_REST_OF_WEEK_RE: Final = re.compile(r"\b(?:rest|remainder)\s+of\s+(?:the|this)\s+week\b")
_REST_OF_WEEK_OPENINGS: Final = ("rest of the week", "rest of this week", "the rest of the week")
_DAY_WORDS: Final = (
    r"tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow|2moro|2morrow"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs|fri|sat|sun"
)
#: A day asked about with nothing else: "tmrw?", "and friday?", "what's tomorrow?"
_BARE_DAY_RE: Final = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|hey|coach|also|plus|then)\W+)*(?:(?:what'?s|whats|what\s+is"
    rf"|what\s+about|how\s+about|and)\s+)?(?:on\s+|for\s+)?(?:{_DAY_WORDS})'?s?\s*\?+\W*$"
    r"|^\W*(?:(?:and|so|ok|okay|hey|coach|also|plus|then)\W+)*(?:what'?s|whats|what\s+is"
    rf"|what\s+about|how\s+about)\s+(?:on\s+|for\s+)?(?:{_DAY_WORDS})(?:'?s)?\b"
)
_DATE_ASKED_RE: Final = re.compile(
    r"\b(?:on|for)\s+the\s+([0-9]{1,2}(?:st|nd|rd|th))\b|\bthe\s+([0-9]{1,2}(?:st|nd|rd|th))\b"
)
_PAST_ASK_RE: Final = re.compile(r"\b(?:was|were|did\s+(?:i|we)|last)\b")
_WEEK_RE: Final = re.compile(
    r"\b(?:this|the|my|rest\s+of\s+the|rest\s+of\s+this|coming|next\s+few\s+days|for\s+the)"
    r"\s+week\b"
    r"|\bweek\s+ahead\b|\bthis\s+(?:weeks?|wk)\b|\bweekly\s+plan\b"
    r"|\b(?:rest|remainder)\s+of\s+(?:the\s+)?week\b"
    r"|\bnext\s+(?:few|couple(?:\s+of)?|several|[2-7]|two|three|four|five|six|seven)\s+days\b"
    r"|(?<!from\s)(?<!after\s)(?<!over\s)\b(?:this|the|coming)\s+weekend\b"
)
#: A request to see it ("show me this week"), as good as a plan word.
_SHOW_RE: Final = re.compile(
    r"^\W*(?:(?:pls|please|can\s+you|could\s+you)\s+)?(?:show|send|give)\s+me\b"
)
_TOMORROW_RE: Final = re.compile(
    r"\b(?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow|2moro|2morrow)(?:'?s)?\b"
)
_DAY_AFTER_RE: Final = re.compile(
    r"\bday\s+after\s+(?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow|2moro|2morrow)\b"
)
#: A day of a month named ("1 march", "march 1st", "the 3rd of april"): read by ``dates``.
_MONTH_DATE_RE: Final = re.compile(
    r"\b[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:the\s+)?[0-9]{1,2}"
    r"(?:st|nd|rd|th)?\b"
)
_DAY_COUNTS: Final = {str(n): n for n in range(2, 15)} | {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "fourteen": 14
}  # fmt: skip
#: A day a few days ahead: "in 3 days", "in four days' time".
_COUNTS: Final = "|".join(sorted(_DAY_COUNTS, key=len, reverse=True))
_IN_DAYS_RE: Final = re.compile(rf"\bin\s+({_COUNTS})\s+days\b")
#: The block asked for without a question word: "full program overview pls".
_BLOCK_ASKED_RE: Final = re.compile(
    r"\b(?:whole|full|entire|complete|overall)\s+(?:plan|programme|program|block|schedule)\b"
    r".*\b(?:overview|outline|breakdown|pls|please|plz)\b"
    r"|\b(?:overview|outline|breakdown)\s+of\s+(?:the|my)\s+(?:plan|programme|program|block)\b"
)
_WEEKDAYS: Final = WEEKDAYS
_SHORT: Final = WEEKDAY_ABBREVIATIONS
_SHORT_DAY_RE: Final = re.compile(r"\b(mon|tues?|weds?|thu|thurs?|fri|sat|sun)\b")
_WEEKDAY_RE: Final = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b")
_PLAN_WORDS_RE: Final = re.compile(
    r"\b(?:(?:what'?s|whats|wats|wots|what\s+is|what\s+was|anything)\s+on|looks?\s+like|looking\s+like"
    r"|(?:what'?s|whats|what\s+is)\s+(?:left|remaining)"
    r"|in\s+store|plan|planned|session|sessions|workout|programme|program|doing|do|schedule"
    r"|scheduled|coming\s+up|up\s+next|next|training|routine|mobility|strength|exercises?"
    r"|stretch|stretches|stretching|rest\s+day|(?:what|wot|wat)(?:'?ve|\s+have)\s+i\s+got|got\s+on"
    r"|(?:week|day|tomorrow|tmrw|weekend)\s+looking"
    r"|happening|going\s+on|for\s+me"
    rf"|so\s+much|so\s+little|so\s+easy|so\s+hard|no|light|short|long|{_JUMPS})\b"
)


#: What each pattern below cannot match without: a word tested first, cheaply
#: (plan_question runs on every question and clause; ``in`` chains are the fastest test).
def _block_asked_in(low: str) -> bool:
    return (
        "overview" in low
        or "outline" in low
        or "breakdown" in low
        or "pls" in low
        or "please" in low
        or "plz" in low
    )


def _why_in(low: str) -> bool:
    return "why" in low or "how" in low or "point" in low or "rationale" in low or "reason" in low


def _point_in(low: str) -> bool:
    return "point" in low or "purpose" in low or "idea" in low or "how" in low


def _jumps_in(low: str) -> bool:
    return "jump" in low or "plyo" in low or "hop" in low or "bound" in low or "impact" in low


def _swap_in(low: str) -> bool:
    return (
        "instead" in low
        or "swap" in low
        or "replace" in low
        or "substitute" in low
        or "stand" in low
    )


def _phase_in(low: str) -> bool:
    return (
        "phase" in low
        or "stage" in low
        or "cycle" in low
        or "block" in low
        or "where" in low
        or "bit" in low
        or "part" in low
        or "period" in low
    )


def _block_in(low: str) -> bool:
    return (
        "block" in low or "plan" in low or "program" in low or "schedule" in low or "weeks" in low
    )


def _holiday_in(low: str) -> bool:
    return "christmas" in low or "xmas" in low or "boxing" in low or "year" in low


def _short_day_in(low: str) -> bool:
    return (
        "mon" in low
        or "tue" in low
        or "wed" in low
        or "thu" in low
        or "fri" in low
        or "sat" in low
        or "sun" in low
    )


def plan_question(low: str, today: date | None) -> Intent | None:
    """A question about the plan, with its topic, or None when ``low`` asks none."""
    # Each "... in low" below is a word its pattern cannot match without (cheap tests
    # first: this runs on every question and every clause).
    if not (
        "?" in low
        or (_ASK_RE.search(low) if "wh" in low else _ASK_RE.match(low))  # "wh": its unanchored part
        or (_block_asked_in(low) and _BLOCK_ASKED_RE.search(low))
        or low.lstrip().startswith(_REST_OF_WEEK_OPENINGS)  # "rest of the week pls"
    ):
        return None
    if (_why_in(low) and _WHY_RE.search(low) and _PLAN_WORDS_RE.search(low)) or (
        _point_in(low) and _POINT_RE.search(low)
    ):
        return _asked(PlanTopic.WHY)
    if (
        _jumps_in(low)
        and _JUMPS_RE.search(low)
        and _WHEN_JUMPS_RE.search(low)
        and _jumps_asked_together(low)
        and (not _PERMISSION_RE.search(low) or _BACK_TO_JUMPS_RE.search(low))
        # "can I start the hops?" asks for advice; "can I get back to the jumps?" when
        and not _JUDGED_RE.search(low)  # "is it bad if I stop the jumps for race week?"
        and not _AFTER_A_RACE_RE.search(low)  # "ran valencia on the 6th, when can I jump?"
    ):
        return _asked(PlanTopic.JUMPS)
    if _swap_in(low) and _SWAP_RE.search(low) and _SWAP_ASK_RE.search(low):
        return None  # "can I do yoga instead this week?": advice (the FAQ), not the plan
    if "how" in low and asks_getting_back(low):
        return None  # "off over xmas, how do I get back into it?": advice (the FAQ)
    if _phase_in(low) and _PHASE_RE.search(low):
        return _asked(PlanTopic.PHASE)
    if _block_in(low) and _BLOCK_RE.search(low):
        return _asked(PlanTopic.BLOCK)
    a_day_then = (
        "day" in low
        and _WEEKDAY_RE.search(low) is not None
        and _DAY_IN_A_WEEK_RE.search(low) is not None
    )
    if (
        "next" in low
        and _NEXT_WEEK_ASKED_RE.search(low)
        and today is not None
        and not a_day_then
        and not _OK_ON_A_DAY_RE.search(low)
    ):  # "what's on next week", "show me next week": that week, Monday to Sunday
        return _asked(PlanTopic.WEEK, today + timedelta(days=7 - today.weekday()))
    if (
        ("week" in low or "wk" in low or "days" in low)
        and _WEEK_RE.search(low)
        and (
            _PLAN_WORDS_RE.search(low)
            or _REST_OF_WEEK_RE.search(low)
            or _SHOW_RE.search(low)
            or _BARE_WEEK_RE.match(low)
        )
        and not a_day_then  # "what's on tuesday the week after next": that day
    ):
        return _asked(PlanTopic.WEEK)
    if _OK_ON_A_DAY_RE.search(low):
        return None  # "ok to do the jumps on thursday? that's my hill day": advice
    if today is not None and (day := _day_said_alone(low, today)) is not None:
        return _asked(
            PlanTopic.DAY, day
        )  # "day after tmrw?", "what about the 15th", "sat session?"
    if today is None or not (_PLAN_WORDS_RE.search(low) or _BARE_DAY_RE.search(low)):
        return None
    digit = has_digit(low)  # what the dated patterns below need
    numeric = _NUMERIC_ASKED_RE.search(low) if digit else None  # "on 12/17", "22.12"
    if numeric is not None and not _rated_out_of(numeric):
        day = day_ahead(numeric.group(1), today)
        if day is not None:
            return _asked(PlanTopic.DAY, day)
    if _holiday_in(low) and (holiday := _HOLIDAY_RE.search(low)) is not None:  # "christmas day"
        return _asked(PlanTopic.DAY, _holiday(holiday.group(1), today))
    if digit and (dated := _DATE_ASKED_RE.search(low)) is not None:
        day = day_ahead(dated.group(1) or dated.group(2), today)
        if day is not None:
            return _asked(PlanTopic.DAY, day)
    tomorrow = "tom" in low or "tmr" in low or "2mo" in low
    if tomorrow and _DAY_AFTER_RE.search(low):
        return _asked(PlanTopic.DAY, today + timedelta(days=2))
    if "days" in low and (days := _IN_DAYS_RE.search(low)) is not None:  # "in 3 days"
        return _asked(PlanTopic.DAY, today + timedelta(days=_DAY_COUNTS[days.group(1)]))
    if tomorrow and _TOMORROW_RE.search(low):
        return _asked(PlanTopic.DAY, today + timedelta(days=1))
    if digit and _MONTH_DATE_RE.search(low) and (day := last_date(low, today)) is not None:
        return _asked(PlanTopic.DAY, day)  # "what's the session on 1 march?"
    match = _WEEKDAY_RE.search(low) if "day" in low else None
    short = _SHORT_DAY_RE.search(low) if _short_day_in(low) else None
    if match is not None and short is not None and short.start() < match.start():
        match = None  # "what's on fri, going to a race on saturday": the day asked first
    if match is not None and _SINCE_RE.search(low, max(match.start() - 12, 0), match.start()):
        match = None  # "had a cold since monday, ok to train?": no day asked about
    if match is not None:
        index = _WEEKDAYS.index(match.group(1))
        if _PAST_ASK_RE.search(low):  # "what was the session on Monday?": the last one
            return _asked(PlanTopic.DAY, today - timedelta(days=(today.weekday() - index) % 7))
        return _asked(PlanTopic.DAY, _weekday_ahead(low, match, index, today))
    if short is not None and (_BARE_DAY_RE.search(low) or _ON_SHORT_DAY_RE.search(low)):
        ahead = (_SHORT[short.group(1)] - today.weekday()) % 7
        if ahead == 0 and re.search(rf"\bnext\s+{short.group(1)}\b", low):
            ahead = 7  # "what's on next fri?" said on a Friday: a week on
        return _asked(PlanTopic.DAY, today + timedelta(days=ahead))
    return None


#: Words that lead a date ("on 6/10", "until 3/5"): without one, "6/10" is a rating.
_DATE_LEAD_RE: Final = re.compile(r"\b(?:on|from|until|till|til|to|by|before|after|for)\s+$")


def _rated_out_of(m: re.Match[str]) -> bool:
    """ "did it after my long run, 6/10 - was that dumb?": "N/10" (or "N/5") with no word
    leading a date is a rating, not the 6th of October."""
    first, _, second = m.group(1).partition("/")
    if second not in ("10", "5") or int(first) > int(second):
        return False
    return _DATE_LEAD_RE.search(m.string, max(m.start() - 7, 0), m.start()) is None


#: Next week asked about as a whole ("what's on next week", "show me next week pls", "what
#: does next week look like", "next week's plan?").
_NEXT_WEEK_ASKED_RE: Final = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|hey|coach|also|then|pls|please)\W+)*(?:(?:what'?s|whats|wats|wots"
    r"|what\s+is|what\s+does|what'?ll|hows|how\s+does|how'?s)\s+(?:on\s+|in\s+store\s+(?:for\s+)?"
    r"|planned\s+(?:for\s+)?|the\s+plan\s+(?:for\s+)?|happening\s+)?|(?:can\s+you\s+|could\s+you\s+"
    r"|pls\s+|please\s+)?(?:show|send|give)\s+me\s+(?:the\s+plan\s+for\s+|what'?s\s+on\s+)?)?"
    r"next\s+(?:week|wk)(?:'?s)?(?:\s+(?:look|looks|looking)\s+like|\s+(?:plan|sessions?|schedule"
    r"|programme|program))?\s*(?:pls|please|plz|then|coach)?\s*[?!.]*\s*$"
)
#: A week asked about with nothing else: "this week?", "and next week?"
_BARE_WEEK_RE: Final = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|hey|coach|also|plus|then|what\s+about|how\s+about)\W+)*"
    r"(?:this|the|rest\s+of\s+the|rest\s+of\s+this|coming)\s+week\s*\?+\W*$"
    # "whats this week", "what's this week?": the week asked with nothing else
    r"|^\W*(?:(?:and|so|ok|okay|hey|coach|also|plus|then)\W+)*(?:what'?s|whats|what\s+is)\s+"
    r"(?:on\s+)?(?:this|the\s+rest\s+of\s+this|the\s+rest\s+of\s+the)\s+week\s*\?*\W*$"
)
_NUMERIC_ASKED_RE: Final = re.compile(
    # "N/10" after a word of rating ("under 3/10", "a 4/10") is a rating, no date
    r"(?=[0-9])(?<!under\s)(?<!below\s)(?<!above\s)(?<!over\s)(?<!about\s)(?<!like\s)"
    r"(?<!\ba\s)(?<!max\s)(?<!\bat\s)(?<!than\s)(?<![0-9/.:])([0-9]{1,2}/[0-9]{1,2}|(?<=on\s)[0-9]{1,2}\.(?:0?[1-9]|1[0-2]))(?![0-9/.:])"
    r"(?!\s*(?:of\b|km|k\b|mi|min|sec|rep|set|x\b|kg|lb|%|hour|hr|time|am\b|pm\b))"
)
_HOLIDAY_RE: Final = re.compile(
    r"\b(christmas\s+eve|xmas\s+eve|christmas|xmas|boxing\s+day|new\s+years?\s+eve"
    r"|new\s+year'?s?\s+day)\b"
)
_HOLIDAYS: Final = {"christmas eve": (12, 24), "xmas eve": (12, 24), "christmas": (12, 25),
             "xmas": (12, 25), "boxing day": (12, 26)}  # fmt: skip


def _holiday(said: str, today: date) -> date:
    """The next such holiday on or after today."""
    said = " ".join(said.split()).replace("'", "")
    if said.startswith("new year"):
        month, day = (12, 31) if said.endswith("eve") else (1, 1)
    else:
        month, day = _HOLIDAYS[said]
    found = date(today.year, month, day)
    return found if found >= today else date(today.year + 1, month, day)


_ALONE_LEAD: Final = r"^\W*(?:(?:and|so|ok|okay|hey|coach|also|plus|then)\W+)*"
#: A day asked about with nothing else, beyond ``_BARE_DAY_RE``: "day after tmrw?", "what
#: about the 15th", "sat session?", "and the 20th?".
_DAY_AFTER_ALONE_RE: Final = re.compile(
    _ALONE_LEAD + r"(?:(?:what'?s|whats|what\s+is|what\s+about|how\s+about)\s+)?(?:on\s+)?"
    r"(?:the\s+)?day\s+after\s+(?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow|2moro"
    r"|2morrow)\s*\?*\W*$"
)
_DATE_ALONE_RE: Final = re.compile(
    _ALONE_LEAD + r"(?:(?:what\s+about|how\s+about|and|what'?s\s+on|whats\s+on)\s+)?"
    r"(?:on\s+)?the\s+([0-9]{1,2}(?:st|nd|rd|th))\s*\?*\W*$"
)
_SHORT_SESSION_ALONE_RE: Final = re.compile(
    _ALONE_LEAD + r"(?:(?:what\s+about|how\s+about|and)\s+)?(?:next\s+|this\s+)?"
    r"(mon|tues?|weds?|thu|thurs|fri|sat|sun)'?s?\s+(?:session|sesh|one|workout|plan)\s*\?+\W*$"
)


def _day_said_alone(low: str, today: date) -> date | None:
    """The day a message asks about when it says nothing but that day."""
    if _DAY_AFTER_ALONE_RE.match(low):
        return today + timedelta(days=2)
    if (dated := _DATE_ALONE_RE.match(low)) is not None:
        return day_ahead(dated.group(1), today)
    if (short := _SHORT_SESSION_ALONE_RE.match(low)) is not None:
        ahead = (_SHORT[short.group(1)] - today.weekday()) % 7
        if ahead == 0 and re.search(rf"\bnext\s+{short.group(1)}\b", low):
            ahead = 7  # "next tues session?" said on a Tuesday: a week on
        return today + timedelta(days=ahead)
    return None


#: "whats on next tues", "anything planned for fri?": a short day name after "on", "for"...
_ON_SHORT_DAY_RE: Final = re.compile(
    r"\b(?:what'?s|whats|what\s+is|anything|wats)\s+(?:next\s+|this\s+)?"
    r"(?:mon|tues?|weds?|thu|thurs|fri|sat|sun)\b"
    r"|\b(?:on|for|this|next)\s+(?:mon|tues?|weds?|thu|thurs|fri|sat|sun)\b"
    # "what am i doing wed", "what have i got sat?": a short day ending the question
    r"|\b(?:doing|got|having)\s+(?:mon|tues?|weds?|thu|thurs|fri|sat|sun)\s*\?*\W*$"
)
_DAY_IN_A_WEEK_RE: Final = re.compile(
    r"\bweek\s+after\s+next\b|\bnext\s+week\b|\bafter\s+next\b"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+week\b"
)
_WEEK_AFTER_NEXT_RE: Final = re.compile(r"\bweek\s+after\s+next\b")
_NEXT_WEEK_RE: Final = re.compile(r"\bnext\s+week\b")


def _weekday_ahead(low: str, match: re.Match[str], index: int, today: date) -> date:
    """The weekday asked about: the next one (today's if it is one); in the week after next
    ("monday the week after next"); a week after the next one ("monday week", British);
    in next week ("wednesday next week")."""
    monday = today - timedelta(days=today.weekday())
    if _WEEK_AFTER_NEXT_RE.search(low):
        return monday + timedelta(days=14 + index)
    if re.match(r"\s+(?:week\b|after\s+next\b)", low[match.end() :]):  # "monday week"
        return today + timedelta(days=((index - today.weekday()) % 7 or 7) + 7)
    if _NEXT_WEEK_RE.search(low):
        return monday + timedelta(days=7 + index)
    ahead = (index - today.weekday()) % 7
    if ahead == 0 and low[max(match.start() - 5, 0) : match.start()].endswith("next "):
        ahead = 7  # "what's on next friday?" said on a Friday: a week on
    return today + timedelta(days=ahead)


def asks_getting_back(low: str) -> bool:
    """Whether ``low`` asks how to come back after time off ("how do I get back into it?")."""
    return _GET_BACK_RE.search(low) is not None


#: Running named: a run, a jog, parkrun.
_RUNNING_RE: Final = re.compile(r"\b(?:run|runs|running|jog|jogs|jogging|parkrun|treadmill)\b")
_ASKS_RE: Final = re.compile(r"^\W*(?:can|could|should|shall|may|is|am|do|would|when)\b")
#: Running named as what another activity replaces ("instead of running", "rather than run").
_INSTEAD_OF_RUNNING_RE: Final = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|as\s+well\s+as|replace)\s+(?:my\s+|a\s+|the\s+)?"
    r"(?:\w+\s+)?(?:run|runs|running|jog|jogs|jogging)\b"
)
#: Cross-training without impact ("can I cycle", "ok to swim", "pool running"): under a
#: hold, the clinician's call (yoga and the like have the FAQ's answers).
_CROSS_TRAINING: Final = (
    r"cycl\w*|bike|biking|spin\w*|swim\w*|pool\s+run\w*|aqua\s*jog\w*|deep\s+water\s+run\w*"
    r"|elliptical|cross\s*trainer|rowing|turbo|zwift|peloton"
)
_CROSS_TRAINING_RE: Final = re.compile(rf"\b(?:{_CROSS_TRAINING})\b")
#: An activity without impact asked about ("can I cycle", "ok to swim", "pool running").
_OTHER_ACTIVITY_RE: Final = re.compile(rf"\b(?:{_CROSS_TRAINING}|row|yoga|pilates|walk\w*)\b")


def asks_to_run(low: str) -> bool:
    """Whether ``low`` asks whether the runner may run ("can I go for an easy jog", "is it
    ok to run on it?", "can I start running again")."""
    if "run" not in low and "jog" not in low and "treadmill" not in low:
        return False
    if (running := _RUNNING_RE.search(low)) is None:
        return False
    other = _OTHER_ACTIVITY_RE.search(low)
    if _INSTEAD_OF_RUNNING_RE.search(low) or (
        other is not None and other.start() <= running.start()
    ):
        return False  # "is cycling ok instead of running": the other activity is asked about
    return "?" in low or asks_permission(low) or _ASKS_RE.search(low) is not None


#: A run the runner says they went on: "did parkrun this morning anyway", "ran 5k",
#: "went for a run", "did my long run".
_RAN_RE: Final = re.compile(
    r"\b(?:did|done|had|went\s+for|got\s+in|managed|squeezed\s+in)\s+(?:a\s+|my\s+|the\s+|an?\s+)?"
    r"(?:easy\s+|short\s+|little\s+|gentle\s+|quick\s+|slow\s+|long\s+|test\s+)?"
    r"(?:parkrun|park\s+run|run|jog|[0-9]+\s*(?:k|km|miles?|mi)\b)"
    r"|\bwent\s+(?:running|jogging|for\s+a\s+jog)\b"
    r"|\bran\s+(?:[0-9]|an?\b|my\b|the\b|this\b|today\b|yesterday\b|easy\b|parkrun\b|it\b|on\s+it\b)"
)


def ran_said(low: str) -> bool:
    """Whether ``low`` tells of a run the runner went on ("did parkrun this morning
    anyway, calf held up mostly"), not one asked about or planned."""
    if "?" in low or ("run" not in low and "ran" not in low and "jog" not in low):
        return False
    return _RAN_RE.search(low) is not None and _PLANS_TO_RUN_RE.search(low) is None


#: A run the runner says they will go on: "I'll just do an easy jog on it tomorrow",
#: "so I'm going to run", "gonna try a parkrun saturday".
_PLANS_TO_RUN_RE: Final = re.compile(
    r"\b(?:i'?ll|ill|i\s+will|i'?m\s+going\s+to|im\s+going\s+to|going\s+to|gonna|i'?m\s+gonna"
    r"|planning\s+(?:to|on)|plan\s+to|thinking\s+of|want\s+to|wanna)\s+(?:just\s+)?"
    r"(?:(?:do|go\s+for|try|have|head\s+out\s+for|give)\s+)?(?:it\s+)?(?:an?\s+)?"
    r"(?:easy\s+|short\s+|little\s+|gentle\s+|quick\s+|slow\s+|test\s+)?"
    r"(?:run|running|jog|jogging|parkrun)\b"
)


def plans_to_run(low: str) -> bool:
    """Whether ``low`` says the runner means to run ("I'll just do an easy jog on it
    tomorrow", "so I'm going to run"), not asks whether they may."""
    return ("run" in low or "jog" in low) and _PLANS_TO_RUN_RE.search(low) is not None


_OF_THE_WEEK_RE: Final = re.compile(
    r"\b(?:this|the|next|whole)\s+(?:week|wk)\b|\bweek'?s\b|\blately\b|\bso\s+much\b"
    r"|\ball\s+(?:the|this)\b|\bevery\s+day\b|\bso\s+many\b"
)


def asks_of_the_week(text: str) -> bool:
    """Whether a why question asks about the days ahead, not one session ("why so much
    mobility this week?", "why all the stretching lately?")."""
    return _OF_THE_WEEK_RE.search(text.lower()) is not None


def asks_other_activity(low: str) -> bool:
    """Whether ``low`` asks about an activity without impact in place of running ("is
    cycling ok instead of running", "can i swim or bike?"), not about running itself."""
    if _CROSS_TRAINING_RE.search(low) is None or asks_to_run(low):
        return False
    return "?" in low or asks_permission(low) or _ASKS_RE.search(low) is not None


def asks_permission(low: str) -> bool:
    """Whether ``low`` asks for advice ("can I...", "is it ok to..."), not for the plan."""
    return _PERMISSION_RE.search(low) is not None


def names_the_block(low: str) -> bool:
    """Whether ``low`` speaks of the whole block ("overview of the entire plan")."""
    return _BLOCK_RE.search(low) is not None


#: "since" just before a day: when something started, no day asked about.
_SINCE_RE: Final = re.compile(r"\bsince\s+(?:last\s+|the\s+)?$")


_DAY_WORD: Final = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs"
    r"|fri|sat|sun|tomorrow|tmrw|tmr)"
)
#: Two or three days asked about together: "monday and tuesday", "sat & sun's", "thu/fri".
_DAYS_LISTED_RE: Final = re.compile(
    rf"\b({_DAY_WORD})(?:'?s)?((?:\s*(?:,|\band\b|&|\+|\bor\b|\bn\b|/)\s*{_DAY_WORD}(?:'?s)?){{1,2}})\b"
)
_ANOTHER_DAY_RE: Final = re.compile(rf"({_DAY_WORD})")


def days_asked(low: str, today: date) -> tuple[date, ...]:
    """The days a plan question asks about together ("what's on monday and tuesday next
    week", "sat and sun's sessions?"), each read as asked alone; () for fewer than two."""
    listed = _DAYS_LISTED_RE.search(low)
    if listed is None:
        return ()
    words = [listed.group(1), *_ANOTHER_DAY_RE.findall(listed.group(2))]
    later = " next week" if _NEXT_WEEK_RE.search(low) else ""
    days: list[date] = []
    for word in words:
        asked = plan_question(f"what's on {word}{later}?", today)
        if asked is None or asked.ask_day is None:
            return ()
        if asked.ask_day not in days:
            days.append(asked.ask_day)
    return tuple(days) if len(days) > 1 else ()


def _asked(topic: PlanTopic, day: date | None = None) -> Intent:
    return Intent(IntentKind.PLAN_QUESTION, topic=topic, ask_day=day)
