"""A runner's recent completions and body reports, remembered while they are unchanged.

Every update that plans reads both; for the same runner they rarely change between two
updates. ``HistoryCache`` remembers each read under (runner id, history version, since),
where the version is ``phase_states.history_version``, read by the turn's own query
(``bot.storage.turns``). The cache is right because of three rules:

1. Every write of a runner's completions or body reports raises their version in the
   writing transaction (``bot.storage.records``; the tables are written nowhere else, and
   erasing a runner deletes their phase state too, whose id is never reused). So each
   committed version names exactly one committed history.
2. A transaction that wrote a runner's history reads it from the database (it must see
   its own writes, and its version is not committed yet: it may still roll back), and
   stores nothing (``records.history_written``).
3. Between reading the version and reading the history, nobody else commits a change to
   it. On PostgreSQL the turn's query locks the phase state row (``FOR UPDATE``) and
   holds it to commit; raising the version needs that lock, so a concurrent writer either
   committed before the lock was granted (and under READ COMMITTED the locked row is
   re-read at its latest version, and every later statement's snapshot sees the write)
   or waits until this transaction ends. On SQLite every transaction is ``BEGIN
   IMMEDIATE``, one at a time across processes, and reads its own consistent state.

So a history read in a transaction that holds version v, and has not written, is the
committed history of v, whichever instance wrote it. One cache per database (the coach
owns one); rows changed behind the bot's back (by hand, in SQL) are not noticed until the
runner's next write.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.memo import Memo
from bot.core.records import BodyReport, Completion
from bot.storage import records

__all__ = ["DEFAULT_SIZE", "UNCACHED", "HistoryCache"]

#: Reads remembered per kind: a few thousand runners' recent days, some kilobytes each.
DEFAULT_SIZE = 4096

_Key = tuple[int, int, date]
_Item = TypeVar("_Item", Completion, BodyReport)
#: Per runner: the (version, since) read last, and what it returned.
_Entry = tuple[tuple[int, date], tuple[_Item, ...]]


class HistoryCache:
    """Recent completions and body reports by (runner id, history version, since).

    The latest read of each kind is remembered for ``size`` runners, the runner
    first remembered forgotten first (0: none).
    """

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._completions: Memo[int, _Entry[Completion]] = Memo(size)
        self._reports: Memo[int, _Entry[BodyReport]] = Memo(size)

    async def completions(
        self, session: AsyncSession, runner_id: int, version: int, since: date
    ) -> list[Completion]:
        """``records.recent_completions``, from memory when version ``version`` was read."""
        key = (runner_id, version, since)
        return await _remembered(self._completions, records.recent_completions, session, key)

    async def reports(
        self, session: AsyncSession, runner_id: int, version: int, since: date
    ) -> list[BodyReport]:
        """``records.recent_reports``, from memory when version ``version`` was read."""
        key = (runner_id, version, since)
        return await _remembered(self._reports, records.recent_reports, session, key)


async def _remembered(
    memo: Memo[int, _Entry[_Item]],
    read: Callable[[AsyncSession, int, date], Awaitable[list[_Item]]],
    session: AsyncSession,
    key: _Key,
) -> list[_Item]:
    """``read`` for ``key`` from ``memo``, or from the database (and then remembered).

    One entry per runner, the latest read: a new version or day replaces the old one, so
    the memory held is bounded by the runners, not by how often they write. A session that
    wrote the runner's history reads it afresh and remembers nothing.
    """
    runner_id, version, since = key
    if records.history_written(session, runner_id):
        return await read(session, runner_id, since)
    entry = memo.get(runner_id)
    if entry is not None and entry[0] == (version, since):
        return list(entry[1])
    found = tuple(await read(session, runner_id, since))
    memo.put(runner_id, ((version, since), found))
    return list(found)


#: Remembers nothing: every read goes to the database.
UNCACHED = HistoryCache(0)
