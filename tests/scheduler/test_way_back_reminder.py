"""The morning reminder on the graded way back: the stage, and the morning-after question.

A runner who has not logged a session for more than a week gets the way back's first stage
in the reminder too, before they say a word (docs/coaching.md, "Graded way back").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from bot.core.content import load_content
from bot.core.planner import Planner
from bot.core.records import Completion
from bot.core.vocabulary import Category, Phase
from bot.storage.records import log_completion
from bot.storage.repository import load_phase_state, save_phase_state
from scheduler.fanout import plan_due
from scheduler.sender import Delivery
from tests.fakebotapi.limits import parse_html
from tests.scheduler.helpers import FakeSender, add_runner, send
from tests.storage.conftest import Database

START = datetime(2026, 3, 3, 5, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 3, 6, 0, tzinfo=UTC)  # 07:00 in Berlin, Tuesday 3 March
DAY = date(2026, 3, 3)
JUMPS = [e.name for e in load_content().exercises.values() if e.impact]


async def _reminders(database: Database, planner: Planner) -> dict[int, Delivery]:
    assert await plan_due(database.sessions, DUE + timedelta(seconds=5)) >= 1
    sender = FakeSender()
    await send(database.sessions, sender, planner, DUE + timedelta(seconds=5))
    return {delivery.chat_id: delivery for delivery in sender.sent}


async def test_the_morning_after_a_stage_session_the_reminder_asks_how_it_feels(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        runner = await add_runner(
            session, 7101, now=START, started=date(2026, 2, 17), phase=Phase.DYNAMIC_BLOCK
        )
        state = await load_phase_state(session, runner.id)
        staged = replace(
            state,
            way_back_stage=1,
            way_back_since=DAY - timedelta(days=1),
            way_back_passed_on=DAY - timedelta(days=1),
        )
        await save_phase_state(session, runner.id, staged, "test", DAY, changed=False)
    sent = await _reminders(database, planner)
    delivery = sent[7101]
    assert "Way back, stage 1 of 4" in delivery.text
    assert "How does it feel this morning after yesterday's session" in delivery.text
    data = [d for row in delivery.rows for _, d in row]
    assert {"v1|mf|260302|better", "v1|mf|260302|same", "v1|mf|260302|worse"} <= set(data)
    assert not [name for name in JUMPS if name in delivery.text]
    parse_html(delivery.text)


async def test_more_than_a_week_without_logs_starts_the_way_back_in_the_reminder(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        quiet = await add_runner(
            session, 7201, now=START, started=date(2026, 2, 17), phase=Phase.DYNAMIC_BLOCK
        )
        busy = await add_runner(
            session, 7202, now=START, started=date(2026, 2, 17), phase=Phase.DYNAMIC_BLOCK
        )
        long_ago = Completion(DAY - timedelta(days=9), Category.STATIC, "beginner-static")
        await log_completion(session, quiet.id, long_ago, START)
        recent = Completion(DAY - timedelta(days=2), Category.STATIC, "beginner-static")
        await log_completion(session, busy.id, recent, START)
    sent = await _reminders(database, planner)
    assert "Way back, stage 1 of 4" in sent[7201].text
    assert not [name for name in JUMPS if name in sent[7201].text]
    assert "Way back" not in sent[7202].text
