"""A runner's row as a plain record: what every update reads, without the ORM's upkeep.

Every update reads its runner (``bot.storage.turns``). Loading the ``Runner`` entity made
the ORM track an object per update (the identity map, instrumented attributes, the unit of
work at commit) for the few updates that change the runner; that was a fifth of an
update's time. ``RunnerRecord`` holds the same columns under the same names, and
``repository.update_runner`` writes a record's changes at once, with an ``UPDATE`` of the
columns that changed (as the unit of work would).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time
from typing import Any, cast

from sqlalchemy import Column, Table

from bot.core.vocabulary import Level, RaceDistance
from bot.storage.models import Runner

__all__ = ["RUNNERS", "RUNNER_COLUMNS", "RunnerRecord"]

RUNNERS = cast(Table, Runner.__table__)


@dataclass(slots=True)
class RunnerRecord:
    """One ``runners`` row, field for column (change it through ``update_runner``)."""

    id: int
    telegram_id: int
    first_name: str | None
    level: Level
    desk_job: bool
    equipment: list[str]
    rest_days: list[int]
    dynamic_days: int
    timezone: str
    reminder_time: time | None
    race_date: date | None
    paused_until: date | None
    active: bool
    onboarded: bool
    created_at: datetime
    next_reminder_at: datetime | None
    next_checkin_at: datetime | None
    pregnant: bool
    postpartum: bool
    birth_on: date | None
    past_bone_stress: bool
    run_days: list[int]
    long_run_day: int | None
    hard_days: list[int]
    race_distance: RaceDistance | None
    session_minutes: int
    home_timezone: str | None


#: The columns of a ``RunnerRecord``, in its fields' order.
RUNNER_COLUMNS: tuple[Column[Any], ...] = tuple(
    RUNNERS.c[field.name] for field in fields(RunnerRecord)
)
