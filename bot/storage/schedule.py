"""The runners' side of the schedule: who is due, who is not yet scheduled, the next instants.

Reminder and check-in instants live on the runner rows (indexed); the daily phase pass reads
the zones, locks the phase states it moves on and finds the phase changes to announce. The
claims themselves (one row per runner, local day and kind) are in ``bot.storage.deliveries``.
Functions take a session and never commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.core.phases import PhaseState
from bot.core.timing import next_checkin, next_occurrence
from bot.core.vocabulary import Phase
from bot.storage.deliveries import PendingClaim
from bot.storage.dialect import skip_locked
from bot.storage.models import PhaseHistoryRow, PhaseStateRow, Runner
from bot.storage.planning import STATE_COLUMNS, phase_state
from bot.storage.repository import update_runner
from bot.storage.runners import RunnerRecord

__all__ = [
    "DueRunner",
    "due_checkins",
    "due_runners",
    "lock_phase_states",
    "phase_notes",
    "phase_starts",
    "reschedule",
    "runner_zones",
    "set_next_checkins",
    "set_next_reminder",
    "set_next_reminders",
    "unscheduled_checkins",
    "unscheduled_reminders",
]


async def reschedule(
    session: AsyncSession, runner: Runner | RunnerRecord, now: datetime
) -> datetime | None:
    """Recompute ``runner.next_reminder_at`` from its reminder time and zone (None: off).

    Also ``runner.next_checkin_at`` (None unless active and onboarded; check-ins go out
    with reminders off too). Call after the reminder time or time zone changed
    (``/remind``, ``/timezone``); it does not commit. A second message of a kind on one
    local day is prevented by the claim.
    """
    at = runner.reminder_time
    wanted = runner.active and runner.onboarded
    await update_runner(
        session,
        runner,
        next_reminder_at=None if at is None else next_occurrence(at, runner.timezone, now),
        next_checkin_at=next_checkin(runner.timezone, now) if wanted else None,
    )
    return runner.next_reminder_at


@dataclass(frozen=True, slots=True)
class DueRunner:
    """What the scheduler reads about a runner whose reminder or check-in fell due."""

    id: int
    timezone: str
    reminder_time: time | None
    due_at: datetime
    paused_until: date | None
    active: bool
    onboarded: bool


async def due_runners(session: AsyncSession, now: datetime, limit: int) -> list[DueRunner]:
    """Runners whose ``next_reminder_at`` is at or before ``now``, earliest first.

    Inactive runners and those with reminders off are returned too (the fan-out moves
    them on); the query walks the ``next_reminder_at`` index.
    """
    return await _due(session, Runner.next_reminder_at, now, limit)


async def due_checkins(session: AsyncSession, now: datetime, limit: int) -> list[DueRunner]:
    """Runners whose ``next_checkin_at`` is at or before ``now``, earliest first."""
    return await _due(session, Runner.next_checkin_at, now, limit)


async def _due(
    session: AsyncSession, due: InstrumentedAttribute[datetime | None], now: datetime, limit: int
) -> list[DueRunner]:
    """Runners whose ``due`` instant has come, earliest first (locked on PostgreSQL)."""
    query = (
        select(
            Runner.id,
            Runner.timezone,
            Runner.reminder_time,
            due,
            Runner.paused_until,
            Runner.active,
            Runner.onboarded,
        )
        .where(due <= now)
        .order_by(due, Runner.id)
        .limit(limit)
    )
    rows = await session.execute(skip_locked(session, query))
    # the due column is not null here (filtered on it), which the row's type cannot say
    return [DueRunner(*row) for row in rows]  # type: ignore[arg-type]


async def set_next_reminder(
    session: AsyncSession, runner_id: int, instant: datetime | None
) -> None:
    """Store when the runner's next morning reminder falls due (None: reminders off)."""
    await session.execute(
        update(Runner).where(Runner.id == runner_id).values(next_reminder_at=instant)
    )


async def set_next_reminders(
    session: AsyncSession, changes: Iterable[tuple[int, datetime | None]]
) -> None:
    """``set_next_reminder`` for many runners in one executemany."""
    await _set_runner_column(session, "next_reminder_at", changes)


async def _set_runner_column(
    session: AsyncSession, column: str, changes: Iterable[tuple[int, datetime | None]]
) -> None:
    """Set one instant column on many runners: a Core executemany by primary key."""
    params = [{"runner": runner_id, "at": at} for runner_id, at in changes]
    if params:
        table = Runner.__table__
        assert isinstance(table, Table)
        statement = (
            update(table).where(table.c.id == bindparam("runner")).values({column: bindparam("at")})
        )
        connection = await session.connection()
        await connection.execute(statement, params)


async def unscheduled_reminders(session: AsyncSession, limit: int) -> list[tuple[int, time, str]]:
    """(id, reminder time, zone) of runners with a reminder time but no next reminder."""
    query = (
        select(Runner.id, Runner.reminder_time, Runner.timezone)
        .where(Runner.reminder_time.is_not(None), Runner.next_reminder_at.is_(None))
        .order_by(Runner.id)
        .limit(limit)
    )
    rows = await session.execute(skip_locked(session, query))
    return [(row.id, row.reminder_time, row.timezone) for row in rows]


async def unscheduled_checkins(session: AsyncSession, limit: int) -> list[tuple[int, str]]:
    """(id, zone) of active, onboarded runners without a next check-in (locked on PostgreSQL)."""
    query = (
        select(Runner.id, Runner.timezone)
        .where(Runner.next_checkin_at.is_(None), Runner.active, Runner.onboarded)
        .order_by(Runner.id)
        .limit(limit)
    )
    return [(row.id, row.timezone) for row in await session.execute(skip_locked(session, query))]


async def set_next_checkins(
    session: AsyncSession, changes: Iterable[tuple[int, datetime | None]]
) -> None:
    """Store when each runner's next check-in falls due (None: not scheduled)."""
    await _set_runner_column(session, "next_checkin_at", changes)


async def phase_starts(
    session: AsyncSession, runner_ids: Iterable[int]
) -> dict[int, list[PhaseHistoryRow]]:
    """Each runner's phase history, oldest first."""
    ids = sorted(set(runner_ids))
    found: dict[int, list[PhaseHistoryRow]] = {runner: [] for runner in ids}
    if ids:
        rows = await session.scalars(
            select(PhaseHistoryRow)
            .where(PhaseHistoryRow.runner_id.in_(ids))
            .order_by(PhaseHistoryRow.id)
        )
        for row in rows:
            found[row.runner_id].append(row)
    return found


async def runner_zones(session: AsyncSession) -> list[str]:
    """The time zones of active, onboarded runners."""
    query = select(Runner.timezone).where(Runner.active, Runner.onboarded).distinct()
    return sorted(await session.scalars(query))


async def lock_phase_states(
    session: AsyncSession, zone: str, after: int, limit: int
) -> list[tuple[int, PhaseState]]:
    """Phase states of active, onboarded runners in ``zone`` with ids above ``after``.

    Locked ``FOR UPDATE SKIP LOCKED`` on PostgreSQL: a row another transaction holds (a
    message being handled, which brings the phase up to date itself, or another
    instance's pass) is left out rather than waited for.
    """
    query = (
        select(PhaseStateRow.runner_id, *STATE_COLUMNS)
        .join(Runner, Runner.id == PhaseStateRow.runner_id)
        .where(
            Runner.timezone == zone,
            Runner.active,
            Runner.onboarded,
            PhaseStateRow.runner_id > after,
        )
        .order_by(PhaseStateRow.runner_id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=PhaseStateRow)
    return [(runner_id, phase_state(values)) for runner_id, *values in await session.execute(query)]


async def phase_notes(
    session: AsyncSession, rows: Sequence[PendingClaim]
) -> dict[int, tuple[Phase, str]]:
    """For each PHASE claim, the phase entered and why: the history row saved with it."""
    found: dict[int, tuple[Phase, str]] = {}
    for row in rows:
        history = await session.scalars(
            select(PhaseHistoryRow)
            .where(
                PhaseHistoryRow.runner_id == row.runner_id,
                PhaseHistoryRow.recorded_at <= row.created_at,
            )
            .order_by(PhaseHistoryRow.id.desc())
            .limit(1)
        )
        if (entry := history.first()) is not None:
            found[row.id] = (entry.phase, entry.reason)
    return found
