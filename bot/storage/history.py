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

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.memo import Memo
from bot.core.records import BodyReport, Completion
from bot.storage import records

__all__ = ["DEFAULT_SIZE", "UNCACHED", "HistoryCache"]

#: Reads remembered per kind: a few thousand runners' recent days, some kilobytes each.
DEFAULT_SIZE = 4096

_Key = tuple[int, int, date]


class HistoryCache:
    """Recent completions and body reports by (runner id, history version, since).

    ``size`` reads of each kind are remembered, the oldest forgotten first (0: none).
    """

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._completions: Memo[_Key, tuple[Completion, ...]] = Memo(size)
        self._reports: Memo[_Key, tuple[BodyReport, ...]] = Memo(size)

    async def completions(
        self, session: AsyncSession, runner_id: int, version: int, since: date
    ) -> list[Completion]:
        """``records.recent_completions``, from memory when version ``version`` was read."""
        if records.history_written(session, runner_id):
            return await records.recent_completions(session, runner_id, since)
        key = (runner_id, version, since)
        found = self._completions.get(key)
        if found is None:
            found = tuple(await records.recent_completions(session, runner_id, since))
            self._completions.put(key, found)
        return list(found)

    async def reports(
        self, session: AsyncSession, runner_id: int, version: int, since: date
    ) -> list[BodyReport]:
        """``records.recent_reports``, from memory when version ``version`` was read."""
        if records.history_written(session, runner_id):
            return await records.recent_reports(session, runner_id, since)
        key = (runner_id, version, since)
        found = self._reports.get(key)
        if found is None:
            found = tuple(await records.recent_reports(session, runner_id, since))
            self._reports.put(key, found)
        return list(found)


#: Remembers nothing: every read goes to the database.
UNCACHED = HistoryCache(0)
