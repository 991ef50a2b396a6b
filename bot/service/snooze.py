"""Snooze: the morning reminder's "In 1 hour" / "This evening" buttons send it again later.

The day's MORNING claim is made pending again (no second row) at now + 1 hour, or at
18:00 local today (now + 1 hour when 18:00 has passed). The send-time check still skips it
if the session gets logged meanwhile. A button from another day, for a reminder that does
not exist, or after the session was logged gets a polite toast and changes nothing.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.core.timing import occurrence_on, zone
from bot.presentation.callbacks import Callback, Snooze
from bot.presentation.scheduled import reminder_keyboard, snoozed_reminder
from bot.service.messages import Reply, keyboard
from bot.service.turn import Turn
from bot.storage import deliveries, records
from bot.storage.models import DeliveryStatus

__all__ = ["EVENING", "snooze"]

EVENING = time(18, 0)
_HOUR = timedelta(hours=1)
_AGAIN = (DeliveryStatus.SENT, DeliveryStatus.PENDING)


async def snooze(turn: Turn, callback: Callback) -> list[Reply]:
    """Put today's reminder off; a toast and the reminder edited to say until when."""
    day, how = callback.date_arg(0), Snooze(callback.str_arg(1))
    if day != turn.today:
        return [Reply(toast="That reminder is from another day. Send /today for today's.")]
    logged = await records.recent_completions(turn.session, turn.runner.id, day)
    if any(done.on == day for done in logged):
        return [Reply(toast="Already logged today, so nothing to snooze. Nice work!")]
    row = await deliveries.morning_delivery(turn.session, turn.runner.id, day)
    if row is None or row.status not in _AGAIN:
        return [Reply(toast="There's no reminder to snooze today. Send /today for your session.")]
    at = _when(how, turn.now, turn.runner.timezone)
    await deliveries.requeue(turn.session, row.id, at, f"snoozed ({how.value})")
    until = at.astimezone(zone(turn.runner.timezone)).time()
    plan = await turn.plan(day)
    buttons = keyboard(reminder_keyboard(plan)[:1])  # Done / Skip stay
    return [
        Reply(
            text=snoozed_reminder(plan, turn.runner.first_name, until),
            keyboard=buttons,
            edit=True,
            toast=f"Snoozed until {until:%H:%M}",
        )
    ]


def _when(how: Snooze, now: datetime, timezone: str) -> datetime:
    """When the reminder comes back: in an hour, or at 18:00 local unless that has passed."""
    if how is Snooze.EVENING:
        evening = occurrence_on(now.astimezone(zone(timezone)).date(), EVENING, timezone)
        if evening is not None and evening > now:
            return evening
    return now + _HOUR
