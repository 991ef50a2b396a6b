"""A clinician's go-ahead said in words: "saw a pelvic health physio today about the
leaking, she checked me and said im ok to start hopping again".

Such a message is no new warning sign (the leak named is why the runner went) but the
answer the clearing questions' "has a clinician cleared you?" asks for: the coach takes
it as that "yes" and runs the usual return checks (docs/coaching.md, "Clearing a hold").

What counts: a clinician ("physio", "GP", "doctor") and, after them, words of a go-ahead
("cleared me", "said im ok to", "all clear", "signed me off", "can start hopping again"),
not denied ("hasn't cleared me yet", "said im not ok to"), not a question or still to come
("will the physio say im ok to hop?", "hopefully she'll clear me").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Final

from bot.core.understanding.others import someone_elses_clearance, someone_elses_visit
from bot.core.understanding.words import WEEKDAY_ABBREVIATIONS, WEEKDAYS, word_set

__all__ = [
    "CLINICIANS",
    "VISIT_REASON",
    "Visit",
    "clinician_cleared",
    "clinician_visit",
    "kept_off",
    "may_name_a_clinician",
    "only_their_word",
    "someone_elses_clinician",
]

CLINICIANS: Final = word_set(
    """physio physios physiotherapist physiotherapists doctor doctors doc dr gp gps
    consultant specialist clinician therapist surgeon midwife obgyn gynae gynaecologist
    gynecologist urogynaecologist urogynecologist osteo osteopath nurse podiatrist
    podiatrists chiro chiropractor"""
)
#: Words of a go-ahead, one or two long, each after a clinician.
_GO_AHEAD: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(p.split())
    for p in (
        "cleared me", "cleared to", "all clear", "go ahead", "goahead", "green light",
        "signed me off", "signed off", "ok to", "okay to", "fine to", "good to", "safe to",
        "ready to", "ready for", "can start", "can hop", "can jump", "can run", "can do",
        "can go", "can get", "allowed to", "allowed me", "let me", "im ok", "im okay",
        "im fine", "i was ok", "i was fine", "i am ok", "i am fine", "i am okay",
        "everything is fine", "all is fine", "all fine", "all good", "everything fine",
        "everything ok", "everythings fine", "everythings ok", "back to hopping",
        "back to jumping", "back to impact", "scan was clear", "scan was fine",
        "scan was normal", "scan came back clear", "scan came back fine", "scan came back normal",
        "scans were clear", "xray was clear", "x ray was clear", "xray was fine", "no clot",
        "nothing broken", "no fracture", "no break", "tests were clear", "test was clear",
    )
)  # fmt: skip
#: Words before a go-ahead that deny it or put it off ("hasn't cleared me", "not ok to").
_DENIED: Final = word_set(
    """not no never hasnt havent hadnt didnt doesnt dont wont wasnt isnt cant yet"""
)
#: Words before a clinician that send someone to one, no visit had ("told her to see a
#: physio", "should book the gp"): a verb of going to one after a word of advice.
_GO_TO: Final = word_set("see book try visit")
_ADVISED: Final = word_set(
    "told tell telling should need needs must gonna going advised recommend recommended"
    " suggest suggested"
)


def _sent_to(words: Sequence[str], i: int) -> bool:
    """Whether the clinician at ``i`` is one someone is sent to ("told her to see a
    physio"), not one the runner saw ("went to see the physio, she cleared me")."""
    near = words[max(0, i - 3) : i]
    return not _GO_TO.isdisjoint(near) and not _ADVISED.isdisjoint(words[max(0, i - 6) : i])


#: Words that make the go-ahead a question, a hope or still to come.
_NOT_YET: Final = word_set("if whether hope hopefully will gonna going should would might")
#: Words before a sign that name it as why the runner went ("about the leaking").
VISIT_REASON: Final = word_set("about for regarding re with")


def may_name_a_clinician(words: Sequence[str]) -> bool:
    """Whether ``words`` may name a clinician: one of ``CLINICIANS``, or "a" and "e" (how
    "a&e" is split), the cheap test before ``clinician_cleared`` reads them."""
    return not CLINICIANS.isdisjoint(words) or ("e" in words and "a" in words)


#: Impact said to be off ("no running", "no hopping"), and kept out in other words ("keep
#: hopping out", "only isometrics"): the pieces of the two patterns below.
_NO_IMPACT: Final = (
    r"\bno\s+(?:running|runs|run|jogging|jumping|jumps|hopping|hops|impact|plyos?|bounding)"
)
_KEPT_OUT: Final = (
    r"\bkeep\s+(?:the\s+)?(?:hopping|hops|jumping|jumps|impact|plyos?|running)\s+out\b"
    r"|\b(?:only|just)\s+isometrics?\b|\bisometrics?\s+only\b"
)
#: Impact kept off in a verb's words ("avoid hopping", "wants me off hopping and bounding",
#: "stay off the jumps"), said for a while in ``_KEPT_OFF_FOR_RE``.
_OFF_IMPACT: Final = (
    r"(?<!\bstop\s)(?<!\bmore\s)(?<!\bno\s)\b(?:avoid|avoiding|off|stay\s+off|keep\s+off"
    r"|stop|stopping)\s+(?:the\s+|all\s+|any\s+)?"
    r"(?:running|jogging|jumping|jumps|hopping|hops|impact|plyos?|bounding)"
)
#: A clinician's word that keeps impact out a while longer: no go-ahead yet.
_KEPT_OFF_RE: Final = re.compile(
    rf"{_NO_IMPACT}\b|\b(?:dont|not|cant|shouldnt|mustnt)\s+(?:run|jog|jump|hop)\b"
    rf"|\bkeep\s+off\s+it\b|{_KEPT_OUT}|{_OFF_IMPACT}\b(?!\s+(?:now|restrictions?))"
)
#: A clinician named as the one whose word it is ("physio says", "the GP told me").
_CLINICIAN_SAID_RE: Final = re.compile(
    rf"\b(?:{'|'.join(sorted(CLINICIANS))}|sports\s+med\w*)\b[^!?]{{0,60}}?\b(?:says?"
    r"|said|wants?|told|tells?|advised?|reckons?|thinks?|recommend\w*|has\s+me|gave\s+me)\b"
)


def kept_off(low: str) -> bool:
    """Whether a clinician's word in ``low`` (lower case, apostrophes dropped) keeps
    impact off for a while ("physio says ... no running for a week and no hopping", "my
    physio wants me doing only isometrics for the next 10 days"); not a rule with a
    condition ("no hopping if it hurts")."""
    return bool(_CLINICIAN_SAID_RE.search(low)) and bool(_KEPT_OFF_FOR_RE.search(low))


#: The keeping off said for a while: a time, a wait, only isometrics, or kept out.
_KEPT_OFF_FOR_RE: Final = re.compile(
    rf"(?:{_NO_IMPACT}|{_OFF_IMPACT})(?:\s+(?:and|or)\s+(?:no\s+)?\w+(?:\s+\w+)?)?"
    r"(?:\s+(?:on|through)\s+(?:my|the|your)\s+(?:left\s+|right\s+)?\w+)?\s+(?:for|till|until|til"
    rf"|before|while|this|next|the\s+next|after|at\s+all)\b|{_KEPT_OUT}"
)


def clinician_cleared(words: Sequence[str], *, asked: bool = False) -> bool:
    """Whether ``words`` (as typed, lower case) say a clinician has cleared the runner;
    never a question (``asked``: the message asks something)."""
    if asked or not may_name_a_clinician(words) or not _NOT_YET.isdisjoint(words):
        return False
    if _KEPT_OFF_RE.search(" ".join(words)):
        return False  # "fine to do gentle stuff, just no running or jumping for a week"
    first = _first_seen(words)
    if first is None:
        return False  # "I told her to see a physio. I'm fine myself": no clinician's word
    if someone_elses_visit(" ".join(words[max(0, first - 8) : first])):
        return False  # "my mate went to a&e with the same thing, all clear": not the runner's
    if someone_elses_clearance(" ".join(words)):
        return False  # "my friend's doctor cleared her": not the runner's
    return any(
        any(tuple(words[i : i + len(p)]) == p and not _to_me(words, i + len(p)) for p in _GO_AHEAD)
        and _DENIED.isdisjoint(words[max(i - 3, first) : i + 2])
        for i in range(first + 1, len(words))
    )


def _first_seen(words: Sequence[str]) -> int | None:
    """Where the first clinician someone saw is named in ``words`` (not one someone is
    sent to), or None."""
    for i, w in enumerate(words):
        if (w in CLINICIANS or (w == "e" and i and words[i - 1] == "a")) and not _sent_to(
            words, i
        ):  # "a&e" is split in two
            return i
    return None


def someone_elses_clinician(words: Sequence[str]) -> bool:
    """Whether the clinician ``words`` name was someone else's visit ("my mate went to
    a&e, all clear"): their go-ahead is no answer for the runner."""
    if someone_elses_clearance(" ".join(words)):
        return True  # "my buddy got cleared yes", "the doctor cleared my friend"
    if not may_name_a_clinician(words) or (first := _first_seen(words)) is None:
        return False
    return someone_elses_visit(" ".join(words[max(0, first - 8) : first]))


def _to_me(words: Sequence[str], end: int) -> bool:
    """Whether a go-ahead ending in "to" at ``end`` says whose view it is ("they feel ok to
    me"), no go-ahead to do anything."""
    return words[end - 1] == "to" and end < len(words) and words[end] in ("me", "us")


class Visit(StrEnum):
    """A clinician visit the runner tells of (not a go-ahead: ``clinician_cleared``)."""

    BOOKED = "booked"  # "booked the gp for tues", "seeing the physio tomorrow"
    SEEN = "seen"  # "saw the physio, she says stress reaction", "physio says 6 weeks off"


_CLINICIAN: Final = (
    r"(?:(?:sports?|pelvic(?: health)?|women'?s health|physical)\s+)?"
    r"(?:physio(?:therapist)?s?|doctors?|docs?|dr|gps?|consultant|specialist|osteo(?:path)?"
    r"|podiatrist|surgeon|sports med(?:icine)?(?: doctor| doc)?|clinic|a&e|urgent care)"
)
_BOOKED_RE: Final = re.compile(
    rf"\b(?:booked(?: in| myself in)?|(?:got|have|made|scheduled) (?:an? |my )?(?:appointment|appt)"
    rf"|(?:seeing|see|going to see|gonna see|off to see|visiting)"
    rf" (?:the |my |a |an )?{_CLINICIAN}\b(?!\s+(?:said|says|thinks|told))"
    rf"|(?:appointment|appt) (?:with|at) (?:the |my |a |an )?{_CLINICIAN})"
)
_SEEN_RE: Final = re.compile(
    rf"\b(?:(?:saw|seen|been to|went to|visited|had|got back from)"
    rf" (?:the |my |a |an )?(?:\w+ )?{_CLINICIAN}\b|{_CLINICIAN}"
    rf" (?:appointment |appt )?(?:says|said|thinks|reckons|told me|diagnosed|confirmed))"
)
_NOT_DONE_RE: Final = re.compile(
    r"\b(?:havent|haven't|have not|not|didnt|didn't|never|cant|can't|couldnt|couldn't|no)"
    r"\s+(?:\w+\s+){0,2}(?:seen|see|saw|booked|book|get|got)\b"
)
_BOOKED_AHEAD_RE: Final = re.compile(
    rf"\b(?:tomorrow|tmrw|tmr|{'|'.join((*WEEKDAYS, *WEEKDAY_ABBREVIATIONS))}"
    r"|next|on the|later|this (?:afternoon|evening|week))\b"
)


def clinician_visit(low: str) -> Visit | None:
    """A clinician visit told in ``low`` (lower case): booked or coming up, or seen
    (their view given); None for a question ("should I see a physio?"), one denied
    ("haven't seen the doctor yet") or none. A question asked after the visit is told
    ("saw the GP ... can I do the hip stretches meanwhile?") leaves it told."""
    told = low[: low.index("?")] if "?" in low else low
    if "?" in low and (told.rfind(".") < 0 or not _SEEN_RE.search(told[: told.rfind(".")])):
        return None
    if _NOT_DONE_RE.search(low):
        return None
    if _SEEN_RE.search(low):
        return Visit.SEEN
    booked = _BOOKED_RE.search(low)
    if booked and (
        booked.group(0).startswith(("book", "got", "have", "made", "sched", "app"))
        or _BOOKED_AHEAD_RE.search(low)
    ):
        return Visit.BOOKED
    return None


#: Words that bring the runner's own news back after a clinician's word ("physio said
#: it's fine but I leaked again today"): then a sign said is the runner's, felt anew.
_OWN_NEWS_RE: Final = re.compile(
    r"\b(?:but|again|still|though|today|tonight|this morning|last night|yesterday|now)\b"
)


#: The day of the visit itself ("saw a physio today"), and a sign said to be going ("tingling
#: mostly gone", "numbness easing"): no news of a sign felt anew.
_VISIT_DAY_RE: Final = re.compile(
    r"\b((?:saw|seen|been to|went to|visited|had)\s+(?:the\s+|my\s+|a\s+)?[\w']+)\s+"
    r"(?:today|yesterday|this morning|this afternoon)\b"
)
_GOING_RE: Final = re.compile(
    r"\b(?:mostly|almost|nearly|pretty much|all but|basically|virtually)?\s*"
    r"(?:gone|going|easing|eased|settling|settled|better|fading|improving)\b"
)
#: What makes a sign said with a visit news after all ("tingling worse", "back again").
_WORSE_RE: Final = re.compile(r"\b(?:worse|again|new|spread\w*|both legs|came back|back again)\b")


def only_their_word(low: str) -> bool:
    """Whether a seen clinician's word is all ``low`` tells ("saw the physio, she says
    stress reaction, 6 weeks no running"; "saw a physio today, she said it's an irritated
    nerve, tingling mostly gone"): the signs named are their diagnosis of what is on hold,
    or going, not a new one felt ("...but i leaked again today")."""
    if clinician_visit(low) is not Visit.SEEN:
        return False
    told = _VISIT_DAY_RE.sub(r"\1", low)
    if _GOING_RE.search(told) and not _WORSE_RE.search(told):
        told = _OWN_NEWS_RE.sub(" ", told) if "but" not in told.split() else told
    return _OWN_NEWS_RE.search(told) is None
