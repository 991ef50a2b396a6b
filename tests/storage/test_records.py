"""Completion logs (one per runner, day and session) and body reports."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.records import BodyReport, Completion, CompletionStatus
from bot.core.vocabulary import Area, Category, RedFlag, ReportKind, Side
from bot.storage.models import BodyReportRow, CompletionRow, PhaseStateRow
from bot.storage.records import (
    add_body_report,
    log_completion,
    recent_completions,
    recent_reports,
    set_pain,
)
from bot.storage.repository import get_or_create_runner

DAY = date(2025, 3, 3)
NOW = datetime(2025, 3, 3, 18, 30, tzinfo=UTC)


async def _runner_id(session: AsyncSession, telegram_id: int = 1) -> int:
    return (await get_or_create_runner(session, telegram_id, None, DAY)).id


async def test_completions_are_read_back_in_order_since_a_day(session: AsyncSession) -> None:
    runner = await _runner_id(session)
    logged = [
        Completion(DAY, Category.DYNAMIC, "hops-1", rpe=7, note="legs heavy"),
        Completion(DAY - timedelta(days=2), Category.MOBILITY, "mob-1"),
        Completion(DAY - timedelta(days=9), Category.STATIC, "static-1"),
        Completion(DAY - timedelta(days=1), Category.MOBILITY, "mob-2", CompletionStatus.SKIPPED),
    ]
    for offset, completion in enumerate(logged):
        await log_completion(session, runner, completion, NOW + timedelta(minutes=offset))
    await session.commit()
    since = DAY - timedelta(days=7)
    assert await recent_completions(session, runner, since) == [logged[1], logged[3], logged[0]]
    assert await recent_completions(session, runner + 1, since) == []


async def test_logging_a_session_again_updates_it(session: AsyncSession) -> None:
    runner = await _runner_id(session)
    await log_completion(session, runner, Completion(DAY, Category.DYNAMIC, "hops-1"), NOW)
    assert [c.status for c in await recent_completions(session, runner, DAY)] == ["done"]
    skipped = Completion(DAY, Category.DYNAMIC, "hops-1", CompletionStatus.SKIPPED, note="rain")
    await log_completion(session, runner, skipped, NOW + timedelta(hours=1))
    await session.commit()
    assert await recent_completions(session, runner, DAY) == [skipped]
    rows = (await session.scalars(select(CompletionRow))).all()
    assert [row.logged_at for row in rows] == [NOW + timedelta(hours=1)]


async def test_a_second_session_logged_the_same_day_replaces_the_first(
    session: AsyncSession,
) -> None:
    runner = await _runner_id(session)
    await log_completion(session, runner, Completion(DAY, Category.DYNAMIC, "hops-1"), NOW)
    other = Completion(DAY, Category.MOBILITY, "mob-1", CompletionStatus.SKIPPED)
    await log_completion(session, runner, other, NOW + timedelta(hours=1))
    await session.commit()
    assert await recent_completions(session, runner, DAY) == [other]


async def test_the_database_itself_refuses_a_duplicate_completion(session: AsyncSession) -> None:
    runner = await _runner_id(session)
    row = {
        "runner_id": runner,
        "local_date": DAY,
        "session_id": "mob-1",
        "category": "mobility",
        "status": "done",
        "logged_at": NOW,
    }
    await session.execute(insert(CompletionRow).values(row))
    with pytest.raises(IntegrityError):  # one log a day, whichever session it names
        await session.execute(insert(CompletionRow).values(row | {"session_id": "mob-2"}))


async def test_body_reports_round_trip(session: AsyncSession) -> None:
    runner = await _runner_id(session)
    other = await _runner_id(session, 2)
    sore = BodyReport(DAY, Area.CALVES, ReportKind.SORENESS, Side.LEFT, severity=4)
    sharp = BodyReport(
        DAY,
        Area.KNEE,
        ReportKind.PAIN,
        Side.RIGHT,
        severity=8,
        red_flags=frozenset({RedFlag.SHARP_PAIN, RedFlag.SWELLING}),
    )
    old = BodyReport(DAY - timedelta(days=30), Area.HIPS, ReportKind.TIGHTNESS)
    await add_body_report(session, runner, sharp, "right knee stabbing", NOW)
    await add_body_report(session, runner, sore, "left calf sore", NOW - timedelta(hours=2))
    await add_body_report(session, runner, old, "tight hips", NOW - timedelta(days=30))
    await add_body_report(session, other, sore, "calf", NOW)
    await session.commit()
    assert await recent_reports(session, runner, DAY - timedelta(days=7)) == [sore, sharp]
    texts = await session.scalars(
        select(BodyReportRow.text).where(BodyReportRow.runner_id == runner)
    )
    assert sorted(texts) == ["left calf sore", "right knee stabbing", "tight hips"]
    count = select(func.count()).select_from(BodyReportRow)
    assert await session.scalar(count) == 4


async def test_a_log_keeps_the_latest_logged_day_and_pain_is_stored(
    session: AsyncSession,
) -> None:
    runner = await _runner_id(session)
    await log_completion(session, runner, Completion(DAY, Category.DYNAMIC, "hops-1"), NOW)
    earlier = Completion(DAY - timedelta(days=3), Category.MOBILITY, "mob-1")
    await log_completion(session, runner, earlier, NOW)  # a late log of an older day
    assert await set_pain(session, runner, DAY, 2)
    assert not await set_pain(session, runner, DAY + timedelta(days=1), 2)  # nothing logged
    await session.commit()
    state = await session.get(PhaseStateRow, runner, populate_existing=True)
    assert state is not None
    assert state.last_logged_on == DAY
    latest = (await recent_completions(session, runner, DAY))[0]
    assert latest.pain == 2
    skipped = Completion(DAY, Category.DYNAMIC, "hops-1", CompletionStatus.SKIPPED)
    await log_completion(session, runner, skipped, NOW)  # a skipped session has no pain
    await session.commit()
    assert (await recent_completions(session, runner, DAY))[0].pain is None
