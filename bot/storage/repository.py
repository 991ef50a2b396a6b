"""Async data access for the use cases; every function takes a session and never commits.

The use-case layer commits once per update. Rows are mapped to the core's dataclasses
here (``RunnerProfile``, ``PhaseState``, ``Completion``, ``BodyReport``), so the core never
sees an ORM object. Completions and body reports are in ``bot.storage.records``, export
and erasure in ``bot.storage.privacy``, handled updates and conversations in
``bot.storage.chats``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.health import Health
from bot.core.phases import PhaseState
from bot.core.records import DEFAULT_MINUTES, SESSION_MINUTES, RunnerProfile
from bot.core.vocabulary import Area, Equipment, Level, Phase, RaceDistance
from bot.storage.dialect import insert_for
from bot.storage.models import PhaseHistoryRow, PhaseStateRow, Runner
from bot.storage.runners import RUNNERS, RunnerRecord
from bot.storage.types import utc_now

__all__ = [
    "WELCOME_REASON",
    "get_or_create_runner",
    "get_runner",
    "get_runner_by_telegram_id",
    "health_of",
    "load_phase_state",
    "load_profile",
    "mark_inactive",
    "phase_state_of",
    "profile_of",
    "save_phase_state",
    "save_profile",
    "update_runner",
    "week_of",
]

WELCOME_REASON = "Welcome"
_FIXED_COLUMNS = frozenset({"id", "telegram_id", "created_at"})
_LIST_COLUMNS = frozenset({"equipment", "rest_days", "run_days", "hard_days"})
_PHASE_FIELDS = tuple(f.name for f in fields(PhaseState))


# ---------------------------------------------------------------- runners and profiles


async def get_runner(session: AsyncSession, runner_id: int) -> Runner | None:
    """The runner with this id, if any."""
    return await session.get(Runner, runner_id)


async def get_runner_by_telegram_id(session: AsyncSession, telegram_id: int) -> Runner | None:
    """The runner for this Telegram user, if they ever wrote to the bot."""
    query = select(Runner).where(Runner.telegram_id == telegram_id)
    return (await session.execute(query)).scalar_one_or_none()


async def get_or_create_runner(
    session: AsyncSession, telegram_id: int, first_name: str | None, today: date
) -> Runner:
    """The runner for ``telegram_id``; a new one starts onboarding ``today``.

    Race-safe: the insert is ``ON CONFLICT DO NOTHING``, so two first messages at once
    make one runner (with one phase state and one "Welcome" history row).
    """
    runner = await get_runner_by_telegram_id(session, telegram_id)
    if runner is not None:
        return runner
    insert = (
        insert_for(session, Runner)
        .values(telegram_id=telegram_id, first_name=first_name)
        .on_conflict_do_nothing(index_elements=["telegram_id"])
        .returning(Runner.id)
    )
    created = (await session.execute(insert)).scalar_one_or_none()
    if created is not None:
        initial = PhaseState(phase=Phase.ONBOARDING, started_on=today)
        await save_phase_state(session, created, initial, WELCOME_REASON, today, changed=True)
    runner = await get_runner_by_telegram_id(session, telegram_id)
    assert runner is not None
    return runner


async def update_runner(
    session: AsyncSession, runner: Runner | RunnerRecord, **fields: Any
) -> None:
    """Set profile columns on ``runner``; unknown or fixed columns raise AttributeError.

    List columns (``equipment``, ``rest_days``) are replaced, never changed in place. An
    ORM ``Runner`` is written by the unit of work; a ``RunnerRecord`` at once, by an
    ``UPDATE`` of the columns whose value changed (none: no statement).
    """
    columns = RUNNERS.c.keys()
    changed: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in columns or name in _FIXED_COLUMNS:
            raise AttributeError(f"runners.{name} cannot be set this way")
        changed[name] = sorted(value) if name in _LIST_COLUMNS else value
    if isinstance(runner, Runner):
        for name, value in changed.items():
            setattr(runner, name, value)
        session.add(runner)
        return
    changed = {name: value for name, value in changed.items() if getattr(runner, name) != value}
    if changed:
        await session.execute(update(RUNNERS).where(RUNNERS.c.id == runner.id).values(changed))
        for name, value in changed.items():
            setattr(runner, name, value)


async def save_profile(
    session: AsyncSession, runner: Runner | RunnerRecord, profile: RunnerProfile
) -> None:
    """Store the runner's plan choices."""
    await update_runner(
        session,
        runner,
        level=profile.level,
        desk_job=profile.desk_job,
        equipment=[kit.value for kit in profile.equipment],
        rest_days=list(profile.rest_days),
        dynamic_days=profile.dynamic_days,
        pregnant=profile.health.pregnant,
        postpartum=profile.health.postpartum,
        birth_on=profile.health.birth_on,
        past_bone_stress=profile.health.past_bone_stress,
        run_days=list(profile.run_days),
        long_run_day=profile.long_run_day,
        hard_days=list(profile.hard_days),
        race_distance=profile.race_distance,
        session_minutes=profile.minutes,
    )


def load_profile(runner: Runner | RunnerRecord) -> RunnerProfile:
    """The runner's plan choices as the core's RunnerProfile."""
    return profile_of(
        runner.level,
        runner.desk_job,
        tuple(runner.equipment),
        tuple(runner.rest_days),
        runner.dynamic_days,
        health_of(runner.pregnant, runner.postpartum, runner.birth_on, runner.past_bone_stress),
        week_of(
            tuple(runner.run_days),
            runner.long_run_day,
            tuple(runner.hard_days),
            runner.race_distance,
            runner.session_minutes,
        ),
    )


NO_HEALTH_NOTES = Health()


@lru_cache(maxsize=1024)
def profile_of(  # noqa: PLR0917 - the stored columns in their order
    level: Level,
    desk_job: bool,
    equipment: tuple[str, ...],
    rest_days: tuple[int, ...],
    days: int,
    health: Health = NO_HEALTH_NOTES,
    week: RunningWeek | None = None,
) -> RunnerProfile:
    """A profile from its stored columns; the few distinct profiles are shared."""
    kit = frozenset(Equipment(item) for item in equipment)
    run_days, long_run, hard_days, distance, minutes = week or NO_RUNNING_WEEK
    return RunnerProfile(
        level,
        desk_job,
        kit,
        frozenset(rest_days),
        days,
        health,
        run_days,
        long_run,
        hard_days,
        distance,
        minutes,
    )


#: The running week as RunnerProfile holds it: run days, long-run day, hard days, race
#: distance and session minutes.
RunningWeek = tuple[frozenset[int], int | None, frozenset[int], RaceDistance | None, int]
NO_RUNNING_WEEK: RunningWeek = (frozenset(), None, frozenset(), None, DEFAULT_MINUTES)


@lru_cache(maxsize=1024)
def week_of(
    run_days: tuple[int, ...],
    long_run: int | None,
    hard_days: tuple[int, ...],
    distance: RaceDistance | str | None,
    minutes: int | None,
) -> RunningWeek:
    """The running week from its stored columns (NULL minutes as the default)."""
    return (
        frozenset(run_days),
        long_run,
        frozenset(hard_days) - ({long_run} if long_run is not None else set()),
        None if distance is None else RaceDistance(distance),
        minutes if minutes in SESSION_MINUTES else DEFAULT_MINUTES,
    )


@lru_cache(maxsize=1024)
def health_of(
    pregnant: bool | None, postpartum: bool | None, birth_on: date | None, bone: bool | None
) -> Health:
    """The health screen from its stored columns (NULL as off)."""
    if not (pregnant or postpartum or birth_on or bone):
        return NO_HEALTH_NOTES
    return Health(bool(pregnant), bool(postpartum), birth_on, bool(bone))


async def mark_inactive(session: AsyncSession, telegram_id: int) -> bool:
    """Stop messaging this user (they blocked the bot); False when there is no such runner."""
    query = update(Runner).where(Runner.telegram_id == telegram_id).values(active=False)
    result = await session.execute(query.returning(Runner.id))
    return result.first() is not None


# ---------------------------------------------------------------- phases


async def load_phase_state(
    session: AsyncSession, runner_id: int, *, for_update: bool = False
) -> PhaseState:
    """The runner's phase state; ``for_update`` locks the row until commit (PostgreSQL).

    Raises LookupError when the runner has none (it is created with the runner).
    """
    query = select(PhaseStateRow).where(PhaseStateRow.runner_id == runner_id)
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).scalar_one_or_none()
    if row is None:
        raise LookupError(f"runner {runner_id} has no phase state")
    return phase_state_of({name: getattr(row, name) for name in _PHASE_FIELDS})


def phase_state_of(values: Mapping[str, Any]) -> PhaseState:
    """A phase state from its stored columns (extra keys, such as ``runner_id``, ignored)."""
    given = {name: values[name] for name in _PHASE_FIELDS}
    given["held_areas"] = frozenset(Area(area) for area in values["held_areas"])
    if given["race_distance"] is not None:
        given["race_distance"] = RaceDistance(given["race_distance"])
    return PhaseState(**given)


async def save_phase_state(
    session: AsyncSession,
    runner_id: int,
    state: PhaseState,
    reason: str,
    today: date,
    *,
    changed: bool,
) -> None:
    """Store ``state``; when the phase ``changed``, add it to the history with ``reason``.

    The runner's ``race_date`` and ``paused_until`` columns are kept equal to the state's.
    """
    row = await session.get(PhaseStateRow, runner_id)
    if row is None:
        row = PhaseStateRow(runner_id=runner_id)
        session.add(row)
    for name in _PHASE_FIELDS:
        setattr(row, name, getattr(state, name))
    row.held_areas = sorted(area.value for area in state.held_areas)
    row.updated_at = utc_now()
    mirror = {"race_date": state.race_date, "paused_until": state.paused_until}
    await session.execute(update(Runner).where(Runner.id == runner_id).values(mirror))
    if changed:
        history = PhaseHistoryRow(
            runner_id=runner_id, phase=state.phase, started_on=state.started_on, reason=reason
        )
        session.add(history)
    await session.flush()
