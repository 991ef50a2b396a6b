"""Race date, reminders, time zone, pauses, settings, export and delete."""

from __future__ import annotations

from datetime import date, time, timedelta
from html import escape
from zoneinfo import ZoneInfo

from bot.core.phases import (
    InvalidTransition,
    PauseRequested,
    RaceDateCleared,
    RaceDateSet,
    ResumeRequested,
)
from bot.core.understanding.clock import parse_time
from bot.core.understanding.dates import last_date
from bot.presentation.callbacks import Action, Answer, encode
from bot.presentation.render import day_label
from bot.service.messages import Reply, keyboard
from bot.service.timezones import resolve_timezone, zone_at
from bot.service.turn import Turn
from bot.storage import chats, privacy

__all__ = [
    "ask_delete",
    "confirm_delete",
    "parse_reminder_time",
    "pause",
    "resume",
    "set_race",
    "set_reminder",
    "set_timezone",
    "set_timezone_at",
    "settings",
]

DEFAULT_PAUSE_DAYS = 14
_OFF = {"off", "none", "no", "stop", "clear", "cancel"}


def _e(text: str) -> str:
    return escape(text, quote=False)


def parse_day(text: str, today: date) -> date | None:
    """An ISO date or a date as runners write it ("12 April", "next Saturday")."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return last_date(text.lower(), today)


async def set_race(turn: Turn, race_date: date | None, *, off: bool = False) -> list[Reply]:
    """Set or clear the race date."""
    try:
        if off:
            result = await turn.apply(RaceDateCleared())
            return [Reply(text=f"Race date cleared. {_e(result.reason)}")]
        if race_date is None:
            return [
                Reply(
                    text="Tell me the race date like <i>/race 2027-04-12</i>, or <i>/race off</i>."
                )
            ]
        result = await turn.apply(RaceDateSet(race_date))
    except InvalidTransition as refused:
        return [Reply(text=_e(str(refused)))]
    noted = f"{day_label(race_date)} {race_date.year}"
    return [Reply(text=f"Race day noted: <b>{noted}</b>. {_e(result.reason)}")]


async def set_race_text(turn: Turn, args: str) -> list[Reply]:
    """/race YYYY-MM-DD or /race off."""
    if args.strip().lower() in _OFF:
        return await set_race(turn, None, off=True)
    if not args.strip():
        return await set_race(turn, None)
    race_date = parse_day(args, turn.today)
    if race_date is None:
        return [
            Reply(
                text=f"<i>{_e(args.strip()[:32])}</i> isn't a date I can read. Give the race "
                "date like <i>/race 2027-04-12</i>, or <i>/race off</i>. Nothing was changed."
            )
        ]
    return await set_race(turn, race_date)


def parse_reminder_time(text: str) -> time | None:
    """A time of day as runners type it ("06:45", "7am", "half past 6"); a bare hour is HH:00."""
    low = " ".join(text.lower().split())
    if low.isascii() and low.isdigit() and len(low) <= 2 and int(low) <= 23:
        return time(int(low), 0)
    return parse_time(low)


async def set_reminder(turn: Turn, at: time | None, *, off: bool = False) -> list[Reply]:
    """Set the morning reminder time, or turn reminders off."""
    if off:
        await turn.set_reminder_time(None)
        return [
            Reply(text="Morning reminders are off. Turn them back on with <i>/remind 07:00</i>.")
        ]
    if at is None:
        return [Reply(text="Tell me a time like <i>/remind 06:45</i>, or <i>/remind off</i>.")]
    at = at.replace(second=0, microsecond=0)
    await turn.set_reminder_time(at)
    zone = _e(turn.runner.timezone)
    return [Reply(text=f"⏰ Done: your session comes every morning at <b>{at:%H:%M}</b> ({zone}).")]


async def set_reminder_text(turn: Turn, args: str) -> list[Reply]:
    """/remind HH:MM or /remind off; a bare hour ("/remind 7") means on the hour."""
    if args.strip().lower() in _OFF:
        return await set_reminder(turn, None, off=True)
    if not args.strip():
        return await set_reminder(turn, None)
    at = parse_reminder_time(args)
    if at is None:
        return [
            Reply(
                text=f"<i>{_e(args.strip()[:32])}</i> isn't a time of day I can read. "
                "Tell me one in 24-hour time, like <i>/remind 06:45</i>, or "
                "<i>/remind off</i>. Nothing was changed."
            )
        ]
    return await set_reminder(turn, at)


async def set_timezone(turn: Turn, text: str) -> list[Reply]:
    """Set the time zone from an IANA name or a city."""
    if not text.strip():
        return [
            Reply(
                text="Tell me your time zone or city, like <i>/timezone Europe/Berlin</i> or "
                "<i>/timezone Tokyo</i>, or share your location.",
                request_location=True,
            )
        ]
    zone = resolve_timezone(text)
    if zone is None:
        return [
            Reply(
                text=f"I don't know the time zone <i>{_e(text.strip()[:64])}</i>. Try a city "
                "near you or a name like <i>America/New_York</i>."
            )
        ]
    return await _store_zone(turn, zone)


async def set_timezone_at(turn: Turn, latitude: float, longitude: float) -> list[Reply]:
    """Set the time zone from a shared location."""
    zone = zone_at(latitude, longitude)
    if zone is None:
        return [
            Reply(
                text="I couldn't find a time zone there. Type a city instead, like "
                "<i>/timezone Lisbon</i>."
            )
        ]
    return await _store_zone(turn, zone)


async def _store_zone(turn: Turn, zone: str) -> list[Reply]:
    await turn.set_timezone(zone)
    local = turn.now.astimezone(ZoneInfo(zone))
    return [Reply(text=f"🌍 Time zone set to <b>{_e(zone)}</b> (it's {local:%H:%M} there now).")]


async def pause(turn: Turn, until: date | None) -> list[Reply]:
    """Pause the plan until a date (two weeks by default)."""
    end = until or turn.today + timedelta(days=DEFAULT_PAUSE_DAYS)
    try:
        result = await turn.apply(PauseRequested(end))
    except InvalidTransition as refused:
        return [Reply(text=_e(str(refused)))]
    default = "" if until else " That's two weeks; send /resume when you're back sooner."
    return [Reply(text=f"⏸ {_e(result.reason)}{default}")]


async def pause_text(turn: Turn, args: str) -> list[Reply]:
    """/pause [YYYY-MM-DD]."""
    if args.strip():
        until = parse_day(args, turn.today)
        if until is None:
            return [
                Reply(
                    text=f"<i>{_e(args.strip()[:32])}</i> isn't a date I can read. Give the "
                    "last day of your break like <i>/pause 2026-12-20</i>, or just /pause "
                    "for two weeks."
                )
            ]
        return await pause(turn, until)
    return await pause(turn, None)


async def resume(turn: Turn) -> list[Reply]:
    """End a pause early."""
    try:
        result = await turn.apply(ResumeRequested())
    except InvalidTransition as refused:
        return [Reply(text=_e(str(refused)))]
    return [Reply(text=f"▶️ {_e(result.reason)} Send /today for today's session.")]


def settings(turn: Turn) -> list[Reply]:
    """What the coach knows about the runner, and how to change it."""
    runner, profile = turn.runner, turn.profile
    kit = (
        ", ".join(sorted(k.value.replace("_", " ") for k in profile.equipment))
        or "body weight only"
    )
    reminder = f"{runner.reminder_time:%H:%M}" if runner.reminder_time else "off"
    race_date = turn.state.race_date
    race = f"{day_label(race_date)} {race_date.year}" if race_date else "none"
    text = (
        "<b>Your settings</b>\n"
        f"• Level: {profile.level.value}\n"
        f"• Desk job: {'yes' if profile.desk_job else 'no'}\n"
        f"• Kit: {kit}\n"
        f"• Phase: {turn.state.phase.label}\n"
        f"• Race: {race} (/race)\n"
        f"• Morning reminder: {reminder} (/remind)\n"
        f"• Time zone: {_e(runner.timezone)} (/timezone)\n\n"
        "Run /start to answer the set-up questions again."
    )
    return [Reply(text=text)]


def ask_delete() -> list[Reply]:
    """Ask before erasing anything."""
    rows = [
        [
            ("Yes, delete everything", encode(Action.CONFIRM_DELETE, Answer.YES)),
            ("No, keep it", encode(Action.CONFIRM_DELETE, Answer.NO)),
        ]
    ]
    return [
        Reply(
            text="This erases everything I know about you: settings, logs, reports and phase "
            "history. It can't be undone. Delete it all?",
            keyboard=keyboard(rows),
        )
    ]


async def confirm_delete(turn: Turn, answer: Answer) -> list[Reply]:
    """Erase the runner's rows after a Yes."""
    if answer is Answer.NO:
        return [Reply(text="Kept. Nothing was deleted.", edit=True)]
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    await privacy.delete_runner(turn.session, turn.runner.id)
    turn.deleted = True
    return [
        Reply(
            text="Done: everything about you is deleted. Send /start if you ever want to train "
            "together again. Good luck out there! 👋",
            edit=True,
        )
    ]
