"""Updates handled once however often Telegram sends them; conversations kept in the database."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.chats import (
    Conversation,
    claim_update,
    clear_conversation,
    get_conversation,
    prune_handled_updates,
    set_conversation,
)
from bot.storage.models import HandledUpdate
from tests.storage.conftest import Database

NOW = datetime(2025, 3, 3, 18, 30, tzinfo=UTC)
BIG_ID = 2**40  # Telegram ids outgrow 32 bits


async def test_an_update_is_claimed_once(database: Database) -> None:
    for expected in (True, False):
        async with database.sessions() as session:
            assert await claim_update(session, BIG_ID, NOW) is expected
            await session.commit()


async def test_an_update_claimed_in_a_rolled_back_transaction_can_be_claimed_again(
    session: AsyncSession,
) -> None:
    assert await claim_update(session, 5, NOW) is True
    await session.rollback()
    assert await claim_update(session, 5, NOW) is True


async def test_concurrent_claims_of_one_update_have_one_winner(database: Database) -> None:
    async def claim() -> bool:
        async with database.sessions() as session:
            won = await claim_update(session, 99, NOW)
            await session.commit()
            return won

    results = await asyncio.gather(*(claim() for _ in range(20)))
    assert results.count(True) == 1


async def test_old_claims_are_pruned(session: AsyncSession) -> None:
    for update_id, age in ((1, 10), (2, 3), (3, 0)):
        await claim_update(session, update_id, NOW - timedelta(days=age))
    assert await prune_handled_updates(session, NOW - timedelta(days=7)) == 1
    await session.commit()
    assert sorted(await session.scalars(select(HandledUpdate.update_id))) == [2, 3]
    assert await claim_update(session, 1, NOW) is True


async def test_conversations_are_started_advanced_and_cleared(database: Database) -> None:
    async with database.sessions() as session:
        assert await get_conversation(session, BIG_ID) is None
        await set_conversation(session, BIG_ID, "onboarding", "level", {}, now=NOW)
        await session.commit()
    later = NOW + timedelta(minutes=1)
    data = {"level": "beginner", "equipment": ["band"], "rest_days": [6]}
    async with database.sessions() as session:  # as after a restart
        await set_conversation(session, BIG_ID, "onboarding", "equipment", data, now=later)
        assert await get_conversation(session, BIG_ID) == Conversation(
            "onboarding", "equipment", data, later
        )
        await set_conversation(session, 1, "sore", "area", {"text": "calf"}, now=NOW)
        await clear_conversation(session, BIG_ID)
        await clear_conversation(session, BIG_ID)
        await session.commit()
        assert await get_conversation(session, BIG_ID) is None
        other = await get_conversation(session, 1)
        assert other is not None
        assert other.name == "sore"
