"""The scheduled messages' words: the morning reminder, the Sunday check-in, phase notices.

The reminder is today's session in short (title, minutes, a one-line why, the exercise
names) with Done / Skip and Snooze buttons; the check-in sums up the week; a phase notice
says why the phase changed and what that changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, time
from functools import lru_cache

from bot.core.phases import PhaseState, week_of_phase
from bot.core.planner import DailyPlan
from bot.core.progress import Trend, WeekSummary
from bot.core.vocabulary import Area, Category, Phase, Side
from bot.presentation.callbacks import Action, Snooze, encode
from bot.presentation.html import escape_text as _e
from bot.presentation.render import Rows, body_part, day_label
from bot.presentation.way_back import stage_line

__all__ = [
    "BONE_PAIN_QUESTION",
    "FEEL_WEEKS",
    "checkin_message",
    "follow_up",
    "greeting",
    "phase_notice",
    "reminder_body",
    "reminder_keyboard",
    "reminder_message",
    "rest_day_follow_up",
    "snoozed_reminder",
]

#: Weeks of a dynamic block in which the check-in asks whether the runner feels a change.
FEEL_WEEKS = range(4, 7)
_NAMES = {Category.MOBILITY: "mobility", Category.STATIC: "strength", Category.DYNAMIC: "dynamic"}
_TRENDS = {Trend.WORSE: "a bit worse", Trend.BETTER: "better", Trend.SAME: "about the same"}


_WHY_LENGTH = 160


def _one_line(text: str, limit: int = _WHY_LENGTH) -> str:
    """The first sentence of ``text`` on one line, cut at ``limit`` characters."""
    line = " ".join(text.split())
    first, dot, _ = line.partition(". ")
    line = first + "." if dot else line
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def reminder_message(plan: DailyPlan, first_name: str | None = None) -> str:
    """Today's session in short, as Telegram HTML."""
    return f"{greeting(first_name)}\n{reminder_body(plan)}"


def greeting(first_name: str | None) -> str:
    """The reminder's first line, with the runner's first name when there is one."""
    name = f", {_e(first_name.strip())}" if first_name and first_name.strip() else ""
    return f"☀️ <b>Good morning{name}!</b>"


def reminder_body(plan: DailyPlan) -> str:
    """Everything below the greeting (the same for every runner with this plan)."""
    names = " · ".join(_e(item.name) for item in plan.exercises)
    lines = [
        f"<b>{day_label(plan.on)} · {_e(plan.title)}</b> · about {plan.minutes} min",
        f"<i>{_e(_one_line(plan.why))}</i>",
    ]
    if names:
        lines.append(names)
    if plan.advice:
        lines.append(f"⚠️ {_e(_one_line(plan.advice))}")
    if plan.way_back is not None:
        lines.append(f"🪜 {stage_line(plan.way_back)}")
    return "\n".join(lines)


def follow_up(areas: Sequence[tuple[Area, Side]]) -> str:
    """The morning question about areas reported in the last days (empty: nothing to ask)."""
    if not areas:
        return ""
    parts = [body_part(area, side) for area, side in areas]
    said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    example = body_part(*areas[0])
    return (
        f"🩺 How does your {_e(said)} feel this morning? Tell me in a line, like "
        f"<i>{_e(example)} 2/10</i> or <i>{_e(example)} fine now</i>."
    )


def rest_day_follow_up(first_name: str | None, areas: Sequence[tuple[Area, Side]]) -> str:
    """A rest day's morning message when a reported area is followed up: only the question."""
    return f"{greeting(first_name)}\nA rest day today, no session.\n\n{follow_up(areas)}"


BONE_PAIN_QUESTION = (
    "🦴 A weekly check, since you've had a stress fracture: any pain at one spot in a "
    "bone that builds with impact, or hurts when you hop? If so, leave the jumps out "
    "today and tell me where (like <i>shin pain when I hop</i>)."
)
"""The morning question about bone pain after a past stress fracture (bot/core/health.py)."""


def reminder_keyboard(plan: DailyPlan) -> Rows:
    """Done / Skip, then Snooze for an hour or until the evening."""
    if plan.session_id is None:
        return []
    return [list(row) for row in _reminder_rows(plan.on, plan.session_id)]


@lru_cache(maxsize=1024)
def _reminder_rows(on: date, session_id: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The buttons of one day's session (the same for every runner doing it)."""
    return (
        (
            ("✅ Done", encode(Action.DONE, on, session_id)),
            ("⏭ Skip", encode(Action.SKIP, on, session_id)),
        ),
        (
            ("⏰ In 1 hour", encode(Action.SNOOZE, on, Snooze.HOUR)),
            ("🌆 This evening", encode(Action.SNOOZE, on, Snooze.EVENING)),
        ),
    )


def checkin_message(
    summary: WeekSummary, state: PhaseState, day: date, first_name: str | None = None
) -> str:
    """The Sunday check-in as Telegram HTML: the week's sessions, the body, a question."""
    name = f", {_e(first_name.strip())}" if first_name and first_name.strip() else ""
    week = summary.week
    lines = [f"🗓 <b>Your week{name}</b>", _sessions_line(week.done, week.skipped, week.planned)]
    if summary.trends:
        said = ", ".join(
            f"{_e(area.label)} {_TRENDS[trend]}" for area, trend in summary.trends.items()
        )
        lines.append(f"Body, against last week: {said}.")
    if state.phase is Phase.DYNAMIC_BLOCK and week_of_phase(state, day) in FEEL_WEEKS:
        lines.append(
            "🦘 You're deep into your dynamic block now: do you notice a difference when you "
            "run? Quicker, springier ground contact, a bit more push-off? Tell me in a line."
        )
    elif week.total_done:
        lines.append("Well done. Little and often is what changes hips. See you tomorrow! 💪")
    else:
        lines.append("New week tomorrow: one short session is all it takes to get going. 💪")
    return "\n".join(lines)


def _sessions_line(
    done: Mapping[Category, int], skipped: Mapping[Category, int], planned: int
) -> str:
    total_done, total_skipped = sum(done.values()), sum(skipped.values())
    of = f" of {planned} planned" if planned else ""
    line = f"Done: <b>{total_done}</b>{of}{_kinds(done)}."
    if total_skipped:
        line += f" Skipped: {total_skipped}{_kinds(skipped)}."
    return line


def _kinds(counts: Mapping[Category, int]) -> str:
    parts = [f"{counts[c]} {_NAMES[c]}" for c in Category if counts.get(c)]
    return f" ({', '.join(parts)})" if parts else ""


_WHAT_CHANGES = {
    Phase.BASE: "Sessions are mobility and strength for now, no jumps yet.",
    Phase.DYNAMIC_BLOCK: (
        "Some sessions now have light hops and jumps: land softly and stop if anything hurts."
    ),
    Phase.REST_PHASE: "No jump work for now: strength and mobility go on.",
    Phase.RACE_SEASON: "No jumps or hops until race day: short, fresh sessions instead.",
    Phase.POST_RACE_RECOVERY: "Just gentle mobility this week.",
    Phase.RECOVERY_HOLD: "Nothing loads the sore area until you tell me it feels fine.",
    Phase.PAUSED: "Nothing to do until you're back.",
    Phase.ONBOARDING: "Gentle mobility while we get set up.",
}


def phase_notice(phase: Phase, reason: str) -> str:
    """A phase-change message as Telegram HTML: why, and what changes."""
    what = _WHAT_CHANGES.get(phase, "")
    lines = [f"🔄 {_e(reason.strip())}"]
    if what:
        lines.append(f"<i>{_e(what)}</i>")
    lines.append("/today shows today's session.")
    return "\n\n".join(lines)


def snoozed_reminder(plan: DailyPlan, first_name: str | None, until: time) -> str:
    """The morning reminder, edited to say until when it is snoozed."""
    note = f"⏰ <i>Snoozed until {until:%H:%M}: I'll remind you again then.</i>"
    return f"{reminder_message(plan, first_name)}\n\n{note}"
