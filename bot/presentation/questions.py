"""Words for questions about the plan, values asked about, and "I didn't get that".

Every user string is escaped here with ``escape_text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from bot.core.comeback import Stage, stage_of
from bot.core.phases import PhaseState, post_race_days
from bot.core.planner import DailyPlan
from bot.core.understanding.suggest import Suggestion
from bot.core.understanding.when import vague_day
from bot.core.vocabulary import Category, Phase
from bot.presentation.callbacks import Action, encode
from bot.presentation.html import escape_text, heard
from bot.presentation.render import day_label, phase_about
from bot.presentation.way_back import stage_line

__all__ = [
    "WAY_BACK_WHY",
    "break_length",
    "day_ahead",
    "jumps_answer",
    "one_day_reminder",
    "past_day",
    "past_log_too_old",
    "pause_hint",
    "planned_break",
    "some_days_reminder",
    "suggestion_rows",
    "unclear_log_day",
    "unclear_value",
    "unknown_with_suggestions",
    "week_why",
    "why_answer",
    "why_on",
]

_SUGGESTION_LABELS = {
    Suggestion.TODAY: "Today's session",
    Suggestion.PLAN: "The week ahead",
    Suggestion.PHASE: "My phase",
    Suggestion.SORE: "Report something sore",
    Suggestion.PROGRESS: "My progress",
    Suggestion.HISTORY: "My log",
    Suggestion.SETTINGS: "My settings",
    Suggestion.PAUSE: "Take a break",
    Suggestion.HELP: "Everything I can do",
}


_RELATIVE_DAY_RE = re.compile(r"\b(today|tomorrow|yesterday)\b")
_SHIFT = {"today": 0, "tomorrow": 1, "yesterday": -1}


def why_on(plan: DailyPlan, today: date) -> str:
    """``plan.why`` as read on ``today``: a why is written from its own day ("no jumps
    today: your hard session is tomorrow"), so on another day those words name the days."""
    if plan.on == today:
        return plan.why

    def named(match: re.Match[str]) -> str:
        day = plan.on + timedelta(days=_SHIFT[match.group(1)])
        return "today" if day == today else f"on {day.strftime('%A')}"

    return _RELATIVE_DAY_RE.sub(named, plan.why)


def _when(day: date, today: date) -> str:
    if (day - today).days == 1:
        return f"Tomorrow ({day_label(day, today)})"
    return day_label(day, today)


def day_ahead(plan: DailyPlan, today: date, *, skipped: bool = False) -> str:
    """A day ahead's session, briefly: it may still change as sessions are logged; a day
    gone by ("what was Monday's session?"): what was planned for it. ``skipped``: the runner
    said they will skip that day."""
    when = _when(plan.on, today)
    if plan.is_rest:
        body = f"<b>{when}: rest day.</b>\n{escape_text(why_on(plan, today))}"
    else:
        names = ", ".join(escape_text(item.name) for item in plan.exercises)
        body = (
            f"<b>{when}: {escape_text(plan.title)}</b>, about {plan.minutes} min.\n"
            f"{escape_text(why_on(plan, today))}\n<i>{names}</i>"
        )
    if plan.on < today:  # "what was the session on Monday?"
        return f"{body}\n\nThat was the plan for that day; /history shows what you logged."
    if skipped:  # "can't do tomorrow" said before
        return (
            f"{body}\n\nYou told me you'll skip this one, so no reminder that day. If plans "
            "change, just do it and tell me."
        )
    return f"{body}\n\nIt can still change as you log sessions; /today has the last word."


def jumps_answer(
    first: DailyPlan | None,
    today: date,
    horizon: int,
    phase: Phase,
    held: str | None = None,
    *,
    way_back: int | None = None,
) -> str:
    """When the next session with jumps (plyometrics) is; ``held``: why the health screen
    keeps them out for now; ``way_back``: the way-back stage the runner is at (its jumps
    come with the stages, not by the calendar)."""
    if first is None and held is not None:
        return f"No jumps for now. {escape_text(held)}"
    if way_back is not None and way_back < Stage.LOW_HOPS and (first is None or first.on > today):
        return f"No jumps yet: they come back step by step. {stage_line(way_back)}"
    if first is not None:
        when = "today" if first.on == today else _when(first.on, today)
        return (
            f"Next jumps: <b>{when}</b>, {escape_text(first.title)} "
            f"({first.contacts} foot contacts)."
        )
    if phase is Phase.RECOVERY_HOLD:  # no end date: jumps come back with the checks
        return (
            "No jumps while an area is on hold: they come back only once it has passed the "
            "return checks (and a clinician's go-ahead, where a warning sign needs one). "
            "/clear takes you through them when it feels fine."
        )
    return (
        f"No jump work in the next {horizon // 7} weeks: you're in {escape_text(phase.label)}, "
        "which builds mobility and strength first. /phase shows what comes next."
    )


#: Why a session on the way back is lighter than the phase's usual one.
WAY_BACK_WHY = (
    "Why: you're on the way back, after more than a week without logged sessions (a holiday "
    "counts, not only an injury): mobility first, then strength, then a few low hops, then "
    "your normal sessions. Each step comes once a session of the last goes at pain 2/10 or "
    "less and has settled by the next morning, so your tendons catch up before the impact "
    "does. /phase shows the stage."
)


def why_answer(plan: DailyPlan, today: date, state: PhaseState | None = None) -> str:
    """Why a session looks the way it does: its reason and what was changed; without
    jumps, why not, for the phase the runner is in (``state``: their phase state)."""
    when = "Today" if plan.on == today else _when(plan.on, today)
    lines = [f"<b>{when}: {escape_text(plan.title)}</b>", escape_text(why_on(plan, today))]
    lines.extend(f"• {escape_text(line)}" for line in plan.adjustments)
    if plan.advice:
        lines.append(escape_text(plan.advice))
    if state is not None and stage_of(state) is not Stage.FULL:
        lines.append(WAY_BACK_WHY)
    elif about := phase_about(plan.phase):
        lines.append(f"Why: {about}")
    if plan.contacts == 0 and not plan.is_rest and plan.phase is not Phase.DYNAMIC_BLOCK:
        lines.append(_no_jumps(plan.phase, state, today))
    return "\n".join(lines)


_KIND_NAMES = {
    Category.MOBILITY: "mobility",
    Category.STATIC: "strength",
    Category.DYNAMIC: "jump",
}


def week_why(plans: Sequence[DailyPlan], today: date, state: PhaseState | None) -> str:
    """Why the days ahead look the way they do ("why so much mobility this week?"): how
    many days of each kind, why jump and strength days are where they are, and the
    phase's reason (HTML)."""
    sessions = [p for p in plans if not p.is_rest]
    counts = [
        (_KIND_NAMES[kind], sum(p.category is kind for p in sessions)) for kind in _KIND_NAMES
    ]
    counts.append(("rest", len(plans) - len(sessions)))
    said = ", ".join(f"{n} {name} day{'s' if n > 1 else ''}" for name, n in counts if n)
    lines = [f"<b>The next {len(plans)} days:</b> {said}."]
    if state is not None and stage_of(state) is not Stage.FULL:
        lines.append(WAY_BACK_WHY)
    else:
        if about := phase_about(plans[0].phase):
            lines.append(f"Why: {about}")
        mobility = [p for p in sessions if p.category is Category.MOBILITY]
        changed = next((p.adjustments for p in mobility if p.adjustments), ())
        lines += [f"• {escape_text(line)}" for line in changed]
        # the week's own reasons for a mobility day: strength or jumps kept off it
        kept_off = [p for p in mobility if "strength waits" in p.why or "no jumps" in p.why]
        lines += [
            f"• {day_label(p.on, today)}: {escape_text(why_on(p, today))}" for p in kept_off[:3]
        ]
    return "\n".join(lines)


def _no_jumps(phase: Phase, state: PhaseState | None, today: date) -> str:
    """Why a session in ``phase`` has no jumps, and when they come back."""
    if phase is Phase.RACE_SEASON:
        race = state.race_date if state is not None else None
        if race is None or state is None:
            return "No jumps until after your race, so your legs stay fresh. /phase shows when."
        back = race + timedelta(days=post_race_days(state.race_distance) + 1)
        after = (
            f"they come back from {day_label(back, today)}, after your post-race recovery"
            if state.block_number >= 1
            else "after your post-race recovery, a base phase builds up to them"
        )
        return (
            f"No jumps until after your race on {day_label(race, today)}, so your legs stay "
            f"fresh: {after}. /phase shows when."
        )
    if phase is Phase.POST_RACE_RECOVERY:
        return "No jumps while your legs recover from the race. /phase shows when they return."
    if phase is Phase.REST_PHASE:
        return (
            "No jumps in the rest phase, so your tendons catch up: they come back with the "
            "next dynamic block. /phase shows when."
        )
    if phase is Phase.PAUSED:
        return "No jumps while you're on a break. /resume brings you back early."
    if phase is Phase.RECOVERY_HOLD:
        return "No jumps while an area is on hold: /clear takes you through the return checks."
    return "No jumps yet: they come once the base is built. /phase shows when."


def one_day_reminder(at: str) -> str:
    """A reminder time asked for one day only: the morning message has one time for every
    day, so nothing changed; how to move it, and back (HTML)."""
    return (
        "The morning message comes at one time every day, so I can't move it for one day "
        f"only, and I've left it as it is. If you'd like it at {escape_text(at)} from now "
        f"on, say <i>remind me at {escape_text(at)}</i>, and tell me the old time again when "
        "you want it back."
    )


def some_days_reminder(days: str) -> str:
    """A reminder asked for some days of the week only ("no reminders at weekends"): the
    morning message has one time for every day, so nothing changed; what can be (HTML)."""
    return (
        "The morning message comes at one time every day, so I can't change it for some days "
        f"of the week only (you said “{escape_text(days)}”), and I've left it as it is. You can "
        "move it for every day (<i>remind me at 7:30</i>) or turn it off (<i>stop the morning "
        "messages</i>); /today shows the session whenever you want it."
    )


def unclear_value(value: str, *, time_of_day: bool, effort: bool = False) -> str:
    """A value that cannot be right, asked about instead of guessed: a reminder time, an
    effort, or a severity (the rest of the message is kept; only the number is left out)."""
    said = escape_text(value)
    if time_of_day:
        return (
            f"I can't set “{said}” as a reminder time. Which one time did you "
            "mean? For example <i>remind me at 7:30</i>."
        )
    if effort:
        return (
            f"“{said}” isn't one number from 1 to 10, so I've left the effort out. "
            "Which one number would you give it, from 1 (easy) to 10 (flat out)? "
            "Just send the number."
        )
    return (
        f"“{said}” isn't one number from 0 to 10, so I've left that number out. If you'd "
        "like to rate it, send the area with one number from 0 (nothing) to 10 (the worst), "
        "for example <i>left calf 4</i>."
    )


def unclear_log_day(value: str, *, buttons: bool = False) -> str:
    """A session's day that cannot be right (no such day, or not yet), or said without
    saying which ("the other day"), asked about; ``buttons``: the days are offered as
    buttons under the question."""
    if "weekend" in value.lower():  # a real day, only not which of two
        if buttons:
            return (
                f"Which day of “{escape_text(value)}” was it? Tap it below and I'll log it "
                "there. Nothing is logged until then."
            )
        return (
            f"Which day of “{escape_text(value)}” was it, Saturday or Sunday? Tell me and "
            "I'll log it there, for example <i>did it on Saturday</i>. Nothing is logged "
            "until then."
        )
    if vague_day(value.lower(), done=True) is not None:
        return (
            f"Which day was “{escape_text(value)}”? Tell me and I'll log it there, "
            "for example <i>did it on Tuesday</i> or <i>did it on the 3rd</i>. "
            "Nothing is logged until then."
        )
    return (
        f"I can't log a session on “{escape_text(value)}”: that day doesn't exist or hasn't "
        "come yet, so nothing is logged. Which day was it? For example "
        "<i>did it on Monday</i> or <i>did it on the 3rd</i>."
    )


#: A day and month that read both ways ("11/10": 11 October or 10 November).
_EITHER_WAY = re.compile(r"\b(0?[1-9]|1[0-2])/(0?[1-9]|1[0-2])\b")
_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def _named_day(day: int, month: int, today: date | None) -> str:
    """ "11 October", with the year it next falls in when ``today`` is known."""
    if today is None:
        return f"{day} {_MONTHS[month - 1]}"
    year = today.year if (month, day) >= (today.month, today.day) else today.year + 1
    return f"{day} {_MONTHS[month - 1]} {year}"


_WEEKDAY_FIRST = re.compile(
    r"(?:(?:on|this|next|coming)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE
)


def unclear_date(value: str, *, race: bool, today: date | None = None) -> str:
    """A date or range that cannot be right (reversed, past, no such day), asked about; a
    race date that reads two ways names both, with the year each next falls in when
    ``today`` is known (a day without a year just gone is asked about too)."""
    said = f"“{escape_text(value)}”"
    both = _EITHER_WAY.search(value)
    if race and both is not None and both[1].lstrip("0") != both[2].lstrip("0"):
        first, second = int(both[1]), int(both[2])
        one, other = _named_day(first, second, today), _named_day(second, first, today)
        return (
            f"{said} could be {one} or {other}, so I haven't changed anything yet. Which is "
            f"it? Send it with the month in words, for example <i>race on {one}</i>."
        )
    if race and _WEEKDAY_FIRST.match(value):
        return (
            f"I'm not sure which day {said} is: that date isn't that weekday for months, so "
            "I haven't changed anything. Which day is the race? Send it with the month, for "
            "example <i>race on 18 April</i>."
        )
    if race:
        return (
            f"I can't use {said} as your race date: that day has passed or doesn't exist, so "
            "I haven't changed anything. Which day is the race? For example "
            "<i>race on 18 April</i>, with the year if it's a year away "
            "(<i>race on 3 July 2028</i>)."
        )
    return (
        f"I couldn't make a break out of {said}: it ends before it starts, or names a day "
        "that doesn't exist, so nothing is paused. Which days are you away? For example "
        "<i>away from the 14th to the 21st</i>."
    )


def break_length(said: str) -> str:
    """A break asked for with no length ("for a bit"): how long, nothing paused yet."""
    return (
        f"Happy to give you a break. How long is “{escape_text(said)}” for you? Nothing is "
        "paused yet: tell me the last day, like <i>back on the 20th</i>, or a length, like "
        "<i>pause for a week</i>."
    )


def planned_break(first: date, last: date) -> str:
    """The break planned to start later, as /phase shows it."""
    return f"⏸ <b>Break planned:</b> {day_label(first)} to {day_label(last)}. /resume calls it off."


def pause_hint() -> str:
    """How to take a break (a button never pauses by itself)."""
    return (
        "Tell me when you're away, like <i>away from the 14th to the 21st</i> or "
        "<i>back on the 20th</i>, or send /pause with the last day of your break."
    )


def past_day(day: date, today: date) -> str:
    """A day gone by, as a typed log names it ("yesterday", "Fri 4 Dec")."""
    return "yesterday" if (today - day).days == 1 else day_label(day, today)


def past_log_too_old(day: date, today: date, max_days: int) -> str:
    """A typed log for a day too far back."""
    return (
        f"{day_label(day, today)} is more than {max_days} days ago, so I can't log it from here. "
        "/history shows what's logged."
    )


def log_ahead_refused(day: date, today: date) -> str:
    """A typed log for a day ahead that cannot be logged yet (a done, or a skip too far)."""
    return (
        f"{day_label(day, today)} hasn't come yet, so I can't log it. A skip can be said up "
        "to a week ahead; for a longer break, tell me when you're away, like "
        "<i>away from the 14th to the 21st</i>."
    )


def unknown_with_suggestions(text: str) -> str:
    """A short 'I didn't get that'; the buttons below offer the closest things."""
    return f"Sorry, I didn't quite get{heard(text)}. Did you mean one of these?"


def suggestion_rows(suggestions: Sequence[Suggestion]) -> list[list[tuple[str, str]]]:
    """One button a row for each suggestion."""
    return [
        [(_SUGGESTION_LABELS[item], encode(Action.SUGGEST, item.value))] for item in suggestions
    ]
