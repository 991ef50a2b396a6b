"""Fuzz fixtures: the storage tests' databases (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.core.planner import Planner
from tests.storage.conftest import backend, database, db_url, migrated_postgres_url

__all__ = ["backend", "database", "db_url", "migrated_postgres_url", "planner"]


@pytest.fixture(scope="session")
def planner() -> Planner:
    """One planner on the real content for every run."""
    return Planner(load_content())
