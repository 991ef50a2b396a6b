"""Runners, profiles and phase states through the repository functions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import date, time
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.phases import PhaseState
from bot.core.records import RunnerProfile
from bot.core.vocabulary import Area, Equipment, Level, Phase, RaceDistance
from bot.storage.models import PhaseStateRow, Runner
from bot.storage.records import phase_history
from bot.storage.repository import (
    WELCOME_REASON,
    get_or_create_runner,
    get_runner,
    get_runner_by_telegram_id,
    load_phase_state,
    load_profile,
    mark_inactive,
    save_phase_state,
    save_profile,
    update_runner,
)
from bot.storage.runners import RunnerRecord
from bot.storage.turns import load_turn
from tests.storage.conftest import Database

TODAY = date(2025, 3, 3)


async def _history(session: AsyncSession, runner_id: int) -> list[tuple[Phase, date, str]]:
    rows = await phase_history(session, runner_id)
    return [(row.phase, row.started_on, row.reason) for row in rows]


async def test_a_new_runner_starts_onboarding(session: AsyncSession) -> None:
    runner = await get_or_create_runner(session, 10**12, "Ada", TODAY)
    await session.commit()
    assert (runner.telegram_id, runner.first_name, runner.level) == (10**12, "Ada", Level.BEGINNER)
    assert (runner.active, runner.onboarded, runner.timezone) == (True, False, "UTC")
    assert runner.created_at.utcoffset() is not None
    assert await load_phase_state(session, runner.id) == PhaseState(Phase.ONBOARDING, TODAY)
    assert await _history(session, runner.id) == [(Phase.ONBOARDING, TODAY, WELCOME_REASON)]


async def test_an_existing_runner_is_found_not_recreated(session: AsyncSession) -> None:
    first = await get_or_create_runner(session, 42, "Ada", TODAY)
    again = await get_or_create_runner(session, 42, "Someone", date(2025, 4, 1))
    assert again.id == first.id
    assert again.first_name == "Ada"
    assert len(await _history(session, first.id)) == 1
    assert await get_runner_by_telegram_id(session, 42) is first
    assert await get_runner(session, first.id) is first
    assert await get_runner_by_telegram_id(session, 43) is None


async def test_simultaneous_first_messages_make_one_runner(database: Database) -> None:
    async def first_message() -> int:
        async with database.sessions() as session:
            runner = await get_or_create_runner(session, 7, "Ada", TODAY)
            await session.commit()
            return runner.id

    ids = await asyncio.gather(*(first_message() for _ in range(5)))
    assert len(set(ids)) == 1
    async with database.sessions() as session:
        assert len(await _history(session, ids[0])) == 1
        assert await session.scalar(select(func.count()).select_from(PhaseStateRow)) == 1


async def test_update_runner_sets_columns_and_refuses_the_rest(session: AsyncSession) -> None:
    runner = await get_or_create_runner(session, 1, None, TODAY)
    await update_runner(
        session,
        runner,
        timezone="Europe/Berlin",
        reminder_time=time(7, 30),
        onboarded=True,
        rest_days={6, 2},
    )
    await session.commit()
    session.expunge_all()
    stored = await get_runner(session, runner.id)
    assert stored is not None
    assert (stored.timezone, stored.reminder_time, stored.onboarded) == (
        "Europe/Berlin",
        time(7, 30),
        True,
    )
    assert stored.rest_days == [2, 6]
    for bad in ({"telegram_id": 2}, {"id": 5}, {"no_such_column": 1}):
        with pytest.raises(AttributeError):
            await update_runner(session, stored, **bad)


async def test_a_runner_record_has_every_column(session: AsyncSession) -> None:
    columns = Runner.__table__.c.keys()
    assert [field.name for field in fields(RunnerRecord)] == columns
    runner = await get_or_create_runner(session, 1, "Ada", TODAY)
    record = await _record(session, 1)
    assert all(getattr(record, key) == getattr(runner, key) for key in columns)


async def test_update_runner_writes_a_record_at_once_and_only_what_changed(
    database: Database,
) -> None:
    async with database.sessions() as session, session.begin():
        await get_or_create_runner(session, 1, "Ada", TODAY)
    statements: list[str] = []
    event.listen(database.engine.sync_engine, "before_cursor_execute", _append_to(statements))
    async with database.sessions() as session, session.begin():
        record = await _record(session, 1)
        statements.clear()
        await update_runner(session, record, timezone="UTC", first_name="Ada", active=True)
        assert statements == []  # nothing changed, nothing written
        await update_runner(session, record, timezone="Europe/Berlin", rest_days={6, 2})
        (written,) = statements
        assert "timezone" in written
        assert "rest_days" in written
        assert "first_name" not in written
        assert (record.timezone, record.rest_days) == ("Europe/Berlin", [2, 6])
        with pytest.raises(AttributeError):
            await update_runner(session, record, telegram_id=2)
    async with database.sessions() as session:
        stored = await get_runner_by_telegram_id(session, 1)
    assert stored is not None
    assert (stored.timezone, stored.rest_days, stored.first_name) == (
        "Europe/Berlin",
        [2, 6],
        "Ada",
    )


async def _record(session: AsyncSession, telegram_id: int) -> RunnerRecord:
    turn = await load_turn(session, telegram_id, telegram_id)
    assert turn is not None
    return turn.runner


def _append_to(statements: list[str]) -> Callable[..., None]:
    def append(*args: Any) -> None:
        statements.append(args[2])

    return append


async def test_profile_round_trips(session: AsyncSession) -> None:
    runner = await get_or_create_runner(session, 1, None, TODAY)
    assert load_profile(runner) == RunnerProfile()
    profile = RunnerProfile(
        level=Level.ADVANCED,
        desk_job=True,
        equipment=frozenset({Equipment.BAND, Equipment.STEP}),
        rest_days=frozenset({0, 4}),
        dynamic_days=1,
    )
    await save_profile(session, runner, profile)
    await session.commit()
    session.expunge_all()
    stored = await get_runner(session, runner.id)
    assert stored is not None
    assert stored.equipment == ["band", "step"]
    assert load_profile(stored) == profile


async def test_the_running_week_round_trips(session: AsyncSession) -> None:
    runner = await get_or_create_runner(session, 1, None, TODAY)
    profile = RunnerProfile(
        run_days=frozenset({1, 3, 6}),
        long_run_day=6,
        hard_days=frozenset({1}),
        race_distance=RaceDistance.HALF,
        minutes=30,
    )
    await save_profile(session, runner, profile)
    state = replace(await load_phase_state(session, runner.id), race_distance=RaceDistance.HALF)
    await save_phase_state(session, runner.id, state, "x", TODAY, changed=False)
    await session.commit()
    session.expunge_all()
    stored = await get_runner(session, runner.id)
    assert stored is not None
    assert load_profile(stored) == profile
    assert (await load_phase_state(session, runner.id)).race_distance is RaceDistance.HALF
    turn = await load_turn(session, 1, 1)
    assert turn is not None
    assert load_profile(turn.runner) == profile
    assert turn.state.race_distance is RaceDistance.HALF


async def test_phase_state_round_trips_every_field(session: AsyncSession) -> None:
    runner = await get_or_create_runner(session, 1, None, TODAY)
    state = PhaseState(
        phase=Phase.RECOVERY_HOLD,
        started_on=date(2025, 3, 10),
        block_number=3,
        block_weeks=8,
        race_date=date(2025, 6, 1),
        race_weeks_before=5,
        paused_until=date(2025, 3, 20),
        resume_phase=Phase.DYNAMIC_BLOCK,
        resume_started_on=date(2025, 2, 1),
        held_areas=frozenset({Area.KNEE, Area.IT_BAND}),
        newcomer=False,
        interrupted_on=date(2025, 3, 9),
        base_weeks=1,
    )
    await save_phase_state(session, runner.id, state, "Knee on hold", TODAY, changed=True)
    await session.commit()
    session.expunge_all()
    assert await load_phase_state(session, runner.id) == state
    assert await load_phase_state(session, runner.id, for_update=True) == state
    stored = await get_runner(session, runner.id)
    assert stored is not None
    assert (stored.race_date, stored.paused_until) == (state.race_date, state.paused_until)


async def test_history_grows_only_when_the_phase_changed(session: AsyncSession) -> None:
    runner = await get_or_create_runner(session, 1, None, TODAY)
    base = PhaseState(Phase.BASE, date(2025, 3, 4), newcomer=False)
    await save_phase_state(session, runner.id, base, "All set", TODAY, changed=True)
    with_race = PhaseState(Phase.BASE, date(2025, 3, 4), race_date=date(2025, 9, 1))
    await save_phase_state(session, runner.id, with_race, "Race saved", TODAY, changed=False)
    await session.commit()
    assert await load_phase_state(session, runner.id) == with_race
    assert runner.race_date == date(2025, 9, 1)
    assert await _history(session, runner.id) == [
        (Phase.ONBOARDING, TODAY, WELCOME_REASON),
        (Phase.BASE, date(2025, 3, 4), "All set"),
    ]


async def test_a_missing_phase_state_is_a_lookup_error(session: AsyncSession) -> None:
    with pytest.raises(LookupError):
        await load_phase_state(session, 12345)


async def test_mark_inactive(session: AsyncSession) -> None:
    runner = await get_or_create_runner(session, 5, None, TODAY)
    assert await mark_inactive(session, 5) is True
    assert await mark_inactive(session, 6) is False
    await session.commit()
    assert runner.active is False
    assert (await session.scalars(select(Runner.active))).all() == [False]
