"""Run the Alembic migrations from code: ``await upgrade(url)`` brings a database to head.

The migration scripts live in the repository's ``migrations/`` folder (found next to the
``bot`` package, as the content folder is); ``HIPCOACH_MIGRATIONS_DIR`` overrides that,
and a wheel would ship them as ``bot/_migrations``.
"""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import URL, Connection

from bot.storage.engine import make_engine

__all__ = [
    "MIGRATION_LOCK_KEY",
    "alembic_config",
    "current_revision",
    "head_revision",
    "migrations_dir",
    "upgrade",
    "upgrade_sync",
]

#: PostgreSQL advisory-lock key: concurrent migrators (instances starting together) queue
#: on it, and the later ones find the schema at head. SQLite's BEGIN IMMEDIATE does the same.
MIGRATION_LOCK_KEY = 4_712_240_611


def migrations_dir() -> Path:
    """``HIPCOACH_MIGRATIONS_DIR``, else the repo's ``migrations/``, else the wheel's copy."""
    if configured := os.environ.get("HIPCOACH_MIGRATIONS_DIR"):
        return Path(configured)
    package = Path(__file__).resolve().parent.parent
    for candidate in (package.parent / "migrations", package / "_migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise FileNotFoundError(f"no migrations folder next to {package}")


def alembic_config(url: str | URL | None = None) -> Config:
    """An Alembic config built in code (no alembic.ini needed) for ``url``."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("path_separator", "os")
    if url is not None:
        text = url if isinstance(url, str) else url.render_as_string(hide_password=False)
        config.attributes["url"] = text
    return config


def head_revision() -> str | None:
    """The newest revision the migration scripts know."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


async def current_revision(url: str | URL) -> str | None:
    """The revision the database at ``url`` is at (None when never migrated)."""
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )
    finally:
        await engine.dispose()


async def upgrade(url: str | URL, revision: str = "head") -> None:
    """Migrate the database at ``url`` to ``revision``; a no-op when it is there already."""
    engine = make_engine(url, sqlite_foreign_keys=False)
    try:
        async with engine.begin() as connection:
            if connection.dialect.name == "postgresql":  # before Alembic: its state is global
                await connection.execute(
                    text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
                )
            await connection.run_sync(_upgrade_on, revision)
    finally:
        await engine.dispose()


def upgrade_sync(url: str | URL, revision: str = "head") -> None:
    """``upgrade`` for callers without a running event loop (the CLI, ``alembic`` itself)."""
    command.upgrade(alembic_config(url), revision)


def _upgrade_on(connection: Connection, revision: str) -> None:
    """Run ``alembic upgrade`` on an open connection (env.py uses it as is)."""
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
