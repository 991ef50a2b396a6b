"""The running scheduler: an APScheduler interval job on the bot's event loop.

Every ``interval`` seconds (and once at start, as a catch-up pass) it schedules runners
not yet scheduled (``backfill``), moves phases on where a local day began
(``PhasePass``), claims the check-ins and reminders that fell due (``plan_checkins``,
``plan_due``) and sends the pending claims (``send_pending``). All schedule state is in
the database, so a restart loses nothing; the first pass also takes back the claims this
instance had leased when it stopped. About once an hour a pass then deletes handled update
ids and finished claims older than ``retention`` (``prune``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.planner import Planner
from bot.storage import chats, deliveries
from scheduler.checkin import plan_checkins
from scheduler.fanout import DEFAULT_BATCH, DEFAULT_GRACE, backfill, plan_due
from scheduler.messages import ReminderComposer
from scheduler.phase_pass import PhasePass
from scheduler.sender import Composer, Reserve, Sender, SendReport, no_wait, send_pending

__all__ = [
    "DEFAULT_INTERVAL",
    "DEFAULT_RETENTION",
    "PRUNE_EVERY",
    "Pruned",
    "ReminderScheduler",
    "Tick",
    "default_instance",
]

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 20.0
_JOB_ID = "hipcoach-reminders"
_STOP_TIMEOUT = 10.0
DEFAULT_RETENTION = timedelta(days=7)
PRUNE_EVERY = timedelta(hours=1)
#: Rows one pruning transaction deletes at most, and transactions one pass runs at most:
#: a long backlog (a first prune after months) goes in short steps over several passes.
PRUNE_BATCH = 5000
PRUNE_BATCHES_PER_PASS = 20


def default_instance(port: int | None = None) -> str:
    """This process's name in ``deliveries.claimed_by``, stable across its restarts.

    The host name, and the webhook ``port`` when there is one: instances on one host each
    listen on their own port, and a restarted instance must take back only its own leases.
    """
    host = socket.gethostname() or "hipcoach"
    return host if port is None else f"{host}:{port}"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Tick:
    """What one pass did: morning claims made, the sending report, other claims made."""

    claimed: int
    sent: SendReport
    checkins: int = 0
    phases: int = 0


@dataclass(frozen=True, slots=True)
class Pruned:
    """What one prune deleted: handled update ids and finished claims."""

    updates: int = 0
    claims: int = 0


class ReminderScheduler:
    """Claims and sends scheduled messages on an interval, on the running event loop."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        sender: Sender,
        planner: Planner,
        *,
        clock: Callable[[], datetime] = _utc_now,
        interval: float = DEFAULT_INTERVAL,
        grace: timedelta = DEFAULT_GRACE,
        instance: str | None = None,
        batch: int = DEFAULT_BATCH,
        compose: Composer | None = None,
        retention: timedelta = DEFAULT_RETENTION,
        count_takeovers: Callable[[int], None] | None = None,
        reserve: Reserve | None = None,
    ) -> None:
        self.sessions = sessions
        self.sender = sender
        #: Paces each send before the check that its runner is still there (the default:
        #: no wait, for a sender that paces itself or needs no pacing).
        self.reserve: Reserve = reserve or no_wait
        self.clock = clock
        self.interval = interval
        self.grace = grace
        self.instance = instance or default_instance()
        self.batch = batch
        self.compose: Composer = compose or ReminderComposer(planner)
        self._scheduler: AsyncIOScheduler | None = None
        self._running: asyncio.Task[object] | None = None
        self._resumed = False
        self._stopping = False
        self.retention = retention
        self.count_takeovers = count_takeovers or (lambda _: None)
        self._next_prune: datetime | None = None
        self.phase_pass = PhasePass(self.instance, batch)

    def start(self) -> None:
        """Start the interval job (call with the event loop running); the first pass is now."""
        if self._scheduler is not None:
            return
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._scheduler.add_job(
            self._job,
            "interval",
            seconds=self.interval,
            id=_JOB_ID,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=max(1, int(self.interval)),
            next_run_time=datetime.now(UTC),
        )
        self._scheduler.start()

    async def shutdown(self) -> None:
        """Stop the job and wait (briefly) for a pass in progress; leases cover the rest.

        The scheduler is paused first and shut down only once the pass is over: its own
        shutdown cancels a job still running, which would cut the pass short and log it as
        a failure.
        """
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None:
            self._stopping = True
            scheduler.pause()
            await asyncio.sleep(0)  # a pass submitted just before the pause gets to start
        task = self._running
        if task is not None and not task.done():
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), _STOP_TIMEOUT)
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if scheduler is not None:
            scheduler.shutdown(wait=False)

    async def run_once(self, now: datetime | None = None) -> Tick:
        """One pass at ``now`` (default: the clock): resume leases once, claim, send."""
        now = now or self.clock()
        first, started = not self._resumed, time.perf_counter()
        if not self._resumed:
            async with self.sessions() as session, session.begin():
                resumed = await deliveries.release_leases(session, self.instance, now)
            if resumed:
                log.info("resuming %d claims this instance held when it stopped", resumed)
            self._resumed = True
        if scheduled := await backfill(self.sessions, now, self.batch):
            log.info("scheduled reminders or check-ins for %d runners", scheduled)
        phases = await self.phase_pass.run(self.sessions, now)
        checkins = await plan_checkins(self.sessions, now, self.grace, self.instance, self.batch)
        claimed = await plan_due(self.sessions, now, self.grace, self.instance, self.batch)
        report = await send_pending(
            self.sessions,
            self.sender,
            now,
            compose=self.compose,
            instance=self.instance,
            reserve=self.reserve,
        )
        if report.taken_over:
            self.count_takeovers(report.taken_over)
        if self._next_prune is None or now >= self._next_prune:
            await self.prune(now)
        if claimed or checkins or phases or report.sent or report.failed:
            log.info(
                "scheduler: %d+%d+%d claimed, %d sent, %d retried, %d failed, %d skipped",
                claimed,
                checkins,
                phases,
                report.sent,
                report.retried,
                report.failed,
                report.skipped,
            )
        if first:
            log.info("first scheduler pass done in %.2f s", time.perf_counter() - started)
        return Tick(claimed, report, checkins, phases)

    async def prune(self, now: datetime) -> Pruned:
        """Delete handled update ids and finished claims older than ``retention``.

        Pending claims stay, however old. The next prune is due in ``PRUNE_EVERY``, or at
        the next pass while a backlog remains.
        """
        before = now - self.retention
        updates = claims = 0
        for _ in range(PRUNE_BATCHES_PER_PASS):
            async with self.sessions() as session, session.begin():
                gone = await chats.prune_handled_updates(session, before, PRUNE_BATCH)
                old = await deliveries.prune_deliveries(session, before, PRUNE_BATCH)
            updates, claims = updates + gone, claims + old
            if gone < PRUNE_BATCH and old < PRUNE_BATCH:
                self._next_prune = now + PRUNE_EVERY
                break
        if updates or claims:
            log.info("pruned %d handled updates and %d finished claims", updates, claims)
        return Pruned(updates, claims)

    async def _job(self) -> None:
        """The APScheduler job: one pass; errors are logged and the next pass tries again."""
        self._running = asyncio.current_task()
        try:
            await self.run_once()
        except Exception:
            log.exception("scheduler pass failed")
        except asyncio.CancelledError:
            if not self._stopping:
                raise
            log.warning("stopping: a scheduler pass was cut short; its leases cover the rest")
        finally:
            self._running = None
