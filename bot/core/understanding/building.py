""" "Worse and worse with every hop": pain that builds during the activity, a warning sign.

Coaching-facts, Safety: pain that worsens during activity means stop. A message says so when
a feeling or area is said to escalate ("worse and worse", "sorer and sorer", "kept
building", "kept getting worse"), to get worse with each unit of the work ("worse with
every hop", "more painful each mile", "building with each rep"), or to get worse until the
runner stopped ("got worse so I stopped", "had to stop because of it"). A negation just
before ("didn't get worse and worse") cancels it. Word-level only, so ``body`` can call it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["builds_in_activity"]

_WORSE = r"(?:worse|sorer|tighter|achier|more\s+(?:painful|sore|achy|tender))"
_UNITS = (
    r"(?:reps?|hops?|miles?|kms?|k|kilometres?|kilometers?|steps?|sets?|jumps?|strides?|laps?"
    r"|minutes?|mins?|runs?|exercises?|rounds?|bounds?|squats?|lunges?|intervals?|hills?"
    r"|bridges?|raises?|repeats?|landings?|go|one|time|session|stride)"
)
_ESCALATING_RE = re.compile(
    rf"\b{_WORSE}\s+and\s+{_WORSE}\b"
    r"|\b(?:hurt(?:s|ing)?|ached|aching)\s+more\s+and\s+more\b"
    r"|\bmore\s+and\s+more\s+(?:painful|sore|achy|tender)\b"
    r"|\b(?:kept|keeps|kep|kept\s+on|keep)\s+(?:getting\s+(?:worse|sorer|more\s+painful)"
    r"|building(?:\s+up)?|worsening|increasing|hurting\s+more|ramping\s+up|creeping\s+up"
    r"|getting\s+tighter)\b"
    rf"|\b(?:{_WORSE}|hurt(?:s|ing)?\s+more|built|building|builds|increased|increasing)"
    rf"\s+(?:(?:with|on|after|at|by|for)\s+)?(?:each|every|evry|ever)\s+(?:single\s+)?(?:\w+\s+)?"
    rf"{_UNITS}\b"
)
_GOT_WORSE_RE = re.compile(
    rf"\b(?:got|getting|gets|get|went|going|started\s+getting|became|felt)\s+{_WORSE}\b"
    r"|\bworsened\b|\bstarted\s+(?:to\s+)?(?:hurt|hurting|build|building)\b"
)
_STOPPED_RE = re.compile(
    r"\b(?:so\s+i\s+stopped|(?:and\s+)?i\s+stopped|had\s+to\s+(?:stop|quit|bail|pull\s+out)"
    r"|made\s+me\s+stop|forced\s+me\s+to\s+stop|stopped\s+(?:early|halfway|there|after)"
    r"|couldnt\s+(?:finish|carry\s+on|continue|go\s+on)|gave\s+up|pulled\s+out)\b"
)
_BECAUSE_RE = re.compile(
    r"\bhad\s+to\s+stop\s+(?:because|cos|coz|cuz|bc|due)\s+(?:of\s+)?(?:it|the\s+pain|that)\b"
)
_NEGATION = frozenset({"not", "no", "didnt", "doesnt", "dont", "never", "hasnt", "wasnt", "isnt"})


def builds_in_activity(words: Sequence[str]) -> bool:
    """Whether ``words`` say pain or an area built up during the activity (call it only
    when an area or feeling of the runner's own is said)."""
    text = " ".join(words)
    for match in _ESCALATING_RE.finditer(text):
        if not _negated(text, match.start()):
            return True
    if _BECAUSE_RE.search(text):
        return True
    stop = _STOPPED_RE.search(text)
    if stop is None:
        return False
    return any(
        w.end() <= stop.start() and not _negated(text, w.start())
        for w in _GOT_WORSE_RE.finditer(text)
    )


def _negated(text: str, start: int) -> bool:
    """Whether one of the three words before ``start`` is a negation."""
    return not _NEGATION.isdisjoint(text[:start].split()[-3:])
