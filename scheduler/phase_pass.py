"""Phase changes on time: once a local day, the calendar moves each runner's phase on.

Each instance remembers, per time zone, the local date it last passed over. When a zone's
local time reaches ``PASS_TIME`` on a new date (and at start), its active, onboarded
runners' phase rows are locked, ``DayPassed`` is applied, and a change is saved with its
reason and a PHASE message claimed for that local date, in one transaction. The message
goes out at once; its words are composed from the history row saved with it.

A row someone else holds is skipped: a message being handled brings the phase up to date
and shows the change inline; another instance's pass does the same as this one. Either
way the change is saved once (the row lock) and announced once (the claim).
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.phases import DayPassed, transition
from bot.core.timing import zone
from bot.storage import deliveries, schedule
from bot.storage.deliveries import ClaimRequest
from bot.storage.models import DeliveryKind
from bot.storage.repository import save_phase_state
from scheduler.fanout import DEFAULT_BATCH, MAX_BATCHES

__all__ = ["PASS_TIME", "PhasePass"]

#: The local time the day's phase pass runs: late enough not to wake anyone.
PASS_TIME = time(7, 0)


class PhasePass:
    """The daily phase pass of one instance (it keeps the dates it has passed, per zone)."""

    def __init__(self, instance: str = "hipcoach", batch: int = DEFAULT_BATCH) -> None:
        self.instance = instance
        self.batch = batch
        self.passed: dict[str, date] = {}

    async def run(self, sessions: async_sessionmaker[AsyncSession], now: datetime) -> int:
        """Pass over every zone whose day's pass time has come; the PHASE claims made."""
        async with sessions() as session:
            zones = await schedule.runner_zones(session)
        made = 0
        for name in zones:
            local = now.astimezone(zone(name))
            if local.time() < PASS_TIME or self.passed.get(name) == local.date():
                continue
            made += await self._zone(sessions, name, now)
            self.passed[name] = local.date()
        return made

    async def _zone(
        self, sessions: async_sessionmaker[AsyncSession], name: str, now: datetime
    ) -> int:
        today = now.astimezone(zone(name)).date()
        after, made = 0, 0
        for _ in range(MAX_BATCHES):
            async with sessions() as session, session.begin():
                states = await schedule.lock_phase_states(session, name, after, self.batch)
                requests: list[ClaimRequest] = []
                for runner_id, state in states:
                    result = transition(state, DayPassed(), today)
                    if not result.changed:
                        continue
                    await save_phase_state(
                        session, runner_id, result.state, result.reason, today, changed=True
                    )
                    requests.append(ClaimRequest(runner_id, today, DeliveryKind.PHASE, now))
                made += len(await deliveries.claim_many(session, requests, self.instance))
            if len(states) < self.batch:
                break
            after = states[-1][0]
        return made
