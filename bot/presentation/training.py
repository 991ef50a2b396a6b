"""The words for logging sessions, /history and /progress.

Pure; session titles, notes and reasons come as plain text and are escaped here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from bot.core.records import BodyReport, CompletionStatus
from bot.core.vocabulary import listed, sign_labels
from bot.presentation.callbacks import Action, encode
from bot.presentation.html import bold, escape_text
from bot.presentation.render import Rows, body_part, day_label

__all__ = [
    "ASK_EFFORT",
    "EFFORT_SCALE",
    "NOTHING_TO_UNDO",
    "TODAY_UNDONE",
    "already_logged",
    "asked_later",
    "before_the_plan",
    "button_done",
    "button_skipped",
    "completion_line",
    "done_kept",
    "done_logged",
    "effort_left",
    "effort_next",
    "effort_noted_already",
    "effort_off_scale",
    "effort_still_open",
    "history_empty",
    "history_keyboard",
    "history_page",
    "log_summary",
    "logged_ask_effort",
    "logged_session",
    "nothing_to_log",
    "pain_next",
    "progress_caption",
    "report_line",
    "skipped_logged",
    "started_on_defaults",
]

ASK_EFFORT = "How hard did it feel?"
#: Said when a log replaces the day's earlier one.
UPDATED = "That updates today's earlier log: one log a day."
UPDATED_DAY = "That updates the earlier log for that day: one log a day."


def _updated(updated: bool, past: str | None) -> str:
    if not updated:
        return ""
    return f" {UPDATED_DAY}" if past else f" {UPDATED}"


def _for(past: str | None) -> str:
    return f" for {past}" if past else ""


_HARD = 7


def started_on_defaults() -> str:
    """The notice when a runner who never finished the set-up starts training (plain)."""
    return (
        "I've started your plan with what you've told me so far and sensible defaults "
        "for the rest. Change them any time with /start; /settings shows them."
    )


def nothing_to_log(*, paused: bool) -> str:
    """A typed "done" on a rest day or during a break."""
    if paused:
        return "You're on a break, so there's no session to log. /resume brings you back."
    return "Today is a rest day in your plan, so there's nothing to log. Enjoy it!"


def log_summary(status: CompletionStatus, rpe: int | None) -> str:
    """How a session was logged, in one line (plain)."""
    if status is CompletionStatus.SKIPPED:
        return "⏭ Logged: skipped."
    effort = f", effort {rpe}/10" if rpe is not None else ""
    return f"✅ Logged: done{effort}."


def already_logged(status: CompletionStatus, rpe: int | None, *, ask_effort: bool) -> str:
    """A second "done" that changes nothing; the effort question again if unanswered."""
    text = f"{log_summary(status, rpe)} That was saved already, so nothing changed."
    return f"{text} {ASK_EFFORT}" if ask_effort else text


def logged_ask_effort(title: str, *, updated: bool = False, past: str | None = None) -> str:
    """A typed "done" is logged; how hard was it? ``past``: the label of the day gone by it
    is for ("yesterday")."""
    return f"✅ Logged {bold(title)}{_for(past)}.{_updated(updated, past)} {ASK_EFFORT}"


def done_logged(
    title: str,
    rpe: int | None,
    *,
    updated: bool = False,
    past: str | None = None,
    cheer: bool = True,
) -> str:
    """A typed "done" is logged, with its effort (``past``: as in ``logged_ask_effort``);
    ``cheer``: a word of praise after it."""
    effort = f", effort {rpe}/10" if rpe is not None else ""
    if not cheer:
        return f"✅ Logged {bold(title)}{_for(past)}{effort}.{_updated(updated, past)}"
    if rpe is None or rpe <= _HARD:
        praise = "Nice work."
    else:
        praise = "A tough one, well done." + ("" if past else " Easy does it tomorrow.")
    return f"✅ Logged {bold(title)}{_for(past)}{effort}. {praise}{_updated(updated, past)}"


def done_kept(title: str, day_label: str) -> str:
    """A typed skip for a day already logged done: the done stands (the runner may mean a
    run, not the hip session); the button changes it if they mean the session."""
    day = day_label[:1].upper() + day_label[1:]  # "Tue 01 Dec", not "Tue 01 dec"
    return (
        f"{day}'s <b>{escape_text(title)}</b> is already logged as done, so "
        "I've kept it: a done session counts even if the rest of the day goes sideways. "
        "If you meant to take it back, tap the button."
    )


def skipped_logged(
    reason: str | None,
    *,
    updated: bool = False,
    ahead: str | None = None,
    past: str | None = None,
) -> str:
    """A typed "skipped" is logged, with the reason the runner gave; ``ahead``: the label of
    the day ahead it is for ("friday is a no go"), ``past``: of the day gone by."""
    said = f" ({escape_text(reason)})" if reason else ""
    if ahead is not None:
        again = " That updates the earlier log for that day." if updated else ""
        return (
            f"Noted: no session on {ahead}{said}. No stress; one missed day changes little, "
            f"and I won't remind you that day. If plans change, just do it and tell me.{again}"
        )
    if past is not None:
        return (
            f"Noted: skipped {past}{said}. No stress; one missed day changes little."
            f"{_updated(updated, past)}"
        )
    return (
        f"Noted: skipped today{said}. No stress; one missed day changes little. "
        f"I'll move anything important to the next good day.{_updated(updated, past)}"
    )


_SKIPPED_PAST_RE = re.compile(
    r"^Noted: skipped (?!today)([^.()]+)\. No stress; one missed day changes little\.$"
)


def skipped_day(text: str) -> str | None:
    """The day of a plain note of a day gone by skipped (``skipped_logged`` with ``past``,
    no reason, nothing updated), else None."""
    found = _SKIPPED_PAST_RE.match(text)
    return None if found is None else found.group(1)


def skipped_days(days: Sequence[str]) -> str:
    """Several days gone by skipped, in one note."""
    count = "two" if len(days) == 2 else "a few"
    return f"Noted: skipped {listed(list(days))}. No stress; {count} missed days change little."


def asked_later(first: str) -> str:
    """A log whose questions wait until those about ``first``'s session (a day's label,
    "yesterday") are answered: one day's questions at a time."""
    return f"I'll ask how it went once {escape_text(first)}'s questions are answered."


def effort_next(day: str, title: str) -> str:
    """The effort question about the next day's session of a log of several days."""
    return f"Next, {escape_text(day)}'s {bold(title)}. {ASK_EFFORT}"


def pain_next(day: str) -> str:
    """The lead of the next day's pain question, when its effort was said."""
    return f"Next, {escape_text(day)}'s session."


def effort_left(day: str) -> str:
    """A day's pain is answered, its effort not yet, and another day waits behind it."""
    return f"And {escape_text(day)}'s session: how hard did it feel?"


def effort_still_open(title: str, day: str) -> str:
    """The effort question still open from an earlier sitting."""
    return f"Still open from {day}: <b>{escape_text(title)}</b>. {ASK_EFFORT}"


def before_the_plan(day: str, began: str) -> str:
    """A typed log for a day before the runner's plan began (``began``: "today", or "on"
    and the day)."""
    return (
        f"Your plan started {began}, so no session was planned for {day} and there's "
        "nothing to log for it. Nothing has changed. Today's session: /today."
    )


EFFORT_SCALE = "How hard did it feel, from 1 (very easy) to 10 (flat out)? Tap one or type it."
"""The effort question again, on its scale."""


def effort_off_scale(said: str) -> str:
    """A typed "done" whose effort is off the 1-10 scale: logged, and the effort asked
    once, on the scale of its buttons."""
    return f"“{escape_text(said)}” isn't one number from 1 to 10, so I've left the effort out."


def nothing_to_skip_ahead(day: str) -> str:
    """A skip said ahead for a day with no session."""
    return f"{day} is a rest day in your plan anyway, so there's nothing to skip. Enjoy it!"


def button_skipped(*, updated: bool = False) -> str:
    """How a Skip tap was logged (plain)."""
    again = f" {UPDATED}" if updated else ""
    return f"⏭ Skipped. No stress: I'll fit what matters in later.{again}"


def button_done(rpe: int | None, *, updated: bool = False) -> str:
    """How a Done or an effort tap was logged (plain)."""
    again = f" {UPDATED}" if updated else ""
    if rpe is None:
        return f"✅ Logged as done.{again} {ASK_EFFORT}"
    return f"✅ Logged: done, effort {rpe}/10. Nice work!{again}"


def effort_noted_already(rpe: int) -> str:
    """A tap on an effort button after the effort was given (typed, or on another
    message): a toast, plain text; nothing changes."""
    return f"Already noted: effort {rpe}/10. Thanks!"


def logged_session(title: str, line: str) -> str:
    """A session message after a Done, Skip or effort tap: its title and how it was logged.

    The session itself is not printed again (it was above; /today shows it).
    """
    return f"{bold(title)}\n{escape_text(line)}"


# ---------------------------------------------------------------- /history


def completion_line(*, done: bool, title: str, rpe: int | None) -> str:
    """A logged session in /history (plain)."""
    effort = f" · effort {rpe}/10" if rpe else ""
    return f"{'✅' if done else '⏭'} {title}{effort}"


def report_line(report: BodyReport) -> str:
    """A body report in /history (plain)."""
    severity = f" {report.severity}/10" if report.severity is not None else ""
    signs = listed(sign_labels(report.red_flags))
    warning = f" ⚠️ {signs}" if signs else ""  # "swelling", "numbness or tingling"
    return f"🩹 {body_part(report.area, report.side)} {report.kind.value}{severity}{warning}"


def history_empty() -> str:
    """/history with nothing logged."""
    return "Nothing logged yet. Your history starts with today's session: /today"


def history_page(
    entries: Sequence[tuple[date, str]], page: int, pages: int, today: date | None = None
) -> str:
    """One page of (day, plain line) entries, newest first (years shown off this one)."""
    lines = "\n".join(f"{day_label(day, today)}: {escape_text(text)}" for day, text in entries)
    return f"<b>Your history</b>, newest first (page {page} of {pages})\n{lines}"


def history_keyboard(page: int, pages: int) -> Rows:
    """Newer / Older buttons, as far as there are pages."""
    buttons = []
    if page > 1:
        buttons.append(("◀ Newer", encode(Action.HISTORY_PAGE, page - 1)))
    if page < pages:
        buttons.append(("Older ▶", encode(Action.HISTORY_PAGE, page + 1)))
    return [buttons] if buttons else []


# ---------------------------------------------------------------- /progress


def progress_caption(weeks: int, summary: str) -> str:
    """The numbers in words under the chart (``summary`` is plain text)."""
    return f"<b>Your last {weeks} weeks</b>\n{escape_text(summary)}"


TODAY_UNDONE = "I've taken today's log off, so today's session is still to do: /today shows it."
NOTHING_TO_UNDO = (
    "There's no log for today to take back, so nothing has changed. /history shows what's logged."
)
"""Today's log asked to be taken back when there is none."""
"""Today's log taken off: the session logged was another day's."""


def race_before_the_goal(day: date, goal: date, *, parkrun: bool) -> str:
    """A race on the way to the goal race (a parkrun raced once, a tune-up): wished well,
    the goal race kept, and how to move it if that is what was meant."""
    where = "at parkrun" if parkrun else "in your race"
    weekly = (
        " If you race parkrun most weeks, tell me (like <i>I race parkrun</i>) and I'll keep "
        "the day before clear every week."
        if parkrun
        else " If it's your goal race that has moved, send /race with its new date."
    )
    return (
        f"Good luck {where} on {day_label(day)}! Your goal race stays on {day_label(goal)}, "
        "so nothing else changes. Keep the day before it easy: leave out any hops or jumps "
        f"and do the mobility part only.{weekly}"
    )
