"""After a past stress fracture the morning reminder asks about bone pain, once a week on a
dynamic day (bot/core/health.py, docs/coaching.md "The health screen")."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.core.planner import Planner
from bot.core.vocabulary import Phase
from bot.presentation.scheduled import BONE_PAIN_QUESTION
from bot.storage import repository
from scheduler.fanout import plan_due
from tests.fakebotapi.limits import parse_html
from tests.scheduler.helpers import FakeSender, add_runner, send
from tests.storage.conftest import Database

# A jump day: Thursday 5 March (placement puts this runner's jumps on Mondays and Thursdays).
START = datetime(2026, 3, 5, 5, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 5, 6, 0, tzinfo=UTC)  # 07:00 in Berlin
BLOCK_START = date(2026, 2, 16)


async def _morning(database: Database, planner: Planner, start: datetime) -> dict[int, str]:
    due = start + timedelta(hours=1, seconds=5)
    async with database.sessions() as session, session.begin():
        for telegram_id, bone in ((7101, True), (7102, False)):
            runner = await add_runner(
                session,
                telegram_id,
                now=start,
                phase=Phase.DYNAMIC_BLOCK,
                started=BLOCK_START,
            )
            await repository.update_runner(session, runner, past_bone_stress=bone)
    assert await plan_due(database.sessions, due) == 2
    sender = FakeSender()
    await send(database.sessions, sender, planner, due)
    return {delivery.chat_id: delivery.text for delivery in sender.sent}


async def test_a_dynamic_mornings_reminder_asks_about_bone_pain(
    database: Database, planner: Planner
) -> None:
    texts = await _morning(database, planner, START)
    assert "foot contacts" not in texts[7101]  # the reminder lists names, not doses
    assert BONE_PAIN_QUESTION in texts[7101]
    assert "one spot in a bone" in texts[7101]
    assert "stress fracture" not in texts[7102]
    parse_html(texts[7101])


async def test_a_mobility_morning_does_not_ask(database: Database, planner: Planner) -> None:
    wednesday = START - timedelta(days=1)  # a mobility day
    texts = await _morning(database, planner, wednesday)
    assert BONE_PAIN_QUESTION not in texts[7101]
