"""End to end (issue 13), through the fake Bot API: messages as runners write them, in our
own phrasings, and what each one stored (or, when asked about, did not store)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date, time
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.app import Services
from bot.core.records import CompletionStatus
from bot.core.vocabulary import Area, Phase, ReportKind, Side
from bot.storage import (
    load_phase_state,
    make_session_factory,
    recent_completions,
    recent_reports,
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

RUNNER = 4545
TUESDAY = date(2026, 12, 1)  # the harness clock's day


@pytest.fixture
async def bot(
    fake_api: FakeBotAPI, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[tuple[Application, Services]]:  # type: ignore[type-arg]
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as running:
        await begin_a_week_ago(fake_api, clock, RUNNER, "Kit")
        yield running


async def _say(api: FakeBotAPI, text: str, marker: str) -> str:
    """Send ``text``; wait for a message (or edit) containing ``marker``; return the texts
    of the bot's messages sent since, joined."""
    return "\n".join(await say_until(api, RUNNER, text, marker, first_name="Kit"))


async def _runner(services: Services) -> Runner:
    return await runner_row(services, RUNNER)


async def test_contrast_logs_the_sore_area_not_the_fine_one(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    said = await _say(fake_api, "glutes are fine but my quads are smashed, 6/10", "quads")
    assert "glutes" not in said.lower()
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:
        reports = await recent_reports(session, runner.id, TUESDAY)
    assert [(r.area, r.severity) for r in reports] == [(Area.QUADS, 6)]


async def test_a_reminder_and_a_city_in_one_message_set_both(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    before = len(fake_api.sent_messages(RUNNER))
    said = await _say(fake_api, "ping me at half 7 please, and I'm in Berlin now", "Berlin")
    assert len(fake_api.sent_messages(RUNNER)) == before + 1  # one reply for both parts
    assert "7:30" in said or "07:30" in said
    runner = await _runner(bot[1])
    assert (runner.reminder_time, runner.timezone) == (time(7, 30), "Europe/Berlin")


async def test_a_race_change_and_a_later_pause_in_one_message(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    before = len(fake_api.sent_messages(RUNNER))
    said = await _say(
        fake_api, "race got pushed to 10 may, also can we pause next week, I'm away", "planned"
    )
    assert len(fake_api.sent_messages(RUNNER)) == before + 1  # one reply for both parts
    assert "10 May" in said
    assert "Mon 7 Dec" in said
    runner = await _runner(bot[1])
    assert runner.race_date == date(2027, 5, 10)
    assert runner.paused_until is None  # a break that starts later leaves today's plan
    async with make_session_factory(bot[1].engine)() as session:
        state = await load_phase_state(session, runner.id)
    assert state.phase is not Phase.PAUSED
    assert (state.pause_planned_from, state.pause_planned_until) == (
        date(2026, 12, 7),
        date(2026, 12, 13),
    )
    phase = await _say(fake_api, "/phase", "Break planned")
    assert "Mon 07 Dec to Sun 13 Dec" in phase
    clock.advance(days=6)  # Monday 7 December: the break begins
    await _say(fake_api, "/today", "aused")
    runner = await _runner(bot[1])
    assert runner.paused_until == date(2026, 12, 13)


async def test_back_on_the_20th_pauses_to_the_19th(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "off on holiday, back on the 20th", "Paused")
    runner = await _runner(bot[1])
    assert runner.paused_until == date(2026, 12, 19)


async def test_yesterdays_session_is_logged_on_its_day_not_today(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    said = await _say(fake_api, "did the session yesterday but forgot to log it", "yesterday")
    assert "for yesterday" in said
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:
        logs = await recent_completions(session, runner.id, date(2026, 11, 1))
    assert [(c.on, c.status) for c in logs] == [(date(2026, 11, 30), CompletionStatus.DONE)]
    again = await _say(fake_api, "/today", "min")
    assert "Logged" not in again  # today is still open, its reminder too


async def test_odd_values_are_asked_about_and_reports_are_kept_without_the_number(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    before = (await _runner(bot[1])).reminder_time
    said = await _say(fake_api, "shins a bit sore, both sides, -5/10", "0 to 10")
    assert "noted it without a number" in said
    await _say(fake_api, "knee 11/10", "0 to 10")
    await _say(fake_api, "remind me at 25:00", "reminder time")
    await _say(fake_api, "remind me between 6 and 7", "reminder time")
    await _say(fake_api, "calves tight, like 3-4/10", "0 to 10")
    said = await _say(fake_api, "hamstring niggle 11/10", "0 to 10")
    assert "noted it without a number" in said
    assert "left that number out" not in said
    assert "as bad as pain gets" in said  # pain past the top: stop and get it checked
    runner = await _runner(bot[1])
    assert runner.reminder_time == before
    async with make_session_factory(bot[1].engine)() as session:
        reports = await recent_reports(session, runner.id, TUESDAY)
    # a report whose number cannot be right is kept without it (the plan spares the
    # area) and the number is asked for
    assert sorted((r.area, r.side, r.kind, r.severity) for r in reports) == sorted(
        [
            (Area.SHINS, Side.BOTH, ReportKind.SORENESS, None),
            (Area.KNEE, Side.NONE, ReportKind.PAIN, None),
            (Area.CALVES, Side.NONE, ReportKind.TIGHTNESS, None),
            (Area.HAMSTRINGS, Side.NONE, ReportKind.PAIN, None),
        ]
    )
    history = await _say(fake_api, "/history", "history")
    assert "hamstrings" in history


async def test_an_effort_range_logs_the_session_and_asks_for_one_number(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    said = await _say(fake_api, "finished the hip work, effort somewhere 7 or 8", "one number")
    assert "7 or 8" in said
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:
        logs = await recent_completions(session, runner.id, TUESDAY)
    assert [(c.status, c.rpe) for c in logs] == [(CompletionStatus.DONE, None)]
    await _say(fake_api, "8", "8")  # the one number, as the effort
    async with make_session_factory(bot[1].engine)() as session:
        logs = await recent_completions(session, runner.id, TUESDAY)
    assert [(c.status, c.rpe) for c in logs] == [(CompletionStatus.DONE, 8)]


async def test_questions_about_the_plan_are_answered_from_it(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    tomorrow = await _say(fake_api, "what's on tomorrow?", "Tomorrow")
    assert "Wed 02 Dec" in tomorrow
    week = await _say(fake_api, "what's the plan for the rest of the week", "Your next")
    assert "Mon 07 Dec" in week
    phase = await _say(fake_api, "which phase am i in", "You're in")
    assert "base" in phase.lower()
    jumps = await _say(fake_api, "when do the plyos start?", "ump")
    assert "jump" in jumps.lower()
    why = await _say(fake_api, "why are we doing so much mobility", "Why:")
    assert "before any jump work" in why
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:  # questions store nothing
        assert await recent_completions(session, runner.id, date(2026, 11, 1)) == []


async def test_not_understood_offers_the_closest_buttons(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "that settings thing", "Did you mean")
    offer = fake_api.sent_messages(RUNNER)[-1]
    assert 2 <= len(offer.callback_data) <= 3
    assert offer.callback_data[0] == "v1|sg|settings"
    handle = fake_api.user(RUNNER, first_name="Kit")
    await handle.press(offer.message_id, "v1|sg|settings")
    await fake_api.wait_for(lambda call: "Your settings" in str(call.params.get("text", "")))


async def test_several_areas_in_one_message_store_one_report_each(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "achy after yesterday: calves 3, glutes 5", "lutes")
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:
        reports = await recent_reports(session, runner.id, TUESDAY)
    assert {(r.area, r.severity) for r in reports} == {(Area.CALVES, 3), (Area.GLUTES, 5)}


async def test_a_recovered_area_is_settled_next_to_a_new_report(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "right knee pain 6/10", "knee")
    await _say(fake_api, "knee is back to normal now, calves a bit tight", "alves")
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:
        reports = await recent_reports(session, runner.id, TUESDAY)
    assert [(r.area, r.severity) for r in reports if r.area is Area.KNEE] == [
        (Area.KNEE, 6),
        (Area.KNEE, 0),  # settled: its follow-up ends
    ]
    assert [r.kind for r in reports if r.area is Area.CALVES] == [ReportKind.TIGHTNESS]


async def test_a_fine_exercise_and_a_bare_effort_log_the_session_only(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "done it. 4. the bridges were fine, glute bridge felt easy", "ogged")
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:
        logs = await recent_completions(session, runner.id, TUESDAY)
        reports = await recent_reports(session, runner.id, TUESDAY)
    assert [(c.status, c.rpe) for c in logs] == [(CompletionStatus.DONE, 4)]
    assert reports == []


async def test_a_warning_sign_wins_over_a_question_about_today(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    said = await _say(
        fake_api, "bit feverish tonight, should I still do today's session?", "doctor"
    )
    assert re.search(r"\b\d+ min\b", said) is None  # the warning, not the session
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:
        assert await recent_completions(session, runner.id, TUESDAY) == []


async def test_a_question_about_someone_else_stores_nothing(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "my sister has sciatica, could she use this too?", "didn")
    runner = await _runner(bot[1])
    async with make_session_factory(bot[1].engine)() as session:
        assert await recent_reports(session, runner.id, TUESDAY) == []
