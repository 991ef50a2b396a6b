"""Odd sequences, end to end through the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.app import Services
from bot.core.phases import PhaseState
from bot.core.records import Completion, CompletionStatus
from bot.core.vocabulary import Phase
from bot.storage import get_runner_by_telegram_id, load_phase_state, recent_completions
from tests.bot.harness import FakeClock, running_bot, sqlite_url
from tests.bot.test_e2e import RUNNER, say
from tests.fakebotapi.server import FakeBotAPI

Bot = tuple[Application, Services]  # type: ignore[type-arg]


@pytest.fixture
async def bot(fake_api: FakeBotAPI, tmp_path: Path, clock: FakeClock) -> AsyncIterator[Bot]:
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as running:
        yield running


async def _stored(services: Services) -> tuple[PhaseState, list[Completion]]:
    async with services.coach.sessions() as session:
        runner = await get_runner_by_telegram_id(session, RUNNER)
        assert runner is not None
        state = await load_phase_state(session, runner.id)
        return state, await recent_completions(session, runner.id, date(2000, 1, 1))


async def test_done_after_pause_logs_the_session(bot: Bot, fake_api: FakeBotAPI) -> None:
    await say(fake_api, "/today")
    message = fake_api.sent_messages(RUNNER)[-1]
    done = next(data for data in message.callback_data if data.startswith("v1|dn|"))
    await say(fake_api, "/pause 2026-12-20")
    handle = fake_api.user(RUNNER, first_name="Ana")
    query = await handle.press(message.message_id, done)
    await fake_api.wait_for(method="editMessageText")
    await fake_api.wait_for(method="answerCallbackQuery")
    assert fake_api.callback_answer(query["callback_query"]["id"]) is not None
    edited = fake_api.message(RUNNER, message.message_id)
    assert "Logged as done" in edited.plain_text
    state, (logged,) = await _stored(bot[1])
    assert state.phase is Phase.PAUSED
    assert logged.status is CompletionStatus.DONE


@pytest.mark.parametrize("command", ["/pause 9999-12-31", "/race 9999-12-01"])
async def test_dates_beyond_two_years_are_refused_kindly(
    bot: Bot, fake_api: FakeBotAPI, command: str
) -> None:
    await say(fake_api, "/today")
    (refused,) = await say(fake_api, command)
    assert "two years" in refused
    (phase,) = await say(fake_api, "/phase")
    assert "You're in your base phase" in phase
    state, _ = await _stored(bot[1])
    assert (state.phase, state.paused_until, state.race_date) == (Phase.BASE, None, None)


async def test_free_text_pause_far_ahead_is_refused(bot: Bot, fake_api: FakeBotAPI) -> None:
    await say(fake_api, "/today")
    (refused,) = await say(fake_api, "I'm taking a break until 31 December 2999")
    assert "two years" in refused
    state, _ = await _stored(bot[1])
    assert state.phase is Phase.BASE


async def test_a_pause_into_next_year_shows_the_year(bot: Bot, fake_api: FakeBotAPI) -> None:
    await say(fake_api, "/today")
    await say(fake_api, "/pause 2027-01-05")
    (today,) = await say(fake_api, "/today")
    assert "Tue 05 Jan 2027" in today
