"""The Alembic migrations: from empty to head, idempotent, and equal to the models."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, String, inspect, text
from sqlalchemy.engine import Connection

from bot.core.phases import PhaseState
from bot.storage.engine import make_engine
from bot.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    migrations_dir,
    upgrade,
    upgrade_sync,
)
from bot.storage.models import Base, PhaseStateRow
from tests.storage.conftest import Database

REPO = Path(__file__).resolve().parents[2]
TABLES = {table.name for table in Base.metadata.sorted_tables}


async def _tables(url: str) -> set[str]:
    """The tables in the database at ``url``."""
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    finally:
        await engine.dispose()
    return set(names)


def test_migrations_are_found_in_the_repo() -> None:
    assert migrations_dir() == REPO / "migrations"
    assert head_revision() == "0014_way_back_from_gap"


async def test_upgrade_from_empty_creates_every_table(empty_url: str) -> None:
    assert await current_revision(empty_url) is None
    await upgrade(empty_url)
    assert await _tables(empty_url) == TABLES | {"alembic_version"}
    assert await current_revision(empty_url) == head_revision()


async def test_upgrade_twice_is_a_noop(empty_url: str) -> None:
    await upgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text("INSERT INTO handled_updates VALUES (1, CURRENT_TIMESTAMP)")
            )
        await upgrade(empty_url)
        async with engine.connect() as connection:
            count = await connection.scalar(text("SELECT count(*) FROM handled_updates"))
    finally:
        await engine.dispose()
    assert count == 1
    assert await current_revision(empty_url) == head_revision()


async def test_instances_starting_together_migrate_once(empty_url: str) -> None:
    await asyncio.gather(*(upgrade(empty_url) for _ in range(3)))
    assert await current_revision(empty_url) == head_revision()


async def test_upgrade_sync_runs_alembic_on_its_own_loop(empty_url: str) -> None:
    await asyncio.to_thread(upgrade_sync, empty_url)
    await asyncio.to_thread(upgrade_sync, empty_url)
    assert await current_revision(empty_url) == head_revision()


def _diffs(connection: Connection, metadata: MetaData = Base.metadata) -> list[Any]:
    """What autogenerate would change to make the database match ``metadata``."""
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


async def test_migrated_schema_matches_the_models(database: Database) -> None:
    async with database.engine.connect() as connection:
        assert await connection.run_sync(_diffs) == []


async def test_schema_comparison_notices_a_changed_model(database: Database) -> None:
    changed = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["runners"].c["first_name"].type = String(64)
    changed.tables["completions"].append_column(Column("extra", Integer))
    async with database.engine.connect() as connection:
        diffs = await connection.run_sync(_diffs, changed)
    assert {diff[0] if isinstance(diff, tuple) else diff[0][0] for diff in diffs} == {
        "add_column",
        "modify_type",
    }


async def test_downgrade_to_base_drops_everything(empty_url: str) -> None:
    await upgrade(empty_url)

    def downgrade(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")

    engine = make_engine(empty_url, sqlite_foreign_keys=False)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(downgrade)
    finally:
        await engine.dispose()
    assert await _tables(empty_url) <= {"alembic_version"}
    await upgrade(empty_url)
    assert await _tables(empty_url) == TABLES | {"alembic_version"}


def test_alembic_command_line_uses_the_ini_and_url_argument(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    for _ in range(2):
        subprocess.run(
            [sys.executable, "-m", "alembic", "-x", f"url={url}", "upgrade", "head"],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
    sql = subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head", "--sql"],
        cwd=REPO,
        env=env | {"DATABASE_URL": "postgresql://postgres@localhost/x"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "CREATE TABLE runners" in sql
    assert "ON DELETE CASCADE" in sql
    assert (tmp_path / "cli.db").is_file()


def test_phase_state_table_has_a_column_for_every_field() -> None:
    columns = set(PhaseStateRow.__table__.c.keys())
    assert {field.name for field in fields(PhaseState)} <= columns


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=UTC)


async def test_one_log_a_day_keeps_the_latest_of_a_days_logs(empty_url: str) -> None:
    await upgrade(empty_url, "0003_history_version")
    engine = make_engine(empty_url)
    insert_log = text(
        "INSERT INTO completions (id, runner_id, local_date, session_id, category, status, "
        "logged_at) VALUES (:id, 1, :day, :session, 'mobility', :status, :at)"
    )
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO runners (id, telegram_id, level, desk_job, equipment, rest_days, "
                    "dynamic_days, timezone, active, onboarded, created_at) VALUES (1, 7, "
                    "'beginner', false, '[]', '[]', 2, 'UTC', true, true, :at)"
                ),
                {"at": _at(1, 7)},
            )
            for number, (day, session, status, at) in enumerate(
                [
                    (date(2026, 12, 1), "a", "done", _at(1, 8)),
                    (date(2026, 12, 1), "b", "skipped", _at(1, 9)),
                    (date(2026, 12, 1), "c", "done", _at(1, 7)),
                    (date(2026, 12, 2), "a", "done", _at(2, 8)),
                ],
                start=1,
            ):
                values = {"id": number, "day": day, "session": session, "status": status}
                await connection.execute(insert_log, values | {"at": at})
        await upgrade(empty_url)
        async with engine.connect() as connection:
            kept = await connection.execute(
                text("SELECT session_id, status FROM completions ORDER BY local_date")
            )
            assert [tuple(row) for row in kept] == [("b", "skipped"), ("a", "done")]
    finally:
        await engine.dispose()


async def test_way_back_fills_each_runners_last_logged_day(empty_url: str) -> None:
    await upgrade(empty_url, "0006_outbox")
    engine = make_engine(empty_url)
    try:
        async with engine.begin() as connection:
            for runner in (1, 2):
                await connection.execute(
                    text(
                        "INSERT INTO runners (id, telegram_id, level, desk_job, equipment, "
                        "rest_days, dynamic_days, timezone, active, onboarded, created_at) "
                        "VALUES (:id, :telegram_id, 'beginner', false, '[]', '[]', 2, 'UTC', "
                        "true, true, :at)"
                    ),
                    {"id": runner, "telegram_id": runner, "at": _at(1, 7)},
                )
                await connection.execute(
                    text(
                        "INSERT INTO phase_states (runner_id, phase, started_on, block_number, "
                        "block_weeks, race_weeks_before, held_areas, newcomer, updated_at, "
                        "history_version) VALUES (:id, 'base', :day, 0, 7, 3, '[]', true, :at, 0)"
                    ),
                    {"id": runner, "day": date(2026, 12, 1), "at": _at(1, 7)},
                )
            for number, day in enumerate([date(2026, 12, 3), date(2026, 12, 9)], start=1):
                await connection.execute(
                    text(
                        "INSERT INTO completions (id, runner_id, local_date, session_id, "
                        "category, status, logged_at) VALUES (:id, 1, :day, 's', 'mobility', "
                        "'done', :at)"
                    ),
                    {"id": number, "day": day, "at": _at(9, 8)},
                )
        await upgrade(empty_url)
        async with engine.connect() as connection:
            rows = await connection.execute(
                text(
                    "SELECT runner_id, last_logged_on, way_back_stage FROM phase_states "
                    "ORDER BY runner_id"
                )
            )
            found = [(row[0], str(row[1]) if row[1] else None, row[2]) for row in rows]
        assert found == [(1, "2026-12-09", None), (2, None, None)]
    finally:
        await engine.dispose()
