"""Today's session, the week ahead, the phase, and logging sessions done or skipped."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from bot.core.phases import OnboardingFinished, next_change
from bot.core.planner import DailyPlan
from bot.core.records import BodyReport, Completion, CompletionStatus
from bot.core.vocabulary import Category, Level, Phase
from bot.presentation import render
from bot.presentation.callbacks import Action, Callback, encode
from bot.service.messages import Reply, keyboard
from bot.service.turn import Turn
from bot.storage import records

__all__ = [
    "phase_reply",
    "show_effort_question",
    "today_reply",
    "week_reply",
]

MAX_NOTE = 500


async def ensure_started(turn: Turn) -> None:
    """A runner who never finished onboarding trains on the defaults from now on."""
    if turn.state.phase is Phase.ONBOARDING:
        await turn.apply(OnboardingFinished(newcomer=turn.profile.level is Level.BEGINNER))
        turn.notices.append(
            "I've started your plan with what you've told me so far and sensible defaults "
            "for the rest. Change them any time with /start; /settings shows them."
        )


async def today_reply(turn: Turn) -> list[Reply]:
    """Today's session with Done / Skip / Sore buttons (or a note that it is logged)."""
    await ensure_started(turn)
    history, reports = await turn.recent(turn.today)
    plan = turn.planner.plan_for(turn.profile, turn.state, history, reports, turn.today)
    logged = _logged_line(history, plan)
    buttons = () if logged else keyboard(render.session_keyboard(plan))
    text = render.session_message(plan, first_name=turn.runner.first_name, logged=logged)
    return [Reply(text=text, keyboard=buttons)]


async def week_reply(turn: Turn) -> list[Reply]:
    """The next seven days, one line each."""
    await ensure_started(turn)
    return [Reply(text=render.week_message(await turn.week()))]


async def phase_reply(turn: Turn) -> list[Reply]:
    """Where the runner is in the cycle, what comes next and why."""
    history = await records.phase_history(turn.session, turn.runner.id)
    reason = history[-1].reason if history else None
    upcoming = next_change(turn.state, turn.today)
    return [Reply(text=render.phase_message(turn.state, upcoming, reason, today=turn.today))]


async def typed_log(
    turn: Turn, status: CompletionStatus, rpe: int | None, note: str | None
) -> list[Reply]:
    """Answer a typed "done" / "skipped" and log today's session (once)."""
    await ensure_started(turn)
    plan = await turn.plan()
    if plan.session_id is None:
        return [Reply(text=_nothing_to_log(turn))]
    if plan.category is None:
        return [Reply(text=_nothing_to_log(turn))]
    existing = await _existing(turn, plan.on, plan.session_id)
    if existing is not None and existing.status is status and rpe is None and not note:
        return [_already_logged(plan, existing)]
    note = _clip(note)
    if existing is not None and existing.status is status:  # keep what was said before
        rpe = rpe if rpe is not None else existing.rpe
        note = note or existing.note
    completion = Completion(plan.on, plan.category, plan.session_id, status, rpe, note)
    await records.log_completion(turn.session, turn.runner.id, completion, turn.now)
    if status is CompletionStatus.SKIPPED:
        return [Reply(text=_skipped_text(note))]
    if rpe is None and plan.session_id is not None:
        buttons = keyboard(render.effort_keyboard(plan.on, plan.session_id))
        text = f"✅ Logged <b>{escape(plan.title, quote=False)}</b>. How hard did it feel?"
        return [Reply(text=text, keyboard=buttons)]
    return [Reply(text=_done_text(plan, rpe))]


def _already_logged(plan: DailyPlan, existing: Completion) -> Reply:
    """A second "done" logs nothing new; the effort question comes again if unanswered."""
    text = f"{_log_summary(existing)} That was saved already, so nothing changed."
    if existing.done and existing.rpe is None and plan.session_id is not None:
        buttons = keyboard(render.effort_keyboard(plan.on, plan.session_id))
        return Reply(text=f"{text} How hard did it feel?", keyboard=buttons)
    return Reply(text=text)


def _nothing_to_log(turn: Turn) -> str:
    if turn.state.phase is Phase.PAUSED:
        return "You're on a break, so there's no session to log. /resume brings you back."
    return "Today is a rest day in your plan, so there's nothing to log. Enjoy it!"


def show_effort_question(plan: DailyPlan, turn: Turn) -> Reply:
    """Edit the session message: logged, and how did it feel?"""
    assert plan.session_id is not None
    text = render.session_message(
        plan, first_name=turn.runner.first_name, logged="✅ Logged as done. How hard did it feel?"
    )
    return Reply(
        text=text,
        keyboard=keyboard(render.effort_keyboard(plan.on, plan.session_id)),
        edit=True,
        toast="Logged ✅",
    )


def logged_edit(plan: DailyPlan, turn: Turn, line: str, toast: str) -> Reply:
    """The session message, edited to say how it was logged."""
    text = render.session_message(plan, first_name=turn.runner.first_name, logged=line)
    return Reply(text=text, edit=True, toast=toast)


def _done_text(plan: DailyPlan, rpe: int | None) -> str:
    effort = f", effort {rpe}/10" if rpe is not None else ""
    cheer = (
        "Nice work."
        if rpe is None or rpe <= 7
        else "A tough one, well done. Easy does it tomorrow."
    )
    return f"✅ Logged <b>{escape(plan.title, quote=False)}</b>{effort}. {cheer}"


def _skipped_text(reason: str | None) -> str:
    said = f" ({escape(reason, quote=False)})" if reason else ""
    return (
        f"Noted: skipped today{said}. No stress; one missed day changes little. "
        "I'll move anything important to the next good day."
    )


def _logged_line(history: list[Completion], plan: DailyPlan) -> str | None:
    if plan.session_id is None:
        return None
    for completion in history:
        if completion.on == plan.on and completion.session_id == plan.session_id:
            return _log_summary(completion)
    return None


def _log_summary(completion: Completion) -> str:
    if completion.status is CompletionStatus.SKIPPED:
        return "⏭ Logged: skipped."
    effort = f", effort {completion.rpe}/10" if completion.rpe is not None else ""
    return f"✅ Logged: done{effort}."


def _clip(note: str | None) -> str | None:
    if note is None:
        return None
    note = " ".join(note.split())
    return note[:MAX_NOTE] or None


BUTTON_MAX_AGE_DAYS = 7
HISTORY_PAGE_SIZE = 10


async def button_log(turn: Turn, callback: Callback) -> list[Reply]:
    """Done, Skip or an effort button on a session message."""
    day, session_id = callback.date_arg(0), callback.str_arg(1)
    template = turn.planner.content.sessions.get(session_id)
    if template is None or not 0 <= (turn.today - day).days <= BUTTON_MAX_AGE_DAYS:
        return [Reply(toast="That session is too old to log from here. Send /today for today's.")]
    existing = await _existing(turn, day, session_id)
    if callback.action is Action.SKIP:
        if existing is not None and not existing.done:
            return [Reply(toast="Already logged as skipped.")]
        skipped = CompletionStatus.SKIPPED
        await _log(turn, day, (template.category, session_id), skipped, None, existing=existing)
        plan = await turn.plan(day)
        return [
            logged_edit(
                plan, turn, "⏭ Skipped. No stress: I'll fit what matters in later.", "Skipped"
            )
        ]
    rpe = callback.int_arg(2) if callback.action is Action.EFFORT else None
    if existing is not None and existing.done and (rpe is None or existing.rpe == rpe):
        return [Reply(toast="Already logged ✅")]
    done = CompletionStatus.DONE
    await _log(turn, day, (template.category, session_id), done, rpe, existing=existing)
    plan = await turn.plan(day)
    if rpe is None:
        return [show_effort_question(plan, turn)]
    return [logged_edit(plan, turn, f"✅ Logged: done, effort {rpe}/10. Nice work!", "Saved ✅")]


async def _existing(turn: Turn, day: date, session_id: str) -> Completion | None:
    for completion in await records.recent_completions(turn.session, turn.runner.id, day):
        if completion.on == day and completion.session_id == session_id:
            return completion
    return None


async def _log(
    turn: Turn,
    day: date,
    session: tuple[Category, str],
    status: CompletionStatus,
    rpe: int | None,
    *,
    existing: Completion | None,
) -> None:
    """Log a button tap, keeping the note of the log it replaces."""
    category, session_id = session
    note = existing.note if existing else None
    completion = Completion(day, category, session_id, status, rpe, note)
    await records.log_completion(turn.session, turn.runner.id, completion, turn.now)


async def history_reply(turn: Turn, page: int = 1, *, edit: bool = False) -> list[Reply]:
    """Logs and reports, newest first, ten to a page."""
    since = turn.today - timedelta(days=365)
    entries: list[tuple[date, str]] = [
        (
            c.on,
            f"{'✅' if c.done else '⏭'} {_session_title(turn, c.session_id)}"
            + (f" · effort {c.rpe}/10" if c.rpe else ""),
        )
        for c in await records.recent_completions(turn.session, turn.runner.id, since)
    ]
    entries += [
        (
            r.on,
            _report_line(r),
        )
        for r in await records.recent_reports(turn.session, turn.runner.id, since)
    ]
    if not entries:
        return [Reply(text="Nothing logged yet. Your history starts with today's session: /today")]
    entries.sort(key=lambda entry: entry[0], reverse=True)
    pages = (len(entries) + HISTORY_PAGE_SIZE - 1) // HISTORY_PAGE_SIZE
    if not 1 <= page <= pages:
        return [Reply(toast="That page is out of date. Send /history again.")]
    chunk = entries[(page - 1) * HISTORY_PAGE_SIZE : page * HISTORY_PAGE_SIZE]
    lines = "\n".join(
        f"{render.day_label(day)}: {escape(text, quote=False)}" for day, text in chunk
    )
    buttons = []
    if page > 1:
        buttons.append(("◀ Newer", encode(Action.HISTORY_PAGE, page - 1)))
    if page < pages:
        buttons.append(("Older ▶", encode(Action.HISTORY_PAGE, page + 1)))
    text = f"<b>Your history</b> (page {page} of {pages})\n{lines}"
    return [Reply(text=text, keyboard=keyboard([buttons]) if buttons else (), edit=edit)]


def _session_title(turn: Turn, session_id: str) -> str:
    template = turn.planner.content.sessions.get(session_id)
    return template.title if template is not None else session_id


def _report_line(report: BodyReport) -> str:
    severity = f" {report.severity}/10" if report.severity is not None else ""
    return f"🩹 {render.body_part(report.area, report.side)} {report.kind.value}{severity}"
