"""The coach's answers to common questions (``content/faq.yaml``) and the matcher that finds one.

Matching is lexical, with rapidfuzz: the message and every phrasing are reduced to their
content words (lower case, apostrophes dropped, a plural "s", an "-ing" and an "-ed" cut, a
few words of one meaning made one, "plyos" and "hops" are "jump"; stop words such as "can",
"I", "it", "session" left out); a word of the message a typo away from a word of the file
(``fuzz.ratio`` 85) is read as that word. Two scores compare the message with a phrasing:
``fuzz.token_sort_ratio`` on the sorted words (word order and small typos cost little) and
a weighted overlap (Dice) of their words, where a word the file says about one topic
("hotel") weighs more than one it says about many ("run") and a word it never says weighs
most. A phrasing sharing too little weighted meaning (under 40) is never taken, however
alike its letters; of the rest, the one ranked best (letters alike plus twice the overlap)
wins when the higher of its two scores is at least :data:`QUESTION_CUTOFF` on a question (a
"?" or a question word first), or :data:`STATEMENT_CUTOFF` on anything else ("kids keep
interrupting"), and no request in the file's ``requests:`` list (the commands' own
phrasings, "what's today's session") scores as high: a command-like message is left to the
command.

:func:`eligible` says which understood messages may be answered from the FAQ at all: never
one with a warning sign or a body report (triage and reports win; a feeling only supposed in
a one-sentence question is no report: "ok to do it if my calves are sore?"), never a setting change
(reminder, time zone, race, pause; a resume only when it asks when: "had a baby 8 weeks
ago, when can I start?"); an unknown message always; a today, help, greeting, thanks,
progress or history request, or a log (with an effort number only when
the question is a clause of its own), only when it reads as a question ("can I swap
today's session for yoga?", "I missed a week, what now?").
The coach logs a "done" and answers its question too; any other answered message does only
that (a question about skipping logs no skip).

Pure: no I/O; ``bot.core.content`` reads the file and hands its data to :func:`parse_faq`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Final, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from rapidfuzz import fuzz, process

from bot.core.understanding import Intent, IntentKind, PlanTopic, understand
from bot.core.understanding.questions import asks_permission
from bot.core.understanding.rules import clocks_change, tightness_asked
from bot.core.understanding.text import EMOJI, spoken
from bot.core.vocabulary import ReportKind

__all__ = [
    "MAX_ANSWER",
    "MIN_ANSWER",
    "MIN_ENTRIES",
    "MIN_PHRASINGS",
    "QUESTION_CUTOFF",
    "STATEMENT_CUTOFF",
    "Faq",
    "FaqEntry",
    "eligible",
    "is_question",
    "normalise",
    "parse_faq",
]

MIN_PHRASINGS = 3
MIN_ANSWER = 60
MAX_ANSWER = 500
#: The shipped file must hold at least this many questions (tests check it).
MIN_ENTRIES = 30
QUESTION_CUTOFF = 62.0
STATEMENT_CUTOFF = 80.0
#: Words that end in "ing" but are no verb's "-ing" form.
_ING_WORDS = frozenset({"evening", "morning", "nothing", "anything", "something", "ceiling"})
#: A message's word not in the file is read as the file's word it is a typo of
#: (``fuzz.ratio`` this high), when it is longer than this many letters.
_SAME_WORD_TYPO = 85.0
_TYPO_LENGTH = 4
#: The least weighted overlap (``Faq._overlap``) a phrasing alike in letters must also have.
_LEAST_OVERLAP = 40.0
#: How much more the shared meaning counts than letters alike when choosing a phrasing.
_OVERLAP_RANK = 2.0
#: Words of one meaning for the matcher (after the plural and "-ing" are cut).
_SAME_MEANING = {
    "plyo": "jump", "plyometric": "jump", "hop": "jump", "bound": "jump", "jumpy": "jump",
    "msg": "message", "text": "message", "notification": "message",
    "programme": "plan", "program": "plan",
    "workout": "exercise", "move": "exercise",
    "physio": "physiotherapist",
    "pregnant": "pregnancy", "postpartum": "birth", "baby": "birth", "newborn": "birth",
    "fifty": "age", "sixty": "age", "seventy": "age", "eighty": "age", "older": "age",
    "sick": "ill", "illness": "ill", "poorly": "ill", "unwell": "ill",
    "bedtime": "evening", "night": "evening", "nighttime": "evening",
    "calve": "calf", "mid": "during", "midway": "during",
    "wk": "week", "yr": "year", "tore": "tear", "torn": "tear",
    "trip": "travel", "travell": "travel", "hotel": "travel",
    "tarmac": "concrete", "asphalt": "concrete", "pee": "leak", "urine": "leak",
    "xma": "holiday", "christma": "holiday", "hol": "holiday",
    "puppy": "dog", "pup": "dog", "doggo": "dog", "broke": "break", "broken": "break",
    # the session's strength exercises by name ("the copenhagen thing hurts"): an exercise
    "copenhagen": "exercise", "plank": "exercise", "squat": "exercise", "lunge": "exercise",
    "bridge": "exercise", "clamshell": "exercise", "clam": "exercise", "deadlift": "exercise",
    "thrust": "exercise", "rdl": "exercise", "raise": "exercise", "adductor": "exercise",
}  # fmt: skip

#: Where a message splits into clauses for a second try, and the content words a clause
#: needs to be tried on its own.
_CLAUSE_BREAK = re.compile(
    "\\s*(?:[,;.!?" + EMOJI + "]+|\\s(?:but|and|so|also|btw|anyway|anyways|plus)\\s)\\s*",
    re.IGNORECASE,
)
_CLAUSE_WORDS = 2
#: Where a second question starts (:meth:`Faq.also_asked`), and the words it needs.
_SECOND_ASKED = re.compile(
    r"\?+\s*|\s+(?:and|also|plus|or|n|&)\s+(?=(?:also\s+)?(?:can|could|should|is|are|do|does|will|would"
    r"|how|what|whats|why|when|which|where|any)\b)|,\s*(?=(?:and\s+|also\s+)?(?:can|could|should|is"
    r"|do|does|will|how|what|whats|why|when|where)\b)",
    re.IGNORECASE,
)
_SECOND_WORDS = 3
#: Words that may open a question's piece before its asking word ("also do I need...").
_ALSO_WORDS = frozenset({"also", "and", "plus", "any", "where"})
#: Words that make a clause beside a command a question of its own ("also can I run after").
_ASKING_WORDS = frozenset(
    "can could should shall is are do does will would how what why when which ok okay".split()  # noqa: SIM905
)
#: The first words of a second question's piece (:meth:`Faq.also_asked`).
_OPENS_A_QUESTION = _ASKING_WORDS | _ALSO_WORDS
_AGE_SAID = re.compile(r"\b(?:im|i am|aged?)\s+[4-9][0-9]\b(?!\s*(?:/|min|km|k\b|mile|kg|sec|%))")
#: A return asked about as advice ("had a baby 8 weeks ago, when can I start?"), not a
#: request to resume ("back now, can you restart my plan?").
_WHEN_ASKED = re.compile(r"\b(?:when|how\s+soon|how\s+long\s+(?:until|till|before))\b")
_MARKUP = re.compile(r"<[A-Za-z/!]|&[A-Za-z#][A-Za-z0-9]*;")
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that carry no topic: question scaffolding, pronouns, the bot's own nouns.
STOP_WORDS = _words(
    """
    a about also alright am an and any anything are as at be been but can could coach did
    do does doing for from get got go had haha has have hey hi honestly how i id if im in is
    it its ive just kinda lol me mine my of ok okay on or our please pretty quite really
    session sessions shall should
    so still tbh that the there these this those to u us was we were what whats when
    though tho anyway actually stuff someone somebody lol honest
    which will with would you your
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
_QUESTION_WORDS = _words(
    """
    can could should shall is are am do does did will would what whats when where which who
    why how any anything may might must
    """
)
#: The question after an "if" ("if I miss a day, should I double up the next").
_IF_ASKED = re.compile(
    r"\b(?:should|shall|can|could|do|must)\s+(?:i|we)\b|\bis\s+it\b|\b(?:would|will)\s+(?:that|it)\s+be\b"
)
#: A question said after a statement, in a clause of its own ("..., is that normal").
_TRAILING_ASK = re.compile(
    "(?:[,.;!]|[" + EMOJI + "])\\s*(?:is|are|does|do|can|could|should"
    "|will|would|what\\s+(?:do|should|can)|how\\s+(?:do|should|can))\\s+(?:that|this|it|i|we)\\b"
)
#: Days gone by remembered ("back when I was 25", "back in 2019").
_LONG_PAST = re.compile(r"\bback\s+(?:when|in\s+(?:19|20)[0-9]{2})\b")
#: Who a "did" opening a question without a question mark asks about ("did you see...").
_ASKED_PEOPLE = _words("i you u we they he she")
#: Logs whose understood kind may still be a question ("I missed a week, what now?").
_ASKABLE = frozenset(
    {
        IntentKind.TODAY,
        IntentKind.HELP,
        IntentKind.GREETING,
        IntentKind.THANKS,
        IntentKind.PROGRESS,
        IntentKind.HISTORY,
        IntentKind.DONE,
        IntentKind.SKIPPED,
        IntentKind.PLAN_QUESTION,  # "missed monday, should I do 2 tomorrow?": advice, not the plan
        IntentKind.RESUME,  # "had a baby 8 weeks ago, when can I start again?": advice first
    }
)


#: Plan questions the plan itself answers (a day's session may still be advice).
_FROM_THE_PLAN = frozenset(
    {PlanTopic.JUMPS, PlanTopic.PHASE, PlanTopic.BLOCK, PlanTopic.WEEK, PlanTopic.WHY}
)


def _stem(word: str) -> str:
    """A light stem: "jumps", "jumping" and "jump" meet; "hopping" is "hop"; "missed" is
    "miss", "injuries" "injury"; a few words of one meaning are one ("plyos" is "jump")."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        word = word[:-1]
    if len(word) > 6 and word.endswith("ing") and word not in _ING_WORDS:
        word = _undouble(word[:-3])
    elif len(word) > 5 and word.endswith("ed") and not word.endswith("eed"):
        word = _undouble(word[:-2])
    return _SAME_MEANING.get(word, word)


def _undouble(word: str) -> str:
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "ls":
        return word[:-1]
    return word


#: Sayings whose words alone mean something else: "under the weather" is ill, and the
#: weather itself is no topic ("what's the weather in Leeds").
_SAYINGS = (
    (re.compile(r"\bunder\s+the\s+weather\b"), " ill "),
    (re.compile(r"\bpost[\s-]+(?:partum|natal)\b"), " postpartum "),  # "4 months post partum"
    # "at like 10pm", "around 9.30pm": a time late in the day is the evening
    (re.compile(r"\b(?:at\s+)?(?:like\s+|about\s+|around\s+)?(?:[6-9]|1[01])(?:[:.][0-5][0-9])?\s*pm\b"),
     " evening "),
)  # fmt: skip


def normalise(text: str) -> str:
    """The content words of ``text``, lower case and in order (the matcher's input); an
    age said ("I'm 67", "aged 58") is the word "age"; "under the weather" is "ill"; a late
    hour ("at like 10pm") is "evening"."""
    flat = _AGE_SAID.sub(" age ", text.lower().replace("’", "").replace("'", ""))
    for saying, meaning in _SAYINGS:
        flat = saying.sub(meaning, flat)
    words = (word for word in _WORD.findall(flat) if word not in STOP_WORDS)
    return " ".join(_stem(word) for word in words)


def is_question(text: str) -> bool:
    """Whether ``text`` reads as a question: a "?" anywhere or a question word first ("did"
    only before a person: "did you...", not "did both sessions"; "if" before an inverted
    question: "if I miss one should I...")."""
    if "?" in text:
        return True
    words = _WORD.findall(text.lower().replace("’", "").replace("'", ""))
    while len(words) > 1 and words[0] in _PLEASANTRIES:  # "thanks coach how long till...": asks
        words = words[1:]
    if words[:1] == ["did"]:  # "did you get it" asks; "did the day before's session" logs
        return words[1:2] != [] and words[1] in _ASKED_PEOPLE
    if words[:1] == ["if"]:  # "if I miss a day should I double up": the question inverted
        return _IF_ASKED.search(" ".join(words)) is not None
    if bool(words) and words[0] in _QUESTION_WORDS:
        return True
    return _TRAILING_ASK.search(text.lower()) is not None  # "a bit leaks out 🙈 is that normal"


#: Words that open a question without asking ("thanks coach 🙏 how long till results").
_PLEASANTRIES = frozenset(
    {"thanks", "thank", "you", "thx", "ty", "cheers", "ta", "coach", "mate", "hey", "hi",
     "hello", "yo", "ok", "okay", "so", "much", "lots", "great", "nice", "brilliant"}
)  # fmt: skip


def eligible(intent: Intent, text: str) -> bool:
    """Whether a message understood as ``intent`` may be answered from the FAQ."""
    if intent.signs or (intent.report is not None and intent.report.red_flags):
        return False
    if intent.report is not None and not (intent.kind is IntentKind.DONE and _asked_apart(text)):
        # "calves sore 4": a report; "if my calves are sore...?" asks; "done, calves sore
        # 3/10. how long until results?": the log and report, and the question after them
        return intent.kind is IntentKind.BODY_REPORT and _supposed(text) and is_question(text)
    if _LONG_PAST.search(text.lower()) and not is_question(text):
        return False  # "back when I ran a marathon I was fitter": a story, nothing asked
    if intent.kind is IntentKind.UNKNOWN:
        return True
    if intent.kind not in _ASKABLE:
        return False
    if intent.kind is IntentKind.PROGRESS and len(_WORD.findall(text.lower())) <= _SHORT_ASK:
        return False  # "how am I going?": the runner's progress, not "should I keep going"
    if intent.kind is IntentKind.RESUME and not _WHEN_ASKED.search(text.lower()):
        return False  # "back from my trip, can we restart?": the plan resumes
    if intent.effort is not None and not _asked_apart(text):
        return False  # "done 6/10 felt too easy": a log; "done, 6/10. how long to hold?": both
    if intent.kind is IntentKind.PLAN_QUESTION and intent.topic in _FROM_THE_PLAN:
        return False  # "when do the plyos start": the plan answers it, not an FAQ on shoes
    if (
        intent.kind is IntentKind.PLAN_QUESTION
        and intent.ask_day is not None
        and not asks_permission(text.lower().replace("’", "'"))
        and not _HABITUAL_DAY_RE.search(text.lower())
    ):
        return False  # "what's on monday week?": the plan's day, not advice
    return is_question(text) or _asked_apart(text)


#: A progress question this short is the progress itself ("how am I going?").
_SHORT_ASK: Final = 5


#: A weekday said as a habit ("pilates on wednesdays", "every thursday"), not a date asked.
_HABITUAL_DAY_RE = re.compile(
    r"\b(?:(?:every|each)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b"
    r"(?!\s+(?:session|workout|plan|one|class))"
)


#: What a message may say beside a question the FAQ answers (:meth:`Faq.answer_beside`).
_BESIDE = frozenset(
    {
        IntentKind.BODY_REPORT,
        IntentKind.FEELS_FINE,
        IntentKind.RACE_DATE,
        IntentKind.SET_TIMEZONE,
        IntentKind.SET_REMINDER,
        IntentKind.PAUSE,
    }
)
#: Parts of a message an FAQ answer beside a report or setting stands for (the question
#: clause read alone as "today" or nothing).
ANSWERED_KINDS = frozenset({IntentKind.TODAY, IntentKind.UNKNOWN})
#: Parts of a message with a done that the FAQ answer stands for ("how long until I see
#: results?" read alone is a progress request).
_ANSWERED_BESIDE_DONE = ANSWERED_KINDS | {IntentKind.PROGRESS}
#: Parts kept beside a question read whole: a done session and a report said with it.
_KEPT = frozenset({IntentKind.DONE, IntentKind.BODY_REPORT, IntentKind.FEELS_FINE})
#: A log said first ("done ✅", "did it!"), before what the message asks.
_LOG_OPENING = re.compile(r"^\s*(?:done|did\s+it|finished|completed)\b[^\w\s]*\s*", re.IGNORECASE)
#: A clause that only logs: a number, an effort word.
_LOG_CLAUSE = re.compile(
    r"^\s*(?:(?:done|did\s+it|did\s+(?:the|my|today'?s|yesterday'?s)\s+\w+|finished|completed)"
    r"(?:\s+(?:it|today|yesterday|this\s+morning|last\s+night))?"
    r"|(?:effort\s+)?[0-9]{1,2}(?:\s*/\s*10)?|easy|hard|moderate|tough|ok|fine)"
    r"(?:\s*[,;.!]*\s*(?:(?:effort\s+)?[0-9]{1,2}(?:\s*/\s*10)?(?:\s+effort)?|easy|hard|moderate"
    r"|tough))*\s*$",
    re.IGNORECASE,
)


def _clause_starts(text: str) -> list[int]:
    """Where each clause of ``text`` starts (``_CLAUSE_BREAK``)."""
    return [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text) if m.end() < len(text))]


def _asked(intent: Intent, text: str) -> str:
    """``text`` without a log said before what it asks ("did it yesterday, 7. whats
    today?" asks "whats today?")."""
    if intent.kind is not IntentKind.DONE and not _LOG_OPENING.match(text):
        return text
    starts = _clause_starts(text)
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        clause = _CLAUSE_BREAK.sub("", text[start:end]).strip()
        if not _LOG_CLAUSE.match(clause):
            rest = text[start:]
            break
    else:
        return text
    rest = _LOG_OPENING.sub("", rest, count=1) if start == 0 else rest
    return rest if normalise(rest) else text


def _question_after(text: str) -> str | None:
    """The text from the first clause after the first that reads as a question; else the
    first clause, when it asks and the setting comes after it."""
    starts = _clause_starts(text)
    for start in starts[1:]:
        rest = text[start:]
        if (is_question(rest) and "?" in rest) or _starts_asking(rest):
            return rest
        if _ASKED_WITHIN.match(rest.lower()):  # "... and is it ok to keep doing this"
            return rest
    first = text[: starts[1]] if len(starts) > 1 else ""
    if "?" in first and is_question(first):
        return first  # "is it bad if I stop the jumps in race week? race is 18 april"
    return None


def _starts_asking(text: str) -> bool:
    words = _WORD.findall(text.lower().replace("’", "").replace("'", ""))
    return bool(words) and words[0] in _QUESTION_WORDS and words[0] not in ("did", "is", "am")


#: A feeling supposed in a question's first clause ("is it ok to do it if my calves are
#: sore?", "if my legs are still sore from the weekend, should I still do it?").
_SUPPOSED_RE = re.compile(
    r"\b(?:if|in\s+case)\s+(?:my|the|your|i'?m|i\s+am|im|i\s+feel|you'?re)\b", re.IGNORECASE
)


def _supposed(text: str) -> bool:
    """Whether the body words of a question are only supposed ("if my legs are sore"): the
    "if" in the first clause and the message a question of one sentence."""
    first = _CLAUSE_BREAK.split(text, maxsplit=1)[0]
    if "?" not in text or re.search(r"[.!?]\s+\S", text.strip()):
        return False  # "calf sore. is it ok if I run?": a report, then a question
    found = _SUPPOSED_RE.search(text)
    return found is not None and (
        found.start() < len(first) or text.lstrip().lower().startswith("if")
    )


def _asked_apart(text: str) -> bool:
    """Whether a clause after the first is a question of its own ("did it, 6/10. how long
    should I hold the stretches?")."""
    later = [c for c in _CLAUSE_BREAK.split(text) if c.strip()][1:]
    if "?" in text:
        return any(is_question(clause) for clause in later)
    if any(  # typed without "?": "done todays 6 and can i go for a run tonight as well"
        _starts_asking(clause) or _ASKED_WITHIN.search(clause.lower()) for clause in later
    ):
        return True
    inside = _ASKED_INSIDE.search(text.lower())
    return inside is not None and inside.start() > 0  # "done 5/10 can i run later as well"


#: A question asked inside a clause typed without "?" ("too hard honestly can it be
#: dialled back a bit").
_ASKED_WITHIN = re.compile(
    r"\b(?:can|could|should|shall|do|does|will|would)\s+(?:i|it|we|you|that|this)\b"
)
#: A question inside a message typed as one run-on clause ("done 5/10 can i run later").
_ASKED_INSIDE = re.compile(
    r"\b(?:can|could|should|shall)\s+(?:i|we)\b|\bis\s+it\s+(?:ok|okay|fine|bad|safe|normal|worth)\b"
    r"|\bdo\s+i\s+(?:need|have\s+to)\b"
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Phrase = Annotated[str, Field(min_length=3, max_length=120)]


class FaqEntry(_Strict):
    """One question: its id, how it is usually put, its phrasings and the coach's answer."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,63}$")]
    question: Phrase
    phrasings: tuple[Phrase, ...] = Field(min_length=MIN_PHRASINGS)
    answer: Annotated[str, Field(min_length=MIN_ANSWER, max_length=MAX_ANSWER)]
    #: About doing something (a run, a class, the session): while an area is on hold, the
    #: hold's line follows the answer, since the answer alone does not know of it.
    activity: bool = False

    @field_validator("question", "answer", "phrasings")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        for text in value if isinstance(value, tuple) else (value,):
            if _MARKUP.search(text):
                raise ValueError(f"no HTML tags or entities in text: {text[:40]!r}")
        return value

    @field_validator("phrasings")
    @classmethod
    def _distinct(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        forms = [normalise(text) for text in value]
        if any(not form for form in forms):
            raise ValueError("a phrasing has no content words (only words like 'can I do it')")
        for index, form in enumerate(forms):
            if form in forms[:index]:
                raise ValueError(f"two phrasings say the same words: {value[index]!r}")
        return value


class _File(_Strict):
    faq: tuple[FaqEntry, ...]
    requests: tuple[Phrase, ...] = ()


#: Questions a rule recognises better than a phrasing's words can: their entry is the
#: answer whatever the phrasings score ("switch me to summer time" shares its words with
#: requests to move the reminder).
RECOGNISED: Final[Mapping[str, Callable[[str], bool]]] = {
    "clocks-change": clocks_change,
    "just-tight": tightness_asked,
}
#: Entries only a rule recognises: their phrasings are never matched (a tightness reported
#: beside another question is not "is it just tightness?").
RECOGNISED_ONLY: Final = frozenset({"just-tight"})


@dataclass(frozen=True, slots=True)
class Faq:
    """The questions, and the matcher over their phrasings."""

    entries: tuple[FaqEntry, ...] = ()
    requests: tuple[str, ...] = ()
    _forms: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _owners: tuple[FaqEntry, ...] = field(init=False, repr=False, compare=False)
    _request_forms: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _request_set: frozenset[str] = field(init=False, repr=False, compare=False)
    _weights: dict[str, float] = field(init=False, repr=False, compare=False)
    _vocabulary: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        phrasings = [  # an entry only a rule recognises is never matched by its phrasings
            (normalise(p), e)
            for e in self.entries
            if e.id not in RECOGNISED_ONLY
            for p in e.phrasings
        ]
        object.__setattr__(self, "_forms", tuple(form for form, _ in phrasings))
        object.__setattr__(self, "_owners", tuple(entry for _, entry in phrasings))
        requests = tuple(form for form in map(normalise, self.requests) if form)
        object.__setattr__(self, "_request_forms", requests)
        object.__setattr__(self, "_request_set", frozenset(requests))
        groups = [{w for p in e.phrasings for w in normalise(p).split()} for e in self.entries]
        groups.append({word for form in requests for word in form.split()})
        seen: dict[str, int] = {}
        for group in groups:
            for word in group:
                seen[word] = seen.get(word, 0) + 1
        weights = {word: math.log(1 + len(groups) / count) for word, count in seen.items()}
        object.__setattr__(self, "_weights", weights)
        object.__setattr__(self, "_vocabulary", tuple(sorted(weights)))

    def _known(self, query: str) -> tuple[str, ...]:
        """The query's words, each a word of the file when it is one a typo away; numbers
        the file never says are left out ("I'm 54", "back in 2023")."""
        words = []
        for said in query.split():
            if said.isdigit() and said not in self._weights:
                continue
            near = None
            if said not in self._weights and len(said) > _TYPO_LENGTH:
                near = process.extractOne(
                    said, self._vocabulary, scorer=fuzz.ratio, score_cutoff=_SAME_WORD_TYPO
                )
            words.append(said if near is None else near[0])
        return tuple(words)

    def _overlap(self, query: frozenset[str], form: str) -> float:
        """How much of their weight the query and a phrasing share (0-100): a weighted Dice
        score, where a word the file says about one topic ("hotel") weighs more than one
        it says about many ("run"), and a word it never says weighs most."""
        words = frozenset(form.split())
        weight = self._weights
        unknown = math.log(1 + 2 * (len(self.entries) + 1))
        shared = sum(weight.get(w, unknown) for w in query & words)
        if not shared:
            return 0.0
        total = sum(weight.get(w, unknown) for w in query) + sum(weight[w] for w in words)
        return 200.0 * shared / total

    @classmethod
    def empty(cls) -> Self:
        """No questions: nothing ever matches."""
        return cls()

    def _recognised(self, text: str) -> FaqEntry | None:
        """The entry a rule recognises ``text`` as asking (:data:`RECOGNISED`), if any."""
        low = text.lower()
        for entry_id, said in RECOGNISED.items():
            if said(low) and (entry := self._by_id(entry_id)) is not None:
                return entry
        return None

    def _by_id(self, entry_id: str) -> FaqEntry | None:
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    def by_id(self, entry_id: str) -> FaqEntry:
        """The entry with this id (KeyError when there is none)."""
        if (entry := self._by_id(entry_id)) is None:
            raise KeyError(entry_id)
        return entry

    def match(self, text: str) -> FaqEntry | None:
        """The question ``text`` asks, or None (no phrasing near enough, or a command).
        A question a rule recognises (:data:`RECOGNISED`) is that entry's, unmatched.

        A message of several clauses that matches nothing whole is tried clause by clause,
        each read as it is written (a question or not): "the squats are too hard, can I make
        them easier" asks what its second clause asks."""
        if (known := self._recognised(text)) is not None:
            return known
        clauses = _CLAUSE_BREAK.split(text) if _CLAUSE_BREAK.search(text) else []
        rest = [c for c in clauses if normalise(c) not in self._request_set]
        permitted = any(  # "just a sniffle. ok to do it today?": advice on the command
            asks_permission(c.lower()) for c in clauses if normalise(c) in self._request_set
        )
        if (
            len(rest) < len(clauses)
            and not permitted
            and not any(_ASKING_WORDS.intersection(_WORD.findall(c.lower())) for c in rest)
        ):
            return None  # "done. what did I do last week?": a log and a command, no question
        found = self._match_whole(text)
        if found is not None or not clauses:
            return found
        for clause in clauses:
            if len(normalise(clause).split()) >= _CLAUSE_WORDS:
                found = self._match_whole(clause)
                if found is not None:
                    return found
        return None

    def _match_whole(self, text: str, least: float | None = None) -> FaqEntry | None:
        query = normalise(text)
        forms = self._forms
        if not query or not forms or query in self._request_set:
            return None  # nothing to match, or a command's very wording ("what's on today?")
        asked = is_question(text)
        if not asked and len(_WORD.findall(text.lower())) < _CLAUSE_WORDS:
            return None  # "night!": a word said alone is no question
        cutoff = least if least is not None else QUESTION_CUTOFF if asked else STATEMENT_CUTOFF
        known = frozenset(self._known(query))
        best: tuple[float, float, int] | None = None  # rank, score, phrasing
        for index, form in enumerate(forms):
            overlap = self._overlap(known, form)
            if overlap < _LEAST_OVERLAP:
                continue  # letters alike, little meaning shared ("birth jump", "shoe jump bit")
            alike = fuzz.token_sort_ratio(query, form, processor=None)
            score = max(alike, overlap)
            rank = alike + _OVERLAP_RANK * overlap
            if score >= cutoff and (best is None or rank > best[0]):
                best = (rank, score, index)
        if best is None:
            return None
        _, score, index = best
        for form in self._request_forms:
            alike = fuzz.token_sort_ratio(query, form, processor=None)
            if max(alike, self._overlap(known, form)) >= score:
                return None  # as near a command's wording: the command answers
        return self._owners[index]

    def answer(self, intent: Intent, text: str) -> FaqEntry | None:
        """The question a message understood as ``intent`` asks, if it may be answered; a
        log said first ("did it yesterday, 7. what's today?", "done ✅ what did I do last
        week?") is left out of what is matched."""
        if not (intent.signs or intent.report) and (known := self._recognised(text)) is not None:
            return known  # "clocks go back sunday, anything I need to do?": not Sunday's plan
        if (
            intent.kind is IntentKind.DONE
            and not (intent.signs or intent.report)
            and "?" not in text
        ):
            too = _TOO_SAID_RE.search(text.lower())  # "done, but it felt way too easy"
            if too is not None:
                return self._by_id(f"too-{too.group(1)}")
        if not eligible(intent, text):
            return None
        found = self.match(_asked(intent, text))
        if found is not None and intent.kind is IntentKind.TODAY and _why_unasked(found, text):
            return None  # "can I still do the hip work today?": the day's plan, not "why hips"
        if found is None and intent.kind is IntentKind.DONE and "?" not in text:
            asked = _question_after(text)  # "did todays 2/10 piece of cake, can it be harder"
            inside = _ASKED_INSIDE.search(text.lower())
            if asked is None and inside is not None and inside.start() > 0:
                asked = text[inside.start() :]  # "done 5/10 can i run later today as well"
            found = None if asked is None else self.match(asked)
        return found

    def asked(
        self, intent: Intent, parts: tuple[Intent, ...], text: str
    ) -> tuple[FaqEntry | None, tuple[Intent, ...]]:
        """The question a message asks and the parts of it still acted on beside the
        answer (none: the answer is all). A done keeps every part ("done! can I run
        later?"); a report or setting said beside a question keeps all but the question
        clause (:meth:`answer_beside`); a question read whole keeps only the logs of done
        sessions and the reports said with it ("done, hard. hamstrings sore 4/10. how long
        until I see results?"), and skips of named days ("missed friday and saturday, can I
        catch up?"), never another skip ("missed a week, what now?" logs nothing)."""
        text = spoken(text)  # "...question mark": the punctuation a voice assistant typed
        question = _situated(self.answer(intent, text), text)
        if question is not None:
            if intent.kind is IntentKind.DONE:  # the question's own clause is answered
                return question, tuple(p for p in parts if p.kind not in _ANSWERED_BESIDE_DONE)
            if intent.report is not None:  # "ok to do it if my calves are sore?": supposed
                return question, ()
            today_said = _TODAY_SAID_RE.search(text.lower()) is not None
            return question, tuple(p for p in parts if _kept(p, today_said) and not p.signs)
        question = _situated(self.answer_beside(intent, text), text)
        if question is None:
            return None, parts
        return question, tuple(p for p in parts if p.kind not in ANSWERED_KINDS) or parts

    def also_asked(self, text: str, first: FaqEntry) -> FaqEntry | None:
        """A second question the message asks beside ``first``, in a piece of its own
        ("how often should I do it and do I need weights", "can I do it in the evening?
        and before or after my run"), or None: each piece after a "?", or before "and",
        "also", "or" or a comma that opens a question, is matched alone."""
        pieces = [p for p in _SECOND_ASKED.split(spoken(text)) if p and p.strip()]
        if len(pieces) < 2:
            return None
        found = [
            self.match(f"{piece.strip()}?")
            for piece in pieces
            if len(words := _WORD.findall(piece.lower())) >= _SECOND_WORDS
            and words[0] in _OPENS_A_QUESTION
        ]
        ids = [entry.id for entry in found if entry is not None]
        if first.id not in ids:
            return None  # the first question is no piece of its own: one question, read whole
        return next(
            (e for e in found if e is not None and e.id != first.id and _situated(e, text)), None
        )

    def questions(
        self, intent: Intent, parts: tuple[Intent, ...], text: str, today: date | None = None
    ) -> tuple[tuple[FaqEntry, ...], tuple[Intent, ...]]:
        """Every question the message asks that an answer covers (at most
        ``MOST_ANSWERS``), and the parts still acted on beside them: :meth:`asked`, a
        second question (:meth:`also_asked`), then any other piece of the message that
        asks one of its own ("did it at lunch, 6/10, can I do it in the evening next
        time?", "hotel next week, can I do it there? what shoes for jumps"). Never beside
        a warning sign (the sign is answered alone)."""
        first, kept = self.asked(intent, parts, text)
        found = [] if first is None else [first]
        if first is not None and (also := self.also_asked(text, first)) is not None:
            found.append(also)
        if intent.signs or any(p.signs or (p.report and p.report.red_flags) for p in parts):
            return tuple(found), kept
        if any(entry.id in _SITUATION_SAID for entry in found):
            return tuple(found), kept  # "pregnant, can I keep doing this?": one situation
        more = self._pieces_asked(spoken(text), kept, {e.id for e in found}, today)
        if more and not found:
            kept = tuple(p for p in kept if p.kind is not IntentKind.UNKNOWN)
        if found:
            kept = (*kept, *self._requests_apart(spoken(text), kept, today))
        return tuple([*found, *more][:MOST_ANSWERS]), kept

    def _requests_apart(
        self, text: str, kept: tuple[Intent, ...], today: date | None
    ) -> list[Intent]:
        """What the plan answers, asked in a piece of its own beside a question the FAQ
        answers ("hill reps tomorrow, can I still do the hips that day? what's tomorrow's
        session?", "do I need rest days? also show my history"): a piece no answer matches,
        read alone as a request for the plan or the records, of a kind not already kept."""
        pieces = _pieces(text)
        if len(pieces) < 2:
            return []
        have = {p.kind for p in kept}
        found: list[Intent] = []
        for piece, _ in pieces:
            words = _WORD.findall(piece.lower())
            if len(words) < 2 or self._match_whole(f"{piece}?", _PIECE_CUTOFF) is not None:
                continue
            said = understand(piece, today)
            if said.kind in _ASKED_APART and said.kind not in have:
                have.add(said.kind)
                found.append(said)
        return found

    def _pieces_asked(
        self, text: str, parts: tuple[Intent, ...], have: set[str], today: date | None
    ) -> list[FaqEntry]:
        """The questions asked in pieces of ``text`` of their own: a piece ending in "?" or
        opening with an asking word, of ``_PIECE_WORDS`` words or more, matched at
        ``_PIECE_CUTOFF``; not a piece the plan answers (a request of its own, or a day
        named while a day's plan is asked: "what's on sunday, is it a rest day")."""
        found: list[FaqEntry] = []
        days_asked = any(p.kind in _DAY_QUESTIONS for p in parts)
        for piece, asked in _pieces(text):
            words = _WORD.findall(piece.lower())
            while words and words[0] in _PIECE_FILLERS:
                words = words[1:]
            if len(words) < _PIECE_WORDS or not (asked or words[0] in _OPENS_A_QUESTION):
                continue
            if days_asked and not _DAY_WORDS.isdisjoint(words):
                continue
            if understand(piece, today).kind in _PLAN_ANSWERS:
                continue  # "whats on today", "remind me at 7": a request, not a question
            bare = _OPENER_RE.sub("", piece) or piece  # "random q: can you train with a cold"
            entry = _situated(self._match_whole(f"{bare}?", _PIECE_CUTOFF), text)
            if entry is not None and entry.id not in have:
                have.add(entry.id)
                found.append(entry)
        return found

    def answer_beside(self, intent: Intent, text: str) -> FaqEntry | None:
        """The question asked in a clause of its own after a report or a setting ("lower
        back sore 3, can I run the same day as the session?", "race is on the 20th! should
        I keep doing the sessions in race week?"), answered beside what the message says:
        never with a warning sign, never when the message is one request
        (:meth:`answer` reads those)."""
        if intent.kind not in _BESIDE or intent.signs:
            return None
        if intent.report is not None and intent.report.red_flags:
            return None
        question = _question_after(text)
        if question is None or understand(question).kind is IntentKind.PLAN_QUESTION:
            return None  # "when do the jumps come back in? ...": the plan answers it
        asked = question
        if len(normalise(asked).split()) < _CLAUSE_WORDS:
            asked = text  # "my achilles is sore, can I still do it?": the report is context
        found = self.match(asked)
        if found is None and asked is not text:
            found = self.match(text)  # "hip flexors tight again, is that my desk job?"
        if found is None and intent.report is not None:
            # "hamstring sore after the intervals, 4/10, should I still do today's session":
            # the question is asked of the feeling just reported, said plainly
            report = intent.report
            said = f"{report.area.value.replace('_', ' ')} {_FELT[report.kind]}"
            found = self.match(f"{said}, {question}")
        return found


#: Answers about a situation, given only when the message names it: a question near one of
#: their phrasings in other words ("can I hop now?") is not about a pregnancy.
_SITUATION_SAID: Final = {
    "pregnancy": re.compile(
        r"pregnan|preggo|preggers|expecting|trimester|\bbump\b|\bweeks?\s+gone\b|due\s+date"
        r"|\bdue\s+in\b|on\s+the\s+way|with\s+child|\bivf\b"
    ),
    "after-birth": re.compile(
        r"bab(?:y|ies)|birth|postpartum|post\s*partum|post-natal|postnatal|c[\s-]?section"
        r"|newborn|midwife|delivery|delivered|had\s+(?:my|a|our)\s+(?:son|daughter|little)"
        r"|(?:weeks?|months?)\s+old|breast\s*feed|nursing|\blabou?r\b|little\s+one|\bbub\b"
        r"|twins|mum|mom|mother"
    ),
    "leaking": re.compile(
        r"leak|\bpee|\bwee|bladder|pelvic|incontinen|wet\s+myself|dribbl|accident|tena\b"
    ),
}


#: The most common questions answered in one reply.
MOST_ANSWERS: Final = 3
#: Where a piece of a message that may ask a question of its own ends (:meth:`Faq.questions`).
_PIECE_BREAK: Final = re.compile(
    r"[?.!;]+\s*|\s+(?:and|also|plus|or|n|&|oh\s+and|but)\s+(?=(?:also\s+)?(?:can|could|should"
    r"|is|are|do|does|will|would|how|what|whats|why|when|which|where|any)\b)|,\s*(?=(?:and\s+"
    r"|also\s+|but\s+)?(?:can|could|should|is|do|does|will|how|what|whats|why|when|where)\b)",
    re.IGNORECASE,
)
_PIECE_WORDS: Final = 4
#: A piece's match must be this near (above the whole message's ``QUESTION_CUTOFF``): a
#: short follow-up ("does that count?") matches loosely.
_PIECE_CUTOFF: Final = 75.0
#: Words that open a piece before its question ("random q:", "also, quick question -").
_OPENER_RE: Final = re.compile(
    r"^\W*(?:(?:and|also|plus|oh|ok|so|but|just|btw|random|quick|another|one\s+more|other)\W+)*"
    r"(?:q|qn|question|thing)?\s*[:,\-]\s*",
    re.IGNORECASE,
)
_PIECE_FILLERS: Final = frozenset(
    {"and", "also", "plus", "oh", "ok", "so", "but", "n", "or", "just", "quick", "q", "btw"}
)
_DAY_WORDS: Final = frozenset(
    {"today", "tomorrow", "tmrw", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"}
)  # fmt: skip
_DAY_QUESTIONS: Final = frozenset({IntentKind.TODAY, IntentKind.PLAN_QUESTION})
#: Kinds whose own answer covers a piece (the plan, a command or a setting).
#: Requests kept beside an FAQ answer when asked in a piece of their own.
_ASKED_APART: Final = frozenset({IntentKind.PLAN_QUESTION, IntentKind.PROGRESS, IntentKind.HISTORY})
_PLAN_ANSWERS: Final = frozenset(
    {IntentKind.TODAY, IntentKind.PLAN_QUESTION, IntentKind.PROGRESS, IntentKind.HISTORY,
     IntentKind.HELP, IntentKind.SET_REMINDER, IntentKind.SET_TIMEZONE, IntentKind.RACE_DATE,
     IntentKind.PAUSE, IntentKind.RESUME}
)  # fmt: skip


#: The answer given beside a session skipped for a common illness of the runner's own.
ILLNESS_ANSWER: Final = "illness"
_ILL_RE: Final = re.compile(
    r"\b(?:i'?m|i\s+am|im|feeling|feel|been|got|have|caught|i'?ve\s+got|ive\s+got)\s+"
    r"(?:a\s+bit\s+|really\s+|so\s+|quite\s+)?(?:sick|ill|poorly|unwell|(?:a|the)\s+(?:cold|flu|bug|virus)"
    r"|flu|covid|a\s+chest\s+infection)\b|\bsick\s+with\b|\bdown\s+with\b"
)


def ill_said(text: str) -> bool:
    """Whether the runner says they are ill with a common illness ("i am sick with flu",
    "got a cold"): the illness answer goes with a skip (not someone else's: "sick kid")."""
    return _ILL_RE.search(text.lower()) is not None


def _pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` cut where a question may start: each piece, and whether a "?" ends it."""
    found: list[tuple[str, bool]] = []
    start = 0
    for cut in _PIECE_BREAK.finditer(text):
        found.append((text[start : cut.start()].strip(), "?" in cut.group(0)))
        start = cut.end()
    found.append((text[start:].strip(), False))
    return [(piece, asked) for piece, asked in found if piece]


def _situated(entry: FaqEntry | None, text: str) -> FaqEntry | None:
    """``entry``, unless it answers a situation the message never names (``_SITUATION_SAID``:
    "can I hop now?" is not about a pregnancy)."""
    if entry is None or (said := _SITUATION_SAID.get(entry.id)) is None:
        return entry
    return entry if said.search(text.lower()) else None


#: A session said to be too easy or too hard beside its log ("done, way too easy"): the
#: coach's answer to that goes with the log.
_TOO_SAID_RE: Final = re.compile(
    r"(?<!not\s)(?<!never\s)\b(?:way\s+|far\s+|a\s+bit\s+|bit\s+|much\s+|waaay\s+)?too\s+(easy|hard)\b"
)


#: What asks why ("why", "what's the point", "how come").
_WHY_ASKED_RE: Final = re.compile(r"\b(?:why|point|how come|what for|matter|reason)\b")


def _why_unasked(entry: FaqEntry, text: str) -> bool:
    """Whether ``entry`` answers a why the message never asks."""
    return entry.question.startswith("Why") and _WHY_ASKED_RE.search(text.lower()) is None


#: The feeling a report says, in the words a question about it would use.
_FELT = {ReportKind.PAIN: "hurts", ReportKind.SORENESS: "sore", ReportKind.TIGHTNESS: "tight"}


def _kept(part: Intent, today_said: bool) -> bool:
    """A part kept beside a question read whole: a done, a report, or a skip of a day the
    runner names ("missed friday and saturday, can I do two in one day?", "not doing it
    today, got a cold. can I even train with a cold?")."""
    skip = part.kind is IntentKind.SKIPPED and part.unclear is None
    if part.kind is IntentKind.THANKS:  # "thanks coach 🙏 how long till results": both
        return True
    if part.kind is IntentKind.SET_REMINDER and part.reminder_time and part.unclear is None:
        return True  # "not a morning person. can we move it to 7pm": the time is asked for
    return part.kind in _KEPT or (skip and (part.log_day is not None or today_said))


#: Today named ("not doing it today"): a skip of today said, not only asked about.
_TODAY_SAID_RE = re.compile(r"\b(?:today|todays|today's|tonight|tonite|2day)\b")


def parse_faq(data: Any) -> Faq:
    """The FAQ from a loaded ``faq.yaml``; ValueError naming the entry when it is unusable."""
    if not isinstance(data, dict) or not isinstance(data.get("faq"), list):
        raise ValueError("expected a top-level 'faq:' list")
    for index, raw in enumerate(data["faq"]):
        label = raw.get("id", f"entry #{index + 1}") if isinstance(raw, dict) else index + 1
        try:
            FaqEntry.model_validate(raw)
        except ValidationError as error:
            raise ValueError(f"faq '{label}': {_explain(error)}") from None
    try:
        parsed = _File.model_validate(data)
    except ValidationError as error:
        raise ValueError(_explain(error)) from None
    seen: set[str] = set()
    for entry in parsed.faq:
        if entry.id in seen:
            raise ValueError(f"faq '{entry.id}' is defined twice")
        seen.add(entry.id)
    return Faq(parsed.faq, parsed.requests)


def _explain(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in item['loc']) or 'entry'}: "
        f"{item['msg'].removeprefix('Value error, ')}"
        for item in error.errors()
    )
