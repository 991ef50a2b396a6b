"""Typed answers to questions asked with buttons.

The guided report ("right shin", "left", "sore", "5"), the clearing questions ("yes",
"physio said it's fine", "not yet", "hurt a bit, like 4"), the health screen at onboarding
("no", "I had a stress fracture in my shin in 2023", "I'm 20 weeks pregnant"), the Done
flow's pain question ("no pain", "a little, maybe 3/10") and the morning check after a
way-back session ("settled", "stiffer than yesterday"). A runner may type instead of
tapping; each question's answer is read here, and anything that is not one (a whole report
with a warning sign, a question, a number off the 0-10 scale) gives None, so the message is
understood as usual or the question asked again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final

from bot.core.comeback import Feel
from bot.core.health import Screen
from bot.core.triage import PASSING_PAIN
from bot.core.understanding import understand
from bot.core.understanding.cleared import clinician_cleared, someone_elses_clinician
from bot.core.understanding.dates import MONTH_PATTERN, MONTHS, last_date, years_later
from bot.core.understanding.numbers import rating_numbers
from bot.core.understanding.text import normalise, tokenise
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

__all__ = [
    "HealthAnswer",
    "about_clearance",
    "another_check",
    "area_answer",
    "check_answer",
    "clinician_answer",
    "effort_answer",
    "health_answer",
    "health_said",
    "impact_tried",
    "kind_answer",
    "legs_counted",
    "morning_feel",
    "no_check_answer",
    "none_answer",
    "overnight_answer",
    "pain_score",
    "scale_answer",
    "side_answer",
    "yes_no",
]

_SIDES: Final = {
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
_KINDS: Final = {
    ReportKind.TIGHTNESS: ("tight", "stiff", "tightness", "stiffness"),
    ReportKind.SORENESS: ("sore", "achy", "aching", "ache", "soreness", "doms"),
    ReportKind.PAIN: ("pain", "painful", "hurts", "hurting", "sharp"),
}
_SCALE: Final = re.compile(
    r"(?:(?:about|around|like|maybe|prob|probably|roughly|its|it was|was|id say|i d say) )*"
    r"(?:a )?(\d{1,2})(?: ?(?:/|out of) ?10)?(?: ish| tbh| i think| probably)?"
)


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


#: Impact tried on a held area ("hops were fine", "went for a jog", "jumped a bit").
_IMPACT_TRIED_RE: Final = re.compile(
    r"\b(?:hops?|hopped|hopping|jump(?:s|ed|ing)?|jog(?:s|ged|ging)?|ran|run(?:s|ning)?|pogos?)\b"
)
#: A leg named only to count a check ("10 each leg", "on both legs"): no area told about.
_EACH_LEG_RE: Final = re.compile(r"\b(?:each|per|both|either|every)\s+legs?\b", re.IGNORECASE)


def impact_tried(text: str) -> bool:
    """Whether ``text`` says hops, jumps or a run were tried ("hops were fine, 0 pain")."""
    return _IMPACT_TRIED_RE.search(text.lower()) is not None


def legs_counted(text: str) -> bool:
    """Whether ``text`` names a leg only to count a check ("10 each leg, 1/10")."""
    return _EACH_LEG_RE.search(text) is not None


def area_answer(text: str, today: date) -> tuple[Area, Side] | None:
    """The area (and side) a typed answer to "where do you feel it?" names, or None.

    Read as a report would be ("right shin" as "right shin sore"); a message with a
    warning sign is not a bare answer and gives None, so it is triaged as a report.
    """
    if len(_words(text).split()) > _AREA_ANSWER_WORDS:
        return None
    intent = understand(f"{text} sore", today)
    report = intent.report
    if report is None and RedFlag.PELVIC_FLOOR in intent.signs and _PELVIC_NAMED_RE.search(text):
        return Area.PELVIC_FLOOR, Side.NONE  # "its my c-section scar": the area, no sign told
    if report is None or report.red_flags or intent.signs:
        return None
    return report.area, report.side


#: Words at most in a bare answer ("its my c-section scar").
_AREA_ANSWER_WORDS: Final = 5
#: The pelvic floor named as a place (any feeling said there is its sign, so a bare answer
#: is read by its words).
_PELVIC_NAMED_RE: Final = re.compile(
    r"\b(?:pelvic\s+floor|pelvic\s+health|c[\s-]?section|caesarean|cesarean|section\s+scar)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- pain during a session

_NUMBER_WORDS: Final = {
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
_PAIN_FILLER: Final = frozenset(
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
_NO_PAIN: Final = (
    re.compile(r"(?:\b(?:no|zero|nil)|(?<![\w./])0) (?:pain|soreness|discomfort)\b"),
    re.compile(r"\b(?:pain[ -]?free|painless|none|nothing|not at all|didn'?t hurt)\b"),
    re.compile(r"\bnothing at all\b"),
)
_RATING: Final = re.compile(r"(?<![\w.])(-?\d{1,3})(?:\s*(?:/|out of)\s*10)?(?![\w.])")
_RANGE: Final = re.compile(
    r"(?<![\w.-])(\d{1,2})\s*(?:-|to|or)\s*(\d{1,2})(?:\s*(?:/|out of)\s*10)?"
)


_ASKS_RE: Final = re.compile(
    r"(?:is|are|can|could|should|would|will|do|does|how|what|whats|what's|when|why|which)\b"
)


#: An effort answered as the middle of the scale ("somewhere in the middle", "in between").
_MIDDLE_RE: Final = re.compile(
    r"(?:(?:id say|i guess|probably|maybe|about|like|kind of|kinda)\s+)?(?:somewhere\s+)?"
    r"(?:(?:in|down)\s+the\s+middle|middle|middling|mid|in\s+between|inbetween|halfway"
    r"|half\s+way)(?:\s+(?:ish|really|i guess|i think|id say|of the scale))?"
)
_MIDDLE: Final = 5


#: An hour wished for ("better 7ish", "7ish would be better", "later, like 8am").
_TIME_PREFERRED_RE: Final = re.compile(
    r"\b(?:better|later|earlier|instead|rather|prefer)\b[^.?!]{0,20}?\b[0-9]{1,2}\s*(?:ish|am|pm"
    r"|:[0-5][0-9]|o'?clock)\b|\b[0-9]{1,2}\s*(?:ish|am|pm|o'?clock)\s+(?:would\s+be\s+)?"
    r"(?:better|instead)\b"
)


def effort_answer(text: str, today: date) -> int | None:
    """How hard a logged session felt, 1-10, typed alone ("very hard", "7/10", "easy");
    None when the text says something else (pain, a report, a warning sign) or nothing."""
    alone = scale_answer(text)
    if alone is not None:  # "7", "about 7/10"
        return alone if alone >= 1 else None
    if pain_score(text) is not None:
        return None  # "no pain", "pain 3": the pain question's answer
    if "?" in text or _ASKS_RE.match(text.lower().lstrip()):
        return None  # "is it ok for over 50s? im 56": a question of its own, not a rating
    if _MIDDLE_RE.fullmatch(_answer_words(text)):
        return _MIDDLE  # "somewhere in the middle": the scale's middle
    if _TIME_PREFERRED_RE.search(text.lower()):
        return None  # "mmm better 7ish": a time wished for, no rating
    intent = understand(f"done, {text}", today)
    if intent.report is not None or intent.signs:
        return None
    effort = intent.effort  # the answer to "how hard?" may be a word: "very hard" is a 9
    if effort is None and intent.effort_label is not None:
        effort = intent.effort_label.effort
    return effort if effort is not None and 1 <= effort <= 10 else None


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

_WORSE: Final = re.compile(
    r"\b(?:worse|stiffer|sorer|achier|more (?:sore|pain|painful|stiff|tender)|"
    r"hurts more|hurting more|flared|flare(?:d)? up|aggravated)\b"
)
_NOT_WORSE: Final = re.compile(r"\b(?:not|no|isn'?t|wasn'?t|not any) worse\b")
_NOT_SETTLED: Final = re.compile(
    r"\b(?:not|isn'?t|hasn'?t|hasnt|isnt|not quite|not yet|not really|never) "
    r"(?:(?:quite|yet|really|fully|completely) )?"
    r"(?:settled|fine|good|better|great|ok|okay|gone|right)\b|\bstill\b|\bunsettled\b"
)
_SAME: Final = re.compile(
    r"\b(?:same|no change|unchanged|as before|as yesterday|similar|no different|not worse|"
    r"no worse)\b"
)
_BETTER: Final = re.compile(
    r"\b(?:settled|fine|all good|good|better|great|ok|okay|gone|no pain|pain[ -]?free|"
    r"back to normal|normal|perfect|grand|nothing|no soreness|feels? good|all clear)\b"
)
_CONTRAST: Final = re.compile(r"\b(?:but|though|although|except|apart from)\b")


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


# ---------------------------------------------------------------- yes or no

#: Said before anything else is read: "no pain" is a yes to "at pain 2/10 or less?".
_PAIN_FREE: Final = re.compile(
    r"(?:\b(?:no|zero|without|without any|not any|not much|hardly any|barely any)|(?<![\w./])0) "
    r"(?:pain|problems?|issues?|trouble|bother)\b|\bpain ?free\b|\bno ?probs?\b"
    r"|\bdid ?n ?t hurt\b|\bdoes ?n ?t hurt\b|\bno longer hurts?\b|\bnot sore\b"
)
_NOT_GOOD: Final = re.compile(
    r"\b(?:not|nt|never) (?:(?:really|quite|yet|very|so) )?"
    r"(?:fine|ok|okay|good|great|cleared|sure|well|right|better|able|yet)\b"
)
_NO_WORDS: Final = frozenset(
    [
        "no",
        "nope",
        "nah",
        "nay",
        "not",
        "never",
        "nobody",
        "noone",
        "negative",
        "cant",
        "cannot",
        "couldnt",
        "didnt",
        "havent",
        "hasnt",
        "wasnt",
        "wouldnt",
        "wont",
        "dont",
        "doesnt",
        "unable",
        "hurt",
        "hurts",
        "hurting",
        "hurted",
        "painful",
        "pain",
        "sore",
        "ouch",
        "ow",
        "struggled",
        "failed",
        "stopped",
        "waiting",
    ]
)
_YES_WORDS: Final = frozenset(
    [
        "yes",
        "y",
        "yep",
        "yeah",
        "yea",
        "ya",
        "yup",
        "yess",
        "sure",
        "ok",
        "okay",
        "k",
        "fine",
        "cleared",
        "clear",
        "passed",
        "pass",
        "easy",
        "easily",
        "absolutely",
        "definitely",
        "certainly",
        "correct",
        "done",
        "managed",
        "good",
        "great",
        "perfect",
        "affirmative",
        "alright",
        "allowed",
        "approved",
        "greenlight",
        "goahead",
        "go-ahead",
        "did",
        "could",
        "can",
        "comfortable",
        "comfortably",
        "painless",
    ]
)
#: Phrases that mean yes ("gave me the go-ahead": "go ahead" once the hyphen is gone).
_YES_PHRASES: Final = re.compile(
    r"\b(?:go ahead|green light|all clear|signed (?:me )?off|thumbs up|no worries)\b"
)
#: Doubt or a question: neither yes nor no, so the question is asked again.
_UNSURE: Final = re.compile(
    r"\b(?:not sure|unsure|dont know|do not know|dunno|no idea|maybe|perhaps|what|why|how)\b"
)
#: Phrases that mean no, read as one word (other words, like "physio" or "said", count
#: for neither side).
_NO_PHRASES: Final = ("no one", "not yet", "not really", "no way")


def _answer_words(text: str) -> str:
    low = normalise(text)[1].replace("'", "").replace("’", "")
    low = re.sub(r"[^\w/ ]", " ", low)
    return " ".join(low.split())


def _leaning(text: str) -> bool | None:
    """Yes (True), no (False) or unclear (None) from the words alone."""
    low = _answer_words(text)
    if not low or _UNSURE.search(low):
        return None
    low = _NOT_GOOD.sub(" no ", low)
    for phrase in _NO_PHRASES:
        low = low.replace(phrase, " no ")
    low = _PAIN_FREE.sub(" yes ", low)
    low = _YES_PHRASES.sub(" yes ", low)
    words = set(low.split())
    no, yes = bool(words & _NO_WORDS), bool(words & _YES_WORDS)
    if no == yes:
        return None
    return yes


def yes_no(text: str) -> bool | None:
    """A typed yes or no ("yep", "physio said it's fine", "not yet", "haven't seen
    anyone"); None when it is unclear ("maybe", "yes but no") or a question of the runner's
    own ("tomorrow ill do it after my run ok?": an "ok" asked is no yes), so the question
    is asked again."""
    if "?" in text and _leaning(text.replace("?", " ")) is not False:
        return None
    return _leaning(text)


#: No clinician has seen it, however it feels ("no haven't seen anyone, it's fine now
#: though"): how it feels is no clearance.
_NOT_SEEN_RE: Final = re.compile(
    r"\b(?:havent|haven't|have\s+not|hasnt|hasn't|has\s+not|not|never|didnt|didn't)\s+"
    r"(?:yet\s+|actually\s+|even\s+)?(?:seen|been\s+(?:seen|checked|looked\s+at|to)|been|checked"
    r"|looked|had\s+it\s+(?:checked|looked\s+at|seen)|gone\s+to|got\s+it\s+checked|booked)\b"
    r"|\b(?:no\s+one|nobody|noone)\s+(?:has\s+)?(?:seen|checked|looked)\b"
)


#: A finding ruled out by the clinician ("scan clear no clot", "no fracture"): its "no" is
#: the finding's, not the answer's.
_RULED_OUT_RE: Final = re.compile(
    r"\b(?:no|not\s+a|nothing|zero)\s+(?:sign\s+of\s+(?:a\s+|any\s+)?)?"
    r"(?:blood\s+)?(?:clots?|dvt|fractures?|stress\s+fractures?|breaks?|broken|tears?|torn)\b"
)
#: Who or what gives a clinician's finding.
_CLINICIAN_RE: Final = re.compile(
    r"\b(?:doc|docs|doctor\w*|dr|gp|physio\w*|a&e|a and e|er|hospital|scan\w*|ultrasound"
    r"|x-?ray\w*|mri|consultant|nurse)\b"
)
#: Advice in a finding that is no go-ahead ("no clot but they said rest a week").
_HOLD_ON_RE: Final = re.compile(r"\b(?:rest|wait|off|stop|not\s+yet|hold|avoid|careful)\b")


def clinician_answer(text: str) -> bool | None:
    """A typed answer to "has a doctor or physio cleared you?": no when it says no one has
    seen it, whatever it says of how it feels; yes when a clinician's go-ahead is told ("my
    wife drove me to a&e, scan was clear no clot": its "no" is the clot's); else as
    ``yes_no``."""
    low = normalise(text)[1].replace("’", "'")
    if _NOT_SEEN_RE.search(low):
        return False
    said = tokenise(low).words
    if someone_elses_clinician(said):
        return None  # "my mate went to a&e, all clear": asked again
    if "?" not in low and clinician_cleared(said):
        return True
    if _RULED_OUT_RE.search(low) and "?" not in low:  # "doc said no dvt": a yes
        rest = _RULED_OUT_RE.sub(" ", low)
        if _HOLD_ON_RE.search(rest):
            return _seen_said(yes_no(rest), low)
        said_rest = yes_no(rest)
        return True if said_rest is None and _CLINICIAN_RE.search(low) else said_rest
    return _seen_said(yes_no(text), low)


#: A yes said in words to "has a doctor or physio cleared you?" ("yep", "i have"); who or
#: what cleared is ``_CLEARED_BY_RE`` ("hops were fine, 0 pain" says neither).
_YES_SAID_RE: Final = re.compile(
    r"\b(?:yes|yep|yeah|yup|yea|ya|aye|sure|definitely|correct|indeed|i\s+have)\b"
)


#: How an area feels, said in an answer ("yeah feels fine", "yes its ok now").
_FEELS_RE: Final = re.compile(
    r"\b(?:feels?|felt|feeling|fine|ok|okay|good|better|sore|hurts?|settled|pain)\b"
)
#: Words that say who or what cleared the runner, beyond a bare yes.
_CLEARED_BY_RE: Final = re.compile(
    r"\b(?:clear(?:ed)?|go[- ]?ahead|green\s+light|signed\s+off|seen|checked|examined"
    r"|assessed|they\s+(?:have|did)|s?he\s+(?:has|did))\b"
)


def _seen_said(said: bool | None, low: str) -> bool | None:
    """A yes to the clinician question only when it says so or names who cleared, and
    not when it only tells how the area feels ("yeah feels fine", "yep all good": asked
    again, it may not have been seen); else asked again."""
    if said is not True:
        return said
    if _CLINICIAN_RE.search(low) or _CLEARED_BY_RE.search(low):
        return True
    if not _YES_SAID_RE.search(low) or _FEELS_RE.search(low) or "all good" in low:
        return None
    return True


#: Words that make a typed "fine" about the clearance itself ("physio said it's fine",
#: "yes, cleared"), not only about how the area feels.
_ABOUT_CLEARANCE: Final = re.compile(
    r"\b(?:yes|yep|yeah|yup|no|nope|not yet|physio\w*|doctors?|dr|gps?|clinician|consultant"
    r"|specialist|surgeon|therapist|clear(?:ed|ance)?|go[- ]?ahead|signed|all clear|green light"
    r"|appointment|seen|checked)\b"
)


def about_clearance(text: str) -> bool:
    """Whether a typed answer speaks of a clinician's clearance ("physio said it's fine",
    "not yet"), not only of how an area feels ("shin is fine now")."""
    return _ABOUT_CLEARANCE.search(text.lower()) is not None


#: A pelvic-floor check's sign said ("a bit heavy after", "some leaking"), and its denial.
_FLOOR_SIGN: Final = re.compile(
    r"\b(?:leak\w*|dribbl\w*|heav(?:y|iness)|dragg?\w*|bulg\w*|pressure|wet myself)\b"
)
_FLOOR_SIGN_DENIED: Final = re.compile(
    r"\b(?:no|not|without|without any|zero|nor|or|didnt|never)"
    r"(?: (?:any|a|at all|even|single))* (?:leak\w*|dribbl\w*|heav(?:y|iness)|dragg?\w*|bulg\w*"
    r"|pressure|wet myself)\b"
)


#: What each return check (``triage.RETURN_CHECKS``) is said as, and what else counts for
#: it: a run shows a jog, a jump shows a hop.
_CHECK_WORDS: Final = {
    "walk": r"walk\w*|strolled|stroll",
    "stand": r"st(?:oo|a)d\w*|stands?|standing|balanc\w*",
    "squat": r"squat\w*",
    "jog": r"jog\w*|ran|runs?|running",
    "hop": r"hop\w*|jump\w*|bounc\w*",
}
_CHECK_SAID: Final = {
    name: re.compile(rf"\b(?:{pattern})\b") for name, pattern in _CHECK_WORDS.items()
}


def no_check_answer(text: str, *, logged: bool) -> bool:
    """Whether a message typed while a return check is open answers none: a question of its
    own ("is this ok for over 50s?") or a session's log (``logged``: "done, effort 3 no
    pain"), naming no check's movement; it is read as usual and the check waits."""
    low = normalise(text)[1].strip()
    if any(pattern.search(low) for pattern in _CHECK_SAID.values()):
        return False  # "did the single leg squats, no pain": the check's own movement
    asked = "?" in low and _ASKS_RE.match(low) is not None and not rating_numbers(low)
    return asked or (logged and _SESSION_LOGGED_RE.search(low) is not None)


#: A log that names the session or its effort ("done, effort 3"), not "did it, no pain"
#: (the check tried, as the question invites).
_SESSION_LOGGED_RE: Final = re.compile(
    r"\b(?:effort|rpe|session|sesh|workout|routine|todays|today's|mobility|strength|plan)\b"
)


def another_check(text: str, check: str) -> bool:
    """Whether an answer speaks only of another check's movement ("walked to work 40 min"
    to the single-leg stand): no answer to this one, however well it went."""
    low = normalise(text)[1]
    said = {name for name, pattern in _CHECK_SAID.items() if pattern.search(low)}
    return bool(said) and check not in said


def check_answer(text: str, *, pelvic: bool = False, check: str | None = None) -> bool | None:
    """A typed answer to a return check ("done at pain 2/10 or less?"): a pain number
    decides (above 2/10 fails: "hurt a bit, like 4"); else the words ("walked fine, no
    pain", "couldn't"); None when unclear. ``pelvic``: the check of a pelvic-floor sign,
    failed too by leaking, heaviness or dragging said ("pain 0 but a bit heavy after").
    ``check`` (one of ``triage.RETURN_CHECKS``): an answer that tells only of another
    check's movement is unclear, so the question is asked again; one that failed still
    fails ("walking hurts, 5/10": no hops either)."""
    if check is not None and another_check(text, check):
        failed = check_answer(text, pelvic=pelvic) is False
        return False if failed else None
    low = normalise(text)[1]
    if "no worse" in low and not rating_numbers(low):
        return None  # "no worse": than what? asked again
    if _SWELLING_DENIED.search(low):  # "no pain, no swelling": the swelling's "no"
        low = text = _SWELLING_DENIED.sub(" ", low)
    if pelvic:  # "no leaking or heaviness" says what "no pain" does
        low = _FLOOR_SIGN_DENIED.sub(" no pain ", low)
        if _FLOOR_SIGN.search(low):
            return False
        text = low
    ratings = [value for _, value in rating_numbers(low)]
    if not ratings and (alone := scale_answer(text)) is not None:
        ratings = [alone]
    if ratings:
        return max(ratings) <= PASSING_PAIN
    return _leaning(text)


#: A swelling said in an answer ("a bit puffy this morning"), and one denied ("no swelling").
_SWELLING_SAID: Final = re.compile(r"\b(?:swell\w*|swollen|puff\w*|fluid)\b")
_SWELLING_DENIED: Final = re.compile(
    r"\b(?:no|not|without|without any|zero|isnt|isn't|wasnt|nor)"
    r"(?: (?:any|a|at all|more|more of a))* (?:swell\w*|swollen|puff\w*|fluid)\b"
)


def overnight_answer(text: str, *, pelvic: bool = False) -> bool | None:
    """A typed answer to the morning after the first return checks ("no worse than before
    them, and no swelling?"): True for no worse ("same as before", "fine", "no worse, 1/10"),
    False for worse, swollen, or pain above 2/10 ("stiffer", "a bit puffy", "sore, 4"); a
    pelvic-floor sign's also by leaking or heaviness said. None when unclear."""
    low = normalise(text)[1]
    if pelvic:
        low = _FLOOR_SIGN_DENIED.sub(" no pain ", low)
        if _FLOOR_SIGN.search(low):
            return False
    if _SWELLING_SAID.search(_SWELLING_DENIED.sub(" ", low)):
        return False
    ratings = [value for _, value in rating_numbers(low)]
    if ratings and max(ratings) > PASSING_PAIN:
        return False
    feel = morning_feel(low)
    if feel is Feel.WORSE:
        return False
    if feel is not None or ratings:
        return True
    return yes_no(text)


# ---------------------------------------------------------------- the health screen


@dataclass(frozen=True, slots=True)
class HealthAnswer:
    """What a typed answer to the health screen says.

    ``found`` holds the answers named (``Screen.NONE`` alone for "no", "all good");
    ``birth_on`` the day of a birth said with when ("had a baby 2 months ago");
    ``injury_text`` the words about a current injury or pain, to be read as a report.
    """

    found: frozenset[Screen]
    birth_on: date | None = None
    injury_text: str | None = None


_NONE_WORDS: Final = (
    r"(?:no|nope|nah|none|nothing|neither|nil|n/a|na|all good|all fine|im fine|fine|"
    r"not (?:currently|at the moment|right now|atm|rn|anymore|any more|these days)|"
    r"all ok|all okay|ok|none of (?:these|them|those|that)|nothing like that|"
    r"no (?:injur(?:y|ies)|pain|problems?|issues?)(?: (?:at all|now))?|not (?:really|at all)|"
    r"healthy|all healthy|nothing to report|no thanks|no thank you|nothing at all|never|"
    r"nothing (?:hurts|hurting|sore|wrong)|nothing (?:is|s) (?:hurting|sore|wrong)|"
    r"no (?:aches|niggles|injuries or anything))"
)
#: An answer that opens with a plain no ("no, my youngest is 9 lol", "nope. touch wood"):
#: none, when nothing after it names an injury, a pregnancy or a birth.
_LEADING_NO: Final = re.compile(r"(?:no|nope|nah|none|nothing|not really|never|n/a)\b")
#: A question that does not apply ("n/a", "im a bloke"): nothing to note.
_NOT_FOR_ME: Final = re.compile(
    r"\b(?:n/a|not applicable|doesnt apply|does not apply|(?:im|i am)\s+(?:a\s+)?"
    r"(?:bloke|guy|man|male|dude|lad|fella|boy))\b"
)
#: "none", and a few such words together ("nah all good", "no never", "nope, nothing").
_NONE_ANSWER: Final = re.compile(
    rf"{_NONE_WORDS}(?:,?\s+(?:{_NONE_WORDS}|thanks|thx|cheers|at the moment|right now"
    r"|currently|atm|rn|these days|thankfully|luckily|lol|haha)){0,3}"
)
_BONE: Final = re.compile(
    r"\bstress (?:fracture|reaction|injur(?:y|ies))s?\b|\bbone stress\b|\bbsi\b"
    r"|\bbroke (?:my|a) \w+ from running\b"
)
_PAST: Final = re.compile(
    r"\b(?:had|have had|ive had|i had|history|previous|previously|past|before|ago|"
    r"once|used to|years?|last (?:year|season|spring|summer|autumn|fall|winter)|"
    r"back in|healed|recovered|old|(?:19|20)\d\d)\b"
)
#: Said to be fine now ("but it's fine now", "all good again", "cleared up"): a niggle gone.
_FINE_NOW: Final = re.compile(
    r"\b(?:fine|ok|okay|good|better|grand|sorted|gone|healed|settled|cleared up|recovered)"
    r"\s+(?:now|again|these days)\b|\bno longer\b|\bnot any ?more\b"
)
_NOW: Final = re.compile(
    r"\b(?:now|currently|right now|at the moment|think i have|i have an?|ive got|"
    r"might have|may have|suspect|hurts|hurting|today|this week)\b"
)
#: Said to be recent, whatever past word is with it ("diagnosed 3 weeks ago", "last week").
_RECENT: Final = re.compile(
    r"\b(?:last (?:week|month)|this (?:week|month|year)|recently|recent|just|diagnosed|"
    r"(?:a|one|two|three|four|five|six|\d+|few|couple of) (?:days?|weeks?|months?) ago|"
    r"mri|scan|x-?ray|boot|crutches|still)\b"
)
_PREGNANT: Final = re.compile(r"\b(?:pregnant|pregnancy|expecting a baby|expecting|with child)\b")
_NOT_PREGNANT: Final = re.compile(r"\b(?:not|no longer|nt) (?:pregnant|expecting)\b|\bno baby\b")
_BIRTH: Final = re.compile(
    r"\b(?:had|have had|ive had|just had) (?:a |my |our )?(?:baby|child|son|daughter|twins)"
    r"|\bgave birth\b|\bgiven birth\b|\bpost ?partum\b|\bpost ?natal\b|\bnew ?born\b"
    r"|\bnew (?:mum|mom|baby)\b|\bbaby (?:is|was born)\b|\bdelivered\b|\bc ?section\b"
)
_SPAN: Final = re.compile(
    r"\b(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r" (day|week|wk|month|year)s?(?: ago| old| postpartum| post partum| since)"
)
_COUNTS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_INJURY_WORDS: Final = re.compile(
    r"\b(?:injur(?:y|ies|ed)|pain|painful|hurts?|hurting|sore|niggle|strain(?:ed)?|"
    r"sprain(?:ed)?|tendinitis|tendinopathy|tendonitis|aching|achy|ache|swollen|swelling)\b"
)
_CLAUSES: Final = re.compile(r"[,;.!?]| but | and | also | plus ")
#: An injury word said as none ("I have no pain", "nothing hurts", "pain free").
_NO_INJURY_RE: Final = re.compile(
    r"\b(?:no|not|without|zero|nil|never|nothing)\s+(?:any\s+|real\s+|more\s+)?(?:injur\w*"
    r"|pain\w*|hurts?|hurting|sore\w*|niggles?|aches?|aching)\b|\bpain[\s-]?free\b"
)
#: An operation or procedure, said of the past when it is fine now ("knee arthroscopy 5
#: years ago but it's fine now").
_OPERATION_RE: Final = re.compile(
    r"\b(?:arthroscop\w*|surgery|surgeries|operation|op|operated|reconstruction|acl"
    r"|keyhole|scope|scoped)\b"
)


_IN_MONTH: Final = re.compile(rf"\b(?:in|on|during|back in|early|late|mid)\s+({MONTH_PATTERN})\b")
_A_MONTH: Final = re.compile(rf"\b(?:{MONTH_PATTERN})\b")


def _birth_dated(low: str, today: date) -> date | None:
    said = last_date(low, today)
    if said is not None and said > today:  # "on 3 june", "on the 2nd": the one gone by
        said = years_later(said, -1) if _A_MONTH.search(low) else _month_before(said)
    if said is not None:
        return said
    month = _IN_MONTH.search(low)
    if month is None:
        return None
    number = MONTHS[month.group(1)]
    year = today.year if number <= today.month else today.year - 1
    return date(year, number, 15 if (year, number) != (today.year, today.month) else 1)


def _month_before(day: date) -> date | None:
    year, month = divmod(day.year * 12 + day.month - 2, 12)
    try:
        return day.replace(year=year, month=month + 1)
    except ValueError:  # the 31st of a short month
        return None


def _birth_day(low: str, today: date) -> date | None:
    """When a birth said in ``low`` was: "2 months ago", or a day or month gone by ("in
    june", "on 3 june": the last one before today)."""
    match = _SPAN.search(low)
    if match is None:
        return _birth_dated(low, today)
    raw, unit = match.group(1), match.group(2)
    count = int(raw) if raw.isdigit() else _COUNTS[raw]
    try:
        if unit == "month":
            year, month = divmod(today.year * 12 + today.month - 1 - count, 12)
            return date(year, month + 1, min(today.day, 28))
        days = {"day": 1, "week": 7, "wk": 7, "year": 365}[unit]
        return today - timedelta(days=days * count)
    except (OverflowError, ValueError):
        return None


def _said_now(clause: str) -> bool:
    """Whether ``clause`` says something is so now, a "fine now" aside ("fine now") apart."""
    return _NOW.search(_FINE_NOW.sub(" ", clause)) is not None


def health_answer(text: str, today: date) -> HealthAnswer | None:
    """What a typed answer to the health screen says, or None when it says none of it.

    "no", "none", "all good": ``Screen.NONE``. "I had a stress fracture in my shin in
    2023": a past bone stress injury (a stress fracture said as now, "I think I have a
    stress fracture", is a current injury). "I'm 20 weeks pregnant": pregnant. "had a
    baby 2 months ago": after a birth, with the day. "my knee hurts at the moment": a
    current injury, its words kept to be read as a report. Negated clauses ("not
    pregnant", "no pain") add nothing.
    """
    low = _answer_words(text)
    if not low:
        return None
    if _NONE_ANSWER.fullmatch(low):
        return HealthAnswer(frozenset({Screen.NONE}))
    found: set[Screen] = set()
    birth_on: date | None = None
    injuries: list[str] = []
    negative = False
    fine_now = _FINE_NOW.search(low) is not None
    for clause in (part.strip() for part in _CLAUSES.split(f" {low} ")):
        if not clause:
            continue
        if _NONE_ANSWER.fullmatch(clause) or _NOT_PREGNANT.search(clause):
            negative = True
            continue
        if _PREGNANT.search(clause):
            found.add(Screen.PREGNANT)
            continue
        if _BIRTH.search(clause):
            found.add(Screen.POSTPARTUM)
            birth_on = birth_on or _birth_day(clause, today)
            continue
        if _BONE.search(clause):
            found.add(Screen.BONE_STRESS)
            if _PAST.search(clause) and not _RECENT.search(clause) and not _said_now(clause):
                continue  # "had a stress fracture in 2023": the past, no injury now
            found.add(Screen.INJURY)  # said with no past ("a stress reaction in my femur",
            injuries.append(clause)  # "diagnosed last week"): the cautious reading, now
            continue
        if _NO_INJURY_RE.search(clause) and not _INJURY_WORDS.search(_NO_INJURY_RE.sub("", clause)):
            negative = True  # "I have no pain", "nothing hurts": said as none
            continue
        if _OPERATION_RE.search(clause) and (fine_now or _FINE_NOW.search(low)):
            negative = True  # "knee arthroscopy 5 years ago but it's fine now": nothing now
            continue
        if _injury(clause, today):
            if fine_now and not _said_now(clause):
                negative = True  # "a sore achilles on and off but it's fine now": no injury now
                continue
            found.add(Screen.INJURY)
            injuries.append(clause)
    if not found:
        said_no = (
            negative
            or _LEADING_NO.match(low) is not None  # "no, my youngest is 9 lol"
            or _NOT_FOR_ME.search(low) is not None  # "n/a im a bloke"
        )
        return HealthAnswer(frozenset({Screen.NONE})) if said_no else None
    injury_text = ", ".join(injuries) if injuries else None
    return HealthAnswer(frozenset(found), birth_on, injury_text)


def _injury(clause: str, today: date) -> bool:
    """Whether a clause says something hurts or is injured now."""
    if _INJURY_WORDS.search(clause) or _BONE.search(clause):
        return True
    intent = understand(clause, today)
    return intent.report is not None or bool(intent.signs)


#: A question put off, typed to an open question ("skip", "skip this", "pass", "later").
_PUT_OFF_RE: Final = re.compile(
    r"(?:skip|skip (?:it|this|that|this one|that one|this question|the question)|pass"
    r"|not now|later|maybe later|ask me later|dunno|idk|not sure)"
)


def question_put_off(text: str) -> bool:
    """Whether a typed answer to an open question only puts it off ("skip", "pass",
    "not now"), not a session skipped ("skip today, too sore")."""
    low = " ".join(text.lower().replace("’", "'").replace("'", "").strip(" .!?").split())
    return _PUT_OFF_RE.fullmatch(low) is not None


def none_answer(text: str) -> bool:
    """Whether a typed answer to a checklist says none apply ("none", "nope", "none of
    these", "no pain")."""
    low = " ".join(text.lower().replace("’", "'").replace("'", "").strip(" .!?").split())
    return _NONE_ANSWER.fullmatch(low) is not None


#: The runner says of themselves that they are pregnant or have had a baby ("I'm 12 weeks
#: pregnant", "had a baby 4 months ago"), not of someone else or as a what-if.
_OWN_PREGNANCY_RE: Final = re.compile(
    r"\b(?:i'?m|i am)\s+(?:now\s+|currently\s+|actually\s+|also\s+)?"
    r"(?:(?:about\s+)?[0-9]{1,2}\s*(?:weeks?|wks?|months?)\s+)?pregnant\b"
)
_OWN_BIRTH_RE: Final = re.compile(
    r"(?:^|[.!?]\s*|\b(?:i|we)\s+)(?:just\s+|recently\s+)?(?:had\s+(?:a|my|our)\s+baby|gave\s+birth)\b"
    r"|\bmy\s+baby\s+(?:was\s+)?born\b"
)


def health_said(text: str, today: date) -> HealthAnswer | None:
    """A pregnancy or a recent birth the runner tells of themselves in chat, after set-up
    ("im pregnant actually, 12 weeks", "had a baby 4 months ago, is jumping ok?"): what
    the health screen would have noted; None for a question, someone else, or no such news."""
    low = text.lower().replace("’", "'")
    if not (_OWN_PREGNANCY_RE.search(low) or _OWN_BIRTH_RE.search(low)):
        return None
    found = health_answer(text, today)
    if found is None:
        return None
    screens = found.found & {Screen.PREGNANT, Screen.POSTPARTUM}
    return replace(found, found=screens, injury_text=None) if screens else None
