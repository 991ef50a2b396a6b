"""Questions about the plan: a day ahead, the week, the block, the phase, the jumps, why.

A question is a message with a question mark or a question word; then the topic is read
from its words, the most specific first: why (a reason asked for), jumps ("when do the
plyos start"), phase, the whole block, the week, a named day. A question that names a body
area or a feeling is left to the body rules ("why does my knee hurt?" is a report).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.core.understanding.model import Intent, IntentKind, PlanTopic

__all__ = ["plan_question"]

_ASK_RE = re.compile(
    r"^(?:so\s+|and\s+|hey\s+|ok\s+|coach\s+)?(?:what|whats|what's|wats|wat|when|whens|which|why|how"
    r"|hows|is|are|will|any|show|tell|give|can\s+you\s+(?:show|tell)"
    r"|(?:do|does)\s+(?:i|we|you|u|there|the|my|this)"
    r"|can\s+i\s+(?:see|get|have))\b"
    r"|\b(?:what|whats|what's|when|which|why)\b"
)
_WHY_RE = re.compile(r"\b(?:why|how\s+come|whats\s+the\s+point|what's\s+the\s+point)\b")
_JUMPS = r"(?:jumps?|jumping|plyos?|plyometrics?|hops?|hopping|bounds?|bounding|impact)"
_JUMPS_RE = re.compile(rf"\b{_JUMPS}\b")
_PHASE_RE = re.compile(r"\b(?:phase|stage|cycle|block\s+am\s+i|where\s+am\s+i\s+(?:at|in))\b")
_BLOCK_RE = re.compile(
    r"\b(?:whole|full|entire|rest\s+of\s+the)\s+(?:block|plan|programme|program)\b"
    r"|\b(?:the|this)\s+block\b"
)
_WEEK_RE = re.compile(
    r"\b(?:this|the|rest\s+of\s+the|rest\s+of\s+this|coming|next\s+few\s+days|for\s+the)\s+week\b"
    r"|\bweek\s+ahead\b|\bthis\s+weeks?\b|\bweekly\s+plan\b|\brest\s+of\s+(?:the\s+)?week\b"
)
_TOMORROW_RE = re.compile(r"\b(?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b")
_PLAN_WORDS_RE = re.compile(
    r"\b(?:(?:what'?s|whats|wats|what\s+is|anything)\s+on|looks?\s+like|looking\s+like"
    r"|in\s+store|plan|planned|session|sessions|workout|programme|program|doing|do|schedule"
    r"|scheduled|coming\s+up|up\s+next|next|training|routine|mobility|strength|exercises?"
    rf"|so\s+much|so\s+little|so\s+easy|so\s+hard|no|light|short|long|{_JUMPS})\b"
)


def plan_question(low: str, today: date | None) -> Intent | None:
    """A question about the plan, with its topic, or None when ``low`` asks none."""
    if not ("?" in low or _ASK_RE.search(low)):
        return None
    if _WHY_RE.search(low) and _PLAN_WORDS_RE.search(low):
        return _asked(PlanTopic.WHY)
    if _JUMPS_RE.search(low) and re.search(r"\b(?:when|start|begin|how\s+long|until)\b", low):
        return _asked(PlanTopic.JUMPS)
    if _PHASE_RE.search(low):
        return _asked(PlanTopic.PHASE)
    if _BLOCK_RE.search(low):
        return _asked(PlanTopic.BLOCK)
    if _WEEK_RE.search(low) and _PLAN_WORDS_RE.search(low):
        return _asked(PlanTopic.WEEK)
    if today is None or not _PLAN_WORDS_RE.search(low):
        return None
    if _TOMORROW_RE.search(low):
        return _asked(PlanTopic.DAY, today + timedelta(days=1))
    if (match := _WEEKDAY_RE.search(low)) is not None:
        ahead = (_WEEKDAYS.index(match.group(1)) - today.weekday()) % 7
        return _asked(PlanTopic.DAY, today + timedelta(days=ahead))
    return None


def _asked(topic: PlanTopic, day: date | None = None) -> Intent:
    return Intent(IntentKind.PLAN_QUESTION, topic=topic, ask_day=day)
