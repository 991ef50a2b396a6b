"""Typed answers to the coach's questions: the guided report's ("right shin", "left",
"sore", "5"), the Done flow's pain question ("no pain", "a little, maybe 3/10") and the
morning check after a way-back session ("settled", "stiffer than yesterday").

A runner may type instead of tapping; each question's answer is read here, and anything
that is not one (a whole report with a warning sign, a question, a number off the 0-10
scale) gives None, so the message is understood as usual.
"""

from __future__ import annotations

import re
from datetime import date

from bot.core.comeback import Feel
from bot.core.understanding import understand
from bot.core.understanding.text import normalise
from bot.core.vocabulary import Area, ReportKind, Side

__all__ = [
    "area_answer",
    "kind_answer",
    "morning_feel",
    "pain_score",
    "scale_answer",
    "side_answer",
]

_SIDES = {
    "left": Side.LEFT,
    "l": Side.LEFT,
    "right": Side.RIGHT,
    "r": Side.RIGHT,
    "both": Side.BOTH,
    "both sides": Side.BOTH,
    "either": Side.BOTH,
    "neither": Side.NONE,
    "none": Side.NONE,
    "middle": Side.NONE,
    "center": Side.NONE,
    "centre": Side.NONE,
    "n/a": Side.NONE,
}
_KINDS = {
    ReportKind.TIGHTNESS: ("tight", "stiff", "tightness", "stiffness"),
    ReportKind.SORENESS: ("sore", "achy", "aching", "ache", "soreness", "doms"),
    ReportKind.PAIN: ("pain", "painful", "hurts", "hurting", "sharp"),
}
_SCALE = re.compile(r"(?:about |around |like |maybe )?(\d{1,2})(?: ?(?:/|out of) ?10)?")


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w/ ]", " ", normalise(text)[1]).split())


def side_answer(text: str) -> Side | None:
    """The side a typed answer names ("right", "both sides", "middle"), or None."""
    words = _words(text).removesuffix(" side").removesuffix(" one")
    return _SIDES.get(words)


def kind_answer(text: str) -> ReportKind | None:
    """Tight, sore or painful, from a typed answer of a word or two, or None."""
    words = set(_words(text).split())
    if not words or len(words) > 3:
        return None
    found = [kind for kind, names in _KINDS.items() if words & set(names)]
    return found[-1] if found else None  # pain > soreness > tightness, as in reports


def scale_answer(text: str) -> int | None:
    """A 0-10 rating typed alone ("5", "about 5/10"); None off the scale ("11", "-5")."""
    match = _SCALE.fullmatch(_words(text))
    if match is None or text.strip().startswith("-"):
        return None
    value = int(match.group(1))
    return value if 0 <= value <= 10 else None


def area_answer(text: str, today: date) -> tuple[Area, Side] | None:
    """The area (and side) a typed answer to "where do you feel it?" names, or None.

    Read as a report would be ("right shin" as "right shin sore"); a message with a
    warning sign is not a bare answer and gives None, so it is triaged as a report.
    """
    if len(_words(text).split()) > 4:
        return None
    intent = understand(f"{text} sore", today)
    report = intent.report
    if report is None or report.red_flags or intent.signs:
        return None
    return report.area, report.side


# ---------------------------------------------------------------- pain during a session

_NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
#: Words a pain rating may come with ("a little, maybe 3/10", "pain was about 2").
_PAIN_FILLER = frozenset(
    {
        "a",
        "an",
        "the",
        "i",
        "it",
        "its",
        "it's",
        "was",
        "is",
        "felt",
        "feels",
        "feel",
        "maybe",
        "about",
        "around",
        "roughly",
        "approx",
        "like",
        "little",
        "bit",
        "slight",
        "slightly",
        "mild",
        "some",
        "only",
        "just",
        "pain",
        "painful",
        "hurt",
        "hurts",
        "hurting",
        "sore",
        "soreness",
        "ish",
        "at",
        "of",
        "out",
        "during",
        "think",
        "say",
        "would",
        "id",
        "i'd",
        "prob",
        "probably",
        "so",
        "yeah",
        "yes",
        "um",
        "er",
        "hmm",
        "very",
        "tiny",
        "and",
        "really",
    }
)
_NO_PAIN = (
    re.compile(r"\b(?:no|zero|nil) (?:pain|soreness|discomfort)\b"),
    re.compile(r"\b(?:pain[ -]?free|painless|none|nothing|not at all|didn'?t hurt)\b"),
    re.compile(r"\bnothing at all\b"),
)
_RATING = re.compile(r"(?<![\w.])(-?\d{1,3})(?:\s*(?:/|out of)\s*10)?(?![\w.])")
_RANGE = re.compile(r"(?<![\w.-])(\d{1,2})\s*(?:-|to|or)\s*(\d{1,2})(?:\s*(?:/|out of)\s*10)?")


def pain_score(text: str) -> int | None:
    """Pain during a session, 0-10, from a typed answer ("no pain", "2", "a little, maybe
    3/10"); None when unclear. A number off the scale (11, -2) is unclear, not clamped;
    "2-3" or "2 or 3" is the higher (the cautious reading)."""
    words = " ".join(re.sub(r"[^\w/'\- ]", " ", normalise(text)[1]).split())
    if not words or len(words) > 80:
        return None
    for word, value in _NUMBER_WORDS.items():
        words = re.sub(rf"\b{word}\b", str(value), words)
    if ranged := _RANGE.search(words):
        low, high = int(ranged.group(1)), int(ranged.group(2))
        rest = _RANGE.sub(" ", words, count=1)
        if not 0 <= low <= high <= 10 or _RATING.search(rest) or not _only_filler(rest):
            return None
        return high
    numbers = _RATING.findall(words)
    rest = _RATING.sub(" ", words)
    no_pain = any(pattern.search(words) for pattern in _NO_PAIN)
    if no_pain:
        return 0 if set(numbers) <= {"0"} else None
    if len(numbers) != 1 or not _only_filler(rest):
        return None
    value = int(numbers[0])
    return value if 0 <= value <= 10 else None


def _only_filler(words: str) -> bool:
    return all(word in _PAIN_FILLER for word in words.replace("/", " ").split())


# ---------------------------------------------------------------- the morning after

_WORSE = re.compile(
    r"\b(?:worse|stiffer|sorer|achier|more (?:sore|pain|painful|stiff|tender)|"
    r"hurts more|hurting more|flared|flare(?:d)? up|aggravated)\b"
)
_NOT_WORSE = re.compile(r"\b(?:not|no|isn'?t|wasn'?t|not any) worse\b")
_NOT_SETTLED = re.compile(
    r"\b(?:not|isn'?t|hasn'?t|hasnt|isnt|not quite|not yet|not really|never) "
    r"(?:(?:quite|yet|really|fully|completely) )?"
    r"(?:settled|fine|good|better|great|ok|okay|gone|right)\b|\bstill\b|\bunsettled\b"
)
_SAME = re.compile(
    r"\b(?:same|no change|unchanged|as before|as yesterday|similar|no different|not worse|"
    r"no worse)\b"
)
_BETTER = re.compile(
    r"\b(?:settled|fine|all good|good|better|great|ok|okay|gone|no pain|pain[ -]?free|"
    r"back to normal|normal|perfect|grand|nothing|no soreness|feels? good|all clear)\b"
)
_CONTRAST = re.compile(r"\b(?:but|though|although|except|apart from)\b")


def morning_feel(text: str) -> Feel | None:
    """How it feels this morning, from a typed answer: BETTER (settled: "settled", "fine",
    "all good"), SAME ("about the same", "not settled yet") or WORSE ("a bit worse",
    "stiffer than yesterday"); None when unclear. Worse wins over the rest, and anything
    after a contrast ("fine but stiffer") is read too."""
    words = " ".join(re.sub(r"[^\w' ]", " ", normalise(text)[1]).split())
    if not words or len(words) > 200:
        return None
    if _WORSE.search(words) and not _NOT_WORSE.search(words):
        return Feel.WORSE
    if _NOT_SETTLED.search(words) or _SAME.search(words):
        return Feel.SAME
    if _BETTER.search(words):
        return Feel.SAME if _CONTRAST.search(words) else Feel.BETTER
    return None
