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

from collections.abc import Sequence
from typing import Final

from bot.core.understanding.words import word_set

__all__ = ["CLINICIANS", "VISIT_REASON", "clinician_cleared"]

CLINICIANS: Final = word_set(
    """physio physios physiotherapist physiotherapists doctor doctors doc dr gp gps
    consultant specialist clinician therapist surgeon midwife obgyn gynae gynaecologist
    gynecologist urogynaecologist urogynecologist osteo osteopath nurse"""
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
        "back to jumping", "back to impact",
    )
)  # fmt: skip
#: Words before a go-ahead that deny it or put it off ("hasn't cleared me", "not ok to").
_DENIED: Final = word_set(
    """not no never hasnt havent hadnt didnt doesnt dont wont wasnt isnt cant yet"""
)
#: Words that make the go-ahead a question, a hope or still to come.
_NOT_YET: Final = word_set("if whether hope hopefully will gonna going should would might")
#: Words before a sign that name it as why the runner went ("about the leaking").
VISIT_REASON: Final = word_set("about for regarding re with")


def clinician_cleared(words: Sequence[str], *, asked: bool = False) -> bool:
    """Whether ``words`` (as typed, lower case) say a clinician has cleared the runner;
    never a question (``asked``: the message asks something)."""
    if asked or CLINICIANS.isdisjoint(words) or not _NOT_YET.isdisjoint(words):
        return False
    first = min(i for i, w in enumerate(words) if w in CLINICIANS)
    return any(
        any(tuple(words[i : i + len(p)]) == p and not _to_me(words, i + len(p)) for p in _GO_AHEAD)
        and _DENIED.isdisjoint(words[max(i - 3, first) : i + 2])
        for i in range(first + 1, len(words))
    )


def _to_me(words: Sequence[str], end: int) -> bool:
    """Whether a go-ahead ending in "to" at ``end`` says whose view it is ("they feel ok to
    me"), no go-ahead to do anything."""
    return words[end - 1] == "to" and end < len(words) and words[end] in ("me", "us")
