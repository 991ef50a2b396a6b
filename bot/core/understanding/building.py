""" "Worse and worse with every hop": pain that builds during the activity, a warning sign.

Coaching-facts, Safety: pain that worsens during activity means stop. A message says so when
a feeling or area is said to escalate ("worse and worse", "sorer and sorer", "kept
building", "kept getting worse"), to get worse with each unit of the work ("worse with
every hop", "more painful each mile", "building with each rep"), or to get worse until the
runner stopped ("got worse so I stopped", "had to stop because of it"), said of an area or
feeling ("my knee got worse", "it kept building"; not "my pace got worse"). A negation just
before ("didn't get worse and worse") cancels it. Word-level only, so ``body`` can call it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["builds_in_activity"]

_WORSE: Final = r"(?:worse|sorer|tighter|achier|more\s+(?:painful|sore|achy|tender))"
_UNITS: Final = (
    r"(?:reps?|hops?|miles?|kms?|k|kilometres?|kilometers?|steps?|sets?|jumps?|strides?|laps?"
    r"|minutes?|mins?|runs?|exercises?|rounds?|bounds?|squats?|lunges?|intervals?|hills?"
    r"|bridges?|raises?|repeats?|landings?|go|one|time|session|stride|week|day|workout)"
)
_ESCALATING_RE: Final = re.compile(
    rf"\b{_WORSE}\s+and\s+{_WORSE}\b"
    # "the pain comes on earlier each run", "starts sooner every time": it builds run on run
    r"|\b(?:comes?|coming|came|starts?|starting|started|kicks?|kicking|kicked)\s+"
    r"(?:on\s+|in\s+)?(?:earlier|sooner)\b"
    r"|\b(?:hurt(?:s|ing)?|ached|aching)\s+more\s+and\s+more\b"
    r"|\bmore\s+and\s+more\s+(?:painful|sore|achy|tender)\b"
    r"|\b(?:kept|keeps|kep|kept\s+on|keep)\s+(?:getting\s+(?:worse|sorer|more\s+painful)"
    r"|building(?:\s+up)?|worsening|increasing|hurting\s+more|ramping\s+up|creeping\s+up"
    r"|getting\s+tighter)\b"
    rf"|\b(?:{_WORSE}|hurt(?:s|ing)?\s+more|built|building|builds|increased|increasing)"
    rf"\s+(?:(?:with|on|after|at|by|for)\s+)?(?:each|every|evry|ever)\s+(?:single\s+)?(?:\w+\s+)?"
    rf"{_UNITS}\b"
)
#: Every ``_ESCALATING_RE`` match holds one of these: a cheap test first.
_ESCALATING_HINTS: Final = (
    "worse",
    "sorer",
    "tighter",
    "achier",
    "more",
    "kep",
    "keep",
    "each",
    "ever",
    "evry",
    "earlier",
    "sooner",
)
_GOT_WORSE_RE: Final = re.compile(
    rf"\b(?:got|getting|gets|get|went|going|started\s+getting|became|felt)\s+{_WORSE}\b"
    r"|\bworsened\b|\bstarted\s+(?:to\s+)?(?:hurt|hurting|build|building)\b"
    r"|\b(?:builds|built|building)(?:\s+up)?\s+(?:till|until|til|untill)\b"
)
_STOPPED_RE: Final = re.compile(
    r"\b(?:so\s+i\s+stopped|(?:and\s+)?i\s+stopped|had\s+to\s+(?:stop|quit|bail|walk|pull\s+out)"
    r"|(?:have|having)\s+to\s+(?:stop|walk)|till\s+i\s+(?:stop|walk)"
    r"|made\s+me\s+stop|forced\s+me\s+to\s+stop|stopped\s+(?:early|halfway|there|after)"
    r"|couldnt\s+(?:finish|carry\s+on|continue|go\s+on)|gave\s+up|pulled\s+out)\b"
)
_BECAUSE_RE: Final = re.compile(
    r"\bhad\s+to\s+stop\s+(?:because|cos|coz|cuz|bc|due)\s+(?:of\s+)?(?:it|the\s+pain|that)\b"
)
_NEGATION: Final = frozenset(
    {"not", "no", "didnt", "doesnt", "dont", "never", "hasnt", "wasnt", "isnt"}
)
#: Words between what builds and its verb ("my knee just kept getting worse").
_VERB_WORDS: Final = frozenset(
    {"got", "get", "gets", "getting", "kept", "keeps", "keep", "kep", "on", "just", "only",
     "then", "really", "was", "is", "were", "are", "started", "start", "felt", "feels", "went",
     "has", "had", "have", "been", "and", "the", "my", "left", "right", "both", "a", "bit",
     "so", "much", "even", "became", "progressively", "steadily", "slowly", "gradually"}
)  # fmt: skip
#: Words that point back to the area or pain said ("it kept building", "the pain got worse").
_POINTERS: Final = frozenset({"it", "its", "this", "that", "pain", "one", "ache", "niggle"})
_SUBJECT_WINDOW: Final = 5


def builds_in_activity(words: Sequence[str], body: frozenset[int]) -> bool:
    """Whether ``words`` say pain or an area built up during the activity; ``body``: the
    positions of the areas and feelings said, one of which must be what builds ("my knee
    got worse and worse", not "my pace got worse and worse")."""
    text = " ".join(words)
    escalating = any(hint in text for hint in _ESCALATING_HINTS)
    for match in _ESCALATING_RE.finditer(text) if escalating else ():
        if not _negated(text, match.start()) and _of_the_body(words, text, match.start(), body):
            return True
    if "stop" in text and _BECAUSE_RE.search(text):
        return True
    stopped = (  # one of these is in every ``_STOPPED_RE`` match: a cheap test first
        "stop" in text
        or "walk" in text
        or "gave" in text
        or "pull" in text
        or "quit" in text
        or "bail" in text
        or "couldnt" in text
    )
    stop = _STOPPED_RE.search(text) if stopped else None
    if stop is None:
        return False
    return any(
        w.end() <= stop.start()
        and not _negated(text, w.start())
        and _of_the_body(words, text, w.start(), body)
        for w in _GOT_WORSE_RE.finditer(text)
    )


def _of_the_body(words: Sequence[str], text: str, start: int, body: frozenset[int]) -> bool:
    """Whether what builds at character ``start`` is an area or feeling ("my knee got...",
    "it kept...", "sorer with each rep" with the area said before it)."""
    at = text.count(" ", 0, start)
    if at in body:
        return True  # "sorer and sorer": the feeling itself
    for j in range(at - 1, max(at - 1 - _SUBJECT_WINDOW, -1), -1):
        if j in body or words[j] in _POINTERS:
            return True
        if words[j] == "and" and not body.isdisjoint(range(max(j - _SUBJECT_WINDOW, 0), j)):
            return True  # "knee pain starts at 2k and builds till I have to stop"
        if words[j] not in _VERB_WORDS:
            return False
    return at == 0 or not body.isdisjoint(range(at))


def _negated(text: str, start: int) -> bool:
    """Whether one of the three words before ``start`` is a negation."""
    return not _NEGATION.isdisjoint(text[:start].split()[-3:])
