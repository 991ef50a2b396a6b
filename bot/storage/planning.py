"""What composing scheduled messages reads, for many runners at once, as the core's values.

Core selects of just the columns needed (no ORM objects), mapped straight to
``RunnerProfile``, ``PhaseState``, ``Completion`` and ``BodyReport``; equal profiles and
phase states are shared, which keeps the planner's memo keys cheap to hash. Functions
never commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.phases import PhaseState
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.storage.models import BodyReportRow, CompletionRow, PhaseStateRow, Runner
from bot.storage.records import (
    COMPLETION_COLUMNS,
    COMPLETION_ORDER,
    REPORT_COLUMNS,
    REPORT_ORDER,
    body_report,
)
from bot.storage.repository import (
    _PHASE_FIELDS,
    health_of,
    phase_state_of,
    profile_of,
    week_of,
)

__all__ = ["STATE_COLUMNS", "PlanInputs", "RunnerFacts", "phase_state", "plan_inputs"]


@dataclass(frozen=True, slots=True)
class RunnerFacts:
    """What composing a scheduled message reads about a runner (no ORM object)."""

    id: int
    telegram_id: int
    first_name: str | None
    timezone: str
    reminder_time: time | None
    paused_until: date | None
    active: bool
    profile: RunnerProfile


@dataclass(slots=True)
class PlanInputs:
    """What the planner reads for one runner, loaded for many runners at once."""

    runner: RunnerFacts
    state: PhaseState | None = None
    history: list[Completion] = field(default_factory=list)
    reports: list[BodyReport] = field(default_factory=list)
    #: The runner's latest logged day (any age), for the way back after a long break.
    last_logged: date | None = None


# Table columns (not ORM attributes): the rows skip the ORM's loading machinery.
_RUNNER = Runner.__table__.c
_STATE = PhaseStateRow.__table__.c
_DONE = CompletionRow.__table__.c
_FELT = BodyReportRow.__table__.c
_RUNNER_COLUMNS = (
    _RUNNER.id,
    _RUNNER.telegram_id,
    _RUNNER.first_name,
    _RUNNER.timezone,
    _RUNNER.reminder_time,
    _RUNNER.paused_until,
    _RUNNER.active,
    _RUNNER.level,
    _RUNNER.desk_job,
    _RUNNER.equipment,
    _RUNNER.rest_days,
    _RUNNER.dynamic_days,
    _RUNNER.pregnant,
    _RUNNER.postpartum,
    _RUNNER.birth_on,
    _RUNNER.past_bone_stress,
    _RUNNER.run_days,
    _RUNNER.long_run_day,
    _RUNNER.hard_days,
    _RUNNER.race_distance,
    _RUNNER.session_minutes,
)
STATE_COLUMNS = tuple(_STATE[name] for name in _PHASE_FIELDS)
_HELD = _PHASE_FIELDS.index("held_areas")


async def plan_inputs(
    session: AsyncSession, runner_ids: Iterable[int], history_since: date, reports_since: date
) -> dict[int, PlanInputs]:
    """Runners, phase states (with the latest logged day), completions and reports for
    ``runner_ids``, in four queries.

    Core selects of the columns needed, mapped straight to the core's frozen values (equal
    profiles and states are shared, which keeps planner memo keys cheap).
    """
    ids = sorted(set(runner_ids))
    if not ids:
        return {}
    runners = await session.execute(select(*_RUNNER_COLUMNS).where(_RUNNER.id.in_(ids)))
    inputs = {row.id: PlanInputs(_runner_facts(row)) for row in runners}
    states = await session.execute(
        select(_STATE.runner_id, _STATE.last_logged_on, *STATE_COLUMNS).where(
            _STATE.runner_id.in_(ids)
        )
    )
    for runner_id, last_logged, *values in states:
        if (found := inputs.get(runner_id)) is not None:
            found.state = phase_state(values)
            found.last_logged = last_logged
    completions = await session.execute(
        select(_DONE.runner_id, *COMPLETION_COLUMNS)
        .where(_DONE.runner_id.in_(ids), _DONE.local_date >= history_since)
        .order_by(_DONE.runner_id, *COMPLETION_ORDER)
    )
    for runner_id, *done in completions:
        if (found := inputs.get(runner_id)) is not None:
            found.history.append(Completion(*done))
    reports = await session.execute(
        select(_FELT.runner_id, *REPORT_COLUMNS)
        .where(_FELT.runner_id.in_(ids), _FELT.local_date >= reports_since)
        .order_by(_FELT.runner_id, *REPORT_ORDER)
    )
    for runner_id, *felt in reports:
        if (found := inputs.get(runner_id)) is not None:
            found.reports.append(body_report(*felt))
    return inputs


def _runner_facts(row: Row[*tuple[Any, ...]]) -> RunnerFacts:
    """A selected runner row (``_RUNNER_COLUMNS``) as RunnerFacts."""
    equipment, rest_days = tuple(row.equipment), tuple(row.rest_days)
    health = health_of(row.pregnant, row.postpartum, row.birth_on, row.past_bone_stress)
    week = week_of(
        tuple(row.run_days or ()),
        row.long_run_day,
        tuple(row.hard_days or ()),
        row.race_distance,
        row.session_minutes,
    )
    profile = profile_of(
        row.level, row.desk_job, equipment, rest_days, row.dynamic_days, health, week
    )
    return RunnerFacts(
        row.id,
        row.telegram_id,
        row.first_name,
        row.timezone,
        row.reminder_time,
        row.paused_until,
        row.active,
        profile,
    )


def phase_state(values: list[Any]) -> PhaseState:
    """A phase state from its selected columns (``STATE_COLUMNS``)."""
    values[_HELD] = tuple(values[_HELD])
    return _state_of(tuple(values))


@lru_cache(maxsize=4096)
def _state_of(values: tuple[Any, ...]) -> PhaseState:
    """A phase state from its columns (held areas as a tuple); equal states are shared."""
    return phase_state_of(dict(zip(_PHASE_FIELDS, values, strict=True)))
