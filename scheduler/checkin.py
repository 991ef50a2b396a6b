"""The weekly check-in: claimed once per runner and local Sunday, composed when it is sent.

Due at ``runners.next_checkin_at`` (Sunday 19:00 local, ``bot.core.timing.next_checkin``).
Per due runner: inactive or not set up → unscheduled (``backfill`` schedules them again
when they are back); due longer ago than the grace window → claimed as missed; paused
that day → claimed as skipped; else claimed pending. Reminders being off does not matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.phases import DayPassed, transition
from bot.core.planner import Planner
from bot.core.progress import planned_days, week_summary
from bot.core.records import BodyReport
from bot.core.restrictions import REPORT_LOOKBACK_DAYS
from bot.core.rhythm import LOOKBACK_DAYS
from bot.core.timing import due_status, is_paused, local_date_of, next_checkin
from bot.core.vocabulary import Phase
from bot.presentation.scheduled import checkin_message
from bot.storage import deliveries, planning, schedule
from bot.storage.deliveries import ClaimRequest, PendingClaim
from bot.storage.models import DeliveryKind, PhaseHistoryRow
from bot.storage.planning import PlanInputs
from bot.storage.schedule import DueRunner
from scheduler.fanout import CLAIM_STATUS, DEFAULT_BATCH, DEFAULT_GRACE, MAX_BATCHES

__all__ = ["compose_checkins", "plan_checkins"]


async def plan_checkins(
    sessions: async_sessionmaker[AsyncSession],
    now: datetime,
    grace: timedelta = DEFAULT_GRACE,
    instance: str = "hipcoach",
    limit: int = DEFAULT_BATCH,
) -> int:
    """Claim the check-ins due at ``now``, ``limit`` runners per transaction; claims made."""
    made = 0
    for _ in range(MAX_BATCHES):
        async with sessions() as session, session.begin():
            due = await schedule.due_checkins(session, now, limit)
            made += await _plan_batch(session, due, now, grace, instance)
        if not due:
            break
    return made


async def _plan_batch(
    session: AsyncSession,
    due: Sequence[DueRunner],
    now: datetime,
    grace: timedelta,
    instance: str,
) -> int:
    requests: list[ClaimRequest] = []
    changes: list[tuple[int, datetime | None]] = []
    for runner in due:
        if not (runner.active and runner.onboarded):
            changes.append((runner.id, None))
            continue
        when, day = runner.due_at, local_date_of(runner.due_at, runner.timezone)
        found = due_status(when, now, grace, runner.paused_until, day)
        changes.append((runner.id, next_checkin(runner.timezone, found.after)))
        status, reason = CLAIM_STATUS[found.fate]
        requests.append(ClaimRequest(runner.id, day, DeliveryKind.CHECKIN, when, status, reason))
    ids = await deliveries.claim_many(session, requests, instance)
    await schedule.set_next_checkins(session, changes)
    return len(ids)


async def compose_checkins(
    session: AsyncSession, planner: Planner, rows: Sequence[PendingClaim]
) -> dict[int, str | tuple[str, int]]:
    """Each check-in claim's text and chat id, or why it is not sent."""
    if not rows:
        return {}
    first = min(row.local_date for row in rows) - timedelta(days=13)
    inputs = await planning.plan_inputs(
        session,
        (row.runner_id for row in rows),
        first - timedelta(days=LOOKBACK_DAYS + 1),
        first - timedelta(days=REPORT_LOOKBACK_DAYS),
    )
    histories = await schedule.phase_starts(session, (row.runner_id for row in rows))
    out: dict[int, str | tuple[str, int]] = {}
    for row in rows:
        found = inputs.get(row.runner_id)
        if found is None or found.state is None:
            out[row.id] = "runner gone"
            continue
        runner = found.runner
        if not runner.active:
            out[row.id] = "inactive"
        elif is_paused(runner.paused_until, row.local_date):
            out[row.id] = "paused"
        else:
            history = histories.get(runner.id, [])
            text = _compose(planner, found, history, row.local_date)
            out[row.id] = (text, runner.telegram_id)
    return out


def _compose(
    planner: Planner, inputs: PlanInputs, history: Sequence[PhaseHistoryRow], day: date
) -> str:
    assert inputs.state is not None
    state = transition(inputs.state, DayPassed(), day).state
    monday = day - timedelta(days=day.weekday())
    zone = inputs.runner.timezone
    phases = _phase_starts(history, zone)
    planned = planned_days(
        planner,
        inputs.runner.profile,
        state,
        inputs.history,
        inputs.reports,
        start=monday,
        end=day,
        phases=phases,
    )
    summary = week_summary(planned, inputs.history, _up_to(inputs.reports, day), day)
    return checkin_message(summary, state, day, inputs.runner.first_name)


def _up_to(reports: Sequence[BodyReport], day: date) -> list[BodyReport]:
    return [report for report in reports if report.on <= day]


def _phase_starts(history: Sequence[PhaseHistoryRow], zone: str) -> list[tuple[date, Phase]]:
    """(first day, phase) from the history, never going back in time (as /progress does)."""
    starts: list[tuple[date, Phase]] = []
    for row in history:
        first = max(row.started_on, local_date_of(row.recorded_at, zone))
        if starts and first < starts[-1][0]:
            first = starts[-1][0]
        starts.append((first, row.phase))
    return starts
