"""A stay said to be temporary ("in new york this week for work", "in lisbon till friday",
"on holiday in crete"): the coach still moves the time zone, and says it stays until the
runner is home. Pure."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["stay_is_temporary"]

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
