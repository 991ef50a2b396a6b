"""A stay said to be temporary ("in new york this week for work", "in lisbon till friday",
"on holiday in crete"): the coach still moves the time zone, and says it stays until the
runner is home; and the runner saying they are home again ("back home now", "im home"). Pure."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["says_back_home", "stay_is_temporary"]

_TEMPORARY_RE: Final = re.compile(
    r"\b(?:this|next|for\s+the|for\s+a|for\s+the\s+next)\s+(?:week|weekend|few\s+days|couple\s+of"
    r"\s+(?:days|weeks)|days?|fortnight|month)\b"
    r"|\bfor\s+(?:work|business|a\s+conference|a\s+meeting|a\s+wedding|[0-9]+\s+(?:days|nights|weeks))\b"
    r"|\b(?:till|until|til|untill)\s+\w+"
    r"|\b(?:on\s+)?(?:holiday|holidays|hols|vacation|vacay|a\s+trip|business\s+trip|work\s+trip"
    r"|honeymoon)\b"
    r"|\b(?:visiting|travelling|traveling|temporarily|for\s+now|at\s+the\s+moment|right\s+now)\b"
    r"|\bback\s+(?:home\s+)?(?:on|next|in\s+a|by)\b"
)
#: A move for good ("moved to Berlin for work", "we live in Lisbon now") is no stay.
_MOVED_RE: Final = re.compile(
    r"\b(?:moved|moving|relocated|relocating|emigrated|live|living|based|new\s+home)\b"
)


def stay_is_temporary(text: str) -> bool:
    """Whether the runner says they are somewhere for a while, not for good."""
    low = " ".join(text.lower().replace("’", "'").split())
    return _TEMPORARY_RE.search(low) is not None and _MOVED_RE.search(low) is None


#: Home again, said on its own: "back home now", "home again", "im home", "just got home",
#: "finally back home!", "we're home". Not a plan for later ("back home on friday"), not
#: staying in ("home all week"), not a place ("back home in leeds": that city's zone).
_HOME_AGAIN_RE: Final = re.compile(
    r"^(?:(?:ok|okay|so|well|yay|phew|finally|and|hi|hey|coach)\b[\s,!.]*)*"
    r"(?P<who>(?:i'?m|im|i\s+am|we'?re|were|we\s+are)\s+)?(?:(?:now|just|finally|safely)\s+)?"
    r"(?P<came>(?:got|made\s+it|arrived|flew|came)\s+)?"
    r"(?P<back>back\s+)?home"
    r"(?P<after>(?:\s+(?:again|now|at\s+last|finally|safe(?:\s+and\s+sound)?"
    r"|from\s+(?:my|the|our|a)\s+(?:\w+\s+)?(?:trip|travels?|holiday|stay)))*)"
    r"[\s!.:)🏠🙂😊🎉]*$"
)


def says_back_home(text: str) -> bool:
    """Whether the message says the runner is home again (and says nothing else)."""
    low = " ".join(text.lower().replace("’", "'").split())
    found = _HOME_AGAIN_RE.match(low)
    # "home" alone says nothing of coming back: a word for it is needed ("at home" is none)
    return found is not None and any(found.group(name) for name in ("who", "came", "back", "after"))
