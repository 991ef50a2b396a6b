"""Prometheus metrics on their own registry: updates counted as they are handled, the
reminder and runner gauges read from the database when scraped."""

from __future__ import annotations

import asyncio
import logging

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.models import DeliveryRow, DeliveryStatus, Runner

__all__ = ["CONTENT_TYPE_LATEST", "SCRAPE_TIMEOUT_SECONDS", "Metrics"]

log = logging.getLogger(__name__)
#: A scrape does not wait longer than this for the database.
SCRAPE_TIMEOUT_SECONDS = 5.0
_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """The bot's metrics; ``render`` refreshes the database gauges, then writes the text."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter(
            "hipcoach_updates",
            "Telegram updates handled, by outcome (ok, error).",
            ["outcome"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "hipcoach_update_duration_seconds",
            "Time to handle one update, commit and replies included.",
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.rejected = Counter(
            "hipcoach_webhook_rejected",
            "Webhook requests refused for a wrong or missing secret token.",
            registry=self.registry,
        )
        self.reminders = Gauge(
            "hipcoach_reminders",
            "Scheduled messages in the deliveries table, by status.",
            ["status"],
            registry=self.registry,
        )
        self.runners_active = Gauge(
            "hipcoach_runners_active", "Runners the bot may message.", registry=self.registry
        )
        self.takeovers = Counter(
            "hipcoach_reminder_takeovers",
            "Claims taken over from an instance that stopped mid-send (its lease ran out); "
            "each may have gone out already, so may arrive twice.",
            registry=self.registry,
        )
        self.database_up = Gauge(
            "hipcoach_database_up",
            "1 when the last scrape could read the database, else 0.",
            registry=self.registry,
        )
        for outcome in ("ok", "error"):
            self.updates.labels(outcome)
        for status in DeliveryStatus:
            self.reminders.labels(status.value)

    def record_update(self, *, ok: bool, seconds: float) -> None:
        """One update handled (``ok``) or failed, and how long it took."""
        self.updates.labels("ok" if ok else "error").inc()
        self.latency.observe(seconds)

    async def refresh(self, engine: AsyncEngine) -> None:
        """Read the gauges from the database; on failure keep the last values, mark it down."""
        try:
            async with asyncio.timeout(SCRAPE_TIMEOUT_SECONDS), engine.connect() as connection:
                rows = await connection.execute(
                    select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
                )
                counts = {str(status): int(count) for status, count in rows}
                active = await connection.scalar(
                    select(func.count()).select_from(Runner).where(Runner.active.is_(True))
                )
        except Exception as error:  # a scrape must answer even when the database does not
            log.warning("metrics: cannot read the database: %s", type(error).__name__)
            self.database_up.set(0)
            return
        for status in DeliveryStatus:
            self.reminders.labels(status.value).set(counts.get(status.value, 0))
        self.runners_active.set(active or 0)
        self.database_up.set(1)

    async def render(self, engine: AsyncEngine) -> bytes:
        """The Prometheus text exposition, database gauges fresh."""
        await self.refresh(engine)
        return generate_latest(self.registry)
