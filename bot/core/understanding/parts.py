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

from bot.core.understanding.fine import says_change
from bot.core.understanding.message import Message
from bot.core.understanding.model import Intent, IntentKind, ReportSlots
from bot.core.understanding.numbers import odd_effort
from bot.core.understanding.questions import asks_permission
from bot.core.understanding.rules import analyse, understand
from bot.core.understanding.senses import Cue
from bot.core.understanding.text import normalise, tokenise
from bot.core.understanding.when import log_days, names_days
from bot.core.vocabulary import Area

__all__ = ["understand_all", "understand_parts"]

_SPLIT_RE = re.compile(
    r"\s*(?:[;.!?]+\s+|,?\s+(?:but|and|also|plus|then|though|however|although|tho|n|&)\s+"
    r"|,\s*(?=(?:also|and|but|plus|then|so|remind|reminder|reminders|send|moving|moved|what|whats"
    r"|what's|when|which"
    r"|why|how|can|could)\b))",
    re.IGNORECASE,
)
#: What a clause alone may read as a setting that the whole message, a question, does not
#: ask for ("away on a work trip next week, can I still do it?").
_SETTLED_ELSEWHERE = frozenset({IntentKind.PAUSE, IntentKind.SET_TIMEZONE})
_A_WEEK_GONE_RE = re.compile(
    r"\b(?:last|a|the\s+whole|a\s+whole|whole|two|2|a\s+couple\s+of)\s+weeks?\b(?!\s+(?:on|from))"
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
_DAY_NAME_RE = re.compile(
    r"\b(?:today|tonight|tomorrow|tmrw|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\b(?!\s+(?:after|before|week)\b)"
)
_ASKS_DAYS = frozenset({IntentKind.PLAN_QUESTION, IntentKind.TODAY})
_THEN_ASKED_RE = re.compile(
    r"(?:,|\band|\balso)\s+(?:when|what|whats|what's|how|why|which|can|could|should|do|does)\b"
)
_SAID_THEN_ASKED = frozenset(
    {IntentKind.FEELS_FINE, IntentKind.RACE_DATE, IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER}
)


def _may_ask_two(m: Message, whole: Intent) -> bool:
    cues = m.f.cues.keys()
    families = sum(1 for family in _FAMILIES if not family.isdisjoint(cues))
    questions = len(_QUESTION_RE.findall(m.low)) > 1  # "what's on Saturday, and when ...?"
    days = whole.kind in _ASKS_DAYS and len(_DAY_NAME_RE.findall(m.low)) > 1  # "sat and sun?"
    # "hip feels fine now, when can we start the jumps again?": a state, then a question
    # "my 10k is on the 30th, and when do the jumps stop?": a setting, then a question
    fine_then_asked = whole.kind in _SAID_THEN_ASKED and (
        bool(m.f.asking) or _THEN_ASKED_RE.search(m.low) is not None
    )
    return families + bool(m.areas) + questions + days + fine_then_asked >= 2


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
    return _asked_apart(_requests(text, today, whole, message), text.lower())


_RATED = frozenset(
    {IntentKind.DONE, IntentKind.SKIPPED, IntentKind.BODY_REPORT, IntentKind.NOT_FINE}
)


def _asked_apart(intents: tuple[Intent, ...], low: str) -> tuple[Intent, ...]:
    """A log or report with a number to ask about ("done, effort like 6 or 7", "pain 11/10
    in my hip") is two requests: the clear part, stored, and the question about the number
    (an intent of the same kind for an effort, a body report for a severity, with only
    ``unclear`` set)."""
    if len(intents) == 1 and intents[0].unclear is None:
        return intents
    if not any(i.unclear is not None and i.kind in _RATED for i in intents):
        return intents
    found: list[Intent] = []
    for intent in intents:
        if intent.unclear is None or intent.kind not in _RATED:
            found.append(intent)
            continue
        effort = intent.kind is IntentKind.DONE and (
            intent.report is None or odd_effort(low) is not None
        )
        kind = IntentKind.DONE if effort else IntentKind.BODY_REPORT
        found += [replace(intent, unclear=None), Intent(kind, unclear=intent.unclear)]
    return tuple(found)


def _requests(
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
    if whole.signs or whole.kind is IntentKind.WARNING_SIGN or message is None:
        return (whole,)
    if whole.unclear is not None and whole.kind in _RATED:  # "done. but 12/10 effort lol"
        return (whole,)
    if not _SPLIT_RE.search(text):
        return _reports_apart(text, today, (whole,), message)
    thanked = Cue.THANKS in message.f.cues and whole.kind is not IntentKind.THANKS
    asks_two = _CONTRAST_RE.search(text) or _may_ask_two(message, whole) or thanked
    clauses = [part for part in _SPLIT_RE.split(text) if part.strip()] if asks_two else []
    if len(clauses) < 2:
        return _reports_apart(text, today, (whole,), message)
    said = [(part, understand(part, today)) for part in clauses]
    if asks_permission(text.lower()):  # "away next week, can I still do it?": no break
        said = [(p, i) for p, i in said if i.kind not in _SETTLED_ELSEWHERE or i.kind is whole.kind]
    # "back on track. missed last week, do I repeat it?": a question about a week gone by
    # logs no skip of today
    said = [
        (p, i)
        for p, i in said
        if not (i.kind is IntentKind.SKIPPED and "?" in p and _A_WEEK_GONE_RE.search(p.lower()))
    ]
    if any(intent.signs or intent.kind is IntentKind.WARNING_SIGN for _, intent in said):
        return (whole,)
    meaningful = [(part, intent) for part, intent in said if intent.kind not in _IDLE]
    found: tuple[Intent, ...] = (whole,)
    thanks = any(intent.kind is IntentKind.THANKS for _, intent in said)
    if len(meaningful) == 1 and meaningful[0][1].kind not in _FINE and _CONTRAST_RE.search(text):
        found = (_with_effort(meaningful[0][1], whole),)
    elif len(meaningful) == 1 and thanks and whole.kind in _IDLE:
        found = (meaningful[0][1],)  # "thanks coach! what's tomorrow?": both answered
    elif len(meaningful) >= 2:
        found = _combined(meaningful, whole) or (whole,)
    if thanks and not all(i.kind in _IDLE for i in found):
        found = (*found, Intent(IntentKind.THANKS))  # "hip niggle gone. cheers": both
    helped = any(i.kind is IntentKind.HELP and _QUESTION_RE.search(p.lower()) for p, i in said)
    if helped and all(i.kind is not IntentKind.HELP for i in found):
        found = (Intent(IntentKind.HELP), *found)  # "what can you do? and what's today": both
    return _reports_apart(text, today, found, message) if len(found) == 1 else found


def _with_effort(part: Intent, whole: Intent) -> Intent:
    """A done part keeps the effort said in another part ("did it. effort about 5")."""
    if part.kind is IntentKind.DONE and part.effort is None and whole.kind is IntentKind.DONE:
        return replace(part, effort=whole.effort, effort_label=whole.effort_label)
    return part


_PIECE_RE = re.compile(r"\s*(?:[,;.!?\n]+\s*|\s+(?:but|and|tho|though)\s+)", re.IGNORECASE)


def _reports_apart(
    text: str, today: date | None, found: tuple[Intent, ...], message: Message
) -> tuple[Intent, ...]:
    """Several areas in their own clauses ("sore: quads 4, hip flexors 2", "tight hammies,
    tight hip flexors", "glutes recovered, quads still sore 3"): one report each, and an
    area said to have recovered is cleared. Not with a warning sign anywhere (the whole
    message is triaged as one, as before)."""
    only = found[0]
    if only.report is None or only.report.red_flags or only.unclear is not None:
        return found
    f = message.f
    areas = message.areas
    if len(areas) < 2 or len({f.clauses[hit.start] for hit, _ in areas}) < 2:
        return found
    reports: list[ReportSlots] = []
    cleared: list[Area] = []
    for piece in _PIECE_RE.split(text):
        if not piece.strip():
            continue
        intent, analysed = analyse(piece, today)
        if intent.signs or (intent.report and intent.report.red_flags):
            return found
        if intent.report is not None and intent.kind is not IntentKind.FEELS_FINE:
            if all(intent.report.area is not r.area for r in reports):
                reports.append(intent.report)
        elif intent.kind is IntentKind.FEELS_FINE and analysed and says_change(analysed.f.words):
            cleared += intent.fine_areas
    cleared = [a for a in dict.fromkeys(cleared) if all(a is not r.area for r in reports)]
    if not reports or len(reports) + len(cleared) < 2:
        return found
    first = only if only.kind is not IntentKind.FEELS_FINE else Intent(IntentKind.BODY_REPORT)
    rest = [Intent(IntentKind.BODY_REPORT, report=r) for r in reports[1:]]
    fine = [Intent(IntentKind.FEELS_FINE, fine_areas=tuple(cleared))] if cleared else []
    return (replace(first, report=reports[0]), *rest, *fine)


def _rating_only(part: str) -> bool:
    """Whether a clause is only an effort rating ("effort 5"), no done of its own."""
    message = analyse(part)[1]
    return message is not None and not message.f.has(Cue.DONE, Cue.DID)


def _combined(said: list[tuple[str, Intent]], whole: Intent) -> tuple[Intent, ...]:
    if whole.kind is IntentKind.DONE and sum(i.kind is IntentKind.DONE for _, i in said) > 1:
        # "did it on Monday, forgot to say. effort 7": the rating is Monday's, not a log
        said = [
            (part, i)
            for part, i in said
            if not (i.kind is IntentKind.DONE and i.log_day is None and _rating_only(part))
        ]
    intents = [_with_effort(i, whole) for _, i in said]
    reported = [i for i in intents if i.kind is IntentKind.BODY_REPORT]
    if any(i.report is not None and i.kind not in _FINE for i in intents):
        # "glutes fine but quads smashed": the fine part is context, unless it says a
        # change ("IT band pain is gone but now my ankle is sore")
        areas = {i.report.area for i in intents if i.report}
        intents = [
            i
            for (part, _), i in zip(said, intents, strict=True)
            if i.kind not in _FINE
            or (
                i.kind is IntentKind.FEELS_FINE
                and i.fine_areas
                and areas.isdisjoint(i.fine_areas)
                and says_change(tokenise(normalise(part)[1]).words)
            )
        ]
    if any(i.kind not in _FINE for i in intents):
        # "knee's fine, hamstring's fine. done, 4": a state beside a log is context; only
        # a change ("calf recovered, did it") clears a hold
        parts = [part for part, _ in said] if len(intents) == len(said) else None
        intents = [
            i
            for index, i in enumerate(intents)
            if i.kind is not IntentKind.FEELS_FINE
            or parts is None
            or says_change(tokenise(normalise(parts[index])[1]).words)
        ]
    if whole.kind is IntentKind.PAUSE and whole.unclear is None and whole.pause_from is not None:
        # "travelling to Portugal on the 1st and back on the 15th, pause it": the whole
        # message dates the break; a zone for a trip that has not begun is not asked yet
        intents = [
            whole if i.kind is IntentKind.PAUSE else i
            for i in intents
            if not (i.kind is IntentKind.SET_TIMEZONE and i.timezone_text is None)
        ]
    logs = [i for i in intents if i.kind in _LOGS]
    if logs and reported and logs[0].report is None:  # "did it, quads smashed after"
        merged = replace(logs[0], report=reported[0].report)
        intents = [merged if i is logs[0] else i for i in intents if i is not reported[0]]
    seen: dict[tuple[IntentKind, object, object, object, object], Intent] = {}
    for intent in intents:  # two questions may ask different things (or days); two
        # reports, two areas; two logs, two days
        area = (
            intent.report.area if intent.kind is IntentKind.BODY_REPORT and intent.report else None
        )
        seen.setdefault((intent.kind, intent.topic, area, intent.log_day, intent.ask_day), intent)
    if len(seen) < 2:
        return tuple(seen.values())
    return tuple(sorted(seen.values(), key=lambda i: _RANK.get(i.kind, len(_ORDER))))
