"""ChatOrderedUpdates: other chats go ahead, one chat's updates keep their order."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from telegram import CallbackQuery, Chat, Message, Update, User

from bot.telegram.ordering import ChatOrderedUpdates


def text_update(update_id: int, chat_id: int) -> Update:
    user = User(chat_id, "Runner", is_bot=False)
    chat = Chat(chat_id, Chat.PRIVATE)
    message = Message(update_id, datetime.now(UTC), chat, from_user=user, text="hi")
    return Update(update_id, message=message)


def tap_without_message(update_id: int, user_id: int) -> Update:
    user = User(user_id, "Runner", is_bot=False)
    query = CallbackQuery(str(update_id), user, chat_instance="x", data="v1|x")
    return Update(update_id, callback_query=query)


class Journal:
    """What ran when: ``("start", id)`` and ``("end", id)`` entries, and gates to hold them."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, int]] = []
        self.gates: dict[int, asyncio.Event] = {}

    def hold(self, update_id: int) -> asyncio.Event:
        self.gates[update_id] = asyncio.Event()
        return self.gates[update_id]

    async def work(self, update_id: int) -> None:
        self.entries.append(("start", update_id))
        if update_id in self.gates:
            await self.gates[update_id].wait()
        await asyncio.sleep(0)
        self.entries.append(("end", update_id))


async def run_all(processor: ChatOrderedUpdates, journal: Journal, updates: list[Update]) -> None:
    tasks = [
        asyncio.create_task(processor.process_update(update, journal.work(update.update_id)))
        for update in updates
    ]
    await asyncio.gather(*tasks)


async def test_one_chats_updates_run_one_at_a_time_in_order() -> None:
    processor, journal = ChatOrderedUpdates(16), Journal()
    await run_all(processor, journal, [text_update(i, chat_id=7) for i in range(1, 6)])
    assert journal.entries == [(kind, i) for i in range(1, 6) for kind in ("start", "end")]
    assert not len(processor._locks)  # an idle chat leaves nothing behind


async def test_other_chats_go_ahead_while_one_chat_waits() -> None:
    processor, journal = ChatOrderedUpdates(16), Journal()
    gate = journal.hold(1)
    updates = [text_update(1, chat_id=7), text_update(2, chat_id=7), text_update(3, chat_id=8)]
    running = asyncio.create_task(run_all(processor, journal, updates))
    for _ in range(20):
        await asyncio.sleep(0)
    assert journal.entries == [("start", 1), ("start", 3), ("end", 3)]  # 2 waits for 1
    gate.set()
    await running
    assert journal.entries[3:] == [("end", 1), ("start", 2), ("end", 2)]


async def test_order_holds_when_updates_queue_for_the_limit() -> None:
    processor, journal = ChatOrderedUpdates(2), Journal()
    updates = [text_update(i, chat_id=7 + i % 3) for i in range(1, 31)]
    await run_all(processor, journal, updates)
    for chat in (7, 8, 9):
        ids = [i for kind, i in journal.entries if kind == "start" and 7 + i % 3 == chat]
        assert ids == sorted(ids)
    assert processor.current_concurrent_updates == 0


async def test_an_update_without_a_chat_is_ordered_by_its_sender() -> None:
    processor, journal = ChatOrderedUpdates(16), Journal()
    gate = journal.hold(1)
    running = asyncio.create_task(
        run_all(processor, journal, [tap_without_message(1, 5), tap_without_message(2, 5)])
    )
    for _ in range(20):
        await asyncio.sleep(0)
    assert journal.entries == [("start", 1)]
    gate.set()
    await running
    assert [i for kind, i in journal.entries if kind == "start"] == [1, 2]


async def test_anything_else_runs_straight_away() -> None:
    processor, journal = ChatOrderedUpdates(16), Journal()
    await processor.process_update("not an update", journal.work(1))
    assert journal.entries == [("start", 1), ("end", 1)]


async def test_an_update_stopped_while_waiting_never_starts_and_frees_the_chat() -> None:
    processor, journal = ChatOrderedUpdates(16), Journal()
    gate = journal.hold(1)
    first = asyncio.create_task(processor.process_update(text_update(1, 7), journal.work(1)))
    second = asyncio.create_task(processor.process_update(text_update(2, 7), journal.work(2)))
    for _ in range(5):
        await asyncio.sleep(0)
    second.cancel()
    await asyncio.gather(second, return_exceptions=True)
    gate.set()
    await first
    assert journal.entries == [("start", 1), ("end", 1)]
    assert not len(processor._locks)
