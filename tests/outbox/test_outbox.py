"""The outbox: replies written with the update, sent at least once, in order per chat."""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.core.planner import Planner
from bot.presentation.callbacks import Action, Answer, encode
from bot.presentation.splitting import split_message
from bot.service.coach import Coach
from bot.service.messages import Button, Command, Document, Reply, Sender, Text
from bot.service.outbox import (
    BACKOFF,
    LEASE,
    MAX_ATTEMPTS,
    Outbox,
    Outgoing,
    Queued,
    outgoing_of,
)
from bot.service.sending import SendKind, SendResult
from bot.storage.models import OutboxRow, Runner
from tests.storage.conftest import Database

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclass
class FakeTelegram:
    """A ``Send`` that records what reached each chat and fails as told."""

    sent: list[tuple[int, str]] = field(default_factory=list)
    faults: deque[SendResult] = field(default_factory=deque)
    calls: int = 0

    async def __call__(self, chat_id: int, call: Outgoing) -> SendResult:
        self.calls += 1
        await asyncio.sleep(0)  # let other senders run, as a real request would
        if self.faults:
            return self.faults.popleft()
        self.sent.append((chat_id, call.text))
        return SendResult(SendKind.SENT)

    def fail(self, kind: SendKind, times: int = 1, retry_after: float = 0.0) -> None:
        self.faults.extend([SendResult(kind, retry_after=retry_after, error="test fault")] * times)

    def texts(self, chat_id: int) -> list[str]:
        return [text for chat, text in self.sent if chat == chat_id]


def make_coach(database: Database, planner: Planner, clock: Clock, instance: str = "a") -> Coach:
    outbox = Outbox(database.sessions, clock, instance=instance)
    return Coach(database.sessions, planner, clock, outbox)


async def say(coach: Coach, chat: int, text: str, update_id: int) -> Queued:
    inbound = Command(text[1:]) if text.startswith("/") else Text(text)
    queued = await coach.handle_queued(Sender(chat, chat, "Ana"), inbound, update_id)
    assert queued is not None
    return queued


async def waiting(database: Database) -> int:
    async with database.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(OutboxRow)) or 0)


async def test_replies_are_written_with_the_update_and_deleted_once_sent(
    database: Database, planner: Planner
) -> None:
    clock, telegram = Clock(), FakeTelegram()
    coach = make_coach(database, planner, clock)
    queued = await say(coach, 1, "/help", 1)
    assert queued.calls
    assert await waiting(database) == len(queued.calls)
    await coach.outbox.deliver(queued, telegram)
    assert len(telegram.texts(1)) == len(queued.calls)
    await coach.outbox.flush()  # sent rows go in bulk
    assert await waiting(database) == 0


async def test_a_sent_row_waiting_for_the_bulk_delete_is_no_backlog(
    database: Database, planner: Planner
) -> None:
    telegram = FakeTelegram()
    coach = make_coach(database, planner, Clock())
    await coach.outbox.deliver(await say(coach, 1, "/help", 1), telegram)
    assert await waiting(database) == 1
    second = await say(coach, 1, "/settings", 2)
    assert not second.behind
    await coach.outbox.deliver(second, telegram)
    assert len(telegram.texts(1)) == 2


async def test_a_duplicate_update_queues_nothing(database: Database, planner: Planner) -> None:
    coach = make_coach(database, planner, Clock())
    await say(coach, 1, "/help", 7)
    assert await coach.handle_queued(Sender(1, 1), Command("help"), 7) is None
    assert await waiting(database) == 1


async def test_a_failed_send_is_retried_after_its_backoff_in_order(
    database: Database, planner: Planner
) -> None:
    clock, telegram = Clock(), FakeTelegram()
    coach = make_coach(database, planner, clock)
    first = await say(coach, 1, "/help", 1)
    telegram.fail(SendKind.TRANSIENT)
    await coach.outbox.deliver(first, telegram)
    second = await say(coach, 1, "/settings", 2)
    assert second.behind  # the chat has a reply waiting: this one goes after it
    await coach.outbox.deliver(second, telegram)
    assert telegram.sent == []  # nothing overtook the first reply
    assert (await coach.outbox.drain(telegram)).sent == 0  # still backing off
    clock.advance(BACKOFF[0])
    report = await coach.outbox.drain(telegram)
    assert report.sent == 2
    assert telegram.texts(1) == [first.calls[0].outgoing.text, second.calls[0].outgoing.text]
    assert await waiting(database) == 0


async def test_429_waits_as_told_without_counting_an_attempt(
    database: Database, planner: Planner
) -> None:
    clock, telegram = Clock(), FakeTelegram()
    coach = make_coach(database, planner, clock)
    queued = await say(coach, 1, "/help", 1)
    telegram.fail(SendKind.RETRY_AFTER, times=MAX_ATTEMPTS + 2, retry_after=3)
    await coach.outbox.deliver(queued, telegram)
    for _ in range(MAX_ATTEMPTS + 1):
        clock.advance(timedelta(seconds=3))
        await coach.outbox.drain(telegram)
    assert await waiting(database) == 1  # 429s never use up the attempts
    clock.advance(timedelta(seconds=3))
    assert (await coach.outbox.drain(telegram)).sent == 1


async def test_transient_failures_give_up_after_the_last_attempt_and_the_next_reply_goes(
    database: Database, planner: Planner
) -> None:
    clock, telegram = Clock(), FakeTelegram()
    coach = make_coach(database, planner, clock)
    first = await say(coach, 1, "/help", 1)
    telegram.fail(SendKind.TRANSIENT, times=MAX_ATTEMPTS)
    await coach.outbox.deliver(first, telegram)
    second = await say(coach, 1, "/settings", 2)
    await coach.outbox.deliver(second, telegram)
    dropped = 0
    for wait in BACKOFF:
        clock.advance(wait)
        dropped += (await coach.outbox.drain(telegram)).dropped
    assert dropped == 1
    assert telegram.texts(1) == [second.calls[0].outgoing.text]
    assert telegram.calls == MAX_ATTEMPTS + 1


async def test_a_refused_call_is_dropped_and_the_rest_of_the_reply_goes(
    database: Database, planner: Planner
) -> None:
    telegram = FakeTelegram()
    coach = make_coach(database, planner, Clock())
    queued = await say(coach, 1, "/help", 1)
    queued = Queued(
        queued.runner_id,
        1,
        queued.replies,
        queued.calls + (await say(coach, 1, "/settings", 2)).calls,
    )
    telegram.fail(SendKind.FAILED)
    assert await coach.outbox.deliver(queued, telegram) == 1
    assert telegram.texts(1) == [queued.calls[1].outgoing.text]
    await coach.outbox.flush()
    assert await waiting(database) == 0


async def test_a_blocked_chat_loses_its_rows_and_the_runner_goes_inactive(
    database: Database, planner: Planner
) -> None:
    clock, telegram = Clock(), FakeTelegram()
    coach = make_coach(database, planner, clock)
    telegram.fail(SendKind.TRANSIENT)
    await coach.outbox.deliver(await say(coach, 1, "/help", 1), telegram)
    await coach.outbox.deliver(await say(coach, 1, "/settings", 2), telegram)
    await coach.outbox.deliver(await say(coach, 2, "/help", 3), telegram)
    clock.advance(BACKOFF[0])
    telegram.fail(SendKind.FORBIDDEN)
    report = await coach.outbox.drain(telegram)
    assert report.dropped == 2
    assert await waiting(database) == 0
    async with database.sessions() as session:
        active = dict((await session.execute(select(Runner.telegram_id, Runner.active))).all())
    assert active == {1: False, 2: True}


async def test_replies_of_an_instance_killed_before_sending_go_out_on_restart(
    database: Database, planner: Planner
) -> None:
    clock, telegram = Clock(), FakeTelegram()
    queued = await say(make_coach(database, planner, clock, "a"), 1, "/help", 1)
    # instance "a" dies here: committed, never sent
    other = Outbox(database.sessions, clock, instance="b")
    assert (await other.drain(telegram)).sent == 0  # leased to "a"
    restarted = Outbox(database.sessions, clock, instance="a")
    assert await restarted.resume() == len(queued.calls)
    assert (await restarted.drain(telegram)).sent == len(queued.calls)
    assert (await other.drain(telegram)).sent == 0


async def test_another_instance_takes_over_a_dead_ones_replies_when_the_lease_ends(
    database: Database, planner: Planner
) -> None:
    clock, telegram = Clock(), FakeTelegram()
    await say(make_coach(database, planner, clock, "a"), 1, "/help", 1)
    other = Outbox(database.sessions, clock, instance="b")
    clock.advance(LEASE)
    assert (await other.drain(telegram)).sent == 1


async def test_nothing_is_sent_twice_when_the_first_send_succeeded(
    database: Database, planner: Planner
) -> None:
    clock, telegram = Clock(), FakeTelegram()
    coach = make_coach(database, planner, clock)
    await coach.outbox.deliver(await say(coach, 1, "/help", 1), telegram)
    clock.advance(LEASE * 2)
    await coach.outbox.resume()
    assert (await coach.outbox.drain(telegram)).sent == 0
    assert telegram.calls == 1


async def test_concurrent_drains_send_each_row_once_in_order(
    database: Database, planner: Planner
) -> None:
    clock, telegram = Clock(), FakeTelegram()
    coach = make_coach(database, planner, clock)
    expected: dict[int, list[str]] = {}
    update_id = 0
    for chat in range(1, 6):
        for text in ("/help", "/settings", "/phase"):
            update_id += 1
            queued = await say(coach, chat, text, update_id)
            expected.setdefault(chat, []).extend(call.outgoing.text for call in queued.calls)
    # every instance died before sending: the rows are free once the lease ends
    clock.advance(LEASE)
    outboxes = [Outbox(database.sessions, clock, instance=name) for name in "bcd"]
    await asyncio.gather(*(outbox.drain(telegram) for outbox in outboxes))
    for chat, texts in expected.items():
        assert telegram.texts(chat) == texts
    assert telegram.calls == sum(len(texts) for texts in expected.values())


async def test_delete_leaves_no_outbox_rows_of_the_runner(
    database: Database, planner: Planner
) -> None:
    coach = make_coach(database, planner, Clock())
    await say(coach, 1, "/help", 1)
    await say(coach, 2, "/help", 2)
    await say(coach, 1, "/delete", 3)
    yes = encode(Action.CONFIRM_DELETE, Answer.YES)
    queued = await coach.handle_queued(Sender(1, 1), Button(yes), 4)
    assert queued is not None
    assert queued.direct
    assert not queued.calls
    async with database.sessions() as session:
        chats = list(await session.scalars(select(OutboxRow.chat_id)))
    assert chats == [2]


def test_a_stored_call_reads_back_as_written_without_the_picture() -> None:
    keyboard = ((("Done", "v1|dn|x"), ("Skip", "v1|sk|x")),)
    calls = [
        Outgoing("<b>hi</b>", keyboard, edit_message_id=5),
        Outgoing("share", request_location=True),
        Outgoing(document=Document("hipcoach-export.json", b"{}", "Your data")),
    ]
    for call in calls:
        assert Outgoing.of_payload(call.payload()) == call
    chart = Outgoing("4 weeks", photo=b"\x89PNG")
    assert Outgoing.of_payload(chart.payload()) == Outgoing("4 weeks")


@given(st.text(min_size=1, max_size=9000), st.booleans(), st.none() | st.integers(1, 99))
def test_calls_carry_every_part_of_a_reply_in_order(
    text: str, edit: bool, target: int | None
) -> None:
    keyboard = ((("Done", "v1|dn|x"),),)
    calls = outgoing_of([Reply(text=text, keyboard=keyboard, edit=edit)], target)
    assert [call.text for call in calls] == split_message(text)
    assert sum(1 for call in calls if call.keyboard) == 1
    edits = [call for call in calls if call.edit_message_id is not None]
    assert len(edits) == (1 if edit and target is not None else 0)
    assert not edits or calls[0] is edits[0]
    assert outgoing_of([Reply(toast="Already logged")], target) == []
