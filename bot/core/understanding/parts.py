"""Messages with several parts: "remind me at 7 and I'm in Berlin now".

The message is cut into clauses at "but", "and", "also", "plus", "then", semicolons,
full stops, and commas followed by one of those words or a question word; each clause is
understood on its own. Rules where the issue is silent:

- A message with one meaningful clause (the others say nothing the coach acts on) is
  understood whole, so "done and dusted" or "left knee and hip sore" keep their context;
  with a contrast ("X fine but Y sore", "X ok though Y tight") the meaningful clause wins,
  so the area said to be fine is never logged as sore; but a lone "fine" clause never
  wins over the whole ("calf fine but still a bit sore" keeps the hold).
- Warning signs anywhere win: the whole message is understood as one, as before.
- A done or skip and a body report in different clauses make one log with that report
  ("did it, quads smashed after"), as the whole-message rules do.
- A clause saying an area is fine next to a clause reporting another one clears nothing:
  the fine clause is dropped (a hold is only cleared when that is all the message says).
- One intent of each kind (questions: of each topic), the first said; acted on in a
  fixed order: body reports, logs, race, pause/resume, time zone (before the reminder,
  so its time reads in the new zone), reminder, then questions and the rest.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from bot.core.understanding.message import Message
from bot.core.understanding.model import Intent, IntentKind
from bot.core.understanding.rules import analyse, understand
from bot.core.understanding.senses import Cue
from bot.core.understanding.when import log_days, names_days

__all__ = ["understand_all", "understand_parts"]

_SPLIT_RE = re.compile(
    r"\s*(?:[;.!?]+\s+|,?\s+(?:but|and|also|plus|then|though|however|although|tho)\s+"
    r"|,\s*(?=(?:also|and|but|plus|then|so|remind|what|whats|what's|when|which|why|how|can|could)\b))",
    re.IGNORECASE,
)
_CONTRAST_RE = re.compile(r"\b(?:but|though|tho|however|although)\b", re.IGNORECASE)
_IDLE = frozenset({IntentKind.UNKNOWN, IntentKind.GREETING, IntentKind.THANKS, IntentKind.HELP})
_FINE = frozenset({IntentKind.FEELS_FINE, IntentKind.NOT_FINE})
_LOGS = frozenset({IntentKind.DONE, IntentKind.SKIPPED})
_ORDER = (
    IntentKind.WARNING_SIGN,
    IntentKind.BODY_REPORT,
    IntentKind.NOT_FINE,
    IntentKind.FEELS_FINE,
    IntentKind.DONE,
    IntentKind.SKIPPED,
    IntentKind.RACE_DATE,
    IntentKind.PAUSE,
    IntentKind.RESUME,
    IntentKind.SET_TIMEZONE,
    IntentKind.SET_REMINDER,
)
_RANK = {kind: index for index, kind in enumerate(_ORDER)}
#: Words of one kind of request each: a message with words of two kinds (or a body area
#: and one kind) may ask two things; with fewer, the whole message is one request.
_FAMILIES = (
    frozenset({Cue.REMIND, Cue.REMINDER}),
    frozenset({Cue.TIMEZONE, Cue.LOCATION}),
    frozenset({Cue.PAUSE, Cue.AWAY, Cue.RESUME}),
    frozenset({Cue.RACE, Cue.RACE_DATE}),
    frozenset({Cue.DONE, Cue.DID, Cue.SKIP, Cue.SKIP_WHY, Cue.SKIP_WEAK}),
    frozenset({Cue.PROGRESS, Cue.HISTORY, Cue.LOG}),
    frozenset({Cue.ASK, Cue.SESSION, Cue.TODAY}),
    frozenset({Cue.THANKS}),
)


_QUESTION_RE = re.compile(r"\b(?:what|whats|what's|when|which|why|how)\b")


def _may_ask_two(m: Message) -> bool:
    cues = m.f.cues.keys()
    families = sum(1 for family in _FAMILIES if not family.isdisjoint(cues))
    questions = len(_QUESTION_RE.findall(m.low)) > 1  # "what's on Saturday, and when ...?"
    return families + bool(m.areas) + questions >= 2


def understand_all(text: str, today: date | None = None) -> tuple[Intent, ...]:
    """Every request in ``text``, in the order the coach should act on them (at least one)."""
    return understand_parts(text, today)[1]


@lru_cache(maxsize=4096)
def understand_parts(text: str, today: date | None = None) -> tuple[Intent, tuple[Intent, ...]]:
    """The whole message's intent (``understand``) and its requests (``understand_all``),
    from one reading of the message. Remembered: runners send the same few messages
    ("done", "what's today's session?") all day, and the result is a frozen value
    (``bench/bench_understanding.py`` clears it to measure the work itself)."""
    whole, message = analyse(text, today)
    return whole, _parts(text, today, whole, message)


def _parts(
    text: str, today: date | None, whole: Intent, message: Message | None
) -> tuple[Intent, ...]:
    if (
        whole.kind in _LOGS
        and message is not None
        and today is not None
        and names_days(message.low)
    ):
        days = log_days(message.low, today, ahead=whole.kind is IntentKind.SKIPPED)
        if len(days) > 1:  # "missed sat and sun": one log for each day
            return tuple(replace(whole, log_day=None if d == today else d) for d in days)
    if whole.signs or whole.kind is IntentKind.WARNING_SIGN or not _SPLIT_RE.search(text):
        return (whole,)
    if message is None or not (_CONTRAST_RE.search(text) or _may_ask_two(message)):
        return (whole,)
    clauses = [part for part in _SPLIT_RE.split(text) if part.strip()]
    if len(clauses) < 2:
        return (whole,)
    said = [understand(part, today) for part in clauses]
    if any(intent.signs or intent.kind is IntentKind.WARNING_SIGN for intent in said):
        return (whole,)
    meaningful = [intent for intent in said if intent.kind not in _IDLE]
    thanks = [intent for intent in said if intent.kind is IntentKind.THANKS][:1]
    if len(meaningful) == 1 and meaningful[0].kind not in _FINE and _CONTRAST_RE.search(text):
        return (meaningful[0], *thanks)
    if len(meaningful) == 1 and thanks:  # "thanks coach! what's tomorrow?": both answered
        return (meaningful[0] if whole.kind in _IDLE else whole, *thanks)
    if len(meaningful) < 2:
        return (whole,)
    return (*(_combined(meaningful) or (whole,)), *thanks)


def _combined(intents: list[Intent]) -> tuple[Intent, ...]:
    reported = [i for i in intents if i.kind is IntentKind.BODY_REPORT]
    if reported:
        intents = [i for i in intents if i.kind not in _FINE]
    logs = [i for i in intents if i.kind in _LOGS]
    if logs and reported and logs[0].report is None:  # "did it, quads smashed after"
        merged = replace(logs[0], report=reported[0].report)
        intents = [merged if i is logs[0] else i for i in intents if i is not reported[0]]
    seen: dict[tuple[IntentKind, object, object], Intent] = {}
    for intent in intents:  # two questions may ask different things
        seen.setdefault((intent.kind, intent.topic, intent.log_day), intent)
    if len(seen) < 2:
        return tuple(seen.values())
    return tuple(sorted(seen.values(), key=lambda i: _RANK.get(i.kind, len(_ORDER))))
