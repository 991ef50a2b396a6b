"""A runner correcting, in a message of its own, the body report they sent just before
("sorry, not my knee, it's my hip", "I meant the right one", "oops, more like a 4").

``report_fix`` reads the area, side or number said instead; the service puts it on the
latest report. A message that reports a feeling of its own is a report, not this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bot.core.understanding.body import denied
from bot.core.understanding.rules import analyse
from bot.core.vocabulary import Area, Side

__all__ = ["ReportFix", "effort_not_severity", "report_fix"]

_MARK_RE: Final = re.compile(
    r"\b(?:sorry|soz|sry|oops|whoops|i\s+mean|i\s+meant|meant|my\s+bad|typo|no\s+wait"
    r"|correction|actually|not\s+(?:my|the)\b)"
)
_NOT_BEFORE_RE: Final = re.compile(r"\bnot\s+(?:a\s+)?$")
_SIDES: Final = frozenset({Side.LEFT, Side.RIGHT, Side.BOTH})


@dataclass(frozen=True, slots=True)
class ReportFix:
    """What a correction says instead (None: not said)."""

    area: Area | None
    side: Side | None
    severity: int | None


def report_fix(text: str) -> ReportFix | None:
    """The area, side or number ``text`` puts right, or None when it is no correction of a
    report (no correction word, a feeling of its own, or nothing said instead)."""
    low = text.lower()
    if _MARK_RE.search(low) is None:
        return None
    intent, m = analyse(text)
    if m is None or intent.report is not None or intent.signs:
        return None
    f = m.f
    areas = [area for hit, area in m.areas if not denied(f, hit)]
    sides = [
        hit.sense.side
        for hit in f.hits
        if hit.sense.side in _SIDES and not denied(f, hit) and not _after_not(f.words, hit.start)
    ]
    numbers = [
        value
        for pos, value in m.ratings
        if _NOT_BEFORE_RE.search(low, max(pos - 8, 0), pos) is None
    ]
    fix = ReportFix(
        areas[-1] if areas else None,
        sides[-1] if sides else None,
        numbers[-1] if len(numbers) == 1 else None,
    )
    return None if fix == ReportFix(None, None, None) else fix


def _after_not(words: tuple[str, ...], at: int) -> bool:
    """ "the left not the right": a side right after "not (the)" is the one taken back."""
    before = words[max(at - 2, 0) : at]
    return "not" in before


#: A number said back as the session's effort ("the 8 was how hard it felt", "that 7 was
#: the effort, not my calf", "I meant effort 6").
_EFFORT_NOT_SEVERITY_RE: Final = re.compile(
    r"\b(10|[0-9])(?:\s*/\s*10)?\s+(?:was|is|were|=|meant)\s+(?:(?:for|about|of)\s+)?"
    r"(?:the\s+|my\s+)?(?:effort|rpe|session|workout|sesh|how\s+(?:hard|tough))"
    r"|\bmeant\s+(?:an?\s+)?(?:effort|rpe)\s+(?:of\s+)?(10|[0-9])\b"
)


def effort_not_severity(text: str) -> int | None:
    """The number a runner says was the session's effort, not a rating of their body
    ("the 8 was how hard it felt not my hip"), or None."""
    low = text.lower()
    if not ("effort" in low or "rpe" in low or "how" in low or "sess" in low or "work" in low):
        return None
    found = _EFFORT_NOT_SEVERITY_RE.search(low)
    if found is None:
        return None
    return int(found.group(1) or found.group(2))
