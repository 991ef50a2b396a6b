"""The outbox: every reply reaches the runner at least once, in order per chat.

``Coach.handle_queued`` writes an update's replies to the ``outbox`` table in the update's
own transaction, one row per Telegram call (a long text is split first, an edit names its
message). After commit ``Outbox.deliver`` sends them and deletes the rows Telegram took,
in one statement per update. What fails waits in the table: ``drain`` (a loop started by
the app, every ``DRAIN_INTERVAL`` seconds, and once at start) sends it again, oldest row
of a chat first, so a later reply never overtakes an earlier unsent one.

- Not stored: the /progress chart's picture (the inline send has it; a retry sends the
  text alone) and callback-query toasts (Telegram refuses late answers; the handler
  answers the tap once, at once).
- A transient error (network, 5xx) waits ``BACKOFF`` and counts an attempt; 429 waits
  Telegram's ``retry_after`` and does not count; after ``MAX_ATTEMPTS`` the row is dropped.
  400 (bad request) drops the row, 403 (blocked) drops the chat's rows and marks the
  runner inactive; each drop is logged at WARNING without the text.
- Leases: the update's rows are this instance's for ``LEASE`` from the insert, a drain's
  claim too (SKIP LOCKED on PostgreSQL), so instances do not send a row twice. A restart
  frees this instance's leases at once; another instance takes them when they run out.
  Crash window: a send Telegram accepted whose row was not yet deleted (``FLUSH_DELAY``)
  is sent again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.progress import Progress
from bot.presentation.splitting import split_message
from bot.service.messages import Document, Keyboard, Reply
from bot.service.sending import SendKind, SendResult
from bot.storage import outbox as rows
from bot.storage.outbox import QueuedRow

__all__ = [
    "BACKOFF",
    "DRAIN_INTERVAL",
    "LEASE",
    "MAX_ATTEMPTS",
    "Outbox",
    "Outgoing",
    "Queued",
    "QueuedCall",
    "Send",
    "outgoing_of",
]

log = logging.getLogger(__name__)

#: Waits after the 1st, 2nd... transient failure; the attempt after the last is the last.
BACKOFF = (
    timedelta(seconds=5),
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(minutes=30),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
LEASE = timedelta(seconds=30)
#: Sent rows are deleted in bulk, this many seconds after the first of them was sent or
#: once this many wait (so a crash may send again what was sent that long before).
FLUSH_DELAY = 0.5
FLUSH_BATCH = 256
DRAIN_INTERVAL = 5.0
DRAIN_BATCH = 100
#: Rounds of one drain pass (each sends the next row of every chat with rows waiting).
DRAIN_ROUNDS = 20


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One Telegram call: a message, an edit (``edit_message_id``), a document or a photo.

    ``photo`` and ``chart`` (a photo to draw after commit) live only in memory: a stored
    row comes back without them and sends ``text``.
    """

    text: str = ""
    keyboard: Keyboard = ()
    request_location: bool = False
    edit_message_id: int | None = None
    document: Document | None = None
    photo: bytes | None = None
    chart: Progress | None = None

    def payload(self) -> dict[str, Any]:
        """The row's columns."""
        document = self.document
        return {
            "text": (document.caption or "") if document else self.text,
            "keyboard": [[list(button) for button in row] for row in self.keyboard],
            "request_location": self.request_location,
            "edit_message_id": self.edit_message_id,
            "filename": document.filename if document else None,
            "document": document.content if document else None,
        }

    @classmethod
    def of_payload(cls, payload: dict[str, Any]) -> Outgoing:
        """Back from the row's columns."""
        rows_ = tuple(tuple((str(b[0]), str(b[1])) for b in row) for row in payload["keyboard"])
        if payload["filename"] is not None:
            caption = payload["text"] or None
            return cls(document=Document(payload["filename"], payload["document"] or b"", caption))
        return cls(
            text=payload["text"],
            keyboard=rows_,
            request_location=bool(payload["request_location"]),
            edit_message_id=payload["edit_message_id"],
        )


def outgoing_of(replies: Sequence[Reply], edit_target: int | None) -> list[Outgoing]:
    """The Telegram calls for ``replies``: long texts split, keyboards on the last part.

    An edit applies to ``edit_target`` (the message the tapped button sat on); without
    one it is sent as a new message. Toasts are not calls here (see the module notes).
    """
    calls: list[Outgoing] = []
    for reply in replies:
        if reply.document is not None:
            calls.append(Outgoing(document=reply.document))
        if reply.photo is not None or reply.chart is not None:
            calls.append(Outgoing(text=reply.text, photo=reply.photo, chart=reply.chart))
            continue
        if not reply.text:
            continue
        chunks = split_message(reply.text)
        if reply.edit and edit_target is not None:
            calls.append(Outgoing(chunks[0], reply.keyboard, edit_message_id=edit_target))
            calls.extend(Outgoing(chunk) for chunk in chunks[1:])
            continue
        *head, last = chunks
        calls.extend(Outgoing(chunk) for chunk in head)
        location = reply.request_location and not reply.keyboard
        calls.append(Outgoing(last, reply.keyboard, request_location=location))
    return calls


Send = Callable[[int, Outgoing], Awaitable[SendResult]]
"""Make one call to a chat (``bot.telegram.delivery``)."""


@dataclass(frozen=True, slots=True)
class QueuedCall:
    """A call written to the outbox, with its row id."""

    id: int
    outgoing: Outgoing


@dataclass(frozen=True, slots=True)
class Queued:
    """What an update left to send: its calls, and ``behind`` when the chat had rows
    waiting already (they go first). ``direct`` replies have no rows (the runner deleted
    their data in this update): sent once, never retried."""

    runner_id: int
    chat_id: int
    replies: list[Reply]
    calls: list[QueuedCall] = field(default_factory=list)
    behind: bool = False
    direct: bool = False


@dataclass
class DrainReport:
    """What a drain pass did."""

    sent: int = 0
    retried: int = 0
    dropped: int = 0


class Outbox:
    """Writes an update's replies with its transaction; sends them, and what failed, later."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Callable[[], datetime],
        *,
        instance: str = "hipcoach",
        lease: timedelta = LEASE,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.instance = instance
        self.lease = lease
        self._loop: asyncio.Task[None] | None = None
        #: Rows Telegram took, per chat, not yet deleted.
        self._sent: dict[int, list[int]] = {}
        self._unflushed = 0
        self._timer: asyncio.TimerHandle | None = None
        self._flushing: asyncio.Task[None] | None = None

    def unsent(self, chat_id: int, rows_of_chat: int) -> int:
        """How many of the chat's ``rows_of_chat`` outbox rows were not sent by this
        instance (its sent rows wait for the bulk delete)."""
        return rows_of_chat - len(self._sent.get(chat_id, ()))

    def _sent_ok(self, chat_id: int, ids: list[int]) -> None:
        """Rows Telegram took: delete them with the next flush."""
        if ids:
            self._sent.setdefault(chat_id, []).extend(ids)
            self._unflushed += len(ids)
            self._flush_soon()

    async def flush(self) -> None:
        """Delete every sent row not deleted yet, in one statement."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        pending, self._sent, self._unflushed = self._sent, {}, 0
        if not pending:
            return
        try:
            async with self.sessions() as session, session.begin():
                await rows.delete_rows(session, [i for ids in pending.values() for i in ids])
        except Exception:
            log.exception("outbox: could not delete sent rows; trying again")
            for chat_id, ids in pending.items():
                self._sent_ok(chat_id, ids)

    def _flush_soon(self) -> None:
        if self._unflushed >= FLUSH_BATCH:
            self._start_flush()
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(FLUSH_DELAY, self._start_flush)

    def _start_flush(self) -> None:
        self._timer = None
        if self._flushing is None or self._flushing.done():
            self._flushing = asyncio.get_running_loop().create_task(self.flush())

    async def write(
        self,
        session: AsyncSession,
        runner_id: int,
        chat_id: int,
        calls: Sequence[Outgoing],
        *,
        now: datetime,
        behind: bool,
    ) -> list[QueuedCall]:
        """Store an update's calls in its transaction (leased to this instance unless the
        chat has rows waiting, which are sent first by whoever sends the chat)."""
        leased_until = None if behind else now + self.lease
        ids = await rows.enqueue(
            session,
            runner_id,
            chat_id,
            [call.payload() for call in calls],
            now=now,
            leased_until=leased_until,
            instance=self.instance,
        )
        return [QueuedCall(row_id, call) for row_id, call in zip(ids, calls, strict=True)]

    async def deliver(self, queued: Queued, send: Send) -> int:
        """After commit: send the update's calls in order, or the chat's backlog first.

        Returns how many calls Telegram refused for good (400: dropped, not retried).
        """
        if queued.behind:
            if self._flushing is not None and not self._flushing.done():
                await asyncio.shield(self._flushing)  # rows it deletes are not a backlog
            return (await self.drain(send, chat_id=queued.chat_id)).dropped
        done: list[int] = []
        refused = 0
        for index, call in enumerate(queued.calls):
            outcome = await send(queued.chat_id, call.outgoing)
            if outcome.kind is SendKind.SENT:
                done.append(call.id)
                continue
            if outcome.kind is SendKind.FAILED:
                _log_drop(call.id, queued.chat_id, outcome)
                done.append(call.id)
                refused += 1
                continue
            row = QueuedRow(call.id, queued.runner_id, queued.chat_id, 0, {})
            rest = [later.id for later in queued.calls[index + 1 :]]
            async with self.sessions() as session, session.begin():
                await rows.delete_rows(session, done)
                await self._failed(session, row, outcome)
                await rows.release(session, rest)
            return refused
        self._sent_ok(queued.chat_id, done)
        return refused

    async def drain(self, send: Send, *, chat_id: int | None = None) -> DrainReport:
        """Send what waits (of one chat, or of all), each chat's oldest row first."""
        report = DrainReport()
        await self.flush()
        for _ in range(DRAIN_ROUNDS):
            now = self.clock()
            async with self.sessions() as session, session.begin():
                heads = await rows.claim_heads(
                    session,
                    now,
                    until=now + self.lease,
                    instance=self.instance,
                    limit=DRAIN_BATCH,
                    chat_id=chat_id,
                )
            if not heads:
                break
            outcomes = [
                (head, await send(head.chat_id, Outgoing.of_payload(head.payload)))
                for head in heads
            ]
            async with self.sessions() as session, session.begin():
                done = [head.id for head, outcome in outcomes if outcome.kind is SendKind.SENT]
                await rows.delete_rows(session, done)
                report.sent += len(done)
                for head, outcome in outcomes:
                    if outcome.kind is not SendKind.SENT:
                        dropped = await self._failed(session, head, outcome)
                        report.dropped += dropped
                        report.retried += not dropped
            if report.retried and chat_id is not None:
                break
        if report.sent or report.dropped or report.retried:
            log.info(
                "outbox: %d sent, %d to retry, %d dropped",
                report.sent,
                report.retried,
                report.dropped,
            )
        return report

    async def _failed(self, session: AsyncSession, row: QueuedRow, outcome: SendResult) -> int:
        """Record a failed call: retry later, or drop; returns how many rows were dropped."""
        now = self.clock()
        if outcome.kind is SendKind.FORBIDDEN:
            log.warning("outbox: chat %d blocked the bot; dropping its replies", row.chat_id)
            self._unflushed -= len(self._sent.pop(row.chat_id, ()))  # dropped with the rest
            await rows.mark_runner_blocked(session, row.runner_id)
            return await rows.drop_chat(session, row.chat_id)
        if outcome.kind is SendKind.RETRY_AFTER:
            at = now + timedelta(seconds=outcome.retry_after)
            await rows.retry_later(session, row.id, at=at, attempts=row.attempts, error="429")
            return 0
        attempts = row.attempts + 1
        if outcome.kind is SendKind.FAILED or attempts >= MAX_ATTEMPTS:
            _log_drop(row.id, row.chat_id, outcome, attempts)
            await rows.delete_rows(session, [row.id])
            return 1
        at = now + BACKOFF[attempts - 1]
        await rows.retry_later(session, row.id, at=at, attempts=attempts, error=outcome.error)
        return 0

    async def resume(self) -> int:
        """Free this instance's leases from before a restart."""
        async with self.sessions() as session, session.begin():
            freed = await rows.release_leases(session, self.instance)
        if freed:
            log.info("outbox: resuming %d replies this instance held when it stopped", freed)
        return freed

    def start(self, send: Send, interval: float = DRAIN_INTERVAL) -> None:
        """Resume, then drain every ``interval`` seconds until ``stop``."""
        if self._loop is None:
            self._loop = asyncio.get_running_loop().create_task(self._run(send, interval))

    async def stop(self) -> None:
        """Stop the drain loop (leases cover a pass cut short); delete the sent rows."""
        task, self._loop = self._loop, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._flushing is not None:
            await asyncio.shield(self._flushing)
        await self.flush()

    async def _run(self, send: Send, interval: float) -> None:
        resumed = False
        while True:
            try:
                if not resumed:
                    await self.resume()
                    resumed = True
                await self.drain(send)
            except Exception:
                log.exception("outbox drain failed; trying again in %g s", interval)
            await asyncio.sleep(interval)


def _log_drop(row_id: int, chat_id: int, outcome: SendResult, attempts: int = 1) -> None:
    log.warning(
        "outbox: dropped reply %d to chat %d after %d attempt(s): %s",
        row_id,
        chat_id,
        attempts,
        outcome.error or outcome.kind.value,
    )
