"""End to end (issue 13): days said in a log, a skip or a pause reach the right days in
storage, through the fake Bot API; a range that cannot be right stores nothing. Our own
phrasings; the harness clock's day is Tuesday 1 December 2026."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.app import Services
from bot.core.records import CompletionStatus
from bot.core.vocabulary import Phase
from bot.storage import (
    load_phase_state,
    make_session_factory,
    recent_completions,
)
from bot.storage.models import Runner
from tests.bot.harness import (
    FakeClock,
    begin_a_week_ago,
    runner_row,
    running_bot,
    say_until,
    sqlite_url,
)
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 4646


@pytest.fixture
async def bot(
    fake_api: FakeBotAPI, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[tuple[Application, Services]]:  # type: ignore[type-arg]
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as running:
        await begin_a_week_ago(fake_api, clock, RUNNER, "Ash")
        yield running


async def _say(api: FakeBotAPI, text: str, marker: str) -> str:
    return "\n".join(await say_until(api, RUNNER, text, marker, first_name="Ash"))


async def _runner(services: Services) -> Runner:
    return await runner_row(services, RUNNER)


async def _logs(services: Services) -> list[tuple[date, CompletionStatus]]:
    runner = await _runner(services)
    async with make_session_factory(services.engine)() as session:
        logs = await recent_completions(session, runner.id, date(2026, 11, 1))
    return sorted((c.on, c.status) for c in logs)


async def test_a_skip_said_ahead_is_logged_on_that_day_and_today_stays_open(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    said = await _say(fake_api, "can't do thursday, school play", "Thu 03 Dec")
    logs = await _logs(bot[1])
    if "rest day" in said:
        assert logs == []
    else:
        assert "school play" in said
        assert logs == [(date(2026, 12, 3), CompletionStatus.SKIPPED)]
    again = await _say(fake_api, "/today", "min")
    assert "Logged" not in again  # today is still open


@pytest.mark.parametrize(
    ("text", "day", "label"),
    [
        ("wont manage tmrw's session, on a plane all day", date(2026, 12, 2), "Wed 02 Dec"),
        ("not gonna do it thurs, got a work do", date(2026, 12, 3), "Thu 03 Dec"),
    ],
)
async def test_a_skip_for_a_later_day_is_stored_for_it_and_the_reply_names_it(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, text: str, day: date, label: str
) -> None:
    said = await _say(fake_api, text, label)
    logs = await _logs(bot[1])
    if "rest day" in said:
        assert logs == []
    else:
        assert logs == [(day, CompletionStatus.SKIPPED)]
    assert (date(2026, 12, 1), CompletionStatus.SKIPPED) not in logs  # today stays open


async def test_two_missed_days_make_two_skips_in_one_reply(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    before = len(fake_api.sent_messages(RUNNER))
    await _say(fake_api, "missed sat and sun, the weekend ran away with me", "Noted: skipped")
    assert len(fake_api.sent_messages(RUNNER)) == before + 1  # one reply for both days
    logs = await _logs(bot[1])
    assert logs  # the defaults plan at least one of the two days
    assert {day for day, _ in logs} <= {date(2026, 11, 28), date(2026, 11, 29)}
    assert {status for _, status in logs} == {CompletionStatus.SKIPPED}


async def test_two_days_ahead_make_two_skips_and_a_done_is_for_the_last_one(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    said = await _say(fake_api, "won't make wed or thu, work conference", "Noted")
    logs = await _logs(bot[1])
    assert logs
    assert {day for day, _ in logs} <= {date(2026, 12, 2), date(2026, 12, 3)}
    assert {status for _, status in logs} == {CompletionStatus.SKIPPED}
    assert "Wed 02 Dec" in said or "Thu 03 Dec" in said
    await _say(fake_api, "finished thursday's session, effort 5", "for Thu")
    done = [log for log in await _logs(bot[1]) if log not in logs]
    assert done in ([(date(2026, 11, 26), CompletionStatus.DONE)], [])  # a done: last Thursday


async def test_a_reversed_range_is_asked_about_and_nothing_is_paused(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    said = await _say(fake_api, "please pause from the 24th to the 9th", "nothing is paused")
    assert "24th to the 9th" in said
    runner = await _runner(bot[1])
    assert runner.paused_until is None
    async with make_session_factory(bot[1].engine)() as session:
        state = await load_phase_state(session, runner.id)
    assert state.phase is not Phase.PAUSED
    assert state.pause_planned_from is None


async def test_a_fortnight_off_from_a_later_day_is_planned_from_that_day(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "taking a fortnight off from friday, skiing", "Fri 4 Dec")
    runner = await _runner(bot[1])
    assert runner.paused_until is None  # today's plan stays
    async with make_session_factory(bot[1].engine)() as session:
        state = await load_phase_state(session, runner.id)
    assert (state.pause_planned_from, state.pause_planned_until) == (
        date(2026, 12, 4),
        date(2026, 12, 17),
    )


async def test_cities_as_runners_name_them_set_their_zones(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "we live in NYC now", "New_York")
    assert (await _runner(bot[1])).timezone == "America/New_York"
    await _say(fake_api, "Manchester UK", "London")
    assert (await _runner(bot[1])).timezone == "Europe/London"
    await _say(fake_api, "just moved to Lisboa", "Lisbon")
    assert (await _runner(bot[1])).timezone == "Europe/Lisbon"
    said = await _say(fake_api, "I'm in canada now", "city")  # several zones: which city?
    assert "Tell me your time zone or city" in said
    assert (await _runner(bot[1])).timezone == "Europe/Lisbon"


async def test_an_impossible_race_date_is_asked_about_and_not_stored(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    said = await _say(fake_api, "my marathon is on 31st april", "race date")
    assert "31st april" in said
    assert (await _runner(bot[1])).race_date is None
    await _say(fake_api, "my marathon is on 4/25", "Apr")
    assert (await _runner(bot[1])).race_date == date(2027, 4, 25)


async def test_a_question_after_thanks_and_a_day_gone_by_are_answered(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    said = await _say(fake_api, "cheers coach! what's tomorrow?", "Tomorrow")
    assert "Wed 02 Dec" in said
    assert len(said.split("\n\n")) >= 2  # the thanks answered too, in the same reply
    past = await _say(fake_api, "what was the session on monday?", "Mon 30 Nov")
    assert "That was the plan for that day" in past
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:  # questions store nothing
        assert await recent_completions(session, runner.id, date(2026, 11, 1)) == []
