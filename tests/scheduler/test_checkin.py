"""The weekly check-in: once per local Sunday evening, across DST and the date line."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.planner import Planner
from bot.core.records import BodyReport, Completion, CompletionStatus
from bot.core.vocabulary import Area, Category, Phase, ReportKind
from bot.storage.models import DeliveryKind, DeliveryStatus, Runner
from bot.storage.records import add_body_report, log_completion
from scheduler.checkin import plan_checkins
from scheduler.fanout import plan_due
from tests.scheduler.helpers import FakeSender, add_runner, deliveries_of, send
from tests.storage.conftest import Database

CHAT = 7001


async def checkin_due(database: Database, runner_id: int) -> datetime:
    async with database.sessions() as session:
        runner = await session.get(Runner, runner_id)
        assert runner is not None
        assert runner.next_checkin_at is not None
        return runner.next_checkin_at


@pytest.mark.parametrize(
    ("zone", "first", "walls_utc"),
    [
        # Berlin: summer time ends on Sunday 25 October 2026, the day of a check-in.
        ("Europe/Berlin", date(2026, 10, 14), [17, 18, 18]),
        ("Pacific/Kiritimati", date(2026, 3, 18), [5, 5, 5]),
    ],
)
async def test_one_checkin_per_local_sunday_evening(
    database: Database, planner: Planner, zone: str, first: date, walls_utc: list[int]
) -> None:
    tz = ZoneInfo(zone)
    start = datetime.combine(first, time(12, 0), tzinfo=tz).astimezone(UTC)
    async with database.sessions() as session, session.begin():
        runner = await add_runner(session, CHAT, at=None, zone=zone, now=start)
    sender = FakeSender()
    for _ in range(3):
        due = await checkin_due(database, runner.id)
        for tick in (due - timedelta(minutes=20), due, due + timedelta(seconds=20)):
            await plan_checkins(database.sessions, tick)
            await plan_due(database.sessions, tick)
            await send(database.sessions, sender, planner, tick)
    rows = await deliveries_of(database.sessions)
    assert [r.kind for r in rows] == [DeliveryKind.CHECKIN] * 3
    assert [r.status for r in rows] == [DeliveryStatus.SENT] * 3
    walls = [r.due_at.astimezone(tz) for r in rows]
    assert all(w.weekday() == 6 and w.time() == time(19, 0) for w in walls)
    assert [w.date() for w in walls] == [r.local_date for r in rows]
    assert [r.due_at.hour for r in rows] == walls_utc
    assert len({r.local_date for r in rows}) == 3
    assert len(sender.sent) == 3
    assert all("Your week, Ana" in d.text and d.rows == [] for d in sender.sent)


async def test_a_paused_runner_gets_no_checkin(database: Database, planner: Planner) -> None:
    start = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)
    async with database.sessions() as session, session.begin():
        runner = await add_runner(session, CHAT, at=None, now=start)
        runner.paused_until = date(2026, 3, 25)
    due = await checkin_due(database, runner.id)
    assert await plan_checkins(database.sessions, due) == 1
    sender = FakeSender()
    await send(database.sessions, sender, planner, due)
    assert sender.calls == []
    (row,) = await deliveries_of(database.sessions)
    assert (row.status, row.last_error) == (DeliveryStatus.SKIPPED, "paused")


async def test_an_inactive_runner_is_unscheduled(database: Database) -> None:
    start = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)
    async with database.sessions() as session, session.begin():
        runner = await add_runner(session, CHAT, at=None, now=start)
        runner.active = False
    assert await plan_checkins(database.sessions, start + timedelta(days=7)) == 0
    async with database.sessions() as session:
        stored = await session.get(Runner, runner.id)
        assert stored is not None
        assert stored.next_checkin_at is None


async def checkin_text(
    database: Database, planner: Planner, phase: Phase, started: date, *, logs: bool = True
) -> str:
    """The check-in of Sunday 22 March 2026 for a Berlin runner with a week of logs."""
    start = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)
    async with database.sessions() as session, session.begin():
        runner = await add_runner(session, CHAT, at=None, now=start, phase=phase, started=started)
        runner.first_name = "Ana <3"
        if logs:
            for done in (
                Completion(date(2026, 3, 16), Category.MOBILITY, "a-mobility"),
                Completion(date(2026, 3, 17), Category.STATIC, "a-static"),
                Completion(date(2026, 3, 18), Category.STATIC, "b-static"),
                Completion(
                    date(2026, 3, 19), Category.DYNAMIC, "a-dynamic", CompletionStatus.SKIPPED
                ),
            ):
                await log_completion(session, runner.id, done, start)
            for on, area, severity in (
                (date(2026, 3, 12), Area.HIPS, 7),
                (date(2026, 3, 18), Area.HIPS, 3),
                (date(2026, 3, 19), Area.CALVES, 6),
                (date(2026, 3, 10), Area.GLUTES, 4),
                (date(2026, 3, 20), Area.GLUTES, 5),
            ):
                report = BodyReport(on, area, ReportKind.SORENESS, severity=severity)
                await add_body_report(session, runner.id, report, "sore", start)
    due = await checkin_due(database, runner.id)
    assert due == datetime(2026, 3, 22, 18, 0, tzinfo=UTC)
    await plan_checkins(database.sessions, due)
    sender = FakeSender()
    await send(database.sessions, sender, planner, due)
    (delivery,) = sender.sent
    assert delivery.local_date == date(2026, 3, 22)
    return delivery.text


async def test_checkin_counts_trends_and_escapes(database: Database, planner: Planner) -> None:
    text = await checkin_text(database, planner, Phase.BASE, date(2026, 3, 16))
    assert "Your week, Ana &lt;3" in text
    assert "Done: <b>3</b>" in text
    assert "(1 mobility, 2 strength)" in text
    assert "Skipped: 1 (1 dynamic)" in text
    assert "hips better" in text
    assert "calves a bit worse" in text
    assert "glutes about the same" in text
    assert "notice a difference" not in text


async def test_checkin_with_nothing_logged(database: Database, planner: Planner) -> None:
    text = await checkin_text(database, planner, Phase.BASE, date(2026, 3, 16), logs=False)
    assert "Done: <b>0</b>" in text
    assert "Skipped" not in text
    assert "Body, against last week" not in text


@pytest.mark.parametrize(
    ("started", "asks"),
    [
        (date(2026, 3, 9), False),  # week 2
        (date(2026, 3, 2), False),  # week 3
        (date(2026, 2, 23), True),  # week 4
        (date(2026, 2, 9), True),  # week 6
    ],
)
async def test_weeks_4_to_6_of_a_dynamic_block_ask_about_the_difference(
    database: Database, planner: Planner, started: date, asks: bool
) -> None:
    text = await checkin_text(database, planner, Phase.DYNAMIC_BLOCK, started)
    assert ("notice a difference" in text) is asks
    assert ("ground contact" in text) is asks
