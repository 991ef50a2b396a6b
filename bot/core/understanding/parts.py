"""Messages with several parts: "remind me at 7 and I'm in Berlin now".

The message is cut into clauses at "but", "and", "also", "plus", "then", "so" before a request
("so pause me"), semicolons,
full stops, and commas followed by one of those words or a question word; each clause is
understood on its own. Rules where the issue is silent:

- A message with one meaningful clause (the others say nothing the coach acts on) is
  understood whole, so "done and dusted" or "left knee and hip sore" keep their context;
  with a contrast ("X fine but Y sore", "X ok though Y tight") the meaningful clause wins,
  so the area said to be fine is never logged as sore; but a lone "fine" clause never
  wins over the whole ("calf fine but still a bit sore" keeps the hold).
- Warning signs anywhere win: the whole message is understood as one, as before; but when
  the whole reads as another request carrying the sign without its area ("right shin
  throbs at night now, also move my reminder to 8"), the message's report (area, side,
  the sign) is stored as a report of its own and the request kept (``_signs_placed``).
- A done or skip and a body report in different clauses make one log with that report
  ("did it, quads smashed after"), as the whole-message rules do.
- A clause saying an area is fine next to a clause reporting another one clears nothing:
  the fine clause is dropped (a hold is only cleared when that is all the message says).
- One intent of each kind (questions: of each topic), the first said; acted on in a
  fixed order: body reports, logs, race, pause/resume, time zone (before the reminder,
  so its time reads in the new zone), reminder, then questions and the rest.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from bot.core.monitoring import SAFE_PAIN
from bot.core.understanding.body import (
    AreaGroup,
    area_groups,
    denied,
    fallen_to,
    feeling_hits,
    own_side,
    said_fine,
)
from bot.core.understanding.cities import city_asked
from bot.core.understanding.clock import parse_time
from bot.core.understanding.corrections import corrected_value, correction, day_replaced
from bot.core.understanding.features import Features, Hit
from bot.core.understanding.fine import RECOVERY_WORDS, says_change
from bot.core.understanding.message import Message
from bot.core.understanding.model import Intent, IntentKind, PlanTopic, ReportSlots, Unclear
from bot.core.understanding.others import break_refused
from bot.core.understanding.outcome import before_asked
from bot.core.understanding.questions import asks_permission, days_asked, plan_question
from bot.core.understanding.reported import own_words
from bot.core.understanding.rules import (
    analyse,
    back_later,
    done_by_mistake,
    fine_in_passing,
    healed_long_ago,
    race_date_moved,
    read_body,
    resume_advised,
    setting_said,
    time_asked_apart,
    understand,
    was_then_fine,
)
from bot.core.understanding.senses import Cue
from bot.core.understanding.text import EMOJI, SENTENCE_GAP_RE, normalise, spoken, tokenise
from bot.core.understanding.tried import only_tried_out
from bot.core.understanding.when import (
    back_on,
    day_first_logs,
    day_said,
    days_done_apart,
    done_days,
    listed_tail,
    log_day,
    log_days,
    names_days,
    pause_said,
    rated_days,
)
from bot.core.vocabulary import Area, RedFlag, Side

__all__ = ["understand_all", "understand_parts"]

#: Where a message breaks into parts: a sentence's end, "but", "and", "also", an emoji...
_SPLIT_BREAKS: Final = (
    "(?:\\s[" + EMOJI + "]+\\s+(?=[a-z])|"
    r"[;.!?]+\)?\s+|,?\s+(?:but|and|also|plus|then|though|however|although|tho|n|&)\s+"
    r"|,\s*(?=(?:also|and|but|plus|then|so|remind|reminder|reminders|send|moving|moved|what|whats"
    r"|what's|when|which(?!\s+i\b)|why|how|can|could|did|done|finished|skipped|skipping|skip"
    r"|gonna|missed|today|tomorrow|yesterday|thanks(?!\s+to\b)|thank\s+you|cheers|thx|ty"
    # "relocated to auckland, turn off the morning messages": a request of its own
    r"|turn|switch|stop|pause|change|set|move|make|push|put|show|give|tell"
    r"|msgs|msg|messages|texts|pings|notifications)\b)"
    # "keep the reminder as is, just pause me from saturday": the request after "just"
    r"|,\s*(?=just\s+(?:pause|stop|hold|freeze|remind|set|change|move|send|turn|make|push|put)\b)"
    # "race cancelled so pause till january": "so" before a request, never "so sore"
    r"|,?\s+so\s+(?=(?:pause|stop|hold|freeze|remind|set|change|move|update|switch|please|can|could"
    r"|send|turn|make|push|put)\b)"
    # "missed tuesday so did it today instead": the skip, then the done
    r"|,?\s+so\s+(?=(?:i\s+)?(?:did|done|finished|managed|caught\s+up)\b)"
    # "move my reminder to 8pm, im in toronto now", "in LA now so the reminders are off"
    r"|,\s*(?=(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:now\s+)?(?:in|based\s+in|living\s+in)\s)"
    # "show me the block, my race is 18 april btw": the race said after a request
    r"|,\s*(?=(?:my|the)\s+(?:race|marathon|half|10k|5k|ultra)\s+(?:is|date\s+is)\b)"
    # "whats left this week + when do jumps start": a plus before a question
    r"|\s+\+\s+(?=(?:when|what|whats|what's|how|why|which|can|could|do|does|is)\b)"
    # "done 7 - can i do it after a long run?": a dash before a question
    r"|\s+[-\u2013\u2014]+\s+(?=(?:when|what|whats|what's|how|why|which|can|could|do|does|is"
    r"|should|will)\b)"
    r"|,?\s+so\s+(?=(?:the|my)\s+reminders?\b)"
    # "did the session at 5am rpe 6 can i move the reminder to 4.45": a request run on
    r"|\s+(?=(?:can|could)\s+(?:i|you|u|we)\s+(?:please\s+|pls\s+)?(?:move|change|set|make|push"
    r"|switch|pause|send|turn|stop)\b))"
)
#: Every break starts with a space or one of ,;.!? (the look-ahead lets the search skip the
#: rest fast); a split takes the spaces before it too.
_SPLIT_RE: Final = re.compile(r"(?=[\s,;.!?])\s*" + _SPLIT_BREAKS, re.IGNORECASE)
#: What a clause alone may read as a setting that the whole message, a question, does not
#: ask for ("away on a work trip next week, can I still do it?").
_SETTLED_ELSEWHERE: Final = frozenset({IntentKind.PAUSE, IntentKind.SET_TIMEZONE})
_A_WEEK_GONE_RE: Final = re.compile(
    r"\b(?:last|a|the\s+whole|a\s+whole|whole|two|2|a\s+couple\s+of)\s+weeks?\b(?!\s+(?:on|from))"
)
#: ``_SPLIT_RE`` without the spaces before a break: whether there is one, found faster.
_SPLIT_AT_RE: Final = re.compile(r"(?=[\s,;.!?])" + _SPLIT_BREAKS, re.IGNORECASE)
#: The same, for a lower-case text: faster than ignoring case (``_splits``).
_SPLIT_AT_LOW_RE: Final = re.compile(r"(?=[\s,;.!?])" + _SPLIT_BREAKS)
#: What every ``_SPLIT_RE`` match holds, a word or a character of these: a cheap test first.
_SPLIT_WORDS: Final = frozenset(
    {"but", "and", "also", "plus", "then", "though", "however", "although", "tho", "n", "so"}
)
_SPLIT_CHARS_RE: Final = re.compile("[,;.!?&+\u2013\u2014" + EMOJI + "]| -")
_CONTRAST_RE: Final = re.compile(r"\b(?:but|though|tho|however|although)\b", re.IGNORECASE)
_SETTING_KINDS: Final = frozenset({IntentKind.UNKNOWN, IntentKind.TODAY})
_IDLE: Final = frozenset(
    {IntentKind.UNKNOWN, IntentKind.GREETING, IntentKind.THANKS, IntentKind.HELP}
)
_FINE: Final = frozenset({IntentKind.FEELS_FINE, IntentKind.NOT_FINE})
_LOGS: Final = frozenset({IntentKind.DONE, IntentKind.SKIPPED})
_ORDER: Final = (
    IntentKind.WARNING_SIGN,
    IntentKind.BODY_REPORT,
    IntentKind.NOT_FINE,
    IntentKind.FEELS_FINE,
    IntentKind.DONE,
    IntentKind.SKIPPED,
    IntentKind.RACE_DATE,
    IntentKind.PAUSE,
    IntentKind.RESUME,
    IntentKind.SET_TIMEZONE,
    IntentKind.SET_REMINDER,
)
_RANK: Final = {kind: index for index, kind in enumerate(_ORDER)}
#: Words of one kind of request each: a message with words of two kinds (or a body area
#: and one kind) may ask two things; with fewer, the whole message is one request.
_FAMILIES: Final = (
    frozenset({Cue.REMIND, Cue.REMINDER}),
    frozenset({Cue.TIMEZONE, Cue.LOCATION}),
    frozenset({Cue.PAUSE, Cue.AWAY, Cue.RESUME}),
    frozenset({Cue.RACE, Cue.RACE_DATE}),
    frozenset({Cue.DONE, Cue.DID, Cue.EFFORT_WORD}),
    frozenset({Cue.SKIP, Cue.SKIP_WHY, Cue.SKIP_WEAK}),
    frozenset({Cue.PROGRESS, Cue.HISTORY, Cue.LOG}),
    frozenset({Cue.ASK, Cue.SESSION, Cue.TODAY}),
    frozenset({Cue.THANKS}),
)

#: The family of words each request's kind is usually said with (``_FAMILIES``).
_KIND_FAMILY: Final = {
    IntentKind.PAUSE: _FAMILIES[2],
    IntentKind.SET_TIMEZONE: _FAMILIES[1],
    IntentKind.SET_REMINDER: _FAMILIES[0],
    IntentKind.RACE_DATE: _FAMILIES[3],
}

_QUESTION_RE: Final = re.compile(r"\b(?:what|whats|what's|when|which|why|how)\b")
_TWO_ASKED_RE: Final = re.compile(
    r"[?]\s*(?:and\s+|also\s+|\+\s*)?(?:what|whats|what's|when|which|why|how)\b"
    r"|,?\s+(?:and|also)\s+(?:what|whats|what's|when|which|why|how)\b"
)
_DAY_NAME_RE: Final = re.compile(
    r"\b(?:today|tonight|tomorrow|tmrw|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\b(?!\s+(?:after|before|week)\b)"
)
_ASKS_DAYS: Final = frozenset({IntentKind.PLAN_QUESTION, IntentKind.TODAY})
_THEN_ASKED_RE: Final = re.compile(
    r"(?:,|\band|\balso)\s+(?:when|what|whats|what's|how|why|which|can|could|should|do|does)\b"
)
_SENTENCE_THEN_ASKED_RE: Final = re.compile(
    r"[.!;]\s+(?:when|what|whats|what's|how|why|which|can|could|should|do|does|will)\b"
)
_SAID_THEN_ASKED: Final = frozenset(
    {IntentKind.FEELS_FINE, IntentKind.RACE_DATE, IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER}
)


#: A message that opens on a place the runner is in ("in berlin now, ...", "now in nyc, ...").
_IN_A_PLACE_RE: Final = re.compile(r"\s*(?:now\s+)?in\s+[^\W\d_][^,.;!?]*[,.;!]")


def _may_ask_two(m: Message, whole: Intent) -> bool:
    cues = m.f.cues.keys()
    families = sum(1 for family in _FAMILIES if not family.isdisjoint(cues))
    if whole.kind is IntentKind.RESUME and Cue.RESUME not in cues:
        families += 1  # "back now, what's on today?": the return said in a pattern
    elif (family := _KIND_FAMILY.get(whole.kind)) is not None and family.isdisjoint(cues):
        families += 1  # "heading off skiing sat, back on 3 jan. ...": the break in a pattern
    if (
        whole.kind is not IntentKind.PAUSE
        and _FAMILIES[2].isdisjoint(cues)
        and "back" in m.low
        and m.today is not None
        and back_on(m.low, m.today) is not None
    ):
        families += 1  # "...back on 3 jan. also my half is on 7 march": a break said too
    if whole.kind is IntentKind.SET_REMINDER and _IN_A_PLACE_RE.match(m.low):
        families += 1  # "in berlin now, send it at 7": where the runner is, said first
    asked = len(_QUESTION_RE.findall(m.low))  # "what's on Saturday, and when ...?"
    # two plan questions, each in a clause of its own: "why no jumps yet? and when do they
    # start" (one "why ... when" clause stays one question)
    questions = (
        2 if asked > 1 and whole.kind in _ASKS_DAYS and _TWO_ASKED_RE.search(m.low) else (asked > 1)
    )
    days = whole.kind in _ASKS_DAYS and len(_DAY_NAME_RE.findall(m.low)) > 1  # "sat and sun?"
    # "hip feels fine now, when can we start the jumps again?": a state, then a question
    # "my 10k is on the 30th, and when do the jumps stop?": a setting, then a question
    fine_then_asked = whole.kind in _SAID_THEN_ASKED and (
        bool(m.f.asking) or _THEN_ASKED_RE.search(m.low) is not None
    )
    # "away 14th-18th. when do the jumps start": a break said, then a question on its own
    break_then_asked = (
        whole.kind in _ASKS_DAYS
        and Cue.AWAY in cues
        and _SENTENCE_THEN_ASKED_RE.search(m.low) is not None
    )
    # "not sore anymore! when do the jumps start": a recovery, then a question
    well_then_asked = (
        whole.kind in _ASKS_DAYS
        and not RECOVERY_WORDS.isdisjoint(m.f.words)
        and _SENTENCE_THEN_ASKED_RE.search(m.low) is not None
    )
    # "why so few jumps? did today's btw, 6": a question, then a log after it
    asked_then_logged = whole.kind in _ASKS_DAYS and _logged_after_asking(m)
    return (
        well_then_asked
        or asked_then_logged
        or (whole.kind in _ASKS_DAYS and _logged_before_asking(m))
        or families + bool(m.areas) + questions + days + fine_then_asked + break_then_asked >= 2
        or _logged_and_asked(m, whole)
    )


def _logged_before_asking(m: Message) -> bool:
    """Whether a done word is said in a clause before the first one asking ("done 7 - can
    i do it after a long run on sunday?", "done it, 7/10. can i do it before my run?")."""
    if not m.f.asking:
        return False
    first, f = min(m.f.asking), m.f
    return any(
        f.clauses[hit.start] < first
        and _SPAN_WORDS.isdisjoint(
            w for w, c in zip(f.words, f.clauses, strict=True) if c == f.clauses[hit.start]
        )
        for hit in f.cues.get(Cue.DONE, ())
    )  # not "done 3 weeks now. when do jumps start?": how long, no log


_SPAN_WORDS: Final = frozenset({"week", "weeks", "month", "months", "days", "years"})


def _logged_after_asking(m: Message) -> bool:
    """Whether a done or skip word comes after the message's first "?"."""
    asked = m.low.find("?")
    if asked < 0:
        return False
    logs = (*m.f.cues.get(Cue.DONE, ()), *m.f.cues.get(Cue.DID, ()), *m.f.cues.get(Cue.SKIP, ()))
    return any(m.char(hit.start) > asked for hit in logs)


_ASKED_AFTER_RE: Final = re.compile(
    r"(?:,|\band\b|\balso\b|[.!;])\s+(?:when|what|whats|what's|how|why|which|can|could"
    r"|should|do|does|is|will|would|am)\b"
)


def _logs_then_asked(whole: Intent, message: Message) -> tuple[Intent, ...]:
    """Logs of named days, then a question read whole ("missed friday and saturday, can i
    do two in one day to catch up?"): the logs, and the question as read alone (UNKNOWN
    there is for the FAQ); none when the message is not of that shape."""
    if whole.kind not in _ASKS_DAYS or message.today is None:
        return ()
    asked = _ASKED_AFTER_RE.search(message.low)
    if asked is None or asked.start() == 0:
        return ()
    said = message.clean[: asked.start()]
    head = understand_parts(said, message.today)[1]
    today = _TODAY_SAID_RE.search(said.lower()) is not None  # "no session today, ..."
    if not all(
        i.kind in _LOGS and (i.log_day is not None or today) and i.unclear is None for i in head
    ):
        return ()
    tail = understand_parts(message.clean[asked.start() :].lstrip(" ,"), message.today)[1]
    return (*head, *tail)


#: Today named in a log ("no session today, too knackered"): a log of today, not asked.
_TODAY_SAID_RE: Final = re.compile(r"\b(?:today|todays|today's|tonight|tonite)\b")
#: A time of today: the done said with it is today's, whatever day the story began on.
_NOW_SAID_RE: Final = re.compile(
    r"\b(?:today|todays|today's|tonight|tonite|this\s+(?:morning|evening|afternoon|arvo)"
    r"|earlier|just\s+now|just\s+(?:did|done|finished))\b"
)
_PIECE_RE: Final = re.compile(r"[,;.!?]+\s*|\s+(?:and|but|so|as)\s+")


def _fine_beside(text: str, today: date | None, message: Message) -> Intent | None:
    """An area said to have recovered in a piece of its own beside a return ("resume
    please, calf feels fine now"): that recovery too; never beside a report."""
    if not message.areas or message.report() is not None:
        return None
    for piece in _PIECE_RE.split(text):
        intent, analysed = read_body(piece, today)
        if (
            intent.kind is IntentKind.FEELS_FINE
            and intent.fine_areas
            and analysed is not None
            and says_change(analysed.f.words)
        ):
            return intent
    return None


_SENTENCE_RE: Final = re.compile(r"(?<=[.!?;])\s+")
_LOG_OR_ASK: Final = frozenset({IntentKind.DONE, IntentKind.SKIPPED, *_ASKS_DAYS})


def _logged_and_asked(m: Message, whole: Intent) -> bool:
    """A message of two sentences, one that logs and one that asks of the plan ("did it,
    easy. when do the jumps start?", "done 4/10. tomorrow?"): two requests, whichever
    the whole reads as."""
    if whole.kind not in _LOG_OR_ASK or m.today is None:
        return False
    sentences = [s for s in _SENTENCE_RE.split(m.low) if s.strip()]
    if len(sentences) != 2 or not _LOG_FIRST_RE.match(sentences[0]):
        return False
    logged = understand(sentences[0], m.today)
    if logged.kind not in _LOGS or _NO_ONE_LOG_RE.search(sentences[0]):
        return False  # "finished week 2. what phase am i in?": how far, no log
    if whole.kind in _ASKS_DAYS and (
        logged.note or logged.reason or logged.report or logged.unclear
    ):
        return False  # read whole as a question: only a plain log ("done 4/10.") is apart
    asked = sentences[1]
    return not _ADVICE_RE.match(asked) and understand(asked, m.today).kind in _ASKS_DAYS


#: A question asking for advice ("should i do two today?", "is that ok?"), which the FAQ
#: answers, not the plan.
_ADVICE_RE: Final = re.compile(
    r"\W*(?:should|shall|can|could|is|are|do|does|would|will|must|any|anything|ok|okay)\b"
)


#: A clause opening with a question to the coach ("can i do it after a long run?").
_ASKS_RE: Final = re.compile(
    r"\W*(?:(?:and|but|so|also)\s+)?(?:can|could|should|shall|would|will|is|do|does|am)\s+"
    r"(?:i|we|it|you|u)\b"
)


#: What a first sentence says of more than one session, or of none ("finished week 2",
#: "done 3 weeks now", "yesterday was a rest day").
_NO_ONE_LOG_RE: Final = re.compile(
    r"\b(?:weeks?|wks?|phase|block|program|programme|plan|sessions|all|so\s+far|rest\s+day"
    r"|day\s+off|month|months)\b"
)
#: A sentence that opens with a log ("did it, easy.", "rpe 7 today.", "done 4/10."), not a
#: story ("yesterday was a rest day.", "done with work.").
_LOG_FIRST_RE: Final = re.compile(
    r"\W*(?:(?:hi|hey|ok|okay|so|right|coach)\W+)*(?:done|did\s+(?:it|the|my|today'?s"
    r"|yesterday'?s|\w+day'?s)|finished|completed|smashed|nailed|rpe|effort|skipped|missed)\b"
    r"(?!\s+with\b)"
)


def understand_all(text: str, today: date | None = None) -> tuple[Intent, ...]:
    """Every request in ``text``, in the order the coach should act on them (at least one)."""
    return understand_parts(text, today)[1]


@lru_cache(maxsize=4096)
def understand_parts(text: str, today: date | None = None) -> tuple[Intent, tuple[Intent, ...]]:
    """The whole message's intent (``understand``) and its requests (``understand_all``),
    from one reading of the message. Remembered: runners send the same few messages
    ("done", "what's today's session?") all day, and the result is a frozen value
    (``bench/bench_understanding.py`` clears it to measure the work itself)."""
    text = spoken(text)  # "did today's full stop it was a 6": the punctuation a voice typed
    own = own_words(text)
    said = None if own is None else understand_parts(own, today)
    if said is not None and _warned(said[0]):
        return said  # the runner's own words hold the warning sign
    whole, message = analyse(text, today)  # read once, for the check below and the parts
    if said is not None and not _warned(whole):
        return said  # "wife shouted 'no 6am alarms!' so 7:15": her words are not read
    fixed = None if _warned(whole) else _corrected(text, today)
    if fixed is not None:  # "I'm in Leeds, no wait, Springfield": the city asked about too
        parts = tuple(city_asked(i) for i in fixed)
    else:
        parts = _parts(text, today, whole, message)
    if message is not None and _fine_since(whole, parts, message):
        parts = (whole,)  # "my calf was sore last week but it's fine now"
    if message is not None and whole.kind is not _DONE and _tried_then_hurt(whole, message):
        parts = (whole,)  # "did some pogos after intervals and my knee gets a sharp pain"
    if whole.cleared and whole.report is not None and not any(p.cleared for p in parts):
        parts = (whole,)  # "no clot, doc said im fine to train. calf a bit tight": cleared
    if whole.kind is IntentKind.SKIPPED and message is not None and done_by_mistake(message.low):
        parts = (whole,)  # "I logged yesterday as done but that was wrong, I skipped it"
    if message is not None and today is not None:
        parts = _each_day_asked(parts, message.low, today)
    if message is not None:
        parts = _time_beside_the_zone(parts, message.low)
    if len(parts) > 1 and message is not None and _RUN_TIME_RE.search(message.low):
        parts = _no_run_time_reminder(parts, message.low)
    if len(parts) > 1 and any(_warned(part) for part in parts):
        parts = tuple(p for p in parts if p.kind is not IntentKind.FEELS_FINE or p.fine_areas)
    if whole.report is not None and message is not None:
        parts = _fallen_rating(parts, whole.report, message.low)
    if len(parts) > 1 and message is not None and resume_advised(message):
        parts = tuple(p for p in parts if p.kind is not IntentKind.RESUME)  # "physio said to
        # carry on with the plan": her advice, no return asked
    if len(parts) > 1:
        parts = _reported_once(parts)
    if message is not None and today is not None and any(_warned(p) for p in parts):
        parts = _asked_beside_the_sign(parts, message.low, today)
    return whole, parts if _warned(whole) else _greeted_first(message, parts)


def _asked_beside_the_sign(parts: tuple[Intent, ...], low: str, today: date) -> tuple[Intent, ...]:
    """A plan question in a sentence of its own beside a warning sign ("... it's been
    waking me up the last few nights too. Anyway, when do the jumps start?"): answered
    after it, from the plan the sign has changed."""
    if any(p.kind in _ASKS_DAYS for p in parts) or "?" not in low:
        return parts
    for sentence in SENTENCE_GAP_RE.split(low)[1:]:
        if "?" in sentence and (asked := _plan_in_pieces(_PIECES_RE.split(sentence), today)):
            return (*parts, *asked)
    return parts


#: A time run, not a time of day: "parkrun pb!! 23:41", "ran 48:10 for the 10k".
_RUN_TIME_RE: Final = re.compile(
    r"\b(?:pb|pbs|pr|prs|parkrun|ran|run|raced|finished|clocked|time|5k|10k|half|marathon)\b"
    r"\W+(?:\w+\W+){0,2}?[0-9]{1,2}[:.][0-9]{2}\b"
)


def _no_run_time_reminder(parts: tuple[Intent, ...], low: str) -> tuple[Intent, ...]:
    """The parts without a reminder read from a time run ("parkrun pb!! 23:41, skipping the
    hip stuff today"), unless the reminder is named."""
    if _REMINDER_NAMED_RE.search(low):
        return parts
    kept = tuple(p for p in parts if p.kind is not IntentKind.SET_REMINDER)
    return kept or parts


def _fallen_rating(parts: tuple[Intent, ...], said: ReportSlots, low: str) -> tuple[Intent, ...]:
    """The report of the area keeps the rating it has fallen to, said in another clause
    ("IT band ... was a 4, foam rolled it and it's down to a 2 today. did today's, 5")."""
    now = fallen_to(low)
    if now is None or said.severity != now:
        return parts
    return tuple(
        replace(p, report=replace(p.report, severity=now))
        if p.report is not None and p.report.area is said.area and p.report.severity != now
        else p
        for p in parts
    )


def _tried_then_hurt(whole: Intent, message: Message) -> bool:
    """Whether the message's only done words take a few hops or pogos as their object and
    a warning sign is felt: what hurt, no session logged."""
    warned = bool(whole.signs) or (whole.report is not None and bool(whole.report.red_flags))
    return warned and only_tried_out(message.f)


def _reported_once(parts: tuple[Intent, ...]) -> tuple[Intent, ...]:
    """One report of an area: a later part that carries the same area's report again, with
    no sign the first lacks, carries none ("done, was 5. left glute sore, like 2. ...
    please stop the plan next week": the glute at 2, not again at the effort's 5)."""
    seen: dict[Area, frozenset[RedFlag]] = {}
    kept: list[Intent] = []
    for said in parts:
        report = said.report
        again = (
            report is not None
            and report.area in seen
            and said.kind not in _REPORT_KINDS
            and report.red_flags <= seen[report.area]
        )
        part = replace(said, report=None) if again else said
        if part.report is not None:
            seen[part.report.area] = seen.get(part.report.area, frozenset()) | part.report.red_flags
        kept.append(part)
    return tuple(kept)


_REPORT_KINDS: Final = frozenset(
    {IntentKind.BODY_REPORT, IntentKind.WARNING_SIGN, IntentKind.NOT_FINE}
)


def _each_day_asked(parts: tuple[Intent, ...], low: str, today: date) -> tuple[Intent, ...]:
    """One day question for each day asked about together ("what's on monday and tuesday
    next week?"), where the parts read only the first."""
    if len(parts) == 1 and parts[0].kind is IntentKind.TODAY:  # "sat and sun's sessions?"
        return (
            tuple(
                Intent(IntentKind.PLAN_QUESTION, topic=PlanTopic.DAY, ask_day=day)
                for day in days_asked(low, today)
            )
            or parts
        )
    asked = [p for p in parts if p.kind is IntentKind.PLAN_QUESTION and p.topic is PlanTopic.DAY]
    if len(asked) != 1 or asked[0].ask_day is None:
        return parts
    days = days_asked(low, today)
    if asked[0].ask_day not in days:
        return parts
    at = parts.index(asked[0])
    each = tuple(replace(asked[0], ask_day=day) for day in days)
    return (*parts[:at], *each, *parts[at + 1 :])


_BODY_KINDS: Final = frozenset({IntentKind.BODY_REPORT, IntentKind.FEELS_FINE, IntentKind.NOT_FINE})


def _fine_since(whole: Intent, parts: tuple[Intent, ...], message: Message) -> bool:
    """Whether the whole message is a recovery of the areas its parts report as they
    were ("was sore last week" + "fine now", ``rules.was_then_fine``), with no sign and
    nothing else said."""
    if whole.kind is not IntentKind.FEELS_FINE or not whole.fine_areas or parts == (whole,):
        return False
    if not was_then_fine(message):
        return False
    return all(
        part.kind in _BODY_KINDS
        and not part.signs
        and (
            part.report is None
            or (part.report.area in whole.fine_areas and not part.report.red_flags)
        )
        for part in parts
    )


_QUIET: Final = frozenset({IntentKind.GREETING, IntentKind.UNKNOWN})


def _greeted_first(message: Message | None, parts: tuple[Intent, ...]) -> tuple[Intent, ...]:
    """A message that opens with a greeting ("hey coach! did yesterday's, 6") is greeted
    back before the rest is answered: a greeting part first (never before a warning sign,
    which the caller checks); nor before help asked for ("yo what commands are there"),
    whose answer introduces the coach."""
    if message is None or all(part.kind in _QUIET for part in parts):
        return parts
    if any(part.kind in (IntentKind.HELP, IntentKind.GREETING) for part in parts):
        return parts  # help introduces the coach; a greeting read already is not doubled
    opening = message.f.hit_at.get(0)
    if opening is None or Cue.GREETING not in opening.sense.cues:
        return parts
    return (Intent(IntentKind.GREETING), *parts)


def _warned(intent: Intent) -> bool:
    """Whether ``intent`` holds a warning sign."""
    report = intent.report
    return (
        bool(intent.signs)
        or intent.kind is IntentKind.WARNING_SIGN
        or bool(report and report.red_flags)
    )


_STORING: Final = frozenset(
    {
        IntentKind.DONE,
        IntentKind.SKIPPED,
        IntentKind.BODY_REPORT,
        IntentKind.SET_REMINDER,
        IntentKind.SET_TIMEZONE,
        IntentKind.RACE_DATE,
        IntentKind.PAUSE,
    }
)


def _corrected(text: str, today: date | None) -> tuple[Intent, ...] | None:
    """A message that corrects itself ("remind me at 6. actually make that 6:30", "skipping
    thursday. oh wait no, friday"): what was said first with the value said last
    (``corrections``); None when the message corrects nothing it stores."""
    said = correction(text)
    if said is None:
        return None
    if not said.scratched and (spliced := day_replaced(said)) is not None:
        read = understand_parts(spliced, today)[1]  # "on saturday, no, sunday": on sunday
        if any(i.kind in _STORING or i.unclear is not None for i in read):
            return read
    after = understand_parts(said.after, today)[1]
    if said.scratched or not said.before:  # "scratch that, race is the 14th"
        return after if any(i.kind in _STORING for i in after) else None
    before = understand_parts(said.before, today)[1]
    # "skipped today. actually no I did it": a done and a skip are one log, redone
    redone = {_log_or(i.kind) for i in after if i.kind in _STORING} & {
        _log_or(i.kind) for i in before
    }
    found: list[Intent] = []
    changed = False
    # "make it 6:45. And my race is now the 29th of october": the correction is its own
    # sentence; what follows it is read as a request of its own
    head, *rest = _SENTENCE_END_RE.split(said.after, maxsplit=1)
    tail = rest[0].strip() if rest else ""
    last = _SENTENCE_END_RE.split(said.before.lower())[-1]
    reminded = "remind" in last or "message" in last or "alarm" in last
    for intent in before:
        if _log_or(intent.kind) in redone:
            changed = True
            continue
        if reminded and intent.kind is not IntentKind.SET_REMINDER:
            found.append(intent)  # "my foot hurts. my reminder is going off at 6, could you
            continue  # make it 8?": the reminder's hour, no rating of the foot
        value = corrected_value(intent, head, today)
        changed = changed or value is not None
        found.append(intent if value is None else value)
    found += [i for i in after if _log_or(i.kind) in redone]
    if changed and tail:
        found += [i for i in understand_parts(tail, today)[1] if i.kind is not IntentKind.UNKNOWN]
    return tuple(found) if changed else None


_SENTENCE_END_RE: Final = re.compile(r"[.!?;]+\s")


def _log_or(kind: IntentKind) -> IntentKind:
    """A done and a skip as one kind (a log), for a correction of one by the other."""
    return IntentKind.DONE if kind is IntentKind.SKIPPED else kind


def _parts(
    text: str, today: date | None, whole: Intent, message: Message | None
) -> tuple[Intent, ...]:
    return _asked_apart(_requests(text, today, whole, message))


_RATED: Final = frozenset(
    {IntentKind.DONE, IntentKind.SKIPPED, IntentKind.BODY_REPORT, IntentKind.NOT_FINE}
)


def _asked_apart(intents: tuple[Intent, ...]) -> tuple[Intent, ...]:
    """A log or report with a value to ask about ("done, effort 12/10", "pain -3/10 in my
    hip", "did it on the 31st of april") is a question: an intent of the same kind for the
    log's effort or day, a body report for a severity, with ``unclear`` set. Nothing of a
    log with an odd day or effort is stored; a report with an odd severity is kept without
    the number (the plan spares the area while the number is asked). What else the part
    said clearly stays: a report beside an odd effort, a log beside an odd severity. A
    report with a warning sign is always kept."""
    if len(intents) == 1 and intents[0].unclear is None:
        return intents
    if not any(i.unclear is not None and i.kind in _RATED for i in intents):
        return intents
    found: list[Intent] = []
    for intent in intents:
        if intent.unclear is None or intent.kind not in _RATED:
            found.append(intent)
            continue
        report = intent.report
        odd_log = intent.kind in _LOGS and intent.unclear_slot in (Unclear.LOG_DAY, Unclear.EFFORT)
        slot = intent.unclear_slot if odd_log else Unclear.SEVERITY
        asked = Intent(
            intent.kind if odd_log else IntentKind.BODY_REPORT,
            unclear=intent.unclear,
            unclear_slot=slot,
            effort=intent.effort if slot is Unclear.LOG_DAY else None,  # "on the weekend, a 7"
        )
        if report is not None and report.red_flags:  # a warning sign is never dropped
            found += [replace(intent, unclear=None, unclear_slot=None), asked]
        elif odd_log:  # the log is asked about; a clear report beside it stays
            kept = [Intent(IntentKind.BODY_REPORT, report=report)] if report is not None else []
            found += [*kept, asked]
        else:  # a log stays; the report is kept without its number, which is asked
            if intent.kind in _LOGS:
                found.append(replace(intent, unclear=None, unclear_slot=None, report=None))
            found.append(replace(asked, report=report))
    return tuple(found)


def _may_split(text: str, message: Message) -> bool:
    """Whether ``_SPLIT_RE`` may find a place to split ``text`` at (a quick test)."""
    words = message.tokens.words
    return not _SPLIT_WORDS.isdisjoint(words) or _SPLIT_CHARS_RE.search(text) is not None


def _splits(text: str) -> bool:
    """Whether ``_SPLIT_RE`` finds a place to split ``text`` at: looked for in its lower
    case when that is as long (it nearly always is), which is faster."""
    low = text.lower()
    if len(low) == len(text):
        return _SPLIT_AT_LOW_RE.search(low) is not None
    return _SPLIT_AT_RE.search(text) is not None


def _contrasted(text: str) -> bool:
    """Whether ``text`` says "but", "though" or "however" (``_CONTRAST_RE``)."""
    low = text.lower()
    return ("but" in low or "tho" in low or "however" in low) and _CONTRAST_RE.search(
        text
    ) is not None


#: Days listed as missed ("missed monday and tuesday"): never logs of a done beside them.
_MISSED_DAYS_RE: Final = re.compile(
    r"\b(?:missed|skipped|skipt|didn'?t\s+do|did\s+not\s+do|couldn'?t\s+do|bailed\s+on)\s+"
    r"(?:the\s+|my\s+|on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)\w*"
    r"(?:\s*(?:,|&|\+|and|or|n)\s*(?:mon|tue|wed|thu|fri|sat|sun|yesterday|yday|today)\w*)+"
)


def _each_rated(days: list[tuple[date, int | None]]) -> list[tuple[date, int]]:
    """``days`` when every one has its effort, else none."""
    rated = [(day, effort) for day, effort in days if effort is not None]
    return rated if len(rated) == len(days) else []


def _days_apart(whole: Intent, message: Message, today: date) -> tuple[Intent, ...]:
    """``_days_each`` with the days said not done skipped ("saturday done 8, sunday nothing":
    Sunday's skipped, never logged done)."""
    if whole.unclear_slot is Unclear.LOG_DAY and " or " in message.low:
        return (whole,)  # "did thursday or friday, 6": which one is asked, once
    found = _days_each(whole, message, today)
    if not found or not ("not" in message.low or "nothing" in message.low):
        return found
    undone = {
        day
        for said in _NOT_DAY_RE.finditer(message.low)
        for day in log_days(f"on {next(g for g in said.groups() if g)}", today)
    }
    for run in _DAYS_THEN_NOTHING_RE.finditer(message.low):  # "fri sat and sun i did nothing"
        undone.update(log_days(run.group(1), today))
    kept = tuple(
        Intent(IntentKind.SKIPPED, log_day=part.log_day)
        if part.kind is _DONE and part.log_day is not None and part.log_day in undone
        else part
        for part in found
    )
    today_done = whole.kind is _DONE and _TODAY_DONE_RE.search(message.low) is not None
    if kept != found and today_done and not any(p.kind is _DONE and not p.log_day for p in kept):
        kept = (*kept, Intent(_DONE, effort=whole.effort))  # "... today done effort 5"
    return kept


def _days_each(whole: Intent, message: Message, today: date) -> tuple[Intent, ...]:
    """A log of each day said, each with its own effort ("done thurs 5/10 and sat 6/10",
    "sat was easy sun was hard", "missed sat and sun"), or logs of named days before a
    question; none when the message logs no several days."""
    if (
        whole.kind in _LOGS
        and whole.report is None
        and RECOVERY_WORDS.isdisjoint(message.f.words)
        and (both := day_first_logs(message.low, today))
    ):
        return tuple(  # "monday skipped (work), tuesday done 7": each day as said
            Intent(_DONE, log_day=None if d == today else d, effort=e)
            if done
            else Intent(IntentKind.SKIPPED, log_day=None if d == today else d)
            for d, done, e in both
        ) + _signs_apart(whole)
    if whole.kind is _DONE and whole.report is None:
        # "done thurs 5/10 and sat 6/10", "monday done (5), yesterday done (6)": two logs
        rated = rated_days(message.low, today) or _each_rated(done_days(message.low, today))
        if rated:
            return tuple(
                replace(whole, log_day=None if d == today else d, effort=e, effort_label=None)
                for d, e in rated
            )
    if asked := _logs_then_asked(whole, message):
        return asked
    if stretches := _rated_stretches(whole, message):
        logged = whole if whole.kind is _DONE else Intent(_DONE)
        return tuple(  # "sat was easy sun was hard": a log of each day, with its effort
            replace(
                logged if index == 0 else replace(logged, report=None),
                log_day=None if d == today else d,
                effort=e.effort,
                effort_label=e.effort_label,
            )
            for index, (d, e) in enumerate(sorted(stretches.items()))
        )
    said = before_asked(message.low)  # not the days of a question after the log
    if whole.kind is _DONE and _MISSED_DAYS_RE.search(said):
        return ()  # "missed monday and tuesday. did wednesday's": the parts say which is which
    if whole.kind in _LOGS and names_days(said):
        if whole.kind is _DONE and days_done_apart(said):
            return ()  # "on nights thu fri sat so those are a write off, did today's"
        days = log_days(said, today, ahead=whole.kind is IntentKind.SKIPPED)
        if len(days) > 1:  # "missed sat and sun": one log for each day
            efforts = (
                _efforts_by_day(message.low, today, days)
                or _paired_efforts(message.low, days)
                or _rated_after_days(message, today, days)
                if whole.kind is _DONE
                else {}
            )
            # several ratings not placed on their days: none is guessed onto another day
            shared = len(message.ratings) <= 1
            logs = tuple(
                replace(
                    whole if index == 0 else replace(whole, report=None),
                    log_day=None if d == today else d,
                    effort=efforts[d].effort if d in efforts else whole.effort if shared else None,
                    effort_label=(
                        efforts[d].effort_label
                        if d in efforts
                        else whole.effort_label
                        if shared
                        else None
                    ),
                )
                for index, d in enumerate(days)
            )  # "did sunday and monday, hip's been achy": one report, with the first log
            return (
                *logs,
                *_skips_beside(message, today, days, whole),
                *_signs_apart(whole),
                *_plan_asked_beside(message.low, today),
            )
    return ()


#: Several days said, then that nothing was done on them ("friday saturday and sunday i
#: did nothing, was travel").
_DAYS_THEN_NOTHING_RE: Final = re.compile(
    r"(?<!did\s)(?<!done\s)(?<!on\s)"
    r"\b((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day[\s,]+(?:and\s+|&\s+)?){2,})"
    r"(?:i\s+)?(?:did\s+|done\s+)?(?:nothing|nada|zilch|not\s+do\s+anything)\b"
)
#: Today's session said done ("today done effort 5", "did today").
_TODAY_DONE_RE: Final = re.compile(
    r"\btoday'?s?\s+(?:i\s+)?(?:did|done|finished)\b|\b(?:did|done)\s+(?:it\s+)?today\b"
)
#: A day said not done beside days done: "did monday but not (on) tuesday".
_NOT_DAY_RE: Final = re.compile(
    r"\bnot\s+(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)\b"
    r"|\b((?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday)\s+(?:i\s+)?(?:did\s+)?"
    r"(?:not|nothing|nada|zilch)\b"
    r"|\b(?:did|done)\s+nothing\s+(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|yesterday)\b"
)


_PIECES_RE: Final = re.compile(r"[,.;!?]+|\b(?:and|but|also)\b")
_PLAN_PIECE_RE: Final = re.compile(r"^\s*(?:so\s+)?(?:what'?s|whats|what|when|which|how)\b")


def _plan_asked_beside(low: str, today: date) -> tuple[Intent, ...]:
    """A plan question in a piece of its own after logs of several days ("missed sat and
    sun, whats on monday"): answered too."""
    return _plan_in_pieces(_PIECES_RE.split(low)[1:], today)


def _plan_in_pieces(pieces: list[str], today: date) -> tuple[Intent, ...]:
    """The first of ``pieces`` that opens as a plan question and reads as one, alone."""
    for piece in pieces:
        if (
            _PLAN_PIECE_RE.match(piece)
            and (asked := plan_question(piece.strip(), today)) is not None
        ):
            return (asked,)
    return ()


def _skips_beside(
    message: Message, today: date, days: tuple[date, ...], whole: Intent
) -> tuple[Intent, ...]:
    """Skips of other named days said in clauses of their own beside dones of several days
    ("did mondays and tuesdays but missed wednesday")."""
    if whole.kind is not _DONE or not _SKIP_WORD_RE.search(message.low):
        return ()
    skips: list[Intent] = []
    for part in _SPLIT_RE.split(message.clean):
        if not part or not part.strip() or not _SKIP_WORD_RE.search(part.lower()):
            continue
        said = understand(part, today)
        if said.kind is IntentKind.SKIPPED and (day := said.log_day) and day not in days:
            skips.append(Intent(IntentKind.SKIPPED, log_day=day))
    return tuple(skips)


_SKIP_WORD_RE: Final = re.compile(r"\b(?:missed|skipped|didn'?t|couldn'?t|bailed\s+on)\b")


#: A word linking a clause to the one before, left at its start by a sentence's end
#: ("...back on 3 jan. also the marathon is on 18 april now").
_LINK_RE: Final = re.compile(r"^\s*(?:also|and|plus|then|oh|btw|anyway|anyways)\b[\s,]+(?=\S)")


def _unlinked(clause: str) -> str:
    """``clause`` without a linking word at its start."""
    return _LINK_RE.sub("", clause) if clause[:1].isspace() or clause[:1].isalpha() else clause


def _asked_not_set(
    said: list[tuple[str, Intent]], text: str, whole: Intent
) -> list[tuple[str, Intent]]:
    """The parts without the settings and logs a question only tells of: "away next week,
    can I still do it?" (no break), "why am i on mobility only? i wasnt injured, just on
    holiday" (no break: one asked for says so, or names its days), "missed last week, do I
    repeat it?" (no skip of today), "skipped today. back on it tmrw" (no return)."""
    if asks_permission(text.lower()):
        said = [(p, i) for p, i in said if i.kind not in _SETTLED_ELSEWHERE or i.kind is whole.kind]
    if any(i.kind is IntentKind.PLAN_QUESTION for _, i in said):
        said = [(p, i) for p, i in said if not _break_told(p, i)]
    said = [
        (p, i)
        for p, i in said
        if not (i.kind is IntentKind.SKIPPED and "?" in p and _A_WEEK_GONE_RE.search(p.lower()))
    ]
    if any(i.kind is IntentKind.SKIPPED for _, i in said):
        said = [
            (p, i) for p, i in said if not (i.kind is IntentKind.RESUME and back_later(p.lower()))
        ]
    return said


#: A log's part that only says logging was forgotten ("forgot to log anything this week").
_FORGOT_TO_LOG_RE: Final = re.compile(
    r"\b(?:forgot|forget|forgotten|didnt get round|did not get round|havent|not)\s+"
    r"(?:to\s+)?(?:log|logged|logging|tick|ticked|mark|marked|update|updated|record|recorded)"
)
_DID_SAID_RE: Final = re.compile(r"\b(?:did|done|finished|completed|managed|smashed|got)\b")


def _forgot_to_log_first(said: list[tuple[str, Intent]]) -> list[tuple[str, Intent]]:
    """Without a part that only says logging was forgotten, before the days that were done
    ("forgot to log anything this week! monday done (5), yesterday done (6)"): no log of
    today."""
    if not any(i.kind is _DONE and i.log_day is not None for _, i in said):
        return said
    return [(p, i) for p, i in said if not (i.kind is _DONE and _only_forgot(p, i))]


def _only_forgot(part: str, intent: Intent) -> bool:
    """Whether a done part of no day only says logging was forgotten."""
    low = part.lower()
    return (
        intent.log_day is None
        and _FORGOT_TO_LOG_RE.search(low) is not None
        and not _DID_SAID_RE.search(low)
        and not _TODAY_SAID_RE.search(low)
    )


def _pause_ends(said: list[tuple[str, Intent]]) -> list[tuple[str, Intent]]:
    """The parts without a return said as the end of a break asked for beside it ("pause
    it monday to friday, then I'm back to normal on the weekend"): the break's end, not a
    resume now."""
    if not any(i.kind is IntentKind.PAUSE for _, i in said):
        return said
    return [
        (p, i)
        for p, i in said
        if i.kind is not IntentKind.RESUME or not _LATER_RE.search(p.lower())
    ]


#: A return said for later: "then", "after", a day or a date.
_LATER_RE: Final = re.compile(
    r"\b(?:then|after|afterwards|on|from|by|next|weekend|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|tomorrow|tmrw|[0-9]{1,2}(?:st|nd|rd|th))\b"
)


def _kept_settings(said: list[tuple[str, Intent]]) -> list[tuple[str, Intent]]:
    """The parts without a setting said to stay as it is ("race is still 11 april, no change
    there", "reminder's fine at 7") beside another request: no change is asked for."""
    kept = [(p, i) for p, i in said if i.kind in _KEPT_SETTINGS and _UNCHANGED_RE.search(p.lower())]
    if kept and len(kept) < len([1 for _, i in said if i.kind not in _IDLE]):
        return [pair for pair in said if pair not in kept]
    return said


#: Settings a part may say are kept as they are ("race is still 11 april, no change there",
#: "reminder's fine at 7"): beside another request, no change is asked for. (A city said
#: with "still" is where the runner is: "still in Tokyo" may be news.)
_KEPT_SETTINGS: Final = frozenset({IntentKind.RACE_DATE, IntentKind.SET_REMINDER})
_UNCHANGED_RE: Final = re.compile(
    r"\b(?:still|no change|not changed|unchanged|hasnt changed|has not changed|same as before"
    r"|stays? the same|as (?:it is|they are|is)|(?:is|s|are) (?:fine|good|ok|okay|perfect"
    r"|grand|great|sound|alright|all right)"
    r"|(?:fine|good|ok|okay|perfect|grand) (?:as it is|at|for me|where it is)"
    r"|can stay|stays at|stay at|(?:keep|leave) (?:the |my )?(?:reminder|it|time|alarm))\b"
)


_BREAK_ASKED_RE: Final = re.compile(r"\b(?:pause|paused|hold|freeze|stop|break|off)\b")


def _break_told(part: str, intent: Intent) -> bool:
    """Whether ``part`` reads as a break only by a trip named, with no days and no word
    asking for one ("just on holiday")."""
    return (
        intent.kind is IntentKind.PAUSE
        and intent.pause_from is None
        and intent.pause_until is None
        and _BREAK_ASKED_RE.search(part.lower()) is None
    )


def _requests(
    text: str, today: date | None, whole: Intent, message: Message | None
) -> tuple[Intent, ...]:
    if message is not None and today is not None and (apart := _days_apart(whole, message, today)):
        return apart
    if (
        (whole.signs or whole.kind is IntentKind.WARNING_SIGN)
        and message is not None
        and (placed := _signs_placed(whole, message))
    ):
        return _log_kept(text, today, whole, message, placed)
    if whole.signs and whole.kind in _LOGS and whole.report is None:
        return (whole, *_signs_apart(whole))
    if whole.signs or whole.kind is IntentKind.WARNING_SIGN or message is None:
        return (whole,)
    return _clause_requests(text, today, whole, message)


def _log_kept(
    text: str, today: date | None, whole: Intent, message: Message, placed: tuple[Intent, ...]
) -> tuple[Intent, ...]:
    """A sign placed in its report beside a setting keeps a log said too ("did it 6/10 and
    fyi tingling down my left leg since the weekend, also remind me at 7"): read by its
    clauses when they give the log and a report holding every sign, else ``placed``."""
    if whole.kind in _LOGS or whole.kind is IntentKind.WARNING_SIGN:
        return _days_beside_sign(text, today, placed)
    if any(p.kind in _LOGS for p in placed) or not message.f.has(Cue.DONE, Cue.DID):
        return placed
    split = _clause_requests(text, today, replace(whole, signs=frozenset()), message)
    held = any(p.report is not None and p.report.red_flags >= whole.signs for p in split)
    if held and any(p.kind in _LOGS for p in split):
        return split
    logs = [  # "did todays mobility, effort 3. on my run my knee gave way...": its own clause
        said
        for clause in _SPLIT_RE.split(text)
        if clause.strip()
        and (said := understand(clause, today)).kind in _LOGS
        and not _warned(said)
        and said.report is None
    ]
    return (logs[0], *placed) if len(logs) == 1 else placed


#: The smallest pieces a message is cut into to leave a sign's out (``_days_kept``).
_BITS_RE: Final = re.compile(r"[,.;!?]+|\b(?:and|also|then|but|plus)\b")


def _days_beside_sign(
    text: str, today: date | None, found: tuple[Intent, ...]
) -> tuple[Intent, ...]:
    """``found``, or, when it is one log holding a warning sign's report, that log and the
    other days' logs said with it (``_days_kept``)."""
    if len(found) != 1 or found[0].kind not in _LOGS:
        return found
    report = found[0].report
    return _days_kept(text, today, found[0]) if report and report.red_flags else found


def _days_kept(text: str, today: date | None, log: Intent) -> tuple[Intent, ...]:
    """A log holding a sign's report, and the other days' logs said with it ("did
    yesterdays session effort 5 and todays too effort 4, my left calf is hot and swollen"):
    read from the clauses without the sign; the report stays with the first log."""
    clauses = [c for c in _BITS_RE.split(text) if c.strip()]
    calm = [c for c in clauses if not _warned(understand(c, today))]
    if not calm or len(calm) == len(clauses):
        return (log,)
    logs = [p for p in understand_parts(" and ".join(calm), today)[1] if p.kind in _LOGS]
    if len(logs) < 2 or logs[0].log_day != log.log_day:
        return (log,)
    report = log.report
    if report is not None and report.severity in {p.effort for p in logs} - {None}:
        report = replace(report, severity=None)  # "did monday 5 and tuesday 6, knee swollen"
    return (replace(logs[0], report=report), *logs[1:])


def _clause_requests(
    text: str, today: date | None, whole: Intent, message: Message
) -> tuple[Intent, ...]:
    """The requests of a message of several clauses (``_requests`` after its signs)."""
    if whole.unclear is not None and whole.kind in _RATED:  # "done. but 12/10 effort lol"
        return (whole,)
    if whole.kind is IntentKind.RESUME and (fine := _fine_beside(text, today, message)):
        return (fine, whole)  # "resume please, calf feels fine now": the hold cleared too
    if not _may_split(text, message) or not _splits(text):
        return _reports_apart(text, today, (whole,), message)
    if whole.kind in _SETTING_KINDS and setting_said(message) is not None:
        return (whole,)  # "no, long run is sunday. friday is a rest day": no clause logs
    thanked = Cue.THANKS in message.f.cues and whole.kind is not IntentKind.THANKS
    asks_two = _contrasted(text) or _may_ask_two(message, whole) or thanked
    clauses = (
        [_unlinked(part) for part in _SPLIT_RE.split(text) if part.strip()] if asks_two else []
    )
    if len(clauses) < 2:
        return _reports_apart(text, today, (whole,), message)
    said = _carried(clauses, [understand(part, today) for part in clauses], today)
    said = _they_asked(_then_fine(said, today), today)
    said = _each_day_skipped(_not_theirs(_not_meant(said, message), text, message, today), today)
    if whole.kind is IntentKind.FEELS_FINE and whole.fine_areas:
        said = [(p, i) for p, i in said if not (i.kind is _DONE and _tried_out(p))]
    said = _forgot_to_log_first(_asked_not_set(said, text, whole))
    told, said = len(said), _kept_settings(_pause_ends(said))
    if any(intent.signs or intent.kind is IntentKind.WARNING_SIGN for _, intent in said):
        return _days_beside_sign(
            text, today, (whole,)
        )  # "did monday 5 and tuesday 6, knee swollen"
    meaningful = [(part, intent) for part, intent in said if intent.kind not in _IDLE]
    if any(i.kind is not IntentKind.TODAY for _, i in meaningful):  # "did it! first session ever"
        meaningful = [(p, i) for p, i in meaningful if not _session_mentioned(p, i)]
    found: tuple[Intent, ...] = (whole,)
    thanks = any(intent.kind is IntentKind.THANKS for _, intent in said)
    if len(meaningful) == 1 and meaningful[0][1].kind not in _FINE and _contrasted(text):
        part, one = meaningful[0]
        found = (_with_day(part, _with_effort(one, whole), whole),)
    elif len(meaningful) == 1 and len(said) < told:
        found = (meaningful[0][1],)  # "back from thailand. reminder at 7 is still fine"
    elif len(meaningful) == 1 and thanks and whole.kind in _IDLE:
        found = (meaningful[0][1],)  # "thanks coach! what's tomorrow?": both answered
    elif (
        len(meaningful) == 1
        and whole.kind is IntentKind.UNKNOWN
        and meaningful[0][1].kind in _ASKS_DAYS
        and "?" in meaningful[0][0]
    ):
        found = (meaningful[0][1],)  # "missed the 7am reminder, what's today's?": asked
    elif _spread_setting(meaningful, whole) or (
        len(meaningful) == 1
        and meaningful[0][1].kind is _DONE
        and whole.kind is IntentKind.PLAN_QUESTION
    ):
        found = (meaningful[0][1], whole)  # "...when can I do the plyos again? also did
        # todays mobility, effort 3": the log said in a clause of its own, and the question
    elif len(meaningful) >= 2:
        found = _story_day(_combined(meaningful, whole) or (whole,), meaningful, whole)
        if len(found) == 1 and whole.kind is found[0].kind is IntentKind.DONE:
            found = (replace(found[0], note=found[0].note or whole.note),)  # "did it, missed a set"
    if whole.kind is not IntentKind.PAUSE and any(i.kind is IntentKind.PAUSE for i in found):
        found = _unrefused(text, found)  # "was going to pause but changed my mind"
    found = _whole_settings(found, whole, message, today)
    found = _zone_for_the_times(found)
    found = _whole_reports(text, today, found, whole, message)
    found = _whole_side(_whole_flags(found, whole), whole)
    found = _whole_severity(found, whole)
    if thanks and not all(i.kind in _IDLE for i in found):
        found = (*found, Intent(IntentKind.THANKS))  # "hip niggle gone. cheers": both
    helped = any(i.kind is IntentKind.HELP and _QUESTION_RE.search(p.lower()) for p, i in said)
    if helped and all(i.kind is not IntentKind.HELP for i in found):
        # "what can you do? and what's today": both; "how does this work? what can you do
        # for me?": help alone
        found = (Intent(IntentKind.HELP), *(i for i in found if i.kind is not IntentKind.UNKNOWN))
    found = _days_beside_sign(text, today, found)
    return _reports_apart(text, today, found, message) if len(found) == 1 else found


_DONE: Final = IntentKind.DONE


#: "when do they start": a question whose "they" is the jumps named a clause before.
_THEY_START_RE: Final = re.compile(
    r"^\W*(?:and\s+|so\s+)?when\s+(?:do|will|does|are|is|should)\s+(?:they|those|these|it|that)\s+"
    r"(?:start|begin|come\s+in|come\s+back|kick\s+in|starting|beginning|due)\b"
)
_JUMP_WORDS_RE: Final = re.compile(
    r"\b(?:jumps?|jumping|hops?|hopping|plyos?|plyometrics|bounds?)\b"
)


def _they_asked(said: list[tuple[str, Intent]], today: date | None) -> list[tuple[str, Intent]]:
    """A clause asking when "they" start, after one naming the jumps ("why no jumps yet?
    and when do they start"): when the jumps start."""
    for k in range(1, len(said)):
        part, intent = said[k]
        if (
            intent.kind is IntentKind.UNKNOWN
            and _THEY_START_RE.match(part.lower())
            and _JUMP_WORDS_RE.search(said[k - 1][0].lower())
        ):
            said[k] = (part, understand("when do the jumps start?", today))
    return said


def _then_fine(said: list[tuple[str, Intent]], today: date | None) -> list[tuple[str, Intent]]:
    """A report followed by a recovery that names no area ("hip was sore yesterday" + "but
    all good now"): the two read together, the area's recovery when they read so."""
    for k in range(len(said) - 1):
        (part, first), (after, then) = said[k], said[k + 1]
        if first.kind is not IntentKind.BODY_REPORT or first.signs or first.report is None:
            continue
        if then.kind is not IntentKind.FEELS_FINE or then.fine_areas or first.report.red_flags:
            continue
        both = understand(f"{part}, {after}", today)
        if both.kind is IntentKind.FEELS_FINE and first.report.area in both.fine_areas:
            said[k], said[k + 1] = (f"{part}, {after}", both), (after, Intent(IntentKind.UNKNOWN))
    return said


def _spread_setting(meaningful: list[tuple[str, Intent]], whole: Intent) -> bool:
    """Whether the whole message asks for a setting across clauses none reads alone, beside
    the one clause read ("my foot hurts. my reminder is going off at 6, could you make it
    8?"): both are kept."""
    if len(meaningful) != 1 or whole.kind not in _SPREAD_SETTINGS:
        return False
    part, intent = meaningful[0]
    return intent.kind in _SAID_BESIDE and _SPREAD_SETTINGS[whole.kind] not in part.lower()


#: Settings a message may ask for across clauses that read as nothing alone, with a word
#: that shows the one clause read is not the setting's own.
_SPREAD_SETTINGS: Final = {IntentKind.SET_REMINDER: "remind", IntentKind.SET_TIMEZONE: " in "}
_SAID_BESIDE: Final = frozenset(
    {IntentKind.BODY_REPORT, IntentKind.DONE, IntentKind.SKIPPED, IntentKind.PLAN_QUESTION}
)


def _each_day_skipped(
    said: list[tuple[str, Intent]], today: date | None
) -> list[tuple[str, Intent]]:
    """A skip of a clause that names several days ("missed saturday and sunday, did it
    today"): a skip of each day."""
    if today is None:
        return said
    found: list[tuple[str, Intent]] = []
    for part, intent in said:
        low = part.lower()
        days = log_days(low, today, ahead=True) if intent.kind is IntentKind.SKIPPED else ()
        if len(days) > 1 and names_days(low) and all(day <= today for day in days):
            found += [(part, replace(intent, log_day=None if d == today else d)) for d in days]
        elif (
            found
            and found[-1][1].kind is IntentKind.SKIPPED
            and intent.kind is IntentKind.UNKNOWN
            and (day := _day_alone(low, today)) is not None
        ):  # "missed saturday | and sunday": the skip's second day
            found.append((part, replace(found[-1][1], log_day=None if day == today else day)))
        else:
            found.append((part, intent))
    return found


_DAY_ALONE_RE: Final = re.compile(r"^\s*(?:and|or|&|n)?\s*(?:on\s+)?[a-z]+\s*[.!]?\s*$")


def _day_alone(low: str, today: date) -> date | None:
    """The one past day a clause is made of ("sunday", "or yesterday"), else None."""
    if not _DAY_ALONE_RE.match(low):
        return None
    days = log_days(low, today, ahead=False)
    return days[0] if len(days) == 1 and days[0] <= today else None


def _not_meant(said: list[tuple[str, Intent]], message: Message) -> list[tuple[str, Intent]]:
    """Without the clauses that only seem to log or recover: a log in a question after
    another clause ("did it 5/10 and can i do it after a long run on saturday"), a
    recovery in a message that tells of an old injury or of no pain in passing ("old
    knee injury, years ago, physio sorted it. what phase?")."""
    if len(said) > 1:
        said = [(p, i) for p, i in said if not (i.kind in _LOGS and _ASKS_RE.match(p.lower()))]
    if healed_long_ago(message) or fine_in_passing(message):
        said = [(p, i) for p, i in said if i.kind is not IntentKind.FEELS_FINE]
    return said


def _theirs_alone(message: Message, words: list[int]) -> bool:
    """Whether every word at ``words`` is someone else's but the "my" or "our" that names
    them ("my mate did his hammy last night")."""
    own = [i for i in words if i not in message.f.foreign]
    return all(message.f.words[i] in ("my", "our") for i in own)


def _not_theirs(
    said: list[tuple[str, Intent]], text: str, message: Message, today: date | None
) -> list[tuple[str, Intent]]:
    """Without the body parts whose every word the whole message reads as someone else's
    ("she's got shin splints and was limping by the end": the part "was limping by the end"
    goes on with her as its subject), as the whole-message reading has them; a part that
    opens with such words is read from the runner's own words on."""
    foreign = message.f.foreign
    if not foreign:
        return said
    spans = message.tokens.spans
    kept: list[tuple[str, Intent]] = []
    cursor = 0
    for part, intent in said:
        start = text.find(part, cursor)
        if start < 0:
            kept.append((part, intent))
            continue
        end = start + len(part)
        cursor = end
        words = [i for i, (a, _) in enumerate(spans) if start <= a < end]
        body = intent.kind in _BODY_KINDS or intent.kind is IntentKind.WARNING_SIGN
        if intent.kind in _LOGS and words and _theirs_alone(message, words):
            continue  # "done 7/10. my mate did his hammy last night": his, no log
        if not (body and words and words[0] in foreign):
            kept.append((part, intent))
            continue
        own = [i for i in words if i not in foreign]
        if own and own[0] > words[0]:  # "was limping by the end, my legs felt fine"
            rest = message.low[spans[own[0]][0] : spans[words[-1]][1]]
            kept.append((rest, understand(rest, today)))
    return kept


#: A time said to be wanted ("6am is good", "7:30 works", "half 6 please").
_TIME_WANTED_RE: Final = re.compile(
    r"\b((?:[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:am|pm)?|half\s+[0-9]{1,2}))\s+(?:is\s+(?:good|fine"
    r"|grand|great|perfect|ok|okay|best|ideal)|works|would\s+be\s+(?:good|great|ideal|best|perfect)"
    r"|please|pls|plz)\b"
)


_REMINDER_NAMED_RE: Final = re.compile(r"\b(?:remind|reminder|reminders|alarm|nudge|ping)\b")


def _time_beside_the_zone(parts: tuple[Intent, ...], low: str) -> tuple[Intent, ...]:
    """A city said with a time wanted and no reminder read ("im in sydney now, 6am is
    good"): the reminder too, after the zone."""
    if not any(p.kind is IntentKind.SET_TIMEZONE and p.timezone_text for p in parts):
        return parts
    if any(p.kind is IntentKind.SET_REMINDER for p in parts) or _REMINDER_NAMED_RE.search(low):
        return parts  # "reminder at 7 is grand, in madrid now": the reminder's rules decided
    wanted = _TIME_WANTED_RE.search(low)
    at = None if wanted is None else parse_time(wanted.group(1))
    return parts if at is None else (*parts, Intent(IntentKind.SET_REMINDER, reminder_time=at))


def _zone_for_the_times(found: tuple[Intent, ...]) -> tuple[Intent, ...]:
    """A new time zone said with reminders at odd times and no time asked for ("i'm in LA
    now so the reminders are coming at weird times"): the zone puts the times right."""
    zoned = any(i.kind is IntentKind.SET_TIMEZONE and i.timezone_text for i in found)
    if not zoned:
        return found
    return tuple(
        i
        for i in found
        if not (
            i.kind is IntentKind.SET_REMINDER
            and i.reminder_time is None
            and not i.reminder_off
            and i.unclear is None
        )
    )


def _signs_placed(whole: Intent, message: Message) -> tuple[Intent, ...]:
    """A warning sign said in a long message beside another request, with its area in a
    clause of its own ("right shin throbs at night now, also move my reminder to 8"): the
    whole reads as the request, carrying the sign with no area; the message's own report
    (area, side, feeling, the sign) is stored as a report, and the request is kept. A sign
    the report does not hold stays on the request, so nothing said is lost. None when
    the message names no area, or the whole already holds the report."""
    if whole.report is not None or not (whole.signs or whole.kind is IntentKind.WARNING_SIGN):
        return ()
    if not message.areas:
        return ()
    report = message.report()
    if report is None or not report.red_flags or not report.red_flags >= whole.signs:
        return ()
    found = Intent(IntentKind.BODY_REPORT, report=report)
    if whole.kind is IntentKind.WARNING_SIGN:
        return (found,)
    if whole.kind in _LOGS:  # "did it, then hip throbbed all night": one log with the report
        return (replace(whole, signs=frozenset(), report=report),)
    return (found, replace(whole, signs=frozenset()))


def _signs_apart(whole: Intent) -> tuple[Intent, ...]:
    """Warning signs said beside a log with no area ("skipped today, temp of 38"): a part
    of their own, so they are triaged as any sign said alone."""
    if not whole.signs or whole.kind not in _LOGS or whole.report is not None:
        return ()
    return (Intent(IntentKind.WARNING_SIGN, signs=whole.signs),)


_PAUSE_WORD_RE: Final = re.compile(r"\b(?:pause|pausing|paused|break|stop|stopping)\b")


def _unrefused(text: str, found: tuple[Intent, ...]) -> tuple[Intent, ...]:
    """Without the break a later clause turns down ("thought about pausing but nah,
    keeping going"); at least UNKNOWN."""
    low = text.lower()
    word = _PAUSE_WORD_RE.search(low)
    if word is None or not break_refused(low, word.start()):
        return found
    kept = tuple(i for i in found if i.kind is not IntentKind.PAUSE)
    return kept or (Intent(IntentKind.UNKNOWN),)


#: What makes a clause that names the session ask for it: "today's session pls", "what's on".
_ASKS_FOR_IT_RE: Final = re.compile(
    r"\?|\b(?:what|whats|what's|show|send|give|pls|please|plz|tomorrow|tmrw|next|today|todays"
    r"|today's)\b",
    re.IGNORECASE,
)


def _session_mentioned(part: str, intent: Intent) -> bool:
    """A clause read as today's session that only mentions a session ("first session
    ever", "loved the session"): beside a log, no request."""
    return intent.kind is IntentKind.TODAY and _ASKS_FOR_IT_RE.search(part) is None


#: A clause that says its own day or a time to come: its skip is not the done day's.
_OWN_DAY_RE: Final = re.compile(
    r"\b(?:today|todays|tonight|tonite|tdy|tomorrow|tmrw|tmr|tomoz|this\s+(?:morning|evening)"
    r"|gonna|going\s+to|will|won'?t|wont|i'?ll|skipping|next|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs|fri|sat|sun)\b"
)


def _skips_of_the_done_day(parts: list[str], intents: list[Intent]) -> list[Intent]:
    """A skip that names no day, beside a done of a past day, is part of that day's session
    ("did it on thurs but only half of it, ran out of time"): no skip of today."""
    days = [i.log_day for i in intents if i.kind is _DONE and i.log_day is not None]
    if len(days) != 1:
        return intents
    return [
        replace(i, log_day=days[0])
        if i.kind is IntentKind.SKIPPED and i.log_day is None and not _OWN_DAY_RE.search(p.lower())
        else i
        for p, i in zip(parts, intents, strict=True)
    ]


#: A skip pointing back at a day said before it ("skip that one", "miss that day").
_THAT_ONE_RE: Final = re.compile(r"\bthat\s+(?:one|day|session)\b")


def _skips_of_that_day(parts: list[str], intents: list[Intent]) -> list[Intent]:
    """ "i'm away wednesday, skip that one": the skip is of the day said (its break or
    skip), not of today."""
    if not any(i.log_day or i.pause_from for i in intents):
        return intents
    return [
        i
        for p, i in zip(parts, intents, strict=True)
        if not (
            i.kind is IntentKind.SKIPPED and i.log_day is None and _THAT_ONE_RE.search(p.lower())
        )
    ]


#: A day said again after the days logged together, with how it went: "did both
#: yesterday's and today's: yesterday's was easy, today's was hard".
_DAY_AGAIN_RE: Final = re.compile(
    r"\b(?:(?:the\s+)?day\s+before|yesterday|yday|today|tdy|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs|fri|sat|sun)(?:'?s)?\b"
)


def _rated_after_days(message: Message, today: date, days: tuple[date, ...]) -> dict[date, Intent]:
    """The one rating said after each day and before the next day named ("did it the day
    before yesterday, a 4, and again today, a 6": the 15th's 4, today's 6); a day with no
    rating or several of its own is not in it."""
    low = message.low
    said = [(m, day_said(m.group(0), today)) for m in _DAY_AGAIN_RE.finditer(low)]
    found: dict[date, Intent] = {}
    for n, (match, day) in enumerate(said):
        if day not in days:
            continue
        end = said[n + 1][0].start() if n + 1 < len(said) else len(low)
        ratings = [v for pos, v in message.ratings if match.end() <= pos < end]
        if len(ratings) == 1:
            found[day] = Intent(_DONE, effort=ratings[0])
    return found if len(found) > 1 else {}


def _efforts_by_day(low: str, today: date, days: tuple[date, ...]) -> dict[date, Intent]:
    """The effort said of each logged day on its own after the days were named together
    ("yesterday's was easy, today's was hard"); a day with none said is not in it."""
    said = list(_DAY_AGAIN_RE.finditer(low))
    if len(said) < 2 * len(days):  # each day named once in the list, once with its effort
        return {}
    later = said[len(days) :]
    found: dict[date, Intent] = {}
    for n, match in enumerate(later):
        end = later[n + 1].start() if n + 1 < len(later) else len(low)
        day = day_said(match.group(0), today)
        intent = understand(f"done, {low[match.end() : end]}", today)
        if day in days and intent.kind is _DONE and intent.effort is not None:
            found.setdefault(day, intent)
    return found


#: The efforts said in turn after the days said together ("did wed and thu, 5 and 6",
#: "missed... ", "did sat and sun: easy then hard").
_IN_TURN_RE: Final = re.compile(r"\s*(?:,|&|\band\b|\bthen\b|\bn\b)\s*")
_A_NUMBER_RE: Final = re.compile(r"\d")
_TAIL_LEAD_RE: Final = re.compile(r"^[\s,:;\-]*(?:(?:rpe|effort|efforts|were|was)\s+)*")


def _paired_efforts(low: str, days: tuple[date, ...]) -> dict[date, Intent]:
    """An effort for each day, in the order the days were said ("wed and thu, 5 and 6":
    Wednesday's 5, Thursday's 6); none unless there is exactly one for each day."""
    tail = _TAIL_LEAD_RE.sub("", listed_tail(low))
    said = [part for part in _IN_TURN_RE.split(tail) if part.strip()]
    if len(said) > len(days):  # "..., forgot to log, 5 and 6": the numbers are the efforts
        said = [part for part in said if _A_NUMBER_RE.search(part)]
    if len(said) != len(days):
        return {}
    efforts = [understand(f"done, {part}") for part in said]
    if any(e.kind is not _DONE or e.effort is None or e.report is not None for e in efforts):
        return {}
    return dict(zip(days, efforts, strict=True))


#: A day's session and how it went ("sat was easy", "sunday's one felt hard", "thu: 6").
_RATED_STRETCH_RE: Final = re.compile(
    r"\b(?:today|tdy|yesterday|yday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?"
    r"|weds?|thu|thurs|fri|sat|sun)(?:'?s)?(?:\s+(?:one|session|sesh))?\s*(?:was|felt|:|-|=)\s"
)
_NOT_A_SESSION: Final = frozenset({Cue.RUN, Cue.RACE})


def _rated_stretches(whole: Intent, message: Message) -> dict[date, Intent]:
    """Each past day said with how its session went ("did both this weekend, sat was easy
    sun was hard"): a done of each day with its effort; none unless two days or more are
    rated, and never of a run or race ("sat's long run was hard")."""
    if whole.kind not in (_DONE, IntentKind.UNKNOWN) or message.today is None:
        return {}
    low = message.low
    if whole.unclear is not None or whole.signs or not any(w in low for w in ("was", "felt", ":")):
        return {}
    if whole.kind is IntentKind.UNKNOWN and not _NOT_A_SESSION.isdisjoint(message.f.cues):
        return {}
    said = list(_RATED_STRETCH_RE.finditer(low))
    if len(said) < 2:
        return {}
    found: dict[date, Intent] = {}
    for n, match in enumerate(said):
        end = said[n + 1].start() if n + 1 < len(said) else len(low)
        stretch = low[match.end() : end]
        stop = _STRETCH_END_RE.search(stretch)
        stretch = stretch if stop is None else stretch[: stop.start()]
        day = day_said(match.group(0).split()[0].rstrip(":-="), message.today)
        intent = understand(f"done, {stretch}")
        if day is None or intent.kind is not _DONE or intent.effort is None:
            return {}
        found.setdefault(day, intent)
    return found if len(found) > 1 else {}


_STRETCH_END_RE: Final = re.compile(r"[.;!?]|,\s*(?:and\s+)?(?=\w+\s+(?:was|felt)\b)")


#: A break of this many days at most, from today, said beside a skip is those days' skips
#: ("no time today and won't manage tomorrow either, travelling").
_SKIPPED_BREAK_DAYS: Final = 2


def _whole_settings(
    found: tuple[Intent, ...], whole: Intent, message: Message, today: date | None
) -> tuple[Intent, ...]:
    """What a clause left open that the whole message says: a break's days said in another
    clause ("flying out on saturday, back on the 20th. pause me"), the city of a time
    zone ("flying to Singapore..., switch my timezone when I land"); a break of a day or
    two from today beside a skip is skips ("skipping today, tired. back tmrw"); the time
    of a reminder asked for in a clause of its own ("the reminder comes at 6 but can it be
    7:30": the clause that tells the time now asks none)."""
    if whole.kind is IntentKind.SET_REMINDER and whole.reminder_time is not None:
        # "...stop the morning texts at 6am, send at 8 instead": the clause that stops the
        # old time asks for the new one the whole message says
        found = tuple(
            replace(i, reminder_time=whole.reminder_time, reminder_off=False)
            if i.kind is IntentKind.SET_REMINDER
            and i.reminder_time is None
            and (not i.reminder_off or not whole.reminder_off)
            and i.unclear is None
            else i
            for i in found
        )
        timed = [i for i in found if i.kind is IntentKind.SET_REMINDER and i.reminder_time]
        if (
            len(timed) == 1
            and timed[0].reminder_time != whole.reminder_time
            and time_asked_apart(message.low)
        ):
            # "The reminder at 7am lands when I'm falling asleep. Can you send it at 18:30
            # instead?": the clause that tells the time now asks none; the whole's is asked
            found = tuple(
                replace(i, reminder_time=whole.reminder_time) if i is timed[0] else i for i in found
            )
    if (
        whole.kind is IntentKind.RACE_DATE
        and whole.race_date is not None
        and race_date_moved(message.low)
    ):
        # "my race was supposed to be on 22 may but it's been moved to 19 june": the
        # clause that moves it names no date of its own; the whole's is the new one
        found = tuple(
            replace(i, race_date=whole.race_date)
            if i.kind is IntentKind.RACE_DATE
            and i.race_date is None
            and not i.race_off
            and i.unclear is None
            else i
            for i in found
        )
    if today is None or len(found) < 2:
        return found
    kinds = {i.kind for i in found}
    if IntentKind.PAUSE in kinds and whole.kind is not IntentKind.PAUSE:
        said = pause_said(message.low, today)
        if said is not None and said.unclear is None and (said.first or said.last) is not None:
            # "in New York for work till the 12th, can you ... pause while I'm away": the 12th
            found = tuple(
                replace(
                    i,
                    pause_from=said.first or i.pause_from,
                    pause_until=said.last or i.pause_until,
                )
                if i.kind is IntentKind.PAUSE
                and i.unclear is None
                and (
                    (i.pause_from is None and said.first is not None)
                    or (i.pause_until is None and said.last is not None)
                )
                else i
                for i in found
            )
    if whole.kind is IntentKind.PAUSE and whole.unclear is None:
        found = tuple(  # "in Madrid till the 12th, can you pause me": until the 12th
            replace(
                i,
                pause_from=i.pause_from or whole.pause_from,
                pause_until=i.pause_until or whole.pause_until,
            )
            if i.kind is IntentKind.PAUSE and i.unclear is None
            else i
            for i in found
        )
    if whole.kind is IntentKind.SET_TIMEZONE and whole.timezone_text is not None:
        found = tuple(
            replace(i, timezone_text=whole.timezone_text)
            if i.kind is IntentKind.SET_TIMEZONE and i.timezone_text is None
            else i
            for i in found
        )
    skipped = {i.log_day or today for i in found if i.kind is IntentKind.SKIPPED}
    if today not in skipped:
        return found
    out: list[Intent] = []
    for intent in found:
        first, last = intent.pause_from or today, intent.pause_until
        short = (
            intent.kind is IntentKind.PAUSE
            and intent.unclear is None
            and first == today
            and last is not None
            and 0 <= (last - today).days < _SKIPPED_BREAK_DAYS
        )
        if not short:
            out.append(intent)
            continue
        assert last is not None
        days = [today + timedelta(days=n) for n in range((last - today).days + 1)]
        out += [Intent(IntentKind.SKIPPED, log_day=d) for d in days if d not in skipped]
    return tuple(out)


def _flags(intents: tuple[Intent, ...]) -> frozenset[RedFlag]:
    return frozenset().union(
        *(i.signs | (i.report.red_flags if i.report else set()) for i in intents)
    )


def _whole_reports(
    text: str, today: date | None, found: tuple[Intent, ...], whole: Intent, message: Message
) -> tuple[Intent, ...]:
    """The body reports of a message of several requests, read from the stretch of words of
    each area (``body.area_groups``), not from the request clauses: a clause cut at "and"
    or "but" loses the feeling ("swollen | and sore") or the side ("hips stiff | but both
    sides tighter today"). A warning sign the clauses lost makes the whole message one
    report, as before; beside one, "what should I do?" is answered by the warning."""
    wanted = whole.report.red_flags if whole.report is not None else frozenset()
    if not message.areas:
        return found
    apart = None
    said = [i.report for i in found if i.kind is IntentKind.BODY_REPORT]
    if said and (len(message.areas) > 1 or said != [whole.report]):
        apart = segment_reports(text, today, message, single=True)
    if (
        apart is not None
        and whole.kind is IntentKind.BODY_REPORT
        and whole.report is not None
        and len({area for _, area in message.areas}) == 1
    ):  # one area: the whole message is its report ("shin sore, one spot on the bone,
        # hopping on that leg hurts"), whatever clause said the sign or the worst feeling
        apart = ([whole.report], apart[1])
    logged = {i.report.area for i in found if i.kind in _LOGS and i.report is not None}
    reports = (
        [Intent(IntentKind.BODY_REPORT, report=r) for r in apart[0] if r.area not in logged]
        if apart is not None
        else []
    )
    others = tuple(i for i in found if i.kind is not IntentKind.BODY_REPORT)
    if reports and wanted <= _flags((*reports, *others)):
        found = (*reports, *others)
    elif not wanted <= _flags(found):
        return (whole,)
    if _flags(found):
        found = tuple(i for i in found if i.kind is not IntentKind.TODAY)
    return tuple(sorted(found, key=lambda i: _RANK.get(i.kind, len(_ORDER))))


#: A clause that is only a day ("tomorrow's", "and saturday?"), after a question of a day.
_WHOSE_DAYS: Final = frozenset(
    {"tomorrow", "tmrw", "today", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday"}
)  # fmt: skip
_BARE_DAY_RE: Final = re.compile(
    r"\s*(?:and\s+|also\s+|what\s+about\s+|n\s+)?(?:what'?s\s+|whats\s+|what\s+is\s+)?"
    r"(?:for\s+|on\s+)?((?:tomorrow|tmrw|today"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs|fri"
    r"|sat|sun)(?:'?s)?)(?:\s+(?:one|session|too))?\s*\??\s*"
)
_CARRIED_FROM: Final = frozenset({IntentKind.TODAY, IntentKind.UNKNOWN})


#: A done said again today after another day's ("did it wednesday and again today").
_AGAIN_TODAY_RE: Final = re.compile(
    r"(?:(?:and|then)\s+)?(?:did\s+it\s+|done\s+it\s+)?(?:again|once\s+more)\s+"
    r"(?:today|this\s+(?:morning|afternoon|evening)|tonight)(?:\W.*)?"
)


#: A clause that rates today after another day's log ("today a 6", "and today's 7").
_TODAY_RATED_RE: Final = re.compile(
    r"(?:and\s+)?(?:today|today'?s|todays|this\s+morning)\s+(?:too\s+|as\s+well\s+|also\s+)?"
    r"(?:was\s+)?(?:(?:effort|rpe)\s+(?:of\s+|was\s+)?)?(?:an?\s+)?(?:10|[0-9])\b"
)
#: A day's plan asked for in a clause ("please tell me the plan for Monday"): no log.
_PLAN_ASKED_RE: Final = re.compile(
    r"\b(?:plan|tell\s+me|show\s+me|what'?s\s+on|whats\s+on|what\s+is\s+on|schedule)\b"
)
#: A day said as a stay's end or a time span, not a session's: "till monday", "since
#: tuesday", "back on friday", said with a subject of its own ("I'm in town till monday").
_NOT_A_SESSION_DAY_RE: Final = re.compile(
    r"\b(?:till|until|untill|til|since|back\s+on|back|by)\s+(?:next\s+|this\s+|the\s+)?"
    r"(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|[0-9])"
    r"|\b(?:race|racing|marathon)\b"  # "also thinking of racing on the 28th": the race's day
)


def _carried(
    clauses: list[str], intents: list[Intent], today: date | None
) -> list[tuple[str, Intent]]:
    """A clause naming another day's session with no verb of its own, after a done, is done
    too ("did sat's jumps, 7/10, and sun's mobility, 3/10"): the verb carries over."""
    said = list(zip(clauses, intents, strict=True))
    if today is None:
        return said
    for index in range(1, len(said)):  # "what's today's session and tomorrow's": both asked
        part, intent = said[index]
        if intent.kind is IntentKind.UNKNOWN and said[index - 1][1].kind in _ASKS_DAYS:
            bare = _BARE_DAY_RE.fullmatch(part.lower())
            if bare is not None:
                day = bare.group(1).removesuffix("'s")
                if day.endswith("s") and day[:-1] in _WHOSE_DAYS:  # "whats tomorrows"
                    day = day[:-1]
                said[index] = (part, understand(f"what's on {day}?", today))
    said = _skips_carried(said, today)
    for index in range(1, len(said)):
        part, intent = said[index]
        before = said[index - 1][1]
        if intent.kind not in _CARRIED_FROM or before.kind is not IntentKind.DONE:
            continue
        low = part.lower()
        if _NOT_A_SESSION_DAY_RE.search(low) or _PLAN_ASKED_RE.search(low):
            continue  # "and I'm in town till monday", "tell me the plan for monday": no log
        if before.log_day is not None and _AGAIN_TODAY_RE.fullmatch(low.strip(" !.,")):
            # "did it wednesday and again today", "... and again today, a 6": its own effort
            message = analyse(part, today)[1]
            own = [v for _, v in message.ratings] if message is not None else []
            effort = own[0] if len(own) == 1 else None
            said[index] = (part, Intent(IntentKind.DONE, effort=effort))
            continue
        day = log_day(low, today)
        if day is None and before.log_day is not None and _TODAY_RATED_RE.match(low.strip()):
            day = today  # "did monday, 5, ... today a 6": today's, with its own effort
        if day is None or day == (before.log_day or today):
            continue
        if _NOT_DAY_RE.search(low):  # "did it monday but not tuesday": tuesday skipped
            said[index] = (part, Intent(IntentKind.SKIPPED, log_day=None if day == today else day))
            continue
        message = analyse(part, today)[1]
        ratings = [] if message is None else message.ratings
        effort = ratings[0][1] if ratings else None
        said[index] = (
            part,
            Intent(IntentKind.DONE, effort=effort, log_day=None if day == today else day),
        )
    return _rated_next(said, today)


#: A break still to come in a clause ("monday till friday", "away from next week"): no
#: past day skipped.
_BREAK_AHEAD_RE: Final = re.compile(
    r"\b(?:pause|hold|stop|till|til|until|from|next|away|will|gonna|going|wont|won't|leaving"
    r"|flying|tomorrow|tmrw)\b"
)
_SKIP_CARRIED_TO: Final = frozenset({IntentKind.PAUSE, IntentKind.UNKNOWN, IntentKind.TODAY})


def _skips_carried(said: list[tuple[str, Intent]], today: date) -> list[tuple[str, Intent]]:
    """A clause naming a past day after a skip, with no verb of its own, is skipped too:
    "skipped yesterday (niece's birthday) and monday (work trip)" (its trip is the reason,
    no break from today)."""
    for index in range(1, len(said)):
        part, intent = said[index]
        before = said[index - 1][1]
        if intent.kind not in _SKIP_CARRIED_TO or before.kind is not IntentKind.SKIPPED:
            continue
        if before.log_day is None or before.log_day > today:
            continue  # "skipping today, and friday (wedding)": days ahead, not carried back
        low = part.lower()
        day = log_day(low, today)
        if day is None or day >= today or _BREAK_AHEAD_RE.search(low):
            continue
        if (today - day).days == _WEEK_DAYS:  # today's weekday ("skipped fri and sat", a Sat)
            said[index] = (part, Intent(IntentKind.SKIPPED))
            continue
        said[index] = (part, Intent(IntentKind.SKIPPED, log_day=day))
    return said


_WEEK_DAYS: Final = 7


#: A clause that only says how the session just logged went ("it felt good maybe a 4").
_HOW_IT_WENT_RE: Final = re.compile(
    r"^\s*(?:and\s+)?(?:it\s+|that\s+|which\s+)?(?:was|felt|feels|went)\b"
)


def _rated_next(said: list[tuple[str, Intent]], today: date) -> list[tuple[str, Intent]]:
    """A done with no effort takes the one rating of the clause right after it that only
    says how it went ("did the flow this morning and it felt good maybe a 4": a 4)."""
    for index in range(len(said) - 1):
        part, intent = said[index]
        after, next_intent = said[index + 1]
        if intent.kind is not _DONE or intent.effort is not None:
            continue
        if next_intent.kind not in _IDLE | _FINE or not _HOW_IT_WENT_RE.match(after.lower()):
            continue
        message = analyse(after, today)[1]
        if message is None or message.areas or len(message.ratings) != 1:
            continue
        said[index] = (part, replace(intent, effort=message.ratings[0][1]))
        said[index + 1] = (after, Intent(IntentKind.UNKNOWN))
    return said


def _whole_flags(found: tuple[Intent, ...], whole: Intent) -> tuple[Intent, ...]:
    """Every warning sign the whole message gives an area stays on that area's report,
    even when it was said in another clause ("ankle swelled up and got sore during the
    hops, stopped early"): a sign is never lost by cutting the message."""
    signs = whole.report.red_flags if whole.report is not None else frozenset()
    if not signs:
        return found
    area = whole.report.area if whole.report is not None else None
    elsewhere = frozenset().union(
        *(i.report.red_flags for i in found if i.report is not None and i.report.area is not area)
    )
    signs -= elsewhere & _LOCAL_NERVE  # "hamstring's tight, tingling in my foot": the foot's
    if not signs:
        return found
    return tuple(
        replace(i, report=replace(i.report, red_flags=i.report.red_flags | signs))
        if i.report is not None and i.report.area is area and not signs <= i.report.red_flags
        else i
        for i in found
    )


def _whole_side(found: tuple[Intent, ...], whole: Intent) -> tuple[Intent, ...]:
    """A report said without a side keeps the side the whole message gives its area, said
    in a clause of its own ("my shin is throbbing ... left one."): never lost by cutting."""
    said = whole.report
    if said is None or said.side is Side.NONE:
        return found
    return tuple(
        replace(i, report=replace(i.report, side=said.side))
        if i.report is not None and i.report.area is said.area and i.report.side is Side.NONE
        else i
        for i in found
    )


def _whole_severity(found: tuple[Intent, ...], whole: Intent) -> tuple[Intent, ...]:
    """A log's report of the area the whole message reports keeps the rating the whole
    message gives it, though said in another clause ("did it, knees a bit sore tho,
    nothing major 1/10")."""
    said = whole.report
    if said is None or said.severity is None or whole.kind not in _LOGS:
        return found
    return tuple(
        replace(i, report=replace(i.report, severity=said.severity))
        if i.kind is whole.kind
        and i.report is not None
        and i.report.area is said.area
        and i.report.severity is None
        and i.effort != said.severity  # "..., did today's session about a 4": the session's
        else i
        for i in found
    )


def _with_effort(part: Intent, whole: Intent) -> Intent:
    """A done part keeps the effort said in another part ("did it. effort about 5")."""
    if part.kind is _DONE and part.effort is None and whole.kind is _DONE:
        return replace(part, effort=whole.effort, effort_label=whole.effort_label)
    return part


def _story_day(
    found: tuple[Intent, ...], said: list[tuple[str, Intent]], whole: Intent
) -> tuple[Intent, ...]:
    """The one done of a story told of another day keeps the day the whole names when its
    own part names none ("so yesterday i went out with the club ... and then i got home and
    still did the hips session, probably a 7, whats on saturday": yesterday's)."""
    dones = [p for p, i in said if i.kind is _DONE]
    if len(dones) != 1 or sum(i.kind is _DONE for i in found) != 1:
        return found
    if _NOW_SAID_RE.search(dones[0].lower()):
        return found  # "yesterday was a rest day and i did the session this morning"
    if whole.log_day is not None and _day_only_of_the_body(said, whole.log_day):
        return found  # "done 7, and the soreness in my quads from monday is gone": today's
    return tuple(_with_day(dones[0], i, whole) if i.kind is _DONE else i for i in found)


def _day_only_of_the_body(said: list[tuple[str, Intent]], day: date) -> bool:
    """Whether ``day`` is named only in parts that tell of the body (a soreness "from
    monday"), none of them a log."""
    naming = [i for p, i in said if i.kind is not _DONE and _DAY_NAMED_RE.search(p.lower())]
    return bool(naming) and all(i.kind in _BODY_KINDS for i in naming)


_DAY_NAMED_RE: Final = re.compile(
    r"\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?'?s?|yesterday|yday"
    r"|the\s+[0-9]{1,2}(?:st|nd|rd|th))\b"
)


def _with_day(said: str, part: Intent, whole: Intent) -> Intent:
    """The one done part of a message with a contrast keeps the day the whole names when
    its clause names none ("the session last thursday, never logged it but i did do it")."""
    if part.kind is not _DONE or whole.kind is not _DONE or part.log_day is not None:
        return part
    if whole.log_day is None or _TODAY_SAID_RE.search(said.lower()):
        return part
    return replace(part, log_day=whole.log_day)


def _reports_apart(
    text: str, today: date | None, found: tuple[Intent, ...], message: Message
) -> tuple[Intent, ...]:
    """Several areas, each with its own words ("sore: quads 4, hip flexors 2", "left knee
    feels tight and my right hip is sore", "glutes recovered, quads still sore 3"), or said
    together ("hamstrings and glutes both sore"): one report each (``body.area_groups``),
    and an area said to have recovered is cleared. A warning sign goes with the report it
    is said of; when the reports apart would not carry every sign of the whole message,
    the whole message is one report, as before."""
    only = found[0]
    if (
        only.kind in _LOGS
        and only.report is None
        and only.unclear is None
        and message.areas
        and not RECOVERY_WORDS.isdisjoint(message.f.words)
    ):
        recovered = _cleared(today, message)  # "calf fine now, did today's, a 5"
        if recovered:
            return (Intent(IntentKind.FEELS_FINE, fine_areas=recovered), *found)
        return found
    if only.report is None or only.unclear is not None:
        return found
    apart = segment_reports(text, today, message)
    if apart is None:
        return found
    reports, cleared = apart
    if not reports or len(reports) + len(cleared) < 2:
        return found
    if not only.report.red_flags <= frozenset().union(*(r.red_flags for r in reports)):
        return found
    first = only if only.kind is not IntentKind.FEELS_FINE else Intent(IntentKind.BODY_REPORT)
    rest = [Intent(IntentKind.BODY_REPORT, report=r) for r in reports[1:]]
    fine = [Intent(IntentKind.FEELS_FINE, fine_areas=tuple(cleared))] if cleared else []
    return (replace(first, report=reports[0]), *rest, *fine)


def _cleared(today: date | None, message: Message) -> tuple[Area, ...]:
    """The areas a log message says have recovered, each in its own clause ("hamstring is
    fine now, did yesterday's session"): a change, not a state ("calf fine, did it")."""
    f, spans = message.f, message.tokens.spans
    cleared: list[Area] = []
    for hit, _ in message.areas:
        clause = f.clauses[hit.start]
        first = f.clauses.index(clause)
        last = len(f.clauses) - f.clauses[::-1].index(clause)
        intent, analysed = read_body(message.low[spans[first][0] : spans[last - 1][1]], today)
        if intent.kind is IntentKind.FEELS_FINE and analysed and says_change(analysed.f.words):
            cleared += intent.fine_areas
    return tuple(dict.fromkeys(cleared))


_TOO: Final = frozenset({"too", "also", "aswell"})


def _too(words: tuple[str, ...]) -> bool:
    """ "achilles too", "my hip as well": the area feels as the one before."""
    return not _TOO.isdisjoint(words) or any(
        w == "as" and words[i + 1 : i + 2] == ("well",) for i, w in enumerate(words)
    )


def _body_start(m: Message) -> int:
    """Character offset of the first body or feeling word of ``m``."""
    starts = [h.start for h, _ in m.areas] + [h.start for h in feeling_hits(m.f)]
    return m.char(min(starts)) if starts else 0


#: Signs of the nerves or the whole body: never tied to one area of several.
_SYSTEMIC: Final = frozenset(
    {RedFlag.SADDLE_NUMBNESS, RedFlag.BLADDER_BOWEL, RedFlag.NERVE_PAIN,
     RedFlag.NUMBNESS_TINGLING, RedFlag.WEAKNESS, RedFlag.UNWELL, RedFlag.LOW_ENERGY_SIGNS}
)  # fmt: skip


#: Signs that belong to one place: said in their own report beside another area's feeling
#: ("hamstring's tight, and tingling in my right foot"), unless the back, the buttock or the
#: whole leg is named (the nerve's way down: "low back pain and my bum feels numb").
_LOCAL_NERVE: Final = frozenset({RedFlag.NUMBNESS_TINGLING, RedFlag.WEAKNESS, RedFlag.NERVE_PAIN})
_NERVE_ROUTE: Final = frozenset({Area.LOWER_BACK, Area.GLUTES, Area.LEG})
#: Words that add a second, separate complaint ("also", "plus", "as well", "unrelated").
_ADDED: Final = frozenset({"also", "plus", "separately", "unrelated", "seperately", "aswell",
                    "additionally", "another"})  # fmt: skip


def _nerve_sign_apart(f: Features, groups: list[AreaGroup], whole: ReportSlots) -> bool:
    """Whether a nerve sign is said of one area, in its own stretch, while each other
    stretch has a feeling of its own (two reports, the sign with its area)."""
    if len(groups) < 2 or not whole.red_flags <= _LOCAL_NERVE:
        return False
    if any(a in _NERVE_ROUTE for _, _, g in groups for _, a in g):
        return False
    if _ADDED.isdisjoint(f.words):
        return False  # "hamstring went tight and now my foot is tingling": one story
    feelings = feeling_hits(f)
    signed = 0
    for start, end, _ in groups:
        own = [h for h in feelings if start <= h.start < end]
        if not own:
            return False
        signed += any(h.sense.flag is not None for h in own)
    return signed == 1


def segment_reports(
    text: str, today: date | None, message: Message, *, single: bool = False
) -> tuple[list[ReportSlots], list[Area]] | None:
    """The reports of a message naming several areas, one per area (``body.area_groups``),
    and the areas said to have recovered; None when it names one area (``single``: also
    then) or a sign is said with no area of its own."""
    f = message.f
    areas = message.areas
    if not areas or (len(areas) < 2 and not single):
        return None
    groups = area_groups(f, areas)
    if len(groups) < 2 and len(groups[0][2]) < 2 and not single:
        return None
    whole = message.report()
    several = len(groups) > 1 or len(groups[0][2]) > 1
    if (
        several
        and whole is not None
        and not _SYSTEMIC.isdisjoint(whole.red_flags)
        and not _nerve_sign_apart(f, groups, whole)
    ):
        return [whole], []  # "low back pain and my bum feels numb": one report, one triage
    spans = message.tokens.spans
    low = message.low
    logged = f.has(Cue.DONE, Cue.DID)  # "done 7/10, calf tight 3/10 and ...": the effort first
    reports: list[ReportSlots] = []
    cleared: list[Area] = []
    spare: list[int] = []  # ratings said after an area that is fine: the sore one's
    kept = [g for g in groups if not all(denied(f, h) for h, _ in g[2])]
    groups = kept if kept else groups  # "not my knee that's sore, my hamstring is tight"
    for start, end, group in groups:
        piece = low[spans[start][0] : spans[end - 1][1]]
        intent, analysed = read_body(piece, today)
        if analysed is None:
            continue
        if intent.signs:
            return None
        if intent.kind is IntentKind.FEELS_FINE or _all_fine(intent, analysed):
            if intent.kind is IntentKind.FEELS_FINE and says_change(analysed.f.words):
                cleared += intent.fine_areas
            spare += [] if logged else _rated_after_fine(analysed)
            continue
        report = analysed.report(from_char=_body_start(analysed) if logged else 0)
        if report is None and reports and _too(analysed.f.words):
            report = replace(reports[-1], area=group[0][1], side=own_side(f, group[0][0]))
        if report is None and reports and group[0][1] is Area.LEG and len(group) == 1:
            side = group[0][0].sense.side  # "quads sore, 3/10, both legs": their side
            if side is not None and reports[-1].side is Side.NONE:
                reports[-1] = replace(reports[-1], side=side)
            continue
        if report is None:
            continue
        if len(group) == 1:
            said = [report]
        else:  # "right glute and right hamstring both tight": each its own side
            named = [(h, a) for h, a in group if not denied(f, h)] or group  # not "no
            # problem with the knee, the shin feels sore"
            sides = _group_sides(f, named, report.side)
            said = [replace(report, area=a, side=s) for (_, a), s in zip(named, sides, strict=True)]
        reports += [r for r in said if all(r.area is not o.area for o in reports)]
    if len(reports) > 1 and any(r.area is not Area.LEG for r in reports):
        reports = [r for r in reports if r.area is not Area.LEG or r.red_flags]
    reports = _spare_rated(reports, spare)
    cleared = [a for a in dict.fromkeys(cleared) if all(a is not r.area for r in reports)]
    return reports, cleared


def _group_sides(f: Features, named: list[tuple[Hit, Area]], said: Side) -> list[Side]:
    """Each area's side in a group of areas said together: its own ("right glute and left
    hamstring"); the one side named in the group for all ("left calf and achilles sore");
    the side said after them ("glutes and hamstrings on the right"); never "both" of the
    areas ("calves and shins both sore")."""
    sides = [own_side(f, h) for h, _ in named]
    named_sides = set(sides) - {Side.NONE}
    if not named_sides and said in (Side.LEFT, Side.RIGHT):
        return [said] * len(named)
    if len(named_sides) == 1:
        return [named_sides.pop()] * len(named)
    return sides


def _all_fine(intent: Intent, m: Message) -> bool:
    """Whether a piece read as nothing says every area of it is fine ("but quads feel ok,
    maybe 5/10")."""
    return (
        intent.kind is IntentKind.UNKNOWN
        and bool(m.areas)
        and all(said_fine(m.f, h.end) for h, _ in m.areas)
    )


def _spare_rated(reports: list[ReportSlots], spare: list[int]) -> list[ReportSlots]:
    """The one unrated report takes a rating said after an area that is fine
    ("hamstrings wrecked but glutes are fine, about a 6")."""
    unrated = [k for k, r in enumerate(reports) if r.severity is None]
    if not spare or len(unrated) != 1:
        return reports
    rated = list(reports)
    rated[unrated[0]] = replace(rated[unrated[0]], severity=max(spare))
    return rated


def _rated_after_fine(m: Message) -> list[int]:
    """The ratings in a clause of their own after an area said to be fine ("glutes are
    fine, about a 6"), above the safe zone (2/10): no rating of a fine area, so the area
    that is not fine's."""
    f = m.f
    if not m.areas:
        return []
    last = max(h.end for h, _ in m.areas) - 1
    starts = [start for start, _ in m.tokens.spans]
    rated: list[int] = []
    for pos, value in m.ratings:
        word = next((k for k, start in enumerate(starts) if start >= pos), len(starts))
        if value <= SAFE_PAIN or word >= len(f.words):
            continue
        if word > last and f.clauses[word] != f.clauses[last]:
            rated.append(value)
    return rated


def _tried_out(part: str) -> bool:
    """A done clause that only tries an area out ("did some hops today, no pain at all"),
    beside a recovery the whole message says (``tried``)."""
    message = analyse(part)[1]
    return message is not None and only_tried_out(message.f)


_FORGOT_RE: Final = re.compile(
    r"\b(?:forgot|forget|forgotten|meant)\s+to\s+(?:log|record|tell|say)\b"
)


def _rating_only(part: str) -> bool:
    """Whether a clause is only an effort rating ("effort 5") or an aside about logging
    ("forgot to log it"), no done of its own."""
    if _FORGOT_RE.search(part.lower()):
        return True
    message = analyse(part)[1]
    return message is not None and not message.f.has(Cue.DONE, Cue.DID)


def _same_done(part: str, whole: Intent) -> bool:
    """A done clause naming no day of its own ("late but done"), in a message whose done
    is of a past day: that day's log again."""
    return whole.log_day is not None and _OWN_DAY_RE.search(part.lower()) is None


def _combined(said: list[tuple[str, Intent]], whole: Intent) -> tuple[Intent, ...]:
    if whole.kind is IntentKind.DONE and sum(i.kind is IntentKind.DONE for _, i in said) > 1:
        # "did it on Monday, forgot to say. effort 7": the rating is Monday's, not a log;
        # "did yesterday's at 10pm, late but done": a done naming no day of its own too
        said = [
            (part, i)
            for part, i in said
            if not (
                i.kind is IntentKind.DONE
                and i.log_day is None
                and (_rating_only(part) or _same_done(part, whole))
                and not _AGAIN_TODAY_RE.fullmatch(part.lower().strip(" !.,"))
                and not (whole.log_day is not None and _TODAY_RATED_RE.match(part.lower().strip()))
            )
        ]
    intents = [_with_effort(i, whole) for _, i in said]
    reported = [i for i in intents if i.kind is IntentKind.BODY_REPORT]
    if any(i.report is not None and i.kind not in _FINE for i in intents):
        # "glutes fine but quads smashed": the fine part is context, unless it says a
        # change ("IT band pain is gone but now my ankle is sore")
        areas = {i.report.area for i in intents if i.report}
        intents = [
            i
            for (part, _), i in zip(said, intents, strict=True)
            if i.kind not in _FINE
            or (
                i.kind is IntentKind.FEELS_FINE
                and i.fine_areas
                and areas.isdisjoint(i.fine_areas)
                and says_change(tokenise(normalise(part)[1]).words)
            )
        ]
    if any(i.kind not in _FINE for i in intents):
        # "knee's fine, hamstring's fine. done, 4": a state beside a log is context; only
        # a change ("calf recovered, did it") clears a hold
        parts = [part for part, _ in said] if len(intents) == len(said) else None
        intents = [
            i
            for index, i in enumerate(intents)
            if i.kind is not IntentKind.FEELS_FINE
            or parts is None
            or says_change(tokenise(normalise(parts[index])[1]).words)
        ]
    if whole.kind is IntentKind.PAUSE and whole.unclear is None and whole.pause_from is not None:
        # "travelling to Portugal on the 1st and back on the 15th, pause it": the whole
        # message dates the break; a zone for a trip that has not begun is not asked yet
        intents = [
            whole if i.kind is IntentKind.PAUSE else i
            for i in intents
            if not (i.kind is IntentKind.SET_TIMEZONE and i.timezone_text is None)
        ]
    if len(intents) == len(said):
        intents = _skips_of_the_done_day([p for p, _ in said], intents)
        intents = _skips_of_that_day([p for p, _ in said], intents)
    done_days = {i.log_day for i in intents if i.kind is IntentKind.DONE}
    # "done, skipped the hops": a day with a done and a skip is done (part of it was)
    intents = [i for i in intents if i.kind is not IntentKind.SKIPPED or i.log_day not in done_days]
    logs = [i for i in intents if i.kind in _LOGS]
    if logs and reported and logs[0].report is None:  # "did it, quads smashed after"
        report = reported[0].report
        if (
            report is not None
            and report.severity is not None
            and report.severity == logs[0].effort == whole.effort
            and whole.kind is _DONE
            and whole.report is None
        ):  # "did the jumps, legs already cooked so an 8": the whole reads the 8 as effort
            report = replace(report, severity=None)
        merged = replace(logs[0], report=report)
        intents = [merged if i is logs[0] else i for i in intents if i is not reported[0]]
    seen: dict[tuple[IntentKind, object, object, object, object], Intent] = {}
    for intent in intents:  # two questions may ask different things (or days); two
        # reports, two areas; two logs, two days
        area = (
            intent.report.area if intent.kind is IntentKind.BODY_REPORT and intent.report else None
        )
        key = (intent.kind, intent.topic, area, intent.log_day, intent.ask_day)
        first = seen.setdefault(key, intent)
        if first.kind is _DONE and first.effort is None and intent.effort is not None:
            # "done in the hotel, cramped but effort 4. in Lisbon now": one log, rated
            seen[key] = replace(first, effort=intent.effort, effort_label=intent.effort_label)
    if len(seen) < 2:
        return tuple(seen.values())
    return tuple(sorted(seen.values(), key=lambda i: _RANK.get(i.kind, len(_ORDER))))
