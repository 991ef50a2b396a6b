"""``INSERT ... ON CONFLICT`` for the backend a session is bound to."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.sql.selectable import GenerativeSelect

__all__ = ["insert_for", "skip_locked"]

_Q = TypeVar("_Q", bound=GenerativeSelect)


def insert_for(
    session: AsyncSession, model: type[DeclarativeBase] | Table
) -> postgresql.Insert | sqlite.Insert:
    """An insert into ``model``'s table that supports ``on_conflict_do_*`` on this backend.

    Pass the ``Table`` itself for a plain Core insert, which skips the ORM's bulk path.
    """
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(model)
    if name == "sqlite":
        return sqlite.insert(model)
    raise NotImplementedError(f"HipCoach storage supports SQLite and PostgreSQL, not {name}")


def skip_locked(session: AsyncSession, query: _Q) -> _Q:
    """Lock the selected rows on PostgreSQL, skipping those another instance holds."""
    if session.get_bind().dialect.name == "postgresql":
        return query.with_for_update(skip_locked=True)
    return query  # SQLite: BEGIN IMMEDIATE already serialises writers
