"""What composing scheduled messages reads, for many runners at once, as the core's values.

Core selects of just the columns needed (no ORM objects), mapped straight to
``RunnerProfile``, ``PhaseState``, ``Completion`` and ``BodyReport``; equal profiles and
phase states are shared, which keeps the planner's memo keys cheap to hash. Functions
never commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache
from typing import Any

from sqlalchemy import JSON, ColumnElement, Dialect, Row, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeDecorator

from bot.core.phases import PhaseState
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.vocabulary import Level, RaceDistance
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


#: Distinct stored texts of a JSON list column remembered (each a few bytes).
_DISTINCT_TEXTS = 1024


class _Listed(TypeDecorator[tuple[Any, ...]]):
    """A JSON list column read as a tuple, each distinct stored text decoded once: the same
    few kits, weeks and holds repeat across thousands of runners."""

    impl = JSON
    cache_ok = True

    def result_processor(
        self, dialect: Dialect, coltype: object
    ) -> Callable[[Any], tuple[Any, ...] | None]:
        """The column's own decoding, remembered by stored text (when the driver hands the
        text over; else its decoded list, as a tuple)."""
        decode = self.impl_instance.result_processor(dialect, coltype)
        if decode is None:
            return _tupled
        return lru_cache(maxsize=_DISTINCT_TEXTS)(lambda text: _tupled(decode(text)))


def _tupled(value: Iterable[Any] | None) -> tuple[Any, ...] | None:
    """A decoded list as a tuple (NULL stays None)."""
    return None if value is None else tuple(value)


def _listed(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """A JSON list column, selected as ``_Listed`` under its own name."""
    return type_coerce(column, _Listed()).label(column.key)


# Table columns (not ORM attributes): the rows skip the ORM's loading machinery.
_RUNNER = Runner.__table__.c
_STATE = PhaseStateRow.__table__.c
_DONE = CompletionRow.__table__.c
_FELT = BodyReportRow.__table__.c
#: The columns a profile is made of, in ``_profile``'s order.
_PROFILE_COLUMNS = (
    _RUNNER.level,
    _RUNNER.desk_job,
    _listed(_RUNNER.equipment),
    _listed(_RUNNER.rest_days),
    _RUNNER.dynamic_days,
    _RUNNER.pregnant,
    _RUNNER.postpartum,
    _RUNNER.birth_on,
    _RUNNER.past_bone_stress,
    _listed(_RUNNER.run_days),
    _RUNNER.long_run_day,
    _listed(_RUNNER.hard_days),
    _RUNNER.race_distance,
    _RUNNER.session_minutes,
)
#: RunnerFacts' columns before its profile's, in its fields' order.
_FACT_COLUMNS = (
    _RUNNER.id,
    _RUNNER.telegram_id,
    _RUNNER.first_name,
    _RUNNER.timezone,
    _RUNNER.reminder_time,
    _RUNNER.paused_until,
    _RUNNER.active,
)
STATE_COLUMNS = tuple(
    _listed(_STATE[name]) if name == "held_areas" else _STATE[name] for name in _PHASE_FIELDS
)
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
    query = select(*_FACT_COLUMNS, *_PROFILE_COLUMNS).where(_RUNNER.id.in_(ids))
    runners = await session.execute(query)
    inputs = {row[0]: PlanInputs(_runner_facts(row)) for row in runners}
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
    """A selected runner row (``_FACT_COLUMNS``, then ``_PROFILE_COLUMNS``) as RunnerFacts."""
    runner_id, telegram_id, first_name, zone, at, paused_until, active, *profile = row
    return RunnerFacts(
        runner_id, telegram_id, first_name, zone, at, paused_until, active, _profile(*profile)
    )


@lru_cache(maxsize=1024)
def _profile(  # noqa: PLR0917 - the columns of _PROFILE_COLUMNS, in order
    level: Level,
    desk_job: bool,
    equipment: tuple[str, ...],
    rest_days: tuple[int, ...],
    dynamic_days: int,
    pregnant: bool | None,
    postpartum: bool | None,
    birth_on: date | None,
    bone: bool | None,
    run_days: tuple[int, ...] | None,
    long_run: int | None,
    hard_days: tuple[int, ...] | None,
    distance: RaceDistance | None,
    minutes: int | None,
) -> RunnerProfile:
    """A profile from its columns, each distinct one worked out once (and shared)."""
    health = health_of(pregnant, postpartum, birth_on, bone)
    week = week_of(run_days or (), long_run, hard_days or (), distance, minutes)
    return profile_of(level, desk_job, equipment, rest_days, dynamic_days, health, week)


def phase_state(values: list[Any]) -> PhaseState:
    """A phase state from its selected columns (``STATE_COLUMNS``)."""
    values[_HELD] = tuple(values[_HELD])
    return _state_of(tuple(values))


@lru_cache(maxsize=4096)
def _state_of(values: tuple[Any, ...]) -> PhaseState:
    """A phase state from its columns (held areas as a tuple); equal states are shared."""
    return phase_state_of(dict(zip(_PHASE_FIELDS, values, strict=True)))
