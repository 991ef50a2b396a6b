"""The graded way back in words: the stage, what unlocks the next, and the pain questions.

The rule is ``bot.core.comeback``'s; this module only says it (Telegram HTML, escaped).
"""

from __future__ import annotations

from datetime import date

from bot.core.comeback import LOW_HOP_CONTACTS, PASSING_PAIN, REPORT_PAIN, Feel, Stage
from bot.presentation.callbacks import Action, encode
from bot.presentation.html import escape_text as _e

Rows = list[list[tuple[str, str]]]
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(day: date) -> str:
    """'Tue 01 Dec', as ``render.day_label`` writes it (English whatever the locale)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day:02d} {_MONTHS[day.month - 1]}"


__all__ = [
    "GAP_CLOSED",
    "MORNING_QUESTION_HINT",
    "after_break",
    "morning_keyboard",
    "morning_question",
    "morning_reply",
    "pain_keyboard",
    "pain_noted_already",
    "pain_question",
    "pain_reply",
    "stage_block",
    "stage_line",
]

_WHAT = {
    Stage.MOBILITY: "mobility only",
    Stage.STATIC: "strength without impact: static holds and slow moves, no hops",
    Stage.LOW_HOPS: (
        f"a few low two-footed hops (ankle and pogo hops, at most {LOW_HOP_CONTACTS} "
        "foot contacts) next to strength and mobility"
    ),
    Stage.FULL: "your block's normal sessions",
}
_UNLOCK = (
    f"once a session at this stage goes at pain {PASSING_PAIN}/10 or less and has settled "
    "by the next morning"
)
MORNING_QUESTION_HINT = "settled, the same or worse"


GAP_CLOSED = (
    "With those days logged there was no real break after all, so the step-by-step way "
    "back is off and your sessions carry on as planned."
)
"""The way back begun after days without logs, called off when they were logged late."""


def after_break(days: int, *, phase_began: bool = False) -> str:
    """The notice when a break without logs starts the way back; ``phase_began``: a new
    phase began the same day (its notice comes first), whose sessions wait for the stages."""
    waits = (
        ", so this phase's sessions wait while we build back"
        if phase_began
        else (", so we build back")
    )
    return (
        f"Welcome back! It's {days} days since your last logged session{waits} "
        "up in stages: mobility first, then strength, then a few low hops, then your normal "
        f"sessions; each step once the last went at pain {PASSING_PAIN}/10 or less and "
        "settled by the next morning."
    )


def stage_line(stage: int) -> str:
    """One line: the stage, what it holds and what unlocks the next (plain text, escaped)."""
    current = Stage(stage)
    following = Stage(current + 1)
    return _e(
        f"Way back, stage {int(current)} of 4: {_WHAT[current]}. "
        f"Next: {_WHAT[following]}, {_UNLOCK}."
    )


def stage_block(stage: int, awaiting: date | None, today: date) -> str:
    """The stage for /phase and /today, and what the coach waits to hear."""
    lines = [f"🪜 {stage_line(stage)}"]
    if awaiting is not None:
        lines.append(morning_question(awaiting, today))
    else:
        lines.append(
            _e(
                "After your next session here, tell me the pain during it (0-10, "
                '"no pain" is 0); I ask when you tap Done.'
            )
        )
    return "\n".join(lines)


def morning_question(session_day: date, today: date) -> str:
    """How does it feel this morning, after the stage session of ``session_day``?"""
    when = "yesterday's" if (today - session_day).days == 1 else f"{_day(session_day)}'s"
    return _e(
        f"How does it feel this morning after {when} session: settled, the same, or worse? "
        "Settled unlocks the next stage."
    )


def morning_keyboard(session_day: date) -> Rows:
    """Settled / The same / Worse."""
    labels = {Feel.BETTER: "✅ Settled", Feel.SAME: "➖ The same", Feel.WORSE: "⬇️ Worse"}
    return [[(label, encode(Action.MORNING, session_day, feel)) for feel, label in labels.items()]]


def morning_reply(feel: Feel, before: int, after: int | None) -> str:
    """The answer to the morning check: the stage ``before`` and now (None: way back over)."""
    if feel is Feel.BETTER and after is None:
        return _e(
            "Settled: that was the last step of the way back. Your normal sessions are back; "
            "keep telling me if anything hurts."
        )
    if feel is Feel.BETTER and after is not None:
        return f"Settled: on to the next stage.\n🪜 {stage_line(after)}"
    if feel is Feel.SAME:
        return _e(
            f"Not settled yet, so we stay at stage {before} of 4 for one more session; "
            "the next one here is the next try."
        )
    return _e(
        f"Worse than before, so we stay at stage {before} of 4. If it keeps getting worse, "
        "tell me what hurts (or send /sore) and I'll adapt the plan."
    )


def pain_question(title: str) -> str:
    """The Done flow's question: any pain during the session?"""
    return (
        f"Any pain during <b>{_e(title)}</b>? 0 is none, 10 the worst; tap a number or "
        'type it ("no pain", "2").'
    )


def pain_keyboard(on: date) -> Rows:
    """0-5 and 6-10."""
    labels = {0: "0 none", 10: "10"}
    return [
        [(labels.get(n, str(n)), encode(Action.PAIN, on, n)) for n in range(first, last)]
        for first, last in ((0, 6), (6, 11))
    ]


def pain_or_effort(number: int) -> str:
    """A bare number while both questions are open: which one does it answer?"""
    return f"Was {number} the pain during it (0-10), or how hard it felt (1-10)?"


def pain_or_effort_keyboard(on: date, session_id: str, number: int) -> Rows:
    """One button for each reading of the number."""
    row = [(f"Pain {number}/10", encode(Action.PAIN, on, number))]
    if number >= 1:
        row.append((f"Effort {number}/10", encode(Action.EFFORT, on, session_id, number)))
    return [row]


def pain_noted_already(pain: int) -> str:
    """A tap on a pain button after the pain was given (typed, or on another message):
    a toast, plain text; nothing changes."""
    return f"Already noted: pain {pain}/10. Thanks!"


def pain_reply(pain: int, stage: int | None, *, counted: bool) -> str:
    """The answer to a pain rating; ``stage`` is the way back's (None: not on it) and
    ``counted`` whether the session was one at that stage."""
    if pain > REPORT_PAIN:
        return _e(
            f"Pain {pain}/10 during a session is more than training should cause. "
            "Let's see where and how: the questions follow."
        )
    if stage is not None and counted and pain <= PASSING_PAIN:
        return _e(
            f"Pain {pain}/10: good. Tell me tomorrow morning whether it has settled; "
            "if it has, the next stage unlocks."
        )
    if stage is not None and counted:
        return _e(
            f"Pain {pain}/10 is more than the way back allows ({PASSING_PAIN}/10), so we "
            f"stay at stage {stage} of 4; the next session here is the next try."
        )
    if pain <= PASSING_PAIN:
        return _e(f"Pain {pain}/10 noted: good.")
    return _e(
        f"Pain {pain}/10 noted. Up to 5/10 is acceptable if it settles by tomorrow "
        "morning; tell me if it doesn't."
    )
