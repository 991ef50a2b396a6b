"""Short typed answers: command arguments, the set-up questions, and "which area is fine".

Pure: these used to live in ``bot.service`` (``account``, ``onboarding``, ``coach``). Each
reader returns the value the answer gives, or None when the text does not answer the
question (the service then asks again or skips); "no"/"off" words are told apart from
"not an answer" by ``says_off``.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Final

from bot.core.understanding.clock import parse_time
from bot.core.understanding.dates import last_date
from bot.core.understanding.races import no_race_had, weekly_run, without_long_run_days
from bot.core.understanding.rules import understand
from bot.core.understanding.subject import question_clauses
from bot.core.understanding.text import normalise, tokenise
from bot.core.understanding.words import word_set
from bot.core.vocabulary import Area, Equipment, Level

__all__ = [
    "OFF_WORDS",
    "SKIP_WORDS",
    "area_named",
    "desk_answer",
    "desk_said",
    "kit_answer",
    "level_answer",
    "parse_day",
    "parse_reminder_time",
    "restart_answer",
    "says_off",
    "says_skip",
    "words_of",
]

#: "/remind off", "/race none": the argument turns the setting off.
OFF_WORDS: Final = word_set("off none no stop clear cancel")
#: A set-up question skipped in words.
SKIP_WORDS: Final = word_set("skip later pass dunno next")
_LEVEL_WORDS: Final = {
    Level.BEGINNER: word_set("beginner new novice never start first"),
    Level.INTERMEDIATE: word_set("intermediate some bit occasional medium middle"),
    Level.ADVANCED: word_set("advanced experienced lots regular expert plenty"),
}
_KIT_WORDS: Final = {
    Equipment.BAND: word_set("band bands resistance loop"),
    Equipment.SMALL_WEIGHTS: word_set(
        "weight weights dumbbell dumbbells dumbell dumbells dumbel dumbels db dbs kettlebell"
        " kettlebells kettlebel kb kbs"
    ),
    Equipment.STEP: word_set("step box stairs bench"),
    Equipment.WALL: word_set("wall"),
}
#: A level named in the set-up buttons' own words ("some experience", "experienced").
_LEVEL_NAMES: Final = {
    "some experience": Level.INTERMEDIATE,
    "experienced": Level.ADVANCED,
    "new to jump work": Level.BEGINNER,
    "new to it": Level.BEGINNER,
}
_NOT_EXPERIENCED_RE: Final = re.compile(
    r"\b(?:not|no|never|hardly|barely|isn'?t|am\s+not)\s+(?:very\s+|that\s+|really\s+|at\s+all\s+)?"
    r"(?:experienced|advanced|expert|much\s+experience|experience)\b"
    r"|\b(?:little|limited|minimal|hardly\s+any|barely\s+any)\s+experience\b"
)  # "I have little experience with jumps": the cautious start
_LEVEL_NAMED_RE: Final = re.compile(
    r"(?<!\bno\s)(?<!\bnot\s)\b(some experience|experienced|new to jump work|new to it)\b"
)
#: Jump or strength work long ago and nothing since: new to it again ("a bit at school
#: years ago but nothing since", "used to, not for years").
_LAPSED_RE: Final = re.compile(
    r"\b(?:years|ages|decades?|a\s+long\s+time|long)\s+ago\b|\bat\s+(?:school|uni|college)\b"
    r"|\bas\s+a\s+(?:kid|child|teen(?:ager)?)\b|\bused\s+to\b"
    r"|\b(?:nothing|none|not|never|haven'?t)\b.{0,20}\b(?:since|for\s+years|in\s+years|in\s+ages)\b"
)
#: None of it said in a phrase ("haven't done any", "not really", "zero").
_NONE_DONE_RE: Final = re.compile(
    r"\b(?:haven'?t|have\s+not|hasn'?t|not)\s+(?:really\s+|ever\s+)?(?:done|tried)\b"
    r"|^\W*(?:no|nope|nah|none|nothing|zero|not\s+really|not\s+much)\b"
)
#: Years of it, not long ago ("for 5 years", "years of lifting"): experienced.
_YEARS_RE: Final = re.compile(
    r"\b(?:for|over)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|like\s+|over\s+)?"
    r"(?:[0-9]+\+?|a\s+few|a\s+couple\s+of|several|many|two|three|four|five|six|seven|eight"
    r"|nine|ten)\s+years\b|\byears\s+(?:of|now)\b|\bfor\s+years\b"
)
#: Months of it ("for 6 months", "a few weeks"): some experience.
_MONTHS_RE: Final = re.compile(
    r"\b(?:for|over)\s+(?:[0-9]+|a\s+few|a\s+couple\s+of|several|some|two|three|four|five"
    r"|six)\s+(?:months|weeks)\b|\bfor\s+a\s+(?:month|year)\b"
)
#: Running named with a length of time, and no jump or strength work: no level said.
_RUNNING_RE: Final = re.compile(r"\b(?:run|runs|running|runner|ran|jog\w*|marathons?|parkruns?)\b")
_JUMP_WORK_RE: Final = re.compile(
    r"\b(?:jump\w*|plyo\w*|hop\w*|bound\w*|strength|gym|lift\w*|weights?|crossfit|circuits?"
    r"|pilates|resistance|squats?|lunges?|drills?|sprints?)\b"
)
_NO_KIT: Final = word_set("none nothing no bodyweight")
#: Kit said not to be had ("no weights", "don't have a band").
_NO_ITEM_RE: Final = re.compile(
    r"\b(?:no|without|don'?t\s+have|haven'?t\s+got)\s+(?:a\s+|any\s+)?\w+"
)
_YES: Final = word_set("yes y yeah yep sure desk office sit sitting definitely")
_NO: Final = word_set("no n nope nah not active standing never")
#: A job on one's feet or a desk denied: no desk job ("I work on my feet all day",
#: "no desk for me").
_ON_FEET_RE: Final = re.compile(
    r"\bon\s+(?:my|our)\s+feet\b|\b(?:stand|walk|walking|moving|physical|manual)\b"
    r"|\b(?:no|not|don'?t|never|rarely|hardly)\s+(?:a\s+|at\s+a\s+|really\s+|much\s+)?"
    r"(?:desk|sit|office)\b"
)
_RACE_OFF: Final = word_set("no none nope off")
_NO_RACE_RE: Final = re.compile(
    r"\b(?:no|not|none)\s+(?:race|races|racing|planned|booked|yet|entered)\b"
)

_REMINDER_OFF: Final = word_set("no none off never")


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a short answer (commas and full stops split words)."""
    return frozenset(text.lower().replace(",", " ").replace(".", " ").split())


def says_off(text: str) -> bool:
    """A command argument that turns the setting off ("off", "none", "cancel")."""
    return text.strip().lower() in OFF_WORDS


def says_skip(text: str) -> bool:
    """A set-up answer that skips the question ("skip", "later", "dunno")."""
    return bool(words_of(text) & SKIP_WORDS)


def parse_day(text: str, today: date) -> date | None:
    """An ISO date or a date as runners write it ("12 April", "next Saturday")."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return last_date(text.lower(), today)


def parse_reminder_time(text: str) -> time | None:
    """A time of day as runners type it ("06:45", "7am", "half 7"); a bare hour is HH:00."""
    low = " ".join(text.lower().split())
    if low.isascii() and low.isdigit() and len(low) <= 2 and int(low) <= 23:
        return time(int(low), 0)
    compact = _COMPACT_TIME_RE.match(low)
    if compact is not None:  # "615 pls", "0630", "730pm": hours and minutes run together
        hour, minute = int(compact.group(1)), int(compact.group(2))
        if compact.group(3) == "pm" and hour < 12:
            hour += 12
        elif compact.group(3) == "am" and hour == 12:
            hour = 0
        return time(hour, minute)
    return parse_time(low)


#: A time answered as its digits run together ("615", "0630 please", "730pm").
_COMPACT_TIME_RE: Final = re.compile(
    r"^(?:at\s+)?(0?[0-9]|1[0-9]|2[0-3])([0-5][0-9])\s*(am|pm)?"
    r"(?:\s+(?:pls|please|plz|thanks|ta|thx|cheers))?[.!]?$"
)


def level_answer(text: str) -> Level | None:
    """The jump and strength experience a set-up answer names ("a bit", "beginner"): done
    long ago and nothing since is new to it again; years of it experienced, months of it
    some experience."""
    low = " ".join(text.lower().replace("’", "'").split())
    if _NOT_EXPERIENCED_RE.search(low):
        return Level.BEGINNER  # "not very experienced"
    if (named := _LEVEL_NAMED_RE.search(low)) is not None:  # "i said some experience": the
        return _LEVEL_NAMES[named.group(1)]  # button's own words win over the story
    if _LAPSED_RE.search(low) or _NONE_DONE_RE.search(low):
        return Level.BEGINNER
    said = words_of(low)
    if said & _LEVEL_WORDS[Level.BEGINNER]:
        return Level.BEGINNER
    found = [level for level, cues in _LEVEL_WORDS.items() if said & cues]
    timed = _YEARS_RE.search(low) or _MONTHS_RE.search(low)
    if timed and _RUNNING_RE.search(low):  # the years may be the running's, not the jumps'
        if found:  # "ran marathons for 10 years, some gym": the level word
            return found[0]
        if running_only(low):
            return None  # "running for years": no word of jump work, so it is asked again
    if _YEARS_RE.search(low):
        return Level.ADVANCED
    if _MONTHS_RE.search(low):
        return Level.INTERMEDIATE
    return found[0] if found else None


def asks_back(text: str) -> bool:
    """Whether a set-up answer opens as a question of the runner's own ("what is a
    resistance band?", "why do u need that?", as ``subject.question_clauses`` reads one):
    it answers nothing ("7:30?" does)."""
    tokens = tokenise(normalise(text)[1])
    return bool(tokens.words) and tokens.clauses[0] in question_clauses(
        tokens.words, tokens.clauses
    )


def running_only(text: str) -> bool:
    """Whether a set-up answer about jump work speaks of running alone ("been running
    for years"): a fine base, but no answer to how much jumping they have done."""
    low = text.lower()
    return bool(_RUNNING_RE.search(low)) and not _JUMP_WORK_RE.search(low)


def desk_answer(text: str) -> bool | None:
    """Whether a set-up answer says the runner sits at work (None: it says neither)."""
    if _ON_FEET_RE.search(text.lower().replace("’", "'")):
        return False
    said = words_of(text)
    if not said & (_YES | _NO):
        return None
    return bool(said & _YES)


#: Words that put a job or sitting in an answer to another question ("some plyo, desk job").
_DESK_TOPIC_RE: Final = re.compile(
    r"\b(?:desk|office|sit|sitting|job)\b"
    # work as a job, not training ("strength work at the gym", "working out")
    r"|(?<!strength\s)(?<!jump\s)(?<!plyo\s)(?<!gym\s)(?<!core\s)(?<!band\s)(?<!hip\s)"
    r"(?<!track\s)(?<!hill\s)(?<!speed\s)(?<!foot\s)(?<!leg\s)(?<!weights\s)"
    r"\b(?:work|works|working)\b(?!\s+out)"
)


def desk_said(text: str) -> bool | None:
    """``desk_answer`` for an answer to another set-up question, only when it speaks of a job
    or sitting ("some plyo experience, desk job"); a bare "yes" or "no" there says nothing."""
    low = text.lower().replace("’", "'")
    return desk_answer(low) if _DESK_TOPIC_RE.search(low) else None


_START_OVER_RE: Final = re.compile(
    r"\b(?:start(?:ing)? (?:over|again|afresh)|restart|redo|from scratch)\b"
)
_KEEP_RE: Final = re.compile(r"\b(?:keep|kept|leave it|no thanks|nah|nope|cancel)\b|^no\b")


def restart_answer(text: str) -> bool | None:
    """The typed answer to "go through set-up again?": True to start over ("start over",
    "yes, redo it"), False to keep the plan ("keep my plan", "no"), None when neither."""
    low = " ".join(text.lower().replace("’", "'").split())
    if _START_OVER_RE.search(low):
        return True
    if _KEEP_RE.search(low):
        return False
    said = words_of(low)
    return True if said & _YES_WORDS else None


_YES_WORDS: Final = word_set("yes y yeah yep yup sure ok okay please")


def kit_answer(text: str) -> frozenset[Equipment] | None:
    """The kit a set-up answer names; empty for "none"; None when it names nothing."""
    low = " ".join(text.lower().replace("’", "'").split()).replace("body weight", "bodyweight")
    said = words_of(_NO_ITEM_RE.sub(" no ", low))  # "no weights, just a band": the band
    kit = frozenset(kit for kit, cues in _KIT_WORDS.items() if said & cues)
    if kit:
        return kit
    return frozenset() if said & _NO_KIT else None


_LONG_RUN_RE: Final = re.compile(r"\blong\s+(?:run|one|runs)\b")
_A_RACE_RE: Final = re.compile(r"\b(?:race|racing|marathon|half|10k|5k|ultra|event)\b")


def race_answer(text: str, today: date) -> date | bool | None:
    """A race date; False for "no race" ("nope", "none planned", "no races this year",
    not "a band and a step, no weights"); None when the answer is neither."""
    low = text.lower()
    if ((first := low.split()[:1]) and words_of(first[0]) & _RACE_OFF) or _NO_RACE_RE.search(low):
        return False
    if weekly_run(low):
        return None  # "I do parkrun every saturday": no race date; asked again
    if no_race_had(low):
        return False  # "i don't have a race, long run on sundays"
    if _LONG_RUN_RE.search(low) and not _A_RACE_RE.search(low):
        return None  # "long run sunday": the running week, no race date; asked again
    return last_date(without_long_run_days(low), today)  # not the long run's day


def reminder_answer(text: str) -> time | bool | None:
    """A reminder time; False for "no reminders"; None when the answer is neither. An hour
    said first, with only words of assent after it, is that hour ("7 is fine i said that
    already", "6:30 pls")."""
    if words_of(text) & _REMINDER_OFF:
        return False
    said = parse_reminder_time(text)
    first = _HOUR_FIRST_RE.match(text.lower())
    if said is None and first is not None and words_of(first.group(2)) <= _ASSENT:
        return parse_reminder_time(first.group(1))
    rest = words_of(first.group(2)) if said is None and first is not None else frozenset()
    if rest & _EVENING and rest <= _ASSENT | _EVENING | {"at"}:  # "8 in the evening"
        hour = parse_reminder_time(first.group(1)) if first is not None else None
        return hour.replace(hour=hour.hour + 12) if hour is not None and hour.hour < 12 else hour
    return said


_EVENING: Final = frozenset({"evening", "evenings", "night", "pm", "tonight"})


#: An hour said first in an answer ("7 is fine", "6:30 pls").
_HOUR_FIRST_RE: Final = re.compile(r"\s*(?:at\s+)?([0-9]{1,2}(?:[:.][0-9]{2})?)\b(.*)$")
_ASSENT: Final = frozenset(
    {"again", "already", "as", "be", "before", "best", "cheers", "fine", "for", "good",
     "great", "i", "id", "ideal", "is", "like", "lol", "me", "ok", "okay", "perfect", "please",
     "pls", "plz", "prefer", "said", "sounds", "still", "ta", "thanks", "that", "thats",
     "then", "thx", "works", "would", "yeah", "yep", "yes",
     # "8 in the morning pls", "7 every day"
     "in", "the", "morning", "mornings", "every", "each", "day", "daily"}
)  # fmt: skip


def area_named(text: str) -> Area | None:
    """The body area a short text names ("/clear left knee", "hamstring"), else None."""
    wanted = text.strip().lower().replace(" ", "_")
    for area in Area:
        if wanted in (area.value, area.label.lower().replace(" ", "_")):
            return area
    intent = understand(f"my {text.strip()[:64]} is sore".replace("fine", "sore"))
    return intent.report.area if intent.report else None
