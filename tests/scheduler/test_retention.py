"""Retention: the scheduler prunes old handled updates and finished claims, never live ones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from bot.core.planner import Planner
from bot.settings import Settings, SettingsError, load_settings
from bot.storage import chats, deliveries
from bot.storage.deliveries import LEASE_NOTE
from bot.storage.models import DeliveryKind, DeliveryRow, DeliveryStatus, HandledUpdate
from scheduler import service
from scheduler.service import DEFAULT_RETENTION, PRUNE_EVERY, ReminderScheduler
from tests.scheduler.helpers import FakeSender, add_runner, deliveries_of, instant_limiter
from tests.storage.conftest import Database

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
OLD = NOW - DEFAULT_RETENTION - timedelta(hours=1)
RECENT = NOW - DEFAULT_RETENTION + timedelta(hours=1)


async def add_claims(database: Database) -> dict[str, int]:
    """One claim per case, on its own day; their ids by case."""
    async with database.sessions() as session, session.begin():
        runner = await add_runner(session, 1, at=None, now=NOW)
        cases = {
            "old sent": (OLD, DeliveryStatus.SENT, None),
            "old failed": (OLD, DeliveryStatus.FAILED, "blocked"),
            "old skipped": (OLD, DeliveryStatus.SKIPPED, "paused"),
            "old missed": (OLD, DeliveryStatus.MISSED, "down"),
            "old pending": (OLD, DeliveryStatus.PENDING, "timed out"),
            "old leased": (OLD, DeliveryStatus.PENDING, LEASE_NOTE),
            "recent sent": (RECENT, DeliveryStatus.SENT, None),
            "today sent": (NOW, DeliveryStatus.SENT, None),
        }
        ids = {}
        for offset, (name, (due, status, note)) in enumerate(cases.items()):
            values = {
                "runner_id": runner.id,
                "local_date": date(2026, 1, 1) + timedelta(days=offset),
                "kind": DeliveryKind.MORNING,
                "status": status,
                "attempts": 1,
                "next_attempt_at": NOW + PRUNE_EVERY if status is DeliveryStatus.PENDING else None,
                "due_at": due,
                "claimed_by": "a",
                "last_error": note,
                "created_at": due,
            }
            ids[name] = (
                await session.execute(insert(DeliveryRow).values(values).returning(DeliveryRow.id))
            ).scalar_one()
        session.add_all(
            HandledUpdate(update_id=n, handled_at=at)
            for n, at in enumerate([OLD, OLD, RECENT, NOW], start=1)
        )
    return ids


async def remaining_updates(database: Database) -> list[int]:
    async with database.sessions() as session:
        return sorted(await session.scalars(select(HandledUpdate.update_id)))


async def test_old_finished_claims_and_updates_go_live_ones_stay(database: Database) -> None:
    ids = await add_claims(database)
    async with database.sessions() as session, session.begin():
        assert await chats.prune_handled_updates(session, NOW - DEFAULT_RETENTION, 1) == 1
        assert await chats.prune_handled_updates(session, NOW - DEFAULT_RETENTION, 10) == 1
        assert await deliveries.prune_deliveries(session, NOW - DEFAULT_RETENTION, 3) == 3
        assert await deliveries.prune_deliveries(session, NOW - DEFAULT_RETENTION, 10) == 1
        assert await deliveries.prune_deliveries(session, NOW - DEFAULT_RETENTION, 10) == 0
    kept = {row.id for row in await deliveries_of(database.sessions)}
    assert kept == {ids[k] for k in ("old pending", "old leased", "recent sent", "today sent")}
    assert await remaining_updates(database) == [3, 4]


async def test_the_scheduler_prunes_at_its_first_pass_then_hourly(
    database: Database, planner: Planner
) -> None:
    ids = await add_claims(database)
    scheduler = ReminderScheduler(
        database.sessions, FakeSender(), planner, instance="b", limiter=instant_limiter()
    )
    await scheduler.run_once(NOW)
    assert len(await deliveries_of(database.sessions)) == 4
    assert await remaining_updates(database) == [3, 4]

    await scheduler.run_once(NOW + PRUNE_EVERY / 2)  # not yet: "recent" stays a while
    assert {row.id for row in await deliveries_of(database.sessions)} >= {ids["recent sent"]}
    assert await remaining_updates(database) == [3, 4]

    pruned = await scheduler.prune(NOW + timedelta(hours=2))
    assert (pruned.updates, pruned.claims) == (1, 1)
    kept = {row.id for row in await deliveries_of(database.sessions)}
    assert kept == {ids[k] for k in ("old pending", "old leased", "today sent")}


async def test_a_backlog_is_pruned_in_short_steps_over_passes(
    database: Database, planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    await add_claims(database)
    monkeypatch.setattr(service, "PRUNE_BATCH", 1)
    monkeypatch.setattr(service, "PRUNE_BATCHES_PER_PASS", 2)
    scheduler = ReminderScheduler(
        database.sessions, FakeSender(), planner, instance="b", limiter=instant_limiter()
    )
    first = await scheduler.prune(NOW)
    assert (first.updates, first.claims) == (2, 2)
    await scheduler.run_once(NOW + timedelta(seconds=20))  # the backlog goes on at once
    assert len(await deliveries_of(database.sessions)) == 4


def test_retention_is_a_setting_of_at_least_48_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().retention_hours == DEFAULT_RETENTION / timedelta(hours=1)
    monkeypatch.setenv("RETENTION_HOURS", "48")
    assert load_settings().retention_hours == 48
    for wrong in ("47.5", "0", "-1", "soon"):
        monkeypatch.setenv("RETENTION_HOURS", wrong)
        with pytest.raises(SettingsError, match="RETENTION_HOURS"):
            load_settings()
